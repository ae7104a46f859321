import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, ProtocolError, simulate, step, submitDecisions } from '../../src/index.js';
import type { Decision, DecisionNeed, PendingRound, RoundResult, SimEvent, Strategy, World, WorldSpec } from '../../src/index.js';
import { worldJson } from '../helpers/engine.js';

// The engine takes decisions that answer the needs one by one, in order, as they are, and matches
// any other list by actor and request (round.ts, decisionsByNeed). Both must mean the same thing.

const SPEC: WorldSpec = {
  actors: [
    { id: 'US', strategy: 'deterrer', capabilities: { espionage: 0.9, offense: 0.8, defense: 0.7, attribution: 0.8, stealth: 0.6 } },
    { id: 'CN', strategy: 'hawk', capabilities: { espionage: 0.8, offense: 0.6, defense: 0.6, attribution: 0.6, stealth: 0.3 } },
    { id: 'RU', strategy: 'tit-for-tat', capabilities: { espionage: 0.7, offense: 0.8, defense: 0.5, attribution: 0.5, stealth: 0.5 } },
    { id: 'JP', strategy: 'random', capabilities: { espionage: 0.5, offense: 0.4, defense: 0.8, attribution: 0.7, stealth: 0.4 } },
  ],
  dyads: [{ from: 'US', to: 'CN', trust: 0.3, mutual: true }],
};

function decide(need: DecisionNeed, strategy: Strategy): Decision {
  if (need.request) return { actor: need.actor, request: need.request.id, response: strategy.respond(need.request, need.view, need.rng) };
  const actions = need.phase === 'operations' ? strategy.operate(need.view, need.rng) : strategy.diplomacy(need.view, need.rng);
  return { actor: need.actor, actions };
}

/**
 * Runs `rounds` rounds with the spec's strategies deciding in the needs' order, as `step` does, and
 * hands each phase's decisions over in the order `arrange` gives them (dropping none).
 */
function drive(world: World, strategies: Readonly<Record<string, Strategy>>, rounds: number, arrange: (ds: Decision[], call: number) => Decision[]) {
  const log: SimEvent[] = [];
  let call = 0;
  for (let r = 0; r < rounds; r++) {
    let p: PendingRound | RoundResult = beginRound(world);
    while (!p.done) {
      const ds = p.needs.map((need) => decide(need, strategies[need.actor] as Strategy));
      p = submitDecisions(p, arrange(ds, call++));
    }
    log.push(...p.events);
    world = p.world;
  }
  return { world, log };
}

describe('the decision protocol', () => {
  const { strategies } = simulate(SPEC, { seed: 1, rounds: 0 });

  it('decisions handed over in any order make the same round as in the needs’ order, and as step', () => {
    let responses = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (seed, keys) => {
        const world = createWorld(SPEC, { seed });
        const inOrder = drive(world, strategies, 6, (ds) => ds);
        // A permutation of each phase's decisions drawn from the keys: never the identity on a
        // phase with two decisions or more, so the matched path is the one taken.
        const shuffled = drive(world, strategies, 6, (ds, call) => {
          if (ds.length < 2) return ds;
          const cut = 1 + ((keys[call % keys.length] as number) % (ds.length - 1));
          return [...ds.slice(cut), ...ds.slice(0, cut)];
        });
        expect(JSON.stringify(shuffled.log)).toBe(JSON.stringify(inOrder.log));
        expect(worldJson(shuffled.world)).toBe(worldJson(inOrder.world));
        // And `step` (the engine's own loop) agrees with both.
        let w = world;
        const stepped: SimEvent[] = [];
        for (let r = 0; r < 6; r++) {
          const res = step(w, strategies);
          stepped.push(...res.events);
          w = res.world;
        }
        expect(JSON.stringify(stepped)).toBe(JSON.stringify(inOrder.log));
        expect(worldJson(w)).toBe(worldJson(inOrder.world));
        responses += stepped.filter((e) => e.type === 'decision.made' && e.decision === 'responses').length;
      }),
      { numRuns: 25 },
    );
    // `step` decides without pending rounds (playRound): the runs reached the responses phase too.
    expect(responses).toBeGreaterThan(10);
  });

  it('a need left without a decision counts as no action, whatever the order of the others', () => {
    const world = createWorld(SPEC, { seed: 3 });
    const op: Decision = { actor: 'CN', actions: [{ type: 'operate', target: 'US', kind: 'espionage' }] };
    const finishWith = (first: Decision[]): { world: World; events: readonly SimEvent[] } => {
      let p: PendingRound | RoundResult = beginRound(world);
      if (p.done) throw new Error('expected a pending round');
      p = submitDecisions(p, first);
      while (!p.done) p = submitDecisions(p, []);
      return p;
    };
    const aligned = finishWith(['US', 'CN', 'RU', 'JP'].map((actor) => (actor === 'CN' ? op : { actor, actions: [] })));
    const alone = finishWith([op]);
    const reordered = finishWith([{ actor: 'JP', actions: [] }, op]);
    expect(aligned.events.some((e) => e.type === 'operation.conducted')).toBe(true);
    expect(JSON.stringify(alone.events)).toBe(JSON.stringify(aligned.events));
    expect(JSON.stringify(reordered.events)).toBe(JSON.stringify(aligned.events));
    expect(worldJson(alone.world)).toBe(worldJson(aligned.world));
  });

  it('a decision nobody asked for, a second decision for one need, or a response where actions were asked is a protocol error', () => {
    const world = createWorld(SPEC, { seed: 4 });
    const pending = () => {
      const p = beginRound(world);
      if (p.done) throw new Error('expected a pending round');
      return p;
    };
    const empty = (p: PendingRound): Decision[] => p.needs.map((n) => ({ actor: n.actor, actions: [] }));
    const p1 = pending();
    expect(() => submitDecisions(p1, [...empty(p1).slice(1), { actor: 'US', actions: [] }, { actor: 'US', actions: [] }])).toThrow(/two decisions for US/);
    const p2 = pending();
    expect(() => submitDecisions(p2, [...empty(p2).slice(0, -1), { actor: 'XX', actions: [] }])).toThrow(/no decision was asked of XX/);
    const p3 = pending();
    // As many decisions as needs, each in its need's place, but the first answers a request.
    const asResponse: Decision[] = [{ actor: 'US', request: 'hq:US:0:0', response: { type: 'ignore' } }, ...empty(p3).slice(1)];
    expect(() => submitDecisions(p3, asResponse)).toThrow(ProtocolError);
    expect(() => submitDecisions(pending(), asResponse)).toThrow(/no decision was asked of US for request hq:US:0:0/);
  });
});
