import type { Actor, ActorKind } from '../model/actor.js';
import { actorPlaying } from '../model/actor.js';
import type { Agreement, Commitment, CommitmentKind, Dialogue, Forum, ForumRule, Sanction } from '../model/agreement.js';
import { COMMITMENT_KINDS, SANCTION_MEASURES } from '../model/agreement.js';
import type { SimEvent } from '../model/event.js';
import type { Incident } from '../model/incident.js';
import { signAgreement } from './phases/agreements.js';
import { CAPABILITY_KEYS } from '../model/capability.js';
import type { Capabilities } from '../model/capability.js';
import type { ActorId, NormId } from '../model/ids.js';
import type { Inject } from '../model/inject.js';
import { INJECT_TYPES } from '../model/inject.js';
import { DEFAULT_MECHANISMS, describe, isRecord, mergeMechanisms } from '../model/mechanisms.js';
import type { MechanismOverrides, Mechanisms } from '../model/mechanisms.js';
import { floatSlots } from '../model/slab.js';
import { everyMember } from '../model/members.js';
import { unknownOptionIssues } from '../model/options.js';
import { MAX_NESTING, nestingExpected, pathTo } from '../model/nesting.js';
import { copied } from '../model/record.js';
import { indexOfId } from './lists.js';
import { OPERATION_KINDS, OPERATION_TARGETS } from '../model/operation.js';
import { evidenceForTrust } from '../model/trust.js';
import type { DyadTable, World } from '../model/world.js';
import type { Strategy } from './contract.js';
import { ConfigError } from './errors.js';
import { deepFreeze } from './freeze.js';
import type { ConfigIssue } from './errors.js';
import {
  A_NAME,
  ACTOR_KIND,
  AN_ID,
  CAPABILITY,
  checkAdoptedNorms,
  checkAgenda,
  checkCapabilities,
  checkMembers,
  checkValue,
  FORUM_EVERY,
  FORUM_FIRST,
  FORUM_RULE,
  CUT_AT_HOLE,
  holeAt,
  NORM_ID,
  repeatedId,
  sponsorIssue,
  STRATEGY_NAME,
  STRATEGY_PARAMS,
  TENSION_RATE,
  withoutHoles,
} from './world-rules.js';

/**
 * An actor in a world specification. Capabilities left out default to 0.5; `kind` defaults to
 * `'state'`; `strategy` (a registered name or a strategy object) defaults to `'passive'`.
 *
 * @example
 * ```ts
 * const us: ActorSpec = { id: 'US', capabilities: { espionage: 0.9, offense: 0.9, defense: 0.7, attribution: 0.9, stealth: 0.7 }, strategy: 'tit-for-tat' };
 * ```
 */
export interface ActorSpec {
  readonly id: ActorId;
  readonly name?: string;
  readonly kind?: ActorKind;
  /** The hidden sponsor state of a proxy (required for proxies, forbidden otherwise). */
  readonly sponsor?: ActorId;
  readonly capabilities?: Partial<Capabilities>;
  readonly strategy?: string | Strategy;
  readonly reactivity?: number;
  readonly fatigue?: number;
}

/** Initial state of a directed dyad. @example `{ from: 'US', to: 'CN', trust: 0.3, tension: 1 }` */
export interface DyadSpec {
  readonly from: ActorId;
  readonly to: ActorId;
  /** Initial trust of `from` in `to`, in (0, 1). Default 0.5. */
  readonly trust?: number;
  readonly tension?: number;
  /** Apply the same values to `to → from` as well. Default false. */
  readonly mutual?: boolean;
}

/**
 * Everything needed to build a world: actors, initial dyads, agreements in force, adopted norms,
 * scripted injects and mechanism overrides.
 *
 * @example
 * ```ts
 * const spec: WorldSpec = {
 *   actors: [{ id: 'US', strategy: 'tit-for-tat' }, { id: 'CN', strategy: 'hawk' }],
 *   dyads: [{ from: 'US', to: 'CN', trust: 0.3, mutual: true }],
 *   agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'hotline' }] }],
 * };
 * ```
 */
export interface WorldSpec {
  readonly actors: readonly ActorSpec[];
  readonly dyads?: readonly DyadSpec[];
  readonly agreements?: readonly { readonly parties: readonly ActorId[]; readonly terms: readonly Commitment[] }[];
  readonly forums?: readonly ForumSpec[];
  readonly norms?: Readonly<Record<ActorId, readonly NormId[]>>;
  readonly injects?: readonly Inject[];
  readonly mechanisms?: MechanismOverrides;
}

/**
 * A multilateral forum in a world spec. Members meet every `every` rounds (default 1) from round
 * `first` (default 0) and vote on the packages of norms on the `agenda` and any a member tables;
 * `rule` is `'consensus'` (default: adopted when no member objects) or `{ threshold }` (adopted when
 * that share of members accepts).
 *
 * @example
 * ```ts
 * const gge: ForumSpec = { id: 'gge', name: 'UN GGE', members: ['CN', 'RU', 'US'], every: 3, agenda: [['gge15.f', 'gge15.k']] };
 * ```
 */
export interface ForumSpec {
  readonly id: string;
  readonly name?: string;
  readonly members: readonly ActorId[];
  readonly every?: number;
  readonly first?: number;
  readonly rule?: ForumRule;
  readonly agenda?: readonly (readonly NormId[])[];
}

/**
 * Options of {@link createWorld}.
 *
 * @example
 * ```ts
 * const options: CreateWorldOptions = { seed: 42 };
 * createWorld({ actors: [{ id: 'US' }, { id: 'CN' }] }, options).seed; // '42'
 * ```
 */
