// The command line refuses what would mix, drop or misread results: runs of another scenario in a
// resumed or merged file, damaged metric cells, plans too big to build; and it takes dotted actor
// ids and signed exponents.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliHarness, expectInputError, packageVersion } from '../helpers/cli.js';
import { parseScenario, readResults, summarize, SUMMARY_STAT_COLUMNS, tournament } from '../../src/index.js';

const { tmp, detente } = cliHarness('detente-checks-');
const file = (name: string) => join(tmp, name);
const text = (name: string) => readFileSync(file(name), 'utf8');

/** A CSV results file without its last two columns (`scenario`, `detente`): what detente wrote before it recorded the scenario. */
function withoutScenario(csv: string): string {
  return csv
    .split('\n')
    .map((l) => (l === '' ? l : l.split(',').slice(0, -2).join(',')))
    .join('\n');
}

describe('results record their scenario', () => {
  it('refuses to resume a file of another scenario with the same actors, and merge shards of two scenarios', () => {
    const ff = ['sweep', 'false-flag', '--workers', '1', '--quiet'];
    const hotline = ['sweep', 'false-flag-hotline', '--workers', '1', '--quiet'];
    expect(detente(...ff, '--seeds', '1..4', '--out', 'ff.csv').status).toBe(0);
    const before = text('ff.csv');
    const tag = readResults(before, 'csv').rows[0]?.scenario;
    expect(tag).toMatch(/^false-flag@[0-9a-f]{16}$/);
    expect(before.split('\n')[0]).toMatch(/,welfare\.KL,scenario,detente$/);
    expectInputError(detente(...hotline, '--seeds', '1..6', '--out', 'ff.csv', '--resume'), new RegExp(`ff\\.csv holds runs of another scenario \\(run p0-s1: ${tag}; this sweep: false-flag-hotline@[0-9a-f]{16}\\)`));
    expect(text('ff.csv')).toBe(before);
    // The same scenario resumes.
    const more = detente(...ff, '--seeds', '1..6', '--out', 'ff.csv', '--resume');
    expect(more.status).toBe(0);
    expect(more.stderr).toContain('4 of 6 runs already in ff.csv; running 2');

    expect(detente(...ff, '--seeds', '1..6', '--shard', '0/2', '--out', 'x0.csv').status).toBe(0);
    expect(detente(...hotline, '--seeds', '1..6', '--shard', '1/2', '--out', 'x1.csv').status).toBe(0);
    expectInputError(detente('merge', 'x0.csv', 'x1.csv', '--out', 'xm.csv'), /x1\.csv holds runs of scenario false-flag-hotline@[0-9a-f]{16} \(run p0-s2\), x0\.csv of false-flag@[0-9a-f]{16}: they are not shards of the same sweep/);
    // Shards of one scenario merge into the unsharded file, byte for byte.
    expect(detente(...ff, '--seeds', '1..6', '--shard', '1/2', '--out', 'y1.jsonl').status).toBe(0);
    expect(detente('merge', 'y1.jsonl', 'x0.csv', '--out', 'ym.csv').status).toBe(0);
    expect(text('ym.csv')).toBe(text('ff.csv'));
  });

  it('still resumes and merges files written before results recorded their scenario, in their own columns', () => {
    const args = ['sweep', 'false-flag', '--workers', '1', '--quiet', '--seeds', '1..5'];
    expect(detente(...args, '--out', 'whole.csv').status).toBe(0);
    const whole = text('whole.csv');
    const old = withoutScenario(whole);
    // An interrupted old file: its first three runs.
    writeFileSync(file('old.csv'), old.split('\n').slice(0, 4).join('\n') + '\n');
    const r = detente(...args, '--out', 'old.csv', '--resume');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/old\.csv does not record its scenario \(written by an older detente\): its runs are taken to be of false-flag@[0-9a-f]{16} unchecked, and new runs are written without the scenario column too/);
    expect(r.stderr).toContain('3 of 5 runs already in old.csv; running 2');
    expect(text('old.csv')).toBe(old);
    // Old files merge (with a warning); an old and a new file do not.
    writeFileSync(file('old-a.csv'), old.split('\n').slice(0, 3).join('\n') + '\n');
    writeFileSync(file('old-b.csv'), [old.split('\n')[0], ...old.split('\n').slice(3)].join('\n'));
    const m = detente('merge', 'old-a.csv', 'old-b.csv', '--out', 'old-m.csv');
    expect(m.status).toBe(0);
    expect(m.stderr).toMatch(/the files do not record their scenario \(written by an older detente\): that they are runs of one scenario was not checked/);
    expect(text('old-m.csv')).toBe(old);
    expectInputError(detente('merge', 'old-a.csv', 'whole.csv'), /whole\.csv has other columns than old-a\.csv: they are not shards of the same sweep \(old-a\.csv was written by an older detente, without the scenario column\)/);
  });
});

