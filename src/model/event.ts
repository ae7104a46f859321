import type { Action, Response, RequestKind } from './action.js';
import type { Agreement, Commitment, CommitmentKind, Sanction, SanctionThreat } from './agreement.js';
import type { ActorId, NormId } from './ids.js';
import type { Inject } from './inject.js';
import { everyMember } from './members.js';
import type { Operation, OperationKind, OperationTarget } from './operation.js';

/** The phases of a round, in order (DESIGN §2). @example `PHASES[1] // 'operations'` */
export const PHASES = Object.freeze(['injects', 'operations', 'detection', 'diplomacy', 'responses', 'update'] as const);

/**
 * One phase of a round.
 *
 * @example
 * ```ts
 * const phase: Phase = 'detection';
 * PHASES.indexOf(phase); // 2
 * ```
 */
export type Phase = (typeof PHASES)[number];

/** The phases in which actors decide. @example `const p: DecisionPhase = 'diplomacy';` */
export type DecisionPhase = 'operations' | 'diplomacy' | 'responses';

/** The decision phases, in round order. @example `DECISION_PHASES[0] // 'operations'` */
export const DECISION_PHASES: readonly DecisionPhase[] = everyMember<DecisionPhase>()(['operations', 'diplomacy', 'responses']);

/**
 * The outcome of a forum vote on one package.
 *
 * @example
 * ```ts
 * const vote: ForumVote = { forum: 'gge', norms: ['gge15.f'], accepted: ['CN', 'US'], holdouts: ['RU'], abstained: [] };
 * const failed = run.log.filter((e) => e.type === 'forum.failed').map((e) => e.holdouts);
 * ```
 */
export interface ForumVote {
  readonly forum: string;
  readonly norms: readonly NormId[];
  readonly accepted: readonly ActorId[];
  /** Members that objected. */
  readonly holdouts: readonly ActorId[];
  readonly abstained: readonly ActorId[];
}

interface Stamp<T extends string> {
  readonly type: T;
  readonly round: number;
  readonly phase: Phase;
}

/**
 * Everything that happens in a run, as data. The log holds the whole truth (covert operations,
 * hidden links); {@link isVisibleTo} says which events an actor may see.
 *
 * @example
 * ```ts
 * const accusations = run.log.filter((e) => e.type === 'accusation.made');
 * ```
 */
