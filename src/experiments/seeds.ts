import { clip } from '../model/quote.js';
import { ConfigError } from '../engine/errors.js';

/**
 * At most this many seeds in one list, so a typo such as `1..1e9` fails fast instead of filling memory.
 *
 * @example
 * ```ts
 * MAX_SEEDS; // 10000000
 * parseSeeds('1..20000000'); // throws a ConfigError: more seeds than MAX_SEEDS
 * ```
 */
export const MAX_SEEDS = 10_000_000;

// Errors about seeds name them in their source as well as their path (`seeds: 1 problem`), as the
// grid's name the grid: they are not errors of the grid.
const SOURCE = 'seeds';

/** One part of a seed list: a range from–to (both included), or one seed (from = to). */
interface SeedPart {
  readonly from: number;
  readonly to: number;
}

/**
 * The grammar of a seed list, in one place: parts separated by commas, each a whole number ≥ 0
 * or a range `a..b` with a ≤ b. Both {@link parseSeeds} and {@link countSeeds} read a list here.
 *
 * Every part names at least one seed, so a list of more than {@link MAX_SEEDS} parts is over the
 * bound whatever its parts say: it is refused from its commas alone, before any part is split off
 * or read. (A list such as every other number up to 10^8 — 5·10^7 parts, 444 MB of text — was
 * split into parts and each part read, about a minute of work and gigabytes of memory, only to be
 * refused for its size afterwards.)
 */
function seedParts(text: string, path: string): SeedPart[] {
  if (morePartsThan(text, MAX_SEEDS)) throw tooMany(text, path);
  const what = "whole numbers ≥ 0 and ranges like '1..1000', separated by commas";
  return text.split(',').map((part) => {
    const p = part.trim();
    const range = /^(\d+)\.\.(\d+)$/.exec(p);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) throw new ConfigError([{ path, expected: `${what} (a range goes upwards)`, received: `'${clip(p)}'` }], SOURCE);
      return { from, to };
    }
    if (/^\d+$/.test(p) && Number.isSafeInteger(Number(p))) return { from: Number(p), to: Number(p) };
    throw new ConfigError([{ path, expected: what, received: `'${clip(p)}'` }], SOURCE);
  });
}

/** Does `text` hold more than `bound` comma-separated parts? Counts its commas, up to the bound only. */
function morePartsThan(text: string, bound: number): boolean {
  let parts = 1;
  for (let at = text.indexOf(','); at !== -1; at = text.indexOf(',', at + 1)) if (++parts > bound) return true;
  return false;
}

function tooMany(text: string, path: string): ConfigError {
  return new ConfigError([{ path, expected: `at most ${MAX_SEEDS} seeds`, received: `'${clip(text)}'` }], SOURCE);
}

function countOf(parts: readonly SeedPart[]): number {
  let count = 0;
  for (const { from, to } of parts) count += to - from + 1;
  return count;
}

/**
 * Read a list of seeds: whole numbers ≥ 0 and ranges, separated by commas — `1..1000`,
 * `1,2,5`, `1..10,100..110`. Ranges include both ends. A repeated seed is an error (it would name
 * the same run twice). A list of more than {@link MAX_SEEDS} seeds is refused before it is built
 * (one of more than {@link MAX_SEEDS} parts before its parts are read).
 *
 * @example
 * ```ts
 * parseSeeds('1..3,10'); // [1, 2, 3, 10]
 * ```
 */
export function parseSeeds(text: string, path = 'seeds'): number[] {
  const parts = seedParts(text, path);
  if (countOf(parts) > MAX_SEEDS) throw tooMany(text, path);
  const seeds: number[] = [];
  for (const { from, to } of parts) for (let s = from; s <= to; s++) seeds.push(s);
  return checkSeeds(seeds, path);
}

/**
 * How many seeds a seed list names, counted without building it (so a plan's size can be checked
 * first). A list that is not one (`1..x`) is an error here already, as {@link parseSeeds} reports it,
 * and so is a list of more than {@link MAX_SEEDS} parts (see `seedParts`).
 */
export function countSeeds(text: string, path = 'seeds'): number {
  return countOf(seedParts(text, path));
}

/** Check a list of seeds given as numbers: whole, ≥ 0, none repeated, at least one. */
export function checkSeeds(seeds: readonly number[], path = 'seeds'): number[] {
  if (seeds.length === 0) throw new ConfigError([{ path, expected: 'at least one seed', received: 'none' }], SOURCE);
  const seen = new Set<number>();
  for (const s of seeds) {
    // A list or a text given where a number belongs is shown as such ([1], "1"), not as 1.
    if (!Number.isSafeInteger(s) || s < 0) throw new ConfigError([{ path, expected: 'whole numbers ≥ 0', received: typeof s === 'number' ? String(s) : (JSON.stringify(s) ?? String(s)) }], SOURCE);
    if (seen.has(s)) throw new ConfigError([{ path, expected: 'each seed once', received: `${s} twice` }], SOURCE);
    seen.add(s);
  }
  return [...seeds];
}
