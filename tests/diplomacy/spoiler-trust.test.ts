/**
 * A spoiler signs commitments and cheats where it expects not to be caught; its partner's trust
 * follows what the partner perceives (docs/diplomacy.md, "The commitment audit"). Over 100 seeds
 * of a spoiler S bound to a partner P (`cautious` or `dove`, forensics 0.4–0.6) by a
 * no-commercial-theft agreement: in every round in which P perceives S breaking it, P's trust in S
 * ends lower than it ended the round before, unless S also answered a request of P's that round
 * (a denial earns half of `trust.answeredRequest`, docs/diplomacy.md: near the floor of trust that
 * credit can outweigh the violation); it ends below where it started even then; and by the end of
 * the run P trusts S less than at the start in most seeds where it perceived a violation.
 *
 * The exception was not needed while a victim with one plausible suspect grew LESS sure with each
 * signal (fixed in src/model/attribution.ts): the dove then never reached its threshold here, so it
 * never accused, and S never had a request of P's to answer.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { eventsOf, trustOf } from './helpers.js';

const SEEDS = 100;
const ROUNDS = 20;

describe("a spoiler's partner", () => {
  it('trusts it less after every round in which it perceives a broken commitment, and less at the end than at the start', () => {
    const tally = { perceivedRounds: 0, answeredRounds: 0, seedsWithViolations: 0, finalBelowInitial: 0, unnoticed: 0 };
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
      // Rounds in which S answered one of P's requests (an accusation, a hotline query, a call for help).
      const answered = new Set(run.log.filter((e) => (e.type === 'accusation.answered' || e.type === 'hotline.answered' || e.type === 'assistance.answered') && e.by === 'S' && e.to === 'P').map((e) => e.round));
      for (const round of perceived) {
        const before = round === 0 ? initial : (trust[round - 1] as number);
        const after = trust[round] as number;
        const at = `seed ${seed} (${partner}, attribution ${attribution}) round ${round}: trust ${before} → ${after}`;
        if (answered.has(round)) {
          tally.answeredRounds++;
          if (!(after < initial)) failures.push(`${at}, not below the initial ${initial} (S answered a request)`);
        } else if (!(after < before)) failures.push(at);
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
    // The exception stays one: most perceived rounds carry no answer to weigh against them.
    expect(tally.answeredRounds, JSON.stringify(tally)).toBeLessThan(tally.perceivedRounds / 4);
    expect(tally.finalBelowInitial, JSON.stringify(tally)).toBeGreaterThan(tally.seedsWithViolations / 2);
    console.info(`spoiler and partner over ${SEEDS} seeds: ${JSON.stringify(tally)}`);
  });
});