export type SimEvent =
  | (Stamp<'inject.applied'> & { readonly inject: Inject })
  | (Stamp<'decision.made'> & {
      readonly actor: ActorId;
      readonly decision: DecisionPhase;
      readonly actions?: readonly Action[];
      readonly request?: string;
      readonly response?: Response;
      /** Draws the decider took from its random stream (replay skips them). */
      readonly draws: number;
      /** Set when the decider failed and the run's policy went on without it. */
      readonly error?: string;
    })
  | (Stamp<'strategy.failed'> & { readonly actor: ActorId; readonly decision: DecisionPhase; readonly message: string })
  | (Stamp<'action.rejected'> & { readonly actor: ActorId; readonly action: unknown; readonly reason: string })
  | (Stamp<'operation.conducted'> & { readonly operation: Operation })
  | (Stamp<'incident.detected'> & {
      readonly incident: string;
      readonly victim: ActorId;
      readonly kind: OperationKind;
      readonly against: OperationTarget;
      readonly severity: number;
      readonly commercial: boolean;
      /** Hidden truth, for metrics and reports: the operation behind it, or null for a false alarm. */
      readonly operation: string | null;
      readonly suspect: ActorId | null;
      readonly confidence: number;
    })
  | (Stamp<'incident.investigated'> & {
      readonly incident: string;
      readonly victim: ActorId;
      readonly signal: ActorId | null;
      readonly suspect: ActorId | null;
      readonly confidence: number;
    })
  | (Stamp<'accusation.made'> & {
      readonly accusation: string;
      readonly by: ActorId;
      readonly target: ActorId;
      readonly incident: string;
      readonly public: boolean;
      readonly formal: boolean;
      readonly confidence: number;
    })
  | (Stamp<'accusation.answered'> & {
      readonly accusation: string;
      readonly by: ActorId;
      readonly to: ActorId;
      readonly answer: Response['type'];
      readonly public: boolean;
    })
  | (Stamp<'denial.issued'> & { readonly by: ActorId; readonly accusation: string; readonly accuser: ActorId })
  | (Stamp<'hotline.queried'> & { readonly query: string; readonly by: ActorId; readonly target: ActorId; readonly incident: string })
  | (Stamp<'hotline.answered'> & {
      readonly query: string;
      readonly by: ActorId;
      readonly to: ActorId;
      readonly answer: Response['type'];
      readonly confidence: number;
    })
  | (Stamp<'request.unanswered'> & { readonly request: string; readonly kind: RequestKind; readonly by: ActorId; readonly to: ActorId })
  | (Stamp<'sanction.imposed'> & { readonly sanction: Sanction })
  | (Stamp<'sanction.lifted'> & { readonly sanction: string; readonly by: ActorId; readonly target: ActorId })
  | (Stamp<'norm.adopted'> & { readonly actor: ActorId; readonly norm: NormId })
  | (Stamp<'information.shared'> & {
      readonly by: ActorId;
      readonly target: ActorId;
      readonly incident: string;
      readonly suspect: ActorId | null;
      readonly confidence: number;
    })
  | (Stamp<'retaliation.conducted'> & {
      readonly by: ActorId;
      readonly target: ActorId;
      readonly kind: 'disruption' | 'degradation';
      readonly severity: number;
      readonly success: boolean;
      readonly incident: string | null;
    })
  | (Stamp<'truth.revealed'> & {
      readonly incident: string;
      readonly victim: ActorId;
      /** null when the incident was a false alarm. */
      readonly operation: string | null;
      readonly author: ActorId | null;
      readonly principal: ActorId | null;
    })
  | (Stamp<'agreement.signed'> & { readonly agreement: Agreement })
  | (Stamp<'escalation.changed'> & {
      readonly from: ActorId;
      readonly to: ActorId;
      readonly rung: number;
      readonly previous: number;
      /** The type of the event whose act set the new rung (e.g. 'accusation.made'). */
      readonly cause: string;
    })
  | (Stamp<'trust.changed'> & {
      /** `from`'s trust in `to` moved by at least `trust.reportThreshold` this round. */
      readonly from: ActorId;
      readonly to: ActorId;
      readonly before: number;
      readonly after: number;
      /** Types of the events that gave evidence this round, in order ('decay' when none did). */
      readonly causes: readonly string[];
    })
  | (Stamp<'conflict.opened'> & { readonly between: readonly [ActorId, ActorId] })
  | (Stamp<'round.ended'> & { readonly actors: number })
  | (Stamp<'agreement.withdrawn'> & { readonly agreement: string; readonly by: ActorId; readonly parties: readonly ActorId[] })
  | (Stamp<'talks.opened'> & { readonly talks: string; readonly by: ActorId; readonly target: ActorId; readonly terms: readonly Commitment[]; readonly deadline: number })
  | (Stamp<'talks.offered'> & { readonly talks: string; readonly by: ActorId; readonly to: ActorId; readonly terms: readonly Commitment[] })
  | (Stamp<'talks.ended'> & {
      readonly talks: string;
      readonly parties: readonly ActorId[];
      readonly outcome: 'agreed' | 'rejected' | 'walked-out' | 'expired';
      /** Who ended them (null when they expired). */
      readonly by: ActorId | null;
    })
  | (Stamp<'assistance.requested'> & { readonly request: string; readonly by: ActorId; readonly target: ActorId; readonly incident: string; readonly due: number })
  | (Stamp<'assistance.answered'> & { readonly request: string; readonly by: ActorId; readonly to: ActorId; readonly answer: 'cooperate' | 'deny' })
  | (Stamp<'sanction.threatened'> & { readonly threat: SanctionThreat })
  | (Stamp<'dialogue.held'> & { readonly dialogue: string; readonly parties: readonly ActorId[]; readonly proposer: ActorId })
  | (Stamp<'dialogue.skipped'> & { readonly dialogue: string; readonly parties: readonly ActorId[] })
  | (Stamp<'dialogue.suspended'> & { readonly dialogue: string; readonly by: ActorId; readonly target: ActorId })
  | (Stamp<'dialogue.resumed'> & { readonly dialogue: string; readonly by: ActorId; readonly target: ActorId })
  | (Stamp<'forum.convened'> & { readonly forum: string; readonly members: readonly ActorId[]; readonly packages: readonly (readonly string[])[] })
  | (Stamp<'forum.tabled'> & { readonly forum: string; readonly by: ActorId; readonly norms: readonly NormId[] })
  | (Stamp<'forum.adopted'> & ForumVote)
  | (Stamp<'forum.failed'> & ForumVote)
  | (Stamp<'violation.committed'> & {
      /** Hidden truth: an operation that broke a commitment or an adopted norm of its principal. */
      readonly by: ActorId;
      readonly against: ActorId;
      readonly commitment: CommitmentKind | null;
      readonly norm: NormId | null;
      readonly agreement: string | null;
      /** The operation, or null when the violation was an unanswered request or a sanction. */
      readonly operation: string | null;
    })
  | (Stamp<'violation.perceived'> & {
      /** Who perceived it, against whom, with what confidence. */
      readonly by: ActorId;
      readonly against: ActorId;
      readonly commitment: CommitmentKind | null;
      readonly norm: NormId | null;
      readonly agreement: string | null;
      readonly confidence: number;
      readonly incident: string | null;
      /** Hidden truth for reports: whether the suspect really did it. */
      readonly real: boolean;
    });

