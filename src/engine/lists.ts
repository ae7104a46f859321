// The engine's list helpers: searches over frozen lists written as indexed loops, and edits that
// hand on the original list when they change nothing in it.

/** The one frozen empty list the engine hands out wherever a list has nothing (never a new `[]`). */
export const NONE: readonly never[] = Object.freeze([]);

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
  if (copy === original) return original;
  const keys = Object.keys(copy);
  const known = Object.keys(original);
  if (keys.length !== known.length) return copy;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    if (key !== known[k] || copy[key] !== original[key]) return copy;
  }
  return original;
}

// The last list indexOfId was asked about, and the position of each id in it.
let indexedList: readonly { readonly id: string }[] | undefined;
let positions = new Map<string, number>();

/**
 * The position of the item whose `id` is `id` in a list of items with unique ids, or -1: the
 * same answer as `list.findIndex((x) => x.id === id)`. The positions of the last list asked about
 * are kept, so repeated searches of one list (validating and applying a round's accusations, each
 * naming an incident) cost a map lookup instead of a scan of every incident: at 128 actors the
 * scans were ≈ 3% of a run (docs/performance.md, eighth pass). A list edited in place since
 * (the diplomacy phase replaces incidents in its working copy) is still answered right: a kept
 * position is used only if the item there has that id, and a miss scans the list.
 *
 * @example
 * ```ts
 * const k = indexOfId(world.incidents, 'inc:US:3:0');
 * const incident = k < 0 ? undefined : world.incidents[k];
 * ```
 */
export function indexOfId(list: readonly { readonly id: string }[], id: string): number {
  // A short list is scanned: cheaper than a map of it (small worlds change their lists every phase).
  if (list.length <= SCANNED) return scan(list, id);
  if (list !== indexedList) {
    positions = new Map();
    for (let k = list.length - 1; k >= 0; k--) positions.set((list[k] as { readonly id: string }).id, k);
    indexedList = list;
  }
  const k = positions.get(id);
  if (k !== undefined && list[k]?.id === id) return k;
  return scan(list, id);
}

/**
 * Id lookups in lists at most this long scan them; longer lists are indexed by id once (here and
 * in `operationById`, phases/operations.ts): small worlds change their lists every phase, and a
 * map of a short list costs more than scanning it.
 */
export const SCANNED = 16;

function scan(list: readonly { readonly id: string }[], id: string): number {
  for (let j = 0; j < list.length; j++) if ((list[j] as { readonly id: string }).id === id) return j;
  return -1;
}

/** The items of `list` by key, in list order within each key (the groups are new arrays; the items are the list's own). */
export function groupedBy<T>(list: readonly T[], keyOf: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (let k = 0; k < list.length; k++) {
    const item = list[k] as T;
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
