// The run handed to the report's public functions (narrateRun, summarizeDyads, formatSummary) is
// checked for what it is before it is read: undefined, a world or a log alone failed with a
// TypeError ("run.log is not iterable").
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import { worldIssue } from '../engine/world-check.js';
import { describe, isRecord } from '../model/mechanisms.js';

/**
 * Throws a `ConfigError` from `fn` unless `run` has a log that is a list of events and, when
 * `world` is asked for, a world (a run from `simulate`, or `{ log, world }`).
 *
 * @example
 * ```ts
 * checkRunArgument(run, 'narrateRun', false);
 * ```
 */
export function checkRunArgument(run: unknown, fn: string, world: boolean): void {
  const expected = world ? 'a run (from simulate), or { log, world }' : 'a run (from simulate), or { log }';
  if (!isRecord(run)) throw new ConfigError([{ path: 'run', expected, received: describe(run) }], fn);
  const issues: ConfigIssue[] = [];
  const log: unknown = run.log;
  if (!Array.isArray(log)) issues.push({ path: 'run.log', expected: "the run's event log (a list of events)", received: describe(log) });
  else {
    const k = log.findIndex((e: unknown) => !isRecord(e) || typeof e.type !== 'string' || !Number.isInteger(e.round));
    if (k >= 0) issues.push({ path: `run.log[${k}]`, expected: 'an event (an object with a type and a whole round)', received: describe(log[k]) });
  }
  if (world) {
    const issue = worldIssue(run.world, 'run.world');
    if (issue !== undefined) issues.push(issue);
  }
  if (issues.length > 0) throw new ConfigError(issues, fn);
}
