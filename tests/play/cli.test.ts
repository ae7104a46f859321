import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = resolve(root, 'dist/cli/main.js');
const duel = resolve(root, 'tests/e2e/fixtures/duel.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'detente-play-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const play = (input: readonly string[], ...args: string[]) =>
  spawnSync(process.execPath, [cli, 'play', ...args], { encoding: 'utf8', cwd: tmp, input: input.map((l) => `${l}\n`).join('') });

// A whole game of the duel as US: one covert operation, a look around, then passing (which also
// ignores every request); more lines than the game needs.
const SCRIPT = ['status', '4', 'done', '?', 'pass', ...Array.from({ length: 40 }, (_, k) => (k % 7 === 3 ? '1' : k % 7 === 4 ? 'done' : 'pass'))];

describe('detente play (scripted standard input)', () => {
  it('plays a whole game: what the actor knows each round, options, and the closing summary', () => {
    const r = play(SCRIPT, duel, '--as', 'US');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const o = r.stdout;
    expect(o).toMatch(/^A duel with a hotline — seed 3, 10 rounds\. You play US; CN, APT follow their strategies\./);
    expect(o).toContain('═══ Round 0 (Jan 2015) · US · operations ═══');
    expect(o).toContain('US r0 operations> 4\nQueued: operate CN espionage');
    expect(o).toContain('US submitted 1 action.');
    expect(o).toMatch(/═══ Round 9 \(Oct 2015\) · US · diplomacy ═══/);
    expect(o).toMatch(/\[1\] inc:US:\d+:\d+: \w+ against your networks, severity \d+, detected in round \d+\n\s+top suspect \w+ \(\d+% sure\)/);
    expect(o).toMatch(/Your trust in the others \(0 = none, 1 = full\): APT 0\.\d\d · CN 0\.\d\d/);
    expect(o).toMatch(/with CN: L\d/);
    expect(o).toContain('Summit in Washington');
    expect(o).toContain('with CN: hotline; no-commercial-theft (since round 4)');
    expect(o).toMatch(/What you can do now \(type the number or the command\):\n\s+1\. /);
    expect(o).toContain('Commands of this phase:');
    expect(o).toContain('── Round 9 (Oct 2015) is over ──');
    expect(o).toContain('Game over. Summary after 10 rounds:');
    expect(o).toMatch(/CN–US\s+\d\.\d\d \/ \d\.\d\d\s+L[0-7]/);
    expect(o).not.toContain('Pass the keyboard');
  });

  it('is deterministic: the same input gives the same transcript', () => {
    expect(play(SCRIPT, duel, '--as', 'US').stdout).toBe(play(SCRIPT, duel, '--as', 'US').stdout);
  });

  it('hot-seat: announces whose turn it is and lets each player answer', () => {
    const r = play(Array.from({ length: 80 }, () => 'pass'), duel, '--as', 'US,CN', '--rounds', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('You play US, CN; APT follows its strategy.');
    expect(r.stdout).toContain('── Pass the keyboard to CN ──');
    expect(r.stdout).toContain('── Pass the keyboard to US ──');
    expect(r.stdout).toContain('CN r0 operations> ');
    expect(r.stdout).toContain('US r2 diplomacy> ');
    expect(r.stdout).toContain('Game over. Summary after 3 rounds:');
    // The closing table says who decided for each actor as the debrief and the HTML report do:
    // the class, not the strategy the scenario names for the actors it played.
    const table = r.stdout.slice(r.stdout.indexOf('Game over'));
    expect(table).toMatch(/^US\s+state\s+played by people\s+\d/m);
    expect(table).toMatch(/^CN\s+state\s+played by people\s+\d/m);
    expect(table).toMatch(/^APT\s+proxy\s+random\s+\d/m);
    expect(table).not.toMatch(/tit-for-tat|deterrer/);
  });

  it('save at the end of input, resume with the rest: the same game as without the break', () => {
    const whole = play(SCRIPT, duel, '--as', 'US', '--save', 'whole.json');
    expect(whole.status).toBe(0);
    for (const k of [3, 14]) {
      const first = play(SCRIPT.slice(0, k), duel, '--as', 'US', '--save', `part${k}.json`);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(`End of input: game saved to part${k}.json. Continue with: detente play --resume part${k}.json`);
      expect(first.stdout).not.toContain('Game over');
      const rest = play(SCRIPT.slice(k), '--resume', `part${k}.json`, '--save', `end${k}.json`);
      expect(rest.stderr).toBe('');
      expect(rest.status).toBe(0);
      expect(rest.stdout).toMatch(new RegExp(`Resumed part${k}\\.json: \\d+ recorded decisions? replayed, now in round \\d+\\.`));
      const a = JSON.parse(readFileSync(join(tmp, 'whole.json'), 'utf8')) as { decisions: unknown; progress: unknown };
      const b = JSON.parse(readFileSync(join(tmp, `end${k}.json`), 'utf8')) as { decisions: unknown; progress: unknown };
      expect(b.decisions).toEqual(a.decisions);
      expect(b.progress).toEqual(a.progress);
      const summary = (s: string) => s.slice(s.indexOf('Game over'));
      expect(summary(rest.stdout)).toBe(summary(whole.stdout));
    }
  });

  it('explains bad input at the prompt and goes on', () => {
    const r = play(['acuse CN public 1', 'done', 'hotline CN 1', 'sanction CM economic', 'operate CN espionage', 'quit'], duel, '--as', 'US');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Unknown command 'acuse'. Did you mean 'accuse'?");
    expect(r.stdout).toMatch(/hotline CN 1\n(You have no incident to refer to yet\.|Not allowed: no hotline between US and CN)/);
    expect(r.stdout).toContain('No actor \'CM\'. Did you mean CN? Actors: APT, CN, US.');
    expect(r.stdout).toContain("'operate' belongs to the operations phase; this is the diplomacy phase.");
    expect(r.stdout).toContain('Left the game in round 0; not saved');
  });

  it('says plainly that the operations of a round are used up (no usage line, which would be the command typed)', () => {
    const r = play(['spy CN', 'spy CN', 'spy CN', 'spy CN', 'quit'], duel, '--as', 'US');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("US r0 operations> spy CN\nAt most 3 operations a round: type 'done' to submit them, or 'undo'.\nUS r0 operations> quit");
  });

  it('leaving right after typing save FILE (without --save) says where the game was saved, not that it was not saved', () => {
    const quit = play(['save typed.json', 'quit'], duel, '--as', 'US');
    expect(quit.status).toBe(0);
    expect(quit.stdout).toContain('US r0 operations> quit\nGame saved to typed.json. Continue with: detente play --resume typed.json');
    const eof = play(['save typed.json'], duel, '--as', 'US');
    expect(eof.stdout).toContain('End of input: game saved to typed.json. Continue with: detente play --resume typed.json');
    // Something entered since the save is not in it: that is still said.
    const changed = play(['save typed.json', 'spy CN', 'quit'], duel, '--as', 'US');
    expect(changed.stdout).toContain('Left the game in round 0; not saved');
  });

  it('resumes a save edited in an editor that wrote a byte-order mark', () => {
    expect(play(['quit'], duel, '--as', 'US', '--save', 'bom.json').status).toBe(0);
    writeFileSync(join(tmp, 'bom.json'), `\uFEFF${readFileSync(join(tmp, 'bom.json'), 'utf8')}`);
    const r = play(['quit'], '--resume', 'bom.json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Resumed bom.json: 0 recorded decisions replayed, now in round 0.');
  });

  it("'status' in a responses turn shows what the actor knows, as in the other phases (not the request alone again)", () => {
    const r = play(['spy US', 'done', 'pass', 'spy US', 'done', 'pass', 'status', 'quit'], duel, '--as', 'CN');
    expect(r.status).toBe(0);
    const shown = r.stdout.slice(r.stdout.indexOf('responses> status'), r.stdout.indexOf('responses> quit'));
    expect(shown).toContain('Your trust in the others (0 = none, 1 = full): APT 0.50 · US 0.50');
    expect(shown).toContain('Your recent covert operations:');
    expect(shown).toMatch(/\(1\/1\) accusation from US: .*\nWhat you can do now/);
  });

  it('refuses bad flags with exit code 2 and a did-you-mean, never a stack trace', () => {
    const unknown = play([], duel, '--as', 'UK');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--as: no actor 'UK' in this scenario \(did you mean US\?\); actors: APT, CN, US/);
    const none = play([], duel);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--as needs at least one actor/);
    const missing = play([], '--resume', 'nothing.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nothing\.json is not a saved Détente game: cannot read it \(ENOENT\)/);
    const rounds = play([], duel, '--as', 'US', '--rounds', 'x');
    expect(rounds.status).toBe(2);
    for (const r of [unknown, none, missing, rounds]) expect(r.stderr).not.toMatch(/\n\s+at /);
    const help = play([], '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--resume FILE');
  });
});
