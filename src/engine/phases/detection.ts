import {
  detectionProbability,
  falseAlarmProbability,
  identificationProbability,
  priorOverSuspects,
  relevantCapability,
  topSuspect,
  updatePosterior,
} from '../../model/attribution.js';
import type { Incident } from '../../model/incident.js';
import type { Operation, OperationKind } from '../../model/operation.js';
import { betaTrust } from '../../model/trust.js';
import type { World } from '../../model/world.js';
import type { Stream } from '../rng.js';
import { actorIndex, incidentWith, worldWith } from '../world.js';
import type { RoundContext } from './context.js';
import { anyOf, groupedBy, NONE } from '../lists.js';
import { operationById } from './operations.js';
import { actCommitments, NONE_YET, notePerception } from './perception.js';

/**
 * Phase 3: detection and attribution, victim by victim in id order. For each victim, in a fixed
 * order, drawing only from its own `detection` and `attribution` streams:
 *  1. every open incident gets one more investigation signal;
 *  2. every new operation against it may be detected, and a detected one yields a first signal;
 *  3. a false alarm may occur, naming a random plausible suspect.
 * Signals update a Bayesian posterior over suspects (see `updatePosterior`).
 */
export function detectAndAttribute(world: World, ctx: RoundContext, newOps: readonly Operation[]): World {
  const index = actorIndex(world);
  const n = world.actors.length;
  const m = world.mechanisms;
  // Grouped by victim only when there is something to group: most rounds of a small world have no
  // new operation or no open file, and these were made every round (docs/performance.md, ninth pass).
  const opsByTarget = newOps.length === 0 ? NO_GROUPS : groupedBy(newOps, (op) => op.target);
  // Indexed loops over the world's frozen lists (docs/performance.md, frozen arrays).
  const incidentsByVictim = world.incidents.length === 0 ? NO_GROUPS : groupedBy(world.incidents, (inc) => inc.victim);
  const sharing = world.agreements.length === 0 ? NO_SHARING : sharingCounts(world);
  const out: Incident[] = [];
  let changed = false;

  for (let v = 0; v < n; v++) {
    const victim = world.actors[v];
    if (!victim) continue;
    const attribution = victim.capabilities.attribution;
    const q = identificationProbability(attribution, sharing.get(victim.id) ?? 0, m);
    const detectStream = ctx.streams.of(victim.id, 'detection');
    // The attribution stream is looked up where a signal is drawn: created on its first use, the
    // same numbers whenever that is (rng.ts).

    // 1. investigation of files already open
    const files = (incidentsByVictim.get(victim.id) ?? NONE) as readonly Incident[];
    for (let j = 0; j < files.length; j++) {
      const inc = files[j] as Incident;
      if (inc.investigation <= 0) {
        out.push(inc);
        continue;
      }
      const op = inc.operation === null ? undefined : operationById(ctx, world.operations, inc.operation);
      const named = drawSignal(world, index, op, inc.kind, v, q, false, ctx.streams.of(victim.id, 'attribution'));
      // No usable signal leaves the posterior as it was: keep the array itself. Not frozen here:
      // an observed round's deep freeze does it, and in an unobserved one no view shows it
      // (freezing N + 1 doubles boxes each of them: docs/performance.md, fifth pass).
      const posterior = named === null ? inc.posterior : updatePosterior(inc.posterior, named, q);
      const next = notePerception(
        world,
        ctx,
        incidentWith(inc, {
          signals: [...inc.signals, named === null ? null : (world.actors[named]?.id ?? null)],
          posterior,
          investigation: inc.investigation - 1,
        }),
      );
      out.push(next);
      changed = true;
      // A narrative-only event (no rule, metric, view or results row reads it), the most frequent
      // of a large world, with a pass over the posterior: an unobserved round does not make it
      // (round.ts, UNOBSERVED).
      if (!ctx.observed) continue;
      const top = topSuspect(posterior);
      ctx.events.push({
        type: 'incident.investigated',
        round: ctx.round,
        phase: 'detection',
        incident: inc.id,
        victim: victim.id,
        signal: next.signals[next.signals.length - 1] ?? null,
        suspect: top ? (world.actors[top.index]?.id ?? null) : null,
        confidence: top ? top.confidence : 0,
      });
    }

    // 2. new operations against this victim, in canonical order
    let k = 0;
    const ops = (opsByTarget.get(victim.id) ?? NONE) as readonly Operation[];
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j] as Operation;
      const author = world.actors[index.get(op.author) ?? -1];
      const p = detectionProbability(attribution, author ? author.capabilities.stealth : 0, op.severity, m);
      if (!(detectStream.next() < p)) continue;
      const named = drawSignal(world, index, op, op.kind, v, q, true, ctx.streams.of(victim.id, 'attribution'));
      out.push(openIncident(world, ctx, v, k++, op, op.kind, op.against, op.severity, named, q));
      changed = true;
    }

    // 3. a false alarm
    const f = falseAlarmProbability(attribution, m);
    if (detectStream.next() < f) {
      const kind: OperationKind = 'espionage';
      const named = drawSignal(world, index, undefined, kind, v, q, true, ctx.streams.of(victim.id, 'attribution'));
      if (named !== null) {
        out.push(openIncident(world, ctx, v, k++, undefined, kind, 'networks', m.operations.severity.espionage, named, q));
        changed = true;
      }
    }
  }
  return changed ? worldWith(world, { incidents: out }) : world;
}

