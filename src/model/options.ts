// The options object of a public function: a misspelt name (`metric` for `metrics`) was taken as
// no option at all, and the function ran with its defaults — a silent wrong answer. These checks
// name the option, what was expected and the nearest known name.
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import { suggest } from '../strategies/registry.js';
import { describe, isRecord } from './mechanisms.js';

/**
 * The problems of an options object: not an object (`undefined` is no options, and fine), or a
 * key that is not one of `known`, with a "did you mean" hint when a known name is near. Each is
 * named `path.key`, or `key` alone when `path` is empty (the options are the only argument, or
 * the function names its other arguments' fields without a prefix); a value that is not an object
 * is named `path`, or `options`. No problems: an empty list.
 *
 * @example
 * ```ts
 * unknownOptionIssues({ metric: ['peakRung'] }, ['by', 'metrics']);
 * // [{ path: 'metric', expected: 'one of the options by, metrics', received: 'an unknown option', hint: "did you mean 'metrics'?" }]
 * ```
 */
export function unknownOptionIssues(value: unknown, known: readonly string[], path = ''): ConfigIssue[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [{ path: path || 'options', expected: 'an object of options', received: describe(value) }];
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = suggest(key, known);
    issues.push({ path: path ? `${path}.${key}` : key, expected: `one of the options ${known.join(', ')}`, received: 'an unknown option', ...(near ? { hint: `did you mean '${near}'?` } : {}) });
  }
  return issues;
}

/**
 * Throws a {@link ConfigError} (its `source` the function's name, `fn`) with every problem
 * {@link unknownOptionIssues} finds in `value`; returns nothing when there is none.
 *
 * @example
 * ```ts
 * refuseUnknownOptions('summarize', { metric: ['peakRung'] }, ['by', 'metrics']);
 * // ConfigError: summarize: 1 problem
 * //   - metric: expected one of the options by, metrics, received an unknown option (did you mean 'metrics'?)
 * ```
 */
export function refuseUnknownOptions(fn: string, value: unknown, known: readonly string[], path = ''): void {
  const issues = unknownOptionIssues(value, known, path);
  if (issues.length > 0) throw new ConfigError(issues, fn);
}
