import { freeze } from 'immer';

/**
 * Deep-freeze what the engine hands to strategies and keeps in worlds and logs, stopping at what
 * is already frozen. The same result as immer's `freeze(value, true)`: plain objects and arrays
 * are walked here (immer's generic walk — archetype tests, `Reflect.ownKeys`, a callback per
 * entry — was ≈ 20% of a small run's time, docs/performance.md); typed arrays are left as they are
 * (as immer does); anything else (a Map, a Set, a class instance) is handed to immer, which freezes
 * it or leaves it as before.
 *
 * @example
 * ```ts
 * const event = deepFreeze({ type: 'round.ended', round: 0, phase: 'update', actors: 3 });
 * Object.isFrozen(event); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
    return value;
  }
  // Typed arrays (the dyad tables) cannot be frozen, and immer leaves them as they are.
  if (ArrayBuffer.isView(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return freeze(value, true);
  Object.freeze(value);
  // The values at once rather than each read by its key: a keyed read over objects of many
  // shapes is megamorphic, and was half of this function's time. Most fields are numbers and
  // strings: tested here, not in a call each.
  const fields: unknown[] = Object.values(value);
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k];
    if (typeof field === 'object' && field !== null) deepFreeze(field);
  }
  return value;
}
