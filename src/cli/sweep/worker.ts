// A worker thread of the sweep pool: plays a batch of runs of one plan and returns their rows.
// The plan's scenario document comes once, as the pool's workerData; each grid point is parsed
// once per thread.
import { workerData } from 'piscina';
import { runOne, scenarioAt } from '../../index.js';
import type { PlanItem, Scenario, ScenarioDocument, SweepRow } from '../../index.js';

/** What every worker of a pool is given when it starts. */
export interface SweepWorkerData {
  readonly document: ScenarioDocument;
  readonly series: boolean;
}

/**
 * What a batch gives back: the rows of its runs in order, and, when a run threw, the message of
 * its error (the rows before it are kept: nothing finished is lost).
 */
export interface BatchResult {
  readonly rows: readonly SweepRow[];
  readonly error?: string;
  /** Milliseconds the thread spent on the batch (to size the next batches; never in the results). */
  readonly ms: number;
}

const data = workerData as SweepWorkerData;
const scenarios = new Map<number, Scenario>();

export default function playBatch(items: readonly PlanItem[]): BatchResult {
  const started = performance.now();
  const rows: SweepRow[] = [];
  for (const item of items) {
    try {
      let scenario = scenarios.get(item.point);
      if (!scenario) scenarios.set(item.point, (scenario = scenarioAt(data.document, item.params)));
      rows.push(runOne(data.document, item, { scenario, series: data.series }));
    } catch (e) {
      return { rows, error: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
    }
  }
  return { rows, ms: performance.now() - started };
}
