import type { Action, Response } from '../model/action.js';
import type { EventOf, SimEvent } from '../model/event.js';
import type { World } from '../model/world.js';
import { pathUnder, plainDataProblem } from '../model/nesting.js';
import { withFields } from '../model/record.js';
import { describe, isRecord } from '../model/mechanisms.js';
import { everyMember } from '../model/members.js';
import { unknownOptionIssues } from '../model/options.js';
import { ConfigError, ProtocolError } from './errors.js';
import type { ConfigIssue } from './errors.js';
import { eventListIssue, worldIssue } from './world-check.js';
import { ALL_POLICIES, policyIssues } from './policies.js';
import type { Decision, PendingRound, RoundResult } from './round.js';
import { beginRoundOf, submitDecisions } from './round.js';
import type { RoundOptions } from './round.js';

/**
 * Options of {@link replay}.
 *
 * @example
 * ```ts
 * const options: ReplayOptions = { rounds: 5 };
 * replay(run.initial, run.log, options).round; // 5: the world after the first 5 rounds
 * ```
 */
export interface ReplayOptions extends RoundOptions {
  /** Replay only this many rounds, at most those the log holds (default: every round the log holds). */
  readonly rounds?: number;
  /** Check that every replayed event equals the logged one (default true). */
  readonly verify?: boolean;
  /**
   * Taken so that a run's own policies (`run.options`) can be passed as they are; it changes
   * nothing here: no strategy is asked, and a strategy's failure is replayed from the log.
   */
  readonly onStrategyError?: 'throw' | 'reject';
}

/**
 * The names {@link replay} accepts in its options: every field of {@link ReplayOptions}
 * (`everyMember` fails typecheck when the list and the type drift apart).
 */
const REPLAY_OPTIONS = everyMember<keyof ReplayOptions & string>()(['rounds', 'verify', 'onInvalidAction', 'onStrategyError']);

/**
 * Rebuild a run from its initial world and its event log alone: the recorded decisions are fed
 * back to the engine (no strategy, person or model is asked again) and their random draws are
 * skipped, so the result is the same world. With `verify` (default), a log that does not match
 * what the engine produces throws a {@link ProtocolError} naming the first differing event.
 * A log that is not plain data (lists and objects nested more than `MAX_NESTING` levels deep, a
 * cycle, parts shared over and over) throws a {@link ConfigError} naming its path, before any round.
 * `options` takes `rounds`, `verify`, `onInvalidAction` and `onStrategyError` (so that a run's
 * `options` pass as they are); another name (`verfy`), or options that are not an object, is a
 * {@link ConfigError} naming it (`options.verfy`), with the names taken and a "did you mean"; so
 * is a value an option does not take (`onInvalidAction: 'skip'`, `verify: 'no'`, `rounds` beyond
 * the log), with the values it takes.
 *
 * @example
 * ```ts
 * const run = simulate(spec, { seed: 3, rounds: 20 });
 * const world = replay(run.initial, run.log); // deep-equal to run.world
 * ```
 */
export function replay(initial: World, log: readonly SimEvent[], options: ReplayOptions = {}): World {
  checkReplay(initial, log, options);
  return replayLog(initial, log, options);
}

/**
 * What `replay` is given, before any round: a world to start from, a log whose entries are events
 * (an object with a type and a whole round), and options whose `rounds` the log holds. A run
 * passed as the log, a null event, or `rounds: -1` failed with a TypeError or returned the initial
 * world; `rounds` beyond the log played rounds in which nobody decided anything, and with `verify`
 * reported that as the log diverging.
 */
