import { freeze } from 'immer';
import { REQUEST_KINDS, RESPONSE_TYPES, RETALIATION_KINDS } from '../model/action.js';
import type { RequestKind } from '../model/action.js';
import { COMMITMENT_KINDS, SANCTION_MEASURES } from '../model/agreement.js';
import { RUNG } from '../model/escalation.js';
import { DECISION_PHASES, PHASES, TALKS_OUTCOMES } from '../model/event.js';
import type { EventOf, SimEventType } from '../model/event.js';
import type { Incident } from '../model/incident.js';
import type { Inject } from '../model/inject.js';
import { DEFAULT_MECHANISMS, describe, isRecord, mergeMechanisms } from '../model/mechanisms.js';
import { NONE_YET } from './phases/perception.js';
import { ACTOR_KINDS } from '../model/actor.js';
import { everyMember } from '../model/members.js';
import { OPERATION_KINDS, OPERATION_TARGETS } from '../model/operation.js';
import { joined } from '../model/record.js';
import { checkWorld } from './world-check.js';
import type { World } from '../model/world.js';
import type { StreamPurpose } from './rng.js';
import { checkTerms, copiedDyads, incidentWith, readInjects, worldWith } from './world.js';
import { ConfigError } from './errors.js';
import type { ConfigIssue } from './errors.js';
import {
  A_NAME,
  ACTOR_KIND,
  AN_ID,
  checkAdoptedNorms,
  checkAgenda,
  checkCapabilities,
  checkMembers,
  checkValue,
  FORUM_EVERY,
  FORUM_FIRST,
  FORUM_RULE,
  NORM_ID,
  repeatedId,
  sponsorIssue,
  STRATEGY_NAME,
  STRATEGY_PARAMS,
  TENSION_RATE,
  withoutHoles,
} from './world-rules.js';
import type { ValueRule } from './world-rules.js';

/**
 * An incident as plain JSON data: its posterior as a list of numbers. `commitments` and
 * `perceived` may be absent, as in snapshots made before files kept them: such a file is judged by
 * no commitment and has perceived against nobody.
 *
 * @example
 * ```ts
 * const incidents: readonly IncidentSnapshot[] = snapshot(run.world).incidents;
 * incidents[0]?.posterior; // plain numbers: one per actor, then "nobody"
 * ```
 */
export type IncidentSnapshot = Omit<Incident, 'posterior' | 'commitments' | 'perceived'> & {
  readonly posterior: readonly number[];
  readonly commitments?: Incident['commitments'];
  readonly perceived?: Incident['perceived'];
};

/**
 * A world as plain JSON data (typed arrays, dyad tables and posteriors, as number lists).
 * `JSON.stringify` it to save a run; {@link restore} brings it back exactly, random streams included.
 *
 * @example
 * ```ts
 * const saved: WorldSnapshot = snapshot(run.world);
 * writeFileSync('world.json', JSON.stringify(saved));
 * const world = restore(JSON.parse(readFileSync('world.json', 'utf8')));
 * ```
 */
export type WorldSnapshot = Omit<World, 'dyads' | 'welfare' | 'incidents'> & {
  readonly dyads: { readonly n: number } & { readonly [K in Exclude<keyof World['dyads'], 'n'>]: readonly number[] };
  readonly welfare: readonly number[];
  readonly incidents: readonly IncidentSnapshot[];
};

const DYAD_KEYS = ['trustR', 'trustS', 'tension', 'escalationTrue', 'escalationPerceived', 'rung', 'peakRung'] as const;

/**
 * Snapshot a world as plain JSON-safe data. Strategies are code, so a snapshot holds each actor's
 * strategy as the world records it — its name, and the parameters of a built-in given as an
 * object (`Actor.strategyParams`) — and {@link restore} then `simulate(world, { rounds })` plays
 * the same strategies again; a strategy made with `defineStrategy` must be passed again there.
 *
 * @example
 * ```ts
 * const saved = JSON.stringify(snapshot(run.world));
 * const world = restore(JSON.parse(saved));
 * ```
 */
export function snapshot(world: World): WorldSnapshot {
  checkWorld(world, 'world', 'snapshot');
  const d = world.dyads;
  return joined(world, {
    dyads: {
      n: d.n,
      trustR: Array.from(d.trustR),
      trustS: Array.from(d.trustS),
      tension: Array.from(d.tension),
      escalationTrue: Array.from(d.escalationTrue),
      escalationPerceived: Array.from(d.escalationPerceived),
      rung: Array.from(d.rung),
      peakRung: Array.from(d.peakRung),
    },
    welfare: Array.from(world.welfare),
    incidents: world.incidents.map((inc) => joined(inc, { posterior: Array.from(inc.posterior) })),
  });
}

