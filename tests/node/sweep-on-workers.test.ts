// `sweepOnWorkers` and `tournamentOnWorkers` (detente/node): the rows of `sweep` and the result
// of `tournament`, whatever the number of threads, with strategies of the caller's own imported by
// every thread. Tested through the built entry, whose pool finds its worker beside it
// (tests/global-setup.ts builds dist/ first).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';
import type * as Detente from '../../src/index.js';
import type * as DetenteNode from '../../src/node/index.js';

const detente = (await import(resolve(root, 'dist/index.js'))) as typeof Detente;
const { sweepOnWorkers, loadStrategies } = (await import(resolve(root, 'dist/node/index.js'))) as typeof DetenteNode;
const modules = resolve(import.meta.dirname, 'fixtures/strategies.mjs');
const custom = readFileSync(resolve(import.meta.dirname, 'fixtures/custom.yaml'), 'utf8');
const grid = { 'actors.US.strategy': ['grudging', 'forgetful', 'hawk'] };

/** What a call rejects with. */
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('sweepOnWorkers', () => {
  it('gives the rows of sweep, in plan order, with 1 and with 2 workers, with strategies of its own', async () => {
    const registry = await loadStrategies(modules);
    const scenario = detente.parseScenario(custom, { registry });
    const expected = detente.sweep(scenario, { seeds: '1..12', grid, registry });
    for (const workers of [1, 2]) {
      const seen: number[] = [];
      const rows = await sweepOnWorkers(scenario, { seeds: '1..12', grid, workers, modules, onRow: (_row, done) => seen.push(done) });
      expect(rows).toEqual(expected);
      expect(seen).toEqual(Array.from({ length: 36 }, (_, k) => k + 1));
    }
    // The document alone, and the module as a URL, give the same.
    expect(await sweepOnWorkers(scenario.document, { seeds: '1..12', grid, workers: 2, modules: [new URL(`file://${modules}`)] })).toEqual(expected);
  });

  it('plays built-in scenarios without any module, and only the items it is given (a shard)', async () => {
    const scenario = detente.parseScenario(readFileSync(resolve(root, 'scenarios/us-china-2015.yaml'), 'utf8'));
    const plan = detente.planSweep(scenario, { seeds: '1..9' });
    const shard = detente.shardItems(plan.items, 1, 3);
    const rows = await sweepOnWorkers(scenario, { seeds: '1..9', items: shard, workers: 2, series: true });
    expect(rows).toEqual(detente.sweep(scenario, { seeds: '1..9', items: shard, series: true }));
    expect(rows.map((r) => r.seed)).toEqual([2, 5, 8]);
  });

  it('refuses a registry (it cannot cross to a thread) and a number of workers out of range, listing every issue', async () => {
    const scenario = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    const e = await rejection(sweepOnWorkers(scenario, { seeds: '1..2', workers: 0, ...({ registry: detente.createRegistry() } as object) }));
    expect(e).toBeInstanceOf(detente.ConfigError);
    expect((e as Detente.ConfigError).issues.map((i) => i.path)).toEqual(['options.registry', 'options.workers']);
    expect((e as Error).message).toMatch(/pass the modules that export your strategies as options\.modules/);
    for (const workers of [1.5, 257, Number.NaN]) expect(await rejection(sweepOnWorkers(scenario, { seeds: '1', workers, modules }))).toBeInstanceOf(detente.ConfigError);
  });

  it('reports a scenario that names strategies nobody gave, and a module with a problem, before any run', async () => {
    let e = await rejection(sweepOnWorkers(detente.parseScenario(custom, { registry: await loadStrategies(modules) }).document, { seeds: '1..2', workers: 1 }));
    expect(e).toBeInstanceOf(detente.ConfigError);
    expect((e as Error).message).toMatch(/grudging/);
    e = await rejection(sweepOnWorkers(detente.parseScenario(readFileSync(resolve(root, 'scenarios/us-china-2015.yaml'), 'utf8')), { seeds: '1', modules: resolve(root, 'no-such-module.mjs') }));
    expect(e).toBeInstanceOf(detente.ConfigError);
    expect((e as Error).message).toMatch(/no-such-module\.mjs/);
  });

  it('rejects when its threads cannot import a module the main thread could', async () => {
    const scenario = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    const e = await rejection(sweepOnWorkers(scenario, { seeds: '1..200', workers: 2, modules: [resolve(import.meta.dirname, 'fixtures/threads-only.mjs'), modules] }));
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(/this module refuses worker threads/);
  });

  it('resolves a relative module path when it is called: a working directory changed meanwhile changes nothing', async () => {
    const scenario = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    const expected = detente.sweep(scenario, { seeds: '1..20', grid, registry: await loadStrategies(modules) });
    const cwd = process.cwd();
    process.chdir(dirname(modules));
    let rows: Promise<Detente.SweepRow[]>;
    try {
      rows = sweepOnWorkers(scenario, { seeds: '1..20', grid, workers: 2, modules: './strategies.mjs' });
    } finally {
      // Before the call has imported anything: there is no strategies.mjs in the repository's root.
      process.chdir(root);
    }
    try {
      expect(await rows).toEqual(expected);
    } finally {
      process.chdir(cwd);
    }
  });

  it('stops calling an onRow that threw or rejected, and rejects with its first error (a rejection was unhandled and crashed the process)', async () => {
    const scenario = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    for (const failOn of [1, 3]) {
      for (const async of [false, true]) {
        let calls = 0;
        const fail = () => {
          calls++;
          if (calls >= failOn) throw new Error(`boom ${calls}`);
        };
        const e = await rejection(sweepOnWorkers(scenario, { seeds: '1..300', workers: 2, modules, onRow: async ? async () => fail() : fail }));
        expect(e).toMatchObject({ message: `boom ${failOn}` });
        expect(calls).toBe(failOn);
      }
    }
  });

  it('awaits an async onRow before the next row: rows reach it in order', async () => {
    const scenario = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    const order: number[] = [];
    const rows = await sweepOnWorkers(scenario, {
      seeds: '1..40',
      workers: 2,
      modules,
      // Later rows wait less: without the wait for each call, they would overtake earlier ones.
      onRow: async (row) => {
        await new Promise((r) => setTimeout(r, 40 - Number(row.seed)));
        order.push(Number(row.seed));
      },
    });
    expect(rows).toHaveLength(40);
    expect(order).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
  });

  it('hints at options.modules when the scenario names a strategy nobody registered', async () => {
    const document = detente.parseScenario(custom, { registry: await loadStrategies(modules) }).document;
    const e = await rejection(sweepOnWorkers(document, { seeds: '1..2', workers: 1 }));
    expect(e).toBeInstanceOf(detente.ConfigError);
    expect((e as Error).message).toMatch(/received "grudging" \(a strategy of your own\? pass the module that exports it as options\.modules\)/);
  });

  it('stops handing out runs when its signal is aborted, keeps every finished row for onRow, and rejects with the reason', async () => {
    const scenario = detente.parseScenario(custom, { registry: await loadStrategies(modules) });
    const before = new AbortController();
    before.abort(new Error('not now'));
    expect(await rejection(sweepOnWorkers(scenario, { seeds: '1..5', modules, signal: before.signal }))).toMatchObject({ message: 'not now' });
    const during = new AbortController();
    const delivered: number[] = [];
    const e = await rejection(
      sweepOnWorkers(scenario, {
        seeds: '1..20000',
        workers: 2,
        modules,
        signal: during.signal,
        onRow: (row, done) => {
          delivered.push(Number(row.seed));
          if (done === 50) during.abort(new Error('enough'));
        },
      }),
    );
    expect(e).toMatchObject({ message: 'enough' });
    expect(delivered.length).toBeGreaterThanOrEqual(50);
    expect(delivered.length).toBeLessThan(20000);
    // Nothing finished is lost: every row before the stop came, each once.
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
    // Aborted at the last row, once every run was handed out: it still rejects, as documented.
    const late = new AbortController();
    const last = await rejection(sweepOnWorkers(scenario, { seeds: '1..6', modules, signal: late.signal, onRow: (_row, done) => done === 6 && late.abort(new Error('too late')) }));
    expect(last).toMatchObject({ message: 'too late' });
  });

  it('starts no thread when its signal is aborted while the modules are importing', async () => {
    const mark = resolve(mkdtempSync(resolve(tmpdir(), 'detente-abort-')), 'threads.txt');
    const controller = new AbortController();
    const scope = globalThis as { detenteAbortOnImport?: AbortController };
    scope.detenteAbortOnImport = controller;
    process.env.DETENTE_THREAD_MARK = mark;
    const rows: unknown[] = [];
    try {
      const e = await rejection(sweepOnWorkers(detente.parseScenario('name: quiet\nrounds: 4\nactors:\n  - { id: US, strategy: passive }\n  - { id: CN, strategy: passive }\n'), { seeds: '1..40', workers: 2, modules: resolve(import.meta.dirname, 'fixtures/aborts-on-import.mjs'), signal: controller.signal, onRow: (row) => rows.push(row) }));
      expect(controller.signal.aborted).toBe(true);
      expect(e).toMatchObject({ message: 'given up while importing' });
      expect(rows).toEqual([]);
      expect(existsSync(mark)).toBe(false);
    } finally {
      delete scope.detenteAbortOnImport;
      delete process.env.DETENTE_THREAD_MARK;
    }
  });
});

describe('tournamentOnWorkers', () => {
  it('gives the result of tournament: the same rows and standings, with strategies of its own', async () => {
    const { tournamentOnWorkers } = (await import(resolve(root, 'dist/node/index.js'))) as typeof DetenteNode;
    const registry = await loadStrategies(modules);
    const template = detente.parseScenario(custom, { registry });
    const options = { strategies: ['grudging', 'forgetful', 'hawk'], roles: ['US', 'CN'], seeds: '1..6' };
    const expected = detente.tournament(template, { ...options, registry });
    const got = await tournamentOnWorkers(template, { ...options, workers: 2, modules });
    expect(got).toEqual(expected);
    expect(got.rows.length).toBe(9 * 6);
    expect(got.standings.map((s) => s.strategy).sort()).toEqual(['forgetful', 'grudging', 'hawk']);
    const e = await rejection(tournamentOnWorkers(template, { ...options, ...({ registry } as object) }));
    expect(e).toBeInstanceOf(detente.ConfigError);
    expect((e as Error).message).toMatch(/options\.registry: expected no registry/);
  });
});
