import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness, duelFixture, expectInputError, root } from '../helpers/cli.js';

const fixture = duelFixture;
const { tmp, detente } = cliHarness('detente-cli-');

describe('detente run', () => {
  it('tells the story of a scenario round by round, with dates, then the closing table', () => {
    const r = detente('run', fixture);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^A duel with a hotline — seed 3, 10 rounds/);
    expect(r.stdout).toContain('Round 4 (May 2015)');
    expect(r.stdout).toContain('signed an agreement: hotline, no-commercial-theft');
    expect(r.stdout).toMatch(/threatened CN with economic sanctions/);
    expect(r.stdout).toMatch(/detected an? \w+ incident; suspects \S+ \(\d+% sure\)/);
    expect(r.stdout).toMatch(/trust in \S+ (rose|fell) from \d\.\d\d to \d\.\d\d: /);
    expect(r.stdout).toContain('Summary after 10 rounds');
    expect(r.stdout).toMatch(/CN–US\s+\d\.\d\d \/ \d\.\d\d\s+L[0-7]\s+\d+ \/ \d+ \/ \d+/);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = detente('run', fixture, '--seed', '7');
    const b = detente('run', fixture, '--seed', '7');
    const c = detente('run', fixture, '--seed', '8');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('writes the event log as JSON and the metrics as CSV, to a file when asked', () => {
    const json = detente('run', fixture, '--format', 'json', '--rounds', '5');
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout) as { rounds: number; log: { round: number }[]; metrics: unknown[]; dyads: unknown[] };
    expect(data.rounds).toBe(5);
    expect(data.metrics).toHaveLength(5);
    expect(Math.max(...data.log.map((e) => e.round))).toBe(4);
    expect(data.dyads).toHaveLength(3);
    const out = join(tmp, 'metrics.csv');
    const csv = detente('run', fixture, '--format', 'csv', '--out', out);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]?.split(',')[0]).toBe('round');
    expect(lines).toHaveLength(11);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('hides the engine-only truth with --no-truth', () => {
    const r = detente('run', fixture, '--no-truth');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('[hidden]');
    expect(r.stdout).not.toContain('[in truth');
  });

  it('--no-truth keeps the engine-only counts out of the closing table too', () => {
    const withTruth = detente('run', 'false-flag');
    expect(withTruth.stdout).toMatch(/dyad\s+trust a→b \/ b→a\s+peak\s+ops true \/ detected \/ attributed\s+misattributed \/ false alarms\s+accusations\s+agreements/);
    const r = detente('run', 'false-flag', '--no-truth');
    expect(r.status).toBe(0);
    const table = r.stdout.slice(r.stdout.indexOf('Summary after'));
    expect(table).toMatch(/dyad\s+trust a→b \/ b→a\s+peak\s+accusations\s+agreements\n/);
    expect(table).not.toMatch(/ops true|detected|attributed|false alarm/);
    // The same pairs, trust and accusations as with the truth shown.
    const row = (text: string) => text.match(/^AZ–BV\s+(\S+ \/ \S+)\s+(L\d)\s/m)?.slice(1);
    expect(row(table)).toEqual(row(withTruth.stdout));
    expect(row(table)).toBeDefined();
  });

  it('runs a bundled scenario by name', () => {
    const r = detente('run', 'us-china-2015', '--rounds', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Summary after 3 rounds');
  });
});

describe('detente validate and list', () => {
  it('validates a good file', () => {
    const r = detente('validate', fixture);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: .*duel\.yaml — duel: 3 actors, 10 rounds/);
  });

  it('lists every problem of a bad file with its path, and a suggestion for near misses', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'name: bad\nrounds: 0\nactors:\n  - { id: A, strategy: tit-for-tatt }\n  - { id: A }\n');
    const r = detente('validate', bad);
    expectInputError(r, /bad\.yaml: 3 problems/);
    expect(r.stderr).toContain("rounds: expected a whole number from 1 to 100000, received 0");
    expect(r.stderr).toContain("actors[0].strategy");
    expect(r.stderr).toContain("did you mean 'tit-for-tat'?");
    expect(r.stderr).toContain("actors[1].id: expected a unique actor id, received duplicate 'A'");
  });

  it.each([
    ['malformed JSON, with line and column', 'bad.json', '{\n  "name": "x",\n  "rounds": 3,,\n}', /line 3, column \d+: expected valid JSON/],
    ['malformed YAML, with line and column', 'bad2.yaml', 'name: x\nrounds: [1, 2\nactors: 3\n', /line \d+, column \d+: expected valid YAML/],
    ['an empty file', 'empty.yaml', '', /received an empty file/],
    ['a reserved key', 'proto.json', '{"name":"x","rounds":3,"actors":[{"id":"A"},{"id":"B"}],"__proto__":{"polluted":1}}', /__proto__: expected an ordinary field name/],
    ['a proxy whose sponsor is not a state', 'proxy.yaml', 'name: x\nrounds: 3\nactors:\n  - { id: P, kind: proxy, sponsor: G }\n  - { id: G, kind: criminal }\n', /actors\[0\]\.sponsor: expected a state/],
  ])('rejects %s with exit code 2', (_what, file, text, message) => {
    const p = join(tmp, file);
    writeFileSync(p, text);
    expectInputError(detente('validate', p), message);
    expectInputError(detente('run', p), message);
  });

  it('rejects a missing file, a directory and a huge file', () => {
    expectInputError(detente('run', join(tmp, 'nope.yaml')), /expected an existing scenario file/);
    expectInputError(detente('run', tmp), /expected a scenario file \(\.yaml, \.yml or \.json\), received a directory/);
    const huge = join(tmp, 'huge.yaml');
    writeFileSync(huge, `# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    expectInputError(detente('validate', huge), /expected at most 5 MiB \(5242880 bytes\) of scenario, received 6291459 bytes/);
  });

  it('lists the strategies with their metadata and the bundled scenarios', () => {
    const r = detente('list');
    expect(r.status).toBe(0);
    for (const s of ['tit-for-tat', 'deterrer', 'cautious', 'norm-entrepreneur']) expect(r.stdout).toContain(s);
    expect(r.stdout).toMatch(/Scenarios[\s\S]*us-china-2015/);
    expect(r.stdout).not.toContain('invalid');
  });
});

describe('detente usage', () => {
  it('shows help for the program and for every command, and the version', () => {
    for (const args of [['--help'], ['run', '--help'], ['validate', '--help'], ['list', '--help']]) {
      const r = detente(...args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/detente/);
    }
    const v = detente('--version');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it.each([
    [[], /Usage:/],
    [['conquer'], /unknown command 'conquer'/],
    [['run'], /run needs a scenario/],
    [['run', fixture, '--rounds', 'ten'], /--rounds must be a whole number/],
    [['run', fixture, '--format', 'xml'], /--format must be narrative, json or csv/],
    [['run', fixture, '--bogus'], /Unknown option '--bogus'/],
  ])('rejects %j with exit code 2 and a clear message', (args, message) => {
    const r = detente(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the fixture exists', () => {
    expect(existsSync(fixture)).toBe(true);
  });
});
