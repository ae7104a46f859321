import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, createWorld, defineStrategy, passive, replay, simulate, step, StrategyError } from '../../src/index.js';
import type { ActorView, Request, Rng, Strategy, World, WorldSpec } from '../../src/index.js';
import { arbWorldSpec } from '../../src/testing/index.js';
import { PLAIN_META, sha256, worldJson } from '../helpers/engine.js';

const MIX = ['passive', 'dove', 'hawk', 'tit-for-tat', 'generous-tit-for-tat', 'deterrer', 'random', 'cautious', 'de-escalator', 'grim-trigger', 'pragmatist', 'spoiler', 'norm-entrepreneur'];

/**
 * A world where, in round 1, injects sign an agreement and change a capability (so objects made
 * during the round are in the views), B spies on A with no stealth (so A has incidents) and A
 * accuses B (so B has a request to answer).
 */
function spec(mischief: Strategy): WorldSpec {
  const spy = defineStrategy({ name: 'spy', meta: PLAIN_META, operate: () => [{ type: 'operate', target: 'A', kind: 'espionage' }], respond: () => ({ type: 'deny' }) });
  return {
    actors: [
      { id: 'A', strategy: mischief, capabilities: { espionage: 0.5, offense: 0.5, defense: 0.5, attribution: 1, stealth: 0.5 } },
      { id: 'B', strategy: spy, capabilities: { espionage: 1, offense: 0.5, defense: 0.5, attribution: 0.5, stealth: 0 } },
      { id: 'C', strategy: 'dove' },
    ],
    injects: [
      { round: 1, type: 'agreement', parties: ['A', 'C'], terms: [{ kind: 'hotline' }] },
      { round: 1, type: 'capability', actor: 'A', capability: 'stealth', value: 0.4 },
      { round: 1, type: 'note', text: 'summit' },
    ],
  };
}

type Phase = 'operations' | 'diplomacy' | 'responses';
interface Mischief {
  readonly name: string;
  readonly phase: Phase;
  readonly act: (view: ActorView, rng: Rng, request?: Request) => void;
}

// Each tries to change its view (and through it the world, the log or its random stream).
const MISCHIEFS: readonly Mischief[] = [
  { name: 'push into view.incidents', phase: 'diplomacy', act: (v) => void (v.incidents as unknown[]).push({ id: 'fake' }) },
  { name: 'assign view.round', phase: 'operations', act: (v) => void ((v as { round: number }).round = 99) },
  { name: 'mutate view.actors[0].capabilities', phase: 'operations', act: (v) => void ((v.actors[0]?.capabilities as { stealth: number }).stealth = 1) },
  { name: 'mutate view.me.capabilities after a capability inject', phase: 'operations', act: (v) => void ((v.me.capabilities as { defense: number }).defense = 1) },
  { name: 'mutate an agreement signed this round', phase: 'operations', act: (v) => void (v.agreements[0]?.parties as string[]).push('B') },
  { name: 'mutate the mechanisms', phase: 'diplomacy', act: (v) => void ((v.mechanisms.trust as { decay: number }).decay = 0) },
  { name: 'mutate an event of this round', phase: 'operations', act: (v) => void ((v.events.find((e) => e.round === v.round) as { round: number }).round = 0) },
  { name: 'mutate an incident’s signals', phase: 'diplomacy', act: (v) => void (v.incidents[0]?.signals as unknown[]).push('C') },
  { name: 'empty view.sanctions', phase: 'diplomacy', act: (v) => void (v.sanctions as unknown[]).splice(0) },
  { name: 'replace rng.next', phase: 'operations', act: (_v, rng) => void ((rng as { next: () => number }).next = () => 0) },
];

function mischievous(m: Mischief): Strategy {
  const once = (view: ActorView) => view.round === 1 && view.phase === m.phase;
  return defineStrategy({
    name: 'mischief',
    meta: PLAIN_META,
    operate(view, rng) {
      if (once(view)) m.act(view, rng);
      return [];
    },
    diplomacy(view, rng) {
      if (once(view)) m.act(view, rng);
      return [];
    },
  });
}

/**
 * The world without the strategy.failed events its `recent` shows the failing actor, nor the
 * record of which strategy each actor plays (the two runs compared are given different ones).
 */
function withoutFailures(world: World): unknown {
  const snap = JSON.parse(worldJson(world)) as { recent: { type: string }[]; actors: Record<string, unknown>[] };
  const actors = snap.actors.map(({ strategy: _s, strategyParams: _p, ...rest }) => rest);
  return { ...snap, actors, recent: snap.recent.filter((e) => e.type !== 'strategy.failed') };
}

