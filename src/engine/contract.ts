import type { DiplomacyAction, OperateAction, Request, Response } from '../model/action.js';
import type { ActorKind } from '../model/actor.js';
import type { Agreement, Dialogue, Forum, Sanction, SanctionThreat, Talks } from '../model/agreement.js';
import type { Capabilities } from '../model/capability.js';
import type { DecisionPhase, EventOf, SimEvent } from '../model/event.js';
import type { ActorId, NormId } from '../model/ids.js';
import type { Mechanisms } from '../model/mechanisms.js';
import type { OperationKind, OperationTarget } from '../model/operation.js';
import type { Rng } from './rng.js';

/**
 * Classifier metadata of a strategy, in the style of Axelrod's: what the strategy does, so that
 * tournaments can group strategies and the conformance suite can check behaviour against it.
 *
 * @example
 * ```ts
 * const meta: StrategyMeta = { stochastic: false, retaliatory: true, forgiving: true, attributionSensitive: true };
 * ```
 */
export interface StrategyMeta {
  /** Uses its random stream. A non-stochastic strategy must not draw. */
  readonly stochastic: boolean;
  /** May retaliate (sanction or strike back) after incidents. */
  readonly retaliatory: boolean;
  /** Returns to cooperation after a punishment. */
  readonly forgiving: boolean;
  /** Its reactions depend on the confidence of its attributions. */
  readonly attributionSensitive: boolean;
  /** Conducts covert operations unprovoked. */
  readonly aggressive?: boolean;
  /** Pushes norms (adopts and promotes them). */
  readonly normEntrepreneur?: boolean;
  /** A one-line description for listings. */
  readonly description?: string;
}

/**
 * A pluggable policy for one actor. It sees only its {@link ActorView} and returns actions as
 * data; the engine validates them and is the only thing that changes the world. A function that
 * throws, or returns what cannot be read (a getter or a proxy that throws), fails: a
 * `StrategyError` naming actor, round and phase, or a `strategy.failed` event under
 * `onStrategyError: 'reject'`. The `rng` a call is given is for that call's run only (see {@link Rng}).
 *
 * Build one with `defineStrategy`.
 *
 * @example
 * ```ts
 * const quiet: Strategy = defineStrategy({ name: 'quiet', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false } });
 * const run = simulate(spec, { seed: 1, rounds: 6, strategies: { US: quiet } });
 * ```
 */
export interface Strategy {
  readonly name: string;
  readonly meta: StrategyMeta;
  /**
   * The parameters it was built with, when the factory registered under `name` rebuilds it from
   * them (`registry.get(name, params)`): the built-ins set them, `defineStrategy({ params })` too.
   * A world records them, so a world continued without its strategies plays the same one; a
   * strategy object without them must be passed again.
   */
  readonly params?: Readonly<Record<string, number>>;
  /**
   * Covert operations for this round: a list, empty for none. Anything else (`null` and
   * `undefined` included) is rejected as an invalid decision (`action.rejected`).
   */
  operate(view: ActorView, rng: Rng): readonly OperateAction[];
  /** Accusations, hotline queries, sanctions, norms, retaliation…: a list, empty for none (as for `operate`). */
  diplomacy(view: ActorView, rng: Rng): readonly DiplomacyAction[];
  /** Answer a request addressed to this actor (`{ type: 'ignore' }` to leave it unanswered; anything that is not a response is rejected). */
  respond(request: Request, view: ActorView, rng: Rng): Response;
}

/**
 * What anyone may know about an actor. `sponsor` is present only in a proxy's own view and its sponsor's.
 *
 * @example
 * ```ts
 * const proxies: PublicActor[] = view.actors.filter((a) => a.kind === 'proxy');
 * view.actor('CN')?.capabilities.offense;
 * ```
 */
export interface PublicActor {
  readonly id: ActorId;
  readonly name: string;
  readonly kind: ActorKind;
  readonly capabilities: Capabilities;
  readonly sponsor?: ActorId;
}

/**
 * One of the viewer's incidents, as the viewer perceives it. Never carries the true author unless
 * the engine revealed it (`revealed`).
 *
 * @example
 * ```ts
 * const confident = view.incidents.filter((i) => i.suspect !== null && i.confidence > 0.8);
 * const blameCN = view.incidents.map((i) => i.posterior('CN'));
 * ```
 */
export interface IncidentView {
  readonly id: string;
  readonly round: number;
  readonly kind: OperationKind;
  readonly against: OperationTarget;
  readonly severity: number;
  /** Suspect named by each forensic signal so far. */
  readonly signals: readonly (ActorId | null)[];
  /** Most likely author (excluding "nobody"), or null. */
  readonly suspect: ActorId | null;
  /** Posterior probability of `suspect`. */
  readonly confidence: number;
  /** Posterior probability that it was a false alarm. */
  readonly nobody: number;
  /** Posterior probability that `actor` did it. */
  posterior(actor: ActorId): number;
  /** Investigation rounds still to come. */
  readonly investigation: number;
  readonly revealed: ActorId | null;
}

