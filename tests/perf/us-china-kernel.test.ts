import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRegistry, DEFAULT_MECHANISMS, parseScenario, simulate } from '../../src/index.js';
import type { Run, StrategyRef, WorldSpec } from '../../src/index.js';
import { usChinaRun } from '../../bench/us-china-kernel.mjs';
import type { KernelWorldSpec, UsChinaKernelRun } from '../../bench/us-china-kernel.mjs';

// The us-china kernel of bench/ is only an honest speed limit for target (a) of issue 7 if it plays
// the same rules with the same draws: for each seed its per-round metrics, final dyad tables and
// welfare must equal the engine's on `us-china-2015` exactly (bit for bit, not approximately).
const DYAD_KEYS = ['trustR', 'trustS', 'tension', 'escalationTrue', 'escalationPerceived', 'rung', 'peakRung'] as const;

const scenario = parseScenario(readFileSync(new URL('../../scenarios/us-china-2015.yaml', import.meta.url), 'utf8'), { source: 'us-china-2015.yaml' });

/**
 * The spec with each actor's strategy as a reference `{ name, params }`: the spec's strategy objects
 * close over their parameters, so the kernel reads them from the references the file gives.
 */
function withRefs(spec: WorldSpec, refs: readonly (StrategyRef | undefined)[]): KernelWorldSpec {
  return { ...spec, actors: spec.actors.map((a, i) => ({ ...a, strategy: refs[i] })) };
}
const documentRefs = scenario.document.actors.map((a) => a.strategy);
const kernelSpec = withRefs(scenario.spec, documentRefs);

function expectSameOutcome(engine: Run, kernel: UsChinaKernelRun): void {
  expect(kernel.metrics).toEqual(engine.metrics);
  for (const key of DYAD_KEYS) expect(Array.from(kernel.dyads[key]), key).toEqual(Array.from(engine.world.dyads[key]));
  expect(Array.from(kernel.welfare)).toEqual(Array.from(engine.world.welfare));
}

const SEEDS: (string | number)[] = [1, 2, 3, 4, 5, 7, 42, 'kernel'];

