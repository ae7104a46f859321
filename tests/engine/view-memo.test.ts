// The view memo regroups a world's operations by principal for every decision phase. When the list
// only lost its oldest items and gained new ones (as operations do from round to round) it copies
// just the groups that changed; whatever way a list changed, the groups must be those of a
// regrouping from scratch, each operation must keep its one view, and every group must be frozen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ViewMemo } from '../../src/engine/view.js';
import type { Operation } from '../../src/index.js';

const PRINCIPALS = ['CN', 'EU', 'RU', 'US'];

function operation(k: number, principal: string): Operation {
  return Object.freeze({
    id: `op:${k}`,
    round: k,
    author: principal,
    principal,
    target: 'XX',
    kind: 'espionage',
    against: 'networks',
    severity: 1,
    success: k % 2 === 0,
    falseFlag: null,
    commercial: false,
  });
}

/** How a list changes between two phases. */
const change = fc.oneof(
  // The oldest dropped, new ones appended: the incremental path.
  { arbitrary: fc.record({ how: fc.constant('shift' as const), drop: fc.nat({ max: 8 }), add: fc.array(fc.constantFrom(...PRINCIPALS), { maxLength: 8 }) }), weight: 4 },
  // Any other change: a subsequence with new ones inserted anywhere.
  { arbitrary: fc.record({ how: fc.constant('other' as const), keep: fc.array(fc.boolean(), { maxLength: 50 }), add: fc.array(fc.constantFrom(...PRINCIPALS), { maxLength: 3 }) }), weight: 1 },
  { arbitrary: fc.record({ how: fc.constant('same' as const) }), weight: 1 },
);

describe('ViewMemo.ownOperations', () => {
  it('gives the groups of a regrouping from scratch, one view per operation, frozen, however the list changes', () => {
    fc.assert(
      // Lists of 32 or more are checked for a shift (shorter ones are regrouped in full): both sizes.
      fc.property(fc.array(fc.constantFrom(...PRINCIPALS), { minLength: 20, maxLength: 44 }), fc.array(change, { minLength: 1, maxLength: 25 }), (start, changes) => {
        let made = 0;
        let list: readonly Operation[] = Object.freeze(start.map((p) => operation(made++, p)));
        const memo = new ViewMemo();
        const viewOf = new Map<Operation, unknown>();
        for (const c of changes) {
          if (c.how === 'shift') list = Object.freeze([...list.slice(Math.min(c.drop, list.length)), ...c.add.map((p) => operation(made++, p))]);
          else if (c.how === 'other') {
            const kept = list.filter((_, k) => c.keep[k] ?? true);
            for (const p of c.add) kept.splice(made % (kept.length + 1), 0, operation(made++, p));
            list = Object.freeze(kept);
          }
          const groups = memo.ownOperations(list);
          const fresh = new ViewMemo().ownOperations(list);
          for (const p of PRINCIPALS) {
            const mine = list.filter((op) => op.principal === p);
            const group = groups.get(p) ?? [];
            expect(group).toEqual(fresh.get(p) ?? []);
            expect(group.map((v) => v.round)).toEqual(mine.map((op) => op.round));
            if (groups.has(p)) expect(Object.isFrozen(group)).toBe(true);
            // One view per operation object, for as long as the memo sees it.
            mine.forEach((op, k) => {
              const v = group[k];
              if (viewOf.has(op)) expect(v).toBe(viewOf.get(op));
              else viewOf.set(op, v);
            });
          }
          expect([...groups.values()].every((g) => g.length > 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
