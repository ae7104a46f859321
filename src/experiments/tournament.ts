import { ConfigError } from '../engine/errors.js';
import { clip } from '../model/quote.js';
import { joined } from '../model/record.js';
import { suggest } from '../strategies/registry.js';
import type { ScenarioDocument } from '../scenario/format.js';
import type { Scenario } from '../scenario/parse.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { everyMember } from '../model/members.js';
import type { Grid } from './plan.js';
import { checkOptionNames } from '../engine/option-names.js';
import type { SweepRow } from './row.js';
import { describeSample } from './stats.js';
import { sweep } from './sweep.js';

/**
 * Options of {@link tournament} and {@link tournamentGrid}.
 *
 * @example
 * ```ts
 * const options: TournamentOptions = { strategies: ['hawk', 'dove', 'tit-for-tat'], roles: ['US', 'CN'], seeds: '1..10' };
 * tournament(scenario, options).rows.length; // 90: 3² assignments × 10 seeds
 * ```
 */
export interface TournamentOptions {
  /** Strategy names that compete (at least one). */
  readonly strategies: readonly string[];
  /** Actor ids whose strategy is assigned (default: every state actor of the template). */
  readonly roles?: readonly string[];
  /** Seeds each assignment is played with. */
  readonly seeds: readonly number[] | string;
  readonly registry?: StrategyRegistry;
}

/**
 * The names {@link tournament} and {@link tournamentGrid} accept in their options: every field of
 * {@link TournamentOptions} (the grid needs only the strategies and the roles, and takes the
 * options of a tournament as they are).
 */
const TOURNAMENT_OPTIONS = everyMember<keyof TournamentOptions & string>()(['strategies', 'roles', 'seeds', 'registry']);

/**
 * One strategy's standing: over every (run, role) it played, the mean welfare of the actor that
 * played it and the mean peak rung of that actor's dyads (lower is more peaceful), with ranks.
 *
 * @example
 * ```ts
 * const t = tournament(scenario, { strategies: ['hawk', 'dove'], roles: ['US', 'CN'], seeds: '1..10' });
 * const best: TournamentStanding | undefined = t.standings[0];
 * if (best) console.log(best.strategy, best.meanWelfare, best.peaceRank);
 * ```
 */
export interface TournamentStanding {
  readonly strategy: string;
  /** (run, role) pairs this strategy played. */
  readonly plays: number;
  readonly meanWelfare: number;
  readonly sdWelfare: number;
  readonly meanPeakRung: number;
  /** Share of plays in which the actor's dyads stayed at L0–L1 (no public accusation or worse). */
  readonly calmShare: number;
  /** 1 = highest mean welfare. */
  readonly welfareRank: number;
  /** 1 = lowest mean peak rung (ties: higher calm share, then name). */
  readonly peaceRank: number;
}

/**
 * Result of {@link tournament}: every run's row and the standings, by welfare rank.
 *
 * @example
 * ```ts
 * const t: TournamentResult = tournament(scenario, { strategies: ['hawk', 'dove'], seeds: '1..5' });
 * t.roles; // the template's states, sorted: ['CN', 'US']
 * ```
 */
export interface TournamentResult {
  readonly roles: readonly string[];
  readonly rows: readonly SweepRow[];
  readonly standings: readonly TournamentStanding[];
}

/**
 * The grid of a round-robin: `actors.<role>.strategy` over every strategy for each role, so a
 * sweep plays every assignment of strategies to roles **with replacement** (a strategy may play
 * several roles at once, e.g. hawk against hawk): strategies^roles assignments. A name that is
 * not one of {@link TournamentOptions} (`role` for `roles`) is a {@link ConfigError} naming it.
 *
 * @example
 * ```ts
 * const { roles, grid } = tournamentGrid(doc, { strategies: ['hawk', 'dove'] });
 * // roles: ['CN', 'US'] (the states, sorted); grid: { 'actors.CN.strategy': ['hawk', 'dove'], 'actors.US.strategy': ['hawk', 'dove'] }
 * ```
 */
export function tournamentGrid(template: Scenario | ScenarioDocument, options: Pick<TournamentOptions, 'strategies' | 'roles'>): { roles: string[]; grid: Grid } {
  checkOptionNames(options, TOURNAMENT_OPTIONS, 'tournamentGrid');
  const document = 'document' in template ? template.document : template;
  const roles = options.roles ? [...options.roles] : document.actors.filter((a) => (a.kind ?? 'state') === 'state').map((a) => a.id).sort();
  const issues = [];
  if (options.strategies.length === 0) issues.push({ path: 'strategies', expected: 'at least one strategy name', received: 'none' });
  if (new Set(options.strategies).size !== options.strategies.length) issues.push({ path: 'strategies', expected: 'each strategy once', received: options.strategies.join(', ') });
  if (roles.length === 0) issues.push({ path: 'roles', expected: 'at least one actor id', received: 'none' });
  if (new Set(roles).size !== roles.length) issues.push({ path: 'roles', expected: 'each role once', received: roles.join(', ') });
  // A role that is no actor was reported as the grid's ('grid.actors.XX.strategy'), a path nobody wrote.
  const ids = document.actors.map((a) => a.id);
  for (const r of roles) {
    if (ids.includes(r)) continue;
    const near = suggest(r, ids);
    issues.push({ path: 'roles', expected: `declared actor ids (${ids.join(', ')})`, received: `'${clip(r)}'`, ...(near === undefined ? {} : { hint: `did you mean '${near}'?` }) });
  }
  if (issues.length > 0) throw new ConfigError(issues, 'tournament');
  const grid: Record<string, readonly string[]> = {};
  for (const r of roles) grid[`actors.${r}.strategy`] = [...options.strategies];
  return { roles, grid };
}

