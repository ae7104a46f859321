import type { Action, Request, Response } from '../model/action.js';
import type { DecisionPhase } from '../model/event.js';
import type { ActorId } from '../model/ids.js';
import type { World } from '../model/world.js';
import type { ActorView, Strategy } from './contract.js';
import { ConfigError, messageOf, ProtocolError, StrategyError } from './errors.js';
import type { ConfigIssue } from './errors.js';
import { recordable } from './plain.js';
import { describe, isRecord } from '../model/mechanisms.js';
import { everyMember } from '../model/members.js';
import { optionNamesKnown, unknownOptionIssues } from '../model/options.js';
import type { Rng, Stream } from './rng.js';
import type { Decider, Decision, DecisionNeed, OpenPhase, PendingRound, RoundOptions, RoundResult } from './round.js';
import { playRound, UNOBSERVED } from './round.js';
import { policiesValid, policyIssues } from './policies.js';
import { checkWorld } from './world-check.js';

/**
 * The strategy of each actor of a world.
 *
 * @example
 * ```ts
 * const strategies: StrategyAssignment = { US: titForTat(), CN: hawk() };
 * const { world: next } = step(world, strategies);
 * ```
 */
export type StrategyAssignment = Readonly<Record<ActorId, Strategy>>;

/**
 * Options of {@link step}: round policies plus what to do when a strategy throws.
 *
 * @example
 * ```ts
 * const options: StepOptions = { onStrategyError: 'reject' }; // a throwing strategy is logged (strategy.failed), not fatal
 * step(world, strategies, options);
 * ```
 */
export interface StepOptions extends RoundOptions {
  /**
   * `'throw'` (default): a strategy that throws stops the run with a {@link StrategyError} naming
   * actor, round and phase. `'reject'`: the failure is logged (`strategy.failed`) and the actor
   * does nothing this phase.
   */
  readonly onStrategyError?: 'throw' | 'reject';
}

/**
 * Play one round of a world with the given strategies: world → [world, events]. Pure: the input
 * world is not changed, and the same world with the same strategies gives the same result.
 * `strategies` must give every actor of the world a strategy object (the built-ins are factories:
 * `dove()`, not `dove`) and name no other actor, or a {@link ConfigError} lists each actor at fault.
 * Each step is a call of its own, even when given the same `options` object as the step before:
 * the rngs the last call handed out are retired (unlike `beginRound`, where rounds begun with the
 * same options object are one call). `options` takes `onInvalidAction` and `onStrategyError`; any
 * other name (`onStrategyErorr`), or options that are not an object, is a {@link ConfigError}
 * naming it (`options.onStrategyErorr`), with the names taken and a "did you mean" — it was
 * dropped, and the round ran with the default.
 *
 * @example
 * ```ts
 * const { world: next, events } = step(world, { US: dove(), CN: hawk() });
 * ```
 */
export function step(world: World, strategies: StrategyAssignment, options: StepOptions = {}): RoundResult {
  checkWorld(world, 'world', 'step');
  checkAssignment(world.actors, strategies);
  checkPolicies(options);
  // Each step is a call of its own: a caller who passes the same object to every step still
  // retires the rngs the last step handed out.
  return stepOfRun(world, strategies, callOptions(options, options[UNOBSERVED] === true));
}

/**
 * Internal: a call's own options object, made once per call. The engine tells calls apart by
 * their options object (round.ts, startRound), so two calls given the same object must still get
 * two. The policies are read by name, as the checks read them, so a policy the caller's object
 * inherits (a class's getter, a prototype) counts: a copy of own properties dropped it.
 */
export function callOptions(options: StepOptions, unobserved: boolean): StepOptions {
  const onInvalidAction = options.onInvalidAction === 'throw' ? 'throw' : 'reject';
  const onStrategyError = options.onStrategyError === 'reject' ? 'reject' : 'throw';
  return unobserved ? { onInvalidAction, onStrategyError, [UNOBSERVED]: true } : { onInvalidAction, onStrategyError };
}

/**
 * Internal: one round of a loop whose rounds are one call (`runRounds`): `options` is the call's
 * own object, the same for every round, its policies checked by the loop once. The engine's own
 * loop: the same phases and records as beginRound / decideWithStrategies / submitDecisions,
 * without a pending round and its frozen needs between phases (≈ 3% of a small run;
 * docs/performance.md, ninth pass).
 */
export function stepOfRun(world: World, strategies: StrategyAssignment, options: StepOptions): RoundResult {
  checkAssignment(world.actors, strategies);
  return playRound(world, options, new StrategyDecider(strategies, options));
}

/**
 * The needs of `step`'s rounds, decided by the actors' strategies. One object per call, with its
 * methods on the prototype, as cheap as the one closure it replaces.
 */
