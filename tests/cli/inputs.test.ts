// What the commands read from the command line and the current folder: --rounds within the
// limits of a scenario's rounds field, a folder never taken for a scenario, a size over the limit
// shown so that it visibly exceeds it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const { tmp, detente } = cliHarness('detente-inputs-');

describe('--rounds', () => {
  it.each([
    ['run', ['run', duelFixture]],
    ['report', ['report', duelFixture, '--md', 'r.md']],
    ['play', ['play', duelFixture, '--as', 'US']],
  ])('%s: from 1 to 100000, as in a scenario file', (_command, args) => {
    for (const n of ['0', '100001', '9007199254740991']) {
      expectInputError(detente(...args, '--rounds', n), new RegExp(`--rounds must be a whole number from 1 to 100000, not '${n}'`));
    }
  });
});

describe('--seed', () => {
  it.each([
    ['run', ['run', duelFixture]],
    ['report', ['report', duelFixture, '--md', 'r.md']],
    ['play', ['play', duelFixture, '--as', 'US']],
  ])("%s: an empty --seed is a usage error naming the flag, not the engine's 'seed' field", (_command, args) => {
    const r = detente(...args, '--seed', '');
    expectInputError(r, /--seed must be a whole number or a non-empty text, not ''/);
    expect(r.stderr).not.toMatch(/problem/);
  });
});

