// The run handed to the report's public functions (narrateRun, summarizeDyads, formatSummary) is
// checked for what it is before it is read: undefined, a world or a log alone failed with a
// TypeError ("run.log is not iterable").
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import { eventListIssue, worldIssue } from '../engine/world-check.js';
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
  const notLog = eventListIssue(run.log, 'run.log');
  if (notLog !== undefined) issues.push(notLog);
  if (world) {
    const issue = worldIssue(run.world, 'run.world');
    if (issue !== undefined) issues.push(issue);
  }
  if (issues.length > 0) throw new ConfigError(issues, fn);
}
