// The report's public functions check the run they are given before reading it: undefined, a
// world, or a log alone failed with a TypeError ("run.log is not iterable").
import { describe, expect, it } from 'vitest';
import { formatSummary, narrateEvent, narrateRun, simulate, summarizeDyads } from '../../src/index.js';
import { configErrorOf } from '../helpers/issues.js';

const run = simulate({ actors: [{ id: 'US', strategy: 'hawk' }, { id: 'CN', strategy: 'tit-for-tat' }] }, { seed: 1, rounds: 4 });

describe('the run given to the report functions', () => {
  it.each([
    ['narrateRun', (x: unknown) => narrateRun(x as never)],
    ['summarizeDyads', (x: unknown) => summarizeDyads(x as never)],
    ['formatSummary', (x: unknown) => formatSummary(x as never)],
  ])('%s: undefined, a world, or a log with a hole is a ConfigError naming the field', (fn, call) => {
    const none = configErrorOf(() => call(undefined));
    expect(none.source).toBe(fn);
    expect(none.issues.map((i) => i.path)).toEqual(['run']);
    expect(configErrorOf(() => call(run.world)).issues.map((i) => i.path)).toEqual(fn === 'narrateRun' ? ['run.log'] : ['run.log', 'run.world']);
    expect(configErrorOf(() => call({ ...run, log: [run.log[0], null] })).issues.map((i) => i.path)).toEqual(['run.log[1]']);
    // A run, or the { log, world } it stands for, is read as before.
    expect(() => call(run)).not.toThrow();
    expect(() => call({ log: run.log, world: run.world })).not.toThrow();
  });

  it('a run without its log (log: false) still has a summary, from its world', () => {
    const quiet = simulate({ actors: [{ id: 'US', strategy: 'hawk' }, { id: 'CN', strategy: 'dove' }] }, { seed: 1, rounds: 4, log: false });
    expect(formatSummary(quiet)).toMatch(/^dyad/);
  });

  it('narrateEvent: something that is not an event is a ConfigError', () => {
    expect(configErrorOf(() => narrateEvent(null as never)).issues).toEqual([{ path: 'event', expected: 'an event (an object with a type and a whole round ≥ 0)', received: 'null' }]);
    expect(narrateEvent(run.log.find((e) => e.type === 'operation.conducted') ?? run.log[0]!)).not.toBeUndefined();
  });
});
