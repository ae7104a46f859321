// The rules of a world's actors, forums and adopted norms, stated once. createWorld reads a spec by
// them (with the spec's paths, and its defaults for what a spec may leave out) and restore checks a
// snapshot by them (with the snapshot's paths, where every field must be there): two copies of the
// rules had drifted apart, so that restore refused a world createWorld made (a forum rule with a
// field besides `threshold`), accepted worlds createWorld never makes (two forums of one id, which
// the engine then took for one), and each said the same thing in other words.
import { ACTOR_KINDS, isStrategyParams } from '../model/actor.js';
import { CAPABILITY_KEYS } from '../model/capability.js';
import type { CapabilityKey } from '../model/capability.js';
import { ID_PATTERN } from '../model/ids.js';
import { describe, isRecord } from '../model/mechanisms.js';
import { isKnownNorm } from '../model/norms.js';
import type { ConfigIssue } from './errors.js';

/**
 * What one value must be: a test, and the words of the issue when it fails.
 *
 * @example
 * ```ts
 * FORUM_EVERY.holds(3); // true
 * FORUM_EVERY.expected; // 'a whole number of rounds ≥ 1'
 * ```
 */
export interface ValueRule {
  readonly holds: (value: unknown) => boolean;
  readonly expected: string;
}

/**
 * Whether `value` holds by `rule`; if not, the issue at `path` is added to `issues`.
 *
 * @example
 * ```ts
 * checkValue(issues, 'forums[0].every', 0, FORUM_EVERY); // false; issues: [{ path: 'forums[0].every', expected: 'a whole number of rounds ≥ 1', received: '0' }]
 * ```
 */
