import type { Action, Request, Response } from '../model/action.js';
import type { DecisionPhase } from '../model/event.js';
import type { ActorId } from '../model/ids.js';
import type { World } from '../model/world.js';
import type { ActorView, Strategy } from './contract.js';
import { messageOf, ProtocolError, StrategyError } from './errors.js';
import { recordable } from './plain.js';
import type { Rng, Stream } from './rng.js';
import type { Decider, Decision, DecisionNeed, OpenPhase, PendingRound, RoundOptions, RoundResult } from './round.js';
import { playRound } from './round.js';

/** The strategy of each actor of a world. */
export type StrategyAssignment = Readonly<Record<ActorId, Strategy>>;

/** Options of {@link step}: round policies plus what to do when a strategy throws. */
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
 *
 * @example
 * ```ts
 * const { world: next, events } = step(world, { US: dove, CN: hawk });
 * ```
 */
export function step(world: World, strategies: StrategyAssignment, options: StepOptions = {}): RoundResult {
  // The engine's own loop: the same phases and records as beginRound / decideWithStrategies /
  // submitDecisions, without a pending round and its frozen needs between phases (≈ 3% of a
  // small run; docs/performance.md, ninth pass).
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


/**
 * Answer every need of a pending round by calling the actors' strategies, as `step` does: for a
 * caller that drives `beginRound` and `submitDecisions` itself (to watch or change decisions). A
 * strategy that throws, or returns what cannot be read, is reported per `onStrategyError`.
 *
 * @example
 * ```ts
 * const p = beginRound(world);
 * if (!p.done) submitDecisions(p, decideWithStrategies(p, { US: dove, CN: hawk }));
 * ```
 */
export function decideWithStrategies(pending: PendingRound, strategies: StrategyAssignment, options: StepOptions = {}): Decision[] {
  const out: Decision[] = [];
  // Indexed: the needs are a frozen list (docs/performance.md, frozen arrays).
  const needs = pending.needs;
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
