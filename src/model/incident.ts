import type { ActorId } from './ids.js';
import type { OperationKind, OperationTarget } from './operation.js';

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
}
