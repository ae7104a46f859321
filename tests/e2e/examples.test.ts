import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'detente-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Run an example as a user would (`npx tsx examples/…`): it imports the package by name, which
 * resolves to the freshly built dist/ (the test run builds it first).
 */
async function runExample(name: string, ...args: string[]): Promise<string> {
  const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
  return execFileSync(process.execPath, [tsx, join(root, 'examples', name), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
}

describe('examples', () => {
  it('every example runs as the README says, copied into a project of its own where detente is installed', () => {
    // A project with node_modules/detente (a link to this package) and the example copied in.
    const project = mkdtempSync(join(dir, 'project-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules/detente'), 'dir');
    const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
    // The strategy modules and scenarios the examples read (beside them, as in the repository).
    for (const name of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.mjs') || f.endsWith('.yaml'))) copyFileSync(join(root, 'examples', name), join(project, name));
    for (const name of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts'))) {
      copyFileSync(join(root, 'examples', name), join(project, name));
      const r = spawnSync(process.execPath, [tsx, name, mkdtempSync(join(dir, 'out-'))], { encoding: 'utf8', cwd: project, timeout: 60_000 });
      // The child's error as text (its stack is not this test's, for vitest to map).
      expect({ name, status: r.status, stderr: r.stderr.split('\n').find((l) => /Error/.test(l)) ?? '' }).toEqual({ name, status: 0, stderr: '' });
      expect(r.stdout.length, name).toBeGreaterThan(100);
    }
  });

  it('every example has a test here', () => {
    const tested = ['hotline-vs-false-flag.ts', 'attribution-vs-retaliation.ts', 'norms-vs-trust.ts', 'shrink-counterexample.ts', 'own-strategy-tournament.ts'];
    expect(readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts')).sort()).toEqual([...tested].sort());
  });

  it("a strategy of one's own in a tournament on worker threads: the standings of the one-thread tournament, and calmer than hawk", async () => {
    const text = await runExample('own-strategy-tournament.ts');
    expect(text).toMatch(/strategies: 15 \(the built-ins and proportionate\)/);
    expect(text).toMatch(/^960 runs/m);
    const rows = text.split('\n').filter((l) => /^\d\s+[a-z-]+\s+-?\d/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(rows.map((r) => r[1]).sort()).toEqual(['dove', 'hawk', 'proportionate', 'tit-for-tat']);
    // The same standings as `tournament` in this thread (registry from the same module).
    const { loadStrategies } = await import('../../src/node/strategy-modules.js');
    const { parseScenario, tournament } = await import('../../src/index.js');
    const registry = await loadStrategies(join(root, 'examples/proportionate.mjs'));
    const template = parseScenario(readFileSync(join(root, 'examples/rivals-and-a-proxy.yaml'), 'utf8'));
    const t = tournament(template, { strategies: ['proportionate', 'tit-for-tat', 'hawk', 'dove'], roles: ['US', 'CN'], seeds: '1..60', registry });
    expect(rows.map((r) => [Number(r[0]), r[1], r[2]])).toEqual(t.standings.map((s) => [s.welfareRank, s.strategy, s.meanWelfare.toFixed(2)]));
    expect(text).toMatch(/proportionate is calmer than hawk/);
  });

  it('hotline versus none under false flags: the hotline lowers the peak in most paired seeds', async () => {
    const text = await runExample('hotline-vs-false-flag.ts');
    const lower = Number(/lower with the hotline:\s+(\d+) seeds/.exec(text)?.[1]);
    const higher = Number(/higher:\s+(\d+) seeds/.exec(text)?.[1]);
    expect(lower).toBeGreaterThan(100);
    expect(higher).toBeLessThan(lower);
    expect(text).toMatch(/mean peak rung: without \d\.\d\d, with \d\.\d\d/);
  });

  it('attribution versus misattributed retaliation prints one row per level', async () => {
    const text = await runExample('attribution-vs-retaliation.ts');
    const rows = text.split('\n').filter((l) => /^\s+0\.\d\d\s/.test(l));
    expect(rows).toHaveLength(5);
    const cells = rows.map((r) => r.trim().split(/\s+/));
    const struck = cells.filter((c) => Number(c[1]) > 0);
    const share = (c: string[] | undefined) => Number((c?.[4] ?? '').replace('%', ''));
    // Better forensics: the strikes that do happen hit the culprit more often.
    expect(struck.length).toBeGreaterThanOrEqual(2);
    expect(share(struck.at(-1))).toBeLessThan(share(struck[0]));
    expect(Number(struck.at(-1)?.[2])).toBeGreaterThan(Number(struck[0]?.[2]));
  });

  it('norm adoption in gge-2015 versus trust prints every member', async () => {
    const text = await runExample('norms-vs-trust.ts');
    expect(text).toMatch(/norms adopted by the vote/);
    // A correlation is a number in [-1, 1] or says it is undefined — never a silent 0 for no variation.
    const r = /trust vs norms adopted by the vote = (\S+)/.exec(text)?.[1];
    expect(r === 'undefined' || (Number(r) >= -1 && Number(r) <= 1)).toBe(true);
    expect(text.split('\n').filter((l) => /^[A-Z]{2,3}\s/.test(l)).length).toBeGreaterThanOrEqual(15);
  });

  it('finds and shrinks a counterexample to a false claim, and confirms a true one', async () => {
    // A folder that does not exist yet, as a user would name one: the example makes it.
    const out = join(mkdtempSync(join(dir, 'cx-')), 'new', 'folder');
    const text = await runExample('shrink-counterexample.ts', out);
    expect(text).toMatch(/broken after \d+ scenario\(s\); shrunk \d+ times/);
    expect(text).toMatch(/seed \d+; broken after round \d+\), written to/);
    expect(text).toMatch(/Replay it with: detente run .*counterexample\.yaml/);
    expect(text).toContain('held in 200 generated scenarios');
    // The printed file is a scenario the command line accepts and whose run breaks the claim.
    const cli = join(root, 'dist/cli/main.js');
    const json = JSON.parse(execFileSync(process.execPath, [cli, 'run', join(out, 'counterexample.yaml'), '--format', 'json'], { encoding: 'utf8' })) as { metrics: { peakRung: number }[] };
    expect(Math.max(...json.metrics.map((m) => m.peakRung))).toBeGreaterThan(2);
    // docs/properties.md shows the same file (compact): the same comment lines, the same document.
    const printed = readFileSync(join(out, 'counterexample.yaml'), 'utf8');
    const shown = /```yaml\n([\s\S]*?)```/.exec(readFileSync(join(root, 'docs/properties.md'), 'utf8'))?.[1] ?? '';
    const comments = (text: string) => text.split('\n').filter((l) => l.startsWith('#'));
    expect(comments(shown)).toEqual(comments(printed));
    expect(parse(shown)).toEqual(parse(printed));
  });
});
