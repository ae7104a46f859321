// The largest of a list of numbers, for lists as long as a run: one loop, never `Math.max(...list)`,
// which passes one argument per item and overflows the call stack past ~100,000 of them.

/**
 * The largest of `values` and `floor` (`floor` for an empty list). A NaN among the values is
 * skipped, not returned.
 *
 * @example
 * ```ts
 * maxOf([2, 7, 3], 0); // 7
 * maxOf([], 1); // 1
 * ```
 */
export function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
