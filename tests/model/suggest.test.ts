// "Did you mean" from a singular to its plural and back: `strategy` for `strategies` is three
// edits away, more than a word of eight letters is allowed, so simulate's option `strategy` had
// no hint; and a plain `s` lost to a typo of the same distance (`norm` got `form`, not `norms`).
import { describe, expect, it } from 'vitest';
import { simulate, suggest } from '../../src/index.js';
import { misspeltKey } from '../../src/model/suggest.js';

describe('suggest and singulars or plurals', () => {
  it('finds the -y / -ies form of a word, either way', () => {
    expect(suggest('strategy', ['name', 'strategies'])).toBe('strategies');
    expect(suggest('policy', ['policies'])).toBe('policies');
    expect(suggest('ally', ['allies'])).toBe('allies');
    expect(suggest('allies', ['ally'])).toBe('ally');
    expect(suggest('Strategy', ['Strategies'])).toBe('Strategies');
  });

  it('prefers the -s form to a typo as near', () => {
    expect(suggest('norm', ['form', 'norms'])).toBe('norms');
    expect(suggest('actor', ['factor', 'actors'])).toBe('actors');
    expect(suggest('dyads', ['dyad', 'dyes'])).toBe('dyad');
  });

  it('still suggests typos, and nothing for a word far from all', () => {
    expect(suggest('tit-for-tatt', ['tit-for-tat', 'hawk'])).toBe('tit-for-tat');
    expect(suggest('policy', ['police'])).toBe('police');
    expect(suggest('ies', ['y'])).toBeUndefined();
    expect(suggest('strategy', ['rounds', 'seed'])).toBeUndefined();
  });

  it("gives simulate's option `strategy` the hint `strategies`", () => {
    const spec = { actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'dove' }] };
    expect(() => simulate(spec, { seed: 1, rounds: 2, strategy: {} } as never)).toThrow(/options\.strategy: .*did you mean 'strategies'\?/s);
  });
});

describe('misspeltKey: a near miss of a field the record lacks', () => {
  it('names the key and the field it was meant for', () => {
    expect(misspeltKey({ name: 'x', respnd: 1 }, ['name', 'respond'])).toEqual({ key: 'respnd', near: 'respond' });
    // An undefined field is absent too.
    expect(misspeltKey({ settings: undefined, settngs: {} }, ['settings'])).toEqual({ key: 'settngs', near: 'settings' });
  });

  it('leaves a near miss of a field that is present, an unlike key, and known keys alone', () => {
    expect(misspeltKey({ settings: {}, setting: 1 }, ['settings'])).toBeUndefined();
    expect(misspeltKey({ name: 'x', helper: () => 1 }, ['name', 'respond'])).toBeUndefined();
    expect(misspeltKey({ name: 'x', respond: 1 }, ['name', 'respond'])).toBeUndefined();
    expect(misspeltKey({}, ['name'])).toBeUndefined();
  });
});
