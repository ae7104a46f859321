import { describe, expect, it } from 'vitest';
import { createRegistry, DEFAULT_MECHANISMS, simulate } from '../../src/index.js';
import type { WorldSpec } from '../../src/index.js';
import { referenceRun } from '../../bench/reference-kernel.mjs';
import { mixSpec } from '../../bench/workload.mjs';

// The reference kernel of bench/ is only an honest speed limit if it plays the same rules with
// the same draws: for each seed its per-round metrics, final dyad tables and welfare must equal
// the engine's exactly (bit for bit, not approximately).
const DYAD_KEYS = ['trustR', 'trustS', 'tension', 'escalationTrue', 'escalationPerceived', 'rung', 'peakRung'] as const;

describe('reference kernel (bench/reference-kernel.mjs)', () => {
  const cases: [number, number, (string | number)[]][] = [
    // Two actors: every suspect is a lone suspect (m = 1), where the "nobody" likelihood is 1/2.
    [2, 24, [1, 2, 'bench']],
    // Seeds 8 (3 actors) and 6 (8 actors): a tit-for-tat answers two attacks of one suspect in one round.
    [3, 24, [1, 2, 3, 'bench', 'x', 8]],
    [8, 40, [1, 7, 'kernel', 6]],
    [24, 30, [5, 'wide']],
  ];
  for (const [n, rounds, seeds] of cases) {
    for (const seed of seeds) {
      it(`reaches the engine's outcome: ${n} actors × ${rounds} rounds, seed ${String(seed)}`, () => {
        const spec = mixSpec(n);
        const engine = simulate(spec, { seed, rounds, log: false });
        const kernel = referenceRun(spec, { seed, rounds, mechanisms: DEFAULT_MECHANISMS });
        expect(kernel.metrics).toEqual(engine.metrics);
        for (const key of DYAD_KEYS) expect(Array.from(kernel.dyads[key]), key).toEqual(Array.from(engine.world.dyads[key]));
        expect(Array.from(kernel.welfare)).toEqual(Array.from(engine.world.welfare));
        // The comparison means something only if the rules were exercised.
        const total = (f: (m: (typeof engine.metrics)[number]) => number) => engine.metrics.reduce((s, m) => s + f(m), 0);
        expect(total((m) => m.operations)).toBeGreaterThan(0);
        expect(total((m) => m.detections)).toBeGreaterThan(0);
        expect(total((m) => m.accusations)).toBeGreaterThan(0);
      });
    }
  }

  it('compares runs that the tension rule decides (with tensionWeight 0 some end elsewhere)', () => {
    // The kernel lowers hawk's and tit-for-tat's thresholds by tension as the built-ins do; the
    // equality above says something about that rule only if it changes some of these runs.
    const registry = createRegistry();
    const blind = (spec: WorldSpec): WorldSpec => ({
      actors: spec.actors.map((a) => (a.strategy === 'passive' || typeof a.strategy !== 'string' ? a : { ...a, strategy: registry.get(a.strategy, { tensionWeight: 0 }) })),
    });
    let differ = 0;
    for (const [n, rounds, seeds] of cases) {
      for (const seed of seeds) {
        const spec = mixSpec(n);
        const tense = simulate(spec, { seed, rounds, log: false });
        const calm = simulate(blind(spec), { seed, rounds, log: false });
        if (JSON.stringify(tense.metrics) !== JSON.stringify(calm.metrics)) differ++;
      }
    }
    expect(differ).toBeGreaterThan(0);
  });

  it('compares runs where a tit-for-tat answers two attacks of one suspect in one round', () => {
    // Each attributed incident is answered, not each suspect once: the kernel must mirror that.
    for (const [n, rounds, seed] of [[3, 24, 8], [8, 40, 6]] as const) {
      const spec = mixSpec(n);
      const tft = new Set(spec.actors.filter((a) => a.strategy === 'tit-for-tat').map((a) => a.id));
      const answers = new Map<string, number>();
      for (const e of simulate(spec, { seed, rounds }).log) {
        if (e.type !== 'operation.conducted' || !tft.has(e.operation.principal)) continue;
        const key = `${e.round}:${e.operation.principal}:${e.operation.target}`;
        answers.set(key, (answers.get(key) ?? 0) + 1);
      }
      expect(Math.max(...answers.values()), `${n} actors, seed ${seed}`).toBe(2);
    }
  });

  it('covers sanctions and retaliation (seed 1, 8 actors)', () => {
    const kernel = referenceRun(mixSpec(8), { seed: 1, rounds: 40, mechanisms: DEFAULT_MECHANISMS });
    expect(kernel.metrics.some((m) => m.sanctionsImposed > 0)).toBe(true);
    expect(kernel.metrics.some((m) => m.retaliations > 0)).toBe(true);
    expect(kernel.metrics.some((m) => m.misattributions > 0)).toBe(true);
  });

  it('refuses a world it does not cover', () => {
    expect(() => referenceRun({ actors: [{ id: 'A', strategy: 'dove' }, { id: 'B' }] }, { seed: 1, rounds: 1, mechanisms: DEFAULT_MECHANISMS })).toThrow(/not covered/);
  });
});
