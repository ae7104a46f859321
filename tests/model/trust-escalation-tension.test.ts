import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaTrust, clamp01, createWorld, DEFAULT_MECHANISMS, evidenceForTrust, mergeMechanisms, nextRung, richardsonEquilibrium, richardsonStep, RUNG, RUNG_NAMES, rungLabel } from '../../src/index.js';
import type { MechanismOverrides } from '../../src/index.js';

const rp = { openConflictScore: DEFAULT_MECHANISMS.escalation.openConflictScore, rungDecay: DEFAULT_MECHANISMS.escalation.rungDecay };

describe('beta trust', () => {
  it('is (r + 1) / (r + s + 2), strictly inside (0, 1) for non-negative evidence', () => {
    expect(betaTrust(0, 0)).toBe(0.5);
    expect(betaTrust(8, 0)).toBe(0.9);
    expect(betaTrust(0, 8)).toBe(0.1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (r, s) => {
        const t = betaTrust(r, s);
        expect(t).toBeGreaterThan(0);
        expect(t).toBeLessThan(1);
        // Good evidence raises trust, bad evidence lowers it.
        expect(betaTrust(r + 1, s)).toBeGreaterThan(t);
        expect(betaTrust(r, s + 1)).toBeLessThan(t);
      }),
    );
  });

  it('evidenceForTrust round-trips through betaTrust with non-negative counts of the given weight', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (t, extra) => {
        // The weight createWorld uses: enough pseudo-evidence to express t exactly.
        const weight = Math.max(10, 1 / t - 2, 1 / (1 - t) - 2) + extra;
        const { r, s } = evidenceForTrust(t, weight);
        expect(r).toBeGreaterThanOrEqual(-1e-9);
        expect(s).toBeGreaterThanOrEqual(-1e-9);
        expect(r + s).toBeCloseTo(weight, 9);
        expect(betaTrust(r, s)).toBeCloseTo(t, 12);
      }),
    );
  });

  it('clamps a trust the weight cannot express to the nearest one it can', () => {
    const { r, s } = evidenceForTrust(0.01, 2); // with 2 observations trust is at least 1/4
    expect(r).toBeCloseTo(0, 12);
    expect(s).toBeCloseTo(2, 12);
    expect(betaTrust(r, s)).toBeCloseTo(0.25, 12);
  });
});

describe('the escalation ladder', () => {
  const rung = fc.integer({ min: 0, max: 7 });
  const act = fc.integer({ min: 0, max: 6 });
  const score = fc.double({ min: -100, max: 1000, noNaN: true });

  it('L7 is absorbing', () => {
    fc.assert(
      fc.property(act, score, (a, s) => {
        expect(nextRung(7, a, s, rp)).toBe(7);
      }),
    );
  });

  it('open conflict comes only from a violent act (L5+) under a perceived score at the threshold', () => {
    fc.assert(
      fc.property(rung, act, score, (prev, a, s) => {
        const next = nextRung(prev, a, s, rp);
        expect(Number.isInteger(next) && next >= 0 && next <= 7).toBe(true);
        if (prev < 7) expect(next === 7).toBe(a >= RUNG.DISRUPTIVE_RETALIATION && s >= rp.openConflictScore);
        if (next < 7) expect(next).toBe(Math.min(6, Math.max(a, prev - rp.rungDecay, 0)));
      }),
    );
    expect(nextRung(4, 5, 149.999, rp)).toBe(5);
    expect(nextRung(4, 5, 150, rp)).toBe(7);
    expect(nextRung(6, 4, 1000, rp)).toBe(5);
  });

  it('a quiet round steps the rung down by rungDecay, never below 0', () => {
    expect(nextRung(3, 0, 0, rp)).toBe(2);
    expect(nextRung(0, 0, 0, rp)).toBe(0);
    expect(nextRung(5, 0, 0, { ...rp, rungDecay: 2 })).toBe(3);
    expect(nextRung(5, 0, 0, { ...rp, rungDecay: 0 })).toBe(5);
  });

  it('names every rung', () => {
    expect(RUNG_NAMES).toHaveLength(8);
    expect(RUNG_NAMES[RUNG.OPEN_CONFLICT]).toBe('L7 open conflict');
    expect(rungLabel(3)).toBe('L3');
  });
});