describe('a scenario named on the command line', () => {
  it('a folder of the same name as a bundled scenario does not hide it', () => {
    mkdirSync(join(tmp, 'gge-2015'));
    const r = detente('validate', 'gge-2015');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: .*scenarios[\\/]gge-2015\.yaml — gge-2015:/);
    // A path to the folder is still a folder.
    expectInputError(detente('validate', './gge-2015'), /expected a scenario file \(\.yaml, \.yml or \.json\), received a directory/);
  });

  it.each([
    ['validate', ['validate']],
    ['run', ['run']],
    ['report', ['report', '--md', 'r.md']],
    ['play', ['play', '--as', 'US']],
    ['sweep', ['sweep', '--seeds', '1']],
    ['tournament', ['tournament', '--strategies', 'tit-for-tat', '--seeds', '1']],
  ])('%s: a misspelt bundled name, or one with an extension, gets a "did you mean"', (_command, [command, ...rest]) => {
    const run = (name: string) => detente(command as string, name, ...rest);
    expectInputError(run('us-china-2016'), /received nothing at 'us-china-2016' \(did you mean 'us-china-2015'\?\)/);
    expectInputError(run('gge-2015.yaml'), /received nothing at 'gge-2015\.yaml' \(did you mean 'gge-2015'\?\)/);
    // A path names a file, and a name far from every bundled one gets no guess.
    for (const name of ['./us-china-2016', 'zzz']) expect(run(name).stderr).not.toMatch(/did you mean/);
  });

  it.each([
    ['validate', ['validate', '']],
    ['run', ['run', '']],
    ['report', ['report', '', '--md', 'r.md']],
    ['play', ['play', '', '--as', 'US']],
    ['sweep', ['sweep', '', '--seeds', '1']],
    ['tournament', ['tournament', '', '--strategies', 'tit-for-tat', '--seeds', '1']],
  ])("%s: an empty scenario name is refused as one, not as the current folder ('a directory')", (_command, args) => {
    const r = detente(...args);
    expectInputError(r, /the scenario is an empty name: give a file, or one of: .*us-china-2015/);
    expect(r.stderr).not.toMatch(/directory/);
  });

  // /proc/self/mem is a file stat sees and reading refuses (EIO), as a file without read permission
  // does for a user other than root.
  it.skipIf(!existsSync('/proc/self/mem'))('a file that cannot be read is named, with the reason, not an unexpected error', () => {
    for (const args of [['validate', '/proc/self/mem'], ['run', '/proc/self/mem'], ['report', '/proc/self/mem', '--md', 'r.md']]) {
      const r = detente(...args);
      expectInputError(r, /^detente: \/proc\/self\/mem: 1 problem\n {2}- \(file\): expected a readable scenario file, received cannot read it \(EIO\)\n$/);
    }
  });

  it('a file a few bytes over the 5 MiB limit is shown in bytes', () => {
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(5 * 1024 * 1024 + 1)}`);
    expectInputError(detente('validate', big), /expected at most 5 MiB \(5242880 bytes\) of scenario, received 5242883 bytes/);
  });
});

describe('a saved run or game that is not valid JSON', () => {
  // As for a scenario file: the line and column where it breaks, and V8's reason without its quote
  // of the file's text ('..."[],\n "x": NaN}" is not valid JSON'), which ran across lines.
  it.each([
    ['report (a saved run)', 'run.json', '{"log": [],\n "x": NaN}', ['--md', 'r.md'], /run\.json: 1 problem\n {2}- line 2, column 7: expected valid JSON, received Unexpected token 'N'\n$/],
    ['report (a saved run, cut short)', 'cut.json', '{"log": [\n  {"type": "round"', ['--md', 'r.md'], /cut\.json: 1 problem\n {2}- line 2, column 19: expected valid JSON, received .*\n$/],
    ['play --resume (a saved game)', 'game.json', '{"version": 1,\n "x": NaN}', [], /game\.json is not a saved Détente game: not JSON \(line 2, column 7: Unexpected token 'N'\)\n$/],
    ['play --resume (a saved game with a byte-order mark)', 'bom.json', '\uFEFF{"version": 1,\n "x": NaN}', [], /bom\.json is not a saved Détente game: not JSON \(line 2, column 7: Unexpected token 'N'\)\n$/],
  ])('%s: the line and column, not a quote of the file', (command, file, text, flags, message) => {
    writeFileSync(join(tmp, file), text);
    const r = command.startsWith('report') ? detente('report', file, ...flags) : detente('play', '--resume', file);
    expectInputError(r, message);
    expect(r.stderr).not.toMatch(/is not valid JSON|position/);
  });
});

describe('a file saved as UTF-16 (Notepad\'s "Unicode")', () => {
  // Read as UTF-8 it was two replacement characters and a NUL between letters: "expected an
  // object, received "��#\u0000 \u0000A…"", or a JSON syntax error, or a torn CSV line.
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const said = /1 problem\n {2}- \(file\): expected UTF-8 text, received UTF-16 text \(a NUL byte between characters\) \(save the file again as UTF-8/;
  it.each([
    ['validate (a scenario)', 'u16.yaml', 'name: x\nrounds: 2\nactors: [{ id: A }, { id: B }]\n', ['validate', 'u16.yaml']],
    ['report (a saved run)', 'u16-run.json', '{"log": []}', ['report', 'u16-run.json', '--md', 'r.md']],
    ['summarize (results)', 'u16.csv', 'run,point,seed\n', ['summarize', 'u16.csv']],
  ])('%s: says so, and how to save it again', (_command, file, text, args) => {
    writeFileSync(join(tmp, file), utf16(text));
    expectInputError(detente(...args), new RegExp(`${file.replace('.', '\\.')}: ${said.source}`));
  });

  it('play --resume: says so', () => {
    writeFileSync(join(tmp, 'u16-game.json'), utf16('{"format": "detente-play"}'));
    expectInputError(detente('play', '--resume', 'u16-game.json'), /u16-game\.json is not a saved Détente game: UTF-16 text \(a NUL byte between characters\): save the file again as UTF-8/);
  });

  it('a NUL byte in a scenario is binary data, said with where', () => {
    writeFileSync(join(tmp, 'nul.yaml'), 'name: x\u0000\n');
    expectInputError(detente('validate', 'nul.yaml'), /nul\.yaml: 1 problem\n {2}- \(file\): expected UTF-8 text, received a NUL byte at character 8: binary data, not text\n$/);
  });
});

describe('an option given twice', () => {
  it.each([
    ['run', ['run', duelFixture, '--seed', '1', '--seed=2'], /--seed is given twice, '1' then '2': give it once/],
    ['report', ['report', duelFixture, '--md', 'a.md', '--md', 'b.md'], /--md is given twice, 'a\.md' then 'b\.md': give it once/],
    ['play', ['play', duelFixture, '--as', 'US', '--as', 'CN'], /--as is given twice, 'US' then 'CN': give it once/],
    ['sweep', ['sweep', duelFixture, '--seeds', '1..10', '--seeds', '1..5', '--quiet'], /--seeds is given twice, '1\.\.10' then '1\.\.5': give it once/],
    ['tournament', ['tournament', duelFixture, '--strategies', 'hawk,dove', '--seeds', '1', '--workers', '1', '--workers', '2'], /--workers is given twice, '1' then '2': give it once/],
    ['summarize', ['summarize', 'r.csv', '--by', 'a', '--by', 'b'], /--by is given twice, 'a' then 'b': give it once/],
    ['merge', ['merge', 'r.csv', '--out', 'a.csv', '--out', 'b.csv'], /--out is given twice, 'a\.csv' then 'b\.csv': give it once/],
  ])('%s: with two different values is a usage error (the last one was kept silently)', (_command, args, message) => {
    expectInputError(detente(...args), message);
  });

  it('the same value twice, and an option meant to repeat (--set), are taken', () => {
    const r = detente('sweep', duelFixture, '--seeds', '1..2', '--seeds', '1..2', '--set', 'actors.US.strategy=hawk', '--set', 'actors.CN.strategy=dove', '--workers', '1', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });
});
