// A game of a what-if (`detente play --set PATH=V`): the changes are written into the scenario,
// kept in the save, said under the game's heading and in the report of the save, and held to the
// saved scenario when the game is resumed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseScenario, PlayGame, resumeGame, saveGame, scenarioAt } from '../../src/index.js';
import { cli, cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const duel = parseScenario(readFileSync(duelFixture, 'utf8'), { source: 'duel.yaml' });
const settings = { 'mechanisms.detection.scale': 2, 'actors.CN.strategy': 'hawk' };
const whatIf = scenarioAt(duel.document, settings);
const LINE = 'A what-if: changed from the scenario file, mechanisms.detection.scale = 2, actors.CN.strategy = hawk.';

/** A game of the what-if with a round played, saved and read back as JSON. */
function savedGame(): Record<string, unknown> {
  const game = PlayGame.start({ scenario: whatIf, humans: ['US'], seed: 4, rounds: 3, settings });
  while (game.turn !== null && game.roundsPlayed < 1) {
    if (game.turn.request) game.answer({ type: 'ignore' });
    else game.finishTurn();
  }
  return JSON.parse(JSON.stringify(saveGame(game))) as Record<string, unknown>;
}

const configMessage = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('a game of a what-if, through the library', () => {
  it('keeps its settings in the save and gets them back on resuming', () => {
    const data = savedGame();
    expect(data.settings).toEqual(settings);
    const game = resumeGame(data, { source: 'class.json' });
    expect(game.settings).toEqual(settings);
    expect(Object.isFrozen(game.settings)).toBe(true);
    expect(saveGame(game)).toEqual(data);
    // A game of the file as written has none, and its save no such field.
    const plain = PlayGame.start({ scenario: duel, humans: ['US'] });
    expect(plain.settings).toBeUndefined();
    expect('settings' in saveGame(plain)).toBe(false);
    expect(PlayGame.start({ scenario: duel, humans: ['US'], settings: {} }).settings).toBeUndefined();
  });

  it('refuses settings that the scenario does not hold, at the start and in a save', () => {
    expect(configMessage(() => PlayGame.start({ scenario: duel, humans: ['US'], settings }))).toMatch(/settings\.mechanisms\.detection\.scale: expected the value of mechanisms\.detection\.scale in the scenario played \(its document\), received 2/);
    const edited = { ...savedGame(), settings: { ...settings, 'mechanisms.detection.scale': 3 } };
    const message = configMessage(() => resumeGame(edited, { source: 'class.json' }));
    expect(message).toContain('class.json');
    expect(message).toContain('settings.mechanisms.detection.scale');
    expect(message).not.toContain('actors.CN.strategy');
    expect(configMessage(() => resumeGame({ ...savedGame(), settings: 'detection=2' }, { source: 'class.json' }))).toContain('settings: expected the changed parameters, path → value (an object)');
    // A game of fewer rounds than its scenario's says so by `rounds`, not by a rounds setting.
    const six = scenarioAt(duel.document, { rounds: 6 });
    expect(configMessage(() => PlayGame.start({ scenario: six, humans: ['US'], rounds: 4, settings: { rounds: 6 } }))).toContain('settings.rounds: expected 4, the rounds played, received 6');
  });
});

describe('detente play --set', () => {
  const { tmp } = cliHarness('detente-play-set-');
  const play = (input: readonly string[], ...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: tmp, input: input.map((l) => `${l}\n`).join('') });

  it('says the changes under the heading, keeps them in the save, and the report of the save says them too', () => {
    const r = play(['pass', 'pass', 'pass', 'quit'], 'play', duelFixture, '--as', 'US', '--rounds', '3', '--save', 'class.json', '--set', 'mechanism.detection.scale=2', '--set', 'actors.CN.strategy=hawk');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['A duel with a hotline — seed 3, 3 rounds. You play US; CN, APT follow their strategies.', LINE]);
    const saved = JSON.parse(readFileSync(join(tmp, 'class.json'), 'utf8')) as { settings?: unknown; scenario: { mechanisms?: unknown } };
    expect(saved.settings).toEqual(settings);
    expect(saved.scenario.mechanisms).toEqual({ detection: { scale: 2 } });
    const resumed = play(['quit'], 'play', '--resume', 'class.json');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout.split('\n')[1]).toBe(LINE);
    // Naming the file the game came from: compared with the what-if's changes made.
    expect(play(['quit'], 'play', duelFixture, '--resume', 'class.json').status).toBe(0);
    expect(play([], 'report', 'class.json', '--md', 'class.md').status).toBe(0);
    expect(readFileSync(join(tmp, 'class.md'), 'utf8').split('\n')).toContain(LINE);
  });

  it('refuses --set with --resume, a list of values, and --set rounds with --rounds', () => {
    expect(play(['quit'], 'play', duelFixture, '--as', 'US', '--save', 'again.json').status).toBe(0);
    expectInputError(play(['quit'], 'play', '--resume', 'again.json', '--set', 'mechanism.detection.scale=2'), /--set applies to a new game; 'again\.json' is a saved game, resumed as it was set up/);
    expectInputError(play(['quit'], 'play', duelFixture, '--as', 'US', '--set', 'mechanism.detection.scale=1,2'), /gives 2 values: play takes one value per --set; to run several, use 'detente sweep/);
    expectInputError(play(['quit'], 'play', duelFixture, '--as', 'US', '--rounds', '2', '--set', 'rounds=3'), /--rounds 2 and --set rounds=3 both set the number of rounds/);
    expectInputError(play(['quit'], 'play', duelFixture, '--as', 'US', '--set', 'mechanism.nope.x=1'), /--set: 1 problem\n {2}- mechanisms\.nope\.x: expected a mechanism coefficient/);
    // The strategy of an actor people play never decides.
    expectInputError(play(['quit'], 'play', duelFixture, '--as', 'us', '--set', 'actors.US.strategy.threshold=0.5'), /^detente: --set actors\.US\.strategy\.threshold: US is played by people \(--as\), so its strategy never decides; leave this --set out, or play another actor\n$/);
    expectInputError(play(['quit'], 'play', duelFixture, '--as', 'CN,US', '--set', 'actors.US.strategy=hawk'), /--set actors\.US\.strategy: US is played by people/);
    expect(play(['quit'], 'play', duelFixture, '--as', 'CN', '--set', 'actors.US.strategy=hawk').status).toBe(0);
  });
});
