// The statistics of `summarize` against an independent computation in exact arithmetic: every
// double is an integer multiple of 2^-1074, so sums, means and variances are exact fractions of
// BigInts, rounded to a double only at the end. Then the edge cases a study meets: one run, equal
// values, values near 1e15 that differ in their last digits, the ends of the double range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSample, quantile, summarize, tCritical95 } from '../../src/index.js';
import type { SweepRow } from '../../src/index.js';

const ULP_EXP = 1074n;

/** x as an integer multiple of 2^-1074 (exact for every finite double). */
function units(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const shift = BigInt(Math.max(exponent, 1) - 1);
  const value = mantissa << shift;
  return negative ? -value : value;
}

/** The double nearest num / den (den > 0), rounded once: a 70-bit quotient with a sticky bit. */
function toDouble(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const sign = num < 0n ? -1 : 1;
  const a = num < 0n ? -num : num;
  // Below 2^-1022 the doubles are the multiples of 2^-1074: round to the nearest one directly.
  const inUnits = (a << ULP_EXP) / den;
  if (inUnits < 1n << 52n) {
    const rest = (a << ULP_EXP) - inUnits * den;
    const up = rest * 2n > den || (rest * 2n === den && inUnits % 2n === 1n);
    return sign * Number(inUnits + (up ? 1n : 0n)) * Number.MIN_VALUE;
  }
  const k = 70 - (a.toString(2).length - den.toString(2).length);
  const scaledNum = k >= 0 ? a << BigInt(k) : a;
  const scaledDen = k >= 0 ? den : den << BigInt(-k);
  let q = scaledNum / scaledDen;
  if (q * scaledDen !== scaledNum) q |= 1n;
  // Number(q) rounds the 70 bits to 53 once; 2^-k in two steps stays inside the range.
  const half = Math.trunc(k / 2);
  return sign * Number(q) * 2 ** -half * 2 ** -(k - half);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Mean and sample sd computed exactly, then rounded (the sd from a 2^200-scaled integer root). */
function exact(values: readonly number[]): { mean: number; sd: number } {
  const n = BigInt(values.length);
  const u = values.map(units);
  const sum = u.reduce((a, b) => a + b, 0n);
  const mean = toDouble(sum, n << ULP_EXP);
  if (values.length < 2) return { mean, sd: NaN };
  // var = Σ(u − ū)² / (n − 1) = (n·Σu² − (Σu)²) / (n(n − 1)) in units of 2^-2148.
  const num = n * u.reduce((a, b) => a + b * b, 0n) - sum * sum;
  const den = n * (n - 1n);
  const root = isqrt((num << 400n) / den);
  return { mean, sd: toDouble(root, 1n << (ULP_EXP + 200n)) };
}

/** The type-7 quantile with h = (n − 1)·k/100 computed in whole numbers, rounded once. */
function exactQuantile(sorted: readonly number[], percent: number): number {
  const n = sorted.length;
  const h100 = (n - 1) * percent;
  const lo = Math.floor(h100 / 100);
  const a = units(sorted[lo] as number);
  const b = units(sorted[Math.min(lo + 1, n - 1)] as number);
  const t = BigInt(h100 % 100);
  return toDouble(a * 100n + t * (b - a), 100n << ULP_EXP);
}

/** How many doubles apart a and b are (0 when equal): their bit patterns, ordered as integers. */
function ulpsApart(a: number, b: number): number {
  const ordered = (x: number) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigInt64(0);
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

const near1e15 = fc.integer({ min: -50, max: 50 }).map((k) => 1e15 + k / 8);
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
const sample = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 60 }),
  fc.array(near1e15, { minLength: 1, maxLength: 60 }),
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
  fc.array(anyFinite, { minLength: 1, maxLength: 20 }),
);

