// The fast-check seed and number of runs every property test takes from the environment
// (docs/testing.md): a value that is not a number must stop the run, not pass it untested.
import { describe, expect, it } from 'vitest';
import { fastCheckSettings } from '../helpers/fast-check-setup.js';

describe('FC_SEED and FC_NUM_RUNS', () => {
  it('default to seed 424242 and 50 runs, and take whole numbers', () => {
    expect(fastCheckSettings({})).toEqual({ seed: 424242, numRuns: 50 });
    expect(fastCheckSettings({ FC_SEED: '12345', FC_NUM_RUNS: '200' })).toEqual({ seed: 12345, numRuns: 200 });
    expect(fastCheckSettings({ FC_SEED: '-7' }).seed).toBe(-7);
  });

  // Number('abc') is NaN and Number('') is 0: fast-check then ran every property zero times.
  it.each(['abc', '', '0', '-3', '2.5'])('refuse FC_NUM_RUNS=%j: every property would run zero times or not as asked', (value) => {
    expect(() => fastCheckSettings({ FC_NUM_RUNS: value })).toThrow(`FC_NUM_RUNS must be a whole number ≥ 1, but it is ${JSON.stringify(value)}`);
  });

  it.each(['abc', '', '1e3', '0x10', '12.5'])('refuse FC_SEED=%j: it silently became another seed', (value) => {
    expect(() => fastCheckSettings({ FC_SEED: value })).toThrow(`FC_SEED must be an integer, but it is ${JSON.stringify(value)}`);
  });
});