describe('Richardson', () => {
  it('richardsonStep is x + dt·(k·y − a·x + g), y + dt·(l·x − b·y + h)', () => {
    expect(richardsonStep({ x: 1, y: 2 }, { a: 0.5, b: 0.4, k: 0.2, l: 0.3, g: 1, h: 0.5, dt: 0.5 })).toEqual({ x: 1 + 0.5 * (0.4 - 0.5 + 1), y: 2 + 0.5 * (0.3 - 0.8 + 0.5) });
  });

  it('richardsonEquilibrium solves the steady state, and is null unless a·b > k·l', () => {
    const eq = richardsonEquilibrium({ a: 0.5, b: 0.5, k: 0.2, l: 0.2, g: 1, h: 1 });
    expect(eq?.x).toBeCloseTo(10 / 3, 12);
    expect(eq?.y).toBeCloseTo(10 / 3, 12);
    expect(richardsonEquilibrium({ a: 0.2, b: 0.2, k: 0.2, l: 0.2, g: 1, h: 1 })).toBeNull();
    expect(richardsonEquilibrium({ a: 0.1, b: 0.1, k: 0.5, l: 0.5, g: 1, h: 1 })).toBeNull();
    fc.assert(
      fc.property(
        fc.record({ a: fc.double({ min: 0.01, max: 2, noNaN: true }), b: fc.double({ min: 0.01, max: 2, noNaN: true }), k: fc.double({ min: 0, max: 2, noNaN: true }), l: fc.double({ min: 0, max: 2, noNaN: true }), g: fc.double({ min: -5, max: 5, noNaN: true }), h: fc.double({ min: -5, max: 5, noNaN: true }) }),
        (p) => {
          const e = richardsonEquilibrium(p);
          if (!(p.a * p.b > p.k * p.l)) {
            expect(e).toBeNull();
            return;
          }
          fc.pre(p.a * p.b - p.k * p.l > 1e-3);
          expect(e).not.toBeNull();
          if (!e) return;
          // Both derivatives vanish there.
          expect(p.k * e.y - p.a * e.x + p.g).toBeCloseTo(0, 6);
          expect(p.l * e.x - p.b * e.y + p.h).toBeCloseTo(0, 6);
        },
      ),
    );
  });
});

describe('mechanisms', () => {
  it('mergeMechanisms reports every unknown key and non-finite value with its path, and keeps the defaults', () => {
    const { mechanisms, issues } = mergeMechanisms({ trust: { decay: 0.8, speed: 1 }, detection: { scale: Number.POSITIVE_INFINITY }, nonsense: 1, escalation: 3 });
    expect(mechanisms.trust.decay).toBe(0.8);
    expect(mechanisms.detection.scale).toBe(DEFAULT_MECHANISMS.detection.scale);
    expect(issues.map((i) => i.path).sort()).toEqual(['mechanisms.detection.scale', 'mechanisms.escalation', 'mechanisms.nonsense', 'mechanisms.trust.speed']);
    expect(Object.isFrozen(mechanisms.trust)).toBe(true);
  });

  it('mergeMechanisms refuses a Map, a Date, a boxed value or a class instance where an object of fields is expected, at its path (each was read as {}: the defaults, silently)', () => {
    const refused = (received: string) => ({ expected: 'an object of fields (plain data)', received });
    expect(mergeMechanisms({ trust: new Map([['decay', 0.1]]) }).issues).toEqual([{ path: 'mechanisms.trust', ...refused('a Map object') }]);
    expect(mergeMechanisms(new Map([['trust', { decay: 0.1 }]])).issues).toEqual([{ path: 'mechanisms', ...refused('a Map object') }]);
    expect(mergeMechanisms({ detection: new Date(0), escalation: { weights: new Number(1) } }).issues).toEqual([
      { path: 'mechanisms.detection', ...refused('a Date object') },
      { path: 'mechanisms.escalation.weights', ...refused('a Number object') },
    ]);
    // A class's fields may be getters on its prototype, which Object.keys does not see.
    class Trust {
      get decay(): number {
        return 0.1;
      }
    }
    expect(mergeMechanisms({ trust: new Trust() }, DEFAULT_MECHANISMS, 'injects[0].set').issues).toEqual([{ path: 'injects[0].set.trust', ...refused('an object of class Trust') }]);
    // Plain data, with or without a prototype, is read as before.
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { decay: 0.1 });
    expect(mergeMechanisms({ trust: bare }).mechanisms.trust.decay).toBe(0.1);
    // A plain object of another realm (a vm context) is plain data too: its Object.prototype is not ours.
    const foreign = runInNewContext('({ trust: { decay: 0.1 } })') as MechanismOverrides;
    expect(mergeMechanisms(foreign).issues).toEqual([]);
    expect(mergeMechanisms(foreign).mechanisms.trust.decay).toBe(0.1);
    // And so createWorld refuses it, where it ran on the defaults.
    expect(() => createWorld({ actors: [{ id: 'A' }, { id: 'B' }], mechanisms: { trust: new Map([['decay', 0.1]]) } as unknown as MechanismOverrides }, { seed: 1 })).toThrow(
      'mechanisms.trust: expected an object of fields (plain data), received a Map object',
    );
  });

  it('clamp01 keeps numbers in [0, 1] and turns NaN into 0', () => {
    expect(clamp01(1.4)).toBe(1);
    expect(clamp01(-0.2)).toBe(0);
    expect(clamp01(Number.NaN)).toBe(0);
    expect(clamp01(0.3)).toBe(0.3);
  });
});
