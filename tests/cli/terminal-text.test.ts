// Scenario text is printed by `run` and `play` and written into reports: characters a terminal
// would execute (escape sequences, carriage returns, bells) or that reorder a line (bidirectional
// overrides) are refused at the scenario check, with the field and the character's place, so
// neither a story nor a game screen can be hijacked by the file it was made from.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, reportSourceFromRecord, runRecord, ScenarioError, simulate } from '../../src/index.js';
import { cliHarness, expectInputError } from '../helpers/cli.js';
import { configErrorOf } from '../helpers/issues.js';

const { tmp, detente } = cliHarness('detente-terminal-text-');

const ESC = '\u001b';

function scenarioWith(overrides: Record<string, unknown>, actorName?: string): Record<string, unknown> {
  return {
    name: 'controls',
    rounds: 3,
    actors: [
      { id: 'US', strategy: 'hawk', ...(actorName !== undefined ? { name: actorName } : {}) },
      { id: 'CN', strategy: 'dove' },
    ],
    ...overrides,
  };
}

function issuesOf(doc: unknown): { path: string; expected: string; received: string }[] {
  try {
    parseScenario(doc);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => ({ path: i.path, expected: i.expected, received: i.received }));
    throw e;
  }
  return [];
}

describe('control characters in scenario text', () => {
  it.each([
    ['title', scenarioWith({ title: `clear ${ESC}[2J screen` }), 'title', 'U+001B at character 7'],
    ['description', scenarioWith({ description: 'line one\roverwritten' }), 'description', 'U+000D at character 9'],
    ['seed', scenarioWith({ seed: `s${ESC}]8;;http://evil.example/${ESC}\\` }), 'seed', 'U+001B at character 2'],
    ['actor name', scenarioWith({}, 'bell\u0007'), 'actors[0].name', 'U+0007 at character 5'],
    ['forum name', scenarioWith({ forums: [{ id: 'gge', name: 'C1 \u009b2J', members: ['US', 'CN'] }] }), 'forums[0].name', 'U+009B at character 4'],
    ['note', scenarioWith({ injects: [{ round: 1, type: 'note', text: 'abc\u202Efed' }] }), 'injects[0].text', 'U+202E at character 4'],
    ['summit text', scenarioWith({ injects: [{ round: 1, type: 'summit', parties: ['US', 'CN'], text: '漢字\u2066x' }] }), 'injects[0].text', 'U+2066 at character 3'],
    ['threat condition', scenarioWith({ injects: [{ round: 1, type: 'sanctions-threat', by: 'US', target: 'CN', unless: `${ESC}[31mred` }] }), 'injects[0].unless', 'U+001B at character 1'],
  ])('are refused in the %s, naming the field and where the character is', (_what, doc, path, received) => {
    const issues = issuesOf(doc);
    expect(issues).toEqual([{ path, expected: expect.stringMatching(/^a text without control characters/) as unknown as string, received }]);
  });

  it('tabs, line feeds, CRLF line ends, emoji, zero-width joiners and right-to-left script are text', () => {
    const doc = scenarioWith(
      { title: 'Crisis 🚀 \u05e9\u05dc\u05d5\u05dd', description: 'one\r\ntwo\n\tthree 👩\u200d💻 a\u200bb', injects: [{ round: 1, type: 'note', text: 'مرحبا\u200f 漢字' }] },
      'United\tStates',
    );
    expect(issuesOf(doc)).toEqual([]);
  });

  it('detente run and detente play stop at the check (exit 2) and print none of the characters', () => {
    const file = join(tmp, 'controls.json');
    writeFileSync(file, JSON.stringify(scenarioWith({ title: `x${ESC}[2J${ESC}]8;;http://evil.example/${ESC}\\y\u0007`, injects: [{ round: 1, type: 'note', text: 'ok\rNO' }] })));
    for (const args of [['run', file], ['play', file, '--as', 'US'], ['report', file, '--md', join(tmp, 'r.md')], ['validate', file]]) {
      const r = detente(...args);
      expectInputError(r, /title: expected a text without control characters .*received U\+001B at character 2/, /injects\[0\]\.text: expected a text without control characters .*received U\+000D at character 3/);
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });

  it('a --seed with a control character is a usage error (exit 2) for run, play and report, not printed raw', () => {
    const seed = `s${ESC}[2J`;
    for (const args of [['run', 'us-china-2015'], ['play', 'us-china-2015', '--as', 'US'], ['report', 'us-china-2015', '--md', join(tmp, 'seed.md')]]) {
      const r = detente(...args, '--seed', seed);
      expectInputError(r, /--seed must be a text without control characters, not one with U\+001B at character 2/);
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });

  it('a usage error quoting a flag, an option or a file name with a control character shows it, not executes it', () => {
    const evil = `e${ESC}[2J\u0007`;
    for (const [args, message] of [
      [['run', 'us-china-2015', '--out', join(tmp, evil, 'x')], /cannot write '.*e<U\+001B>\[2J<U\+0007>.*' \(--out\)/],
      [['run', 'us-china-2015', '--format', evil], /--format must be narrative, json or csv, not 'e<U\+001B>\[2J<U\+0007>'/],
      [['validate', 'us-china-2015', `--x${evil}`], /Unknown option '--xe<U\+001B>\[2J<U\+0007>'/],
      [['report', `${evil}.json`, '--md', join(tmp, 'evil.md')], /nothing at 'e<U\+001B>\[2J<U\+0007>\.json'/],
    ] as const) {
      const r = detente(...args);
      expectInputError(r, message);
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });

  it("validate's and report's lines of success show a control character in a file name, not execute it", () => {
    const name = `e${ESC}[2J`;
    writeFileSync(join(tmp, `${name}.json`), JSON.stringify(scenarioWith({})));
    const ok = detente('validate', `${name}.json`);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^ok: .*e<U\+001B>\[2J\.json — /);
    const wrote = detente('report', `${name}.json`, '--md', `${name}.md`, '--html', `${name}.html`);
    expect(wrote.status).toBe(0);
    expect(wrote.stdout).toMatch(/^wrote e<U\+001B>\[2J\.html \(HTML report, \d+ KiB\)\nwrote e<U\+001B>\[2J\.md \(Markdown debrief\)\n$/);
    for (const r of [ok, wrote]) expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('a run file whose scenario name, title or seed holds a control character is refused by report (exit 2), not written into the report', () => {
    const scenario = parseScenario(scenarioWith({}));
    const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds });
    for (const key of ['scenario', 'title', 'seed'] as const) {
      const record = JSON.parse(JSON.stringify(runRecord(scenario, run, 1))) as Record<string, unknown>;
      record[key] = `evil ${ESC}[2J\u0007`;
      const e = configErrorOf(() => reportSourceFromRecord(record, 'evil.json'));
      expect(e.issues).toEqual([expect.objectContaining({ path: key, received: 'U+001B at character 6' })]);
      const file = join(tmp, `evil-${key}.json`);
      writeFileSync(file, JSON.stringify(record));
      const md = join(tmp, `evil-${key}.md`);
      const r = detente('report', file, '--md', md, '--html', join(tmp, `evil-${key}.html`));
      expectInputError(r, new RegExp(`${key}: expected a text without control characters`));
      expect(existsSync(md)).toBe(false);
    }
  });
});
