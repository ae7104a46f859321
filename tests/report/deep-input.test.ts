// Saved runs and logs nested too deep, cyclic, or shared over and over: replay compares events as
// JSON, which overflowed the stack ("received Maximum call stack size exceeded" under 'log', or a
// raw RangeError from replay), threw a TypeError on a cycle and never ended on shared parts. Each
// is now a ConfigError naming the path, and `detente report` exits 2 naming the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, replay, reportSource, reportSourceFromRecord, runRecord, simulate } from '../../src/index.js';
import type { SimEvent } from '../../src/index.js';
import { cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';
import { scenarioFile } from './helpers.js';
import { cyclic, nested, shared } from '../helpers/data.js';
import { configErrorOf } from '../helpers/issues.js';

const duel = scenarioFile('tests/e2e/fixtures/duel.yaml');
const run = simulate(duel.spec, { seed: 3, rounds: duel.rounds });
const record = (): Record<string, unknown> & { log: Record<string, unknown>[] } => JSON.parse(JSON.stringify(runRecord(duel, run, 3))) as Record<string, unknown> & { log: Record<string, unknown>[] };

const DEEP = `lists and objects nested at most ${MAX_NESTING} levels deep`;

describe('reportSourceFromRecord on data nested too deep, cyclic or shared', () => {
  it('a deep event, a deep metric and a deep document are each named by their path, whatever the depth', () => {
    for (const levels of [MAX_NESTING, 100_000]) {
      const r = record();
      r.log[2] = { ...r.log[2], extra: nested(levels) };
      const e = configErrorOf(() => reportSourceFromRecord(r, 'deep.json'));
      expect(e.source).toBe('deep.json');
      expect(e.issues).toEqual([{ path: 'log[2].extra[0]…', expected: DEEP, received: 'deeper nesting' }]);
      expect(e.message).not.toMatch(/call stack/);
    }
    const m = record();
    (m.metrics as Record<string, unknown>[])[0] = { ...(m.metrics as Record<string, unknown>[])[0], meanTrust: nested(100_000) };
    expect(configErrorOf(() => reportSourceFromRecord(m, 'deep.json')).issues[0]?.path).toBe('metrics[0].meanTrust[0]…');
    const d = record();
    d.document = { ...(d.document as object), notes: nested(100_000) };
    expect(configErrorOf(() => reportSourceFromRecord(d, 'deep.json')).issues[0]?.path).toBe('document.notes[0][0]…');
  });

  it('a cycle is named by its path, not a TypeError from JSON', () => {
    const r = record();
    r.log[2] = { ...r.log[2], extra: cyclic() };
    expect(configErrorOf(() => reportSourceFromRecord(r, 'run.json')).issues).toEqual([{ path: 'log[2].extra.self', expected: 'plain data', received: 'a reference to a list or object that contains it (a cycle)' }]);
  });

  it('parts shared over and over are refused at once instead of never ending', () => {
    const r = record();
    r.log[2] = { ...r.log[2], extra: shared() };
    const e = configErrorOf(() => reportSourceFromRecord(r, 'run.json'));
    expect(e.issues[0]?.path).toBe('log[2].extra[0]…');
    expect(e.issues[0]?.received).toMatch(/shared so often/);
  });

  it('a record at the limit is read as before', () => {
    const source = reportSourceFromRecord(record(), 'run.json');
    expect(source.log).toHaveLength(run.log.length);
  });
});

describe('replay and reportSource on a log nested too deep, cyclic or shared', () => {
  const tampered = (extra: unknown): SimEvent[] => run.log.map((e, i) => (i === 2 ? ({ ...e, extra } as unknown as SimEvent) : e));

  it('replay refuses the log with its path, once, before any round', () => {
    expect(configErrorOf(() => replay(run.initial, tampered(nested(100_000)))).issues).toEqual([{ path: 'log[2].extra[0][0]…', expected: DEEP, received: 'deeper nesting' }]);
    expect(configErrorOf(() => replay(run.initial, tampered(cyclic()))).issues[0]?.path).toBe('log[2].extra.self');
    expect(configErrorOf(() => replay(run.initial, tampered(shared()))).issues[0]?.received).toMatch(/shared so often/);
  });

  it('reportSource refuses a deep log or deep metrics of a run given in memory', () => {
    expect(configErrorOf(() => reportSource(duel, { ...run, log: tampered(nested(100_000)) })).issues[0]?.path).toBe('log[2].extra[0][0]…');
    const metrics = run.metrics.map((m, k) => (k === 1 ? { ...m, meanTrust: nested(100_000) as number } : m));
    expect(configErrorOf(() => reportSource(duel, { ...run, metrics })).issues[0]?.path).toBe('metrics[1].meanTrust[0][0]…');
  });
});

describe('detente report on a deep run.json', () => {
  const { tmp, detente } = cliHarness('detente-deep-report-');
  it('exits 2 naming the file and the path, never a stack overflow', () => {
    const made = detente('run', duelFixture, '--format', 'json');
    expect(made.status).toBe(0);
    const text = made.stdout.replace('"log":[', `"log":[{"type":"x","round":0,"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}},`);
    writeFileSync(join(tmp, 'deep.json'), text);
    expectInputError(detente('report', 'deep.json', '--html', 'out.html'), /deep\.json: 1 problem/, /log\[0\]\.extra\[0\]…: expected lists and objects nested at most 64 levels deep/);
  });
});