/**
 * Restore a world from a snapshot (e.g. parsed JSON). The restored world continues exactly as the
 * original would: `simulate(restore(json), { rounds })` plays the rounds the original would have
 * played next, each actor with the strategy its record names (see `Actor.strategyParams`: a
 * built-in given with parameters is rebuilt with them; a strategy made with `defineStrategy` must
 * be passed again). Snapshots made before the world recorded strategy parameters restore too, their
 * strategies resolved by name as then.
 *
 * Throws a {@link ConfigError} if the snapshot is not a valid world, listing every problem with its
 * path: a missing or unknown field, a value of the wrong type or out of range (a rung beyond the
 * escalation ladder, a negative trust count, a posterior that is not a distribution, a random
 * stream's state that is not alea's), a table whose length is not one entry per actor (N) or per
 * dyad (N²), a reference to an undeclared actor.
 *
 * @example
 * ```ts
 * const world = restore(JSON.parse(readFileSync('round-12.json', 'utf8')));
 * ```
 */
export function restore(snap: WorldSnapshot): World {
  const issues = checkSnapshot(snap as unknown);
  if (issues.length > 0) throw new ConfigError(issues, 'snapshot');
  const n = snap.actors.length;
  const d = snap.dyads;
  return freeze(
    worldWith(snap as unknown as World, {
      dyads: copiedDyads(n, d),
      welfare: Float64Array.from(snap.welfare),
      incidents: snap.incidents.map((inc) =>
        incidentWith(inc as unknown as Incident, { posterior: Float64Array.from(inc.posterior), commitments: inc.commitments ?? NONE_YET, perceived: inc.perceived ?? NONE_YET }),
      ),
    }),
    true,
  );
}

// ---------------------------------------------------------------------------------------------
// What `restore` checks. A snapshot is data from outside (a file, a message): every field the
// engine, the views or a strategy will read is checked here, once, with its path — types, ranges,
// references to declared actors, table lengths — so a bad snapshot is a ConfigError now rather
// than a TypeError, a NaN or a silently different world some rounds later.

type Obj = Readonly<Record<string, unknown>>;
type Rule = (c: SnapshotCheck, path: string, value: unknown) => void;

// The one list of stream purposes (the type is the engine's, in rng.ts): checked against it.
const STREAM_PURPOSES = everyMember<StreamPurpose>()(['operations', 'detection', 'attribution', 'strategy', 'retaliation']);
/** alea's carry: `c = t | 0` with `t = 2091639·s0 + c·2⁻³²` and `s0 < 1`, so a whole number in [0, 2091639]. */
const ALEA_CARRY_MAX = 2091639;

class SnapshotCheck {
  readonly issues: ConfigIssue[] = [];
  actors: ReadonlySet<string> = new Set();
  /** Each declared actor's kind, as written (scripted sanctions and threats are by states only). */
  kinds: ReadonlyMap<string, unknown> = new Map();
  n = 0;

  add(path: string, expected: string, value: unknown, received = describe(value)): void {
    this.issues.push({ path, expected, received });
  }

  /** An issue a rule of world-rules.ts found, if any. */
  found(issue: ConfigIssue | undefined): void {
    if (issue) this.issues.push(issue);
  }

  /** A plain object with these fields (and no others): each read through its rule. */
  shape(path: string, value: unknown, required: Readonly<Record<string, Rule>>, optional: Readonly<Record<string, Rule>> = {}): value is Obj {
    if (!isRecord(value)) {
      this.add(path, 'an object', value);
      return false;
    }
    for (const [key, rule] of Object.entries(required)) {
      if (!Object.hasOwn(value, key)) this.add(`${path}.${key}`, 'a value (the field is missing)', undefined, 'nothing');
      else rule(this, `${path}.${key}`, value[key]);
    }
    for (const [key, rule] of Object.entries(optional)) if (Object.hasOwn(value, key) && value[key] !== undefined) rule(this, `${path}.${key}`, value[key]);
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) this.add(`${path}.${key}`, `no such field (known: ${[...Object.keys(required), ...Object.keys(optional)].join(', ')})`, value[key], `'${key}'`);
    }
    return true;
  }

  /**
   * A list, each entry read through its rule. A list with a hole is reported at its first hole
   * (entries up to it are read) and is not a list the caller reads further: `forEach` skips
   * holes, so a hole passed every check and the world kept it.
   */
  list(path: string, value: unknown, each: Rule): value is readonly unknown[] {
    if (!Array.isArray(value)) {
      this.add(path, 'a list', value);
      return false;
    }
    const entries = withoutHoles(value, path, this.issues);
    entries.forEach((item, i) => each(this, `${path}[${i}]`, item));
    return entries === value;
  }
}


