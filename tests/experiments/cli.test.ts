import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliHarness, duelFixture, expectInputError, packageVersion } from '../helpers/cli.js';
import { compareRunIds, parseScenario, readResults, summarize, tournament } from '../../src/index.js';

const duel = duelFixture;
const { tmp, detente } = cliHarness('detente-sweep-');
const file = (name: string) => join(tmp, name);
const lines = (name: string) => readFileSync(file(name), 'utf8').split('\n').filter((l) => l !== '');
/** The data lines of a results file, sorted by run id (CSV: without the header). */
function sortedRows(name: string): string[] {
  const all = lines(name);
  const body = name.endsWith('.csv') ? all.slice(1) : all;
  const id = (l: string) => (name.endsWith('.csv') ? (l.split(',')[0] as string) : (JSON.parse(l) as { run: string }).run);
  return body.sort((a, b) => compareRunIds(id(a), id(b)));
}

/** Start a sweep in the background; resolve once its results file holds `rows` lines. */
function startSweep(args: string[], out: string, rows: number): Promise<{ child: ReturnType<typeof spawn>; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> }> {
  const child = spawn(process.execPath, [cli, 'sweep', ...args, '--out', out], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((res) => child.on('exit', (code, signal) => res({ code, signal, stderr })));
  return new Promise((res, rej) => {
    const poll = setInterval(() => {
      const n = existsSync(file(out)) ? readFileSync(file(out), 'utf8').split('\n').length - 1 : 0;
      if (n >= rows) {
        clearInterval(poll);
        res({ child, exit });
      } else if (child.exitCode !== null) {
        clearInterval(poll);
        rej(new Error(`the sweep ended before writing ${rows} rows: ${stderr}`));
      }
    }, 20);
  });
}

// Runs long enough (3,000 rounds, ≈ 0.1–0.2 s each) that the pool hands them out one per batch:
// when the second row is written only a few of the 24 are out, and a signal lands mid-sweep
// even on a loaded machine. With the scenario's own 37 rounds, batches of many runs could all
// be handed out before the signal arrived (seen once in CI under a full test run).
const LONG = ['us-china-2015', '--seeds', '1..24', '--set', 'rounds=3000', '--workers', '2'];

describe('detente sweep', () => {
  beforeAll(() => {
    const r = detente('sweep', ...LONG, '--out', 'reference.jsonl');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('writes the same rows with --workers 1 and --workers 2, one per run, quiet when not on a terminal', () => {
    const args = ['sweep', duel, '--seeds', '1..12', '--set', 'mechanism.detection.scale=0.5,2'];
    const one = detente(...args, '--workers', '1', '--out', 'w1.csv');
    const two = detente(...args, '--workers', '2', '--out', 'w2.csv');
    expect([one.status, two.status]).toEqual([0, 0]);
    expect(one.stderr + two.stderr).toBe('');
    expect(sortedRows('w2.csv')).toEqual(sortedRows('w1.csv'));
    // Rows even come out in plan order, so the files are identical.
    expect(readFileSync(file('w2.csv'), 'utf8')).toBe(readFileSync(file('w1.csv'), 'utf8'));
    const { columns, rows } = readResults(readFileSync(file('w1.csv'), 'utf8'), 'csv');
    expect(columns.slice(0, 5)).toEqual(['run', 'point', 'seed', 'mechanisms.detection.scale', 'roundsPlayed']);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.run)).size).toBe(24);
    expect(rows.filter((r) => r['mechanisms.detection.scale'] === 2)).toHaveLength(12);
  });

  it('resumes after kill -9: only the missing runs, no duplicate, no torn line, the same rows', async () => {
    const { child, exit } = await startSweep(LONG, 'killed.jsonl', 2);
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    const before = lines('killed.jsonl').length;
    expect(before).toBeLessThan(24);
    // What a write cut short by the kill would leave: half a line.
    appendFileSync(file('killed.jsonl'), '{"run":"p0-s23","point":0,"se');
    const r = detente('sweep', ...LONG, '--out', 'killed.jsonl', '--resume');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/cut a torn last line \(29 bytes\)/);
    expect(r.stderr).toContain(`${before} of 24 runs already in killed.jsonl; running ${24 - before}`);
    const after = lines('killed.jsonl');
    for (const l of after) expect(() => JSON.parse(l)).not.toThrow();
    expect(new Set(after.map((l) => (JSON.parse(l) as { run: string }).run)).size).toBe(24);
    expect(sortedRows('killed.jsonl')).toEqual(sortedRows('reference.jsonl'));
    // Resuming a finished sweep runs nothing and changes nothing.
    const again = detente('sweep', ...LONG, '--out', 'killed.jsonl', '--resume');
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('24 of 24 runs already in killed.jsonl; running 0');
    expect(lines('killed.jsonl')).toEqual(after);
  });

  it('stops on Ctrl-C after writing the runs in flight (exit 130), and --resume finishes it', async () => {
    const { child, exit } = await startSweep(LONG, 'interrupted.jsonl', 2);
    child.kill('SIGINT');
    const ended = await exit;
    expect(ended.code).toBe(130);
    expect(ended.stderr).toMatch(/SIGINT: finishing the runs in flight/);
    expect(ended.stderr).toMatch(/stopped after \d+ of 24 runs; every finished run is in interrupted\.jsonl \(continue with --resume\)/);
    const text = readFileSync(file('interrupted.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const partial = lines('interrupted.jsonl');
    expect(partial.length).toBeLessThan(24);
    expect(new Set(partial).size).toBe(partial.length);
    const r = detente('sweep', ...LONG, '--out', 'interrupted.jsonl', '--resume');
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/torn/);
    expect(sortedRows('interrupted.jsonl')).toEqual(sortedRows('reference.jsonl'));
  });

  it('splits the run list into shards that merge into the unsharded sweep', () => {
    const args = ['sweep', duel, '--seeds', '1..7', '--set', 'actors.CN.strategy=hawk,dove', '--workers', '1'];
    expect(detente(...args, '--out', 'whole.csv').status).toBe(0);
    expect(detente(...args, '--shard', '0/3', '--out', 'part0.csv').status).toBe(0);
    expect(detente(...args, '--shard', '1/3', '--out', 'part1.jsonl').status).toBe(0);
    expect(detente(...args, '--shard', '2/3', '--out', 'part2.csv').status).toBe(0);
    const sizes = ['part0.csv', 'part1.jsonl', 'part2.csv'].map((f) => sortedRows(f).length);
    expect(sizes).toEqual([5, 5, 4]);
    // A shard given twice (a re-run job) collapses: each run once.
    const m = detente('merge', 'part2.csv', 'part0.csv', 'part1.jsonl', 'part0.csv', '--out', 'merged.csv');
    expect(m.status).toBe(0);
    expect(m.stderr).toMatch(/14 runs from 4 files into merged\.csv \(5 duplicates dropped\)/);
    expect(readFileSync(file('merged.csv'), 'utf8')).toBe(readFileSync(file('whole.csv'), 'utf8'));
    // Files of another sweep do not merge.
    expectInputError(detente('merge', 'part0.csv', 'w1.csv'), /w1\.csv has other columns than part0\.csv/);
  });

  it('adds per-round series with --series', () => {
    const r = detente('sweep', duel, '--seeds', '1..2', '--series', '--workers', '1', '--out', 'series.jsonl');
    expect(r.status).toBe(0);
    const row = JSON.parse(lines('series.jsonl')[0] as string) as Record<string, unknown>;
    expect(row['series.maxRung']).toHaveLength(10);
    expect(row['series.meanTrust']).toHaveLength(10);
  });

  it('refuses bad arguments with exit code 2 and a clear message', () => {
    expectInputError(detente('sweep', duel, '--seeds', '1..x'), /seeds: expected whole numbers ≥ 0 and ranges like '1\.\.1000'.*received '1\.\.x'/);
    expectInputError(detente('sweep', duel), /sweep needs --seeds/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--set', 'mechanism.detection.scal=1,2'), /did you mean 'mechanisms\.detection\.scale'/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--set', 'actors.CN.strategy=hawkk'), /received 'hawkk' \(did you mean 'hawk'\?\)/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--set', 'rounds'), /expected 'path=value1,value2,…'/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--shard', '3/3'), /shards are numbered from 0\), received '3\/3'/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--workers', '0'), /--workers must be a whole number from 1 to 256, not '0'/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--out', 'w1.csv'), /w1\.csv already exists: pass --resume/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--resume'), /--resume needs --out FILE/);
    expectInputError(detente('sweep', duel, '--seeds', '1..12', '--set', 'mechanism.detection.scale=0.5,3', '--out', 'w1.csv', '--resume'), /run p1-s1 has mechanisms\.detection\.scale=2 but this sweep gives it 3/);
    expectInputError(detente('sweep', duel, '--seeds', '1..3', '--out', 'w1.csv', '--resume'), /w1\.csv was written by a different sweep \(other columns: unexpected mechanisms\.detection\.scale\)/);
    expectInputError(detente('sweep', 'nowhere.yaml', '--seeds', '1'), /nowhere\.yaml/);
    expectInputError(detente('merge', 'missing.csv'), /no results file at 'missing\.csv'/);
    expectInputError(detente('summarize', 'w1.csv', '--by', 'detection'), /--by detection: not a column of w1\.csv \(parameters: mechanisms\.detection\.scale\)/);
    expectInputError(detente('tournament', duel, '--seeds', '1..2'), /tournament needs --strategies/);
    expectInputError(detente('tournament', duel, '--strategies', 'hawk,hawk', '--seeds', '1'), /each strategy once/);
    for (const c of ['sweep', 'merge', 'summarize', 'tournament']) {
      const h = detente(c, '--help');
      expect(h.status).toBe(0);
      expect(h.stdout).toMatch(new RegExp(`^detente ${c} `));
    }
  });
});

