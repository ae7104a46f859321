import type { Strategy } from '../engine/contract.js';
import { ConfigError } from '../engine/errors.js';
import { deepFreeze } from '../engine/freeze.js';
import { aimedAtItself, checkTermFields, createWorld, operationRuleIssues, relationsSetOnce } from '../engine/world.js';
import type { ActorSpec, TermValueChecks, WorldSpec } from '../engine/world.js';
import { ACTOR_KINDS } from '../model/actor.js';
import { COMMITMENT_KINDS, SANCTION_MEASURES } from '../model/agreement.js';
import type { Commitment } from '../model/agreement.js';
import { CAPABILITY_KEYS } from '../model/capability.js';
import type { Capabilities } from '../model/capability.js';
import type { Inject } from '../model/inject.js';
import { INJECT_TYPES } from '../model/inject.js';
import { everyMember } from '../model/members.js';
import { DEFAULT_MECHANISMS, describe, mergeMechanisms } from '../model/mechanisms.js';
import { controlCharacterProblem } from '../model/control-characters.js';
import { nestingExpected, nestingTooDeep, plainDataProblem } from '../model/nesting.js';
import { ID_PATTERN } from '../model/ids.js';
import { clip } from '../model/quote.js';
import { MAX_ROUNDS } from '../model/rounds.js';
import { GGE15_NORM_IDS } from '../model/norms.js';
import { OPERATION_KINDS, OPERATION_TARGETS } from '../model/operation.js';
import { createRegistry } from '../strategies/builtins/index.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { checkOptionNames } from '../engine/option-names.js';
import { LAST_CALENDAR_YEAR, lastCalendarRound, parseCalendarStart, roundDate } from './calendar.js';
import { Checker, join } from './check.js';
import { ScenarioError } from './errors.js';
import type { Calendar, ScenarioDocument, ScenarioInject } from './format.js';
import { CAPABILITY_PRESETS } from './presets.js';
import { FORBIDDEN_KEYS, forbiddenKeys, readScenarioText } from './read.js';
import type { ScenarioFormat } from './read.js';

/**
 * A checked scenario, ready to run: the document as written (plain data) and the world spec built
 * from it (presets resolved, strategies built with their parameters, storytelling injects expanded).
 *
 * @example
 * ```ts
 * const scenario: Scenario = parseScenario(readFileSync('scenarios/us-china-2015.yaml', 'utf8'), { source: 'us-china-2015.yaml' });
 * const run = simulate(scenario.spec, { seed: scenario.seed, rounds: scenario.rounds });
 * ```
 */
export interface Scenario {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly rounds: number;
  readonly seed: string | number;
  readonly calendar: Calendar | undefined;
  readonly document: ScenarioDocument;
  readonly spec: WorldSpec;
}

/**
 * Options of {@link parseScenario}.
 *
 * @example
 * ```ts
 * import { loadStrategies } from 'detente/node';
 * const options: ParseScenarioOptions = { source: 'mine.yaml', registry: await loadStrategies('./my-strategies.js') };
 * const scenario = parseScenario(readFileSync('mine.yaml', 'utf8'), options);
 * ```
 */
export interface ParseScenarioOptions {
  /** File name, for messages (and to tell JSON from YAML). */
  readonly source?: string;
  readonly format?: ScenarioFormat;
  /** Where strategy names are looked up (default: the built-ins). */
  readonly registry?: StrategyRegistry;
}

/** The names {@link parseScenario} accepts in its options: every field of {@link ParseScenarioOptions}. */
const PARSE_OPTIONS = everyMember<keyof ParseScenarioOptions & string>()(['source', 'format', 'registry']);

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const CALENDAR_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
// Words other models use for a section, which no spelling distance leads to.
const TOP_SYNONYMS: Readonly<Record<string, string>> = { relations: 'dyads', relationships: 'dyads', trust: 'dyads', events: 'injects', treaties: 'agreements', players: 'actors', states: 'actors', coefficients: 'mechanisms', parameters: 'mechanisms' };
const TOP = ['$schema', 'name', 'title', 'description', 'rounds', 'calendar', 'seed', 'actors', 'dyads', 'agreements', 'norms', 'forums', 'injects', 'mechanisms'];
// Every engine inject, and the storytelling forms only a scenario file has (they expand into engine injects).
const INJECTS = everyMember<ScenarioInject['type']>()([...INJECT_TYPES, 'indictment', 'leak', 'summit', 'sanctions-threat']);
export { MAX_ROUNDS };

