import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, defineStrategy, InvalidActionError, replay, simulate, submitDecisions } from '../../src/index.js';
import type { Action, ActorView, EventOf, Response, SimEvent, Strategy, WorldSpec } from '../../src/index.js';
import { PLAIN_META, sha256, worldJson } from '../helpers/engine.js';

/**
 * A world where A has a proxy PA, B has a proxy PB, and B spies on A every round with no stealth
 * (A, with attribution 1, always has a fresh incident naming B).
 */
function world(a: Strategy): WorldSpec {
  const spy = defineStrategy({ name: 'spy', meta: PLAIN_META, operate: () => [{ type: 'operate', target: 'A', kind: 'espionage' }], respond: () => ({ type: 'deny' }) });
  return {
    actors: [
      { id: 'A', strategy: a, capabilities: { espionage: 0.8, offense: 0.8, attribution: 1 } },
      { id: 'PA', kind: 'proxy', sponsor: 'A' },
      { id: 'B', strategy: spy, capabilities: { espionage: 1, stealth: 0 } },
      { id: 'PB', kind: 'proxy', sponsor: 'B' },
    ],
  };
}

/** A strategy that returns the given actions in round 1 (operations or diplomacy) and nothing else. */
function once(phase: 'operations' | 'diplomacy', actions: (view: ActorView) => unknown): Strategy {
  return defineStrategy({
    name: 'scripted',
    meta: PLAIN_META,
    operate: (view) => (phase === 'operations' && view.round === 1 ? (actions(view) as Action[]) : []) as never,
    diplomacy: (view) => (phase === 'diplomacy' && view.round === 1 ? (actions(view) as Action[]) : []) as never,
  });
}

const rejections = (log: readonly SimEvent[]) => log.filter((e): e is EventOf<'action.rejected'> => e.type === 'action.rejected');
const firstIncident = (view: ActorView) => view.incidents.find((i) => i.round === view.round)?.id ?? 'none';

const CASES: readonly { name: string; phase: 'operations' | 'diplomacy'; actions: (view: ActorView) => unknown[]; reasons: RegExp[] }[] = [
  { name: 'an unknown target', phase: 'operations', actions: () => [{ type: 'operate', target: 'ZZ', kind: 'espionage' }], reasons: [/unknown target 'ZZ'/] },
  { name: 'an unknown target in diplomacy', phase: 'diplomacy', actions: (v) => [{ type: 'accuse', target: 'ZZ', incident: firstIncident(v), public: true }], reasons: [/unknown target 'ZZ'/] },
  { name: 'targeting itself', phase: 'operations', actions: () => [{ type: 'operate', target: 'A', kind: 'espionage' }], reasons: [/cannot target itself/] },
  { name: 'a hotline query without a hotline', phase: 'diplomacy', actions: (v) => [{ type: 'hotline-query', target: 'B', incident: firstIncident(v) }], reasons: [/no hotline between A and B/] },
  { name: 'an accusation about an incident it does not have', phase: 'diplomacy', actions: () => [{ type: 'accuse', target: 'B', incident: 'inc:B:1:0', public: false }], reasons: [/no incident 'inc:B:1:0' of A/] },
  { name: 'ordering a proxy that is not its own', phase: 'operations', actions: () => [{ type: 'operate', target: 'B', kind: 'espionage', via: 'PB' }], reasons: [/PB is not a proxy of A/] },
  { name: 'ordering an unknown proxy', phase: 'operations', actions: () => [{ type: 'operate', target: 'B', kind: 'espionage', via: 'XX' }], reasons: [/unknown proxy 'XX'/] },
  {
    name: 'more operations than mechanisms.operations.maxPerRound',
    phase: 'operations',
    actions: () => [
      { type: 'operate', target: 'B', kind: 'espionage' },
      { type: 'operate', target: 'B', kind: 'disruption' },
      { type: 'operate', target: 'PB', kind: 'espionage' },
      { type: 'operate', target: 'B', kind: 'degradation' },
    ],
    reasons: [/more than 3 operations in one round/],
  },
  { name: 'an unknown action type in diplomacy', phase: 'diplomacy', actions: () => [{ type: 'nuke', target: 'B' }], reasons: [/'nuke' is not allowed in the diplomacy phase/] },
  { name: 'a diplomacy action in the operations phase', phase: 'operations', actions: () => [{ type: 'pass' }], reasons: [/'pass' is not allowed in the operations phase/] },
  { name: 'an unknown operation kind', phase: 'operations', actions: () => [{ type: 'operate', target: 'B', kind: 'sabotage' }], reasons: [/unknown operation kind 'sabotage'/] },
  { name: 'non-objects', phase: 'diplomacy', actions: () => [42, null, 'accuse', [1]], reasons: [/must be an object/, /must be an object/, /must be an object/, /must be an object/] },
  { name: 'the same sanction twice', phase: 'diplomacy', actions: () => [{ type: 'sanction', target: 'B', measure: 'economic' }, { type: 'sanction', target: 'B', measure: 'economic' }], reasons: [/already has economic sanctions on B/] },
];

