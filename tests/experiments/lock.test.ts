// One sweep at a time per results file: a sweep holds `<out>.lock` while it writes `<out>`; a
// second sweep on the same file stops at once (exit 2) naming the holder; the lock goes away
// however the sweep ends, and a stale one (its process gone) is taken over on the same host.
// Before, two sweeps on one file both appended to it, interleaving and duplicating runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';
import { readResults } from '../../src/index.js';

const { tmp, detente } = cliHarness('detente-lock-');
const file = (name: string) => join(tmp, name);
const rowsOf = (name: string) => readResults(readFileSync(file(name), 'utf8'), name.endsWith('.jsonl') ? 'jsonl' : 'csv').rows;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  if (pid === undefined) throw new Error('could not start a child process');
  return pid;
}

/** Write a lock as a sweep would, for `pid` on `host`. */
function writeLock(name: string, pid: number, host = hostname()): string {
  const text = `${JSON.stringify({ pid, host, since: '2026-01-02T03:04:05.000Z' })}\n`;
  writeFileSync(file(`${name}.lock`), text);
  return text;
}

const quick = ['sweep', duelFixture, '--workers', '1', '--quiet'];

describe('a results file has one writer at a time', () => {
  it('refuses a second sweep on a file being written (exit 2, naming the holder), lets other files be written, and Ctrl-C removes the lock', async () => {
    // Long enough (≈ 0.1 s a run, 200 runs on one thread) to be running throughout the checks.
    const args = ['us-china-2015', '--seeds', '1..200', '--set', 'rounds=3000', '--workers', '1'];
    const child = spawn(process.execPath, [cli, 'sweep', ...args, '--out', 'held.jsonl'], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    try {
      await new Promise<void>((res, rej) => {
        const poll = setInterval(() => {
          if (existsSync(file('held.jsonl')) && readFileSync(file('held.jsonl'), 'utf8').split('\n').length > 2) {
            clearInterval(poll);
            res();
          } else if (child.exitCode !== null) {
            clearInterval(poll);
            rej(new Error(`the sweep ended early: ${stderr}`));
          }
        }, 20);
      });
      const lock = JSON.parse(readFileSync(file('held.jsonl.lock'), 'utf8')) as { pid: number; host: string; since: string };
      expect(lock.pid).toBe(child.pid);
      expect(lock.host).toBe(hostname());
      expect(Number.isNaN(Date.parse(lock.since))).toBe(false);
      const holder = escape(`pid ${lock.pid} on host ${lock.host}, since ${lock.since}; lock held.jsonl.lock`);
      const refused = new RegExp(`held\\.jsonl is being written by another sweep \\(${holder}\\): wait for it to finish, or stop it \\(Ctrl-C, or kill ${lock.pid}: its finished runs are kept\\) and run this command again with --resume; or choose another --out`);
      expectInputError(detente('sweep', ...args, '--out', 'held.jsonl', '--resume'), refused);
      // Not even --force removes a file another sweep is writing; nor does a second path to it.
      expectInputError(detente('sweep', ...args, '--out', 'held.jsonl', '--force'), /held\.jsonl is being written by another sweep/);
      expectInputError(detente('sweep', ...args, '--out', './held.jsonl', '--resume'), /\.\/held\.jsonl is being written by another sweep \(pid/);
      expect(existsSync(file('held.jsonl'))).toBe(true);
      // Another file (another shard) is not held up.
      const other = detente(...quick, '--seeds', '1..4', '--shard', '1/2', '--out', 'held-part1.csv');
      expect(other.status).toBe(0);
      expect(rowsOf('held-part1.csv')).toHaveLength(2);
      expect(existsSync(file('held.jsonl.lock'))).toBe(true);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exit).toBe(130);
    expect(stderr).toMatch(/stopped after \d+ of 200 runs; every finished run is in held\.jsonl \(continue with --resume\)/);
    expect(existsSync(file('held.jsonl.lock'))).toBe(false);
    // The file is free again, and its runs are there to resume.
    const again = detente('sweep', ...args.slice(0, 1), '--seeds', '1..2', ...args.slice(3), '--out', 'held.jsonl', '--resume');
    expect(again.stderr).toContain('2 of 2 runs already in held.jsonl; running 0');
    expect(again.status).toBe(0);
    expect(existsSync(file('held.jsonl.lock'))).toBe(false);
  }, 120_000);

  it('takes over a stale lock (its pid not running, on this host), says so, and removes it when done; standard output needs no lock', () => {
    const pid = deadPid();
    writeLock('stale.csv', pid);
    const r = detente(...quick, '--seeds', '1..3', '--out', 'stale.csv');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`detente: stale.csv.lock was left by a sweep that is gone (pid ${pid} on host ${hostname()}, since 2026-01-02T03:04:05.000Z; no such process now): taking it over\n`);
    expect(existsSync(file('stale.csv.lock'))).toBe(false);
    expect(rowsOf('stale.csv')).toHaveLength(3);
    const piped = detente(...quick, '--seeds', '1..2');
    expect(piped.status).toBe(0);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid is now another process, started after the lock was taken (Linux: /proc tells)', async () => {
    // A pid reused after a restart (a container's pids start over): the process running with
    // that pid now is not the sweep that took the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const pid = other.pid as number;
      writeLock('reused.csv', pid);
      const r = detente(...quick, '--seeds', '1..2', '--out', 'reused.csv');
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`^detente: reused\\.csv\\.lock was left by a sweep that is gone \\(pid ${pid} on host ${escape(hostname())}, since 2026-01-02T03:04:05\\.000Z; pid ${pid} is now another process, started at \\d{4}-.*Z\\): taking it over\n$`));
      expect(existsSync(file('reused.csv.lock'))).toBe(false);
      // A lock taken after that process started is its lock: refused.
      writeFileSync(file('reused.csv.lock'), `${JSON.stringify({ pid, host: hostname(), since: new Date().toISOString() })}\n`);
      expectInputError(detente(...quick, '--seeds', '1..2', '--out', 'reused.csv', '--resume'), new RegExp(`reused\\.csv is being written by another sweep \\(pid ${pid} on host`));
    } finally {
      other.kill();
    }
  });

  it('does not guess about a lock of another host, nor one it cannot read: refused, saying how to remove it; merge and summarize ignore it', () => {
    expect(detente(...quick, '--seeds', '1..3', '--out', 'shared.csv').status).toBe(0);
    const before = readFileSync(file('shared.csv'), 'utf8');
    const lock = writeLock('shared.csv', process.pid, 'node-17.cluster');
    expectInputError(
      detente(...quick, '--seeds', '1..6', '--out', 'shared.csv', '--resume'),
      /shared\.csv is being written by a sweep on another host \(pid \d+ on host node-17\.cluster, since 2026-01-02T03:04:05\.000Z; lock shared\.csv\.lock\), and whether it is still running cannot be checked from here: .*if it is gone \(killed, or its machine went down\), remove shared\.csv\.lock and run this command again with --resume/,
    );
    expect(readFileSync(file('shared.csv'), 'utf8')).toBe(before);
    expect(readFileSync(file('shared.csv.lock'), 'utf8')).toBe(lock);
    // A link to the file is the same file: its lock is the one beside the file.
    symlinkSync(file('shared.csv'), file('shared-link.csv'));
    expectInputError(detente(...quick, '--seeds', '1..6', '--out', 'shared-link.csv', '--resume'), new RegExp(`shared-link\\.csv is being written by a sweep on another host \\(.*; lock ${escape(realpathSync(file('shared.csv')))}\\.lock\\)`));
    expect(readFileSync(file('shared.csv'), 'utf8')).toBe(before);
    writeFileSync(file('shared.csv.lock'), '');
    expectInputError(detente(...quick, '--seeds', '1..6', '--out', 'shared.csv', '--resume'), /shared\.csv is locked \(shared\.csv\.lock exists\) but the lock cannot be read as a sweep's .*: if no sweep is writing shared\.csv, remove shared\.csv\.lock and run this command again/);
    expect(readFileSync(file('shared.csv'), 'utf8')).toBe(before);
    // Reading results does not take the lock, and the lock is never read as results.
    const summary = detente('summarize', 'shared.csv', '--format', 'csv');
    expect(summary.status).toBe(0);
    expect(detente('merge', 'shared.csv', '--out', 'shared-merged.csv').status).toBe(0);
    expect(readFileSync(file('shared-merged.csv'), 'utf8')).toBe(before);
  });

  it('merge and summarize refuse a lock file given as results (exit 2), naming it and the results file it belongs to', () => {
    // It was "x.csv.lock: 1 problem - line 1: expected a comma or a line break after the closing quote of a field".
    expect(detente(...quick, '--seeds', '1..2', '--out', 'given.csv').status).toBe(0);
    writeLock('given.csv', deadPid());
    const refused = /given\.csv\.lock is a sweep's lock file \(it says which sweep is writing its results file\), not a results file: give given\.csv itself/;
    expectInputError(detente('merge', 'given.csv.lock', '--out', 'given-merged.csv'), refused);
    expectInputError(detente('merge', 'given.csv', 'given.csv.lock', '--out', 'given-merged.csv'), refused);
    expect(existsSync(file('given-merged.csv'))).toBe(false);
    expectInputError(detente('summarize', 'given.csv.lock'), refused);
    // A lock caught between its creation and the write of its holder is empty.
    writeFileSync(file('given.csv.lock'), '');
    expectInputError(detente('merge', 'given.csv.lock'), refused);
    // A lock's JSON under another name is a lock too; a results file named *.lock is results.
    writeLock('renamed', deadPid());
    writeFileSync(file('renamed.csv'), readFileSync(file('renamed.lock'), 'utf8'));
    expectInputError(detente('merge', 'renamed.csv'), /renamed\.csv is a sweep's lock file .*: give the results file the sweep writes \(--out\)/);
    writeFileSync(file('results.lock'), readFileSync(file('given.csv'), 'utf8'));
    expect(detente('merge', 'results.lock', '--out', 'given-merged.csv').status).toBe(0);
    expect(readFileSync(file('given-merged.csv'), 'utf8')).toBe(readFileSync(file('given.csv'), 'utf8'));
  });

  it('removes the lock when the sweep fails: a file of another sweep, a grid error, a write error (named)', () => {
    expect(detente(...quick, '--seeds', '1..2', '--out', 'failing.csv').status).toBe(0);
    const before = readFileSync(file('failing.csv'), 'utf8');
    // Each time a stale lock is there first: taken over, then removed with the sweep's own.
    writeLock('failing.csv', deadPid());
    expectInputError(detente(...quick, '--seeds', '1..2', '--set', 'mechanism.detection.scale=2', '--out', 'failing.csv', '--resume'), /failing\.csv was written by a different sweep/);
    expect(existsSync(file('failing.csv.lock'))).toBe(false);
    writeLock('failing.csv', deadPid());
    expectInputError(detente(...quick, '--seeds', '1..2', '--set', 'rounds=0', '--out', 'failing.csv', '--resume'), /rounds/);
    expect(existsSync(file('failing.csv.lock'))).toBe(false);
    expect(readFileSync(file('failing.csv'), 'utf8')).toBe(before);
    if (process.platform === 'win32') return;
    // A file-size limit makes the results file's writes fail mid-sweep (EFBIG): exit 1, naming
    // the file (it was "unexpected error: EFBIG: file too large, write").
    writeLock('big.csv', deadPid());
    const r = spawnSync('sh', ['-c', `ulimit -f 4 && exec "${process.execPath}" "${cli}" sweep us-china-2015 --seeds 1..50 --workers 1 --out big.csv`], { cwd: tmp, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^detente: big\.csv\.lock was left by a sweep that is gone .*\ndetente: cannot write big\.csv \(--out\): file too large; the runs written before are kept: make room, then run the same command with --resume\n$/);
    expect(existsSync(file('big.csv.lock'))).toBe(false);
  });
});
