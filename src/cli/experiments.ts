// The experiment commands: sweep, merge, summarize, tournament. Argument checks happen before any
// run (exit 2); the runs themselves go to the worker pool in src/cli/sweep/.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  formatOf,
  formatTable,
  parseSetting,
  parseShard,
  planSweep,
  rankStrategies,
  shardItems,
  STANDING_COLUMNS,
  SUMMARY_STAT_COLUMNS,
  sweepColumns,
  toCsv,
  tournamentGrid,
  csvHeader,
  formatRow,
  canonicalPath,
  compareRunIds,
  scenarioTag,
  ConfigError,
  isMetricColumn,
} from '../index.js';
import type { Grid, MetricSummary, ResultsFormat, SweepRow } from '../index.js';
import { readResultsLines } from '../experiments/format.js';
import { summarizeRows } from '../experiments/stats.js';
import { readSettings } from './overrides.js';
import { clip } from '../model/quote.js';
import { showControlCharacters } from '../model/control-characters.js';
import { checkOutputs, loadScenario, withLoadHints, writeFileAtomic, writeFilesAtomic } from './files.js';
import type { OutputTarget } from './files.js';
import { parseCommandArgs } from './args.js';
import { finishLater, isStdoutClosed, onStdoutClosed, UsageError } from './run.js';
import { loadedFiles, loadHelp } from './load.js';
import type { CliContext } from './load.js';
import { mergeResults, parameterColumns } from './sweep/merge.js';
import { runOnWorkers } from '../node/pool.js';
import { progressBar } from './sweep/progress.js';
import { lockResults } from './sweep/lock.js';
import type { ResultsLock } from './sweep/lock.js';
import { openResults, refuseLockFile } from './sweep/results-file.js';
import { MODULES_COLUMN, modulesCell } from './sweep/modules-column.js';
import { DETENTE_CELL, DETENTE_COLUMN, mixedVersionsWarning } from './sweep/detente-column.js';
import type { ModuleDigest } from '../node/module-digest.js';

type Out = (text: string) => void;

export const SWEEP_HELP = `detente sweep <scenario> --seeds SEEDS [options]

Run a scenario many times — every seed, at every point of a parameter grid — on worker threads,
and write one row per run (its parameters, seed and summary metrics; see docs/experiments.md).

Options:
  --seeds SEEDS     Seeds: whole numbers and ranges, e.g. 1..1000 or 1,2,5 or 1..10,100..110.
  --set PATH=V,...  A grid parameter and its values (repeat for more; every combination runs):
                    mechanism.<section>.<coefficient>, actors.<ID>.strategy,
                    actors.<ID>.strategy.<parameter>, actors.<ID>.capabilities.<key>,
                    actors.<ID>.reactivity|fatigue, rounds.
                    e.g. --set mechanism.detection.scale=0.5,1,2
                         --set actors.US.strategy.retaliateAt=0.6,0.8
  --workers N       Worker threads (default: the number of cores). Results do not depend on it.
  --out FILE        Results file: .csv, or .jsonl for JSON Lines (default: CSV on standard output).
                    Each finished run is appended as one whole line. An existing file is never
                    replaced without --force (or continued without --resume).
  --format F        csv or jsonl, for standard output; with --out it must agree with the
                    extension (the format is read back from it), so it is best left out.
  --force           Replace an existing --out file (start the sweep over).
  --series          Add the per-round series of every metric (series.<metric> columns).
  --resume          Continue an interrupted --out file: repair a torn last line, run only the
                    runs not yet in it. It must have been written by this version of detente
                    (its detente column). With --load, each module's file must be as it was
                    (its digest is in the file's modules column; files it imports are not
                    covered).
  --shard i/n       Run only shard i of n (numbered from 0); combine the parts with 'detente merge'.
  --quiet           No progress bar (it is drawn only on a terminal anyway).
${loadHelp(20)}
                    Every worker thread imports it too.
  -h, --help        Show this help.

Ctrl-C (or SIGTERM) stops handing out runs, lets the runs in flight finish and be written, and
exits with code 130; run the same command with --resume to finish.

One sweep at a time writes a results file: while it runs it holds FILE.lock beside it, and a
second sweep on the same file stops at once (exit 2) naming the one that holds it.`;

