// YAML aliases are where the yaml library throws outside its own error list (an alias bomb, an
// alias with no anchor) or builds data that refers to itself (an alias inside its own anchor).
// Each must be a ScenarioError naming the file, in the library and in the CLI (exit 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { cliHarness, expectInputError } from '../helpers/cli.js';
import { scenarioErrorOf } from '../helpers/issues.js';

const BOMB = [
  'a: &a [x,x,x,x,x,x,x,x,x,x]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  '',
].join('\n');

const errorOf = scenarioErrorOf;

describe('YAML aliases', () => {
  it('an alias bomb is a ScenarioError naming the file, not a ReferenceError', () => {
    const e = errorOf(BOMB, 'bomb.yaml');
    expect(e.source).toBe('bomb.yaml');
    expect(e.message).toMatch(/^bomb\.yaml: 1 problem/);
    expect(e.issues).toEqual([expect.objectContaining({ path: '(file)', received: expect.stringMatching(/alias bomb/) })]);
  });

  it('an alias with no anchor before it is reported at its line and column', () => {
    for (const text of ['name: x\nrounds: 2\nactors: [{ id: A }, *b]\n', 'name: x\nrounds: 2\nactors: [*b, &b { id: B }]\n']) {
      const e = errorOf(text, 'alias.yaml');
      expect(e.issues).toEqual([expect.objectContaining({ path: expect.stringMatching(/^line 3, column \d+$/), received: '*b, with no such anchor before it' })]);
    }
  });

  it('an alias inside its own anchor (a cycle) is refused instead of overflowing the stack', () => {
    const e = errorOf('name: x\nrounds: 2\nactors: &all [{ id: A }, *all]\n', 'cycle.yaml');
    expect(e.issues).toEqual([expect.objectContaining({ path: 'line 3, column 26', received: '*all inside &all itself (a cycle)' })]);
    const o: { name: string; rounds: number; actors: Record<string, unknown>[] } = { name: 'x', rounds: 2, actors: [{ id: 'A' }, { id: 'B' }] };
    (o.actors[0] as Record<string, unknown>).self = o;
    expect(errorOf(o).issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'actors[0].self', received: expect.stringMatching(/cycle/) })]));
  });

  it('ordinary aliases (a shared capability block) still read', () => {
    const s = parseScenario('name: x\nrounds: 2\nactors:\n  - { id: A, capabilities: &c { offense: 0.5 } }\n  - { id: B, capabilities: *c }\n', { source: 'ok.yaml' });
    expect(s.spec.actors.map((a) => a.capabilities?.offense)).toEqual([0.5, 0.5]);
  });

  it("a YAML merge key (<<: *base) is said not to be read, not taken for a misspelt 'id'", () => {
    const e = errorOf('name: x\nrounds: 2\nactors:\n  - &a { id: A, capabilities: us }\n  - { <<: *a, id: B }\n', 'merge.yaml');
    expect(e.issues).toEqual([
      expect.objectContaining({ path: 'actors[1].<<', received: "unknown field '<<'", hint: 'YAML merge keys (<<: *anchor) are not read: write the fields out, or alias a whole value such as capabilities: *caps' }),
    ]);
  });

  const { tmp, detente } = cliHarness('detente-alias-');
  it('detente validate and run exit 2 on an alias bomb, naming the file', () => {
    const p = join(tmp, 'bomb.yaml');
    writeFileSync(p, BOMB);
    for (const cmd of ['validate', 'run']) {
      const r = detente(cmd, p);
      expectInputError(r, /bomb\.yaml: 1 problem/, /alias bomb/);
      expect(r.stderr).not.toMatch(/unexpected error/);
    }
  });
});
