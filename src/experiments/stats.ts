import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import { pathUnder, plainDataProblem } from '../model/nesting.js';
import { withFields } from '../model/record.js';
import type { Cell, SweepRow } from './row.js';
import { SUMMARY_COLUMNS } from './row.js';

// Two-sided 95% critical values t(0.975, df) of Student's t for df = 1…30.
const T975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688,
  2.131449546, 2.119905299, 2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
  2.045229642, 2.042272456,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: exact (to 9 decimals) for
 * df ≤ 30 from a table, beyond that the Cornish–Fisher expansion around z = 1.959964 (error
 * below 1e-6 for df > 30).
 *
 * @example
 * ```ts
 * tCritical95(9); // 2.262157163
 * ```
 */
export function tCritical95(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1] as number;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/**
 * The `p` quantile (0 ≤ p ≤ 1) of sorted numbers by linear interpolation between order
 * statistics: h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) — Hyndman & Fan type 7,
 * the default of R and NumPy.
 *
 * @example
 * ```ts
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Descriptive statistics of one metric in one group. `sd` is the sample standard deviation
 * (divisor n − 1); the 95% confidence interval of the mean is mean ± t(0.975, n − 1)·sd/√n
 * (empty with fewer than 2 values). Quantiles use {@link quantile}.
 */
export interface MetricSummary {
  /** The group's values of the `by` parameters, in the order asked. */
  readonly group: Readonly<Record<string, Cell>>;
  readonly metric: string;
  /** Rows with a value for this metric (empty cells are left out; any other cell that is not a finite number is an error). */
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** Columns to group by (parameters of the grid); none: one group of every row. */
  readonly by?: readonly string[];
  /** Metrics to summarise (default: every summary, per-dyad and per-actor column). */
  readonly metrics?: readonly string[];
}

/** The columns of {@link summarize}'s results as CSV, after the group columns. */
export const SUMMARY_STAT_COLUMNS: readonly string[] = Object.freeze(['metric', 'n', 'mean', 'sd', 'ciLow', 'ciHigh', 'p5', 'p25', 'p50', 'p75', 'p95']);

/**
 * Mean, standard deviation, 95% confidence interval and quantiles of each metric, per group of
 * rows sharing the values of the `by` columns. Groups come in the order they first appear (a
 * sweep's grid order), metrics in column order. Empty cells (`null`) are left out; a metric cell
 * that is not a finite number (NaN, Infinity, text) throws a {@link ConfigError} naming its row.
 *
 * @example
 * ```ts
 * import { summarize, sweep } from 'detente';
 * const rows = sweep(scenario, { seeds: '1..50', grid: { 'mechanisms.detection.scale': [0.5, 1, 2] } });
 * for (const s of summarize(rows, { by: ['mechanisms.detection.scale'], metrics: ['peakRung'] })) console.log(s.group, s.mean, s.ciLow, s.ciHigh);
 * ```
 */
export function summarize(rows: readonly SweepRow[], options: SummarizeOptions = {}): MetricSummary[] {
  const by = options.by ?? [];
  const first = rows[0];
  const known = first ? Object.keys(first) : [];
  const metrics = options.metrics ?? known.filter(isMetricColumn);
  const missing = [...by, ...metrics].filter((c) => rows.length > 0 && !known.includes(c));
  if (missing.length > 0) {
    throw new ConfigError(missing.map((c) => ({ path: by.includes(c) ? 'by' : 'metrics', expected: `a column of the results (${known.filter((k) => !k.startsWith('series.')).join(', ')})`, received: `'${c}'` })));
  }
  const groups = new Map<string, SweepRow[]>();
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as SweepRow;
    // Groups are told apart by their cells as JSON: a list or object there (rows given in memory,
    // or a JSON Lines cell) must be plain data, or that overflowed the stack or never ended.
    for (const c of by) {
      const v: unknown = row[c];
      const problem = typeof v === 'object' && v !== null ? plainDataProblem(v) : undefined;
      if (problem !== undefined) throw new ConfigError([withFields(problem, { path: pathUnder(`rows[${k}].${c}`, problem.path) })]);
    }
    const key = JSON.stringify(by.map((c) => row[c] ?? null));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(row);
  }
  // Only empty cells are left out: anything else that is not a finite number (NaN, Infinity, a
  // word) would silently shrink n, so it is an error naming the row and the metric.
  const bad: ConfigIssue[] = [];
  rows.forEach((row, k) => {
    for (const metric of metrics) {
      const v = row[metric];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v)) || bad.length >= 20) continue;
      bad.push({ path: `rows[${k}].${metric}`, expected: `a finite number or an empty cell (null) in run ${String(row.run)}`, received: typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? 'a list' : String(v) });
    }
  });
  if (bad.length > 0) throw new ConfigError(bad);
  const out: MetricSummary[] = [];
  for (const members of groups.values()) {
    const head = members[0] as SweepRow;
    const group: Record<string, Cell> = {};
    for (const c of by) group[c] = head[c] ?? null;
    for (const metric of metrics) {
      const values: number[] = [];
      for (const r of members) {
        const v = r[metric];
        if (typeof v === 'number') values.push(v);
      }
      out.push({ group, metric, ...describe(values) });
    }
  }
  return out;
}

/**
 * The statistics of a list of numbers (see {@link MetricSummary}); NaN where undefined.
 *
 * @example
 * ```ts
 * describeSample([2, 4, 4, 4, 5, 5, 7, 9]).sd; // 2.138…
 * ```
 */
export function describeSample(values: readonly number[]): Omit<MetricSummary, 'group' | 'metric'> {
  return describe(values);
}

function describe(values: readonly number[]): Omit<MetricSummary, 'group' | 'metric'> {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  const half = n > 1 ? (tCritical95(n - 1) * sd) / Math.sqrt(n) : NaN;
  return {
    n,
    mean,
    sd,
    ciLow: mean - half,
    ciHigh: mean + half,
    p5: quantile(sorted, 0.05),
    p25: quantile(sorted, 0.25),
    p50: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
  };
}

/**
 * Is this column a metric (as opposed to an id, a seed, a parameter or a series)?
 *
 * @example
 * ```ts
 * isMetricColumn('peakRung'); // true
 * isMetricColumn('seed'); // false
 * ```
 */
export function isMetricColumn(column: string): boolean {
  return SUMMARY_COLUMNS.includes(column) || /^(peakRung|actorPeakRung|welfare)\./.test(column);
}
