import type { Action, DiplomacyAction, Request, Response } from '../model/action.js';
import type { DecisionPhase, SimEvent } from '../model/event.js';
import type { ActorId } from '../model/ids.js';
import type { RngState, World } from '../model/world.js';
import type { Actor } from '../model/actor.js';
import type { ActorView } from './contract.js';
import { ConfigError, InvalidActionError, messageOf, ProtocolError } from './errors.js';
import { metricsOfRound } from './metrics.js';
import type { RoundMetrics } from './metrics.js';
import type { RoundContext } from './phases/context.js';
import { detectAndAttribute } from './phases/detection.js';
import { applyDiplomacy } from './phases/diplomacy.js';
import type { DiplomacyOrders } from './phases/diplomacy.js';
import { applyInjects } from './phases/injects.js';
import type { OperationOrder } from './phases/injects.js';
import { resolveOperations } from './phases/operations.js';
import { applyResponses, expireRequests } from './phases/responses.js';
import { updateWorld } from './phases/update.js';
import type { Rng, Stream } from './rng.js';
import { StreamSet } from './rng.js';
import { validateAction, validateResponse } from './validate.js';
import { deepFreeze } from './freeze.js';
import { recordable } from './plain.js';
import { ViewFactory, ViewMemo } from './view.js';
import { worldWith } from './world.js';
import { checkWorld } from './world-check.js';
import { describe, isRecord } from '../model/mechanisms.js';
import { everyMember } from '../model/members.js';
import { optionNamesKnown, unknownOptionIssues } from '../model/options.js';
import { policiesValid, policyIssues } from './policies.js';
import type { PolicyName } from './policies.js';

/**
 * One decision the engine needs: which actor, in which phase, what it can see, and (in the
 * responses phase) which request it must answer. `rng` is the actor's own seeded stream; draws
 * from it are counted and logged, so the run replays without asking again.
 *
 * @example
 * ```ts
 * const p = beginRound(world);
 * if (!p.done) for (const need of p.needs) console.log(need.actor, need.phase, need.view.incidents.length);
 * ```
 */
export interface DecisionNeed {
  readonly actor: ActorId;
  readonly phase: DecisionPhase;
  readonly view: ActorView;
  readonly request?: Request;
  readonly rng: Rng;
}

/**
 * A decision given back to the engine, as data. `actions` answers an operations or diplomacy
 * need; `response` answers the request named by `request`. `error` records that the decider
 * failed (the actions are then empty).
 *
 * @example
 * ```ts
 * const d: Decision = { actor: 'US', actions: [{ type: 'adopt-norm', norm: 'gge15.f' }] };
 * const r: Decision = { actor: 'CN', request: 'hq:US:3:0', response: { type: 'deny' } };
 * ```
 */
export type Decision =
  | { readonly actor: ActorId; readonly actions: readonly Action[]; readonly error?: string }
  | { readonly actor: ActorId; readonly request: string; readonly response: Response; readonly error?: string };

/**
 * A round waiting for decisions. Advance it once with {@link submitDecisions}; it cannot be
 * advanced twice (snapshot the world instead to branch).
 *
 * @example
 * ```ts
 * const p: PendingRound | RoundResult = beginRound(world);
 * if (!p.done) p.phase; // 'operations': a fresh round asks for operations first
 * ```
 */
export interface PendingRound {
  readonly done: false;
  readonly round: number;
  readonly phase: DecisionPhase;
  readonly needs: readonly DecisionNeed[];
}

/**
 * A finished round: the new world, the round's events and its metrics.
 *
 * @example
 * ```ts
 * const result: RoundResult = step(world, { US: dove(), CN: hawk() });
 * result.world.round === world.round + 1; // true
 * result.metrics.peakRung;
 * ```
 */
export interface RoundResult {
  readonly done: true;
  readonly round: number;
  readonly world: World;
  readonly events: readonly SimEvent[];
  readonly metrics: RoundMetrics;
}

