// VERSION is the package.json version in the sources too (vitest defines it as tsup does for the
// builds; tests/e2e/package.test.ts checks the installed package).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/index.js';

describe('VERSION', () => {
  it("is package.json's version, the same the command line records in a results file", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    // The built command line (the test run builds dist/ first) says the same.
    const cli = execFileSync(process.execPath, [new URL('../../dist/cli/main.js', import.meta.url).pathname, '--version'], { encoding: 'utf8' });
    expect(cli.trim()).toBe(VERSION);
  });
});
