import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restore, simulate, snapshot, step, titForTat, dove } from '../../src/index.js';
import type { ActorSpec, Capabilities, Run, SimEvent, World, WorldSnapshot, WorldSpec } from '../../src/index.js';
import { arbCapabilities, arbWorldSpec } from '../../src/testing/index.js';
import { attacker, mentions, randomKindAttacker, sha256, worldJson } from '../helpers/engine.js';

const MIX = ['passive', 'dove', 'hawk', 'tit-for-tat', 'generous-tit-for-tat', 'deterrer', 'random', 'cautious', 'de-escalator', 'grim-trigger', 'pragmatist', 'spoiler', 'norm-entrepreneur'];

/** A busy fixed world: states, a proxy, a hotline, injects, stochastic and reactive strategies. */
const BUSY: WorldSpec = {
  actors: [
    { id: 'US', strategy: 'tit-for-tat', capabilities: { espionage: 0.9, offense: 0.8, defense: 0.7, attribution: 0.8, stealth: 0.6 } },
    { id: 'CN', strategy: 'hawk', capabilities: { espionage: 0.8, offense: 0.6, defense: 0.6, attribution: 0.6, stealth: 0.5 } },
    { id: 'RU', strategy: 'random', capabilities: { espionage: 0.7, offense: 0.8, defense: 0.5, attribution: 0.5, stealth: 0.7 } },
    { id: 'APT', kind: 'proxy', sponsor: 'RU', strategy: 'generous-tit-for-tat', capabilities: { espionage: 0.6, offense: 0.5, defense: 0.2, attribution: 0.2, stealth: 0.8 } },
    { id: 'JP', strategy: 'deterrer', capabilities: { espionage: 0.4, offense: 0.3, defense: 0.7, attribution: 0.7, stealth: 0.4 } },
  ],
  dyads: [{ from: 'US', to: 'CN', trust: 0.3, mutual: true }, { from: 'US', to: 'RU', trust: 0.2, tension: 2 }],
  agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'hotline' }] }],
  injects: [
    { round: 2, type: 'operation', actor: 'APT', target: 'US', kind: 'disruption' },
    { round: 6, type: 'reveal', victim: 'US' },
    { round: 8, type: 'capability', actor: 'CN', capability: 'stealth', value: 0.9 },
  ],
};

describe('same seed, same log', () => {
  it('a busy world played twice with one seed gives deep-equal logs with the same sha256', () => {
    const a = simulate(BUSY, { seed: 'detente', rounds: 20 });
    const b = simulate(BUSY, { seed: 'detente', rounds: 20 });
    expect(a.log.length).toBeGreaterThan(100);
    expect(b.log).toEqual(a.log);
    expect(sha256(b.log)).toBe(sha256(a.log));
    expect(worldJson(b.world)).toBe(worldJson(a.world));
    expect(b.metrics).toEqual(a.metrics);
  });

  it('a numeric seed and its decimal string are the same seed', () => {
    expect(sha256(simulate(BUSY, { seed: 17, rounds: 8 }).log)).toBe(sha256(simulate(BUSY, { seed: '17', rounds: 8 }).log));
  });

  it('holds for random worlds and strategy mixes', () => {
    fc.assert(
      fc.property(arbWorldSpec({ strategies: MIX }), fc.nat(), (spec, seed) => {
        const a = simulate(spec, { seed, rounds: 8 });
        const b = simulate(spec, { seed, rounds: 8 });
        expect(sha256(b.log)).toBe(sha256(a.log));
        expect(worldJson(b.world)).toBe(worldJson(a.world));
      }),
      { numRuns: 25 },
    );
  });

  it('different seeds give different logs', () => {
    const hashes = new Set<string>();
    for (let seed = 0; seed < 12; seed++) hashes.add(sha256(simulate(BUSY, { seed, rounds: 12 }).log));
    expect(hashes.size).toBe(12);
  });
});