export function checkValue(issues: ConfigIssue[], path: string, value: unknown, rule: ValueRule): boolean {
  if (rule.holds(value)) return true;
  issues.push({ path, expected: rule.expected, received: describe(value) });
  return false;
}

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(' | ');
const finiteAtLeast = (min: number) => (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= min;
const wholeAtLeast = (min: number) => (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min;

/** The id of an actor or a forum. */
export const AN_ID: ValueRule = { holds: (v) => typeof v === 'string' && ID_PATTERN.test(v), expected: 'an id of letters, digits, "_", "." or "-" (1–64 characters)' };
/** The name of an actor or a forum (a spec may leave it out: the id stands for it). */
export const A_NAME: ValueRule = { holds: (v) => typeof v === 'string', expected: 'a text' };
/** An actor's kind (a spec's default: `'state'`). */
export const ACTOR_KIND: ValueRule = { holds: (v) => (ACTOR_KINDS as readonly unknown[]).includes(v), expected: quoted(ACTOR_KINDS) };
/** One of an actor's capabilities (or the value of a capability inject). */
export const CAPABILITY: ValueRule = { holds: (v) => finiteAtLeast(0)(v) && (v as number) <= 1, expected: 'a number in [0, 1]' };
/** An actor's own Richardson reactivity or fatigue. */
export const TENSION_RATE: ValueRule = { holds: finiteAtLeast(0), expected: 'a finite number ≥ 0' };
/** The name of the strategy that plays an actor, as a world records it. */
export const STRATEGY_NAME: ValueRule = { holds: (v) => typeof v === 'string' && v.length > 0, expected: 'a non-empty string' };
/** The parameters a world records of an actor's strategy (see `Actor.strategyParams`). */
export const STRATEGY_PARAMS: ValueRule = { holds: isStrategyParams, expected: 'a plain object of finite numbers' };
/** How often a forum meets, in rounds (a spec's default: 1). */
export const FORUM_EVERY: ValueRule = { holds: wholeAtLeast(1), expected: 'a whole number of rounds ≥ 1' };
/** The round a forum first meets (a spec's default: 0). */
export const FORUM_FIRST: ValueRule = { holds: wholeAtLeast(0), expected: 'a round number ≥ 0' };
/** `'consensus'`, or `{ threshold }` alone: a world keeps the rule as given, and its snapshot must restore. */
export const FORUM_RULE: ValueRule = {
  holds: (v) => v === 'consensus' || (isRecord(v) && Object.keys(v).length === 1 && typeof v.threshold === 'number' && v.threshold > 0 && v.threshold <= 1),
  expected: "'consensus' or { threshold: a share in (0, 1] }",
};
/** A norm of the GGE 2015 report, wherever a norm is named. */
export const NORM_ID: ValueRule = { holds: (v) => typeof v === 'string' && isKnownNorm(v), expected: 'a known norm id (gge15.a … gge15.k)' };

/**
 * The issue of a repeated id among the forums (or actors) of a spec or a world: call the function
 * it returns with each id in order; it answers the issue of an id seen before.
 *
 * @example
 * ```ts
 * const repeated = repeatedId('forum');
 * repeated('forums[0].id', 'gge'); // undefined
 * repeated('forums[1].id', 'gge'); // { path: 'forums[1].id', expected: 'a unique forum id', received: "duplicate 'gge'" }
 * ```
 */
export function repeatedId(what: 'actor' | 'forum'): (path: string, id: string) => ConfigIssue | undefined {
  const seen = new Set<string>();
  return (path, id) => {
    if (!seen.has(id)) {
      seen.add(id);
      return undefined;
    }
    return { path, expected: `a unique ${what} id`, received: `duplicate '${id}'` };
  };
}

/**
 * The capabilities of an actor: an object of the five capabilities, each in [0, 1]. A capability
 * left out is `missing` (a spec's default, 0.5) or, when `missing` is undefined (a world has them
 * all), an issue. Returns the capabilities read, an invalid one left out.
 *
 * @example
 * ```ts
 * checkCapabilities(issues, 'actors[0].capabilities', { stealth: 2 }, 0.5); // { espionage: 0.5, …, stealth left out }; one issue
 * ```
 */
export function checkCapabilities(issues: ConfigIssue[], path: string, value: unknown, missing: number | undefined): Partial<Record<CapabilityKey, number>> {
  const out: Partial<Record<CapabilityKey, number>> = {};
  if (!isRecord(value)) {
    issues.push({ path, expected: 'an object of capabilities in [0, 1]', received: describe(value) });
    return out;
  }
  for (const key of Object.keys(value)) {
    if (!(CAPABILITY_KEYS as readonly string[]).includes(key)) issues.push({ path: `${path}.${key}`, expected: `one of ${CAPABILITY_KEYS.join(', ')}`, received: `unknown capability '${key}'` });
  }
  for (const key of CAPABILITY_KEYS) {
    const v = value[key];
    if (v === undefined && missing !== undefined) out[key] = missing;
    else if (v === undefined) issues.push({ path: `${path}.${key}`, expected: CAPABILITY.expected, received: 'nothing' });
    else if (checkValue(issues, `${path}.${key}`, v, CAPABILITY)) out[key] = v as number;
  }
  return out;
}

/**
 * The rule of an actor's sponsor: a proxy names the state it acts for (a declared actor of kind
 * `state`, not itself); any other actor has none — `none` is how the reader writes "none"
 * (`undefined`, left out, in a spec; `null` in a world). `actorOf` finds a declared actor by id.
 *
 * @example
 * ```ts
 * sponsorIssue('actors[2].sponsor', { kind: 'proxy', sponsor: 'P1' }, undefined, byId);
 * // { path: 'actors[2].sponsor', expected: 'a state (a proxy acts for a state)', received: 'P1, a proxy' }
 * ```
 */
export function sponsorIssue(
  path: string,
  actor: { readonly kind?: unknown; readonly sponsor?: unknown },
  none: null | undefined,
  actorOf: (id: string) => { readonly id: string; readonly kind: unknown } | undefined,
): ConfigIssue | undefined {
  const sponsor = actor.sponsor;
  if (actor.kind !== 'proxy') {
    if (sponsor === none) return undefined;
    return { path, expected: none === null ? 'null (only proxies have a sponsor)' : 'no sponsor (only proxies have one)', received: describe(sponsor) };
  }
  if (sponsor === none || sponsor === undefined) return { path, expected: 'the id of the sponsor state of this proxy', received: sponsor === undefined ? 'nothing' : describe(sponsor) };
  const found = typeof sponsor === 'string' ? actorOf(sponsor) : undefined;
  if (!found) return { path, expected: 'the id of a declared actor', received: describe(sponsor) };
  if (found.kind !== 'state') return { path, expected: 'a state (a proxy acts for a state)', received: `${found.id}, a ${String(found.kind)}` };
  return undefined;
}

/**
 * The members of a forum (or the parties of an agreement): at least two declared actors, none twice.
 * Returns whether they hold.
 *
 * @example
 * ```ts
 * checkMembers(issues, 'forums[0].members', ['US', 'US'], declared); // false; issues: [{ …, expected: 'distinct actors', received: 'a repeated id' }]
 * ```
 */
export function checkMembers(issues: ConfigIssue[], path: string, value: unknown, declared: { has(id: string): boolean }): boolean {
  const before = issues.length;
  const members: readonly unknown[] = Array.isArray(value) ? withoutHoles(value, path, issues) : [];
  // A list cut at a hole is already one issue: counting what is left of it would be a wrong second.
  const cut = Array.isArray(value) && (members !== value || CUT_AT_HOLE.has(value));
  if (members.length < 2 && !cut) issues.push({ path, expected: 'at least two actor ids', received: describe(value) });
  members.forEach((m, i) => {
    if (typeof m !== 'string' || !declared.has(m)) issues.push({ path: `${path}[${i}]`, expected: 'a declared actor id', received: describe(m) });
  });
  if (new Set(members).size !== members.length) issues.push({ path, expected: 'distinct actors', received: 'a repeated id' });
  return issues.length === before;
}

/**
 * A forum's agenda: a list of packages, each a non-empty list of known norm ids. Returns whether it holds.
 *
 * @example
 * ```ts
 * checkAgenda(issues, 'forums[0].agenda', [['gge15.f'], []]); // false; issues: [{ path: 'forums[0].agenda[1]', expected: 'a non-empty list of norm ids', … }]
 * ```
 */
export function checkAgenda(issues: ConfigIssue[], path: string, value: unknown): boolean {
  const before = issues.length;
  if (!Array.isArray(value)) issues.push({ path, expected: 'a list of norm packages (lists of norm ids)', received: describe(value) });
  else
    withoutHoles(value, path, issues).forEach((pkg: unknown, i) => {
      if (!Array.isArray(pkg) || pkg.length === 0) issues.push({ path: `${path}[${i}]`, expected: 'a non-empty list of norm ids', received: describe(pkg) });
      else withoutHoles(pkg, `${path}[${i}]`, issues).forEach((n: unknown, j) => checkValue(issues, `${path}[${i}][${j}]`, n, NORM_ID));
    });
  return issues.length === before;
}

/**
 * The norms each actor has adopted, `{ [actor id]: norm ids }` at `path`: an object whose keys
 * are declared actors, each holding a list of known norm ids. Returns the lists that hold, by
 * actor id in the object's order (an actor the object leaves out is the reader's to judge: none
 * adopted in a spec, a missing field in a world).
 *
 * @example
 * ```ts
 * checkAdoptedNorms(issues, 'norms', { US: ['gge15.f'], XX: [] }, declared); // Map { 'US' => ['gge15.f'] }; one issue at norms.XX
 * ```
 */
export function checkAdoptedNorms(issues: ConfigIssue[], path: string, value: unknown, declared: { has(id: string): boolean }): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (!isRecord(value)) {
    issues.push({ path, expected: 'an object of actor id → list of norm ids', received: describe(value) });
    return out;
  }
  // Only own keys are read: a Map (or another class's object) holds its entries elsewhere, and
  // read as an object it would adopt nothing, silently.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (proto as { readonly constructor?: { readonly name?: unknown } }).constructor?.name;
    issues.push({ path, expected: 'a plain object of actor id → list of norm ids', received: `a ${typeof name === 'string' && name !== '' ? name : 'object of a class'}` });
    return out;
  }
  for (const id of Object.keys(value)) {
    const at = `${path}.${id}`;
    if (!declared.has(id)) {
      issues.push({ path: at, expected: 'a declared actor id', received: describe(id) });
      continue;
    }
    const given = value[id];
    if (!Array.isArray(given)) {
      issues.push({ path: at, expected: 'a list of norm ids', received: describe(given) });
      continue;
    }
    const before = issues.length;
    const list = withoutHoles(given, at, issues);
    list.forEach((n: unknown, k) => checkValue(issues, `${at}[${k}]`, n, NORM_ID));
    if (issues.length === before) out.set(id, list as readonly string[]);
  }
  return out;
}

