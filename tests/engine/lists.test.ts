// The engine searches its frozen lists with indexed loops (frozen arrays leave the builtins' fast
// paths on Node 20); the helpers must answer exactly as the builtins they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyOf, firstOf, where } from '../../src/engine/lists.js';

const lists = fc.array(fc.record({ id: fc.nat({ max: 9 }), round: fc.integer({ min: -3, max: 3 }) }), { maxLength: 12 }).map((xs) => Object.freeze(xs.map((x) => Object.freeze(x))));

describe('list helpers answer as the Array builtins', () => {
  it('anyOf = some, firstOf = find (the same object), where = filter, on frozen lists', () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: -4, max: 4 }), (list, cut) => {
        const test = (x: { round: number }) => x.round > cut;
        expect(anyOf(list, test)).toBe(list.some(test));
        expect(firstOf(list, test)).toBe(list.find(test));
        const kept = where(list, test);
        expect(kept).toEqual(list.filter(test));
        kept.forEach((x, k) => expect(x).toBe(list.filter(test)[k]));
      }),
    );
  });

  it('where returns a new list the caller may extend, never the frozen one', () => {
    const list = Object.freeze([1, 2, 3]);
    const all = where(list, () => true);
    expect(all).not.toBe(list);
    all.push(4);
    expect(list).toEqual([1, 2, 3]);
  });
});
