/**
 * What the QA pass found left after the entry checks of simulate, runRounds and forkRun: `fork`'s
 * own arguments, `step`'s policies, and a relation set twice in a spec. Each is a ConfigError
 * naming the path, never a TypeError or a silent default (or a silent last-entry-wins).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, createWorld, dove, fork, hawk, simulate, step } from '../../src/index.js';
import { arbDyads, arbWorldSpec } from '../../src/testing/index.js';
import { configIssuesOf as issuesOf } from '../helpers/issues.js';

const SPEC = { actors: [{ id: 'US', strategy: 'hawk' }, { id: 'CN', strategy: 'dove' }] };

describe('fork checks its own arguments', () => {
  const run = simulate(SPEC, { seed: 1, rounds: 4 });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a list', []],
  ])('an intervention that is %s is a ConfigError at intervention', (_what, intervention) => {
    const issues = issuesOf(() => fork(run, 1, intervention as never));
    expect(issues.map((i) => i.path)).toEqual(['intervention']);
  });

  it.each([
    ['a number', 5],
    ['a list', []],
    ['null', null],
  ])('strategies that are %s are a ConfigError at intervention.strategies (they passed as no intervention)', (_what, strategies) => {
    const issues = issuesOf(() => fork(run, 1, { strategies } as never));
    expect(issues.map((i) => i.path)).toEqual(['intervention.strategies']);
  });

  it('options that are not an object are a ConfigError at options', () => {
    expect(issuesOf(() => fork(run, 1, {}, null as never)).map((i) => i.path)).toEqual(['options']);
  });

  it('a valid fork with no intervention still reproduces the run', () => {
    expect(JSON.stringify(fork(run, 2).log)).toBe(JSON.stringify(run.log));
  });
});

describe('step checks its round policies', () => {
  const world = createWorld(SPEC, { seed: 1 });
  const strategies = { US: hawk(), CN: dove() };

  it('a misspelt policy is a ConfigError naming it and the allowed values', () => {
    const issues = issuesOf(() => step(world, strategies, { onInvalidAction: 'explode' } as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('onInvalidAction');
    expect(issues[0]?.expected).toContain("'reject'");
    expect(issuesOf(() => step(world, strategies, { onStrategyError: 'ignore' } as never))[0]?.path).toBe('onStrategyError');
  });

  it('the same options object is checked again after a failure, not remembered as good', () => {
    const bad = { onInvalidAction: 'explode' } as never;
    expect(() => step(world, strategies, bad)).toThrow(ConfigError);
    expect(() => step(world, strategies, bad)).toThrow(ConfigError);
  });

  it('valid policies play the round', () => {
    expect(step(world, strategies, { onInvalidAction: 'throw', onStrategyError: 'reject' }).world.round).toBe(1);
  });
});

describe('a relation set twice in a spec', () => {
  it('two entries for the same direction are refused at the second, naming the first', () => {
    const issues = issuesOf(() =>
      createWorld({ ...SPEC, dyads: [{ from: 'US', to: 'CN', trust: 0.2 }, { from: 'US', to: 'CN', trust: 0.9 }] }, { seed: 1 }),
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'dyads[1]', expected: 'each relation set by one entry only' })]);
    expect(issues[0]?.received).toContain('already set by dyads[0]');
  });

  it('a mutual entry and a direct one for its reverse are refused', () => {
    const issues = issuesOf(() =>
      createWorld({ ...SPEC, dyads: [{ from: 'US', to: 'CN', trust: 0.2, mutual: true }, { from: 'CN', to: 'US', trust: 0.9 }] }, { seed: 1 }),
    );
    expect(issues.map((i) => i.path)).toEqual(['dyads[1]']);
    expect(issues[0]?.received).toBe('CN → US, already set by dyads[0] (mutual)');
  });

  it('one entry each way is still allowed', () => {
    const w = createWorld({ ...SPEC, dyads: [{ from: 'US', to: 'CN', trust: 0.2 }, { from: 'CN', to: 'US', trust: 0.9 }] }, { seed: 1 });
    expect(w.actors).toHaveLength(2);
  });

  it('the testing kit never generates one (every spec it makes is valid)', () => {
    fc.assert(
      fc.property(arbWorldSpec(), (spec) => {
        createWorld(spec, { seed: 1 });
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(arbDyads(['US', 'CN', 'RU']), (dyads) => {
        const seen = new Set<string>();
        for (const d of dyads) {
          for (const r of d.mutual === true ? [`${d.from}>${d.to}`, `${d.to}>${d.from}`] : [`${d.from}>${d.to}`]) {
            expect(seen.has(r)).toBe(false);
            seen.add(r);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a hole in any list of a spec', () => {
  // The readers of actors, dyads and adopted norms skipped holes: `actors: new Array(3)` made a
  // world of no actors, a dyad after a hole was read but the hole was no entry, and a hole in a
  // list of norms became an adopted norm `null`. Agreements, forums and injects said so already.
  const HOLE = { expected: 'an entry (a list without holes)', received: 'a hole' };
  const US = { id: 'US' };
  const CN = { id: 'CN' };
  const cases: [string, string, Record<string, unknown>][] = [
    ['actors [US, , CN]', 'actors[1]', { actors: [US, , CN] }],
    ['actors new Array(3)', 'actors[0]', { actors: new Array(3) }],
    ['dyads [, d]', 'dyads[0]', { actors: [US, CN], dyads: [, { from: 'US', to: 'CN', trust: 0.2 }] }],
    ['dyads new Array(2)', 'dyads[0]', { actors: [US, CN], dyads: new Array(2) }],
    ['norms.US [a, , b]', 'norms.US[1]', { actors: [US, CN], norms: { US: ['gge15.a', , 'gge15.b'] } }],
    ['norms.US new Array(1)', 'norms.US[0]', { actors: [US, CN], norms: { US: new Array(1) } }],
  ];

  it.each(cases)('%s is one ConfigError issue at the missing entry, from createWorld and from simulate', (_what, path, spec) => {
    expect(issuesOf(() => createWorld(spec as never, { seed: 1 }))).toEqual([{ path, ...HOLE }]);
    expect(issuesOf(() => simulate(spec as never, { seed: 1, rounds: 2 }))).toEqual([{ path, ...HOLE }]);
  });

  it('a hole in the actors is reported alone: an actor declared after it is not called undeclared', () => {
    const spec = { actors: [US, , CN], dyads: [{ from: 'US', to: 'CN', trust: 0.2 }], norms: { CN: ['gge15.f'] }, agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'hotline' }] }] };
    expect(issuesOf(() => createWorld(spec as never, { seed: 1 }))).toEqual([{ path: 'actors[1]', ...HOLE }]);
    // What can be judged without the actors is judged still.
    expect(issuesOf(() => createWorld({ ...spec, mechanisms: { trust: { decay: 2 } } } as never, { seed: '' })).map((i) => i.path)).toEqual(['seed', 'mechanisms.trust.decay', 'actors[1]']);
  });

  it('a list of fifty million holes is one issue at once, not a walk of every entry', () => {
    const actors: unknown[] = [];
    actors.length = 50_000_000;
    expect(issuesOf(() => createWorld({ actors } as never, { seed: 1 }))).toEqual([{ path: 'actors[0]', ...HOLE }]);
    const dyads: unknown[] = [{ from: 'US', to: 'CN' }];
    dyads.length = 50_000_000;
    expect(issuesOf(() => createWorld({ actors: [US, CN], dyads } as never, { seed: 1 }))).toEqual([{ path: 'dyads[1]', ...HOLE }]);
  });
});
