/**
 * "No mix of cautious strategies ever reaches open conflict." Random worlds (2–6 actors, random
 * capabilities, trust, hotlines, proxies) whose actors all play `cautious`, or `cautious` mixed
 * with the other strategies that never strike (`dove`, `de-escalator`, `passive`), for 20–40
 * rounds, stirred by scripted covert operations (some under false flags): the peak rung of every
 * dyad stays at or below L4 (sanctions) — nobody strikes (L5) — and never reaches L7.
 *
 * The scripted operations are espionage, disruption and degradation of networks. A degradation of
 * critical infrastructure or of a CERT is itself an L6 act of its (scripted) author once
 * attributed (docs/engine.md, "Rungs"), which would say nothing about the strategies, so the
 * scenarios leave it out.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cautious, simulate } from '../../src/index.js';
import type { ActorSpec, Inject, Strategy, WorldSpec } from '../../src/index.js';
import { eventsOf, FC_SEED } from './helpers.js';

const MILD = ['cautious', 'dove', 'de-escalator', 'passive'] as const;

function arbWorld(mix: readonly (string | Strategy)[]): fc.Arbitrary<{ spec: WorldSpec; rounds: number; seed: number }> {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  return fc
    .record({
      raw: fc.array(fc.record({ strategy: fc.constantFrom(...mix), proxy: fc.boolean(), caps: fc.record({ espionage: unit, offense: unit, defense: unit, attribution: unit, stealth: unit }) }), { minLength: 2, maxLength: 6 }),
      seed: fc.integer(),
      rounds: fc.integer({ min: 20, max: 40 }),
    })
    .chain(({ raw, seed, rounds }) => {
      const ids = raw.map((_, k) => `S${k}`);
      const actors: ActorSpec[] = raw.map((r, k) =>
        k > 0 && r.proxy && k % 3 === 0 ? { id: ids[k] as string, kind: 'proxy', sponsor: 'S0', strategy: r.strategy, capabilities: r.caps } : { id: ids[k] as string, strategy: r.strategy, capabilities: r.caps },
      );
      const n = ids.length;
      const pair = fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([i, j]) => i !== j).map(([i, j]) => [ids[i] as string, ids[j] as string] as const);
      const op: fc.Arbitrary<Inject> = fc
        .record({ round: fc.nat(rounds - 1), pair, kind: fc.constantFrom('espionage' as const, 'disruption' as const, 'degradation' as const), flag: fc.option(fc.nat(n - 1), { nil: undefined }) })
        .map(({ round, pair: [actor, target], kind, flag }) => {
          const falseFlag = flag === undefined ? undefined : ids[flag];
          return { round, type: 'operation' as const, actor, target, kind, against: 'networks' as const, ...(falseFlag !== undefined && falseFlag !== target ? { falseFlag } : {}) };
        });
      return fc
        .record({
          injects: fc.array(op, { minLength: 5, maxLength: 30 }),
          dyads: fc.array(fc.record({ pair, trust: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }), { maxLength: 4 }),
          hotline: fc.option(pair, { nil: undefined }),
        })
        .map(({ injects, dyads, hotline }) => ({
          spec: {
            actors,
            injects,
            // One entry per pair: a world refuses a relation set twice.
            dyads: dyads
              .filter(({ pair: [a, b] }, k) => dyads.findIndex(({ pair: [c, d] }) => (c === a && d === b) || (c === b && d === a)) === k)
              .map(({ pair: [from, to], trust }) => ({ from, to, trust, mutual: true })),
            ...(hotline ? { agreements: [{ parties: [...hotline], terms: [{ kind: 'hotline' as const }] }] } : {}),
          },
          rounds,
          seed,
        }));
    });
}

function check({ spec, rounds, seed }: { spec: WorldSpec; rounds: number; seed: number }): { sanctions: number; accusations: number; peak: number } {
  const run = simulate(spec, { seed, rounds });
  const peaks = Array.from(run.world.dyads.peakRung);
  expect(Math.max(...peaks), `peak rungs ${peaks.join(',')}`).toBeLessThanOrEqual(4);
  expect(peaks.some((p) => p >= 7)).toBe(false);
  expect(eventsOf(run.log, 'conflict.opened')).toEqual([]);
  expect(eventsOf(run.log, 'retaliation.conducted')).toEqual([]);
  // Only the scripted operations are conducted: none of these strategies operates.
  expect(eventsOf(run.log, 'operation.conducted').length).toBeLessThanOrEqual(spec.injects?.length ?? 0);
  // A cautious actor accuses over an incident once at most, though it judges a file twice.
  const cautiousIds = new Set(spec.actors.filter((a) => a.strategy === 'cautious' || (typeof a.strategy === 'object' && a.strategy.name === 'cautious')).map((a) => a.id));
  const files = eventsOf(run.log, 'accusation.made').filter((e) => cautiousIds.has(e.by)).map((e) => e.incident);
  expect(new Set(files).size, `incidents accused: ${files.join(', ')}`).toBe(files.length);
  return { sanctions: eventsOf(run.log, 'sanction.imposed').length, accusations: eventsOf(run.log, 'accusation.made').length, peak: Math.max(...peaks) };
}

describe('worlds of cautious strategies', () => {
  function property(mix: readonly (string | Strategy)[]): { sanctions: number; accusations: number; peak: number } {
    const seen = { sanctions: 0, accusations: 0, peak: 0 };
    fc.assert(
      fc.property(arbWorld(mix), (w) => {
        const s = check(w);
        seen.sanctions += s.sanctions;
        seen.accusations += s.accusations;
        seen.peak = Math.max(seen.peak, s.peak);
      }),
      { seed: FC_SEED, numRuns: 30 },
    );
    return seen;
  }

  it('all cautious: the peak rung never reaches L5, let alone open conflict (L7)', () => {
    const seen = property(['cautious']);
    // Not vacuous: cautious actors do accuse in public (L2) in these worlds.
    expect(seen.accusations).toBeGreaterThan(0);
    expect(seen.peak).toBeGreaterThanOrEqual(2);
  });

  it('cautious mixed with dove, de-escalator and passive: the same', () => {
    const seen = property(MILD);
    expect(seen.accusations).toBeGreaterThan(0);
  });

  it('even a trigger-happy cautious (accusing from 0.6, sanctioning from 0.7) climbs to sanctions (L4) but never strikes', () => {
    // A first signal rarely gives the default 0.97 a sanction needs; lower thresholds exercise L4.
    const seen = property([cautious({ threshold: 0.6, sanctionAt: 0.7 }), 'dove', 'passive']);
    expect(seen.sanctions).toBeGreaterThan(0);
    expect(seen.peak).toBe(4);
  });
});