/** The `type` of an event. @example `const t: SimEventType = 'norm.adopted';` */
export type SimEventType = SimEvent['type'];

/** The event of a given type. @example `type A = EventOf<'accusation.made'>;` */
export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

/** How talks can end. @example `TALKS_OUTCOMES.includes('expired') // true` */
export const TALKS_OUTCOMES: readonly EventOf<'talks.ended'>['outcome'][] = everyMember<EventOf<'talks.ended'>['outcome']>()(['agreed', 'rejected', 'walked-out', 'expired']);

/**
 * Whether an actor may see an event. Covert operations (scripted ones too, except by their
 * author), incident files (a victim reads its own through its view) and recorded decisions are
 * never visible; private exchanges are visible to their two parties; the rest is public.
 *
 * @example
 * ```ts
 * run.log.filter((e) => isVisibleTo(e, 'US'));
 * ```
 */
export function isVisibleTo(event: SimEvent, actor: ActorId): boolean {
  switch (event.type) {
    case 'operation.conducted':
    case 'incident.detected':
    case 'incident.investigated':
    case 'decision.made':
      return false;
    case 'inject.applied':
      // A scripted covert operation is as covert as any other: only its author knows of it.
      return event.inject.type !== 'operation' || event.inject.actor === actor;
    case 'strategy.failed':
    case 'action.rejected':
      return event.actor === actor;
    case 'accusation.made':
      return event.public || event.by === actor || event.target === actor;
    case 'accusation.answered':
      return event.public || event.by === actor || event.to === actor;
    case 'hotline.queried':
    case 'information.shared':
      return event.by === actor || event.target === actor;
    case 'hotline.answered':
    case 'request.unanswered':
    case 'assistance.answered':
    case 'talks.offered':
      return event.by === actor || event.to === actor;
    case 'talks.opened':
    case 'assistance.requested':
      return event.by === actor || event.target === actor;
    case 'talks.ended':
      return event.parties.includes(actor);
    case 'violation.committed':
      return false;
    case 'violation.perceived':
      return event.by === actor;
    case 'trust.changed':
      return event.from === actor;
    default:
      return true;
  }
}
