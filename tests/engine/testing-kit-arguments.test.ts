// Bad arguments to the testing kit: one ConfigError naming the function, each wrong argument's
// path, what was expected and what it received — never a bound silently clamped (a different
// experiment than asked for), an option name silently ignored, or a crash deep inside fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, simulate } from '../../src/index.js';
import type { ConfigIssue } from '../../src/index.js';
import {
  actorId,
  arbActorSpecs,
  arbDyads,
  arbInjects,
  arbScenario,
  arbStrategyMix,
  arbWorldSpec,
  assertEscalationClaim,
  checkEscalationClaim,
  EscalationClaimError,
  escalationProperty,
  peakRung,
  worldInvariantViolations,
} from '../../src/testing/index.js';

/** The ConfigError `work` throws, checked to come from `fn` (fails the test otherwise). */
function configError(fn: string, work: () => unknown): readonly ConfigIssue[] {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).message).toMatch(new RegExp(`^${fn}: \\d+ problems?\\n`));
    return (e as ConfigError).issues;
  }
  throw new Error(`expected ${fn} to throw a ConfigError`);
}

const issue = (path: string, expected: RegExp, received: string) => expect.objectContaining({ path, expected: expect.stringMatching(expected), received });

describe('arbScenario options', () => {
  it.each<[string, object, ReturnType<typeof issue>]>([
    ['too few states', { minActors: 1 }, issue('minActors', /integer ≥ 2/, '1')],
    ['a fractional bound', { minActors: 2.5 }, issue('minActors', /integer/, '2.5')],
    ['a bound given as text', { maxActors: '3' }, issue('maxActors', /integer ≥ minActors \(2\)/, '"3"')],
    ['bounds out of order', { minActors: 5, maxActors: 3 }, issue('maxActors', /≥ minActors \(5\)/, '3')],
    ['no rounds', { minRounds: 0 }, issue('minRounds', /from 1 to 100000/, '0')],
    ['a negative most', { maxRounds: -1 }, issue('maxRounds', /from minRounds \(4\) to 100000/, '-1')],
    ['more rounds than a scenario may have', { maxRounds: 1e9 }, issue('maxRounds', /to 100000/, '1000000000')],
    ['an empty strategy list', { strategies: [] }, issue('strategies', /at least one built-in strategy name$/, 'an empty list')],
    ['a strategy name instead of a list', { strategies: 'hawk' }, issue('strategies', /a list of built-in strategy names/, '"hawk"')],
    ['a switch given as text', { proxies: 'no' }, issue('proxies', /true or false/, '"no"')],
  ])('refuses %s', (_what, options, expected) => {
    expect(configError('arbScenario', () => arbScenario(options as never))).toEqual([expected]);
  });

  // A hole in a list (`['hawk', , 'dove']`, a stray comma) was skipped by the check, then drawn as
  // "no strategy": states that played the default strategy instead of one asked for.
  it('refuses a list with a hole, as every function that takes a list of names does', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = ['hawk', , 'dove'] as string[];
    const hole = [issue('strategies[1]', /a non-empty text/, 'undefined')];
    expect(configError('arbScenario', () => arbScenario({ strategies: holed }))).toEqual(hole);
    expect(configError('arbActorSpecs', () => arbActorSpecs({ strategies: holed }))).toEqual(hole);
    expect(configError('arbStrategyMix', () => arbStrategyMix(holed, ['A', 'B']))).toEqual([issue('names[1]', /a non-empty text/, 'undefined')]);
    expect(configError('arbDyads', () => arbDyads(holed))).toEqual([issue('ids[1]', /a non-empty text/, 'undefined')]);
  });

  it('refuses a misspelt option name, with a did-you-mean', () => {
    expect(configError('arbScenario', () => arbScenario({ maxActor: 3 } as never))).toEqual([
      expect.objectContaining({ path: 'maxActor', received: 'an unknown option', hint: "did you mean 'maxActors'?" }),
    ]);
  });

  it('refuses options that are not an object, and lists every problem at once', () => {
    expect(configError('arbScenario', () => arbScenario(null as never))).toEqual([issue('options', /an object of options/, 'null')]);
    expect(configError('arbScenario', () => arbScenario({ minActors: 0, minRounds: -2, strategies: ['hawkk'] }))).toHaveLength(3);
  });

  it('still takes bounds that are right, including a most equal to the fewest', () => {
    const [doc] = fc.sample(arbScenario({ minActors: 3, maxActors: 3, minRounds: 2, maxRounds: 2, proxies: false }), { seed: 1, numRuns: 1 });
    expect(doc?.actors).toHaveLength(3);
    expect(doc?.rounds).toBe(2);
  });
});

