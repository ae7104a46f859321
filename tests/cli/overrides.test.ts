// `--set PATH=VALUE` on run, validate and report: one what-if, with the sweep's paths and checks.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const fixture = duelFixture;
const { tmp, detente } = cliHarness('detente-set-');

interface Saved {
  readonly scenario: string;
  readonly seed: number | string;
  readonly rounds: number;
  readonly document: { readonly name: string; readonly rounds: number; readonly mechanisms?: unknown; readonly actors: readonly { readonly id: string; readonly strategy?: unknown }[] };
}
const read = (file: string) => readFileSync(join(tmp, file), 'utf8');

describe('detente run --set', () => {
  it('runs the scenario with the parameter changed, and says so in the story', () => {
    const base = detente('run', fixture);
    const changed = detente('run', fixture, '--set', 'mechanism.detection.scale=2');
    expect(changed.status).toBe(0);
    expect(changed.stderr).toBe('');
    expect(changed.stdout).toMatch(/^A duel with a hotline — seed 3, 10 rounds, with mechanisms\.detection\.scale=2\n/);
    expect(changed.stdout.split('\n').slice(1)).not.toEqual(base.stdout.split('\n').slice(1));
    // Two of them, a strategy parameter among them: the same run as the sweep's grid point.
    const two = detente('run', fixture, '--set', 'actors.CN.strategy.retaliateAt=0.1', '--set', 'rounds=6', '--format', 'json');
    expect(two.status).toBe(0);
    const saved = JSON.parse(two.stdout) as Saved;
    expect(saved.rounds).toBe(6);
    expect(saved.document.rounds).toBe(6);
    expect(saved.document.actors.find((a) => a.id === 'CN')?.strategy).toEqual({ name: 'deterrer', params: { retaliateAt: 0.1 } });
  });

  it('writes the scenario as run into the JSON, so the report of run.json is the report of that run', () => {
    expect(detente('run', fixture, '--seed', '5', '--set', 'mechanism.detection.scale=2', '--set', 'actors.CN.strategy=hawk', '--format', 'json', '--out', 'what-if.json').status).toBe(0);
    const saved = JSON.parse(read('what-if.json')) as Saved;
    expect(saved.document.mechanisms).toEqual({ detection: { scale: 2 } });
    expect(saved.document.actors.find((a) => a.id === 'CN')?.strategy).toBe('hawk');
    expect(saved.scenario).toBe(saved.document.name);
    expect(detente('report', 'what-if.json', '--md', 'saved.md', '--html', 'saved.html').status).toBe(0);
    expect(detente('report', fixture, '--seed', '5', '--set', 'mechanism.detection.scale=2', '--set', 'actors.CN.strategy=hawk', '--md', 'direct.md', '--html', 'direct.html').status).toBe(0);
    expect(read('saved.md')).toBe(read('direct.md'));
    expect(read('saved.html')).toBe(read('direct.html'));
    // …and not the report of the scenario as written.
    expect(detente('report', fixture, '--seed', '5', '--md', 'plain.md').status).toBe(0);
    expect(read('plain.md')).not.toBe(read('direct.md'));
  });

  it('refuses a list of values: that is a sweep', () => {
    for (const command of [['run', fixture], ['validate', fixture], ['report', fixture, '--md', 'x.md']]) {
      expectInputError(detente(...command, '--set', 'mechanism.detection.scale=0.5,1,2'), new RegExp(`--set mechanism\\.detection\\.scale=0\\.5,1,2 gives 3 values: ${command[0]} takes one value per --set; to run several, use 'detente sweep <scenario> --seeds SEEDS --set mechanism\\.detection\\.scale=0\\.5,1,2'`));
    }
  });

  it('gives the sweep’s message for a bad path or value, said of a setting rather than a grid', () => {
    // The sweep's lines with its grid words taken out: a run asked for no grid.
    const asSetting = (lines: string) => lines.replace(/^( {2}- )grid point \((.*)\): /gm, '$1with $2: ').replace(/^( {2}- )grid\./gm, '$1');
    const cases: [string, RegExp][] = [
      ['mechanism.detection.scal=2', /grid\.mechanisms\.detection\.scal: expected a mechanism coefficient: mechanisms\.detection\.<scale\|severityBonus>, received 'scal' \(did you mean 'mechanisms\.detection\.scale'\?\)/],
      ['actors.XX.strategy=hawk', /grid\.actors\.XX\.strategy: expected actors\.<ID>\.… with a declared actor id \(US, CN, APT\), received 'XX'/],
      ['actors.CN.strategy=hwak', /grid\.actors\.CN\.strategy: expected registered strategy names \(.*\), received 'hwak' \(did you mean 'hawk'\?\)/],
      ['actors.US.capabilities.offense=1.5', /grid\.actors\.US\.capabilities\.offense: expected numbers from 0 to 1, received '1\.5'/],
      ['actors.CN.strategy.retaliateAt=x', /grid\.actors\.CN\.strategy\.retaliateAt: expected finite numbers/],
      ['actors.CN.strategy.retaliateAt=7', /grid point \(actors\.CN\.strategy\.retaliateAt=7\): actors\[1\]\.strategy/],
    ];
    for (const [setting, message] of cases) {
      const sweep = detente('sweep', fixture, '--seeds', '1', '--set', setting);
      expectInputError(sweep, message);
      const issues = sweep.stderr.split('\n').slice(1).join('\n');
      for (const command of [['run', fixture], ['validate', fixture], ['report', fixture, '--md', 'x.md']]) {
        const r = detente(...command, '--set', setting);
        expectInputError(r, /^detente: --set: 1 problem\n/);
        const said = r.stderr.split('\n').slice(1).join('\n');
        expect(said, `${command[0]} --set ${setting}`).toBe(asSetting(issues));
        expect(said).not.toMatch(/grid/);
      }
    }
    // A path named like an object's own machinery is a path like any other, not dropped.
    for (const path of ['__proto__', 'constructor']) {
      expectInputError(detente('run', fixture, '--set', `${path}=1`), new RegExp(`--set: 1 problem\n {2}- ${path}: expected a parameter path: mechanisms\.<section>\.<coefficient>, .*, received '${path}'`));
    }
    expectInputError(detente('run', fixture, '--set', 'detection'), /--set: 1 problem\n {2}- set: expected 'path=value' \(e\.g\. mechanism\.detection\.scale=2\), received 'detection'/);
  });

  it('refuses a path given twice, in either spelling', () => {
    expectInputError(detente('run', fixture, '--set', 'mechanism.detection.scale=2', '--set', 'mechanisms.detection.scale=2'), /--set mechanisms\.detection\.scale is given twice: give each path once/);
    expectInputError(detente('validate', fixture, '--set', 'rounds=4', '--set', 'rounds=5'), /--set rounds is given twice/);
  });

  it('refuses --rounds with --set rounds', () => {
    expectInputError(detente('run', fixture, '--rounds', '4', '--set', 'rounds=5'), /--rounds 4 and --set rounds=5 both set the number of rounds: give one of them/);
    expectInputError(detente('report', fixture, '--md', 'x.md', '--rounds', '4', '--set', 'rounds=5'), /both set the number of rounds/);
  });
});

