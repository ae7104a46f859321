import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

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
