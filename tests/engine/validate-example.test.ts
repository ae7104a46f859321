/**
 * The TSDoc example of validateAction, run: what it says is what happens.
 */
import { describe, expect, it } from 'vitest';
import { simulate, validateAction } from '../../src/index.js';

describe('validateAction, as its example says', () => {
  it('names the missing hotline for an incident of the actor, and the unknown incident first', () => {
    // C spies on US every round, and US (strong forensics, detection scaled up) detects it.
    const run = simulate(
      {
        actors: [{ id: 'US', capabilities: { attribution: 0.9 } }, { id: 'CN' }, { id: 'C', capabilities: { espionage: 0.9 } }],
        injects: [{ round: 0, type: 'operation', actor: 'C', target: 'US', kind: 'espionage' }],
        mechanisms: { detection: { scale: 5 } },
      },
      { seed: 1, rounds: 1 },
    );
    const world = run.world;
    const incident = world.incidents.find((i) => i.victim === 'US')?.id;
    expect(incident).toBeDefined();
    expect(validateAction(world, 'US', 'diplomacy', { type: 'hotline-query', target: 'CN', incident })).toBe('no hotline between US and CN');
    expect(validateAction(world, 'US', 'diplomacy', { type: 'hotline-query', target: 'CN', incident: 'x' })).toBe("no incident 'x' of US under investigation");
  });
});
