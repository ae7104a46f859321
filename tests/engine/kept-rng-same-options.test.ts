// Each call of runRounds, simulate or step is a call of its own, even when the caller passes the
// same options object again: the rng a strategy kept from the first call is retired when the
// second starts (the engine told calls apart by their options object, so the same object made the
// second call a continuation of the first, and the kept rng drew from its streams). beginRound,
// on purpose, is the other way round: rounds begun with the same options object are one call.
import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, defineStrategy, ProtocolError, replay, runRounds, simulate, step, submitDecisions } from '../../src/index.js';
import type { DecisionNeed, OperateAction, PendingRound, Rng, RoundOptions, RoundResult, RunRoundsOptions, SimEvent, SimulateOptions, StepOptions, Strategy, World } from '../../src/index.js';
import { rngWatcher, sha256, worldJson } from '../helpers/engine.js';

const META = Object.freeze({ stochastic: true, retaliatory: false, forgiving: false, attributionSensitive: false });
const SPY: OperateAction = { type: 'operate', target: 'CN', kind: 'espionage' };

/**
 * US keeps the first rng it is given and draws from the one of each call; CN, once armed, draws
 * from US's kept rng during its own decision (CN decides first: actors are sorted), and records
 * what that draw threw.
 */
function players(): { strategies: { US: Strategy; CN: Strategy }; arm(on: boolean): void; thrown: unknown[] } {
  let kept: Rng | undefined;
  let armed = false;
  const thrown: unknown[] = [];
  const US = defineStrategy({
    name: 'keeper',
    meta: META,
    operate(_view, rng) {
      kept ??= rng;
      return rng.chance(0.5) ? [SPY] : [];
    },
  });
  const CN = defineStrategy({
    name: 'thief',
    meta: META,
    operate() {
      if (armed && kept) {
        try {
          kept.next();
        } catch (e) {
          thrown.push(e);
        }
      }
      return [];
    },
  });
  return { strategies: { US, CN }, arm: (on) => (armed = on), thrown };
}

const start = (): World => createWorld({ actors: [{ id: 'US' }, { id: 'CN' }] }, { seed: 4 });

describe('a second call with the same options object', () => {
  it('runRounds: the rng kept from the first call throws a ProtocolError and does not change the second run', () => {
    const expected = (() => {
      const p = players();
      const first = runRounds(start(), p.strategies, { rounds: 3 });
      return sha256(runRounds(first.world, p.strategies, { rounds: 4 }).log);
    })();
    for (const same of [true, false]) {
      const p = players();
      const opts: RunRoundsOptions = { rounds: 3 };
      const first = runRounds(start(), p.strategies, opts);
      p.arm(true);
      const second = runRounds(first.world, p.strategies, same ? Object.assign(opts, { rounds: 4 }) : { rounds: 4 });
      expect(p.thrown.length, same ? 'same options object' : 'fresh options object').toBe(4);
      expect(p.thrown.every((e) => e instanceof ProtocolError)).toBe(true);
      expect(sha256(second.log)).toBe(expected);
    }
  });

  it('runRounds with an onRound: the same', () => {
    const rounds: SimEvent[][] = [];
    const p = players();
    const opts: RunRoundsOptions = { rounds: 3, onRound: (r) => rounds.push([...r.events]) };
    const first = runRounds(start(), p.strategies, opts);
    p.arm(true);
    const second = runRounds(first.world, p.strategies, opts);
    expect(p.thrown.length).toBe(3);
    expect(p.thrown.every((e) => e instanceof ProtocolError)).toBe(true);
    const q = players();
    expect(sha256(second.log)).toBe(sha256(runRounds(runRounds(start(), q.strategies, { rounds: 3 }).world, q.strategies, { rounds: 3 }).log));
  });

  it('simulate: the same', () => {
    const p = players();
    const opts: SimulateOptions = { rounds: 3, strategies: p.strategies };
    const first = simulate(start(), opts);
    p.arm(true);
    const second = simulate(first.world, opts);
    expect(p.thrown.length).toBe(3);
    expect(p.thrown.every((e) => e instanceof ProtocolError)).toBe(true);
    const q = players();
    expect(sha256(second.log)).toBe(sha256(simulate(simulate(start(), { rounds: 3, strategies: q.strategies }).world, { rounds: 3, strategies: q.strategies }).log));
  });

  it('step: each step is a call of its own, so a kept rng cannot draw from a later step’s streams', () => {
    const play = (armed: boolean, opts: () => StepOptions) => {
      const p = players();
      let world = start();
      const events: SimEvent[] = [];
      for (let r = 0; r < 5; r++) {
        const result = step(world, p.strategies, opts());
        events.push(...result.events);
        world = result.world;
        p.arm(armed);
      }
      return { log: sha256(events), thrown: p.thrown };
    };
    const expected = play(false, () => ({})).log;
    const same: StepOptions = {};
    for (const opts of [() => same, () => ({})]) {
      const { log, thrown } = play(true, opts);
      expect(thrown.length).toBe(4);
      expect(thrown.every((e) => e instanceof ProtocolError)).toBe(true);
      expect(log).toBe(expected);
    }
  });

  it('within one call, the rng stays the same from round to round', () => {
    const { strategy: s, seen } = rngWatcher();
    const opts: RunRoundsOptions = { rounds: 5 };
    const first = runRounds(start(), { US: s, CN: s }, opts);
    expect(seen.size).toBe(2);
    runRounds(first.world, { US: s, CN: s }, opts);
    expect(seen.size).toBe(4);
  });
});