let defaultRegistry: StrategyRegistry | undefined;

/**
 * Check a scenario (text in JSON or YAML, or already-parsed data) and build it. Throws a
 * {@link ScenarioError} listing **every** problem — syntax with line and column, unknown or
 * misspelt fields, strategies, presets and actor ids with a "did you mean", out-of-range numbers,
 * duplicate ids, a proxy whose sponsor is not a state, reserved keys. An option name it does not
 * know (`sorce` for `source`) is a {@link ConfigError} naming it, with a "did you mean".
 *
 * @example
 * ```ts
 * import { parseScenario, simulate } from 'detente';
 * const s = parseScenario('name: duel\nrounds: 6\nactors: [{ id: A, strategy: hawk }, { id: B, strategy: dove }]');
 * const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
 * ```
 */
export function parseScenario(input: string | unknown, options: ParseScenarioOptions = {}): Scenario {
  // A misspelt option (`regsitry`) was dropped: the names of the caller's strategies were then
  // looked up among the built-ins. Once per call, over the few keys of the object.
  checkOptionNames(options, PARSE_OPTIONS, 'parseScenario');
  const data =
    typeof input === 'string'
      ? readScenarioText(input, { ...(options.source !== undefined ? { source: options.source } : {}), ...(options.format !== undefined ? { format: options.format } : {}) })
      : input;
  const registry = options.registry ?? (defaultRegistry ??= createRegistry());
  // Before any check that walks the data as a tree (recursively, path by path). Text was checked
  // as written, but a document passed as an object was not: it may nest too deep, hold itself, or
  // share parts so often that a walk of every path never ends; and a YAML alias may put a deep
  // part under another.
  const deep = nestingTooDeep(data);
  if (deep !== undefined) {
    throw new ScenarioError([{ path: deep, expected: nestingExpected(), received: 'deeper nesting', hint: 'a scenario nests about 6 levels deep' }], options.source);
  }
  const problem = plainDataProblem(data);
  if (problem !== undefined) throw new ScenarioError([{ path: problem.path, expected: problem.expected, received: problem.received }], options.source);
  const c = new Checker();
  c.issues.push(...forbiddenKeys(data));
  const parsed = checkDocument(data, c, registry);
  if (c.issues.length > 0 || !parsed) throw new ScenarioError(c.issues, options.source);
  // The scenario owns its document, frozen: a caller who changes the object it passed in (or the
  // document it got back) cannot change a scenario a game replays from or a sweep tagged
  // (scenarioTag caches by document). Text parsed here is ours already; an object is copied
  // (it passed the checks, so it is plain data).
  const doc = deepFreeze(typeof input === 'string' ? parsed : (JSON.parse(JSON.stringify(parsed)) as ScenarioDocument));
  // The parts a world keeps from its spec (agreements, forums, injects) are deep-frozen like the
  // document, so every world made from it (a sweep's runs) shares them rather than copying them
  // (createWorld copies what is not frozen). Not the whole spec: its actors hold the strategy
  // objects the registry built, which may keep state of their own and must stay writable.
  const spec = buildSpec(doc, registry);
  for (const part of [spec.agreements, spec.forums, spec.injects]) if (part !== undefined) deepFreeze(part);
  // The actors' records are frozen too, each strategy object left as it is: the spec then cannot
  // change under a sweep that plays it many times (runOne keeps the flat path's setup per spec).
  for (const a of spec.actors) {
    if (a.capabilities !== undefined) Object.freeze(a.capabilities);
    Object.freeze(a);
  }
  Object.freeze(spec.actors);
  Object.freeze(spec);
  // checkDocument makes every check createWorld makes, so that one pass lists the engine's problems
  // beside the file's others (createWorld only ran on a document free of them, and its problems
  // came one run of validate later). createWorld stays the last word on what the checker passed.
  try {
    createWorld(spec, { seed: doc.seed ?? 1 });
  } catch (e) {
    // The engine numbers injects after storytelling forms expanded; report them as written.
    const origin = doc.injects ? expandWithOrigin(doc.injects).origin : [];
    if (e instanceof ConfigError) c.issues.push(...e.issues.map((issue) => ({ ...issue, path: documentPath(issue.path, origin) })));
    else throw e;
  }
  if (c.issues.length > 0) throw new ScenarioError(c.issues, options.source);
  sealedSpecs.add(spec);
  return Object.freeze({
    name: doc.name,
    title: doc.title ?? doc.name,
    description: doc.description ?? '',
    rounds: doc.rounds,
    seed: doc.seed ?? 1,
    calendar: doc.calendar,
    document: doc,
    spec,
  });
}