const str: Rule = (c, p, v) => {
  if (typeof v !== 'string') c.add(p, 'a string', v);
};
const bool: Rule = (c, p, v) => {
  if (typeof v !== 'boolean') c.add(p, 'true or false', v);
};
const any: Rule = () => undefined;
function int(min = 0, max = Number.MAX_SAFE_INTEGER): Rule {
  return (c, p, v) => {
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max)) c.add(p, max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`, v);
  };
}
function num(min = -Infinity, max = Infinity): Rule {
  return (c, p, v) => {
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max)) {
      c.add(p, min === -Infinity ? 'a finite number' : max === Infinity ? `a finite number ≥ ${min}` : `a number from ${min} to ${max}`, v);
    }
  };
}
function oneOf(options: readonly string[]): Rule {
  return (c, p, v) => {
    if (typeof v !== 'string' || !options.includes(v)) c.add(p, options.map((o) => `'${o}'`).join(' | '), v);
  };
}
function orNull(rule: Rule): Rule {
  return (c, p, v) => {
    if (v !== null) rule(c, p, v);
  };
}
function listOf(rule: Rule): Rule {
  return (c, p, v) => void c.list(p, v, rule);
}
function shapeOf(required: Readonly<Record<string, Rule>>, optional: Readonly<Record<string, Rule>> = {}): Rule {
  return (c, p, v) => void c.shape(p, v, required, optional);
}
const round = int(0);
const unit = num(0, 1);
const actor: Rule = (c, p, v) => {
  if (typeof v !== 'string' || !c.actors.has(v)) c.add(p, 'a declared actor id', v);
};
const actorOrNull = orNull(actor);
const strOrNull = orNull(str);
const norm = ruled(NORM_ID);
const norms = listOf(norm);
const actors = listOf(actor);
/** At least two declared actors, none twice (the rule of a forum's members, in world-rules.ts). */
const distinctActors: Rule = (c, p, v) => void checkMembers(c.issues, p, v, c.actors);
/** A rule of world-rules.ts, stated once for createWorld and restore. */
function ruled(rule: ValueRule): Rule {
  return (c, p, v) => void checkValue(c.issues, p, v, rule);
}
const terms: Rule = (c, p, v) => void checkTerms(v, p, c.issues);
const kind = oneOf(OPERATION_KINDS);
const target = oneOf(OPERATION_TARGETS);
const measure = oneOf(SANCTION_MEASURES);
const commitmentKind = orNull(oneOf(COMMITMENT_KINDS));
const responseType = oneOf(RESPONSE_TYPES);

const OPERATION = shapeOf({ id: str, round, author: actor, principal: actor, target: actor, kind, against: target, severity: num(0), success: bool, falseFlag: actorOrNull, commercial: bool });
const AGREEMENT = shapeOf({ id: str, parties: distinctActors, terms, since: round });
const SANCTION = shapeOf({ id: str, by: actor, target: actor, measure, since: round });
const THREAT = shapeOf({ id: str, by: actor, target: actor, measure, unless: str, since: round });
const INCIDENT_REF = shapeOf({ id: str, round, kind, severity: num(0), confidence: unit });
const REQUEST_BASE = { id: str, from: actor, to: actor, round, due: round };
const REQUESTS: Readonly<Record<RequestKind, Readonly<Record<string, Rule>>>> = {
  accusation: joined(REQUEST_BASE, { kind: str, incident: INCIDENT_REF, public: bool, formal: bool }),
  'hotline-query': joined(REQUEST_BASE, { kind: str, incident: INCIDENT_REF }),
  assistance: joined(REQUEST_BASE, { kind: str, incident: INCIDENT_REF }),
  proposal: joined(REQUEST_BASE, { kind: str, talks: str, terms, deadline: round }),
  'forum-vote': joined(REQUEST_BASE, { kind: str, forum: str, norms }),
};
const REQUEST: Rule = (c, p, v) => {
  const fields = isRecord(v) && typeof v.kind === 'string' && Object.hasOwn(REQUESTS, v.kind) ? REQUESTS[v.kind as RequestKind] : undefined;
  if (fields) c.shape(p, v, fields);
  else if (isRecord(v)) c.add(`${p}.kind`, REQUEST_KINDS.map((k) => `'${k}'`).join(' | '), v.kind);
  else c.add(p, 'a request object', v);
};
const ACTION: Rule = (c, p, v) => {
  if (!isRecord(v) || typeof v.type !== 'string') c.add(p, 'an action ({ type, … })', v);
};
const VOTE = { forum: str, norms, accepted: actors, holdouts: actors, abstained: actors };

/** The fields of each event type, besides `type`, `round` and `phase`. */
const EVENTS: Readonly<Record<SimEventType, readonly [Readonly<Record<string, Rule>>, Readonly<Record<string, Rule>>?]>> = {
  'inject.applied': [{ inject: any }],
  // A decision's actions are as the decider gave them (the engine judged them when they were made):
  // only their kind is read again, by replay.
  'decision.made': [{ actor, decision: oneOf(DECISION_PHASES), draws: int(0) }, { actions: listOf(ACTION), request: str, response: ACTION, error: str }],
  'strategy.failed': [{ actor, decision: oneOf(DECISION_PHASES), message: str }],
  'action.rejected': [{ actor, action: any, reason: str }],
  'operation.conducted': [{ operation: OPERATION }],
  'incident.detected': [{ incident: str, victim: actor, kind, against: target, severity: num(0), commercial: bool, operation: strOrNull, suspect: actorOrNull, confidence: unit }],
  'incident.investigated': [{ incident: str, victim: actor, signal: actorOrNull, suspect: actorOrNull, confidence: unit }],
  'accusation.made': [{ accusation: str, by: actor, target: actor, incident: str, public: bool, formal: bool, confidence: unit }],
  'accusation.answered': [{ accusation: str, by: actor, to: actor, answer: responseType, public: bool }],
  'denial.issued': [{ by: actor, accusation: str, accuser: actor }],
  'hotline.queried': [{ query: str, by: actor, target: actor, incident: str }],
  'hotline.answered': [{ query: str, by: actor, to: actor, answer: responseType, confidence: unit }],
  'request.unanswered': [{ request: str, kind: oneOf(REQUEST_KINDS), by: actor, to: actor }],
  'sanction.imposed': [{ sanction: SANCTION }],
  'sanction.lifted': [{ sanction: str, by: actor, target: actor }],
  'norm.adopted': [{ actor, norm }],
  'information.shared': [{ by: actor, target: actor, incident: str, suspect: actorOrNull, confidence: unit }],
  'retaliation.conducted': [{ by: actor, target: actor, kind: oneOf(RETALIATION_KINDS), severity: num(0), success: bool, incident: strOrNull }],
  'truth.revealed': [{ incident: str, victim: actor, operation: strOrNull, author: actorOrNull, principal: actorOrNull }],
  'agreement.signed': [{ agreement: AGREEMENT }],
  'escalation.changed': [{ from: actor, to: actor, rung: int(0, RUNG.OPEN_CONFLICT), previous: int(0, RUNG.OPEN_CONFLICT), cause: str }],
  'trust.changed': [{ from: actor, to: actor, before: unit, after: unit, causes: listOf(str) }],
  'conflict.opened': [{ between: distinctActors }],
  'round.ended': [{ actors: int(0) }],
  'agreement.withdrawn': [{ agreement: str, by: actor, parties: actors }],
  'talks.opened': [{ talks: str, by: actor, target: actor, terms, deadline: round }],
  'talks.offered': [{ talks: str, by: actor, to: actor, terms }],
  'talks.ended': [{ talks: str, parties: actors, outcome: oneOf(TALKS_OUTCOMES), by: actorOrNull }],
  'assistance.requested': [{ request: str, by: actor, target: actor, incident: str, due: round }],
  'assistance.answered': [{ request: str, by: actor, to: actor, answer: oneOf(everyMember<EventOf<'assistance.answered'>['answer']>()(['cooperate', 'deny'])) }],
  'sanction.threatened': [{ threat: THREAT }],
  'dialogue.held': [{ dialogue: str, parties: actors, proposer: actor }],
  'dialogue.skipped': [{ dialogue: str, parties: actors }],
  'dialogue.suspended': [{ dialogue: str, by: actor, target: actor }],
  'dialogue.resumed': [{ dialogue: str, by: actor, target: actor }],
  'forum.convened': [{ forum: str, members: actors, packages: listOf(listOf(str)) }],
  'forum.tabled': [{ forum: str, by: actor, norms }],
  'forum.adopted': [VOTE],
  'forum.failed': [VOTE],
  'violation.committed': [{ by: actor, against: actor, commitment: commitmentKind, norm: orNull(norm), agreement: strOrNull, operation: strOrNull }],
  'violation.perceived': [{ by: actor, against: actor, commitment: commitmentKind, norm: orNull(norm), agreement: strOrNull, confidence: unit, incident: strOrNull, real: bool }],
};

const EVENT: Rule = (c, p, v) => {
  const spec = isRecord(v) && typeof v.type === 'string' && Object.hasOwn(EVENTS, v.type) ? EVENTS[v.type as SimEventType] : undefined;
  if (!spec) {
    if (isRecord(v)) c.add(`${p}.type`, 'a known event type (e.g. accusation.made)', v.type);
    else c.add(p, 'an event object', v);
    return;
  }
  if (c.shape(p, v, { type: str, round, phase: oneOf(PHASES), ...spec[0] }, spec[1]) && v.type === 'inject.applied') checkInjects(c, `${p}.inject`, [v.inject], true);
};

/** Injects through the engine's own check (as a scenario's are), with this path. */
function checkInjects(c: SnapshotCheck, path: string, list: readonly unknown[], single: boolean): void {
  const found: ConfigIssue[] = [];
  readInjects(list as Inject[], new Map([...c.actors].map((id, i) => [id, i] as const)), found, single ? '@' : path, (id) => {
    // An unknown kind is the actor check's issue, not a second one here.
    const kind = c.kinds.get(id);
    return typeof kind === 'string' && (ACTOR_KINDS as readonly string[]).includes(kind) ? kind : 'state';
  });
  for (const issue of found) c.issues.push(single ? joined(issue, { path: path + issue.path.slice('@[0]'.length) }) : issue);
}

const WORLD_FIELDS = ['version', 'seed', 'round', 'actors', 'mechanisms', 'dyads', 'welfare', 'norms', 'operations', 'incidents', 'requests', 'agreements', 'sanctions', 'threats', 'talks', 'dialogues', 'forums', 'tabled', 'injects', 'recent', 'rng'] as const;

// A world always has every capability (none defaults), and records its actor's strategy by name.
const CAPABILITIES: Rule = (c, p, v) => void checkCapabilities(c.issues, p, v, undefined);
const PARAMS_OR_NULL: Rule = (c, p, v) => {
  if (v !== null && !STRATEGY_PARAMS.holds(v)) c.add(p, `null, or the strategy's parameters: ${STRATEGY_PARAMS.expected}`, v);
};
const rate = ruled(TENSION_RATE);
// The id (checked with the order of the actors) and the sponsor (against the other actors) are
// checked by checkActors.
const ACTOR: Rule = (c, p, v) =>
  void c.shape(p, v, { id: any, name: ruled(A_NAME), kind: ruled(ACTOR_KIND), sponsor: any, capabilities: CAPABILITIES, strategy: ruled(STRATEGY_NAME), reactivity: rate, fatigue: rate }, { strategyParams: PARAMS_OR_NULL });
