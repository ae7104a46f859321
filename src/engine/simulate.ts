import type { SimEvent } from '../model/event.js';
import type { World } from '../model/world.js';
import { describe } from '../model/mechanisms.js';
import { everyMember } from '../model/members.js';
import { unknownOptionIssues } from '../model/options.js';
import { MAX_ROUNDS } from '../model/rounds.js';
import { ConfigError } from './errors.js';
import type { ConfigIssue } from './errors.js';
import type { RoundMetrics } from './metrics.js';
import type { RoundResult } from './round.js';
import type { StepOptions, StrategyAssignment } from './step.js';
import { callOptions, stepOfRun } from './step.js';
import { policyIssues } from './policies.js';
import { deepFreeze } from './freeze.js';
import { settledWorld, UNOBSERVED } from './round.js';
import { checkWorld } from './world-check.js';

/**
 * A finished (or forked) run: where it started, where it ended, everything that happened.
 *
 * @example
 * ```ts
 * const run = simulate(spec, { seed: 7, rounds: 24 });
 * run.world.round; // 24
 * run.log.length;  // every event, in order
 * ```
 */
export interface Run {
  /** The world before round 0 (or before the first round this run played). */
  readonly initial: World;
  /** The world after the last round. */
  readonly world: World;
  /** Every event, in order. Empty when the run was made with `log: false`. */
  readonly log: readonly SimEvent[];
  readonly metrics: readonly RoundMetrics[];
  readonly strategies: StrategyAssignment;
  readonly options: StepOptions;
}

/**
 * Options of {@link runRounds}.
 *
 * @example
 * ```ts
 * const options: RunRoundsOptions = { rounds: 10, log: false, onRound: (r) => console.log(r.round, r.metrics.maxRung) };
 * runRounds(world, { US: dove(), CN: hawk() }, options);
 * ```
 */
export interface RunRoundsOptions extends StepOptions {
  /** How many rounds to play: a whole number from 0 to `MAX_ROUNDS` (100,000); continue the world for more. */
  readonly rounds: number;
  /** Keep the event log in the run (default true). Turn off for large sweeps that need metrics only. */
  readonly log?: boolean;
  /** Called after every round, e.g. to stream events to a file. */
  readonly onRound?: (result: RoundResult) => void;
}

/**
 * The only loop: play `rounds` rounds of a world with resolved strategies. The public
 * `simulate` resolves strategy names and builds the world first. Its rounds are one call (each
 * actor gets the same `rng` in every round), and each call is a call of its own even when given
 * the same `options` object as the call before (unlike `beginRound`, see there). `options` takes
 * `rounds`, `log`, `onRound`, `onInvalidAction` and `onStrategyError`; another name (`logs`), or
 * options that are not an object, is a {@link ConfigError} naming it (`options.logs`), with the
 * names taken and a "did you mean" — checked once per call, before any round.
 *
 * @example
 * ```ts
 * const run = runRounds(createWorld(spec, { seed: 1 }), { US: dove(), CN: hawk() }, { rounds: 10 });
 * ```
 */
export function runRounds(initial: World, strategies: StrategyAssignment, options: RunRoundsOptions): Run {
  checkWorld(initial, 'world', 'runRounds');
  checkRunOptions(options);
  const keep = options.log !== false;
  // The call's own options object, made once per call: the engine tells calls apart by their
  // options object (round.ts, startRound), and every round of this loop is one call, so a caller
  // who passes the same object to two calls must still get two (the rngs handed out by the first
  // are retired when the second starts). Without a log or a callback, nobody but this loop sees
  // a round's events and worlds (an internal caller may say so itself: a sweep, the tests).
  const roundOptions = callOptions(options, options[UNOBSERVED] === true || (!keep && !options.onRound));
  const log: SimEvent[] = [];
  const metrics: RoundMetrics[] = [];
  let world = initial;
  for (let r = 0; r < options.rounds; r++) {
    const result = stepOfRun(world, strategies, roundOptions);
    world = result.world;
    if (keep) for (const e of result.events) log.push(e);
    metrics.push(result.metrics);
    options.onRound?.(result);
  }
  // An unobserved round leaves its world unfrozen and its streams' states unsaved (round.ts,
  // UNOBSERVED): the run hands out only its last world, settled and frozen here.
  if (roundOptions[UNOBSERVED] === true) world = deepFreeze(settledWorld(world));
  // The run's policies alone, without `rounds`, `log` or `onRound` (a fork or a replay reuses them).
  const stepOptions: { -readonly [K in keyof StepOptions]: StepOptions[K] } = {};
  if (options.onInvalidAction) stepOptions.onInvalidAction = options.onInvalidAction;
  if (options.onStrategyError) stepOptions.onStrategyError = options.onStrategyError;
  return Object.freeze({ initial, world, log: Object.freeze(log), metrics: Object.freeze(metrics), strategies, options: stepOptions });
}

/**
 * Every problem of the run's options, thrown at once before any round is played: a misspelt
 * policy ran as the default without a word, and a bad `onRound` failed only after round 0.
 */
function checkRunOptions(options: RunRoundsOptions): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError([{ path: 'options', expected: 'an object { rounds, log?, onRound?, onInvalidAction?, onStrategyError? }', received: describe(options) }]);
  }
  const given = options as Readonly<Record<keyof RunRoundsOptions, unknown>>;
  // Once per call, not per round: a misspelt name (`logs: false`) was dropped, and the run kept its log.
  const issues: ConfigIssue[] = unknownOptionIssues(given, RUN_ROUNDS_OPTIONS);
  const rounds = roundsIssue('rounds', options.rounds);
  if (rounds !== undefined) issues.push(rounds);
  if (given.log !== undefined && typeof given.log !== 'boolean') issues.push({ path: 'log', expected: 'true or false', received: describe(given.log) });
  if (given.onRound !== undefined && typeof given.onRound !== 'function') issues.push({ path: 'onRound', expected: 'a function called with each round’s result', received: describe(given.onRound) });
  issues.push(...policyIssues(given));
  if (issues.length > 0) throw new ConfigError(issues);
}

/**
 * The names {@link runRounds} accepts in its options: every field of {@link RunRoundsOptions}
 * (`everyMember` fails typecheck when the list and the type drift apart; the engine's internal
 * flag is a symbol, which no name check sees).
 */
const RUN_ROUNDS_OPTIONS = everyMember<keyof RunRoundsOptions & string>()(['rounds', 'log', 'onRound', 'onInvalidAction', 'onStrategyError']);

/**
 * The issue of a number of rounds to play in one call, if it is not a whole number from 0 to
 * `MAX_ROUNDS`. Beyond the bound, the hint says how to play a longer run: in several calls, each
 * continuing the last one's world, which also keeps what each call holds in memory bounded.
 */
export function roundsIssue(path: string, rounds: unknown): ConfigIssue | undefined {
  if (typeof rounds === 'number' && Number.isInteger(rounds) && rounds >= 0 && rounds <= MAX_ROUNDS) return undefined;
  const over = typeof rounds === 'number' && rounds > MAX_ROUNDS;
  return {
    path,
    expected: `a whole number of rounds from 0 to ${MAX_ROUNDS.toLocaleString('en-US')}`,
    received: describe(rounds),
    ...(over ? { hint: 'play a longer run in several calls: simulate(run.world, { rounds }) continues a world' } : {}),
  };
}
