import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, createWorld, parseScenario, restore, simulate, snapshot } from '../../src/index.js';
import type { SimEvent, World, WorldSnapshot } from '../../src/index.js';
import { arbWorldSpec } from '../../src/testing/index.js';
import { worldJson } from '../helpers/engine.js';

const root = resolve(import.meta.dirname, '../..');
const scenario = (name: string) => parseScenario(readFileSync(resolve(root, `scenarios/${name}.yaml`), 'utf8'), { source: `${name}.yaml` });

/** A plain-JSON snapshot, as a file would give it. */
function json(world: World): Record<string, unknown> {
  return JSON.parse(JSON.stringify(snapshot(world))) as Record<string, unknown>;
}

/** What `restore` says of a snapshot: the world, or the error it threw. */
function attempt(snap: unknown): World | unknown {
  try {
    return restore(snap as WorldSnapshot);
  } catch (e) {
    return e;
  }
}

function problems(snap: unknown): string {
  const e = attempt(snap);
  expect(e).toBeInstanceOf(ConfigError);
  return (e as ConfigError).message;
}

/** Every path into a JSON value (objects and arrays, at any depth), the root excluded. */
function paths(value: unknown, at: readonly (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Array.isArray(value) ? value.map((x, i) => [i, x] as const) : Object.entries(value)) {
      out.push([...at, k]);
      paths(v, [...at, k], out);
    }
  }
  return out;
}

