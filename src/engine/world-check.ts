// A world handed to the engine's entry points (step, beginRound, runRounds, replay, snapshot,
// roundMetrics) is checked for what it is before anything in it is read: a spec, a run, a saved
// snapshot or undefined used to fail deep inside a round with a TypeError ("actors2 is not
// iterable"), or, for a snapshot, to play on unchecked data that `restore` exists to check. The
// events handed to replay, roundMetrics and the report's functions are checked here too, one way.
import { describe, isRecord } from '../model/mechanisms.js';
import type { World } from '../model/world.js';
import { ConfigError } from './errors.js';
import type { ConfigIssue } from './errors.js';

/** What the entry points expect, in the words of their issues. */
const WORLD_EXPECTED = "a world (createWorld(spec, { seed }), restore(snapshot), or a run's world)";

/**
 * The issue of a value given where a world is expected, or `undefined` when it is one: the
 * engine's own shape of a world (version 1, actors, typed tables), told apart from the things it is
 * mistaken for, each with a hint. Only the shape: a world the engine made is not checked again.
 *
 * @example
 * ```ts
 * worldIssue(run, 'world'); // { path: 'world', expected: 'a world (…)', received: 'an object', hint: 'a run: pass run.world' }
 * ```
 */
export function worldIssue(value: unknown, path: string): ConfigIssue | undefined {
  try {
    if (isWorldShaped(value)) return undefined;
    const hint = mistakenFor(value);
    return { path, expected: WORLD_EXPECTED, received: describe(value), ...(hint !== undefined ? { hint } : {}) };
  } catch {
    // A getter or a proxy that throws: not a world the engine made.
    return { path, expected: WORLD_EXPECTED, received: 'an object that cannot be read' };
  }
}

/** Throws a `ConfigError` from `source` (the function's name) when `value` is not a world. */
export function checkWorld(value: unknown, path: string, source: string): asserts value is World {
  const issue = worldIssue(value, path);
  if (issue !== undefined) throw new ConfigError([issue], source);
}

function isWorldShaped(x: unknown): boolean {
  if (!isRecord(x) || x.version !== 1 || !Number.isInteger(x.round) || !Array.isArray(x.actors) || !isTyped(x.welfare, 'Float64Array')) return false;
  const dyads = x.dyads;
  return isRecord(dyads) && isTyped(dyads.trustR, 'Float64Array') && isTyped(dyads.rung, 'Uint8Array') && isRecord(x.rng);
}

/** A typed array of the kind named, from this realm or another (a vm context), where `instanceof` fails. */
function isTyped(x: unknown, kind: 'Float64Array' | 'Uint8Array'): boolean {
  return ArrayBuffer.isView(x) && Object.prototype.toString.call(x) === `[object ${kind}]`;
}

function mistakenFor(x: unknown): string | undefined {
  if (!isRecord(x)) return undefined;
  if ('world' in x && 'log' in x) return 'a run: pass run.world';
  if (x.version === 1 && Array.isArray(x.welfare)) return 'a snapshot: restore(snapshot) checks it and makes it a world';
  if (x.version === undefined && Array.isArray(x.actors)) return 'a spec: createWorld(spec, { seed }) makes a world of it, or simulate(spec, { seed, rounds }) plays it';
  return undefined;
}

const EVENT_EXPECTED = 'an event (an object with a type and a whole round ≥ 0)';

function isEvent(x: unknown): boolean {
  return isRecord(x) && typeof x.type === 'string' && Number.isInteger(x.round) && (x.round as number) >= 0;
}

/**
 * The issue of a value given where one event is expected, or `undefined` when it is one.
 *
 * @example
 * ```ts
 * eventIssue(null, 'event'); // { path: 'event', expected: 'an event (…)', received: 'null' }
 * ```
 */
export function eventIssue(value: unknown, path: string): ConfigIssue | undefined {
  return isEvent(value) ? undefined : { path, expected: EVENT_EXPECTED, received: describe(value) };
}

/**
 * The issue of a value given where a list of events is expected (a run's log, a round's events):
 * not a list (a run passed whole gets the hint to pass its log), or its first entry that is not
 * an event, at `path[k]`. `undefined` when every entry is one.
 *
 * @example
 * ```ts
 * eventListIssue(run, 'log'); // { path: 'log', …, hint: 'a run: pass run.log' }
 * ```
 */
export function eventListIssue(value: unknown, path: string, expected = "a run's event log (a list of events)"): ConfigIssue | undefined {
  if (!Array.isArray(value)) {
    const run = isRecord(value) && Array.isArray(value.log);
    return { path, expected, received: describe(value), ...(run ? { hint: 'a run: pass run.log' } : {}) };
  }
  const k = value.findIndex((e: unknown) => !isEvent(e));
  return k < 0 ? undefined : eventIssue(value[k], `${path}[${k}]`);
}
