// Flag values shared by the commands, read the same way everywhere.
import { UsageError } from './run.js';

/** `--seed`: a safe integer stays a number (so `--seed 7` and `seed: 7` agree), anything else is a string seed. */
export function seedOf(v: string): string | number {
  return /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

/** A whole-number flag such as `--rounds`, at least `min`; anything else is a usage error (exit code 2). */
export function wholeNumber(flag: string, v: string, min = 1): number {
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)) || Number(v) < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, not '${v}'`);
  return Number(v);
}
