// Combine the results files of the shards of a sweep into one: same columns, the same scenario,
// the same code of the --load modules and the same version of detente required, each grid point
// with one set of parameter values, each run once (identical duplicates, e.g. from a re-run shard, collapse; conflicting
// ones are an error), sorted by run id.
import { compareRunIds, csvHeader, formatRow, readResults, SCENARIO_COLUMN, SUMMARY_COLUMNS } from '../../index.js';
import type { ResultsFormat, SweepRow } from '../../index.js';
import { UsageError } from '../run.js';
import { refuseLockFile } from './results-file.js';
import { showControlCharacters as shown } from '../../model/control-characters.js';
import { codeChange, MODULES_COLUMN, rowModules, sameCode } from './modules-column.js';
import { DETENTE_COLUMN, mixedResults, runVersion, versionText } from './detente-column.js';

/**
 * The merged results as text in `format`. `unchecked` is true when the files do not record their
 * scenario (written before results did), so that they are runs of one scenario could not be checked;
 * `unversioned` when they do not record the version of detente that computed them.
 */
export function mergeResults(parts: readonly { readonly path: string; readonly text: string; readonly format: ResultsFormat }[], format: ResultsFormat): { text: string; rows: number; duplicates: number; unchecked: boolean; unversioned: boolean } {
  let columns: readonly string[] | undefined;
  let first = '';
  let scenario: { tag: string; path: string } | undefined;
  // The code of the --load modules the first row was computed with (the `modules` column), and
  // every other cell met, each read once: same code, under whichever name.
  let code: { cell: string; entries: { name: string; digest: string }[]; path: string } | undefined;
  const sameCells = new Set<string>();
  // The version of detente the first row was computed by (the `detente` column).
  let version: { cell: unknown; path: string; run: string } | undefined;
  const byId = new Map<string, { row: SweepRow; line: string; path: string }>();
  // The parameter values of each grid point (the `point` cell), as the first row of it gave them.
  const points = new Map<string, { values: string; row: SweepRow; path: string }>();
  let params: readonly string[] = [];
  let duplicates = 0;
  for (const part of parts) {
    refuseLockFile(part.path, part.text);
    const results = readResults(part.text, part.format, part.path);
    if (results.rows.length === 0 && part.format === 'jsonl') continue;
    if (columns === undefined) {
      columns = results.columns;
      first = part.path;
      params = parameterColumns(columns);
    } else if (results.columns.join('\u0000') !== columns.join('\u0000')) {
      // Written before results recorded their scenario, and so before they recorded their version of detente too.
      const older = (a: readonly string[], b: readonly string[]) => !a.includes(SCENARIO_COLUMN) && b.includes(SCENARIO_COLUMN) && a.join('\u0000') === b.filter((c) => c !== SCENARIO_COLUMN && c !== DETENTE_COLUMN).join('\u0000');
      const without = (a: readonly string[]) => a.filter((c) => c !== MODULES_COLUMN).join('\u0000');
      const modules = (a: string, b: string) => ` (${a} records the code of the --load modules its runs were computed with, ${b} does not: it was written without --load, or by a detente older than that column)`;
      const unversioned = (a: readonly string[]) => a.filter((c) => c !== DETENTE_COLUMN).join('\u0000');
      const versioned = (a: string, b: string) =>
        ` (${a} records the version of detente its runs were computed by, ${b} does not: it was written by a detente older than that column, so that they are runs of one version cannot be checked; run ${b}'s shard again with the version ${a} records, into a new file, and merge that)`;
      const why =
        unversioned(results.columns) === unversioned(columns) && results.columns.includes(DETENTE_COLUMN) !== columns.includes(DETENTE_COLUMN)
          ? results.columns.includes(DETENTE_COLUMN)
            ? versioned(part.path, first)
            : versioned(first, part.path)
          : without(results.columns) === without(columns) && results.columns.includes(MODULES_COLUMN) !== columns.includes(MODULES_COLUMN)
          ? results.columns.includes(MODULES_COLUMN)
            ? modules(part.path, first)
            : modules(first, part.path)
          : older(results.columns, columns)
            ? ` (${part.path} was written by an older detente, without the scenario column)`
            : older(columns, results.columns)
              ? ` (${first} was written by an older detente, without the scenario column)`
              : '';
      throw new UsageError(`${part.path} has other columns than ${first}: they are not shards of the same sweep${why}`);
    }
    for (const read of results.rows) {
      let row = read;
      const id = String(row.run);
      if (columns.includes(SCENARIO_COLUMN)) {
        const tag = String(row[SCENARIO_COLUMN]);
        if (scenario === undefined) scenario = { tag, path: part.path };
        else if (tag !== scenario.tag) throw new UsageError(`${part.path} holds runs of scenario ${shown(tag)} (run ${shown(id)}), ${scenario.path} of ${shown(scenario.tag)}: they are not shards of the same sweep`);
      }
      if (columns.includes(DETENTE_COLUMN)) {
        const cell = row[DETENTE_COLUMN];
        if (version === undefined) version = { cell, path: part.path, run: id };
        else if (cell !== version.cell) {
          const where = version.path === part.path ? `runs computed by ${versionText(version.cell)} (run ${shown(version.run)}) and by ${versionText(cell)} (run ${shown(id)})` : `runs computed by ${versionText(cell)} (run ${shown(id)}), ${version.path} by ${versionText(version.cell)} (run ${shown(version.run)})`;
          const redo = runVersion(version.cell);
          const todo =
            version.path === part.path
              ? ' (the file was put together by hand: neither merge nor --resume writes such a file)'
              : redo === undefined
                ? ''
                : `; to merge, run ${part.path}'s shard again with the version ${version.path} records (${redo} sweep … --out <new file>) and merge that`;
          throw new UsageError(`${part.path} holds ${where}: merged, they would mix ${mixedResults(2)}, so they are not shards of the same sweep${todo}`);
        }
      }
      if (columns.includes(MODULES_COLUMN)) {
        const cell = row[MODULES_COLUMN];
        if (code === undefined || !sameCells.has(String(cell))) {
          const entries = rowModules(cell, part.path, id, "the file was edited, or is not a sweep's results");
          if (code === undefined) code = { cell: String(cell), entries, path: part.path };
          else if (!sameCode(code.entries, entries)) {
            throw new UsageError(`${part.path} holds runs computed with other code of your own than ${code.path}: ${codeChange(code.entries, `in ${code.path}`, entries, `in ${part.path}`)} (run ${shown(id)}); they are not shards of the same sweep`);
          }
          sameCells.add(String(cell));
        }
        // The same code under another name (a module renamed between shards): one name in the merged file.
        if (row[MODULES_COLUMN] !== code.cell) row = { ...row, [MODULES_COLUMN]: code.cell };
      }
      checkPoint(points, params, row, part.path);
      const line = formatRow(row, columns, 'jsonl');
      const seen = byId.get(id);
      if (seen) {
        if (seen.line !== line) throw new UsageError(`run ${shown(id)} differs between ${seen.path} and ${part.path}: not the same sweep`);
        duplicates++;
        continue;
      }
      byId.set(id, { row, line, path: part.path });
    }
  }
  if (columns === undefined) throw new UsageError('nothing to merge: the files hold no results');
  const cols = columns;
  const ids = [...byId.keys()].sort(compareRunIds);
  const lines = ids.map((id) => formatRow((byId.get(id) as { row: SweepRow }).row, cols, format));
  return { text: (format === 'csv' ? csvHeader(cols) : '') + lines.join(''), rows: ids.length, duplicates, unchecked: !cols.includes(SCENARIO_COLUMN), unversioned: !cols.includes(DETENTE_COLUMN) };
}

