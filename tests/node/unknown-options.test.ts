// `sweepOnWorkers` and `tournamentOnWorkers` refuse option names they do not know, before any
// thread starts: `grd` for `grid` gave the rows of a sweep without the grid, `worker` for
// `workers` ran on every core, `role` for `roles` played the default roles. Through the built
// entry, as in sweep-on-workers.test.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import type * as Detente from '../../src/index.js';
import type * as DetenteNode from '../../src/node/index.js';

const detente = (await import(resolve(root, 'dist/index.js'))) as typeof Detente;
const { sweepOnWorkers, tournamentOnWorkers, loadStrategies } = (await import(resolve(root, 'dist/node/index.js'))) as typeof DetenteNode;
const modules = resolve(import.meta.dirname, 'fixtures/strategies.mjs');
const custom = readFileSync(resolve(import.meta.dirname, 'fixtures/custom.yaml'), 'utf8');
const grid = { 'mechanisms.detection.scale': [0.5, 1, 2] };

/** The ConfigError a call rejects with; anything else fails the test. */
async function configError(p: Promise<unknown>): Promise<Detente.ConfigError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof detente.ConfigError)) throw new Error(`expected a ConfigError, got ${String(e)}`);
  return e;
}

describe('sweepOnWorkers refuses option names it does not know', () => {
  it('grd for grid and worker for workers, each named with the names taken and a did-you-mean, before any row', async () => {
    const scenario = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    let rows = 0;
    const options = { seeds: '1..2', worker: 1, grd: grid, onRow: () => void rows++ };
    const e = await configError(sweepOnWorkers(scenario, options as DetenteNode.WorkerSweepOptions));
    expect(e.source).toBe('sweepOnWorkers');
    const expected = 'one of the options seeds, grid, series, items, workers, modules, onRow, signal';
    expect(e.issues).toEqual([
      { path: 'options.worker', expected, received: 'an unknown option', hint: "did you mean 'workers'?" },
      { path: 'options.grd', expected, received: 'an unknown option', hint: "did you mean 'grid'?" },
    ]);
    expect(rows).toBe(0);
  });

  it('still takes every name of its options, and a registry keeps its own issue', async () => {
    const registry = await loadStrategies(modules);
    const scenario = detente.parseScenario(custom, { registry });
    const items = detente.planSweep(scenario, { seeds: '1..2', grid, registry }).items.slice(0, 3);
    let done = 0;
    const rows = await sweepOnWorkers(scenario, { seeds: '1..2', grid, series: true, items, workers: 1, modules, onRow: (_row, n) => void (done = n), signal: new AbortController().signal });
    expect(rows.map((r) => r.run)).toEqual(items.map((i) => i.run));
    expect(done).toBe(3);
    const e = await configError(sweepOnWorkers(scenario, { seeds: '1..2', ...({ registry, regsitry: 1 } as object) }));
    expect(e.issues.map((i) => i.path)).toEqual(['options.regsitry', 'options.registry']);
  });
});

describe('tournamentOnWorkers refuses option names it does not know', () => {
  it('role for roles (it played the default roles), named with a did-you-mean; every name of its options still taken', async () => {
    const template = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    const got = await tournamentOnWorkers(template, { strategies: ['grudging', 'hawk'], roles: ['US'], seeds: '1..2', workers: 1, modules, onRow: () => undefined, signal: new AbortController().signal });
    expect(got.roles).toEqual(['US']);
    const options = { strategies: ['grudging', 'hawk'], role: ['US'], seeds: '1..2', workers: 1, modules };
    const e = await configError(tournamentOnWorkers(template, options as DetenteNode.WorkerTournamentOptions));
    expect(e.source).toBe('tournamentOnWorkers');
    expect(e.issues).toEqual([{ path: 'options.role', expected: 'one of the options strategies, roles, seeds, workers, modules, onRow, signal', received: 'an unknown option', hint: "did you mean 'roles'?" }]);
  });
});
