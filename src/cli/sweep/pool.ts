// Runs of a plan on worker threads (piscina), with a bounded number in flight and rows handed
// over in plan order, so a file written by 1 worker and by 8 workers is the same.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { PlanItem, ScenarioDocument, SweepRow } from '../../index.js';
import type { SweepWorkerData } from './worker.js';

/** Options of {@link runOnWorkers}. */
export interface PoolOptions {
  readonly workers: number;
  readonly series: boolean;
  /** Called with each finished row, in plan order (out of order only for the last rows of a stop). */
  readonly onRow: (row: SweepRow) => void;
  /** Asked before each new run is handed out: true stops handing out; runs in flight still finish. */
  readonly stopping: () => boolean;
}

/** How a pooled sweep ended. */
export interface PoolOutcome {
  readonly finished: number;
  readonly stopped: boolean;
}

/** The built worker file: beside the built command line (dist/cli/sweep-worker.js). */
export function workerFile(): string {
  const path = fileURLToPath(new URL('./sweep-worker.js', import.meta.url));
  if (!existsSync(path)) throw new Error(`the sweep worker is missing at ${path} (build the package with 'npx tsup')`);
  return path;
}

/**
 * Play `items` on `workers` threads. At most 4 runs per thread are in flight; finished rows wait in
 * a small reorder buffer until every earlier run is done, then go to `onRow` in plan order. When
 * `stopping()` turns true, no new run starts, the runs in flight finish, and every finished row
 * is delivered (those after a gap out of order) before the promise resolves. A run that throws
 * rejects the promise after the rows already finished are delivered.
 */
export async function runOnWorkers(document: ScenarioDocument, items: readonly PlanItem[], options: PoolOptions): Promise<PoolOutcome> {
  const data: SweepWorkerData = { document, series: options.series };
  const pool = new Piscina({ filename: workerFile(), minThreads: options.workers, maxThreads: options.workers, idleTimeout: 60_000, workerData: data });
  const window = options.workers * 4;
  const done = new Map<number, SweepRow>();
  let next = 0; // next item to hand out
  let written = 0; // next item to deliver
  let finished = 0;
  let failure: unknown;
  const flushInOrder = () => {
    for (let row = done.get(written); row !== undefined; row = done.get(written)) {
      done.delete(written);
      written++;
      finished++;
      options.onRow(row);
    }
  };
  try {
    await new Promise<void>((resolve) => {
      let inFlight = 0;
      const pump = () => {
        while (failure === undefined && !options.stopping() && next < items.length && inFlight < window && next - written < window * 4) {
          const k = next++;
          const item = items[k] as PlanItem;
          inFlight++;
          pool.run(item).then(
            (row: SweepRow) => {
              inFlight--;
              done.set(k, row);
              try {
                flushInOrder();
              } catch (e) {
                failure ??= e;
              }
              pump();
            },
            (e: unknown) => {
              inFlight--;
              failure ??= new Error(`run ${item.run}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
              pump();
            },
          );
        }
        if (inFlight === 0) resolve();
      };
      pump();
    });
  } finally {
    await pool.destroy();
  }
  // A stop or a failure can leave finished rows behind a gap: deliver them too, nothing is lost.
  for (const k of [...done.keys()].sort((a, b) => a - b)) {
    options.onRow(done.get(k) as SweepRow);
    finished++;
  }
  done.clear();
  if (failure !== undefined) throw failure;
  return { finished, stopped: next < items.length };
}
