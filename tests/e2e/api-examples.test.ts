// The code of every @example of the public API (its ```ts blocks, or the inline code of a short
// one) compiles under the project's strict settings (strict, noUncheckedIndexedAccess,
// exactOptionalPropertyTypes): a reader copies these, and an example that names an option the
// function no longer takes teaches the wrong thing. Each example is a virtual file of one program
// (a program each would take minutes), after a prelude that imports every export of `detente` and
// of the example's entry point and the names an example may assume
// (tests/e2e/api-examples.names.ts). A mistake shown on purpose carries `// @ts-expect-error`.
// tests/play/tsdoc-examples.test.ts also runs a few of the examples.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { apiExports, ENTRY_POINTS, exampleBlocks, ROOT } from '../helpers/api-exports.js';
import type { ApiExport, EntryFile, ExampleBlock } from '../helpers/api-exports.js';

const NAMES_FILE = 'tests/e2e/api-examples.names.ts';
/** Where the virtual files are (never written): a folder of the root, so `detente` resolves as in tsconfig.node.json. */
const VIRTUAL_DIR = resolve(ROOT, '.api-examples');

/** The names tests/e2e/api-examples.names.ts exports. */
function assumedNames(): string[] {
  const source = ts.createSourceFile(NAMES_FILE, readFileSync(resolve(ROOT, NAMES_FILE), 'utf8'), ts.ScriptTarget.ES2022);
  return source.statements.flatMap((s) => {
    if (ts.isVariableStatement(s)) return s.declarationList.declarations.map((d) => d.name.getText(source));
    if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) return s.exportClause.elements.map((e) => e.name.text);
    return [];
  });
}

/** An example to compile: the export it documents and the code of its @example. */
interface Example {
  readonly api: Pick<ApiExport, 'entry' | 'name'>;
  readonly block: ExampleBlock;
}

/** A virtual file's text, and for each of its lines the example's line it came from (0-based), if any. */
interface VirtualFile {
  readonly text: string;
  readonly origin: readonly (number | undefined)[];
}

/**
 * The file an example is compiled as: its own imports first, then the prelude (the entry points'
 * exports and the assumed names, less those the example imports itself), then its code in a block
 * of its own, so that an example declaring `const scenario = …` shadows the prelude's instead of
 * clashing with it. An example that exports something is a module of its own (a strategy module
 * for loadStrategies, say): it is compiled as written, without the prelude.
 */
function virtualFile(example: Example, exports: readonly ApiExport[], assumed: readonly string[]): VirtualFile {
  const code = example.block.code;
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const lines = code.split('\n');
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const exporting = (s: ts.Statement) => ts.isExportAssignment(s) || ts.isExportDeclaration(s) || (ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true);
  if (source.statements.some(exporting)) {
    return { text: code, origin: lines.map((_, k) => k) };
  }
  const importLines = new Set<number>();
  const imported = new Set<string>();
  for (const s of source.statements) {
    if (!ts.isImportDeclaration(s)) continue;
    for (let k = lineOf(s.getStart()); k <= lineOf(s.getEnd()); k++) importLines.add(k);
    const clause = s.importClause;
    if (clause?.name) imported.add(clause.name.text);
    if (clause?.namedBindings) {
      if (ts.isNamespaceImport(clause.namedBindings)) imported.add(clause.namedBindings.name.text);
      else for (const e of clause.namedBindings.elements) imported.add(e.name.text);
    }
  }
  const entries = new Set<EntryFile>(['src/index.ts', example.api.entry]);
  const prelude: string[] = [];
  for (const entry of entries) {
    const specifier = ENTRY_POINTS.find((e) => e.file === entry)?.specifier;
    const names = exports.filter((e) => e.entry === entry && !imported.has(e.name));
    const values = names.filter((e) => e.isValue).map((e) => e.name);
    const types = names.filter((e) => !e.isValue).map((e) => e.name);
    if (values.length > 0) prelude.push(`import { ${values.join(', ')} } from '${specifier}';`);
    if (types.length > 0) prelude.push(`import type { ${types.join(', ')} } from '${specifier}';`);
  }
  prelude.push(`import { ${assumed.filter((n) => !imported.has(n)).join(', ')} } from '../${NAMES_FILE.replace(/\.ts$/, '.js')}';`);
  const out: { text: string; origin: number | undefined }[] = [];
  for (const k of [...importLines].sort((a, b) => a - b)) out.push({ text: lines[k] ?? '', origin: k });
  for (const text of prelude) out.push({ text, origin: undefined });
  out.push({ text: '{', origin: undefined });
  // The imports leave blank lines behind, so that the code keeps its line numbers in the block.
  lines.forEach((text, k) => out.push({ text: importLines.has(k) ? '' : text, origin: k }));
  out.push({ text: '}', origin: undefined });
  return { text: out.map((l) => l.text).join('\n'), origin: out.map((l) => l.origin) };
}