function nonEmpty(c: SnapshotCheck, p: string, v: unknown): void {
  if (typeof v !== 'string' || v.length === 0) c.add(p, 'a non-empty string', v);
}
// What the act broke, if `by` did it: an agreement's term (with the agreement) or a norm, never both.
const INCIDENT_COMMITMENT: Rule = (c, p, v) => {
  if (!c.shape(p, v, { by: actor, commitment: commitmentKind, norm: orNull(norm), agreement: strOrNull })) return;
  if ((v.commitment === null) === (v.norm === null)) c.add(p, 'a commitment (with its agreement) or a norm, not both and not neither', v, v.norm === null ? 'neither' : 'both');
  else if ((v.commitment === null) !== (v.agreement === null)) c.add(`${p}.agreement`, v.commitment === null ? 'null for a norm' : "the id of the commitment's agreement", v.agreement);
};
const INCIDENT: Rule = (c, p, v) => {
  // commitments and perceived are optional: snapshots made before files kept them restore with none.
  if (!c.shape(p, v, { id: str, victim: actor, round, kind, against: target, severity: num(0), commercial: bool, operation: strOrNull, signals: listOf(actorOrNull), posterior: any, investigation: int(0), revealed: actorOrNull }, { commitments: listOf(INCIDENT_COMMITMENT), perceived: actors })) return;
  if (Array.isArray(v.commitments)) {
    v.commitments.forEach((x, k) => {
      if (isRecord(x) && x.by === v.victim) c.add(`${p}.commitments[${k}].by`, 'an actor other than the victim', x.by);
    });
  }
  const post = v.posterior;
  if (!Array.isArray(post) || post.length !== c.n + 1 || !finiteNumbers(post)) {
    c.add(`${p}.posterior`, `${c.n + 1} finite numbers (one per actor, then "nobody")`, post, Array.isArray(post) ? `${post.length} items` : describe(post));
  } else if (!post.every((x) => (x as number) >= 0 && (x as number) <= 1)) {
    c.add(`${p}.posterior`, 'probabilities, each from 0 to 1', post, `${String(post.find((x) => !((x as number) >= 0 && (x as number) <= 1)))} among them`);
  } else if (Math.abs((post as number[]).reduce((a, b) => a + b, 0) - 1) > 1e-6) c.add(`${p}.posterior`, 'probabilities that sum to 1', post, `a sum of ${(post as number[]).reduce((a, b) => a + b, 0)}`);
};
function pair(rule: Rule): Rule {
  return (c, p, v) => {
    rule(c, p, v);
    if (Array.isArray(v) && v.length !== 2) c.add(p, 'two actors', v, `${v.length} items`);
  };
}
function among(field: string): (c: SnapshotCheck, p: string, v: Obj) => void {
  return (c, p, v) => {
    const parties = v.parties;
    if (Array.isArray(parties) && !parties.includes(v[field])) c.add(`${p}.${field}`, `one of the parties (${parties.map(String).join(', ')})`, v[field]);
  };
}
function shapeThen(required: Readonly<Record<string, Rule>>, then: readonly ((c: SnapshotCheck, p: string, v: Obj) => void)[]): Rule {
  return (c, p, v) => {
    if (c.shape(p, v, required)) for (const f of then) f(c, p, v);
  };
}
const TALKS = shapeThen({ id: str, parties: pair(distinctActors), offer: terms, offeredBy: actor, turn: actor, opened: round, deadline: round, exchanges: int(0) }, [among('offeredBy'), among('turn')]);
const DIALOGUE = shapeThen({ id: str, agreement: str, parties: distinctActors, every: int(1), next: round, proposer: actor, suspended: bool }, [among('proposer')]);
const FORUM = shapeOf({
  id: ruled(AN_ID),
  name: ruled(A_NAME),
  members: distinctActors,
  every: ruled(FORUM_EVERY),
  first: ruled(FORUM_FIRST),
  rule: ruled(FORUM_RULE),
  agenda: (c, p, v) => void checkAgenda(c.issues, p, v),
});
/** The forums, each by its rule, and no id twice (the engine finds a forum by its id). */
function checkForums(c: SnapshotCheck, list: unknown): void {
  if (!c.list('forums', list, FORUM)) return;
  const repeated = repeatedId('forum');
  list.forEach((f, k) => {
    if (isRecord(f) && AN_ID.holds(f.id)) c.found(repeated(`forums[${k}].id`, f.id as string));
  });
}
const TABLED = shapeOf({ forum: str, by: actor, norms });
const UNIT_OPEN: Rule = (c, p, v) => {
  if (!(typeof v === 'number' && v >= 0 && v < 1)) c.add(p, 'a number in [0, 1)', v);
};
const RNG_STATE = shapeOf({ c: int(0, ALEA_CARRY_MAX), s0: UNIT_OPEN, s1: UNIT_OPEN, s2: UNIT_OPEN });

