// The engine's list helpers: searches over frozen lists written as indexed loops, and edits that
// hand on the original list when they change nothing in it.

/**
 * Searches over frozen lists, written as indexed loops.
 *
 * The lists of a view, and of every world and event in an observed round, are frozen (round.ts,
 * UNOBSERVED), and on Node 20 (V8 11.3) the Array builtins leave their fast paths for frozen
 * arrays: `filter`, `slice`, `some`, `find`, `findIndex`, `every` and `forEach` run 10–35× slower
 * on a frozen list of a dozen items than on the same list unfrozen, `for…of` and `map` 4–6×
 * (docs/performance.md, "frozen arrays"). The engine's hot loops over such lists are indexed;
 * these helpers do the same for the searches it repeats.
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

/**
 * The items of `list` that `keep` accepts: `list` itself when it accepts them all. Later phases
 * and the view memo then see the same (frozen) list and reuse what they made from it.
 *
 * @example
 * ```ts
 * const incidents = keptWhere(world.incidents, (inc) => inc.investigation > 0);
 * ```
 */
export function keptWhere<T>(list: readonly T[], keep: (item: T) => boolean): readonly T[] {
  for (let k = 0; k < list.length; k++) {
    if (!keep(list[k] as T)) {
      // Pushed one by one, not sliced: slice is many times slower on a frozen list.
      const out: T[] = [];
      for (let j = 0; j < k; j++) out.push(list[j] as T);
      for (let j = k + 1; j < list.length; j++) if (keep(list[j] as T)) out.push(list[j] as T);
      return out;
    }
  }
  return list;
}

/**
 * `original` when `copy` holds the same items in the same order, else `copy`: a phase that copies
 * a list to edit it hands on the original when it edited nothing, so later phases and the view
 * memo keep what they made from it and the next freeze skips it.
 *
 * @example
 * ```ts
 * const talks = sameOr(world.talks.map((t) => (t.exchanges === 0 ? t : { ...t, exchanges: 0 })), world.talks);
 * ```
 */
export function sameOr<T>(copy: readonly T[], original: readonly T[]): readonly T[] {
  if (copy.length !== original.length) return copy;
  for (let k = 0; k < copy.length; k++) if (copy[k] !== original[k]) return copy;
  return original;
}

/** {@link sameOr} for a record (the norms by actor): the same keys, in the same order (the log's JSON keeps it), with the same values. */
export function sameRecordOr<T>(copy: Readonly<Record<string, T>>, original: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const keys = Object.keys(copy);
  const known = Object.keys(original);
  if (keys.length !== known.length) return copy;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    if (key !== known[k] || copy[key] !== original[key]) return copy;
  }
  return original;
}