export interface CreateWorldOptions {
  /** Master seed of the run. Numbers are converted to their decimal string. */
  readonly seed: string | number;
}

/**
 * The names {@link createWorld} accepts in its options: every field of {@link CreateWorldOptions}
 * (`everyMember` fails typecheck when the list and the type drift apart).
 */
const CREATE_WORLD_OPTIONS = everyMember<keyof CreateWorldOptions & string>()(['seed']);


/**
 * Build the initial world (round 0) from a specification. Actors are sorted by id, so the order
 * in which they are declared never matters. Throws a {@link ConfigError} listing every problem.
 * `options` takes `seed` alone (required); another name (`sed`), or options that are not an
 * object, is one of those problems, named (`options.sed`) with the names taken and a "did you mean".
 *
 * @example
 * ```ts
 * import { createWorld } from 'detente';
 * const world = createWorld({ actors: [{ id: 'US' }, { id: 'CN' }] }, { seed: 42 });
 * world.actors.map((a) => a.id); // ['CN', 'US']
 * ```
 */
export function createWorld(spec: WorldSpec, options: CreateWorldOptions): World {
  // A misspelt name (`sed: 42`) was dropped; options that are not an object, a TypeError or a
  // missing seed. Both are reported with the spec's problems.
  const issues: ConfigIssue[] = unknownOptionIssues(options, CREATE_WORLD_OPTIONS);
  const seed = options === undefined || isRecord(options) ? normaliseSeed(options?.seed, issues) : '0';
  if (!spec || typeof spec !== 'object' || !Array.isArray(spec.actors)) {
    throw new ConfigError([...issues, { path: 'actors', expected: 'an array of actors', received: describe(spec?.actors) }]);
  }
  const own = ownedParts(spec, issues);
  const { mechanisms, issues: mechIssues } = mergeMechanisms(spec.mechanisms, DEFAULT_MECHANISMS);
  issues.push(...mechIssues);
  // A hole in the actors is reported with what is known so far, and nothing else: every other
  // part names actors, and judged against a list cut at the hole, an actor declared after it
  // would be reported undeclared (a wrong issue), or skipped, a world without it (a wrong world).
  if (withoutHoles(spec.actors, 'actors', issues) !== spec.actors) throw new ConfigError(issues);
  const actors = readActors(spec.actors, mechanisms, issues);
  const index = new Map(actors.map((a, i) => [a.id, i] as const));
  const n = actors.length;
  const dyads = emptyDyads(n);
  readDyads(listAt(spec.dyads, 'dyads', 'a list of dyads', issues), index, dyads, issues);
  const norms = readNorms(spec.norms, index, actors, issues);
  // Agreements in force at the start are signed like any other (norms adopted, dialogues
  // scheduled); their events are not logged, the world simply starts with them.
  const signing = { agreements: [] as Agreement[], dialogues: [] as Dialogue[], sanctions: [] as Sanction[], norms: copied(norms) };
  const discard: SimEvent[] = [];
  for (const [k, a] of readAgreements(listAt(own.agreements, 'agreements', 'a list of agreements', issues), index, issues).entries()) {
    // Only a valid agreement is signed (signing reads its terms); the others are in `issues`.
    if (a) signAgreement(signing, discard, { round: 0, phase: 'injects' }, `ag:init:${k}`, a.parties, a.terms);
  }
  const forums = readForums(listAt(own.forums, 'forums', 'a list of forums', issues), index, issues);
  const injects = readInjects(own.injects ?? [], index, issues, 'injects', (id) => actors[index.get(id) as number]?.kind);
  if (issues.length > 0) throw new ConfigError(issues);
  // Our deep freeze rather than immer's generic walk: the same result, and a fifth of the time
  // of a one-round run was immer's walk over a new world (docs/performance.md).
  return deepFreeze(
    {
      version: 1,
      seed,
      round: 0,
      actors,
      mechanisms,
      dyads,
      welfare: new Float64Array(n),
      norms: signing.norms,
      operations: [],
      incidents: [],
      requests: [],
      agreements: signing.agreements,
      sanctions: [],
      threats: [],
      talks: [],
      dialogues: signing.dialogues,
      forums,
      tabled: [],
      injects,
      recent: [],
      rng: {},
    } satisfies World as World,
  );
}

// Spec parts found deep-frozen (a parsed scenario's): every world made from them shares them, and
// they are walked once, not once per run of a sweep. One entry per part of a spec, not per round.
const deepFrozen = new WeakSet<object>();

/**
 * The parts of `spec` that the world keeps by reference — agreements (their terms), forums (a
 * rule object) and injects — as the world's own: a part that is deep-frozen already is shared (a
 * parsed scenario's spec costs nothing to copy); any other list or plain object is copied, so that
 * freezing the world never freezes the caller's spec, and a caller who edits their spec afterwards
 * (to build the next variant) changes neither this world nor its runs. The other parts are read
 * value by value (actors' capabilities and strategy parameters, dyads, norms and mechanism
 * overrides are copied or merged into objects of the world's own). A copy keeps key order, shared
 * parts and cycles as they are, so a world made from it equals one made from the spec; objects
 * that are not lists or plain objects (which no valid part holds) are kept as they are.
 * Parts nested more than {@link MAX_NESTING} levels deep are an issue (the walk is recursive).
 */
