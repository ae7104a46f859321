// Flag values shared by the commands, read the same way everywhere.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './run.js';
import { clip } from '../model/quote.js';
import { controlCharacter } from '../model/control-characters.js';
import { MAX_ROUNDS } from '../index.js';

/**
 * `--seed`: a safe integer stays a number (so `--seed 7` and `seed: 7` agree), anything else is a
 * string seed. The seed is printed in headers and written into run files and reports, so it is
 * held to the rule of a scenario's `seed`: no control character a terminal would execute.
 */
export function seedOf(v: string): string | number {
  // An empty seed is refused by the engine too, but as a field ('seed: expected a non-empty …')
  // that names no flag: the user typed `--seed ''` (or an unset shell variable).
  if (v === '') throw new UsageError("--seed must be a whole number or a non-empty text, not ''");
  const control = controlCharacter(v, true);
  if (control) throw new UsageError(`--seed must be a text without control characters, not one with ${control.code} at character ${control.at}`);
  return /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

/** A whole-number flag such as `--workers`, at least `min` (and at most `max`); anything else is a usage error (exit code 2). */
export function wholeNumber(flag: string, v: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const ok = /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) && Number(v) >= min && Number(v) <= max;
  if (!ok) throw new UsageError(max === Number.MAX_SAFE_INTEGER ? `${flag} must be a whole number ≥ ${min}, not '${v}'` : `${flag} must be a whole number from ${min} to ${max}, not '${v}'`);
  return Number(v);
}

/** `--rounds`, with the limits of a scenario's `rounds` field, for every command that takes it. */
export function roundsOf(v: string): number {
  return wholeNumber('--rounds', v, 1, MAX_ROUNDS);
}

/**
 * `parseArgs` as every command calls it (positionals allowed, unknown options refused), and an
 * option that takes a value given twice with two different values refused: `--seeds 1..10 --seeds
 * 1..5` silently kept the last one, so a sweep ran other seeds than the line seemed to ask for.
 * The same value twice is harmless and taken; an option meant to repeat (`multiple`) repeats.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandArgs(args, { seed: { type: 'string' } });
 * ```
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
  const parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options, tokens: true });
  const seen = new Map<string, string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.value === undefined || options[token.name]?.multiple === true) continue;
    const before = seen.get(token.name);
    if (before !== undefined && before !== token.value) {
      throw new UsageError(`${token.rawName} is given twice, '${clip(before)}' then '${clip(token.value)}': give it once`);
    }
    seen.set(token.name, token.value);
  }
  return parsed;
}
