import { describe, expect, it } from 'vitest';
import { createWorld, fork, parseScenario, restore, simulate, snapshot, validateAction } from '../../src/index.js';
import type { ConfigIssue, Inject, WorldSnapshot, WorldSpec } from '../../src/index.js';
import { REQUEST_KINDS, RETALIATION_KINDS } from '../../src/model/action.js';
import { ACTOR_KINDS } from '../../src/model/actor.js';
import { COMMITMENT_KINDS, SANCTION_MEASURES } from '../../src/model/agreement.js';
import type { Commitment, CommitmentKind } from '../../src/model/agreement.js';
import { DECISION_PHASES, TALKS_OUTCOMES } from '../../src/model/event.js';
import { INJECT_TYPES } from '../../src/model/inject.js';
import { OPERATION_KINDS, OPERATION_TARGETS } from '../../src/model/operation.js';
import { TERM_FIELDS } from '../../src/engine/world.js';
import { configIssuesOf, scenarioIssuesOf } from '../helpers/issues.js';

const ACTORS = [{ id: 'A' }, { id: 'B' }];
const world = createWorld({ actors: ACTORS }, { seed: 1 });

/** A scenario of A and B with these agreements and injects. */
const doc = (extra: Record<string, unknown>) => ({ name: 'lists', rounds: 6, actors: ACTORS, ...extra });
const engineIssues = (extra: Record<string, unknown>) => configIssuesOf(() => createWorld({ actors: ACTORS, ...extra }, { seed: 1 }));
const accepted = (extra: Record<string, unknown>) => {
  expect(() => createWorld({ actors: ACTORS, ...extra }, { seed: 1 })).not.toThrow();
  expect(() => parseScenario(doc(extra))).not.toThrow();
};
const rendered = (issues: readonly ConfigIssue[]) => issues.map((i) => `${i.path}: ${i.expected} / ${i.received}`);

/** The smallest valid term of each kind, built from the one rule of what each kind takes. */
function termOf(kind: CommitmentKind): Commitment {
  const takes = TERM_FIELDS[kind];
  if (takes.norms) return { kind, norms: ['gge15.f'] };
  return takes.rounds?.required ? { kind, rounds: takes.rounds.min } : { kind };
}

