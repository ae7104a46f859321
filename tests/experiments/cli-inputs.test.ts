// Results files given to summarize and merge that are not what they should be: each is an input
// error (exit 2) naming the file and what was expected, never an "unexpected error".
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness, expectInputError } from '../helpers/cli.js';

const { tmp, detente } = cliHarness('detente-inputs-');
const file = (name: string) => join(tmp, name);

describe('results inputs that are not files', () => {
  it('a directory given to summarize or merge is refused by name (it was "unexpected error: EISDIR", exit 1)', () => {
    expect(detente('sweep', 'false-flag', '--workers', '1', '--quiet', '--seeds', '1..2', '--out', 'runs.csv').status).toBe(0);
    mkdirSync(file('parts.csv'));
    const refused = /'parts\.csv' is a directory, not a results file/;
    expectInputError(detente('summarize', 'parts.csv'), refused);
    expectInputError(detente('merge', 'runs.csv', 'parts.csv'), refused);
    expectInputError(detente('merge', 'runs.csv', 'parts.csv', '--out', 'merged.csv'), refused);
  });
});
