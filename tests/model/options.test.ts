// The shared check of a public function's options object: unknown names are named, with the
// nearest known one, and a value that is not an object is refused.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/index.js';
import { refuseUnknownOptions, unknownOptionIssues } from '../../src/model/options.js';

describe('unknownOptionIssues / refuseUnknownOptions', () => {
  it('names each unknown option, under its path, with a "did you mean" when one is near', () => {
    expect(unknownOptionIssues({ metric: [], by: [] }, ['by', 'metrics'])).toEqual([{ path: 'metric', expected: 'one of the options by, metrics', received: 'an unknown option', hint: "did you mean 'metrics'?" }]);
    expect(unknownOptionIssues({ zzz: 1 }, ['seed', 'rounds'], 'options')).toEqual([{ path: 'options.zzz', expected: 'one of the options seed, rounds', received: 'an unknown option' }]);
    expect(unknownOptionIssues(undefined, ['seed'])).toEqual([]);
    expect(unknownOptionIssues({ seed: 1 }, ['seed'])).toEqual([]);
    expect(unknownOptionIssues([1], ['seed'], 'options')).toEqual([{ path: 'options', expected: 'an object of options', received: 'an array' }]);
    expect(unknownOptionIssues(null, ['seed'])).toEqual([{ path: 'options', expected: 'an object of options', received: 'null' }]);
  });

  it('throws one ConfigError with every problem, its source the function', () => {
    expect(() => refuseUnknownOptions('simulate', { sed: 1, round: 2 }, ['seed', 'rounds'])).toThrow(ConfigError);
    expect(() => refuseUnknownOptions('simulate', { sed: 1, round: 2 }, ['seed', 'rounds'])).toThrow(
      "simulate: 2 problems\n  - sed: expected one of the options seed, rounds, received an unknown option (did you mean 'seed'?)\n  - round: expected one of the options seed, rounds, received an unknown option (did you mean 'rounds'?)",
    );
    expect(() => refuseUnknownOptions('simulate', { seed: 1 }, ['seed', 'rounds'])).not.toThrow();
  });
});
