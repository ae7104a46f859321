// prepareRun (src/strategies/simulate.ts): simulate's preparation without its play, so that runOne
// can play the same world with the same strategies another way (issue 7's flat path). Playing what
// it returns must be simulate's run, and its errors must be simulate's, issue for issue.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, createRegistry, defineStrategy, hawk, parseScenario, runRounds, simulate } from '../../src/index.js';
import type { Run, SimulateOptions, StrategyMeta, World, WorldSpec } from '../../src/index.js';
import { prepareRun } from '../../src/strategies/simulate.js';
import { sha256, worldJson } from '../helpers/engine.js';

const scenario = (file: string) => parseScenario(readFileSync(resolve(import.meta.dirname, '../../scenarios', file), 'utf8'), { source: file });
const meta: StrategyMeta = { stochastic: false, retaliatory: true, forgiving: false, attributionSensitive: true };

/** Both runs, compared by everything a run hands out: worlds (as bytes), log, metrics, strategies by name. */
function expectSameRun(a: Run, b: Run): void {
  expect(worldJson(b.initial)).toBe(worldJson(a.initial));
  expect(worldJson(b.world)).toBe(worldJson(a.world));
  expect(sha256(b.log)).toBe(sha256(a.log));
  expect(b.metrics).toEqual(a.metrics);
  expect(Object.keys(b.strategies)).toEqual(Object.keys(a.strategies));
  for (const [id, s] of Object.entries(a.strategies)) expect([b.strategies[id]?.name, b.strategies[id]?.params]).toEqual([s.name, s.params]);
}

/** simulate, and runRounds of what prepareRun gives for the same start and options. */
function bothWays(start: WorldSpec | World, options: SimulateOptions): [Run, Run] {
  const { rounds, log, onRound, onInvalidAction, onStrategyError, ...prepare } = options;
  const { world, strategies } = prepareRun(start, prepare);
  const play = { rounds, ...(log !== undefined ? { log } : {}), ...(onRound ? { onRound } : {}), ...(onInvalidAction ? { onInvalidAction } : {}), ...(onStrategyError ? { onStrategyError } : {}) };
  return [simulate(start, options), runRounds(world, strategies, play)];
}

/** The error `f` throws, as what a caller sees of it. */
function errorOf(f: () => unknown): { message: string; issues: unknown } {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return { message: e.message, issues: e.issues };
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('prepareRun', () => {
  it('gives the world and strategies simulate plays: the same run, for several scenarios and seeds', () => {
    for (const file of ['us-china-2015.yaml', 'false-flag-hotline.yaml', 'cyber-cold-war.yaml']) {
      const s = scenario(file);
      for (const seed of [1, 7]) expectSameRun(...bothWays(s.spec, { seed, rounds: Math.min(s.rounds, 24) }));
    }
  });

  it('records overrides in the world as simulate does, with a registry of the caller’s, and continues a world', () => {
    const s = scenario('us-china-2015.yaml');
    const mine = defineStrategy({ name: 'watcher', meta });
    const registry = createRegistry().register(mine);
    const [a, b] = bothWays(s.spec, { seed: 3, rounds: 12, registry, strategies: { US: 'watcher', CN: hawk({ accuseAt: 0.5 }) } });
    expectSameRun(a, b);
    expect(b.initial.actors.find((x) => x.id === 'CN')?.strategyParams).toMatchObject({ accuseAt: 0.5 });
    // Continuing: the world's record is read back (the registry for the user's strategy).
    expectSameRun(...bothWays(a.world, { rounds: 6, registry }));
  });

  it('throws simulate’s errors, issue for issue, in the same order', () => {
    const spec: WorldSpec = { actors: [{ id: 'US', strategy: 'dove' }, { id: 'CN', strategy: 'hawk' }] };
    const played = simulate({ actors: [{ id: 'US', strategy: defineStrategy({ name: 'mine', meta }) }, { id: 'CN' }] }, { seed: 1, rounds: 1 }).world;
    // Each failing before any round: simulate gets the very same options (no `rounds`, which
    // runRounds checks after the preparation, as before).
    const cases: [WorldSpec | World, Omit<SimulateOptions, 'rounds'>][] = [
      [null as unknown as WorldSpec, { seed: 1 }],
      [spec, null as unknown as SimulateOptions],
      [spec, { seed: 1, strategies: { US: 'dovv' }, rounds: 'x' } as unknown as SimulateOptions],
      [spec, { seed: 1, sed: 2 } as unknown as SimulateOptions],
      [spec, { seed: 1, strategies: 'dove' } as unknown as SimulateOptions],
      [spec, { seed: 1, registry: {} } as unknown as SimulateOptions],
      [spec, { seed: 1, strategies: { XX: 'dove', US: 'hawkk' } }],
      [{ actors: [{ id: 'US', strategy: 'dovv' }, { id: 'CN', strategy: 'hawk', capabilities: 'nope' }] } as unknown as WorldSpec, { seed: 1 }],
      [spec, {}],
      [played, { seed: 2 }],
      [played, {}],
    ];
    for (const [start, options] of cases) {
      const expected = errorOf(() => simulate(start, options as SimulateOptions));
      expect(errorOf(() => prepareRun(start, options))).toEqual(expected);
    }
  });
});
