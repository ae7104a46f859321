import type { Actor } from '../../model/actor.js';
import type { Agreement, CommitmentKind } from '../../model/agreement.js';
import type { EventOf } from '../../model/event.js';
import type { NormId } from '../../model/ids.js';
import { joined, withFields } from '../../model/record.js';
import type { World } from '../../model/world.js';
import { hasTerm } from './agreements.js';
import type { Perception, RoundContext } from './context.js';
import { brokenNorms } from './perception.js';

/**
 * The commitment audit of the update phase. Truth and perception stay apart:
 * - `violation.committed` (hidden): an operation this round that broke an agreement in force
 *   between its principal and its target (no commercial theft) or a norm its principal adopted;
 *   a request for assistance left unanswered under an assistance commitment; a sanction imposed
 *   on a partner under sanctions relief.
 * - `violation.perceived`: a victim's file on a detected incident names an actor with confidence
 *   ≥ `audit.confidenceThreshold` for the first time — at detection or at any later update of the
 *   file (investigation, a reveal, shared information, a hotline answer, assistance), in this
 *   round or a later one — and the act broke that actor's agreement with the victim or a norm it
 *   had adopted (the suspect may be innocent: `real` records the truth); once per file and
 *   suspect (see `notePerception`). Or the victim observes an unanswered request or a sanction
 *   that breaks a commitment (certain).
 *
 * Every act is judged against the commitments in force when it happened, never against those of
 * the round's end: the audit replays the round's signings, withdrawals and adoptions from the
 * round's start (`ctx.start`), so an agreement signed or a norm adopted after the act does not
 * bind it, and one withdrawn after it still does. An incident is judged as its file recorded
 * when it was opened (`Incident.commitments`: the commitments in force in the operations phase of
 * its round).
 */
export function auditCommitments(world: World, ctx: RoundContext): void {
  // Every breach is of an agreement's term or of an adopted norm: with none in force at any time
  // of the round and no file's perception, there is nothing to audit (the common case of worlds
  // without diplomacy). Norms are only ever adopted, so the end's norms hold the start's.
  const perceptions = ctx.perceptions;
  if (perceptions.length === 0 && ctx.start.agreements.length === 0 && world.agreements.length === 0 && !anyNormAdopted(world) && !anySigned(ctx)) return;
  const round = ctx.round;
  const phase = 'update' as const;
  const committed: EventOf<'violation.committed'>[] = [];
  const perceived: EventOf<'violation.perceived'>[] = [];
  const violation = (
    by: string,
    against: string,
    what: { commitment?: CommitmentKind | null; norm?: NormId | null; agreement?: string | null },
  ) => ({ by, against, commitment: what.commitment ?? null, norm: what.norm ?? null, agreement: what.agreement ?? null });
  const perceive = (p: Perception) => {
    const base = { type: 'violation.perceived' as const, round, phase, confidence: p.confidence, incident: p.incident, real: p.real };
    for (const c of p.broken) perceived.push(joined(base, violation(p.victim, p.suspect, c)));
  };

  // The commitments in force as the round's events unfold, from those of its start.
  let agreements: readonly Agreement[] = ctx.start.agreements;
  let norms: Readonly<Record<string, readonly NormId[]>> = ctx.start.norms;
  let next = 0;
  const events = ctx.events;
  for (let k = 0; k < events.length; k++) {
    // The files' perceptions noted before this event.
    while (next < perceptions.length && (perceptions[next] as Perception).at <= k) perceive(perceptions[next++] as Perception);
    const e = events[k] as (typeof events)[number];
    if (e.type === 'agreement.signed') agreements = [...agreements, e.agreement];
    else if (e.type === 'agreement.withdrawn') agreements = agreements.filter((a) => a.id !== e.agreement);
    else if (e.type === 'norm.adopted') {
      const mine = norms[e.actor] ?? [];
      if (!mine.includes(e.norm)) norms = withFields(norms, { [e.actor]: [...mine, e.norm].sort() });
    } else if (e.type === 'operation.conducted') {
      const op = e.operation;
      const ag = op.commercial ? hasTerm(agreements, op.principal, op.target, 'no-commercial-theft') : undefined;
      if (ag) committed.push({ type: 'violation.committed', round, phase, ...violation(op.principal, op.target, { commitment: 'no-commercial-theft', agreement: ag.id }), operation: op.id });
      for (const norm of brokenNorms(norms[op.principal] ?? [], op, op.author !== op.principal)) {
        committed.push({ type: 'violation.committed', round, phase, ...violation(op.principal, op.target, { norm }), operation: op.id });
      }
    } else if (e.type === 'request.unanswered' && e.kind === 'assistance') {
      // e.by left e.to's request unanswered.
      const ag = hasTerm(agreements, e.by, e.to, 'assistance');
      const base = { round, phase, operation: null };
      const seen = { type: 'violation.perceived' as const, round, phase, confidence: 1, incident: null, real: true };
      if (ag) {
        committed.push({ type: 'violation.committed', ...base, ...violation(e.by, e.to, { commitment: 'assistance', agreement: ag.id }) });
        perceived.push(joined(seen, violation(e.to, e.by, { commitment: 'assistance', agreement: ag.id })));
      }
      if ((norms[e.by] ?? []).includes('gge15.h')) {
        committed.push({ type: 'violation.committed', ...base, ...violation(e.by, e.to, { norm: 'gge15.h' }) });
        perceived.push(joined(seen, violation(e.to, e.by, { norm: 'gge15.h' })));
      }
    } else if (e.type === 'sanction.imposed') {
      const s = e.sanction;
      const ag = hasTerm(agreements, s.by, s.target, 'sanctions-relief');
      if (ag) {
        committed.push({ type: 'violation.committed', round, phase, operation: null, ...violation(s.by, s.target, { commitment: 'sanctions-relief', agreement: ag.id }) });
        perceived.push({ type: 'violation.perceived', round, phase, confidence: 1, incident: null, real: true, ...violation(s.target, s.by, { commitment: 'sanctions-relief', agreement: ag.id }) });
      }
    }
  }
  while (next < perceptions.length) perceive(perceptions[next++] as Perception);
  for (const e of committed) ctx.events.push(e);
  for (const e of perceived) ctx.events.push(e);
}

function anyNormAdopted(world: World): boolean {
  const actors = world.actors;
  for (let k = 0; k < actors.length; k++) if ((world.norms[(actors[k] as Actor).id]?.length ?? 0) > 0) return true;
  return false;
}

/** Whether an agreement was signed this round (and so may have bound an act before it was withdrawn). */
function anySigned(ctx: RoundContext): boolean {
  const events = ctx.events;
  for (let k = 0; k < events.length; k++) if ((events[k] as (typeof events)[number]).type === 'agreement.signed') return true;
  return false;
}
