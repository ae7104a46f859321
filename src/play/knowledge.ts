// What a human actor knows this round, told in sentences, and the same knowledge as what
// validateAction reads (ValidationWorld). Checking a player's input against the view (never the
// hidden world) keeps messages from leaking what the actor cannot know.
import type { ActorView } from '../engine/contract.js';
import { GGE15_NORMS } from '../model/norms.js';
import type { ValidationWorld } from '../engine/validate.js';
import type { Commitment } from '../model/agreement.js';
import type { NormId } from '../model/ids.js';
import type { Mechanisms } from '../model/mechanisms.js';
import { narrateEvent } from '../report/narrative.js';
import type { Calendar } from '../scenario/format.js';
import { roundHeading } from '../scenario/calendar.js';
import { laterText, PLAY_EN } from '../text/play.en.js';
import type { PlayText } from '../text/play.en.js';
import type { Turn } from './game.js';

const projections = new WeakMap<ActorView, ValidationWorld>();

/**
 * What `validateAction` reads of a world, taken from one actor's view: its incidents, the requests
 * and accusations addressed to it, its agreements, talks and dialogues, every public fact. Other
 * actors' sponsors stay hidden unless the view shows them.
 *
 * @example
 * ```ts
 * validateAction(validationWorld(turn.view), turn.actor, turn.phase, { type: 'pass' }); // null
 * ```
 */
export function validationWorld(view: ActorView): ValidationWorld {
  const cached = projections.get(view);
  if (cached) return cached;
  const norms: Record<string, readonly NormId[]> = {};
  for (const a of view.actors) norms[a.id] = view.norms(a.id);
  const world: ValidationWorld = {
    round: view.round,
    actors: view.actors.map((a) => ({ id: a.id, kind: a.kind, capabilities: a.capabilities, sponsor: a.sponsor ?? null })),
    norms,
    incidents: view.incidents.map((i) => ({ id: i.id, victim: view.self })),
    requests: view.requests,
    recent: view.events,
    agreements: view.agreements,
    sanctions: view.sanctions,
    threats: view.threats,
    talks: view.talks,
    dialogues: view.dialogues,
    forums: view.forums,
  };
  projections.set(view, world);
  return world;
}

/**
 * Accusations the viewer can deny: open ones addressed to it and those made last round.
 *
 * @example
 * ```ts
 * for (const a of accusationsAgainst(view)) console.log(`${a.by} accuses you (${a.public ? 'publicly' : 'privately'})`);
 * ```
 */
export function accusationsAgainst(view: ActorView): { readonly id: string; readonly by: string; readonly incident: string; readonly public: boolean }[] {
  const out = new Map<string, { id: string; by: string; incident: string; public: boolean }>();
  for (const e of view.events) {
    if (e.type === 'accusation.made' && e.target === view.self) out.set(e.accusation, { id: e.accusation, by: e.by, incident: e.incident, public: e.public });
  }
  for (const r of view.requests) {
    if (r.kind === 'accusation' && !out.has(r.id)) out.set(r.id, { id: r.id, by: r.from, incident: r.incident.id, public: r.public });
  }
  return [...out.values()];
}

/** The other actors (sorted by id). */
export function othersOf(view: ActorView): string[] {
  return view.actors.filter((a) => a.id !== view.self).map((a) => a.id);
}

/**
 * The heading of a turn: round (with its date when the scenario has a calendar), actor, phase.
 *
 * @example
 * ```ts
 * turnHeading(game.turn!, scenario.calendar); // '═══ Round 3 (Apr 2015) · US · diplomacy ═══'
 * ```
 */
export function turnHeading(turn: Turn, calendar: Calendar | undefined, text: PlayText = PLAY_EN): string {
  return text.turnHeading(roundHeading(calendar, turn.round), turn.actor, turn.phase);
}

/**
 * What the actor of a turn knows, as lines to print: the news it heard, its incidents with the
 * top suspect and confidence, what waits for its answer, accusations against it, its sponsor (a
 * proxy) or its proxies (a sponsor), trust,
 * escalation, agreements and talks, sanctions and threats, norms, forums, own operations, welfare.
 *
 * @example
 * ```ts
 * console.log(describeTurn(game.turn!).join('\n'));
 * ```
 */
