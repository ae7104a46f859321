// Whatever a strategy throws, and whatever it returns that cannot be read, is that strategy's
// failure: a StrategyError naming actor, round and phase, or (onStrategyError: 'reject') a logged
// strategy.failed event, exactly as for an ordinary thrown Error.
import { describe, expect, it } from 'vitest';
import {
  beginRound,
  ConfigError,
  createWorld,
  decideWithStrategies,
  defineStrategy,
  dove,
  hawk,
  InvalidActionError,
  ProtocolError,
  replay,
  runRounds,
  simulate,
  step,
  StrategyError,
  submitDecisions,
} from '../../src/index.js';
import type { EventOf, PendingRound, RoundResult, SimEvent, Strategy, StrategyDefinition, WorldSpec } from '../../src/index.js';
import { messageOf, safeJson } from '../../src/engine/errors.js';
import { recordable } from '../../src/engine/plain.js';
import { PLAIN_META, sha256, worldJson } from '../helpers/engine.js';

const mk = (o: Partial<StrategyDefinition>): Strategy => defineStrategy({ name: 'a', meta: PLAIN_META, ...o });
const spec = (s: Strategy): WorldSpec => ({ actors: [{ id: 'US', strategy: s }, { id: 'CN', strategy: 'hawk' }] });

/** A proxy on which every operation throws `what`. */
function hostile(what: unknown, target: object = {}): object {
  const trap = () => {
    throw what;
  };
  return new Proxy(target, { get: trap, getPrototypeOf: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap });
}

const failures = (log: readonly SimEvent[]) => log.filter((e): e is EventOf<'strategy.failed'> => e.type === 'strategy.failed');

describe('messageOf and safeJson never throw', () => {
  const errorWithBadMessage = new Error('x');
  Object.defineProperty(errorWithBadMessage, 'message', {
    get() {
      throw new Error('no message');
    },
  });
  const cases: [string, unknown, string | RegExp][] = [
    ['an Error', new Error('boom'), 'boom'],
    ['a string', 'boom', 'boom'],
    ['a number', 1, '1'],
    ['undefined', undefined, 'undefined'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['an object without a prototype', Object.create(null), '[object Object]'],
    ['an Error whose message getter throws', errorWithBadMessage, /Error/],
    ['a proxy whose every trap throws', hostile(new Error('trap')), /cannot be printed|object/],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => {
      expect(messageOf(value)).toMatch(expected);
      expect(typeof safeJson(value)).toBe('string');
    });
  }
});

