import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, parseScenario, simulate } from '../../../src/index.js';
import type { WorldSpec } from '../../../src/index.js';
import { arbActorSpecs, arbDyads } from '../../../src/testing/index.js';
import type { Inject } from '../../../src/model/inject.js';
import type { Commitment } from '../../../src/model/agreement.js';
import type { SimEvent } from '../../../src/model/event.js';
import { playFlat } from '../../../src/engine/flat/index.js';
import { setupFor, tallyOf } from './helpers.js';
import { arbOperation, arbParams, arbReveal, arbSanctionOrThreat, basics, withStrategies } from './arb.js';

// Worlds mixing the simple and reactive built-ins (dove, random, generous-tit-for-tat, grim-trigger)
// with the six of property.test.ts, with random parameters, proxies and criminal groups, initial
// dyads, norms and agreements (dialogues included), covered injects and mechanism overrides: the
// flat path must reach the general path's outcome on each, and the runs must meet every mechanism
// these strategies bring (lift-sanction, adopt-norm, acknowledge, walk-out, forgiveness, suspended
// dialogues, grim's memory, random's disruptions and degradations…).
const ALL = ['deterrer', 'pragmatist', 'contractor', 'hawk', 'tit-for-tat', 'passive', 'dove', 'random', 'generous-tit-for-tat', 'grim-trigger'] as const;
const NEW = new Set<string>(['dove', 'random', 'generous-tit-for-tat', 'grim-trigger']);
const PARAMS: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  deterrer: [['retaliateAt', 0, 1], ['retaliationCost', 0, 10]],
  pragmatist: [['spyBelowExposure', 0, 1], ['threshold', 0, 1]],
  contractor: [['rate', 0, 1]],
  hawk: [['accuseAt', 0, 1], ['sanctionAt', 0, 1], ['retaliateAt', 0, 1], ['disruptBelowTrust', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  'tit-for-tat': [['threshold', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  passive: [],
  dove: [['threshold', 0, 1]],
  random: [['rate', 0, 1]],
  'generous-tit-for-tat': [['threshold', 0, 1], ['generosity', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
  'grim-trigger': [['threshold', 0, 1], ['tensionWeight', 0, 1], ['tensionHalf', 0.001, 5]],
};
const NORMS = ['gge15.f', 'gge15.k', 'gge15.c', 'gge15.h'];
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const registry = createRegistry();

const arbTerms: fc.Arbitrary<Commitment[]> = fc.array(
  fc.oneof(
    fc.constantFrom<Commitment>({ kind: 'hotline' }, { kind: 'hotline' }, { kind: 'no-commercial-theft' }, { kind: 'assistance' }, { kind: 'information-sharing' }, { kind: 'sanctions-relief' }, { kind: 'next-round', rounds: 2 }),
    fc.subarray(['gge15.f', 'gge15.k'], { minLength: 1 }).map((norms): Commitment => ({ kind: 'norms', norms })),
  ),
  { minLength: 1, maxLength: 4 },
);

function arbWorld(): fc.Arbitrary<{ spec: WorldSpec; seed: number; rounds: number }> {
  // At least one of the new strategies in each world (the others are property.test.ts's).
  return arbActorSpecs({ min: 2, max: 6, strategies: ALL, proxies: true, criminals: true })
    .filter((actors) => actors.some((a) => NEW.has(a.strategy as string)))
    .chain((actors) => {
      const { ids, n, pick, states, pair, round } = basics(actors);
      // Sanctions weigh more than in property.test.ts: a dove lifts them, a pragmatist sanctioned
      // offers talks (which random may walk out of), a grim-trigger perceives them under relief.
      const inject: fc.Arbitrary<Inject | null> = fc.oneof(
        arbOperation(ids, round, pair, pick),
        arbReveal(ids, round, pick),
        fc.record({ round, pair, terms: arbTerms }).map(({ round, pair, terms }): Inject => ({ round, type: 'agreement', parties: [...pair], terms })),
        { weight: 3, arbitrary: arbSanctionOrThreat(ids, states, round, pick) },
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
          hotline: fc.record({ acknowledgementLikelihoodRatio: fc.double({ min: 0.1, max: 10, noNaN: true }) }),
          trust: fc.record({ decay: unit, keptCommitment: unit, brokenCommitment: fc.double({ min: 0, max: 3, noNaN: true }), sanctionLifted: unit, walkOut: unit }),
          escalation: fc.record({ rungDecay: fc.nat({ max: 2 }), openConflictScore: fc.double({ min: 0.5, max: 10, noNaN: true }) }),
        },
        { requiredKeys: [] },
      );
      return fc
        .record({
          params,
          dyads: arbDyads(ids),
          norms: fc.array(fc.subarray(NORMS), { minLength: n, maxLength: n }),
          agreements: fc.array(fc.record({ pair, terms: arbTerms }), { maxLength: 3 }),
          injects: fc.array(inject, { maxLength: 8 }),
          mechanisms: fc.option(mechanisms, { freq: 2 }),
          seed: fc.nat({ max: 1_000_000 }),
          rounds: fc.integer({ min: 1, max: 20 }),
        })
        .map(({ params, dyads, norms, agreements, injects, mechanisms, seed, rounds }) => {
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

/** What a run's log shows of the mechanisms the new strategies bring, added to `seen`. */
function meet(spec: WorldSpec, log: readonly SimEvent[], seen: Record<string, number>): void {
  const strategy = new Map(spec.actors.map((a) => [a.id, typeof a.strategy === 'object' ? a.strategy.name : String(a.strategy)]));
  const kind = new Map(spec.actors.map((a) => [a.id, a.kind ?? 'state']));
  const caps = new Map(spec.actors.map((a) => [a.id, a.capabilities]));
  const max = spec.mechanisms?.operations?.maxPerRound ?? 2;
  const accused = new Set<string>();
  for (const e of log) {
    switch (e.type) {
      case 'sanction.lifted':
        if (e.phase === 'diplomacy') seen.liftSanction = (seen.liftSanction ?? 0) + 1;
        break;
      case 'norm.adopted':
        if (e.phase === 'diplomacy') seen[`adoptNorm:${strategy.get(e.actor)}`] = (seen[`adoptNorm:${strategy.get(e.actor)}`] ?? 0) + 1;
        break;
      case 'accusation.answered':
      case 'hotline.answered':
        seen[`${e.type}:${e.answer}`] = (seen[`${e.type}:${e.answer}`] ?? 0) + 1;
        if (e.answer === 'acknowledge') seen[`acknowledge:${strategy.get(e.by)}`] = (seen[`acknowledge:${strategy.get(e.by)}`] ?? 0) + 1;
        break;
      case 'talks.ended':
        seen[`talks:${e.outcome}`] = (seen[`talks:${e.outcome}`] ?? 0) + 1;
        break;
      case 'dialogue.suspended':
        seen.suspended = (seen.suspended ?? 0) + 1;
        break;
      case 'action.rejected':
        if ((e.action as { type?: string }).type === 'suspend-dialogue') seen.suspendRejected = (seen.suspendRejected ?? 0) + 1;
        break;
      case 'accusation.made':
        accused.add(`${e.round}:${e.by}:${e.target}`);
        if (strategy.get(e.by) === 'random') seen[e.public ? 'randomPublic' : 'randomPrivate'] = (seen[e.public ? 'randomPublic' : 'randomPrivate'] ?? 0) + 1;
        break;
      case 'sanction.imposed':
        if (e.phase === 'diplomacy' && strategy.get(e.sanction.by) === 'grim-trigger' && !accused.has(`${e.round}:${e.sanction.by}:${e.sanction.target}`)) seen.grimOnViolation = (seen.grimOnViolation ?? 0) + 1;
        break;
      case 'operation.conducted': {
        const who = strategy.get(e.operation.principal);
        if (who === 'random') seen[`random:${e.operation.kind}`] = (seen[`random:${e.operation.kind}`] ?? 0) + 1;
        if (who === 'grim-trigger' && kind.get(e.operation.principal) !== 'state') seen.grimNonState = (seen.grimNonState ?? 0) + 1;
        if (who === 'grim-trigger') seen.grimOps = (seen.grimOps ?? 0) + 1;
        break;
      }
      case 'decision.made': {
        // A generous answer forgone: more draws than orders while the cap and both capabilities allowed one.
        const c = caps.get(e.actor);
        if (strategy.get(e.actor) === 'generous-tit-for-tat' && e.decision === 'operations' && c && (c.espionage ?? 0) > 0 && (c.offense ?? 0) > 0) {
          const orders = e.actions?.length ?? 0;
          if (e.draws > orders && orders < max) seen.forgiven = (seen.forgiven ?? 0) + 1;
        }
        if (strategy.get(e.actor) === 'random' && e.decision === 'responses') seen.randomAnswers = (seen.randomAnswers ?? 0) + 1;
        break;
      }
      default:
        break;
    }
  }
  if (spec.actors.some((a) => a.kind === 'proxy' && strategy.get(a.id) === 'random')) seen.randomProxy = (seen.randomProxy ?? 0) + 1;
}

describe('flat path on generated worlds of the simple and reactive built-ins with the six', () => {
  it('equals the general path (metrics, peak rungs, welfare, tallies), meeting every mechanism they bring', () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(arbWorld(), ({ spec, seed, rounds }) => {
        const { setup, seed: s } = setupFor(spec, seed);
        const flat = playFlat(setup, s, rounds);
        const run = simulate(spec, { seed, rounds, log: true });
        expect(flat.metrics).toEqual(run.metrics);
        expect(Array.from(flat.peakRung)).toEqual(Array.from(run.world.dyads.peakRung));
        expect(Array.from(flat.welfare)).toEqual(Array.from(run.world.welfare));
        const t = tallyOf(run.log);
        expect({ accusations: flat.accusations, accusationsRight: flat.accusationsRight, agreementsSigned: flat.agreementsSigned, firstAgreementRound: flat.firstAgreementRound }).toEqual(t);
        meet(spec, run.log, seen);
      }),
      { numRuns: 700 },
    );
    // The rarer ones (a walk-out, a hotline admission, a dove's admission, a grim-trigger acting on
    // a perceived violation, a suspension rejected) have worlds of their own below.
    const need = [
      'liftSanction', 'adoptNorm:dove', 'adoptNorm:random', 'acknowledge:random', 'accusation.answered:deny', 'accusation.answered:cooperate',
      'talks:rejected', 'talks:agreed', 'grimOps', 'grimNonState', 'forgiven',
      'random:espionage', 'random:disruption', 'random:degradation', 'randomPublic', 'randomPrivate', 'randomAnswers', 'randomProxy',
    ];
    for (const key of need) expect(seen[key] ?? 0, `${key} (seen: ${JSON.stringify(seen)})`).toBeGreaterThan(0);
  });
});

describe('flat path on worlds made to meet the rarer mechanisms', () => {
  const reg = createRegistry();
  const caps = (x: number) => ({ espionage: x, offense: x, defense: 0.2, attribution: 0.9, stealth: 0.1 });
  /** Compare on seeds 1..seeds; the number of events the log shows that satisfy `hit`. */
  const meetOn = (spec: WorldSpec, rounds: number, seeds: number, hit: (e: SimEvent) => boolean): number => {
    let count = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const { setup, seed: s } = setupFor(spec, seed);
      const flat = playFlat(setup, s, rounds);
      const run = simulate(spec, { seed, rounds, log: true });
      expect(flat.metrics, `seed ${seed}`).toEqual(run.metrics);
      expect(Array.from(flat.welfare)).toEqual(Array.from(run.world.welfare));
      expect(Array.from(flat.peakRung)).toEqual(Array.from(run.world.dyads.peakRung));
      count += run.log.filter(hit).length;
    }
    return count;
  };

  it('random walks out of a pragmatist’s talks, and answers its hotline queries with admissions', () => {
    const spec: WorldSpec = {
      actors: [
        { id: 'P', capabilities: caps(0.6), strategy: reg.get('pragmatist', { threshold: 0.3 }) },
        { id: 'R', capabilities: caps(0.9), strategy: reg.get('random', { rate: 0.8 }) },
      ],
      agreements: [{ parties: ['P', 'R'], terms: [{ kind: 'hotline' }] }],
      injects: [{ round: 0, type: 'sanction', by: 'R', target: 'P', measure: 'economic' }],
    };
    expect(meetOn(spec, 12, 6, (e) => e.type === 'talks.ended' && e.outcome === 'walked-out')).toBeGreaterThan(0);
    expect(meetOn(spec, 12, 6, (e) => e.type === 'hotline.answered' && e.answer === 'acknowledge')).toBeGreaterThan(0);
  });

  it('a dove admits an operation it ran (an inject), which moves the accuser’s posterior', () => {
    const spec: WorldSpec = {
      actors: [
        { id: 'D', capabilities: caps(0.8), strategy: reg.get('dove', { threshold: 0.2 }) },
        { id: 'H', capabilities: caps(0.5), strategy: reg.get('hawk', { accuseAt: 0 }) },
      ],
      injects: [0, 1, 2, 3].map((round): Inject => ({ round, type: 'operation', actor: 'D', target: 'H', kind: 'espionage' })),
    };
    expect(meetOn(spec, 6, 4, (e) => e.type === 'accusation.answered' && e.answer === 'acknowledge')).toBeGreaterThan(0);
  });

  it('generous-tit-for-tat draws for every attribution, also those it could not answer (no capability, or the cap reached)', () => {
    const spec: WorldSpec = {
      actors: [
        { id: 'G', capabilities: { espionage: 0, offense: 0.7, defense: 0.1, attribution: 0.95, stealth: 0.1 }, strategy: reg.get('generous-tit-for-tat', { threshold: 0.2, generosity: 0.5 }) },
        { id: 'R', capabilities: caps(0.9), strategy: reg.get('random', { rate: 1 }) },
        { id: 'S', capabilities: caps(0.9), strategy: reg.get('random', { rate: 1 }) },
      ],
      mechanisms: { operations: { maxPerRound: 1 } },
    };
    // Forgiven answers: fewer orders than answerable attributions (those of offense-kind files).
    expect(meetOn(spec, 10, 4, (e) => e.type === 'decision.made' && e.actor === 'G' && e.decision === 'operations' && e.draws > 1)).toBeGreaterThan(0);
  });

  it('grim-trigger sanctions a broken promise of relief without an accusation, and two grim-triggers suspend one dialogue (the second is rejected)', () => {
    const relief: WorldSpec = {
      actors: [
        { id: 'G', capabilities: caps(0), strategy: reg.get('grim-trigger', { threshold: 1 }) },
        { id: 'X', capabilities: caps(0), strategy: 'passive' },
      ],
      agreements: [{ parties: ['G', 'X'], terms: [{ kind: 'sanctions-relief' }] }],
      injects: [{ round: 1, type: 'sanction', by: 'X', target: 'G', measure: 'indictment' }],
    };
    expect(meetOn(relief, 4, 1, (e) => e.type === 'sanction.imposed' && e.phase === 'diplomacy' && e.sanction.by === 'G')).toBe(1);
    const duel: WorldSpec = {
      actors: [
        { id: 'A', capabilities: caps(0.9), strategy: reg.get('grim-trigger', { threshold: 0 }) },
        { id: 'B', capabilities: caps(0.9), strategy: reg.get('grim-trigger', { threshold: 0 }) },
        { id: 'C', kind: 'criminal', capabilities: caps(0.9), strategy: reg.get('grim-trigger', { threshold: 0 }) },
      ],
      agreements: [{ parties: ['A', 'B', 'C'], terms: [{ kind: 'next-round', rounds: 1 }] }],
      injects: [
        { round: 0, type: 'operation', actor: 'A', target: 'B', kind: 'espionage' },
        { round: 0, type: 'operation', actor: 'B', target: 'A', kind: 'espionage' },
        { round: 2, type: 'operation', actor: 'C', target: 'A', kind: 'disruption' },
      ],
    };
    expect(meetOn(duel, 6, 4, (e) => e.type === 'dialogue.suspended')).toBeGreaterThan(0);
    expect(meetOn(duel, 6, 4, (e) => e.type === 'action.rejected' && (e.action as { type?: string }).type === 'suspend-dialogue')).toBeGreaterThan(0);
  });
});

describe('flat path on working-group-2013 (two grim-triggers, a dialogue they suspend)', () => {
  it('equals the general path over 30 seeds, the dialogue suspended in some', () => {
    const file = resolve(import.meta.dirname, '../../../scenarios/working-group-2013.yaml');
    const scenario = parseScenario(readFileSync(file, 'utf8'), { source: 'working-group-2013.yaml' });
    let suspended = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { setup, seed: s } = setupFor(scenario.spec, seed);
      const flat = playFlat(setup, s, scenario.rounds);
      const run = simulate(scenario.spec, { seed, rounds: scenario.rounds, log: true });
      expect(flat.metrics, `seed ${seed}`).toEqual(run.metrics);
      expect(Array.from(flat.welfare)).toEqual(Array.from(run.world.welfare));
      suspended += run.log.filter((e) => e.type === 'dialogue.suspended').length;
    }
    expect(suspended).toBeGreaterThan(0);
  });
});
