// Node-only file work for the command line: find and read scenario files, write outputs whole.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SCENARIO_BYTES, parseScenario, ScenarioError } from '../index.js';
import type { Scenario } from '../index.js';

/** The scenarios shipped with the package (`<package>/scenarios`). */
export function bundledScenarioDir(): string {
  // dist/cli/main.js and src/cli/files.ts both sit two levels below the package root.
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
}

/** Names of the bundled scenarios, sorted. */
export function bundledScenarioNames(): string[] {
  const dir = bundledScenarioDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
    .map((f) => f.replace(/\.(ya?ml|json)$/, ''))
    .sort();
}

/**
 * A scenario argument is a path to a file, or the name of a bundled scenario. Reads and checks it;
 * any problem (missing file, a directory, too large, syntax, content) is a ScenarioError naming
 * the file.
 */
export function loadScenario(arg: string): { scenario: Scenario; path: string } {
  const path = locate(arg);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ScenarioError([{ path: '(file)', expected: 'a scenario file (.yaml, .yml or .json)', received: 'a directory' }], path);
    size = st.size;
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const names = bundledScenarioNames();
    throw new ScenarioError(
      [{ path: '(file)', expected: `an existing scenario file, or a bundled scenario (${names.join(', ') || 'none installed'})`, received: `nothing at '${arg}'` }],
      arg,
    );
  }
  if (size > MAX_SCENARIO_BYTES) {
    throw new ScenarioError([{ path: '(file)', expected: `at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB of scenario`, received: `${(size / 1024 / 1024).toFixed(1)} MiB` }], path);
  }
  const text = readFileSync(path, 'utf8');
  return { scenario: parseScenario(text, { source: path }), path };
}

function locate(arg: string): string {
  if (existsSync(arg) || /[\\/]/.test(arg) || /\.(ya?ml|json)$/i.test(arg)) return resolve(arg);
  const dir = bundledScenarioDir();
  for (const ext of ['.yaml', '.yml', '.json']) {
    const p = join(dir, `${arg}${ext}`);
    if (existsSync(p)) return p;
  }
  return resolve(arg);
}

/**
 * Write a file whole or not at all: write a temporary file beside it, flush it to disk, then
 * rename it over the target (atomic on POSIX file systems).
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
