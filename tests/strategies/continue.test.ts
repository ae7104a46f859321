import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_STRATEGIES,
  ConfigError,
  createRegistry,
  createWorld,
  defineStrategy,
  fork,
  parseScenario,
  random,
  restore,
  simulate,
  snapshot,
} from '../../src/index.js';
import type { Run, SimulateOptions, Strategy, World, WorldSnapshot, WorldSpec } from '../../src/index.js';
import { sha256, worldJson } from '../helpers/engine.js';

const root = resolve(import.meta.dirname, '../..');

/** A world through a JSON file and back. */
function throughJson(world: World): World {
  return restore(JSON.parse(JSON.stringify(snapshot(world))) as WorldSnapshot);
}

/** `rounds` rounds at once, and the same split at `k` and continued directly and through a snapshot: all three must agree. */
function expectContinuable(spec: WorldSpec, seed: number, rounds: number, k: number, more: Omit<SimulateOptions, 'rounds' | 'seed'> = {}): Run {
  const full = simulate(spec, { seed, rounds, ...more });
  const head = simulate(spec, { seed, rounds: k, ...more });
  for (const [how, world] of [['directly', head.world], ['through a snapshot', throughJson(head.world)]] as const) {
    const rest = simulate(world, { rounds: rounds - k, ...(more.registry ? { registry: more.registry } : {}) });
    expect(sha256([...head.log, ...rest.log]), `continued ${how} at round ${k}`).toBe(sha256(full.log));
    expect(worldJson(rest.world), `continued ${how} at round ${k}`).toBe(worldJson(full.world));
  }
  return full;
}

const operationsPerRound = (run: Run) => run.metrics.map((m) => run.log.filter((e) => e.type === 'operation.conducted' && e.round === m.round).length);