/**
 * Lists of createWorld's copy of the caller's spec that the copy cut at a hole (it reports the
 * hole, once): a rule that counts a list's entries must not report the cut list as too short too.
 */
export const CUT_AT_HOLE = new WeakSet<readonly unknown[]>();

/**
 * `list` itself when it has no hole (`[a, , b]`, `new Array(3)`); otherwise the issue of its first
 * hole, at `path[k]`, and the list cut there. Every list of a spec is read so: the readers'
 * `forEach` skips holes, so a hole was silently no entry at all (no actor, no dyad) or, spread,
 * an `undefined` that a world kept (an adopted norm `null`). One issue, and the list cut, because a
 * list of 50 million holes (`list.length = 5e7`) must not be walked, or reported, entry by entry.
 *
 * @example
 * ```ts
 * withoutHoles(['a', , 'b'], 'norms.US', issues); // ['a']; issues: [{ path: 'norms.US[1]', expected: 'an entry (a list without holes)', received: 'a hole' }]
 * ```
 */
export function withoutHoles<T>(list: readonly T[], path: string, issues: ConfigIssue[]): readonly T[] {
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) {
      issues.push(holeAt(`${path}[${i}]`));
      return list.slice(0, i);
    }
  }
  return list;
}

/**
 * The issue of a hole in a list, at `path` (the missing entry's).
 *
 * @example
 * ```ts
 * holeAt('injects[1]'); // { path: 'injects[1]', expected: 'an entry (a list without holes)', received: 'a hole' }
 * ```
 */
export function holeAt(path: string): ConfigIssue {
  return { path, expected: 'an entry (a list without holes)', received: 'a hole' };
}