describe('detente summarize', () => {
  it('prints mean, sd, 95% CI and quantiles per group, and the same numbers as the API in CSV', () => {
    const table = detente('summarize', 'w1.csv', '--by', 'mechanism.detection.scale', '--metrics', 'peakRung,incidentsDetected');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^24 runs, grouped by mechanisms\.detection\.scale/);
    expect(table.stdout).toMatch(/mechanisms\.detection\.scale\s+metric\s+n\s+mean\s+sd\s+95% CI\s+p5\s+p25\s+p50\s+p75\s+p95/);
    expect(table.stdout).toMatch(/\n0\.5\s+peakRung\s+12\s/);
    const csv = detente('summarize', 'w1.csv', '--by', 'mechanisms.detection.scale', '--format', 'csv');
    expect(csv.status).toBe(0);
    const { rows } = readResults(readFileSync(file('w1.csv'), 'utf8'), 'csv');
    const api = summarize(rows, { by: ['mechanisms.detection.scale'] });
    const records = csv.stdout.trim().split('\n');
    expect(records[0]).toBe('mechanisms.detection.scale,metric,n,mean,sd,ciLow,ciHigh,p5,p25,p50,p75,p95');
    expect(records).toHaveLength(api.length + 1);
    api.forEach((s, k) => {
      const f = (records[k + 1] as string).split(',');
      expect(f[0]).toBe(String(s.group['mechanisms.detection.scale']));
      expect(f[1]).toBe(s.metric);
      expect(Number(f[2])).toBe(s.n);
      expect(Number(f[3])).toBeCloseTo(s.mean, 4);
      expect(Number(f[9])).toBeCloseTo(s.p50, 4);
    });
  });
});

