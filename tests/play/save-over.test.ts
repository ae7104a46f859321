// --save FILE (and 'save FILE' at the prompt) never replaces a file of the user's by surprise: an
// existing file is replaced only when it is a save of this same game at this point or an earlier
// one (the --resume file, a save this game made); anything else is refused, --force replaces it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const { tmp } = cliHarness('detente-save-over-');
const file = (name: string) => join(tmp, name);
const play = (input: readonly string[], ...args: string[]) =>
  spawnSync(process.execPath, [cli, 'play', ...args], { encoding: 'utf8', cwd: tmp, input: input.map((l) => `${l}\n`).join('') });
const decisions = (name: string) => (JSON.parse(readFileSync(file(name), 'utf8')) as { decisions: unknown[] }).decisions.length;

describe('play --save over an existing file', () => {
  it('refuses a file that is not a Détente save (a results table, a scenario), leaves it as it was, and says how to proceed', () => {
    writeFileSync(file('results.csv'), 'metric,n\nx,1\n');
    copyFileSync(duelFixture, file('mine.yaml'));
    expectInputError(play(['quit'], duelFixture, '--as', 'US', '--save', 'results.csv'), /^detente: will not write 'results\.csv' \(--save\): it already exists, and it is not a saved Détente game; choose another file, or pass --force to replace it\n$/);
    expectInputError(play(['quit'], duelFixture, '--as', 'US', '--save', 'mine.yaml'), /will not write 'mine\.yaml' \(--save\): it already exists, and it is not a saved Détente game/);
    expect(readFileSync(file('results.csv'), 'utf8')).toBe('metric,n\nx,1\n');
    expect(readFileSync(file('mine.yaml'), 'utf8')).toBe(readFileSync(duelFixture, 'utf8'));
    // --force without --save would be ignored: refused.
    expectInputError(play(['quit'], duelFixture, '--as', 'US', '--force'), /^detente: --force applies to --save \(it lets --save replace an existing file that is not a save of this game\); there is no --save here\n$/);
    const forced = play(['quit'], duelFixture, '--as', 'US', '--save', 'results.csv', '--force');
    expect(forced.status).toBe(0);
    expect(decisions('results.csv')).toBe(0);
  });

  it('refuses a file too large to be read as a save, without reading it (it was replaced: the read that failed let it through)', () => {
    writeFileSync(file('huge.csv'), '');
    truncateSync(file('huge.csv'), 2 ** 29 + 1); // sparse: no disk used
    expectInputError(play(['quit'], duelFixture, '--as', 'US', '--save', 'huge.csv'), /will not write 'huge\.csv' \(--save\): it already exists, and it cannot be read to check that it is a save of this game \(too large to be a save\); choose another file, or pass --force/);
    expect(statSync(file('huge.csv')).size).toBe(2 ** 29 + 1);
    rmSync(file('huge.csv'));
  });

  it("refuses another game's save (other players, seed or rounds, or this game further on) and names the way to resume it; replaces a save of this same game", () => {
    expect(play(['spy CN', 'done', 'quit'], duelFixture, '--as', 'US', '--save', 'monday.json').status).toBe(0);
    const monday = readFileSync(file('monday.json'), 'utf8');
    expectInputError(play(['quit'], duelFixture, '--as', 'CN', '--save', 'monday.json'), /will not write 'monday\.json' \(--save\): it already exists, and it is the save of another game \(other players\); to go on with that game: detente play --resume monday\.json; choose another file, or pass --force/);
    expectInputError(play(['quit'], duelFixture, '--as', 'US', '--save', 'monday.json'), /it is a save of this game further on \(1 decision; this game has 0\); to go on with that game: detente play --resume monday\.json/);
    expectInputError(play(['quit'], duelFixture, '--as', 'US', '--seed', '4', '--save', 'monday.json'), /it is the save of another game \(another seed\)/);
    expectInputError(play(['quit'], duelFixture, '--as', 'US', '--rounds', '4', '--save', 'monday.json'), /it is the save of another game \(another number of rounds\)/);
    expect(readFileSync(file('monday.json'), 'utf8')).toBe(monday);

    // A save of this same game is replaced as before: the --resume file, an earlier save of it.
    expect(play(['quit'], duelFixture, '--as', 'US', '--save', 'early.json').status).toBe(0);
    copyFileSync(file('early.json'), file('game.json'));
    const r = play(['spy CN', 'done', 'pass', 'quit'], '--resume', 'game.json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(decisions('game.json')).toBe(2);
    // An earlier point of the game the --resume file holds.
    const on = play(['pass', 'quit'], '--resume', 'game.json', '--save', 'early.json');
    expect(on.stderr).toBe('');
    expect(on.status).toBe(0);
    expect(decisions('early.json')).toBe(3);
  });

  it("'save FILE' at the prompt refuses a file of the user's, and the prompt comes back; a file this game saved is saved again", () => {
    writeFileSync(file('notes.txt'), 'my notes\n');
    const r = play(['save notes.txt', 'save typed.json', 'spy CN', 'done', 'save typed.json', 'quit'], duelFixture, '--as', 'US');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("US r0 operations> save notes.txt\nwill not write 'notes.txt' (save): it already exists, and it is not a saved Détente game; choose another file\nUS r0 operations> save typed.json\nGame saved to typed.json.\n");
    expect(r.stdout).toContain('US r0 diplomacy> save typed.json\nGame saved to typed.json.\n');
    expect(readFileSync(file('notes.txt'), 'utf8')).toBe('my notes\n');
    expect(decisions('typed.json')).toBe(1);
  });
});
