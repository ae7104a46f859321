// Results files given to summarize and merge that are not what they should be: each is an input
// error (exit 2) naming the file and what was expected, never an "unexpected error".
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, expectInputError } from '../helpers/cli.js';
import { formatRow, readResults } from '../../src/index.js';
import type { SweepRow } from '../../src/index.js';

const { tmp, detente } = cliHarness('detente-inputs-');
const file = (name: string) => join(tmp, name);

// The results files the tests read: a plain sweep, and one with series.
beforeAll(() => {
  expect(detente('sweep', 'false-flag', '--workers', '1', '--quiet', '--seeds', '1..2', '--out', 'runs.csv').status).toBe(0);
  expect(detente('sweep', 'false-flag', '--workers', '1', '--quiet', '--seeds', '1..2', '--series', '--out', 'series.csv').status).toBe(0);
});

describe('results inputs that are not files', () => {
  it('a directory given to summarize or merge is refused by name (it was "unexpected error: EISDIR", exit 1)', () => {
    mkdirSync(file('parts.csv'));
    const refused = /'parts\.csv' is a directory, not a results file/;
    expectInputError(detente('summarize', 'parts.csv'), refused);
    expectInputError(detente('merge', 'runs.csv', 'parts.csv'), refused);
    expectInputError(detente('merge', 'runs.csv', 'parts.csv', '--out', 'merged.csv'), refused);
  });
});

describe('summarize names the file and the flag of what it refuses', () => {
  it('--metrics a column of ids or series: the flag, the file and the value (it was "rows[0].run: expected a finite number", no file)', () => {
    expectInputError(detente('summarize', 'series.csv', '--metrics', 'peakRung,series.operations'), /^detente: --metrics series\.operations: not a column of numbers in series\.csv \(run p0-s1 has a per-round series\); summarize takes metric columns, e\.g\. peakRung,totalWelfare\n$/);
    expectInputError(detente('summarize', 'series.csv', '--metrics', 'run'), /^detente: --metrics run: not a column of numbers in series\.csv \(run p0-s1 has 'p0-s1'\)/);
    expectInputError(detente('summarize', 'series.csv', '--metrics', 'scenario'), /--metrics scenario: not a column of numbers in series\.csv \(run p0-s1 has 'false-flag@[0-9a-f]{16}'\)/);
    // Columns of numbers that are not metrics are still summarised.
    const seeds = detente('summarize', 'series.csv', '--metrics', 'seed', '--format', 'csv');
    expect(seeds.status).toBe(0);
    expect(seeds.stdout.split('\n')[1]).toMatch(/^seed,2,1\.5,/);
  });

  it('a column named twice in --by or --metrics, or an empty --metrics, --by, --roles or --strategies: a usage error (it printed a row or a group column twice, or an empty table with exit 0)', () => {
    expectInputError(detente('summarize', 'runs.csv', '--metrics', 'peakRung,peakRung'), /^detente: --metrics peakRung is given twice: give each metric once\n$/);
    expectInputError(detente('summarize', 'runs.csv', '--by', 'seed,seed', '--format', 'csv'), /^detente: --by seed is given twice: give each column once\n$/);
    expectInputError(detente('summarize', 'runs.csv', '--by', 'mechanism.detection.scale,mechanisms.detection.scale'), /^detente: --by mechanisms\.detection\.scale is given twice \(as mechanism\.detection\.scale and mechanisms\.detection\.scale\): give each column once\n$/);
    for (const empty of ['', ',']) expectInputError(detente('summarize', 'runs.csv', '--metrics', empty), /^detente: --metrics needs at least one metric column, e\.g\. peakRung,totalWelfare \(leave it out for every metric\)\n$/);
    // An unset shell variable in --by summarised every run as one group, without a word.
    for (const empty of ['', ',', ' , ']) expectInputError(detente('summarize', 'runs.csv', '--by', empty), /^detente: --by needs at least one column, e\.g\. seed \(leave it out for one group\)\n$/);
    for (const empty of ['', ',']) expectInputError(detente('tournament', 'false-flag', '--strategies', 'hawk,dove', '--roles', empty, '--seeds', '1', '--workers', '1'), /^detente: --roles needs at least one actor id, e\.g\. US,CN \(leave it out for every state actor\)\n$/);
    expectInputError(detente('tournament', 'false-flag', '--strategies', ',', '--seeds', '1', '--workers', '1'), /^detente: tournament needs --strategies, e\.g\. --strategies hawk,dove,tit-for-tat\n$/);
  });

  it('a run given twice: the message names the file and both lines (it named rows[1] and rows[0], indices nobody could look up)', () => {
    const [header, first, second] = readFileSync(file('series.csv'), 'utf8').split('\n');
    writeFileSync(file('twice.csv'), `${header}\n${first}\n${first}\n`);
    expectInputError(detente('summarize', 'twice.csv'), /^detente: twice\.csv: 1 problem\n {2}- line 3, column run: expected each run once \(run p0-s1 is also line 2\), received 'p0-s1' again\n$/);
    // A quoted cell over two lines: a row is named by the line it starts on.
    const split = (row: string) => row.replace(/,(false-flag@[0-9a-f]+)(,|$)/, ',"$1\nsecond line"$2');
    expect(split(first as string)).toContain('\nsecond line"');
    writeFileSync(file('twice-quoted.csv'), `${header}\n${split(first as string)}\n${second}\n${split(first as string)}\n`);
    expectInputError(detente('summarize', 'twice-quoted.csv'), /^detente: twice-quoted\.csv: 1 problem\n {2}- line 5, column run: expected each run once \(run p0-s1 is also line 2\)/);
    // JSON Lines: the line of each object (a blank line is skipped, but counted).
    const rows = readResults(readFileSync(file('runs.csv'), 'utf8'), 'csv');
    const json = (k: number) => formatRow(rows.rows[k] as SweepRow, rows.columns, 'jsonl');
    writeFileSync(file('twice.jsonl'), `${json(0)}\n${json(1)}${json(0)}`);
    expectInputError(detente('summarize', 'twice.jsonl'), /^detente: twice\.jsonl: 1 problem\n {2}- line 4, column run: expected each run once \(run p0-s1 is also line 1\)/);
  });
});

