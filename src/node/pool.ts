// Runs of a plan on worker threads (piscina), with a bounded number in flight and rows handed
// over in plan order, so a file written by 1 worker and by 8 workers is the same.
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { messageOf } from '../model/thrown.js';
import type { PlanItem, ScenarioDocument, SweepRow } from '../index.js';
import type { BatchResult, LineLayout, SweepWorkerData } from './sweep-worker.js';

/** What {@link runOnWorkers} needs besides the runs, whatever it delivers. */
interface CommonPoolOptions {
  readonly workers: number;
  readonly series: boolean;
  /** Asked before each new batch is handed out: true stops handing out; batches in flight still finish. */
  readonly stopping: () => boolean;
  /**
   * Called after each group of rows delivered together (the rows a finished batch let through),
   * so a caller can write them in one call rather than one call per row.
   */
  readonly onDelivered?: () => void;
  /** Runs per batch; default: sized from the runs' mean time (see {@link batchSize}). */
  readonly batch?: number;
  /** The worker module; default: the built one beside this module ({@link workerFile}). */
  readonly filename?: string;
  /**
   * `file:` URLs of modules of strategies (`loadStrategies`) each thread imports before its first
   * run, for scenarios that name strategies besides the built-ins. The caller imports them first.
   */
  readonly strategyModules?: readonly string[];
  /**
   * The digest (`moduleDigest(file).digest`) each of `strategyModules` had when the caller read it,
   * in the same order: a thread that finds a module's file changed fails instead of importing other
   * code than the caller recorded (the command line's `modules` column).
   */
  readonly moduleDigests?: readonly string[];
}

/** Options of {@link runOnWorkers} that deliver rows. */
export interface PoolOptions extends CommonPoolOptions {
  readonly lines?: undefined;
  /** Called with each finished row, in plan order (out of order only for the last rows of a stop). */
  readonly onRow: (row: SweepRow) => void;
}

/** Options of {@link runOnWorkers} that deliver each row as a formatted line of a results file. */
export interface LinePoolOptions extends CommonPoolOptions {
  /** The results file's columns and format: the workers format each row as `formatRow` would. */
  readonly lines: LineLayout;
  /** Called with each finished run's line, in plan order (out of order only for the last lines of a stop). */
  readonly onRow: (line: string) => void;
}

/**
 * A sweep stopped because a run threw (`run p0-s42: …`, with the run's own message) or a worker
 * thread could not start; every row finished before it was delivered first.
 *
 * @example
 * ```ts
 * try { await sweepOnWorkers(scenario, { seeds: '1..100' }); }
 * catch (e) { if (e instanceof SweepFailure) console.error(e.message); }
 * ```
 */
export class SweepFailure extends Error {
  override readonly name: string = 'SweepFailure';
}

/** How a pooled sweep ended. */
export interface PoolOutcome {
  readonly finished: number;
  readonly stopped: boolean;
}

/**
 * The built worker file, beside the built module that runs the pool: dist/cli/sweep-worker.js for
 * the command line, dist/node/sweep-worker.js for `detente/node` (each bundle has its own).
 */
export function workerFile(): string {
  const path = fileURLToPath(new URL('./sweep-worker.js', import.meta.url));
  if (!existsSync(path)) throw new Error(`the sweep worker is missing at ${path} (build the package with 'npx tsup')`);
  return path;
}

/** How long a batch of runs should take: long enough that the hand-over between threads is rare, short enough that a stop or the progress bar is not held up. */
const BATCH_TARGET_MS = 40;
/** The largest batch, whatever the runs' speed. */
const MAX_BATCH = 64;

/**
 * How many runs the next batch should hold, from the mean time of the runs so far: one run
 * until there is a measurement, then about {@link BATCH_TARGET_MS} of work. Batches only group
 * consecutive runs, and rows are delivered in plan order, so the batch size never changes a file.
 */
export function batchSize(runsDone: number, msSpent: number): number {
  if (runsDone === 0 || msSpent <= 0) return 1;
  const perRun = msSpent / runsDone;
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_TARGET_MS / perRun)));
}

