// Phases hand on a world's own list when they changed nothing in it (keptWhere, sameOr), so that
// the view memo reuses its views of the list and the next freeze skips it. Returning the original
// must never hide a change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptWhere, sameOr, sameRecordOr } from '../../src/engine/lists.js';
import { adoptNorm } from '../../src/engine/phases/agreements.js';

describe('keptWhere', () => {
  it('keeps what Array.filter keeps, in order, and returns the list itself when nothing is dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 })), fc.integer({ min: -6, max: 6 }), (list, cut) => {
        const keep = (x: number) => x > cut;
        const out = keptWhere(list, keep);
        expect(out).toEqual(list.filter(keep));
        expect(out === list).toBe(list.every(keep));
      }),
    );
  });

  it('does not change the list it is given', () => {
    const list = Object.freeze([3, 1, 4, 1, 5]);
    expect(keptWhere(list, (x) => x !== 1)).toEqual([3, 4, 5]);
    expect(list).toEqual([3, 1, 4, 1, 5]);
  });
});

describe('sameOr', () => {
  it('is the original exactly when the copy holds the same items in the same order', () => {
    const items = [{ a: 1 }, { a: 2 }, { a: 3 }];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 5 }), (xs, ys) => {
        const original = xs.map((k) => items[k] as { a: number });
        const copy = ys.map((k) => items[k] as { a: number });
        const same = xs.length === ys.length && xs.every((x, k) => x === ys[k]);
        expect(sameOr(copy, original)).toBe(same ? original : copy);
      }),
    );
  });

  it('tells equal-looking objects apart: a changed item is a new object', () => {
    const original = [{ a: 1 }];
    const copy = [{ a: 1 }];
    expect(sameOr(copy, original)).toBe(copy);
  });
});

describe('sameRecordOr', () => {
  it('is the original exactly when the copy has the same keys, in the same order, with the same values', () => {
    const a = ['gge15.a'];
    const b = ['gge15.b'];
    const original = { US: a, CN: b };
    expect(sameRecordOr({ ...original }, original)).toBe(original);
    // Key order is part of the JSON a world or log is written as.
    const reordered = { CN: b, US: a };
    expect(sameRecordOr(reordered, original)).toBe(reordered);
    const changed = { ...original, US: [...a, 'gge15.c'] };
    expect(sameRecordOr(changed, original)).toBe(changed);
    const added = { ...original, RU: a };
    expect(sameRecordOr(added, original)).toBe(added);
    const dropped = { US: a, RU: b };
    expect(sameRecordOr(dropped, original)).toBe(dropped);
  });
});

describe('adoptNorm', () => {
  it('copies the norms record on the first adoption only, and never writes the world’s own', () => {
    const world = Object.freeze({ US: Object.freeze(['gge15.b']), CN: Object.freeze([]) as readonly string[] });
    const state: { norms: Readonly<Record<string, readonly string[]>>; normsCopied?: boolean } = { norms: world };
    expect(adoptNorm(state, 'US', 'gge15.b')).toBe(false);
    expect(state.norms).toBe(world);
    expect(adoptNorm(state, 'US', 'gge15.a')).toBe(true);
    const copy = state.norms;
    expect(copy).not.toBe(world);
    expect(copy).toEqual({ US: ['gge15.a', 'gge15.b'], CN: [] });
    expect(adoptNorm(state, 'RU', 'gge15.c')).toBe(true);
    expect(state.norms).toBe(copy);
    expect(Object.keys(state.norms)).toEqual(['US', 'CN', 'RU']);
    expect(world).toEqual({ US: ['gge15.b'], CN: [] });
  });
});
