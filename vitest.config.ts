import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // The package's version in the sources, as tsup puts it into the builds (src/version.ts).
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/helpers/fast-check-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