function ownedParts(spec: WorldSpec, issues: ConfigIssue[]): { readonly [K in 'agreements' | 'forums' | 'injects']: WorldSpec[K] | undefined } {
  // What each list or object of the spec became in this call: shared parts stay shared, and
  // a cycle of unfrozen objects becomes a cycle of copies (the world's freeze stops on them).
  const made = new Map<object, unknown>();
  const keys: (string | number)[] = [];
  const own = (value: unknown, key: string | number): unknown => {
    if (typeof value !== 'object' || value === null || deepFrozen.has(value)) return value;
    if (made.has(value)) return made.get(value);
    const list = Array.isArray(value);
    const proto: unknown = Object.getPrototypeOf(value);
    if (!list && proto !== Object.prototype && proto !== null) return value;
    keys.push(key);
    try {
      // The spec is level 1, so a part at `keys` is level keys.length + 1.
      if (keys.length >= MAX_NESTING) {
        issues.push({ path: pathTo(keys), expected: nestingExpected(), received: 'deeper nesting, or a cycle of frozen objects' });
        return undefined;
      }
      // Frozen parts are walked to learn whether they are deep-frozen (shared) or hold something
      // the caller can still change (copied): a shallow freeze must not let that in.
      const frozen = Object.isFrozen(value);
      const fields = value as Record<string | number, unknown>;
      const copy: Record<string | number, unknown> = list ? new Array<unknown>((value as readonly unknown[]).length) : proto === null ? Object.create(null) : {};
      if (!frozen) made.set(value, copy);
      let same = frozen;
      const take = (k: string | number) => {
        const item = fields[k];
        const mine = own(item, k);
        if (mine !== item) same = false;
        // An own `__proto__` key is defined, not assigned (which would set the copy's prototype).
        if (k === '__proto__') Object.defineProperty(copy, k, { value: mine, writable: true, enumerable: true, configurable: true });
        else copy[k] = mine;
      };
      if (list) {
        // A hole is reported here, once, and the list cut there (see withoutHoles).
        const length = (value as readonly unknown[]).length;
        for (let i = 0; i < length; i++) {
          if (!(i in value)) {
            issues.push(holeAt(pathTo([...keys, i])));
            (copy as unknown as unknown[]).length = i;
            CUT_AT_HOLE.add(copy as unknown as unknown[]);
            same = false;
            break;
          }
          take(i);
        }
      } else for (const k of Object.keys(value)) take(k);
      if (same) deepFrozen.add(value);
      const result = same ? value : copy;
      made.set(value, result);
      return result;
    } finally {
      keys.pop();
    }
  };
  return {
    agreements: own(spec.agreements, 'agreements') as WorldSpec['agreements'],
    forums: own(spec.forums, 'forums') as WorldSpec['forums'],
    injects: own(spec.injects, 'injects') as WorldSpec['injects'],
  };
}

/** The tables of a {@link DyadTable}, typed arrays or (in a snapshot) plain lists of numbers. */
type DyadLists = Readonly<Record<'trustR' | 'trustS' | 'tension' | 'escalationTrue' | 'escalationPerceived' | 'rung' | 'peakRung', ArrayLike<number>>>;

/** Fresh typed copies of dyad tables for n actors: a restored snapshot's, or a world's for the flat path's setup. */
export function copiedDyads(n: number, d: DyadLists): DyadTable {
  return {
    n,
    trustR: Float64Array.from(d.trustR),
    trustS: Float64Array.from(d.trustS),
    tension: Float64Array.from(d.tension),
    escalationTrue: Float64Array.from(d.escalationTrue),
    escalationPerceived: Float64Array.from(d.escalationPerceived),
    rung: Uint8Array.from(d.rung),
    peakRung: Uint8Array.from(d.peakRung),
  };
}

/** Zeroed dyad arrays for n actors. */
export function emptyDyads(n: number): DyadTable {
  const nn = n * n;
  const table = floatTables(nn);
  return {
    n,
    trustR: table(0),
    trustS: table(1),
    tension: table(2),
    escalationTrue: table(3),
    escalationPerceived: table(4),
    rung: new Uint8Array(nn),
    peakRung: new Uint8Array(nn),
  };
}

function normaliseSeed(seed: unknown, issues: ConfigIssue[]): string {
  if (typeof seed === 'number' && Number.isFinite(seed)) return String(seed);
  if (typeof seed === 'string' && seed.length > 0) return seed;
  issues.push({ path: 'seed', expected: 'a non-empty string or a finite number', received: describe(seed) });
  return '0';
}

/**
 * An optional list of the spec: absent (undefined or null) is empty; anything else that is not an
 * array is an issue at `path`, and reads as empty so the other readers still run.
 */
function listAt<T>(value: readonly T[] | undefined, path: string, expected: string, issues: ConfigIssue[]): readonly T[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return withoutHoles(value, path, issues);
  issues.push({ path, expected, received: describe(value) });
  return [];
}