describe('summarize against exact arithmetic', () => {
  it('mean within one rounding of the exact mean, sd within 1e-12 of the exact sd, quantiles within 4 ulps of the values', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const s = describeSample(values);
        const ref = exact(values);
        expect(s.n).toBe(values.length);
        expect(ulpsApart(s.mean, ref.mean)).toBeLessThanOrEqual(1);
        if (values.length === 1) expect(s.sd).toBeNaN();
        else if (ref.sd === 0) expect(s.sd).toBe(0);
        // (Plus a few units of the last place of subnormal numbers, which hold fewer digits.)
        else expect(Math.abs(s.sd - ref.sd)).toBeLessThanOrEqual(1e-12 * ref.sd + 4 * Number.MIN_VALUE);
        const sorted = [...values].sort((a, b) => a - b);
        // p = 0.95 is not exactly 95/100 as a double: the quantile is exact to a few units of the
        // last place of the values interpolated between (of the result, that may be many more).
        for (const [p, q] of [[5, s.p5], [25, s.p25], [50, s.p50], [75, s.p75], [95, s.p95]] as const) {
          const scale = Math.max(Math.abs(sorted[0] as number), Math.abs(sorted[sorted.length - 1] as number));
          expect(Math.abs(q - exactQuantile(sorted, p))).toBeLessThanOrEqual(4 * Number.EPSILON * scale + Number.MIN_VALUE);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('values near 1e15 that differ in their last digits: the exact mean and sd (a running sum lost them)', () => {
    // A thousand values 1e15 + (k mod 10): mean 1e15 + 4.5, sd √(8250/999). Σx/n gave 1e15 + 0.6
    // and an sd of 4.83, with a "95% CI" that excluded the true mean.
    const values = Array.from({ length: 1000 }, (_, k) => 1e15 + (k % 10));
    const s = describeSample(values);
    expect(s.mean).toBe(1e15 + 4.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(8250 / 999), 12);
    expect(s.ciLow).toBeLessThan(1e15 + 4.5);
    expect(s.ciHigh).toBeGreaterThan(1e15 + 4.5);
    expect(s.p50).toBe(1e15 + 4.5);
    // Twenty values at 1e15 and 1e15 + 0.5: mean 1e15 + 0.25, sd √(20 · 0.0625 / 19).
    const halves = describeSample(Array.from({ length: 20 }, (_, k) => 1e15 + (k % 2) / 2));
    expect(halves.mean).toBe(1e15 + 0.25);
    expect(halves.sd).toBeCloseTo(Math.sqrt(1.25 / 19), 14);
  });

  it('equal values: the value itself, sd 0 and a zero-width interval (not 0.09999999999999999 ± 1e-17)', () => {
    for (const [v, n] of [[0.1, 10], [0.7, 3], [1e15 + 0.125, 7], [-2.5e-300, 4], [1.7976931348623157e308, 5]] as const) {
      const s = describeSample(Array.from({ length: n }, () => v));
      expect([s.mean, s.sd, s.ciLow, s.ciHigh, s.p5, s.p50, s.p95]).toEqual([v, 0, v, v, v, v, v]);
    }
  });

  it('quantile weighs its two order statistics by the exact (n − 1)·p, not its rounding', () => {
    // h = 9 · 0.95 rounds to 8.549999999999999: the weight was 0.5499999999999989. p is read as
    // the decimal it prints as, 95/100, so h = 8.55 exactly, as summarize's p95. (Before, the
    // weight of the double nearest 0.95, 0.5499999999999996.)
    expect(quantile([0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 0.95)).toBe(0.55);
    expect(describeSample([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]).p95).toBe(0.55);
    expect(quantile([0, 1], 1)).toBe(1);
    expect(quantile([0, 10, 20], 0.5)).toBe(10);
  });

  it('one run: its value as mean and quantiles; no sd and no interval', () => {
    const s = describeSample([42.5]);
    expect([s.n, s.mean, s.p5, s.p50, s.p95]).toEqual([1, 42.5, 42.5, 42.5, 42.5]);
    expect([s.sd, s.ciLow, s.ciHigh].every(Number.isNaN)).toBe(true);
  });

  it('finite values at the ends of the range give finite statistics, not Infinity or NaN', () => {
    const max = Number.MAX_VALUE;
    const twoLargest = describeSample([1e308, 1e308, 1e308]);
    expect([twoLargest.mean, twoLargest.sd]).toEqual([1e308, 0]);
    const opposite = describeSample([-1e308, 1e308]);
    expect(opposite.mean).toBe(0);
    expect(opposite.sd / 1e308).toBeCloseTo(Math.SQRT2, 14);
    expect(opposite.p50).toBe(0);
    expect(opposite.p25).toBe(-5e307);
    expect(describeSample([1e200, -1e200]).sd / (Math.SQRT2 * 1e200)).toBeCloseTo(1, 14);
    // Subnormal values: squares that underflowed to 0 gave sd 0.
    expect(Math.abs(describeSample([1e-320, 2e-320]).sd - Math.SQRT1_2 * 1e-320)).toBeLessThanOrEqual(Number.MIN_VALUE);
    expect(quantile([-max, max], 0.75) / (max / 2)).toBeCloseTo(1, 14);
  });

  it('the 95% interval near the largest double is finite when it is: t·(sd/√n), not (t·sd)/√n', () => {
    // A hundred values alternating ±1e308: sd 1.005e308, half-width 1.984 · 1.005e307 = 2e307.
    // t · sd was 1.99e308 · … past the largest double: the interval was [-Infinity, Infinity].
    const alternating = describeSample(Array.from({ length: 100 }, (_, k) => (k % 2 ? 1e308 : -1e308)));
    expect(alternating.ciHigh / 1e307).toBeCloseTo(tCritical95(99) * (alternating.sd / 1e308), 12);
    expect(alternating.ciLow).toBe(-alternating.ciHigh);
    const huge = fc.oneof(fc.constantFrom(1e308, -1e308, 1.5e308, -1.5e308, Number.MAX_VALUE), fc.double({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE, noNaN: true }));
    let finite = 0;
    fc.assert(
      fc.property(fc.array(huge, { minLength: 2, maxLength: 80 }), (values) => {
        const s = describeSample(values);
        if (!Number.isFinite(s.sd)) return; // beyond the doubles itself (−1.7e308 and 1.7e308)
        // The true half-width and ends, computed a quarter down so that they cannot overflow.
        const quarterHalf = tCritical95(values.length - 1) * (s.sd / 4 / Math.sqrt(values.length));
        if (Math.abs(s.mean) / 4 + quarterHalf >= (Number.MAX_VALUE / 4) * (1 - 1e-12)) return;
        finite++;
        expect(Number.isFinite(s.ciLow) && Number.isFinite(s.ciHigh)).toBe(true);
        expect(s.ciLow).toBeLessThanOrEqual(s.mean);
        expect(s.ciHigh).toBeGreaterThanOrEqual(s.mean);
        expect(Math.abs((s.ciHigh / 4 - s.ciLow / 4) / 2 - quarterHalf)).toBeLessThanOrEqual(1e-12 * quarterHalf);
      }),
      { numRuns: 400 },
    );
    expect(finite).toBeGreaterThan(100);
  });

  it('does not depend on the order of the rows: the same bits for any permutation', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 0, max: 1_000_000 }), (values, seed) => {
        const shuffled = [...values];
        let state = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 1103515245 + 12345) % 2 ** 31;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
        }
        expect(describeSample(shuffled)).toEqual(describeSample(values));
      }),
      { numRuns: 200 },
    );
  });
});

