import type { Action, Response } from '../model/action.js';
import type { EventOf, SimEvent } from '../model/event.js';
import type { World } from '../model/world.js';
import { pathUnder, plainDataProblem } from '../model/nesting.js';
import { withFields } from '../model/record.js';
import { ConfigError, ProtocolError } from './errors.js';
import type { Decision, PendingRound, RoundResult } from './round.js';
import { beginRound, submitDecisions } from './round.js';
import type { RoundOptions } from './round.js';

/** Options of {@link replay}. */
export interface ReplayOptions extends RoundOptions {
  /** Replay only this many rounds (default: every round the log holds). */
  readonly rounds?: number;
  /** Check that every replayed event equals the logged one (default true). */
  readonly verify?: boolean;
}

/**
 * Rebuild a run from its initial world and its event log alone: the recorded decisions are fed
 * back to the engine (no strategy, person or model is asked again) and their random draws are
 * skipped, so the result is the same world. With `verify` (default), a log that does not match
 * what the engine produces throws a {@link ProtocolError} naming the first differing event.
 * A log that is not plain data (lists and objects nested more than `MAX_NESTING` levels deep, a
 * cycle, parts shared over and over) throws a {@link ConfigError} naming its path, before any round.
 *
 * @example
 * ```ts
 * const run = simulate(spec, { seed: 3, rounds: 20 });
 * const world = replay(run.initial, run.log); // deep-equal to run.world
 * ```
 */
export function replay(initial: World, log: readonly SimEvent[], options: ReplayOptions = {}): World {
  checkLog(log);
  return replayLog(initial, log, options);
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

/** {@link replay} of a log already checked by {@link checkLog}. */
export function replayLog(initial: World, log: readonly SimEvent[], options: ReplayOptions = {}): World {
  const byRound = new Map<number, SimEvent[]>();
  let last = initial.round - 1;
  for (const e of log) {
    let l = byRound.get(e.round);
    if (!l) byRound.set(e.round, (l = []));
    l.push(e);
    if (e.type === 'round.ended' && e.round > last) last = e.round;
  }
  const rounds = options.rounds ?? last + 1 - initial.round;
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
  let p: PendingRound | RoundResult = beginRound(world, options);
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
