// Strategy parameters, names and definitions that are not what they should be, nested deep,
// cyclic or shared: the messages printed the value as JSON (a RangeError or a TypeError "circular
// structure" instead of the message), and a name that is not a text threw from the "did you mean".
import { describe, expect, it } from 'vitest';
import { createRegistry, defineStrategy, dove, titForTat } from '../../src/index.js';
import { cyclic, nested } from '../helpers/data.js';

const meta = { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true };

describe('bad strategy parameters, names and definitions', () => {
  it('a parameter that is a list or an object is named in the message, however deep or cyclic', () => {
    expect(() => dove({ threshold: nested(100_000) })).toThrow("strategy 'dove': parameter 'threshold' must be a number in [0, 1], got an array");
    expect(() => titForTat({ threshold: cyclic() })).toThrow("strategy 'tit-for-tat': parameter 'threshold' must be a number in [0, 1], got an object");
    expect(() => createRegistry().get('dove', { threshold: nested(100_000) })).toThrow(/got an array/);
    expect(() => dove({ threshold: 2 })).toThrow("parameter 'threshold' must be a number in [0, 1], got 2");
  });

  it('defineStrategy names a name that is not a text without printing it', () => {
    expect(() => defineStrategy({ name: nested(100_000) as string, meta })).toThrow(TypeError);
    expect(() => defineStrategy({ name: nested(100_000) as string, meta })).toThrow(/got an array$/);
    expect(() => defineStrategy({ name: cyclic() as unknown as string, meta })).toThrow(/got an object$/);
    expect(() => defineStrategy({ name: 'Bad Name', meta })).toThrow(/got "Bad Name"$/);
  });

  it('registry.get refuses a name that is not a text', () => {
    expect(() => createRegistry().get(nested(3) as string)).toThrow("a strategy name must be a text (e.g. 'tit-for-tat'), got an array");
    expect(() => createRegistry().get('tit-for-tatt')).toThrow(/did you mean 'tit-for-tat'/);
  });
});