describe('a strategy failure of any kind is a StrategyError or a strategy.failed event', () => {
  const getterAction = () => [
    {
      get type(): string {
        throw new Error('getter');
      },
    },
  ];
  // Not a plain object, so copied the slow way (JSON), which reads own enumerable properties only.
  class Op {
    constructor() {
      Object.defineProperty(this, 'type', {
        enumerable: true,
        get() {
          throw new Error('class getter');
        },
      });
    }
  }
  const cases: { name: string; def: Partial<StrategyDefinition>; phase: 'operations' | 'diplomacy'; message: RegExp }[] = [
    { name: 'throws an object without a prototype', def: { operate: () => { throw Object.create(null); } }, phase: 'operations', message: /\[object Object\]/ },
    { name: 'throws a proxy whose traps throw', def: { diplomacy: () => { throw hostile(new Error('trap')); } }, phase: 'diplomacy', message: /threw|failed/ },
    { name: 'returns an action whose getter throws', def: { operate: getterAction as never }, phase: 'operations', message: /getter/ },
    { name: 'returns a list proxy whose get throws', def: { diplomacy: () => hostile(1, []) as never }, phase: 'diplomacy', message: /: 1$/ },
    { name: 'returns a class instance whose getter throws', def: { operate: () => [new Op()] as never }, phase: 'operations', message: /class getter/ },
    {
      name: 'returns an action whose toJSON throws',
      def: {
        diplomacy: () =>
          [
            {
              type: 'pass',
              toJSON() {
                throw new Error('toJSON');
              },
            },
          ] as never,
      },
      phase: 'diplomacy',
      message: /toJSON/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: throws a StrategyError naming actor, round and phase`, () => {
      let caught: unknown;
      try {
        simulate(spec(mk(c.def)), { seed: 1, rounds: 2 });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(StrategyError);
      const e = caught as StrategyError;
      expect([e.actor, e.round, e.phase, e.strategy]).toEqual(['US', 0, c.phase, 'a']);
      expect(e.message).toMatch(new RegExp(`strategy 'a' of actor US failed in round 0, phase ${c.phase}: `));
    });

    it(`${c.name}: with onStrategyError 'reject' it is logged, the run goes on and replays`, () => {
      const run = simulate(spec(mk(c.def)), { seed: 1, rounds: 3, onStrategyError: 'reject' });
      expect(run.world.round).toBe(3);
      const failed = failures(run.log);
      expect(failed.map((f) => [f.actor, f.round, f.decision])).toEqual([0, 1, 2].map((r) => ['US', r, c.phase]));
      expect(failed[0]?.message).toMatch(c.message);
      expect(run.log.find((e) => e.type === 'decision.made' && e.actor === 'US' && e.decision === c.phase)).toMatchObject({ actions: [], error: expect.any(String) });
      expect(worldJson(replay(run.initial, run.log))).toBe(worldJson(run.world));
      expect(sha256(simulate(spec(mk(c.def)), { seed: 1, rounds: 3, onStrategyError: 'reject' }).log)).toBe(sha256(run.log));
    });
  }

  it('a response that cannot be read is the responder’s failure', () => {
    const accuser = mk({
      diplomacy: (view) => view.incidents.filter((i) => i.round === view.round).map((i) => ({ type: 'accuse' as const, target: 'B', incident: i.id, public: false })),
    });
    const liar = defineStrategy({
      name: 'liar',
      meta: PLAIN_META,
      respond: () =>
        ({
          get type(): string {
            throw new Error('no answer');
          },
        }) as never,
    });
    const s: WorldSpec = {
      actors: [{ id: 'A', strategy: accuser, capabilities: { attribution: 1 } }, { id: 'B', strategy: liar, capabilities: { espionage: 1, stealth: 0 } }],
      injects: [{ round: 0, type: 'operation', actor: 'B', target: 'A', kind: 'espionage' }],
    };
    expect(() => simulate(s, { seed: 1, rounds: 1 })).toThrow(/strategy 'liar' of actor B failed in round 0, phase responses: no answer/);
    const run = simulate(s, { seed: 1, rounds: 1, onStrategyError: 'reject' });
    expect(failures(run.log)).toMatchObject([{ actor: 'B', decision: 'responses', message: expect.stringMatching(/no answer/) }]);
    expect(worldJson(replay(run.initial, run.log))).toBe(worldJson(run.world));
  });

  it('decideWithStrategies reports an unreadable decision per onStrategyError, before submitDecisions sees it', () => {
    const strategies = { US: mk({ operate: () => hostile(new Error('read me'), []) as never }), CN: hawk() };
    const p = beginRound(createWorld(spec(dove()), { seed: 1 })) as PendingRound;
    expect(() => decideWithStrategies(p, strategies)).toThrow(StrategyError);
    const decisions = decideWithStrategies(p, strategies, { onStrategyError: 'reject' });
    expect(decisions[1]).toMatchObject({ actor: 'US', actions: [], error: expect.stringMatching(/read me/) });
    const next = submitDecisions(p, decisions);
    expect(next.done).toBe(false);
  });

  it('submitDecisions refuses a decision it cannot read with a ProtocolError naming the actor', () => {
    const p = beginRound(createWorld(spec(dove()), { seed: 1 })) as PendingRound;
    const bad = [
      { actor: 'CN', actions: [] },
      { actor: 'US', actions: hostile(new Error('unreadable'), []) as never },
    ];
    expect(() => submitDecisions(p, bad)).toThrow(ProtocolError);
    expect(() => submitDecisions(beginRound(createWorld(spec(dove()), { seed: 1 })) as PendingRound, bad)).toThrow(/phase operations: the decision for US cannot be read: unreadable/);
  });

  it('what JSON refuses stays "not plain data" (a rejection, not a failure)', () => {
    const cyclic: Record<string, unknown> = { type: 'pass' };
    cyclic.self = cyclic;
    let deep: unknown = [];
    for (let i = 0; i < 5000; i++) deep = [deep];
    for (const v of [[cyclic], [{ n: 1n }], [{ n: Object(1n) as unknown }], [{ toJSON: () => 1n }], deep, { a: { b: cyclic } }]) expect(recordable(v)).toBe('not plain data');
    // A shared (not cyclic) object is plain data.
    const shared = { type: 'pass', note: undefined };
    expect(recordable([shared, shared])).toEqual([{ type: 'pass' }, { type: 'pass' }]);
  });
});

describe('returning nothing from operate or diplomacy', () => {
  for (const phase of ['operations', 'diplomacy'] as const) {
    for (const nothing of [null, undefined]) {
      const s = mk(phase === 'operations' ? { operate: () => nothing as never } : { diplomacy: () => nothing as never });
      it(`${phase}: ${String(nothing)} is rejected like any decision that is not a list, and replays`, () => {
        const run = simulate(spec(s), { seed: 1, rounds: 2 });
        const rejected = run.log.filter((e): e is EventOf<'action.rejected'> => e.type === 'action.rejected' && e.actor === 'US');
        expect(rejected.map((e) => [e.round, e.phase, e.reason])).toEqual([0, 1].map((r) => [r, phase, 'decisions must be a list of actions (plain data)']));
        expect(rejected[0]?.action).toEqual(nothing === null ? null : 'not plain data');
        expect(worldJson(replay(run.initial, run.log))).toBe(worldJson(run.world));
        expect(() => simulate(spec(s), { seed: 1, rounds: 2, onInvalidAction: 'throw' })).toThrow(InvalidActionError);
      });
    }
  }

  it('an empty list is no actions and leaves no record', () => {
    const run = simulate(spec(mk({ operate: () => [], diplomacy: () => [] })), { seed: 1, rounds: 2 });
    expect(run.log.some((e) => (e.type === 'decision.made' || e.type === 'action.rejected') && e.actor === 'US')).toBe(false);
  });

  it('a null response is rejected, and the run replays', () => {
    const accuser = mk({
      diplomacy: (view) => view.incidents.filter((i) => i.round === view.round).map((i) => ({ type: 'accuse' as const, target: 'B', incident: i.id, public: false })),
    });
    const silent = defineStrategy({ name: 'silent', meta: PLAIN_META, respond: () => null as never });
    const run = simulate(
      {
        actors: [{ id: 'A', strategy: accuser, capabilities: { attribution: 1 } }, { id: 'B', strategy: silent, capabilities: { espionage: 1, stealth: 0 } }],
        injects: [{ round: 0, type: 'operation', actor: 'B', target: 'A', kind: 'espionage' }],
      },
      { seed: 1, rounds: 2 },
    );
    expect(run.log.filter((e) => e.type === 'action.rejected')).toMatchObject([{ actor: 'B', phase: 'responses', action: null }]);
    expect(worldJson(replay(run.initial, run.log))).toBe(worldJson(run.world));
  });
});

describe('step, runRounds and decideWithStrategies check the strategy assignment at entry', () => {
  const world = () => createWorld({ actors: [{ id: 'US' }, { id: 'CN' }] }, { seed: 1 });

  it('built-in factories passed uncalled: a ConfigError naming each actor, with the fix', () => {
    for (const call of [() => step(world(), { US: dove, CN: hawk } as never), () => runRounds(world(), { US: dove, CN: hawk } as never, { rounds: 10 })]) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).issues).toEqual([
        expect.objectContaining({ path: 'strategies.CN', received: 'a function (hawk)', hint: 'a strategy factory? call it: hawk()' }),
        expect.objectContaining({ path: 'strategies.US', received: 'a function (dove)', hint: 'a strategy factory? call it: dove()' }),
      ]);
    }
  });

  it('a missing actor, an object without the functions and an unknown id are each named', () => {
    const err = (() => {
      try {
        step(world(), { CN: { name: 'x', operate: () => [] } as never, XX: dove() } as never);
      } catch (e) {
        return e as ConfigError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err?.issues.map((i) => [i.path, i.received])).toEqual([
      ['strategies.CN', 'an object without diplomacy, respond'],
      ['strategies.US', 'nothing'],
      ['strategies.XX', "a strategy for 'XX'"],
    ]);
  });

  it('the examples of the TSDoc work as written', () => {
    const run = runRounds(world(), { US: dove(), CN: hawk() }, { rounds: 10 });
    expect(run.world.round).toBe(10);
    const { world: next } = step(world(), { US: dove(), CN: hawk() });
    expect(next.round).toBe(1);
    const p = beginRound(world());
    let r: PendingRound | RoundResult = p;
    while (!r.done) r = submitDecisions(r, decideWithStrategies(r, { US: dove(), CN: hawk() }));
    expect(worldJson(r.world)).toBe(worldJson(next));
  });

  it('decideWithStrategies names an asked actor without a strategy object', () => {
    const p = beginRound(world()) as PendingRound;
    expect(() => decideWithStrategies(p, { US: dove(), CN: hawk } as never)).toThrow(ConfigError);
    expect(() => decideWithStrategies(p, { US: dove() } as never)).toThrow(/strategies\.CN: expected a strategy/);
  });
});
