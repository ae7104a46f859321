/**
 * A spoiler signs commitments and cheats where it expects not to be caught; its partner's trust
 * follows what the partner perceives (docs/diplomacy.md, "The commitment audit"). Over 100 seeds
 * of a spoiler S bound to a partner P (`cautious` or `dove`, forensics 0.4–0.6) by a
 * no-commercial-theft agreement: in every round in which P perceives S breaking it, P's trust in S
 * ends lower than it ended the round before; and by the end of the run P trusts S less than at
 * the start in most seeds where it perceived a violation.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { eventsOf, trustOf } from './helpers.js';

const SEEDS = 100;
const ROUNDS = 20;

describe("a spoiler's partner", () => {
  it('trusts it less after every round in which it perceives a broken commitment, and less at the end than at the start', () => {
    const tally = { perceivedRounds: 0, seedsWithViolations: 0, finalBelowInitial: 0, unnoticed: 0 };
    const failures: string[] = [];
    for (let seed = 0; seed < SEEDS; seed++) {
      const partner = seed % 2 === 0 ? 'cautious' : 'dove';
      const attribution = 0.4 + 0.05 * (seed % 5);
      const trust: number[] = [];
      const run = simulate(
        {
          actors: [
            { id: 'S', strategy: 'spoiler', capabilities: { espionage: 0.7, stealth: 0.5 } },
            { id: 'P', strategy: partner, capabilities: { attribution } },
          ],
          agreements: [{ parties: ['P', 'S'], terms: [{ kind: 'no-commercial-theft' }] }],
        },
        { seed, rounds: ROUNDS, onRound: (r) => trust.push(trustOf(r.world, 'P', 'S')) },
      );
      const initial = trustOf(run.initial, 'P', 'S');
      const perceived = new Set(eventsOf(run.log, 'violation.perceived', (e) => e.by === 'P' && e.against === 'S').map((e) => e.round));
      for (const round of perceived) {
        const before = round === 0 ? initial : (trust[round - 1] as number);
        const after = trust[round] as number;
        if (!(after < before)) failures.push(`seed ${seed} (${partner}, attribution ${attribution}) round ${round}: trust ${before} → ${after}`);
      }
      tally.perceivedRounds += perceived.size;
      tally.unnoticed += eventsOf(run.log, 'violation.committed').length - eventsOf(run.log, 'violation.perceived').length;
      if (perceived.size > 0) {
        tally.seedsWithViolations++;
        if ((trust[ROUNDS - 1] as number) < initial) tally.finalBelowInitial++;
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: the spoiler cheats, is caught in most runs, and also gets away with some of it.
    expect(tally.seedsWithViolations).toBeGreaterThan(SEEDS * 0.8);
    expect(tally.perceivedRounds).toBeGreaterThan(SEEDS);
    expect(tally.unnoticed).toBeGreaterThan(0);
    expect(tally.finalBelowInitial, JSON.stringify(tally)).toBeGreaterThan(tally.seedsWithViolations / 2);
    console.info(`spoiler and partner over ${SEEDS} seeds: ${JSON.stringify(tally)}`);
  });
});
