// arbWorldSpec shrinks all the way: a counterexample keeps only what the failure needs, with every
// other number at its simplest (capabilities 0, the first strategy, the first actors, round 0).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import type { WorldSpec } from '../../src/index.js';
import { arbActorSpecs, arbInjects, arbScenario, arbWorldSpec } from '../../src/testing/index.js';

const ZERO = { espionage: 0, offense: 0, defense: 0, attribution: 0, stealth: 0 };

/** The counterexample fast-check shrinks `claim` to over arbWorldSpec(options). */
function smallest(claim: (spec: WorldSpec) => boolean, seed: number, options: Parameters<typeof arbWorldSpec>[0] = {}): WorldSpec {
  const out = fc.check(fc.property(arbWorldSpec(options), claim), { seed, numRuns: 200 });
  expect(out.failed).toBe(true);
  const [spec] = out.counterexample ?? [];
  if (!spec) throw new Error('expected a counterexample');
  return spec;
}

describe('arbWorldSpec shrinking', () => {
  it.each([3, 1, 11])('"no world has a sanction inject" shrinks to two plain states and one sanction (seed %i)', (seed) => {
    const spec = smallest((s) => !(s.injects ?? []).some((i) => i.type === 'sanction'), seed);
    expect(spec).toEqual({
      actors: [
        { id: 'A0', kind: 'state', capabilities: ZERO, strategy: 'passive' },
        { id: 'A1', kind: 'state', capabilities: ZERO, strategy: 'passive' },
      ],
      injects: [{ round: 0, type: 'sanction', by: 'A0', target: 'A1', measure: 'economic' }],
    });
  });

  it('actors shrink to the first strategy of the list given, and dyads to the first pair', () => {
    const spec = smallest((s) => (s.dyads ?? []).length === 0, 5, { strategies: ['hawk', 'dove'] });
    expect(spec.actors.map((a) => [a.strategy, a.capabilities])).toEqual([
      ['hawk', ZERO],
      ['hawk', ZERO],
    ]);
    expect(spec.dyads).toEqual([{ from: 'A0', to: 'A1', trust: 0.06, mutual: false }]);
    expect(spec.injects).toBeUndefined();
    expect(spec.agreements).toBeUndefined();
  });

  it('every shrunk world is still valid: it runs', () => {
    const spec = smallest((s) => (s.injects ?? []).length < 3, 9, { maxActors: 4 });
    expect(spec.injects).toHaveLength(3);
    expect(simulate(spec, { seed: 1, rounds: 10 }).world.round).toBe(10);
  });

  // The states were an array of at least one, which fast-check shrinks only by dropping leading
  // items: a first actor that mattered kept a second one that did not (seeds 2, 3 and 5).
  it.each([1, 2, 3, 4, 5])('arbActorSpecs({ min: 1 }) shrinks to the one actor a claim needs (seed %i)', (seed) => {
    const out = fc.check(fc.property(arbActorSpecs({ min: 1, max: 5, proxies: false }), (actors) => !actors.some((a) => (a.capabilities?.espionage ?? 0) >= 0.5)), { seed, numRuns: 200 });
    expect(out.counterexample?.[0]).toEqual([{ id: 'A0', kind: 'state', capabilities: { ...ZERO, espionage: 0.5 }, strategy: 'passive' }]);
  });
});

// fast-check 4 sizes an array by its `size` ('small' by default: at most 10 items), not by its
// `maxLength` alone, as fast-check 3 did: a most above 10 was silently cut to 10 — `maxActors: 12`
// never drew an 11th or 12th state, so a claim "held" for worlds it was never tried on.
describe('the most asked for is reached', () => {
  const most = (lengths: number[]) => Math.max(...lengths);
  it('arbScenario({ maxActors: 14 }) draws up to fourteen states', () => {
    const docs = fc.sample(arbScenario({ minActors: 12, maxActors: 14, maxRounds: 4 }), { numRuns: 300, seed: 1 });
    expect(most(docs.map((d) => d.actors.filter((a) => a.kind !== 'proxy').length))).toBe(14);
  });
  it('arbActorSpecs({ max: 14 }) and arbWorldSpec({ maxActors: 14 }) draw up to fourteen actors', () => {
    expect(most(fc.sample(arbActorSpecs({ min: 12, max: 14, proxies: false }), { numRuns: 300, seed: 1 }).map((a) => a.length))).toBe(14);
    expect(most(fc.sample(arbWorldSpec({ minActors: 12, maxActors: 14, proxies: false }), { numRuns: 300, seed: 1 }).map((w) => w.actors.length))).toBe(14);
  });
  it('arbInjects({ max: 14 }) draws up to fourteen injects', () => {
    expect(most(fc.sample(arbInjects(['A', 'B'], { max: 14, reveals: false, notes: false }), { numRuns: 500, seed: 1 }).map((i) => i.length))).toBe(14);
  });
});
