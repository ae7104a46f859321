// The private brand of built-in strategies (src/strategies/builtins/brand.ts): the flat round path
// (issue 7) plays a built-in's own kernel only for an object a built-in factory made, so a user's
// strategy that reuses a built-in's name, or copies its params, must never pass for one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_STRATEGIES, createRegistry, createWorld, defineStrategy, hawk, parseScenario, simulate, StrategyRegistry, titForTat } from '../../src/index.js';
import type { Strategy, StrategyMeta } from '../../src/index.js';
import { builtinRefOf, builtinRefs } from '../../src/strategies/builtins/brand.js';
import { prepareRun } from '../../src/strategies/simulate.js';
import { loadStrategies } from '../../src/node/strategy-modules.js';

const HAWK_DEFAULTS = { accuseAt: 0.3, sanctionAt: 0.6, retaliateAt: 0.8, disruptBelowTrust: 0.35, tensionWeight: 0.3, tensionHalf: 1 };
const meta: StrategyMeta = { stochastic: false, retaliatory: true, forgiving: false, attributionSensitive: true };

describe('builtinRefOf', () => {
  it('gives nothing for a strategy of the user, even one named and parametrised as a built-in', () => {
    expect(builtinRefOf(defineStrategy({ name: 'hawk', meta }))).toBeUndefined();
    expect(builtinRefOf(defineStrategy({ name: 'hawk', meta: hawk().meta, params: { ...HAWK_DEFAULTS, accuseAt: 0.5 } }))).toBeUndefined();
    // A copy, a wrapper or a proxy of a built-in is another object: its methods may be the user's.
    const h = hawk();
    expect(builtinRefOf({ ...h })).toBeUndefined();
    expect(builtinRefOf({ ...h, operate: () => [] })).toBeUndefined();
    expect(builtinRefOf(new Proxy(h, {}))).toBeUndefined();
    expect(builtinRefOf(Object.create(h) as Strategy)).toBeUndefined();
  });

  it('gives the name and every parameter, defaults filled in, for a factory’s strategy and the registry’s', () => {
    const expected = { name: 'hawk', params: { ...HAWK_DEFAULTS, accuseAt: 0.5 } };
    expect(builtinRefOf(hawk({ accuseAt: 0.5 }))).toEqual(expected);
    expect(builtinRefOf(createRegistry().get('hawk', { accuseAt: 0.5 }))).toEqual(expected);
    expect(builtinRefOf(hawk())).toEqual({ name: 'hawk', params: HAWK_DEFAULTS });
    // The registered name, not the factory's (tit-for-tat and its generous twin share one).
    expect(builtinRefOf(titForTat({ threshold: 0.7 }))?.name).toBe('tit-for-tat');
  });

  it('brands every built-in, by its registered name, with the params its strategy carries', () => {
    const registry = createRegistry();
    for (const [name, factory] of Object.entries(BUILTIN_STRATEGIES)) {
      for (const s of [factory(), registry.get(name), registry.get(name, {})]) {
        const ref = builtinRefOf(s);
        expect(ref, name).toBeDefined();
        expect(ref?.name).toBe(name);
        // The parameters the kernel plays are those the strategy plays: all of them, defaults included.
        expect(ref?.params).toEqual(s.params);
        expect(Object.keys(ref?.params ?? {}).length).toBe(Object.keys(s.params ?? {}).length);
      }
    }
    // A built-in has at least one parameter but passive: the defaults are there, not just what was given.
    expect(Object.keys(builtinRefOf(createRegistry().get('random'))?.params ?? {})).toEqual(['rate']);
  });

  it('hands out a frozen ref: neither it nor its params can be changed', () => {
    const ref = builtinRefOf(hawk({ accuseAt: 0.5 }));
    expect(Object.isFrozen(ref)).toBe(true);
    expect(Object.isFrozen(ref?.params)).toBe(true);
    expect(() => {
      (ref?.params as Record<string, number>).accuseAt = 0.9;
    }).toThrow(TypeError);
    expect(ref?.params.accuseAt).toBe(0.5);
  });

  it('keeps the brand through registries of any kind: a factory, an object, a strategy of simulate’s default registry', () => {
    const byFactory = new StrategyRegistry().register(hawk);
    expect(builtinRefOf(byFactory.get('hawk', { accuseAt: 0.5 }))?.params.accuseAt).toBe(0.5);
    // A registered object is handed out as it is, whatever params are asked for: its ref says what it plays.
    const object = hawk({ accuseAt: 0.4 });
    const byObject = new StrategyRegistry().register(object);
    expect(byObject.get('hawk', { accuseAt: 0.5 })).toBe(object);
    expect(builtinRefOf(byObject.get('hawk', { accuseAt: 0.5 }))?.params.accuseAt).toBe(0.4);
    // A factory of the user's that leaves its params out is wrapped by the registry (withParams): no brand.
    const mine = new StrategyRegistry().register(() => defineStrategy({ name: 'hawk', meta }));
    expect(builtinRefOf(mine.get('hawk', { accuseAt: 0.5 }))).toBeUndefined();
    // Names resolved by simulate, a scenario's { name, params }, and a world continued from its record.
    const spec = parseScenario('name: t\nrounds: 2\nactors: [{ id: A, strategy: { name: hawk, params: { accuseAt: 0.5 } } }, { id: B, strategy: dove }]').spec;
    const run = simulate(spec, { seed: 1, rounds: 2 });
    expect(builtinRefOf(run.strategies.A as Strategy)?.params.accuseAt).toBe(0.5);
    expect(builtinRefOf(run.strategies.B as Strategy)?.name).toBe('dove');
    const more = simulate(run.world, { rounds: 1 });
    expect(builtinRefOf(more.strategies.A as Strategy)?.params.accuseAt).toBe(0.5);
  });
});