describe('continuing a world plays the same strategies', () => {
  it('a built-in given with parameters keeps them (the QA repro: random at rate 0.9)', () => {
    const spec: WorldSpec = { actors: [{ id: 'US', strategy: random({ rate: 0.9 }) }, { id: 'CN', strategy: 'dove' }] };
    const full = expectContinuable(spec, 1, 6, 3);
    expect(operationsPerRound(full)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(full.world.actors.find((a) => a.id === 'US')?.strategyParams).toEqual({ rate: 0.9 });
  });

  it('every bundled scenario, split at several rounds, directly and through a snapshot', () => {
    const files = readdirSync(resolve(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const s = parseScenario(readFileSync(resolve(root, 'scenarios', file), 'utf8'), { source: file });
      for (const k of [1, Math.floor(s.rounds / 2), s.rounds - 1]) expectContinuable(s.spec, 1, s.rounds, k);
    }
  });

  it('every built-in given as an object with parameters other than its defaults', () => {
    const params: Record<string, Record<string, number>> = {
      passive: {},
      dove: { threshold: 0.3 },
      hawk: { accuseAt: 0.05, sanctionAt: 0.1, retaliateAt: 0.2, disruptBelowTrust: 0.9 },
      'tit-for-tat': { threshold: 0.1 },
      'generous-tit-for-tat': { threshold: 0.1, generosity: 0.9 },
      deterrer: { retaliateAt: 0.1, retaliationCost: 0 },
      random: { rate: 0.95 },
      'norm-entrepreneur': { threshold: 0.2 },
      pragmatist: { spyBelowExposure: 1, threshold: 0.1 },
      spoiler: { cheatBelow: 1 },
      'grim-trigger': { threshold: 0.1 },
      cautious: { threshold: 0.2, sanctionAt: 0.3 },
      'de-escalator': { accuseAt: 0.1, minConfidence: 0.05 },
      contractor: { rate: 1 },
    };
    expect(Object.keys(params).sort()).toEqual(Object.keys(BUILTIN_STRATEGIES).sort());
    for (const [name, p] of Object.entries(params)) {
      const make = BUILTIN_STRATEGIES[name as keyof typeof BUILTIN_STRATEGIES];
      const spec: WorldSpec = {
        actors: [
          { id: 'A', strategy: make(p) },
          { id: 'B', strategy: 'hawk' },
          { id: 'C', strategy: random({ rate: 0.6 }) },
          { id: 'P', kind: 'proxy', sponsor: 'B', strategy: make(p) },
        ],
      };
      const full = expectContinuable(spec, 7, 10, 4);
      expect(full.world.actors.find((a) => a.id === 'A')?.strategyParams, name).toEqual(make(p).params);
    }
  });

  it('strategies given in the options are recorded, so a world continued from them keeps them', () => {
    const spec: WorldSpec = { actors: [{ id: 'US', strategy: 'dove' }, { id: 'CN', strategy: 'dove' }] };
    const strategies = { US: random({ rate: 0.9 }), CN: 'hawk' };
    const full = expectContinuable(spec, 1, 8, 3, { strategies });
    expect(operationsPerRound(full).every((n) => n >= 1)).toBe(true);
    expect(full.world.actors.map((a) => [a.id, a.strategy, a.strategyParams])).toEqual([
      ['CN', 'hawk', undefined],
      ['US', 'random', { rate: 0.9 }],
    ]);
  });

  it('a world made with createWorld records the parameters of its strategy objects too', () => {
    const world = createWorld({ actors: [{ id: 'US', strategy: random({ rate: 0.9 }) }, { id: 'CN', strategy: 'dove' }] }, { seed: 1 });
    const once = simulate(world, { rounds: 6 });
    expect(operationsPerRound(once)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('a fork continued from its last world keeps the intervention’s strategies', () => {
    const spec: WorldSpec = { actors: [{ id: 'US', strategy: 'dove' }, { id: 'CN', strategy: 'dove' }, { id: 'RU', strategy: random({ rate: 0.5 }) }] };
    const run = simulate(spec, { seed: 5, rounds: 10 });
    const whole = fork(run, 4, { strategies: { US: random({ rate: 0.9 }), CN: 'hawk' } }, { rounds: 10 });
    const part = fork(run, 4, { strategies: { US: random({ rate: 0.9 }), CN: 'hawk' } }, { rounds: 4 });
    const rest = simulate(throughJson(part.world), { rounds: 6 });
    expect(sha256([...part.log, ...rest.log])).toBe(sha256(whole.log));
    expect(worldJson(rest.world)).toBe(worldJson(whole.world));
    // A fork with no intervention still reproduces the run, world and all.
    expect(worldJson(fork(whole, 7).world)).toBe(worldJson(whole.world));
  });
});

describe('a strategy the world cannot rebuild is never replaced silently', () => {
  const wary = defineStrategy({
    name: 'wary',
    meta: { stochastic: true, retaliatory: false, forgiving: true, attributionSensitive: false },
    operate: (view, rng) => (rng.chance(0.8) ? [{ type: 'operate', target: view.self === 'US' ? 'CN' : 'US', kind: 'espionage' }] : []),
  });
  // Named like a built-in: resolving it by name would silently give the built-in hawk.
  const fakeHawk = defineStrategy({ name: 'hawk', meta: wary.meta, operate: wary.operate.bind(wary) });
  const spec: WorldSpec = { actors: [{ id: 'US', strategy: wary }, { id: 'CN', strategy: fakeHawk }] };

  it('continuing without it is a ConfigError that says to pass the strategies', () => {
    const head = simulate(spec, { seed: 1, rounds: 3 });
    expect(head.world.actors.map((a) => a.strategyParams)).toEqual([null, null]);
    for (const world of [head.world, throughJson(head.world)]) {
      let caught: unknown;
      try {
        simulate(world, { rounds: 3 });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      const message = (caught as ConfigError).message;
      expect(message).toMatch(/strategies\.CN: expected the strategy object 'hawk' this world was played with[^\n]*pass it again \(options\.strategies\)/);
      expect(message).toMatch(/strategies\.US: expected the strategy object 'wary'/);
    }
  });

  it('passed again, or found in the registry the caller gives, it continues exactly', () => {
    const full = simulate(spec, { seed: 1, rounds: 6 });
    const head = simulate(spec, { seed: 1, rounds: 3 });
    const again = simulate(throughJson(head.world), { rounds: 3, strategies: { US: wary, CN: fakeHawk } });
    expect(sha256([...head.log, ...again.log])).toBe(sha256(full.log));
    const mine = createRegistry().register(wary);
    const byRegistry = simulate(throughJson(head.world), { rounds: 3, registry: mine, strategies: { CN: fakeHawk } });
    expect(sha256([...head.log, ...byRegistry.log])).toBe(sha256(full.log));
  });

  it('a registered factory is rebuilt with the parameters it was given', () => {
    const eager = (params?: Readonly<Record<string, unknown>>): Strategy => {
      const rate = typeof params?.rate === 'number' ? params.rate : 0.1;
      return defineStrategy({ ...wary, name: 'eager', operate: (view, rng) => (rng.chance(rate) ? [{ type: 'operate', target: view.self === 'US' ? 'CN' : 'US', kind: 'espionage' }] : []) });
    };
    const registry = createRegistry().register(eager);
    const made = registry.get('eager', { rate: 0.95 });
    expect(made.params).toEqual({ rate: 0.95 });
    const s: WorldSpec = { actors: [{ id: 'US', strategy: made }, { id: 'CN', strategy: 'dove' }] };
    expectContinuable(s, 2, 8, 4, { registry });
    // Without the registry that holds it the name is unknown: an error, not a guess.
    const head = simulate(s, { seed: 2, rounds: 4, registry });
    expect(() => simulate(head.world, { rounds: 2 })).toThrow(ConfigError);
  });

  it('defineStrategy checks the params it records', () => {
    expect(defineStrategy({ ...wary, params: { rate: 0.5 } }).params).toEqual({ rate: 0.5 });
    expect(() => defineStrategy({ ...wary, params: { rate: 'high' } as unknown as Record<string, number> })).toThrow(/params must be a plain object of finite numbers/);
  });

  it('createWorld rejects a strategy object whose params are not numbers', () => {
    const odd = { ...random(), params: { rate: Number.NaN } } as Strategy;
    expect(() => createWorld({ actors: [{ id: 'US', strategy: odd }] }, { seed: 1 })).toThrow(/actors\[0\]\.strategy\.params: expected a plain object of finite numbers/);
  });
});

describe('simulate checks its arguments', () => {
  const spec: WorldSpec = { actors: [{ id: 'US', strategy: 'dove' }, { id: 'CN', strategy: 'hawk' }] };

  it('a missing options object is a ConfigError (there is no default number of rounds)', () => {
    expect(() => simulate(spec, undefined as unknown as SimulateOptions)).toThrow(ConfigError);
    expect(() => simulate(spec, undefined as unknown as SimulateOptions)).toThrow(/options: expected an options object: \{ rounds \} to continue a world, \{ seed, rounds \} to start from a spec, received undefined/);
    expect(() => simulate(spec, 12 as unknown as SimulateOptions)).toThrow(/options: expected an options object[^\n]*received 12/);
  });

  it('a missing start is a ConfigError', () => {
    expect(() => simulate(undefined as unknown as WorldSpec, { seed: 1, rounds: 2 })).toThrow(/start: expected a world spec \(\{ actors: \[\.\.\.\] \}\) or a world to continue, received undefined/);
    expect(() => simulate(null as unknown as WorldSpec, { seed: 1, rounds: 2 })).toThrow(ConfigError);
  });

  it('missing rounds or seed, and malformed strategies or registry, are ConfigErrors naming the option', () => {
    expect(() => simulate(spec, { seed: 1 } as unknown as SimulateOptions)).toThrow(/rounds: expected a whole number of rounds/);
    expect(() => simulate(spec, { rounds: 2 })).toThrow(/seed: expected a non-empty string or a finite number/);
    expect(() => simulate(spec, { seed: 1, rounds: 2, strategies: 'hawk' as unknown as Record<string, string> })).toThrow(/strategies: expected an object of strategies/);
    expect(() => simulate(spec, { seed: 1, rounds: 2, registry: {} as unknown as ReturnType<typeof createRegistry> })).toThrow(/registry: expected a StrategyRegistry/);
  });
});
