// `tournament` on worker threads, for scripts: the same assignments, rows and standings as the
// one-thread `tournament`, played by the pool of `sweepOnWorkers`.
import { ConfigError, rankStrategies, tournamentGrid } from '../index.js';
import type { Scenario, ScenarioDocument, TournamentOptions, TournamentResult } from '../index.js';
import { registryIssue, sweepOnWorkers, workerOptionIssues } from './sweep.js';
import type { WorkerSweepOptions } from './sweep.js';
import { everyMember } from '../model/members.js';

/**
 * Options of {@link tournamentOnWorkers}: those of `tournament`, and the threads' options of `sweepOnWorkers`.
 *
 * @example
 * ```ts
 * const options: WorkerTournamentOptions = { strategies: ['hawk', 'dove'], seeds: '1..200', workers: 2 };
 * const t = await tournamentOnWorkers(scenario, options);
 * ```
 */
export interface WorkerTournamentOptions extends Omit<TournamentOptions, 'registry'>, Pick<WorkerSweepOptions, 'workers' | 'modules' | 'onRow' | 'signal'> {}

/** The names {@link tournamentOnWorkers} accepts in its options: every field of {@link WorkerTournamentOptions}. */
const WORKER_TOURNAMENT_OPTIONS = everyMember<keyof WorkerTournamentOptions & string>()(['strategies', 'roles', 'seeds', 'workers', 'modules', 'onRow', 'signal']);

/**
 * A round-robin of strategies over a scenario template, on worker threads: the result `tournament`
 * gives (every run's row in plan order, and the standings), whatever the number of workers.
 * Strategies of your own are passed as the modules that export them (`modules`). An option name
 * it does not know (`role` for `roles`) is a {@link ConfigError} naming it, with a "did you mean".
 *
 * @example
 * ```ts
 * import { parseScenario } from 'detente';
 * import { loadStrategies, tournamentOnWorkers } from 'detente/node';
 *
 * const template = parseScenario(text, { registry: await loadStrategies('./my-strategies.js') });
 * const t = await tournamentOnWorkers(template, {
 *   strategies: ['hawk', 'dove', 'wary'],       // wary: from my-strategies.js
 *   roles: ['US', 'CN'],
 *   seeds: '1..200',
 *   modules: './my-strategies.js',
 * });
 * t.standings[0]?.strategy; // the best by welfare
 * ```
 */
export async function tournamentOnWorkers(template: Scenario | ScenarioDocument, options: WorkerTournamentOptions): Promise<TournamentResult> {
  // The options below are passed on one by one, so a registry would be dropped without a word.
  const isObject = typeof options === 'object' && options !== null;
  const registryGiven = isObject ? registryIssue(options) : undefined;
  const issues = [...(isObject ? workerOptionIssues(options, WORKER_TOURNAMENT_OPTIONS) : []), ...(registryGiven !== undefined ? [registryGiven] : [])];
  if (issues.length > 0) throw new ConfigError(issues, 'tournamentOnWorkers');
  // The grid's own options only: tournamentGrid refuses the threads' (workers, modules, …).
  const { roles, grid } = tournamentGrid(template, isObject ? { strategies: options.strategies, ...(options.roles !== undefined ? { roles: options.roles } : {}) } : options);
  const rows = await sweepOnWorkers(template, { seeds: options.seeds, grid, workers: options.workers, modules: options.modules, onRow: options.onRow, signal: options.signal });
  return { roles, rows, standings: rankStrategies(rows, roles) };
}