export function describeTurn(turn: Turn, text: PlayText = PLAY_EN): string[] {
  const v = turn.view;
  const lines: string[] = [];
  const news = v.events
    .filter((e) => isNewTo(turn.phase, v.round, e.round, e.phase))
    // An action of the viewer's that the engine refused (the other side opened the same talks in
    // the same phase, a norm queued twice) is told: it was queued and submitted without a word,
    // and is seen only in the view (no one else sees it), so the player would think it was done.
    .map((e) => narrateEvent(e as Parameters<typeof narrateEvent>[0], { truth: false, verbose: e.type === 'action.rejected' }))
    .filter((s): s is string => s !== null);
  if (turn.phase === 'operations' || news.length > 0) {
    if (news.length === 0) lines.push(text.noNews);
    else lines.push(text.news, ...news.map((s) => `  ${s}`));
  }
  if (v.incidents.length === 0) lines.push(text.noIncidents);
  else {
    lines.push(text.incidentsHeading);
    v.incidents.forEach((inc, k) => {
      lines.push(text.incident(k + 1, inc.id, inc.kind, inc.against, inc.severity, inc.round));
      lines.push(text.incidentSuspect(inc.suspect, inc.confidence, inc.nobody, inc.investigation, inc.revealed));
    });
  }
  if (v.requests.length === 0) lines.push(text.noRequests);
  else {
    lines.push(text.requestsHeading(turn.phase));
    for (const r of v.requests) lines.push(requestLine(r, text, v.mechanisms));
  }
  const against = accusationsAgainst(v);
  if (against.length > 0 && turn.phase === 'diplomacy') {
    lines.push(text.accusationsAgainstYou);
    against.forEach((a, k) => lines.push(text.accusationAgainstYou(k + 1, a.id, a.by, a.incident, a.public)));
  }
  // Who sponsors whom is known to the proxy and its sponsor alone: the view of no one else holds
  // it, so no one else is told (a proxy's sponsor also decides what 'operate … via' may name).
  const later = laterText(text);
  const sponsor = v.actors.find((a) => a.id === v.self)?.sponsor;
  if (sponsor !== undefined) lines.push(later.yourSponsor(sponsor));
  const proxies = v.actors.filter((a) => a.id !== v.self && a.sponsor === v.self).map((a) => a.id);
  if (proxies.length > 0) lines.push(later.yourProxies(proxies));
  const others = othersOf(v);
  lines.push(`${text.trustHeading} ${others.map((o) => text.trustOf(o, v.trust(o))).join(' · ')}`);
  lines.push(text.escalationHeading);
  for (const o of others) lines.push(text.escalationWith(o, v.rung(v.self, o), v.perceivedEscalation(o)));
  if (v.agreements.length === 0) lines.push(text.noAgreements);
  else {
    lines.push(text.agreementsHeading);
    v.agreements.forEach((ag, k) => lines.push(text.agreement(k + 1, ag.id, ag.parties.filter((p) => p !== v.self).join(', '), text.terms(withDefaults(ag.terms, v.mechanisms)), ag.since)));
  }
  for (const t of v.talks) lines.push(text.talksUnderWay(t.id, t.parties.find((p) => p !== v.self) ?? '?', text.terms(withDefaults(t.offer, v.mechanisms)), t.turn, t.deadline));
  if (v.sanctions.length === 0 && v.threats.length === 0) lines.push(text.noSanctions);
  else {
    lines.push(text.sanctionsHeading);
    for (const s of v.sanctions) lines.push(text.sanction(s.by, s.target, s.measure, s.since));
    for (const t of v.threats) lines.push(text.threat(t.by, t.target, t.measure, t.unless));
  }
  const mine = v.norms(v.self);
  lines.push(mine.length === 0 ? text.noNormsAdopted : text.normsAdopted(mine.join(', ')));
  for (const f of v.forums) if (f.members.includes(v.self)) lines.push(text.forumLine(f.id, f.name, f.inSession));
  if (v.operations.length > 0) {
    lines.push(text.operationsHeading);
    for (const op of v.operations) lines.push(text.ownOperation(op.round, op.kind, op.target, op.via, op.success));
  }
  lines.push(text.welfare(v.welfare));
  return lines;
}

// News is told once: at the operations turn this round's injects and what followed the previous
// round's diplomacy turn (its injects, operations and detection were told at its own turns); what
// came out of operations and detection at the diplomacy turn; what was said this round at the
// responses turn.
function isNewTo(phase: Turn['phase'], round: number, eventRound: number, eventPhase: string): boolean {
  if (phase === 'operations') return eventRound === round || (eventPhase !== 'injects' && eventPhase !== 'operations' && eventPhase !== 'detection');
  if (eventRound !== round) return false;
  return phase === 'diplomacy' ? eventPhase === 'operations' || eventPhase === 'detection' : eventPhase === 'diplomacy' || eventPhase === 'responses';
}

/**
 * One request addressed to the viewer, in a sentence.
 *
 * @example
 * ```ts
 * for (const r of view.requests) console.log(requestLine(r)); // e.g. "CN asks for assistance … (answer by round 5)"
 * ```
 */
export function requestLine(r: ActorView['requests'][number], text: PlayText = PLAY_EN, mechanisms?: Pick<Mechanisms, 'assistance'>): string {
  switch (r.kind) {
    case 'accusation':
      return text.request('accusation', r.from, text.accusationDetail(r.incident.kind, r.incident.round, r.incident.severity, r.public, r.formal, r.incident.confidence), r.due);
    case 'hotline-query':
      return text.request('hotline query', r.from, text.incidentDetail(r.incident.kind, r.incident.round, r.incident.severity, r.incident.confidence), r.due);
    case 'assistance':
      return text.request('request for assistance', r.from, text.incidentDetail(r.incident.kind, r.incident.round, r.incident.severity, r.incident.confidence), r.due);
    case 'proposal':
      return text.request('offer in talks', r.from, text.proposalDetail(text.terms(mechanisms ? withDefaults(r.terms, mechanisms) : r.terms), r.deadline), r.due);
    case 'forum-vote':
      return text.request('forum vote', r.from, text.voteDetail(r.forum, r.norms.join(', ')), r.due);
  }
}

/**
 * Terms as the engine applies them: an assistance term without its rounds gives the scenario's
 * `mechanisms.assistance.deadline` (the screen said 1 whatever the scenario set).
 */
function withDefaults(terms: readonly Commitment[], mechanisms: Pick<Mechanisms, 'assistance'>): readonly Commitment[] {
  return terms.map((t) => (t.kind === 'assistance' && t.rounds === undefined ? { ...t, rounds: mechanisms.assistance.deadline } : t));
}

/** The title of a GGE norm, for option descriptions. */
export function normTitle(id: string): string {
  return GGE15_NORMS.find((n) => n.id === id)?.title ?? id;
}
