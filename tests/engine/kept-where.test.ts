// The update drops closed incidents and old operations with keptWhere, which returns the list
// itself when nothing is dropped so that the view memo can reuse its views of that list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptWhere } from '../../src/engine/world.js';

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
