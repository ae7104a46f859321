// Deeply nested scenarios: the yaml library and the checks recurse, so without a fixed limit a
// deep file overflowed the stack at a depth that depended on the caller's stack ("received Maximum
// call stack size exceeded", reported as invalid JSON for valid JSON), and a deep document passed
// as an object threw a raw RangeError. Each is now a ScenarioError at MAX_NESTING, everywhere.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenKeys, MAX_NESTING, nestingTooDeep, readScenarioText } from '../../src/index.js';
import { cliHarness, expectInputError } from '../helpers/cli.js';
import { scenarioErrorOf } from '../helpers/issues.js';
import { nested, shared } from '../helpers/data.js';

const HEAD = 'name: x\nrounds: 3\nactors: [{ id: A }, { id: B }]\n';

/** A document with `levels` lists nested under `notes` (the top map is one level, so it nests levels + 1). */
const flowYaml = (levels: number): string => `${HEAD}notes: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
const blockYaml = (levels: number): string => HEAD + 'notes:\n' + Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('');
const json = (levels: number): string => `{"name":"x","rounds":3,"actors":[{"id":"A"},{"id":"B"}],"notes":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;

const errorOf = scenarioErrorOf;

const NESTING = /nested at most 64 levels deep/;

describe('nesting limit of scenario files', () => {
  it('a list one level past the limit is refused at its line and column, in flow and block style', () => {
    // notes' value is level 2: its 63rd list is level 64, the 64th is level 65, at column 8 + 63.
    const flow = errorOf(flowYaml(MAX_NESTING), 'deep.yaml');
    expect(flow.issues).toEqual([{ path: `line 4, column ${8 + MAX_NESTING - 1}`, expected: `lists and maps nested at most ${MAX_NESTING} levels deep`, received: 'deeper nesting', hint: 'a scenario nests about 6 levels deep' }]);
    const block = errorOf(blockYaml(MAX_NESTING), 'deep.yaml');
    expect(block.issues).toEqual([expect.objectContaining({ path: `line ${4 + MAX_NESTING}, column ${MAX_NESTING + 1}`, expected: expect.stringMatching(NESTING) })]);
  });

  it('at the limit the file reads, and only the unknown field is reported', () => {
    for (const text of [flowYaml(MAX_NESTING - 1), blockYaml(MAX_NESTING - 1)]) {
      const e = errorOf(text, 'ok.yaml');
      expect(e.issues).toEqual([expect.objectContaining({ path: 'notes', received: "unknown field 'notes'" })]);
    }
  });

  it('however deep, it is the same message, never a stack overflow (JSON too, which JSON.parse reads)', () => {
    for (const levels of [1_000, 5_000, 50_000]) {
      for (const [text, source] of [
        [flowYaml(levels), 'deep.yaml'],
        [json(levels), 'deep.json'],
      ] as const) {
        const e = errorOf(text, source);
        expect(e.issues).toHaveLength(1);
        expect(e.issues[0]?.expected).toMatch(NESTING);
        expect(e.message).not.toMatch(/call stack/);
      }
    }
    expect(() => readScenarioText(blockYaml(2_000), { source: 'deep.yaml' })).toThrow(NESTING);
  });

  it('a document passed as an object is checked too, with the path of the deep part', () => {
    const e = errorOf({ name: 'x', rounds: 3, actors: [{ id: 'A' }, { id: 'B' }], notes: nested(100_000) });
    expect(e.issues).toEqual([{ path: 'notes[0][0][0]…', expected: `lists and objects nested at most ${MAX_NESTING} levels deep`, received: 'deeper nesting', hint: 'a scenario nests about 6 levels deep' }]);
    const params: Record<string, unknown> = {};
    let p = params;
    for (let i = 0; i < 5_000; i++) p = p.x = {};
    expect(errorOf({ name: 'x', rounds: 3, actors: [{ id: 'A', strategy: { name: 'dove', params } }, { id: 'B' }] }).issues[0]?.path).toBe('actors[0].strategy.params…');
  });

  it('an alias that puts a deep part under another deep part is caught on the built data', () => {
    const half = MAX_NESTING / 2;
    const text = `${HEAD}x: &deep ${'['.repeat(half)}${']'.repeat(half)}\ny: ${'['.repeat(half)}*deep${']'.repeat(half)}\n`;
    const e = errorOf(text, 'alias.yaml');
    expect(e.issues).toEqual([expect.objectContaining({ path: 'y[0][0][0]…', expected: expect.stringMatching(NESTING) })]);
  });

  const { tmp, detente } = cliHarness('detente-nesting-');
  it('detente validate and run exit 2 on a deep file, naming the file and the line', () => {
    const p = join(tmp, 'deep.json');
    writeFileSync(p, json(20_000));
    for (const cmd of ['validate', 'run']) {
      const r = detente(cmd, p);
      expectInputError(r, /deep\.json: 1 problem/, /line 1, column \d+: expected lists and maps nested at most 64 levels deep/);
    }
  });
});

describe('nestingTooDeep', () => {
  it('counts the top value as level 1 and reports the first path in document order', () => {
    expect(nestingTooDeep([[[1]]], 3)).toBeUndefined();
    expect(nestingTooDeep([[[1]]], 2)).toBe('[0][0]');
    expect(nestingTooDeep({ a: [1], b: [[1]], c: [[[1]]] }, 2)).toBe('b[0]');
    expect(nestingTooDeep(nested(MAX_NESTING))).toBeUndefined();
    expect(nestingTooDeep(nested(MAX_NESTING + 1))).toBe('[0][0][0][0]…');
  });

  it('agrees with a recursive count on arbitrary JSON data', () => {
    const depth = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 9 }), (v, limit) => {
        expect(nestingTooDeep(v, limit) !== undefined).toBe(depth(v) > limit);
      }),
    );
  });

  it('does not follow cycles, nor walk shared parts exponentially often', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(nestingTooDeep(cyclic)).toBeUndefined();
    // 2^60 paths through 60 shared lists: a walk of every path would never end.
    let shared: unknown = 1;
    for (let i = 0; i < 60; i++) shared = [shared, shared];
    expect(nestingTooDeep(shared)).toBeUndefined();
    expect(nestingTooDeep([shared, [[[[[shared]]]]]])).toBe('[1][0][0][0]…');
  });

  it('treats what is not a list or a plain object as a leaf', () => {
    class Box {
      inner = nested(100);
    }
    expect(nestingTooDeep({ box: new Box(), when: new Date(0), data: new Float64Array(4) }, 2)).toBeUndefined();
    expect(nestingTooDeep(Object.assign(Object.create(null) as object, { deep: nested(3) }), 3)).toBe('deep[0][0]');
  });
});

