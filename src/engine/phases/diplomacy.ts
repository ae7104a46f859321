import type { DiplomacyAction, IncidentRef, Request } from '../../model/action.js';
import { identificationProbability, topSuspect, updatePosterior } from '../../model/attribution.js';
import { clamp01 } from '../../model/capability.js';
import type { Incident } from '../../model/incident.js';
import { withFields } from '../../model/record.js';
import type { World } from '../../model/world.js';
import { actorIndex, incidentWith, worldWith } from '../world.js';
import { notePerception } from './perception.js';
import { indexOfId, sameOr, sameRecordOr } from '../lists.js';
import { adoptNorm, hasTerm } from './agreements.js';
import type { RoundContext } from './context.js';
import { inSession } from './injects.js';

/** The working copy of the world during the phase: its lists are this phase's own copies. */
type Mutable = { -readonly [K in keyof World]: World[K] } & {
  incidents: Incident[];
  requests: Request[];
  sanctions: World['sanctions'][number][];
  threats: World['threats'][number][];
  talks: World['talks'][number][];
  dialogues: World['dialogues'][number][];
  agreements: World['agreements'][number][];
  tabled: World['tabled'][number][];
  norms: Readonly<Record<string, readonly string[]>>;
  normsCopied?: boolean;
};

/** The diplomacy actions of one actor, in the order it gave them. */
export interface DiplomacyOrders {
  readonly actor: string;
  readonly actions: readonly DiplomacyAction[];
}

/**
 * Phase 4: apply diplomacy in canonical order (actors by id, each in its own order). Each action
 * is re-validated against the state left by the ones before it (`revalidate`), so two identical
 * sanctions, or two proposals of talks between the same pair, cannot both pass. Accusations,
 * hotline queries, requests for assistance and offers of talks become requests answered in phase 5;
 * tabled packages are voted on in phase 5 by the forum's members.
 */
