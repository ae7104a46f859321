// The shared check of a public function's options object: unknown names are named, with the
// nearest known one, and a value that is not an object is refused.
import { describe, expect, it } from 'vitest';
import { optionNamesKnown, unknownOptionIssues } from '../../src/model/options.js';

describe('unknownOptionIssues', () => {
  it('names each unknown option under options., with a "did you mean" when one is near', () => {
    expect(unknownOptionIssues({ metric: [], by: [] }, ['by', 'metrics'])).toEqual([{ path: 'options.metric', expected: 'one of the options by, metrics', received: 'an unknown option', hint: "did you mean 'metrics'?" }]);
    expect(unknownOptionIssues({ zzz: 1 }, ['seed', 'rounds'])).toEqual([{ path: 'options.zzz', expected: 'one of the options seed, rounds', received: 'an unknown option' }]);
    // A key whose value is undefined is still a misspelling.
    expect(unknownOptionIssues({ grd: undefined }, ['grid'])).toEqual([expect.objectContaining({ path: 'options.grd', hint: "did you mean 'grid'?" })]);
    expect(unknownOptionIssues(undefined, ['seed'])).toEqual([]);
    expect(unknownOptionIssues({ seed: 1 }, ['seed'])).toEqual([]);
  });

  it('names fields under another path, or alone with an empty path (the testing kit)', () => {
    expect(unknownOptionIssues({ sed: 1 }, ['seed'], 'intervention')).toEqual([expect.objectContaining({ path: 'intervention.sed' })]);
    expect(unknownOptionIssues({ sed: 1 }, ['seed'], '')).toEqual([expect.objectContaining({ path: 'sed' })]);
  });

  it('refuses a value that is not an object of options', () => {
    expect(unknownOptionIssues([1], ['seed'])).toEqual([{ path: 'options', expected: 'an object of options', received: 'an array' }]);
    expect(unknownOptionIssues(null, ['seed'], '')).toEqual([{ path: 'options', expected: 'an object of options', received: 'null' }]);
  });
});

describe('optionNamesKnown', () => {
  it('agrees with unknownOptionIssues: true exactly when it finds nothing', () => {
    const known = ['onInvalidAction', 'onStrategyError'];
    const inherited = Object.create({ onInvalidActon: 'throw' }) as object;
    const flagged = { onInvalidAction: 'throw', [Symbol('flag')]: true };
    for (const value of [undefined, {}, { onInvalidAction: 'throw' }, { onInvalidActon: 'throw' }, { grd: undefined }, inherited, flagged, Object.create(null), null, 7, 'x', [1], []]) {
      expect(optionNamesKnown(value, known)).toBe(unknownOptionIssues(value, known).length === 0);
    }
  });

  it('looks at own names only, as unknownOptionIssues does (a prototype\'s names are not the caller\'s)', () => {
    expect(optionNamesKnown(Object.create({ zzz: 1 }), ['seed'])).toBe(true);
    expect(optionNamesKnown({ seed: 1, zzz: 1 }, ['seed'])).toBe(false);
  });
});
