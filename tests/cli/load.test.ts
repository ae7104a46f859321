// `--load FILE`: strategies of a user's own on the command line, in every command that plays or
// checks a scenario, and on a sweep's worker threads (each imports the module itself). Run in
// plain Node, so a module's import errors are Node's own.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvHeader, formatRow, parseScenario, sweep, sweepColumns, planSweep } from '../../src/index.js';
import { loadStrategies } from '../../src/node/strategy-modules.js';
import { takeLoadOptions } from '../../src/cli/load.js';
import { codeChange, modulesCell, readModulesCell, rowModules, sameCode } from '../../src/cli/sweep/modules-column.js';
import { UsageError } from '../../src/cli/run.js';
import { cli, cliHarness, duelFixture, expectInputError, packageVersion } from '../helpers/cli.js';

const modules = resolve(import.meta.dirname, '../node/fixtures/strategies.mjs');
const custom = resolve(import.meta.dirname, '../node/fixtures/custom.yaml');
const { tmp, detente } = cliHarness('detente-load-');

describe('takeLoadOptions', () => {
  it('takes --load FILE and --load=FILE out of the arguments, in order, and leaves the rest as they were', () => {
    expect(takeLoadOptions(['x.yaml', '--load', 'a.js', '--seed', '2', '--load=b.mjs'])).toEqual({ modules: ['a.js', 'b.mjs'], rest: ['x.yaml', '--seed', '2'] });
    expect(takeLoadOptions(['x.yaml'])).toEqual({ modules: [], rest: ['x.yaml'] });
  });
  it('stops at --: what follows is left to the command', () => {
    expect(takeLoadOptions(['--load', 'a.js', '--', '--load', 'b.js'])).toEqual({ modules: ['a.js'], rest: ['--', '--load', 'b.js'] });
  });
  it('needs a file after --load', () => {
    for (const args of [['--load'], ['--load='], ['--load', '--seed', '2'], ['--load', '']]) expect(() => takeLoadOptions(args)).toThrow(UsageError);
  });
});

