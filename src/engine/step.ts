import type { Action } from '../model/action.js';
import type { ActorId } from '../model/ids.js';
import type { World } from '../model/world.js';
import type { Strategy } from './contract.js';
import { messageOf, ProtocolError, StrategyError } from './errors.js';
import type { Decision, DecisionNeed, PendingRound, RoundOptions, RoundResult } from './round.js';
import { beginRound, submitDecisions } from './round.js';

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
  let p: PendingRound | RoundResult = beginRound(world, options);
  while (!p.done) p = submitDecisions(p, decideWithStrategies(p, strategies, options));
  return p;
}

/**
 * Answer every need of a pending round by calling the actors' strategies (the loop `simulate`
 * uses). A strategy that throws is reported per `onStrategyError`.
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
    const strategy = strategies[need.actor];
    if (!strategy) throw new ProtocolError(`no strategy for actor ${need.actor}`);
    out.push(decideOne(strategy, need, pending.round, options));
  }
  return out;
}

function decideOne(strategy: Strategy, need: DecisionNeed, round: number, options: StepOptions): Decision {
  try {
    if (need.request) return { actor: need.actor, request: need.request.id, response: strategy.respond(need.request, need.view, need.rng) };
    const actions: readonly Action[] =
      need.phase === 'operations' ? strategy.operate(need.view, need.rng) : strategy.diplomacy(need.view, need.rng);
    return { actor: need.actor, actions };
  } catch (e) {
    if (options.onStrategyError !== 'reject') throw new StrategyError(need.actor, round, need.phase, strategy.name, e);
    const error = `strategy '${strategy.name}' threw: ${messageOf(e)}`;
    if (need.request) return { actor: need.actor, request: need.request.id, response: { type: 'ignore' }, error };
    return { actor: need.actor, actions: [], error };
  }
}
