// One check for the options objects of the public functions (the engine's createWorld, step,
// beginRound, decideWithStrategies, runRounds and replay; simulate, sweep, summarize, tournament,
// the worker pools, the testing kit): a misspelt option name (`grd` for `grid`) was dropped without
// a word, and the call ran something other than what was asked. TypeScript catches it only for an
// object literal written at the call; options built in a variable, or from JavaScript, got nothing.
// In the model, the bottom layer, so that the engine's entry checks can use it too.
import { describe, isRecord } from './mechanisms.js';
import { suggest } from './suggest.js';

/**
 * A problem with an options object: where, what was expected, what was found, and a hint. The
 * same shape as the engine's `ConfigIssue` (the model does not import the engine; its other
 * checks, MechanismIssue and DataProblem, are shaped so too), so a list of them is one of those.
 *
 * @example
 * ```ts
 * const issue: OptionIssue = { path: 'options.grd', expected: 'one of the options seeds, grid', received: 'an unknown option', hint: "did you mean 'grid'?" };
 * ```
 */
export interface OptionIssue {
  readonly path: string;
  readonly expected: string;
  readonly received: string;
  readonly hint?: string;
}

/**
 * The problems of an options object: not an object (`undefined` is no options, and fine), or an
 * own key that is not in `known`, with a "did you mean" when a known name is near. A key is named
 * `path.key`, or `key` alone when `path` is empty (the testing kit names its arguments' fields so);
 * a value that is not an object is named `path`, or `options`. Keys whose value is `undefined`
 * count too: `{ grd: undefined }` is still a misspelling. Symbol keys (the engine's internal
 * flags) are not names, and are not looked at. No problems: an empty list (a new one, which the
 * caller may add to).
 *
 * @example
 * ```ts
 * unknownOptionIssues({ seeds: '1..3', grd: {} }, ['seeds', 'grid']);
 * // [{ path: 'options.grd', expected: 'one of the options seeds, grid', received: 'an unknown option', hint: "did you mean 'grid'?" }]
 * ```
 */
export function unknownOptionIssues(value: unknown, known: readonly string[], path = 'options'): OptionIssue[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [{ path: path || 'options', expected: 'an object of options', received: describe(value) }];
  const issues: OptionIssue[] = [];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = suggest(key, known);
    issues.push({ path: path === '' ? key : `${path}.${key}`, expected: `one of the options ${known.join(', ')}`, received: 'an unknown option', ...(near !== undefined ? { hint: `did you mean '${near}'?` } : {}) });
  }
  return issues;
}

/**
 * Whether {@link unknownOptionIssues} finds nothing: `value` is `undefined`, or an object whose
 * own names are all in `known`. For the checks a caller may make once per round (`step`,
 * `beginRound`, `decideWithStrategies`): a loop over the few keys of the object, with nothing
 * allocated; the issues are made only when there are some.
 *
 * @example
 * ```ts
 * optionNamesKnown({ onInvalidAction: 'throw' }, ['onInvalidAction']); // true
 * optionNamesKnown({ onInvalidActon: 'throw' }, ['onInvalidAction']); // false
 * optionNamesKnown(7, ['onInvalidAction']); // false: not an object
 * ```
 */
export function optionNamesKnown(value: unknown, known: readonly string[]): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (!known.includes(key) && Object.prototype.hasOwnProperty.call(value, key)) return false;
  }
  return true;
}
