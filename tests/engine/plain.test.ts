// The copy of a decision the log keeps must be exactly what a JSON round trip gives: replay feeds
// the recorded copy back, so a difference would change a replayed run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordable } from '../../src/engine/plain.js';

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