/**
 * The grid's parameter columns of a results file: those between `seed` and the first summary column
 * (`sweepColumns`), none when the file is not laid out so.
 */
export function parameterColumns(columns: readonly string[]): readonly string[] {
  const from = columns.indexOf('seed');
  const to = columns.indexOf(SUMMARY_COLUMNS[0] as string);
  return from < 0 || to < from ? [] : columns.slice(from + 1, to);
}

/**
 * A grid point (a `point` cell) must carry the same parameter values in every row, of every file:
 * shards of sweeps run with different --set values number their points alike, and merged they
 * would put the runs of two parameter values under one point. `points` keeps the first row of each.
 */
function checkPoint(points: Map<string, { values: string; row: SweepRow; path: string }>, params: readonly string[], row: SweepRow, path: string): void {
  if (params.length === 0) return;
  const point = String(row.point);
  const values = JSON.stringify(params.map((c) => row[c] ?? null));
  const seen = points.get(point);
  if (seen === undefined) {
    points.set(point, { values, row, path });
    return;
  }
  if (seen.values === values) return;
  // Only the parameters whose values differ are named.
  const differ = params.filter((c) => JSON.stringify(seen.row[c] ?? null) !== JSON.stringify(row[c] ?? null));
  const cells = (r: SweepRow) => differ.map((c) => `${shown(c)}=${shown(String(r[c] ?? ''))}`).join(', ');
  const run = (r: SweepRow) => shown(String(r.run));
  if (seen.path === path) {
    throw new UsageError(`${path} gives grid point ${shown(point)} two sets of parameter values: run ${run(seen.row)} has ${cells(seen.row)}, run ${run(row)} has ${cells(row)}; the file was edited, or is not the results of one sweep`);
  }
  throw new UsageError(
    `${path} and ${seen.path} give grid point ${shown(point)} different parameter values: run ${run(row)} in ${path} has ${cells(row)}, run ${run(seen.row)} in ${seen.path} has ${cells(seen.row)}; they are shards of sweeps with different grids (--set), not of the same sweep: merge the shards of one sweep, all run with the same --set values`,
  );
}
