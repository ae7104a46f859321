// How many threads a sweep's pool starts, and that it never shuts one down while it is still
// loading its module (which aborted the process: "v8::Module::IsGraphAsync … must be used on an
// instantiated module", with --workers 64 and two runs).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOnWorkers, threadCount } from '../../src/node/pool.js';
import { parseScenario, planSweep, runOne } from '../../src/index.js';
import type { SweepRow } from '../../src/index.js';
import { cliHarness, duelFixture } from '../helpers/cli.js';

const filename = resolve(import.meta.dirname, 'fixtures/slow-start-worker.mjs');
const scenario = parseScenario(readFileSync(duelFixture, 'utf8'), { source: duelFixture });
const { detente } = cliHarness('detente-pool-');

let log: string;
beforeEach(() => {
  log = mkdtempSync(join(tmpdir(), 'detente-threads-'));
  process.env.DETENTE_TEST_THREAD_LOG = log;
});
afterEach(() => {
  rmSync(log, { recursive: true, force: true });
  delete process.env.DETENTE_TEST_THREAD_LOG;
  delete process.env.DETENTE_TEST_LOAD_MS;
});

/** The notes of every thread the pool started: one 'started', then one 'loaded' if it finished loading. */
const notes = () => readdirSync(log).map((f) => readFileSync(join(log, f), 'utf8'));

describe('the sweep pool threads', () => {
  it('never starts more threads than there are runs', () => {
    expect(threadCount(64, 2)).toBe(2);
    expect(threadCount(2, 1000)).toBe(2);
    expect(threadCount(8, 0)).toBe(0);
  });

  it('with more workers than runs, runs them all on one thread per run', async () => {
    const plan = planSweep(scenario, { seeds: [1, 2] });
    const rows: SweepRow[] = [];
    const out = await runOnWorkers(plan.document, plan.items, { workers: 16, series: false, filename, stopping: () => false, onRow: (r) => rows.push(r) });
    expect(out).toEqual({ finished: 2, stopped: false });
    expect(rows).toEqual(plan.items.map((item) => runOne(plan.document, item)));
    expect(notes()).toHaveLength(2);
  });

  it('waits for threads still loading their module before it shuts down', async () => {
    // Stopped before the first batch: the pool shuts down at once, while its threads load.
    process.env.DETENTE_TEST_LOAD_MS = '300';
    const plan = planSweep(scenario, { seeds: [1, 2, 3] });
    const out = await runOnWorkers(plan.document, plan.items, { workers: 3, series: false, filename, stopping: () => true, onRow: () => undefined });
    expect(out).toEqual({ finished: 0, stopped: true });
    expect(notes()).toEqual(['started\nloaded\n', 'started\nloaded\n', 'started\nloaded\n']);
  });

  it('a sweep with far more workers than runs writes what one worker writes', () => {
    const one = detente('sweep', duelFixture, '--seeds', '1..2', '--workers', '1');
    const many = detente('sweep', duelFixture, '--seeds', '1..2', '--workers', '64');
    expect(one.status).toBe(0);
    expect(many.status).toBe(0);
    expect(many.stderr).toBe('');
    expect(many.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\n')).toHaveLength(3);
  });
});
