// Small dyad tables share slabs (an own buffer each was ≈ 1 µs a round): every table must still
// be zeroed, of its own length, and share no byte with any other table.
import { describe, expect, it } from 'vitest';
import { floatTables } from '../../src/engine/world.js';

describe('floatTables', () => {
  it('gives zeroed tables of nn entries that share no byte, within a call and across calls', () => {
    const made: Float64Array[] = [];
    // Enough calls to fill several 64 KiB slabs, at sizes of 1 to 14 actors.
    for (let call = 0; call < 400; call++) {
      const n = 1 + (call % 14);
      const table = floatTables(n * n);
      for (let k = 0; k < 5; k++) {
        const t = table(k);
        expect(t.length).toBe(n * n);
        expect(t.every((x) => x === 0)).toBe(true);
        t.fill(call * 5 + k + 1);
        made.push(t);
      }
    }
    // Had two tables overlapped, the later fill would show in the earlier one.
    made.forEach((t, i) => expect(t.every((x) => x === i + 1)).toBe(true));
  });

  it('gives large tables a buffer of their own', () => {
    const table = floatTables(128 * 128);
    const t = table(0);
    expect(t.buffer.byteLength).toBe(5 * 128 * 128 * 8);
    expect(table(4).byteOffset).toBe(4 * 128 * 128 * 8);
  });
});
