// What a game hands out (its run, its decisions, its queued actions) is read-only: a caller that
// changes it must not change the game, whose save must still replay. And a game starts only from
// a setup of the right shape and range.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseScenario } from '../../src/index.js';
import type { Action, Scenario, SimEvent } from '../../src/index.js';
import { PlayError, PlayGame, resumeGame, saveGame } from '../../src/play/index.js';
import type { GameSetup, HumanDecision } from '../../src/play/index.js';

const duel: Scenario = parseScenario(readFileSync(resolve(import.meta.dirname, '../e2e/fixtures/duel.yaml'), 'utf8'), { source: 'duel.yaml' });

/** A game of `rounds` rounds played by passing and ignoring, stopped after `played` of them. */
function gameAfter(played: number, rounds = 4): PlayGame {
  const game = PlayGame.start({ scenario: duel, humans: ['US'], rounds });
  while (game.turn && game.roundsPlayed < played) {
    if (game.turn.request) game.answer({ type: 'ignore' });
    else game.finishTurn();
  }
  return game;
}

const roundTrip = (game: PlayGame) => resumeGame(JSON.parse(JSON.stringify(saveGame(game))) as unknown);

describe('a game hands out read-only data', () => {
  it('its run: log, metrics and the run itself cannot be changed, and the save still replays', () => {
    const game = gameAfter(2);
    const run = game.run;
    const events = run.log.length;
    expect(events).toBeGreaterThan(0);
    const fake = { type: 'note', round: 0, phase: 'injects', text: 'forged' } as unknown as SimEvent;
    expect(() => (run.log as SimEvent[]).push(fake)).toThrow(TypeError);
    expect(() => (run.metrics as unknown[]).push({})).toThrow(TypeError);
    expect(() => (run.log as SimEvent[]).splice(0, 1)).toThrow(TypeError);
    expect(() => Object.assign(run, { log: [] })).toThrow(TypeError);
    expect(game.run.log).toHaveLength(events);
    expect(roundTrip(game).run.log).toHaveLength(events);
  });

  it('the run it handed out earlier stays as it was while the game goes on', () => {
    const game = gameAfter(1);
    const before = game.run;
    const length = before.log.length;
    while (game.turn && game.roundsPlayed < 2) {
      if (game.turn.request) game.answer({ type: 'ignore' });
      else game.finishTurn();
    }
    expect(before.log).toHaveLength(length);
    expect(before.metrics).toHaveLength(1);
    expect(game.run.metrics).toHaveLength(2);
    expect(game.run.log.length).toBeGreaterThan(length);
  });

  it('its decisions: the list and each decision in it are frozen, and the save still replays', () => {
    const game = gameAfter(2);
    const decisions = game.decisions;
    expect(decisions.length).toBeGreaterThan(0);
    const forged: HumanDecision = { round: 0, phase: 'diplomacy', actor: 'US', actions: [{ type: 'pass' }] };
    expect(() => (decisions as HumanDecision[]).push(forged)).toThrow(TypeError);
    const first = decisions[0] as HumanDecision;
    expect(() => Object.assign(first, { round: 7 })).toThrow(TypeError);
    if (first.phase !== 'responses') expect(() => (first.actions as Action[]).push({ type: 'pass' })).toThrow(TypeError);
    expect(roundTrip(game).decisions).toEqual(game.decisions);
  });

  it('its queued actions: frozen, and a copy of what was queued, so changing the original changes nothing', () => {
    const game = gameAfter(0);
    expect(game.turn?.phase).toBe('operations');
    const op = { type: 'operate', target: 'CN', kind: 'espionage' } as { type: 'operate'; target: string; kind: 'espionage' | 'disruption' };
    expect(game.queue(op)).toBeNull();
    expect(() => (game.queued as Action[]).push({ type: 'pass' })).toThrow(TypeError);
    expect(() => Object.assign(game.queued[0] as Action, { target: 'APT' })).toThrow(TypeError);
    op.kind = 'disruption';
    expect(game.queued).toEqual([{ type: 'operate', target: 'CN', kind: 'espionage' }]);
    const resumed = roundTrip(game);
    expect(resumed.queued).toEqual(game.queued);
    game.finishTurn();
    expect(game.queued).toEqual([]);
    expect(game.decisions[0]).toMatchObject({ actions: [{ type: 'operate', target: 'CN', kind: 'espionage' }] });
    expect(game.undo()).toBeUndefined();
  });
});

describe('PlayGame.start checks its setup', () => {
  const issuesOf = (setup: unknown) => {
    try {
      PlayGame.start(setup as GameSetup);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).issues;
    }
    throw new Error('expected a ConfigError');
  };

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5, 100_001, '3'])('refuses rounds = %s, naming the range', (rounds) => {
    expect(issuesOf({ scenario: duel, humans: ['US'], rounds })).toEqual([{ path: 'rounds', expected: 'a whole number of rounds from 1 to 100,000', received: typeof rounds === 'string' ? '"3"' : String(rounds) }]);
  });

  it('plays exactly the rounds asked for, from 1 up', () => {
    for (const rounds of [1, 3]) {
      const game = gameAfter(Number.POSITIVE_INFINITY, rounds);
      expect(game.finished).toBe(true);
      expect(game.roundsPlayed).toBe(rounds);
    }
  });

  it('refuses a scenario document, humans that are not a list, an empty or non-finite seed, text that is not an object', () => {
    expect(issuesOf({ scenario: duel.document, humans: ['US'] }).map((i) => i.path)).toEqual(['scenario']);
    expect(issuesOf({ scenario: duel, humans: 'US' }).map((i) => i.path)).toEqual(['humans']);
    expect(issuesOf({ scenario: duel, humans: ['US'], seed: Number.NaN }).map((i) => i.path)).toEqual(['seed']);
    expect(issuesOf({ scenario: duel, humans: ['US'], seed: '' }).map((i) => i.path)).toEqual(['seed']);
    expect(issuesOf({ scenario: duel, humans: ['US'], text: 'fr' }).map((i) => i.path)).toEqual(['text']);
    expect(issuesOf(undefined).map((i) => i.path)).toEqual(['(setup)']);
    expect(issuesOf({ scenario: duel, humans: [1], rounds: 0, seed: Number.POSITIVE_INFINITY }).map((i) => i.path)).toEqual(['humans', 'seed', 'rounds']);
  });

  it('an unknown human is still a PlayError with its did-you-mean', () => {
    expect(() => PlayGame.start({ scenario: duel, humans: ['USA'] })).toThrow(PlayError);
    expect(() => PlayGame.start({ scenario: duel, humans: ['USA'] })).toThrow(/did you mean US\?/);
  });
});
