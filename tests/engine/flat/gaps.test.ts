import { describe, expect, it } from 'vitest';
import { createRegistry, createWorld, simulate } from '../../../src/index.js';
import type { WorldSpec } from '../../../src/index.js';
import { prepareFlat } from '../../../src/engine/flat/index.js';
import type { BuiltinRef } from '../../../src/engine/flat/index.js';
import { refsOf } from './helpers.js';

const base: WorldSpec = { actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'tit-for-tat' }, { id: 'C', strategy: 'pragmatist' }] };
const gapOf = (spec: WorldSpec, refs?: readonly (BuiltinRef | undefined)[]): string | undefined => {
  const world = createWorld(spec, { seed: 1 });
  const out = prepareFlat(world, refs ?? refsOf(world));
  return 'gap' in out ? out.gap : undefined;
};

describe('prepareFlat', () => {
  it('returns a setup for a covered world, and its refs carry the strategies’ parameters', () => {
    expect(gapOf(base)).toBeUndefined();
    const world = createWorld({ actors: [{ id: 'A', strategy: createRegistry().get('hawk', { accuseAt: 0.45 }) }, { id: 'B' }] }, { seed: 1 });
    expect(refsOf(world)[0]?.params).toMatchObject({ accuseAt: 0.45 });
  });
  it('refuses a strategy it does not cover', () => expect(gapOf(base, [{ name: 'bogus', params: {} }, { name: 'passive', params: {} }, { name: 'passive', params: {} }])).toBe("strategy 'bogus' (actor 'A') is not covered"));
  it('refuses an actor with no built-in ref', () => {
    const world = createWorld(base, { seed: 1 });
    const refs = refsOf(world);
    refs[1] = undefined;
    expect(gapOf(base, refs)).toBe("actor 'B' plays no built-in strategy");
  });
  it('refuses refs not aligned with the actors', () => expect(gapOf(base, [])).toBe('0 strategy refs for 3 actors'));
  it('refuses a parameter it does not know or out of range', () => {
    expect(gapOf(base, [{ name: 'hawk', params: { bogus: 1 } }, { name: 'passive', params: {} }, { name: 'passive', params: {} }])).toBe("parameter 'bogus' of strategy 'hawk' (actor 'A') is not covered");
    expect(gapOf(base, [{ name: 'hawk', params: { accuseAt: 2 } }, { name: 'passive', params: {} }, { name: 'passive', params: {} }])).toBe("parameter 'accuseAt' of strategy 'hawk' (actor 'A') is out of range");
    // tit-for-tat never forgives, whatever its generosity (its factory refuses one but 0): covered.
    expect(gapOf(base, [{ name: 'tit-for-tat', params: { generosity: 0.3 } }, { name: 'passive', params: {} }, { name: 'passive', params: {} }])).toBeUndefined();
    expect(gapOf(base, [{ name: 'grim-trigger', params: { threshold: 1.5 } }, { name: 'passive', params: {} }, { name: 'passive', params: {} }])).toBe("parameter 'threshold' of strategy 'grim-trigger' (actor 'A') is out of range");
  });
  it('covers forums', () => expect(gapOf({ ...base, forums: [{ id: 'UN', members: ['A', 'B'], agenda: [['gge15.f']] }] })).toBeUndefined());
  it('covers capability and mechanisms injects', () => {
    expect(gapOf({ ...base, injects: [{ round: 2, type: 'capability', actor: 'A', capability: 'offense', value: 0.9 }] })).toBeUndefined();
    expect(gapOf({ ...base, injects: [{ round: 2, type: 'mechanisms', set: { falseAlarm: { rate: 0.2 } } }] })).toBeUndefined();
  });
  it('refuses a world that is not at round 0', () => {
    const run = simulate(base, { seed: 1, rounds: 2 });
    expect('gap' in prepareFlat(run.world, refsOf(run.world)) ? (prepareFlat(run.world, refsOf(run.world)) as { gap: string }).gap : undefined).toBe('the world is at round 2, not 0');
  });
});