describe('detente … --load FILE', () => {
  it('runs a scenario that names the strategies of the module; without --load, the error says how to give them', () => {
    const r = detente('run', custom, '--load', modules, '--rounds', '6');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/US (privately confronted|publicly blamed) CN/);
    expectInputError(detente('run', custom), /received "grudging"/, /a strategy of your own\? pass the module that exports it: --load FILE/);
  });

  it('validates and lists with the module: its strategies are listed with their description', () => {
    const v = detente('validate', custom, `--load=${modules}`);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^ok: .*custom-duel: 3 actors, 10 rounds/);
    const l = detente('list', '--load', modules);
    expect(l.status).toBe(0);
    expect(l.stdout).toMatch(/^grudging\s+yes\s+yes\s+no\s+yes\s+no\s+no\s+accuses what it is sure of, sometimes sanctions$/m);
    expect(l.stdout).toMatch(/^forgetful\s/m);
    expect(l.stdout).toMatch(/^hawk\s/m);
    expect(detente('list').stdout).not.toMatch(/grudging/);
  });

  it('sweeps on worker threads that import the module: the same bytes with 1 and 2 workers, the rows of the API', async () => {
    const args = ['sweep', custom, '--load', modules, '--seeds', '1..30', '--set', 'actors.US.strategy=grudging,forgetful,hawk', '--set', 'actors.CN.strategy.retaliateAt=0.5,0.9', '--quiet'];
    const one = detente(...args, '--workers', '1', '--out', 'one.csv');
    const two = detente(...args, '--workers', '2', '--out', 'two.csv');
    expect(one.stderr + two.stderr).toBe('');
    expect([one.status, two.status]).toEqual([0, 0]);
    const text = readFileSync(join(tmp, 'one.csv'), 'utf8');
    expect(readFileSync(join(tmp, 'two.csv'), 'utf8')).toBe(text);
    const registry = await loadStrategies(modules);
    const scenario = parseScenario(readFileSync(custom, 'utf8'), { source: custom, registry });
    const options = { seeds: '1..30', grid: { 'actors.US.strategy': ['grudging', 'forgetful', 'hawk'], 'actors.CN.strategy.retaliateAt': [0.5, 0.9] }, registry };
    // With --load, a column records the module's code (its file name and SHA-256's first 16 hex digits); the last, the version of detente.
    const columns = [...sweepColumns(planSweep(scenario, options)), 'modules', 'detente'];
    const code = `strategies.mjs@${createHash('sha256').update(readFileSync(modules)).digest('hex').slice(0, 16)}`;
    expect(text).toBe(csvHeader(columns) + sweep(scenario, options).map((row) => formatRow({ ...row, modules: code, detente: packageVersion }, columns, 'csv')).join(''));
    expect(text.split('\n').length).toBe(2 + 3 * 2 * 30);
  });

  it('checks a grid of its strategies and their parameters before any run', () => {
    expectInputError(detente('sweep', custom, '--load', modules, '--seeds', '1..3', '--set', 'actors.US.strategy.patience=-1,x', '--quiet'), /patience/);
    expectInputError(detente('sweep', custom, '--load', modules, '--seeds', '1..3', '--set', 'actors.US.strategy=grudgin', '--quiet'), /did you mean 'grudging'/);
  });

  it('plays a tournament of its strategies on worker threads', () => {
    const r = detente('tournament', custom, '--load', modules, '--strategies', 'grudging,forgetful,hawk', '--roles', 'US,CN', '--seeds', '1..4', '--workers', '2', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 strategies in roles US, CN — 9 assignments × 4 seeds = 36 runs/);
    for (const name of ['grudging', 'forgetful', 'hawk']) expect(r.stdout).toMatch(new RegExp(`^\\d+\\s+${name}\\s+24\\s`, 'm'));
  });

  it('reports a saved run of its strategies, which needs the module again to check the saved scenario', () => {
    expect(detente('run', custom, '--load', modules, '--format', 'json', '--out', 'run.json').status).toBe(0);
    const r = detente('report', 'run.json', '--load', modules, '--md', 'debrief.md');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(tmp, 'debrief.md'), 'utf8')).toMatch(/duel of strategies of one's own/);
    expectInputError(detente('report', 'run.json', '--md', 'again.md'), /received "grudging"/);
  });

  it('plays and resumes a game beside its strategies', () => {
    const play = (input: readonly string[], ...args: string[]) => spawnSync(process.execPath, [cli, 'play', ...args], { encoding: 'utf8', cwd: tmp, input: input.map((l) => `${l}\n`).join('') });
    const first = play(['pass', 'pass'], custom, '--load', modules, '--as', 'CN', '--rounds', '3', '--save', 'game.json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const resumed = play(Array.from({ length: 20 }, () => 'pass'), '--resume', 'game.json', '--load', modules);
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/Round 2/);
    const without = play(['pass'], '--resume', 'game.json');
    expect(without.status).toBe(2);
    expect(without.stderr).toMatch(/grudging/);
  });

  it('fails a sweep whose worker threads cannot import the module, with its error and without a stack trace (it crashed the process)', () => {
    const threadsOnly = resolve(import.meta.dirname, '../node/fixtures/threads-only.mjs');
    for (const workers of ['1', '2', '4']) {
      const r = detente('sweep', custom, '--load', threadsOnly, '--load', modules, '--seeds', '1..300', '--workers', workers, '--quiet', '--out', `threads-${workers}.csv`);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/threads-only\.mjs: 1 problem/);
      expect(r.stderr).toMatch(/this module refuses worker threads/);
      expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
    }
  });

  it('sweeps with a module given as a file: URL, as with its path', () => {
    const args = ['sweep', custom, '--seeds', '1..20', '--workers', '2', '--quiet'];
    const byUrl = detente(...args, '--load', pathToFileURL(modules).href);
    expect(byUrl.stderr).toBe('');
    expect(byUrl.status).toBe(0);
    expect(byUrl.stdout).toBe(detente(...args, '--load', modules).stdout);
  });

  it('ends when the command is done, even if the module left a timer running', () => {
    writeFileSync(join(tmp, 'ticking.mjs'), `setInterval(() => {}, 1000);\nexport { default } from ${JSON.stringify(pathToFileURL(modules).href)};\n`);
    for (const args of [['validate', custom], ['sweep', custom, '--seeds', '1..4', '--workers', '2', '--quiet']]) {
      const r = spawnSync(process.execPath, [cli, ...args, '--load', 'ticking.mjs'], { encoding: 'utf8', cwd: tmp, timeout: 30_000 });
      expect(r.error, 'still running after 30 s').toBeUndefined();
      expect(r.status).toBe(0);
    }
    const failing = spawnSync(process.execPath, [cli, 'run', duelFixture, '--rounds', 'x', '--load', 'ticking.mjs'], { encoding: 'utf8', cwd: tmp, timeout: 30_000 });
    expect(failing.error).toBeUndefined();
    expect(failing.status).toBe(2);
    // A second module that cannot be imported, after the first started its timer.
    writeFileSync(join(tmp, 'broken.mjs'), 'export default [;');
    const broken = spawnSync(process.execPath, [cli, 'validate', custom, '--load', 'ticking.mjs', '--load', 'broken.mjs'], { encoding: 'utf8', cwd: tmp, timeout: 30_000 });
    expect(broken.error).toBeUndefined();
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.mjs/);
  });

  it.skipIf(!existsSync('/dev/full'))('reports a standard output it cannot write (exit 1), as without --load', () => {
    const r = spawnSync('bash', ['-c', `"$NODE" "$CLI" list --load "$MODULES" > /dev/full`], { encoding: 'utf8', env: { ...process.env, NODE: process.execPath, CLI: cli, MODULES: modules } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write standard output/);
  });

  it('shows help whatever the modules, and says where --load goes when it comes first', () => {
    const help = detente('run', '--help', '--load', 'missing.mjs');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--load FILE/);
    expectInputError(detente('--load', modules, 'run', custom), /--load goes after the command/);
  });

  it('reports a run that threw as the run it was (the first in plan order), not as an unexpected error', () => {
    writeFileSync(join(tmp, 'thrower.mjs'), `export default { name: 'thrower', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false }, operate() { throw new Error('my bug'); }, diplomacy: () => [], respond: () => ({ type: 'ignore' }) };\n`);
    // Every run throws: the message names the first in plan order, whatever the threads' timing.
    for (const workers of ['1', '2', '2', '4', '4']) {
      const r = detente('sweep', duelFixture, '--load', 'thrower.mjs', '--set', 'actors.US.strategy=thrower', '--seeds', '1..40', '--workers', workers, '--quiet');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^detente: run p0-s1: .*my bug/);
      expect(r.stderr).not.toMatch(/unexpected/);
    }
  });

  it('hints at --load wherever a strategy name nobody registered is met: a grid, a tournament, a saved run', () => {
    const hint = /a strategy of your own\? pass the module that exports it: --load FILE/;
    expectInputError(detente('sweep', duelFixture, '--seeds', '1', '--set', 'actors.US.strategy=grudging', '--quiet'), /received 'grudging'/, hint);
    expectInputError(detente('tournament', duelFixture, '--strategies', 'grudging,hawk', '--seeds', '1', '--quiet'), /grudging/, hint);
    expect(detente('run', custom, '--load', modules, '--format', 'json', '--out', 'hinted.json').status).toBe(0);
    expectInputError(detente('report', 'hinted.json', '--md', 'hinted.md'), /received "grudging"/, hint);
  });

  it('never writes an output over a --load module: it is an input of the command', () => {
    writeFileSync(join(tmp, 'mine.mjs'), "export default { name: 'grudging', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false }, operate: () => [], diplomacy: () => [], respond: () => ({ type: 'ignore' }) };\n");
    const before = readFileSync(join(tmp, 'mine.mjs'), 'utf8');
    const input = /will not write 'mine\.mjs' \((--out|--save|--md)\): it is an input of this command/;
    expectInputError(detente('run', custom, '--load', 'mine.mjs', '--out', 'mine.mjs'), input);
    expectInputError(detente('sweep', custom, '--load', 'mine.mjs', '--seeds', '1', '--out', 'mine.mjs', '--force', '--quiet'), input);
    expectInputError(detente('tournament', custom, '--load', 'mine.mjs', '--strategies', 'grudging,hawk', '--seeds', '1', '--out', 'mine.mjs', '--force', '--quiet'), input);
    expectInputError(detente('report', custom, '--load', 'mine.mjs', '--md', 'mine.mjs'), input);
    expectInputError(detente('play', custom, '--load', 'mine.mjs', '--as', 'US', '--save', 'mine.mjs'), input);
    expect(readFileSync(join(tmp, 'mine.mjs'), 'utf8')).toBe(before);
  });

  it('says which strategies the --load modules register when the name is not among them', () => {
    // Not "pass the module": it was passed, and the name is not in it (a typo, or another module).
    const hint = /received 'sulky' \(not in your --load modules either, which register forgetful, grudging: check the name, or pass the module that exports it: --load FILE\)/;
    expectInputError(detente('sweep', custom, '--load', modules, '--seeds', '1', '--set', 'actors.US.strategy=sulky', '--quiet'), hint);
    writeFileSync(join(tmp, 'sulky.yaml'), readFileSync(custom, 'utf8').replace('strategy: grudging', 'strategy: sulky'));
    const run = detente('run', 'sulky.yaml', '--load', modules);
    expectInputError(run, /received "sulky" \(not in your --load modules either, which register forgetful, grudging:/);
    expect(run.stderr).not.toMatch(/a strategy of your own\?/);
  });

  it('gives a clear error, naming the file, for a module it cannot use', () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(tmp, name), text);
      return name;
    };
    expectInputError(detente('run', custom, '--load', 'missing.mjs'), /missing\.mjs/, /nothing at/);
    expectInputError(detente('run', custom, '--load', write('syntax.mjs', 'export default [;')), /syntax\.mjs/, /an error while importing it: Unexpected token/);
    expectInputError(detente('run', custom, '--load', write('typed.ts', 'const s: number = 1; export default s;')), /typed\.ts/, /a TypeScript file/, /node --import tsx/);
    expectInputError(detente('run', custom, '--load', write('named.mjs', 'export const grudging = 1;')), /named\.mjs/, /no default export \(it exports grudging\)/);
    expectInputError(detente('run', custom, '--load', write('hawk.mjs', "export default { name: 'hawk', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false }, operate() {}, diplomacy() {}, respond() {} };")), /'hawk', the name of a built-in strategy/);
    expectInputError(detente('run', custom, '--load'), /--load needs a file/);
    // The commands that play no scenario do not take it.
    expectInputError(detente('merge', 'a.csv', '--load', modules), /--load/);
  });
});

