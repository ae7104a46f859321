import type { Action, Request, Response } from '../model/action.js';
import { DIPLOMACY_ACTION_TYPES, RESPONSE_TYPES, RESPONSES_BY_KIND, RETALIATION_KINDS } from '../model/action.js';
import type { Actor } from '../model/actor.js';
import type { Forum } from '../model/agreement.js';
import { SANCTION_MEASURES } from '../model/agreement.js';
import { relevantCapability } from '../model/attribution.js';
import type { DecisionPhase } from '../model/event.js';
import type { Incident } from '../model/incident.js';
import { describe } from '../model/mechanisms.js';
import { isKnownNorm } from '../model/norms.js';
import { OPERATION_KINDS, OPERATION_TARGETS } from '../model/operation.js';
import type { World } from '../model/world.js';
import type { VisibleEvent } from './contract.js';
import type { ConfigIssue } from './errors.js';
import { inSession } from './phases/injects.js';
import { actorIndex, checkTerms, incidentIndex } from './world.js';

/**
 * What {@link validateAction} reads of a world: public facts, plus the acting actor's own incidents
 * and the requests and accusations addressed to it. A `World` is one; so is what an actor's view
 * shows (the play session checks a player's input against that, so a message never reveals
 * hidden truth) — and the compiler keeps the two in step.
 *
 * @example
 * ```ts
 * const reason = validateAction(world satisfies ValidationWorld, 'US', 'diplomacy', { type: 'pass' }); // null
 * ```
 */
export interface ValidationWorld {
  readonly round: number;
  readonly actors: readonly Pick<Actor, 'id' | 'kind' | 'sponsor' | 'capabilities'>[];
  readonly norms: World['norms'];
  readonly incidents: readonly Pick<Incident, 'id' | 'victim'>[];
  readonly requests: World['requests'];
  readonly recent: readonly VisibleEvent[];
  readonly agreements: World['agreements'];
  readonly sanctions: World['sanctions'];
  readonly threats: World['threats'];
  readonly talks: World['talks'];
  readonly dialogues: World['dialogues'];
  readonly forums: readonly Pick<Forum, 'id' | 'members' | 'first' | 'every'>[];
}

/**
 * Why an action is invalid for this actor in this phase, or null when it is valid. Pure: checks
 * the action against the world without changing anything. Per-round limits are checked by the
 * phase that applies the actions. The first problem found is the one given: for an action about
 * an incident, the incident is checked (it must be one of the actor's own) before the rest.
 *
 * @example
 * ```ts
 * // US has detected an incident; US and CN have signed no hotline.
 * const incident = world.incidents.find((i) => i.victim === 'US')?.id;
 * validateAction(world, 'US', 'diplomacy', { type: 'hotline-query', target: 'CN', incident });
 * // 'no hotline between US and CN'
 * validateAction(world, 'US', 'diplomacy', { type: 'hotline-query', target: 'CN', incident: 'x' });
 * // "no incident 'x' of US under investigation"
 * ```
 */