describe('invalid actions become action.rejected events with a reason', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const run = simulate(world(once(c.phase, c.actions)), { seed: 1, rounds: 3 });
      const rejected = rejections(run.log);
      expect(rejected.map((e) => e.reason)).toEqual(c.reasons.map((r) => expect.stringMatching(r)));
      for (const e of rejected) expect(e).toMatchObject({ actor: 'A', round: 1, phase: c.phase });
      // The rejected action is in the event as the strategy gave it (plain data).
      const given = JSON.parse(JSON.stringify(c.actions({ incidents: [], round: 1 } as unknown as ActorView))) as unknown[];
      const actions = rejected.map((e) => e.action);
      for (const a of actions) expect(given.some((g) => JSON.stringify(g).replace(/"inc:[^"]*"|"none"/g, '') === JSON.stringify(a).replace(/"inc:[^"]*"|"none"/g, ''))).toBe(true);
      // A rejected action has no effect beyond its event: the run replays, and is otherwise the run with valid actions only.
      expect(worldJson(replay(run.initial, run.log))).toBe(worldJson(run.world));
      expect(() => sha256(run.log)).not.toThrow();
    });

    it(`${c.name}: throws an InvalidActionError with onInvalidAction 'throw'`, () => {
      let caught: unknown;
      try {
        simulate(world(once(c.phase, c.actions)), { seed: 1, rounds: 3, onInvalidAction: 'throw' });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidActionError);
      const e = caught as InvalidActionError;
      expect([e.actor, e.round, e.phase]).toEqual(['A', 1, c.phase]);
      expect(e.reason).toMatch(c.reasons[0] as RegExp);
      expect(e.message).toContain('invalid action by A in round 1');
    });
  }

  it('valid actions next to an invalid one still take effect', () => {
    const run = simulate(world(once('operations', () => [{ type: 'operate', target: 'ZZ', kind: 'espionage' }, { type: 'operate', target: 'B', kind: 'espionage', via: 'PA' }])), { seed: 1, rounds: 2 });
    expect(rejections(run.log)).toHaveLength(1);
    const ops = run.log.filter((e): e is EventOf<'operation.conducted'> => e.type === 'operation.conducted' && e.operation.principal === 'A');
    expect(ops.map((e) => [e.operation.author, e.operation.target])).toEqual([['PA', 'B']]);
  });

  it('decisions that are not a list, or not plain data, are rejected and the log stays plain JSON', () => {
    const cyclic: Record<string, unknown> = { type: 'pass' };
    cyclic.self = cyclic;
    for (const [returned, recorded] of [
      [{ type: 'pass' }, { type: 'pass' }],
      [[cyclic], 'not plain data'],
      [[{ type: 'pass', n: 10n }], 'not plain data'],
    ] as const) {
      const run = simulate(world(once('diplomacy', () => returned as unknown as unknown[])), { seed: 1, rounds: 2 });
      expect(rejections(run.log)).toMatchObject([{ actor: 'A', round: 1, action: recorded, reason: expect.stringMatching(/must be a list of actions/) }]);
      expect(() => JSON.stringify(run.log)).not.toThrow();
      expect(worldJson(replay(run.initial, run.log))).toBe(worldJson(run.world));
    }
  });

  it('an invalid response becomes action.rejected and the request stays unanswered', () => {
    const accuser = defineStrategy({
      name: 'accuser',
      meta: PLAIN_META,
      diplomacy: (view) => view.incidents.filter((i) => i.round === view.round).map((i) => ({ type: 'accuse' as const, target: 'B', incident: i.id, public: false })),
    });
    const rude = defineStrategy({
      name: 'rude',
      meta: PLAIN_META,
      operate: () => [{ type: 'operate', target: 'A', kind: 'espionage' }],
      respond: (): Response => ({ type: 'accept' }),
    });
    const s: WorldSpec = { actors: [{ id: 'A', strategy: accuser, capabilities: { attribution: 1 } }, { id: 'B', strategy: rude, capabilities: { espionage: 1, stealth: 0 } }] };
    const run = simulate(s, { seed: 1, rounds: 1 });
    expect(rejections(run.log)).toMatchObject([{ actor: 'B', phase: 'responses', reason: expect.stringMatching(/'accept' does not answer a accusation/) }]);
    expect(run.log.some((e) => e.type === 'request.unanswered' && e.by === 'B' && e.to === 'A')).toBe(true);
    expect(() => simulate(s, { seed: 1, rounds: 1, onInvalidAction: 'throw' })).toThrow(InvalidActionError);
  });

  it('an answer that is missing or not plain data is rejected, and the run replays', () => {
    const accuser = defineStrategy({
      name: 'accuser',
      meta: PLAIN_META,
      diplomacy: (view) => view.incidents.filter((i) => i.round === view.round).map((i) => ({ type: 'accuse' as const, target: 'B', incident: i.id, public: false })),
    });
    const w = createWorld({ actors: [{ id: 'A', strategy: accuser, capabilities: { attribution: 1 } }, { id: 'B', capabilities: { espionage: 1, stealth: 0 } }], injects: [{ round: 0, type: 'operation', actor: 'B', target: 'A', kind: 'espionage' }] }, { seed: 1 });
    for (const response of [undefined, { type: 'deny', n: 10n }]) {
      let p = beginRound(w);
      const log: SimEvent[] = [];
      while (!p.done) {
        p = submitDecisions(
          p,
          p.needs.map((need) =>
            need.request
              ? ({ actor: need.actor, request: need.request.id, response } as never)
              : { actor: need.actor, actions: need.actor === 'A' && need.phase === 'diplomacy' ? need.view.incidents.map((i) => ({ type: 'accuse' as const, target: 'B', incident: i.id, public: false })) : [] },
          ),
        );
      }
      log.push(...p.events);
      expect(rejections(log)).toMatchObject([{ actor: 'B', phase: 'responses', action: 'not plain data', reason: expect.stringMatching(/must be an object/) }]);
      expect(() => JSON.stringify(log)).not.toThrow();
      expect(worldJson(replay(w, log))).toBe(worldJson(p.world));
    }
  });

  it('external deciders get the same checks', () => {
    const w = createWorld(world(once('operations', () => [])), { seed: 1 });
    const p = beginRound(w);
    if (p.done) throw new Error('expected a pending round');
    const r = submitDecisions(p, [{ actor: 'A', actions: [{ type: 'operate', target: 'B', kind: 'espionage', via: 'PB' }] }]);
    if (r.done) throw new Error('expected the diplomacy phase');
    expect(() => submitDecisions(r, [{ actor: 'A', actions: [{ type: 'hotline-query', target: 'B', incident: 'x' }] }])).not.toThrow();
    const strict = beginRound(w, { onInvalidAction: 'throw' });
    if (strict.done) throw new Error('expected a pending round');
    expect(() => submitDecisions(strict, [{ actor: 'A', actions: [{ type: 'operate', target: 'B', kind: 'espionage', via: 'PB' }] }])).toThrow(/PB is not a proxy of A/);
  });
});