describe('the world arbitraries', () => {
  it('arbActorSpecs refuses a fewest below 1, a most below the fewest, and an empty strategy list', () => {
    expect(configError('arbActorSpecs', () => arbActorSpecs({ min: 0 }))).toEqual([issue('min', /integer ≥ 1/, '0')]);
    expect(configError('arbActorSpecs', () => arbActorSpecs({ min: Number.NaN }))).toEqual([issue('min', /integer ≥ 1/, 'NaN')]);
    expect(configError('arbActorSpecs', () => arbActorSpecs({ max: -1 }))).toEqual([issue('max', /≥ 2 \(the default min\)/, '-1')]);
    expect(configError('arbActorSpecs', () => arbActorSpecs({ min: 4, max: 3 }))).toEqual([issue('max', /≥ min \(4\)/, '3')]);
    expect(configError('arbActorSpecs', () => arbActorSpecs({ strategies: [] }))).toEqual([issue('strategies', /at least one strategy name$/, 'an empty list')]);
    expect(configError('arbActorSpecs', () => arbActorSpecs({ strategies: ['hawk', ''] }))).toEqual([issue('strategies[1]', /a non-empty text/, '""')]);
  });

  it('arbWorldSpec refuses bad bounds, inject rounds and option names', () => {
    expect(configError('arbWorldSpec', () => arbWorldSpec({ maxActors: 0 }))).toEqual([issue('maxActors', /≥ 2 \(the default minActors\)/, '0')]);
    expect(configError('arbWorldSpec', () => arbWorldSpec({ injectRounds: 0 }))).toEqual([issue('injectRounds', /integer ≥ 1/, '0')]);
    expect(configError('arbWorldSpec', () => arbWorldSpec({ maxactors: 3 } as never))).toEqual([expect.objectContaining({ path: 'maxactors', hint: "did you mean 'maxActors'?" })]);
    // A fewest above the default most raises the most with it, as before.
    const [spec] = fc.sample(arbWorldSpec({ minActors: 7 }), { seed: 1, numRuns: 1 });
    expect(spec?.actors.length).toBeGreaterThanOrEqual(7);
  });

  it('arbDyads refuses ids that are not a list of distinct texts (it drew dyads from an actor to itself)', () => {
    expect(configError('arbDyads', () => arbDyads(['A', 'A']))).toEqual([issue('ids[1]', /differ from one another/, '"A"')]);
    expect(configError('arbDyads', () => arbDyads('AB' as never))).toEqual([issue('ids', /a list of actor ids/, '"AB"')]);
    expect(fc.sample(arbDyads(['solo']), 2)).toEqual([[], []]);
  });

  it('arbInjects refuses no rounds, a negative most and too few actors', () => {
    expect(configError('arbInjects', () => arbInjects(['A', 'B'], { rounds: 0 }))).toEqual([issue('options.rounds', /integer ≥ 1/, '0')]);
    expect(configError('arbInjects', () => arbInjects(['A', 'B'], { max: -1 }))).toEqual([issue('options.max', /integer ≥ 0/, '-1')]);
    expect(configError('arbInjects', () => arbInjects([]))).toEqual([issue('ids', /at least two actors/, 'an empty list')]);
    expect(configError('arbInjects', () => arbInjects(['A', 'B'], { round: 3 } as never))).toEqual([expect.objectContaining({ path: 'options.round', hint: "did you mean 'rounds'?" })]);
  });

  it('arbStrategyMix refuses a name instead of a list of names, and repeated ids', () => {
    expect(configError('arbStrategyMix', () => arbStrategyMix('hawk' as never, ['A']))).toEqual([issue('names', /a list of strategy names/, '"hawk"')]);
    expect(configError('arbStrategyMix', () => arbStrategyMix([], ['A']))).toEqual([issue('names', /at least one strategy name$/, 'an empty list')]);
    expect(configError('arbStrategyMix', () => arbStrategyMix(['hawk'], ['A', 'A']))).toEqual([issue('ids[1]', /differ/, '"A"')]);
  });

  it('actorId refuses a position outside the count', () => {
    expect(configError('actorId', () => actorId(-1, 3))).toEqual([issue('k', /from 0 to count − 1 \(2\)/, '-1')]);
    expect(configError('actorId', () => actorId(3, 3))).toEqual([issue('k', /from 0 to count − 1 \(2\)/, '3')]);
    expect(configError('actorId', () => actorId(0, 0))).toEqual([issue('count', /integer ≥ 1/, '0')]);
  });

  it('worldInvariantViolations and peakRung refuse what is not a world or a run', () => {
    expect(configError('worldInvariantViolations', () => worldInvariantViolations({} as never))).toEqual([issue('world', /a world/, 'an object')]);
    expect(configError('peakRung', () => peakRung({} as never))).toEqual([issue('run.metrics', /per-round metrics/, 'undefined')]);
    const run = simulate({ actors: [{ id: 'A' }, { id: 'B' }] }, { seed: 1, rounds: 2 });
    expect(worldInvariantViolations(run.world, run.initial)).toEqual([]);
  });
});

