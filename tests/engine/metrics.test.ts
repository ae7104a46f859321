/**
 * roundMetrics counts attributions as RoundMetrics documents them: a misattribution is a detection
 * whose first top suspect was someone else. A real operation can be detected with no suspect at
 * all (no one the victim finds capable of it: every prior but "nobody" is 0), and that is no one
 * else: it was counted as a misattribution, while the report calls it 'unattributed'.
 */
import { describe, expect, it } from 'vitest';
import { incidentRecords, simulate } from '../../src/index.js';
import type { Capabilities } from '../../src/index.js';

const caps = (c: Partial<Capabilities>): Capabilities => ({ espionage: 0.5, offense: 0.5, defense: 0.5, attribution: 0.5, stealth: 0.5, ...c });

describe('roundMetrics counts attributions as documented', () => {
  it('a real operation detected with no suspect is neither a correct attribution nor a misattribution', () => {
    // B detects everything (attribution 1, A's stealth 0) and has no false alarms (rate · (1 − 1));
    // A has no espionage capability, so B's prior gives it no weight and the signal naming it is not usable.
    const run = simulate(
      {
        actors: [
          { id: 'A', capabilities: caps({ espionage: 0, stealth: 0 }) },
          { id: 'B', capabilities: caps({ attribution: 1 }) },
        ],
        injects: [{ round: 0, type: 'operation', actor: 'A', target: 'B', kind: 'espionage' }],
      },
      { seed: 1, rounds: 1 },
    );
    const detected = run.log.filter((e) => e.type === 'incident.detected');
    expect(detected.map((e) => [e.operation, e.suspect])).toEqual([['op:0:A:0', null]]);
    expect(incidentRecords(run.log).map((r) => r.outcome)).toEqual(['unattributed']);
    expect(run.metrics[0]).toMatchObject({ detections: 1, falseAlarms: 0, correctAttributions: 0, misattributions: 0 });
  });

  it('one suspected wrongly is still a misattribution', () => {
    // C could have done it (espionage > 0): B's prior gives it all the weight. Nobody has false alarms (attribution 1).
    const run = simulate(
      {
        actors: [
          { id: 'A', capabilities: caps({ espionage: 0, stealth: 0, attribution: 1 }) },
          { id: 'B', capabilities: caps({ attribution: 1 }) },
          { id: 'C', capabilities: caps({ attribution: 1 }) },
        ],
        injects: [{ round: 0, type: 'operation', actor: 'A', target: 'B', kind: 'espionage' }],
      },
      { seed: 1, rounds: 1 },
    );
    expect(run.log.filter((e) => e.type === 'incident.detected').map((e) => [e.operation, e.suspect])).toEqual([['op:0:A:0', 'C']]);
    expect(run.metrics[0]).toMatchObject({ detections: 1, falseAlarms: 0, correctAttributions: 0, misattributions: 1 });
  });
});
