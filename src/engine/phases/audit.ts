import type { Actor } from '../../model/actor.js';
import type { CommitmentKind } from '../../model/agreement.js';
import type { EventOf } from '../../model/event.js';
import type { NormId } from '../../model/ids.js';
import type { Operation } from '../../model/operation.js';
import { joined } from '../../model/record.js';
import type { World } from '../../model/world.js';
import { hasTerm } from './agreements.js';
import type { RoundContext } from './context.js';
import { operationById } from './operations.js';

/** What a commitment or norm forbids, judged on an operation as the engine or a victim sees it. */
interface Conduct {
  readonly kind: Operation['kind'];
  readonly against: Operation['against'];
  readonly commercial: boolean;
  readonly viaProxy: boolean;
}

/** The adopted norms an act breaks: (f) attacks on critical infrastructure, (k) harm to CERTs, (c) acting through proxies. */
function brokenNorms(adopted: readonly NormId[], c: Conduct): NormId[] {
  const out: NormId[] = [];
  if (c.viaProxy && adopted.includes('gge15.c')) out.push('gge15.c');
  if (c.against === 'critical-infrastructure' && c.kind !== 'espionage' && adopted.includes('gge15.f')) out.push('gge15.f');
  if (c.against === 'cert' && adopted.includes('gge15.k')) out.push('gge15.k');
  return out;
}

/**
 * The commitment audit of the update phase. Truth and perception stay apart:
 * - `violation.committed` (hidden): an operation this round that broke an agreement in force
 *   between its principal and its target (no commercial theft) or a norm its principal adopted;
 *   a request for assistance left unanswered under an assistance commitment; a sanction imposed
 *   on a partner under sanctions relief.
 * - `violation.perceived`: a victim attributes a detected incident with confidence ≥
 *   `audit.confidenceThreshold` to an actor whose agreement or adopted norms it contradicts
 *   (the suspect may be innocent: `real` records the truth), or observes an unanswered request or
 *   a sanction that breaks a commitment (certain).
 */
export function auditCommitments(world: World, ctx: RoundContext): void {
  // Every breach is of an agreement's term or of an adopted norm: with neither, there is nothing to
  // audit (the common case of worlds without diplomacy), and no index of the round is built.
  if (world.agreements.length === 0 && !anyNormAdopted(world)) return;
  const round = ctx.round;
  const phase = 'update' as const;
  const threshold = world.mechanisms.audit.confidenceThreshold;
  const committed: EventOf<'violation.committed'>[] = [];
  const perceived: EventOf<'violation.perceived'>[] = [];
  const violation = (
    by: string,
    against: string,
    what: { commitment?: CommitmentKind; norm?: NormId; agreement?: string },
  ) => ({ by, against, commitment: what.commitment ?? null, norm: what.norm ?? null, agreement: what.agreement ?? null });

  // An agreement signed this round binds only what happens after its signing: a sanction imposed,
  // or an operation run, earlier in the round is not a breach of it (sanctions relief even lifts
  // that sanction). Index of each signing among this round's events:
  const signedAt = new Map<string, number>();
  ctx.events.forEach((e, k) => {
    if (e.type === 'agreement.signed') signedAt.set(e.agreement.id, k);
  });
  const binding = <A extends { readonly id: string }>(ag: A | undefined, k: number): A | undefined => {
    const at = ag === undefined ? undefined : signedAt.get(ag.id);
    return at === undefined || at < k ? ag : undefined;
  };

  for (const [k, e] of ctx.events.entries()) {
    if (e.type === 'operation.conducted') {
      const op = e.operation;
      const conduct: Conduct = { kind: op.kind, against: op.against, commercial: op.commercial, viaProxy: op.author !== op.principal };
      const ag = op.commercial ? binding(hasTerm(world.agreements, op.principal, op.target, 'no-commercial-theft'), k) : undefined;
      if (ag) committed.push({ type: 'violation.committed', round, phase, ...violation(op.principal, op.target, { commitment: 'no-commercial-theft', agreement: ag.id }), operation: op.id });
      for (const norm of brokenNorms(world.norms[op.principal] ?? [], conduct)) {
        committed.push({ type: 'violation.committed', round, phase, ...violation(op.principal, op.target, { norm }), operation: op.id });
      }
    } else if (e.type === 'incident.detected') {
      if (e.suspect === null || e.confidence < threshold) continue;
      const op = e.operation === null ? undefined : operationById(ctx, world.operations, e.operation);
      const real = op !== undefined && (op.principal === e.suspect || op.author === e.suspect);
      // The victim judges the act as it saw it; it cannot tell whether a proxy was used.
      const conduct: Conduct = { kind: e.kind, against: e.against, commercial: e.commercial, viaProxy: false };
      const ag = e.commercial ? binding(hasTerm(world.agreements, e.victim, e.suspect, 'no-commercial-theft'), k) : undefined;
      const base = { type: 'violation.perceived' as const, round, phase, confidence: e.confidence, incident: e.incident, real };
      if (ag) perceived.push(joined(base, violation(e.victim, e.suspect, { commitment: 'no-commercial-theft', agreement: ag.id })));
      for (const norm of brokenNorms(world.norms[e.suspect] ?? [], conduct)) perceived.push(joined(base, violation(e.victim, e.suspect, { norm })));
    } else if (e.type === 'request.unanswered' && e.kind === 'assistance') {
      // e.by left e.to's request unanswered.
      const ag = binding(hasTerm(world.agreements, e.by, e.to, 'assistance'), k);
      const base = { round, phase, operation: null };
      const seen = { type: 'violation.perceived' as const, round, phase, confidence: 1, incident: null, real: true };
      if (ag) {
        committed.push({ type: 'violation.committed', ...base, ...violation(e.by, e.to, { commitment: 'assistance', agreement: ag.id }) });
        perceived.push(joined(seen, violation(e.to, e.by, { commitment: 'assistance', agreement: ag.id })));
      }
      if ((world.norms[e.by] ?? []).includes('gge15.h')) {
        committed.push({ type: 'violation.committed', ...base, ...violation(e.by, e.to, { norm: 'gge15.h' }) });
        perceived.push(joined(seen, violation(e.to, e.by, { norm: 'gge15.h' })));
      }
    } else if (e.type === 'sanction.imposed') {
      const s = e.sanction;
      const ag = binding(hasTerm(world.agreements, s.by, s.target, 'sanctions-relief'), k);
      if (ag) {
        committed.push({ type: 'violation.committed', round, phase, operation: null, ...violation(s.by, s.target, { commitment: 'sanctions-relief', agreement: ag.id }) });
        perceived.push({ type: 'violation.perceived', round, phase, confidence: 1, incident: null, real: true, ...violation(s.target, s.by, { commitment: 'sanctions-relief', agreement: ag.id }) });
      }
    }
  }
  for (const e of committed) ctx.events.push(e);
  for (const e of perceived) ctx.events.push(e);
}

function anyNormAdopted(world: World): boolean {
  const actors = world.actors;
  for (let k = 0; k < actors.length; k++) if ((world.norms[(actors[k] as Actor).id]?.length ?? 0) > 0) return true;
  return false;
}