class StrategyDecider implements Decider {
  constructor(
    private readonly strategies: StrategyAssignment,
    private readonly options: StepOptions,
  ) {}

  decide(phase: OpenPhase, k: number): Decision {
    return decideOne(this.strategies, phase.needActors[k] as ActorId, phase.phase, phase.needRequests?.[k], phase.views, (phase.streams[k] as Stream).facade(), phase.ctx.round, this.options, false);
  }

  /** What a strategy returned cannot be read (a getter or a proxy that throws): its failure, like a throw. */
  unreadable(phase: OpenPhase, k: number, error: unknown): Decision {
    const actor = phase.needActors[k] as ActorId;
    return failed(this.strategies[actor] as Strategy, actor, phase.phase, phase.needRequests?.[k], phase.ctx.round, this.options, error);
  }
}

// The assignment and the actor list checked last: a run's loop (stepOfRun) is called every round
// with the same two, and checks them once (not a WeakMap, for the collector's sake: round.ts).
let checkedStrategies: StrategyAssignment | undefined;
let checkedActors: readonly { readonly id: ActorId }[] | undefined;

/**
 * Check, once per assignment and actor list, that every actor has a strategy object and that no
 * other actor is named: a {@link ConfigError} here beats a "strategy.operate is not a function"
 * from the first decision.
 */
