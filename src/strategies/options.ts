// One check for the options objects of the public functions (simulate, sweep, summarize,
// tournament, the worker pools): a misspelt option name (`grd` for `grid`) was dropped without a
// word, and the call ran something other than what was asked. TypeScript catches it only for an
// object literal written at the call; options built in a variable, or from JavaScript, got nothing.
import type { ConfigIssue } from '../engine/errors.js';
import { suggest } from './registry.js';

/**
 * An issue for each own key of `options` that is not in `known`, named `path.key` (or `key` when
 * `path` is empty), with a "did you mean" when a known name is near. Keys whose value is
 * `undefined` count too: `{ grd: undefined }` is still a misspelling.
 *
 * @example
 * ```ts
 * unknownOptionIssues({ seeds: '1..3', grd: {} }, ['seeds', 'grid']);
 * // [{ path: 'options.grd', expected: 'one of the options seeds, grid', received: 'an unknown option', hint: "did you mean 'grid'?" }]
 * ```
 */
export function unknownOptionIssues(options: object, known: readonly string[], path = 'options'): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = suggest(key, known);
    issues.push({ path: path === '' ? key : `${path}.${key}`, expected: `one of the options ${known.join(', ')}`, received: 'an unknown option', ...(near !== undefined ? { hint: `did you mean '${near}'?` } : {}) });
  }
  return issues;
}