describe('one list of allowed values, that every validator reads', () => {
  it('the lists are frozen, and hold the members the validators name', () => {
    for (const list of [ACTOR_KINDS, COMMITMENT_KINDS, SANCTION_MEASURES, OPERATION_KINDS, OPERATION_TARGETS, INJECT_TYPES, REQUEST_KINDS, RETALIATION_KINDS, DECISION_PHASES, TALKS_OUTCOMES]) {
      expect(Object.isFrozen(list)).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(Object.isFrozen(TERM_FIELDS.assistance)).toBe(true);
  });

  it('an operation against each target is accepted by createWorld, scenario files and validateAction; another is refused by each', () => {
    for (const against of OPERATION_TARGETS) {
      accepted({ injects: [{ round: 1, type: 'operation', actor: 'A', target: 'B', kind: 'disruption', against }] });
      expect(validateAction(world, 'A', 'operations', { type: 'operate', target: 'B', kind: 'disruption', against })).toBeNull();
    }
    const bad = { injects: [{ round: 1, type: 'operation', actor: 'A', target: 'B', kind: 'disruption', against: 'satellites' }] };
    expect(rendered(engineIssues(bad))).toEqual(['injects[0].against: networks | critical-infrastructure | cert / "satellites"']);
    expect(rendered(scenarioIssuesOf(doc(bad)))).toEqual(['injects[0].against: networks | critical-infrastructure | cert / "satellites"']);
    expect(validateAction(world, 'A', 'operations', { type: 'operate', target: 'B', kind: 'disruption', against: 'satellites' })).toBe("unknown operation target 'satellites'");
  });

  it('each sanction measure is accepted by every validator; another is refused by each', () => {
    for (const measure of SANCTION_MEASURES) {
      accepted({ injects: [{ round: 1, type: 'sanction', by: 'A', target: 'B', measure }] });
      expect(validateAction(world, 'A', 'diplomacy', { type: 'sanction', target: 'B', measure })).toBeNull();
      expect(validateAction(world, 'A', 'diplomacy', { type: 'threaten-sanctions', target: 'B', measure })).toBeNull();
    }
    const bad = { injects: [{ round: 1, type: 'threat', by: 'A', target: 'B', measure: 'embargo' }] };
    expect(rendered(engineIssues(bad))).toEqual(['injects[0].measure: \'economic\' | \'indictment\' / "embargo"']);
    expect(rendered(scenarioIssuesOf(doc(bad)))).toEqual(['injects[0].measure: economic | indictment / "embargo"']);
    expect(validateAction(world, 'A', 'diplomacy', { type: 'sanction', target: 'B', measure: 'embargo' })).toBe("unknown sanction measure 'embargo'");
  });

  it('a term of each commitment kind is accepted in specs, scenario files and offers', () => {
    for (const kind of COMMITMENT_KINDS) {
      accepted({ agreements: [{ parties: ['A', 'B'], terms: [termOf(kind)] }] });
      expect(validateAction(world, 'A', 'diplomacy', { type: 'propose-talks', target: 'B', terms: [termOf(kind)] }), kind).toBeNull();
    }
  });

  it('retaliation takes the kinds of the one list, and says so', () => {
    for (const kind of RETALIATION_KINDS) expect(validateAction(world, 'A', 'diplomacy', { type: 'retaliate', target: 'B', kind })).toBeNull();
    expect(validateAction(world, 'A', 'diplomacy', { type: 'retaliate', target: 'B', kind: 'espionage' })).toBe("retaliation must be 'disruption' or 'degradation', not 'espionage'");
  });

  it('an unknown inject type is refused with the list of engine injects (scenario files add their storytelling forms)', () => {
    const bad = { injects: [{ round: 1, type: 'rumour' }] };
    expect(engineIssues(bad).map((i) => i.expected)).toEqual(['operation | reveal | agreement | sanction | threat | capability | mechanisms | note']);
    expect(scenarioIssuesOf(doc(bad)).map((i) => i.expected)).toEqual(['operation | reveal | agreement | sanction | threat | capability | mechanisms | note | indictment | leak | summit | sanctions-threat']);
  });
});

describe('the rules for commitment terms and self-targeted injects are written once', () => {
  // Both readers report these in the same words (the scenario checker lists them beside the file's
  // other problems; createWorld is the last word for specs).
  const termCases: Record<string, Commitment> = {
    'a hotline with norms': { kind: 'hotline', norms: ['gge15.f'] },
    'a hotline with rounds': { kind: 'hotline', rounds: 2 },
    'a next round without rounds': { kind: 'next-round' },
    'a norms commitment without norms': { kind: 'norms' },
  };
  it.each(Object.keys(termCases))('%s: the same issue from createWorld and from a scenario file', (name) => {
    const extra = { agreements: [{ parties: ['A', 'B'], terms: [termCases[name]] }] };
    const engine = rendered(engineIssues(extra));
    expect(engine).toHaveLength(1);
    expect(rendered(scenarioIssuesOf(doc(extra)))).toEqual(engine);
  });

  it('a norms commitment without norms is said to have received nothing, by createWorld too (it said "undefined")', () => {
    expect(rendered(engineIssues({ agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'norms' }] }] }))).toEqual(['agreements[0].terms[0].norms: a non-empty list of norm ids / nothing']);
    // As a next-round term without its rounds always was.
    expect(rendered(engineIssues({ agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'next-round' }] }] }))).toEqual(['agreements[0].terms[0].rounds: how often the dialogue meets, in rounds / nothing']);
  });

  it('rounds out of the range of their kind: each reader in its own words, from the same bounds', () => {
    const extra = { agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'next-round', rounds: 0 }, { kind: 'assistance', rounds: 1001 }] }] };
    expect(rendered(engineIssues(extra))).toEqual([
      'agreements[0].terms[0].rounds: a whole number of rounds from 1 to 1000 / 0',
      'agreements[0].terms[1].rounds: a whole number of rounds from 0 to 1000 / 1001',
    ]);
    expect(rendered(scenarioIssuesOf(doc(extra)))).toEqual([
      'agreements[0].terms[0].rounds: a whole number from 1 to 1000 / 0',
      'agreements[0].terms[1].rounds: a whole number from 0 to 1000 / 1001',
    ]);
  });

  it('an operation or a sanction against its own author: the same issue from createWorld and from a scenario file', () => {
    for (const inject of [
      { round: 1, type: 'operation', actor: 'A', target: 'A', kind: 'espionage' },
      { round: 1, type: 'sanction', by: 'B', target: 'B', measure: 'economic' },
      { round: 1, type: 'threat', by: 'B', target: 'B', measure: 'economic' },
    ]) {
      const engine = rendered(engineIssues({ injects: [inject] }));
      expect(engine).toHaveLength(1);
      expect(rendered(scenarioIssuesOf(doc({ injects: [inject] })))).toEqual(engine);
    }
  });

  it("a scripted operation held to a strategy's rules (commercial only on espionage, no false flag on the target): the same issues from createWorld, a scenario file, fork and restore", () => {
    const ACTORS3 = [...ACTORS, { id: 'C' }];
    const op = (fields: Record<string, unknown>) => ({ round: 1, type: 'operation', actor: 'A', target: 'B', kind: 'espionage', ...fields }) as Inject;
    const injects = [op({ kind: 'disruption', commercial: true }), op({ falseFlag: 'B' }), op({ kind: 'degradation', commercial: false, falseFlag: 'C' }), op({ commercial: true, falseFlag: 'A' })];
    const expected = [
      { path: 'injects[0].commercial', expected: "commercial: true only on an operation of kind 'espionage' (the theft of trade secrets)", received: 'true, on disruption', hint: 'delete commercial: true' },
      { path: 'injects[1].falseFlag', expected: 'an actor other than the target (the one the evidence frames)', received: '"B"' },
    ];
    // Before, createWorld ran the first as an ordinary disruption and the second as a false flag framing its victim.
    expect(configIssuesOf(() => createWorld({ actors: ACTORS3, injects }, { seed: 1 }))).toEqual(expected);
    expect(scenarioIssuesOf({ ...doc({ injects }), actors: ACTORS3 })).toEqual(expected);
    const run = simulate({ actors: ACTORS3 }, { seed: 1, rounds: 2 });
    expect(configIssuesOf(() => fork(run, 1, { injects }))).toEqual(expected.map((i) => ({ ...i, path: `intervention.${i.path}` })));
    const snap = JSON.parse(JSON.stringify(snapshot(createWorld({ actors: ACTORS3, injects: injects.slice(2) }, { seed: 1 })))) as Record<string, unknown>;
    snap.injects = injects;
    expect(configIssuesOf(() => restore(snap as unknown as WorldSnapshot))).toEqual(expected);
  });

  it('createWorld no longer adds a self-targeting issue to undeclared or missing ids (as scenario files never did)', () => {
    const undeclared = { injects: [{ round: 1, type: 'operation', actor: 'Z', target: 'Z', kind: 'espionage' }, { round: 1, type: 'sanction', by: 'Z', target: 'Z', measure: 'economic' }] };
    expect(engineIssues(undeclared).map((i) => i.path)).toEqual(['injects[0].actor', 'injects[0].target', 'injects[1].by', 'injects[1].target']);
    expect(scenarioIssuesOf(doc(undeclared)).map((i) => i.path).sort()).toEqual(['injects[0].actor', 'injects[0].target', 'injects[1].by', 'injects[1].target']);
    const missing = { injects: [{ round: 1, type: 'operation', kind: 'espionage' }] };
    expect(rendered(engineIssues(missing))).toEqual(['injects[0].actor: a declared actor id / undefined', 'injects[0].target: a declared actor id / undefined']);
  });
});

