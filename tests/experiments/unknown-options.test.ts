/**
 * A misspelt option name of the experiment functions is refused, each name with the names taken
 * and a "did you mean", before any run: it was dropped without a word, and the sweep ran without
 * it (`grd` for `grid`: one grid point instead of three). The compiler catches it only in an
 * object literal written at the call; options in a variable, or from JavaScript, got nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry, parseScenario, planSweep, runItems, runOne, sweep, tournament, tournamentGrid } from '../../src/index.js';
import type { PlanOptions, RunOneOptions, SweepOptions, TournamentOptions } from '../../src/index.js';
import { configErrorOf } from '../helpers/issues.js';

const duel = parseScenario(readFileSync(resolve(import.meta.dirname, '../e2e/fixtures/duel.yaml'), 'utf8'), { source: 'duel.yaml' });
const grid = { 'mechanisms.detection.scale': [0.5, 1, 2] };

describe('planSweep and sweep refuse option names they do not know', () => {
  it('sweep: grd for grid, named with the names taken and a did-you-mean; every name of its type is still taken', () => {
    const plan = planSweep(duel, { seeds: '1..2', grid });
    expect(sweep(duel, { seeds: '1..2', grid, registry: createRegistry(), series: true, items: plan.items.slice(0, 2) })).toHaveLength(2);
    const options = { seeds: '1..3', grd: grid };
    const e = configErrorOf(() => sweep(duel, options as SweepOptions));
    expect(e.source).toBe('sweep');
    expect(e.issues).toEqual([{ path: 'options.grd', expected: 'one of the options seeds, grid, registry, series, items', received: 'an unknown option', hint: "did you mean 'grid'?" }]);
  });

  it('planSweep: each unknown name, also one set to undefined; its own names still taken', () => {
    expect(planSweep(duel, { seeds: '1..2', grid, registry: createRegistry() }).items).toHaveLength(6);
    const options = { seed: '1..3', grid, serie: undefined };
    const e = configErrorOf(() => planSweep(duel, options as unknown as PlanOptions));
    expect(e.source).toBe('planSweep');
    expect(e.issues.map((i) => [i.path, i.hint])).toEqual([
      ['options.seed', "did you mean 'seeds'?"],
      ['options.serie', undefined],
    ]);
    expect(e.issues[0]?.expected).toBe('one of the options seeds, grid, registry');
  });

  it('planSweep and sweep without an options object: a ConfigError, not a TypeError', () => {
    expect(configErrorOf(() => planSweep(duel, undefined as never)).issues).toEqual([{ path: 'options', expected: 'an options object (seeds, grid, registry)', received: 'undefined' }]);
    expect(configErrorOf(() => sweep(duel, null as never)).issues[0]?.path).toBe('options');
  });
});

describe('runItems and runOne refuse option names they do not know', () => {
  const plan = planSweep(duel, { seeds: [1] });
  const item = plan.items[0]!;

  it('runOne: seris for series; series, registry and scenario still taken', () => {
    expect(Object.keys(runOne(plan.document, item, { series: true, registry: createRegistry(), scenario: duel }))).toContain('series.peakRung');
    const e = configErrorOf(() => runOne(plan.document, item, { seris: true } as RunOneOptions));
    expect(e.source).toBe('runOne');
    expect(e.issues).toEqual([{ path: 'options.seris', expected: 'one of the options series, registry, scenario', received: 'an unknown option', hint: "did you mean 'series'?" }]);
  });

  it('runItems: seris for series, and the options of a sweep (its grid is the plan, not the options)', () => {
    expect(Object.keys(runItems(plan, plan.items, { series: true, registry: createRegistry() })[0]!)).toContain('series.peakRung');
    const e = configErrorOf(() => runItems(plan, plan.items, { seris: true, grid } as never));
    expect(e.source).toBe('runItems');
    expect(e.issues.map((i) => [i.path, i.hint])).toEqual([
      ['options.seris', "did you mean 'series'?"],
      ['options.grid', undefined],
    ]);
  });
});

describe('tournament and tournamentGrid refuse option names they do not know', () => {
  it('tournament: role for roles (it ran with the default roles); every name of its type still taken', () => {
    expect(tournament(duel, { strategies: ['hawk', 'dove'], roles: ['CN'], seeds: '1..2', registry: createRegistry() }).roles).toEqual(['CN']);
    const options = { strategies: ['hawk', 'dove'], role: ['CN'], seeds: '1..2' };
    const e = configErrorOf(() => tournament(duel, options as TournamentOptions));
    expect(e.source).toBe('tournament');
    expect(e.issues).toEqual([{ path: 'options.role', expected: 'one of the options strategies, roles, seeds, registry', received: 'an unknown option', hint: "did you mean 'roles'?" }]);
  });

  it("tournamentGrid: role for roles; the names of a tournament's options still taken", () => {
    expect(tournamentGrid(duel, { strategies: ['hawk'], roles: ['CN'], seeds: '1..2', registry: createRegistry() } as TournamentOptions).roles).toEqual(['CN']);
    const e = configErrorOf(() => tournamentGrid(duel, { strategies: ['hawk'], role: ['CN'] } as never));
    expect(e.source).toBe('tournamentGrid');
    expect(e.issues.map((i) => [i.path, i.hint])).toEqual([['options.role', "did you mean 'roles'?"]]);
  });
});
