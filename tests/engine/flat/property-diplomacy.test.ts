import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, simulate } from '../../../src/index.js';
import type { WorldSpec } from '../../../src/index.js';
import { arbActorSpecs, arbDyads } from '../../../src/testing/index.js';
import type { Inject } from '../../../src/model/inject.js';
import type { Commitment } from '../../../src/model/agreement.js';
import type { SimEvent } from '../../../src/model/event.js';
import { playFlat } from '../../../src/engine/flat/index.js';
import { setupFor, tallyOf } from './helpers.js';

// Worlds of every covered strategy (the six of property.test.ts and the diplomatic built-ins) with
// forums (members, calendars, rules, agendas), assistance terms, norms (h among them), initial
// agreements, proxies and criminal groups, covered injects and mechanism overrides: the flat path
// must reach the general path's outcome on each; and the runs must meet every mechanism added here.
const STRATEGIES = ['deterrer', 'pragmatist', 'contractor', 'hawk', 'tit-for-tat', 'passive', 'cautious', 'cautious', 'de-escalator', 'de-escalator'] as const;
const PARAMS: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  deterrer: [['retaliateAt', 0, 1], ['retaliationCost', 0, 10]],
  pragmatist: [['spyBelowExposure', 0, 1], ['threshold', 0, 1]],
  contractor: [['rate', 0, 1]],
  hawk: [['accuseAt', 0, 1], ['sanctionAt', 0, 1], ['retaliateAt', 0, 1], ['disruptBelowTrust', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  'tit-for-tat': [['threshold', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  passive: [],
  cautious: [['threshold', 0, 1], ['sanctionAt', 0, 1]],
  'de-escalator': [['accuseAt', 0, 1], ['minConfidence', 0, 1]],
};
const GGE = ['gge15.a', 'gge15.b', 'gge15.c', 'gge15.d', 'gge15.e', 'gge15.f', 'gge15.g', 'gge15.h', 'gge15.i', 'gge15.j', 'gge15.k'];
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const registry = createRegistry();

const arbTerms: fc.Arbitrary<Commitment[]> = fc.array(
  fc.oneof(
    fc.constantFrom<Commitment>({ kind: 'hotline' }, { kind: 'no-commercial-theft' }, { kind: 'assistance' }, { kind: 'information-sharing' }, { kind: 'sanctions-relief' }, { kind: 'next-round', rounds: 2 }),
    fc.nat({ max: 4 }).map((rounds): Commitment => ({ kind: 'assistance', rounds })),
    fc.subarray(['gge15.f', 'gge15.k', 'gge15.h'], { minLength: 1 }).map((norms): Commitment => ({ kind: 'norms', norms })),
  ),
  { minLength: 1, maxLength: 4 },
);

/** A world, the seed and the number of rounds. */
export interface Drawn {
  readonly spec: WorldSpec;
  readonly seed: number;
  readonly rounds: number;
}

export function arbWorld(strategies: readonly string[] = STRATEGIES, params: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = PARAMS): fc.Arbitrary<Drawn> {
  return arbActorSpecs({ min: 2, max: 7, strategies, proxies: true, criminals: true }).chain((actors) => {
    const ids = actors.map((a) => a.id);
    const n = ids.length;
    const pick = fc.nat({ max: n - 1 });
    const states = actors.filter((a) => (a.kind ?? 'state') === 'state').map((a) => a.id);
    const pair = fc.tuple(pick, fc.nat({ max: n - 2 })).map(([a, b]) => [ids[a] as string, ids[(a + 1 + b) % n] as string] as const);
    const round = fc.nat({ max: 8 });
    const mechanisms = fc.record(
      {
        operations: fc.record({ maxPerRound: fc.nat({ max: 4 }) }),
        posterior: fc.record({ investigationRounds: fc.nat({ max: 5 }), nobodyWeight: unit }),
        detection: fc.record({ scale: fc.double({ min: 0, max: 3, noNaN: true }) }),
        falseAlarm: fc.record({ rate: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
        identification: fc.record({ proxySponsorLink: unit, sharingBonus: unit }),
        audit: fc.record({ confidenceThreshold: unit }),
        talks: fc.record({ deadline: fc.integer({ min: 1, max: 4 }), maxExchangesPerRound: fc.integer({ min: 1, max: 4 }) }),
        assistance: fc.record({ deadline: fc.nat({ max: 3 }) }),
        trust: fc.record({ decay: unit, keptCommitment: unit, brokenCommitment: fc.double({ min: 0, max: 3, noNaN: true }), cooperation: unit, sharedInformation: unit }),
        escalation: fc.record({ rungDecay: fc.nat({ max: 2 }), openConflictScore: fc.double({ min: 0.5, max: 10, noNaN: true }) }),
      },
      { requiredKeys: [] },
    );
    const inject: fc.Arbitrary<Inject | null> = fc.oneof(
      fc.record({ round, pair, kind: fc.constantFrom('espionage' as const, 'disruption' as const, 'degradation' as const), against: fc.constantFrom('networks' as const, 'critical-infrastructure' as const, 'cert' as const), flag: fc.option(pick), commercial: fc.boolean() }).map(({ round, pair: [actor, target], kind, against, flag, commercial }): Inject => {
        const falseFlag = flag === null ? undefined : ids[flag];
        return { round, type: 'operation', actor, target, kind, against, ...(falseFlag !== undefined && falseFlag !== target ? { falseFlag } : {}), ...(kind === 'espionage' && commercial ? { commercial } : {}) };
      }),
      fc.record({ round, victim: fc.option(pick) }).map(({ round, victim }): Inject => ({ round, type: 'reveal', ...(victim === null ? {} : { victim: ids[victim] as string }) })),
      fc.record({ round, parties: fc.subarray(ids, { minLength: 2 }), terms: arbTerms }).map(({ round, parties, terms }): Inject => ({ round, type: 'agreement', parties, terms })),
      fc.record({ round, by: pick, target: pick, measure: fc.constantFrom('economic' as const, 'indictment' as const), threat: fc.boolean() }).map(({ round, by, target, measure, threat }): Inject | null => {
        const b = states[by % Math.max(1, states.length)];
        const t = ids[target];
        if (b === undefined || t === undefined || b === t) return null;
        return threat ? { round, type: 'threat', by: b, target: t, measure } : { round, type: 'sanction', by: b, target: t, measure };
      }),
      fc.constant<Inject>({ round: 1, type: 'note', text: 'note' }),
      fc.record({ round, actor: pick, capability: fc.constantFrom('espionage' as const, 'offense' as const, 'defense' as const, 'attribution' as const, 'stealth' as const), value: unit }).map(({ round, actor, capability, value }): Inject => ({ round, type: 'capability', actor: ids[actor] as string, capability, value })),
      fc.record({ round, set: mechanisms }).map(({ round, set }): Inject => ({ round, type: 'mechanisms', set })),
    );
    const forum = fc.record({
      members: fc.subarray(ids, { minLength: 2 }),
      first: fc.nat({ max: 5 }),
      every: fc.integer({ min: 1, max: 4 }),
      rule: fc.oneof(fc.constant('consensus' as const), fc.double({ min: 0.05, max: 1, noNaN: true }).map((threshold) => ({ threshold }))),
      agenda: fc.array(fc.subarray(GGE, { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
    });
    const drawnParams = fc.tuple(...actors.map((a) => fc.tuple(...(params[a.strategy as string] ?? []).map(([, lo, hi]) => fc.option(fc.double({ min: lo, max: hi, noNaN: true }))))));
    return fc.record({
      params: drawnParams,
      dyads: arbDyads(ids),
      norms: fc.array(fc.subarray(GGE, { maxLength: 5 }), { minLength: n, maxLength: n }),
      agreements: fc.array(fc.record({ parties: fc.subarray(ids, { minLength: 2 }), terms: arbTerms }), { maxLength: 3 }),
      forums: fc.array(forum, { maxLength: 2 }),
      injects: fc.array(inject, { maxLength: 8 }),
      mechanisms: fc.option(mechanisms, { freq: 2 }),
      seed: fc.nat({ max: 1_000_000 }),
      rounds: fc.integer({ min: 1, max: 16 }),
    }).map(({ params: chosenParams, dyads, norms, agreements, forums, injects, mechanisms, seed, rounds }) => {
      const spec: WorldSpec = {
        actors: actors.map((a, i) => {
          const name = a.strategy as string;
          const chosen: Record<string, number> = {};
          (params[name] ?? []).forEach(([key], k) => {
            const v = (chosenParams[i] as (number | null)[])[k];
            if (v !== null && v !== undefined) chosen[key] = v;
          });
          return { ...a, strategy: registry.get(name, chosen) };
        }),
        dyads,
        norms: Object.fromEntries(ids.map((id, i) => [id, norms[i] as string[]])),
        agreements: agreements.map(({ parties, terms }) => ({ parties, terms })),
        forums: forums.map((f, k) => ({ id: `F${k}`, ...f })),
        injects: injects.filter((x): x is Inject => x !== null),
        ...(mechanisms === null ? {} : { mechanisms }),
      };
      return { spec, seed, rounds };
    });
  });
}

/** Compare the flat outcome with the general path's, as helpers.ts's compare does; returns the general run's log. */
export function compareLogged({ spec, seed, rounds }: Drawn): readonly SimEvent[] {
  const { setup, seed: s } = setupFor(spec, seed);
  const flat = playFlat(setup, s, rounds);
  const run = simulate(spec, { seed, rounds, log: true });
  expect(flat.metrics).toEqual(run.metrics);
  expect(Array.from(flat.peakRung)).toEqual(Array.from(run.world.dyads.peakRung));
  expect(Array.from(flat.welfare)).toEqual(Array.from(run.world.welfare));
  const t = tallyOf(run.log);
  expect({ accusations: flat.accusations, accusationsRight: flat.accusationsRight, agreementsSigned: flat.agreementsSigned, firstAgreementRound: flat.firstAgreementRound }).toEqual(t);
  return run.log;
}

/** Event counts by a key, for the checks that the runs met each mechanism. */
export function countInto(seen: Record<string, number>, log: readonly SimEvent[]): void {
  const add = (key: string) => {
    if (key in seen) seen[key] = (seen[key] as number) + 1;
  };
  for (const e of log) {
    switch (e.type) {
      case 'forum.adopted':
        add(e.holdouts.length + e.abstained.length > 0 ? 'forumAdoptedNotUnanimous' : 'forumAdopted');
        break;
      case 'forum.failed':
        add(e.accepted.length > 0 ? 'forumFailedWithYes' : 'forumFailed');
        break;
      case 'forum.tabled':
        add('tabled');
        break;
      case 'norm.adopted':
        add(e.phase === 'responses' ? 'normByForumOrTalks' : 'normAdopted');
        break;
      case 'assistance.requested':
        add('assistanceAsked');
        break;
      case 'assistance.answered':
        add(e.answer === 'cooperate' ? 'assistanceCooperate' : 'assistanceDeny');
        break;
      case 'request.unanswered':
        if (e.kind === 'assistance') add('assistanceUnanswered');
        break;
      case 'violation.perceived':
        if (e.commitment === 'assistance') add('assistanceBreach');
        if (e.norm === 'gge15.h') add('normHBreach');
        break;
      case 'accusation.answered':
      case 'hotline.answered':
        if (e.answer === 'acknowledge') add('acknowledged');
        break;
      case 'information.shared':
        add('shared');
        break;
      case 'talks.offered':
        add('counter');
        break;
      case 'talks.ended':
        add(`talks-${e.outcome}`);
        break;
      case 'agreement.withdrawn':
        add('withdrawn');
        break;
      case 'dialogue.held':
      case 'dialogue.skipped':
      case 'dialogue.suspended':
      case 'dialogue.resumed':
      case 'sanction.lifted':
        add(e.type);
        break;
      case 'accusation.made':
        add('accusation');
        break;
      case 'sanction.imposed':
        add('sanction');
        break;
      case 'inject.applied':
        if (e.inject.type === 'capability' || e.inject.type === 'mechanisms') add(e.inject.type);
        break;
      default:
        break;
    }
  }
}

describe('flat path on generated worlds with forums, assistance, cautious and de-escalator', () => {
  it('equals the general path (metrics, peak rungs, welfare, tallies) and meets every mechanism', () => {
    const seen: Record<string, number> = { forumAdopted: 0, forumAdoptedNotUnanimous: 0, forumFailed: 0, forumFailedWithYes: 0, normByForumOrTalks: 0, normAdopted: 0, assistanceAsked: 0, assistanceCooperate: 0, assistanceDeny: 0, assistanceUnanswered: 0, accusation: 0, sanction: 0, capability: 0, mechanisms: 0, shared: 0, 'sanction.lifted': 0, 'talks-agreed': 0 };
    fc.assert(
      fc.property(arbWorld(), (drawn) => countInto(seen, compareLogged(drawn))),
      { numRuns: 500 },
    );
    if (process.env.FLAT_SEEN) console.log(seen);
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });

  it('equals the general path where cautious actors ask for assistance that goes unanswered under a commitment', () => {
    // Cautious victims of hawks ask the most capable third party, often one that never answers.
    const seen: Record<string, number> = { assistanceAsked: 0, assistanceCooperate: 0, assistanceDeny: 0, assistanceUnanswered: 0, assistanceBreach: 0, normHBreach: 0, acknowledged: 0 };
    fc.assert(
      fc.property(arbWorld(['cautious', 'cautious', 'passive', 'contractor', 'hawk', 'de-escalator'], PARAMS), (drawn) => countInto(seen, compareLogged(drawn))),
      { numRuns: 300 },
    );
    if (process.env.FLAT_SEEN) console.log(seen);
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });
});