function readActors(specs: readonly ActorSpec[], m: Mechanisms, issues: ConfigIssue[]): Actor[] {
  const repeated = repeatedId('actor');
  const actors: Actor[] = [];
  specs.forEach((spec, i) => {
    const path = `actors[${i}]`;
    if (!isRecord(spec)) {
      issues.push({ path, expected: 'an actor object', received: describe(spec) });
      return;
    }
    if (!checkValue(issues, `${path}.id`, spec.id, AN_ID)) return;
    pushIssue(issues, repeated(`${path}.id`, spec.id));
    if (spec.name !== undefined) checkValue(issues, `${path}.name`, spec.name, A_NAME);
    const kind = spec.kind ?? 'state';
    checkValue(issues, `${path}.kind`, kind, ACTOR_KIND);
    // Capabilities left out, one or all, default to 0.5.
    const caps = checkCapabilities(issues, `${path}.capabilities`, spec.capabilities === undefined ? {} : spec.capabilities, 0.5);
    const strategy = spec.strategy ?? 'passive';
    const strategyName = typeof strategy === 'string' ? strategy : strategy?.name;
    if (!STRATEGY_NAME.holds(strategyName)) {
      issues.push({ path: `${path}.strategy`, expected: 'a strategy name or a strategy object', received: describe(strategy) });
    }
    for (const key of ['reactivity', 'fatigue'] as const) if (spec[key] !== undefined) checkValue(issues, `${path}.${key}`, spec[key], TENSION_RATE);
    // A strategy object is recorded with its parameters (null when it has none: the world cannot
    // rebuild it), so a continued world plays the same strategy (Actor.strategyParams).
    const params = typeof strategy === 'object' && strategy !== null ? (strategy.params ?? null) : undefined;
    const paramsHold = params === undefined || params === null || checkValue(issues, `${path}.strategy.params`, params, STRATEGY_PARAMS);
    const base = {
      id: spec.id,
      name: typeof spec.name === 'string' && spec.name.length > 0 ? spec.name : spec.id,
      kind,
      sponsor: spec.sponsor ?? null,
      capabilities: caps as Capabilities,
      reactivity: spec.reactivity ?? m.tension.reactivity,
      fatigue: spec.fatigue ?? m.tension.fatigue,
    };
    actors.push(actorPlaying(base, strategyName ?? 'passive', paramsHold ? params : null));
  });
  if (specs.length === 0) issues.push({ path: 'actors', expected: 'at least one actor', received: 'an empty list' });
  const byId = new Map(actors.map((a) => [a.id, a] as const));
  specs.forEach((spec, i) => {
    if (isRecord(spec)) pushIssue(issues, sponsorIssue(`actors[${i}].sponsor`, { kind: spec.kind ?? 'state', sponsor: spec.sponsor }, undefined, (id) => byId.get(id)));
  });
  return actors.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The "each relation set by one entry only" rule of dyad lists, shared by specs and scenario
 * files: the engine applies entries in order, so a relation set twice (directly, or once through
 * `mutual`) would silently start at the last entry's values. Call the function it returns for each
 * entry, in order, with two different declared actors: the issue of the entry that repeats a
 * relation, naming the entry that set it first.
 */
export function relationsSetOnce(): (path: string, from: string, to: string, mutual: boolean) => ConfigIssue | undefined {
  const setBy = new Map<string, { readonly path: string; readonly mutual: boolean }>();
  return (path, from, to, mutual) => {
    const relations = mutual ? [`${from} → ${to}`, `${to} → ${from}`] : [`${from} → ${to}`];
    const repeated = relations.find((r) => setBy.has(r));
    for (const r of relations) if (!setBy.has(r)) setBy.set(r, { path, mutual });
    if (repeated === undefined) return undefined;
    const first = setBy.get(repeated) as { readonly path: string; readonly mutual: boolean };
    return { path, expected: 'each relation set by one entry only', received: `${repeated}${mutual ? ' (mutual)' : ''}, already set by ${first.path}${first.mutual ? ' (mutual)' : ''}` };
  };
}

function readDyads(specs: readonly DyadSpec[], index: Map<string, number>, d: DyadTable, issues: ConfigIssue[]): void {
  const n = d.n;
  const setTwice = relationsSetOnce();
  specs.forEach((spec, k) => {
    const path = `dyads[${k}]`;
    if (!isRecord(spec)) {
      issues.push({ path, expected: 'a dyad object { from, to, trust?, tension?, mutual? }', received: describe(spec) });
      return;
    }
    const i = index.get(spec.from);
    const j = index.get(spec.to);
    if (i === undefined) issues.push({ path: `${path}.from`, expected: 'a declared actor id', received: describe(spec.from) });
    if (j === undefined) issues.push({ path: `${path}.to`, expected: 'a declared actor id', received: describe(spec.to) });
    if (spec.mutual !== undefined && typeof spec.mutual !== 'boolean') issues.push({ path: `${path}.mutual`, expected: 'true or false', received: describe(spec.mutual) });
    if (i === undefined || j === undefined) return;
    if (i === j) issues.push({ path, expected: 'two different actors', received: `${spec.from} → ${spec.to}` });
    const mutual = spec.mutual === true;
    const pairs: [number, number][] = mutual ? [[i, j], [j, i]] : [[i, j]];
    const twice = i === j ? undefined : setTwice(path, spec.from, spec.to, mutual);
    if (twice) issues.push(twice);
    if (spec.trust !== undefined) {
      if (!(typeof spec.trust === 'number' && spec.trust > 0 && spec.trust < 1)) {
        issues.push({ path: `${path}.trust`, expected: 'a number strictly between 0 and 1', received: describe(spec.trust) });
      } else {
        const t = spec.trust;
        // Enough pseudo-evidence to express t exactly, at least 10 observations' worth.
        const { r, s } = evidenceForTrust(t, Math.max(10, 1 / t - 2, 1 / (1 - t) - 2));
        for (const [a, b] of pairs) {
          d.trustR[a * n + b] = r;
          d.trustS[a * n + b] = s;
        }
      }
    }
    if (spec.tension !== undefined) {
      if (!(typeof spec.tension === 'number' && Number.isFinite(spec.tension))) {
        issues.push({ path: `${path}.tension`, expected: 'a finite number', received: describe(spec.tension) });
      } else for (const [a, b] of pairs) d.tension[a * n + b] = spec.tension;
    }
  });
}

function readAgreements(
  specs: readonly { readonly parties: readonly ActorId[]; readonly terms: readonly Commitment[] }[],
  index: Map<string, number>,
  issues: ConfigIssue[],
): ({ parties: string[]; terms: Commitment[] } | undefined)[] {
  // One entry per agreement, in order (its position names it): undefined for an invalid one.
  const out: ({ parties: string[]; terms: Commitment[] } | undefined)[] = [];
  specs.forEach((spec, k) => {
    const path = `agreements[${k}]`;
    if (!isRecord(spec)) {
      issues.push({ path, expected: 'an agreement object { parties, terms }', received: describe(spec) });
      out.push(undefined);
      return;
    }
    const before = issues.length;
    checkMembers(issues, `${path}.parties`, spec.parties, index);
    const terms = checkTerms(spec.terms, `${path}.terms`, issues);
    out.push(issues.length === before ? { parties: [...spec.parties].sort(), terms } : undefined);
  });
  return out;
}

function readForums(specs: readonly ForumSpec[], index: Map<string, number>, issues: ConfigIssue[]): Forum[] {
  const repeated = repeatedId('forum');
  const forums: Forum[] = [];
  specs.forEach((spec, k) => {
    const path = `forums[${k}]`;
    if (!isRecord(spec)) {
      issues.push({ path, expected: 'a forum object { id, members, … }', received: describe(spec) });
      return;
    }
    const before = issues.length;
    if (checkValue(issues, `${path}.id`, spec.id, AN_ID)) pushIssue(issues, repeated(`${path}.id`, spec.id));
    if (spec.name !== undefined) checkValue(issues, `${path}.name`, spec.name, A_NAME);
    checkMembers(issues, `${path}.members`, spec.members, index);
    const every = spec.every ?? 1;
    checkValue(issues, `${path}.every`, every, FORUM_EVERY);
    const first = spec.first ?? 0;
    checkValue(issues, `${path}.first`, first, FORUM_FIRST);
    const rule = spec.rule ?? 'consensus';
    checkValue(issues, `${path}.rule`, rule, FORUM_RULE);
    const agenda = spec.agenda ?? [];
    checkAgenda(issues, `${path}.agenda`, agenda);
    // Built from checked values only (an invalid forum is in `issues`, and the world is not made).
    if (issues.length > before) return;
    forums.push({
      id: spec.id,
      name: typeof spec.name === 'string' && spec.name ? spec.name : spec.id,
      members: [...spec.members].sort(),
      every,
      first,
      rule,
      agenda: agenda.map((p) => [...p].sort()),
    });
  });
  return forums;
}

/** What a commitment's `rounds` may be where its kind takes them, and what to ask for when it is required. */
interface RoundsRule {
  readonly min: number;
  readonly max: number;
  /** What the rounds say, for a kind that must give them; null when they may be left out. */
  readonly required: string | null;
}

/**
 * What each kind of commitment takes besides its kind: the rule, stated once, that every reader of
 * terms applies through {@link checkTermFields} (world specs, injects, actions and counter-offers
 * through {@link checkTerms}; scenario files), and that the play commands read for their syntax.
 * `norms` (the norms both parties adopt) only a `norms` commitment lists, and it must; `rounds` only
 * `assistance` (answer within that many rounds) and `next-round` (meet every that many) take.
 *
 * @example
 * ```ts
 * TERM_FIELDS['next-round'].rounds; // { min: 1, max: 1000, required: 'how often the dialogue meets, in rounds' }
 * ```
 */
export const TERM_FIELDS: Readonly<Record<CommitmentKind, { readonly norms: boolean; readonly rounds: RoundsRule | null }>> = deepFreeze({
  hotline: { norms: false, rounds: null },
  'no-commercial-theft': { norms: false, rounds: null },
  assistance: { norms: false, rounds: { min: 0, max: 1000, required: null } },
  'information-sharing': { norms: false, rounds: null },
  norms: { norms: true, rounds: null },
  'sanctions-relief': { norms: false, rounds: null },
  'next-round': { norms: false, rounds: { min: 1, max: 1000, required: 'how often the dialogue meets, in rounds' } },
});

const quoted = (kinds: readonly string[], and: string) => kinds.map((k) => `'${k}'`).join(and);
const NORMS_TERMS = COMMITMENT_KINDS.filter((k) => TERM_FIELDS[k].norms);
const ROUNDS_TERMS = COMMITMENT_KINDS.filter((k) => TERM_FIELDS[k].rounds !== null);
const NO_NORMS = `no norms (only a ${quoted(NORMS_TERMS, ' or ')} commitment lists them)`;
const NO_ROUNDS = `no rounds (only ${quoted(ROUNDS_TERMS, ' and ')} take them)`;
// For a term whose kind is unknown (already reported): rounds that some kind would take.
const ANY_ROUNDS: RoundsRule = {
  min: Math.min(...ROUNDS_TERMS.map((k) => TERM_FIELDS[k].rounds?.min ?? 0)),
  max: Math.max(...ROUNDS_TERMS.map((k) => TERM_FIELDS[k].rounds?.max ?? 0)),
  required: null,
};

/**
 * How a reader of terms checks, in its own words, a field given where the term's kind takes it
 * (see {@link checkTermFields}). Each check adds its issues to `issues`.
 */
export interface TermValueChecks {
  norms(issues: ConfigIssue[], path: string, value: unknown): void;
  rounds(issues: ConfigIssue[], path: string, value: unknown, min: number, max: number): void;
}

/**
 * The rule of {@link TERM_FIELDS} for the term at `path`, of kind `kind` (undefined for a kind
 * already reported unknown: its fields are checked as values only). A field the kind does not take,
 * or a required one left out, is an issue here, worded the same for every reader; a field the kind
 * takes goes to the reader's own check of its value (`values`).
 *
 * @example
 * ```ts
 * checkTermFields('terms[0]', 'hotline', { norms: ['gge15.f'] }, issues, values);
 * // issues: [{ path: 'terms[0].norms', expected: "no norms (only a 'norms' commitment lists them)", … }]
 * ```
 */
export function checkTermFields(
  path: string,
  kind: CommitmentKind | undefined,
  term: { readonly norms?: unknown; readonly rounds?: unknown },
  issues: ConfigIssue[],
  values: TermValueChecks,
): void {
  const takes = kind === undefined ? undefined : TERM_FIELDS[kind];
  if (term.norms !== undefined) {
    if (takes && !takes.norms) issues.push({ path: `${path}.norms`, expected: NO_NORMS, received: describe(term.norms) });
    else values.norms(issues, `${path}.norms`, term.norms);
  } else if (takes?.norms) issues.push({ path: `${path}.norms`, expected: 'a non-empty list of norm ids', received: 'nothing' });
  const rounds = takes === undefined ? ANY_ROUNDS : takes.rounds;
  if (term.rounds !== undefined) {
    if (rounds === null) issues.push({ path: `${path}.rounds`, expected: NO_ROUNDS, received: describe(term.rounds) });
    else values.rounds(issues, `${path}.rounds`, term.rounds, rounds.min, rounds.max);
  } else if (rounds?.required) issues.push({ path: `${path}.rounds`, expected: rounds.required, received: 'nothing' });
}

const ENGINE_TERM_VALUES: TermValueChecks = {
  norms(issues, path, value) {
    if (!Array.isArray(value) || value.length === 0) issues.push({ path, expected: 'a non-empty list of norm ids', received: describe(value) });
    else
      withoutHoles(value as readonly unknown[], path, issues).forEach((n: unknown, j) => checkValue(issues, `${path}[${j}]`, n, NORM_ID));
  },
  rounds(issues, path, value, min, max) {
    if (!(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) issues.push({ path, expected: `a whole number of rounds from ${min} to ${max}`, received: describe(value) });
  },
};

/** Check the terms of an agreement; used by world specs and injects. */
export function checkTerms(terms: unknown, path: string, issues: ConfigIssue[]): Commitment[] {
  if (!Array.isArray(terms) || terms.length === 0) {
    issues.push({ path, expected: 'a non-empty list of commitments', received: describe(terms) });
    return [];
  }
  const list = withoutHoles(terms as readonly Commitment[], path, issues);
  list.forEach((t: Commitment, i) => {
    const at = `${path}[${i}]`;
    if (!t || typeof t !== 'object' || !COMMITMENT_KINDS.includes(t.kind)) {
      issues.push({ path: `${at}.kind`, expected: COMMITMENT_KINDS.join(' | '), received: describe(t?.kind) });
      return;
    }
    checkTermFields(at, t.kind, t, issues, ENGINE_TERM_VALUES);
  });
  return terms as Commitment[];
}

function readNorms(
  spec: Readonly<Record<ActorId, readonly NormId[]>> | undefined,
  index: Map<string, number>,
  actors: readonly Actor[],
  issues: ConfigIssue[],
): Record<ActorId, readonly NormId[]> {
  const out: Record<ActorId, readonly NormId[]> = {};
  for (const a of actors) out[a.id] = [];
  if (spec === undefined || spec === null) return out;
  // A world keeps each actor's norms sorted, without repeats.
  for (const [id, list] of checkAdoptedNorms(issues, 'norms', spec, index)) out[id] = [...new Set(list as readonly NormId[])].sort();
  return out;
}

/**
 * The rule, shared by world specs and scenario files, that a scripted operation, sanction or threat
 * is not aimed at its own author: the issue at `path.target` when the author (`actor` of an
 * operation, `by` of a sanction or threat) is its `target`. Only a declared author is judged: an
 * undeclared id is reported already, and a second issue about it would be noise.
 *
 * @example
 * ```ts
 * aimedAtItself('injects[2]', 'by', { type: 'sanction', by: 'US', target: 'US' }, actorIds);
 * // { path: 'injects[2].target', expected: 'an actor other than the sanctioning one', received: '"US"' }
 * ```
 */
export function aimedAtItself(
  path: string,
  author: 'actor' | 'by',
  inject: { readonly actor?: unknown; readonly by?: unknown; readonly target?: unknown },
  declared: { has(id: string): boolean },
): ConfigIssue | undefined {
  const who = inject[author];
  if (typeof who !== 'string' || !declared.has(who) || who !== inject.target) return undefined;
  return { path: `${path}.target`, expected: author === 'actor' ? 'an actor other than the author' : 'an actor other than the sanctioning one', received: describe(inject.target) };
}

/**
 * The rules, shared by world specs and scenario files, that validateAction holds a strategy's
 * operation to and a scripted one escaped: only espionage is commercial (the engine records no
 * other kind as commercial, so a commercial disruption ran as an ordinary one, silently), and a
 * false flag does not name the target (evidence planted on the victim frames no one: the story
 * told "A ran disruption on B, planting evidence against B"). Only declared actors are judged, as
 * in {@link aimedAtItself}: an undeclared id, or an unknown kind, is reported already.
 *
 * @example
 * ```ts
 * operationRuleIssues('injects[0]', { kind: 'disruption', commercial: true, target: 'B' }, actorIds);
 * // [{ path: 'injects[0].commercial', expected: "commercial: true only on an operation of kind 'espionage' (the theft of trade secrets)", received: 'true, on disruption', hint: 'delete commercial: true' }]
 * ```
 */
export function operationRuleIssues(
  path: string,
  inject: { readonly kind?: unknown; readonly commercial?: unknown; readonly target?: unknown; readonly falseFlag?: unknown },
  declared: { has(id: string): boolean },
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { kind, falseFlag } = inject;
  if (inject.commercial === true && typeof kind === 'string' && kind !== 'espionage' && (OPERATION_KINDS as readonly string[]).includes(kind)) {
    issues.push({ path: `${path}.commercial`, expected: "commercial: true only on an operation of kind 'espionage' (the theft of trade secrets)", received: `true, on ${kind}`, hint: 'delete commercial: true' });
  }
  if (typeof falseFlag === 'string' && declared.has(falseFlag) && falseFlag === inject.target) {
    issues.push({ path: `${path}.falseFlag`, expected: 'an actor other than the target (the one the evidence frames)', received: describe(falseFlag) });
  }
  return issues;
}

function pushIssue(issues: ConfigIssue[], issue: ConfigIssue | undefined): void {
  if (issue) issues.push(issue);
}

/**
 * Check injects against the declared actors; returns them sorted by round (stable). Absent
 * (undefined or null) is none; anything but a list is an issue at `base`. By `kindOf`, a
 * sanction or a threat by an actor that is not a state is an issue too, as the same action from a
 * strategy is rejected (validateAction): only states sanction.
 */
export function readInjects(specs: readonly Inject[] | undefined, index: ReadonlyMap<string, number>, issues: ConfigIssue[], base: string, kindOf: (id: string) => string | undefined): Inject[] {
  const list = listAt(specs, base, 'a list of injects', issues);
  const before = issues.length;
  list.forEach((inj, k) => {
    const path = `${base}[${k}]`;
    if (!isRecord(inj)) {
      issues.push({ path, expected: 'an inject object', received: describe(inj) });
      return;
    }
    if (!(Number.isInteger(inj.round) && inj.round >= 0)) issues.push({ path: `${path}.round`, expected: 'a round number ≥ 0', received: describe(inj.round) });
    const actor = (field: string, v: unknown) => {
      if (typeof v !== 'string' || !index.has(v)) issues.push({ path: `${path}.${field}`, expected: 'a declared actor id', received: describe(v) });
    };
    switch (inj.type) {
      case 'operation':
        actor('actor', inj.actor);
        actor('target', inj.target);
        if (!OPERATION_KINDS.includes(inj.kind)) issues.push({ path: `${path}.kind`, expected: OPERATION_KINDS.join(' | '), received: describe(inj.kind) });
        if (inj.falseFlag !== undefined) actor('falseFlag', inj.falseFlag);
        pushIssue(issues, aimedAtItself(path, 'actor', inj, index));
        if (inj.against !== undefined && !OPERATION_TARGETS.includes(inj.against)) issues.push({ path: `${path}.against`, expected: OPERATION_TARGETS.join(' | '), received: describe(inj.against) });
        if (inj.commercial !== undefined && typeof inj.commercial !== 'boolean') issues.push({ path: `${path}.commercial`, expected: 'true or false', received: describe(inj.commercial) });
        issues.push(...operationRuleIssues(path, inj, index));
        break;
      case 'reveal':
        if (inj.victim !== undefined) actor('victim', inj.victim);
        break;
      case 'agreement':
        if (!Array.isArray(inj.parties) || inj.parties.length < 2) issues.push({ path: `${path}.parties`, expected: 'at least two actor ids', received: describe(inj.parties) });
        else {
          inj.parties.forEach((p, i) => actor(`parties[${i}]`, p));
          if (new Set(inj.parties).size !== inj.parties.length) issues.push({ path: `${path}.parties`, expected: 'distinct actors', received: 'a repeated id' });
        }
        checkTerms(inj.terms, `${path}.terms`, issues);
        break;
      case 'sanction':
      case 'threat': {
        actor('by', inj.by);
        actor('target', inj.target);
        pushIssue(issues, aimedAtItself(path, 'by', inj, index));
        const kind = typeof inj.by === 'string' && index.has(inj.by) ? kindOf(inj.by) : 'state';
        if (kind !== 'state') issues.push({ path: `${path}.by`, expected: `a state (only states ${inj.type === 'sanction' ? 'sanction' : 'threaten sanctions'})`, received: `${inj.by}, a ${String(kind)}` });
        if (!SANCTION_MEASURES.includes(inj.measure)) issues.push({ path: `${path}.measure`, expected: quoted(SANCTION_MEASURES, ' | '), received: describe(inj.measure) });
        if (inj.type === 'threat' && inj.unless !== undefined && typeof inj.unless !== 'string') issues.push({ path: `${path}.unless`, expected: 'a text stating the condition', received: describe(inj.unless) });
        break;
      }
      case 'capability':
        actor('actor', inj.actor);
        if (!(CAPABILITY_KEYS as readonly string[]).includes(inj.capability)) issues.push({ path: `${path}.capability`, expected: CAPABILITY_KEYS.join(' | '), received: describe(inj.capability) });
        checkValue(issues, `${path}.value`, inj.value, CAPABILITY);
        break;
      case 'mechanisms':
        if (inj.set === null || typeof inj.set !== 'object' || Array.isArray(inj.set)) issues.push({ path: `${path}.set`, expected: 'mechanism coefficients to override, e.g. { detection: { scale: 2 } }', received: describe(inj.set) });
        else issues.push(...mergeMechanisms(inj.set, DEFAULT_MECHANISMS, `${path}.set`).issues);
        break;
      case 'note':
        if (typeof inj.text !== 'string') issues.push({ path: `${path}.text`, expected: 'a string', received: describe(inj.text) });
        break;
      default:
        issues.push({ path: `${path}.type`, expected: INJECT_TYPES.join(' | '), received: describe((inj as { type: unknown }).type) });
    }
  });
  // Sorting reads every inject's round: only checked injects are sorted (otherwise the caller throws).
  if (issues.length > before) return [...list];
  return list.map((inj, k) => [inj, k] as const).sort((a, b) => a[0].round - b[0].round || a[1] - b[1]).map(([inj]) => inj);
}

/**
 * `inc` with some fields replaced, as one literal in the order of {@link Incident} (the order an
 * incident is made in, so its JSON is unchanged): a spread of a frozen incident was a quarter of
 * the detection phase's own time, and gave the copies other hidden classes (see worldWith).
 *
 * @example
 * ```ts
 * const closed = incidentWith(inc, { investigation: 0 });
 * ```
 */
export function incidentWith(inc: Incident, patch: Partial<Incident>): Incident {
  return {
    id: patch.id ?? inc.id,
    victim: patch.victim ?? inc.victim,
    round: patch.round ?? inc.round,
    kind: patch.kind ?? inc.kind,
    against: patch.against ?? inc.against,
    severity: patch.severity ?? inc.severity,
    commercial: patch.commercial ?? inc.commercial,
    operation: patch.operation !== undefined ? patch.operation : inc.operation,
    signals: patch.signals ?? inc.signals,
    posterior: patch.posterior ?? inc.posterior,
    investigation: patch.investigation ?? inc.investigation,
    revealed: patch.revealed !== undefined ? patch.revealed : inc.revealed,
    commitments: patch.commitments ?? inc.commitments,
    perceived: patch.perceived ?? inc.perceived,
  };
}

/**
 * The position of `victim`'s incident `id` in `incidents`, or -1: the incident an action or a
 * request names, found by id (see {@link indexOfId}).
 *
 * @example
 * ```ts
 * const k = incidentIndex(world.incidents, 'inc:US:3:0', 'US');
 * ```
 */
export function incidentIndex(incidents: readonly Pick<Incident, 'id' | 'victim'>[], id: string, victim: string): number {
  const k = indexOfId(incidents, id);
  return k >= 0 && incidents[k]?.victim === victim ? k : -1;
}

/**
 * Five new zeroed float tables of `nn` entries (the dyad tables a round replaces), as
 * `table(0)` … `table(4)`: one block from {@link floatSlots} (a shared slab when they are small,
 * else a buffer of their own), so each table gets fresh bytes that no other table shares.
 *
 * @example
 * ```ts
 * const table = floatTables(9);
 * const trustR = table(0); // Float64Array of 9 zeros
 * ```
 */
export function floatTables(nn: number): (k: number) => Float64Array {
  const block = floatSlots(5 * nn);
  return (k) => block.subarray(k * nn, (k + 1) * nn);
}

/**
 * `world` with some fields replaced: the one way phases make a new world. One object literal
 * with every field in the order of {@link World}, not object spread: a spread of a world whose
 * hidden class V8 had made a detached copy (after `Object.freeze` of a spread, or of a world
 * parsed from JSON) gave nearly every world its own hidden class — 52 for 60 worlds of one run —
 * so every read of a world field was megamorphic and every freeze built a new class
 * (docs/performance.md). A literal keeps one class for all worlds.
 *
 * @example
 * ```ts
 * const next = worldWith(world, { incidents: [...world.incidents, incident] });
 * ```
 */
export function worldWith(world: World, patch: Partial<World>): World {
  // Every field is read from `world` (one hidden class, so the reads are monomorphic), then the
  // patch's few fields are written over them: reading all 21 fields from patches of many shapes
  // (a megamorphic load each) cost more than the copy itself.
  const out: { -readonly [K in keyof World]: World[K] } = {
    version: 1,
    seed: world.seed,
    round: world.round,
    actors: world.actors,
    mechanisms: world.mechanisms,
    dyads: world.dyads,
    welfare: world.welfare,
    norms: world.norms,
    operations: world.operations,
    incidents: world.incidents,
    requests: world.requests,
    agreements: world.agreements,
    sanctions: world.sanctions,
    threats: world.threats,
    talks: world.talks,
    dialogues: world.dialogues,
    forums: world.forums,
    tabled: world.tabled,
    injects: world.injects,
    recent: world.recent,
    rng: world.rng,
  };
  const fields = out as unknown as Record<string, unknown>;
  const changes = patch as Readonly<Record<string, unknown>>;
  // Only a world's own fields: a patch built from a wider object cannot add any.
  for (const key in changes) if (Object.hasOwn(fields, key) && Object.hasOwn(changes, key)) fields[key] = changes[key];
  return out;
}

// Keyed by the actor list, which a run shares from its first world to its last: one entry per run
// (or per capability change), unlike the per-round WeakMaps that the third pass of issue 7 removed
// from the engine because the scavenger keeps young keys alive (docs/performance.md).
const indexCache = new WeakMap<readonly { readonly id: string }[], ReadonlyMap<string, number>>();

/**
 * Position of each actor id in `world.actors` (the index of its dyad rows). Cached per actor list.
 *
 * @example
 * ```ts
 * actorIndex(world).get('US'); // 1
 * ```
 */
export function actorIndex(world: { readonly actors: readonly { readonly id: string }[] }): ReadonlyMap<string, number> {
  let m = indexCache.get(world.actors);
  if (!m) {
    m = new Map(world.actors.map((a, i) => [a.id, i] as const));
    indexCache.set(world.actors, m);
  }
  return m;
}
