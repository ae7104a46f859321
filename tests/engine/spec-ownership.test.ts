// A world spec stays its caller's: createWorld and simulate copy the parts a world keeps (agreements'
// terms, forum rules, injects) instead of freezing the caller's objects, so a caller may edit the
// spec afterwards (to build the next variant) without a TypeError, and without changing the world.
// Parts that are deep-frozen already (a parsed scenario's spec) are shared, not copied.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, createRegistry, createWorld, parseScenario, simulate } from '../../src/index.js';
import type { Inject, WorldSpec } from '../../src/index.js';
import { sha256, worldJson } from '../helpers/engine.js';
import { configIssuesOf } from '../helpers/issues.js';

/** A fresh spec, with every part the world could keep: agreements, forums, norms, injects, mechanisms. */
function mk(): WorldSpec {
  return {
    actors: [
      { id: 'US', strategy: 'tit-for-tat', capabilities: { espionage: 0.9, offense: 0.8 } },
      { id: 'CN', strategy: 'hawk' },
      { id: 'RU', strategy: 'random', capabilities: { stealth: 0.7 } },
    ],
    dyads: [{ from: 'US', to: 'CN', trust: 0.3, tension: 1, mutual: true }],
    agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'norms', norms: ['gge15.f', 'gge15.a'] }, { kind: 'hotline' }] }],
    forums: [{ id: 'gge', members: ['US', 'CN', 'RU'], rule: { threshold: 0.5 }, agenda: [['gge15.k']] }],
    norms: { RU: ['gge15.b'] },
    injects: [
      { round: 2, type: 'agreement', parties: ['CN', 'RU'], terms: [{ kind: 'next-round', rounds: 2 }] },
      { round: 1, type: 'mechanisms', set: { detection: { scale: 2 } } },
      { round: 3, type: 'operation', actor: 'RU', target: 'US', kind: 'disruption', against: 'networks' },
      { round: 1, type: 'note', text: 'talks open' },
    ],
    mechanisms: { detection: { scale: 1.5 } },
  };
}

/** Paths of every object or array under `value` that is frozen (strategy objects are code, not data). */
function frozenParts(value: unknown, path = 'spec', seen = new Set<object>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out = Object.isFrozen(value) ? [path] : [];
  for (const [k, v] of Object.entries(value)) out.push(...frozenParts(v, `${path}.${k}`, seen));
  return out;
}

/** Paths of every object or array under `value` that is not frozen (typed arrays excepted). */
function unfrozenParts(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) return [];
  seen.add(value);
  const out = Object.isFrozen(value) ? [] : [path];
  for (const [k, v] of Object.entries(value)) out.push(...unfrozenParts(v, `${path}.${k}`, seen));
  return out;
}

function deepFrozenCopy<T>(value: T): T {
  const freeze = (v: unknown): unknown => {
    if (typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) freeze(x);
      Object.freeze(v);
    }
    return v;
  };
  return freeze(structuredClone(value)) as T;
}

/** Edits the spec the way a caller building the next variant would (test files run in strict mode). */
function editEverything(spec: WorldSpec): void {
  const s = spec as unknown as {
    injects: { round: number; terms?: unknown[]; set?: { detection: { scale: number } } }[];
    agreements: { terms: { kind: string; norms?: string[] }[] }[];
    forums: { rule: { threshold: number }; agenda: string[][] }[];
    actors: { capabilities?: Record<string, number> }[];
  };
  (s.injects[0] as { round: number }).round = 4;
  s.injects[0]?.terms?.push({ kind: 'hotline' });
  (s.injects[1]?.set as { detection: { scale: number } }).detection.scale = 3;
  s.injects.push({ round: 5 });
  s.agreements[0]?.terms.push({ kind: 'assistance' });
  s.agreements[0]?.terms[0]?.norms?.push('gge15.c');
  (s.forums[0] as { rule: { threshold: number } }).rule.threshold = 1;
  s.forums[0]?.agenda.push(['gge15.a']);
  (s.actors[0]?.capabilities as Record<string, number>).espionage = 0.1;
}

