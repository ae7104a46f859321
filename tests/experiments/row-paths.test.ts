// A sweep's row must not depend on how its run was played. runOne plays unobserved (a tally of the
// events, no log; and, with issue 7, the flat path when every actor plays a built-in), summarizeRun
// reads a run of simulate with its whole log: over every shipped scenario, a few seeds, with and
// without the series columns, the two rows must be byte for byte the same.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_STRATEGIES, defineStrategy, formatRow, parseScenario, planSweep, runOne, scenarioAt, simulate, StrategyRegistry, summarizeRun, sweepColumns } from '../../src/index.js';
import type { PlanOptions, StrategyRegistry as Registry, SweepPlan, SweepRow } from '../../src/index.js';

const dir = resolve(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const SEEDS = [1, 2, 3, 4, 5];

/** The row as the files hold it (both formats), and as the value it is (-0 and 0 told apart). */
function expectSameRow(actual: SweepRow, expected: SweepRow, columns: readonly string[]): void {
  expect(Object.keys(actual)).toEqual(columns);
  expect(Object.keys(expected)).toEqual(columns);
  expect(formatRow(actual, columns, 'csv')).toBe(formatRow(expected, columns, 'csv'));
  expect(formatRow(actual, columns, 'jsonl')).toBe(formatRow(expected, columns, 'jsonl'));
  expect(actual).toStrictEqual(expected);
}

/** Every run of the plan both ways, with and without series; returns runOne's rows without series. */
function expectBothPaths(plan: SweepPlan, registry?: Registry): SweepRow[] {
  const withRegistry = registry ? { registry } : {};
  const rows: SweepRow[] = [];
  for (const item of plan.items) {
    const scenario = scenarioAt(plan.document, item.params, registry);
    const run = simulate(scenario.spec, { seed: item.seed, rounds: scenario.rounds, log: true, ...withRegistry });
    for (const series of [false, true]) {
      const row = runOne(plan.document, item, { series, ...withRegistry });
      expectSameRow(row, summarizeRun(run, item, series, plan.document), sweepColumns(plan, { series }));
      if (!series) rows.push(row);
    }
  }
  return rows;
}

const plan = (file: string, options: PlanOptions): SweepPlan => planSweep(parseScenario(readFileSync(resolve(dir, file), 'utf8'), { source: file }), options);

describe('runOne and summarizeRun give the same rows', () => {
  it('finds the shipped scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of files) {
    it(`over ${file}, seeds ${SEEDS.join(', ')}`, () => {
      const rows = expectBothPaths(plan(file, { seeds: SEEDS }));
      // Not all alike: the seeds play differently, so a row that ignored its run would show.
      expect(new Set(rows.map((r) => JSON.stringify({ ...r, run: null, seed: null }))).size).toBeGreaterThan(1);
    });
  }

  it('over a grid of strategies (built-ins with parameters) and mechanisms', () => {
    expectBothPaths(plan('us-china-2015.yaml', { seeds: [4, 5], grid: { 'actors.CN.strategy': ['hawk', 'tit-for-tat'], 'mechanisms.detection.scale': [0.5, 2] } }));
  });

  it('with a strategy of the user’s under a built-in’s name, which plays as itself', () => {
    // A 'hawk' that spies on every rival each round and never accuses: runOne must play it, not
    // the built-in its name suggests (a flat path that trusted names would give the built-in's row).
    const meta = { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false };
    const impostor = (params?: Readonly<Record<string, unknown>>) =>
      defineStrategy({
        name: 'hawk',
        meta,
        params: { accuseAt: 0.3, retaliateAt: 0.8, ...(params as Record<string, number> | undefined) },
        operate: (view) => view.actors.filter((a) => a.id !== view.self).map((a) => ({ type: 'operate' as const, target: a.id, kind: 'espionage' as const })).slice(0, view.mechanisms.operations.maxPerRound),
      });
    const registry = new StrategyRegistry().register(impostor);
    for (const [name, factory] of Object.entries(BUILTIN_STRATEGIES)) if (name !== 'hawk') registry.register(factory);
    const p = plan('classroom-crisis.yaml', { seeds: SEEDS, registry });
    const rows = expectBothPaths(p, registry);
    const builtin = plan('classroom-crisis.yaml', { seeds: SEEDS }).items.map((item) => runOne(p.document, item));
    expect(rows).not.toEqual(builtin);
  });
});
