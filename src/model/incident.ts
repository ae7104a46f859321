import type { CommitmentKind } from './agreement.js';
import type { ActorId, NormId } from './ids.js';
import type { OperationKind, OperationTarget } from './operation.js';

/**
 * A commitment that the act behind an incident broke if `by` did it, as the victim judges what it
 * saw (it cannot tell whether a proxy was used): an agreement's `no-commercial-theft` term, or a
 * GGE norm `by` had adopted ((f) for an attack on critical infrastructure, (k) for harm to a CERT).
 * Exactly one of `commitment` (with its `agreement`) and `norm` is set.
 *
 * @example
 * ```ts
 * const c: IncidentCommitment = { by: 'CN', commitment: 'no-commercial-theft', norm: null, agreement: 'ag:0:1' };
 * ```
 */
export interface IncidentCommitment {
  readonly by: ActorId;
  readonly commitment: CommitmentKind | null;
  readonly norm: NormId | null;
  readonly agreement: string | null;
}

/**
 * What a victim perceives: a detected operation or a false alarm. The link to the operation
 * (`operation`) is hidden truth kept for the engine; views never show it.
 *
 * `posterior` is aligned with `world.actors` (one entry per actor, in id order) plus a last
 * entry for "nobody" (a false alarm). It always sums to 1. Like the dyad tables (DESIGN §8) it is a
 * `Float64Array`, which cannot be frozen: the engine makes a new one whenever the belief changes
 * and never writes one it has handed out, and callers must not write it either. Views never show
 * the array: strategies read `IncidentView.posterior(actor)`. `snapshot()` turns it into a list
 * of numbers.
 *
 * @example
 * ```ts
 * for (const i of run.world.incidents) {
 *   const falseAlarm = i.posterior[i.posterior.length - 1]; // the last entry is "nobody"
 *   console.log(i.id, i.victim, i.kind, falseAlarm);
 * }
 * ```
 */
export interface Incident {
  readonly id: string;
  readonly victim: ActorId;
  /** Round in which it was detected. */
  readonly round: number;
  readonly kind: OperationKind;
  readonly against: OperationTarget;
  readonly severity: number;
  /** The victim saw commercial secrets taken (commercial espionage). */
  readonly commercial: boolean;
  /** Hidden: id of the operation behind it, or null for a false alarm. */
  readonly operation: string | null;
  /** Suspect named by each forensic signal so far (null: the signal named nobody usable). */
  readonly signals: readonly (ActorId | null)[];
  readonly posterior: Float64Array;
  /** Investigation rounds still to come; 0 when the file is closed. */
  readonly investigation: number;
  /** The true author, once the engine has revealed it (an inject, a confession); else null. */
  readonly revealed: ActorId | null;
  /**
   * The commitments in force when the act happened (the operations phase of `round`, just before
   * detection) that it broke if a given actor did it, fixed when the file is opened: a later
   * agreement, withdrawal or adoption does not change how this act is judged (docs/diplomacy.md,
   * "The commitment audit"). Empty for most files (and for false alarms, which the victim sees as
   * espionage against networks).
   */
  readonly commitments: readonly IncidentCommitment[];
  /**
   * The suspects against whom the victim has already perceived a broken commitment on this file,
   * in the order perceived: the first time the file names a suspect with confidence ≥
   * `audit.confidenceThreshold` (at detection or at any later update) that suspect's entries of
   * `commitments` are perceived broken, once; a confidence that dips and rises again does not
   * perceive them twice.
   */
  readonly perceived: readonly ActorId[];
}