export function validateAction(world: ValidationWorld, actorId: string, phase: DecisionPhase, action: unknown): string | null {
  if (!action || typeof action !== 'object' || Array.isArray(action)) return 'an action must be an object with a type';
  const a = action as Action;
  const index = actorIndex(world);
  const i = index.get(actorId);
  const actor = i === undefined ? undefined : world.actors[i];
  if (!actor) return `unknown actor '${actorId}'`;
  const target = (id: unknown): string | null => {
    if (typeof id !== 'string' || !index.has(id)) return `unknown target '${shown(id)}'`;
    if (id === actorId) return 'an actor cannot target itself';
    return null;
  };
  const ownIncident = (id: unknown): string | null => {
    const k = typeof id === 'string' ? incidentIndex(world.incidents, id, actorId) : -1;
    return k >= 0 ? null : `no incident '${shown(id)}' of ${actorId} under investigation`;
  };
  if (phase === 'operations') {
    if (a.type !== 'operate') return `'${shown(a.type)}' is not allowed in the operations phase (only 'operate')`;
    const t = target(a.target);
    if (t) return t;
    if (!OPERATION_KINDS.includes(a.kind)) return `unknown operation kind '${shown(a.kind)}'`;
    if (a.against !== undefined && !OPERATION_TARGETS.includes(a.against)) return `unknown operation target '${shown(a.against)}'`;
    let performer: ValidationWorld['actors'][number] = actor;
    if (a.via !== undefined) {
      const p = typeof a.via === 'string' ? world.actors[index.get(a.via) ?? -1] : undefined;
      if (!p) return `unknown proxy '${shown(a.via)}'`;
      if (p.kind !== 'proxy' || p.sponsor !== actorId) return `${p.id} is not a proxy of ${actorId}`;
      if (p.id === a.target) return 'a proxy cannot be ordered against itself';
      performer = p;
    }
    if (a.falseFlag !== undefined) {
      if (typeof a.falseFlag !== 'string' || !index.has(a.falseFlag)) return `unknown false-flag actor '${shown(a.falseFlag)}'`;
      if (a.falseFlag === a.target) return 'a false flag cannot point at the target itself';
    }
    if (a.commercial !== undefined && typeof a.commercial !== 'boolean') return "'commercial' must be true or false";
    if (a.commercial === true && a.kind !== 'espionage') return 'only espionage can be commercial';
    if (!(relevantCapability(performer.capabilities, a.kind) > 0)) return `${performer.id} has no capability for ${a.kind}`;
    return null;
  }
  if (phase !== 'diplomacy') return `actions are not taken in the ${phase} phase`;
  if (!(DIPLOMACY_ACTION_TYPES as readonly string[]).includes(a.type)) {
    return `'${shown(a.type)}' is not allowed in the diplomacy phase (one of ${DIPLOMACY_ACTION_TYPES.join(', ')})`;
  }
  switch (a.type) {
    case 'accuse':
      return target(a.target) ?? ownIncident(a.incident) ?? (typeof a.public !== 'boolean' ? "'public' must be true or false" : null);
    case 'hotline-query': {
      const t = target(a.target) ?? ownIncident(a.incident);
      if (t) return t;
      const has = world.agreements.some((ag) => ag.parties.includes(actorId) && ag.parties.includes(a.target) && ag.terms.some((x) => x.kind === 'hotline'));
      return has ? null : `no hotline between ${actorId} and ${a.target}`;
    }
    case 'sanction': {
      const t = target(a.target);
      if (t) return t;
      if (actor.kind !== 'state') return `only states can sanction (${actorId} is a ${actor.kind})`;
      if (!SANCTION_MEASURES.includes(a.measure)) return `unknown sanction measure '${shown(a.measure)}'`;
      if (world.sanctions.some((s) => s.by === actorId && s.target === a.target && s.measure === a.measure)) {
        return `${actorId} already has ${a.measure} sanctions on ${a.target}`;
      }
      return null;
    }
    case 'lift-sanction': {
      const t = target(a.target);
      if (t) return t;
      return world.sanctions.some((s) => s.by === actorId && s.target === a.target) ? null : `${actorId} has no sanction in force on ${a.target}`;
    }
    case 'adopt-norm':
      if (typeof a.norm !== 'string' || !isKnownNorm(a.norm)) return `unknown norm '${shown(a.norm)}'`;
      return (world.norms[actorId] ?? []).includes(a.norm) ? `${actorId} has already adopted ${a.norm}` : null;
    case 'share-information':
      return target(a.target) ?? ownIncident(a.incident);
    case 'retaliate': {
      const t = target(a.target);
      if (t) return t;
      if (!RETALIATION_KINDS.includes(a.kind)) return `retaliation must be ${RETALIATION_KINDS.map((k) => `'${k}'`).join(' or ')}, not '${shown(a.kind)}'`;
      if (!(actor.capabilities.offense > 0)) return `${actorId} has no offensive capability`;
      return a.incident === undefined ? null : ownIncident(a.incident);
    }
    case 'deny':
      return world.requests.some((r) => r.id === a.accusation && r.to === actorId && r.kind === 'accusation') ||
        world.recent.some((e) => e.type === 'accusation.made' && e.accusation === a.accusation && e.target === actorId)
        ? null
        : `no accusation '${shown(a.accusation)}' against ${actorId}`;
    case 'propose-talks': {
      const t = target(a.target);
      if (t) return t;
      if (world.talks.some((x) => x.parties.includes(actorId) && x.parties.includes(a.target))) return `talks between ${actorId} and ${a.target} are already under way (answer or counter there)`;
      const issues: ConfigIssue[] = [];
      checkTerms(a.terms, 'terms', issues);
      if (issues.length > 0) return `invalid terms: ${issues.map((i) => `${i.path}: expected ${i.expected}, received ${i.received}`).join('; ')}`;
      if (a.deadline !== undefined && !(Number.isInteger(a.deadline) && a.deadline >= 0 && a.deadline <= 1000)) return `deadline must be a whole number of rounds from 0 to 1000, not ${shown(a.deadline)}`;
      return null;
    }
    case 'request-assistance':
      return target(a.target) ?? ownIncident(a.incident);
    case 'table-package': {
      const forum = world.forums.find((f) => f.id === a.forum);
      if (!forum) return `unknown forum '${shown(a.forum)}'`;
      if (!forum.members.includes(actorId)) return `${actorId} is not a member of ${forum.id}`;
      if (!inSession(forum, world.round)) return `${forum.id} is not in session this round`;
      if (!Array.isArray(a.norms) || a.norms.length === 0) return 'a package needs at least one norm';
      const unknown = a.norms.find((n) => typeof n !== 'string' || !isKnownNorm(n));
      if (unknown !== undefined) return `unknown norm '${shown(unknown)}'`;
      const done = forum.members.every((m) => a.norms.every((n) => (world.norms[m] ?? []).includes(n)));
      return done ? `every member of ${forum.id} has already adopted ${a.norms.join(', ')}` : null;
    }
    case 'threaten-sanctions': {
      const t = target(a.target);
      if (t) return t;
      if (actor.kind !== 'state') return `only states can threaten sanctions (${actorId} is a ${actor.kind})`;
      if (!SANCTION_MEASURES.includes(a.measure)) return `unknown sanction measure '${shown(a.measure)}'`;
      if (a.unless !== undefined && typeof a.unless !== 'string') return "'unless' must be a text stating the condition";
      return world.threats.some((x) => x.by === actorId && x.target === a.target && x.measure === a.measure) ? `${actorId} already threatens ${a.target} with ${a.measure} sanctions` : null;
    }
    case 'suspend-dialogue':
    case 'resume-dialogue': {
      const t = target(a.target);
      if (t) return t;
      const d = world.dialogues.filter((x) => x.parties.includes(actorId) && x.parties.includes(a.target));
      if (d.length === 0) return `no scheduled dialogue between ${actorId} and ${a.target}`;
      const want = a.type === 'suspend-dialogue';
      return d.some((x) => x.suspended !== want) ? null : `the dialogue with ${a.target} is already ${want ? 'suspended' : 'running'}`;
    }
    case 'withdraw': {
      const ag = world.agreements.find((x) => x.id === a.agreement);
      if (!ag) return `no agreement '${shown(a.agreement)}' in force`;
      return ag.parties.includes(actorId) ? null : `${actorId} is not a party to ${ag.id}`;
    }
    case 'pass':
      return null;
    default:
      return `unknown action type '${shown((a as { type: unknown }).type)}'`;
  }
}

