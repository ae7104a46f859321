// The sweep's worker pool: batches of runs on threads, rows in plan order, nothing finished lost.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchSize, runOnWorkers } from '../../src/node/pool.js';
import { formatRow, parseScenario, planSweep, runOne, sweepColumns } from '../../src/index.js';
import type { PlanItem, SweepRow } from '../../src/index.js';
import { duelFixture, root } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';

// The built worker (tests/global-setup.ts builds dist/ first).
const filename = resolve(root, 'dist/cli/sweep-worker.js');
const scenario = parseScenario(readFileSync(duelFixture, 'utf8'), { source: duelFixture });

describe('batchSize', () => {
  it('is one run until a run has been timed, then about 40 ms of work, between 1 and 64 runs', () => {
    expect(batchSize(0, 0)).toBe(1);
    expect(batchSize(10, 20)).toBe(20); // 2 ms a run
    expect(batchSize(4, 400)).toBe(1); // 100 ms a run
    expect(batchSize(1000, 10)).toBe(64); // 0.01 ms a run
  });
});

describe('runOnWorkers', () => {
  it('gives the rows of every run in plan order, equal to runOne, whatever the batch size', async () => {
    const plan = planSweep(scenario, { seeds: Array.from({ length: 13 }, (_, k) => k + 1) });
    const expected = plan.items.map((item) => runOne(plan.document, item));
    for (const batch of [1, 4, 64]) {
      const rows: SweepRow[] = [];
      const out = await runOnWorkers(plan.document, plan.items, { workers: 2, series: false, batch, filename, stopping: () => false, onRow: (r) => rows.push(r) });
      expect(out).toEqual({ finished: 13, stopped: false });
      expect(rows).toEqual(expected);
    }
  });

  it('delivers the rows finished before a failing run of the same batch, then names the run that failed', async () => {
    const plan = planSweep(scenario, { seeds: [1, 2, 3, 4] });
    // The third run asks for a grid point whose parameter is not a number: scenarioAt throws.
    const items: PlanItem[] = plan.items.map((item, k) => (k === 2 ? { ...item, run: 'p9-s3', point: 9, params: { 'mechanisms.detection.scale': 'high' } } : item));
    const rows: SweepRow[] = [];
    const run = runOnWorkers(plan.document, items, { workers: 1, series: false, batch: 4, filename, stopping: () => false, onRow: (r) => rows.push(r) });
    await expect(run).rejects.toThrow(/run p9-s3: [\s\S]*mechanisms\.detection\.scale/);
    expect(rows.map((r) => r.run)).toEqual(['p0-s1', 'p0-s2']);
  });

  it('with lines, gives each run as the line formatRow makes of its row, in plan order, in CSV and JSON Lines', async () => {
    const plan = planSweep(scenario, { seeds: Array.from({ length: 9 }, (_, k) => k + 1) });
    const columns = sweepColumns(plan);
    for (const format of ['csv', 'jsonl'] as const) {
      const expected = plan.items.map((item) => formatRow(runOne(plan.document, item), columns, format));
      const lines: string[] = [];
      const out = await runOnWorkers(plan.document, plan.items, { workers: 2, series: false, batch: 2, filename, lines: { columns, format }, stopping: () => false, onRow: (l) => lines.push(l) });
      expect(out).toEqual({ finished: 9, stopped: false });
      expect(lines).toEqual(expected);
    }
  });

  it('calls onDelivered after each group of delivered rows, never with none new, and after the last', async () => {
    const plan = planSweep(scenario, { seeds: Array.from({ length: 11 }, (_, k) => k + 1) });
    let count = 0;
    const delivered: number[] = [];
    await runOnWorkers(plan.document, plan.items, { workers: 2, series: false, batch: 3, filename, stopping: () => false, onRow: () => count++, onDelivered: () => delivered.push(count) });
    // Strictly increasing: every call follows at least one new row; the last follows them all.
    expect(delivered.every((n, k) => n > (delivered[k - 1] ?? 0))).toBe(true);
    expect(delivered.at(-1)).toBe(11);
    // At most one group per batch of 3 (4 batches), not one per row.
    expect(delivered.length).toBeLessThanOrEqual(4);
  });

  it('with lines, delivers and announces the lines finished before a failing run', async () => {
    const plan = planSweep(scenario, { seeds: [1, 2, 3, 4] });
    const columns = sweepColumns(plan);
    const items: PlanItem[] = plan.items.map((item, k) => (k === 2 ? { ...item, run: 'p9-s3', point: 9, params: { 'mechanisms.detection.scale': 'high' } } : item));
    const lines: string[] = [];
    let announced = 0;
    const run = runOnWorkers(plan.document, items, { workers: 1, series: false, batch: 4, filename, lines: { columns, format: 'csv' }, stopping: () => false, onRow: (l) => lines.push(l), onDelivered: () => (announced = lines.length) });
    await expect(run).rejects.toThrow(/run p9-s3: [\s\S]*mechanisms\.detection\.scale/);
    expect(lines.map((l) => l.split(',')[0])).toEqual(['p0-s1', 'p0-s2']);
    expect(announced).toBe(2);
  });
});
