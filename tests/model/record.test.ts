// The record copies the engine makes instead of literals that open with a spread: the same keys,
// values and order as the spread (logs and JSON must not change), a new object each time, and,
// on the running V8, copies that share one hidden class even once frozen (src/model/record.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { copied, joined, withFields } from '../../src/model/record.js';

const key = fc.constantFrom('a', 'b', 'c', 'id', 'next', 'round', '0', '10');
const record = fc.dictionary(key, fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)));

describe('record copies', () => {
  it('give the keys, values and key order of the spread they replace', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(JSON.stringify(joined(a, b))).toBe(JSON.stringify({ ...a, ...b }));
        expect(Object.keys(joined(a, b))).toEqual(Object.keys({ ...a, ...b }));
        expect(JSON.stringify(withFields(a, b))).toBe(JSON.stringify({ ...a, ...b }));
        expect(JSON.stringify(copied(a))).toBe(JSON.stringify({ ...a }));
      }),
    );
  });

  it('make a new object and leave their sources as they were', () => {
    const source: Readonly<{ id: string; next: number; every: number }> = Object.freeze({ id: 'dl:0', next: 3, every: 4 });
    const later = withFields(source, { next: 7 });
    expect(later).not.toBe(source);
    expect(later).toEqual({ id: 'dl:0', next: 7, every: 4 });
    expect(source.next).toBe(3);
    expect(Object.isFrozen(later)).toBe(false);
    const copy = copied(source);
    expect(copy).not.toBe(source);
    expect(copy).toEqual(source);
  });

  it('copy symbol-keyed fields too, as a spread does', () => {
    const mark = Symbol('mark');
    const out = joined({ rounds: 3 }, { [mark]: true });
    expect(out[mark]).toBe(true);
    expect(out.rounds).toBe(3);
  });

  it('keep one hidden class for copies of unfrozen records, frozen or given a new key (V8)', () => {
    // The helpers as they are, run in a child process: %HaveSameMap needs --allow-natives-syntax.
    // Each copies fresh, unfrozen records (as the engine's unobserved rounds have them), then adds
    // a key or freezes the copy.
    const helpers = ts.transpileModule(readFileSync('src/model/record.ts', 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const script = `${helpers}
      const make = (i) => ({ id: 'dl:' + i, next: i, every: 4 });
      const added = [], joinedKeys = [], frozen = [];
      for (let i = 0; i < 50; i++) {
        added.push(withFields(make(i), { proposer: 'US' }));
        joinedKeys.push(joined(make(i), { suspended: true }));
        frozen.push(Object.freeze(copied(make(i))));
      }
      const same = (list) => list.every((o) => %HaveSameMap(o, list[0]));
      console.log(JSON.stringify({ added: same(added), joined: same(joinedKeys), frozen: same(frozen) }));
    `;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ added: true, joined: true, frozen: true });
  });
});

/**
 * The lines where an object literal opens with a spread. Parsed, not matched line by line: a
 * literal whose `{` ends one line and whose spread opens the next escaped the line scan this
 * replaced; a rest pattern (`{ a, ...rest } =`) and a spread after a key are not such literals.
 */
function spreadOpenings(file: string, text: string): number[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    const first = ts.isObjectLiteralExpression(node) ? node.properties[0] : undefined;
    if (first !== undefined && ts.isSpreadAssignment(first)) lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe('engine sources', () => {
  // A literal that opens with a spread gets a detached hidden class on Node 20 (src/model/record.ts):
  // the engine, its model, the built-in strategies and the experiments use the helpers instead.
  const roots = ['src/engine', 'src/model', 'src/strategies', 'src/experiments'];
  const files = roots.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, f)),
  );

  it('are found', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('open no object literal with a spread', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const line of spreadOpenings(file, text)) found.push(`${file}:${line}: ${text.split('\n')[line - 1]?.trim()}`);
    }
    expect(found).toEqual([]);
  });

  it('are checked by a scan that finds a literal opening with a spread, on one line or two', () => {
    const sample = ['const a = { ...x, k: 1 };', 'const b = {', '  ...y,', '};', 'const { p, ...rest } = z;', 'const c = { k: 1, ...x };'].join('\n');
    expect(spreadOpenings('sample.ts', sample)).toEqual([1, 2]);
  });
});
