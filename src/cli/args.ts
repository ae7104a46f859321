// Flag values shared by the commands, read the same way everywhere.
import { UsageError } from './run.js';
import { MAX_ROUNDS } from '../index.js';

/** `--seed`: a safe integer stays a number (so `--seed 7` and `seed: 7` agree), anything else is a string seed. */
export function seedOf(v: string): string | number {
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
