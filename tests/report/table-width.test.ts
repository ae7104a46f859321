// The closing table (and every table formatTable lays out) stays aligned in a terminal when cells
// hold wide characters (Chinese, Japanese, Korean, emoji), accents written as combining marks, or
// zero-width characters: columns are measured in terminal columns, not code points.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/index.js';
import { displayWidth } from '../../src/report/summary.js';

describe('formatTable', () => {
  it('pads by terminal columns', () => {
    const out = formatTable(['名前', 'b', 'c'], [['ab', '漢字漢字', 'x'], ['🚀🚀', 'e\u0301e', 'y'], ['a\u200bb', '👩\u200d💻', 'z']]);
    expect(out.split('\n')).toEqual(['名前  b         c', '────  ────────  ─', 'ab    漢字漢字  x', '🚀🚀  e\u0301e        y', 'a\u200bb    👩\u200d💻        z']);
  });

  it('measures what a terminal shows', () => {
    expect([displayWidth('US'), displayWidth('漢字'), displayWidth('한국'), displayWidth('ｆｕｌｌ'), displayWidth('e\u0301'), displayWidth('a\u200bb'), displayWidth('👩\u200d💻'), displayWidth('🇺🇸'), displayWidth('')]).toEqual([2, 4, 4, 8, 1, 2, 2, 2, 0]);
  });
});
