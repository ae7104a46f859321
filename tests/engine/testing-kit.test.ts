import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, simulate } from '../../src/index.js';
import type { World } from '../../src/index.js';
import { actorId, arbActorSpecs, arbCapabilities, arbDyads, arbInjects, arbStrategyMix, arbWorldSpec, worldInvariantViolations } from '../../src/testing/index.js';

describe('detente/testing arbitraries', () => {
  it('capabilities are all in [0, 1]', () => {
    fc.assert(
      fc.property(arbCapabilities(), (c) => {
        expect(Object.keys(c).sort()).toEqual(['attribution', 'defense', 'espionage', 'offense', 'stealth']);
        for (const v of Object.values(c)) expect(v >= 0 && v <= 1).toBe(true);
      }),
    );
  });

  it('actor specs respect their bounds, have unique ids in declaration order, and proxies have a state sponsor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 8 }), (min, extra) => {
        const max = min + extra;
        fc.assert(
          fc.property(arbActorSpecs({ min, max, strategies: ['hawk'], criminals: true }), (actors) => {
            expect(actors.length).toBeGreaterThanOrEqual(min);
            expect(actors.length).toBeLessThanOrEqual(max);
            const ids = actors.map((a) => a.id);
            expect(ids).toEqual([...ids].sort());
            expect(new Set(ids).size).toBe(ids.length);
            expect(actors[0]?.kind).toBe('state');
            for (const a of actors) {
              expect(a.strategy).toBe('hawk');
              if (a.kind === 'proxy') expect(actors.find((b) => b.id === a.sponsor)?.kind).toBe('state');
              else expect(a.sponsor).toBeUndefined();
            }
          }),
          { numRuns: 10 },
        );
      }),
      { numRuns: 10 },
    );
    expect(actorId(3, 5)).toBe('A3');
    expect(actorId(3, 12)).toBe('A03');
  });

  it('world specs are valid by construction', () => {
    fc.assert(
      fc.property(arbWorldSpec({ maxActors: 6 }), (spec) => {
        const world = createWorld(spec, { seed: 1 });
        expect(world.actors).toHaveLength(spec.actors.length);
        for (const d of spec.dyads ?? []) expect(d.trust !== undefined && d.trust > 0.05 && d.trust < 0.95).toBe(true);
        for (const ag of spec.agreements ?? []) expect(ag.terms).toEqual([{ kind: 'hotline' }]);
        expect(worldInvariantViolations(world)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('dyads join two different known actors with trust in (0.05, 0.95), and worlds built from them are valid', () => {
    const ids = ['A', 'B', 'C'];
    fc.assert(
      fc.property(arbDyads(ids), (dyads) => {
        expect(dyads.length).toBeLessThanOrEqual(6);
        for (const d of dyads) {
          expect(ids).toContain(d.from);
          expect(ids).toContain(d.to);
          expect(d.from).not.toBe(d.to);
          expect(d.trust).toBeGreaterThan(0.05);
          expect(d.trust).toBeLessThan(0.95);
        }
        expect(() => createWorld({ actors: ids.map((id) => ({ id })), dyads }, { seed: 1 })).not.toThrow();
      }),
    );
    expect(fc.sample(arbDyads(['solo']), 5)).toEqual([[], [], [], [], []]);
  });

  it('injects fall within the rounds asked for, sanctions come from states, and the options switch kinds off', () => {
    const ids = ['S0', 'S1', 'P'];
    fc.assert(
      fc.property(arbInjects(ids, { states: ['S0', 'S1'], rounds: 6, reveals: false, notes: false, max: 5 }), (injects) => {
        expect(injects.length).toBeLessThanOrEqual(5);
        for (const inject of injects) {
          expect(inject.round).toBeGreaterThanOrEqual(0);
          expect(inject.round).toBeLessThan(6);
          expect(inject.type).not.toBe('reveal');
          expect(inject.type).not.toBe('note');
          if (inject.type === 'sanction') expect(['S0', 'S1']).toContain(inject.by);
        }
        const world = { actors: [{ id: 'S0' }, { id: 'S1' }, { id: 'P', kind: 'proxy' as const, sponsor: 'S0' }], injects };
        expect(() => simulate(world, { seed: 1, rounds: 6 })).not.toThrow();
      }),
      { numRuns: 30 },
    );
    expect(() => arbInjects(['alone'])).toThrow(/at least two actors/);
  });

  it('strategy mixes give every actor a strategy from the list', () => {
    fc.assert(
      fc.property(
        arbWorldSpec().chain((spec) => arbStrategyMix(['hawk', 'dove'], spec.actors.map((a) => a.id)).map((mix) => ({ spec, mix }))),
        ({ spec, mix }) => {
          expect(Object.keys(mix).sort()).toEqual(spec.actors.map((a) => a.id).sort());
          for (const name of Object.values(mix)) expect(['hawk', 'dove']).toContain(name);
          expect(simulate(spec, { seed: 1, rounds: 2, strategies: mix }).world.round).toBe(2);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('shrinks towards the smallest world that still fails', () => {
    // "No world has a proxy" is false; the smallest counterexample is one state and its proxy.
    const out = fc.check(fc.property(arbWorldSpec({ maxActors: 6 }), (spec) => spec.actors.every((a) => a.kind !== 'proxy')), { seed: 7, numRuns: 200 });
    expect(out.failed).toBe(true);
    const [spec] = out.counterexample ?? [];
    expect(spec?.actors.map((a) => a.kind)).toEqual(['state', 'proxy']);
    expect(spec?.dyads).toBeUndefined();
    expect(spec?.injects).toBeUndefined();
  });
});

describe('worldInvariantViolations', () => {
  const run = simulate(
    { actors: [{ id: 'A', strategy: 'hawk', capabilities: { attribution: 1, stealth: 0 } }, { id: 'B', strategy: 'hawk', capabilities: { attribution: 1, stealth: 0 } }] },
    { seed: 1, rounds: 3 },
  );
  const world = run.world;

  it('finds nothing wrong with a real world', () => {
    expect(world.incidents.length).toBeGreaterThan(0);
    expect(worldInvariantViolations(world, run.initial)).toEqual([]);
  });

  it('reports a posterior that is not a distribution, a rung above 7, a capability out of range, a conflict that ended', () => {
    const inc = world.incidents[0];
    if (!inc) throw new Error('expected an incident');
    const rung = Uint8Array.from(world.dyads.rung);
    rung[1] = 8;
    const broken: World = {
      ...world,
      actors: world.actors.map((a, i) => (i === 0 ? { ...a, capabilities: { ...a.capabilities, stealth: 1.5 } } : a)),
      incidents: [{ ...inc, posterior: inc.posterior.map((p) => p * 2) }],
      dyads: { ...world.dyads, rung },
    };
    const problems = worldInvariantViolations(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/A\.capabilities\.stealth = 1\.5/),
        expect.stringMatching(/posterior sums to 2/),
        expect.stringMatching(/rung of A→B = 8 is above 7/),
        expect.stringMatching(/peak rung of A→B = \d is below its rung 8/),
      ]),
    );
    const l7 = Uint8Array.from(world.dyads.rung).fill(7);
    const before: World = { ...world, dyads: { ...world.dyads, rung: l7, peakRung: l7 } };
    expect(worldInvariantViolations(world, before)).toEqual(expect.arrayContaining([expect.stringMatching(/left L7/), expect.stringMatching(/peak rung .* fell/)]));
  });
});
