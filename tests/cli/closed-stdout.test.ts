// A reader that closes standard output early (`detente … | head`): the command stops quietly,
// as cat or git do — exit code 141 (128 + SIGPIPE), nothing on stderr, never a stack trace —
// and a sweep stops handing out runs and shuts its workers down.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { cli, cliHarness, duelFixture } from '../helpers/cli.js';

const strategyModule = resolve(import.meta.dirname, '../node/fixtures/strategies.mjs');

const { tmp } = cliHarness('detente-closed-stdout-');

/**
 * Run `detente args` with its standard output a pipe whose reader has already gone (`true`
 * exits long before node has started), its stdin fed `input`; gives its exit code and stderr.
 */
function intoClosedPipe(args: readonly string[], input = ''): { code: number; stderr: string } {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const r = spawnSync('bash', ['-c', `"$NODE" "$CLI" ${quoted} 2>"$ERR_FILE" | true; echo "\${PIPESTATUS[0]}"; cat "$ERR_FILE"`], {
    encoding: 'utf8',
    input,
    env: { ...process.env, NODE: process.execPath, CLI: cli, ERR_FILE: join(tmp, 'stderr.txt') },
  });
  const [code, ...stderr] = r.stdout.split('\n');
  return { code: Number(code), stderr: stderr.join('\n') };
}

describe('standard output closed by its reader', () => {
  it.each([
    ['list', ['list']],
    ['run', ['run', duelFixture]],
    ['a sweep writing to standard output', ['sweep', duelFixture, '--seeds', '1..400', '--workers', '2']],
    // With --load the process is ended once the command is done (a module may hold it open): not before its output fails.
    ['run with --load', ['run', duelFixture, '--format', 'json', '--load', strategyModule]],
    ['list with --load', ['list', '--load', strategyModule]],
    ['a tournament with --load', ['tournament', duelFixture, '--strategies', 'hawk,dove', '--seeds', '1..2', '--quiet', '--load', strategyModule]],
  ])('%s stops quietly with exit code 141', (_what, args) => {
    const r = intoClosedPipe(args);
    expect(r.stderr.trim()).toBe('');
    expect(r.code).toBe(141);
  });

  it('a game stops quietly too, with its input still coming', () => {
    const r = intoClosedPipe(['play', duelFixture, '--as', 'US'], 'pass\n'.repeat(30));
    expect(r.stderr.trim()).toBe('');
    expect(r.code).toBe(141);
  });
});