describe('quantile at a decimal p', () => {
  const values = (n: number) => fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n }).map((xs) => xs.sort((a, b) => a - b));

  it('(n − 1)·p a whole number in decimal: exactly that order statistic, as R and NumPy', () => {
    // The double 0.9 is a hair above 9/10: h = 10 · 0.9 was 9 + 2.2e-16, and the weight of
    // x[10] − x[9] gave 2.2e284 for ten zeros and 1e300 (R and NumPy: 0).
    const zeros = Array.from({ length: 10 }, () => 0);
    expect(quantile([...zeros, 1e300], 0.9)).toBe(0);
    expect(quantile([...zeros, 100], 0.9)).toBe(0);
    expect(quantile([0, 0, 0, 100, 100, 100, 100, 100, 100, 100, 100], 0.3)).toBe(100);
    for (let n = 2; n <= 40; n++) {
      const xs = Array.from({ length: n }, (_, i) => i * 1000);
      for (let k = 0; k <= 100; k++) if (((n - 1) * k) % 100 === 0) expect(quantile(xs, k / 100)).toBe(xs[((n - 1) * k) / 100]);
    }
    // p = k/den with den a power of ten and (n − 1)·k a multiple of den: n − 1 = g·r for a divisor
    // g of den, k = (den/g)·i, so h = r·i.
    const whole = fc
      .record({ j: fc.integer({ min: 1, max: 4 }), g: fc.integer({ min: 0, max: 30 }), r: fc.integer({ min: 1, max: 3 }), i: fc.nat() })
      .map(({ j, g, r, i }) => {
        const den = 10 ** j;
        const divisors = Array.from({ length: den }, (_, d) => d + 1).filter((d) => den % d === 0 && d <= 200);
        const gd = divisors[g % divisors.length] as number;
        const step = i % (gd + 1);
        return { n: gd * r + 1, p: ((den / gd) * step) / den, h: r * step };
      })
      .chain(({ n, p, h }) => values(n).map((xs) => ({ xs, p, h })));
    fc.assert(
      fc.property(whole, ({ xs, p, h }) => {
        expect(quantile(xs, p)).toBe(xs[h]);
      }),
      { numRuns: 500 },
    );
  });

  it('within [min, max] and monotone in p, for any finite values (near the largest double too)', () => {
    const huge = fc.double({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE, noNaN: true }).map((x) => (Math.abs(x) < 1e300 ? x * 1e8 : x));
    const sample = fc.oneof(
      fc.integer({ min: 1, max: 60 }).chain(values),
      fc.array(huge, { minLength: 1, maxLength: 30 }).map((xs) => xs.filter(Number.isFinite).concat([0]).sort((a, b) => a - b)),
    );
    const p = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000));
    fc.assert(
      fc.property(sample, p, p, (xs, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const a = quantile(xs, lo);
        const b = quantile(xs, hi);
        expect(a).toBeGreaterThanOrEqual(xs[0] as number);
        expect(b).toBeLessThanOrEqual(xs[xs.length - 1] as number);
        expect(a).toBeLessThanOrEqual(b);
      }),
      { numRuns: 1000 },
    );
    expect(quantile([0, 1e308], 5e-324)).toBeCloseTo(4.94e-16, 18);
  });
});