/**
 * Play `items` on `workers` threads, in batches of consecutive runs (one message per batch, not
 * per run: with runs of a few milliseconds, a thread waiting for its next run was idle ≈ 7% of
 * the time, more when the main thread had to share a core). At most 2 batches per thread are in
 * flight; finished rows wait in a small reorder buffer until every earlier run is done, then go
 * to `onRow` in plan order. When `stopping()` turns true, no new batch starts, the batches in
 * flight finish, and every finished row is delivered (those after a gap out of order) before the
 * promise resolves. A run that throws rejects the promise after the rows already finished —
 * including those of its batch before it — are delivered. With `lines`, the workers format each
 * row as a line of the results file and `onRow` gets the line. `onDelivered` follows each group
 * of rows delivered together, so a results file takes one write per group.
 */
export function runOnWorkers(document: ScenarioDocument, items: readonly PlanItem[], options: PoolOptions): Promise<PoolOutcome>;
export function runOnWorkers(document: ScenarioDocument, items: readonly PlanItem[], options: LinePoolOptions): Promise<PoolOutcome>;
export function runOnWorkers(document: ScenarioDocument, items: readonly PlanItem[], options: PoolOptions | LinePoolOptions): Promise<PoolOutcome> {
  const modules =
    options.strategyModules !== undefined && options.strategyModules.length > 0
      ? { strategyModules: [...options.strategyModules], ...(options.moduleDigests !== undefined ? { moduleDigests: [...options.moduleDigests] } : {}) }
      : {};
  if (options.lines === undefined) return pooled<SweepRow>({ document, series: options.series, ...modules }, items, options);
  return pooled<string>({ document, series: options.series, lines: options.lines, ...modules }, items, options);
}

/**
 * How many threads a pool of `workers` starts for `runs` runs: never more than there are runs,
 * as a thread that gets no batch only costs memory and start-up time (and must be waited for).
 */
export function threadCount(workers: number, runs: number): number {
  return Math.max(0, Math.min(workers, runs));
}

/**
 * Resolves once every thread of `threads` has finished starting: it has sent its first message
 * (piscina's "ready", posted once the worker module is loaded) or exited. A thread terminated
 * while its module is still being instantiated can abort the whole process (v8's
 * "Module::IsGraphAsync … must be used on an instantiated module"), so the pool is destroyed
 * only after this. The listeners are attached before the event loop runs again after the threads
 * are created, so no first message is missed.
 */
function startedThreads(threads: readonly Worker[]): Promise<unknown> {
  return Promise.all(threads.map((t) => Promise.race([once(t, 'message'), once(t, 'exit')]).catch(() => undefined)));
}

