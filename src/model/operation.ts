import type { ActorId } from './ids.js';
import { everyMember } from './members.js';

/** The kinds of covert operation. @example `const k: OperationKind = 'espionage';` */
export type OperationKind = 'espionage' | 'disruption' | 'degradation';

/** All operation kinds, in canonical order. @example `OPERATION_KINDS.length // 3` */
export const OPERATION_KINDS: readonly OperationKind[] = everyMember<OperationKind>()(['espionage', 'disruption', 'degradation']);

/**
 * What an operation hit, beyond ordinary networks. `critical-infrastructure` engages GGE norm (f),
 * `cert` engages norm (k).
 *
 * @example
 * ```ts
 * const against: OperationTarget = 'critical-infrastructure';
 * const op: OperateAction = { type: 'operate', target: 'US', kind: 'disruption', against };
 * ```
 */
export type OperationTarget = 'networks' | 'critical-infrastructure' | 'cert';

/** All operation targets, in the order messages list them. @example `OPERATION_TARGETS.includes('cert') // true` */
export const OPERATION_TARGETS: readonly OperationTarget[] = everyMember<OperationTarget>()(['networks', 'critical-infrastructure', 'cert']);

/**
 * The hidden truth of one covert operation. Only the engine (and the log) sees it; views show the
 * author only its own operations.
 *
 * @example
 * ```ts
 * // found in a run's log:
 * const op = run.log.find((e) => e.type === 'operation.conducted');
 * ```
 */
export interface Operation {
  readonly id: string;
  readonly round: number;
  /** Who carried it out (a proxy, when a state acted through one). */
  readonly author: ActorId;
  /** Who decided it: the author itself, or the state that ordered its proxy. */
  readonly principal: ActorId;
  readonly target: ActorId;
  readonly kind: OperationKind;
  readonly against: OperationTarget;
  readonly severity: number;
  readonly success: boolean;
  /** Actor the operation was dressed up to implicate, if any. */
  readonly falseFlag: ActorId | null;
  /** Espionage for commercial gain. */
  readonly commercial: boolean;
}
