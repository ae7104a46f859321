/**
 * Malformed input to createWorld, simulate and fork: whatever JSON-like value stands in a field of
 * the spec or the intervention, the outcome is a run or a ConfigError naming the field, never a
 * TypeError from deep inside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, createWorld, fork, simulate } from '../../src/index.js';
import type { Run, WorldSpec } from '../../src/index.js';
import { forkRun } from '../../src/engine/fork.js';
import { configIssuesOf as issuesOf, resultOrIssues as runOrIssues } from '../helpers/issues.js';

/** The paths of the ConfigError that `f` throws. */
const pathsOf = (f: () => unknown): string[] => issuesOf(f).map((i) => i.path);

const ACTORS = [{ id: 'US' }, { id: 'CN' }];
const world = (extra: Record<string, unknown>): unknown => createWorld({ actors: ACTORS, ...extra } as unknown as WorldSpec, { seed: 1 });

/** A valid spec that gives every reader of createWorld something to read, with injects in rounds 0–2. */
const BASE = {
  actors: [
    { id: 'US', name: 'United States', kind: 'state', capabilities: { espionage: 0.9, attribution: 0.9 }, strategy: 'tit-for-tat', reactivity: 0.4, fatigue: 0.2 },
    { id: 'CN', strategy: 'hawk', capabilities: { offense: 0.8 } },
    { id: 'RU', strategy: 'norm-entrepreneur' },
    { id: 'APT', kind: 'proxy', sponsor: 'RU', strategy: 'hawk' },
    { id: 'GANG', kind: 'criminal', strategy: 'random' },
  ],
  dyads: [{ from: 'US', to: 'CN', trust: 0.3, tension: 1, mutual: true }],
  agreements: [
    {
      parties: ['CN', 'US'],
      terms: [{ kind: 'hotline' }, { kind: 'norms', norms: ['gge15.f'] }, { kind: 'next-round', rounds: 2 }, { kind: 'assistance', rounds: 1 }],
    },
  ],
  forums: [{ id: 'gge', name: 'UN GGE', members: ['CN', 'RU', 'US'], every: 1, first: 0, rule: { threshold: 0.6 }, agenda: [['gge15.k', 'gge15.f']] }],
  norms: { US: ['gge15.a'], CN: ['gge15.b', 'gge15.c'] },
  injects: [
    { round: 0, type: 'operation', actor: 'RU', target: 'US', kind: 'disruption', against: 'cert', falseFlag: 'CN', commercial: false },
    { round: 0, type: 'sanction', by: 'US', target: 'RU', measure: 'indictment' },
    { round: 0, type: 'threat', by: 'US', target: 'CN', measure: 'economic', unless: 'the thefts stop' },
    { round: 0, type: 'note', text: 'Summit' },
    { round: 1, type: 'reveal', victim: 'US' },
    { round: 1, type: 'agreement', parties: ['RU', 'US'], terms: [{ kind: 'information-sharing' }] },
    { round: 1, type: 'capability', actor: 'CN', capability: 'stealth', value: 0.9 },
    { round: 2, type: 'mechanisms', set: { detection: { scale: 2 } } },
  ],
  mechanisms: { detection: { scale: 1.5 }, trust: { decay: 0.85 } },
};

type Path = readonly (string | number)[];

/** Every place in `value` a field or an entry stands, plus one past the end of every list. */
function placesIn(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [...value.flatMap((v, i) => [[...at, i], ...placesIn(v, [...at, i])]), [...at, value.length]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...placesIn(v, [...at, k])]);
  return [];
}