export function applyDiplomacy(
  world: World,
  ctx: RoundContext,
  orders: readonly DiplomacyOrders[],
  revalidate: (world: World, actor: string, action: DiplomacyAction) => string | null,
): World {
  // Nothing to do only when nobody acts and no forum sits: a forum in session votes anyway.
  if (orders.every((o) => o.actions.length === 0) && !world.forums.some((f) => inSession(f, ctx.round))) return world;
  const index = actorIndex(world);
  const m = world.mechanisms;
  const round = ctx.round;
  const phase = 'diplomacy' as const;
  // Copy-on-write working state instead of an immer draft: validation reads the incident and
  // request lists for every action, and reading them through draft proxies cost more than the whole
  // phase (profiled at 128 actors). Nothing of `world` is written; the lists are replaced.
  // Built by worldWith, not by spreading the frozen world: every world then has one hidden class
  // (see worldWith), and validation reads this one as it reads the others.
  const next: Mutable = worldWith(world, {
    incidents: [...world.incidents],
    requests: [...world.requests],
    sanctions: [...world.sanctions],
    threats: [...world.threats],
    talks: [...world.talks],
    dialogues: [...world.dialogues],
    agreements: [...world.agreements],
    tabled: [...world.tabled],
  }) as Mutable;
  const counters = new Map<string, number>();
  const nextId = (prefix: string, actor: string) => {
    const key = `${prefix}:${actor}`;
    const k = counters.get(key) ?? 0;
    counters.set(key, k + 1);
    return `${prefix}:${actor}:${round}:${k}`;
  };
  const ref = (inc: Incident, about: string): IncidentRef => ({
    id: inc.id,
    round: inc.round,
    kind: inc.kind,
    severity: inc.severity,
    confidence: inc.posterior[index.get(about) ?? -1] ?? 0,
  });
  const incidentOf = (id: string) => next.incidents[indexOfId(next.incidents, id)] as Incident;

  for (const { actor, actions } of orders) {
    for (const action of actions) {
      const reason = revalidate(next, actor, action);
      if (reason !== null) {
        ctx.events.push({ type: 'action.rejected', round, phase, actor, action, reason });
        continue;
      }
      switch (action.type) {
        case 'accuse': {
          const inc = incidentOf(action.incident);
          const id = nextId('acc', actor);
          const formal = action.public && action.formal === true;
          const request: Request = { id, kind: 'accusation', from: actor, to: action.target, round, due: round, incident: ref(inc, action.target), public: action.public, formal };
          next.requests.push(request);
          ctx.events.push({ type: 'accusation.made', round, phase, accusation: id, by: actor, target: action.target, incident: inc.id, public: action.public, formal, confidence: request.incident.confidence });
          break;
        }
        case 'hotline-query': {
          const inc = incidentOf(action.incident);
          const id = nextId('hq', actor);
          next.requests.push({ id, kind: 'hotline-query', from: actor, to: action.target, round, due: round, incident: ref(inc, action.target) });
          ctx.events.push({ type: 'hotline.queried', round, phase, query: id, by: actor, target: action.target, incident: inc.id });
          break;
        }
        case 'request-assistance': {
          const inc = incidentOf(action.incident);
          const id = nextId('as', actor);
          const term = hasTerm(next.agreements, actor, action.target, 'assistance')?.terms.find((t) => t.kind === 'assistance');
          const due = round + Math.max(0, Math.floor(term?.rounds ?? m.assistance.deadline));
          next.requests.push({ id, kind: 'assistance', from: actor, to: action.target, round, due, incident: ref(inc, action.target) });
          ctx.events.push({ type: 'assistance.requested', round, phase, request: id, by: actor, target: action.target, incident: inc.id, due });
          break;
        }
        case 'propose-talks': {
          const id = `talks:${actor}:${action.target}:${round}`;
          const deadline = round + Math.max(0, Math.floor(action.deadline ?? m.talks.deadline));
          next.talks.push({ id, parties: [actor, action.target], offer: action.terms, offeredBy: actor, turn: action.target, opened: round, deadline, exchanges: 1 });
          next.requests.push({ id: `${id}#1`, kind: 'proposal', from: actor, to: action.target, round, due: deadline, talks: id, terms: action.terms, deadline });
          ctx.events.push({ type: 'talks.opened', round, phase, talks: id, by: actor, target: action.target, terms: action.terms, deadline });
          break;
        }
        case 'table-package': {
          const norms = [...new Set(action.norms)].sort();
          next.tabled.push({ forum: action.forum, by: actor, norms });
          ctx.events.push({ type: 'forum.tabled', round, phase, forum: action.forum, by: actor, norms });
          break;
        }
        case 'sanction': {
          const sanction = { id: `san:${actor}:${action.target}:${action.measure}:${round}`, by: actor, target: action.target, measure: action.measure, since: round };
          next.sanctions.push(sanction);
          next.threats = next.threats.filter((t) => !(t.by === actor && t.target === action.target));
          ctx.events.push({ type: 'sanction.imposed', round, phase, sanction });
          break;
        }
        case 'threaten-sanctions': {
          const threat = { id: `thr:${actor}:${action.target}:${round}`, by: actor, target: action.target, measure: action.measure, unless: action.unless ?? '', since: round };
          next.threats.push(threat);
          ctx.events.push({ type: 'sanction.threatened', round, phase, threat });
          break;
        }
        case 'lift-sanction': {
          const lifted = next.sanctions.filter((s) => s.by === actor && s.target === action.target);
          next.sanctions = next.sanctions.filter((s) => !(s.by === actor && s.target === action.target));
          for (const s of lifted) ctx.events.push({ type: 'sanction.lifted', round, phase, sanction: s.id, by: actor, target: action.target });
          break;
        }
        case 'adopt-norm': {
          // Validation has made sure it is not adopted yet.
          adoptNorm(next, actor, action.norm);
          ctx.events.push({ type: 'norm.adopted', round, phase, actor, norm: action.norm });
          break;
        }
        case 'suspend-dialogue':
        case 'resume-dialogue': {
          const suspended = action.type === 'suspend-dialogue';
          next.dialogues = next.dialogues.map((d) => {
            if (!(d.parties.includes(actor) && d.parties.includes(action.target)) || d.suspended === suspended) return d;
            ctx.events.push({ type: suspended ? 'dialogue.suspended' : 'dialogue.resumed', round, phase, dialogue: d.id, by: actor, target: action.target });
            return withFields(d, { suspended });
          });
          break;
        }
        case 'withdraw': {
          const ag = next.agreements.find((a) => a.id === action.agreement);
          if (!ag) break;
          next.agreements = next.agreements.filter((a) => a.id !== ag.id);
          next.dialogues = next.dialogues.filter((d) => d.agreement !== ag.id);
          ctx.events.push({ type: 'agreement.withdrawn', round, phase, agreement: ag.id, by: actor, parties: ag.parties });
          break;
        }
        case 'share-information': {
          const inc = incidentOf(action.incident);
          const top = topSuspect(inc.posterior);
          const suspect = top ? (world.actors[top.index]?.id ?? null) : null;
          ctx.events.push({ type: 'information.shared', round, phase, by: actor, target: action.target, incident: inc.id, suspect, confidence: top ? top.confidence : 0 });
          // The recipient learns from it only if it has its own file on the same operation:
          // the sharer's best suspect becomes one more signal, as reliable as the sharer's forensics.
          if (inc.operation !== null && top) {
            const k = next.incidents.findIndex((x) => x.victim === action.target && x.operation === inc.operation);
            const theirs = next.incidents[k];
            const sharer = world.actors[index.get(actor) ?? -1];
            if (theirs && sharer) {
              const q = identificationProbability(sharer.capabilities.attribution, 0, m);
              const posterior = updatePosterior(theirs.posterior, top.index, q);
              next.incidents[k] = notePerception(world, ctx, incidentWith(theirs, { signals: [...theirs.signals, suspect], posterior }));
              // Narrative only: an unobserved round does not make it (round.ts, UNOBSERVED).
              if (ctx.observed) {
                const t = topSuspect(posterior);
                ctx.events.push({ type: 'incident.investigated', round, phase, incident: theirs.id, victim: theirs.victim, signal: suspect, suspect: t ? (world.actors[t.index]?.id ?? null) : null, confidence: t ? t.confidence : 0 });
              }
            }
          }
          break;
        }
        case 'retaliate': {
          const me = world.actors[index.get(actor) ?? -1];
          const target = world.actors[index.get(action.target) ?? -1];
          if (!me || !target) break;
          const p = clamp01(me.capabilities.offense * (1 - m.operations.defenseWeight * target.capabilities.defense));
          const success = ctx.streams.of(actor, 'retaliation').next() < p;
          ctx.events.push({ type: 'retaliation.conducted', round, phase, by: actor, target: action.target, kind: action.kind, severity: m.operations.severity[action.kind], success, incident: action.incident ?? null });
          break;
        }
        case 'deny':
          ctx.events.push({ type: 'denial.issued', round, phase, by: actor, accusation: action.accusation, accuser: accuserOf(next, action.accusation) });
          break;
        case 'pass':
          break;
      }
    }
  }
  // Every member votes, in phase 5, on each package before a forum in session: its agenda and
  // what members tabled this round (a package tabled twice is voted on once).
  for (const f of next.forums) {
    if (!inSession(f, round)) continue;
    const packages = new Map<string, readonly string[]>();
    for (const pkg of f.agenda) packages.set(pkg.join(','), pkg);
    for (const t of next.tabled) if (t.forum === f.id && !packages.has(t.norms.join(','))) packages.set(t.norms.join(','), t.norms);
    let k = 0;
    for (const norms of packages.values()) {
      for (const member of f.members) {
        next.requests.push({ id: `vote:${f.id}:${round}:${k}:${member}`, kind: 'forum-vote', from: f.id, to: member, round, due: round, forum: f.id, norms });
      }
      k++;
    }
  }
  // The lists no action changed stay the world's own (see sameOr).
  return worldWith(world, {
    incidents: sameOr(next.incidents, world.incidents),
    requests: sameOr(next.requests, world.requests),
    sanctions: sameOr(next.sanctions, world.sanctions),
    threats: sameOr(next.threats, world.threats),
    talks: sameOr(next.talks, world.talks),
    dialogues: sameOr(next.dialogues, world.dialogues),
    agreements: sameOr(next.agreements, world.agreements),
    tabled: sameOr(next.tabled, world.tabled),
    norms: sameRecordOr(next.norms, world.norms),
  });
}

/** Who made an accusation still open this round or made in the previous round. */
function accuserOf(world: World, accusation: string): string {
  const open = world.requests.find((r) => r.id === accusation);
  if (open) return open.from;
  for (const e of world.recent) if (e.type === 'accusation.made' && e.accusation === accusation) return e.by;
  return '';
}
