// Files the commands write: checked before any work (a folder that does not exist, a folder in
// place of a file, an input of the command, two outputs that are one file, an existing file
// without --force), reported with the user's path (exit code 2), and never half-written.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputs, outputProblem, writeFilesAtomic } from '../../src/cli/files.js';
import { UsageError } from '../../src/cli/run.js';
import { cli, cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const { tmp, detente } = cliHarness('detente-outputs-');
const file = (name: string) => join(tmp, name);
/** Temporary files (".name.pid.tmp") left anywhere in the test folder. */
const temps = () => readdirSync(tmp, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));

describe('an output file that cannot be written', () => {
  it.each([
    ['in a folder that does not exist', '/nonexist/dir/x.txt', /cannot write '\/nonexist\/dir\/x\.txt' \(--out\): no such directory '\/nonexist\/dir'/],
    ['that is a folder', 'adir', /cannot write 'adir' \(--out\): it is a directory/],
    ['with an empty name', '', /cannot write '' \(--out\): an empty file name/],
    ['under a file', 'plain.txt/x.txt', /cannot write 'plain\.txt\/x\.txt' \(--out\): 'plain\.txt' is not a directory/],
  ])('run --out %s: exit code 2 naming the path and why, no temporary file left', (_what, out, message) => {
    mkdirSync(file('adir'), { recursive: true });
    writeFileSync(file('plain.txt'), 'x');
    const r = detente('run', duelFixture, '--out', out);
    expectInputError(r, message);
    expect(r.stderr).not.toMatch(/\.tmp|unexpected error|ENOENT|EISDIR/);
    expect(temps()).toEqual([]);
  });

  it('a pipe at run --out, play --save or report --html is refused and left a pipe (as root, a device there became a regular file)', () => {
    const pipe = file('pipe.out');
    if (!existsSync(pipe)) spawnSync('mkfifo', [pipe]);
    const refused = (flag: string) => new RegExp(`cannot write 'pipe\\.out' \\(${flag}\\): it is not a regular file \\(a device, a pipe or a socket\\)`);
    expectInputError(detente('run', duelFixture, '--out', 'pipe.out'), refused('--out'));
    expectInputError(detente('report', duelFixture, '--html', 'pipe.out'), refused('--html'));
    expectInputError(detente('play', duelFixture, '--as', 'US', '--save', 'pipe.out'), refused('--save'));
    expect(outputProblem(pipe)).toMatch(/^it is not a regular file/);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(temps()).toEqual([]);
  });

  it('an output that is a symbolic link is written through it: the link stays, its target gets the output (a link to /dev/stdout became a regular file)', () => {
    writeFileSync(file('real.json'), '{}');
    symlinkSync('real.json', file('link.json'));
    expect(detente('run', duelFixture, '--rounds', '1', '--format', 'json', '--out', 'link.json').status).toBe(0);
    expect(lstatSync(file('link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(file('real.json'), 'utf8'))).toHaveProperty('log');
    if (existsSync('/proc/self/fd/1')) {
      // As /dev/stdout is: the output reaches the file standard output was sent to.
      symlinkSync('/proc/self/fd/1', file('stdout-link'));
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" run "${duelFixture}" --rounds 1 --format json --out stdout-link > redirected.txt`], { cwd: tmp, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(lstatSync(file('stdout-link')).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(file('redirected.txt'), 'utf8'))).toHaveProperty('log');
    }
    expect(temps()).toEqual([]);
  });

  it('is named with its reason by outputProblem, and a write that fails all the same names the path, not the temporary file', () => {
    expect(outputProblem(file('fine.txt'))).toBeUndefined();
    expect(outputProblem(tmp)).toBe('it is a directory');
    // The check passes, then the folder disappears before the write (as another process might do it).
    expect(() => writeFilesAtomic([{ path: join(tmp, 'gone', 'x.txt'), text: 'x' }])).toThrow(new UsageError(`cannot write '${join(tmp, 'gone', 'x.txt')}': no such directory '${join(tmp, 'gone')}'`));
    expect(temps()).toEqual([]);
  });

  it('a temporary file that cannot be made beside a fine target is named as such, not as the target', () => {
    // A folder where the temporary file would go (left by a crash, or made on purpose).
    const tmpName = `.blocked.txt.${process.pid}.tmp`;
    mkdirSync(file(tmpName), { recursive: true });
    expect(() => writeFilesAtomic([{ path: file('blocked.txt'), text: 'x' }])).toThrow(new UsageError(`cannot write '${file('blocked.txt')}': its temporary file '${file(tmpName)}' cannot be written: it is a directory`));
    expect(existsSync(file('blocked.txt'))).toBe(false);
    rmSync(file(tmpName), { recursive: true });
  });

  it('a set of files written together: when the second cannot replace its target, the first is put back as it was', () => {
    writeFileSync(file('kept.csv'), 'the earlier runs\n');
    // The check passed, then a folder with something in it took the second name.
    mkdirSync(file('late.csv'), { recursive: true });
    writeFileSync(file('late.csv/inside'), 'x');
    expect(() => writeFilesAtomic([{ path: file('kept.csv'), text: 'new runs\n' }, { path: file('late.csv'), text: 'standings' }])).toThrow(/cannot write '.*late\.csv'/);
    expect(readFileSync(file('kept.csv'), 'utf8')).toBe('the earlier runs\n');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp') || f.endsWith('.old'))).toEqual([]);
    // And when both go in, no second name is left behind.
    rmSync(file('late.csv'), { recursive: true });
    writeFilesAtomic([{ path: file('kept.csv'), text: 'new runs\n' }, { path: file('late.csv'), text: 'standings' }]);
    expect(readFileSync(file('kept.csv'), 'utf8')).toBe('new runs\n');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp') || f.endsWith('.old'))).toEqual([]);
  });

  it('a set of files written together: when the second cannot be written, neither is', () => {
    mkdirSync(file('taken.md'), { recursive: true });
    expect(() => writeFilesAtomic([{ path: file('first.html'), text: 'a' }, { path: file('taken.md'), text: 'b' }])).toThrow(/cannot write '.*taken\.md': it is a directory/);
    expect(existsSync(file('first.html'))).toBe(false);
    expect(temps()).toEqual([]);
  });

  it('report checks --html and --md before writing either', () => {
    const r = detente('report', duelFixture, '--html', 'ok.html', '--md', '/nonexist/x.md');
    expectInputError(r, /cannot write '\/nonexist\/x\.md' \(--md\): no such directory '\/nonexist'/);
    expect(existsSync(file('ok.html'))).toBe(false);
  });

  it('play --save is checked before the first round', () => {
    const r = detente('play', duelFixture, '--as', 'US', '--save', '/nonexist/g.json');
    expectInputError(r, /cannot write '\/nonexist\/g\.json' \(--save\): no such directory '\/nonexist'/);
    mkdirSync(file('gamedir'), { recursive: true });
    expectInputError(detente('play', duelFixture, '--as', 'US', '--save', 'gamedir'), /cannot write 'gamedir' \(--save\): it is a directory/);
  });

  it("play's save command at the prompt explains a file it cannot write, and the prompt comes back", () => {
    const r = spawnSync(process.execPath, [cli, 'play', duelFixture, '--as', 'US'], { cwd: tmp, encoding: 'utf8', input: 'save /nonexist/dir/x.json\nsave saved.json\nquit\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/> save \/nonexist\/dir\/x\.json\ncannot write '\/nonexist\/dir\/x\.json' \(save\): no such directory '\/nonexist\/dir'\nUS r0 operations> save saved\.json\n/);
    expect(existsSync(file('saved.json'))).toBe(true);
  });
});

describe('two outputs, or an output and an input, that are one file', () => {
  it('report: --html and --md compared as resolved paths', () => {
    const r = detente('report', duelFixture, '--html', 'same.html', '--md', './same.html');
    expectInputError(r, /--html and --md must be different files \(both are '.*same\.html'\)/);
    expect(existsSync(file('same.html'))).toBe(false);
  });

  it('tournament: --out and --runs', () => {
    expectInputError(detente('tournament', duelFixture, '--strategies', 'hawk,dove', '--roles', 'US', '--seeds', '1', '--out', 't.csv', '--runs', `${tmp}/t.csv`), /--out and --runs must be different files/);
  });

  it('an input is never written over, by any command', () => {
    writeFileSync(file('scenario.yaml'), readFileSync(duelFixture));
    const scenario = readFileSync(file('scenario.yaml'), 'utf8');
    const refused = /will not write '.*' \((--out|--html|--md|--save|--runs)\): it is an input of this command/;
    expectInputError(detente('run', 'scenario.yaml', '--out', './scenario.yaml'), refused);
    expectInputError(detente('report', 'scenario.yaml', '--md', 'scenario.yaml'), refused);
    // A bundled scenario's file, known only once its name is resolved; a saved run read as input.
    expectInputError(detente('report', 'us-china-2015', '--md', join(import.meta.dirname, '../../scenarios/us-china-2015.yaml')), refused);
    expect(detente('run', 'scenario.yaml', '--format', 'json', '--out', 'run.json').status).toBe(0);
    const run = readFileSync(file('run.json'), 'utf8');
    expectInputError(detente('report', 'run.json', '--html', 'ok.html', '--md', './run.json'), refused);
    expect(readFileSync(file('run.json'), 'utf8')).toBe(run);
    expect(existsSync(file('ok.html'))).toBe(false);
    expectInputError(detente('play', 'scenario.yaml', '--as', 'US', '--save', 'scenario.yaml'), refused);
    expectInputError(detente('sweep', 'scenario.yaml', '--seeds', '1', '--out', 'scenario.yaml', '--resume'), refused);
    expectInputError(detente('tournament', 'scenario.yaml', '--strategies', 'hawk,dove', '--roles', 'US', '--seeds', '1', '--runs', 'scenario.yaml', '--force'), refused);
    expect(readFileSync(file('scenario.yaml'), 'utf8')).toBe(scenario);

    expect(detente('sweep', duelFixture, '--seeds', '1..3', '--workers', '1', '--out', 'victim.csv').status).toBe(0);
    const results = readFileSync(file('victim.csv'), 'utf8');
    expectInputError(detente('summarize', 'victim.csv', '--out', 'victim.csv', '--force'), refused);
    expectInputError(detente('merge', 'victim.csv', '--out', `${tmp}/victim.csv`, '--force'), refused);
    expect(readFileSync(file('victim.csv'), 'utf8')).toBe(results);
  });

  it('checkOutputs compares the same file reached by two names', () => {
    writeFileSync(file('a.txt'), 'x');
    expect(() => checkOutputs([{ flag: '--out', path: file('a.txt') }], { inputs: [join(tmp, '.', 'adir', '..', 'a.txt')] })).toThrow(/it is an input of this command/);
  });
});

describe('an existing output file', () => {
  it('summarize, merge and tournament refuse to replace it without --force, and replace it with --force', () => {
    expect(detente('sweep', duelFixture, '--seeds', '1..4', '--workers', '1', '--out', 'r.csv').status).toBe(0);
    writeFileSync(file('keep.csv'), 'precious\n');
    const exists = /'keep\.csv' \(--(out|runs)\) already exists: pass --force to replace it, or choose another file/;
    expectInputError(detente('summarize', 'r.csv', '--out', 'keep.csv'), exists);
    expectInputError(detente('merge', 'r.csv', '--out', 'keep.csv'), exists);
    expectInputError(detente('tournament', duelFixture, '--strategies', 'hawk,dove', '--roles', 'US', '--seeds', '1', '--runs', 'keep.csv'), exists);
    expect(readFileSync(file('keep.csv'), 'utf8')).toBe('precious\n');

    const forced = detente('summarize', 'r.csv', '--out', 'keep.csv', '--force', '--format', 'csv');
    expect(forced.status).toBe(0);
    expect(readFileSync(file('keep.csv'), 'utf8')).toMatch(/^metric,n,mean,/);
  });

  it('sweep: --force starts an existing --out over; with --resume it is a contradiction', () => {
    writeFileSync(file('old.csv'), 'not a results file\n');
    expectInputError(detente('sweep', duelFixture, '--seeds', '1..2', '--out', 'old.csv'), /old\.csv already exists: pass --resume to run only its missing runs, --force to replace it/);
    expectInputError(detente('sweep', duelFixture, '--seeds', '1..2', '--out', 'old.csv', '--force', '--resume'), /--force starts the --out file over and --resume continues it/);
    const r = detente('sweep', duelFixture, '--seeds', '1..2', '--workers', '1', '--out', 'old.csv', '--force');
    expect(r.status).toBe(0);
    expect(readFileSync(file('old.csv'), 'utf8')).toBe(detente('sweep', duelFixture, '--seeds', '1..2', '--workers', '1').stdout);
  });
});

describe('the format of a results file follows its name', () => {
  it('sweep refuses a --format that contradicts the --out extension, so summarize and merge can read what it writes', () => {
    expectInputError(detente('sweep', duelFixture, '--seeds', '1..3', '--out', 'fm.csv', '--format', 'jsonl'), /--format jsonl contradicts --out fm\.csv, which is read back as CSV/);
    expectInputError(detente('sweep', duelFixture, '--seeds', '1..3', '--out', 'fm.jsonl', '--format', 'csv'), /--format csv contradicts --out fm\.jsonl, which is read back as JSON Lines/);
    expect(existsSync(file('fm.csv'))).toBe(false);
    expect(detente('sweep', duelFixture, '--seeds', '1..3', '--workers', '1', '--out', 'fm.jsonl', '--format', 'jsonl').status).toBe(0);
    expect(detente('summarize', 'fm.jsonl').status).toBe(0);
  });

  it('tournament --runs writes JSON Lines to a .jsonl file, which summarize reads', () => {
    const r = detente('tournament', duelFixture, '--strategies', 'hawk,dove', '--roles', 'US', '--seeds', '1..2', '--workers', '1', '--runs', 'runs.jsonl');
    expect(r.status).toBe(0);
    const lines = readFileSync(file('runs.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0] as string)).toHaveProperty('run');
    expect(detente('summarize', 'runs.jsonl').status).toBe(0);
  });
});
