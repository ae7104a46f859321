// Sweeps, statistics and tournaments: pure and browser-safe. Files, worker threads and the
// terminal live in src/cli/sweep/.
export type { Grid, GridAxis, ParamValue, PlanItem, PlanOptions, SweepPlan } from './plan.js';
export { canonicalPath, compareRunIds, MAX_GRID_POINTS, MAX_RUNS, parseSetting, parseShard, planSweep, runId, scenarioAt, shardItems } from './plan.js';
export { MAX_SEEDS, parseSeeds } from './seeds.js';
export { SCENARIO_COLUMN, scenarioTag } from './identity.js';
export type { Cell, RunOneOptions, SweepRow } from './row.js';
export { runOne, SERIES_METRICS, SUMMARY_COLUMNS, summarizeRun, sweepColumns } from './row.js';
export type { Results, ResultsFormat } from './format.js';
export { csvHeader, formatOf, formatRow, parseCsv, readResults } from './format.js';
export type { SweepOptions } from './sweep.js';
export { runItems, sweep } from './sweep.js';
export type { MetricSummary, SummarizeOptions } from './stats.js';
export { describeSample, isMetricColumn, quantile, summarize, SUMMARY_STAT_COLUMNS, tCritical95 } from './stats.js';
export type { TournamentOptions, TournamentResult, TournamentStanding } from './tournament.js';
export { rankStrategies, STANDING_COLUMNS, tournament, tournamentGrid } from './tournament.js';
