// The engine's public functions refuse option names they do not know, as simulate does: a
// misspelt name (`onInvalidActon`) was dropped without a word, and the call ran with the default.
// Each is named `options.<name>`, with the names the function takes and a "did you mean"; options
// that are not an object are a ConfigError too, not a TypeError; right options still work.
import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, decideWithStrategies, dove, hawk, replay, runRounds, simulate, step, submitDecisions } from '../../src/index.js';
import type { PendingRound, RoundResult, World } from '../../src/index.js';
import { configErrorOf } from '../helpers/issues.js';

const SPEC = { actors: [{ id: 'US' }, { id: 'CN' }] };
const world = (): World => createWorld(SPEC, { seed: 1 });
const strategies = () => ({ US: dove(), CN: hawk() });
const pending = (): PendingRound => beginRound(world()) as PendingRound;

/** The calls, each with the options it is given (`never`: JavaScript, or an object built elsewhere). */
const CALLS: readonly { readonly fn: string; readonly names: string; readonly call: (options: unknown) => unknown }[] = [
  { fn: 'createWorld', names: 'seed', call: (o) => createWorld(SPEC, o as never) },
  { fn: 'beginRound', names: 'onInvalidAction', call: (o) => beginRound(world(), o as never) },
  { fn: 'step', names: 'onInvalidAction, onStrategyError', call: (o) => step(world(), strategies(), o as never) },
  { fn: 'decideWithStrategies', names: 'onInvalidAction, onStrategyError', call: (o) => decideWithStrategies(pending(), strategies(), o as never) },
  { fn: 'runRounds', names: 'rounds, log, onRound, onInvalidAction, onStrategyError', call: (o) => runRounds(world(), strategies(), o as never) },
  { fn: 'replay', names: 'rounds, verify, onInvalidAction, onStrategyError', call: (o) => { const run = simulate(SPEC, { seed: 1, rounds: 2 }); return replay(run.initial, run.log, o as never); } },
];

/** Right options for each call, with one misspelt name added. */
const MISSPELT: Readonly<Record<string, { readonly options: object; readonly name: string; readonly meant: string }>> = {
  createWorld: { options: { seed: 1, sed: 2 }, name: 'sed', meant: 'seed' },
  beginRound: { options: { onInvalidActon: 'throw' }, name: 'onInvalidActon', meant: 'onInvalidAction' },
  step: { options: { onStrategyErorr: 'reject' }, name: 'onStrategyErorr', meant: 'onStrategyError' },
  decideWithStrategies: { options: { onStrategyErorr: 'reject' }, name: 'onStrategyErorr', meant: 'onStrategyError' },
  runRounds: { options: { rounds: 2, logs: false }, name: 'logs', meant: 'log' },
  replay: { options: { verfy: false }, name: 'verfy', meant: 'verify' },
};