/** Whether every entry of `list` is a finite number: holes included, which `every` skips (a hole in the welfare became NaN). */
function finiteNumbers(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  }
  return true;
}

/** Every problem of a snapshot, with its path; none for a valid world. */
function checkSnapshot(s: unknown): ConfigIssue[] {
  const c = new SnapshotCheck();
  if (!isRecord(s)) {
    c.add('snapshot', 'a world snapshot object', s);
    return c.issues;
  }
  for (const key of Object.keys(s)) if (!(WORLD_FIELDS as readonly string[]).includes(key)) c.add(key, `no such field (a world has ${WORLD_FIELDS.join(', ')})`, s[key], `'${key}'`);
  for (const key of WORLD_FIELDS) if (!Object.hasOwn(s, key)) c.add(key, 'a value (the field is missing)', undefined, 'nothing');
  if (s.version !== 1) c.add('version', '1', s.version);
  // A hole in the actors is reported with the fields' issues only, as createWorld does: every
  // other part refers to actors, and is one entry per actor.
  if (Array.isArray(s.actors) && withoutHoles(s.actors, 'actors', c.issues) !== s.actors) return c.issues;
  checkActors(c, s.actors);
  checkDyads(c, s.dyads);
  if (!Array.isArray(s.welfare) || s.welfare.length !== c.n || !finiteNumbers(s.welfare)) {
    c.add('welfare', `${c.n} finite numbers (one per actor)`, s.welfare, Array.isArray(s.welfare) && s.welfare.length !== c.n ? `${s.welfare.length} items` : describe(s.welfare));
  }
  checkMechanisms(c, s.mechanisms);
  checkNorms(c, s.norms);
  c.list('operations', s.operations, OPERATION);
  c.list('incidents', s.incidents, INCIDENT);
  c.list('requests', s.requests, REQUEST);
  c.list('agreements', s.agreements, AGREEMENT);
  c.list('sanctions', s.sanctions, SANCTION);
  c.list('threats', s.threats, THREAT);
  c.list('talks', s.talks, TALKS);
  c.list('dialogues', s.dialogues, DIALOGUE);
  checkForums(c, s.forums);
  c.list('tabled', s.tabled, TABLED);
  if (c.list('injects', s.injects, any)) checkInjects(c, 'injects', s.injects, false);
  c.list('recent', s.recent, EVENT);
  if (!isRecord(s.rng)) c.add('rng', 'an object of random-stream states by key', s.rng);
  else
    for (const [key, state] of Object.entries(s.rng)) {
      const slash = key.lastIndexOf('/');
      const path = `rng[${JSON.stringify(key)}]`;
      if (slash < 0 || !c.actors.has(key.slice(0, slash)) || !(STREAM_PURPOSES as readonly string[]).includes(key.slice(slash + 1))) {
        c.add(path, `a stream key '<declared actor>/<${STREAM_PURPOSES.join('|')}>'`, key);
      }
      RNG_STATE(c, path, state);
    }
  nonEmpty(c, 'seed', s.seed);
  round(c, 'round', s.round);
  return c.issues;
}

