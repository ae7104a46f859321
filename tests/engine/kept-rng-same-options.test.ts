// Each call of runRounds, simulate or step is a call of its own, even when the caller passes the
// same options object again: the rng a strategy kept from the first call is retired when the
// second starts (the engine told calls apart by their options object, so the same object made the
// second call a continuation of the first, and the kept rng drew from its streams).
import { describe, expect, it } from 'vitest';
import { createWorld, defineStrategy, ProtocolError, runRounds, simulate, step } from '../../src/index.js';
import type { OperateAction, Rng, RunRoundsOptions, SimEvent, SimulateOptions, StepOptions, Strategy, World } from '../../src/index.js';
import { rngWatcher, sha256 } from '../helpers/engine.js';

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