/** The specs parseScenario made: frozen to the strategy objects, which are the registry's own. */
const sealedSpecs = new WeakSet<WorldSpec>();

/**
 * Whether `spec` is one parseScenario made, and so cannot change (every part frozen but the
 * strategy objects, which a spec cannot swap): what is computed from it once holds for every run.
 */
export function isSealedSpec(spec: WorldSpec): boolean {
  return sealedSpecs.has(spec);
}

function checkDocument(d: unknown, c: Checker, registry: StrategyRegistry): ScenarioDocument | undefined {
  if (!c.object('', d, TOP, ['name', 'rounds', 'actors'], TOP_SYNONYMS)) return undefined;
  if (d.name !== undefined) c.string('name', d.name, NAME, 'a name of lower-case letters, digits and dashes');
  for (const k of ['title', 'description'] as const) if (d[k] !== undefined) printable(k, d[k], c);
  if (d.$schema !== undefined) c.string('$schema', d.$schema);
  if (d.rounds !== undefined) c.number('rounds', d.rounds, 1, MAX_ROUNDS, true);
  if (d.seed !== undefined && !(typeof d.seed === 'string' && d.seed.length > 0) && !(typeof d.seed === 'number' && Number.isFinite(d.seed))) {
    c.add('seed', 'a non-empty text or a number', describe(d.seed));
  } else if (typeof d.seed === 'string') printable('seed', d.seed, c);
  if (d.calendar !== undefined) checkCalendar(d.calendar, d.rounds, c);
  const ids: string[] = [];
  const kinds = new Map<string, unknown>();
  if (d.actors !== null && typeof d.actors === 'object' && !Array.isArray(d.actors)) {
    // Actors keyed by id, as norms are: the list form, with the first id, is the fix.
    const first = Object.keys(d.actors)[0] ?? 'US';
    c.add('actors', 'a list of actors, each with its id', 'a map keyed by id', `write it as a list: actors: [{ id: ${clip(first)}, … }, …]`);
  } else if (d.actors !== undefined && c.array('actors', d.actors, 1)) {
    d.actors.forEach((a, i) => {
      const p = join('actors', i);
      if (!c.object(p, a, ['id', 'name', 'kind', 'sponsor', 'capabilities', 'strategy', 'reactivity', 'fatigue'], ['id'])) return;
      if (a.id !== undefined && c.string(join(p, 'id'), a.id, ID_PATTERN, 'an id of letters, digits, "_", "." or "-"')) {
        // `norms` is keyed by actor id, and refuses the reserved keys: such an actor could not be given norms.
        if (FORBIDDEN_KEYS.includes(a.id)) c.add(join(p, 'id'), 'an id other than the reserved keys constructor and prototype', `'${a.id}'`, 'rename the actor');
        else if (ids.includes(a.id)) c.add(join(p, 'id'), 'a unique actor id', `duplicate '${a.id}'`);
        ids.push(a.id);
      }
      if (a.name !== undefined) printable(join(p, 'name'), a.name, c);
      if (a.kind !== undefined) c.oneOf(join(p, 'kind'), a.kind, ACTOR_KINDS);
      checkCapabilities(join(p, 'capabilities'), a.capabilities, c);
      checkStrategy(join(p, 'strategy'), a.strategy, c, registry);
      for (const k of ['reactivity', 'fatigue'] as const) if (a[k] !== undefined) c.number(join(p, k), a[k], 0, 100);
    });
    for (const a of d.actors) if (a && typeof a === 'object') kinds.set(String((a as Record<string, unknown>).id), (a as Record<string, unknown>).kind ?? 'state');
    d.actors.forEach((a, i) => {
      if (!a || typeof a !== 'object') return;
      const x = a as Record<string, unknown>;
      const p = join(join('actors', i), 'sponsor');
      if (x.sponsor === undefined) {
        if (x.kind === 'proxy') c.add(p, 'the id of the sponsor state of this proxy', 'nothing');
        return;
      }
      if (x.kind !== 'proxy') c.add(p, 'no sponsor (only proxies have one)', describe(x.sponsor));
      else if (c.ref(p, x.sponsor, ids, 'a declared actor id') && kinds.get(x.sponsor) !== 'state') {
        c.add(p, 'a state (a proxy acts for a state)', `${x.sponsor}, a ${String(kinds.get(x.sponsor))}`);
      }
    });
  }
  // The ids the other sections may name; unknown when `actors` is not a list (see Checker.ref).
  const known = Array.isArray(d.actors) ? ids : undefined;
  if (d.dyads !== undefined && c.array('dyads', d.dyads)) {
    const setTwice = relationsSetOnce();
    d.dyads.forEach((x, i) => {
      const p = join('dyads', i);
      if (!c.object(p, x, ['from', 'to', 'trust', 'tension', 'mutual'], ['from', 'to'])) return;
      const from = x.from !== undefined && c.ref(join(p, 'from'), x.from, known, 'a declared actor id');
      const to = x.to !== undefined && c.ref(join(p, 'to'), x.to, known, 'a declared actor id');
      if (x.trust !== undefined) c.number(join(p, 'trust'), x.trust, 0.001, 0.999);
      if (x.tension !== undefined) c.number(join(p, 'tension'), x.tension, -1e6, 1e6);
      const mutual = x.mutual === true;
      if (x.mutual !== undefined && typeof x.mutual !== 'boolean') c.add(join(p, 'mutual'), 'true or false', describe(x.mutual));
      if (!from || !to) return;
      if (x.from === x.to) {
        c.add(p, 'two different actors', `${x.from} → ${x.to}`);
        return;
      }
      const twice = setTwice(p, x.from as string, x.to as string, mutual);
      if (twice) c.add(twice.path, twice.expected, twice.received);
    });
  }
  if (d.agreements !== undefined && c.array('agreements', d.agreements)) {
    d.agreements.forEach((x, i) => {
      const p = join('agreements', i);
      if (!c.object(p, x, ['parties', 'terms'], ['parties', 'terms'])) return;
      checkParties(join(p, 'parties'), x.parties, known, c);
      checkTerms(join(p, 'terms'), x.terms, c);
    });
  }
  if (d.norms !== undefined && c.object('norms', d.norms, known ?? anyKeyOf(d.norms))) {
    for (const [actor, list] of Object.entries(d.norms)) {
      if (c.array(join('norms', actor), list)) list.forEach((n, j) => c.oneOf(`${join('norms', actor)}[${j}]`, n, GGE15_NORM_IDS, 'a GGE norm id (gge15.a … gge15.k)'));
    }
  }
  const forums: string[] = [];
  if (d.forums !== undefined && c.array('forums', d.forums)) {
    d.forums.forEach((f, i) => {
      const p = join('forums', i);
      if (!c.object(p, f, ['id', 'name', 'members', 'every', 'first', 'rule', 'agenda'], ['id', 'members'])) return;
      if (f.id !== undefined && c.string(join(p, 'id'), f.id, ID_PATTERN, 'an id of letters, digits, "_", "." or "-"')) {
        if (forums.includes(f.id)) c.add(join(p, 'id'), 'a unique forum id', `duplicate '${f.id}'`);
        forums.push(f.id);
      }
      if (f.name !== undefined) printable(join(p, 'name'), f.name, c);
      if (f.members !== undefined) checkParties(join(p, 'members'), f.members, known, c);
      if (f.every !== undefined) c.number(join(p, 'every'), f.every, 1, MAX_ROUNDS, true);
      // Like an inject's round: a first session after the last round never meets, and the forum
      // and its agenda were silently no part of the run.
      if (f.first !== undefined && c.number(join(p, 'first'), f.first, 0, MAX_ROUNDS, true) && f.first >= lastRounds(d.rounds)) {
        c.add(join(p, 'first'), `a round of the run (0 to ${lastRounds(d.rounds) - 1}): a forum first called later never meets`, String(f.first));
      }
      if (f.rule !== undefined && f.rule !== 'consensus') {
        if (typeof f.rule === 'string') c.oneOf(join(p, 'rule'), f.rule, ['consensus'], "'consensus' or { threshold: a share in (0, 1] }");
        else if (c.object(join(p, 'rule'), f.rule, ['threshold'], ['threshold']) && f.rule.threshold !== undefined) c.number(join(p, 'rule.threshold'), f.rule.threshold, 0.01, 1);
      }
      if (f.agenda !== undefined && c.array(join(p, 'agenda'), f.agenda)) {
        f.agenda.forEach((pkg, j) => {
          if (c.array(`${join(p, 'agenda')}[${j}]`, pkg, 1)) pkg.forEach((n, k) => c.oneOf(`${join(p, 'agenda')}[${j}][${k}]`, n, GGE15_NORM_IDS, 'a GGE norm id (gge15.a … gge15.k)'));
        });
      }
    });
  }
  const rounds = lastRounds(d.rounds);
  if (d.injects !== undefined && c.array('injects', d.injects)) d.injects.forEach((x, i) => checkInject(join('injects', i), x, known, kinds, rounds, c));
  if (d.mechanisms !== undefined) checkMechanisms('mechanisms', d.mechanisms, c);
  return d as unknown as ScenarioDocument;
}