function checkActors(c: SnapshotCheck, list: unknown): void {
  if (!Array.isArray(list) || list.length === 0) {
    c.add('actors', 'a non-empty list of actors', list);
    return;
  }
  // Ids first: every other field (a sponsor, a dyad, an event) refers to them.
  const ids: string[] = [];
  list.forEach((a: unknown, i) => {
    const id = isRecord(a) ? a.id : undefined;
    if (!AN_ID.holds(id)) c.add(`actors[${i}].id`, AN_ID.expected, id);
    else if (ids.length > 0 && !((ids[ids.length - 1] as string) < (id as string))) c.add(`actors[${i}].id`, `an id after '${ids[ids.length - 1]}' (actors are sorted by id, without repeats)`, id);
    if (typeof id === 'string') ids.push(id);
  });
  c.actors = new Set(ids);
  c.kinds = new Map(list.flatMap((a: unknown) => (isRecord(a) && typeof a.id === 'string' ? [[a.id, a.kind] as const] : [])));
  c.n = list.length;
  const byId = new Map<string, { readonly id: string; readonly kind: unknown }>();
  for (const a of list) if (isRecord(a) && typeof a.id === 'string' && !byId.has(a.id)) byId.set(a.id, { id: a.id, kind: a.kind });
  list.forEach((a: unknown, i) => {
    const p = `actors[${i}]`;
    if (!isRecord(a)) {
      c.add(p, 'an actor object', a);
      return;
    }
    ACTOR(c, p, a);
    // A missing sponsor is reported by the shape already.
    if (Object.hasOwn(a, 'sponsor')) c.found(sponsorIssue(`${p}.sponsor`, a, null, (id) => byId.get(id)));
  });
}

