/**
 * Hotlines and requests for assistance (docs/diplomacy.md, "Hotline", "Requests for assistance"):
 * a hotline answer multiplies the querier's posterior on the queried actor by a likelihood ratio;
 * there is no hotline query without a hotline agreement; help with an investigation is one more
 * forensic signal; a request left unanswered under an `assistance` commitment is a violation.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MECHANISMS, simulate, validateAction } from '../../src/index.js';
import type { DiplomacyAction, Response, Strategy, WorldSpec } from '../../src/index.js';
import { answering, eventsOf, QUIET, scripted, trustOf } from './helpers.js';

const SEEDS = Array.from({ length: 12 }, (_, k) => k + 1);

/** C spies on A every round dressed up as B; A detects every operation (detection scale 5). */
function falseFlagWorld(a: string | Strategy, b: string | Strategy, hotline: boolean, extra: Partial<WorldSpec> = {}): WorldSpec {
  return {
    actors: [
      { id: 'A', strategy: a, capabilities: { attribution: 0.6 } },
      { id: 'B', strategy: b },
      { id: 'C', capabilities: { espionage: 0.8 } },
      ...(extra.actors ?? []),
    ],
    ...(hotline ? { agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'hotline' }] }] } : {}),
    injects: [0, 1, 2].map((round) => ({ round, type: 'operation' as const, actor: 'C', target: 'A', kind: 'espionage' as const, falseFlag: 'B' })),
    mechanisms: { ...QUIET, detection: { scale: 5 } },
    ...(extra.agreements ? { agreements: extra.agreements } : {}),
  };
}

/** A queries B about each incident detected this round and records its posterior on B first. */
function querier(before: Map<string, number>) {
  return scripted({
    name: 'querier',
    diplomacy: (view) =>
      view.incidents
        .filter((i) => i.round === view.round)
        .map((i): DiplomacyAction => {
          before.set(i.id, i.posterior('B'));
          return { type: 'hotline-query', target: 'B', incident: i.id };
        }),
  });
}