describe('detente validate --set', () => {
  it('checks the scenario with the changes written in', () => {
    const r = detente('validate', fixture, '--set', 'rounds=6', '--set', 'mechanism.detection.scale=2');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: .*duel\.yaml with rounds=6, mechanisms\.detection\.scale=2 — duel: 3 actors, 6 rounds\n$/);
    // The fixture's summit is in round 4: with 3 rounds it would never happen.
    expectInputError(detente('validate', fixture, '--set', 'rounds=3'), /--set: 1 problem\n {2}- with rounds=3: injects\[1\]\.round: expected a round before the last \(0 to 2\), received 4/);
  });
});

describe('detente report --set', () => {
  it('is refused for a saved run or game, which is reported as it was played', () => {
    expect(detente('run', fixture, '--format', 'json', '--out', 'run.json').status).toBe(0);
    expectInputError(detente('report', 'run.json', '--md', 'x.md', '--set', 'mechanism.detection.scale=2'), /--set applies to a scenario; 'run\.json' is a saved run, reported as it was played: to change a parameter, report the scenario itself with --set/);
    // Refused before the save is read: whatever its rounds, it was played as it was.
    writeFileSync(join(tmp, 'game.json'), JSON.stringify({ format: 'detente-play' }));
    expectInputError(detente('report', 'game.json', '--md', 'x.md', '--set', 'rounds=6'), /--set applies to a scenario; 'game\.json' is a saved game, reported as it was played$/m);
    expect(existsSync(join(tmp, 'x.md'))).toBe(false);
  });
});