/**
 * Rank strategies from the rows of a tournament sweep (see {@link tournamentGrid}).
 *
 * @example
 * ```ts
 * const { roles, grid } = tournamentGrid(doc, { strategies: ['hawk', 'dove'] });
 * const standings = rankStrategies(sweep(doc, { seeds: '1..10', grid }), roles);
 * ```
 */
export function rankStrategies(rows: readonly SweepRow[], roles: readonly string[]): TournamentStanding[] {
  const plays = new Map<string, { welfare: number[]; peak: number[] }>();
  for (const row of rows) {
    for (const role of roles) {
      const s = row[`actors.${role}.strategy`];
      const welfare = row[`welfare.${role}`];
      const peak = row[`actorPeakRung.${role}`];
      if (typeof s !== 'string' || typeof welfare !== 'number' || typeof peak !== 'number') {
        throw new ConfigError([{ path: `row ${String(row.run)}`, expected: `actors.${role}.strategy, welfare.${role} and actorPeakRung.${role}`, received: 'a row without them' }], 'tournament');
      }
      // A NaN made a strategy's mean NaN, and the ranks then depended on how the sort met it.
      if (!Number.isFinite(welfare) || !Number.isFinite(peak)) {
        throw new ConfigError([{ path: `row ${String(row.run)}`, expected: `finite numbers in welfare.${role} and actorPeakRung.${role}`, received: `${welfare} and ${peak}` }], 'tournament');
      }
      let p = plays.get(s);
      if (!p) plays.set(s, (p = { welfare: [], peak: [] }));
      p.welfare.push(welfare);
      p.peak.push(peak);
    }
  }
  const base = [...plays.entries()].map(([strategy, p]) => {
    const w = describeSample(p.welfare);
    const k = describeSample(p.peak);
    return { strategy, plays: p.welfare.length, meanWelfare: w.mean, sdWelfare: w.sd, meanPeakRung: k.mean, calmShare: p.peak.filter((x) => x <= 1).length / p.peak.length };
  });
  const byName = (a: { strategy: string }, b: { strategy: string }) => (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : 0);
  const welfareOrder = [...base].sort((a, b) => b.meanWelfare - a.meanWelfare || byName(a, b)).map((s) => s.strategy);
  const peaceOrder = [...base].sort((a, b) => a.meanPeakRung - b.meanPeakRung || b.calmShare - a.calmShare || byName(a, b)).map((s) => s.strategy);
  return base
    .map((s) => joined(s, { welfareRank: welfareOrder.indexOf(s.strategy) + 1, peaceRank: peaceOrder.indexOf(s.strategy) + 1 }))
    .sort((a, b) => a.welfareRank - b.welfareRank);
}

/**
 * The columns of a standings table as CSV.
 *
 * @example
 * ```ts
 * STANDING_COLUMNS[0]; // 'strategy'
 * const t = tournament(scenario, { strategies: ['hawk', 'dove'], roles: ['US', 'CN'], seeds: '1..10' });
 * writeFileSync('standings.csv', toCsv(STANDING_COLUMNS, t.standings.map((s) => ({ ...s }))));
 * ```
 */
export const STANDING_COLUMNS: readonly (keyof TournamentStanding & string)[] = Object.freeze(['strategy', 'plays', 'meanWelfare', 'sdWelfare', 'meanPeakRung', 'calmShare', 'welfareRank', 'peaceRank'] as const);

/**
 * A round-robin of strategies over a scenario template: every assignment of the strategies to
 * the roles (with replacement — strategies^roles assignments), each played with every seed, in
 * this thread. Strategies are ranked by the mean welfare of the actors that played them and by
 * peace (the mean peak rung of their dyads). The other actors keep the template's strategies.
 * An option name it does not know (`role` for `roles`) is a {@link ConfigError} naming it, with a
 * "did you mean", before any run: the tournament ran with the default roles.
 *
 * @example
 * ```ts
 * import { parseScenario, tournament } from 'detente';
 * const t = tournament(parseScenario(text), { strategies: ['hawk', 'dove', 'tit-for-tat'], roles: ['US', 'CN'], seeds: '1..10' });
 * t.standings[0]?.strategy; // the best by welfare
 * ```
 */
export function tournament(template: Scenario | ScenarioDocument, options: TournamentOptions): TournamentResult {
  checkOptionNames(options, TOURNAMENT_OPTIONS, 'tournament');
  const { roles, grid } = tournamentGrid(template, options);
  const rows = sweep(template, { seeds: options.seeds, grid, ...(options.registry ? { registry: options.registry } : {}) });
  return { roles, rows, standings: rankStrategies(rows, roles) };
}
