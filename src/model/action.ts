import type { ActorId, NormId } from './ids.js';
import type { OperationKind, OperationTarget } from './operation.js';
import type { SanctionMeasure } from './agreement.js';

/**
 * A covert operation a strategy orders in the operations phase.
 *
 * @example
 * ```ts
 * const op: OperateAction = { type: 'operate', target: 'US', kind: 'espionage' };
 * const viaProxy: OperateAction = { type: 'operate', target: 'US', kind: 'disruption', via: 'APT-X' };
 * ```
 */
export interface OperateAction {
  readonly type: 'operate';
  readonly target: ActorId;
  readonly kind: OperationKind;
  /** Default `networks`. */
  readonly against?: OperationTarget;
  /** Carry it out through this proxy (must be the actor's own proxy). */
  readonly via?: ActorId;
  /** Plant evidence pointing at this actor. */
  readonly falseFlag?: ActorId;
}

/**
 * Attribute an incident to an actor. `public: false` is a private démarche (L1); `public: true` a
 * public accusation (L2); `formal: true` a formal attribution with a threat of sanctions (L3).
 *
 * @example
 * ```ts
 * const a: AccuseAction = { type: 'accuse', target: 'CN', incident: 'inc-3', public: true };
 * ```
 */
export interface AccuseAction {
  readonly type: 'accuse';
  readonly target: ActorId;
  readonly incident: string;
  readonly public: boolean;
  readonly formal?: boolean;
}

/** Ask the other side over the hotline about an incident (only where a hotline exists). @example `{ type: 'hotline-query', target: 'CN', incident: 'inc-3' }` */
export interface HotlineQueryAction {
  readonly type: 'hotline-query';
  readonly target: ActorId;
  readonly incident: string;
}

/** Impose a sanction (states only). @example `{ type: 'sanction', target: 'CN', measure: 'economic' }` */
export interface SanctionAction {
  readonly type: 'sanction';
  readonly target: ActorId;
  readonly measure: SanctionMeasure;
}

/** Lift every sanction this actor has in force on the target. @example `{ type: 'lift-sanction', target: 'CN' }` */
export interface LiftSanctionAction {
  readonly type: 'lift-sanction';
  readonly target: ActorId;
}

/** Adopt a norm unilaterally. @example `{ type: 'adopt-norm', norm: 'gge15.f' }` */
export interface AdoptNormAction {
  readonly type: 'adopt-norm';
  readonly norm: NormId;
}

/** Share what one knows about an incident with another actor. @example `{ type: 'share-information', target: 'JP', incident: 'inc-3' }` */
export interface ShareInformationAction {
  readonly type: 'share-information';
  readonly target: ActorId;
  readonly incident: string;
}

/**
 * Overt retaliation: a disruptive (L5) or degrading (L6) strike the target knows comes from the
 * retaliator. @example `{ type: 'retaliate', target: 'CN', kind: 'disruption', incident: 'inc-3' }`
 */
export interface RetaliateAction {
  readonly type: 'retaliate';
  readonly target: ActorId;
  readonly kind: 'disruption' | 'degradation';
  readonly incident?: string;
}

/** Deny responsibility publicly for an incident one has been accused of. @example `{ type: 'deny', accusation: 'acc-2' }` */
export interface DenyAction {
  readonly type: 'deny';
  readonly accusation: string;
}

/** Do nothing (explicitly). @example `{ type: 'pass' }` */
export interface PassAction {
  readonly type: 'pass';
}

/** Anything a strategy may return from `diplomacy`. */
export type DiplomacyAction =
  | AccuseAction
  | HotlineQueryAction
  | SanctionAction
  | LiftSanctionAction
  | AdoptNormAction
  | ShareInformationAction
  | RetaliateAction
  | DenyAction
  | PassAction;

/** Any action. The union grows with new mechanisms; switch on `type`. */
export type Action = OperateAction | DiplomacyAction;

/** The types of diplomacy actions. @example `DIPLOMACY_ACTION_TYPES.includes('accuse')` */
export const DIPLOMACY_ACTION_TYPES = Object.freeze([
  'accuse',
  'hotline-query',
  'sanction',
  'lift-sanction',
  'adopt-norm',
  'share-information',
  'retaliate',
  'deny',
  'pass',
] as const);

/** Something addressed to an actor that waits for its answer in the responses phase. */
export type RequestKind = 'accusation' | 'hotline-query';

/**
 * An open request as its addressee sees it.
 *
 * @example
 * ```ts
 * // in a strategy's respond(): if (request.kind === 'hotline-query' && !iDidIt) return { type: 'cooperate' };
 * ```
 */
export interface Request {
  readonly id: string;
  readonly kind: RequestKind;
  readonly from: ActorId;
  readonly to: ActorId;
  readonly round: number;
  /** The incident in question, as the requester describes it (never its true author). */
  readonly incident: { readonly id: string; readonly round: number; readonly kind: OperationKind; readonly severity: number; readonly confidence: number };
  readonly public: boolean;
  readonly formal: boolean;
}

/**
 * An answer to a request. `deny`: "not us"; `cooperate`: deny and open one's logs (a stronger
 * signal); `acknowledge`: admit it; `ignore`: leave it unanswered (it costs trust).
 *
 * @example
 * ```ts
 * const r: Response = { type: 'deny' };
 * ```
 */
export interface Response {
  readonly type: 'deny' | 'cooperate' | 'acknowledge' | 'ignore';
}

/** The response types. @example `RESPONSE_TYPES.includes('deny')` */
export const RESPONSE_TYPES = Object.freeze(['deny', 'cooperate', 'acknowledge', 'ignore'] as const);
