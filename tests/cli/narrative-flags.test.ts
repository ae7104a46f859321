// --no-truth and --verbose shape the story of `detente run`; with --format json or csv they were
// taken and ignored, so a teacher who hid the truth handed out a file that holds it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness, expectInputError } from '../helpers/cli.js';

const { tmp, detente } = cliHarness('detente-narrative-flags-');

describe('detente run: flags of the narrative with a data format', () => {
  it('refuses --no-truth with --format json or csv, saying why, and writes nothing', () => {
    expectInputError(detente('run', 'false-flag', '--format', 'json', '--no-truth', '--out', 'run.json'), /^detente: --no-truth applies to the narrative \(the story and its closing table\): --format json holds the whole event log, with what only the engine knows \(covert operations, true authors, false alarms\) and cannot hide it; for a story without the truth, leave out --format\n$/);
    expectInputError(detente('run', 'false-flag', '--no-truth', '--format', 'csv', '--out', 'run.csv'), /^detente: --no-truth applies to the narrative .*--format csv holds the engine's counts of what only it knows \(operations, false alarms, misattributions\) in every row and cannot hide it/);
    expect(existsSync(join(tmp, 'run.json'))).toBe(false);
    expect(existsSync(join(tmp, 'run.csv'))).toBe(false);
  });

  it('refuses --verbose with --format json or csv', () => {
    expectInputError(detente('run', 'false-flag', '--format', 'json', '--verbose'), /^detente: --verbose applies to the narrative \(it adds investigation updates, adopted norms and rejected actions to the story\): --format json holds every event already; leave out --verbose, or --format\n$/);
    expectInputError(detente('run', 'false-flag', '--format', 'csv', '--verbose'), /--verbose applies to the narrative .*--format csv holds one row of metrics per round, no events/);
  });

  it('takes both with the narrative, named or by default', () => {
    for (const format of [[], ['--format', 'narrative']]) {
      const r = detente('run', 'false-flag', ...format, '--verbose', '--no-truth');
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toContain('[hidden]');
    }
  });
});