/** The scenario's rounds, to check rounds against: MAX_ROUNDS while they are not valid (reported apart). */
function lastRounds(rounds: unknown): number {
  return typeof rounds === 'number' && Number.isInteger(rounds) && rounds >= 1 && rounds <= MAX_ROUNDS ? rounds : MAX_ROUNDS;
}

// Scenario text is printed by `run` and `play` and written into reports: control characters are
// refused here, once, with their place (model/control-characters.ts says which).
/** A text shown to readers: a string without control characters. */
function printable(path: string, v: unknown, c: Checker): void {
  if (!c.string(path, v)) return;
  const problem = controlCharacterProblem(path, v);
  if (problem) c.add(problem.path, problem.expected, problem.received, 'delete it, or write the text again by hand');
}

/** `calendar`: a unit, and a start that is a date that exists; the rounds must end by 9999-12-31. */
function checkCalendar(v: unknown, rounds: unknown, c: Checker): void {
  if (!c.object('calendar', v, ['unit', 'start'], ['unit'])) return;
  const unit = v.unit !== undefined && c.oneOf('calendar.unit', v.unit, CALENDAR_UNITS);
  if (v.start === undefined) return;
  const what = 'a date YYYY, YYYY-MM or YYYY-MM-DD';
  if (typeof v.start === 'number' && Number.isInteger(v.start) && v.start >= 0 && v.start <= LAST_CALENDAR_YEAR) {
    // YAML reads `start: 2015` as a number; only the text names a date.
    const year = String(v.start).padStart(4, '0');
    c.add('calendar.start', what, describe(v.start), `write the year in quotes: start: '${year}'`);
    return;
  }
  if (!c.string('calendar.start', v.start, DATE, what)) return;
  const start = parseCalendarStart(v.start);
  if ('problem' in start) {
    c.add('calendar.start', 'a date that exists: YYYY, YYYY-MM or YYYY-MM-DD', `${describe(v.start)} (${start.problem})`);
    return;
  }
  if (!unit || typeof rounds !== 'number' || !Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) return;
  const calendar: Calendar = { unit: v.unit as Calendar['unit'], start: v.start };
  const last = lastCalendarRound(calendar);
  if (rounds - 1 > last) {
    c.add(
      'rounds',
      `at most ${last + 1} round${last === 0 ? '' : 's'}, as dates end on ${LAST_CALENDAR_YEAR}-12-31 (by ${calendar.unit} from ${v.start})`,
      `${rounds} (round ${rounds - 1} would be ${roundDate(calendar, rounds - 1)})`,
    );
  }
}