export const MERGE_HELP = `detente merge <results>... --out FILE

Combine results files (the shards of one sweep, CSV or JSON Lines) into one: the files must have
the same columns and runs of the same scenario, computed by the same version of detente (the
detente column) and with the same --load code (the modules column), each grid point with the same
parameter values; each run is kept once (identical duplicates collapse, differing ones are an
error) and rows are sorted by run id. The files do not record their --seeds: shards of sweeps
with different --seeds merge unchecked (see docs/experiments.md).

Options:
  --out FILE   The merged file (.csv or .jsonl), written whole (default: CSV on standard output);
               never one of the files merged.
  --force      Replace an existing --out file.
  -h, --help   Show this help.`;

export const SUMMARIZE_HELP = `detente summarize <results> [--by PARAM[,PARAM...]] [options]

Mean, standard deviation, 95% confidence interval of the mean (Student t) and quantiles
(p5, p25, p50, p75, p95; linear interpolation, type 7) of each metric, per group of runs that
share the values of the --by parameters.

Options:
  --by COLS       Group by these columns, each once (e.g. mechanism.detection.scale); none:
                  one group.
  --metrics COLS  Only these metrics, each once (default: every summary, per-dyad and
                  per-actor column).
  --format F      table (default, 6 significant digits) or csv (numbers in full).
  --out FILE      Write the statistics as CSV to FILE (whole or not at all, numbers in full);
                  never the results file read.
  --force         Replace an existing --out file.
  -h, --help      Show this help.

Runs computed by several versions of detente (its detente column, e.g. a merged history) are
summarised together, with a warning listing the versions and their runs: --by detente keeps them
apart.`;

export const TOURNAMENT_HELP = `detente tournament <scenario> --strategies A,B,... --seeds SEEDS [options]

A round-robin of strategies over a scenario template: every assignment of the strategies to the
roles (with replacement: strategies^roles assignments), each played with every seed. Strategies
are ranked by the mean welfare of the actors that played them and by peace (the mean peak rung
of their dyads, lower is better).

Options:
  --strategies LIST  Strategy names (see 'detente list').
  --roles IDS        Actors whose strategy is assigned (default: every state actor).
  --seeds SEEDS      Seeds for each assignment, e.g. 1..20.
  --workers N        Worker threads (default: the number of cores).
  --out FILE         Write the standings as CSV (whole or not at all, numbers in full).
  --runs FILE        Also write every run's row: CSV, or JSON Lines for a .jsonl file.
  --force            Replace an existing --out or --runs file.
  --quiet            No progress bar.
${loadHelp(21)}
  -h, --help         Show this help.`;

/** The `--load` registry, as an option of planSweep (without `--load`, none: the built-ins). */
function registryOf(context: CliContext): { registry?: NonNullable<CliContext['registry']> } {
  return context.registry === undefined ? {} : { registry: context.registry };
}

/**
 * The digest of each `--load` module (undefined without `--load`): a results file records them in a
 * column, `modules`, so that --resume and merge refuse runs of code that has changed since.
 */
function codeOf(context: CliContext): readonly ModuleDigest[] | undefined {
  return context.moduleDigests !== undefined && context.moduleDigests.length > 0 ? context.moduleDigests : undefined;
}

/**
 * The columns of a results file: the sweep's, with `--load` the `modules` column, and last the
 * `detente` column (the version that computed the runs), so that --resume and merge refuse runs of
 * another version.
 */
function columnsOf(columns: readonly string[], context: CliContext): string[] {
  return [...columns, ...(codeOf(context) === undefined ? [] : [MODULES_COLUMN]), DETENTE_COLUMN];
}

/**
 * The `--load` modules, as the pool's option: every worker thread imports them, once it has
 * checked that each file is still the one whose digest the results record.
 */
function modulesOf(context: CliContext): { strategyModules?: readonly string[]; moduleDigests?: readonly string[] } {
  if (context.strategyModules === undefined) return {};
  return { strategyModules: context.strategyModules, ...(context.moduleDigests !== undefined ? { moduleDigests: context.moduleDigests.map((m) => m.digest) } : {}) };
}

function workersOf(v: string | undefined): number {
  if (v === undefined) return Math.max(1, availableParallelism());
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256) throw new UsageError(`--workers must be a whole number from 1 to 256, not '${v}'`);
  return Number(v);
}

