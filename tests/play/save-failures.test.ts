// A save that fails when the class leaves (--save into a folder removed during the game): the
// game is never lost. 'quit' explains and the prompt comes back ('save OTHER-FILE' then 'quit',
// or 'quit without saving'); after the last round a 'game over>' prompt stays; at the end of
// input the game goes to a new file NAME.rescued.json and the command fails (exit code 2).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, duelFixture } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'detente-save-failures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Played {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `detente play duel --as US --save <folder>/game.json` in a fresh folder `cwd`: once the first
 * prompt is shown the save's folder is removed, then `lines` are typed and the input ends.
 */
function playWithLostFolder(cwd: string, lines: readonly string[], ...args: string[]): Promise<Played> {
  mkdirSync(join(cwd, 'usb'), { recursive: true });
  return playThenRemove(cwd, join(cwd, 'usb'), lines, '--save', 'usb/game.json', ...args);
}

/** `detente play duel --as US …args` in `cwd`: `gone` is removed once the first prompt is shown, then `lines` are typed. */
function playThenRemove(cwd: string, gone: string, lines: readonly string[], ...args: string[]): Promise<Played> {
  const child = spawn(process.execPath, [cli, 'play', duelFixture, '--as', 'US', ...args], { cwd });
  let stdout = '';
  let stderr = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!typed && stdout.includes('US r0 operations> ')) {
      typed = true;
      rmSync(gone, { recursive: true, force: true });
      child.stdin.end(lines.map((l) => `${l}\n`).join(''));
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

let n = 0;
const folder = (): string => {
  const dir = join(tmp, `case${++n}`);
  mkdirSync(dir);
  return dir;
};
const saved = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { decisions: unknown[]; queued: unknown[]; progress: { turn: unknown } };
const failure = "cannot write 'usb/game.json' (--save): no such directory 'usb'";

describe('play: a save that fails when leaving never loses the game', () => {
  it("'quit' explains which file and why, and the prompt comes back; 'save OTHER-FILE' then 'quit' leaves", async () => {
    const cwd = folder();
    const r = await playWithLostFolder(cwd, ['spy CN', 'quit', 'save other.json', 'quit']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      `US r0 operations> quit\n${failure}\nThe game was not saved to usb/game.json, so you are still in it. Type save OTHER-FILE and then quit again, or type 'quit without saving' to leave and lose what was not saved.\nUS r0 operations> save other.json\nGame saved to other.json.\nUS r0 operations> quit\n${failure}\nGame saved to other.json. Continue with: detente play --resume other.json`,
    );
    expect(saved(join(cwd, 'other.json')).queued).toEqual([{ type: 'operate', target: 'CN', kind: 'espionage' }]);
  });

  it('after a round whose save failed, the game goes on and says how to keep it elsewhere', async () => {
    const cwd = folder();
    const r = await playWithLostFolder(cwd, ['pass', 'pass', 'save other.json', 'quit without saving'], '--rounds', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`is over ──\n${failure}\nThe game goes on, but this round is not saved to usb/game.json: type save OTHER-FILE to keep it elsewhere.\n\n═══ Round 1 `);
    expect(saved(join(cwd, 'other.json')).decisions).toHaveLength(2);
  });

  it("'quit without saving' leaves on purpose (exit code 0); 'quit' with other words is refused", async () => {
    const r = await playWithLostFolder(folder(), ['quit now', 'quit', 'quit  Without  SAVING']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("US r0 operations> quit now\nUnexpected 'now'. Usage: quit [without saving]\n");
    expect(r.stdout).toMatch(/so you are still in it\.[^\n]*\nUS r0 operations> quit {2}Without {2}SAVING\nLeft the game in round 0 without saving it\.\n/);
  });

  it('at the end of input after a failed quit, the game goes to NAME.rescued.json, and the command fails saying so', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'game.rescued.json'), 'not mine to replace\n');
    const r = await playWithLostFolder(cwd, ['spy CN', 'done', 'quit']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`detente: ${failure}; the game was written to game.rescued-2.json instead. Continue with: detente play --resume game.rescued-2.json\n`);
    expect(readFileSync(join(cwd, 'game.rescued.json'), 'utf8')).toBe('not mine to replace\n');
    expect(saved(join(cwd, 'game.rescued-2.json')).decisions).toHaveLength(1);
  });

  it("after the last round, a 'game over>' prompt stays until the game is saved elsewhere or left on purpose", async () => {
    const cwd = folder();
    const r = await playWithLostFolder(cwd, ['pass', 'pass', 'pass', 'pass', 'pass', 'done', 'save final.json', 'quit'], '--rounds', '1');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Game over. Summary after 1 round:');
    // Said once, after the closing table, before the prompt ('quit' tries the file again later): the game does not go on.
    expect(r.stdout.slice(0, r.stdout.indexOf('game over> ')).split(failure)).toHaveLength(2);
    expect(r.stdout).not.toContain('The game goes on');
    expect(r.stdout).toContain(`${failure}\nThe game is over, but it was not saved to usb/game.json. Type save OTHER-FILE and then quit, 'quit' to try usb/game.json again, or 'quit without saving' to leave without a save.\ngame over> `);
    expect(r.stdout).toContain("game over> done\nThe game is over: type save FILE, then quit (or 'quit without saving').\ngame over> save final.json\nGame saved to final.json.\ngame over> quit\n");
    expect(saved(join(cwd, 'final.json')).progress.turn).toBeNull();
  });

  it('after the last round, the end of input rescues the finished game', async () => {
    const cwd = folder();
    const r = await playWithLostFolder(cwd, ['pass', 'pass', 'pass', 'pass'], '--rounds', '1');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('Game over. Summary after 1 round:');
    expect(r.stderr).toContain(`detente: ${failure}; the game was written to game.rescued.json instead.`);
    expect(saved(join(cwd, 'game.rescued.json')).progress.turn).toBeNull();
    expect(existsSync(join(cwd, 'usb'))).toBe(false);
  });

  it('when the current folder went away with the save, the game goes to the system temporary folder', async () => {
    const cwd = folder();
    const stem = `class-${n}-${process.pid}`;
    const rescued = join(tmpdir(), `${stem}.rescued.json`);
    try {
      const r = await playThenRemove(cwd, cwd, ['spy CN', 'done'], '--save', `${stem}.json`);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`detente: cannot write '${stem}.json' (--save): no such directory '.'; the game was written to ${rescued} instead. Continue with: detente play --resume ${rescued}\n`);
      expect(saved(rescued).decisions).toHaveLength(1);
    } finally {
      rmSync(rescued, { force: true });
    }
  });
});
