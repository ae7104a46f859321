// The copy of a decision the log keeps must be exactly what a JSON round trip gives: replay feeds
// the recorded copy back, so a difference would change a replayed run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordable } from '../../src/engine/plain.js';
import { defineStrategy, simulate } from '../../src/index.js';
import type { OperateAction } from '../../src/index.js';
import { shared } from '../helpers/data.js';

/** The definition recordable must match: JSON.parse(JSON.stringify(v)), or 'not plain data'. */
function roundTrip(value: unknown): unknown {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? 'not plain data' : (JSON.parse(s) as unknown);
  } catch {
    return 'not plain data';
  }
}

describe('recordable', () => {
  it('equals the JSON round trip, key order included, for any value', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(anything, (value) => {
        const copy = recordable(value);
        expect(copy).toStrictEqual(roundTrip(value));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(roundTrip(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the JSON round trip for action-like data, and shares no object with its input', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (actions) => {
        const copy = recordable(actions);
        expect(copy).toStrictEqual(roundTrip(actions));
        if (actions.length > 0) expect(copy).not.toBe(actions);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves to JSON what only JSON decides: -0, NaN, undefined members, toJSON, __proto__ keys, cycles', () => {
    const cyclic: Record<string, unknown> = { type: 'accuse' };
    cyclic.self = cyclic;
    const protoKey = JSON.parse('[{"__proto__": {"polluted": true}, "type": "pass"}]') as unknown;
    const cases: unknown[] = [
      [{ type: 'operate', n: -0 }],
      [{ type: 'operate', n: Number.NaN }],
      [{ type: 'operate', target: undefined }],
      [undefined, 1],
      [{ toJSON: () => 'x' }],
      [new Date(0)],
      protoKey,
      Object.assign(Object.create(null) as object, { type: 'pass' }),
      cyclic,
      [1n],
      () => 1,
    ];
    for (const value of cases) expect(recordable(value)).toStrictEqual(roundTrip(value));
    const copied = recordable(protoKey) as [Record<string, unknown>];
    expect(Object.getPrototypeOf(copied[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('recordable and shared parts', () => {

  it('a decision whose parts are shared over and over is not plain data, instead of a copy without end', () => {
    expect(recordable([{ type: 'operate', target: 'B', kind: 'espionage', note: shared(40, 'x') }])).toBe('not plain data');
    // Past the fast copy's depth too, where the JSON round trip decides.
    let deep: unknown = shared(40, 'x');
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(recordable({ deep })).toBe('not plain data');
  });

  it('shared parts that write out to a million lists and objects or fewer are copied as JSON copies them', () => {
    const value = [{ type: 'pass', note: shared(19, 'x') }];
    expect(recordable(value)).toStrictEqual(roundTrip(value));
  });

  it('a strategy that returns such a decision has it rejected, and the run goes on', () => {
    const big = defineStrategy({
      name: 'big',
      meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
      operate: (view) => (view.round === 1 ? [{ type: 'operate', target: 'B', kind: 'espionage', note: shared(40, 'x') } as unknown as OperateAction] : []),
    });
    const run = simulate({ actors: [{ id: 'A', strategy: big }, { id: 'B', strategy: 'dove' }] }, { seed: 1, rounds: 2 });
    expect(run.log.filter((e) => e.type === 'action.rejected')).toEqual([expect.objectContaining({ actor: 'A', round: 1, action: 'not plain data', reason: expect.stringMatching(/plain data/) })]);
    expect(run.world.round).toBe(2);
  });
});
