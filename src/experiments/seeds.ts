import { ConfigError } from '../engine/errors.js';

/** At most this many seeds in one list, so a typo such as `1..1e9` fails fast instead of filling memory. */
export const MAX_SEEDS = 10_000_000;

/**
 * Read a list of seeds: whole numbers ≥ 0 and ranges, separated by commas — `1..1000`,
 * `1,2,5`, `1..10,100..110`. Ranges include both ends. A repeated seed is an error (it would name
 * the same run twice).
 *
 * @example
 * ```ts
 * parseSeeds('1..3,10'); // [1, 2, 3, 10]
 * ```
 */
export function parseSeeds(text: string, path = 'seeds'): number[] {
  const seeds: number[] = [];
  const what = "whole numbers ≥ 0 and ranges like '1..1000', separated by commas";
  for (const part of text.split(',')) {
    const p = part.trim();
    const range = /^(\d+)\.\.(\d+)$/.exec(p);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) throw new ConfigError([{ path, expected: `${what} (a range goes upwards)`, received: `'${p}'` }]);
      if (seeds.length + (to - from + 1) > MAX_SEEDS) throw new ConfigError([{ path, expected: `at most ${MAX_SEEDS} seeds`, received: `'${text}'` }]);
      for (let s = from; s <= to; s++) seeds.push(s);
    } else if (/^\d+$/.test(p) && Number.isSafeInteger(Number(p))) {
      seeds.push(Number(p));
    } else {
      throw new ConfigError([{ path, expected: what, received: `'${p}'` }]);
    }
  }
  return checkSeeds(seeds, path);
}

/**
 * How many seeds a seed list names, counted without building it (so a plan's size can be checked
 * first). A part that is not a seed or a range counts as one: {@link parseSeeds} reports it.
 */
export function countSeeds(text: string): number {
  let count = 0;
  for (const part of text.split(',')) {
    const range = /^(\d+)\.\.(\d+)$/.exec(part.trim());
    count += range ? Math.max(1, Number(range[2]) - Number(range[1]) + 1) : 1;
  }
  return count;
}

/** Check a list of seeds given as numbers: whole, ≥ 0, none repeated, at least one. */
export function checkSeeds(seeds: readonly number[], path = 'seeds'): number[] {
  if (seeds.length === 0) throw new ConfigError([{ path, expected: 'at least one seed', received: 'none' }]);
  const seen = new Set<number>();
  for (const s of seeds) {
    if (!Number.isSafeInteger(s) || s < 0) throw new ConfigError([{ path, expected: 'whole numbers ≥ 0', received: String(s) }]);
    if (seen.has(s)) throw new ConfigError([{ path, expected: 'each seed once', received: `${s} twice` }]);
    seen.add(s);
  }
  return [...seeds];
}