describe('documents passed as objects that are not trees', () => {
  it('a document whose parts are shared over and over is refused at once, not walked path by path', () => {
    // 2^50 paths through 50 shared lists: the reserved-key scan walked every one of them.
    let shared: unknown = 'x';
    for (let i = 0; i < 50; i++) shared = [shared, shared];
    const e = errorOf({ name: 'x', rounds: 3, actors: [{ id: 'A' }, { id: 'B' }], notes: shared });
    expect(e.issues).toEqual([expect.objectContaining({ path: expect.stringMatching(/^notes\[0\]/), received: expect.stringMatching(/^parts shared so often/) })]);
  });

  it('a document that holds itself is refused with the path of the cycle', () => {
    const doc: Record<string, unknown> = { name: 'x', rounds: 3, actors: [{ id: 'A' }, { id: 'B' }] };
    (doc.actors as Record<string, unknown>[])[1] = { id: 'B', back: doc };
    expect(errorOf(doc).issues).toEqual([expect.objectContaining({ path: 'actors[1].back', received: expect.stringMatching(/a cycle/) })]);
  });
});

describe('forbiddenKeys on data that is not a tree', () => {
  it('walks shared parts once and stops at the nesting limit, instead of never ending or overflowing', () => {
    expect(forbiddenKeys({ notes: shared(50) })).toEqual([]);
    const bad = JSON.parse('{"__proto__": 1}') as unknown;
    expect(forbiddenKeys({ a: [bad, bad], b: shared(50, bad) })).toEqual([expect.objectContaining({ path: 'a[0].__proto__' })]);
    expect(forbiddenKeys({ notes: nested(100_000) })).toEqual([{ path: `notes${'[0]'.repeat(MAX_NESTING - 1)}`, expected: `lists and objects nested at most ${MAX_NESTING} levels deep`, received: 'deeper nesting' }]);
  });
});