function checkMechanisms(c: SnapshotCheck, m: unknown): void {
  if (!isRecord(m)) {
    c.add('mechanisms', 'the mechanisms object of the world', m);
    return;
  }
  // The values through the scenario check (ranges, unknown keys); then every coefficient must be
  // there, as a world always has them all (a missing one would silently become the default).
  c.issues.push(...mergeMechanisms(m, DEFAULT_MECHANISMS, 'mechanisms').issues);
  const missing = (base: Obj, node: Obj, path: string): void => {
    for (const [key, value] of Object.entries(base)) {
      const here = node[key];
      if (here === undefined) c.add(`${path}.${key}`, typeof value === 'number' ? 'a number (the coefficient is missing)' : 'an object (the section is missing)', undefined, 'nothing');
      else if (isRecord(value) && isRecord(here)) missing(value, here, `${path}.${key}`);
    }
  };
  missing(DEFAULT_MECHANISMS as unknown as Obj, m, 'mechanisms');
}

const RUNG_ENTRY = `a rung of the escalation ladder (a whole number from 0 to ${RUNG.OPEN_CONFLICT})`;
/** Per table: what an entry must be, said of the table and of one entry. */
const DYAD_RULES: Readonly<Record<(typeof DYAD_KEYS)[number], readonly [(x: number) => boolean, string, string]>> = {
  trustR: [(x) => x >= 0, 'finite numbers ≥ 0 (evidence counts)', 'a finite number ≥ 0 (an evidence count)'],
  trustS: [(x) => x >= 0, 'finite numbers ≥ 0 (evidence counts)', 'a finite number ≥ 0 (an evidence count)'],
  tension: [() => true, 'finite numbers', 'a finite number'],
  escalationTrue: [() => true, 'finite numbers', 'a finite number'],
  escalationPerceived: [() => true, 'finite numbers', 'a finite number'],
  rung: [(x) => Number.isInteger(x) && x >= 0 && x <= RUNG.OPEN_CONFLICT, 'rungs of the escalation ladder', RUNG_ENTRY],
  peakRung: [(x) => Number.isInteger(x) && x >= 0 && x <= RUNG.OPEN_CONFLICT, 'rungs of the escalation ladder', RUNG_ENTRY],
};

