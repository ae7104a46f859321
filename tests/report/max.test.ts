// maxOf, the one loop the report uses for the peak of a list as long as a run (rungSeries,
// peakRungOf, the incident timeline's stacking depth, formatTable's column widths).
import { describe, expect, it } from 'vitest';
import { maxOf } from '../../src/report/max.js';

describe('maxOf', () => {
  it('finds the largest of more numbers than a call takes arguments (Math.max(...values) throws RangeError on Node 20)', () => {
    const values = Array.from({ length: 300_000 }, (_, k) => (k === 123_456 ? 9 : k % 5));
    expect(maxOf(values, 0)).toBe(9);
    expect(maxOf(new Set(values).values(), 0)).toBe(9);
  });

  it('returns the floor for an empty list or when nothing exceeds it, and skips NaN', () => {
    expect(maxOf([], 1)).toBe(1);
    expect(maxOf([0, 1], 1)).toBe(1);
    expect(maxOf([-3, -1], -Infinity)).toBe(-1);
    expect(maxOf([NaN, 2, NaN], 0)).toBe(2);
  });
});
