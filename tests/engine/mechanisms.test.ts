import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, detectionProbability, DEFAULT_MECHANISMS, identificationProbability, richardsonEquilibrium, richardsonStep, simulate } from '../../src/index.js';
import type { EventOf, Incident, Operation, SimEvent, Strategy, WorldSpec } from '../../src/index.js';
import { attacker } from '../helpers/engine.js';

const ops = (log: readonly SimEvent[]) => log.filter((e): e is EventOf<'operation.conducted'> => e.type === 'operation.conducted').map((e) => e.operation);
const detections = (log: readonly SimEvent[]) => log.filter((e): e is EventOf<'incident.detected'> => e.type === 'incident.detected');

/** V is attacked every round by X (all three kinds, one via its proxy PX) and by Y. */
function raid(victimAttribution: number, attackerStealth: number): WorldSpec {
  const x: Strategy = attacker(['V'], 'espionage', 'x-raids');
  const both = { espionage: 0.9, offense: 0.9, defense: 0.3, attribution: 0.5, stealth: attackerStealth };
  return {
    actors: [
      { id: 'V', strategy: 'passive', capabilities: { espionage: 0.5, offense: 0.5, defense: 0.5, attribution: victimAttribution, stealth: 0.5 } },
      { id: 'X', strategy: x, capabilities: both },
      { id: 'PX', kind: 'proxy', sponsor: 'X', strategy: attacker(['V'], 'disruption', 'px-raids'), capabilities: both },
      { id: 'Y', strategy: attacker(['V'], 'degradation', 'y-raids'), capabilities: both },
      { id: 'Z', strategy: 'passive', capabilities: { espionage: 0.7, offense: 0.7, defense: 0.5, attribution: 0.5, stealth: 0.5 } },
    ],
    injects: [
      { round: 2, type: 'operation', actor: 'X', target: 'V', kind: 'espionage', falseFlag: 'Z' },
      { round: 3, type: 'operation', actor: 'Y', target: 'V', kind: 'degradation', against: 'critical-infrastructure' },
    ],
  };
}

