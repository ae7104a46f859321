// A run.json is reported under its top-level `scenario` and `title` and replayed from its
// `document`: a name or title edited apart from the document labelled one scenario's run with another's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, reportSourceFromRecord } from '../../src/index.js';
import { cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const { tmp, detente } = cliHarness('detente-run-name-');

describe('detente report run.json: name and title against the document', () => {
  it('refuses a top-level scenario name or title that is not the document’s, naming the file and both fields', () => {
    expect(detente('run', duelFixture, '--format', 'json', '--out', 'run.json').status).toBe(0);
    const saved = JSON.parse(readFileSync(join(tmp, 'run.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(tmp, 'renamed.json'), JSON.stringify({ ...saved, scenario: 'gge-2015' }));
    expectInputError(detente('report', 'renamed.json', '--md', 'x.md'), /^detente: renamed\.json: 1 problem\n {2}- scenario: expected 'duel', the name of the scenario in document \(document\.name\), which the log replays, received 'gge-2015'\n$/);
    writeFileSync(join(tmp, 'retitled.json'), JSON.stringify({ ...saved, title: 'The GGE in 2015' }));
    expectInputError(detente('report', 'retitled.json', '--md', 'x.md'), /^detente: retitled\.json: 1 problem\n {2}- title: expected 'A duel with a hotline', the title of the scenario in document \(document\.title, else its name\), which the log replays, received 'The GGE in 2015'\n$/);
    expect(() => readFileSync(join(tmp, 'x.md'))).toThrow();
    // The same check in code, and the record as written still reports.
    expect(() => reportSourceFromRecord({ ...saved, scenario: 'gge-2015' }, 'renamed.json')).toThrow(ConfigError);
    expect(reportSourceFromRecord(saved, 'run.json').name).toBe('duel');
    expect(detente('report', 'run.json', '--md', 'ok.md').status).toBe(0);
  });
});
