import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness, expectInputError, root } from '../helpers/cli.js';

// The CLI cases tests/e2e/cli.test.ts does not already cover (it has malformed JSON/YAML, empty,
// __proto__, proxy sponsor, directory, missing and huge files, unknown strategy and duplicate ids).
const { tmp, detente } = cliHarness('detente-scn-');

describe('detente validate/run on bad scenario files', () => {
  it.each([
    ['an unknown actor reference', 'ref.yaml', 'name: x\nrounds: 4\nactors: [{ id: USA }, { id: CHN }]\ninjects:\n  - { round: 1, type: indictment, by: USA, target: CHM }\n', [/injects\[0\]\.target: expected a declared actor id/, /did you mean 'CHN'\?/]],
    ['out-of-range numbers', 'range.yaml', 'name: x\nrounds: 4\nactors:\n  - { id: A, capabilities: { offense: 1.5 } }\n  - { id: B }\ndyads: [{ from: A, to: B, trust: 2 }]\n', [/2 problems/, /actors\[0\]\.capabilities\.offense: expected a number from 0 to 1, received 1\.5/, /dyads\[0\]\.trust: expected a number from 0\.001 to 0\.999, received 2/]],
    ['the reserved keys constructor and prototype', 'ctor.yaml', 'name: x\nrounds: 3\nactors:\n  - { id: A, constructor: 1 }\n  - { id: B }\nprototype: { a: 1 }\n', [/actors\[0\]\.constructor: expected an ordinary field name/, /prototype: expected an ordinary field name/]],
    ['an unknown mechanism', 'mech.json', '{"name":"x","rounds":3,"actors":[{"id":"A"},{"id":"B"}],"mechanisms":{"detecton":{}}}', [/mechanisms\.detecton/, /did you mean 'detection'\?/]],
  ])('rejects %s with exit code 2, naming the path', (_what, file, text, messages) => {
    const p = join(tmp, file);
    writeFileSync(p, text);
    expectInputError(detente('validate', p), ...messages);
    expectInputError(detente('run', p), ...messages);
  });

  it('validates every bundled scenario by file and by name', () => {
    const names = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    for (const name of names) {
      const byName = detente('validate', name);
      expect(byName.status, byName.stderr).toBe(0);
      expect(byName.stdout).toContain(name);
      expect(detente('validate', join(root, 'scenarios', `${name}.yaml`)).status).toBe(0);
    }
  });
});