/**
 * Mechanism overrides, checked in depth as the engine merges them. An unknown section is reported
 * by the checker (with a "did you mean"), not a second time by the merge.
 */
function checkMechanisms(path: string, v: unknown, c: Checker): void {
  if (!c.object(path, v, Object.keys(DEFAULT_MECHANISMS))) return;
  const known = Object.fromEntries(Object.entries(v).filter(([key]) => Object.prototype.hasOwnProperty.call(DEFAULT_MECHANISMS, key)));
  for (const issue of mergeMechanisms(known, DEFAULT_MECHANISMS, path).issues) c.add(issue.path, issue.expected, issue.received);
}

function checkCapabilities(path: string, v: unknown, c: Checker): void {
  if (v === undefined) return;
  const presets = Object.keys(CAPABILITY_PRESETS);
  if (typeof v === 'string') {
    c.ref(path, v, presets, 'a capability preset');
    return;
  }
  if (!c.object(path, v, ['preset', ...CAPABILITY_KEYS])) return;
  if (v.preset !== undefined) c.ref(join(path, 'preset'), v.preset, presets, 'a capability preset');
  for (const k of CAPABILITY_KEYS) if (v[k] !== undefined) c.number(join(path, k), v[k], 0, 1);
}

function checkStrategy(path: string, v: unknown, c: Checker, registry: StrategyRegistry): void {
  if (v === undefined) return;
  let name: unknown = v;
  let params: unknown;
  if (typeof v !== 'string') {
    if (!c.object(path, v, ['name', 'params'], ['name'])) return;
    name = v.name;
    params = v.params;
    if (params !== undefined && !c.object(join(path, 'params'), params, Object.keys((params ?? {}) as object))) return;
  }
  const at = typeof v === 'string' ? path : join(path, 'name');
  // A name left out is reported missing by c.object, once.
  if (name === undefined || !c.ref(at, name, registry.names(), 'a registered strategy')) return;
  try {
    registry.get(name, params as Readonly<Record<string, unknown>> | undefined);
  } catch (e) {
    c.add(join(path, 'params'), 'parameters the strategy takes', e instanceof Error ? e.message : String(e));
  }
}

