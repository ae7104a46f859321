/**
 * A misspelt name in a game's setup, in `resumeGame`'s options or in the options of the report
 * sources is refused with a "did you mean": `round: 3` was dropped and the game played the
 * scenario's rounds; `regsitry` was dropped and the save's strategies looked up among the built-ins.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry, PlayGame, reportSource, reportSourceFromRecord, resumeGame, runRecord, saveGame, scenarioBuilder, simulate } from '../../src/index.js';
import type { GameSetup } from '../../src/index.js';
import { configErrorOf } from '../helpers/issues.js';

const scenario = scenarioBuilder('duel').rounds(4).actor({ id: 'US', strategy: 'hawk' }).actor({ id: 'CN', strategy: 'dove' }).build();

describe('a game refuses names it does not know', () => {
  it('PlayGame.start: round for rounds; every field of its setup still taken', () => {
    expect(PlayGame.start({ scenario, humans: ['US'], seed: 1, rounds: 2, text: undefined as never, settings: {}, registry: createRegistry() }).humans).toEqual(['US']);
    const setup = { scenario, humans: ['US'], round: 2 };
    const e = configErrorOf(() => PlayGame.start(setup as GameSetup));
    expect(e.issues).toEqual([{ path: 'round', expected: 'one of the options scenario, humans, seed, rounds, text, settings, registry', received: 'an unknown option', hint: "did you mean 'rounds'?" }]);
  });

  it('resumeGame: regsitry for registry; its own names still taken', () => {
    const saved = JSON.parse(JSON.stringify(saveGame(PlayGame.start({ scenario, humans: ['US'], rounds: 2 })))) as unknown;
    expect(resumeGame(saved, { source: 'game.json', registry: createRegistry() }).humans).toEqual(['US']);
    const e = configErrorOf(() => resumeGame(saved, { regsitry: createRegistry() } as never));
    expect(e.source).toBe('resumeGame');
    expect(e.issues.map((i) => [i.path, i.hint])).toEqual([['options.regsitry', "did you mean 'registry'?"]]);
  });
});

describe('the report sources refuse option names they do not know', () => {
  const run = simulate(scenario.spec, { seed: 1, rounds: 2 });

  it('reportSource: setings for settings', () => {
    expect(reportSource(scenario, run, 1, { settings: {} }).seed).toBe(1);
    const e = configErrorOf(() => reportSource(scenario, run, 1, { setings: { rounds: 2 } } as never));
    expect(e.source).toBe('reportSource');
    expect(e.issues.map((i) => [i.path, i.hint])).toEqual([['options.setings', "did you mean 'settings'?"]]);
  });

  it('reportSourceFromRecord: regsitry for registry', () => {
    const data = JSON.parse(JSON.stringify(runRecord(scenario, run, 1))) as unknown;
    expect(reportSourceFromRecord(data, 'run.json', { registry: createRegistry() }).seed).toBe(1);
    const e = configErrorOf(() => reportSourceFromRecord(data, 'run.json', { regsitry: createRegistry() } as never));
    expect(e.source).toBe('reportSourceFromRecord');
    expect(e.issues.map((i) => [i.path, i.hint])).toEqual([['options.regsitry', "did you mean 'registry'?"]]);
  });
});
