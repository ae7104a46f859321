import type { Scenario } from '../scenario/parse.js';
import type { ScenarioDocument } from '../scenario/format.js';
import type { PlanItem, PlanOptions, SweepPlan } from './plan.js';
import { planSweep, scenarioAt } from './plan.js';
import type { SweepRow } from './row.js';
import { runOne } from './row.js';

/**
 * Options of {@link sweep}: seeds, a grid and, optionally, per-round series.
 *
 * @example
 * ```ts
 * const options: SweepOptions = { seeds: '1..100', grid: { 'mechanisms.detection.scale': [0.5, 1, 2] }, series: true };
 * sweep(scenario, options).length; // 300
 * ```
 */
export interface SweepOptions extends PlanOptions {
  /** Add `series.<metric>` columns with the value of each round. */
  readonly series?: boolean;
  /** Only these runs of the plan (e.g. one shard; see `shardItems`). Default: all. */
  readonly items?: readonly PlanItem[];
}

/**
 * Run every combination of a grid over many seeds, one after another in this thread, and
 * return one results row per run, in plan order. Deterministic: the same scenario, seeds and grid
 * give the same rows, on any machine. For many runs on several cores, use the command line
 * (`detente sweep --workers N`), which gives the same rows.
 *
 * @example
 * ```ts
 * import { parseScenario, sweep } from 'detente';
 * const rows = sweep(parseScenario(text), { seeds: '1..20', grid: { 'mechanisms.detection.scale': [0.5, 1, 2] } });
 * rows.length; // 60
 * ```
 */
export function sweep(scenario: Scenario | ScenarioDocument, options: SweepOptions): SweepRow[] {
  const plan = planSweep(scenario, options);
  return runItems(plan, options.items ?? plan.items, options);
}

/**
 * Run some items of a plan in this thread, parsing each grid point's scenario once.
 *
 * @example
 * ```ts
 * const rows = runItems(plan, shardItems(plan.items, 0, 4));
 * ```
 */
export function runItems(plan: Pick<SweepPlan, 'document'>, items: readonly PlanItem[], options: Pick<SweepOptions, 'series' | 'registry'> = {}): SweepRow[] {
  const cache = new Map<number, Scenario>();
  return items.map((item) => {
    let scenario = cache.get(item.point);
    if (!scenario) cache.set(item.point, (scenario = scenarioAt(plan.document, item.params, options.registry)));
    return runOne(plan.document, item, { scenario, ...(options.series ? { series: true } : {}), ...(options.registry ? { registry: options.registry } : {}) });
  });
}