/** The pool itself, for workers that give back a `T` per run (a row, or its line: see {@link SweepWorkerData.lines}). */
async function pooled<T>(data: SweepWorkerData, items: readonly PlanItem[], options: CommonPoolOptions & { readonly onRow: (row: T) => void }): Promise<PoolOutcome> {
  const threads = threadCount(options.workers, items.length);
  if (threads === 0) return { finished: 0, stopped: false };
  const pool = new Piscina({ filename: options.filename ?? workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000, workerData: data });
  // Every thread the pool starts, watched from the tick it is created in: piscina replaces a thread
  // that failed (synchronously, before it reports the failure), and the replacement must have
  // finished loading before the pool is destroyed (see startedThreads).
  const known = new Set<Worker>();
  const starting: Promise<unknown>[] = [];
  const watch = (threads: readonly Worker[]) => {
    for (const t of threads) {
      known.add(t);
      // A thread that ends, with or without an error, may be replaced (in piscina's own 'exit'
      // listener, which runs before this one).
      t.once('exit', () => watchReplacements());
    }
    if (threads.length > 0) starting.push(startedThreads(threads));
  };
  const watchReplacements = () => watch(pool.threads.filter((t) => !known.has(t)));
  watch(pool.threads);
  const window = threads * 2;
  const done = new Map<number, T>();
  let next = 0; // next item to hand out
  let written = 0; // next item to deliver
  let finished = 0;
  let failure: unknown;
  // Where the failure kept is in the plan: the earliest run's wins. Every run before it was handed
  // out before it and finishes, so the message names the same run whatever the number of threads
  // and their timing. The caller's own error (onRow, the results file) comes first; a thread's
  // failure not tied to a batch, last.
  let failureAt = Number.POSITIVE_INFINITY;
  let destroying = false;
  const failAt = (at: number, error: unknown) => {
    if (at < failureAt) {
      failureAt = at;
      failure = error;
    }
  };
  // Busy time of the threads and runs it bought, for the batch size (never for the results).
  let runsTimed = 0;
  let msTimed = 0;
  // Once the caller's onRow or onDelivered has thrown (a results file that cannot be written, a
  // callback's bug), nothing more is handed to it, and its first error is the sweep's.
  let deliveryFailed = false;
  const flushInOrder = () => {
    if (deliveryFailed) return;
    const before = written;
    try {
      for (let row = done.get(written); row !== undefined; row = done.get(written)) {
        done.delete(written);
        written++;
        options.onRow(row);
        finished++;
      }
      if (written > before) options.onDelivered?.();
    } catch (e) {
      deliveryFailed = true;
      failAt(-1, e);
    }
  };
  try {
    await new Promise<void>((resolve) => {
      // A thread that fails while it starts (its module, or a strategy module it imports, throws
      // there and not in this thread) is an 'error' of the pool when it held no batch yet: without
      // a listener it ended the process with a stack trace, and the batches waiting for a thread
      // that never came would have kept the sweep waiting for ever. It fails the sweep instead.
      pool.on('error', (e: unknown) => {
        watchReplacements();
        failAt(Number.MAX_VALUE, new SweepFailure(`a worker thread failed: ${messageOf(e)}`, { cause: e }));
        resolve();
      });
      let inFlight = 0;
      const pump = () => {
        while (failure === undefined && !options.stopping() && next < items.length && inFlight < window && next - written < MAX_BATCH * window * 2) {
          const first = next;
          const size = Math.min(options.batch ?? batchSize(runsTimed, msTimed), items.length - first);
          const batch = items.slice(first, first + size);
          next += size;
          inFlight++;
          pool.run(batch).then(
            (result: BatchResult<T>) => {
              inFlight--;
              runsTimed += result.rows.length;
              msTimed += result.ms;
              result.rows.forEach((row, k) => done.set(first + k, row));
              if (result.error !== undefined) {
                const item = batch[result.rows.length] as PlanItem;
                failAt(first + result.rows.length, new SweepFailure(`run ${item.run}: ${result.error}`));
              }
              flushInOrder();
              pump();
            },
            (e: unknown) => {
              watchReplacements();
              inFlight--;
              // Batches the pool's own destruction cut short are not failures of their runs.
              if (destroying) return;
              const runs = batch.length === 1 ? `run ${batch[0]?.run}` : `runs ${batch[0]?.run}…${batch.at(-1)?.run}`;
              failAt(first, new SweepFailure(`${runs}: ${messageOf(e)}`, { cause: e }));
              pump();
            },
          );
        }
        if (inFlight === 0) resolve();
      };
      pump();
    });
  } finally {
    while (starting.length > 0) await Promise.all(starting.splice(0));
    destroying = true;
    await pool.destroy();
  }
  // A stop or a failure can leave finished rows behind a gap: deliver them too, nothing is lost.
  if (!deliveryFailed) {
    const left = [...done.keys()].sort((a, b) => a - b);
    try {
      for (const k of left) {
        options.onRow(done.get(k) as T);
        finished++;
      }
      if (left.length > 0) options.onDelivered?.();
    } catch (e) {
      failAt(-1, e);
    }
  }
  done.clear();
  if (failure !== undefined) throw failure;
  return { finished, stopped: next < items.length };
}