describe('results record the version of detente that computed them', () => {
  const args = ['sweep', 'false-flag', '--workers', '1', '--quiet'];
  /** The file's rows with their `detente` cell (the last) set to `version`: runs computed by another release. */
  const byVersion = (csv: string, version: string) =>
    csv
      .split('\n')
      .map((l, k) => (k === 0 || l === '' ? l : `${l.slice(0, l.lastIndexOf(','))},${version}`))
      .join('\n');

  it('writes it in a last column, detente, in CSV and JSON Lines, in merged files and in tournament --runs', () => {
    expect(detente(...args, '--seeds', '1..4', '--out', 'v.csv').status).toBe(0);
    expect(text('v.csv').split('\n')[0]).toMatch(/,welfare\.KL,scenario,detente$/);
    expect(new Set(readResults(text('v.csv'), 'csv').rows.map((r) => r.detente))).toEqual(new Set([packageVersion]));
    expect(detente('--version').stdout.trim()).toBe(packageVersion);
    expect(detente(...args, '--seeds', '1..4', '--shard', '1/2', '--out', 'v1.jsonl').status).toBe(0);
    expect(readResults(text('v1.jsonl'), 'jsonl').rows.map((r) => r.detente)).toEqual([packageVersion, packageVersion]);
    expect(detente(...args, '--seeds', '1..4', '--shard', '0/2', '--out', 'v0.csv').status).toBe(0);
    expect(detente('merge', 'v0.csv', 'v1.jsonl', '--out', 'vm.csv').status).toBe(0);
    expect(text('vm.csv')).toBe(text('v.csv'));
    expect(detente('tournament', 'false-flag', '--strategies', 'hawk,dove', '--seeds', '1', '--workers', '1', '--quiet', '--runs', 'vt.jsonl').status).toBe(0);
    expect(new Set(readResults(text('vt.jsonl'), 'jsonl').rows.map((r) => r.detente))).toEqual(new Set([packageVersion]));
    // summarize takes it as a text column: not a metric, but a group.
    const s = detente('summarize', 'v.csv', '--by', 'detente', '--metrics', 'peakRung', '--format', 'csv');
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout.split('\n')[1]).toMatch(new RegExp(`^${packageVersion.replace(/\./g, '\\.')},peakRung,4,`));
    expect(detente('summarize', 'v.csv', '--format', 'csv').stdout).not.toMatch(/^detente,/m);
  });

  it('--resume refuses a file whose runs another version computed, naming both and the one to run, and leaves it as it was', () => {
    expect(detente(...args, '--seeds', '1..4', '--out', 'r.csv').status).toBe(0);
    writeFileSync(file('r.csv'), byVersion(text('r.csv'), '0.0.1'));
    const before = text('r.csv');
    const r = detente(...args, '--seeds', '1..6', '--out', 'r.csv', '--resume');
    expectInputError(r, new RegExp(`r\\.csv holds runs computed by detente 0\\.0\\.1 \\(run p0-s1\\), and this is detente ${packageVersion.replace(/\./g, '\\.')}: its runs and new ones would mix the results of two versions of detente`), /Continue it with the version that wrote it \(npx detente@0\.0\.1 sweep … --resume\)/);
    expect(text('r.csv')).toBe(before);
  });

  it('merge refuses shards computed by two versions, naming both files and versions', () => {
    expect(detente(...args, '--seeds', '1..6', '--shard', '0/2', '--out', 'm0.csv').status).toBe(0);
    expect(detente(...args, '--seeds', '1..6', '--shard', '1/2', '--out', 'm1.csv').status).toBe(0);
    writeFileSync(file('m1.csv'), byVersion(text('m1.csv'), '0.9.0'));
    const v = packageVersion.replace(/\./g, '\\.');
    expectInputError(
      detente('merge', 'm0.csv', 'm1.csv', '--out', 'mm.csv'),
      new RegExp(`m1\\.csv holds runs computed by detente 0\\.9\\.0 \\(run p0-s2\\), m0\\.csv by detente ${v} \\(run p0-s1\\): merged, they would mix the results of two versions of detente`),
      new RegExp(`run m1\\.csv's shard again with the version m0\\.csv records \\(npx detente@${v} sweep … --out <new file>\\)`),
    );
    expect(existsSync(file('mm.csv'))).toBe(false);
    // Two versions in one file (put together by hand) are refused too.
    const [header, ...rows] = text('m0.csv').split('\n');
    writeFileSync(file('mixed.csv'), [header, rows[0], byVersion(`${header}\n${rows[1]}`, '0.9.0').split('\n')[1], ''].join('\n'));
    expectInputError(detente('merge', 'mixed.csv'), /mixed\.csv holds runs computed by detente .* \(run p0-s1\) and by detente 0\.9\.0 \(run p0-s3\)/);
    // A cell that names no version is quoted as such.
    writeFileSync(file('m1.csv'), byVersion(text('m1.csv'), 'latest'));
    expectInputError(detente('merge', 'm0.csv', 'm1.csv'), /m1\.csv holds runs computed by no version of detente \(its detente cell is 'latest'/);
  });

  it('summarize warns of runs of several versions, listing each with its runs, and summarises them all the same', () => {
    expect(detente(...args, '--seeds', '1..5', '--out', 's.csv').status).toBe(0);
    const [header, ...rows] = text('s.csv').split('\n');
    const v = packageVersion.replace(/\./g, '\\.');
    // One version: no word, as before.
    const one = detente('summarize', 's.csv', '--metrics', 'peakRung', '--format', 'csv');
    expect(one.status, one.stderr).toBe(0);
    expect(one.stderr).toBe('');
    // A merged history put together by hand: two runs of 0.9.0, one whose cell names no version.
    const old = byVersion([header, ...rows.slice(3, 5)].join('\n'), '0.9.0').split('\n').slice(1);
    const odd = byVersion([header, rows[2]].join('\n'), 'latest').split('\n')[1];
    writeFileSync(file('s-mixed.csv'), [header, rows[0], rows[1], odd, ...old, ''].join('\n'));
    const mixed = detente('summarize', 's-mixed.csv', '--metrics', 'peakRung', '--format', 'csv');
    expect(mixed.status, mixed.stderr).toBe(0);
    expect(mixed.stderr).toMatch(
      new RegExp(`^detente: s-mixed\\.csv holds runs computed by detente ${v} \\(2 runs\\), no version of detente \\(its detente cell is 'latest'[^\\n]*\\) \\(1 run\\), detente 0\\.9\\.0 \\(2 runs\\): its summaries mix the results of 3 versions of detente \\(a release may change a rule or a default coefficient\\); to compare them, add detente to --by, or summarise the runs of one version\\n$`),
    );
    // Summarised all the same: every run counted.
    expect(mixed.stdout.split('\n')[1]).toMatch(/^peakRung,5,/);
    // Two versions are "two"; grouped by version, no group mixes them, and nothing is said.
    writeFileSync(file('s-two.csv'), [header, rows[0], ...old, ''].join('\n'));
    expect(detente('summarize', 's-two.csv', '--metrics', 'peakRung').stderr).toMatch(/computed by detente .* \(1 run\), detente 0\.9\.0 \(2 runs\): its summaries mix the results of two versions of detente/);
    const grouped = detente('summarize', 's-mixed.csv', '--by', 'detente', '--metrics', 'peakRung', '--format', 'csv');
    expect(grouped.status, grouped.stderr).toBe(0);
    expect(grouped.stderr).toBe('');
    expect(grouped.stdout.split('\n').slice(1, 4).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([`${packageVersion},peakRung,2`, 'latest,peakRung,1', '0.9.0,peakRung,2']);
  });

  it('continues and merges files written before results recorded it, with a warning, in their own columns', () => {
    expect(detente(...args, '--seeds', '1..5', '--out', 'u.csv').status).toBe(0);
    const whole = text('u.csv');
    // The file without its last column: what detente wrote before it recorded its version.
    const old = whole
      .split('\n')
      .map((l) => (l === '' ? l : l.slice(0, l.lastIndexOf(','))))
      .join('\n');
    writeFileSync(file('u-old.csv'), old.split('\n').slice(0, 4).join('\n') + '\n');
    const r = detente(...args, '--seeds', '1..5', '--out', 'u-old.csv', '--resume');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`u-old\\.csv does not record which version of detente computed its runs \\(written by a detente older than the detente column\\): they are taken to be of this one \\(${packageVersion.replace(/\./g, '\\.')}\\) unchecked, and new runs are written without the column too`));
    expect(r.stderr).not.toMatch(/does not record its scenario/);
    expect(text('u-old.csv')).toBe(old);
    writeFileSync(file('u-a.csv'), old.split('\n').slice(0, 3).join('\n') + '\n');
    writeFileSync(file('u-b.csv'), [old.split('\n')[0], ...old.split('\n').slice(3)].join('\n'));
    const m = detente('merge', 'u-a.csv', 'u-b.csv', '--out', 'u-m.csv');
    expect(m.status, m.stderr).toBe(0);
    expect(m.stderr).toMatch(/the files do not record which version of detente computed their runs \(written by a detente older than that column\): that they are runs of one version was not checked/);
    expect(text('u-m.csv')).toBe(old);
    // One that records it and one that does not: refused, saying which is which.
    expectInputError(detente('merge', 'u.csv', 'u-b.csv'), /u-b\.csv has other columns than u\.csv: they are not shards of the same sweep \(u\.csv records the version of detente its runs were computed by, u-b\.csv does not/);
  });
});

