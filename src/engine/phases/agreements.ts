import type { Agreement, Commitment, Dialogue, Sanction } from '../../model/agreement.js';
import type { Phase, SimEvent } from '../../model/event.js';
import type { NormId } from '../../model/ids.js';
import { copied } from '../../model/record.js';
import { anyOf, firstOf } from '../lists.js';

/** The parts of the world that signing an agreement changes. */
export interface SigningState {
  agreements: Agreement[];
  dialogues: Dialogue[];
  sanctions: Sanction[];
  /**
   * The norms by actor: the world's own record until {@link adoptNorm} first changes it, which
   * copies it then (copy-on-write). Most rounds adopt nothing, and copying a record of 128 actors
   * twice a round, then comparing it back, was ≈ 1.5% of a 128-actor run (docs/performance.md).
   */
  norms: Readonly<Record<string, readonly NormId[]>>;
  /** Whether `norms` is already this state's own copy. */
  normsCopied?: boolean;
}

/**
 * `actor` adopts `norm` in `state` (its norms stay sorted), copying the record first if it is
 * still the world's. Returns false, changing nothing, if the actor had adopted it already.
 */
export function adoptNorm(state: Pick<SigningState, 'norms' | 'normsCopied'>, actor: string, norm: NormId): boolean {
  const mine = state.norms[actor] ?? [];
  if (mine.includes(norm)) return false;
  if (state.normsCopied !== true) {
    state.norms = copied(state.norms);
    state.normsCopied = true;
  }
  (state.norms as Record<string, readonly NormId[]>)[actor] = [...mine, norm].sort();
  return true;
}

/**
 * Sign an agreement: record it, then carry out what its terms do at once — `norms` makes every
 * party adopt the listed norms, `sanctions-relief` lifts the sanctions between the parties,
 * `next-round` schedules a dialogue every `rounds` rounds (the first party opens the first round).
 * Appends the events in that order.
 */
export function signAgreement(
  state: SigningState,
  events: SimEvent[],
  at: { readonly round: number; readonly phase: Phase },
  id: string,
  parties: readonly string[],
  terms: readonly Commitment[],
  firstProposer?: string,
): Agreement {
  const sorted = [...parties].sort();
  const agreement: Agreement = { id, parties: sorted, terms, since: at.round };
  state.agreements.push(agreement);
  events.push({ type: 'agreement.signed', round: at.round, phase: at.phase, agreement });
  for (const term of terms) {
    if (term.kind === 'norms') {
      for (const p of sorted) {
        for (const norm of term.norms ?? []) {
          if (!adoptNorm(state, p, norm)) continue;
          events.push({ type: 'norm.adopted', round: at.round, phase: at.phase, actor: p, norm });
        }
      }
    } else if (term.kind === 'sanctions-relief') {
      const lifted = state.sanctions.filter((s) => sorted.includes(s.by) && sorted.includes(s.target));
      if (lifted.length > 0) {
        state.sanctions.splice(0, state.sanctions.length, ...state.sanctions.filter((s) => !lifted.includes(s)));
        for (const s of lifted) events.push({ type: 'sanction.lifted', round: at.round, phase: at.phase, sanction: s.id, by: s.by, target: s.target });
      }
    } else if (term.kind === 'next-round') {
      const every = Math.max(1, Math.floor(term.rounds ?? 1));
      state.dialogues.push({
        id: `dlg:${id}`,
        agreement: id,
        parties: sorted,
        every,
        next: at.round + every,
        proposer: firstProposer && sorted.includes(firstProposer) ? firstProposer : (sorted[0] as string),
        suspended: false,
      });
    }
  }
  return agreement;
}

/** Whether an agreement between a and b with a term of this kind is in force. */
export function hasTerm(agreements: readonly Agreement[], a: string, b: string, kind: Commitment['kind']): Agreement | undefined {
  return firstOf(agreements, (ag) => ag.parties.includes(a) && ag.parties.includes(b) && anyOf(ag.terms, (t) => t.kind === kind));
}
