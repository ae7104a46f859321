// TSDoc examples that a reader copies must compile under the project's strict settings and do
// what their comments say. tests/e2e/api-docs.test.ts checks that every export has an example;
// this file compiles and runs the ones of the game, tournament and round-protocol entry points
// whose first versions did not work as written (a private constructor, an option the function
// does not take, an action the phase rejects).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, parseScenario, submitDecisions, tournamentGrid } from '../../src/index.js';
import type { PendingRound, RoundResult, SimEvent } from '../../src/index.js';
import { PlayError, PlayGame } from '../../src/play/index.js';

const root = resolve(import.meta.dirname, '../..');

/** The code of the first @example of the declaration `name` in `file` (between its ``` fences). */
function exampleOf(file: string, name: string): string {
  const path = resolve(root, file);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found === undefined && (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name?.text === name) {
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text !== 'example') continue;
        const text = typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '');
        found = /```ts\n([\s\S]*?)```/.exec(text)?.[1];
        if (found !== undefined) return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (found === undefined) throw new Error(`no @example code for ${name} in ${file}`);
  return found;
}

const PRELUDE = `import { beginRound, submitDecisions, tournamentGrid } from './src/index.js';
import { PlayError, PlayGame } from './src/play/index.js';
import type { Scenario, ScenarioDocument, World } from './src/index.js';
declare const doc: ScenarioDocument;
declare const scenario: Scenario;
declare const world: World;
declare const console: { error(message: unknown): void };
`;

/** Type errors of each snippet, each compiled after PRELUDE with the project's compiler options (one program for all). */
function typeErrors(snippets: readonly string[]): string[][] {
  const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const options = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, root).options, noUnusedLocals: false };
  const files = snippets.map((_, k) => resolve(root, `__tsdoc_example_${k}__.ts`));
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError) => {
    const k = files.indexOf(name);
    return k >= 0 ? ts.createSourceFile(name, PRELUDE + snippets[k], version) : read(name, version, onError);
  };
  const program = ts.createProgram([...files, resolve(root, 'src/engine/seedrandom.d.ts')], options, host);
  return files.map((f) => ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
}

/** Run `code` (TypeScript, no imports) with `bindings` as its free names; returns what `tail` returns. */
function run(code: string, bindings: Record<string, unknown>, tail = ''): unknown {
  const js = ts.transpileModule(`${code}\n${tail}`, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } }).outputText;
  return new Function(...Object.keys(bindings), js)(...Object.values(bindings));
}

const scenario = parseScenario(readFileSync(resolve(root, 'scenarios/us-china-2015.yaml'), 'utf8'));
const EXAMPLES = {
  tournamentGrid: exampleOf('src/experiments/tournament.ts', 'tournamentGrid'),
  PlayError: exampleOf('src/play/game.ts', 'PlayError'),
  submitDecisions: exampleOf('src/engine/round.ts', 'submitDecisions'),
};

describe('TSDoc examples compile and do what they say', () => {
  it('each compiles under the project\'s strict settings', () => {
    const errors = typeErrors(Object.values(EXAMPLES));
    expect(Object.fromEntries(Object.keys(EXAMPLES).map((name, k) => [name, errors[k]]))).toEqual({ tournamentGrid: [], PlayError: [], submitDecisions: [] });
  });

  it('tournamentGrid: returns the roles and the grid', () => {
    const code = EXAMPLES.tournamentGrid;
    const out = run(code, { tournamentGrid, doc: scenario.document }, 'return { roles, grid };');
    expect(out).toEqual({ roles: ['CN', 'US'], grid: { 'actors.CN.strategy': ['hawk', 'dove'], 'actors.US.strategy': ['hawk', 'dove'] } });
  });

  it('PlayError: an unknown human is reported with a did-you-mean', () => {
    const code = EXAMPLES.PlayError;
    const printed: string[] = [];
    run(code, { PlayGame, PlayError, scenario, console: { error: (m: string) => printed.push(m) } });
    expect(printed).toEqual([expect.stringMatching(/^--as: no actor 'USA' in this scenario \(did you mean US\?\)/)]);
  });

  it('submitDecisions: the action it submits is carried out, not rejected', () => {
    const code = EXAMPLES.submitDecisions;
    const submitted: (PendingRound | RoundResult)[] = [];
    const spy = (p: PendingRound, d: Parameters<typeof submitDecisions>[1]) => {
      const next = submitDecisions(p, d);
      submitted.push(next);
      return next;
    };
    run(code, { beginRound, submitDecisions: spy, world: createWorld({ actors: [{ id: 'US' }, { id: 'CN' }] }, { seed: 1 }) });
    expect(submitted).toHaveLength(1);
    let p = submitted[0] as PendingRound | RoundResult;
    while (!p.done) p = submitDecisions(p, []);
    const events: readonly SimEvent[] = p.events;
    expect(events.filter((e) => e.type === 'action.rejected')).toEqual([]);
    expect(events.some((e) => e.type === 'operation.conducted' && e.operation.author === 'US' && e.operation.target === 'CN')).toBe(true);
  });
});