describe('a spec built by its caller', () => {
  it('stays unfrozen and editable after createWorld, and editing it does not change the world', () => {
    const spec = mk();
    const world = createWorld(spec, { seed: 1 });
    expect(frozenParts(spec)).toEqual([]);
    const before = worldJson(world);
    expect(() => editEverything(spec)).not.toThrow();
    expect(worldJson(world)).toBe(before);
    expect(unfrozenParts(world)).toEqual([]);
  });

  it('stays unfrozen and editable after simulate; the run is deeply frozen and its log the same as from a frozen spec', () => {
    const spec = mk();
    const run = simulate(spec, { seed: 'own', rounds: 8 });
    expect(frozenParts(spec)).toEqual([]);
    expect(unfrozenParts(run.world)).toEqual([]);
    expect(unfrozenParts(run.initial)).toEqual([]);
    expect(unfrozenParts(run.log)).toEqual([]);
    expect(run.log.some((e) => e.type === 'inject.applied')).toBe(true);
    expect(sha256(run.log)).toBe(sha256(simulate(deepFrozenCopy(mk()), { seed: 'own', rounds: 8 }).log));
    const log = sha256(run.log);
    expect(() => editEverything(spec)).not.toThrow();
    expect(sha256(run.log)).toBe(log);
  });

  it('stays unfrozen when createWorld refuses it with a ConfigError', () => {
    const spec = mk();
    (spec.dyads as unknown as { from: string; to: string }[]).push({ from: 'US', to: 'XX' });
    expect(() => createWorld(spec, { seed: 1 })).toThrow(ConfigError);
    expect(frozenParts(spec)).toEqual([]);
    expect(() => editEverything(spec)).not.toThrow();
  });

  it('stays unfrozen when simulate refuses it with a ConfigError after building the world', () => {
    const spec = mk();
    expect(() => simulate(spec, { seed: 1, rounds: 3, strategies: { XX: 'dove' } })).toThrow(ConfigError);
    expect(() => simulate(spec, { seed: 1, rounds: 3, strategies: { US: 'no-such-strategy' } })).toThrow(ConfigError);
    expect(frozenParts(spec)).toEqual([]);
    expect(() => editEverything(spec)).not.toThrow();
  });

  it('is copied where it is only frozen on the surface: nothing the caller can still change enters the world', () => {
    const inject = { round: 1, type: 'note', text: 'shallow' } as Inject;
    const terms = [{ kind: 'hotline' as const }];
    const spec: WorldSpec = {
      actors: [{ id: 'US' }, { id: 'CN' }],
      agreements: Object.freeze([Object.freeze({ parties: Object.freeze(['US', 'CN']), terms })]),
      injects: Object.freeze([inject]),
    };
    const world = createWorld(spec, { seed: 1 });
    expect(Object.isFrozen(inject)).toBe(false);
    expect(Object.isFrozen(terms)).toBe(false);
    expect(world.injects[0]).not.toBe(inject);
    expect(world.agreements[0]?.terms).not.toBe(terms);
    expect(unfrozenParts(world)).toEqual([]);
  });

  it('keeps its shared parts shared in the world’s copy', () => {
    const terms = [{ kind: 'hotline' as const }];
    const spec: WorldSpec = {
      actors: [{ id: 'US' }, { id: 'CN' }, { id: 'RU' }],
      agreements: [
        { parties: ['US', 'CN'], terms },
        { parties: ['US', 'RU'], terms },
      ],
    };
    const world = createWorld(spec, { seed: 1 });
    expect(world.agreements[0]?.terms).not.toBe(terms);
    expect(world.agreements[1]?.terms).toBe(world.agreements[0]?.terms);
  });

  it('with a hole in a list is a ConfigError naming the missing entry, frozen or not (a world kept the hole and failed with a TypeError)', () => {
    const note = (text: string): Inject => ({ round: 0, type: 'note', text });
    const holed: Inject[] = [note('a'), , note('b')] as Inject[];
    for (const injects of [holed, Object.freeze([...holed])]) {
      expect(() => simulate({ actors: [{ id: 'US' }, { id: 'CN' }], injects }, { seed: 1, rounds: 2 })).toThrow(expect.objectContaining({ name: 'ConfigError', issues: [expect.objectContaining({ path: 'injects[1]' })] }));
    }
    const terms = [, { kind: 'hotline' }] as { kind: 'hotline' }[];
    expect(() => createWorld({ actors: [{ id: 'US' }, { id: 'CN' }], agreements: [{ parties: ['US', 'CN'], terms }] }, { seed: 1 })).toThrow(
      expect.objectContaining({ issues: expect.arrayContaining([{ path: 'agreements[0].terms[0]', expected: 'an entry (a list without holes)', received: 'a hole' }]) }),
    );
  });

  it('with a list of fifty million holes is one issue at once, not a walk of every entry', () => {
    const injects: Inject[] = [];
    injects.length = 50_000_000;
    expect(configIssuesOf(() => simulate({ actors: [{ id: 'US' }, { id: 'CN' }], injects }, { seed: 1, rounds: 1 }))).toEqual([{ path: 'injects[0]', expected: 'an entry (a list without holes)', received: 'a hole' }]);
  });

  it('nested deeper than MAX_NESTING is a ConfigError naming the part, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const spec = { actors: [{ id: 'US' }], injects: [{ round: 0, type: 'note', text: 'deep', extra: deep }] } as unknown as WorldSpec;
    try {
      createWorld(spec, { seed: 1 });
      expect.unreachable('a too deep spec was accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues).toEqual([expect.objectContaining({ path: 'injects[0].extra[0]…', expected: expect.stringContaining('64 levels') })]);
    }
  });
});

