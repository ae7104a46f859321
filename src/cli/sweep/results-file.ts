// The append-only results file of a sweep: each finished run is one whole line; the lines of
// the runs delivered together are written with one write call; on --resume a torn last line (a
// write cut by kill -9) is cut off and the runs already in the file are skipped, once the file is
// known to hold runs of the same sweep: same columns, same scenario, same code of the --load
// modules, computed by the same version of detente, same parameters per run.
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { csvHeader, readResults, SCENARIO_COLUMN } from '../../index.js';
import type { PlanItem, ResultsFormat } from '../../index.js';
import { UsageError, WriteError } from '../run.js';
import { isLockFile } from './lock.js';
import { showControlCharacters } from '../../model/control-characters.js';
import { codeChange, MODULES_COLUMN, modulesCell, readModulesCell, rowModules, sameCode } from './modules-column.js';
import type { ModuleDigest } from '../../node/module-digest.js';
import { DETENTE_CELL, DETENTE_COLUMN, mixedResults, runVersion, versionText } from './detente-column.js';

/** An open results file (or standard output) that takes whole lines. */
export interface ResultsSink {
  /**
   * The columns the lines must have: the sweep's, or on resuming a file written before results
   * recorded their scenario, the file's (the sweep's without `scenario`), so the file stays one table.
   */
  readonly columns: readonly string[];
  /** Run ids already in the file (on resume). */
  readonly done: ReadonlySet<string>;
  /**
   * Cells every new line has, the same in each: the `detente` column (this version), and the
   * `modules` column, the file's own on resume, so a module named through another link or path
   * does not make the column change in mid-file.
   */
  readonly fixed: Readonly<Record<string, string>>;
  /** Bytes of a torn last line that resume cut off (0 if none). */
  readonly repaired: number;
  /** Keep one run's whole line (as `formatRow` makes it) until the next {@link flush}. */
  add(line: string): void;
  /**
   * Write the kept lines with one write call. Called after each group of rows the pool delivers
   * (a run per call cost a system call per run on the one main thread: docs/performance.md, tenth
   * pass), and by `close`.
   */
  flush(): void;
  close(): void;
}

/** A sink's lines kept until the next flush, written by `write`. */
function pending(write: (text: string) => void): { add(line: string): void; flush(): void } {
  let lines: string[] = [];
  return {
    add: (line) => void lines.push(line),
    flush() {
      if (lines.length === 0) return;
      const text = lines.join('');
      lines = [];
      write(text);
    },
  };
}

/**
 * Open `path` for a sweep (create it, or continue it with `resume`), or standard output when
 * `path` is undefined. Whether an existing `path` may be continued or replaced is the command's
 * to decide, before the sweep is planned (`sweepCommand`): here a new file is only ever created
 * with O_EXCL, so nothing that is already there is written over. `scenario` is the sweep's
 * `scenarioTag`: a file holding runs of another scenario is refused. `modules` are the sweep's
 * `--load` modules (undefined without `--load`; then `columns` has no `modules` column): a file
 * whose runs were computed with other code, or that does not say with which, is refused.
 * `columns` end with the `detente` column: a file whose runs another version of detente computed
 * is refused; one written before results recorded it is continued in its own columns, unchecked.
 */