describe('the code of --load modules in a results file (the modules column)', () => {
  // A strategy of one's own whose behaviour is one number of its source: editing it changes the rows.
  const version = (rate: number) =>
    `export default { name: 'moody', meta: { stochastic: true, retaliatory: false, forgiving: true, attributionSensitive: false }, operate: (view, rng) => (rng.next() < ${rate} ? [] : []), diplomacy: (view, rng) => view.incidents.filter((i) => i.round === view.round && i.suspect !== null && rng.next() < ${rate}).map((i) => ({ type: 'accuse', target: i.suspect, incident: i.id, public: true })), respond: () => ({ type: 'deny' }) };\n`;
  const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  const sweepOf = (module: string, ...args: string[]) => detente('sweep', duelFixture, '--load', module, '--set', 'actors.US.strategy=moody', '--quiet', ...args);
  // The cells of the modules column (the last but the detente column).
  const lastCells = (file: string) => new Set(readFileSync(join(tmp, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').at(-2)));

  it('--resume refuses a file whose runs were computed with a module edited since, naming it and both digests, and leaves the file as it was', () => {
    mkdirSync(join(tmp, 'edit'));
    writeFileSync(join(tmp, 'edit/moody.mjs'), version(0.3));
    const first = sweepOf('edit/moody.mjs', '--seeds', '1..6', '--out', 'edit.csv');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const header = readFileSync(join(tmp, 'edit.csv'), 'utf8').split('\n')[0] as string;
    expect(header).toMatch(/,scenario,modules,detente$/);
    expect(lastCells('edit.csv')).toEqual(new Set([`moody.mjs@${sha(version(0.3))}`]));
    const before = readFileSync(join(tmp, 'edit.csv'), 'utf8');
    writeFileSync(join(tmp, 'edit/moody.mjs'), version(0.9));
    const resumed = sweepOf('edit/moody.mjs', '--seeds', '1..12', '--out', 'edit.csv', '--resume');
    expectInputError(resumed, new RegExp(`edit\\.csv holds runs computed with other code of your own: .*edit/moody\\.mjs has changed \\(sha256 ${sha(version(0.3))}… in edit\\.csv, ${sha(version(0.9))}… now\\)`), /would mix two versions of a strategy/);
    expect(readFileSync(join(tmp, 'edit.csv'), 'utf8')).toBe(before);
    // Put back as it was, it resumes.
    writeFileSync(join(tmp, 'edit/moody.mjs'), version(0.3));
    const again = sweepOf('edit/moody.mjs', '--seeds', '1..12', '--out', 'edit.csv', '--resume');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/6 of 12 runs already in edit\.csv; running 6/);
  });

  it('resumes with the same module named by another path or a link, keeping one modules cell, and gives the rows of an uninterrupted sweep', () => {
    mkdirSync(join(tmp, 'same'));
    writeFileSync(join(tmp, 'same/moody.mjs'), version(0.5));
    symlinkSync(join(tmp, 'same/moody.mjs'), join(tmp, 'same/link.mjs'));
    expect(sweepOf('same/moody.mjs', '--seeds', '1..3', '--out', 'same.csv').status).toBe(0);
    for (const [module, seeds] of [[join(tmp, 'same/moody.mjs'), '1..6'], ['same/link.mjs', '1..9'], [pathToFileURL(join(tmp, 'same/link.mjs')).href, '1..12']] as const) {
      const r = sweepOf(module, '--seeds', seeds, '--out', 'same.csv', '--resume');
      expect(r.status, r.stderr).toBe(0);
    }
    expect(lastCells('same.csv')).toEqual(new Set([`moody.mjs@${sha(version(0.5))}`]));
    expect(sweepOf('same/moody.mjs', '--seeds', '1..12', '--out', 'whole.csv').status).toBe(0);
    expect(readFileSync(join(tmp, 'same.csv'), 'utf8')).toBe(readFileSync(join(tmp, 'whole.csv'), 'utf8'));
  });

  it('merge refuses shards computed with different versions of a module, and merges those of one version', () => {
    mkdirSync(join(tmp, 'shards'));
    writeFileSync(join(tmp, 'shards/moody.mjs'), version(0.3));
    expect(sweepOf('shards/moody.mjs', '--seeds', '1..10', '--shard', '0/2', '--out', 'part-0.csv').status).toBe(0);
    expect(sweepOf('shards/moody.mjs', '--seeds', '1..10', '--shard', '1/2', '--out', 'part-1.jsonl').status).toBe(0);
    const merged = detente('merge', 'part-0.csv', 'part-1.jsonl', '--out', 'merged.csv');
    expect(merged.status, merged.stderr).toBe(0);
    writeFileSync(join(tmp, 'shards/moody.mjs'), version(0.9));
    expect(sweepOf('shards/moody.mjs', '--seeds', '1..10', '--shard', '1/2', '--out', 'part-1b.csv').status).toBe(0);
    expectInputError(detente('merge', 'part-0.csv', 'part-1b.csv', '--out', 'mixed.csv'), new RegExp(`part-1b\\.csv holds runs computed with other code of your own than part-0\\.csv: moody\\.mjs has changed \\(sha256 ${sha(version(0.3))}… in part-0\\.csv, ${sha(version(0.9))}… in part-1b\\.csv\\)`), /not shards of the same sweep/);
    expect(existsSync(join(tmp, 'mixed.csv'))).toBe(false);
    // The same bytes under another name (a module renamed between shards) are the same code: one name in the merged file.
    writeFileSync(join(tmp, 'shards/moody.mjs'), version(0.3));
    copyFileSync(join(tmp, 'shards/moody.mjs'), join(tmp, 'shards/renamed.mjs'));
    expect(sweepOf('shards/renamed.mjs', '--seeds', '1..10', '--shard', '1/2', '--out', 'part-1c.csv').status).toBe(0);
    expect(detente('merge', 'part-0.csv', 'part-1c.csv', '--out', 'renamed.csv').status).toBe(0);
    expect(readFileSync(join(tmp, 'renamed.csv'), 'utf8')).toBe(readFileSync(join(tmp, 'merged.csv'), 'utf8'));
  });

  it('does not take a file that does not record the code as matching, nor continue one that does without --load', () => {
    mkdirSync(join(tmp, 'old'));
    writeFileSync(join(tmp, 'old/moody.mjs'), version(0.3));
    // Without --load (the file a detente older than the column wrote with --load looks the same).
    expect(detente('sweep', duelFixture, '--seeds', '1..3', '--quiet', '--out', 'plain.csv').status).toBe(0);
    expectInputError(
      detente('sweep', duelFixture, '--load', 'old/moody.mjs', '--seeds', '1..6', '--quiet', '--out', 'plain.csv', '--resume'),
      /plain\.csv does not record which code of your own its runs were computed with \(no modules column: it was written without --load, or by a detente older than that column\), so that they were computed with .*old\/moody\.mjs as it is now cannot be checked/,
    );
    expect(sweepOf('old/moody.mjs', '--seeds', '1..3', '--out', 'loaded.csv').status).toBe(0);
    expectInputError(detente('sweep', duelFixture, '--seeds', '1..6', '--quiet', '--out', 'loaded.csv', '--resume', '--set', 'actors.US.strategy=hawk'), new RegExp(`loaded\\.csv holds runs computed with strategies of your own from moody\\.mjs \\(sha256 ${sha(version(0.3))}…\\): continue it with the same --load FILE, unchanged`));
    expect(detente('sweep', duelFixture, '--set', 'actors.US.strategy=hawk', '--seeds', '4..6', '--quiet', '--out', 'hawk.csv').status).toBe(0);
    expectInputError(detente('merge', 'loaded.csv', 'hawk.csv'), /hawk\.csv has other columns than loaded\.csv: .*\(loaded\.csv records the code of the --load modules its runs were computed with, hawk\.csv does not/);
  });

  it('fails a sweep whose module is edited after the command read it and before a worker thread imports it', () => {
    // The module appends a comment to itself when the command imports it: a change saved while the sweep starts.
    const selfEditing = `import { isMainThread } from 'node:worker_threads';\nimport { appendFileSync } from 'node:fs';\nimport { fileURLToPath } from 'node:url';\nif (isMainThread) appendFileSync(fileURLToPath(import.meta.url), '// edited\\n');\n${version(0.5)}`;
    writeFileSync(join(tmp, 'self-editing.mjs'), selfEditing);
    const r = sweepOf('self-editing.mjs', '--seeds', '1..20', '--workers', '2', '--out', 'self-editing.csv');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`self-editing\\.mjs has changed since the command read it \\(sha256 ${sha(selfEditing)}… then, ${sha(`${selfEditing}// edited\n`)}… now\\)`));
    // What to do, in words that fit a sweep, a tournament and the library alike: the runs written hold the old code's digest.
    expect(r.stderr).toContain('Edit a strategy module only once the runs that use it have ended; the runs already written, if any, were computed with the code as it was, so to go on with them put the module back as it was');
    expect(r.stderr).not.toContain('--resume');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Nothing was computed with the edited code under the digest of the code before.
    expect(readFileSync(join(tmp, 'self-editing.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('reads a modules cell back, compares code by digest only, and says what changed by name', () => {
    const a = { file: '/x/a.mjs', name: 'a.mjs', digest: '0123456789abcdef' };
    const b = { file: '/x/my b@2.mjs', name: 'my b@2.mjs', digest: 'fedcba9876543210' };
    const cell = modulesCell([a, b]);
    expect(cell).toBe('a.mjs@0123456789abcdef my b@2.mjs@fedcba9876543210');
    expect(readModulesCell(cell)).toEqual([
      { name: 'a.mjs', digest: '0123456789abcdef' },
      { name: 'my b@2.mjs', digest: 'fedcba9876543210' },
    ]);
    for (const bad of ['', 'a.mjs', 'a.mjs@0123', 'a.mjs@0123456789abcdefX', 3, null]) expect(readModulesCell(bad)).toBeUndefined();
    // A row's cell that names no modules is an error naming the file, the run and what to do.
    expect(rowModules(cell, 'r.csv', 'p0-s1', 'use another --out')).toEqual(readModulesCell(cell));
    expect(() => rowModules('a.mjs@0123', 'r.csv', 'p0-s1', 'use another --out')).toThrow(/^r\.csv: run p0-s1 has modules=a\.mjs@0123, which does not name --load modules \(name@16 hex digits, separated by spaces\): use another --out$/);
    // Order and names do not matter, the bytes do.
    expect(sameCode([a, b], [{ ...b, name: 'renamed.mjs' }, a])).toBe(true);
    expect(sameCode([a, b], [a])).toBe(false);
    const edited = { ...b, digest: '1111111111111111' };
    expect(codeChange([a, b], 'in r.csv', [a, edited], 'now')).toBe('/x/my b@2.mjs has changed (sha256 fedcba9876543210… in r.csv, 1111111111111111… now)');
    expect(codeChange([a], 'in r.csv', [a, b], 'now')).toBe('/x/my b@2.mjs (sha256 fedcba9876543210… now) is not among the modules in r.csv');
    expect(codeChange([a, b], 'in r.csv', [a], 'now')).toBe('my b@2.mjs (sha256 fedcba9876543210… in r.csv) is not among the modules now');
  });

  it('records the code in a tournament\'s --runs file too', () => {
    writeFileSync(join(tmp, 'tournament.mjs'), version(0.4));
    const r = detente('tournament', duelFixture, '--load', 'tournament.mjs', '--strategies', 'moody,hawk', '--roles', 'US', '--seeds', '1..2', '--runs', 'runs.csv', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(tmp, 'runs.csv'), 'utf8').split('\n')[0]).toMatch(/,scenario,modules,detente$/);
    expect(lastCells('runs.csv')).toEqual(new Set([`tournament.mjs@${sha(version(0.4))}`]));
  });
});
