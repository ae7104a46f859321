// A worker thread of the sweep pool: plays runs of one plan and returns their rows. The plan's
// scenario document comes once, as the pool's workerData; each grid point is parsed once per thread.
import { workerData } from 'piscina';
import { runOne, scenarioAt } from '../../index.js';
import type { PlanItem, Scenario, ScenarioDocument, SweepRow } from '../../index.js';

/** What every worker of a pool is given when it starts. */
export interface SweepWorkerData {
  readonly document: ScenarioDocument;
  readonly series: boolean;
}

const data = workerData as SweepWorkerData;
const scenarios = new Map<number, Scenario>();

export default function playRun(item: PlanItem): SweepRow {
  let scenario = scenarios.get(item.point);
  if (!scenario) scenarios.set(item.point, (scenario = scenarioAt(data.document, item.params)));
  return runOne(data.document, item, { scenario, series: data.series });
}
