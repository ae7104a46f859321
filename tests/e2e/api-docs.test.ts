import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Every export of an entry point with whether its declaration has TSDoc, and an @example. */
function exportedDocs(entry: string): { name: string; documented: boolean; example: boolean }[] {
  const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  return checker.getExportsOfModule(moduleSymbol).map((sym) => {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    const decls = target.getDeclarations() ?? [];
    const docs = decls.flatMap((d) => ts.getJSDocCommentsAndTags(d));
    const text = docs.map((d) => d.getText()).join('\n');
    return { name: sym.getName(), documented: text.trim().length > 0, example: /@example/.test(text) };
  });
}

describe('public API documentation', () => {
  const entries = [resolve(root, 'src/index.ts'), resolve(root, 'src/testing/index.ts'), resolve(root, 'src/node/index.ts')];
  for (const entry of entries) {
    const docs = exportedDocs(entry);
    it(`documents every export of ${entry.slice(root.length + 1)} with TSDoc`, () => {
      expect(docs.length).toBeGreaterThan(entry.endsWith('testing/index.ts') ? 8 : entry.endsWith('node/index.ts') ? 3 : 50);
      expect(docs.filter((d) => !d.documented).map((d) => d.name)).toEqual([]);
    });
    // DESIGN §6: every export (values, types and interfaces too, not only functions and classes)
    // is documented with TSDoc and an example.
    it(`gives every export of ${entry.slice(root.length + 1)} an @example`, () => {
      expect(docs.filter((d) => !d.example).map((d) => d.name)).toEqual([]);
    });
  }
});
