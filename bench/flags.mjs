// Command-line flags of the bench scripts. A bad flag ends the script with one line on standard
// error that names the flag and what was expected (exit code 2), rather than a stack trace.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** End `script` with `message` on standard error, exit code 2. */
export function fail(script, message) {
  process.stderr.write(`${script}: ${message}\n`);
  process.exit(2);
}

/** The values of `options` (in `parseArgs`' form) from the command line; an unknown or malformed flag ends `script`. */
export function flagsOf(script, options) {
  try {
    return parseArgs({ options }).values;
  } catch (e) {
    return fail(script, e instanceof Error ? e.message : String(e));
  }
}

/** `text`, the value of `what` on the command line, as a whole number ≥ `min`; anything else ends `script` saying what was expected. */
export function wholeArg(script, what, text, min = 1) {
  if (text === '') fail(script, `${what} is missing: a whole number ≥ ${min}`);
  if (!/^\d+$/.test(text) || Number(text) < min) fail(script, `${what} must be a whole number ≥ ${min}, not '${text}'`);
  return Number(text);
}

/** The text of `--name` as a whole number ≥ `min` (see {@link wholeArg}). */
export function wholeFlag(script, name, text, min = 1) {
  return wholeArg(script, `--${name}`, text, min);
}

/**
 * The scenario file `--scenario` names: a path (any text with a `.` or a `/`), or the name of a
 * scenario in the repository's `scenarios/` (`root` is the repository). A missing file ends `script`.
 */
export function scenarioFlag(script, root, text) {
  const file = /[./]/.test(text) ? resolve(text) : resolve(root, 'scenarios', `${text}.yaml`);
  if (!existsSync(file)) fail(script, `--scenario: no scenario file at ${file} (a path, or a name from scenarios/)`);
  return file;
}