describe('restore reads request kinds from the one list', () => {
  it('a request whose kind is a name every object has is an unknown kind, not a request of no fields', () => {
    const snap = JSON.parse(JSON.stringify(snapshot(world))) as Record<string, unknown>;
    snap.requests = [{ id: 'r', kind: 'constructor', from: 'A', to: 'B', round: 0, due: 1 }];
    const issues = configIssuesOf(() => restore(snap as unknown as WorldSnapshot));
    expect(rendered(issues)).toEqual([`requests[0].kind: ${REQUEST_KINDS.map((k) => `'${k}'`).join(' | ')} / "constructor"`]);
  });
});

describe('createWorld and restore judge actors, forums and adopted norms by one rule (engine/world-rules.ts)', () => {
  // Each kept its own copy of the rules, and they had drifted: restore refused a world createWorld
  // made, accepted worlds createWorld never makes, and said the same thing in other words. What
  // still differs is what a spec may leave out (a world has every field), a world's order (sorted
  // actors and norms), and how each writes "no sponsor" (left out in a spec, null in a world).
  const SPEC = {
    actors: [{ id: 'A' }, { id: 'B', capabilities: { stealth: 0.4 } }, { id: 'P', kind: 'proxy', sponsor: 'A' }],
    forums: [{ id: 'f', members: ['A', 'B'], agenda: [['gge15.f']] }],
    norms: { A: ['gge15.f'] },
  };
  const SNAPSHOT = JSON.parse(JSON.stringify(snapshot(createWorld(SPEC as WorldSpec, { seed: 1 })))) as Record<string, unknown>;
  /** A deep copy of `value` with the field at `path` set to `to`. */
  const withField = (value: unknown, path: readonly (string | number)[], to: unknown): Record<string, unknown> => {
    const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    let node = copy as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    node[path[path.length - 1] as string | number] = to;
    return copy;
  };
  const at = (path: readonly (string | number)[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  /** The issues at `path` or below it, rendered. */
  const under = (issues: readonly ConfigIssue[], path: string) => rendered(issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)));

  const cases: [readonly (string | number)[], unknown][] = [
    [['actors', 1, 'kind'], 'empire'],
    [['actors', 1, 'name'], 5],
    [['actors', 1, 'capabilities'], 'strong'],
    [['actors', 1, 'capabilities', 'stealth'], 2],
    [['actors', 1, 'capabilities', 'luck'], 0.5],
    [['actors', 1, 'reactivity'], -1],
    [['actors', 1, 'fatigue'], 'slow'],
    [['actors', 2, 'sponsor'], 'ZZ'],
    [['actors', 2, 'sponsor'], 'P'],
    [['forums', 0, 'id'], 'bad id!'],
    [['forums', 0, 'name'], 7],
    [['forums', 0, 'members'], ['A']],
    [['forums', 0, 'members'], ['A', 'A']],
    [['forums', 0, 'members'], ['A', 'ZZ']],
    [['forums', 0, 'every'], 0],
    [['forums', 0, 'first'], -1],
    [['forums', 0, 'rule'], { threshold: 2 }],
    [['forums', 0, 'rule'], { threshold: 0.5, quorum: 3 }],
    [['forums', 0, 'agenda'], 'gge15.f'],
    [['forums', 0, 'agenda'], [[]]],
    [['forums', 0, 'agenda'], [['gge15.z']]],
    [['norms'], 5],
    [['norms', 'ZZ'], []],
    [['norms', 'A'], 'gge15.f'],
    [['norms', 'A'], ['gge15.z']],
  ];

  it.each(cases.map(([path, to]) => [at(path), JSON.stringify(to), path, to] as const))('%s = %s: the same issue from createWorld and from restore', (name, _to, path, to) => {
    const fromSpec = under(configIssuesOf(() => createWorld(withField(SPEC, path, to) as unknown as WorldSpec, { seed: 1 })), name);
    expect(fromSpec.length).toBeGreaterThan(0);
    expect(under(configIssuesOf(() => restore(withField(SNAPSHOT, path, to) as unknown as WorldSnapshot)), name)).toEqual(fromSpec);
  });

  it('a forum rule with a field besides threshold: createWorld refuses it, as restore refused the world createWorld made of it', () => {
    const spec = withField(SPEC, ['forums', 0, 'rule'], { threshold: 0.5, quorum: 3 }) as unknown as WorldSpec;
    expect(rendered(configIssuesOf(() => createWorld(spec, { seed: 1 })))).toEqual(["forums[0].rule: 'consensus' or { threshold: a share in (0, 1] } / an object"]);
  });

  it('two forums of one id: restore refuses them, as createWorld does (the engine finds a forum by its id, so the second was never met)', () => {
    const twice = { ...SNAPSHOT, forums: [...(SNAPSHOT.forums as unknown[]), ...(SNAPSHOT.forums as unknown[])] };
    expect(rendered(configIssuesOf(() => restore(twice as unknown as WorldSnapshot)))).toEqual(["forums[1].id: a unique forum id / duplicate 'f'"]);
    const spec = { ...SPEC, forums: [...SPEC.forums, ...SPEC.forums] } as unknown as WorldSpec;
    expect(rendered(configIssuesOf(() => createWorld(spec, { seed: 1 })))).toEqual(["forums[1].id: a unique forum id / duplicate 'f'"]);
  });

  it('an undeclared sponsor is one issue from restore, not two', () => {
    expect(rendered(configIssuesOf(() => restore(withField(SNAPSHOT, ['actors', 2, 'sponsor'], 'ZZ') as unknown as WorldSnapshot)))).toEqual(['actors[2].sponsor: the id of a declared actor / "ZZ"']);
  });

  it('the world a spec makes restores as it is', () => {
    expect(snapshot(restore(SNAPSHOT as unknown as WorldSnapshot))).toEqual(SNAPSHOT);
  });
});
