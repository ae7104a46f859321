/**
 * A misspelt option name of `simulate` or `fork` is refused, each name with what was expected and
 * a "did you mean": it was dropped without a word, and the run played with the default (an
 * options object in a variable, or from JavaScript, passes the compiler).
 */
import { describe, expect, it } from 'vitest';
import { fork, simulate } from '../../src/index.js';
import type { SimulateOptions } from '../../src/index.js';
import { configErrorOf, configIssuesOf } from '../helpers/issues.js';

const SPEC = { actors: [{ id: 'US', strategy: 'hawk' }, { id: 'CN', strategy: 'dove' }] };

describe('simulate refuses option names it does not know', () => {
  it('names a misspelt policy, with what it takes and a did-you-mean, and still takes every option of its type', () => {
    const rounds: number[] = [];
    const run = simulate(SPEC, { seed: 1, rounds: 2, strategies: { US: 'dove' }, log: false, onRound: (r) => rounds.push(r.world.round), onInvalidAction: 'reject', onStrategyError: 'throw' });
    expect(run.world.round).toBe(2);
    expect(rounds).toEqual([1, 2]);
    const options = { seed: 1, rounds: 2, onInvalidActon: 'throw' };
    const issues = configIssuesOf(() => simulate(SPEC, options as SimulateOptions));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'options.onInvalidActon', received: 'an unknown option', hint: "did you mean 'onInvalidAction'?" });
    for (const name of ['seed', 'rounds', 'strategies', 'registry', 'log', 'onRound', 'onInvalidAction', 'onStrategyError']) expect(issues[0]?.expected).toContain(name);
  });

  it('names each unknown option, also when continuing a world, and one set to undefined', () => {
    const run = simulate(SPEC, { seed: 1, rounds: 1 });
    const options = { rounds: 1, strategys: { US: 'dove' }, lg: undefined };
    const issues = configIssuesOf(() => simulate(run.world, options as SimulateOptions));
    expect(issues.map((i) => i.path)).toEqual(['options.strategys', 'options.lg']);
    expect(issues[0]?.hint).toBe("did you mean 'strategies'?");
    expect(issues[1]?.hint).toBe("did you mean 'log'?");
  });
});

describe('fork refuses names it does not know', () => {
  const run = simulate(SPEC, { seed: 1, rounds: 6 });

  it('in its options (round for rounds), and still takes every name of its intervention and options', () => {
    const forked = fork(run, 2, { injects: [], strategies: { US: 'dove' }, mechanisms: {} }, { rounds: 2, registry: undefined as never });
    expect(forked.world.round).toBe(4);
    const e = configErrorOf(() => fork(run, 2, {}, { round: 2 } as never));
    expect(e.source).toBe('fork');
    expect(e.issues).toEqual([expect.objectContaining({ path: 'options.round', hint: "did you mean 'rounds'?" })]);
  });

  it('in its intervention (inject for injects, mechanism for mechanisms, strategy for strategies)', () => {
    const issues = configIssuesOf(() => fork(run, 2, { inject: [], mechanism: {}, strategy: { US: 'dove' } } as never));
    expect(issues.map((i) => [i.path, i.hint])).toEqual([
      ['intervention.inject', "did you mean 'injects'?"],
      ['intervention.mechanism', "did you mean 'mechanisms'?"],
      // Three edits from `strategies`, too far for a typo, but its singular.
      ['intervention.strategy', "did you mean 'strategies'?"],
    ]);
  });
});