/**
 * One of the viewer's own operations (an actor knows what it did).
 *
 * @example
 * ```ts
 * const spiedOn = view.operations.filter((o) => o.kind === 'espionage' && o.success).map((o) => o.target);
 * ```
 */
export interface OwnOperationView {
  readonly round: number;
  readonly target: ActorId;
  readonly kind: OperationKind;
  readonly against: OperationTarget;
  readonly via: ActorId | null;
  readonly success: boolean;
}

/**
 * A forum as anyone sees it: its members, rule and remaining agenda, and whether it sits this round.
 *
 * @example
 * ```ts
 * const sitting = view.forums.filter((f) => f.inSession && f.members.includes(view.self));
 * ```
 */
export interface ForumView extends Forum {
  readonly inSession: boolean;
}

/**
 * Everything one actor knows when it decides: its own state, its incidents and posteriors, public
 * events, its agreements and open requests. Read-only (frozen); dyad numbers are read through
 * accessor functions, never as arrays. The lists (agreements, talks, dialogues, forums, incidents,
 * operations, requests, events) are made on first read, so a strategy pays only for what it
 * looks at; `JSON.stringify(view)` prints them (all but `events`), while a spread (`{ ...view }`)
 * copies only the other fields: copy a view with {@link viewWith} to hand it on changed.
 *
 * @example
 * ```ts
 * const diplomacy: Strategy['diplomacy'] = (view) =>
 *   view.incidents
 *     .filter((i) => i.round === view.round && i.suspect && i.confidence > 0.8)
 *     .map((i) => ({ type: 'accuse', target: i.suspect!, incident: i.id, public: false }));
 * ```
 */
export interface ActorView {
  readonly round: number;
  readonly phase: DecisionPhase;
  readonly self: ActorId;
  readonly me: PublicActor;
  /** Every actor, sorted by id (including the viewer). */
  readonly actors: readonly PublicActor[];
  /** The public record of an actor, or undefined for an unknown id (constant time). */
  actor(id: ActorId): PublicActor | undefined;
  readonly mechanisms: Mechanisms;
  /** The viewer's trust in `other`, in (0, 1). */
  trust(other: ActorId): number;
  /** Richardson tension of `from` towards `to` (publicly observable posture). */
  tension(from: ActorId, to: ActorId): number;
  /** Escalation score of `other`'s acts towards the viewer, as the viewer perceived them. */
  perceivedEscalation(other: ActorId): number;
  /** Public ladder rung of the dyad (the higher of the two directions), 0–7. */
  rung(a: ActorId, b: ActorId): number;
  hasHotline(other: ActorId): boolean;
  /** Norms adopted by an actor (public). */
  norms(actor: ActorId): readonly NormId[];
  /** Agreements in force to which the viewer is party. */
  readonly agreements: readonly Agreement[];
  /** Every sanction in force (public). */
  readonly sanctions: readonly Sanction[];
  /** Every standing threat of sanctions (public). */
  readonly threats: readonly SanctionThreat[];
  /** Talks under way to which the viewer is party. */
  readonly talks: readonly Talks[];
  /** Scheduled dialogues to which the viewer is party. */
  readonly dialogues: readonly Dialogue[];
  /** Every forum, with whether it sits this round. */
  readonly forums: readonly ForumView[];
  /** The viewer's incidents under investigation or detected recently. */
  readonly incidents: readonly IncidentView[];
  /** The viewer's own recent operations. */
  readonly operations: readonly OwnOperationView[];
  /** Requests addressed to the viewer that wait for an answer. */
  readonly requests: readonly Request[];
  /** Events the viewer may see, from the previous round and this round so far (hidden truth removed: see {@link VisibleEvent}). */
  readonly events: readonly VisibleEvent[];
  /** The viewer's accumulated welfare. */
  readonly welfare: number;
}

/**
 * An event as a view shows it: the event itself, except that a perceived violation comes without
 * `real` (whether the suspect really did it), which is hidden truth kept for reports.
 *
 * @example
 * ```ts
 * const diplomacy: Strategy['diplomacy'] = (view) => {
 *   const grievances = view.events.filter((e) => e.type === 'violation.perceived' && e.by === view.self);
 *   return [];
 * };
 * ```
 */
export type VisibleEvent = Exclude<SimEvent, { readonly type: 'violation.perceived' }> | Omit<EventOf<'violation.perceived'>, 'real'>;
