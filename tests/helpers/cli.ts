// Running the built command line from tests: a private working folder per test file, and the one
// check every input error must pass.
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';

/** The repository root, the built CLI and the small scenario the CLI tests share. */
export const root = resolve(import.meta.dirname, '../..');
export const cli = resolve(root, 'dist/cli/main.js');
export const duelFixture = resolve(root, 'tests/e2e/fixtures/duel.yaml');
/** The package's version: what the built CLI records in the `detente` column of the results it writes. */
export const packageVersion = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

/** `detente …` run in `tmp` (a fresh folder, removed after the file's tests), output as text. */
export function cliHarness(prefix: string): { readonly tmp: string; readonly detente: (...args: string[]) => SpawnSyncReturns<string> } {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  return { tmp, detente: (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: tmp }) };
}

/** Exit code 2, every message on stderr, nothing on stdout, and never a stack trace. */
export function expectInputError(r: SpawnSyncReturns<string>, ...messages: RegExp[]): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  for (const m of messages) expect(r.stderr).toMatch(m);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
