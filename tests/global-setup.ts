import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Build the package once before any test file runs, so the end-to-end tests (CLI, packaging)
 * use a fresh dist/ and never race each other rebuilding it.
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the build (tsup) failed before the tests:\n${r.stdout}\n${r.stderr}`);
}
