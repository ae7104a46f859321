import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = resolve(root, 'dist/cli/main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });

describe('detente command line', () => {
  it('runs the demo by default and prints its story and closing summary', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Détente demo — seed 1, 24 monthly rounds/);
    expect(r.stdout).toMatch(/Round \d+ \((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 201[56]\)/);
    expect(r.stdout).toContain('signed an agreement');
    expect(r.stdout).toContain('Summary after 24 rounds');
    expect(r.stdout).toMatch(/CN–US\s+\d\.\d\d \/ \d\.\d\d\s+L[0-7]/);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = run('--seed', '7', '--rounds', '12');
    const b = run('--seed', '7', '--rounds', '12');
    const c = run('--seed', '8', '--rounds', '12');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('prints the event log and metrics as JSON', () => {
    const r = run('--format', 'json', '--rounds', '5');
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as { rounds: number; log: { round: number }[]; metrics: unknown[] };
    expect(data.rounds).toBe(5);
    expect(data.metrics).toHaveLength(5);
    expect(Math.max(...data.log.map((e) => e.round))).toBe(4);
  });

  it('hides the engine-only truth with --no-truth', () => {
    const r = run('--no-truth');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('[hidden]');
    expect(r.stdout).not.toContain('false alarm]');
  });

  it('shows help and the version with exit code 0', () => {
    const h = run('--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('Usage:');
    const v = run('--version');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['--rounds', 'ten'], /--rounds must be a whole number/],
    [['--format', 'xml'], /--format must be narrative or json/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['conquer'], /unknown command 'conquer'/],
  ])('rejects %j with exit code 2 and a clear message, no stack trace', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
