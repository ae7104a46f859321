// Copies of plain records that keep V8's hidden classes shared.
//
// On Node 20 (V8 11.3) an object literal that opens with a spread (`{ ...x, k: v }`, `{ ...x }`
// later frozen) is cloned with a hidden class that belongs to no transition tree. Adding a key to
// such a copy, or freezing it, then makes a new hidden class for that one object, every time, and
// the copies stay alive through young-generation collections until the next full one. Measured
// (docs/performance.md, twelfth pass): three million `{ ...x, k: v }` took 4.5 s against 0.5 s for
// `Object.assign({}, x, { k: v })`, with 16 ms scavenges that kept 5.7 MB each against 0.1 ms and
// nothing kept; a 3-actor run of the engine promoted 800 bytes to the old generation through five
// such copies. `Object.assign` onto a fresh `{}` builds the same keys in the same order through the
// ordinary, shared transitions.
//
// The records copied here are the engine's own (worlds' parts, options, events, strategy
// metadata): none has an own `__proto__` key, the one case where `Object.assign` (which sets)
// and a spread (which defines) differ.

/**
 * A new plain object with `record`'s own fields, then `patch`'s written over them, in the order a
 * spread `{ ...record, ...patch }` gives (so logs and JSON are unchanged).
 *
 * @example
 * ```ts
 * const later = withFields({ id: 'dl:0', next: 3, every: 4 }, { next: 7 }); // { id: 'dl:0', next: 7, every: 4 }
 * ```
 */
export function withFields<T extends object>(record: T, patch: Partial<T>): T {
  return Object.assign({}, record, patch);
}

/**
 * A new plain object with `a`'s own fields, then `b`'s (the order of `{ ...a, ...b }`), for two
 * records of different shapes.
 *
 * @example
 * ```ts
 * joined({ type: 'violation.perceived', round: 3 }, { by: 'CN', against: 'US' });
 * ```
 */
export function joined<A extends object, B extends object>(a: A, b: B): A & B {
  return Object.assign({}, a, b);
}

/**
 * A shallow copy of a plain record (what `{ ...record }` gives).
 *
 * @example
 * ```ts
 * const mine = copied({ US: ['gge15.a'], CN: [] });
 * ```
 */
export function copied<T extends object>(record: T): T {
  return Object.assign({}, record);
}
