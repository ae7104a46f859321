// A strategy that keeps the rng it was handed cannot change a later run: worlds are immutable and
// the same world gives the same result, whether it comes straight from a run or from a snapshot.
import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, defineStrategy, hawk, ProtocolError, restore, simulate, snapshot, step, submitDecisions } from '../../src/index.js';
import type { OperateAction, PendingRound, RoundResult, Rng, Strategy, World, WorldSpec } from '../../src/index.js';
import { rngWatcher, sha256 } from '../helpers/engine.js';

const META = Object.freeze({ stochastic: true, retaliatory: false, forgiving: false, attributionSensitive: false });
const SPY: OperateAction = { type: 'operate', target: 'CN', kind: 'espionage' };

/** A stochastic strategy that keeps the last rng it was given in `kept.rng`. */
function keeper(kept: { rng?: Rng }): Strategy {
  return defineStrategy({
    name: 'keeper',
    meta: META,
    operate(_view, rng) {
      kept.rng = rng;
      return rng.chance(0.5) ? [SPY] : [];
    },
  });
}

const spec = (s: Strategy): WorldSpec => ({ actors: [{ id: 'US', strategy: s }, { id: 'CN', strategy: 'hawk' }] });
const logOf = (world: World, s: Strategy) => sha256(simulate(world, { rounds: 5, strategies: { US: s } }).log);

describe('an rng kept by a strategy', () => {
  it('drawn from after a run, does not change a run that continues its world', () => {
    const kept: { rng?: Rng } = {};
    const s = keeper(kept);
    const clean = simulate(spec(s), { seed: 11, rounds: 5 });
    const expected = logOf(clean.world, s);

    const run = simulate(spec(s), { seed: 11, rounds: 5 });
    for (let i = 0; i < 10; i++) kept.rng?.next();
    const fromRun = logOf(run.world, s);
    expect(fromRun).toBe(logOf(restore(snapshot(run.world)), s));
    expect(fromRun).toBe(expected);
  });

  it('drawn from after a run without a log (whose streams pass on unsaved), changes nothing either', () => {
    const kept: { rng?: Rng } = {};
    const s = keeper(kept);
    const expected = logOf(simulate(spec(s), { seed: 11, rounds: 5, log: false }).world, s);
    const run = simulate(spec(s), { seed: 11, rounds: 5, log: false });
    for (let i = 0; i < 10; i++) kept.rng?.next();
    expect(logOf(run.world, s)).toBe(expected);
  });

  it('drawn from between steps, does not change the next ones', () => {
    const kept: { rng?: Rng } = {};
    const strategies = { US: keeper(kept), CN: hawk() };
    const play = (stray: number) => {
      let world = createWorld(spec(strategies.US), { seed: 3 });
      const events = [];
      for (let r = 0; r < 8; r++) {
        const result = step(world, strategies);
        events.push(...result.events);
        for (let i = 0; i < stray; i++) kept.rng?.int(100);
        world = result.world;
      }
      return sha256(events);
    };
    expect(play(3)).toBe(play(0));
  });

  it('drawn from in onRound, does not change the rest of the run', () => {
    const kept: { rng?: Rng } = {};
    const s = keeper(kept);
    const expected = sha256(simulate(spec(s), { seed: 5, rounds: 8 }).log);
    const run = simulate(spec(s), { seed: 5, rounds: 8, onRound: () => kept.rng?.next() });
    expect(sha256(run.log)).toBe(expected);
  });

  it('used by its strategy in a later call fails in that call, whether the world came from the run or a snapshot', () => {
    let first: Rng | undefined;
    const clinging = defineStrategy({
      name: 'clinging',
      meta: META,
      operate(_view, rng) {
        first ??= rng;
        return first.chance(0.5) ? [SPY] : [];
      },
    });
    const run = simulate(spec(clinging), { seed: 2, rounds: 4 });
    const later = [run.world, restore(snapshot(run.world))].map((w) => simulate(w, { rounds: 3, strategies: { US: clinging }, onStrategyError: 'reject' }).log);
    expect(sha256(later[0])).toBe(sha256(later[1]));
    expect(later[0]?.find((e) => e.type === 'strategy.failed')).toMatchObject({ actor: 'US', round: 4, message: expect.stringMatching(/earlier call/) });
    expect(() => first?.next()).toThrow(ProtocolError);
  });

  it('within one run, is the same rng from round to round', () => {
    const { strategy: s, seen } = rngWatcher();
    simulate(spec(s), { seed: 1, rounds: 6 });
    expect(seen.size).toBe(1);
  });

  it('a pending round’s rng counts its draws, and a later call retires it', () => {
    const world = createWorld(spec(keeper({})), { seed: 9 });
    let p: PendingRound | RoundResult = beginRound(world);
    const rng = (p as PendingRound).needs.find((n) => n.actor === 'US')?.rng as Rng;
    rng.next();
    rng.next();
    p = submitDecisions(p as PendingRound, []);
    while (!p.done) p = submitDecisions(p, []);
    expect(p.events.find((e) => e.type === 'decision.made' && e.actor === 'US')).toMatchObject({ draws: 2 });
    beginRound(p.world);
    expect(() => rng.next()).toThrow(/earlier call/);
  });
});
