// The hawk picks its targets with leastTrusted instead of sorting every rival: the picks must be
// exactly the first k of the sort it replaces, ties and proxies included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActorView } from '../../src/index.js';
import { leastTrusted, rivals } from '../../src/strategies/builtins/helpers.js';

/** A view with just what both helpers read: the actors, who is looking, and its trust in each. */
const arbView = fc
  .uniqueArray(fc.stringMatching(/^[A-Z]{1,3}$/), { minLength: 1, maxLength: 40 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      self: fc.constantFrom(...ids),
      // Few distinct trust values, so ties are common.
      trust: fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.5000000000000001, 1), { minLength: ids.length, maxLength: ids.length }),
      sponsors: fc.array(fc.option(fc.constantFrom(...ids), { freq: 3 }), { minLength: ids.length, maxLength: ids.length }),
    }),
  )
  .map(({ ids, self, trust, sponsors }) => {
    const actors = ids.map((id, i) => ({ id, sponsor: sponsors[i] === id ? null : (sponsors[i] ?? null) }));
    const me = actors.find((a) => a.id === self);
    const t = new Map(ids.map((id, i) => [id, trust[i] as number]));
    let reads = 0;
    const view = {
      self,
      me,
      actors,
      trust: (id: string) => {
        reads++;
        return t.get(id) as number;
      },
    } as unknown as ActorView;
    return { view, reads: () => reads };
  });

describe('leastTrusted', () => {
  it('is the first k rivals sorted by (trust, id), for any k', () => {
    fc.assert(
      fc.property(arbView, fc.nat({ max: 45 }), ({ view }, k) => {
        const sorted = rivals(view).sort((a, b) => view.trust(a) - view.trust(b) || (a < b ? -1 : 1));
        expect(leastTrusted(view, k)).toEqual(sorted.slice(0, k));
      }),
      { numRuns: 500 },
    );
  });

  it('reads each rival’s trust once', () => {
    fc.assert(
      fc.property(arbView, fc.integer({ min: 1, max: 5 }), ({ view, reads }, k) => {
        const before = reads();
        leastTrusted(view, k);
        expect(reads() - before).toBe(rivals(view).length);
      }),
    );
  });
});