/** Every key of `v` when it is an object (so an object's keys are not checked against a list of ids that could not be read). */
function anyKeyOf(v: unknown): string[] {
  return v !== null && typeof v === 'object' ? Object.keys(v) : [];
}

function checkParties(path: string, v: unknown, ids: readonly string[] | undefined, c: Checker): void {
  if (!c.array(path, v, 2)) return;
  v.forEach((p, i) => c.ref(`${path}[${i}]`, p, ids, 'a declared actor id'));
  if (new Set(v).size !== v.length) c.add(path, 'distinct actors', 'a repeated id');
}

/** Commitments, with the engine's rules on which kinds take norms and rounds (checkTermFields), in the checker's words. */
function checkTerms(path: string, v: unknown, c: Checker): void {
  if (!c.array(path, v, 1)) return;
  const values: TermValueChecks = {
    norms: (_, p, norms) => {
      if (c.array(p, norms, 1)) norms.forEach((n, j) => c.oneOf(`${p}[${j}]`, n, GGE15_NORM_IDS, 'a GGE norm id (gge15.a … gge15.k)'));
    },
    rounds: (_, p, rounds, min, max) => void c.number(p, rounds, min, max, true),
  };
  v.forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (!c.object(p, t, ['kind', 'norms', 'rounds'], ['kind'])) return;
    const kind = t.kind !== undefined && c.oneOf(join(p, 'kind'), t.kind, COMMITMENT_KINDS) ? t.kind : undefined;
    checkTermFields(p, kind, t, c.issues, values);
  });
}

// Per inject type: the fields it takes, and which of them are required (besides round and type).
const INJECT_FIELDS: Record<(typeof INJECTS)[number], { readonly allowed: readonly string[]; readonly required: readonly string[] }> = {
  operation: { allowed: ['actor', 'target', 'kind', 'against', 'falseFlag', 'commercial'], required: ['actor', 'target', 'kind'] },
  reveal: { allowed: ['victim'], required: [] },
  agreement: { allowed: ['parties', 'terms'], required: ['parties', 'terms'] },
  sanction: { allowed: ['by', 'target', 'measure'], required: ['by', 'target', 'measure'] },
  threat: { allowed: ['by', 'target', 'measure', 'unless'], required: ['by', 'target', 'measure'] },
  capability: { allowed: ['actor', 'capability', 'value'], required: ['actor', 'capability', 'value'] },
  mechanisms: { allowed: ['set'], required: ['set'] },
  note: { allowed: [], required: ['text'] },
  indictment: { allowed: ['by', 'target'], required: ['by', 'target'] },
  leak: { allowed: ['victim'], required: [] },
  summit: { allowed: ['parties', 'terms'], required: ['parties'] },
  'sanctions-threat': { allowed: ['by', 'target', 'measure', 'unless'], required: ['by', 'target'] },
};

