import type { ActorId, NormId } from './ids.js';

/**
 * The kinds of commitment an agreement can hold. Issue-2 engines create `hotline` agreements
 * (from scenario dyads or injects); the negotiation layer adds the others through talks.
 */
export type CommitmentKind =
  | 'hotline'
  | 'no-commercial-theft'
  | 'assistance'
  | 'information-sharing'
  | 'norms'
  | 'sanctions-relief'
  | 'next-round';

/** One term of an agreement. @example `{ kind: 'norms', norms: ['gge15.f'] }` */
export interface Commitment {
  readonly kind: CommitmentKind;
  /** For `norms`: the norms both parties adopt. */
  readonly norms?: readonly NormId[];
  /** For `assistance`: answer within this many rounds. For `next-round`: every this many rounds. */
  readonly rounds?: number;
}

/**
 * An agreement in force between its parties (sorted ids).
 *
 * @example
 * ```ts
 * const hotline: Agreement = { id: 'ag-0', parties: ['CN', 'US'], terms: [{ kind: 'hotline' }], since: 0 };
 * ```
 */
export interface Agreement {
  readonly id: string;
  readonly parties: readonly ActorId[];
  readonly terms: readonly Commitment[];
  readonly since: number;
}

/** A sanction in force. @example `{ id: 's-0', by: 'US', target: 'CN', measure: 'indictment', since: 4 }` */
export interface Sanction {
  readonly id: string;
  readonly by: ActorId;
  readonly target: ActorId;
  readonly measure: SanctionMeasure;
  readonly since: number;
}

/** Economic measures or criminal indictments. */
export type SanctionMeasure = 'economic' | 'indictment';
