import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * `detente/testing` imports the library from the built entry beside it (`../index.js`, or
 * `../index.cjs` in the CommonJS build) instead of bundling a second copy of it: with a copy, the
 * errors it throws (a `ConfigError` for a misspelt strategy, the `ScenarioError` of a scenario that
 * does not parse) were not `instanceof` the classes a user imports from `detente`.
 */
const testingImportsLibrary: Plugin = {
  name: 'testing-imports-library',
  setup(build) {
    // tsup builds its CommonJS output as ESM and converts it afterwards: the file extension is what tells.
    const entry = build.initialOptions.outExtension?.['.js'] === '.cjs' ? '../index.cjs' : '../index.js';
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) => (/[\\/]src[\\/]testing[\\/][^\\/]+\.ts$/.test(args.importer) ? { path: entry, external: true } : undefined));
  },
};

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Two builds: the browser-safe library (no Node built-ins; ESM + CJS + types) and the
// Node-only command line, which is ESM with a shebang and is never imported by the library.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    external: ['seedrandom', 'immer', 'fast-check', 'yaml'],
    esbuildPlugins: [testingImportsLibrary],
  },
  {
    // The sweep worker is its own file: worker threads load it beside dist/cli/main.js.
    entry: { 'cli/main': 'src/cli/main.ts', 'cli/sweep-worker': 'src/cli/sweep/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(pkg.version) },
    external: ['seedrandom', 'immer', 'fast-check', 'yaml'],
  },
]);
