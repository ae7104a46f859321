// One check for the options objects of the public functions (simulate, sweep, summarize,
// tournament, the worker pools, the testing kit): a misspelt option name (`grd` for `grid`) was
// dropped without a word, and the call ran something other than what was asked. TypeScript catches
// it only for an object literal written at the call; options built in a variable, or from
// JavaScript, got nothing.
import type { ConfigIssue } from '../engine/errors.js';
import { describe, isRecord } from '../model/mechanisms.js';
import { suggest } from './registry.js';

/**
 * The problems of an options object: not an object (`undefined` is no options, and fine), or an
 * own key that is not in `known`, with a "did you mean" when a known name is near. A key is named
 * `path.key`, or `key` alone when `path` is empty (the testing kit names its arguments' fields so);
 * a value that is not an object is named `path`, or `options`. Keys whose value is `undefined`
 * count too: `{ grd: undefined }` is still a misspelling. No problems: an empty list.
 *
 * @example
 * ```ts
 * unknownOptionIssues({ seeds: '1..3', grd: {} }, ['seeds', 'grid']);
 * // [{ path: 'options.grd', expected: 'one of the options seeds, grid', received: 'an unknown option', hint: "did you mean 'grid'?" }]
 * ```
 */
export function unknownOptionIssues(value: unknown, known: readonly string[], path = 'options'): ConfigIssue[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [{ path: path || 'options', expected: 'an object of options', received: describe(value) }];
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = suggest(key, known);
    issues.push({ path: path === '' ? key : `${path}.${key}`, expected: `one of the options ${known.join(', ')}`, received: 'an unknown option', ...(near !== undefined ? { hint: `did you mean '${near}'?` } : {}) });
  }
  return issues;
}
