// The engine searches its frozen lists with indexed loops (frozen arrays leave the builtins' fast
// paths on Node 20); the helpers must answer exactly as the builtins they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyOf, firstOf, indexOfId, where } from '../../src/engine/lists.js';

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

describe('indexOfId', () => {
  // A few lists of unique ids, searched in turn while some are edited in place between searches
  // (as the diplomacy phase edits its working copy of the incidents).
  const edit = fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('search' as const), list: fc.nat({ max: 1 }), id: fc.nat({ max: 23 }) }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant('replace' as const), list: fc.nat({ max: 1 }), at: fc.nat({ max: 23 }), id: fc.nat({ max: 23 }) }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('push' as const), list: fc.nat({ max: 1 }), id: fc.nat({ max: 23 }) }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('remove' as const), list: fc.nat({ max: 1 }), at: fc.nat({ max: 23 }) }), weight: 1 },
  );
  // Short lists are scanned, longer ones (over 16 items) go through the kept positions: both.
  const idLists = fc.tuple(fc.uniqueArray(fc.nat({ max: 23 }), { minLength: 17, maxLength: 22 }), fc.uniqueArray(fc.nat({ max: 23 }), { minLength: 1, maxLength: 16 }));

  it('answers as findIndex, whatever lists were searched or edited before', () => {
    fc.assert(
      fc.property(idLists, fc.array(edit, { minLength: 10, maxLength: 60 }), (ids, edits) => {
        const lists = ids.map((xs) => xs.map((x) => ({ id: `inc:${x}` })));
        for (const e of edits) {
          const list = lists[e.list] as { id: string }[];
          const has = (id: string) => list.some((x) => x.id === id);
          if (e.op === 'search') expect(indexOfId(list, `inc:${e.id}`)).toBe(list.findIndex((x) => x.id === `inc:${e.id}`));
          // Edits keep the ids unique, as the engine's lists are.
          else if (e.op === 'replace' && e.at < list.length && (!has(`inc:${e.id}`) || list[e.at]?.id === `inc:${e.id}`)) list[e.at] = { id: `inc:${e.id}` };
          else if (e.op === 'push' && !has(`inc:${e.id}`)) list.push({ id: `inc:${e.id}` });
          else if (e.op === 'remove' && e.at < list.length) list.splice(e.at, 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
