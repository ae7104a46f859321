import type { Agreement } from '../../model/agreement.js';
import { topSuspect } from '../../model/attribution.js';
import type { NormId } from '../../model/ids.js';
import type { Incident, IncidentCommitment } from '../../model/incident.js';
import type { OperationKind, OperationTarget } from '../../model/operation.js';
import type { World } from '../../model/world.js';
import { incidentWith } from '../world.js';
import type { RoundContext } from './context.js';
import { operationById } from './operations.js';

/** The list of a file that holds no commitment, or has perceived against nobody (shared: never written). */
export const NONE_YET: readonly never[] = Object.freeze([]);

/** What a victim saw of an act: what a commitment or an adopted norm can forbid. */
export interface SeenAct {
  readonly kind: OperationKind;
  readonly against: OperationTarget;
  readonly commercial: boolean;
}

/**
 * The adopted norms an act breaks, in a fixed order: (c) acting through a proxy (only the engine
 * can tell), (f) an attack on critical infrastructure, (k) harm to a CERT.
 */
export function brokenNorms(adopted: readonly NormId[], act: SeenAct, viaProxy: boolean): NormId[] {
  const out: NormId[] = [];
  if (viaProxy && adopted.includes('gge15.c')) out.push('gge15.c');
  if (act.against === 'critical-infrastructure' && act.kind !== 'espionage' && adopted.includes('gge15.f')) out.push('gge15.f');
  if (act.against === 'cert' && adopted.includes('gge15.k')) out.push('gge15.k');
  return out;
}

/**
 * The commitments an act seen by `victim` broke if a given actor did it, judged on the agreements
 * and norms in force now (the world of the operations phase, when the act happened): for each
 * other actor in id order, its `no-commercial-theft` agreement with the victim (a commercial
 * theft), then the norms it had adopted that forbid the act. Most acts break nothing.
 */
export function actCommitments(world: World, victim: string, act: SeenAct): readonly IncidentCommitment[] {
  const normsMatter = (act.against === 'critical-infrastructure' && act.kind !== 'espionage') || act.against === 'cert';
  const theftMatters = act.commercial && world.agreements.length > 0;
  if (!normsMatter && !theftMatters) return NONE_YET;
  // The answer depends only on the actors, the agreements and norms in force, the victim and what
  // the act looks like; those lists are replaced, never changed, so in a large world one frozen
  // answer is shared by every file it fits (where all have agreed with all, a list of up to one
  // entry per actor, which each file used to make and freeze anew). In a small world it is a few
  // comparisons, cheaper than the lookups (whose weak maps cost the collector every scavenge).
  if (world.actors.length <= SMALL_WORLD) return commitmentsOf(world, victim, act, normsMatter, theftMatters);
  const answers = answersFor(world);
  const key = `${victim}\u0000${act.against}\u0000${act.kind === 'espionage'}\u0000${act.commercial}`;
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = commitmentsOf(world, victim, act, normsMatter, theftMatters)));
  return answer;
}

/** Up to this many actors, actCommitments computes its answer instead of looking it up. */
const SMALL_WORLD = 16;

const answersOf = new WeakMap<World['actors'], WeakMap<readonly Agreement[], WeakMap<World['norms'], Map<string, readonly IncidentCommitment[]>>>>();

/** The answers of actCommitments kept for this world's actors, agreements and norms. */
function answersFor(world: World): Map<string, readonly IncidentCommitment[]> {
  let byAgreements = answersOf.get(world.actors);
  if (byAgreements === undefined) answersOf.set(world.actors, (byAgreements = new WeakMap()));
  let byNorms = byAgreements.get(world.agreements);
  if (byNorms === undefined) byAgreements.set(world.agreements, (byNorms = new WeakMap()));
  let answers = byNorms.get(world.norms);
  if (answers === undefined) byNorms.set(world.norms, (answers = new Map()));
  return answers;
}

function commitmentsOf(world: World, victim: string, act: SeenAct, normsMatter: boolean, theftMatters: boolean): readonly IncidentCommitment[] {
  let out: IncidentCommitment[] | undefined;
  const theft = theftMatters ? theftPartners(world.agreements, victim) : undefined;
  const actors = world.actors;
  for (let x = 0; x < actors.length; x++) {
    const by = (actors[x] as World['actors'][number]).id;
    if (by === victim) continue;
    const ag: Agreement | undefined = theft?.get(by);
    if (ag) (out ??= []).push({ by, commitment: 'no-commercial-theft', norm: null, agreement: ag.id });
    if (!normsMatter) continue;
    for (const norm of brokenNorms(world.norms[by] ?? NONE_YET, act, false)) (out ??= []).push({ by, commitment: null, norm, agreement: null });
  }
  if (out === undefined) return NONE_YET;
  for (const c of out) Object.freeze(c);
  return Object.freeze(out);
}

/**
 * Each partner of `victim` under a `no-commercial-theft` term, with the first such agreement in
 * the list (the one `hasTerm` finds): one pass over the agreements, not one per actor, which in a
 * world of many actors and agreements was most of a run's time. Undefined when there is none.
 */
function theftPartners(agreements: readonly Agreement[], victim: string): ReadonlyMap<string, Agreement> | undefined {
  let out: Map<string, Agreement> | undefined;
  for (const ag of agreements) {
    if (!ag.parties.includes(victim) || !ag.terms.some((t) => t.kind === 'no-commercial-theft')) continue;
    for (const p of ag.parties) if (p !== victim && !out?.has(p)) (out ??= new Map()).set(p, ag);
  }
  return out;
}

/**
 * Called whenever a file's belief may have changed (detection, investigation, a reveal, shared
 * information, a hotline answer or an admission, assistance): if the file now names a suspect —
 * its top suspect — with confidence ≥ `audit.confidenceThreshold` for the first time, and the act
 * broke commitments of that suspect's, the victim perceives them broken. The perception is noted
 * for the round's audit (`ctx.perceptions`) and the suspect joins the file's `perceived`, so that
 * it is perceived once per file and suspect. Returns the file, changed only then.
 */
export function notePerception(world: World, ctx: RoundContext, inc: Incident): Incident {
  if (inc.commitments.length === 0) return inc;
  const top = topSuspect(inc.posterior);
  if (top === null || top.confidence < world.mechanisms.audit.confidenceThreshold) return inc;
  const suspect = world.actors[top.index]?.id;
  if (suspect === undefined || inc.perceived.includes(suspect)) return inc;
  const broken = inc.commitments.filter((c) => c.by === suspect);
  if (broken.length === 0) return inc;
  const op = inc.operation === null ? undefined : operationById(ctx, world.operations, inc.operation);
  const real = op !== undefined && (op.principal === suspect || op.author === suspect);
  ctx.perceptions.push({ at: ctx.events.length, incident: inc.id, victim: inc.victim, suspect, confidence: top.confidence, real, broken });
  return incidentWith(inc, { perceived: [...inc.perceived, suspect] });
}