function checkAssignment(actors: readonly { readonly id: ActorId }[], strategies: StrategyAssignment): void {
  if (strategies === checkedStrategies && actors === checkedActors) return;
  const issues: ConfigIssue[] = [];
  if (typeof strategies !== 'object' || strategies === null) {
    issues.push({ path: 'strategies', expected: 'an object giving each actor its strategy', received: strategies === null ? 'null' : typeof strategies });
  } else {
    const ids = new Set<string>();
    for (const { id } of actors) {
      ids.add(id);
      const issue = strategyIssue(strategies[id], `strategies.${id}`);
      if (issue) issues.push(issue);
    }
    for (const id of Object.keys(strategies)) {
      if (!ids.has(id)) issues.push({ path: `strategies.${id}`, expected: `an actor of the world (${[...ids].join(', ')})`, received: `a strategy for '${id}'` });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues, 'step');
  checkedStrategies = strategies;
  checkedActors = actors;
}

/**
 * The names {@link step} and {@link decideWithStrategies} accept in their options: every field of
 * {@link StepOptions} (`everyMember` fails typecheck when the list and the type drift apart; the
 * engine's internal flag is a symbol, which no name check sees).
 */
const STEP_OPTIONS = everyMember<keyof StepOptions & string>()(['onInvalidAction', 'onStrategyError']);

/**
 * The options of a call of `step` (once per round, for a caller who drives a game): an object,
 * its names among {@link STEP_OPTIONS}, its policies among theirs; every problem at once. With
 * known names and valid policies, nothing is allocated.
 */
function checkPolicies(options: StepOptions): void {
  if (!stepOptionsValid(options)) throw new ConfigError(stepOptionIssues(options), 'step');
}

/** Whether the options of a step are an object of known names and valid policies (nothing allocated). */
function stepOptionsValid(options: unknown): options is StepOptions {
  return isRecord(options) && optionNamesKnown(options, STEP_OPTIONS) && policiesValid(options);
}

/** What {@link checkPolicies} refuses, as a list (empty when nothing). */
function stepOptionIssues(options: unknown): ConfigIssue[] {
  if (stepOptionsValid(options)) return [];
  if (!isRecord(options)) return [{ path: 'options', expected: 'an object { onInvalidAction?, onStrategyError? }', received: describe(options) }];
  return [...unknownOptionIssues(options, STEP_OPTIONS), ...policyIssues(options)];
}

/** What is wrong with `s` as an actor's strategy, if anything. */
function strategyIssue(s: unknown, path: string): ConfigIssue | undefined {
  const expected = 'a strategy: an object with operate, diplomacy and respond functions (defineStrategy, or a built-in such as dove())';
  if (typeof s === 'function') {
    const name = typeof s.name === 'string' && s.name !== '' ? s.name : 'factory';
    return { path, expected, received: `a function (${name})`, hint: `a strategy factory? call it: ${name}()` };
  }
  if (typeof s !== 'object' || s === null) return { path, expected, received: s === undefined ? 'nothing' : s === null ? 'null' : typeof s };
  const record = s as Readonly<Record<string, unknown>>;
  const missing = (['operate', 'diplomacy', 'respond'] as const).filter((key) => typeof record[key] !== 'function');
  if (missing.length > 0) return { path, expected, received: `an object without ${missing.join(', ')}` };
  if (typeof record.name !== 'string') return { path, expected: `${expected}, with a name`, received: 'an object without a name' };
  return undefined;
}

/**
 * Answer every need of a pending round by calling the actors' strategies, as `step` does: for a
 * caller that drives `beginRound` and `submitDecisions` itself (to watch or change decisions). A
 * strategy that throws, or returns what cannot be read, is reported per `onStrategyError`. Every
 * actor asked must have a strategy object in `strategies`, or a {@link ConfigError} names it.
 * `options` takes the names {@link step} takes (`onInvalidAction`, `onStrategyError`); another name
 * (`onStrategyErorr`), a policy that is not one of its values, or options that are not an object,
 * is a {@link ConfigError} naming it, with a "did you mean" for a near name.
 *
 * @example
 * ```ts
 * const p = beginRound(world);
 * if (!p.done) submitDecisions(p, decideWithStrategies(p, { US: dove(), CN: hawk() }));
 * ```
 */
export function decideWithStrategies(pending: PendingRound, strategies: StrategyAssignment, options: StepOptions = {}): Decision[] {
  // Only its needs and round are read, so a pending round with some needs left out (those a person answers) is one too.
  if (!isRecord(pending) || !Array.isArray(pending.needs) || !Number.isInteger(pending.round)) {
    throw new ConfigError([{ path: 'pending', expected: 'a pending round returned by beginRound or submitDecisions (its needs may be filtered)', received: describe(pending) }], 'decideWithStrategies');
  }
  const out: Decision[] = [];
  // Indexed: the needs are a frozen list (docs/performance.md, frozen arrays).
  const needs = pending.needs;
  // The options' problems first, in the one list with the strategies': a misspelt
  // `onStrategyError` ran as 'throw' without a word.
  const issues: ConfigIssue[] = stepOptionIssues(options);
  const seen = new Set<string>();
  for (let k = 0; k < needs.length; k++) {
    const actor = (needs[k] as DecisionNeed).actor;
    if (seen.has(actor)) continue;
    seen.add(actor);
    const issue = strategyIssue(typeof strategies === 'object' && strategies !== null ? strategies[actor] : undefined, `strategies.${actor}`);
    if (issue) issues.push(issue);
  }
  if (issues.length > 0) throw new ConfigError(issues, 'decideWithStrategies');
  for (let k = 0; k < needs.length; k++) {
    const need = needs[k] as DecisionNeed;
    // The decisions are copied here, inside the strategy's guard, because submitDecisions cannot
    // tell a strategy's unreadable output from its caller's.
    out.push(decideOne(strategies, need.actor, need.phase, need.request, { view: () => need.view }, need.rng, pending.round, options, true));
  }
  return out;
}

/** Where a decider's view comes from: the phase's views, or a pending round's need. */
interface ViewSource {
  view(actor: ActorId): ActorView;
}

/**
 * One need decided by its actor's strategy; the view is made inside the guard, when the strategy
 * is called. With `copy`, the output is also copied into plain data inside the guard, so that
 * reading it is the strategy's failure too (`step` leaves the copy to the round, which reports an
 * unreadable decision through {@link StrategyDecider.unreadable} at no cost to a readable one).
 */
function decideOne(
  strategies: StrategyAssignment,
  actor: ActorId,
  phase: DecisionPhase,
  request: Request | undefined,
  views: ViewSource,
  rng: Rng,
  round: number,
  options: StepOptions,
  copy: boolean,
): Decision {
  const strategy = strategies[actor];
  if (!strategy) throw new ProtocolError(`no strategy for actor ${actor}`);
  try {
    if (request) {
      const response = strategy.respond(request, views.view(actor), rng);
      return { actor, request: request.id, response: copy ? (recordable(response) as Response) : response };
    }
    const actions: readonly Action[] = phase === 'operations' ? strategy.operate(views.view(actor), rng) : strategy.diplomacy(views.view(actor), rng);
    return { actor, actions: copy ? (recordable(actions) as readonly Action[]) : actions };
  } catch (e) {
    return failed(strategy, actor, phase, request, round, options, e);
  }
}

/** A strategy's failure, per `onStrategyError`: a {@link StrategyError}, or a decision recording it. */
function failed(strategy: Strategy, actor: ActorId, phase: DecisionPhase, request: Request | undefined, round: number, options: StepOptions, e: unknown): Decision {
  if (options.onStrategyError !== 'reject') throw new StrategyError(actor, round, phase, strategy.name, e);
  const error = `strategy '${strategy.name}' threw: ${messageOf(e)}`;
  if (request) return { actor, request: request.id, response: { type: 'ignore' }, error };
  return { actor, actions: [], error };
}
