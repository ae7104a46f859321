import { ConfigError } from '../engine/errors.js';
import type { SimEvent } from '../model/event.js';
import type { Run } from '../engine/simulate.js';
import type { ScenarioDocument } from '../scenario/format.js';
import type { Scenario } from '../scenario/parse.js';
import { METRIC_COLUMNS } from '../report/csv.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { prepareRun } from '../strategies/simulate.js';
import { runRounds } from '../engine/simulate.js';
import type { FlatOutcome } from '../engine/flat/types.js';
import { playFlat, prepareFlat } from '../engine/flat/index.js';
import type { FlatSetup } from '../engine/flat/index.js';
import { builtinRefs } from '../strategies/builtins/brand.js';
import type { StrategyAssignment } from '../engine/step.js';
import type { World } from '../model/world.js';
import type { ParamValue, PlanItem, SweepPlan } from './plan.js';
import { scenarioAt } from './plan.js';
import { isSealedSpec } from '../scenario/parse.js';
import type { WorldSpec } from '../engine/world.js';
import { checkOptionNames } from '../engine/option-names.js';
import { everyMember } from '../model/members.js';
import { UNOBSERVED } from '../engine/round.js';
import { SCENARIO_COLUMN, scenarioTag } from './identity.js';

/**
 * A cell of a results row: a number, a name, empty (`null`), or a per-round series.
 *
 * @example
 * ```ts
 * const [row] = sweep(scenario, { seeds: [1], series: true });
 * const peak: Cell | undefined = row?.peakRung; // a number
 * const maxRung: Cell | undefined = row?.['series.maxRung']; // a list: one number per round
 * ```
 */
export type Cell = number | string | null | readonly number[];

/**
 * One row of a sweep's results: column name → value. Columns are listed by {@link sweepColumns}.
 *
 * @example
 * ```ts
 * const row: SweepRow = { run: 'p0-s1', point: 0, seed: 1, peakRung: 2 };
 * ```
 */
export type SweepRow = Readonly<Record<string, Cell>>;

/**
 * The summary columns every row has, after `run`, `point`, `seed` and the grid's parameter
 * columns, and before the per-dyad and per-actor columns. See docs/experiments.md.
 *
 * @example
 * ```ts
 * SUMMARY_COLUMNS.includes('peakRung'); // true
 * summarize(rows, { metrics: [...SUMMARY_COLUMNS] });
 * ```
 */
export const SUMMARY_COLUMNS: readonly string[] = Object.freeze([
  'roundsPlayed',
  'incidentsTrue',
  'incidentsDetected',
  'falseAlarms',
  'correctlyAttributed',
  'misattributed',
  'accusations',
  'accusationsRight',
  'accusationsWrong',
  'publicAccusations',
  'hotlineQueries',
  'agreementsSigned',
  'firstAgreementRound',
  'normsAdopted',
  'sanctionsImposed',
  'retaliations',
  'peakRung',
  'finalRung',
  'finalMeanTrust',
  'finalMaxTension',
  'totalWelfare',
]);

/**
 * Per-round metrics a `series` row carries (every per-round metric but the round number).
 *
 * @example
 * ```ts
 * SERIES_METRICS.includes('maxRung'); // true
 * SERIES_METRICS.map((m) => `series.${m}`); // the columns a sweep adds with `series: true`
 * ```
 */
export const SERIES_METRICS: readonly string[] = Object.freeze(METRIC_COLUMNS.filter((c) => c !== 'round'));

/**
 * The columns of a sweep's results, in order: `run`, `point`, `seed`, one per grid parameter,
 * {@link SUMMARY_COLUMNS}, `peakRung.<A>/<B>` per pair of actors, `actorPeakRung.<ID>` and
 * `welfare.<ID>` per actor, with `series` one `series.<metric>` per per-round metric, and last
 * `scenario`, the {@link scenarioTag} of the scenario the runs come from.
 *
 * @example
 * ```ts
 * sweepColumns(plan); // ['run', 'point', 'seed', 'mechanisms.detection.scale', 'roundsPlayed', …]
 * ```
 */
