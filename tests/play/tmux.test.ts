// `detente play` used as a person would: in a real terminal (a tmux pane), typing commands and
// pressing Enter, reading the screen. Skipped, with a message, where tmux is not installed.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = resolve(root, 'dist/cli/main.js');
const duel = resolve(root, 'tests/e2e/fixtures/duel.yaml');
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
if (!hasTmux) console.warn('tests/play/tmux.test.ts: tmux is not installed, so the interactive terminal test is skipped');

// A private tmux server (its own socket) so the test never touches anyone else's sessions.
const socket = `detente-play-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
afterAll(() => {
  if (hasTmux) tmux('kill-server');
});

const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-300', '-t', 'play').stdout;

async function waitFor(pattern: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const s = screen();
    if (pattern.test(s)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the screen never showed ${pattern}:\n${screen()}`);
}

async function type(line: string, expected: RegExp): Promise<string> {
  tmux('send-keys', '-t', 'play', '-l', line);
  tmux('send-keys', '-t', 'play', 'Enter');
  return waitFor(expected);
}

describe.skipIf(!hasTmux)('detente play in a terminal (tmux)', () => {
  it('shows the round and a prompt, takes typed commands, moves on after done/pass, and quits', async () => {
    const command = `${process.execPath} ${cli} play ${duel} --as US --rounds 3; echo "exit code $?"; sleep 30`;
    const started = tmux('new-session', '-d', '-s', 'play', '-x', '160', '-y', '50', command);
    expect(started.status).toBe(0);
    let s = await waitFor(/US r0 operations> $/m);
    expect(s).toContain('═══ Round 0 (Jan 2015) · US · operations ═══');
    expect(s).toContain('What you can do now (type the number or the command):');
    s = await type('spy CN', /Queued: spy CN/);
    s = await type('done', /US r0 diplomacy> $/m);
    expect(s).toContain('US submitted 1 action.');
    expect(s).toContain('═══ Round 0 (Jan 2015) · US · diplomacy ═══');
    s = await type('hotline CN 1', /(no incident to refer to yet|no hotline between US and CN)/);
    s = await type('pass', /US r1 operations> $/m);
    expect(s).toContain('── Round 0 (Jan 2015) is over ──');
    expect(s).toContain('═══ Round 1 (Feb 2015) · US · operations ═══');
    s = await type('quit', /exit code 0/);
    expect(s).toContain('Left the game in round 1; not saved');
  }, 30_000);
});
