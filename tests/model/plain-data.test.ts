// plainDataProblem: what makes data handed in as objects unfit for code that treats it as a tree
// (JSON.stringify, String of a list): too deep, cyclic, or shared so often it writes out huge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/index.js';
import { pathUnder, plainDataProblem } from '../../src/model/nesting.js';
import { nested } from '../helpers/data.js';


describe('plainDataProblem', () => {
  it('passes plain data, at the nesting limit too', () => {
    expect(plainDataProblem({ log: [{ type: 'x', round: 0 }], n: 1 })).toBeUndefined();
    expect(plainDataProblem(nested(MAX_NESTING))).toBeUndefined();
    expect(plainDataProblem('text')).toBeUndefined();
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(plainDataProblem(v)).toBeUndefined();
      }),
    );
  });

  it('gives the path of a part nested too deep, however deep', () => {
    expect(plainDataProblem({ a: nested(MAX_NESTING) })).toEqual({ path: 'a[0][0][0]…', expected: `lists and objects nested at most ${MAX_NESTING} levels deep`, received: 'deeper nesting' });
    expect(plainDataProblem({ a: nested(100_000) })?.path).toBe('a[0][0][0]…');
  });

  it('gives the path of a cycle', () => {
    const event: Record<string, unknown> = { type: 'x' };
    event.self = { inner: [event] };
    expect(plainDataProblem({ log: [event] })).toEqual({ path: 'log[0].self.inner…', expected: 'plain data', received: 'a reference to a list or object that contains it (a cycle)' });
    const top: unknown[] = [];
    top.push(top);
    expect(plainDataProblem(top)?.path).toBe('[0]');
  });

  it('passes shared parts, but not parts shared so often that the data writes out exponentially large', () => {
    const action = { type: 'pass' };
    const log = Array.from({ length: 1_000 }, (_, round) => ({ type: 'decision.made', round, actions: [action, action] }));
    expect(plainDataProblem({ log })).toBeUndefined();
    // 2^60 values written out from 61 lists: JSON.stringify of it never ends.
    let shared: unknown = 1;
    for (let i = 0; i < 60; i++) shared = [shared, shared];
    const problem = plainDataProblem({ ok: [1, 2], log: [shared] });
    expect(problem?.path).toBe('log[0][0][0]…');
    expect(problem?.expected).toMatch(/at most 64 times as many values/);
    expect(problem?.received).toMatch(/^parts shared so often that this one written out holds [\d,]+ values \(the data has 6\d\)$/);
  });

  it('puts a path under a field', () => {
    expect(pathUnder('log', '[3].x')).toBe('log[3].x');
    expect(pathUnder('rows[0].x', 'a.b')).toBe('rows[0].x.a.b');
    expect(pathUnder('log', '(top level)')).toBe('log');
  });
});