export function sweepColumns(plan: Pick<SweepPlan, 'document' | 'axes'>, options: { readonly series?: boolean } = {}): string[] {
  const ids = plan.document.actors.map((a) => a.id).sort();
  const pairs: string[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push(`peakRung.${ids[i]}/${ids[j]}`);
  return [
    'run',
    'point',
    'seed',
    ...plan.axes.map((a) => a.path),
    ...SUMMARY_COLUMNS,
    ...pairs,
    ...ids.map((id) => `actorPeakRung.${id}`),
    ...ids.map((id) => `welfare.${id}`),
    ...(options.series ? SERIES_METRICS.map((m) => `series.${m}`) : []),
    // Last, so the columns before it keep their places in files written before it existed.
    SCENARIO_COLUMN,
  ];
}

/**
 * Options of {@link runOne}.
 *
 * @example
 * ```ts
 * const options: RunOneOptions = { series: true };
 * const row = runOne(plan.document, plan.items[0]!, options);
 * ```
 */
export interface RunOneOptions {
  /** Add the per-round series columns. */
  readonly series?: boolean;
  /** Where strategy names are looked up (default: the built-ins). */
  readonly registry?: StrategyRegistry;
  /** The scenario of the item's grid point, when the caller already parsed it (a cache). */
  readonly scenario?: Scenario;
}

/** The names {@link runOne} accepts in its options: every field of {@link RunOneOptions}. */
const RUN_ONE_OPTIONS = everyMember<keyof RunOneOptions & string>()(['series', 'registry', 'scenario']);

/**
 * Play one run of a plan and summarise it as a results row. An option name it does not know
 * (`seris` for `series`) is a {@link ConfigError} naming it, with a "did you mean".
 *
 * @example
 * ```ts
 * const plan = planSweep(scenario, { seeds: [1] });
 * const row = runOne(plan.document, plan.items[0]!);
 * row.peakRung; // highest rung any dyad reached
 * ```
 */
export function runOne(document: ScenarioDocument, item: PlanItem, options: RunOneOptions = {}): SweepRow {
  // Once per run, over at most three keys: nothing beside the run itself.
  checkOptionNames(options, RUN_ONE_OPTIONS, 'runOne');
  const scenario = options.scenario ?? scenarioAt(document, item.params, options.registry);
  // The row reads the events round by round instead of keeping the run's log: a sweep's runs
  // then leave little for the collector to copy (docs/performance.md).
  const tally = new EventTally();
  const series = options.series === true;
  // A spec parseScenario made cannot change, and the flat path's setup does not depend on the seed:
  // it is made once per spec (or found not to cover it) and every later run of a sweep starts
  // from it. The seed is checked as createWorld checks it; a bad one takes the general path below,
  // which reports it.
  const known = flatSetups.get(scenario.spec);
  if (known && validSeed(item.seed)) return rowFrom(playFlat(known, String(item.seed), scenario.rounds), item, series, scenarioTag(document));
  // prepareRun, then the play: simulate's own steps (the same checks and errors), with the world
  // and the strategies in hand in between, where the flat path takes over when it covers them.
  const { world, strategies } = prepareRun(scenario.spec, { seed: item.seed, ...(options.registry ? { registry: options.registry } : {}) });
  if (known === undefined) {
    const flat = flatSetupOf(world, strategies);
    const covered = 'gap' in flat ? null : flat;
    if (setupHoldsForEveryRun(scenario.spec)) flatSetups.set(scenario.spec, covered);
    if (covered !== null) return rowFrom(playFlat(covered, world.seed, scenario.rounds), item, series, scenarioTag(document));
  }
  const run = runRounds(world, strategies, {
    rounds: scenario.rounds,
    log: false,
    // The tally only counts the events and keeps none of them.
    onRound: (result) => tally.add(result.events),
    [UNOBSERVED]: true,
  });
  return rowFrom(summaryOfRun(run, tally), item, series, scenarioTag(document));
}

/** The flat path's setup of each sealed spec (isSealedSpec), or null where it does not cover it. */
const flatSetups = new WeakMap<WorldSpec, FlatSetup | null>();

/**
 * Whether a flat setup made for one run of `spec` holds for every run: a spec that cannot change
 * (isSealedSpec), whose every actor names its strategy object. An actor without one plays a name
 * looked up in the run's registry, which another call may give differently.
 */
function setupHoldsForEveryRun(spec: WorldSpec): boolean {
  return isSealedSpec(spec) && spec.actors.every((a) => a !== null && typeof a === 'object' && typeof a.strategy === 'object');
}

/** A seed createWorld takes (normaliseSeed in src/engine/world.ts). */
function validSeed(seed: unknown): boolean {
  return (typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'string' && seed.length > 0);
}

/**
 * The flat path's setup for a run nobody observes, or why it does not cover the run: an actor whose
 * strategy is not a built-in's own object (a user's strategy may reuse a built-in's name, hence the
 * brand), or a world with a feature the flat path does not play (prepareFlat's gap). Both paths
 * give the same row (tests/engine/flat, tests/experiments/row-paths.test.ts); the flat one is
 * several times faster (docs/performance.md, issue 7).
 */
function flatSetupOf(world: World, strategies: StrategyAssignment): FlatSetup | { readonly gap: string } {
  const refs = builtinRefs(world, strategies);
  const k = refs.indexOf(undefined);
  if (k >= 0) return { gap: `actor '${world.actors[k]?.id ?? k}' plays a strategy that is not a built-in's` };
  return prepareFlat(world, refs);
}

/**
 * Why runOne plays `scenario` on the general path, or null when it takes the flat one (every run
 * of a scenario takes the same path). For tests and the docs' list of covered scenarios.
 *
 * @example
 * ```ts
 * flatGapOf(scenario); // null, or e.g. "forums are not covered"
 * ```
 */
export function flatGapOf(scenario: Scenario, registry?: StrategyRegistry): string | null {
  const { world, strategies } = prepareRun(scenario.spec, { seed: scenario.seed, ...(registry ? { registry } : {}) });
  const setup = flatSetupOf(world, strategies);
  return 'gap' in setup ? setup.gap : null;
}

/**
 * The results row of a finished run (the summary metrics of {@link sweepColumns}). The
 * `scenario` cell is the tag of `document`, the scenario the run was made from (the document
 * of the plan, before the grid point's values), and empty without it.
 *
 * @example
 * ```ts
 * summarizeRun(simulate(scenario.spec, { seed: 1, rounds: 12 }), { run: 'p0-s1', point: 0, seed: 1, params: {} }, false, scenario.document);
 * ```
 */
export function summarizeRun(run: Run, item: PlanItem, series = false, document?: ScenarioDocument): SweepRow {
  // Accusations (right or wrong) and agreements are read from the log: a run without one
  // would give zeros that look like results.
  if (run.log.length === 0 && run.metrics.length > 0) {
    throw new ConfigError([{ path: 'run.log', expected: 'the event log of the run (simulate without `log: false`)', received: 'an empty log' }], `run ${item.run}`);
  }
  const tally = new EventTally();
  tally.add(run.log);
  return rowFrom(summaryOfRun(run, tally), item, series, document === undefined ? null : scenarioTag(document));
}

/**
 * Internal (not exported from the package): what a row needs from a run's events, gathered as they
 * come (a whole log, or round by round). The flat path counts the same four numbers itself.
 */
export class EventTally {
  /** Author and principal of each operation so far. */
  private readonly authors = new Map<string, readonly [string, string]>();
  /** The operation behind each detected incident (null for a false alarm). */
  private readonly behind = new Map<string, string | null>();
  accusations = 0;
  right = 0;
  agreements = 0;
  firstAgreement: number | null = null;

  add(events: readonly SimEvent[]): void {
    // Accusations are right when they name the author of the operation behind the incident, or
    // its principal (the sponsor of a proxy); an accusation over a false alarm is always wrong.
    for (const e of events) {
      if (e.type === 'operation.conducted') this.authors.set(e.operation.id, [e.operation.author, e.operation.principal]);
      else if (e.type === 'incident.detected') this.behind.set(e.incident, e.operation);
      else if (e.type === 'accusation.made') {
        this.accusations++;
        const op = this.behind.get(e.incident);
        const who = op === undefined || op === null ? undefined : this.authors.get(op);
        if (who && (who[0] === e.target || who[1] === e.target)) this.right++;
      } else if (e.type === 'agreement.signed') {
        this.agreements++;
        if (this.firstAgreement === null) this.firstAgreement = e.round;
      }
    }
  }
}

/**
 * Internal (not exported from the package): what a run of the general path leaves for its row, in
 * the shape the flat path gives it (src/engine/flat/types.ts), so that one function makes the row
 * of either and the two cannot drift apart. Nothing is copied: the typed arrays are the world's.
 *
 * @example
 * ```ts
 * const tally = new EventTally();
 * tally.add(run.log);
 * rowFrom(summaryOfRun(run, tally), item, false, null);
 * ```
 */
export function summaryOfRun(run: Pick<Run, 'world' | 'metrics'>, tally: EventTally): FlatOutcome {
  const w = run.world;
  return {
    metrics: run.metrics,
    ids: w.actors.map((a) => a.id),
    peakRung: w.dyads.peakRung,
    welfare: w.welfare,
    accusations: tally.accusations,
    accusationsRight: tally.right,
    agreementsSigned: tally.agreements,
    firstAgreementRound: tally.firstAgreement,
  };
}

/**
 * Internal (not exported from the package): the results row of a run, from its summary — a run of
 * the general path through {@link summaryOfRun}, or the flat path's outcome. The columns are those
 * of {@link sweepColumns}, in its order.
 *
 * @example
 * ```ts
 * rowFrom(summaryOfRun(run, tally), item, options.series === true, scenarioTag(document));
 * ```
 */
export function rowFrom(summary: FlatOutcome, item: PlanItem, series: boolean, scenario: string | null): SweepRow {
  const row: Record<string, Cell> = { run: item.run, point: item.point, seed: item.seed };
  for (const [k, v] of Object.entries(item.params)) row[k] = v as ParamValue;
  let operations = 0;
  let detections = 0;
  let falseAlarms = 0;
  let correct = 0;
  let wrong = 0;
  let publicAccusations = 0;
  let hotlineQueries = 0;
  let sanctions = 0;
  let retaliations = 0;
  let norms = 0;
  const metrics = summary.metrics;
  for (const m of metrics) {
    operations += m.operations;
    detections += m.detections;
    falseAlarms += m.falseAlarms;
    correct += m.correctAttributions;
    wrong += m.misattributions;
    publicAccusations += m.publicAccusations;
    hotlineQueries += m.hotlineQueries;
    sanctions += m.sanctionsImposed;
    retaliations += m.retaliations;
    norms += m.normsAdopted;
  }
  const { accusations, accusationsRight: right } = summary;
  const last = metrics.at(-1);
  Object.assign(row, {
    roundsPlayed: metrics.length,
    incidentsTrue: operations,
    incidentsDetected: detections - falseAlarms,
    falseAlarms,
    correctlyAttributed: correct,
    misattributed: wrong,
    accusations,
    accusationsRight: right,
    accusationsWrong: accusations - right,
    publicAccusations,
    hotlineQueries,
    agreementsSigned: summary.agreementsSigned,
    firstAgreementRound: summary.firstAgreementRound,
    normsAdopted: norms,
    sanctionsImposed: sanctions,
    retaliations,
    peakRung: last?.peakRung ?? 0,
    finalRung: last?.maxRung ?? 0,
    finalMeanTrust: last?.meanTrust ?? null,
    finalMaxTension: last?.maxTension ?? null,
    totalWelfare: last?.totalWelfare ?? 0,
  });
  // Each pair's peak rung: the higher of its two directions (as summarizeDyads reports it). The
  // summary's ids are in the world's order, which its per-pair and per-actor arrays follow.
  const ids = summary.ids;
  const actorPeak = new Map<string, number>(ids.map((id) => [id, 0]));
  const n = ids.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = ids[i] as string;
      const y = ids[j] as string;
      const peak = Math.max(summary.peakRung[i * n + j] as number, summary.peakRung[j * n + i] as number);
      const [a, b] = x < y ? [x, y] : [y, x];
      row[`peakRung.${a}/${b}`] = peak;
      actorPeak.set(a, Math.max(actorPeak.get(a) ?? 0, peak));
      actorPeak.set(b, Math.max(actorPeak.get(b) ?? 0, peak));
    }
  }
  // The columns go by sorted id (sweepColumns), whatever the world's order: each actor's welfare is
  // looked up at its own place in that order.
  const sorted = [...ids].sort();
  for (const id of sorted) row[`actorPeakRung.${id}`] = actorPeak.get(id) ?? 0;
  for (const id of sorted) row[`welfare.${id}`] = summary.welfare[ids.indexOf(id)] as number;
  if (series) for (const m of SERIES_METRICS) row[`series.${m}`] = metrics.map((r) => (r as unknown as Record<string, number>)[m] as number);
  row[SCENARIO_COLUMN] = scenario;
  return row;
}