/** A copy of `base` with `value` at `path`. */
function withValueAt<T>(base: T, path: Path, value: unknown): T {
  const copy = structuredClone(base);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

/** Arbitrary JSON values and the wider values of fc.anything (undefined, NaN, -0, …). */
const anyValue = fc.oneof(fc.jsonValue(), fc.anything());

describe('malformed world specs', () => {
  it('the base spec of the properties is valid, and runs', () => {
    const run = simulate(BASE as WorldSpec, { seed: 1, rounds: 3 });
    expect(run.world.round).toBe(3);
    expect(run.log.filter((e) => e.type === 'inject.applied')).toHaveLength(BASE.injects.length);
  });

  it('a list of the spec that is not a list is an issue at its path', () => {
    for (const field of ['dyads', 'agreements', 'forums', 'injects']) {
      for (const v of [{}, 'x', 5, true]) {
        expect(pathsOf(() => world({ [field]: v })), `${field}: ${JSON.stringify(v)}`).toEqual([field]);
        expect(pathsOf(() => simulate({ actors: ACTORS, [field]: v } as unknown as WorldSpec, { seed: 1, rounds: 1 }))).toEqual([field]);
      }
    }
    const issue = issuesOf(() => world({ dyads: {} }))[0];
    expect(issue).toMatchObject({ path: 'dyads', expected: 'a list of dyads', received: 'an object' });
  });

  it('norms that are not an object of lists are an issue at norms', () => {
    for (const v of [5, 'x', true, ['gge15.a']]) expect(pathsOf(() => world({ norms: v })), JSON.stringify(v)).toEqual(['norms']);
    expect(pathsOf(() => world({ norms: { US: 'gge15.a' } }))).toEqual(['norms.US']);
  });

  it('a forum agenda package that is not a list is an issue at its path', () => {
    for (const pkg of [{}, null, 5]) {
      const paths = pathsOf(() => world({ forums: [{ id: 'f', members: ['US', 'CN'], agenda: [pkg] }] }));
      expect(paths, JSON.stringify(pkg)).toEqual(['forums[0].agenda[0]']);
    }
    expect(pathsOf(() => world({ forums: [{ id: 'f', members: ['US', 'CN'], agenda: [['gge15.a'], 'ab'] }] }))).toEqual(['forums[0].agenda[1]']);
    expect(pathsOf(() => world({ forums: [null, { id: 'f', members: ['US', 'CN'], name: 5 }] }))).toEqual(['forums[0]', 'forums[1].name']);
  });

  it('agreement terms that are not commitments are issues, and nothing is signed from them', () => {
    expect(pathsOf(() => world({ agreements: [{ parties: ['US', 'CN'], terms: [null] }] }))).toEqual(['agreements[0].terms[0].kind']);
    expect(pathsOf(() => world({ agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'norms', norms: 5 }] }] }))).toEqual(['agreements[0].terms[0].norms']);
    expect(pathsOf(() => world({ agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'norms', norms: 'gge15.a' }] }] }))).toEqual(['agreements[0].terms[0].norms']);
    expect(pathsOf(() => world({ agreements: [5, { parties: ['US', 5], terms: [{ kind: 'hotline' }] }] }))).toEqual(['agreements[0]', 'agreements[1].parties[1]']);
  });

  it('an inject that is not an object is an issue at its path, whatever else is in the list', () => {
    expect(pathsOf(() => world({ injects: [null, 5] }))).toEqual(['injects[0]', 'injects[1]']);
    expect(pathsOf(() => world({ injects: [{ round: 1, type: 'reveal' }, null] }))).toEqual(['injects[1]']);
    expect(pathsOf(() => world({ injects: [{ round: '1', type: 'note', text: 'x' }, { round: 0, type: 'note', text: 'y' }] }))).toEqual(['injects[0].round']);
  });

  it('fields that were read without a check are checked', () => {
    const issues = issuesOf(() =>
      world({
        actors: [{ id: 'US', name: 5, capabilities: [0.5] }, { id: 'CN' }],
        dyads: [null, { from: 'US', to: 'CN', mutual: 'yes' }],
        injects: [
          { round: 0, type: 'operation', actor: 'US', target: 'CN', kind: 'espionage', against: 'moon', commercial: 'yes' },
          { round: 0, type: 'agreement', parties: ['US', 'US'], terms: [{ kind: 'hotline' }] },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'actors[0].name',
      'actors[0].capabilities',
      'dyads[0]',
      'dyads[1].mutual',
      'injects[0].against',
      'injects[0].commercial',
      'injects[1].parties',
    ]);
    expect(issues.find((i) => i.path === 'injects[0].against')).toMatchObject({ expected: 'networks | critical-infrastructure | cert', received: '"moon"' });
  });

  it('any value in any one field of a valid spec gives a run or a ConfigError', () => {
    const places = placesIn(BASE);
    expect(places.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...places), anyValue, (path, value) => {
        const spec = withValueAt(BASE, path, value) as WorldSpec;
        const out = runOrIssues(() => simulate(spec, { seed: 1, rounds: 3 }));
        if (Array.isArray(out)) expect(out.length).toBeGreaterThan(0);
        else expect((out as Run).world.round).toBe(3);
      }),
      { numRuns: 600 },
    );
  });

  it('any value as the spec, or as one of its sections, gives a world or a ConfigError', () => {
    const sections = ['actors', 'dyads', 'agreements', 'forums', 'norms', 'injects', 'mechanisms'];
    fc.assert(
      fc.property(fc.constantFrom(...sections), anyValue, (section, value) => {
        for (const spec of [value, withValueAt(BASE, [section], value)]) {
          try {
            createWorld(spec as WorldSpec, { seed: 1 });
          } catch (e) {
            if (!(e instanceof ConfigError)) throw e;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('malformed fork interventions', () => {
  const run = simulate(BASE as WorldSpec, { seed: 2, rounds: 5 });
  const INTERVENTION = {
    injects: [
      { round: 2, type: 'reveal', victim: 'US' },
      { round: 3, type: 'agreement', parties: ['CN', 'US'], terms: [{ kind: 'norms', norms: ['gge15.f'] }] },
    ],
    mechanisms: { detection: { scale: 0.5 } },
    strategies: { CN: 'dove' },
  };

  it('injects that are not a list, or entries that are not injects, are issues under intervention.injects', () => {
    expect(pathsOf(() => fork(run, 1, { injects: { round: 2, type: 'reveal' } } as never))).toEqual(['intervention.injects']);
    expect(pathsOf(() => fork(run, 1, { injects: 5 } as never))).toEqual(['intervention.injects']);
    expect(pathsOf(() => fork(run, 1, { injects: [null, 'x'] } as never))).toEqual(['intervention.injects[0]', 'intervention.injects[1]']);
    expect(pathsOf(() => fork(run, 1, { injects: [{ round: 0, type: 'reveal' }] }))).toEqual(['intervention.injects[0].round']);
    expect(pathsOf(() => fork(run, 1, { mechanisms: 0 } as never))).toEqual(['intervention.mechanisms']);
  });

  it('the engine fork checks the run, the intervention and its options before replaying', () => {
    expect(pathsOf(() => forkRun(5 as never, 1))).toEqual(['run']);
    expect(pathsOf(() => forkRun({ ...run, log: 'x' } as never, 1))).toEqual(['run']);
    expect(pathsOf(() => forkRun(run, 1, 5 as never))).toEqual(['intervention']);
    expect(pathsOf(() => forkRun(run, 1, { strategies: 5 } as never))).toEqual(['intervention.strategies']);
    expect(pathsOf(() => forkRun(run, 1, { strategies: { CN: 'dove' } } as never))).toEqual(['intervention.strategies.CN']);
    expect(pathsOf(() => forkRun(run, 1, {}, { rounds: -1 }))).toEqual(['options.rounds']);
    expect(pathsOf(() => forkRun(run, 9, { injects: 5 } as never))).toEqual(['round', 'intervention.injects']);
  });

  it('the base intervention of the property is valid', () => {
    const f = fork(run, 2, INTERVENTION as never);
    expect(f.world.round).toBe(5);
  });

  it('any value in any one field of an intervention gives a run or a ConfigError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...placesIn(INTERVENTION)), anyValue, (path, value) => {
        const out = runOrIssues(() => fork(run, 2, withValueAt(INTERVENTION, path, value) as never));
        if (Array.isArray(out)) expect(out.length).toBeGreaterThan(0);
        else expect((out as Run).world.round).toBe(5);
      }),
      { numRuns: 300 },
    );
  });
});
