// `sweep` on worker threads, for scripts: the same plan and the same rows as the one-thread
// `sweep`, played by the pool the command line uses.
import { availableParallelism } from 'node:os';
import { ConfigError, planSweep } from '../index.js';
import type { ConfigIssue, Scenario, ScenarioDocument, StrategyRegistry, SweepOptions, SweepRow } from '../index.js';
import { runOnWorkers } from './pool.js';
import { loadStrategies, moduleUrls, withUnknownStrategyHint } from './strategy-modules.js';
import type { StrategyModule } from './strategy-modules.js';
import { unknownOptionIssues } from '../model/options.js';
import { everyMember } from '../model/members.js';

/**
 * Options of {@link sweepOnWorkers}: those of `sweep`, but strategies of your own come as modules.
 *
 * @example
 * ```ts
 * const options: WorkerSweepOptions = { seeds: '1..1000', grid: { 'mechanisms.detection.scale': [0.5, 1, 2] }, workers: 4, onRow: (row, done) => console.log(done) };
 * const rows = await sweepOnWorkers(scenario, options);
 * ```
 */
export interface WorkerSweepOptions extends Omit<SweepOptions, 'registry'> {
  /** Worker threads, a whole number from 1 to 256 (default: the number of cores). The rows do not depend on it. */
  readonly workers?: number | undefined;
  /**
   * Modules of strategies the scenario or the grid names besides the built-ins (see
   * `loadStrategies`): a registry cannot be sent to a thread, so each thread imports these.
   */
  readonly modules?: StrategyModule | readonly StrategyModule[] | undefined;
  /**
   * Called with each row as it is ready, in plan order, and the number of rows so far (progress,
   * or writing as you go). It may be async: a promise it returns is awaited before the next call,
   * so rows stay in order. Once it throws or rejects, it is not called again, no more runs are
   * handed out, and the promise rejects with that error.
   */
  readonly onRow?: ((row: SweepRow, done: number) => unknown) | undefined;
  /**
   * Stops handing out runs when aborted: the runs in flight finish (and reach `onRow`), then the
   * promise rejects with the signal's reason.
   */
  readonly signal?: AbortSignal | undefined;
}

/** The names {@link sweepOnWorkers} accepts in its options: every field of {@link WorkerSweepOptions}. */
const WORKER_SWEEP_OPTIONS = everyMember<keyof WorkerSweepOptions & string>()(['seeds', 'grid', 'series', 'items', 'workers', 'modules', 'onRow', 'signal']);

/**
 * The issues of the names of `options` that are not in `known`: a misspelt option (`grd`,
 * `worker`) was dropped, and the sweep ran without it. A `registry` has an issue of its own
 * ({@link registryIssue}); one set to `undefined` is left alone, as before.
 */
export function workerOptionIssues(options: object, known: readonly string[]): ConfigIssue[] {
  return unknownOptionIssues(options, known).filter((i) => i.path !== 'options.registry');
}

/** The most threads {@link sweepOnWorkers} starts: far more than any machine's cores, few enough to catch a typo. */
const MAX_WORKERS = 256;

/**
 * Run every combination of a grid over many seeds on worker threads and return one results row
 * per run, in plan order: the rows `sweep` gives, whatever the number of workers. Strategies of
 * your own are passed as the modules that export them (`modules`), which every thread imports.
 * An option name it does not know (`grd` for `grid`, `worker` for `workers`) is a
 * {@link ConfigError} naming it, with a "did you mean", before any thread starts.
 *
 * @example
 * ```ts
 * import { parseScenario } from 'detente';
 * import { sweepOnWorkers } from 'detente/node';
 *
 * const rows = await sweepOnWorkers(parseScenario(text), {
 *   seeds: '1..10000',
 *   grid: { 'actors.US.strategy': ['hawk', 'wary'] },
 *   modules: new URL('./my-strategies.js', import.meta.url),  // exports `wary`
 *   workers: 4,
 * });
 * ```
 */
