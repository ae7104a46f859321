// Posteriors and small dyad tables are cut from shared slabs: every array must still be zeroed, of
// its own length, and share no byte with any other array, whatever the mix of sizes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatSlots } from '../../src/model/slab.js';

describe('floatSlots', () => {
  it('gives zeroed arrays of the length asked for that share no byte, across many slabs and sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat({ max: 300 }), fc.integer({ min: 1000, max: 1100 })), { minLength: 1, maxLength: 400 }), (lengths) => {
        const made = lengths.map((length, i) => {
          const a = floatSlots(length);
          expect(a.length).toBe(length);
          expect(a.every((x) => x === 0)).toBe(true);
          a.fill(i + 1);
          return a;
        });
        // Had two arrays overlapped, the later fill would show in the earlier one.
        made.forEach((a, i) => expect(a.every((x) => x === i + 1)).toBe(true));
      }),
      { numRuns: 30 },
    );
  });

  it('gives arrays over 8 KiB a buffer of their own', () => {
    expect(floatSlots(1025).buffer.byteLength).toBe(1025 * 8);
    expect(floatSlots(1024).buffer.byteLength).toBe(64 * 1024);
  });
});