/**
 * Why a response is invalid for a request, or null. @example `validateResponse(request, { type: 'deny' }) // null`
 */
export function validateResponse(request: Request, response: unknown): string | null {
  if (!response || typeof response !== 'object' || Array.isArray(response)) return 'a response must be an object with a type';
  const r = response as Response;
  const allowed = RESPONSES_BY_KIND[request.kind];
  if (!(RESPONSE_TYPES as readonly string[]).includes(r.type) || !allowed.includes(r.type)) {
    return `'${shown(r.type)}' does not answer a ${request.kind} (one of ${allowed.join(', ')})`;
  }
  if (r.type === 'counter') {
    const issues: ConfigIssue[] = [];
    checkTerms(r.terms, 'terms', issues);
    if (issues.length > 0) return `invalid counter-offer: ${issues.map((i) => `${i.path}: expected ${i.expected}, received ${i.received}`).join('; ')}`;
  }
  return null;
}

/**
 * A field's value as the reasons above print it: a text or a number as it is, a list or an object
 * described ('an array'). String walked nested lists, so a deep one threw a RangeError instead of
 * giving a reason, and one whose parts are shared over and over never ended; the copy of a
 * decision (plain.ts) holds them to a million objects, but validateAction is public.
 */
function shown(v: unknown): string {
  return typeof v === 'object' && v !== null ? describe(v) : String(v);
}