describe('strategies cannot change the world or their view', () => {
  for (const m of MISCHIEFS) {
    it(`${m.name}: throws a StrategyError naming actor, round and phase`, () => {
      let caught: unknown;
      try {
        simulate(spec(mischievous(m)), { seed: 1, rounds: 3 });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(StrategyError);
      const e = caught as StrategyError;
      expect([e.actor, e.round, e.phase]).toEqual(['A', 1, m.phase]);
      expect(e.message).toContain('actor A');
      expect(e.message).toContain('round 1');
      expect(e.message).toContain(`phase ${m.phase}`);
      expect(e.cause).toBeInstanceOf(TypeError);
    });

    it(`${m.name}: with onStrategyError 'reject' the run goes on and nothing changed`, () => {
      const before = simulate(spec(mischievous(m)), { seed: 1, rounds: 1 });
      const frozenBefore = worldJson(before.world);
      const run = simulate(before.world, { rounds: 3, strategies: { A: mischievous(m), B: before.strategies.B as Strategy, C: 'dove' }, onStrategyError: 'reject' });
      // The world the round started from is untouched …
      expect(worldJson(before.world)).toBe(frozenBefore);
      expect(run.world.round).toBe(4);
      const failed = run.log.filter((e) => e.type === 'strategy.failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ actor: 'A', round: 1, decision: m.phase });
      // … and the run is the one where A did nothing at all.
      const quiet = simulate(before.world, { rounds: 3, strategies: { A: passive(), B: before.strategies.B as Strategy, C: 'dove' } });
      expect(withoutFailures(run.world)).toEqual(withoutFailures(quiet.world));
    });
  }

  it('a respond that mutates its request fails and the request stays as it was', () => {
    let seen: Request | undefined;
    const meddler = defineStrategy({
      name: 'meddler',
      meta: PLAIN_META,
      respond(request) {
        seen = request;
        (request as { to: string }).to = 'C';
        return { type: 'deny' };
      },
    });
    const accuser = defineStrategy({
      name: 'accuser',
      meta: PLAIN_META,
      diplomacy: (view) => view.incidents.filter((i) => i.round === view.round && i.suspect === 'B').map((i) => ({ type: 'accuse' as const, target: 'B', incident: i.id, public: false })),
    });
    const s: WorldSpec = {
      actors: [
        { id: 'A', strategy: accuser, capabilities: { attribution: 1, stealth: 0.5 } },
        { id: 'B', strategy: meddler, capabilities: { espionage: 1, stealth: 0 } },
      ],
      injects: [{ round: 0, type: 'operation', actor: 'B', target: 'A', kind: 'espionage' }],
    };
    expect(() => simulate(s, { seed: 1, rounds: 1 })).toThrow(/actor B failed in round 0, phase responses/);
    expect(seen?.to).toBe('B');
    const run = simulate(s, { seed: 1, rounds: 1, onStrategyError: 'reject' });
    expect(run.log.filter((e) => e.type === 'strategy.failed')).toMatchObject([{ actor: 'B', decision: 'responses' }]);
    expect(run.log.some((e) => e.type === 'request.unanswered' && e.by === 'B')).toBe(true);
  });

  it('step never changes the world it is given (random worlds, every built-in)', () => {
    const registry = createRegistry();
    fc.assert(
      fc.property(arbWorldSpec({ strategies: MIX }), fc.nat(), (s, seed) => {
        let world = createWorld(s, { seed });
        const strategies: Record<string, Strategy> = {};
        for (const a of world.actors) strategies[a.id] = registry.get(a.strategy);
        for (let r = 0; r < 8; r++) {
          const json = worldJson(world);
          const next = step(world, strategies).world;
          expect(worldJson(world)).toBe(json);
          // Stepping the same world again gives the same round (step is pure).
          expect(worldJson(step(world, strategies).world)).toBe(worldJson(next));
          world = next;
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('a strategy that throws', () => {
  const thrower = (phase: Phase, round: number) =>
    defineStrategy({
      name: 'thrower',
      meta: PLAIN_META,
      operate(view) {
        if (phase === 'operations' && view.round === round) throw new Error('boom in operate');
        return [{ type: 'operate', target: 'A', kind: 'espionage' }];
      },
      diplomacy(view) {
        if (phase === 'diplomacy' && view.round === round) throw new Error('boom in diplomacy');
        return [];
      },
    });
  const world = (s: Strategy): WorldSpec => ({ actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: s }] });

  for (const phase of ['operations', 'diplomacy'] as const) {
    it(`stops the run with a StrategyError naming actor, round and phase (${phase})`, () => {
      expect(() => simulate(world(thrower(phase, 2)), { seed: 1, rounds: 5 })).toThrow(new RegExp(`strategy 'thrower' of actor B failed in round 2, phase ${phase}: boom in`));
    });

    it(`with onStrategyError 'reject' logs strategy.failed and completes (${phase})`, () => {
      const run = simulate(world(thrower(phase, 2)), { seed: 1, rounds: 5, onStrategyError: 'reject' });
      expect(run.world.round).toBe(5);
      const failed = run.log.filter((e) => e.type === 'strategy.failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ actor: 'B', round: 2, decision: phase });
      expect(failed[0]?.type === 'strategy.failed' && failed[0].message).toMatch(/boom in/);
      expect(run.log.find((e) => e.type === 'decision.made' && e.actor === 'B' && e.round === 2 && e.decision === phase)).toMatchObject({ actions: [], error: expect.stringMatching(/boom/) });
      // The failure is part of the record: the run replays from its log.
      expect(worldJson(replay(run.initial, run.log))).toBe(worldJson(run.world));
      expect(sha256(simulate(world(thrower(phase, 2)), { seed: 1, rounds: 5, onStrategyError: 'reject' }).log)).toBe(sha256(run.log));
    });
  }
});
