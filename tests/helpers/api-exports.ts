// The public API as a reader meets it: every export of the package's entry points with its TSDoc
// and the code of its @example. tests/e2e/api-docs.test.ts checks that the docs are there and
// tests/e2e/api-examples.test.ts that the examples compile; both walk the exports the same way,
// through the TypeScript checker, so `export *` and re-exports count as a reader sees them.
import { relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The package's entry points (package.json `exports`), relative to the root, with the specifier a reader imports them by. */
export const ENTRY_POINTS = [
  { file: 'src/index.ts', specifier: 'detente' },
  { file: 'src/testing/index.ts', specifier: 'detente/testing' },
  { file: 'src/node/index.ts', specifier: 'detente/node' },
] as const;

export type EntryFile = (typeof ENTRY_POINTS)[number]['file'];

/** One fenced code block of an @example. */
export interface ExampleBlock {
  /** The fence's language (`ts`, `yaml`, `sh`, … or '' when none is given); `ts` for inline code. */
  readonly lang: string;
  /** Whether it is inline code (`@example \`isKnownNorm('gge15.k')\``) rather than a fenced block. */
  readonly inline: boolean;
  /** The code, without the comment's leading ` * `. */
  readonly code: string;
  /** Where the code's first line is: the file relative to the root, and its 1-based line. */
  readonly file: string;
  readonly line: number;
}

/** An export of an entry point with its documentation. */
export interface ApiExport {
  readonly entry: EntryFile;
  readonly name: string;
  /** Whether it can be imported as a value (a function, class, constant), not only as a type. */
  readonly isValue: boolean;
  /** Whether a declaration carries TSDoc with some text. */
  readonly documented: boolean;
  /** Whether the TSDoc has an @example tag. */
  readonly hasExample: boolean;
  /** The code of its @example sections: fenced blocks, or the inline code a short one starts with. */
  readonly examples: readonly ExampleBlock[];
  /** Where its first documented declaration is (file relative to the root, 1-based line). */
  readonly file: string;
  readonly line: number;
}

/**
 * The code in the @example sections of one doc comment that starts at `startLine` (0-based) of
 * `file`: its fenced blocks, and for a section without any, the inline code it starts with (short
 * examples are written `@example \`rungLabel(3) // 'L3'\`` on the tag's line).
 */
export function exampleBlocks(raw: string, file: string, startLine: number): ExampleBlock[] {
  const lines = raw.split('\n').map((l, k) => (k === 0 ? l.replace(/^\s*\/\*\*\s?/, '') : l.replace(/^\s*\*(?!\/) ?/, '')).replace(/\s*\*\/\s*$/, ''));
  const blocks: ExampleBlock[] = [];
  // The @example sections, each as its lines (with their index): from the tag to the next tag or the end.
  const sections: { text: string; k: number }[][] = [];
  let section: { text: string; k: number }[] | undefined;
  let fenced = false;
  lines.forEach((text, k) => {
    if (/^\s*```/.test(text)) fenced = !fenced;
    // Any tag but inside a fence (`// @ts-expect-error`…) ends the section before it.
    const tag = fenced ? null : /(?:^|\s)@(\w+)/.exec(text);
    if (tag) {
      section = tag[1] === 'example' ? [] : undefined;
      if (section) sections.push(section);
      if (section) text = text.slice(text.indexOf('@example') + '@example'.length);
    }
    section?.push({ text, k });
  });
  for (const lines of sections) {
    const before = blocks.length;
    let open: { lang: string; k: number; code: string[] } | undefined;
    for (const { text, k } of lines) {
      if (open) {
        if (/^\s*```\s*$/.test(text)) {
          blocks.push({ lang: open.lang, inline: false, code: open.code.join('\n'), file, line: startLine + open.k + 2 });
          open = undefined;
        } else open.code.push(text);
        continue;
      }
      const fence = /^\s*```(\w*)\s*$/.exec(text);
      if (fence) open = { lang: fence[1] ?? '', k, code: [] };
    }
    const first = lines.find((l) => l.text.trim() !== '');
    const inline = first && /^\s*`([^`]+)`/.exec(first.text);
    if (blocks.length === before && first && inline?.[1]) blocks.push({ lang: 'ts', inline: true, code: inline[1], file, line: startLine + first.k + 1 });
  }
  return blocks;
}

/**
 * Every export of the entry points, read in one program: by default a program of the entry points
 * alone; pass one that holds them to reuse it (a program compiled with the examples' options can
 * then be the `oldProgram` of theirs, which saves parsing the sources twice).
 */
export function apiExports(program?: ts.Program): ApiExport[] {
  const entries = ENTRY_POINTS.map((e) => e.file);
  const paths = entries.map((e) => resolve(ROOT, e));
  program ??= ts.createProgram(paths, { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  return entries.flatMap((entry, k) => {
    const source = program.getSourceFile(paths[k] as string);
    if (!source) throw new Error(`cannot read ${entry}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry} is not a module`);
    return checker.getExportsOfModule(moduleSymbol).map((sym): ApiExport => {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      const seen = new Set<ts.Node>();
      const docs: { node: ts.Node; file: ts.SourceFile }[] = [];
      for (const decl of target.getDeclarations() ?? []) {
        for (const doc of ts.getJSDocCommentsAndTags(decl)) {
          if (!ts.isJSDoc(doc) || seen.has(doc)) continue;
          seen.add(doc);
          docs.push({ node: doc, file: decl.getSourceFile() });
        }
      }
      const text = docs.map((d) => d.node.getText()).join('\n');
      const first = docs[0] ?? { node: target.getDeclarations()?.[0] ?? source, file: target.getDeclarations()?.[0]?.getSourceFile() ?? source };
      const fileOf = (f: ts.SourceFile) => relative(ROOT, f.fileName);
      return {
        entry,
        name: sym.getName(),
        isValue: (target.flags & ts.SymbolFlags.Value) !== 0 && !(sym.declarations ?? []).some((d) => ts.isTypeOnlyImportOrExportDeclaration(d)),
        documented: text.trim().length > 0,
        hasExample: /@example/.test(text),
        examples: docs.flatMap((d) => exampleBlocks(d.node.getText(), fileOf(d.file), d.file.getLineAndCharacterOfPosition(d.node.getStart()).line)),
        file: fileOf(first.file),
        line: first.file.getLineAndCharacterOfPosition(first.node.getStart()).line + 1,
      };
    });
  });
}