function checkDyads(c: SnapshotCheck, d: unknown): void {
  if (!isRecord(d)) {
    c.add('dyads', 'the dyad tables of the world', d);
    return;
  }
  for (const key of Object.keys(d)) if (key !== 'n' && !(DYAD_KEYS as readonly string[]).includes(key)) c.add(`dyads.${key}`, `no such table (known: n, ${DYAD_KEYS.join(', ')})`, d[key], `'${key}'`);
  const n = c.n;
  if (d.n !== n) c.add('dyads.n', `${n} (the number of actors)`, d.n);
  for (const key of DYAD_KEYS) {
    const v = d[key];
    const [holds, expected, entry] = DYAD_RULES[key];
    if (!Array.isArray(v) || v.length !== n * n) {
      c.add(`dyads.${key}`, `${n * n} ${expected}`, v, Array.isArray(v) ? `${v.length} items` : describe(v));
      continue;
    }
    // The first bad entry only: one wrong table is one problem, not n² of them.
    const bad = v.findIndex((x) => !(typeof x === 'number' && Number.isFinite(x) && holds(x)));
    if (bad >= 0) c.add(`dyads.${key}[${bad}]`, entry, v[bad]);
  }
  const rung = d.rung;
  const peak = d.peakRung;
  if (Array.isArray(rung) && Array.isArray(peak) && rung.length === peak.length) {
    const k = rung.findIndex((r, i) => typeof r === 'number' && typeof peak[i] === 'number' && (peak[i] as number) < r);
    if (k >= 0) c.add(`dyads.peakRung[${k}]`, `a peak at least the current rung (${String(rung[k])})`, peak[k]);
  }
}

function checkNorms(c: SnapshotCheck, v: unknown): void {
  const lists = checkAdoptedNorms(c.issues, 'norms', v, c.actors);
  if (!isRecord(v)) return;
  // A world lists every actor's norms, sorted, without repeats.
  for (const id of c.actors) {
    const list = lists.get(id);
    if (!Object.hasOwn(v, id)) c.add(`norms.${id}`, 'a list of norm ids', undefined, 'nothing');
    else if (list !== undefined && !list.every((x, i) => i === 0 || (list[i - 1] as string) < x)) c.add(`norms.${id}`, 'norm ids sorted, without repeats', list);
  }
}