describe('us-china kernel (bench/us-china-kernel.mjs)', () => {
  it('reads the same actors, in the same order, as the scenario document declares', () => {
    expect(scenario.spec.actors.map((a) => a.id)).toEqual(scenario.document.actors.map((a) => a.id));
    expect(documentRefs.every((r) => r !== undefined)).toBe(true);
  });

  for (const seed of SEEDS) {
    it(`reaches the engine's outcome on us-china-2015, ${scenario.rounds} rounds, seed ${String(seed)}`, () => {
      const engine = simulate(scenario.spec, { seed, rounds: scenario.rounds, log: false });
      const kernel = usChinaRun(kernelSpec, { seed, rounds: scenario.rounds, mechanisms: DEFAULT_MECHANISMS });
      expectSameOutcome(engine, kernel);
    });
  }

  for (const rounds of [1, 12, 30]) {
    it(`reaches the engine's outcome after ${rounds} rounds (seed 1)`, () => {
      const engine = simulate(scenario.spec, { seed: 1, rounds, log: false });
      const kernel = usChinaRun(kernelSpec, { seed: 1, rounds, mechanisms: DEFAULT_MECHANISMS });
      expect(kernel.metrics).toHaveLength(rounds);
      expectSameOutcome(engine, kernel);
    });
  }

  it('reads the strategies’ parameters from the spec: other values give the engine’s outcome too', () => {
    const registry = createRegistry();
    const refs = [
      { name: 'deterrer', params: { retaliateAt: 0.55, retaliationCost: 3 } },
      { name: 'pragmatist', params: { spyBelowExposure: 0.6, threshold: 0.5 } },
      { name: 'contractor', params: { rate: 0.7 } },
    ];
    const byName = new Map(refs.map((r) => [r.name, r]));
    const kernelRefs = scenario.document.actors.map((a) => byName.get(typeof a.strategy === 'string' ? a.strategy : (a.strategy?.name ?? '')));
    expect(kernelRefs.every((r) => r !== undefined)).toBe(true);
    const engineSpec: WorldSpec = { ...scenario.spec, actors: scenario.spec.actors.map((a, i) => ({ ...a, strategy: registry.get(kernelRefs[i]!.name, kernelRefs[i]!.params) })) };
    let retaliations = 0;
    for (const seed of [1, 2, 3]) {
      const engine = simulate(engineSpec, { seed, rounds: scenario.rounds, log: false });
      const kernel = usChinaRun(withRefs(scenario.spec, kernelRefs), { seed, rounds: scenario.rounds, mechanisms: DEFAULT_MECHANISMS });
      expectSameOutcome(engine, kernel);
      // Different parameters make a different run (the comparison is not of two default runs).
      const base = usChinaRun(kernelSpec, { seed, rounds: scenario.rounds, mechanisms: DEFAULT_MECHANISMS });
      expect(kernel.metrics).not.toEqual(base.metrics);
      retaliations += engine.metrics.reduce((s, m) => s + m.retaliations, 0);
    }
    expect(retaliations).toBeGreaterThan(0);
  });

  it('reaches the engine’s outcome on a world of the same kinds that goes where us-china-2015 does not', () => {
    // Two pragmatists and a deterrer sanctioning each other (offers of talks, one rejected as a
    // duplicate, one ignored by a proxy until it expires), sanctions under a relief commitment,
    // norms (f) and (k) broken as victims perceive it, a false flag, a three-party
    // information-sharing agreement, a threat made twice, a reveal of every victim's files, and a
    // no-commercial-theft agreement between B and the proxy's sponsor, whose breach B perceives
    // when a file first names A at the threshold — often on a later signal that traces the proxy.
    const refs: Record<string, StrategyRef> = {
      A: { name: 'pragmatist', params: { spyBelowExposure: 0.9, threshold: 0.5 } },
      B: { name: 'deterrer', params: { retaliateAt: 0.6 } },
      C: 'pragmatist',
      P: { name: 'contractor', params: { rate: 0.5 } },
    };
    const base: WorldSpec = {
      actors: [
        { id: 'B', capabilities: { espionage: 0.9, offense: 0.9, defense: 0.7, attribution: 0.9, stealth: 0.7 }, reactivity: 0.3 },
        { id: 'A', capabilities: { espionage: 0.8, offense: 0.7, defense: 0.5, attribution: 0.7, stealth: 0.3 } },
        { id: 'P', kind: 'proxy', sponsor: 'A', capabilities: { espionage: 0.7, offense: 0.5, defense: 0.2, attribution: 0.1, stealth: 0.6 }, fatigue: 0.4 },
        { id: 'C' },
      ],
      dyads: [
        { from: 'A', to: 'B', trust: 0.2, tension: 2 },
        { from: 'C', to: 'A', trust: 0.7, mutual: true },
      ],
      norms: { A: ['gge15.f'], C: ['gge15.k'] },
      injects: [
        { round: 0, type: 'agreement', parties: ['B', 'A'], terms: [{ kind: 'no-commercial-theft' }] },
        { round: 0, type: 'sanction', by: 'B', target: 'A', measure: 'economic' },
        { round: 0, type: 'sanction', by: 'C', target: 'A', measure: 'economic' },
        { round: 0, type: 'sanction', by: 'A', target: 'C', measure: 'economic' },
        { round: 1, type: 'sanction', by: 'A', target: 'C', measure: 'indictment' },
        { round: 2, type: 'operation', actor: 'A', target: 'B', kind: 'degradation', against: 'critical-infrastructure' },
        { round: 3, type: 'operation', actor: 'P', target: 'B', kind: 'disruption', against: 'cert', falseFlag: 'C' },
        { round: 5, type: 'sanction', by: 'B', target: 'A', measure: 'indictment' },
        { round: 6, type: 'threat', by: 'B', target: 'C', measure: 'economic', unless: 'x' },
        { round: 6, type: 'threat', by: 'B', target: 'C', measure: 'economic' },
        { round: 8, type: 'reveal' },
        { round: 9, type: 'agreement', parties: ['C', 'A', 'B'], terms: [{ kind: 'information-sharing' }, { kind: 'norms', norms: ['gge15.h', 'gge15.f'] }] },
        { round: 10, type: 'operation', actor: 'C', target: 'A', kind: 'espionage', commercial: true },
        { round: 12, type: 'operation', actor: 'A', target: 'B', kind: 'degradation', against: 'critical-infrastructure' },
      ],
    };
    const registry = createRegistry();
    const engineSpec: WorldSpec = {
      ...base,
      actors: base.actors.map((a) => {
        const r = refs[a.id]!;
        return { ...a, strategy: typeof r === 'string' ? r : registry.get(r.name, r.params) };
      }),
    };
    const kSpec = withRefs(base, base.actors.map((a) => refs[a.id]));
    const events = new Map<string, number>();
    let rejected = 0;
    let perceivedLater = 0;
    for (const seed of [1, 2, 3, 'variant']) {
      const engine = simulate(engineSpec, { seed, rounds: 24, log: true });
      const kernel = usChinaRun(kSpec, { seed, rounds: 24, mechanisms: DEFAULT_MECHANISMS });
      expectSameOutcome(engine, kernel);
      for (const e of engine.log) events.set(e.type, (events.get(e.type) ?? 0) + 1);
      const detectedIn = new Map(engine.log.flatMap((e) => (e.type === 'incident.detected' ? [[e.incident, e.round] as const] : [])));
      perceivedLater += engine.log.filter((e) => e.type === 'violation.perceived' && e.incident !== null && e.round > (detectedIn.get(e.incident) ?? e.round)).length;
      rejected += engine.metrics.reduce((s, m) => s + m.rejectedActions, 0);
    }
    expect(rejected).toBeGreaterThan(0);
    expect(perceivedLater).toBeGreaterThan(0);
    for (const type of ['talks.opened', 'sanction.lifted', 'violation.perceived', 'truth.revealed', 'talks.ended', 'hotline.answered']) {
      expect(events.get(type) ?? 0, type).toBeGreaterThan(0);
    }
  });

  it('the seeds compared exercise the rules (operations, attribution, accusations, hotlines, talks, agreements, sanctions, the audit)', () => {
    const events = new Map<string, number>();
    const totals = new Map<string, number>();
    for (const seed of SEEDS) {
      const run = simulate(scenario.spec, { seed, rounds: scenario.rounds, log: true });
      for (const e of run.log) events.set(e.type, (events.get(e.type) ?? 0) + 1);
      for (const m of run.metrics) for (const [k, v] of Object.entries(m)) if (typeof v === 'number' && k !== 'round') totals.set(k, (totals.get(k) ?? 0) + v);
    }
    for (const key of ['operations', 'successfulOperations', 'detections', 'falseAlarms', 'correctAttributions', 'misattributions', 'accusations', 'publicAccusations', 'hotlineQueries', 'sanctionsImposed', 'retaliations', 'normsAdopted']) {
      expect(totals.get(key) ?? 0, key).toBeGreaterThan(0);
    }
    for (const type of [
      'truth.revealed',
      'agreement.signed',
      'talks.opened',
      'talks.ended',
      'sanction.imposed',
      'sanction.lifted',
      'sanction.threatened',
      'accusation.answered',
      'hotline.answered',
      'incident.investigated',
      'retaliation.conducted',
      'violation.perceived',
      'dialogue.held',
    ]) {
      expect(events.get(type) ?? 0, type).toBeGreaterThan(0);
    }
  });

  it('refuses what it does not cover', () => {
    const run = (spec: KernelWorldSpec) => () => usChinaRun(spec, { seed: 1, rounds: 1, mechanisms: DEFAULT_MECHANISMS });
    expect(run({ actors: [{ id: 'A', strategy: 'dove' }, { id: 'B', strategy: 'deterrer' }] })).toThrow(/kernel: strategy 'dove' .*not covered/);
    expect(run({ actors: [{ id: 'A' }, { id: 'B', strategy: 'deterrer' }] })).toThrow(/not covered/);
    expect(run({ ...kernelSpec, mechanisms: { detection: { scale: 2 } } })).toThrow(/kernel: mechanism overrides are not covered/);
    expect(run({ ...kernelSpec, injects: [{ round: 0, type: 'capability', actor: 'US', capability: 'stealth', value: 1 }] })).toThrow(/not covered/);
    expect(run({ ...kernelSpec, actors: kernelSpec.actors.map((a, i) => (i === 0 ? { ...a, strategy: { name: 'deterrer', params: { nerve: 1 } } } : a)) })).toThrow(/not covered/);
    // The spec's strategy objects hide their parameters: the kernel does not guess them.
    expect(run(scenario.spec)).toThrow(/strategy object.*not covered/);
  });
});