describe('a deep-frozen spec', () => {
  it('is shared by the world, not copied', () => {
    const spec = deepFrozenCopy(mk());
    const world = createWorld(spec, { seed: 1 });
    const agreement = spec.agreements?.[0];
    expect(world.agreements[0]?.terms).toBe(agreement?.terms);
    expect(world.forums[0]?.rule).toBe(spec.forums?.[0]?.rule);
    for (const inj of world.injects) expect(spec.injects).toContain(inj);
  });

  it('is what parseScenario gives, and every run of it shares its parts', () => {
    const root = resolve(import.meta.dirname, '../..');
    const scenario = parseScenario(readFileSync(resolve(root, 'scenarios/us-china-2015.yaml'), 'utf8'));
    for (const part of [scenario.spec.agreements, scenario.spec.forums, scenario.spec.injects]) expect(unfrozenParts(part)).toEqual([]);
    const injects = scenario.spec.injects ?? [];
    expect(injects.length).toBeGreaterThan(0);
    for (const seed of [1, 2]) {
      const world = createWorld(scenario.spec, { seed });
      expect(world.injects.length).toBe(injects.length);
      for (const inj of world.injects) expect(injects).toContain(inj);
    }
  });

  it('leaves the strategies a registry built writable: a strategy may keep state of its own', () => {
    const registry = createRegistry();
    registry.register(() => ({
      name: 'counter',
      meta: { stochastic: false, retaliatory: false, forgiving: false, attributionSensitive: false },
      seen: 0,
      operate(this: { seen: number }) {
        this.seen++;
        return [];
      },
      diplomacy: () => [],
      respond: () => ({ type: 'ignore' as const }),
    }));
    const scenario = parseScenario('name: duel\nrounds: 3\nactors: [{ id: A, strategy: counter }, { id: B, strategy: dove }]', { registry });
    const run = simulate(scenario.spec, { seed: 1, rounds: 3 });
    expect(run.log.filter((e) => e.type === 'strategy.failed')).toEqual([]);
    expect((scenario.spec.actors[0]?.strategy as unknown as { seen: number }).seen).toBe(3);
  });
});
