import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The core (everything but src/cli/ and src/node/, the `detente/node` entry) must run unchanged in
 * a browser (DESIGN.md §6): it may not
 * import a Node built-in, directly or through a dependency. Two checks: a browser bundle of each
 * public entry point, and a scan of the sources' import specifiers.
 */

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');
const ENTRIES = ['src/index.ts', 'src/testing/index.ts'];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Is this specifier (or bundle input path) a Node built-in: `node:…`, `fs`, `fs/promises`, …? */
function isNodeBuiltin(spec: string): boolean {
  if (spec.startsWith('node:')) return true;
  return BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0] ?? spec);
}

describe('browser safety', () => {
  it.each(ENTRIES)('%s bundles for the browser with its dependencies and no Node built-in', async (entry) => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const metafile: Metafile = result.metafile;
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain(entry);
    // Nothing Node-only was pulled in, nor left as an import of the bundle.
    expect(inputs.filter(isNodeBuiltin)).toEqual([]);
    const imported = Object.values(metafile.inputs).flatMap((i) => i.imports.filter((imp) => isNodeBuiltin(imp.path)).map((imp) => imp.path));
    expect(imported).toEqual([]);
    const outputImports = Object.values(metafile.outputs).flatMap((o) => o.imports.map((imp) => imp.path));
    expect(outputImports.filter(isNodeBuiltin)).toEqual([]);
    // Not a single module of the command line or of `detente/node` either.
    expect(inputs.filter((p) => p.startsWith('src/cli/') || p.startsWith('src/node/'))).toEqual([]);
  });

  it('no source outside src/cli/ and src/node/ imports a Node built-in', () => {
    const files = walk(src).filter((f) => /\.(m|c)?tsx?$/.test(f) && !/^(cli|node)[\\/]/.test(relative(src, f)));
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
        if (isNodeBuiltin(spec)) offenders.push(`${relative(root, file)}: '${spec}'`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the scanner sees every form of import', () => {
    const code = [
      `import { readFileSync } from 'node:fs';`,
      `import type { Worker } from "worker_threads";`,
      `export { join } from 'path';`,
      `export * from 'crypto';`,
      `import 'os';`,
      `const m = await import('node:child_process');`,
      `const c = require("fs/promises");`,
      `import {\n  a,\n  b,\n} from 'util';`,
      `import { x } from './local.js';`,
      `// import { y } from 'net';`,
    ].join('\n');
    const found = importSpecifiers(code);
    expect(found.filter(isNodeBuiltin)).toEqual(['node:fs', 'worker_threads', 'path', 'crypto', 'os', 'node:child_process', 'fs/promises', 'util']);
    expect(found).toContain('./local.js');
    expect(isNodeBuiltin('seedrandom')).toBe(false);
    expect(isNodeBuiltin('immer')).toBe(false);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Every module specifier of static imports and re-exports, side-effect imports, `import()` and `require()`, comments skipped. */
function importSpecifiers(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w*\s{},$]*?\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const found: { at: number; spec: string }[] = [];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1] !== undefined) found.push({ at: m.index, spec: m[1] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.spec);
}
