import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/index.js';
import type { WorldSpec } from '../../../src/index.js';
import { arbActorSpecs, arbDyads } from '../../../src/testing/index.js';
import type { Inject } from '../../../src/model/inject.js';
import type { Commitment } from '../../../src/model/agreement.js';
import { compare } from './helpers.js';
import { arbOperation, arbParams, arbReveal, arbSanctionOrThreat, basics, withStrategies } from './arb.js';

// Worlds of the six covered strategies in random mixes, with random parameters, proxies and criminal
// groups, initial dyads, norms and agreements, covered injects and mechanism overrides: the flat
// path must reach the general path's outcome on each.
const SIX = ['deterrer', 'pragmatist', 'contractor', 'hawk', 'tit-for-tat', 'passive'] as const;
const PARAMS: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  deterrer: [['retaliateAt', 0, 1], ['retaliationCost', 0, 10]],
  pragmatist: [['spyBelowExposure', 0, 1], ['threshold', 0, 1]],
  contractor: [['rate', 0, 1]],
  hawk: [['accuseAt', 0, 1], ['sanctionAt', 0, 1], ['retaliateAt', 0, 1], ['disruptBelowTrust', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  'tit-for-tat': [['threshold', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  passive: [],
};
const NORMS = ['gge15.f', 'gge15.k', 'gge15.c', 'gge15.h'];
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const registry = createRegistry();

const arbTerms: fc.Arbitrary<Commitment[]> = fc.array(
  fc.oneof(
    fc.constantFrom<Commitment>({ kind: 'hotline' }, { kind: 'no-commercial-theft' }, { kind: 'assistance' }, { kind: 'information-sharing' }, { kind: 'sanctions-relief' }, { kind: 'next-round', rounds: 2 }),
    fc.subarray(['gge15.f', 'gge15.k'], { minLength: 1 }).map((norms): Commitment => ({ kind: 'norms', norms })),
  ),
  { minLength: 1, maxLength: 4 },
);

function arbWorld(): fc.Arbitrary<{ spec: WorldSpec; seed: number; rounds: number }> {
  return arbActorSpecs({ min: 2, max: 6, strategies: SIX, proxies: true, criminals: true }).chain((actors) => {
    const { ids, n, pick, states, pair, round } = basics(actors);
    const inject: fc.Arbitrary<Inject | null> = fc.oneof(
      arbOperation(ids, round, pair, pick),
      arbReveal(ids, round, pick),
      fc.record({ round, pair, terms: arbTerms }).map(({ round, pair, terms }): Inject => ({ round, type: 'agreement', parties: [...pair], terms })),
      arbSanctionOrThreat(ids, states, round, pick),
      fc.constant<Inject>({ round: 1, type: 'note', text: 'note' }),
    );
    const params = arbParams(actors, PARAMS);
    const mechanisms = fc.record(
      {
        operations: fc.record({ maxPerRound: fc.nat({ max: 4 }) }),
        posterior: fc.record({ investigationRounds: fc.nat({ max: 5 }), nobodyWeight: unit }),
        detection: fc.record({ scale: fc.double({ min: 0, max: 3, noNaN: true }) }),
        falseAlarm: fc.record({ rate: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
        identification: fc.record({ proxySponsorLink: unit, sharingBonus: unit }),
        audit: fc.record({ confidenceThreshold: unit }),
        talks: fc.record({ deadline: fc.integer({ min: 1, max: 4 }) }),
        trust: fc.record({ decay: unit, keptCommitment: unit, brokenCommitment: fc.double({ min: 0, max: 3, noNaN: true }) }),
        escalation: fc.record({ rungDecay: fc.nat({ max: 2 }), openConflictScore: fc.double({ min: 0.5, max: 10, noNaN: true }) }),
      },
      { requiredKeys: [] },
    );
    return fc.record({
      params,
      dyads: arbDyads(ids),
      norms: fc.array(fc.subarray(NORMS), { minLength: n, maxLength: n }),
      agreements: fc.array(fc.record({ pair, terms: arbTerms }), { maxLength: 2 }),
      injects: fc.array(inject, { maxLength: 6 }),
      mechanisms: fc.option(mechanisms, { freq: 2 }),
      seed: fc.nat({ max: 1_000_000 }),
      rounds: fc.integer({ min: 1, max: 20 }),
    }).map(({ params, dyads, norms, agreements, injects, mechanisms, seed, rounds }) => {
      const spec: WorldSpec = {
        actors: withStrategies(actors, PARAMS, params, registry),
        dyads,
        norms: Object.fromEntries(ids.map((id, i) => [id, norms[i] as string[]])),
        agreements: agreements.map(({ pair, terms }) => ({ parties: [...pair], terms })),
        injects: injects.filter((x): x is Inject => x !== null),
        ...(mechanisms === null ? {} : { mechanisms }),
      };
      return { spec, seed, rounds };
    });
  });
}

describe('flat path on generated worlds of the six strategies', () => {
  it('equals the general path (metrics, peak rungs, welfare, tallies)', () => {
    // What the generated runs went through, so that a property that passes is known to have met
    // each mechanism (and not only quiet worlds).
    const seen = { runs: 0, accusations: 0, right: 0, signed: 0, sanctions: 0, retaliations: 0, hotline: 0, norms: 0, rejected: 0, conflict: 0 };
    fc.assert(
      fc.property(arbWorld(), ({ spec, seed, rounds }) => {
        const out = compare(spec, seed, rounds);
        seen.runs++;
        seen.accusations += out.accusations;
        seen.right += out.accusationsRight;
        seen.signed += out.agreementsSigned;
        for (const m of out.metrics) {
          seen.sanctions += m.sanctionsImposed;
          seen.retaliations += m.retaliations;
          seen.hotline += m.hotlineQueries;
          seen.norms += m.normsAdopted;
          seen.rejected += m.rejectedActions;
        }
        if (out.metrics.some((m) => m.maxRung === 7)) seen.conflict++;
      }),
      { numRuns: 800 },
    );
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });
});