/**
 * Internal: set by the engine's own loops when nobody but the loop will see a round's results (a
 * run that keeps no log and passes no `onRound`, or a sweep's run, which only counts the events).
 * Freezing is then kept to what strategies can see, which is what immutability protects here:
 * - events are not frozen when they are made: a view deep-freezes the events it shows when a
 *   strategy reads them (view.ts), and the loop freezes the last world, with its `recent` events.
 *   Freezing the events no view and no later world can show (see {@link isRoundOnly}) was ≈ 6% of
 *   a small run, and the others ≈ 2–3% more (docs/performance.md, fourth and sixth passes);
 * - worlds are not deep-frozen before each decision nor at the end of the round; a view freezes
 *   the parts of the world it shares instead (view.ts), and the loop deep-freezes the run's last
 *   world before handing it out. Freezing was ≈ 30% of a small run (docs/performance.md, fifth
 *   pass), most of it on objects that only the engine ever held;
 * - the random streams' states are not saved into each world (see {@link settledWorld});
 * - `incident.investigated` events are not made: no rule, metric, view or results row reads them,
 *   and at 128 actors they were ≈ 200 a round, each with a pass over a posterior
 *   (docs/performance.md, eighth pass). A sweep's row counts other events only.
 * The engine's own code never changes an object once it is in a world (the phases copy); every
 * observed round (a logged run, `step`, `beginRound`, replay, the tests) runs the same code on
 * frozen worlds, where a slip would throw. A symbol, not an option: a caller of `beginRound` or
 * `step` always gets frozen worlds and a frozen log.
 */
export const UNOBSERVED: unique symbol = Symbol('detente.unobserved');

/**
 * Policies of a round. For {@link beginRound} the object itself also says which call a round
 * belongs to: rounds begun with the same object are one call (see beginRound).
 *
 * @example
 * ```ts
 * const options: RoundOptions = { onInvalidAction: 'throw' }; // an invalid action throws an InvalidActionError
 * const pending = beginRound(world, options);
 * ```
 */
export interface RoundOptions {
  /** `'reject'` (default): an invalid action becomes an `action.rejected` event. `'throw'`: an {@link InvalidActionError}. */
  readonly onInvalidAction?: 'reject' | 'throw';
  /** Internal (see {@link UNOBSERVED}). */
  readonly [UNOBSERVED]?: true;
}

/**
 * Internal: a decision phase waiting for its decisions — the engine's state of the round, its
 * needs as parallel lists by position, and the phase's views. `beginRound` and `submitDecisions`
 * hand it out wrapped in a {@link PendingRound}; the engine's own loop (`playRound`, used by
 * `step`) decides it without the wrapper.
 */
export interface OpenPhase {
  readonly done: false;
  readonly ctx: RoundContext;
  readonly world: World;
  readonly phase: DecisionPhase;
  readonly orders: readonly OperationOrder[];
  readonly options: RoundOptions;
  /** Who each need asks, and (responses phase) which request it answers. */
  readonly needActors: readonly ActorId[];
  readonly needRequests: readonly Request[] | undefined;
  /** The strategy stream of each need, and its draw count when the phase asked. */
  readonly streams: readonly Stream[];
  readonly drawsAtStart: readonly number[];
  /** The views of the phase, each made when first asked for. */
  readonly views: ViewFactory;
  /** Responses phase: the requests asked in this pass. */
  readonly asked: ReadonlySet<string>;
  readonly consumed: false;
}

// What stays of an advanced round: the flag alone, so that a pending round a caller still holds
// does not keep its world and events alive.
const CONSUMED = Object.freeze({ consumed: true as const });

/**
 * A pending round as the engine makes it: the public fields, frozen, and the engine's own state in
 * a private field (which freezing does not touch and nothing outside this module can read). Not
 * a WeakMap from pending round to state: V8's scavenger keeps WeakMap entries whose keys are young
 * alive until a full collection, so every round's world and events were copied and promoted
 * (docs/performance.md).
 */
