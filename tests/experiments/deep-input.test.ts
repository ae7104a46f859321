// Results, rows, grids and seeds nested too deep, cyclic, or shared over and over: a JSON Lines
// cell nested deep was read, then `detente merge` and `summarize --by` overflowed the stack
// ("unexpected error"); summarize and planSweep given such values in memory threw a RangeError or
// a TypeError, or never ended. Each is now a ConfigError naming the line and column, or the path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseScenario, planSweep, readResults, summarize } from '../../src/index.js';
import type { Grid, SweepRow } from '../../src/index.js';
import { cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';
import { cyclic, nested, shared } from '../helpers/data.js';
import { configErrorOf } from '../helpers/issues.js';

const deepJson = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;


describe('readResults: a JSON Lines cell nested too deep', () => {
  it('is refused with its line and column, at any depth past the limit', () => {
    for (const levels of [MAX_NESTING + 1, 100_000]) {
      const text = `{"run":"p0-s1","seed":1,"x":1}\n{"run":"p0-s2","seed":2,"x":${deepJson(levels)}}\n`;
      const e = configErrorOf(() => readResults(text, 'jsonl', 'r.jsonl'));
      expect(e.source).toBe('r.jsonl');
      expect(e.issues).toEqual([{ path: 'line 2, column x', expected: `a value with lists and objects nested at most ${MAX_NESTING} levels deep`, received: 'deeper nesting at x[0][0][0][0]…' }]);
    }
  });

  it('at the limit it is read as before', () => {
    const rows = readResults(`{"run":"p0-s1","seed":1,"x":${deepJson(MAX_NESTING)}}\n`, 'jsonl').rows;
    expect(rows).toHaveLength(1);
  });
});

describe('summarize: a group cell that is not plain data', () => {
  const row = (x: unknown): SweepRow => ({ run: 'p0-s1', seed: 1, x, peakRung: 1 }) as unknown as SweepRow;
  it('names the row and the cell, deep, cyclic or shared', () => {
    expect(configErrorOf(() => summarize([row(1), row(nested(100_000))], { by: ['x'] })).issues).toEqual([{ path: 'rows[1].x[0][0][0][0]…', expected: `lists and objects nested at most ${MAX_NESTING} levels deep`, received: 'deeper nesting' }]);
    expect(configErrorOf(() => summarize([row(cyclic())], { by: ['x'] })).issues[0]?.path).toBe('rows[0].x.self');
    expect(configErrorOf(() => summarize([row(shared())], { by: ['x'] })).issues[0]?.received).toMatch(/shared so often/);
    // (Two runs: one run given twice is refused.)
    expect(summarize([row([1, 2]), { ...row([1, 2]), run: 'p0-s2' }], { by: ['x'], metrics: ['peakRung'] })).toHaveLength(1);
  });
});

describe('planSweep: grid values and seeds that are not plain data', () => {
  const scenario = parseScenario('name: x\nrounds: 3\nactors: [{ id: A }, { id: B }]\n');
  const grid = (values: unknown): Grid => ({ rounds: values }) as unknown as Grid;
  it('names the path in the grid, deep, cyclic or shared', () => {
    const e = configErrorOf(() => planSweep(scenario, { seeds: '1', grid: grid([1, nested(100_000)]) }));
    expect(e.source).toBe('grid');
    expect(e.issues).toEqual([{ path: 'grid.rounds[1][0]…', expected: `lists and objects nested at most ${MAX_NESTING} levels deep`, received: 'deeper nesting' }]);
    expect(configErrorOf(() => planSweep(scenario, { seeds: '1', grid: grid(nested(100_000)) })).issues[0]?.path).toBe('grid.rounds[0][0]…');
    expect(configErrorOf(() => planSweep(scenario, { seeds: '1', grid: grid([cyclic()]) })).issues[0]?.path).toBe('grid.rounds[0].self');
    expect(configErrorOf(() => planSweep(scenario, { seeds: '1', grid: grid([shared()]) })).issues[0]?.received).toMatch(/shared so often/);
    expect(configErrorOf(() => planSweep(scenario, { seeds: [nested(100_000) as number] })).issues[0]?.path).toBe('seeds[0][0][0]…');
  });

  it('a plain grid plans as before', () => {
    expect(planSweep(scenario, { seeds: '1..2', grid: { rounds: [1, 2] } }).items).toHaveLength(4);
  });
});

describe('detente merge, summarize and sweep --resume on a deep JSON Lines file', () => {
  const { tmp, detente } = cliHarness('detente-deep-results-');
  it('exit 2 naming the file, the line and the column, never an unexpected error', () => {
    writeFileSync(join(tmp, 'deep.jsonl'), `{"run":"p0-s1","seed":1,"x":${deepJson(100_000)}}\n`);
    const message = [/deep\.jsonl: 1 problem/, /line 1, column x: expected a value with lists and objects nested at most 64 levels deep/];
    expectInputError(detente('merge', 'deep.jsonl', 'deep.jsonl'), ...message);
    expectInputError(detente('summarize', 'deep.jsonl', '--by', 'x'), ...message);
    expectInputError(detente('sweep', duelFixture, '--seeds', '1', '--out', 'deep.jsonl', '--resume', '--quiet'), ...message);
  });
});