describe("Student's t critical values against an independent computation", () => {
  /**
   * t(0.975, ν) by bisection on P(|T| ≤ t) = ∫₀^atan(t/√ν) cos^(ν−1)θ dθ / ∫₀^(π/2) cos^(ν−1)θ dθ
   * (the substitution x = √ν·tanθ in the density), both integrals by Simpson's rule.
   */
  function reference(df: number): number {
    const simpson = (b: number, steps = 20_000) => {
      const f = (x: number) => Math.cos(x) ** (df - 1);
      const h = b / steps;
      let s = f(0) + f(b);
      for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * f(i * h);
      return (s * h) / 3;
    };
    const total = simpson(Math.PI / 2);
    let lo = 1.9;
    let hi = 13;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (simpson(Math.atan(mid / Math.sqrt(df))) / total < 0.95) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  it('the table to df 30 within 1e-9, the expansion beyond within 1e-6', () => {
    for (let df = 1; df <= 30; df++) expect(Math.abs(tCritical95(df) - reference(df))).toBeLessThan(1e-9);
    for (const df of [31, 32, 35, 40, 50, 60, 80, 100, 120, 200, 500, 1000, 10_000]) expect(Math.abs(tCritical95(df) - reference(df))).toBeLessThan(1e-6);
  });

  it('is NaN, not an inaccurate number, for a fractional df where the expansion does not hold', () => {
    // The expansion at df = 1.5 gave 5.867; the quantile is about 6.3.
    expect(tCritical95(1.5)).toBeNaN();
    expect(tCritical95(29.5)).toBeNaN();
    expect(Math.abs(tCritical95(30.5) - reference(30.5))).toBeLessThan(1e-6);
  });
});

describe('summarize groups', () => {
  const rows: SweepRow[] = [
    { run: 'p1-s1', a: 2, b: 'x', peakRung: 3, firstAgreementRound: null },
    { run: 'p0-s1', a: 1, b: 'y', peakRung: 1, firstAgreementRound: null },
    { run: 'p1-s2', a: 2, b: 'x', peakRung: 5, firstAgreementRound: null },
    { run: 'p2-s1', a: 1, b: 'x', peakRung: 2, firstAgreementRound: 4 },
    { run: 'p0-s2', a: 1, b: 'y', peakRung: 2, firstAgreementRound: 6 },
  ];

  it('by several columns: one group per combination, in order of first appearance', () => {
    const out = summarize(rows, { by: ['a', 'b'], metrics: ['peakRung'] });
    expect(out.map((s) => [s.group, s.n, s.mean])).toEqual([
      [{ a: 2, b: 'x' }, 2, 4],
      [{ a: 1, b: 'y' }, 2, 1.5],
      [{ a: 1, b: 'x' }, 1, 2],
    ]);
    // The group's values come in the order of `by`.
    expect(Object.keys(summarize(rows, { by: ['b', 'a'], metrics: ['peakRung'] })[0]?.group ?? {})).toEqual(['b', 'a']);
  });

  it('a metric with no value in a group: n = 0 and every statistic NaN (an empty cell from the command line)', () => {
    const out = summarize(rows, { by: ['a', 'b'], metrics: ['firstAgreementRound'] });
    expect(out[0]?.n).toBe(0);
    for (const k of ['mean', 'sd', 'ciLow', 'ciHigh', 'p5', 'p50', 'p95'] as const) expect(out[0]?.[k]).toBeNaN();
    expect(out.map((s) => s.n)).toEqual([0, 1, 1]);
  });

  it('a NaN or infinite value makes every statistic NaN, as documented, not some quantiles a number', () => {
    for (const values of [[1, 2, Infinity], [1, 2, NaN], [-Infinity, 5, 6, 7]]) {
      const s = describeSample(values);
      expect(s.n).toBe(values.length);
      for (const k of ['mean', 'sd', 'ciLow', 'ciHigh', 'p5', 'p25', 'p50', 'p75', 'p95'] as const) expect(s[k], `${k} of ${values.join(', ')}`).toBeNaN();
    }
  });

  it('no rows: no groups', () => {
    expect(summarize([], { by: ['a'], metrics: ['peakRung'] })).toEqual([]);
  });
});

describe('summarize counts each run once', () => {
  it('refuses a run given twice, naming both rows; the same id in two scenarios is two runs', () => {
    const rows: SweepRow[] = [
      { run: 'p0-s1', scenario: 'a@1', peakRung: 1 },
      { run: 'p0-s2', scenario: 'a@1', peakRung: 3 },
      { run: 'p0-s1', scenario: 'b@2', peakRung: 5 },
    ];
    expect(summarize(rows, { metrics: ['peakRung'] })[0]?.n).toBe(3);
    // The same line twice (two sweeps appending to one file) weighed twice: mean 1.67, not 2.
    const twice = [...rows.slice(0, 2), { run: 'p0-s1', scenario: 'a@1', peakRung: 1 }];
    expect(() => summarize(twice, { metrics: ['peakRung'] })).toThrow(/^1 problem\n {2}- rows\[2\]\.run: expected each run once \(run p0-s1 is also rows\[0\]\), received 'p0-s1' again$/);
    expect(() => summarize([{ run: 'p0-s1', peakRung: 1 }, { run: 'p0-s1', peakRung: 1 }])).toThrow(/rows\[1\]\.run: expected each run once/);
  });
});
