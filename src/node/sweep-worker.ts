// A worker thread of the sweep pool: plays a batch of runs of one plan and returns their rows,
// or, when the pool asks for lines, each row already formatted as a line of the results file.
// The plan's scenario document comes once, as the pool's workerData; each grid point is parsed
// once per thread. Strategies of the caller's come as the modules that export them: each thread
// imports them before its first run (code cannot be sent to a thread).
import { workerData } from 'piscina';
import { formatRow, runOne, scenarioAt } from '../index.js';
import type { PlanItem, ResultsFormat, Scenario, ScenarioDocument, StrategyRegistry, SweepRow } from '../index.js';
import { fileURLToPath } from 'node:url';
import { loadStrategies } from './strategy-modules.js';
import { moduleDigest } from './module-digest.js';
import { messageOf } from '../model/thrown.js';

/** The results file's layout, when workers format the lines themselves (see {@link SweepWorkerData.lines}). */
export interface LineLayout {
  readonly columns: readonly string[];
  readonly format: ResultsFormat;
  /** Cells that are the same in every line and that a run does not make (the command line's `modules` and `detente` columns). */
  readonly fixed?: Readonly<Record<string, string>>;
}

/** What every worker of a pool is given when it starts. */
export interface SweepWorkerData {
  readonly document: ScenarioDocument;
  readonly series: boolean;
  /**
   * When set, each run comes back as its formatted line (`formatRow(row, columns, format)`)
   * instead of its row: formatting then runs on the workers, in parallel, instead of on the one
   * main thread, and a string crosses threads as one copy where a row object is cloned key by key
   * (docs/performance.md, tenth pass).
   */
  readonly lines?: LineLayout;
  /**
   * `file:` URLs of the modules whose strategies the scenario may name besides the built-ins
   * (`loadStrategies`), imported by each thread in this order. The pool's caller has imported them
   * already, so a module with a problem is reported before any thread starts.
   */
  readonly strategyModules?: readonly string[];
  /** The digest each of `strategyModules` had when the caller read it (see `PoolOptions.moduleDigests`). */
  readonly moduleDigests?: readonly string[];
}

/**
 * What a batch gives back: the rows (or lines) of its runs in order, and, when a run threw, the
 * message of its error (the rows before it are kept: nothing finished is lost).
 */
export interface BatchResult<T = SweepRow> {
  readonly rows: readonly T[];
  readonly error?: string;
  /** Milliseconds the thread spent on the batch (to size the next batches; never in the results). */
  readonly ms: number;
}

const data = workerData as SweepWorkerData;
const layout = data.lines;
const fixed = layout?.fixed !== undefined && Object.keys(layout.fixed).length > 0 ? layout.fixed : undefined;
const scenarios = new Map<number, Scenario>();
// A module edited since the caller read it (while the sweep was being planned, say) would be other
// code than the results file records: the thread refuses to start, and the sweep fails, naming it.
data.strategyModules?.forEach((url, k) => {
  const expected = data.moduleDigests?.[k];
  if (expected === undefined) return;
  const { file, digest } = moduleDigest(fileURLToPath(url));
  if (digest !== expected) throw new Error(`${file} has changed since the command read it (sha256 ${expected}… then, ${digest}… now): this thread would compute runs with other code than the command recorded. Edit a strategy module only once the runs that use it have ended; the runs already written, if any, were computed with the code as it was, so to go on with them put the module back as it was`);
});
const registry: StrategyRegistry | undefined = data.strategyModules !== undefined && data.strategyModules.length > 0 ? await loadStrategies(data.strategyModules) : undefined;
const withRegistry = registry === undefined ? {} : { registry };

export default function playBatch(items: readonly PlanItem[]): BatchResult<SweepRow | string> {
  const started = performance.now(); // allow-nondeterminism: times the batch to size the next ones (the pool's batchSize), never in a row
  const rows: (SweepRow | string)[] = [];
  for (const item of items) {
    try {
      let scenario = scenarios.get(item.point);
      if (!scenario) scenarios.set(item.point, (scenario = scenarioAt(data.document, item.params, registry)));
      const row = runOne(data.document, item, { scenario, series: data.series, ...withRegistry });
      rows.push(layout === undefined ? row : formatRow(fixed === undefined ? row : { ...row, ...fixed }, layout.columns, layout.format));
    } catch (e) {
      return { rows, error: messageOf(e), ms: performance.now() - started }; // allow-nondeterminism: batch timing only
    }
  }
  return { rows, ms: performance.now() - started }; // allow-nondeterminism: batch timing only
}
