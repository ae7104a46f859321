import { describe, expect, it } from 'vitest';
import { apiExports, ENTRY_POINTS } from '../helpers/api-exports.js';

describe('public API documentation', () => {
  const exports = apiExports();
  for (const { file } of ENTRY_POINTS) {
    const docs = exports.filter((e) => e.entry === file);
    it(`documents every export of ${file} with TSDoc`, () => {
      expect(docs.length).toBeGreaterThan(file.endsWith('testing/index.ts') ? 8 : file.endsWith('node/index.ts') ? 3 : 50);
      expect(docs.filter((d) => !d.documented).map((d) => d.name)).toEqual([]);
    });
    // DESIGN §6: every export (values, types and interfaces too, not only functions and classes)
    // is documented with TSDoc and an example.
    it(`gives every export of ${file} an @example`, () => {
      expect(docs.filter((d) => !d.hasExample).map((d) => d.name)).toEqual([]);
    });
  }
});