describe('hotline', () => {
  const ratios: [Exclude<Response['type'], 'counter'>, number][] = [
    ['deny', DEFAULT_MECHANISMS.hotline.denialLikelihoodRatio],
    ['cooperate', DEFAULT_MECHANISMS.hotline.cooperationLikelihoodRatio],
    ['acknowledge', DEFAULT_MECHANISMS.hotline.acknowledgementLikelihoodRatio],
  ];
  it.each(ratios)("an answer '%s' scales the querier's posterior on the queried actor by its likelihood ratio (%d)", (answer, ratio) => {
    let queries = 0;
    for (const seed of SEEDS) {
      const before = new Map<string, number>();
      const r = simulate(falseFlagWorld(querier(before), answering('hotline-query', { type: answer }, 'b'), true), { seed, rounds: 3 });
      const queried = eventsOf(r.log, 'hotline.queried');
      expect(queried).toHaveLength(3);
      for (const q of queried) {
        const [answered] = eventsOf(r.log, 'hotline.answered', (e) => e.query === q.query);
        const p = before.get(q.incident) as number;
        expect(p).toBeGreaterThan(0);
        expect(answered).toMatchObject({ round: q.round, by: 'B', to: 'A', answer });
        // Bayes with a likelihood ratio: p' = p·ρ / (p·ρ + 1 − p).
        expect(answered?.confidence).toBeCloseTo((p * ratio) / (p * ratio + 1 - p), 12);
        if (ratio < 1) expect(answered?.confidence).toBeLessThan(p);
        else expect(answered?.confidence).toBeGreaterThan(p);
        queries++;
      }
    }
    expect(queries).toBe(SEEDS.length * 3);
  });

  it("the answer changes the querier's file itself: its posterior on the queried actor is the answered confidence", () => {
    for (const seed of SEEDS) {
      const before = new Map<string, number>();
      const r = simulate(falseFlagWorld(querier(before), answering('hotline-query', { type: 'deny' }, 'b'), true), { seed, rounds: 1 });
      const [answered] = eventsOf(r.log, 'hotline.answered');
      const [queried] = eventsOf(r.log, 'hotline.queried');
      const file = r.world.incidents.find((i) => i.id === queried?.incident);
      const b = r.world.actors.findIndex((x) => x.id === 'B');
      expect(file?.posterior[b]).toBeCloseTo(answered?.confidence as number, 12);
      expect(file?.posterior[b]).toBeLessThan(before.get(queried?.incident as string) as number);
      expect(Array.from(file?.posterior ?? []).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    }
  });

  it('a hotline query without a hotline agreement is rejected, and validateAction says why', () => {
    const before = new Map<string, number>();
    const r = simulate(falseFlagWorld(querier(before), answering('hotline-query', { type: 'deny' }, 'b'), false), { seed: 1, rounds: 1 });
    expect(eventsOf(r.log, 'hotline.queried')).toEqual([]);
    expect(eventsOf(r.log, 'hotline.answered')).toEqual([]);
    const rejected = eventsOf(r.log, 'action.rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ round: 0, phase: 'diplomacy', actor: 'A', reason: 'no hotline between A and B' });
    const incident = r.world.incidents.find((i) => i.victim === 'A')?.id;
    expect(incident).toBeDefined();
    expect(validateAction(r.world, 'A', 'diplomacy', { type: 'hotline-query', target: 'B', incident })).toBe('no hotline between A and B');
    expect(validateAction(r.world, 'A', 'diplomacy', { type: 'accuse', target: 'B', incident, public: false })).toBeNull();
  });
});

describe('requests for assistance', () => {
  /** A asks D for help with each file it opens this round. */
  const asker = scripted({
    name: 'asker',
    diplomacy: (view) => view.incidents.filter((i) => i.round === view.round).map((i): DiplomacyAction => ({ type: 'request-assistance', target: 'D', incident: i.id })),
  });
  const withHelper = (answer: Exclude<Response['type'], 'counter'>, extra: Partial<WorldSpec> = {}): WorldSpec =>
    falseFlagWorld(asker, 'passive', false, { actors: [{ id: 'D', strategy: answering('assistance', { type: answer }, 'helper'), capabilities: { attribution: 0.9 } }], ...extra });

  it('cooperation gives the requester one more forensic signal and earns trust; a refusal does not', () => {
    for (const seed of SEEDS) {
      const helped = simulate(withHelper('cooperate'), { seed, rounds: 1 });
      const refused = simulate(withHelper('deny'), { seed, rounds: 1 });
      const [req] = eventsOf(helped.log, 'assistance.requested');
      expect(req).toMatchObject({ round: 0, by: 'A', target: 'D', due: DEFAULT_MECHANISMS.assistance.deadline });
      expect(eventsOf(helped.log, 'assistance.answered')).toEqual([expect.objectContaining({ by: 'D', to: 'A', answer: 'cooperate' })]);
      expect(eventsOf(helped.log, 'incident.investigated', (e) => e.phase === 'responses' && e.victim === 'A' && e.incident === req?.incident)).toHaveLength(1);
      expect(helped.world.incidents.find((i) => i.id === req?.incident)?.signals).toHaveLength(2);
      expect(eventsOf(refused.log, 'assistance.answered')).toEqual([expect.objectContaining({ by: 'D', to: 'A', answer: 'deny' })]);
      expect(eventsOf(refused.log, 'incident.investigated')).toEqual([]);
      expect(refused.world.incidents.find((i) => i.id === req?.incident)?.signals).toHaveLength(1);
      expect(trustOf(helped.world, 'A', 'D')).toBeGreaterThan(trustOf(refused.world, 'A', 'D'));
      expect(helped.world.requests).toEqual([]);
    }
  });

  it('an unanswered request under an assistance commitment is a (certain) violation; without one it is only unanswered', () => {
    const committed = simulate(withHelper('ignore', { agreements: [{ parties: ['A', 'D'], terms: [{ kind: 'assistance', rounds: 2 }] }] }), { seed: 1, rounds: 3 });
    const [req] = eventsOf(committed.log, 'assistance.requested', (e) => e.round === 0);
    expect(req?.due).toBe(2);
    expect(eventsOf(committed.log, 'request.unanswered', (e) => e.request === req?.request)).toEqual([
      expect.objectContaining({ round: 2, kind: 'assistance', by: 'D', to: 'A' }),
    ]);
    const ag = committed.world.agreements[0]?.id;
    expect(eventsOf(committed.log, 'violation.committed', (e) => e.round === 2)).toEqual([
      expect.objectContaining({ by: 'D', against: 'A', commitment: 'assistance', agreement: ag, operation: null }),
    ]);
    expect(eventsOf(committed.log, 'violation.perceived', (e) => e.round === 2)).toEqual([
      expect.objectContaining({ by: 'A', against: 'D', commitment: 'assistance', agreement: ag, confidence: 1, real: true, incident: null }),
    ]);
    expect(eventsOf(committed.log, 'violation.perceived', (e) => e.round < 2)).toEqual([]);

    const free = simulate(withHelper('ignore'), { seed: 1, rounds: 3 });
    expect(eventsOf(free.log, 'request.unanswered', (e) => e.kind === 'assistance').map((e) => e.round)).toEqual([1, 2]);
    expect(eventsOf(free.log, 'violation.committed')).toEqual([]);
    expect(eventsOf(free.log, 'violation.perceived')).toEqual([]);
  });
});
