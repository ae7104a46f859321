/**
 * Searches over frozen lists, written as indexed loops.
 *
 * Every list of a world, a view or a round's events is frozen, and on Node 20 (V8 11.3) the Array
 * builtins leave their fast paths for frozen arrays: `filter`, `slice`, `some`, `find`,
 * `findIndex`, `every` and `forEach` run 10–35× slower on a frozen list of a dozen items than on
 * the same list unfrozen, `for…of` and `map` 4–6× (docs/performance.md, "frozen arrays"). The
 * engine's hot loops over such lists are indexed; these helpers do the same for the searches it
 * repeats.
 *
 * @example
 * ```ts
 * anyOf(world.agreements, (ag) => ag.parties.includes('US')); // like .some, fast on a frozen list
 * ```
 */
export function anyOf<T>(list: readonly T[], test: (item: T) => boolean): boolean {
  for (let k = 0; k < list.length; k++) if (test(list[k] as T)) return true;
  return false;
}

/**
 * The first item that passes `test`, like `Array.prototype.find`, fast on a frozen list (see
 * {@link anyOf}).
 *
 * @example
 * ```ts
 * firstOf(world.requests, (r) => r.id === 'acc:US:3:0');
 * ```
 */
export function firstOf<T>(list: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let k = 0; k < list.length; k++) {
    const item = list[k] as T;
    if (test(item)) return item;
  }
  return undefined;
}

/**
 * The items that pass `test`, like `Array.prototype.filter`, fast on a frozen list (see
 * {@link anyOf}).
 *
 * @example
 * ```ts
 * where(world.injects, (inj) => inj.round <= 3);
 * ```
 */
export function where<T>(list: readonly T[], test: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (let k = 0; k < list.length; k++) {
    const item = list[k] as T;
    if (test(item)) out.push(item);
  }
  return out;
}