function checkInject(path: string, v: unknown, ids: readonly string[] | undefined, kinds: ReadonlyMap<string, unknown>, rounds: number, c: Checker): void {
  const has = (id: string) => ids === undefined || ids.includes(id);
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    c.add(path, 'an inject object', describe(v));
    return;
  }
  const x = v as Record<string, unknown>;
  if (!c.oneOf(join(path, 'type'), x.type, INJECTS)) return;
  const type = x.type;
  const fields = INJECT_FIELDS[type];
  c.object(path, x, ['round', 'type', 'text', ...fields.allowed], ['round', 'type', ...fields.required]);
  if (x.round !== undefined && c.number(join(path, 'round'), x.round, 0, MAX_ROUNDS, true) && (x.round as number) >= rounds) {
    c.add(join(path, 'round'), `a round before the last (0 to ${rounds - 1})`, String(x.round));
  }
  if (x.text !== undefined) printable(join(path, 'text'), x.text, c);
  const declared = new Set<string>();
  for (const f of ['actor', 'target', 'by', 'victim', 'falseFlag'] as const) {
    if (x[f] !== undefined && fields.allowed.includes(f) && c.ref(join(path, f), x[f], ids, 'a declared actor id')) declared.add(f);
  }
  // The engine's rule (after indictment and sanctions-threat expand into a sanction and a threat),
  // for the types that take a target: an author field of another type is reported as unknown.
  if (declared.has('target')) {
    for (const author of ['actor', 'by'] as const) {
      const self = declared.has(author) ? aimedAtItself(path, author, x, { has }) : undefined;
      if (self) c.add(self.path, self.expected, self.received);
    }
  }
  // The engine's rule, as validateAction holds strategies to it: only states sanction. Checked here
  // so that it is listed with the file's other problems, not one run of validate later.
  if (declared.has('by')) {
    const kind = kinds.get(x.by as string) ?? 'state';
    const threat = type === 'threat' || type === 'sanctions-threat';
    if (kind !== 'state' && (ACTOR_KINDS as readonly unknown[]).includes(kind)) c.add(join(path, 'by'), `a state (only states ${threat ? 'threaten sanctions' : 'sanction'})`, `${String(x.by)}, a ${String(kind)}`);
  }
  if (x.parties !== undefined) checkParties(join(path, 'parties'), x.parties, ids, c);
  if (x.terms !== undefined) checkTerms(join(path, 'terms'), x.terms, c);
  if (x.kind !== undefined) c.oneOf(join(path, 'kind'), x.kind, OPERATION_KINDS);
  if (x.against !== undefined) c.oneOf(join(path, 'against'), x.against, OPERATION_TARGETS);
  if (x.measure !== undefined) c.oneOf(join(path, 'measure'), x.measure, SANCTION_MEASURES);
  if (x.unless !== undefined) printable(join(path, 'unless'), x.unless, c);
  if (x.commercial !== undefined && typeof x.commercial !== 'boolean') c.add(join(path, 'commercial'), 'true or false', describe(x.commercial));
  // The engine's rules, as validateAction holds a strategy's operation to them (operationRuleIssues).
  if (type === 'operation') for (const i of operationRuleIssues(path, x, { has })) c.add(i.path, i.expected, i.received, i.hint);
  if (x.capability !== undefined) c.oneOf(join(path, 'capability'), x.capability, CAPABILITY_KEYS);
  if (x.value !== undefined) c.number(join(path, 'value'), x.value, 0, 1);
  if (x.set !== undefined) checkMechanisms(join(path, 'set'), x.set, c);
}

