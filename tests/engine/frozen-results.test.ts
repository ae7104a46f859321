// What the engine hands out is frozen all the way down (typed arrays aside, DESIGN §8). A run that
// keeps no log and passes no onRound freezes only what its strategies see (round.ts, UNOBSERVED;
// tests/engine/unobserved.test.ts checks the views); it must give the same worlds and metrics, and
// anything a caller can still reach must stay frozen.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import type { RoundResult, SimEvent, WorldSpec } from '../../src/index.js';
import { worldJson } from '../helpers/engine.js';

const SPEC: WorldSpec = {
  actors: [
    { id: 'US', strategy: 'tit-for-tat', capabilities: { espionage: 0.9, offense: 0.8, defense: 0.7, attribution: 0.8, stealth: 0.6 } },
    { id: 'CN', strategy: 'hawk', capabilities: { espionage: 0.8, offense: 0.6, defense: 0.6, attribution: 0.6, stealth: 0.5 } },
    { id: 'RU', strategy: 'random', capabilities: { espionage: 0.7, offense: 0.8, defense: 0.5, attribution: 0.5, stealth: 0.7 } },
  ],
  agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'hotline' }] }],
};

/** Paths of every object or array under `value` that is not frozen (typed arrays excepted). */
function unfrozen(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) return [];
  seen.add(value);
  const out = Object.isFrozen(value) ? [] : [path];
  for (const [k, v] of Object.entries(value)) out.push(...unfrozen(v, `${path}.${k}`, seen));
  return out;
}

describe('frozen results', () => {
  it('a logged run: every event, every world and every metric record is deeply frozen', () => {
    const run = simulate(SPEC, { seed: 'frozen', rounds: 20 });
    expect(run.log.some((e) => e.type === 'operation.conducted')).toBe(true);
    expect(run.log.some((e) => e.type === 'decision.made')).toBe(true);
    expect(unfrozen(run.log)).toEqual([]);
    expect(unfrozen(run.world)).toEqual([]);
    expect(unfrozen(run.metrics)).toEqual([]);
  });

  it('a run without a log ends in the same world with the same metrics, still deeply frozen', () => {
    const logged = simulate(SPEC, { seed: 'frozen', rounds: 20 });
    const bare = simulate(SPEC, { seed: 'frozen', rounds: 20, log: false });
    expect(bare.log).toEqual([]);
    expect(worldJson(bare.world)).toBe(worldJson(logged.world));
    expect(bare.metrics).toEqual(logged.metrics);
    expect(unfrozen(bare.world)).toEqual([]);
  });

  it('events handed to onRound are deeply frozen even when the run keeps no log', () => {
    const seen: SimEvent[] = [];
    simulate(SPEC, { seed: 'frozen', rounds: 12, log: false, onRound: (r: RoundResult) => seen.push(...r.events) });
    expect(seen.some((e) => e.type === 'incident.detected' || e.type === 'operation.conducted')).toBe(true);
    expect(seen.flatMap((e, k) => unfrozen(e, `event ${k}`))).toEqual([]);
  });
});