function openIncident(
  world: World,
  ctx: RoundContext,
  v: number,
  k: number,
  op: Operation | undefined,
  kind: OperationKind,
  against: Incident['against'],
  severity: number,
  named: number | null,
  q: number,
): Incident {
  const victim = world.actors[v];
  const id = `inc:${victim?.id}:${ctx.round}:${k}`;
  const posterior = updatePosterior(prior(world, v, kind), named, q);
  const top = topSuspect(posterior);
  const incident: Incident = {
    id,
    victim: victim?.id ?? '',
    round: ctx.round,
    kind,
    against,
    severity,
    commercial: op ? op.commercial : false,
    operation: op ? op.id : null,
    signals: [named === null ? null : (world.actors[named]?.id ?? null)],
    posterior,
    investigation: world.mechanisms.posterior.investigationRounds,
    revealed: null,
    // The commitments in force now, in the round's operations phase, are those the act is judged by.
    commitments: victim ? actCommitments(world, victim.id, { kind, against, commercial: op ? op.commercial : false }) : NONE_YET,
    perceived: NONE_YET,
  };
  ctx.events.push({
    type: 'incident.detected',
    round: ctx.round,
    phase: 'detection',
    incident: id,
    victim: incident.victim,
    kind,
    against,
    severity,
    commercial: incident.commercial,
    operation: incident.operation,
    suspect: top ? (world.actors[top.index]?.id ?? null) : null,
    confidence: top ? top.confidence : 0,
  });
  return notePerception(world, ctx, incident);
}

// Scratch for prior's weights, consumed at once by priorOverSuspects (never returned, never kept).
let priorWeights = new Float64Array(0);

/** Prior of victim v over suspects: capability × (1 − trust) for everyone else, plus "nobody". */
export function prior(world: World, v: number, kind: OperationKind): Float64Array {
  const n = world.actors.length;
  const d = world.dyads;
  if (priorWeights.length !== n) priorWeights = new Float64Array(n);
  const w = priorWeights;
  for (let x = 0; x < n; x++) {
    const a = world.actors[x];
    if (x === v || !a) {
      w[x] = 0;
      continue;
    }
    const k = v * n + x;
    w[x] = relevantCapability(a.capabilities, kind) * (1 - betaTrust(d.trustR[k] ?? 0, d.trustS[k] ?? 0));
  }
  return priorOverSuspects(w, world.mechanisms.posterior.nobodyWeight);
}

/**
 * One forensic signal, as an actor index or null. For a real operation the signal names the
 * author with probability q (after the first signal, a proxy's author may be traced to its
 * sponsor); otherwise it names the false-flag target if there is one, else another plausible
 * suspect. For a false alarm it names a random plausible suspect.
 */
export function drawSignal(
  world: World,
  index: ReadonlyMap<string, number>,
  op: Operation | undefined,
  kind: OperationKind,
  v: number,
  q: number,
  initial: boolean,
  stream: Stream,
): number | null {
  const authorIdx = op ? (index.get(op.author) ?? -1) : -1;
  if (op) {
    if (stream.next() < q) {
      const author = world.actors[authorIdx];
      if (!initial && author && author.sponsor !== null && stream.next() < world.mechanisms.identification.proxySponsorLink) {
        return index.get(author.sponsor) ?? authorIdx;
      }
      return authorIdx;
    }
    if (op.falseFlag !== null) return index.get(op.falseFlag) ?? null;
  }
  const others: number[] = [];
  for (let x = 0; x < world.actors.length; x++) {
    const a = world.actors[x];
    if (x !== v && x !== authorIdx && a && relevantCapability(a.capabilities, kind) > 0) others.push(x);
  }
  if (others.length === 0) return null;
  return others[stream.int(others.length)] ?? null;
}

const NO_GROUPS: ReadonlyMap<string, readonly never[]> = new Map();
const NO_SHARING: ReadonlyMap<string, number> = new Map();

/** Number of information-sharing agreements each actor is party to. */
function sharingCounts(world: World): Map<string, number> {
  const m = new Map<string, number>();
  const agreements = world.agreements;
  for (let a = 0; a < agreements.length; a++) {
    const ag = agreements[a] as World['agreements'][number];
    if (!anyOf(ag.terms, (t) => t.kind === 'information-sharing')) continue;
    for (let k = 0; k < ag.parties.length; k++) {
      const p = ag.parties[k] as string;
      m.set(p, (m.get(p) ?? 0) + 1);
    }
  }
  return m;
}
