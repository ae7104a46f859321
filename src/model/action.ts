import type { ActorId, NormId } from './ids.js';
import type { OperationKind, OperationTarget } from './operation.js';
import type { Commitment, SanctionMeasure } from './agreement.js';
import { everyMember } from './members.js';

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
  /** Espionage for commercial gain (what a no-commercial-theft commitment forbids). */
  readonly commercial?: boolean;
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

/** The kinds of overt retaliation. @example `RETALIATION_KINDS.includes('espionage') // false` */
export const RETALIATION_KINDS: readonly RetaliateAction['kind'][] = everyMember<RetaliateAction['kind']>()(['disruption', 'degradation']);

/** Deny responsibility publicly for an incident one has been accused of. @example `{ type: 'deny', accusation: 'acc-2' }` */
export interface DenyAction {
  readonly type: 'deny';
  readonly accusation: string;
}

/**
 * Open bilateral talks with an offer. The target answers in the responses phase (accept, reject,
 * counter, walk out); offers alternate until a deal, a refusal or the deadline (in rounds; default
 * `mechanisms.talks.deadline`).
 *
 * @example
 * ```ts
 * const p: ProposeTalksAction = { type: 'propose-talks', target: 'CN', terms: [{ kind: 'hotline' }, { kind: 'no-commercial-theft' }] };
 * ```
 */
export interface ProposeTalksAction {
  readonly type: 'propose-talks';
  readonly target: ActorId;
  readonly terms: readonly Commitment[];
  readonly deadline?: number;
}

/** Ask another actor for help investigating an incident. @example `{ type: 'request-assistance', target: 'JP', incident: 'inc:US:3:0' }` */
export interface RequestAssistanceAction {
  readonly type: 'request-assistance';
  readonly target: ActorId;
  readonly incident: string;
}

/** Table a package of norms in a forum in session (members only). @example `{ type: 'table-package', forum: 'gge', norms: ['gge15.f', 'gge15.k'] }` */
export interface TablePackageAction {
  readonly type: 'table-package';
  readonly forum: string;
  readonly norms: readonly NormId[];
}

/** Threaten sanctions unless a stated condition is met (L3). @example `{ type: 'threaten-sanctions', target: 'CN', measure: 'economic', unless: 'stop commercial theft' }` */
export interface ThreatenSanctionsAction {
  readonly type: 'threaten-sanctions';
  readonly target: ActorId;
  readonly measure: SanctionMeasure;
  readonly unless?: string;
}

/** Suspend, or resume, the scheduled dialogue with another actor. @example `{ type: 'suspend-dialogue', target: 'CN' }` */
export interface DialogueAction {
  readonly type: 'suspend-dialogue' | 'resume-dialogue';
  readonly target: ActorId;
}

/** Withdraw from an agreement one is party to. @example `{ type: 'withdraw', agreement: 'ag:8:0' }` */
export interface WithdrawAction {
  readonly type: 'withdraw';
  readonly agreement: string;
}

/** Do nothing (explicitly). @example `{ type: 'pass' }` */
export interface PassAction {
  readonly type: 'pass';
}

/**
 * Anything a strategy may return from `diplomacy`.
 *
 * @example
 * ```ts
 * const moves: DiplomacyAction[] = [{ type: 'adopt-norm', norm: 'gge15.f' }, { type: 'hotline-query', target: 'CN', incident: 'inc-3' }];
 * ```
 */
export type DiplomacyAction =
  | AccuseAction
  | HotlineQueryAction
  | SanctionAction
  | LiftSanctionAction
  | AdoptNormAction
  | ShareInformationAction
  | RetaliateAction
  | DenyAction
  | ProposeTalksAction
  | RequestAssistanceAction
  | TablePackageAction
  | ThreatenSanctionsAction
  | DialogueAction
  | WithdrawAction
  | PassAction;

/**
 * Any action. The union grows with new mechanisms; switch on `type`.
 *
 * @example
 * ```ts
 * function describeAction(a: Action): string {
 *   return a.type === 'operate' ? `${a.kind} against ${a.target}` : a.type;
 * }
 * ```
 */
export type Action = OperateAction | DiplomacyAction;

/** The types of diplomacy actions. @example `DIPLOMACY_ACTION_TYPES.includes('accuse')` */
export const DIPLOMACY_ACTION_TYPES = everyMember<DiplomacyAction['type']>()([
  'accuse',
  'hotline-query',
  'sanction',
  'lift-sanction',
  'adopt-norm',
  'share-information',
  'retaliate',
  'deny',
  'propose-talks',
  'request-assistance',
  'table-package',
  'threaten-sanctions',
  'suspend-dialogue',
  'resume-dialogue',
  'withdraw',
  'pass',
]);

