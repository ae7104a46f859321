import type { Agreement } from '../../model/agreement.js';
import type { SimEvent } from '../../model/event.js';
import type { IncidentCommitment } from '../../model/incident.js';
import type { NormId } from '../../model/ids.js';
import type { Operation } from '../../model/operation.js';
import type { StreamSet } from '../rng.js';
import type { ViewMemo } from '../view.js';

/** What every phase of one round shares: its number, the run's random streams and the round's events so far. */
export interface RoundContext {
  readonly round: number;
  readonly streams: StreamSet;
  /** The run's incident and operation views, reused from phase to phase while their objects are the same. */
  readonly memo: ViewMemo;
  /** Events of this round, appended in canonical order. */
  readonly events: SimEvent[];
  /**
   * The agreements and norms in force when the round began: the audit replays the round's
   * signings, withdrawals and adoptions from them to judge each act against the commitments in
   * force when it happened (see `auditCommitments`).
   */
  readonly start: { readonly agreements: readonly Agreement[]; readonly norms: Readonly<Record<string, readonly NormId[]>> };
  /** Files that named a suspect with confidence ≥ the audit's threshold for the first time this round, in order (see `notePerception`). */
  readonly perceptions: Perception[];
  /** Observed rounds: how many of `events` are already deep-frozen (they are only ever appended). */
  frozenEvents?: number;
  /**
   * Whether anyone but the engine's own loop will see this round's worlds and events (see
   * `UNOBSERVED` in round.ts). When true, every world is deep-frozen before a strategy is asked and
   * when the round ends, and so is every event. When false, only what a view can reach is frozen.
   */
  readonly observed: boolean;
  /** The operations of a list by id, kept while the list is the same (see `operationById`). */
  operationIndex?: { readonly list: readonly Operation[]; readonly byId: ReadonlyMap<string, Operation> };
}

/**
 * A victim's file on an incident named `suspect` with confidence ≥ `audit.confidenceThreshold`
 * for the first time, breaking `broken` (that suspect's entries of the file's commitments). `at`
 * is the number of the round's events before it, which places it among them for the audit.
 */
export interface Perception {
  readonly at: number;
  readonly incident: string;
  readonly victim: string;
  readonly suspect: string;
  readonly confidence: number;
  /** Whether the suspect really did it (the operation's principal or author). */
  readonly real: boolean;
  readonly broken: readonly IncidentCommitment[];
}