/** The old actors of the stream-independence world, in a declaration order that is not sorted. */
function baseActors(caps: readonly Capabilities[]): ActorSpec[] {
  const [us, cn, ru, kp, apt] = caps as [Capabilities, Capabilities, Capabilities, Capabilities, Capabilities];
  return [
    // RU spies on US through its proxy and disrupts CN itself; KP draws from its stream to pick a kind.
    { id: 'RU', capabilities: ru, strategy: attacker(['US'], 'espionage', 'ru-via-proxy', { via: 'APT' }) },
    { id: 'APT', kind: 'proxy', sponsor: 'RU', capabilities: apt, strategy: attacker(['CN'], 'disruption', 'apt-raids') },
    { id: 'KP', capabilities: kp, strategy: randomKindAttacker('US') },
    { id: 'US', capabilities: us, strategy: titForTat() },
    { id: 'CN', capabilities: cn, strategy: dove() },
  ];
}

/** The log with every event that mentions `id` removed, and round.ended's actor count dropped. */
function withoutActor(log: readonly SimEvent[], id: string): unknown[] {
  return log.filter((e) => !mentions(e, id)).map((e) => (e.type === 'round.ended' ? { ...e, actors: 'n' } : e));
}

describe('stream independence', () => {
  it('adding an actor that never acts changes nobody else’s operations, detections or draws', () => {
    let detected = 0;
    let investigated = 0;
    fc.assert(
      fc.property(fc.array(arbCapabilities(), { minLength: 5, maxLength: 5 }), fc.nat(), (caps, seed) => {
        const actors = baseActors(caps);
        // JP sorts between CN and KP, so it shifts every later actor's index.
        const newcomer: ActorSpec = { id: 'JP', strategy: 'passive', capabilities: { espionage: 0, offense: 0, defense: 0, attribution: 1, stealth: 0 } };
        const dyads = [{ from: 'US', to: 'KP', trust: 0.2, mutual: true }, { from: 'CN', to: 'RU', trust: 0.4 }];
        const before = simulate({ actors, dyads }, { seed, rounds: 12 });
        const after = simulate({ actors: [...actors.slice(0, 2), newcomer, ...actors.slice(2)], dyads }, { seed, rounds: 12 });

        const ops = (log: readonly SimEvent[]) => log.filter((e) => e.type === 'operation.conducted');
        const detections = (log: readonly SimEvent[]) => log.filter((e) => e.type === 'incident.detected' || e.type === 'incident.investigated');
        expect(ops(before.log).length).toBeGreaterThan(0);
        expect(ops(after.log)).toEqual(ops(before.log));
        expect(detections(after.log)).toEqual(detections(before.log));
        detected += before.log.filter((e) => e.type === 'incident.detected').length;
        investigated += before.log.filter((e) => e.type === 'incident.investigated').length;
        // Nothing else about the old actors changed either, and the newcomer left no trace but its own.
        expect(withoutActor(after.log, 'JP')).toEqual(withoutActor(before.log, 'JP'));
        expect(before.log.filter((e) => mentions(e, 'JP'))).toEqual([]);

        // Every old stream is in exactly the same state; the newcomer only adds its own keys.
        for (const [key, state] of Object.entries(before.world.rng)) expect(after.world.rng[key], key).toEqual(state);
        const added = Object.keys(after.world.rng).filter((k) => !(k in before.world.rng));
        for (const key of added) expect(key.startsWith('JP/')).toBe(true);
        expect(added).toContain('JP/detection');
      }),
      { numRuns: 30 },
    );
    // The property is only worth something if the runs detected and investigated operations.
    expect(detected).toBeGreaterThan(30);
    expect(investigated).toBeGreaterThan(30);
  });
});

