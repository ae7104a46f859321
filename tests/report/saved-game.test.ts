// `detente report game.json`: the report of a class's saved game (detente play --save), as the
// README's classroom section promises. A save was read as a scenario and refused with nine
// "unknown field" problems, so a game played in class had no report at all.
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary, parseScenario, renderDebrief, renderHtmlReport, REPORT_EN, reportSource } from '../../src/index.js';
import { PlayGame, saveGame } from '../../src/play/index.js';
import { cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const { tmp, detente } = cliHarness('detente-report-game-');
const duel = parseScenario(readFileSync(duelFixture, 'utf8'), { source: 'duel.yaml' });

/** A game of duel.yaml with US played by people (accusing what it is fairly sure of), stopped after `played` rounds. */
function gameAfter(played: number): PlayGame {
  const game = PlayGame.start({ scenario: duel, humans: ['US'], seed: 5, rounds: 8 });
  while (game.turn && game.roundsPlayed < played) {
    const turn = game.turn;
    if (turn.request) game.answer({ type: 'ignore' });
    else {
      if (turn.phase === 'diplomacy') for (const inc of turn.view.incidents) if (inc.round === turn.view.round && inc.suspect !== null && inc.confidence > 0.5) game.queue({ type: 'accuse', target: inc.suspect, incident: inc.id, public: true });
      game.finishTurn();
    }
  }
  return game;
}

const write = (name: string, game: PlayGame) => writeFileSync(join(tmp, name), JSON.stringify(saveGame(game), null, 2));

describe('detente report of a saved game', () => {
  it('reports the rounds played so far, the same as the report made from the game in code, with the people-played actor marked', () => {
    const game = gameAfter(5);
    write('game.json', game);
    const r = detente('report', 'game.json', '--html', 'g.html', '--md', 'g.md');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const source = { ...reportSource(game.scenario, game.run, game.seed), players: game.humans };
    const debrief = readFileSync(join(tmp, 'g.md'), 'utf8');
    expect(debrief).toBe(renderDebrief(source));
    expect(readFileSync(join(tmp, 'g.html'), 'utf8')).toBe(renderHtmlReport(source));
    expect(debrief).toMatch(/seed 5, 5 rounds/);
    expect(debrief).toMatch(/^- \*\*US\*\*: state, played by people$/m);
    expect(debrief).toMatch(/^- \*\*CN\*\*: state, playing \*deterrer\*$/m);
    expect(debrief).toMatch(/^\| US \| state \| played by people \|/m);
    expect(debrief).not.toMatch(/US\*\*: state, playing/);
  });

  it('a catalogue written before the people-played words existed still renders, with the English words for them', () => {
    const game = gameAfter(3);
    const source = { ...reportSource(game.scenario, game.run, game.seed), players: game.humans };
    const { playedByPeople: _words, ...old } = REPORT_EN;
    const { playerLine: _line, ...oldDebrief } = REPORT_EN.debrief;
    const text = { ...old, debrief: oldDebrief };
    expect(renderDebrief(source, { text })).toBe(renderDebrief(source));
    expect(renderHtmlReport(source, { text })).toBe(renderHtmlReport(source));
  });

  it('formatSummary with the players (the table play prints at the end) marks them as the debrief does, in any catalogue', () => {
    const game = gameAfter(3);
    const source = { ...reportSource(game.scenario, game.run, game.seed), players: game.humans };
    const table = formatSummary(game.run, undefined, { players: game.humans });
    expect(table).toMatch(/^US\s+state\s+played by people\s+\d/m);
    expect(table).toMatch(/^CN\s+state\s+deterrer\s+\d/m);
    expect(renderDebrief(source)).toMatch(/^\| US \| state \| played by people \|/m);
    // Without players (detente run) every actor keeps its strategy; a catalogue without the words gets the English ones.
    expect(formatSummary(game.run)).toMatch(/^US\s+state\s+tit-for-tat\s+\d/m);
    const { playedByPeople: _words, ...old } = REPORT_EN;
    expect(formatSummary(game.run, old, { players: game.humans })).toBe(table);
  });

  it('a finished game is reported whole', () => {
    const game = gameAfter(8);
    expect(game.turn).toBeNull();
    write('done.json', game);
    expect(detente('report', 'done.json', '--md', 'done.md').status).toBe(0);
    expect(readFileSync(join(tmp, 'done.md'), 'utf8')).toMatch(/seed 5, 8 rounds/);
  });

  it('refuses --seed and --rounds, a game with no round played, and a save that no longer replays (exit 2, nothing written)', () => {
    write('fresh.json', gameAfter(0));
    expectInputError(detente('report', 'fresh.json', '--md', 'x.md'), /'fresh\.json' is a saved game in which no round has been played yet/);
    write('game2.json', gameAfter(2));
    expectInputError(detente('report', 'game2.json', '--md', 'x.md', '--seed', '3'), /--seed and --rounds apply to a scenario; 'game2\.json' is a saved game/);
    const save = JSON.parse(readFileSync(join(tmp, 'game2.json'), 'utf8')) as { seed: number };
    save.seed = 6;
    writeFileSync(join(tmp, 'edited.json'), JSON.stringify(save));
    expectInputError(detente('report', 'edited.json', '--md', 'x.md'), /^detente: edited\.json: the saved game does not replay/);
    expect(() => readFileSync(join(tmp, 'x.md'))).toThrow();
  });

  it('a saved game that is not valid JSON gets its line and column; a .json that cannot be read is named (it was an unexpected error)', () => {
    writeFileSync(join(tmp, 'broken.json'), '{"format": "detente-play",\n "seed": NaN}');
    expectInputError(detente('report', 'broken.json', '--md', 'x.md'), /broken\.json: 1 problem\n {2}- line 2, column 10: expected valid JSON/);
    if (existsSync('/proc/self/mem')) {
      symlinkSync('/proc/self/mem', join(tmp, 'mem.json'));
      expectInputError(detente('report', 'mem.json', '--md', 'x.md'), /mem\.json: 1 problem\n {2}- \(file\): expected a readable file, received cannot read it \(EIO\)/);
    }
  });

  it('a missing .json named like a bundled scenario gets a did-you-mean, as a missing scenario does', () => {
    expectInputError(detente('report', 'us-china-2015.json', '--md', 'x.md'), /us-china-2015\.json: 1 problem\n {2}- \(file\): expected an existing saved run .*, received nothing at 'us-china-2015\.json' \(did you mean the bundled scenario 'us-china-2015'\?\)/);
    expectInputError(detente('report', 'elsewhere/us-china-2015.json', '--md', 'x.md'), /nothing at 'elsewhere\/us-china-2015\.json'$/m);
  });
});