describe('detection and identification', () => {
  it('with victim attribution 1 and attacker stealth 0 every operation is detected and its first signal names the true author', () => {
    const first = new Map<string, Incident>();
    const run = simulate(raid(1, 0), {
      seed: 1,
      rounds: 8,
      onRound: (r) => {
        for (const inc of r.world.incidents) if (inc.operation !== null && !first.has(inc.operation)) first.set(inc.operation, inc);
      },
    });
    const conducted = ops(run.log).filter((o) => o.target === 'V');
    expect(conducted.length).toBeGreaterThanOrEqual(8 * 3);
    expect(detectionProbability(1, 0, 2, DEFAULT_MECHANISMS)).toBe(1);
    expect(identificationProbability(1, 0, DEFAULT_MECHANISMS)).toBe(1);
    const byOp = new Map(detections(run.log).filter((e) => e.operation !== null).map((e) => [e.operation as string, e] as const));
    for (const op of conducted) {
      const seen = byOp.get(op.id);
      expect(seen, op.id).toBeDefined();
      expect(seen?.victim).toBe('V');
      expect(seen?.round).toBe(op.round);
      expect(seen?.suspect).toBe(op.author); // the proxy, not its hidden sponsor, and never the false flag
      expect(first.get(op.id)?.signals[0]).toBe(op.author);
    }
    expect(detections(run.log).length).toBe(conducted.length); // f = 0: no false alarms either
  });

  it('with victim attribution 0 no operation is ever detected', () => {
    let conducted = 0;
    for (let seed = 0; seed < 20; seed++) {
      const run = simulate(raid(0, 0), { seed, rounds: 6 });
      conducted += ops(run.log).length;
      expect(detections(run.log).filter((e) => e.operation !== null)).toEqual([]);
      // False alarms (f = 0.05) are possible, and name nobody's operation.
      for (const e of detections(run.log)) expect(e.operation).toBeNull();
    }
    expect(conducted).toBeGreaterThan(300);
  });

  it('detection follows p = attribution · (1 − stealth) · (1 + 0.5 · severity / 10)', () => {
    // 2,000 espionage operations (severity 3) against a victim with attribution 0.5 by an attacker with stealth 0.5: p = 0.2875.
    const spec: WorldSpec = {
      actors: [
        { id: 'V', strategy: 'passive', capabilities: { attribution: 0.5 } },
        { id: 'X', strategy: attacker(['V']), capabilities: { espionage: 1, stealth: 0.5 } },
      ],
      mechanisms: { operations: { maxPerRound: 1 } },
    };
    let n = 0;
    let detected = 0;
    for (let seed = 0; seed < 100; seed++) {
      const run = simulate(spec, { seed, rounds: 20 });
      n += ops(run.log).length;
      detected += detections(run.log).filter((e) => e.operation !== null).length;
    }
    const p = detectionProbability(0.5, 0.5, 3, DEFAULT_MECHANISMS);
    expect(p).toBeCloseTo(0.2875, 12);
    expect(n).toBe(2000);
    // Four standard deviations of a binomial(2000, p): ≈ 0.04.
    expect(Math.abs(detected / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('the mean confidence in the true author rises with every investigation signal (300 seeds, end to end)', () => {
    // X spies on V once (round 0); Y and Z are also plausible suspects. V's forensics are middling
    // (q = 0.7); detection is scaled up so nearly every run has a file to follow.
    const spec: WorldSpec = {
      actors: [
        { id: 'V', capabilities: { espionage: 0.5, offense: 0.5, defense: 0.5, attribution: 0.4, stealth: 0.5 } },
        { id: 'X', capabilities: { espionage: 0.8, offense: 0.5, defense: 0.5, attribution: 0.5, stealth: 0.3 } },
        { id: 'Y', capabilities: { espionage: 0.6, offense: 0.5, defense: 0.5, attribution: 0.5, stealth: 0.5 } },
        { id: 'Z', capabilities: { espionage: 0.7, offense: 0.5, defense: 0.5, attribution: 0.5, stealth: 0.5 } },
      ],
      injects: [{ round: 0, type: 'operation', actor: 'X', target: 'V', kind: 'espionage' }],
      mechanisms: { detection: { scale: 3 } },
    };
    const rounds = DEFAULT_MECHANISMS.posterior.investigationRounds + 1;
    const sums = new Array<number>(rounds).fill(0);
    let files = 0;
    for (let seed = 0; seed < 300; seed++) {
      const x = createWorld(spec, { seed }).actors.findIndex((a) => a.id === 'X');
      const trace: number[] = [];
      let op: Operation | undefined;
      const run = simulate(spec, {
        seed,
        rounds,
        onRound: (r) => {
          op ??= r.events.find((e): e is EventOf<'operation.conducted'> => e.type === 'operation.conducted')?.operation;
          const inc = r.world.incidents.find((i) => i.operation === op?.id);
          if (inc) {
            expect(inc.signals).toHaveLength(r.round + 1); // one signal at detection, one per investigation round
            trace.push(inc.posterior[x] as number);
          }
        },
      });
      if (trace.length === 0) continue;
      expect(trace).toHaveLength(rounds);
      // The investigation is in the log too: one incident.investigated per round after detection.
      const id = detections(run.log).find((e) => e.operation === op?.id)?.incident;
      expect(run.log.filter((e) => e.type === 'incident.investigated' && e.incident === id)).toHaveLength(rounds - 1);
      files++;
      trace.forEach((p, k) => (sums[k] = (sums[k] as number) + p));
    }
    expect(files).toBeGreaterThanOrEqual(250);
    const means = sums.map((s) => s / files);
    for (let k = 1; k < rounds; k++) expect(means[k], `mean after ${k} investigation signals: ${means.join(', ')}`).toBeGreaterThan(means[k - 1] as number);
    expect((means[rounds - 1] as number) - (means[0] as number)).toBeGreaterThan(0.1);
  });
});

describe('investigationRounds lowered during a run', () => {
  it('a file opened before keeps its operation: its reveal names the real principal, not a false alarm; the operation goes once the file closes', () => {
    const spec: WorldSpec = {
      actors: [
        { id: 'S', strategy: 'passive', capabilities: { espionage: 1, stealth: 0 } },
        { id: 'V', strategy: 'passive', capabilities: { attribution: 0.6 } },
        { id: 'X', strategy: 'passive' },
      ],
      mechanisms: { falseAlarm: { rate: 0 } },
      injects: [
        { round: 0, type: 'operation', actor: 'S', target: 'V', kind: 'espionage' },
        { round: 1, type: 'mechanisms', set: { posterior: { investigationRounds: 0 } } },
        { round: 3, type: 'reveal', victim: 'V' },
      ],
    };
    let detected = 0;
    for (let seed = 0; seed < 40; seed++) {
      const run = simulate(spec, { seed, rounds: 5 });
      const op = run.log.find((e): e is EventOf<'operation.conducted'> => e.type === 'operation.conducted')?.operation;
      if (!run.log.some((e) => e.type === 'incident.detected' && e.operation === op?.id)) continue;
      detected++;
      const revealed = run.log.filter((e): e is EventOf<'truth.revealed'> => e.type === 'truth.revealed');
      expect(revealed.map((e) => [e.round, e.operation, e.principal])).toEqual([[3, op?.id, 'S']]);
      expect(run.world.operations).toEqual([]);
    }
    expect(detected).toBeGreaterThan(0);
  });
});

describe('Richardson tension', () => {
  const stable = fc
    .record({ a: fc.double({ min: 0.2, max: 1, noNaN: true }), b: fc.double({ min: 0.2, max: 1, noNaN: true }), u: fc.double({ min: 0, max: 0.9, noNaN: true }), v: fc.double({ min: 0.05, max: 1, noNaN: true }), g: fc.double({ min: 0, max: 5, noNaN: true }), h: fc.double({ min: 0, max: 5, noNaN: true }) })
    // k·l = u·a·b < a·b, split between k and l by v
    .map(({ a, b, u, v, g, h }) => ({ a, b, k: Math.sqrt(u * a * b) * v, l: Math.sqrt(u * a * b) / v > 1 ? 1 : Math.sqrt(u * a * b) / v, g, h }))
    .filter((p) => p.a * p.b - p.k * p.l >= 0.05);

  it('iterating richardsonStep converges to richardsonEquilibrium (within 1e-6) when a·b > k·l', () => {
    fc.assert(
      fc.property(stable, fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (p, x0, y0) => {
        const eq = richardsonEquilibrium(p);
        expect(eq).not.toBeNull();
        if (!eq) return;
        let s = { x: x0, y: y0 };
        const params = { ...p, dt: 0.5 };
        for (let t = 0; t < 20_000 && Math.abs(s.x - eq.x) + Math.abs(s.y - eq.y) > 1e-8; t++) s = richardsonStep(s, params);
        expect(Math.abs(s.x - eq.x)).toBeLessThan(1e-6);
        expect(Math.abs(s.y - eq.y)).toBeLessThan(1e-6);
        // The equilibrium is a fixed point of the step.
        const next = richardsonStep(eq, { ...p, dt: 0.5 });
        expect(next.x).toBeCloseTo(eq.x, 9);
        expect(next.y).toBeCloseTo(eq.y, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('diverges (past 1e6) when a·b < k·l, and has no equilibrium', () => {
    const unstable = fc
      .record({ a: fc.double({ min: 0, max: 0.6, noNaN: true }), b: fc.double({ min: 0, max: 0.6, noNaN: true }), k: fc.double({ min: 0.3, max: 1, noNaN: true }), l: fc.double({ min: 0.3, max: 1, noNaN: true }), g: fc.double({ min: 0, max: 1, noNaN: true }), h: fc.double({ min: 0, max: 1, noNaN: true }) })
      .filter((p) => p.k * p.l - p.a * p.b >= 0.05);
    fc.assert(
      fc.property(unstable, fc.double({ min: 0.1, max: 1, noNaN: true }), (p, x0) => {
        expect(richardsonEquilibrium(p)).toBeNull();
        let s = { x: x0, y: x0 };
        let t = 0;
        while (Math.abs(s.x) + Math.abs(s.y) <= 1e6 && t < 20_000) {
          s = richardsonStep(s, { ...p, dt: 0.5 });
          t++;
        }
        expect(Math.abs(s.x) + Math.abs(s.y)).toBeGreaterThan(1e6);
      }),
      { numRuns: 100 },
    );
  });

  /** Tension of a two-state world with no acts (attribution 1: not even false alarms), round by round. */
  function engineTension(p: { a: number; b: number; k: number; l: number }, x0: number, y0: number, rounds: number): { x: number; y: number }[] {
    const spec: WorldSpec = {
      actors: [
        { id: 'A', fatigue: p.a, reactivity: p.k, capabilities: { attribution: 1 } },
        { id: 'B', fatigue: p.b, reactivity: p.l, capabilities: { attribution: 1 } },
      ],
      dyads: [{ from: 'A', to: 'B', tension: x0 }, { from: 'B', to: 'A', tension: y0 }],
    };
    const out: { x: number; y: number }[] = [];
    simulate(spec, { seed: 1, rounds, onRound: (r) => void out.push({ x: r.world.dyads.tension[1] as number, y: r.world.dyads.tension[2] as number }) });
    return out;
  }

  it('the engine’s dyad tension follows richardsonStep round by round and settles at the equilibrium (g = 0)', () => {
    const p = { a: 0.5, b: 0.4, k: 0.2, l: 0.3, g: 0, h: 0 };
    const trace = engineTension(p, 3, 1, 200);
    let s = { x: 3, y: 1 };
    for (const t of trace) {
      s = richardsonStep(s, { ...p, dt: DEFAULT_MECHANISMS.tension.dt });
      expect(t.x).toBeCloseTo(s.x, 12);
      expect(t.y).toBeCloseTo(s.y, 12);
    }
    const eq = richardsonEquilibrium(p);
    const last = trace[trace.length - 1];
    expect(Math.abs((last?.x ?? NaN) - (eq?.x ?? NaN))).toBeLessThan(1e-6);
    expect(Math.abs((last?.y ?? NaN) - (eq?.y ?? NaN))).toBeLessThan(1e-6);
  });

  it('the engine’s arms race diverges when a·b < k·l and is held at mechanisms.tension.limit', () => {
    const trace = engineTension({ a: 0.1, b: 0.1, k: 0.9, l: 0.8 }, 1, 1, 200);
    const k = trace.findIndex((t) => t.x > 1e6);
    expect(k).toBeGreaterThan(0);
    for (let i = 1; i < trace.length; i++) expect(trace[i]?.x).toBeGreaterThanOrEqual(trace[i - 1]?.x as number);
    const last = trace[trace.length - 1];
    expect(last?.x).toBe(DEFAULT_MECHANISMS.tension.limit);
    expect(last?.y).toBe(DEFAULT_MECHANISMS.tension.limit);
  });
});