function checkReplay(initial: World, log: readonly SimEvent[], options: ReplayOptions): void {
  const issues: ConfigIssue[] = [];
  const notWorld = worldIssue(initial, 'initial');
  if (notWorld !== undefined) issues.push(notWorld);
  const notLog = eventListIssue(log, 'log');
  if (notLog !== undefined) issues.push(notLog);
  if (!isRecord(options)) issues.push({ path: 'options', expected: 'an object { rounds?, verify?, onInvalidAction?, onStrategyError? }', received: describe(options) });
  else {
    // A misspelt name (`verfy: false`, `round: 3`) was dropped: the whole log was replayed, checked.
    issues.push(...unknownOptionIssues(options, REPLAY_OPTIONS));
    if (options.verify !== undefined && typeof options.verify !== 'boolean') issues.push({ path: 'options.verify', expected: 'true or false', received: describe(options.verify) });
    // A misspelt policy (`onInvalidAction: 'skip'`) was replayed as the default without a word.
    // Named under options, like replay's other options (step and runRounds name a policy alone).
    issues.push(...policyIssues(options, ALL_POLICIES, 'options'));
  }
  if (issues.length > 0) throw new ConfigError(issues, 'replay');
  checkLog(log);
  const rounds: unknown = options.rounds;
  if (rounds === undefined) return;
  const held = roundsHeld(initial, log);
  if (!(typeof rounds === 'number' && Number.isInteger(rounds) && rounds >= 0 && rounds <= held)) {
    throw new ConfigError([{ path: 'options.rounds', expected: `a whole number of rounds from 0 to ${held} (the rounds the log holds from round ${initial.round})`, received: describe(rounds) }], 'replay');
  }
}

/** How many rounds the log holds from the initial world's round: up to its last ended round. */
function roundsHeld(initial: World, log: readonly SimEvent[]): number {
  let last = initial.round - 1;
  for (const e of log) if (e.type === 'round.ended' && e.round > last) last = e.round;
  return last + 1 - initial.round;
}

/**
 * A log handed in as data must be plain: replay compares its events with the engine's as JSON,
 * which overflowed the stack on a deep event, threw a TypeError on a cyclic one and never ended
 * on one whose parts are shared over and over. Once per call: `replayLog` is what runs per round.
 */
export function checkLog(log: readonly SimEvent[]): void {
  const problem = plainDataProblem(log);
  if (problem !== undefined) throw new ConfigError([withFields(problem, { path: pathUnder('log', problem.path) })], 'replay');
}

/**
 * {@link replay} of a log already checked by {@link checkLog}. Internal, and its options' names
 * unchecked: `replay` checked them, and the report's replay passes a run's own policies.
 */
export function replayLog(initial: World, log: readonly SimEvent[], options: ReplayOptions = {}): World {
  const byRound = new Map<number, SimEvent[]>();
  for (const e of log) {
    let l = byRound.get(e.round);
    if (!l) byRound.set(e.round, (l = []));
    l.push(e);
  }
  const rounds = options.rounds ?? roundsHeld(initial, log);
  let world = initial;
  for (let r = 0; r < rounds; r++) {
    const round = world.round;
    const events = byRound.get(round) ?? [];
    const result = replayRound(world, events, options);
    if (options.verify !== false) verifyRound(round, result.events, events);
    world = result.world;
  }
  return world;
}

function replayRound(world: World, logged: readonly SimEvent[], options: RoundOptions): RoundResult {
  const decisions = logged.filter((e): e is EventOf<'decision.made'> => e.type === 'decision.made');
  let p: PendingRound | RoundResult = beginRoundOf(world, options);
  while (!p.done) {
    const phase = p.phase;
    const mine = decisions.filter((d) => d.decision === phase);
    const out: Decision[] = [];
    for (const need of p.needs) {
      const d = need.request ? mine.find((x) => x.actor === need.actor && x.request === need.request?.id) : mine.find((x) => x.actor === need.actor);
      if (!d) continue;
      for (let i = 0; i < d.draws; i++) need.rng.next();
      const error = d.error !== undefined ? { error: d.error } : {};
      // Fed back as logged: a null the decider gave is rejected again, not turned into "nothing".
      if (need.request) out.push({ actor: need.actor, request: need.request.id, response: d.response as Response, ...error });
      else out.push({ actor: need.actor, actions: d.actions as readonly Action[], ...error });
    }
    p = submitDecisions(p, out);
  }
  return p;
}

function verifyRound(round: number, produced: readonly SimEvent[], logged: readonly SimEvent[]): void {
  const n = Math.max(produced.length, logged.length);
  for (let i = 0; i < n; i++) {
    const a = JSON.stringify(produced[i]);
    const b = JSON.stringify(logged[i]);
    if (a !== b) {
      throw new ProtocolError(`replay diverged in round ${round} at event ${i}: the log has ${b ?? 'nothing'}, the engine produced ${a ?? 'nothing'}`);
    }
  }
}
