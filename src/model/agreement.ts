import type { ActorId, NormId } from './ids.js';
import { everyMember } from './members.js';

/**
 * The kinds of commitment an agreement can hold. Issue-2 engines create `hotline` agreements
 * (from scenario dyads or injects); the negotiation layer adds the others through talks.
 *
 * @example
 * ```ts
 * const kind: CommitmentKind = 'no-commercial-theft';
 * const terms: Commitment[] = [{ kind: 'hotline' }, { kind }];
 * ```
 */
export type CommitmentKind =
  | 'hotline'
  | 'no-commercial-theft'
  | 'assistance'
  | 'information-sharing'
  | 'norms'
  | 'sanctions-relief'
  | 'next-round';

/** All commitment kinds, in the order messages list them. @example `COMMITMENT_KINDS.includes('hotline') // true` */
export const COMMITMENT_KINDS: readonly CommitmentKind[] = everyMember<CommitmentKind>()([
  'hotline',
  'no-commercial-theft',
  'assistance',
  'information-sharing',
  'norms',
  'sanctions-relief',
  'next-round',
]);

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

/**
 * Economic measures or criminal indictments.
 *
 * @example
 * ```ts
 * const measure: SanctionMeasure = 'indictment';
 * const sanction: SanctionAction = { type: 'sanction', target: 'CN', measure };
 * ```
 */
export type SanctionMeasure = 'economic' | 'indictment';

/** All sanction measures. @example `SANCTION_MEASURES.includes('indictment') // true` */
export const SANCTION_MEASURES: readonly SanctionMeasure[] = everyMember<SanctionMeasure>()(['economic', 'indictment']);

/**
 * Bilateral talks under way: an alternating-offers negotiation over an agenda of commitments.
 * `offer` is the terms on the table, made by `offeredBy`; `turn` must answer it (accept, reject,
 * counter or walk out) before `deadline` (the last round in which it can).
 *
 * @example
 * ```ts
 * const t: Talks = { id: 'talks:US:CN:4', parties: ['US', 'CN'], offer: [{ kind: 'hotline' }], offeredBy: 'US', turn: 'CN', opened: 4, deadline: 6, exchanges: 1 };
 * ```
 */
export interface Talks {
  readonly id: string;
  /** Proposer first. */
  readonly parties: readonly [string, string];
  readonly offer: readonly Commitment[];
  readonly offeredBy: string;
  readonly turn: string;
  readonly opened: number;
  readonly deadline: number;
  /** Offers made in the current round (bounded by `mechanisms.talks.maxExchangesPerRound`). */
  readonly exchanges: number;
}

/**
 * A scheduled series of dialogue rounds created by an agreement's `next-round` term: a round of
 * talks every `every` rounds, the parties proposing in turn (in the order of `parties`), unless
 * suspended.
 *
 * @example
 * ```ts
 * const d: Dialogue = { id: 'dlg:ag:8:0', agreement: 'ag:8:0', parties: ['CN', 'US'], every: 6, next: 14, proposer: 'US', suspended: false };
 * ```
 */
export interface Dialogue {
  readonly id: string;
  readonly agreement: string;
  readonly parties: readonly string[];
  readonly every: number;
  /** The next round in which it takes place. */
  readonly next: number;
  /** Who opens the next round of talks. */
  readonly proposer: string;
  readonly suspended: boolean;
}

/**
 * How a forum adopts a package: by consensus (no member objects) or by a share of its members.
 *
 * @example
 * ```ts
 * const byConsensus: ForumRule = 'consensus';
 * const byTwoThirds: ForumRule = { threshold: 2 / 3 };
 * ```
 */
export type ForumRule = 'consensus' | { readonly threshold: number };

/**
 * A multilateral forum (UN GGE, OSCE, a regional body): its members meet every `every` rounds from
 * round `first`; packages of norms on its `agenda` (and any a member tables) are voted on in session.
 *
 * @example
 * ```ts
 * const gge: Forum = { id: 'gge', name: 'UN GGE', members: ['CN', 'RU', 'US'], every: 3, first: 0, rule: 'consensus', agenda: [['gge15.f', 'gge15.k']] };
 * ```
 */
export interface Forum {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
  readonly every: number;
  readonly first: number;
  readonly rule: ForumRule;
  /** Norm packages still to be adopted, tabled again at every session. */
  readonly agenda: readonly (readonly string[])[];
}

/**
 * A threat of sanctions with its stated condition.
 *
 * @example
 * ```ts
 * const t: SanctionThreat = { id: 'thr:US:CN:3', by: 'US', target: 'CN', measure: 'economic', unless: 'cease commercial cyber-theft', since: 3 };
 * ```
 */
export interface SanctionThreat {
  readonly id: string;
  readonly by: string;
  readonly target: string;
  readonly measure: SanctionMeasure;
  readonly unless: string;
  readonly since: number;
}