function buildSpec(doc: ScenarioDocument, registry: StrategyRegistry): WorldSpec {
  const actors: ActorSpec[] = doc.actors.map((a) => {
    const strategy: Strategy | undefined =
      a.strategy === undefined ? undefined : typeof a.strategy === 'string' ? registry.get(a.strategy) : registry.get(a.strategy.name, a.strategy.params);
    return {
      id: a.id,
      ...(a.name !== undefined ? { name: a.name } : {}),
      ...(a.kind !== undefined ? { kind: a.kind } : {}),
      ...(a.sponsor !== undefined ? { sponsor: a.sponsor } : {}),
      ...(a.capabilities !== undefined ? { capabilities: resolveCapabilities(a.capabilities) } : {}),
      ...(strategy !== undefined ? { strategy } : {}),
      ...(a.reactivity !== undefined ? { reactivity: a.reactivity } : {}),
      ...(a.fatigue !== undefined ? { fatigue: a.fatigue } : {}),
    };
  });
  return {
    actors,
    ...(doc.dyads ? { dyads: doc.dyads } : {}),
    ...(doc.agreements ? { agreements: doc.agreements } : {}),
    ...(doc.norms ? { norms: doc.norms } : {}),
    ...(doc.forums ? { forums: doc.forums } : {}),
    ...(doc.injects ? { injects: expandInjects(doc.injects) } : {}),
    ...(doc.mechanisms ? { mechanisms: doc.mechanisms } : {}),
  };
}

/**
 * Capabilities from a preset name, numbers, or a preset with overrides.
 *
 * @example
 * ```ts
 * resolveCapabilities({ preset: 'china', stealth: 0.7 }); // China's preset with stealth 0.7
 * ```
 */
export function resolveCapabilities(ref: string | (Partial<Capabilities> & { readonly preset?: string })): Partial<Capabilities> {
  if (typeof ref === 'string') return CAPABILITY_PRESETS[ref]?.capabilities ?? {};
  const { preset, ...numbers } = ref;
  const base = preset !== undefined ? (CAPABILITY_PRESETS[preset]?.capabilities ?? {}) : {};
  return { ...base, ...numbers };
}

/**
 * Turn a scenario's injects into engine injects: storytelling forms expand (`indictment` → an
 * indictment sanction, `leak` → a reveal, `summit` → an agreement when it has terms,
 * `sanctions-threat` → a threat) and any `text` becomes a `note` told just before.
 *
 * @example
 * ```ts
 * expandInjects([{ round: 3, type: 'leak', text: 'Forensic report published' }]);
 * // [{ round: 3, type: 'note', text: 'Forensic report published' }, { round: 3, type: 'reveal' }]
 * ```
 */
export function expandInjects(injects: readonly ScenarioInject[]): Inject[] {
  return expandWithOrigin(injects).injects;
}

/** The expanded injects and, for each, the index of the scenario inject it came from. */
function expandWithOrigin(injects: readonly ScenarioInject[]): { injects: Inject[]; origin: number[] } {
  const expanded: Inject[] = [];
  const origin: number[] = [];
  for (const [k, inj] of injects.entries()) {
    const emit = (engine: Inject) => {
      expanded.push(engine);
      origin.push(k);
    };
    if (inj.type !== 'note' && 'text' in inj && typeof inj.text === 'string') emit({ round: inj.round, type: 'note', text: inj.text });
    switch (inj.type) {
      case 'indictment':
        emit({ round: inj.round, type: 'sanction', by: inj.by, target: inj.target, measure: 'indictment' });
        break;
      case 'leak':
        emit({ round: inj.round, type: 'reveal', ...(inj.victim !== undefined ? { victim: inj.victim } : {}) });
        break;
      case 'summit':
        if (inj.terms && inj.terms.length > 0) emit({ round: inj.round, type: 'agreement', parties: inj.parties, terms: inj.terms as Commitment[] });
        else if (!('text' in inj) || inj.text === undefined) emit({ round: inj.round, type: 'note', text: `Summit of ${inj.parties.join(', ')}` });
        break;
      case 'sanctions-threat':
        emit({ round: inj.round, type: 'threat', by: inj.by, target: inj.target, measure: inj.measure ?? 'economic', ...(inj.unless !== undefined ? { unless: inj.unless } : {}) });
        break;
      case 'note':
        emit({ round: inj.round, type: 'note', text: inj.text });
        break;
      default: {
        const { text: _text, ...engine } = inj as Inject & { text?: string };
        emit(engine as Inject);
      }
    }
  }
  return { injects: expanded, origin };
}

/** An engine issue's path about an expanded inject (`injects[k]…`), as the path in the scenario file. */
function documentPath(path: string, origin: readonly number[]): string {
  return path.replace(/^injects\[(\d+)\]/, (whole, k: string) => {
    const from = origin[Number(k)];
    return from === undefined ? whole : `injects[${from}]`;
  });
}
