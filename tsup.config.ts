import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The package's version, put into every build (`VERSION`, src/version.ts: the library's and the command line's). */
const define = { __VERSION__: JSON.stringify(pkg.version) };

/**
 * `detente/testing` and `detente/node` import the library from the built entry beside them
 * (`../index.js`, or `../index.cjs` in the CommonJS build) instead of bundling a second copy of it:
 * with a copy, the errors they throw (a `ConfigError` for a misspelt strategy, the `ScenarioError`
 * of a scenario that does not parse) were not `instanceof` the classes a user imports from `detente`.
 */
const subpathImportsLibrary: Plugin = {
  name: 'subpath-imports-library',
  setup(build) {
    // tsup builds its CommonJS output as ESM and converts it afterwards: the file extension is what tells.
    const entry = build.initialOptions.outExtension?.['.js'] === '.cjs' ? '../index.cjs' : '../index.js';
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) => (/[\\/]src[\\/](testing|node)[\\/][^\\/]+\.ts$/.test(args.importer) ? { path: entry, external: true } : undefined));
  },
};

/**
 * What the two builds of `detente/node` share: Node's platform, the library imported from beside
 * them, and no declarations (the library's build writes them, so that they share its declarations).
 */
const nodeEntry: Options = {
  dts: false,
  sourcemap: true,
  clean: false,
  target: 'node20',
  platform: 'node',
  define,
  external: ['seedrandom', 'immer', 'fast-check', 'yaml', 'piscina'],
  esbuildPlugins: [subpathImportsLibrary],
};

// Five builds: the browser-safe library (no Node built-ins; ESM + CJS + types); `detente/node`
// (worker threads, strategy modules; ESM + CJS + types) and its sweep worker (ESM only: it
// imports strategy modules with a top-level await, which CommonJS cannot hold); the Node-only
// command line, which is ESM with a shebang, bundles its own copy of everything (its worker too)
// and is never imported by the library; and the benchmarks' internal copy of the flat rules.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    // One declaration build for the three entries, so `detente/node` and `detente/testing` name the
    // library's own types (a `StrategyRegistry`, with its private field, would not match a copy).
    // tsconfig.json is the browser-safe library's: Node's types are added for `detente/node` only
    // (the other entries import nothing from Node; tests/e2e/browser-safety.test.ts checks it).
    dts: { entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts', 'node/index': 'src/node/index.ts' }, compilerOptions: { types: ['node'] } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    define,
    splitting: false,
    treeshake: true,
    external: ['seedrandom', 'immer', 'fast-check', 'yaml'],
    esbuildPlugins: [subpathImportsLibrary],
  },
  {
    ...nodeEntry,
    entry: { 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    splitting: false,
    // import.meta.url in the CommonJS build: the pool finds its worker beside the module.
    shims: true,
  },
  {
    ...nodeEntry,
    // Worker threads load it beside dist/node/index.js.
    entry: { 'node/sweep-worker': 'src/node/sweep-worker.ts' },
    format: ['esm'],
  },
  {
    // The sweep worker is its own file: worker threads load it beside dist/cli/main.js.
    entry: { 'cli/main': 'src/cli/main.ts', 'cli/sweep-worker': 'src/node/sweep-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define,
    external: ['seedrandom', 'immer', 'fast-check', 'yaml'],
  },
  {
    // Internal, not part of the package: the flat path's rules (src/engine/flat/rules.ts) for the
    // reference kernels in bench/ (bench/kernel-rules.mjs imports them), so that the kernels and
    // the flat path play one copy of them. Not in package.json's "exports" (no user can import it)
    // and left out of the tarball ("files": "!dist/internal"; tests/e2e/package.test.ts checks both).
    entry: { 'internal/kernel-rules': 'src/engine/flat/rules.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
  },
]);