/** A deep copy of `value` with the field at `path` set to `to` (deleted when `to` is undefined). */
function mutated(value: unknown, path: readonly (string | number)[], to: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (to === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = to;
  return copy;
}

const cyber = scenario('cyber-cold-war');
const usChina = scenario('us-china-2015');
const CYBER_8 = json(simulate(cyber.spec, { seed: 3, rounds: 8 }).world);
const US_CHINA_10 = json(simulate(usChina.spec, { seed: 1, rounds: 10 }).world);

describe('restore checks every field of a snapshot', () => {
  it('accepts every world of real runs: each round of every bundled scenario, and random worlds', () => {
    for (const name of ['classroom-crisis', 'cyber-cold-war', 'false-flag-hotline', 'false-flag', 'gge-2015', 'us-china-2015', 'working-group-2013']) {
      const s = scenario(name);
      simulate(s.spec, { seed: 2, rounds: s.rounds, onRound: (r) => expect(worldJson(restore(json(r.world) as unknown as WorldSnapshot))).toBe(worldJson(r.world)) });
    }
    fc.assert(
      fc.property(arbWorldSpec(), fc.nat(), (spec, seed) => {
        const world = simulate(spec, { seed, rounds: 8 }).world;
        expect(worldJson(restore(json(world) as unknown as WorldSnapshot))).toBe(worldJson(world));
      }),
      { numRuns: 25 },
    );
  });

  it('accepts every kind of event in `recent` as the engine writes it (a whole log put there)', () => {
    const types = new Set<string>();
    for (const [s, seed] of [[cyber, 1], [usChina, 1], [scenario('false-flag'), 2], [scenario('gge-2015'), 1]] as const) {
      const run = simulate(s.spec, { seed, rounds: s.rounds });
      for (const e of run.log) types.add(e.type);
      const snap = { ...json(run.world), recent: JSON.parse(JSON.stringify(run.log)) as SimEvent[] };
      expect(attempt(snap)).not.toBeInstanceOf(Error);
    }
    expect(types.size).toBeGreaterThan(30);
  });

  it('rejects the snapshots QA found accepted, naming the field', () => {
    const rung = US_CHINA_10.dyads as { rung: number[] };
    expect(problems(mutated(US_CHINA_10, ['dyads', 'rung', 1], 300))).toMatch(/dyads\.rung\[1\]: expected a rung of the escalation ladder \(a whole number from 0 to 7\), received 300/);
    expect(problems(mutated(US_CHINA_10, ['dyads', 'rung', 1], -1))).toMatch(/dyads\.rung\[1\]/);
    expect(problems(mutated(US_CHINA_10, ['dyads', 'peakRung', rung.rung.length - 1], 2.5))).toMatch(/dyads\.peakRung\[\d+\]/);
    expect(problems(mutated(US_CHINA_10, ['welfare'], ['a', 'b']))).toMatch(/welfare: expected 3 finite numbers \(one per actor\), received 2 items/);
    expect(problems(mutated(US_CHINA_10, ['welfare'], ['a', 'b', 'c']))).toMatch(/welfare: expected 3 finite numbers/);
    expect(problems(mutated(US_CHINA_10, ['rng'], { 'US/strategy': 'abc' }))).toMatch(/rng\["US\/strategy"\]: expected an object, received "abc"/);
    expect(problems(mutated(US_CHINA_10, ['rng', 'US/strategy'], { c: 1, s0: 0.5, s1: 0.5, s2: 1.5 }))).toMatch(/rng\["US\/strategy"\]\.s2: expected a number in \[0, 1\)/);
    expect(problems(mutated(US_CHINA_10, ['rng'], { 'XX/strategy': { c: 1, s0: 0.5, s1: 0.5, s2: 0.5 } }))).toMatch(/rng\["XX\/strategy"\]: expected a stream key/);
    for (const field of ['mechanisms', 'rng', 'norms', 'forums', 'talks', 'dialogues', 'threats']) {
      expect(problems(mutated(US_CHINA_10, [field], undefined))).toContain(`${field}: expected a value (the field is missing), received nothing`);
    }
    expect(problems(mutated(US_CHINA_10, ['actors', 0, 'capabilities'], undefined))).toContain('actors[0].capabilities: expected a value (the field is missing)');
    expect(problems(mutated(US_CHINA_10, ['mechanisms', 'trust', 'decay'], undefined))).toContain('mechanisms.trust.decay: expected a number (the coefficient is missing)');
    expect(problems(null)).toContain('snapshot: expected a world snapshot object, received null');
    expect(problems([])).toContain('received an array');
  });

  it('names every problem at once, each with its path', () => {
    const broken = mutated(mutated(mutated(CYBER_8, ['dyads', 'trustR', 0], -1), ['actors', 1, 'kind'], 'empire'), ['norms', 'CN'], ['gge15.z']);
    const message = problems(broken);
    expect(message).toMatch(/3 problems/);
    expect(message).toMatch(/dyads\.trustR\[0\]: expected a finite number ≥ 0/);
    expect(message).toMatch(/actors\[1\]\.kind: expected 'state' \| 'proxy' \| 'criminal', received "empire"/);
    expect(message).toMatch(/norms\.CN\[0\]: expected a known norm id/);
  });

  it('still restores a snapshot made before worlds recorded strategy parameters', () => {
    const old = JSON.parse(JSON.stringify(US_CHINA_10)) as { actors: Record<string, unknown>[] };
    for (const a of old.actors) delete a.strategyParams;
    const world = restore(old as unknown as WorldSnapshot);
    expect(world.actors.every((a) => a.strategyParams === undefined)).toBe(true);
    expect(simulate(world, { rounds: 2 }).world.round).toBe(12);
  });

  it('a snapshot with any one field changed to any JSON value is a ConfigError, or a world that plays on', () => {
    const bases = [CYBER_8, US_CHINA_10];
    const ids = ['US', 'CN', 'RU', 'APT', 'XX', ''];
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.integer({ min: -300, max: 300 }),
      fc.double({ noNaN: true }),
      fc.constantFrom(...ids, 'gge15.a', 'gge15.z', 'espionage', 'state', 'proxy'),
    );
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.nat(), value, (b, pick, to) => {
        const base = bases[b] as Record<string, unknown>;
        const all = paths(base);
        const path = all[pick % all.length] as (string | number)[];
        const result = attempt(mutated(base, path, to));
        if (result instanceof Error) {
          expect(result, `${path.join('.')} → ${JSON.stringify(to)}: ${result.message}`).toBeInstanceOf(ConfigError);
          return;
        }
        try {
          simulate(result as World, { rounds: 3, onStrategyError: 'throw' });
        } catch (e) {
          expect(e, `${path.join('.')} → ${JSON.stringify(to)}: ${String(e)}`).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe('restore checks what a file keeps for the commitment audit', () => {
  // S stole from V under a no-commercial-theft agreement; by round 3 V's file named S at ≥ 0.5.
  const world = simulate(
    {
      actors: [{ id: 'S', capabilities: { espionage: 0.7, stealth: 0.4 } }, { id: 'V', capabilities: { attribution: 0.5 } }, { id: 'X', capabilities: { espionage: 0.7 } }],
      agreements: [{ parties: ['S', 'V'], terms: [{ kind: 'no-commercial-theft' }] }],
      injects: [{ round: 0, type: 'operation', actor: 'S', target: 'V', kind: 'espionage', commercial: true }],
      mechanisms: { falseAlarm: { rate: 0 } },
    },
    { seed: 19, rounds: 3 },
  ).world;
  const snap = json(world);

  it('keeps commitments and perceived suspects through a snapshot', () => {
    const inc = (snap.incidents as { commitments: unknown; perceived: unknown }[])[0];
    expect(inc?.commitments).toEqual([{ by: 'S', commitment: 'no-commercial-theft', norm: null, agreement: world.agreements[0]?.id }]);
    expect(inc?.perceived).toEqual(['S']);
    expect(worldJson(restore(snap as unknown as WorldSnapshot))).toBe(worldJson(world));
  });

  it('names the field of a bad entry', () => {
    expect(problems(mutated(snap, ['incidents', 0, 'perceived', 0], 'Q'))).toMatch(/incidents\[0\]\.perceived\[0\].*declared actor/);
    expect(problems(mutated(snap, ['incidents', 0, 'commitments', 0, 'norm'], 'gge99.z'))).toMatch(/incidents\[0\]\.commitments\[0\]\.norm.*known norm/);
    expect(problems(mutated(snap, ['incidents', 0, 'commitments'], 'none'))).toMatch(/incidents\[0\]\.commitments/);
  });

  it('refuses an entry that is a breach of nothing, of two things, or by the victim itself', () => {
    // Restored, a breach of nothing was perceived all the same, and cost trust.
    expect(problems(mutated(snap, ['incidents', 0, 'commitments', 0, 'commitment'], null))).toMatch(/incidents\[0\]\.commitments\[0\]: expected a commitment \(with its agreement\) or a norm, not both and not neither, received neither/);
    expect(problems(mutated(snap, ['incidents', 0, 'commitments', 0, 'norm'], 'gge15.f'))).toMatch(/incidents\[0\]\.commitments\[0\]: .*received both/);
    expect(problems(mutated(snap, ['incidents', 0, 'commitments', 0, 'agreement'], null))).toMatch(/incidents\[0\]\.commitments\[0\]\.agreement: expected the id of the commitment's agreement/);
    expect(problems(mutated(snap, ['incidents', 0, 'commitments', 0, 'by'], 'V'))).toMatch(/incidents\[0\]\.commitments\[0\]\.by: expected an actor other than the victim/);
  });

  it('restores a snapshot made before files kept them (no commitments, no perceived): the file is judged by none', () => {
    let old = mutated(snap, ['incidents', 0, 'commitments'], undefined);
    old = mutated(old, ['incidents', 0, 'perceived'], undefined);
    const restored = restore(old as WorldSnapshot);
    expect(restored.incidents[0]?.commitments).toEqual([]);
    expect(restored.incidents[0]?.perceived).toEqual([]);
    // And it plays on: the file perceives nothing, whatever its confidence.
    const next = simulate(restored, { rounds: 2, log: true });
    expect(next.log.filter((e) => e.type === 'violation.perceived' && e.incident === restored.incidents[0]?.id)).toEqual([]);
  });

  it('refuses a pending sanction or threat inject by an actor that is not a state, as createWorld does', () => {
    const spec = { actors: [{ id: 'A' }, { id: 'B' }, { id: 'P', kind: 'proxy' as const, sponsor: 'A' }], injects: [{ round: 5, type: 'sanction' as const, by: 'A', target: 'B', measure: 'economic' as const }] };
    const pending = json(createWorld(spec, { seed: 1 }));
    expect(problems(mutated(pending, ['injects', 0, 'by'], 'P'))).toMatch(/injects\[0\]\.by: expected a state \(only states sanction\), received P, a proxy/);
  });
});

describe('restore on a snapshot with a hole in a list', () => {
  // The checks read lists with forEach and every, which skip holes: a hole in the welfare or a
  // posterior restored as NaN, and one in `recent` or the injects as a world that kept it.
  // A small world with a forum, an agreement and adopted norms, for the lists the runs above lack.
  const SMALL = json(
    createWorld(
      { actors: [{ id: 'A' }, { id: 'B' }], forums: [{ id: 'f', members: ['A', 'B'] }], agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'norms', norms: ['gge15.a', 'gge15.f'] }] }], norms: { A: ['gge15.a', 'gge15.f'] } },
      { seed: 1 },
    ),
  );
  const holed = (path: readonly (string | number)[], k: number) => {
    const copy = JSON.parse(JSON.stringify(typeof path[0] === 'string' && ['norms', 'forums', 'agreements'].includes(path[0]) ? SMALL : US_CHINA_10)) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path) node = node[key] as Record<string | number, unknown>;
    delete (node as unknown as unknown[])[k];
    return copy;
  };
  const incident = (US_CHINA_10.incidents as unknown[]).length > 0;

  it.each([
    [['welfare'], 1, 'welfare'],
    [['recent'], 0, 'recent[0]'],
    [['actors'], 1, 'actors[1]'],
    [['norms', 'A'], 1, 'norms.A[1]'],
    [['forums', 0, 'members'], 0, 'forums[0].members[0]'],
    [['agreements', 0, 'parties'], 1, 'agreements[0].parties[1]'],
    [['agreements', 0, 'terms'], 0, 'agreements[0].terms[0]'],
    [['agreements', 0, 'terms', 0, 'norms'], 0, 'agreements[0].terms[0].norms[0]'],
    [['dyads', 'tension'], 2, 'dyads.tension[2]'],
    ...(incident ? [[['incidents', 0, 'posterior'], 0, 'incidents[0].posterior'] as const] : []),
  ] as const)('%j with a hole at %i is a ConfigError at %s', (path, k, at) => {
    expect(attempt(holed(path, k))).toBeInstanceOf(ConfigError);
    expect(problems(holed(path, k))).toContain(`${at}: expected`);
  });

  it('the check does not walk a list of fifty million holes', () => {
    const snap = JSON.parse(JSON.stringify(US_CHINA_10)) as Record<string, unknown>;
    const recent: unknown[] = [];
    recent.length = 50_000_000;
    snap.recent = recent;
    expect(problems(snap)).toContain('recent[0]: expected an entry (a list without holes), received a hole');
  });
});
