import { describe, expect, it } from 'vitest';
import { ConfigError, describeSample, quantile, summarize, tCritical95 } from '../../src/index.js';
import type { SummarizeOptions, SweepRow } from '../../src/index.js';

describe('summarize', () => {
  it('matches hand-computed mean, sd, Student-t CI and type-7 quantiles', () => {
    // x = 2 4 4 4 5 5 7 9: mean 5, Σ(x − 5)² = 32, sd = √(32/7), t(0.975, 7) = 2.364624252.
    const s = describeSample([9, 2, 4, 5, 4, 7, 4, 5]);
    const sd = Math.sqrt(32 / 7);
    const half = (2.364624252 * sd) / Math.sqrt(8);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.138089935, 9);
    expect(s.ciLow).toBeCloseTo(5 - half, 9);
    expect(s.ciHigh).toBeCloseTo(5 + half, 9);
    expect(half).toBeCloseTo(1.787488, 6);
    // h = 7p: p5 → 0.35 → 2 + 0.35·2; p25 → 1.75 → 4; p50 → 3.5 → 4.5; p75 → 5.25 → 5 + 0.25·2; p95 → 6.65 → 7 + 0.65·2.
    expect(s.p5).toBeCloseTo(2.7, 12);
    expect(s.p25).toBe(4);
    expect(s.p50).toBe(4.5);
    expect(s.p75).toBeCloseTo(5.5, 12);
    expect(s.p95).toBeCloseTo(8.3, 12);
  });

  it('groups rows by parameter values in order of appearance and leaves out empty cells', () => {
    const rows: SweepRow[] = [
      { run: 'p0-s1', point: 0, seed: 1, scale: 0.5, peakRung: 2, firstAgreementRound: 3 },
      { run: 'p0-s2', point: 0, seed: 2, scale: 0.5, peakRung: 4, firstAgreementRound: null },
      { run: 'p1-s1', point: 1, seed: 1, scale: 2, peakRung: 1, firstAgreementRound: 5 },
      { run: 'p1-s2', point: 1, seed: 2, scale: 2, peakRung: 1, firstAgreementRound: 7 },
      { run: 'p1-s3', point: 1, seed: 3, scale: 2, peakRung: 4, firstAgreementRound: 9 },
    ];
    const out = summarize(rows, { by: ['scale'], metrics: ['peakRung', 'firstAgreementRound'] });
    expect(out.map((s) => [s.group.scale, s.metric, s.n, s.mean])).toEqual([
      [0.5, 'peakRung', 2, 3],
      [0.5, 'firstAgreementRound', 1, 3],
      [2, 'peakRung', 3, 2],
      [2, 'firstAgreementRound', 3, 7],
    ]);
    // One value: no spread, no interval.
    expect(Number.isNaN(out[1]?.sd)).toBe(true);
    expect(Number.isNaN(out[1]?.ciLow)).toBe(true);
    // n = 2: t(0.975, 1) = 12.706; sd of (2, 4) = √2.
    expect(out[0]?.ciHigh).toBeCloseTo(3 + (12.706204736 * Math.SQRT2) / Math.SQRT2, 8);
    // Without `by`: one group; without `metrics`: every metric column present.
    const all = summarize(rows);
    expect(all.map((s) => s.metric)).toEqual(['peakRung', 'firstAgreementRound']);
    expect(all[0]?.n).toBe(5);
    expect(() => summarize(rows, { by: ['scal'] })).toThrow(ConfigError);
  });

  it('refuses a metric cell that is not a finite number instead of leaving it out', () => {
    const rows: SweepRow[] = [
      { run: 'p0-s1', peakRung: 2, finalRung: 1 },
      { run: 'p0-s2', peakRung: NaN, finalRung: 1 },
      { run: 'p0-s3', peakRung: 'abc', finalRung: 1 },
      { run: 'p0-s4', peakRung: Infinity, finalRung: null },
      { run: 'p0-s5', peakRung: 3, finalRung: 2 },
    ];
    let message = '';
    try {
      summarize(rows, { metrics: ['peakRung', 'finalRung'] });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^3 problems\n {2}- rows\[1\]\.peakRung: expected a finite number or an empty cell \(null\) in run p0-s2, received NaN\n {2}- rows\[2\]\.peakRung: .*received 'abc'\n {2}- rows\[3\]\.peakRung: .*in run p0-s4, received Infinity$/);
    // Empty cells alone are left out.
    expect(summarize(rows.filter((_, k) => k === 0 || k === 4), { metrics: ['peakRung'] })[0]?.n).toBe(2);
    expect(summarize(rows, { metrics: ['finalRung'] })[0]?.n).toBe(4);
  });

  it('refuses a column asked twice and an empty metrics list (the same summary came twice, or none without a word)', () => {
    const rows: SweepRow[] = [
      { run: 'p0-s1', seed: 1, peakRung: 2, finalRung: 1 },
      { run: 'p0-s2', seed: 2, peakRung: 4, finalRung: 1 },
    ];
    expect(() => summarize(rows, { metrics: ['peakRung', 'finalRung', 'peakRung'] })).toThrow(/^1 problem\n {2}- metrics\[2\]: expected columns that differ from one another, received 'peakRung' again \(it is metrics\[0\] too\)$/);
    expect(() => summarize(rows, { by: ['seed', 'seed'] })).toThrow(/^1 problem\n {2}- by\[1\]: expected columns that differ from one another, received 'seed' again \(it is by\[0\] too\)$/);
    expect(() => summarize(rows, { metrics: [] })).toThrow(/^1 problem\n {2}- metrics: expected at least one metric \(leave metrics out for every metric\), received an empty list$/);
  });

  it('refuses a misspelt option, naming it with a "did you mean" (it was ignored, and every metric summarised)', () => {
    const rows: SweepRow[] = [
      { run: 'p0-s1', seed: 1, peakRung: 2, finalRung: 1 },
      { run: 'p0-s2', seed: 2, peakRung: 4, finalRung: 1 },
    ];
    const misspelt = { metric: ['peakRung'] } as unknown as SummarizeOptions;
    expect(() => summarize(rows, misspelt)).toThrow(ConfigError);
    expect(() => summarize(rows, misspelt)).toThrow(/^summarize: 1 problem\n {2}- metric: expected one of the options by, metrics, received an unknown option \(did you mean 'metrics'\?\)$/);
    const several = { metrics: 'peakRung', groupBy: ['seed'] } as unknown as SummarizeOptions;
    expect(() => summarize(rows, several)).toThrow(/^summarize: 2 problems\n {2}- groupBy: expected one of the options by, metrics, received an unknown option\n {2}- metrics: expected a list of column names, received "peakRung"$/);
    expect(() => summarize(rows, null as unknown as SummarizeOptions)).toThrow(/^summarize: 1 problem\n {2}- options: expected an object of options, received null$/);
    expect(() => summarize(rows, { by: [undefined, 'seed'] as unknown as string[] })).toThrow(/- by: expected a list of column names, received an array/);
    expect(summarize(rows, { metrics: ['peakRung'] }).map((s) => s.metric)).toEqual(['peakRung']);
    expect(summarize(rows, undefined).map((s) => s.metric)).toEqual(['peakRung', 'finalRung']);
  });

  it('uses Student t: exact table to df 30, the expansion beyond within 1e-6', () => {
    expect(tCritical95(1)).toBe(12.706204736);
    expect(tCritical95(30)).toBe(2.042272456);
    // Reference values (scipy.stats.t.ppf(0.975, df)).
    expect(Math.abs(tCritical95(31) - 2.039513446)).toBeLessThan(1e-6);
    expect(Math.abs(tCritical95(40) - 2.02107539)).toBeLessThan(1e-6);
    expect(Math.abs(tCritical95(120) - 1.97993041)).toBeLessThan(1e-6);
    expect(Math.abs(tCritical95(1e6) - 1.959966)).toBeLessThan(1e-5);
  });

  it('interpolates quantiles linearly between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.95)).toBe(10);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it('refuses a p outside [0, 1] and numbers not sorted, instead of reading past the ends', () => {
    // Before: -0.5 and NaN gave undefined (not a number), 1.5 gave NaN, an unsorted list a wrong quantile.
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    for (const p of [-0.5, 1.5, NaN, Infinity]) {
      expect(() => quantile([1, 2, 3, 4], p)).toThrow(ConfigError);
      expect(() => quantile([1, 2, 3, 4], p)).toThrow(`quantile: 1 problem\n  - p: expected a number from 0 to 1 (0.5 for the median), received ${p}`);
    }
    expect(() => quantile([3, 1, 2], 0.5)).toThrow(/quantile: 1 problem\n {2}- sorted\[1\]: expected numbers in increasing order \(sort them first/);
    expect(() => quantile([1, NaN, 2], 0.5)).toThrow(/sorted\[1\]: expected numbers in increasing order/);
    expect(quantile([-Infinity, -0, 0, Infinity], 0.5) === 0).toBe(true);
  });
});