describe('control characters in a results file are shown, not sent to the terminal', () => {
  const ESC = '\u001b';
  it('in the table of summarize --by and in the messages about the file', () => {
    // A parameter cell that colours the screen, one that plants a link: printed raw before.
    writeFileSync(file('esc.csv'), `run,actors.A.strategy,peakRung\np0-s1,${ESC}[31mred,1\np0-s2,${ESC}]8;;http://x${ESC}\\link,2\n`);
    const table = detente('summarize', 'esc.csv', '--by', 'actors.A.strategy');
    expect(table.status).toBe(0);
    expect(table.stdout).not.toContain(ESC);
    expect(table.stdout).toContain('<U+001B>[31mred');
    expect(table.stdout).toContain('<U+001B>]8;;http://x<U+001B>\\link');
    // A damaged metric cell, quoted in the error.
    writeFileSync(file('esc-cell.csv'), `run,peakRung\np0-s1,${ESC}[2J\n`);
    expectInputError(detente('summarize', 'esc-cell.csv'), /line 2, column peakRung: expected a finite number or an empty cell, received '<U\+001B>\[2J'/);
    expect(detente('summarize', 'esc-cell.csv').stderr).not.toContain(ESC);
    // A torn last line that is no results line, quoted by --resume.
    writeFileSync(file('esc-torn.csv'), `${ESC}[2Jnotes`);
    const torn = detente('sweep', 'false-flag', '--seeds', '1', '--workers', '1', '--out', 'esc-torn.csv', '--resume');
    expectInputError(torn, /esc-torn\.csv ends with '<U\+001B>\[2Jnotes' without a line break/);
    expect(torn.stderr).not.toContain(ESC);
    // Columns of another sweep, listed by --resume.
    writeFileSync(file('esc-columns.csv'), `run,${ESC}[2J\n`);
    const columns = detente('sweep', 'false-flag', '--seeds', '1', '--workers', '1', '--out', 'esc-columns.csv', '--resume');
    expectInputError(columns, /esc-columns\.csv was written by a different sweep \(other columns: unexpected <U\+001B>\[2J; missing point/);
    expect(columns.stderr).not.toContain(ESC);
    // Run ids and scenario tags of shards that do not match, quoted by merge.
    const runs = readFileSync(file('runs.csv'), 'utf8').split('\n');
    const forged = runs.map((l, k) => (k === 2 ? l.replace(/,false-flag@[0-9a-f]{16},/, `,${ESC}[2Jother@1,`) : l)).join('\n');
    writeFileSync(file('forged.csv'), forged);
    const merged = detente('merge', 'runs.csv', 'forged.csv');
    expectInputError(merged, /run p0-s2 differs between runs\.csv and forged\.csv|holds runs of scenario <U\+001B>\[2Jother@1/);
    expect(merged.stderr).not.toContain(ESC);
    const alone = detente('merge', 'forged.csv');
    expectInputError(alone, /forged\.csv holds runs of scenario <U\+001B>\[2Jother@1 \(run p0-s2\), forged\.csv of false-flag@[0-9a-f]{16}/);
    expect(alone.stderr).not.toContain(ESC);
  });
});

describe('an output that is not a regular file', () => {
  it('a pipe or a device at --out/--runs is refused, never removed or replaced (--force replaced /dev/null, as root, with a file)', () => {
    execFileSync('mkfifo', [file('pipe.csv')]);
    const refused = (flag: string) => new RegExp(`cannot write 'pipe\\.csv' \\(${flag}\\): it is not a regular file \\(a device, a pipe or a socket\\)`);
    expectInputError(detente('sweep', 'false-flag', '--seeds', '1', '--workers', '1', '--out', 'pipe.csv', '--force'), refused('--out'));
    // --resume read the pipe, waiting for a writer for ever.
    expectInputError(detente('sweep', 'false-flag', '--seeds', '1', '--workers', '1', '--out', 'pipe.csv', '--resume'), refused('--out'));
    expectInputError(detente('summarize', 'runs.csv', '--out', 'pipe.csv', '--force'), refused('--out'));
    expectInputError(detente('merge', 'runs.csv', '--out', 'pipe.csv', '--force'), refused('--out'));
    expectInputError(detente('tournament', 'false-flag', '--strategies', 'hawk', '--seeds', '1', '--workers', '1', '--runs', 'pipe.csv', '--force'), refused('--runs'));
    expect(lstatSync(file('pipe.csv')).isFIFO()).toBe(true);
  });
});
