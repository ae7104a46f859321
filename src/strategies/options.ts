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

/**
 * The option names of an options type `T`, listed once and checked by the compiler both ways: a
 * name that is no field of `T` does not compile, and neither does a list that leaves a field of
 * `T` out (the error names the fields missing). So the names {@link unknownOptionIssues} accepts
 * cannot drift from the type: a new option added to `T` must be added here too. Symbol keys (the
 * engine's internal flags) are no option names and are not listed.
 *
 * @example
 * ```ts
 * const PLAN_OPTIONS = optionNames<PlanOptions>()('seeds', 'grid', 'registry');
 * optionNames<PlanOptions>()('seeds', 'grid'); // does not compile: { missing: 'registry' }
 * ```
 */
export function optionNames<T extends object>() {
  return <const N extends readonly (keyof T & string)[]>(...names: N & EveryName<T, N>): readonly (keyof T & string)[] => Object.freeze([...names]);
}

/** No constraint when `N` lists every string key of `T`; else a `missing` field naming those left out. */
type EveryName<T, N extends readonly unknown[]> = [Exclude<keyof T & string, N[number]>] extends [never] ? unknown : { readonly missing: Exclude<keyof T & string, N[number]> };