describe('order independence', () => {
  it('permuting the declaration order of actors gives an identical log and world', () => {
    const arb = arbWorldSpec({ strategies: MIX, maxActors: 6 }).chain((spec) =>
      fc
        .shuffledSubarray([...spec.actors.keys()], { minLength: spec.actors.length, maxLength: spec.actors.length })
        .map((order) => ({ spec, permuted: { ...spec, actors: order.map((k) => spec.actors[k] as ActorSpec) } })),
    );
    fc.assert(
      fc.property(arb, fc.nat(), ({ spec, permuted }, seed) => {
        const a = simulate(spec, { seed, rounds: 10 });
        const b = simulate(permuted, { seed, rounds: 10 });
        expect(sha256(b.log)).toBe(sha256(a.log));
        expect(worldJson(b.world)).toBe(worldJson(a.world));
      }),
      { numRuns: 30 },
    );
  });

  it('a reversed declaration order of the busy world gives the same log', () => {
    const reversed = { ...BUSY, actors: [...BUSY.actors].reverse() };
    expect(sha256(simulate(reversed, { seed: 5, rounds: 15 }).log)).toBe(sha256(simulate(BUSY, { seed: 5, rounds: 15 }).log));
  });
});

describe('the hand-off of live streams between rounds', () => {
  // The engine hands a finished round's live random streams and view caches to the next round
  // of the same world (one slot). Two runs stepped in alternation miss that slot every round and
  // rebuild both from the world: the logs must not change.
  it('two runs stepped in alternation equal the same runs played alone', () => {
    const alone = [simulate(BUSY, { seed: 'a', rounds: 16 }), simulate(BUSY, { seed: 'b', rounds: 16 })];
    const starts = [simulate(BUSY, { seed: 'a', rounds: 0 }), simulate(BUSY, { seed: 'b', rounds: 0 })];
    const worlds = starts.map((r) => r.world);
    const logs: SimEvent[][] = [[], []];
    for (let round = 0; round < 16; round++) {
      for (const k of [0, 1]) {
        const res = step(worlds[k] as World, (starts[k] as Run).strategies);
        worlds[k] = res.world;
        (logs[k] as SimEvent[]).push(...res.events);
      }
    }
    for (const k of [0, 1]) {
      expect((logs[k] as SimEvent[]).length).toBeGreaterThan(50);
      expect(sha256(logs[k])).toBe(sha256((alone[k] as Run).log));
      expect(worldJson(worlds[k] as World)).toBe(worldJson((alone[k] as Run).world));
    }
  });

  it('a stream not drawn from in a round keeps its frozen state record; a drawn one gets its new state', () => {
    const run = simulate(BUSY, { seed: 'records', rounds: 4 });
    let world = run.world;
    let kept = 0;
    let moved = 0;
    for (let round = 0; round < 10; round++) {
      const res = step(world, run.strategies);
      // The same round from a restored snapshot rebuilds every stream from `rng` and must give
      // the same states: a reused record is never stale.
      const again = step(restore(JSON.parse(JSON.stringify(snapshot(world))) as WorldSnapshot), run.strategies);
      for (const [key, state] of Object.entries(res.world.rng)) {
        expect(Object.isFrozen(state), key).toBe(true);
        expect(state, key).toEqual(again.world.rng[key]);
        const before = world.rng[key];
        if (before === undefined) continue;
        if (state === before) kept++;
        else {
          moved++;
          expect(state, key).not.toEqual(before);
        }
      }
      world = res.world;
    }
    expect(kept).toBeGreaterThan(10);
    expect(moved).toBeGreaterThan(10);
  });

  it('stepping twice from one world gives the same round both times', () => {
    const run = simulate(BUSY, { seed: 'twice', rounds: 6 });
    const first = step(run.world, run.strategies);
    const second = step(run.world, run.strategies);
    expect(second.events.length).toBeGreaterThan(0);
    expect(sha256(second.events)).toBe(sha256(first.events));
    expect(worldJson(second.world)).toBe(worldJson(first.world));
  });
});