describe('the claim checkers', () => {
  const arb = arbScenario({ strategies: ['hawk'] });

  it('refuse zero runs: a claim would "hold" without a single scenario tried', () => {
    expect(configError('checkEscalationClaim', () => checkEscalationClaim(arb, () => false, { numRuns: 0 }))).toEqual([issue('options.numRuns', /integer ≥ 1/, '0')]);
    expect(configError('assertEscalationClaim', () => assertEscalationClaim(arb, () => false, { numRuns: -5 }))).toEqual([issue('options.numRuns', /integer ≥ 1/, '-5')]);
  });

  it('refuse what is not an arbitrary, a claim or a seed before any search', () => {
    expect(configError('checkEscalationClaim', () => checkEscalationClaim({} as never, 'x' as never, { seed: 'abc' as never, seeds: 5 as never }))).toEqual([
      issue('arb', /a fast-check arbitrary/, 'an object'),
      issue('claim', /a function/, '"x"'),
      issue('options.seeds', /a fast-check arbitrary/, '5'),
      issue('options.seed', /an integer/, '"abc"'),
    ]);
    expect(configError('escalationProperty', () => escalationProperty(arb, undefined as never))).toEqual([issue('claim', /a function/, 'undefined')]);
  });

  // The docs promise an unknown option name is refused with a did-you-mean: `numruns: 5` ran the
  // default 100 scenarios without a word, and `escalationProperty(…, { numRuns })` (a parameter of
  // fc.assert) was dropped. fast-check's own parameters still pass through to the search.
  it('refuse an option name that neither they nor fast-check know, with a did-you-mean', () => {
    expect(configError('checkEscalationClaim', () => checkEscalationClaim(arb, () => true, { numruns: 5 } as never))).toEqual([
      expect.objectContaining({ path: 'options.numruns', received: 'an unknown option', hint: "did you mean 'numRuns'?" }),
    ]);
    expect(configError('assertEscalationClaim', () => assertEscalationClaim(arb, () => true, { seeds: fc.constant(1), sed: 3 } as never))).toEqual([
      expect.objectContaining({ path: 'options.sed', received: 'an unknown option', hint: "did you mean 'seed'?" }),
    ]);
    expect(configError('escalationProperty', () => escalationProperty(arb, () => true, { numRuns: 5 } as never))).toEqual([
      expect.objectContaining({ path: 'options.numRuns', expected: 'one of the options seeds, registry', received: 'an unknown option', hint: 'numRuns is a parameter of fc.assert: pass it there' }),
    ]);
    let runs = 0;
    expect(checkEscalationClaim(arb, () => (runs++, true), { numRuns: 3, seed: 1, endOnFailure: true } as never)).toBeNull();
    expect(runs).toBe(3);
  });

  // A replay path means something only with the seed it was found with: without one fast-check
  // drew a fresh seed, so the same call "held" (null) one time and threw "Unable to replay" the
  // next; a path that is not one ("abc") threw fast-check's own error, not a ConfigError.
  it('refuse a replay path without its seed, or that is not one', () => {
    const previous = fc.readConfigureGlobal();
    const { seed: _seed, ...unseeded } = previous;
    fc.configureGlobal(unseeded);
    try {
      expect(configError('checkEscalationClaim', () => checkEscalationClaim(arb, () => false, { path: '0:1:1' }))).toEqual([
        issue('options.seed', /the fast-check seed the path was found with/, 'undefined'),
      ]);
    } finally {
      fc.configureGlobal(previous);
    }
    expect(configError('checkEscalationClaim', () => checkEscalationClaim(arb, () => false, { seed: 1, path: 'abc' }))).toEqual([issue('options.path', /a replay path such as '0:1:1'/, '"abc"')]);
  });

  it('a claim that answers neither true nor false (a block body without return) is an error, not a pass', () => {
    let e: unknown;
    try {
      checkEscalationClaim(arb, ((run: Parameters<typeof peakRung>[0]) => {
        peakRung(run) <= 'L2';
      }) as never, { numRuns: 5, seed: 1 });
    } catch (thrown) {
      e = thrown;
    }
    expect(e).toBeInstanceOf(EscalationClaimError);
    expect((e as EscalationClaimError).stage).toBe('claim');
    expect((e as EscalationClaimError).message).toMatch(/a claim must return true or false, but it returned undefined \(a block body without `return`\?\)/);
  });

  // An async claim returns a promise, which was reported as "returned an object".
  it('an async claim is told it returned a promise', () => {
    const e = (() => {
      try {
        checkEscalationClaim(arb, (async () => true) as never, { numRuns: 5, seed: 1 });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(e).toBeInstanceOf(EscalationClaimError);
    expect((e as EscalationClaimError).message).toMatch(/a claim must return true or false, but it returned a promise \(an async claim\? A claim is checked at once: make it synchronous\)/);
  });
});
