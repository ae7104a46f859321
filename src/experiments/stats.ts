import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import { pathUnder, plainDataProblem } from '../model/nesting.js';
import { withFields } from '../model/record.js';
import { describe as describeValue, isRecord } from '../model/mechanisms.js';
import { everyMember } from '../model/members.js';
import { unknownOptionIssues } from '../model/options.js';
import type { Cell, SweepRow } from './row.js';
import { SUMMARY_COLUMNS } from './row.js';
import { SCENARIO_COLUMN } from './identity.js';

// Two-sided 95% critical values t(0.975, df) of Student's t for df = 1…30.
const T975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688,
  2.131449546, 2.119905299, 2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
  2.045229642, 2.042272456,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: exact (to 9 decimals) for
 * whole df ≤ 30 from a table, beyond that the Cornish–Fisher expansion around z = 1.959964 (error
 * below 1e-6 for df > 30). NaN for df < 1 and for a fractional df below 30.
 *
 * @example
 * ```ts
 * tCritical95(9); // 2.262157163
 * ```
 */
export function tCritical95(df: number): number {
  if (!(df >= 1)) return NaN;
  // The table holds whole df only, and below 30 the expansion is far off (5.87 for df = 1.5,
  // whose quantile is about 6.3): NaN rather than a wrong number.
  if (df <= 30) return Number.isInteger(df) ? (T975[df - 1] as number) : NaN;
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
 * the default of R and NumPy. `p` is read as the decimal it prints as (0.9 is 9/10, not the double
 * nearest 0.9, which is a little more), and h is computed exactly from it: when (n − 1)·p is a
 * whole number the result is exactly that order statistic. NaN for no numbers; a `p` outside
 * [0, 1] (or NaN), or numbers not in increasing order, throw a {@link ConfigError}.
 *
 * @example
 * ```ts
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 * quantile([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e300], 0.9); // 0 (x[9])
 * ```
 */
export function quantile(sorted: readonly number[], p: number): number {
  // Outside [0, 1] the order statistics read were past the ends: undefined (not even a number)
  // below 0, and any unsorted list gave a wrong quantile without a word.
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new ConfigError([{ path: 'p', expected: 'a number from 0 to 1 (0.5 for the median)', received: String(p) }], 'quantile');
  for (let i = 1; i < sorted.length; i++) {
    if (!((sorted[i - 1] as number) <= (sorted[i] as number))) {
      throw new ConfigError([{ path: `sorted[${i}]`, expected: 'numbers in increasing order (sort them first, e.g. [...xs].sort((a, b) => a - b))', received: `${String(sorted[i])} after ${String(sorted[i - 1])}` }], 'quantile');
    }
  }
  // Why decimal: the double 0.9 is 0.9000000000000000222…, so (11 − 1)·p was a hair above 9 and
  // gave x[9] + 2.2e-16·(x[10] − x[9]) — 2.2e284 for ten zeros and 1e300, where R and NumPy give 0.
  const [num, den] = decimalFraction(p);
  return fractile(sorted, num, den);
}

/** The type-7 quantile at percent/100 (a whole percent), with h = (n − 1)·percent/100 in whole numbers. */
function percentile(sorted: ArrayLike<number>, percent: number): number {
  return fractile(sorted, BigInt(percent), 100n);
}

/**
 * p ≥ 0 as the fraction num/den of whole numbers it prints as: its shortest decimal, the one
 * String(p) gives ('0.9' is 9/10, '1e-7' is 1/10⁷), which is the number a user wrote.
 */
function decimalFraction(p: number): [bigint, bigint] {
  const m = /^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(String(p));
  if (m === null) throw new RangeError(`not a finite number ≥ 0: ${String(p)}`);
  const fraction = m[2] ?? '';
  const exponent = Number(m[3] ?? 0) - fraction.length;
  const digits = BigInt(`${m[1] as string}${fraction}`);
  return exponent >= 0 ? [digits * 10n ** BigInt(exponent), 1n] : [digits, 10n ** BigInt(-exponent)];
}

/**
 * The type-7 quantile at num/den (0 ≤ num ≤ den) of sorted numbers: h = (n − 1)·num/den in whole
 * numbers, so ⌊h⌋ is exact and a whole h gives exactly x[h]; only the weight h − ⌊h⌋ is rounded.
 */
function fractile(sorted: ArrayLike<number>, num: bigint, den: bigint): number {
  if (sorted.length === 0) return NaN;
  const h = BigInt(sorted.length - 1) * num;
  const lo = h / den;
  return between(sorted, Number(lo), ratio(h - lo * den, den));
}

/** rem/den for 0 ≤ rem < den as a double (0 exactly for 0), den of any size. */
function ratio(rem: bigint, den: bigint): number {
  if (rem === 0n) return 0;
  const d = Number(den);
  if (d < 2 ** 1000) return Number(rem) / d;
  // Beyond the doubles (p below 1e-300 has a denominator of 10^300 and more): 64 bits of the
  // quotient, scaled back by a power of two.
  const shift = den.toString(2).length - rem.toString(2).length + 64;
  return scaled(Number((rem << BigInt(shift)) / den), -shift);
}

/** x[lo] + t·(x[lo+1] − x[lo]) for 0 ≤ t < 1, within [x[lo], x[lo+1]]. */
function between(sorted: ArrayLike<number>, lo: number, t: number): number {
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  if (t === 0 || a === b) return a;
  // b − a overflows for values of opposite signs near the largest double (−1e308 and 1e308):
  // then interpolate from the ends. Rounding may not carry the result outside [a, b].
  const d = b - a;
  const q = Number.isFinite(d) ? a + t * d : a * (1 - t) + b * t;
  return Math.min(Math.max(q, a), b);
}

/**
 * Descriptive statistics of one metric in one group. `sd` is the sample standard deviation
 * (divisor n − 1); the 95% confidence interval of the mean is mean ± t(0.975, n − 1)·sd/√n
 * (empty with fewer than 2 values). Quantiles are type 7 (see {@link quantile}) at exactly
 * 5/100, 25/100, …. Sums are exact and rounded once, so the figures do not depend on the order
 * of the values.
 *
 * @example
 * ```ts
 * const [s]: MetricSummary[] = summarize(rows, { metrics: ['peakRung'] });
 * if (s) console.log(`${s.metric}: ${s.mean} (95% CI ${s.ciLow} to ${s.ciHigh}, n = ${s.n})`);
 * ```
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

/**
 * Options of {@link summarize}.
 *
 * @example
 * ```ts
 * const options: SummarizeOptions = { by: ['mechanisms.detection.scale'], metrics: ['peakRung', 'totalWelfare'] };
 * summarize(rows, options);
 * ```
 */
export interface SummarizeOptions {
  /** Columns to group by (parameters of the grid); none: one group of every row. */
  readonly by?: readonly string[];
  /** Metrics to summarise (default: every summary, per-dyad and per-actor column). */
  readonly metrics?: readonly string[];
}

/**
 * The columns of {@link summarize}'s results as CSV, after the group columns.
 *
 * @example
 * ```ts
 * SUMMARY_STAT_COLUMNS[0]; // 'metric'
 * ['mechanisms.detection.scale', ...SUMMARY_STAT_COLUMNS].join(','); // 'mechanisms.detection.scale,metric,n,mean,…'
 * ```
 */
export const SUMMARY_STAT_COLUMNS: readonly string[] = Object.freeze(['metric', 'n', 'mean', 'sd', 'ciLow', 'ciHigh', 'p5', 'p25', 'p50', 'p75', 'p95']);

/**
 * Mean, standard deviation, 95% confidence interval and quantiles of each metric, per group of
 * rows sharing the values of the `by` columns. Groups come in the order they first appear (a
 * sweep's grid order), metrics in column order. Empty cells (`null`) are left out; a metric cell
 * that is not a finite number (NaN, Infinity, text), or a run given twice (the same `run` and
 * `scenario`), throws a {@link ConfigError} naming its row; so does a column named twice in `by`
 * or `metrics`, an empty `metrics` list, and an option that is not `by` or `metrics` (a misspelt
 * `metric`, with a "did you mean") or not a list of column names. Rows are summarised whichever
 * version of detente computed them: that is recorded by the command line's results files (their
 * `detente` column, which `by` can group by), not by the rows `sweep` returns, so it is
 * `detente summarize` that warns when a file's rows come from several versions.
 *
 * @example
 * ```ts
 * import { summarize, sweep } from 'detente';
 * const rows = sweep(scenario, { seeds: '1..50', grid: { 'mechanisms.detection.scale': [0.5, 1, 2] } });
 * for (const s of summarize(rows, { by: ['mechanisms.detection.scale'], metrics: ['peakRung'] })) console.log(s.group, s.mean, s.ciLow, s.ciHigh);
 * ```
 */
export function summarize(rows: readonly SweepRow[], options: SummarizeOptions = {}): MetricSummary[] {
  return summarizeRows(rows, options, ROWS_IN_MEMORY);
}

/** How messages name a row and a cell of the rows summarised: where the user can find them. */
export interface RowNames {
  /** Row k (from 0). */
  row(k: number): string;
  /** The cell of row k in `column` (a column name, or the path of a value inside a cell). */
  cell(k: number, column: string): string;
}

/** Rows given to {@link summarize}: `rows[k]`, `rows[k].peakRung`. */
const ROWS_IN_MEMORY: RowNames = { row: (k) => `rows[${k}]`, cell: (k, column) => `rows[${k}].${column}` };

/**
 * {@link summarize}, its messages naming rows by `names`: the lines of a results file (`line 122`,
 * `line 5, column peakRung`) rather than indices the user never saw.
 */
export function summarizeRows(rows: readonly SweepRow[], options: SummarizeOptions, names: RowNames): MetricSummary[] {
  checkOptions(options);
  const by = options.by ?? [];
  const first = rows[0];
  const known = first ? Object.keys(first) : [];
  const metrics = options.metrics ?? known.filter(isMetricColumn);
  // A column asked twice gave the same summary twice (or a group column twice); no metric at all
  // gave no summary without a word.
  const asked: ConfigIssue[] = [];
  if (options.metrics?.length === 0) asked.push({ path: 'metrics', expected: 'at least one metric (leave metrics out for every metric)', received: 'an empty list' });
  for (const [name, list] of [['by', by], ['metrics', options.metrics ?? []]] as const) {
    list.forEach((c, k) => {
      if (list.indexOf(c) !== k) asked.push({ path: `${name}[${k}]`, expected: 'columns that differ from one another', received: `'${c}' again`, hint: `it is ${name}[${list.indexOf(c)}] too` });
    });
  }
  if (asked.length > 0) throw new ConfigError(asked);
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
      if (problem !== undefined) throw new ConfigError([withFields(problem, { path: names.cell(k, pathUnder(c, problem.path)) })]);
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
      bad.push({ path: names.cell(k, metric), expected: `a finite number or an empty cell (null) in run ${String(row.run)}`, received: typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? 'a list' : String(v) });
    }
  });
  if (bad.length > 0) throw new ConfigError(bad);
  // A run counted twice (a file appended to by two sweeps at once, or concatenated) would weigh
  // twice in every mean and narrow every interval: an error naming both rows. Rows of several
  // scenarios share run ids, so a run is its scenario and its id.
  const seen = new Map<string, number>();
  rows.forEach((row, k) => {
    if (row.run === undefined || row.run === null || bad.length >= 20) return;
    const key = JSON.stringify([row[SCENARIO_COLUMN] ?? null, row.run]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, k);
    else bad.push({ path: names.cell(k, 'run'), expected: `each run once (run ${String(row.run)} is also ${names.row(first)})`, received: `'${String(row.run)}' again` });
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

/** The options {@link summarize} takes. */
const SUMMARIZE_OPTIONS = everyMember<keyof SummarizeOptions & string>()(['by', 'metrics']);

/**
 * The options are an object of known names, each a list of column names: a misspelt name
 * (`metric`) was ignored, and every metric summarised; a text (`metrics: 'peakRung'`) was read
 * letter by letter ("'p' is not a column").
 */
function checkOptions(options: unknown): void {
  // Bare names (`metric`, not `options.metric`), like summarize's other messages (`metrics[2]`),
  // which the CLI shows under its --by/--metrics flags.
  const issues = unknownOptionIssues(options, SUMMARIZE_OPTIONS, '');
  const given: Readonly<Record<string, unknown>> = isRecord(options) ? options : {};
  for (const name of SUMMARIZE_OPTIONS) {
    const v = given[name];
    if (v === undefined) continue;
    let names = Array.isArray(v);
    // By index: a sparse list's holes are not texts either.
    for (let k = 0; names && k < (v as unknown[]).length; k++) names = typeof (v as unknown[])[k] === 'string';
    if (!names) issues.push({ path: name, expected: 'a list of column names', received: describeValue(v) });
  }
  if (issues.length > 0) throw new ConfigError(issues, 'summarize');
}

/**
 * The statistics of a list of finite numbers (see {@link MetricSummary}); NaN where undefined
 * (no values; sd and interval of one value), and everywhere if a value is NaN or infinite.
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
  // A NaN or an infinite value leaves no figure meaningful: a quantile below it would read as if
  // the sample were fine. All NaN, as documented, rather than some.
  if (!values.every(Number.isFinite)) return { n, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, p5: NaN, p25: NaN, p50: NaN, p75: NaN, p95: NaN };
  // A typed array sorts numerically, and several times faster than a comparator.
  const sorted = Float64Array.from(values).sort();
  const mean = n > 0 ? meanOf(values, sorted[0] as number, sorted[n - 1] as number) : NaN;
  const sd = n > 1 ? sampleSd(values, mean) : NaN;
  // sd/√n first: t·sd overflowed for sd near the largest double (±1e308 alternating gave an
  // interval of ±Infinity, whose half-width is 2e307).
  const half = n > 1 ? tCritical95(n - 1) * (sd / Math.sqrt(n)) : NaN;
  return {
    n,
    mean,
    sd,
    ciLow: mean - half,
    ciHigh: mean + half,
    p5: percentile(sorted, 5),
    p25: percentile(sorted, 25),
    p50: percentile(sorted, 50),
    p75: percentile(sorted, 75),
    p95: percentile(sorted, 95),
  };
}

// Why not Σx / n and Σ(x − x̄)²: a running sum of a million values near 1e15 rounds at every step
// (its spacing is 128 at 1e18), which moved the mean by 4 and the sd by 70%; ten copies of 0.1
// had a mean below 0.1 and a non-zero sd; and a sum or a square over the largest double gave
// Infinity for finite data. Instead the sum is kept exactly (a list of non-overlapping partial
// sums, Shewchuk's algorithm, as Python's math.fsum), the mean is that exact sum divided by n
// and corrected for the rounding of the division, and the squares of the deviations are summed
// exactly at a power-of-two scale. The results are then independent of the order of the rows too.

/** Exact sum of `x` into the non-overlapping partials `partials` (Shewchuk's grow-expansion). */
function addExact(partials: number[], x: number): void {
  let i = 0;
  for (const y of partials) {
    const hi = x + y;
    const lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
    if (lo !== 0) partials[i++] = lo;
    x = hi;
  }
  partials.length = i;
  partials.push(x);
}

/** The sum of exact partials, rounded once (the partials are added from the largest). */
function roundedSum(exact: readonly number[]): number {
  let hi = 0;
  let k = exact.length;
  if (k > 0) {
    hi = exact[--k] as number;
    let lo = 0;
    while (k > 0) {
      const x = hi;
      const y = exact[--k] as number;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Half-way cases: round correctly when what is left would tip the balance (as math.fsum).
    if (k > 0 && ((lo < 0 && (exact[k - 1] as number) < 0) || (lo > 0 && (exact[k - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
  }
  return hi;
}

/** a · b as an unevaluated sum [p, e] with p = fl(a·b), exactly (Dekker; |a·b| well inside the range). */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const split = (v: number): [number, number] => {
    const c = 134217729 * v; // 2^27 + 1
    const h = c - (c - v);
    return [h, v - h];
  };
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** 2^e for any whole e from −2148 to 2046, as a product of two doubles applied in turn by {@link scaled}. */
function scaled(x: number, e: number): number {
  const half = Math.trunc(e / 2);
  return x * 2 ** half * 2 ** (e - half);
}

/**
 * The mean of finite values, within one rounding of the exact mean (equal to the value when all are
 * equal), and within [min, max]. Values near the largest double are scaled down by a power of two
 * first, so their exact sum cannot overflow.
 */
function meanOf(values: readonly number[], min: number, max: number): number {
  const n = values.length;
  const e = Math.max(Math.abs(min), Math.abs(max)) > 2 ** 960 ? -64 : 0;
  const partials: number[] = [];
  for (const v of values) addExact(partials, e === 0 ? v : scaled(v, e));
  const q = roundedSum(partials) / n;
  // What the division left: sum − q·n, exactly, then divided by n once more.
  const [p, err] = twoProduct(q, n);
  addExact(partials, -p);
  addExact(partials, -err);
  const mean = scaled(q + roundedSum(partials) / n, -e);
  return Math.min(Math.max(mean, min), max);
}

/**
 * √(Σ(x − mean)² / (n − 1)), the deviations scaled by a power of two so that their squares
 * neither overflow nor underflow, their sum exact, with the two-pass correction (Σd)²/n.
 */
function sampleSd(values: readonly number[], mean: number): number {
  const n = values.length;
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v - mean));
  if (largest === 0) return 0;
  // x − mean can itself overflow (−1.7e308 and 1.7e308): then halve both first.
  const halve = !Number.isFinite(largest);
  const dev = halve ? (v: number) => v / 2 - mean / 2 : (v: number) => v - mean;
  if (halve) {
    largest = 0;
    for (const v of values) largest = Math.max(largest, Math.abs(dev(v)));
  }
  const e = -Math.round(Math.log2(largest));
  const squares: number[] = [];
  const deviations: number[] = [];
  for (const v of values) {
    const d = scaled(dev(v), e);
    addExact(squares, d * d);
    addExact(deviations, d);
  }
  const drift = roundedSum(deviations);
  const ss = Math.max(0, roundedSum(squares) - (drift * drift) / n);
  return scaled(Math.sqrt(ss / (n - 1)), -e + (halve ? 1 : 0));
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
