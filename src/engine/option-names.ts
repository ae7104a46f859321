// The check of a public function's options object that throws: the engine's ConfigError around the
// model's list of unknown names (src/model/options.ts). Here, below every layer that checks its
// options (experiments, report, play), so that none imports another for it.
import { describe, isRecord } from '../model/mechanisms.js';
import { unknownOptionIssues } from '../model/options.js';
import { ConfigError } from './errors.js';

/**
 * Internal: that `options` is an object whose every name is in `known`, or a {@link ConfigError}
 * from `source` naming each name that is not (with a "did you mean"). Once per call.
 */
export function checkOptionNames(options: unknown, known: readonly string[], source: string): void {
  if (!isRecord(options)) throw new ConfigError([{ path: 'options', expected: `an options object (${known.join(', ')})`, received: describe(options) }], source);
  const issues = unknownOptionIssues(options, known);
  if (issues.length > 0) throw new ConfigError(issues, source);
}