export function openResults(path: string | undefined, format: ResultsFormat, columns: readonly string[], items: readonly PlanItem[], resume: boolean, scenario: string, modules?: readonly ModuleDigest[]): ResultsSink {
  let fixed: Readonly<Record<string, string>> = { ...(modules === undefined ? {} : { [MODULES_COLUMN]: modulesCell(modules) }), [DETENTE_COLUMN]: DETENTE_CELL };
  if (path === undefined) {
    if (format === 'csv') process.stdout.write(csvHeader(columns));
    const kept = pending((text) => void process.stdout.write(text));
    return { columns, done: new Set(), fixed, repaired: 0, ...kept, close: kept.flush };
  }
  const { fd, exists } = openFile(path, resume);
  let done = new Set<string>();
  let layout = columns;
  let repaired = 0;
  let size = 0;
  try {
    if (exists) {
      // Bytes, not text: a write cut inside a character must not shift the cut.
      const bytes = readFileSync(fd);
      size = bytes.lastIndexOf(0x0a) + 1;
      repaired = bytes.length - size;
      const kept = bytes.subarray(0, size).toString('utf8');
      let cell: string | undefined;
      ({ done, columns: layout, cell } = checkExisting(kept, path, format, columns, items, scenario, modules));
      if (cell !== undefined) fixed = { ...fixed, [MODULES_COLUMN]: cell };
      if (repaired > 0) {
        checkTorn(bytes.subarray(size), path, format, size === 0 ? [columns, ...olderLayouts(columns)] : undefined);
        // Cut the torn last line before anything is appended after it: only now, once the file
        // is known to be this sweep's, so a file refused is left as it was.
        ftruncateSync(fd, size);
      }
    }
    if (format === 'csv' && size === 0) size += writeWhole(fd, csvHeader(columns), size, path);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  let position = size;
  const kept = pending((text) => (position += writeWhole(fd, text, position, path)));
  return {
    columns: layout,
    done,
    fixed,
    repaired,
    ...kept,
    close() {
      try {
        kept.flush();
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * Open the results file: with `resume` the existing file for reading and writing, else (or when
 * there is none) a new one, created exclusively. What the system refuses is a usage error naming
 * the path: a link to a missing file, a file created since the command checked, no permission.
 */
function openFile(path: string, resume: boolean): { fd: number; exists: boolean } {
  try {
    if (resume) {
      try {
        return { fd: openSync(path, 'r+'), exists: true };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    return { fd: openSync(path, 'wx'), exists: false };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST'
        ? 'something is already there that is not a results file to continue (a link to a missing file, or a file created since the command started)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : undefined;
    if (why === undefined) throw e;
    throw new UsageError(`cannot ${resume ? 'continue or create' : 'create'} ${path} (--out): ${why}; choose another --out`);
  }
}

/**
 * Write whole lines at `position` (one write call; a short write, rare on files, is continued).
 * A failure (a full disk, a file-size limit) names the file: what is written before stays, and a
 * line cut short is repaired by --resume.
 */
function writeWhole(fd: number, text: string, position: number, path: string): number {
  const buf = Buffer.from(text);
  let off = 0;
  try {
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off, position + off);
  } catch (e) {
    // "ENOSPC: no space left on device, write" → "no space left on device"
    const reason = e instanceof Error ? e.message.replace(/^E[A-Z]+: /, '').replace(/, write$/, '') : String(e);
    throw new WriteError(`cannot write ${path} (--out): ${reason}; the runs written before are kept: make room, then run the same command with --resume`, { cause: e });
  }
  return buf.length;
}

function checkExisting(
  text: string,
  path: string,
  format: ResultsFormat,
  columns: readonly string[],
  items: readonly PlanItem[],
  scenario: string,
  modules: readonly ModuleDigest[] | undefined,
): { done: Set<string>; columns: readonly string[]; cell?: string } {
  if (text === '') return { done: new Set(), columns };
  const results = readResults(text, format, path);
  let layout = columns;
  if (results.rows.length > 0 || format === 'csv') {
    checkModulesColumn(results.columns, columns, results.rows[0]?.[MODULES_COLUMN], path, modules);
    const older = olderLayouts(columns).find((l) => l.join('\u0000') === results.columns.join('\u0000'));
    if (older !== undefined) {
      // Written before results named their version of detente (and, before that, their scenario):
      // nothing to check them against. The runs are continued in the file's own columns, so it
      // stays one table; the file cannot name the version that wrote it, so it is not refused.
      layout = older;
      if (!older.includes(SCENARIO_COLUMN)) {
        process.stderr.write(`detente: ${path} does not record its scenario (written by an older detente): its runs are taken to be of ${scenario} unchecked, and new runs are written without the scenario column too\n`);
      }
      process.stderr.write(
        `detente: ${path} does not record which version of detente computed its runs (written by a detente older than the ${DETENTE_COLUMN} column): they are taken to be of this one (${DETENTE_CELL}) unchecked, and new runs are written without the column too; if another version wrote them, continue the file with that version, or start over in another --out\n`,
      );
    } else if (results.columns.join('\u0000') !== columns.join('\u0000')) {
      throw new UsageError(`${path} was written by a different sweep (other columns: ${shown(diff(results.columns, columns))}); use the same scenario, --set and --series, or another --out`);
    }
  }
  const byId = new Map(items.map((i) => [i.run, i]));
  const done = new Set<string>();
  // The modules cells met so far and whether they name this sweep's code (a file has one, or a few
  // names of the same code): each is read once, not once per row.
  const cells = new Set<string>();
  let cell: string | undefined;
  for (const row of results.rows) {
    const id = String(row.run);
    if (layout.includes(SCENARIO_COLUMN) && row[SCENARIO_COLUMN] !== scenario) {
      throw new UsageError(`${path} holds runs of another scenario (run ${shown(id)}: ${shown(String(row[SCENARIO_COLUMN]))}; this sweep: ${scenario}), so it was written by a different sweep (or the scenario has changed since); use another --out`);
    }
    if (layout.includes(DETENTE_COLUMN) && row[DETENTE_COLUMN] !== DETENTE_CELL) {
      const found = row[DETENTE_COLUMN];
      const run = runVersion(found);
      throw new UsageError(
        `${path} holds runs computed by ${versionText(found)} (run ${shown(id)}), and this is detente ${DETENTE_CELL}: its runs and new ones would mix ${mixedResults(2)}. ${run === undefined ? 'Start over in another --out (or with --force)' : `Continue it with the version that wrote it (${run} sweep … --resume), or start over with this one in another --out (or with --force)`}`,
      );
    }
    if (modules !== undefined) {
      const found = row[MODULES_COLUMN];
      const key = String(found);
      if (!cells.has(key)) {
        const entries = rowModules(found, path, id, 'the file was edited, or is not a results file of a sweep; use another --out');
        if (!sameCode(entries, modules)) {
          throw new UsageError(
            `${path} holds runs computed with other code of your own: ${codeChange(entries, `in ${path}`, modules, 'now')} (run ${shown(id)} records ${shown(key)}); its runs and new ones would mix two versions of a strategy: load the modules as they were, or start over in another --out (or with --force)`,
          );
        }
        cells.add(key);
        cell ??= key;
      }
    }
    const item = byId.get(id);
    // A row of this sweep's plan must carry the same parameters; rows of other shards or seeds are kept.
    if (item) {
      for (const [k, v] of Object.entries(item.params)) {
        if (row[k] !== v) throw new UsageError(`${path}: run ${shown(id)} has ${k}=${shown(String(row[k]))} but this sweep gives it ${String(v)} (a different grid?); use another --out`);
      }
      if (row.seed !== item.seed) throw new UsageError(`${path}: run ${shown(id)} has seed ${shown(String(row.seed))}, expected ${item.seed}`);
    }
    // The sweep never writes a run twice: two processes appended to the file at once.
    if (done.has(id)) throw new UsageError(`${path} holds run ${shown(id)} twice (did two sweeps write to it at once?): 'detente merge ${path} --out <new file>' keeps each run once (identical duplicates collapse), then resume that file`);
    done.add(id);
  }
  return cell === undefined ? { done, columns: layout } : { done, columns: layout, cell };
}

/**
 * A file continued with `--load` modules must record the code its runs were computed with, and
 * one that records it must be continued with modules: a file that does not (written without
 * `--load`, or by a detente that did not record it) cannot be checked, so it is refused rather
 * than taken to match.
 */
function checkModulesColumn(found: readonly string[], columns: readonly string[], first: unknown, path: string, modules: readonly ModuleDigest[] | undefined): void {
  const recorded = found.includes(MODULES_COLUMN);
  // Only a file that is otherwise this sweep's gets these messages; any other, the columns' own.
  const key = (list: readonly string[]) => list.filter((c) => c !== MODULES_COLUMN && c !== SCENARIO_COLUMN && c !== DETENTE_COLUMN).join('\u0000');
  if (key(found) !== key(columns)) return;
  if (modules !== undefined && !recorded) {
    const names = modules.map((m) => shown(m.file)).join(', ');
    throw new UsageError(
      `${path} does not record which code of your own its runs were computed with (no ${MODULES_COLUMN} column: it was written without --load, or by a detente older than that column), so that they were computed with ${names} as ${modules.length === 1 ? 'it is' : 'they are'} now cannot be checked, and the file is not continued: start over in another --out (or with --force)`,
    );
  }
  if (modules === undefined && recorded) {
    const entries = readModulesCell(first);
    const what = entries === undefined ? 'strategies of your own (its modules column)' : `strategies of your own from ${entries.map((e) => `${shown(e.name)} (sha256 ${e.digest}…)`).join(', ')}`;
    throw new UsageError(`${path} holds runs computed with ${what}: continue it with the same --load FILE, unchanged, or use another --out`);
  }
}

/**
 * A torn last line is what a write cut short leaves of a results line: the start of the CSV
 * header (`headers`, when the file has no whole line), of a row (its run id, `p…`), or of a JSON
 * object. Anything else is not this sweep's file, and is not cut off: a one-line text file given
 * to --resume by mistake was replaced by the sweep's results.
 */
function checkTorn(bytes: Buffer, path: string, format: ResultsFormat, headers: readonly (readonly string[])[] | undefined): void {
  // The header is compared in bytes: the cut may fall inside a character of an actor id.
  const plausible = format === 'jsonl' ? bytes[0] === 0x7b : headers ? headers.some((h) => Buffer.from(csvHeader(h)).subarray(0, bytes.length).equals(bytes)) : bytes[0] === 0x70;
  if (!plausible) {
    const torn = bytes.toString('utf8');
    const quoted = shown(torn.length > 40 ? `${torn.slice(0, 40)}…` : torn);
    throw new UsageError(`${path} ends with '${quoted}' without a line break, which is not part of a results ${format === 'csv' && headers ? 'header' : 'row'}: not a results file of this sweep (left as it was); use another --out`);
  }
}

/**
 * The columns files written by older detentes have for a sweep whose columns are `columns`: without
 * the `detente` column, and (older still) without the `scenario` column too. Such a file is
 * continued in its own columns.
 */
function olderLayouts(columns: readonly string[]): (readonly string[])[] {
  const unversioned = columns.filter((c) => c !== DETENTE_COLUMN);
  return [unversioned, unversioned.filter((c) => c !== SCENARIO_COLUMN)];
}

/** A cell of the file quoted in a message: its control characters written out (`<U+001B>`), not sent to the terminal. */
const shown = showControlCharacters;

function diff(found: readonly string[], expected: readonly string[]): string {
  const extra = found.filter((c) => !expected.includes(c));
  const missing = expected.filter((c) => !found.includes(c));
  return [extra.length ? `unexpected ${extra.join(', ')}` : '', missing.length ? `missing ${missing.join(', ')}` : ''].filter(Boolean).join('; ') || 'in another order';
}

/**
 * Refuse a sweep's lock file (`results.csv.lock`) given where results are read (merge, summarize):
 * its JSON would otherwise be reported as a CSV syntax error. The message names the results file
 * the lock belongs to, which is the one to give.
 */
export function refuseLockFile(path: string, text: string): void {
  if (!isLockFile(path, text)) return;
  const results = path.endsWith('.lock') ? path.slice(0, -'.lock'.length) : undefined;
  const instead = results ? `give ${results} itself` : 'give the results file the sweep writes (--out)';
  throw new UsageError(`${path} is a sweep's lock file (it says which sweep is writing its results file), not a results file: ${instead}`);
}
