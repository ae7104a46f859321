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
import { arbOperation, arbParams, arbReveal, arbSanctionOrThreat, basics, withStrategies } from './arb.js';

// Worlds of every covered strategy (the six of property.test.ts, the diplomatic built-ins and the
// simple and reactive ones of property-simple.test.ts) with forums (members, calendars, rules,
// agendas), assistance terms, dialogues (next-round terms), norms (h among them), initial
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
  dove: [['threshold', 0, 1]],
  random: [['rate', 0, 1]],
  'generous-tit-for-tat': [['threshold', 0, 1], ['generosity', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  'grim-trigger': [['threshold', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  spoiler: [['cheatBelow', 0, 1]],
  'norm-entrepreneur': [['threshold', 0, 1]],
};
/** Every covered strategy (the simple and reactive built-ins of property-simple.test.ts among them). */
const EVERY = [...STRATEGIES, 'dove', 'random', 'generous-tit-for-tat', 'grim-trigger', 'grim-trigger', 'spoiler', 'norm-entrepreneur', 'norm-entrepreneur'] as const;
const GGE = ['gge15.a', 'gge15.b', 'gge15.c', 'gge15.d', 'gge15.e', 'gge15.f', 'gge15.g', 'gge15.h', 'gge15.i', 'gge15.j', 'gge15.k'];
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const registry = createRegistry();

const arbTerms: fc.Arbitrary<Commitment[]> = fc.array(
  fc.oneof(
    fc.constantFrom<Commitment>({ kind: 'hotline' }, { kind: 'no-commercial-theft' }, { kind: 'assistance' }, { kind: 'information-sharing' }, { kind: 'sanctions-relief' }, { kind: 'next-round', rounds: 2 }, { kind: 'next-round', rounds: 1 }),
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
    const { ids, n, pick, states, pair, round } = basics(actors);
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
        hotline: fc.record({ acknowledgementLikelihoodRatio: fc.double({ min: 0.1, max: 10, noNaN: true }) }),
        trust: fc.record({ decay: unit, keptCommitment: unit, brokenCommitment: fc.double({ min: 0, max: 3, noNaN: true }), cooperation: unit, sharedInformation: unit, sanctionLifted: unit, walkOut: unit }),
        escalation: fc.record({ rungDecay: fc.nat({ max: 2 }), openConflictScore: fc.double({ min: 0.5, max: 10, noNaN: true }) }),
      },
      { requiredKeys: [] },
    );
    const inject: fc.Arbitrary<Inject | null> = fc.oneof(
      arbOperation(ids, round, pair, pick),
      arbReveal(ids, round, pick),
      fc.record({ round, parties: fc.subarray(ids, { minLength: 2 }), terms: arbTerms }).map(({ round, parties, terms }): Inject => ({ round, type: 'agreement', parties, terms })),
      arbSanctionOrThreat(ids, states, round, pick),
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
    const drawnParams = arbParams(actors, params);
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
        actors: withStrategies(actors, params, chosenParams, registry),
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

/**
 * Event counts by a key, for the checks that the runs met each mechanism. With `spec`, also by the
 * strategy of the actor that answered (`vote:<strategy>:<answer>`, `assistance:<strategy>:<answer>`,
 * with `ignore` for an assistance request left unanswered) and by the strategy that suspended or
 * resumed a dialogue (`dialogue.suspended:<strategy>`).
 */
export function countInto(seen: Record<string, number>, log: readonly SimEvent[], spec?: WorldSpec): void {
  const add = (key: string) => {
    if (key in seen) seen[key] = (seen[key] as number) + 1;
  };
  const strategy = new Map((spec?.actors ?? []).map((a) => [a.id, typeof a.strategy === 'object' ? a.strategy.name : String(a.strategy)]));
  const by = (actor: string, what: string) => add(`${what.split(':')[0]}:${strategy.get(actor)}${what.includes(':') ? what.slice(what.indexOf(':')) : ''}`);
  for (const e of log) {
    switch (e.type) {
      case 'forum.adopted':
      case 'forum.failed':
        if (e.type === 'forum.adopted') add(e.holdouts.length + e.abstained.length > 0 ? 'forumAdoptedNotUnanimous' : 'forumAdopted');
        else add(e.accepted.length > 0 ? 'forumFailedWithYes' : 'forumFailed');
        for (const a of e.accepted) by(a, 'vote:accept');
        for (const a of e.holdouts) by(a, 'vote:reject');
        for (const a of e.abstained) by(a, 'vote:ignore');
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
        by(e.by, `assistance:${e.answer}`);
        break;
      case 'request.unanswered':
        if (e.kind === 'assistance') {
          add('assistanceUnanswered');
          by(e.by, 'assistance:ignore');
        }
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
      case 'dialogue.suspended':
      case 'dialogue.resumed':
        add(e.type);
        by(e.by, e.type);
        break;
      case 'dialogue.held':
      case 'dialogue.skipped':
      case 'sanction.lifted':
        add(e.type);
        break;
      case 'action.rejected': {
        const type = (e.action as { type?: string }).type;
        if (type === 'suspend-dialogue' || type === 'resume-dialogue' || type === 'lift-sanction' || type === 'adopt-norm' || type === 'table-package' || type === 'propose-talks') add(`rejected:${type}`);
        break;
      }
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

describe('flat path on generated worlds with forums, assistance, dialogues and every covered strategy', () => {
  it('equals the general path (metrics, peak rungs, welfare, tallies) and meets every mechanism', () => {
    const seen: Record<string, number> = { forumAdopted: 0, forumAdoptedNotUnanimous: 0, forumFailed: 0, forumFailedWithYes: 0, normByForumOrTalks: 0, normAdopted: 0, assistanceAsked: 0, assistanceCooperate: 0, assistanceUnanswered: 0, accusation: 0, sanction: 0, capability: 0, mechanisms: 0, shared: 0, 'sanction.lifted': 0, 'talks-agreed': 0 };
    fc.assert(
      fc.property(arbWorld(), (drawn) => countInto(seen, compareLogged(drawn))),
      { numRuns: 500 },
    );
    if (process.env.FLAT_SEEN) console.log(seen);
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });

  it('equals the general path with every covered strategy, the simple and reactive ones answering votes and requests for assistance', () => {
    const seen: Record<string, number> = {
      'vote:dove:accept': 0, 'vote:random:accept': 0, 'vote:random:reject': 0, 'vote:random:ignore': 0, 'vote:generous-tit-for-tat:accept': 0, 'vote:grim-trigger:accept': 0,
      'dialogue.suspended:grim-trigger': 0, 'dialogue.skipped': 0,
      'sanction.lifted': 0, 'talks-walked-out': 0, 'talks-rejected': 0, 'talks-expired': 0, acknowledged: 0, capability: 0, mechanisms: 0,
      'vote:spoiler:accept': 0, 'vote:norm-entrepreneur:accept': 0, tabled: 0,
    };
    fc.assert(
      fc.property(arbWorld(EVERY, PARAMS), (drawn) => countInto(seen, compareLogged(drawn), drawn.spec)),
      { numRuns: 600 },
    );
    if (process.env.FLAT_SEEN) console.log(seen);
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });

  it('equals the general path where cautious actors ask for assistance that goes unanswered under a commitment', () => {
    // Cautious victims of hawks ask the most capable third party, often one that never answers.
    const seen: Record<string, number> = {
      assistanceAsked: 0, assistanceCooperate: 0, assistanceDeny: 0, assistanceUnanswered: 0, assistanceBreach: 0, normHBreach: 0, acknowledged: 0,
    };
    fc.assert(
      fc.property(arbWorld(['cautious', 'cautious', 'passive', 'contractor', 'hawk', 'de-escalator', 'random', 'random', 'dove', 'generous-tit-for-tat', 'grim-trigger', 'spoiler', 'norm-entrepreneur'], PARAMS), (drawn) => countInto(seen, compareLogged(drawn), drawn.spec)),
      { numRuns: 400 },
    );
    if (process.env.FLAT_SEEN) console.log(seen);
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });
});

describe('flat path on small worlds where the simple built-ins are asked for assistance', () => {
  const reg = createRegistry();
  const caps = (attribution: number, x = 0.8) => ({ espionage: x, offense: x, defense: 0.2, attribution, stealth: 0.3 });
  it('a random helper cooperates, denies or lets the request expire (an assistance term due at once); a spoiler denies; the others help', () => {
    const seen: Record<string, number> = {
      'assistance:random:cooperate': 0, 'assistance:random:deny': 0, 'assistance:random:ignore': 0, 'assistance:spoiler:deny': 0, assistanceBreach: 0,
      'assistance:dove:cooperate': 0, 'assistance:grim-trigger:cooperate': 0, 'assistance:generous-tit-for-tat:cooperate': 0, 'assistance:norm-entrepreneur:cooperate': 0,
    };
    for (const helper of ['random', 'dove', 'spoiler', 'grim-trigger', 'generous-tit-for-tat', 'norm-entrepreneur'] as const) {
      const spec: WorldSpec = {
        actors: [
          { id: 'C', capabilities: caps(0.4, 0), strategy: reg.get('cautious', { threshold: 1, sanctionAt: 1 }) },
          { id: 'H', capabilities: caps(0.1, 0.9), strategy: reg.get('hawk', {}) },
          { id: 'R', capabilities: caps(0.95, 0), strategy: reg.get(helper, {}) },
        ],
        agreements: [{ parties: ['C', 'R'], terms: [{ kind: 'assistance', rounds: 0 }] }],
      };
      for (let seed = 1; seed <= 12; seed++) countInto(seen, compareLogged({ spec, seed, rounds: 12 }), spec);
    }
    if (process.env.FLAT_SEEN) console.log(seen);
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });
});

describe('flat path on a dialogue that grim-trigger suspends and de-escalator resumes', () => {
  const reg = createRegistry();
  const caps = (x: number) => ({ espionage: x, offense: x, defense: 0.2, attribution: 0.95, stealth: 0.1 });
  it('a resumed dialogue is suspended again when grim-trigger finds a new offender, which it would not be if still suspended', () => {
    // One dialogue of three: G suspends it on D's operation, D resumes it (with G, its first other
    // party), G suspends it again on X's operation.
    const spec: WorldSpec = {
      actors: [
        { id: 'D', capabilities: caps(0.6), strategy: reg.get('de-escalator', {}) },
        { id: 'G', capabilities: caps(0), strategy: reg.get('grim-trigger', { threshold: 0.5 }) },
        { id: 'X', capabilities: caps(0.6), strategy: 'passive' },
      ],
      agreements: [{ parties: ['D', 'G', 'X'], terms: [{ kind: 'next-round', rounds: 1 }] }],
      injects: [
        { round: 0, type: 'operation', actor: 'D', target: 'G', kind: 'espionage' },
        { round: 1, type: 'operation', actor: 'D', target: 'G', kind: 'espionage' },
        { round: 3, type: 'operation', actor: 'X', target: 'G', kind: 'disruption' },
        { round: 4, type: 'operation', actor: 'X', target: 'G', kind: 'disruption' },
      ],
      mechanisms: { detection: { scale: 3 } },
    };
    const seen: Record<string, number> = { 'dialogue.suspended:grim-trigger': 0, 'dialogue.resumed:de-escalator': 0 };
    let again = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const log = compareLogged({ spec, seed, rounds: 8 });
      countInto(seen, log, spec);
      const resumed = log.find((e) => e.type === 'dialogue.resumed');
      if (resumed && log.some((e) => e.type === 'dialogue.suspended' && e.round > resumed.round)) again++;
    }
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
    expect(again).toBeGreaterThan(0);
  });
});

describe('flat path on counter-offers and further passes of phase 5', () => {
  it('equals the general path where pragmatists counter the offers of states sanctioning them (spoilers, norm entrepreneurs)', () => {
    // Sanction injects on pragmatists by the proposers; maxExchangesPerRound from 1 to 4 decides
    // whether the counter is answered in a further pass or next round.
    const seen: Record<string, number> = { counter: 0, 'talks-agreed': 0, 'talks-expired': 0, 'talks-walked-out': 0, 'rejected:propose-talks': 0 };
    let further = 0;
    let later = 0;
    const reg = createRegistry();
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const world = fc
      .record({
        // Proposers first (by id), so that their offer opens before the pragmatist's own offer of
        // relief; then pragmatists; then others.
        strategies: fc
          .tuple(fc.array(fc.constantFrom('spoiler', 'norm-entrepreneur'), { minLength: 1, maxLength: 2 }), fc.array(fc.constant('pragmatist'), { minLength: 1, maxLength: 2 }), fc.array(fc.constantFrom('random', 'de-escalator', 'pragmatist', 'spoiler'), { maxLength: 1 }))
          .map(([a, b, c]) => [...a, ...b, ...c]),
        sanctions: fc.array(fc.record({ round: fc.nat({ max: 4 }), by: fc.nat({ max: 4 }), target: fc.nat({ max: 4 }), measure: fc.constantFrom('economic' as const, 'indictment' as const) }), { minLength: 1, maxLength: 6 }),
        esp: fc.array(unit, { minLength: 5, maxLength: 5 }),
        max: fc.integer({ min: 1, max: 3 }),
        deadline: fc.integer({ min: 1, max: 3 }),
        seed: fc.nat({ max: 1000 }),
        rounds: fc.integer({ min: 1, max: 10 }),
      })
      .map(({ strategies, sanctions, esp, max, deadline, seed, rounds }): Drawn => {
        const n = strategies.length;
        const spec: WorldSpec = {
          actors: strategies.map((name, i) => ({ id: ids[i] as string, capabilities: { espionage: esp[i] as number, offense: 0.3, defense: 0.3, attribution: 0.6, stealth: 0.4 }, strategy: reg.get(name, {}) })),
          injects: sanctions.filter((x) => x.by % n !== x.target % n).map((x): Inject => ({ round: x.round, type: 'sanction', by: ids[x.by % n] as string, target: ids[x.target % n] as string, measure: x.measure })),
          mechanisms: { talks: { maxExchangesPerRound: max, deadline } },
        };
        return { spec, seed, rounds };
      });
    fc.assert(
      fc.property(world, (drawn) => {
        const log = compareLogged(drawn);
        countInto(seen, log, drawn.spec);
        for (const e of log) {
          if (e.type !== 'talks.offered') continue;
          if (log.some((x) => x.type === 'talks.ended' && x.talks === e.talks && x.round === e.round && x.outcome === 'agreed')) further++;
          else later++;
        }
      }),
      { numRuns: 400 },
    );
    if (process.env.FLAT_SEEN) console.log(seen, { further, later });
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
    expect(further).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(0);
  });

  it('answers a counter-offer in the same round within maxExchangesPerRound, and next round beyond it', () => {
    const reg = createRegistry();
    const caps = { espionage: 0.5, offense: 0.5, defense: 0.3, attribution: 0.5, stealth: 0.5 };
    for (const max of [1, 2]) {
      const spec: WorldSpec = {
        actors: [
          { id: 'N', capabilities: caps, strategy: reg.get('norm-entrepreneur', {}) },
          { id: 'P', capabilities: caps, strategy: reg.get('pragmatist', {}) },
          { id: 'S', capabilities: caps, strategy: reg.get('spoiler', {}) },
        ],
        injects: [
          { round: 0, type: 'sanction', by: 'N', target: 'P', measure: 'economic' },
          { round: 0, type: 'sanction', by: 'S', target: 'P', measure: 'indictment' },
        ],
        mechanisms: { talks: { maxExchangesPerRound: max, deadline: 3 } },
      };
      for (let seed = 1; seed <= 3; seed++) {
        const log = compareLogged({ spec, seed, rounds: 6 });
        const offered = log.filter((e) => e.type === 'talks.offered');
        const agreed = log.filter((e) => e.type === 'talks.ended' && e.outcome === 'agreed');
        expect(offered.length).toBeGreaterThan(0);
        // Signed in the round of the counter with two exchanges a round, a round later with one.
        for (const o of offered) expect(agreed.some((a) => a.type === 'talks.ended' && o.type === 'talks.offered' && a.talks === o.talks && a.round === o.round + (max === 1 ? 1 : 0))).toBe(true);
      }
    }
  });
});

describe('flat path on a package tabled by a norm entrepreneur', () => {
  it('is rejected when the norms it lacked were the only ones missing (it adopts them first), tabled and voted on otherwise', () => {
    const reg = createRegistry();
    const caps = { espionage: 0, offense: 0, defense: 0.3, attribution: 0.5, stealth: 0.5 };
    const seen: Record<string, number> = { tabled: 0, 'rejected:table-package': 0, 'vote:norm-entrepreneur:accept': 0, 'vote:hawk:reject': 0, forumFailedWithYes: 0, 'vote:contractor:ignore': 0 };
    for (const other of ['dove', 'hawk', 'contractor'] as const) {
      const spec: WorldSpec = {
        actors: [
          { id: 'N', capabilities: caps, strategy: reg.get('norm-entrepreneur', {}) },
          { id: 'O', capabilities: caps, strategy: reg.get(other, {}) },
        ],
        // The other member holds every norm (a dove adopts them all in its first phase 4 anyway).
        norms: { O: GGE },
        forums: [{ id: 'F', members: ['N', 'O'], first: 0, every: 2 }],
      };
      countInto(seen, compareLogged({ spec, seed: 1, rounds: 5 }), spec);
      // Where the other member lacks norms, the package stands.
      const lacking: WorldSpec = { ...spec, norms: { O: GGE.slice(0, 4) } };
      countInto(seen, compareLogged({ spec: lacking, seed: 1, rounds: 5 }), lacking);
    }
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });
});
