import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'detente-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The TypeScript block that follows the readme-example marker. */
function readmeExample(): string {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const m = /<!-- readme-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(text);
  if (!m?.[1]) throw new Error('README.md has no readme-example block');
  return m[1];
}

describe('README', () => {
  it('opens with the two set-up commands', () => {
    const text = readFileSync(join(root, 'README.md'), 'utf8');
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter((l) => l.trim()).map((l) => l.replace(/#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });

  it('has a ~20-line example that runs as written against the library', async () => {
    const code = readmeExample();
    const lines = code.trim().split('\n').length;
    expect(lines).toBeGreaterThanOrEqual(15);
    expect(lines).toBeLessThanOrEqual(30);
    const entry = join(dir, 'example.ts');
    writeFileSync(entry, code);
    const out = join(dir, 'example.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, alias: { detente: join(root, 'src/index.ts') }, logLevel: 'silent' });
    const printed = execFileSync(process.execPath, [out], { encoding: 'utf8' });
    expect(printed).toMatch(/^peak rung L[0-7], \d+ events\n$/);
    // Deterministic: the same script prints the same line again.
    expect(execFileSync(process.execPath, [out], { encoding: 'utf8' })).toBe(printed);
  });

  it('has an example that typechecks under the strict settings', () => {
    const entry = join(dir, 'typed.ts');
    writeFileSync(entry, readmeExample());
    const config = join(dir, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: { noEmit: true, baseUrl: root, paths: { detente: ['src/index.ts'] }, types: ['node'], typeRoots: [join(root, 'node_modules/@types')] },
        files: [entry, join(root, 'src/engine/seedrandom.d.ts')],
        include: [],
        exclude: [],
      }),
    );
    // Throws (and fails the test with tsc's diagnostics) on any type error.
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { encoding: 'utf8' });
  }, 60_000);
});