describe('engine functions refuse option names they do not know', () => {
  for (const { fn, names, call } of CALLS) {
    const { options, name, meant } = MISSPELT[fn] as (typeof MISSPELT)[string];
    it(`${fn}: a misspelt name is named, with the names taken and a "did you mean"`, () => {
      const e = configErrorOf(() => call(options));
      expect(e.issues).toEqual([{ path: `options.${name}`, expected: `one of the options ${names}`, received: 'an unknown option', hint: `did you mean '${meant}'?` }]);
      expect(e.message).toContain(`options.${name}: expected one of the options ${names}, received an unknown option (did you mean '${meant}'?)`);
    });

    it(`${fn}: options that are not an object are a ConfigError, not a TypeError`, () => {
      for (const bad of [7, 'throw', null, [1]]) {
        const e = configErrorOf(() => call(bad));
        expect(e.issues.map((i) => i.path)).toContain('options');
      }
    });
  }

  it('the functions whose errors name their source name it', () => {
    for (const fn of ['beginRound', 'step', 'decideWithStrategies', 'replay']) {
      const { call } = CALLS.find((c) => c.fn === fn) as (typeof CALLS)[number];
      expect(configErrorOf(() => call((MISSPELT[fn] as (typeof MISSPELT)[string]).options)).source).toBe(fn);
    }
  });

  it('a name far from every known one is named without a "did you mean"', () => {
    const e = configErrorOf(() => step(world(), strategies(), { zzzzzzzz: 1 } as never));
    expect(e.issues).toEqual([{ path: 'options.zzzzzzzz', expected: 'one of the options onInvalidAction, onStrategyError', received: 'an unknown option' }]);
  });

  it('every problem is reported at once: a name with a bad policy, a name with a bad seed or spec, a name with a missing strategy', () => {
    expect(configErrorOf(() => step(world(), strategies(), { onInvalidAction: 'explode', onStrategyErorr: 'reject' } as never)).issues.map((i) => i.path)).toEqual(['options.onStrategyErorr', 'onInvalidAction']);
    expect(configErrorOf(() => beginRound(world(), { onInvalidAction: 'explode', onStrategyError: 'reject' } as never)).issues.map((i) => i.path)).toEqual(['options.onStrategyError', 'onInvalidAction']);
    expect(configErrorOf(() => createWorld(SPEC, { sed: 1 } as never)).issues.map((i) => i.path)).toEqual(['options.sed', 'seed']);
    expect(configErrorOf(() => createWorld({} as never, { seed: 1, sed: 1 } as never)).issues.map((i) => i.path)).toEqual(['options.sed', 'actors']);
    expect(configErrorOf(() => decideWithStrategies(pending(), { US: dove() } as never, { onStrategyErorr: 'reject' } as never)).issues.map((i) => i.path)).toEqual(['options.onStrategyErorr', 'strategies.CN']);
    expect(configErrorOf(() => runRounds(world(), strategies(), { rounds: -1, logs: false } as never)).issues.map((i) => i.path)).toEqual(['options.logs', 'rounds']);
    const run = simulate(SPEC, { seed: 1, rounds: 2 });
    expect(configErrorOf(() => replay(run.initial, run.log, { verify: 'no', round: 1 } as never)).issues.map((i) => i.path)).toEqual(['options.round', 'options.verify']);
  });

  it('beginRound refuses onStrategyError, which is decideWithStrategies\'s (beginRound asks no strategy), and a bad onInvalidAction', () => {
    expect(configErrorOf(() => beginRound(world(), { onStrategyError: 'reject' } as never)).issues).toEqual([
      { path: 'options.onStrategyError', expected: 'one of the options onInvalidAction', received: 'an unknown option' },
    ]);
    expect(configErrorOf(() => beginRound(world(), { onInvalidAction: 'throws' } as never)).issues).toEqual([{ path: 'onInvalidAction', expected: "'reject' | 'throw'", received: '"throws"' }]);
  });

  it('decideWithStrategies checks its policies as step does', () => {
    expect(configErrorOf(() => decideWithStrategies(pending(), strategies(), { onStrategyError: 'rejct' } as never)).issues).toEqual([{ path: 'onStrategyError', expected: "'throw' | 'reject'", received: '"rejct"' }]);
  });

  it('replay checks its policies\' values as runRounds does, named under options with its other options', () => {
    const run = simulate(SPEC, { seed: 1, rounds: 2 });
    const e = configErrorOf(() => replay(run.initial, run.log, { onInvalidAction: 'skip', onStrategyError: 'ignore' } as never));
    expect(e.source).toBe('replay');
    const fromRunRounds = configErrorOf(() => runRounds(world(), strategies(), { rounds: 1, onInvalidAction: 'skip', onStrategyError: 'ignore' } as never)).issues;
    expect(e.issues).toEqual(fromRunRounds.map((i) => ({ ...i, path: `options.${i.path}` })));
    expect(e.issues).toEqual([
      { path: 'options.onInvalidAction', expected: "'reject' | 'throw'", received: '"skip"' },
      { path: 'options.onStrategyError', expected: "'throw' | 'reject'", received: '"ignore"' },
    ]);
    // With a misspelt name and a bad verify: every problem at once.
    expect(configErrorOf(() => replay(run.initial, run.log, { verify: 'no', round: 1, onInvalidAction: 'skip' } as never)).issues.map((i) => i.path)).toEqual(['options.round', 'options.verify', 'options.onInvalidAction']);
    expect(configErrorOf(() => replay(run.initial, run.log, { rounds: 3 })).issues.map((i) => [i.path, i.expected])).toEqual([['options.rounds', 'a whole number of rounds from 0 to 2 (the rounds the log holds from round 0)']]);
  });

  it('right options still work, and give the same results as before', () => {
    expect(createWorld(SPEC, { seed: 1 }).seed).toBe('1');
    const viaStep = step(world(), strategies(), { onInvalidAction: 'reject', onStrategyError: 'throw' });
    const viaStepUndefined = step(world(), strategies(), undefined);
    expect(viaStepUndefined.events).toEqual(viaStep.events);
    // A hand-driven round, one options object for every call, gives step's round.
    const options = { onInvalidAction: 'reject' } as const;
    let p: PendingRound | RoundResult = beginRound(world(), options);
    while (!p.done) p = submitDecisions(p, decideWithStrategies(p, strategies(), { onStrategyError: 'throw' }));
    expect(p.events).toEqual(viaStep.events);
    const run = runRounds(world(), strategies(), { rounds: 3, log: true, onRound: () => undefined, onInvalidAction: 'reject', onStrategyError: 'throw' });
    expect(run.world.round).toBe(3);
    // A run's own options pass to replay as they are (onStrategyError included), with its own names.
    const failing = simulate(SPEC, { seed: 1, rounds: 3, onStrategyError: 'reject' });
    expect(failing.options).toEqual({ onStrategyError: 'reject' });
    expect(replay(failing.initial, failing.log, failing.options).round).toBe(3);
    expect(replay(run.initial, run.log, { rounds: 2, verify: true, onInvalidAction: 'reject', onStrategyError: 'throw' }).round).toBe(2);
  });

  it('a symbol key (the engine\'s internal flag) is not a name, and an inherited name is not the caller\'s', () => {
    expect(step(world(), strategies(), { [Symbol('mine')]: true } as never).done).toBe(true);
    expect(beginRound(world(), Object.create({ zzz: 1 }) as never).done).toBe(false);
  });
});
