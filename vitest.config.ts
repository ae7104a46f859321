import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/helpers/fast-check-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
