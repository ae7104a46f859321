// Decisions as the log keeps them: plain JSON data that shares nothing with the strategy.

/**
 * Copy a decider's output into plain JSON data, so the log never shares objects with a strategy
 * (which could mutate them later) and always serialises. Output that is not plain data (a cycle, a
 * BigInt, undefined, or more than a million lists and objects written out, as parts shared over
 * and over make) becomes the string 'not plain data', which is then rejected as invalid.
 * Output that cannot even be read (a getter, a `toJSON` or a proxy trap that throws) throws what
 * it threw: that is the decider's failure, not a property of its data, and the caller reports it
 * as such (round.ts).
 */
export function recordable(value: unknown): unknown {
  // Most decisions are "nothing": an empty list round-trips to an empty list.
  if (Array.isArray(value) && value.length === 0) return [];
  // Most others are small trees of strings, finite numbers, booleans, lists and plain objects:
  // copied directly, they come out exactly as the JSON round trip would make them, ≈ 7× faster
  // (0.17 µs against 1.18 µs for one or two actions; tests/engine/plain.test.ts checks the equality).
  budget = MAX_VALUES;
  const copy = plainCopy(value, 0);
  if (copy !== NOT_FAST) return copy;
  // The JSON round trip, with what JSON itself refuses (a BigInt, a cycle) and trees deep enough
  // to overflow the stack found by the replacer instead of thrown: whatever still throws comes
  // from the value's own code.
  let refused = false;
  let values = 0;
  const path: unknown[] = [];
  const s = JSON.stringify(value, function (this: unknown, _key: string, v: unknown): unknown {
    if (refused) return undefined;
    if (typeof v === 'object' && v !== null && ++values > MAX_VALUES) {
      refused = true;
      return undefined;
    }
    if (typeof v === 'bigint') {
      refused = true;
      return undefined;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && isBoxedBigInt(v)) {
      refused = true;
      return undefined;
    }
    // JSON calls the replacer for the members of an object while it writes that object, so the
    // holder (`this`) is on the path from the root: what lies below it on the path is finished.
    while (path.length > 0 && path[path.length - 1] !== this) path.pop();
    if (path.length >= MAX_DEPTH || path.includes(v)) {
      refused = true;
      return undefined;
    }
    path.push(v);
    return v;
  });
  return refused || s === undefined ? NOT_PLAIN : (JSON.parse(s) as unknown);
}

/** `Object(1n)`, which JSON unboxes and then refuses. Asks the internal slot: runs no code of `v`'s. */
function isBoxedBigInt(v: object): boolean {
  try {
    BigInt.prototype.valueOf.call(v);
    return true;
  } catch {
    return false;
  }
}

const NOT_PLAIN = 'not plain data';
/**
 * Most lists and objects a decision may hold, written out: far more than any decision needs. A decision
 * whose parts are shared over and over (40 lists each holding the next twice) is small in memory
 * but would be copied 2^40 times: the copy ran without end instead of being refused as not plain.
 */
const MAX_VALUES = 1_000_000;
/** Lists and objects plainCopy may still copy for the decision at hand (one at a time: no reentry). */
let budget = 0;
/** Deeper than any decision needs, far from the depth at which JSON overflows the stack. */
const MAX_DEPTH = 1000;
const NOT_FAST: unique symbol = Symbol('not on the fast path');

/**
 * A copy of `value` equal to `JSON.parse(JSON.stringify(value))`, or NOT_FAST where the two could
 * differ and the JSON round trip must decide: undefined, -0, NaN and ±Infinity (JSON changes
 * them), holes, functions, symbols, BigInts, objects with a prototype or a `toJSON`, an own
 * `__proto__` key (which an assignment would turn into a prototype), and trees deeper than 32
 * (cycles, which JSON refuses).
 */
function plainCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_FAST;
    case 'object': {
      if (value === null) return null;
      if (depth > 32 || --budget < 0) return NOT_FAST;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto === Array.prototype) {
        const list = value as readonly unknown[];
        const out: unknown[] = [];
        for (let i = 0; i < list.length; i++) {
          const item = plainCopy(list[i], depth + 1);
          if (item === NOT_FAST || item === undefined) return NOT_FAST;
          out.push(item);
        }
        return out;
      }
      if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return NOT_FAST;
      const record = value as Readonly<Record<string, unknown>>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record)) {
        if (key === '__proto__') return NOT_FAST;
        const item = plainCopy(record[key], depth + 1);
        if (item === NOT_FAST || item === undefined) return NOT_FAST;
        out[key] = item;
      }
      return out;
    }
    default:
      return NOT_FAST;
  }
}
