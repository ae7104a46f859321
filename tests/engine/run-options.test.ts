/**
 * The options of a run (simulate, runRounds) are checked once, before any round is played: an
 * unknown policy or a bad callback is a ConfigError naming the option, never a silent default or a
 * TypeError after round 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, defineStrategy, fork, InvalidActionError, MAX_ROUNDS, runRounds, simulate, step } from '../../src/index.js';
import type { ConfigIssue, RunRoundsOptions } from '../../src/index.js';
import { configIssuesOf as issuesOf, resultOrIssues as runOrIssues } from '../helpers/issues.js';

const ACTORS = [{ id: 'US' }, { id: 'CN' }];
const anyValue = fc.oneof(fc.jsonValue(), fc.anything());

describe('run options', () => {
  /** A strategy that counts its calls: none may happen before the options are found bad. */
  function counting() {
    const calls = { n: 0 };
    const strategy = defineStrategy({
      name: 'counting',
      meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
      operate: () => {
        calls.n++;
        return [];
      },
      diplomacy: () => {
        calls.n++;
        return [];
      },
      respond: () => {
        calls.n++;
        return { type: 'ignore' };
      },
    });
    return { calls, strategy };
  }

  it('an unknown policy is a ConfigError naming the option and the allowed values', () => {
    const bad = issuesOf(() => simulate({ actors: ACTORS }, { seed: 1, rounds: 3, onInvalidAction: 'explode' as never }));
    expect(bad).toEqual([{ path: 'onInvalidAction', expected: "'reject' | 'throw'", received: '"explode"' }]);
    const worse = issuesOf(() => simulate({ actors: ACTORS }, { seed: 1, rounds: 3, onStrategyError: 'explode' as never }));
    expect(worse).toEqual([{ path: 'onStrategyError', expected: "'throw' | 'reject'", received: '"explode"' }]);
  });

  it('a bad onRound or log is found before any round runs', () => {
    const { calls, strategy } = counting();
    const issues = issuesOf(() => simulate({ actors: ACTORS }, { seed: 1, rounds: 3, onRound: 5 as never, log: 'no' as never, strategies: { US: strategy } }));
    expect(issues.map((i) => i.path)).toEqual(['log', 'onRound']);
    expect(calls.n).toBe(0);
    // The same strategy is called once the options are right.
    simulate({ actors: ACTORS }, { seed: 1, rounds: 1, strategies: { US: strategy } });
    expect(calls.n).toBeGreaterThan(0);
  });

  it('more rounds than MAX_ROUNDS in one call is a ConfigError before any round runs, with the way to play a longer run', () => {
    // It ran out of memory after minutes (1e9 rounds: a 4 GB heap, then a crash), as a typo would.
    const { calls, strategy } = counting();
    const hint = 'play a longer run in several calls: simulate(run.world, { rounds }) continues a world';
    for (const rounds of [MAX_ROUNDS + 1, 1e9, Infinity]) {
      expect(issuesOf(() => simulate({ actors: ACTORS }, { seed: 1, rounds, strategies: { US: strategy } }))).toEqual([{ path: 'rounds', expected: 'a whole number of rounds from 0 to 100,000', received: String(rounds), hint }]);
      expect(issuesOf(() => runRounds(createWorld({ actors: ACTORS }, { seed: 1 }), { US: strategy, CN: strategy }, { rounds }))).toEqual([{ path: 'rounds', expected: 'a whole number of rounds from 0 to 100,000', received: String(rounds), hint }]);
    }
    const run = simulate({ actors: ACTORS }, { seed: 1, rounds: 2, strategies: { US: strategy } });
    expect(issuesOf(() => fork(run, 1, {}, { rounds: MAX_ROUNDS + 1 }))).toEqual([{ path: 'options.rounds', expected: 'a whole number of rounds from 0 to 100,000', received: '100001', hint }]);
    // A negative or fractional number gets no hint: it is not a run that is too long.
    expect(issuesOf(() => simulate({ actors: ACTORS }, { seed: 1, rounds: -1 }))).toEqual([{ path: 'rounds', expected: 'a whole number of rounds from 0 to 100,000', received: '-1' }]);
    const before = calls.n;
    expect(issuesOf(() => simulate(run.world, { rounds: 1e9, strategies: { US: strategy } }))).toHaveLength(1);
    expect(calls.n).toBe(before);
  });

  it('the valid values still run, and a run keeps its policies', () => {
    const run = simulate({ actors: ACTORS }, { seed: 1, rounds: 2, onInvalidAction: 'throw', onStrategyError: 'reject', log: false, onRound: () => undefined });
    expect(run.options).toEqual({ onInvalidAction: 'throw', onStrategyError: 'reject' });
    expect(run.log).toEqual([]);
  });

  it('any value of any one option gives a run or a ConfigError, and a ConfigError before any round', () => {
    const keys = ['rounds', 'log', 'onRound', 'onInvalidAction', 'onStrategyError'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), anyValue, (key, value) => {
        // A valid but large number of rounds would only make a long run.
        fc.pre(!(key === 'rounds' && typeof value === 'number' && value > 5));
        const { calls, strategy } = counting();
        const out = runOrIssues(() => simulate({ actors: ACTORS }, { seed: 1, rounds: 2, strategies: { US: strategy }, [key]: value }));
        if (Array.isArray(out)) {
          expect(out.map((i: ConfigIssue) => i.path)).toEqual([key]);
          expect(calls.n).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('policies the options object inherits', () => {
  // Checked by name, then used by name: a copy of own properties only (each call's own options
  // object) dropped a policy from a class's getter or a prototype after the check had accepted it.
  const BAD = defineStrategy({
    name: 'bad-target',
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
    operate: () => [{ type: 'operate', target: 'ZZ', kind: 'espionage' }],
  });
  const world = () => createWorld({ actors: [{ id: 'US' }, { id: 'CN' }] }, { seed: 1 });

  it('step honours an inherited onInvalidAction', () => {
    class Strict {
      get onInvalidAction(): 'throw' {
        return 'throw';
      }
    }
    expect(() => step(world(), { US: BAD, CN: BAD }, new Strict())).toThrow(InvalidActionError);
  });

  it('runRounds honours an inherited onInvalidAction, with and without a log', () => {
    for (const log of [true, false]) {
      const options = Object.assign(Object.create({ onInvalidAction: 'throw' }) as RunRoundsOptions, { rounds: 2, log });
      expect(() => runRounds(world(), { US: BAD, CN: BAD }, options)).toThrow(InvalidActionError);
    }
  });
});