export async function sweepOnWorkers(scenario: Scenario | ScenarioDocument, options: WorkerSweepOptions): Promise<SweepRow[]> {
  const issues: ConfigIssue[] = [];
  if (typeof options !== 'object' || options === null) throw new ConfigError([{ path: 'options', expected: 'an object with seeds (e.g. { seeds: "1..100" })', received: String(options) }], 'sweepOnWorkers');
  issues.push(...workerOptionIssues(options, WORKER_SWEEP_OPTIONS));
  const registryGiven = registryIssue(options);
  if (registryGiven !== undefined) issues.push(registryGiven);
  // The default never exceeds the bound: a machine with more cores than MAX_WORKERS uses MAX_WORKERS.
  const workers = options.workers ?? Math.min(MAX_WORKERS, availableParallelism());
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) issues.push({ path: 'options.workers', expected: `a whole number from 1 to ${MAX_WORKERS}`, received: String(workers) });
  if (options.onRow !== undefined && typeof options.onRow !== 'function') issues.push({ path: 'options.onRow', expected: 'a function', received: typeof options.onRow });
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) issues.push({ path: 'options.signal', expected: 'an AbortSignal', received: typeof options.signal });
  if (issues.length > 0) throw new ConfigError(issues, 'sweepOnWorkers');
  options.signal?.throwIfAborted();

  // Resolved now, before anything is awaited (a working directory changed meanwhile must not change
  // which files the threads import), and imported here first: a module with a problem is reported
  // before any thread starts, and the plan checks the strategy names of every grid point against
  // the registry the threads build from the same files.
  const modules = options.modules === undefined ? [] : moduleUrls(options.modules);
  const registry: StrategyRegistry | undefined = modules.length > 0 ? await loadStrategies(modules) : undefined;
  // Given up while the modules were importing: no thread is started only to be torn down.
  options.signal?.throwIfAborted();
  const plan = withUnknownStrategyHint(MODULES_HINT, () => planSweep(scenario, { seeds: options.seeds, ...(options.grid !== undefined ? { grid: options.grid } : {}), ...(registry !== undefined ? { registry } : {}) }));
  const items = options.items ?? plan.items;
  const rows: SweepRow[] = [];
  const onRow = options.onRow;
  const signal = options.signal;
  // The caller's onRow, one call after another (an async one is awaited before the next row), so
  // rows reach it in order and its first error, thrown or rejected, is kept and stops the sweep.
  let delivery: Promise<void> = Promise.resolve();
  let delivered: { readonly error: unknown } | undefined;
  const deliver = (row: SweepRow, done: number) => {
    delivery = delivery.then(async () => {
      if (delivered !== undefined || onRow === undefined) return;
      try {
        await onRow(row, done);
      } catch (e) {
        delivered = { error: e };
      }
    });
  };
  try {
    await runOnWorkers(plan.document, items, {
      workers,
      series: options.series === true,
      stopping: () => signal?.aborted === true || delivered !== undefined,
      onRow: (row) => {
        rows.push(row);
        deliver(row, rows.length);
      },
      ...(modules.length > 0 ? { strategyModules: modules } : {}),
    });
  } finally {
    // Every row finished reaches onRow before the promise settles, whatever ended the sweep.
    await delivery;
  }
  if (delivered !== undefined) throw delivered.error;
  // Aborted before the promise settled, even once every run was handed out: the signal's reason, as documented.
  signal?.throwIfAborted();
  return rows;
}

/** The hint a strategy name nobody registered gets here: it may be the caller's own, whose module was not given. */
const MODULES_HINT = 'a strategy of your own? pass the module that exports it as options.modules';

/**
 * The issue of options that carry a `registry` (a JavaScript caller's, past the types): a registry
 * holds code, which cannot be sent to a thread, so it would be dropped silently.
 */
export function registryIssue(options: object): ConfigIssue | undefined {
  if (!('registry' in options) || (options as { registry?: unknown }).registry === undefined) return undefined;
  return { path: 'options.registry', expected: 'no registry: one cannot be sent to a worker thread', received: 'a registry', hint: 'pass the modules that export your strategies as options.modules' };
}