class Pending implements PendingRound {
  readonly done = false as const;
  readonly round: number;
  readonly phase: DecisionPhase;
  readonly needs: readonly DecisionNeed[];
  #state: OpenPhase | typeof CONSUMED;

  constructor(state: OpenPhase, phase: DecisionPhase, needs: readonly DecisionNeed[]) {
    this.round = state.ctx.round;
    this.phase = phase;
    this.needs = needs;
    this.#state = state;
    Object.freeze(this);
  }

  /** The engine's state of this round, once: advancing it leaves only the consumed flag. */
  static take(pending: PendingRound): OpenPhase | typeof CONSUMED | undefined {
    if (!(pending instanceof Pending) || !(#state in pending)) return undefined;
    const st = pending.#state;
    pending.#state = CONSUMED;
    return st;
  }
}
Object.freeze(Pending.prototype);

/**
 * What a finished round hands to the next round of the same run, so that it does not rebuild its
 * random streams from their saved states nor its incident and operation views (DESIGN §8).
 */
interface Carry {
  readonly streams: StreamSet;
  readonly memo: ViewMemo;
}

// One slot: the world the latest round produced, its carry, and the options object of the call
// that played it (the same object for every round of one `runRounds` loop or one replay). Taken
// once: a second step from the same world, or a step from any other world (an earlier one, a
// snapshot, another run), rebuilds the streams from `world.rng`, which gives the same numbers.
// Not a WeakMap keyed by world, for the collector's sake (see Pending); the slot keeps at most one
// world alive.
let handoff: { readonly world: World; readonly carry: Carry; readonly call: RoundOptions } | undefined;

/**
 * The `rng` of a world an unobserved round made: its streams' states were not saved, because the
 * streams live on in the hand-off and only the next round of the same run will use them (saving
 * them was ≈ 3% of a small run; docs/performance.md, fifth pass). {@link settledWorld} writes them
 * before a world leaves the engine's loop; `beginRound` refuses such a world out of its run.
 */
const STREAMS_IN_HANDOFF: Readonly<Record<string, RngState>> = Object.freeze({});

/**
 * Internal: `world` with its random streams' states saved, as every world a caller gets must be
 * (`runRounds` calls it on the last world of an unobserved run). The world itself when they are.
 */
export function settledWorld(world: World): World {
  if (world.rng !== STREAMS_IN_HANDOFF) return world;
  if (handoff === undefined || handoff.world !== world) throw new Error(`internal: the random streams of round ${world.round}'s world were lost`);
  const settled = worldWith(world, { rng: handoff.carry.streams.states() });
  handoff = { world: settled, carry: handoff.carry, call: handoff.call };
  return settled;
}

/**
 * Start the next round of a world: apply its injects and ask for the operations decisions.
 *
 * Rounds begun with the same `options` object, each from the world the one before produced, are one
 * call, as the rounds of one `runRounds` are: a hand-driven loop that passes one options object to
 * every `beginRound` is one run, every round hands each actor the same `rng` (code that keeps
 * it may draw from it in a later round of the loop, and its draws are counted there), and `replay`
 * relies on it (it passes its one options object to every round). Another options object — or
 * none, as the default is a new object each time — starts a new call: the rngs handed out before
 * are retired, and a draw from one throws a {@link ProtocolError}.
 *
 * `options` takes `onInvalidAction` alone (`onStrategyError` belongs to `decideWithStrategies`,
 * which asks the strategies); another name (`onInvalidActon`), a policy that is not `'reject'` or
 * `'throw'`, or options that are not an object, is a {@link ConfigError} naming it
 * (`options.onInvalidActon`), with the names taken and a "did you mean" — it was dropped, and
 * the round ran with the default.
 *
 * @example
 * ```ts
 * let p = beginRound(world);
 * while (!p.done) p = submitDecisions(p, p.needs.map((need) => ({ actor: need.actor, actions: [] })));
 * p.world.round; // world.round + 1
 * ```
 */
export function beginRound(world: World, options: RoundOptions = {}): PendingRound | RoundResult {
  checkWorld(world, 'world', 'beginRound');
  checkRoundOptions(options);
  return pendingOf(startRound(world, options));
}

/**
 * Internal: {@link beginRound} without the check of its options' names, for `replay`, which
 * passes its own options (`rounds`, `verify`: checked once by replay) to every round it plays.
 */
export function beginRoundOf(world: World, options: RoundOptions): PendingRound | RoundResult {
  checkWorld(world, 'world', 'beginRound');
  return pendingOf(startRound(world, options));
}

/**
 * The names {@link beginRound} accepts in its options: every field of {@link RoundOptions}
 * (`everyMember` fails typecheck when the list and the type drift apart; the internal flag is a
 * symbol, which no name check sees).
 */
const ROUND_OPTIONS = everyMember<keyof RoundOptions & string>()(['onInvalidAction']);
/** The policy beginRound takes (onStrategyError is decideWithStrategies's: beginRound asks no strategy). */
const ROUND_POLICIES: readonly PolicyName[] = ['onInvalidAction'];

/**
 * A hand-driven loop may call `beginRound` once per round: with known names and a valid policy,
 * this is a loop over the object's few keys, with nothing allocated. Otherwise every problem at once.
 */
function checkRoundOptions(options: unknown): void {
  if (isRecord(options) && optionNamesKnown(options, ROUND_OPTIONS) && policiesValid(options, ROUND_POLICIES)) return;
  if (!isRecord(options)) throw new ConfigError([{ path: 'options', expected: 'an object { onInvalidAction? }', received: describe(options) }], 'beginRound');
  throw new ConfigError([...unknownOptionIssues(options, ROUND_OPTIONS), ...policyIssues(options, ROUND_POLICIES)], 'beginRound');
}

/**
 * Internal: play one round, deciding each need with `decide` as soon as the phase opens — the
 * engine's own loop (`step`), which needs no pending-round objects between phases. The same
 * phases and records as `beginRound` and `submitDecisions` with the same decisions.
 */
export function playRound(world: World, options: RoundOptions, decider: Decider): RoundResult {
  let st: OpenPhase | RoundResult = startRound(world, options);
  while (!st.done) {
    const phase: OpenPhase = st;
    const decisions: Decision[] = [];
    for (let k = 0; k < phase.needActors.length; k++) decisions.push(decider.decide(phase, k));
    st = advance(phase, decisions, decider);
  }
  return st;
}

/** Internal: how `playRound` decides each need of an open phase. */
export interface Decider {
  /** The decision for need `k`. */
  decide(phase: OpenPhase, k: number): Decision;
  /**
   * The decision that stands for need `k`'s when reading it threw `error` (a getter or a proxy
   * in what the decider returned), or a throw: that is the decider's failure.
   */
  unreadable(phase: OpenPhase, k: number, error: unknown): Decision;
}

function startRound(world: World, options: RoundOptions): OpenPhase {
  let carry: Carry;
  const last = handoff;
  handoff = undefined;
  // The live streams pass to the next round only while nothing has drawn from them since their
  // states were saved in `world` (an unobserved world's states are not saved, but nothing but
  // its own loop runs between its rounds): a strategy that kept its rng could otherwise change a
  // later run by drawing from it between calls, and "the same world gives the same result" would
  // fail. The check reads a flag per live stream, and only in observed rounds.
  if (last !== undefined && last.world === world && (world.rng === STREAMS_IN_HANDOFF || last.carry.streams.untouched())) {
    carry = last.carry;
    // A new call (another options object than the round before) retires the rngs handed out by
    // the last one, so that a strategy that kept one cannot draw from this call's streams: it
    // would not draw from them either had the world been restored from a snapshot.
    if (last.call !== options) carry.streams.retireFacades();
  } else {
    if (world.rng === STREAMS_IN_HANDOFF) throw new Error(`internal: a world of an unobserved round ${world.round} was stepped outside its run`);
    // The rngs handed out from the slot's streams are retired for the same reason; those of
    // older streams draw from sets that no round will use again.
    last?.carry.streams.retireFacades();
    // A world from elsewhere (created, restored, or made by hand) is frozen before the memo may
    // stand its lists and records for their views: only the engine's own worlds go unfrozen.
    deepFreeze(world);
    carry = { streams: new StreamSet(world.seed, world.rng), memo: new ViewMemo() };
  }
  const ctx: RoundContext = {
    round: world.round,
    streams: carry.streams,
    memo: carry.memo,
    events: [],
    start: { agreements: world.agreements, norms: world.norms },
    perceptions: [],
    observed: options[UNOBSERVED] !== true,
  };
  const { world: w, orders } = applyInjects(world, ctx);
  return open(w, ctx, 'operations', orders, options);
}

/**
 * Give the engine the decisions it asked for and run the phases up to the next decision (or to
 * the end of the round). Needs left without a decision count as "no action" (or `ignore`).
 *
 * @example
 * ```ts
 * const pending = beginRound(world); // a fresh round asks for operations first
 * if (!pending.done) {
 *   // US spies on CN; every other actor asked for a decision does nothing this phase.
 *   const next = submitDecisions(pending, [{ actor: 'US', actions: [{ type: 'operate', target: 'CN', kind: 'espionage' }] }]);
 * }
 * ```
 */
export function submitDecisions(pending: PendingRound, decisions: readonly Decision[]): PendingRound | RoundResult {
  const st = Pending.take(pending);
  if (!st) throw new ProtocolError('submitDecisions needs a pending round returned by beginRound or submitDecisions');
  if (st.consumed) throw new ProtocolError(`round ${pending.round}, phase ${pending.phase} was already advanced; snapshot the world to branch a run`);
  const next = advance(st, decisionsByNeed(pending.needs, decisions, st.ctx.round, st.phase), undefined);
  return next.done ? next : pendingOf(next);
}

/**
 * Run the phases from an open phase, given its decisions by need position, up to the next
 * decision phase or the end of the round. A decision that cannot even be read goes to the
 * decider, if the engine's own loop asked it (see {@link Decider.unreadable}).
 */
function advance(st: OpenPhase, byNeed: readonly (Decision | undefined)[], decider: Decider | undefined): OpenPhase | RoundResult {
  const { ctx, options } = st;
  const round = ctx.round;
  const phase = st.phase;
  // Indexed loops over the frozen lists of the round (actors, requests): see frozen arrays in
  // docs/performance.md. The draws a need's decider made from its stream since the phase opened:
  const drawsOf = (k: number) => (st.streams[k] as Stream).draws - (st.drawsAtStart[k] as number);
  const reject = (actor: string, action: unknown, reason: string) => {
    if (options.onInvalidAction === 'throw') throw new InvalidActionError(actor, round, phase, action, reason);
    ctx.events.push({ type: 'action.rejected', round, phase, actor, action, reason });
  };

  if (phase === 'responses') {
    const answers = new Map<string, Response>();
    const drawn = new Set<string>();
    const requests = st.needRequests as readonly Request[];
    for (let k = 0; k < requests.length; k++) {
      const actor = st.needActors[k] as ActorId;
      const req = requests[k] as Request;
      let d = byNeed[k] as Extract<Decision, { request: string }> | undefined;
      const draws = drawn.has(actor) ? 0 : drawsOf(k);
      drawn.add(actor);
      // What is recorded is what replay feeds back, so an unusable answer replays to the same rejection.
      let response: unknown;
      try {
        response = d ? recordable(d.response) : { type: 'ignore' };
      } catch (e) {
        d = unreadable(st, k, e, decider) as Extract<Decision, { request: string }>;
        response = recordable(d.response);
      }
      recordDecision(ctx, actor, phase, { request: req.id, response: response as Response }, draws, d?.error);
      const reason = validateResponse(req, response);
      if (reason) reject(actor, response, reason);
      else answers.set(req.id, response as Response);
    }
    const { world: w5, followUps } = applyResponses(st.world, ctx, st.asked, answers, reject);
    if (followUps.length > 0) return open(w5, ctx, 'responses', [], options, new Set(followUps));
    return finish(expireRequests(w5, ctx), ctx, options);
  }

  // Outside the responses phase the needs are the world's actors, in order (see `open`).
  const actors = st.world.actors;
  const accepted: Action[][] = [];
  for (let k = 0; k < actors.length; k++) {
    const actor = actors[k] as Actor;
    let d = byNeed[k] as Extract<Decision, { actions: readonly Action[] }> | undefined;
    // What is recorded is what replay feeds back: a decision that is not a list (null and
    // undefined included: "no actions" is an empty list) is recorded as given (or as 'not plain
    // data'), so that replay rejects it again in the same way.
    let raw: unknown;
    try {
      raw = d ? recordable(d.actions) : [];
    } catch (e) {
      d = unreadable(st, k, e, decider) as Extract<Decision, { actions: readonly Action[] }>;
      raw = recordable(d.actions);
    }
    const isList = Array.isArray(raw);
    const list = isList ? (raw as Action[]) : [];
    const draws = drawsOf(k);
    if (list.length > 0 || draws > 0 || d?.error !== undefined || !isList) recordDecision(ctx, actor.id, phase, { actions: raw as Action[] }, draws, d?.error);
    if (!isList) reject(actor.id, raw, 'decisions must be a list of actions (plain data)');
    accepted.push(list);
  }

  if (phase === 'operations') {
    const orders: OperationOrder[] = [...st.orders];
    const max = st.world.mechanisms.operations.maxPerRound;
    for (let k = 0; k < actors.length; k++) {
      const actor = actors[k] as Actor;
      const list = accepted[k] as Action[];
      let count = 0;
      for (let j = 0; j < list.length; j++) {
        const action = list[j] as Action;
        const reason = validateAction(st.world, actor.id, phase, action);
        if (reason) reject(actor.id, action, reason);
        else if (count >= max) reject(actor.id, action, `more than ${max} operations in one round`);
        else {
          count++;
          orders.push({ principal: actor.id, action: action as Extract<Action, { type: 'operate' }> });
        }
      }
    }
    const { world: w2, operations } = resolveOperations(st.world, ctx, orders);
    const w3 = detectAndAttribute(w2, ctx, operations);
    return open(w3, ctx, 'diplomacy', [], options);
  }

  const orders: DiplomacyOrders[] = [];
  for (let k = 0; k < actors.length; k++) {
    orders.push({ actor: (actors[k] as Actor).id, actions: accepted[k] as DiplomacyAction[] });
  }
  const w4 = applyDiplomacy(st.world, ctx, orders, (w, actor, action) => {
    const reason = validateAction(w, actor, 'diplomacy', action);
    if (reason && options.onInvalidAction === 'throw') throw new InvalidActionError(actor, round, phase, action, reason);
    return reason;
  });
  const requests = w4.requests;
  if (requests.length === 0) return finish(w4, ctx, options);
  const asked = new Set<string>();
  for (let k = 0; k < requests.length; k++) asked.add((requests[k] as Request).id);
  return open(w4, ctx, 'responses', [], options, asked);
}

/**
 * What stands for need `k`'s decision when reading it threw: the decider's answer in the engine's
 * own loop; from `submitDecisions`, whose caller made the decision, a {@link ProtocolError}.
 */
function unreadable(st: OpenPhase, k: number, error: unknown, decider: Decider | undefined): Decision {
  if (decider) return decider.unreadable(st, k, error);
  throw new ProtocolError(`round ${st.ctx.round}, phase ${st.phase}: the decision for ${st.needActors[k]} cannot be read: ${messageOf(error)}`, { cause: error });
}

/**
 * The decision given for each need, by the need's position (undefined where none was given).
 * Decisions that answer the needs one by one, in order (what `step` and replay give), are used as
 * they are; any other list is matched by actor (and request), and a decision nobody asked for or
 * a second one for the same need is a {@link ProtocolError}. Building the keyed set and map for
 * every phase was ≈ 2–3% of a small run (docs/performance.md, ninth pass).
 */
function decisionsByNeed(
  needs: readonly DecisionNeed[],
  decisions: readonly Decision[],
  round: number,
  phase: DecisionPhase,
): readonly (Decision | undefined)[] {
  if (decisions.length === needs.length) {
    let aligned = true;
    for (let k = 0; k < needs.length && aligned; k++) {
      const n = needs[k] as DecisionNeed;
      const d = decisions[k] as Decision;
      aligned = d.actor === n.actor && (n.request ? 'request' in d && d.request === n.request.id : !('request' in d));
    }
    if (aligned) return decisions;
  }
  const position = new Map<string, number>();
  for (let k = 0; k < needs.length; k++) {
    const n = needs[k] as DecisionNeed;
    position.set(n.request ? `${n.actor}\u0000${n.request.id}` : n.actor, k);
  }
  const byNeed: (Decision | undefined)[] = new Array<Decision | undefined>(needs.length).fill(undefined);
  for (const d of decisions) {
    const answers = 'request' in d;
    const k = position.get(answers ? `${d.actor}\u0000${d.request}` : d.actor);
    if (k === undefined) throw new ProtocolError(`round ${round}, phase ${phase}: no decision was asked of ${d.actor}${answers ? ` for request ${d.request}` : ''}`);
    if (byNeed[k] !== undefined) throw new ProtocolError(`round ${round}, phase ${phase}: two decisions for ${d.actor}${answers ? ` on ${d.request}` : ''}`);
    byNeed[k] = d;
  }
  return byNeed;
}

/** The requests of a phase that asks none (operations, diplomacy). */
const NO_REQUESTS: ReadonlySet<string> = new Set();

/** Open a decision phase: its views, and who must decide (every actor, or each asked request's addressee). */
function open(
  world: World,
  ctx: RoundContext,
  phase: DecisionPhase,
  orders: readonly OperationOrder[],
  options: RoundOptions,
  asked: ReadonlySet<string> = NO_REQUESTS,
): OpenPhase {
  // Views share objects with the world and with this round's events, and each view freezes what it
  // shares (view.ts): a strategy must not be able to change the world or the log through its view.
  // An observed round freezes the whole world here as well, so that any slip of the engine's own
  // code (changing an object made earlier in the round) throws where the tests run. Already-frozen
  // parts are skipped at once.
  if (ctx.observed) {
    deepFreeze(world);
    freezeNewEvents(ctx);
  }
  // The events a view may show: the previous round's and this round's so far (the view copies
  // them only if a strategy reads them).
  const views = new ViewFactory(world, phase, ctx.round, world.recent, ctx.events, ctx.events.length, ctx.memo);
  const drawsAtStart: number[] = [];
  if (phase !== 'responses') {
    // Every actor, in order: the same ids and streams from phase to phase (see strategyStreams).
    const { ids, streams } = ctx.streams.strategyStreams(world.actors);
    for (let k = 0; k < streams.length; k++) drawsAtStart.push((streams[k] as Stream).draws);
    return { done: false, ctx, world, phase, orders, options, needActors: ids, needRequests: undefined, streams, drawsAtStart, views, asked, consumed: false };
  }
  const needActors: ActorId[] = [];
  const needRequests: Request[] = [];
  const streams: Stream[] = [];
  const requests = world.requests;
  for (let k = 0; k < requests.length; k++) {
    const req = requests[k] as Request;
    if (!asked.has(req.id)) continue;
    // An actor answering several requests has one stream for all (the same facade each time).
    const s = ctx.streams.of(req.to, 'strategy');
    needActors.push(req.to);
    needRequests.push(deepFreeze(req));
    streams.push(s);
    drawsAtStart.push(s.draws);
  }
  return { done: false, ctx, world, phase, orders, options, needActors, needRequests, streams, drawsAtStart, views, asked, consumed: false };
}

/** An open phase as a caller of `beginRound` and `submitDecisions` gets it: frozen needs behind a pending round. */
function pendingOf(st: OpenPhase): PendingRound {
  const needs: DecisionNeed[] = [];
  const { phase, views, needActors, needRequests } = st;
  for (let k = 0; k < needActors.length; k++) {
    const actor = needActors[k] as ActorId;
    const rng = (st.streams[k] as Stream).facade();
    const request = needRequests?.[k];
    needs.push(request ? Object.freeze({ actor, phase, view: views.view(actor), request, rng }) : new LazyNeed(actor, phase, rng, views));
  }
  return new Pending(st, phase, Object.freeze(needs));
}

/**
 * A need whose view is built on first read (a decider that does not look costs nothing). A frozen
 * class rather than an object literal with a getter, which V8 would make in dictionary mode.
 */
class LazyNeed implements DecisionNeed {
  readonly actor: ActorId;
  readonly phase: DecisionPhase;
  readonly rng: Rng;
  readonly #views: ViewFactory;

  constructor(actor: ActorId, phase: DecisionPhase, rng: Rng, views: ViewFactory) {
    this.actor = actor;
    this.phase = phase;
    this.rng = rng;
    this.#views = views;
    Object.freeze(this);
  }

  get view(): ActorView {
    return this.#views.view(this.actor);
  }
}
Object.freeze(LazyNeed.prototype);
Object.freeze(LazyNeed);

/**
 * The events that stay inside their round: hidden truth and replay records, which no view shows
 * and the next world's `recent` leaves out. Only the round's result (the log) holds them.
 */
function isRoundOnly(e: SimEvent): boolean {
  const t = e.type;
  return t === 'operation.conducted' || t === 'incident.detected' || t === 'incident.investigated' || t === 'decision.made';
}

/** Deep-freeze the round's events added since the last call (observed rounds): events are only appended, so the earlier ones are frozen already. */
function freezeNewEvents(ctx: RoundContext): void {
  const events = ctx.events;
  for (let k = ctx.frozenEvents ?? 0; k < events.length; k++) deepFreeze(events[k] as SimEvent);
  ctx.frozenEvents = events.length;
}

function finish(world: World, ctx: RoundContext, options: RoundOptions): RoundResult {
  const updated = updateWorld(world, ctx);
  if (ctx.observed) freezeNewEvents(ctx);
  // Filtered before the list is frozen: filter is many times slower on a frozen array.
  const recent = ctx.events.filter((e) => !isRoundOnly(e));
  const events = Object.freeze(ctx.events);
  const next = worldWith(updated, {
    recent,
    rng: ctx.observed ? ctx.streams.states() : STREAMS_IN_HANDOFF,
  });
  // Unobserved, the loop freezes the run's last world (see UNOBSERVED).
  if (ctx.observed) deepFreeze(next);
  handoff = { world: next, carry: { streams: ctx.streams, memo: ctx.memo }, call: options };
  return Object.freeze({ done: true, round: ctx.round, world: next, events, metrics: Object.freeze(metricsOfRound(next, events)) });
}

function recordDecision(
  ctx: RoundContext,
  actor: string,
  phase: DecisionPhase,
  what: { readonly actions: readonly Action[] } | { readonly request: string; readonly response: Response },
  draws: number,
  error: string | undefined,
): void {
  const round = ctx.round;
  // One literal per shape, its keys in the log's order, rather than spreads: a spread is copied
  // key by key on a slow path, and this runs for most decisions of a run.
  let event: SimEvent;
  if ('actions' in what) {
    const actions = what.actions;
    event =
      error === undefined
        ? { type: 'decision.made', round, phase, actor, decision: phase, actions, draws }
        : { type: 'decision.made', round, phase, actor, decision: phase, actions, draws, error };
  } else {
    const { request, response } = what;
    event =
      error === undefined
        ? { type: 'decision.made', round, phase, actor, decision: phase, request, response, draws }
        : { type: 'decision.made', round, phase, actor, decision: phase, request, response, draws, error };
  }
  ctx.events.push(event);
  if (error !== undefined) ctx.events.push({ type: 'strategy.failed', round, phase, actor, decision: phase, message: error });
}
