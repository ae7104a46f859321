import type { RoundMetrics } from '../engine/metrics.js';

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
 *
 * @example
 * ```ts
 * csvField('a,b'); // '"a,b"'
 * ```
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows of records as CSV text with a header line, columns in the order given.
 *
 * @example
 * ```ts
 * toCsv(['round', 'maxRung'], [{ round: 0, maxRung: 2 }]); // 'round,maxRung\n0,2\n'
 * ```
 */
export function toCsv<T extends Readonly<Record<string, unknown>>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c] as string | number | boolean | null | undefined)).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The columns of {@link metricsCsv}, in order.
 *
 * @example
 * ```ts
 * METRIC_COLUMNS[0]; // 'round'
 * metricsCsv(run.metrics).startsWith(METRIC_COLUMNS.join(',')); // true: the header line
 * ```
 */
export const METRIC_COLUMNS: readonly (keyof RoundMetrics & string)[] = Object.freeze([
  'round',
  'operations',
  'successfulOperations',
  'detections',
  'falseAlarms',
  'correctAttributions',
  'misattributions',
  'accusations',
  'publicAccusations',
  'hotlineQueries',
  'sanctionsImposed',
  'sanctionsInForce',
  'retaliations',
  'normsAdopted',
  'rejectedActions',
  'meanTrust',
  'maxTension',
  'maxRung',
  'peakRung',
  'totalWelfare',
]);

/**
 * A run's per-round metrics as CSV, one row per round.
 *
 * @example
 * ```ts
 * writeFileSync('metrics.csv', metricsCsv(run.metrics));
 * ```
 */
export function metricsCsv(metrics: readonly RoundMetrics[]): string {
  return toCsv(METRIC_COLUMNS, metrics as readonly RoundMetrics[] as readonly (RoundMetrics & Record<string, unknown>)[]);
}