/** The compiler options of the tests and examples (tsconfig.node.json: Node's types, `detente` resolved to src/), unused names allowed. */
function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(resolve(ROOT, 'tsconfig.node.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // An example need not use every name it introduces (`const run = simulate(…)` shows a call).
  return { ...parsed.options, noUnusedLocals: false, noUnusedParameters: false, noEmit: true };
}

/**
 * The diagnostics of each example, as `file:line: message` at the example's line in its source (one
 * program for all), with `options`; `oldProgram` is a program of the entry points with the same options.
 */
function compileExamples(examples: readonly Example[], exports: readonly ApiExport[], options: ts.CompilerOptions, oldProgram: ts.Program): string[][] {
  const assumed = assumedNames();
  const files = examples.map((e, k) => ({ path: resolve(VIRTUAL_DIR, `${k}-${e.api.name}.ts`), ...virtualFile(e, exports, assumed) }));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  // The sources, the libraries' types and Node's, as `oldProgram` parsed them with the same options:
  // parsing them again would double the time (TypeScript reuses a program's files only when the
  // root files are the same, and here they are the examples).
  host.getSourceFile = (name, version, onError) => {
    const file = byPath.get(name);
    return file ? ts.createSourceFile(name, file.text, version, true) : (oldProgram.getSourceFile(name) ?? read(name, version, onError));
  };
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => byPath.has(name) || exists(name);
  const program = ts.createProgram([...byPath.keys()], options, host, oldProgram);
  return files.map((f, k) => {
    const { block } = examples[k] as Example;
    const source = program.getSourceFile(f.path);
    if (!source) throw new Error(`the program lost ${f.path}`);
    return ts.getPreEmitDiagnostics(program, source).map((d) => {
      const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      // The options' and the libraries' own problems (none expected) have no line of the example.
      if (d.file !== source || d.start === undefined) return `${d.file ? relative(ROOT, d.file.fileName) : 'compiler options'} (compiling ${block.file}:${block.line}): ${message}`;
      const line = f.origin[source.getLineAndCharacterOfPosition(d.start).line];
      return line === undefined ? `${block.file}:${block.line} (in the prelude): ${message}` : `${block.file}:${block.line + line}: ${message}`;
    });
  });
}

/**
 * An inline example of a type that is an object literal (`@example \`{ type: 'pass' }\``) is
 * compiled as that value of that type: on its own it would parse as a block, and check nothing.
 */
function checkedAgainstType(api: ApiExport, block: ExampleBlock): ExampleBlock {
  return block.inline && !api.isValue && block.code.trimStart().startsWith('{') ? { ...block, code: `(${block.code}) satisfies ${api.name};` } : block;
}

const options = compilerOptions();
const sources = ts.createProgram(ENTRY_POINTS.map((e) => resolve(ROOT, e.file)), options);
const exports = apiExports(sources);
const examples: Example[] = exports.flatMap((api) => api.examples.filter((b) => b.lang === 'ts').map((block) => ({ api, block: checkedAgainstType(api, block) })));
/** Controls compiled with the examples: the prelude alone, per entry point, a refusal shown on purpose, and an example that must fail. */
const controls: Example[] = [
  ...ENTRY_POINTS.map((e): Example => ({ api: { entry: e.file, name: 'prelude' }, block: { lang: 'ts', inline: false, code: '', file: e.file, line: 1 } })),
  // A mistake the library refuses, shown on purpose, as the doc examples should show one.
  { api: { entry: 'src/index.ts', name: 'refused' }, block: { lang: 'ts', inline: false, code: "// @ts-expect-error 'seris' is not an option of simulate\nsimulate(spec, { rounds: 4, seris: true });", file: 'src/strategies/simulate.ts', line: 90 } },
  // Its import is hoisted over the prelude's, its `run` shadows the prelude's: only the misspelt option is wrong.
  { api: { entry: 'src/index.ts', name: 'broken' }, block: { lang: 'ts', inline: false, code: "import { simulate } from 'detente';\nconst run = simulate(spec, { seed: 1, rounds: 4 });\nsimulate(run.world, { rounds: 4, seris: true });", file: 'src/strategies/simulate.ts', line: 100 } },
];
const diagnostics = compileExamples([...examples, ...controls], exports, options, sources);

describe('the @examples of the public API compile', () => {
  it('the prelude compiles on its own, for each entry point (the assumed names exist, nothing clashes)', () => {
    expect(diagnostics.slice(examples.length, examples.length + ENTRY_POINTS.length)).toEqual(ENTRY_POINTS.map(() => []));
  });

  it('reads an example\'s code, fenced or inline, at its line in the file (a `// @ts-expect-error` in it does not end it)', () => {
    const fenced = ['/**', ' * Runs it.', ' *', ' * @example', ' * ```ts', " * // @ts-expect-error 'seris' is not an option", ' * simulate(spec, { rounds: 4, seris: true });', ' * ```', ' * @param x unused', ' */'];
    expect(exampleBlocks(fenced.join('\n'), 'f.ts', 9)).toEqual([
      { lang: 'ts', inline: false, code: "// @ts-expect-error 'seris' is not an option\nsimulate(spec, { rounds: 4, seris: true });", file: 'f.ts', line: 15 },
    ]);
    expect(exampleBlocks("/** Nothing. @example `{ type: 'pass' }` */", 'f.ts', 9)).toEqual([{ lang: 'ts', inline: true, code: "{ type: 'pass' }", file: 'f.ts', line: 10 }]);
  });

  it('compiles a refused mistake marked `// @ts-expect-error` without complaint', () => {
    expect(diagnostics.at(-2)).toEqual([]);
  });

  it('reports a broken example at its line, with the compiler\'s message', () => {
    expect(diagnostics.at(-1)).toEqual([expect.stringMatching(/^src\/strategies\/simulate\.ts:102: TS2353: .*'seris'/)]);
  });

  it('compiles an example of every export, but for the one whose example is a scenario file', () => {
    // A walk that found no examples would pass everything below.
    for (const entry of ENTRY_POINTS) expect(examples.filter((e) => e.api.entry === entry.file).length).toBeGreaterThan(entry.file === 'src/index.ts' ? 250 : 2);
    // An example in prose only, or fenced as another language, would escape the compiler unseen.
    expect(exports.filter((e) => !e.examples.some((b) => b.lang === 'ts')).map((e) => `${e.name}: ${e.examples.map((b) => b.lang).join(', ') || 'no code'}`)).toEqual(['ScenarioDocument: yaml']);
  });

  for (const entry of ENTRY_POINTS) {
    it(`every @example of ${entry.file} compiles`, () => {
      const failures = examples.flatMap((e, k) => (e.api.entry === entry.file ? (diagnostics[k] ?? []).map((d) => `${e.api.name}: ${d}`) : []));
      expect(failures).toEqual([]);
    });
  }
});
