import { describe, expect, it } from 'vitest';
import { createWorld, parseScenario } from '../../src/index.js';
import type { ConfigIssue } from '../../src/index.js';
import { scenarioIssuesOf as issuesOf } from '../helpers/issues.js';

const render = (i: ConfigIssue) => `${i.path}: expected ${i.expected}, received ${i.received}${i.hint ? ` (${i.hint})` : ''}`;

type Doc = Record<string, unknown> & { actors: Record<string, unknown>[]; dyads: unknown[]; agreements: unknown[]; injects: unknown[] };

/** A valid document; each mistake below replaces one item of it (or sets one field), its own. */
function base(): Doc {
  return {
    name: 'one-pass',
    rounds: 6,
    actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'dove' }, { id: 'C' }, { id: 'D', kind: 'criminal' }],
    dyads: [{ from: 'A', to: 'B', trust: 0.4, mutual: true }, { from: 'A', to: 'C' }, { from: 'C', to: 'A' }, { from: 'B', to: 'C' }],
    agreements: [0, 1, 2, 3].map(() => ({ parties: ['A', 'B'], terms: [{ kind: 'hotline' }] })),
    injects: Array.from({ length: 10 }, (_, k) => ({ round: 1, type: 'note', text: `calm ${k}` })),
  };
}

// Problems the scenario checker always found, and problems that only createWorld found before (and
// so were listed only once the others were fixed).
const mistakes: Record<string, (d: Doc) => void> = {
  'a bad name': (d) => (d.name = 'Bad Name'),
  'an unknown strategy': (d) => ((d.actors[2] as Record<string, unknown>).strategy = 'dovee'),
  'an undeclared dyad end': (d) => (d.dyads[1] = { from: 'A', to: 'Z' }),
  'a relation from an actor to itself': (d) => (d.dyads[2] = { from: 'C', to: 'C', trust: 0.3 }),
  'a relation set twice': (d) => (d.dyads[3] = { from: 'B', to: 'A', trust: 0.9 }),
  'a hotline with norms': (d) => (d.agreements[1] = { parties: ['A', 'C'], terms: [{ kind: 'hotline', norms: ['gge15.f'] }] }),
  'a next round without rounds': (d) => (d.agreements[2] = { parties: ['B', 'C'], terms: [{ kind: 'next-round' }] }),
  'a norms commitment without norms': (d) => (d.agreements[3] = { parties: ['A', 'B'], terms: [{ kind: 'norms' }] }),
  'an inject that is null': (d) => (d.injects[1] = null),
  'an inject that is a list': (d) => (d.injects[2] = [1]),
  'an operation against its author': (d) => (d.injects[3] = { round: 1, type: 'operation', actor: 'A', target: 'A', kind: 'espionage' }),
  'an indictment of oneself': (d) => (d.injects[4] = { round: 2, type: 'indictment', by: 'B', target: 'B' }),
  'a threat against oneself': (d) => (d.injects[5] = { round: 2, type: 'sanctions-threat', by: 'C', target: 'C' }),
  'a mechanisms inject out of range': (d) => (d.injects[6] = { round: 3, type: 'mechanisms', set: { detection: { scale: -1 } } }),
  'a summit whose terms take no rounds': (d) => (d.injects[7] = { round: 4, type: 'summit', parties: ['A', 'B'], terms: [{ kind: 'hotline', rounds: 2 }] }),
  'a coefficient out of range': (d) => (d.mechanisms = { trust: { decay: 2 } }),
  'an indictment by a criminal group': (d) => (d.injects[8] = { round: 2, type: 'indictment', by: 'D', target: 'A' }),
  'a threat by a criminal group': (d) => (d.injects[0] = { round: 2, type: 'sanctions-threat', by: 'D', target: 'B' }),
};

function withMistakes(names: readonly string[]): Doc {
  const d = base();
  for (const n of names) mistakes[n]?.(d);
  return d;
}

describe('validate lists every problem in one pass', () => {
  it('the base document is valid', () => {
    expect(() => parseScenario(base())).not.toThrow();
  });

  const alone = (name: string) => issuesOf(withMistakes([name])).map(render);

  it.each(Object.keys(mistakes))('%s is one problem on its own', (name) => {
    expect(alone(name)).toHaveLength(1);
  });

  it('all of them together: each listed, once, and nothing else', () => {
    const names = Object.keys(mistakes);
    const together = issuesOf(withMistakes(names)).map(render);
    expect([...together].sort()).toEqual(names.flatMap(alone).sort());
    expect(new Set(together).size).toBe(together.length);
  });

  it('the inject QA reported is listed beside the file’s other errors', () => {
    const d = withMistakes(['a bad name', 'an unknown strategy']);
    d.injects[9] = { round: 1, type: 'operation', actor: 'A', target: 'A', kind: 'espionage' };
    expect(issuesOf(d).find((i) => i.path === 'injects[9].target')).toMatchObject({ expected: 'an actor other than the author', received: '"A"' });
  });

  it('says what an inject that is not an object is', () => {
    const d = base();
    d.injects.splice(1, 4, null, [1], 7, 'leak');
    expect(issuesOf(d).map((i) => [i.path, i.received])).toEqual([
      ['injects[1]', 'null'],
      ['injects[2]', 'an array'],
      ['injects[3]', '7'],
      ['injects[4]', '"leak"'],
    ]);
  });

  it('says what a flag or seed that is not one is', () => {
    const d = base();
    d.seed = null;
    d.dyads[1] = { from: 'A', to: 'C', mutual: [1] };
    d.injects[1] = { round: 1, type: 'operation', actor: 'A', target: 'B', kind: 'espionage', commercial: { yes: 1 } };
    expect(issuesOf(d).map((i) => [i.path, i.received])).toEqual([
      ['seed', 'null'],
      ['dyads[1].mutual', 'an array'],
      ['injects[1].commercial', 'an object'],
    ]);
  });

  it('no noise: a self-targeted inject between undeclared actors is only the undeclared ids', () => {
    const d = base();
    d.injects[1] = { round: 1, type: 'indictment', by: 'Z', target: 'Z' };
    expect(issuesOf(d).map((i) => i.path).sort()).toEqual(['injects[1].by', 'injects[1].target']);
  });

  it('the engine agrees with each of the problems that it checks itself', () => {
    for (const name of ['an operation against its author', 'a relation from an actor to itself', 'a hotline with norms', 'a next round without rounds', 'a coefficient out of range']) {
      const d = withMistakes([name]);
      const { name: _n, rounds: _r, ...spec } = d;
      const actors = d.actors.map((a) => ({ id: a.id as string }));
      expect(() => createWorld({ ...spec, actors } as Parameters<typeof createWorld>[0], { seed: 1 }), name).toThrow();
    }
  });
});