describe('detente tournament', () => {
  it('ranks strategies by welfare and by peace, like the API, and writes the standings as CSV', () => {
    const r = detente('tournament', duel, '--strategies', 'hawk,passive,tit-for-tat', '--roles', 'US,CN', '--seeds', '1..3', '--workers', '2', '--out', 'standings.csv', '--runs', 'runs.csv');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 strategies in roles US, CN — 9 assignments × 3 seeds = 27 runs/);
    expect(r.stdout).toMatch(/welfare rank\s+strategy\s+plays\s+mean welfare\s+sd\s+mean peak rung\s+calm \(≤ L1\)\s+peace rank/);
    const api = tournament(parseScenario(readFileSync(duel, 'utf8')), { strategies: ['hawk', 'passive', 'tit-for-tat'], roles: ['US', 'CN'], seeds: '1..3' });
    const standings = readResults(readFileSync(file('standings.csv'), 'utf8').replace(/^strategy/, 'run'), 'csv').rows;
    expect(standings.map((s) => s.run)).toEqual(api.standings.map((s) => s.strategy));
    expect(standings.map((s) => s.peaceRank)).toEqual(api.standings.map((s) => s.peaceRank));
    // The rows of the API, and the version of detente that computed them.
    expect(readResults(readFileSync(file('runs.csv'), 'utf8'), 'csv').rows).toEqual(api.rows.map((row) => ({ ...row, detente: packageVersion })));
  });
});