describe('strategies loaded from a strategy module', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'detente-brand-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  const moduleFile = (text: string): string => {
    const file = join(tmp, `m${++n}.mjs`);
    writeFileSync(file, text);
    return file;
  };
  // The module hands out objects of this copy of the library through a global: a module importing
  // 'detente' would get the built package, another copy with a brand of its own (see the last test).
  const shared = globalThis as { detenteBrandTest?: unknown };

  it('written by hand have no brand, even under a built-in’s name and params', async () => {
    const file = moduleFile(`export default { name: 'hawk', params: ${JSON.stringify(HAWK_DEFAULTS)}, meta: ${JSON.stringify(meta)}, operate: () => [], diplomacy: () => [], respond: () => ({ type: 'ignore' }) };`);
    const registry = await loadStrategies(file, new StrategyRegistry());
    expect(builtinRefOf(registry.get('hawk'))).toBeUndefined();
    expect(builtinRefOf(registry.get('hawk', { accuseAt: 0.5 }))).toBeUndefined();
  });

  it('are the loader’s own copies, unbranded, but for what a built-in factory makes when given params', async () => {
    shared.detenteBrandTest = [hawk({ accuseAt: 0.4 }), BUILTIN_STRATEGIES.dove];
    try {
      const registry = await loadStrategies(moduleFile('export default globalThis.detenteBrandTest;'), new StrategyRegistry());
      // The loader registers a snapshot of each object it checked (src/node/strategy-modules.ts,
      // snapshotOf): another object, that plays the same, and takes the general path.
      const loaded = registry.get('hawk');
      expect(loaded.params).toEqual({ ...HAWK_DEFAULTS, accuseAt: 0.4 });
      expect(builtinRefOf(loaded)).toBeUndefined();
      expect(builtinRefOf(registry.get('dove'))).toBeUndefined();
      // With params, the loader calls the module's factory itself: the very object a built-in makes.
      expect(builtinRefOf(registry.get('dove', { threshold: 0.5 }))).toEqual({ name: 'dove', params: { threshold: 0.5 } });
    } finally {
      delete shared.detenteBrandTest;
    }
  });

  it('made by another copy of the library (the built package) carry no brand of this copy', async () => {
    // The command line bundles a copy of its own: a user's module that imports `hawk` from
    // 'detente' hands it an object of another copy, which then takes the general path (safe, slower).
    // A path, not a literal: the typecheck runs before the build, on a clone without dist/.
    const built = (await import(resolve(import.meta.dirname, '../../dist/index.js'))) as { hawk: (p?: Record<string, unknown>) => Strategy };
    const other = built.hawk({ accuseAt: 0.5 });
    expect(other.params).toEqual({ ...HAWK_DEFAULTS, accuseAt: 0.5 });
    expect(builtinRefOf(other)).toBeUndefined();
  });
});

describe('builtinRefs', () => {
  it('gives each actor’s ref in the order of world.actors, undefined for the user’s', () => {
    const mine = defineStrategy({ name: 'hawk', meta });
    const spec = { actors: [{ id: 'US', strategy: 'dove' }, { id: 'CN', strategy: mine }, { id: 'AU', strategy: hawk({ accuseAt: 0.5 }) }] };
    const { world, strategies } = prepareRun(spec, { seed: 1 });
    expect(world.actors.map((a) => a.id)).toEqual(['AU', 'CN', 'US']);
    const refs = builtinRefs(world, strategies);
    expect(refs.map((r) => r?.name)).toEqual(['hawk', undefined, 'dove']);
    expect(refs[0]?.params.accuseAt).toBe(0.5);
    // An actor without a strategy in the assignment has no ref either.
    expect(builtinRefs(createWorld(spec, { seed: 1 }), { US: BUILTIN_STRATEGIES.dove() }).map((r) => r?.name)).toEqual([undefined, undefined, 'dove']);
  });
});
