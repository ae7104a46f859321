import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaTrust, ConfigError, createWorld, fork, simulate } from '../../src/index.js';
import type { WorldSpec } from '../../src/index.js';
import { arbWorldSpec } from '../../src/testing/index.js';
import { configIssuesOf as issuesOf } from '../helpers/issues.js';

describe('createWorld', () => {
  it('lists every problem of a spec at once, each with its path', () => {
    const spec = {
      actors: [
        { id: 'US', capabilities: { offense: 1.5, stealth: -0.1, luck: 1 } },
        { id: 'US' },
        { id: 'GANG', kind: 'criminal' },
        { id: 'APT', kind: 'proxy', sponsor: 'GANG' },
        { id: 'APT2', kind: 'proxy' },
        { id: 'CN', sponsor: 'US', capabilities: { attribution: Number.NaN } },
        { id: 'bad id!' },
      ],
      dyads: [{ from: 'US', to: 'XX', trust: 0.5 }, { from: 'US', to: 'CN', trust: 1 }],
      mechanisms: { trust: { decay: 'fast' }, nonsense: {} },
    } as unknown as WorldSpec;
    const issues = issuesOf(() => createWorld(spec, { seed: 1 }));
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'actors[0].capabilities.offense',
        'actors[0].capabilities.stealth',
        'actors[0].capabilities.luck',
        'actors[1].id',
        'actors[3].sponsor',
        'actors[4].sponsor',
        'actors[5].sponsor',
        'actors[5].capabilities.attribution',
        'actors[6].id',
        'dyads[0].to',
        'dyads[1].trust',
        'mechanisms.trust.decay',
        'mechanisms.nonsense',
      ]),
    );
    expect(issues).toHaveLength(13);
    const byPath = new Map(issues.map((i) => [i.path, i] as const));
    expect(byPath.get('actors[1].id')?.received).toMatch(/duplicate 'US'/);
    expect(byPath.get('actors[3].sponsor')).toMatchObject({ expected: expect.stringMatching(/a state/), received: expect.stringMatching(/GANG, a criminal/) });
    expect(byPath.get('actors[0].capabilities.offense')).toMatchObject({ expected: 'a number in [0, 1]', received: '1.5' });
    // The message lists them all, one per line.
    let message = '';
    try {
      createWorld(spec, { seed: 1 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toHaveLength(1 + 13);
    expect(message).toMatch(/^13 problems/);
  });

  it('a proxy sponsored by another proxy is rejected', () => {
    const issues = issuesOf(() => createWorld({ actors: [{ id: 'S' }, { id: 'P1', kind: 'proxy', sponsor: 'S' }, { id: 'P2', kind: 'proxy', sponsor: 'P1' }] }, { seed: 1 }));
    expect(issues).toEqual([expect.objectContaining({ path: 'actors[2].sponsor', received: 'P1, a proxy' })]);
  });

  it('rejects bad seeds, empty actor lists and bad injects with paths', () => {
    expect(issuesOf(() => createWorld({ actors: [{ id: 'A' }] }, { seed: '' }))).toEqual([expect.objectContaining({ path: 'seed' })]);
    expect(issuesOf(() => createWorld({ actors: [] }, { seed: 1 }))).toEqual([expect.objectContaining({ path: 'actors' })]);
    const issues = issuesOf(() =>
      createWorld(
        {
          actors: [{ id: 'A' }, { id: 'B' }],
          injects: [
            { round: -1, type: 'note', text: 'x' },
            { round: 1, type: 'operation', actor: 'A', target: 'A', kind: 'espionage' },
            { round: 1, type: 'capability', actor: 'Q', capability: 'stealth', value: 2 },
          ],
        },
        { seed: 1 },
      ),
    );
    expect(issues.map((i) => i.path)).toEqual(['injects[0].round', 'injects[1].target', 'injects[2].actor', 'injects[2].value']);
  });

  it('sorts actors by id whatever the declaration order and seeds dyad trust exactly', () => {
    fc.assert(
      fc.property(arbWorldSpec({ injects: false }), (spec) => {
        const world = createWorld(spec, { seed: 1 });
        const ids = world.actors.map((a) => a.id);
        expect(ids).toEqual([...ids].sort());
        const n = ids.length;
        // The last dyad spec for a pair wins.
        const expected = new Map<string, number>();
        for (const d of spec.dyads ?? []) {
          if (d.trust === undefined) continue;
          expected.set(`${d.from}>${d.to}`, d.trust);
          if (d.mutual) expected.set(`${d.to}>${d.from}`, d.trust);
        }
        for (const [key, t] of expected) {
          const [from, to] = key.split('>') as [string, string];
          const k = ids.indexOf(from) * n + ids.indexOf(to);
          expect(betaTrust(world.dyads.trustR[k] as number, world.dyads.trustS[k] as number)).toBeCloseTo(t, 12);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('a hole in a forum\'s members or an agreement\'s parties is one issue, not also a count of what is left before it', () => {
    const holed = () => ['A', , 'B', 'C'] as string[];
    expect(issuesOf(() => createWorld({ actors: [{ id: 'A' }, { id: 'B' }, { id: 'C' }], forums: [{ id: 'f', members: holed() }], agreements: [{ parties: holed(), terms: [{ kind: 'hotline' }] }] }, { seed: 1 }))).toEqual([
      { path: 'agreements[0].parties[1]', expected: 'an entry (a list without holes)', received: 'a hole' },
      { path: 'forums[0].members[1]', expected: 'an entry (a list without holes)', received: 'a hole' },
    ]);
  });

  it('refuses adopted norms given as a Map (read as an object it adopted nothing, silently)', () => {
    const norms = new Map([['A', ['gge15.a']]]) as unknown as NonNullable<WorldSpec['norms']>;
    expect(issuesOf(() => createWorld({ actors: [{ id: 'A' }, { id: 'B' }], norms }, { seed: 1 }))).toEqual([{ path: 'norms', expected: 'a plain object of actor id → list of norm ids', received: 'a Map' }]);
    // A plain object without a prototype is fine.
    const bare = Object.assign(Object.create(null) as Record<string, string[]>, { A: ['gge15.a'] });
    expect(createWorld({ actors: [{ id: 'A' }, { id: 'B' }], norms: bare }, { seed: 1 }).norms.A).toEqual(['gge15.a']);
  });

  it('refuses a scripted sanction or threat by an actor that is not a state, as validateAction refuses the action', () => {
    const spec: WorldSpec = {
      actors: [{ id: 'US' }, { id: 'GANG', kind: 'criminal' }, { id: 'APT', kind: 'proxy', sponsor: 'US' }],
      injects: [
        { round: 0, type: 'sanction', by: 'GANG', target: 'US', measure: 'indictment' },
        { round: 1, type: 'threat', by: 'APT', target: 'GANG', measure: 'economic' },
        { round: 1, type: 'sanction', by: 'US', target: 'GANG', measure: 'economic' },
      ],
    };
    expect(issuesOf(() => createWorld(spec, { seed: 1 }))).toEqual([
      { path: 'injects[0].by', expected: 'a state (only states sanction)', received: 'GANG, a criminal' },
      { path: 'injects[1].by', expected: 'a state (only states threaten sanctions)', received: 'APT, a proxy' },
    ]);
    const run = simulate({ actors: [{ id: 'US' }, { id: 'GANG', kind: 'criminal' }] }, { seed: 1, rounds: 2 });
    expect(issuesOf(() => fork(run, 0, { injects: [{ round: 0, type: 'sanction', by: 'GANG', target: 'US', measure: 'economic' }] }))).toEqual([
      { path: 'intervention.injects[0].by', expected: 'a state (only states sanction)', received: 'GANG, a criminal' },
    ]);
  });
});

describe('simulate', () => {
  it('an unknown strategy name is a ConfigError with a did-you-mean hint', () => {
    const issues = issuesOf(() => simulate({ actors: [{ id: 'US', strategy: 'tit-for-tatt' }, { id: 'CN', strategy: 'hawk' }] }, { seed: 1, rounds: 1 }));
    expect(issues).toEqual([expect.objectContaining({ path: 'actors[0].strategy', received: "'tit-for-tatt'", hint: "did you mean 'tit-for-tat'?" })]);
    expect(() => simulate({ actors: [{ id: 'US', strategy: 'dovv' }] }, { seed: 1, rounds: 1 })).toThrow(/did you mean 'dove'\?/);
  });

  it('an unknown strategy override and an unknown actor in strategies are both reported', () => {
    const issues = issuesOf(() => simulate({ actors: [{ id: 'US' }, { id: 'CN' }] }, { seed: 1, rounds: 1, strategies: { US: 'hawkk', RU: 'dove' } }));
    expect(issues.map((i) => i.path).sort()).toEqual(['strategies.RU', 'strategies.US']);
    expect(issues.find((i) => i.path === 'strategies.US')?.hint).toBe("did you mean 'hawk'?");
  });

  it('rejects a negative or fractional number of rounds, and a seed that is not the world’s', () => {
    expect(() => simulate({ actors: [{ id: 'A' }] }, { seed: 1, rounds: -1 })).toThrow(ConfigError);
    expect(() => simulate({ actors: [{ id: 'A' }] }, { seed: 1, rounds: 1.5 })).toThrow(ConfigError);
    const world = createWorld({ actors: [{ id: 'A' }] }, { seed: 1 });
    expect(() => simulate(world, { seed: 2, rounds: 1 })).toThrow(/the world's own seed '1'/);
  });

  it('refuses coefficients outside their domain, in the spec and in a mechanisms inject, naming each', () => {
    const spec: WorldSpec = {
      actors: [{ id: 'A' }, { id: 'B' }],
      mechanisms: { trust: { decay: 7, publicAccusation: -1 }, operations: { maxPerRound: 1.5 }, hotline: { denialLikelihoodRatio: 0 } },
      injects: [{ round: 1, type: 'mechanisms', set: { trust: { decay: -0.1 }, escalation: { weights: { deescalation: -5 } } } }],
    };
    const issues = issuesOf(() => createWorld(spec, { seed: 1 }));
    expect(issues.map((i) => [i.path, i.expected]).sort()).toEqual([
      ['injects[0].set.trust.decay', 'a number from 0 to 1'],
      ['mechanisms.hotline.denialLikelihoodRatio', 'a finite number > 0'],
      ['mechanisms.operations.maxPerRound', 'a whole number ≥ 0'],
      ['mechanisms.trust.decay', 'a number from 0 to 1'],
      ['mechanisms.trust.publicAccusation', 'a finite number ≥ 0'],
    ]);
    // A negative de-escalation weight is the default's sign: accepted, in the spec as in an inject.
    const ok = createWorld({ ...spec, mechanisms: { escalation: { weights: { deescalation: -4 } } }, injects: [{ round: 1, type: 'mechanisms', set: { escalation: { weights: { deescalation: -5 } } } }] }, { seed: 1 });
    expect(ok.mechanisms.escalation.weights.deescalation).toBe(-4);
  });
});