describe('merge refuses shards of sweeps with different grids', () => {
  const args = ['sweep', 'false-flag', '--workers', '1', '--quiet', '--seeds', '1..2'];

  it('a grid point with other parameter values in another file: refused, naming both files, the point and the values', () => {
    expect(detente(...args, '--set', 'mechanism.detection.scale=0.5,2', '--shard', '0/2', '--out', 'ga.csv').status).toBe(0);
    expect(detente(...args, '--set', 'mechanism.detection.scale=1,3', '--shard', '1/2', '--out', 'gb.csv').status).toBe(0);
    expectInputError(
      detente('merge', 'ga.csv', 'gb.csv', '--out', 'gm.csv'),
      /gb\.csv and ga\.csv give grid point 0 different parameter values: run p0-s2 in gb\.csv has mechanisms\.detection\.scale=1, run p0-s1 in ga\.csv has mechanisms\.detection\.scale=0\.5; they are shards of sweeps with different grids \(--set\), not of the same sweep/,
    );
    expect(existsSync(file('gm.csv'))).toBe(false);
    // Only the parameters that differ are named.
    expect(detente(...args, '--set', 'mechanism.detection.scale=0.5,2', '--set', 'mechanism.detection.severityBonus=0.5', '--shard', '0/2', '--out', 'gc.csv').status).toBe(0);
    expect(detente(...args, '--set', 'mechanism.detection.scale=0.5,2', '--set', 'mechanism.detection.severityBonus=0.7', '--shard', '1/2', '--out', 'gd.jsonl').status).toBe(0);
    expectInputError(detente('merge', 'gc.csv', 'gd.jsonl'), /gd\.jsonl and gc\.csv give grid point 0 different parameter values: run p0-s2 in gd\.jsonl has mechanisms\.detection\.severityBonus=0\.7, run p0-s1 in gc\.csv has mechanisms\.detection\.severityBonus=0\.5;/);
    // The shards of one grid still merge into the unsharded file.
    expect(detente(...args, '--set', 'mechanism.detection.scale=0.5,2', '--shard', '1/2', '--out', 'ga1.jsonl').status).toBe(0);
    expect(detente(...args, '--set', 'mechanism.detection.scale=0.5,2', '--out', 'gw.csv').status).toBe(0);
    expect(detente('merge', 'ga1.jsonl', 'ga.csv', '--out', 'gm.csv').status).toBe(0);
    expect(text('gm.csv')).toBe(text('gw.csv'));
  });

  it('a grid point with two sets of values in one file: refused, naming the runs', () => {
    expect(detente(...args, '--set', 'mechanism.detection.scale=0.5,2', '--out', 'gy.csv').status).toBe(0);
    const [header, first, second, ...rest] = text('gy.csv').split('\n');
    // p0-s2 given point 0's other value (a file edited by hand).
    writeFileSync(file('gx.csv'), [header, first, (second as string).replace(/^p0-s2,0,2,0\.5,/, 'p0-s2,0,2,3,'), ...rest].join('\n'));
    expectInputError(detente('merge', 'gx.csv'), /gx\.csv gives grid point 0 two sets of parameter values: run p0-s1 has mechanisms\.detection\.scale=0\.5, run p0-s2 has mechanisms\.detection\.scale=3; the file was edited, or is not the results of one sweep/);
  });
});

