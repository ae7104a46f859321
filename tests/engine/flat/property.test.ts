import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/index.js';
import type { WorldSpec } from '../../../src/index.js';
import { arbActorSpecs, arbDyads } from '../../../src/testing/index.js';
import type { Inject } from '../../../src/model/inject.js';
import type { Commitment } from '../../../src/model/agreement.js';
import { compare } from './helpers.js';

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
    const ids = actors.map((a) => a.id);
    const n = ids.length;
    const pick = fc.nat({ max: n - 1 });
    const states = actors.filter((a) => (a.kind ?? 'state') === 'state').map((a) => a.id);
    const pair = fc.tuple(pick, fc.nat({ max: n - 2 })).map(([a, b]) => [ids[a] as string, ids[(a + 1 + b) % n] as string] as const);
    const round = fc.nat({ max: 8 });
    const inject: fc.Arbitrary<Inject | null> = fc.oneof(
      fc.record({ round, pair, kind: fc.constantFrom('espionage' as const, 'disruption' as const, 'degradation' as const), against: fc.constantFrom('networks' as const, 'critical-infrastructure' as const, 'cert' as const), flag: fc.option(pick), commercial: fc.boolean() }).map(({ round, pair: [actor, target], kind, against, flag, commercial }): Inject => {
        const falseFlag = flag === null ? undefined : ids[flag];
        return { round, type: 'operation', actor, target, kind, against, ...(falseFlag !== undefined && falseFlag !== target ? { falseFlag } : {}), ...(kind === 'espionage' && commercial ? { commercial } : {}) };
      }),
      fc.record({ round, victim: fc.option(pick) }).map(({ round, victim }): Inject => ({ round, type: 'reveal', ...(victim === null ? {} : { victim: ids[victim] as string }) })),
      fc.record({ round, pair, terms: arbTerms }).map(({ round, pair, terms }): Inject => ({ round, type: 'agreement', parties: [...pair], terms })),
      fc.record({ round, by: pick, target: pick, measure: fc.constantFrom('economic' as const, 'indictment' as const), threat: fc.boolean() }).map(({ round, by, target, measure, threat }): Inject | null => {
        const b = states[by % Math.max(1, states.length)];
        const t = ids[target];
        if (b === undefined || t === undefined || b === t) return null;
        return threat ? { round, type: 'threat', by: b, target: t, measure } : { round, type: 'sanction', by: b, target: t, measure };
      }),
      fc.constant<Inject>({ round: 1, type: 'note', text: 'note' }),
    );
    const params = fc.tuple(...actors.map((a) => fc.tuple(...(PARAMS[a.strategy as string] ?? []).map(([, lo, hi]) => fc.option(fc.double({ min: lo, max: hi, noNaN: true }))))));
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
        actors: actors.map((a, i) => {
          const name = a.strategy as string;
          const chosen: Record<string, number> = {};
          (PARAMS[name] ?? []).forEach(([key], k) => {
            const v = (params[i] as (number | null)[])[k];
            if (v !== null && v !== undefined) chosen[key] = v;
          });
          return { ...a, strategy: registry.get(name, chosen) };
        }),
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
