import type { Scenario } from '../scenario/parse.js';
import type { ScenarioDocument } from '../scenario/format.js';
import { everyMember } from '../model/members.js';
import type { PlanItem, PlanOptions, SweepPlan } from './plan.js';
import { planOf, scenarioAt } from './plan.js';
import { checkOptionNames } from '../engine/option-names.js';
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

/** The names {@link sweep} accepts in its options: every field of {@link SweepOptions}. */
const SWEEP_OPTIONS = everyMember<keyof SweepOptions & string>()(['seeds', 'grid', 'registry', 'series', 'items']);
/** The names {@link runItems} accepts in its options. */
const RUN_ITEMS_OPTIONS = everyMember<keyof Pick<SweepOptions, 'series' | 'registry'> & string>()(['series', 'registry']);

/**
 * Run every combination of a grid over many seeds, one after another in this thread, and
 * return one results row per run, in plan order. Deterministic: the same scenario, seeds and grid
 * give the same rows, on any machine. For many runs on several cores, use the command line
 * (`detente sweep --workers N`), which gives the same rows. An option name it does not know
 * (`grd` for `grid`) is a {@link ConfigError} naming it, with a "did you mean", before any run.
 *
 * @example
 * ```ts
 * import { parseScenario, sweep } from 'detente';
 * const rows = sweep(parseScenario(text), { seeds: '1..20', grid: { 'mechanisms.detection.scale': [0.5, 1, 2] } });
 * rows.length; // 60
 * ```
 */
export function sweep(scenario: Scenario | ScenarioDocument, options: SweepOptions): SweepRow[] {
  checkOptionNames(options, SWEEP_OPTIONS, 'sweep');
  const plan = planOf(scenario, options);
  return itemsRun(plan, options.items ?? plan.items, options);
}

/**
 * Run some items of a plan in this thread, parsing each grid point's scenario once. An option
 * name other than `series` and `registry` is a {@link ConfigError} naming it.
 *
 * @example
 * ```ts
 * const rows = runItems(plan, shardItems(plan.items, 0, 4));
 * ```
 */
export function runItems(plan: Pick<SweepPlan, 'document'>, items: readonly PlanItem[], options: Pick<SweepOptions, 'series' | 'registry'> = {}): SweepRow[] {
  checkOptionNames(options, RUN_ITEMS_OPTIONS, 'runItems');
  return itemsRun(plan, items, options);
}

/** {@link runItems} once the option names are checked (`sweep` passes all of its own). */
function itemsRun(plan: Pick<SweepPlan, 'document'>, items: readonly PlanItem[], options: Pick<SweepOptions, 'series' | 'registry'>): SweepRow[] {
  const cache = new Map<number, Scenario>();
  return items.map((item) => {
    let scenario = cache.get(item.point);
    if (!scenario) cache.set(item.point, (scenario = scenarioAt(plan.document, item.params, options.registry)));
    return runOne(plan.document, item, { scenario, ...(options.series ? { series: true } : {}), ...(options.registry ? { registry: options.registry } : {}) });
  });
}
