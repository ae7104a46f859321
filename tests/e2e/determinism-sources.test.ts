// Same scenario + same seed = the same log on any machine: the sources outside the command line
// read no clock and no unseeded randomness, and the simulation (engine, model, strategies) uses
// only arithmetic that IEEE 754 fixes to the bit, none of the math library's functions, whose
// last bits differ between platforms and V8 versions (docs/engine.md, "Determinism"). Until now
// only a grep before each commit kept this; a parsed scan keeps it in CI, comments and strings
// aside.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Reads of time or of unseeded randomness: nowhere outside src/cli and src/node (the sweep's worker
 * times its batches to size the next ones, never for a result).
 */
const NONDETERMINISTIC = ['Math.random', 'Date.now', 'performance.now', 'process.hrtime', 'crypto.getRandomValues', 'crypto.randomUUID', 'new Date()'];
/** Math functions the platforms may round differently: not in the simulation. */
const INEXACT_MATH = ['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot'].map((f) => `Math.${f}`);
const SIMULATION = ['src/engine', 'src/model', 'src/strategies'];

function sources(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f));
}

/** Each use in `text` of one of `names` (`a.b` accesses and `new X()` calls), and of `**`, with its line. */
function uses(file: string, text: string, names: readonly string[], power = false): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = `${node.expression.getText(source)}.${node.name.text}`;
      if (names.includes(name)) at(node, name);
    } else if (ts.isNewExpression(node) && (node.arguments?.length ?? 0) === 0) {
      const name = `new ${node.expression.getText(source)}()`;
      if (names.includes(name)) at(node, name);
    } else if (power && ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken)) {
      at(node, '**');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('determinism of the sources', () => {
  const all = sources('src').filter((f) => !f.startsWith(join('src', 'cli')) && !f.startsWith(join('src', 'node')));
  const simulation = SIMULATION.flatMap(sources);

  it('are found', () => {
    expect(all.length).toBeGreaterThan(60);
    expect(simulation.length).toBeGreaterThan(30);
  });

  it('read no clock and no unseeded randomness outside src/cli and src/node', () => {
    expect(all.flatMap((f) => uses(f, readFileSync(f, 'utf8'), NONDETERMINISTIC))).toEqual([]);
  });

  it('use no math-library function and no ** in the simulation', () => {
    expect(simulation.flatMap((f) => uses(f, readFileSync(f, 'utf8'), INEXACT_MATH, true))).toEqual([]);
  });

  it('are checked by a scan that finds each form, and not in comments or strings', () => {
    const sample = [
      'const a = Math.random();',
      'const t = Date.now() + performance.now();',
      'const d = new Date();',
      'const fixed = new Date(0);',
      'const e = Math.exp(1) * Math.sqrt(2);',
      'let p = 2 ** 3; p **= 2;',
      '// Math.random() in a comment',
      "const s = 'Date.now()';",
    ].join('\n');
    expect(uses('x.ts', sample, [...NONDETERMINISTIC, ...INEXACT_MATH], true)).toEqual([
      'x.ts:1: Math.random',
      'x.ts:2: Date.now',
      'x.ts:2: performance.now',
      'x.ts:3: new Date()',
      'x.ts:5: Math.exp',
      'x.ts:6: **',
      'x.ts:6: **',
    ]);
  });
});