describe('beginRound given the same options object again', () => {
  // Deliberate, and the other way round from runRounds, simulate and step: a hand-driven loop that
  // passes one options object to every beginRound is one run (replay passes its one object to
  // every round it replays), so the rng a need handed out is not retired from round to round.
  /** Play `rounds` rounds by hand from `start()`, US drawing once a round from the rng of round 0's need. */
  function byHand(rounds: number, options: () => RoundOptions | undefined) {
    const initial = start();
    let world = initial;
    let kept: Rng | undefined;
    const given = new Set<Rng>();
    const thrown: unknown[] = [];
    const log: SimEvent[] = [];
    for (let r = 0; r < rounds; r++) {
      const opts = options();
      let p: PendingRound | RoundResult = opts === undefined ? beginRound(world) : beginRound(world, opts);
      const need = (p as PendingRound).needs.find((n) => n.actor === 'US') as DecisionNeed;
      given.add(need.rng);
      kept ??= need.rng;
      try {
        kept.next();
      } catch (e) {
        thrown.push(e);
      }
      while (!p.done) p = submitDecisions(p, []);
      log.push(...p.events);
      world = p.world;
    }
    return { initial, world, log, given, thrown };
  }

  it('is one call: each round hands US the same rng, the one kept from round 0 draws in every round, and its draws are logged there', () => {
    const same: RoundOptions = {};
    const { initial, world, log, given, thrown } = byHand(4, () => same);
    expect(thrown).toEqual([]);
    expect(given.size).toBe(1);
    const draws = log.filter((e) => e.type === 'decision.made' && e.actor === 'US');
    expect(draws.map((e) => [e.round, (e as { draws: number }).draws])).toEqual([[0, 1], [1, 1], [2, 1], [3, 1]]);
    // The draws are the run's: replaying the log rebuilds the same world.
    expect(worldJson(replay(initial, log))).toBe(worldJson(world));
  });

  it('another options object, or none, is a new call: the rng kept from the round before is retired', () => {
    for (const options of [() => ({}), () => undefined, () => ({ onInvalidAction: 'reject' as const })]) {
      const { thrown, given } = byHand(4, options);
      expect(thrown).toHaveLength(3);
      expect(thrown.every((e) => e instanceof ProtocolError)).toBe(true);
      expect(given.size).toBe(4);
    }
  });
});