describe('summarize', () => {
  it('refuses a metric cell that is not a number, naming the file, line and column', () => {
    expect(detente('sweep', 'false-flag', '--workers', '1', '--quiet', '--seeds', '1..5', '--out', 'runs.csv').status).toBe(0);
    const lines = text('runs.csv').split('\n');
    const header = (lines[0] as string).split(',');
    const peak = header.indexOf('peakRung');
    const damaged = lines.map((l, k) => {
      if (k < 2 || k > 4) return l;
      const cells = l.split(',');
      cells[peak] = ['NaN', 'abc', 'Infinity'][k - 2] as string;
      return cells.join(',');
    });
    writeFileSync(file('nan.csv'), damaged.join('\n'));
    expectInputError(detente('summarize', 'nan.csv', '--metrics', 'peakRung,finalRung'), /nan\.csv: 1 problem\n {2}- line 3, column peakRung: expected a finite number or an empty cell, received 'NaN'/);
    const ok = detente('summarize', 'runs.csv', '--metrics', 'peakRung,finalRung', '--format', 'csv');
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[1]).toMatch(/^peakRung,5,/);
  });
});

describe('grid paths, numbers and limits', () => {
  it('sweeps and plays a tournament over an actor whose id holds a dot', () => {
    writeFileSync(
      file('dotid.yaml'),
      'name: dotid\nrounds: 4\nactors:\n  - { id: A.Z, capabilities: us, strategy: tit-for-tat }\n  - { id: B, capabilities: china, strategy: deterrer }\n',
    );
    const s = detente('sweep', 'dotid.yaml', '--seeds', '1', '--set', 'actors.A.Z.strategy=hawk,dove', '--workers', '1');
    expect(s.stderr).toBe('');
    expect(s.status).toBe(0);
    expect(readResults(`${s.stdout}`, 'csv').rows.map((r) => r['actors.A.Z.strategy'])).toEqual(['hawk', 'dove']);
    const t = detente('tournament', 'dotid.yaml', '--strategies', 'hawk,dove', '--seeds', '1..2', '--workers', '1', '--quiet');
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('2 strategies in roles A.Z, B — 4 assignments × 2 seeds = 8 runs');
    expectInputError(detente('sweep', 'dotid.yaml', '--seeds', '1', '--set', 'actors.A.Z.Z.strategy=hawk'), /received 'A\.Z\.Z' \(did you mean 'actors\.A\.Z\.strategy'\?\)/);
  });

  it('takes --set numbers with a signed exponent', () => {
    const r = detente('sweep', 'false-flag', '--seeds', '1', '--set', 'mechanism.tension.limit=1e+5,1E5', '--workers', '1');
    // Two spellings of one number are one value given twice.
    expectInputError(r, /grid\.mechanisms\.tension\.limit: expected each value once, received 100000 twice/);
    const ok = detente('sweep', 'false-flag', '--seeds', '1', '--set', 'mechanism.tension.limit=1e+5', '--workers', '1');
    expect(ok.status).toBe(0);
    expect(readResults(ok.stdout, 'csv').rows[0]?.['mechanisms.tension.limit']).toBe(100000);
  });

  it('refuses --set __proto__ and constructor as paths, not as paths given twice', () => {
    for (const path of ['__proto__', 'constructor']) {
      const r = detente('sweep', 'false-flag', '--seeds', '1', '--set', `${path}=1,2`, '--workers', '1');
      expectInputError(r, new RegExp(`grid\\.${path}: expected a parameter path: .*received '${path}'`));
      expect(r.stderr).not.toContain('given twice');
    }
  });

  it('quotes at most 120 characters of an over-long --set path (a 30,000-segment one made a 120 KB message)', () => {
    const huge = 'a.'.repeat(30_000);
    const r = detente('sweep', 'false-flag', '--seeds', '1', '--set', `${huge}=1`);
    expectInputError(r, /^detente: grid: 1 problem\n {2}- grid\.(a\.){60}… \(60000 characters\): expected a parameter path: mechanisms\.<section>\.<coefficient>, .*, received '(a\.){60}… \(60000 characters\)'\n$/);
    expect(r.stderr.length).toBeLessThan(1024);
  });

  it('refuses a plan over the limits at once, with its size', () => {
    const all = 'cautious,contractor,de-escalator,deterrer,dove,generous-tit-for-tat,grim-trigger,hawk,norm-entrepreneur,passive,pragmatist,random,spoiler,tit-for-tat';
    expectInputError(detente('tournament', 'cyber-cold-war', '--strategies', all, '--seeds', '1', '--workers', '1'), /expected at most 100,000 grid points .*received 7,529,536 \(14 × 14 × 14 × 14 × 14 × 14\)/);
    expectInputError(
      detente('sweep', 'false-flag', '--seeds', '1..10000000', '--set', 'mechanism.detection.scale=1,2,3,4,5,6,7,8', '--out', 'big.csv'),
      /seeds: expected at most 10,000,000 runs in one sweep \(grid points × seeds\), received 8 grid points × 10,000,000 seeds = 80,000,000 runs \(split the seeds over several sweeps/,
    );
  });
});

describe('sweep --out is checked once, before the plan', () => {
  it('a link to a missing file at --out: exit 2 naming it, never an unexpected error; the link is left as it was', () => {
    // existsSync follows the link (nothing there), so both existence checks let it through, and
    // the exclusive create failed with EEXIST: "unexpected error", exit 1.
    symlinkSync(file('nowhere/missing.csv'), file('dangling.csv'));
    for (const extra of [[], ['--resume']]) {
      expectInputError(detente('sweep', 'false-flag', '--seeds', '1', '--workers', '1', '--out', 'dangling.csv', ...extra), /cannot (continue or )?create dangling\.csv \(--out\): something is already there .*a link to a missing file/);
      expect(lstatSync(file('dangling.csv')).isSymbolicLink()).toBe(true);
    }
    // --force replaces what is there, the link included.
    const forced = detente('sweep', 'false-flag', '--seeds', '1', '--workers', '1', '--out', 'dangling.csv', '--force');
    expect(forced.status).toBe(0);
    expect(lstatSync(file('dangling.csv')).isFile()).toBe(true);
    expect(existsSync(file('nowhere'))).toBe(false);
  });

  it('an existing --out is refused, and --resume without --out, with the argument errors, before the seeds are read', () => {
    writeFileSync(file('taken.csv'), 'keep me\n');
    expectInputError(detente('sweep', 'false-flag', '--seeds', '1..x', '--out', 'taken.csv'), /taken\.csv already exists: pass --resume to run only its missing runs, --force to replace it, or choose another --out/);
    expect(text('taken.csv')).toBe('keep me\n');
    // --resume without --out was only noticed once the sweep was planned, after any seeds error.
    expectInputError(detente('sweep', 'false-flag', '--seeds', '1..x', '--resume'), /^detente: --resume needs --out FILE/);
  });
});

describe('statistics written as CSV', () => {
  it('summarize --format csv and --out write every figure in full: it reads back as the API computed it', () => {
    // Welfare near 1e15 that differs in the last digits; 6 significant digits wrote '1e+15' for
    // every mean, quantile and bound, and rounded the sd.
    const rows = Array.from({ length: 40 }, (_, k) => `p${k % 2}-s${k},${k % 2},${k},${k % 2 ? 0.5 : 2},${1e15 + (k % 10)},${(k % 7) / 3}`);
    writeFileSync(file('big.csv'), `run,point,seed,mechanisms.detection.scale,totalWelfare,finalMeanTrust\n${rows.join('\n')}\n`);
    const api = summarize(readResults(text('big.csv'), 'csv').rows, { by: ['mechanisms.detection.scale'] });
    const r = detente('summarize', 'big.csv', '--by', 'mechanisms.detection.scale', '--format', 'csv', '--out', 'big-stats.csv');
    expect(r.status).toBe(0);
    const [header, ...records] = text('big-stats.csv').trim().split('\n');
    expect(header).toBe(`mechanisms.detection.scale,${SUMMARY_STAT_COLUMNS.join(',')}`);
    expect(records).toHaveLength(api.length);
    api.forEach((s, k) => {
      const cells = (records[k] as string).split(',');
      expect(cells.slice(0, 3)).toEqual([String(s.group['mechanisms.detection.scale']), s.metric, String(s.n)]);
      SUMMARY_STAT_COLUMNS.slice(2).forEach((c, i) => expect(Number(cells[i + 3])).toBe(s[c as 'mean']));
    });
    expect(api.map((s) => s.mean).filter((_, k) => k % 2 === 0)).toEqual([1e15 + 4, 1e15 + 5]);
    expect(records[0]).toMatch(/^2,totalWelfare,20,1000000000000004,/);
  });

  it('tournament --runs and --out are written as a set: when --out cannot be written, --runs is not either', async () => {
    // The standings' temporary file (.<name>.<pid>.tmp beside it) is made a directory as soon as
    // the process exists, long before it writes: --runs was written, then --out failed.
    const child = spawn(process.execPath, [cli, 'tournament', 'false-flag', '--strategies', 'hawk,dove', '--seeds', '1..2', '--workers', '1', '--quiet', '--runs', 'set-runs.csv', '--out', 'set-standings.csv'], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
    mkdirSync(file(`.set-standings.csv.${child.pid}.tmp`));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((res) => child.on('exit', res));
    expect(stderr).toBe(`detente: cannot write 'set-standings.csv': its temporary file '${file(`.set-standings.csv.${child.pid}.tmp`)}' cannot be written: it is a directory\n`);
    expect(code).not.toBe(0);
    expect(existsSync(file('set-runs.csv'))).toBe(false);
    expect(existsSync(file('set-standings.csv'))).toBe(false);
  });

  it('tournament --out writes the standings in full', () => {
    const r = detente('tournament', 'false-flag', '--strategies', 'hawk,dove', '--seeds', '1..3', '--workers', '1', '--quiet', '--out', 'standings.csv');
    expect(r.status).toBe(0);
    const api = tournament(parseScenario(readFileSync(join(import.meta.dirname, '../../scenarios/false-flag.yaml'), 'utf8')), { strategies: ['hawk', 'dove'], seeds: '1..3' });
    const written = readResults(text('standings.csv').replace(/^strategy/, 'run'), 'csv').rows;
    expect(written.map((s) => [s.run, s.meanWelfare, s.sdWelfare, s.meanPeakRung, s.calmShare])).toEqual(api.standings.map((s) => [s.strategy, s.meanWelfare, s.sdWelfare, s.meanPeakRung, s.calmShare]));
  });
});

describe('sweep --resume leaves a file it refuses as it was', () => {
  it('a file that is not this sweep\'s, ending without a line break, is not cut', () => {
    const args = ['sweep', 'false-flag', '--seeds', '1..2', '--workers', '1', '--resume'];
    // Two lines: refused as another sweep's, but only after its last line had been cut off.
    writeFileSync(file('notes.csv'), 'my notes\nthe last line, unsaved');
    expectInputError(detente(...args, '--out', 'notes.csv'), /notes\.csv: 1 problem\n {2}- line 1: expected a header line starting with 'run'/);
    expect(text('notes.csv')).toBe('my notes\nthe last line, unsaved');
    // One line: taken for a torn header, cut, and replaced by the sweep's results (exit 0).
    writeFileSync(file('one-line.csv'), 'a note without a line break');
    expectInputError(detente(...args, '--out', 'one-line.csv'), /one-line\.csv ends with 'a note without a line break' without a line break, which is not part of a results header: not a results file of this sweep \(left as it was\)/);
    expect(text('one-line.csv')).toBe('a note without a line break');
    writeFileSync(file('one-line.jsonl'), 'a note');
    expectInputError(detente(...args, '--out', 'one-line.jsonl'), /which is not part of a results row/);
    expect(text('one-line.jsonl')).toBe('a note');
    // A results file of this sweep with a torn row, or a torn header, is still repaired and finished.
    const whole = detente('sweep', 'false-flag', '--seeds', '1..2', '--workers', '1');
    expect(whole.status).toBe(0);
    const [header, first] = whole.stdout.split('\n');
    writeFileSync(file('torn-row.csv'), `${header}\n${(first as string).slice(0, 9)}`);
    writeFileSync(file('torn-header.csv'), (header as string).slice(0, 12));
    for (const name of ['torn-row.csv', 'torn-header.csv']) {
      const r = detente(...args, '--out', name);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/cut a torn last line/);
      expect(text(name)).toBe(whole.stdout);
    }
  });

  it('a run twice in the file (two sweeps appended at once) is not resumed, and not summarised', () => {
    const args = ['sweep', 'false-flag', '--seeds', '1..2', '--workers', '1', '--resume'];
    const [header, first] = detente('sweep', 'false-flag', '--seeds', '1..2', '--workers', '1').stdout.split('\n');
    writeFileSync(file('twice.csv'), `${header}\n${first}\n${first}\n`);
    expectInputError(detente(...args, '--out', 'twice.csv'), /twice\.csv holds run p0-s1 twice \(did two sweeps write to it at once\?\): 'detente merge twice\.csv --out <new file>' keeps each run once/);
    expectInputError(detente('summarize', 'twice.csv'), /line 3, column run: expected each run once \(run p0-s1 is also line 2\)/);
    expect(text('twice.csv')).toBe(`${header}\n${first}\n${first}\n`);
  });
});