function formatArg(v: string | undefined, out: string | undefined): ResultsFormat {
  if (v === undefined) return out === undefined ? 'csv' : formatOf(out);
  if (v !== 'csv' && v !== 'jsonl') throw new UsageError(`--format must be csv or jsonl, not '${v}'`);
  // summarize, merge and --resume read a file's format from its name: a contradicting pair would
  // write a file none of them can read.
  if (out !== undefined && formatOf(out) !== v) {
    throw new UsageError(`--format ${v} contradicts --out ${out}, which is read back as ${formatOf(out) === 'csv' ? 'CSV' : 'JSON Lines'} (.jsonl or .ndjson is JSON Lines, any other name CSV): name it ${v === 'jsonl' ? '.jsonl' : '.csv'}, or leave out --format`);
  }
  return v;
}

function gridOf(settings: readonly string[]): Grid {
  // fromEntries defines each key as an own property, '__proto__' too.
  return Object.fromEntries(readSettings(settings, parseSetting, (path) => `--set ${clip(path)} is given twice; list all its values in one --set`));
}

/**
 * While a sweep runs: the first Ctrl-C / SIGTERM asks it to stop after the runs in flight, a second
 * one quits at once. Standard output closed by its reader (`| head`) stops it the same way, quietly.
 */
function stopSignals(): { stopping: () => boolean; dispose: () => void } {
  let stop = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop) process.exit(130);
    stop = true;
    process.stderr.write(`\ndetente: ${signal}: finishing the runs in flight, then stopping (again to quit now)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const forget = onStdoutClosed(() => {
    stop = true;
  });
  return {
    stopping: () => stop,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      forget();
    },
  };
}

export function sweepCommand(args: readonly string[], out: Out, context: CliContext = {}): number {
  const { values, positionals } = parseCommandArgs(args, {
    seeds: { type: 'string' },
    set: { type: 'string', multiple: true },
    workers: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    series: { type: 'boolean' },
    resume: { type: 'boolean' },
    force: { type: 'boolean' },
    shard: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(SWEEP_HELP);
    return 0;
  }
  const arg = positionals[0];
  if (arg === undefined) throw new UsageError("sweep needs a scenario (a file, or a bundled scenario name; see 'detente list')");
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const seeds = values.seeds;
  if (seeds === undefined) throw new UsageError('sweep needs --seeds, e.g. --seeds 1..100');
  const workers = workersOf(values.workers);
  const format = formatArg(values.format, values.out);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const grid = gridOf(values.set ?? []);
  if (values.force === true && values.resume === true) throw new UsageError('--force starts the --out file over and --resume continues it: give one of them');
  if (values.force === true && values.out === undefined) throw new UsageError('--force replaces an existing --out file: it needs --out FILE');
  if (values.resume === true && values.out === undefined) throw new UsageError('--resume needs --out FILE (the results file to continue)');
  const series = values.series === true;
  const { scenario, path } = loadScenario(arg, context.registry);
  // One sweep at a time per results file: the lock is taken before anything else is done with
  // it (a second sweep stops at once, before planning), and removed however the sweep ends.
  let lock: ResultsLock | undefined;
  if (values.out !== undefined) {
    checkOutputs([{ flag: '--out', path: values.out }], { inputs: [path, ...loadedFiles(context)] });
    lock = lockResults(values.out);
  }
  const { plan, items, sink } = releasingOnError(lock, () => {
    // The one check of an existing --out, before the sweep is planned (which can take a while);
    // the results file is then created exclusively, so nothing is written over even if one appears.
    if (values.out !== undefined && existsSync(values.out) && values.resume !== true && values.force !== true) {
      throw new UsageError(`${values.out} already exists: pass --resume to run only its missing runs, --force to replace it, or choose another --out`);
    }
    const plan = withLoadHints(() => planSweep(scenario, { seeds, grid, ...registryOf(context) }), context.registry);
    const items = shard ? shardItems(plan.items, shard.index, shard.count) : [...plan.items];
    const columns = columnsOf(sweepColumns(plan, { series }), context);
    // Every check is done: only now is the file the user asked to replace removed.
    if (values.force === true && values.out !== undefined) rmSync(values.out, { force: true });
    const sink = openResults(values.out, format, columns, items, values.resume === true, scenarioTag(plan.document), codeOf(context));
    return { plan, items, sink };
  });
  const todo = items.filter((i) => !sink.done.has(i.run));
  if (sink.repaired > 0) process.stderr.write(`detente: cut a torn last line (${sink.repaired} bytes) off ${values.out}\n`);
  if (values.resume === true) process.stderr.write(`detente: ${items.length - todo.length} of ${items.length} runs already in ${values.out}; running ${todo.length}\n`);
  return finishLater(
    (async () => {
      const signals = stopSignals();
      const progress = progressBar(todo.length, 'sweep', values.quiet === true || values.out === undefined);
      let count = 0;
      try {
        const outcome = await runOnWorkers(plan.document, todo, {
          workers,
          series,
          ...modulesOf(context),
          stopping: signals.stopping,
          lines: { columns: sink.columns, format, fixed: sink.fixed },
          onRow: (line) => {
            sink.add(line);
            progress.tick(++count);
          },
          onDelivered: sink.flush,
        });
        progress.end();
        if (outcome.stopped) {
          // Nobody reads the output any more: stop as quietly as `cat` (the exit code says it).
          if (isStdoutClosed()) return 130;
          process.stderr.write(`detente: stopped after ${outcome.finished} of ${todo.length} runs; every finished run is in ${values.out ?? 'the output'}${values.out ? ' (continue with --resume)' : ''}\n`);
          return 130;
        }
        return 0;
      } finally {
        try {
          sink.close();
        } finally {
          signals.dispose();
          lock?.release();
        }
      }
    })(),
  );
}

/** `prepare()`, removing `lock` if it throws: a sweep refused before its runs leaves no lock behind. */
function releasingOnError<T>(lock: ResultsLock | undefined, prepare: () => T): T {
  try {
    return prepare();
  } catch (e) {
    lock?.release();
    throw e;
  }
}

export function mergeCommand(args: readonly string[], out: Out): number {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    out(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('merge needs the results files to combine');
  for (const path of positionals) checkResultsInput(path);
  if (values.out !== undefined) checkOutputs([{ flag: '--out', path: values.out }], { inputs: positionals, replace: values.force === true });
  const parts = positionals.map((path) => ({ path, text: readResultsText(path), format: formatOf(path) }));
  const merged = mergeResults(parts, values.out === undefined ? 'csv' : formatOf(values.out));
  if (values.out !== undefined) {
    writeFileAtomic(values.out, merged.text);
    process.stderr.write(`detente: ${merged.rows} runs from ${parts.length} files into ${values.out}${merged.duplicates ? ` (${merged.duplicates} duplicates dropped)` : ''}\n`);
  } else out(merged.text.replace(/\n$/, ''));
  if (merged.unchecked) process.stderr.write('detente: the files do not record their scenario (written by an older detente): that they are runs of one scenario was not checked\n');
  if (merged.unversioned) process.stderr.write('detente: the files do not record which version of detente computed their runs (written by a detente older than that column): that they are runs of one version was not checked\n');
  return 0;
}

const STRATEGIES_NEEDED = 'tournament needs --strategies, e.g. --strategies hawk,dove,tit-for-tat';

/**
 * A comma-separated flag value as names, empty ones dropped (`a,,b` is `a,b`). A value that names
 * nothing (an unset shell variable) is a usage error, `none`: `--by ""` summarised every run as one
 * group without a word, and an empty `--metrics` printed an empty table.
 */
function list(v: string | undefined, none: string): string[] {
  if (v === undefined) return [];
  const names = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(none);
  return names;
}

/** A results file to read must be there and be a file (a folder given by mistake was an "unexpected error"). */
function checkResultsInput(path: string): void {
  if (!existsSync(path)) throw new UsageError(`no results file at '${path}'`);
  if (statSync(path).isDirectory()) throw new UsageError(`'${path}' is a directory, not a results file: give the results files in it`);
}

/** The text of a results file; what the system refuses (a folder, no permission) is a usage error naming it. */
function readResultsText(path: string): string {
  checkResultsInput(path);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw e;
    throw new UsageError(`cannot read results file '${path}': permission denied`);
  }
}

function readResultsFile(path: string): { columns: readonly string[]; rows: readonly SweepRow[]; lines: readonly number[] } {
  const text = readResultsText(path);
  refuseLockFile(path, text);
  return readResultsLines(text, formatOf(path), path);
}

/**
 * A column named twice in --by or --metrics (`given` as typed, `names` as read: `mechanism.` is
 * `mechanisms.`) is a usage error: it printed the same row, or the same group column, twice.
 */
function refuseRepeated(flag: string, given: readonly string[], names: readonly string[], what: string): void {
  names.forEach((name, k) => {
    const first = names.indexOf(name);
    if (first === k) return;
    const spelt = given[first] === given[k] ? '' : ` (as ${clip(given[first] as string)} and ${clip(given[k] as string)})`;
    throw new UsageError(`${flag} ${clip(name)} is given twice${spelt}: give each ${what} once`);
  });
}

/** A number for a table: 6 significant digits; empty when undefined (NaN). */
const num = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '');
/** A number for a CSV file: in full (it reads back as the same number); empty when undefined. */
const exact = (v: number): number | string => (Number.isFinite(v) ? v : '');

export function summarizeCommand(args: readonly string[], out: Out): number {
  const { values, positionals } = parseCommandArgs(args, { by: { type: 'string' }, metrics: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    out(SUMMARIZE_HELP);
    return 0;
  }
  const path = positionals[0];
  if (path === undefined) throw new UsageError('summarize needs a results file (from detente sweep)');
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'csv') throw new UsageError(`--format must be table or csv, not '${format}'`);
  checkResultsInput(path);
  if (values.out !== undefined) checkOutputs([{ flag: '--out', path: values.out }], { inputs: [path], replace: values.force === true });
  const byGiven = list(values.by, '--by needs at least one column, e.g. seed (leave it out for one group)');
  const by = byGiven.map(canonicalPath);
  refuseRepeated('--by', byGiven, by, 'column');
  const metrics = values.metrics === undefined ? undefined : list(values.metrics, '--metrics needs at least one metric column, e.g. peakRung,totalWelfare (leave it out for every metric)');
  if (metrics) refuseRepeated('--metrics', metrics, metrics, 'metric');
  const { columns, rows, lines } = readResultsFile(path);
  for (const c of by) if (!columns.includes(c)) throw new UsageError(`--by ${c}: not a column of ${path} (parameters: ${showControlCharacters(parameterColumns(columns).join(', ')) || 'none'})`);
  for (const m of metrics ?? []) {
    if (!columns.includes(m)) throw new UsageError(`--metrics ${m}: not a column of ${path}`);
    // A column of ids, names or series was refused by summarize as 'rows[0].run: expected a finite
    // number', without the file or the flag.
    const bad = isMetricColumn(m) ? undefined : rows.find((r) => r[m] !== null && r[m] !== undefined && typeof r[m] !== 'number');
    if (bad !== undefined) {
      const v = bad[m];
      const shown = Array.isArray(v) ? 'a per-round series' : `'${showControlCharacters(clip(String(v)))}'`;
      throw new UsageError(`--metrics ${m}: not a column of numbers in ${path} (run ${String(bad.run)} has ${shown}); summarize takes metric columns, e.g. peakRung,totalWelfare`);
    }
  }
  let stats: MetricSummary[];
  try {
    // Rows named by their lines in the file: 'rows[120].run' was an index nobody could look up.
    const names = { row: (k: number) => `line ${lines[k] ?? '?'}`, cell: (k: number, column: string) => `line ${lines[k] ?? '?'}, column ${showControlCharacters(column)}` };
    stats = summarizeRows(rows, { by, ...(metrics ? { metrics } : {}) }, names);
  } catch (e) {
    // Its rows are those of the file: the message names it (a run given twice said only 'rows[1].run').
    if (e instanceof ConfigError && e.source === undefined) throw new ConfigError(e.issues, path);
    throw e;
  }
  // After the summary, so that a file refused for its cells is not warned about first.
  const versions = mixedVersionsWarning(path, columns, rows, by);
  if (versions !== undefined) process.stderr.write(versions);
  const records = stats.map((s) => {
    const r: Record<string, string | number> = {};
    for (const c of by) r[c] = String(s.group[c] ?? '');
    for (const c of SUMMARY_STAT_COLUMNS) r[c] = c === 'metric' ? s.metric : c === 'n' ? s.n : exact(s[c as 'mean']);
    return r;
  });
  const csv = toCsv([...by, ...SUMMARY_STAT_COLUMNS], records);
  if (values.out !== undefined) writeFileAtomic(values.out, csv);
  if (format === 'csv') {
    if (values.out === undefined) out(csv.replace(/\n$/, ''));
    return 0;
  }
  const header = [...by, 'metric', 'n', 'mean', 'sd', '95% CI', 'p5', 'p25', 'p50', 'p75', 'p95'];
  // Group values and metric names come from the file: its control characters are shown (<U+001B>),
  // not sent to the terminal, where they could clear the screen or plant a link.
  const table = stats.map((s) => [...by.map((c) => showControlCharacters(String(s.group[c] ?? ''))), showControlCharacters(s.metric), String(s.n), num(s.mean), num(s.sd), s.n > 1 ? `[${num(s.ciLow)}, ${num(s.ciHigh)}]` : '', num(s.p5), num(s.p25), num(s.p50), num(s.p75), num(s.p95)]);
  out(`${rows.length} runs${by.length ? `, grouped by ${by.join(', ')}` : ''}\n`);
  out(formatTable(header, table));
  return 0;
}

export function tournamentCommand(args: readonly string[], out: Out, context: CliContext = {}): number {
  const { values, positionals } = parseCommandArgs(args, {
    strategies: { type: 'string' },
    roles: { type: 'string' },
    seeds: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    runs: { type: 'string' },
    force: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(TOURNAMENT_HELP);
    return 0;
  }
  const arg = positionals[0];
  if (arg === undefined) throw new UsageError('tournament needs a scenario template (a file, or a bundled scenario name)');
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  if (values.strategies === undefined) throw new UsageError(STRATEGIES_NEEDED);
  if (values.seeds === undefined) throw new UsageError('tournament needs --seeds, e.g. --seeds 1..20');
  const workers = workersOf(values.workers);
  const { scenario, path } = loadScenario(arg, context.registry);
  const targets: OutputTarget[] = [];
  if (values.out !== undefined) targets.push({ flag: '--out', path: values.out });
  if (values.runs !== undefined) targets.push({ flag: '--runs', path: values.runs });
  checkOutputs(targets, { inputs: [path, ...loadedFiles(context)], replace: values.force === true });
  const strategies = list(values.strategies, STRATEGIES_NEEDED);
  const { roles, grid } = tournamentGrid(scenario, { strategies, ...(values.roles !== undefined ? { roles: list(values.roles, '--roles needs at least one actor id, e.g. US,CN (leave it out for every state actor)') } : {}) });
  const seeds = values.seeds;
  const plan = withLoadHints(() => planSweep(scenario, { seeds, grid, ...registryOf(context) }), context.registry);
  const columns = columnsOf(sweepColumns(plan), context);
  // The --runs file records the code of the --load modules and the version of detente as a sweep's results do, for merge.
  const code = codeOf(context);
  const fixed: Record<string, string> = { ...(code === undefined ? {} : { [MODULES_COLUMN]: modulesCell(code) }), [DETENTE_COLUMN]: DETENTE_CELL };
  return finishLater(
    (async () => {
      const signals = stopSignals();
      const rows: SweepRow[] = [];
      const progress = progressBar(plan.items.length, 'tournament', values.quiet === true);
      try {
        const outcome = await runOnWorkers(plan.document, plan.items, { workers, series: false, ...modulesOf(context), stopping: signals.stopping, onRow: (row) => progress.tick(rows.push(row)) });
        progress.end();
        if (outcome.stopped) {
          process.stderr.write(`detente: stopped after ${outcome.finished} of ${plan.items.length} runs; no standings\n`);
          return 130;
        }
      } finally {
        signals.dispose();
      }
      rows.sort((a, b) => compareRunIds(String(a.run), String(b.run)));
      const standings = rankStrategies(rows, roles);
      const assignments = plan.items.length / plan.seeds.length;
      // --runs and --out are written as a set: both, or (if either fails) neither.
      const files: { path: string; text: string }[] = [];
      if (values.runs !== undefined) {
        const runsFormat = formatOf(values.runs);
        files.push({ path: values.runs, text: (runsFormat === 'csv' ? csvHeader(columns) : '') + rows.map((r) => formatRow({ ...r, ...fixed }, columns, runsFormat)).join('') });
      }
      if (values.out !== undefined) files.push({ path: values.out, text: toCsv(STANDING_COLUMNS, standings.map((s) => ({ ...s, meanWelfare: exact(s.meanWelfare), sdWelfare: exact(s.sdWelfare), meanPeakRung: exact(s.meanPeakRung), calmShare: exact(s.calmShare) }))) });
      writeFilesAtomic(files);
      out(`${scenario.title}: ${strategies.length} strategies in roles ${roles.join(', ')} — ${assignments} assignments × ${plan.seeds.length} seeds = ${rows.length} runs\n`);
      out(
        formatTable(
          ['welfare rank', 'strategy', 'plays', 'mean welfare', 'sd', 'mean peak rung', 'calm (≤ L1)', 'peace rank'],
          standings.map((s) => [String(s.welfareRank), s.strategy, String(s.plays), s.meanWelfare.toFixed(2), num(s.sdWelfare), s.meanPeakRung.toFixed(2), `${(s.calmShare * 100).toFixed(0)}%`, String(s.peaceRank)]),
        ),
      );
      return 0;
    })(),
  );
}