/**
 * Something addressed to an actor that waits for its answer in the responses phase.
 *
 * @example
 * ```ts
 * const kind: RequestKind = 'accusation';
 * const accusations = view.requests.filter((r) => r.kind === kind);
 * ```
 */
export type RequestKind = 'accusation' | 'hotline-query' | 'assistance' | 'proposal' | 'forum-vote';

/** All request kinds. @example `REQUEST_KINDS.includes('proposal') // true` */
export const REQUEST_KINDS: readonly RequestKind[] = everyMember<RequestKind>()(['accusation', 'hotline-query', 'assistance', 'proposal', 'forum-vote']);

/**
 * An incident as a requester describes it (never with its true author).
 *
 * @example
 * ```ts
 * const ref: IncidentRef = { id: 'inc-3', round: 4, kind: 'espionage', severity: 3, confidence: 0.82 };
 * const unsure = request.kind === 'accusation' && request.incident.confidence < 0.5;
 * ```
 */
export interface IncidentRef {
  readonly id: string;
  readonly round: number;
  readonly kind: OperationKind;
  readonly severity: number;
  /** The requester's posterior on the addressee. */
  readonly confidence: number;
}

interface RequestBase {
  readonly id: string;
  readonly from: ActorId;
  readonly to: ActorId;
  /** Round it was made. */
  readonly round: number;
  /** Last round in which it can be answered; unanswered after that, it expires as unanswered. */
  readonly due: number;
}

/**
 * An open request as its addressee sees it: an accusation, a hotline query, a request for
 * assistance, an offer in talks, or a forum vote. Switch on `kind`.
 *
 * @example
 * ```ts
 * const respond: Strategy['respond'] = (request, view) => {
 *   if (request.kind === 'proposal') return { type: 'accept' };
 *   if (request.kind === 'forum-vote') return { type: 'accept' };
 *   return { type: 'deny' };
 * };
 * ```
 */
export type Request =
  | (RequestBase & { readonly kind: 'accusation'; readonly incident: IncidentRef; readonly public: boolean; readonly formal: boolean })
  | (RequestBase & { readonly kind: 'hotline-query'; readonly incident: IncidentRef })
  | (RequestBase & { readonly kind: 'assistance'; readonly incident: IncidentRef })
  | (RequestBase & { readonly kind: 'proposal'; readonly talks: string; readonly terms: readonly Commitment[]; readonly deadline: number })
  | (RequestBase & { readonly kind: 'forum-vote'; readonly forum: string; readonly norms: readonly NormId[] });

/**
 * An answer to a request.
 * - accusations, hotline queries: `deny` ("not us"), `cooperate` (deny and open one's logs — a
 *   stronger signal), `acknowledge` (admit it), `ignore`;
 * - requests for assistance: `cooperate` (help), `deny` (refuse), `ignore` (not now);
 * - offers in talks: `accept`, `reject` (end the talks), `counter` (a new offer), `walk-out`, `ignore` (not now);
 * - forum votes: `accept`, `reject` (object), `ignore` (abstain).
 *
 * @example
 * ```ts
 * const r: Response = { type: 'counter', terms: [{ kind: 'hotline' }] };
 * ```
 */
export type Response =
  | { readonly type: 'deny' | 'cooperate' | 'acknowledge' | 'ignore' | 'accept' | 'reject' | 'walk-out' }
  | { readonly type: 'counter'; readonly terms: readonly Commitment[] };

/** Every response type. @example `RESPONSE_TYPES.includes('deny')` */
export const RESPONSE_TYPES = everyMember<Response['type']>()(['deny', 'cooperate', 'acknowledge', 'ignore', 'accept', 'reject', 'counter', 'walk-out']);

/**
 * The answers that make sense for each kind of request.
 *
 * @example
 * ```ts
 * RESPONSES_BY_KIND.proposal; // ['accept', 'reject', 'counter', 'walk-out', 'ignore']
 * ```
 */
export const RESPONSES_BY_KIND: Readonly<Record<RequestKind, readonly Response['type'][]>> = Object.freeze({
  accusation: Object.freeze(['deny', 'cooperate', 'acknowledge', 'ignore'] as const),
  'hotline-query': Object.freeze(['deny', 'cooperate', 'acknowledge', 'ignore'] as const),
  assistance: Object.freeze(['cooperate', 'deny', 'ignore'] as const),
  proposal: Object.freeze(['accept', 'reject', 'counter', 'walk-out', 'ignore'] as const),
  'forum-vote': Object.freeze(['accept', 'reject', 'ignore'] as const),
});
