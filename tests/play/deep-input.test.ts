// Saved games nested too deep, cyclic, or shared over and over: printing "format" overflowed the
// stack (a RangeError; `detente play --resume` said "unexpected error", exit 1), a cycle threw a
// TypeError, and shared parts made the checks never end. Each is now a PlayError with the path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, PlayError, PlayGame, resumeGame, saveGame } from '../../src/index.js';
import { cliHarness } from '../helpers/cli.js';
import { scenarioFile } from '../report/helpers.js';
import { nested } from '../helpers/data.js';

const duel = scenarioFile('tests/e2e/fixtures/duel.yaml');
const save = (): Record<string, unknown> => JSON.parse(JSON.stringify(saveGame(PlayGame.start({ scenario: duel, humans: ['US'], seed: 1, rounds: 3 })))) as Record<string, unknown>;


function playError(data: unknown): PlayError {
  try {
    resumeGame(data, { source: 'game.json' });
  } catch (e) {
    expect(e).toBeInstanceOf(PlayError);
    return e as PlayError;
  }
  throw new Error('expected a PlayError');
}

describe('resumeGame on data nested too deep, cyclic or shared', () => {
  it('names the deep field, whichever it is', () => {
    for (const [field, path] of [
      ['format', 'format[0][0][0]…'],
      ['queued', 'queued[0][0][0]…'],
      ['scenario', 'scenario[0][0][0]…'],
    ] as const) {
      const e = playError({ ...save(), [field]: nested(100_000) });
      expect(e.message).toBe(`game.json is not a saved Détente game: ${path}: expected lists and objects nested at most 64 levels deep, found deeper nesting`);
    }
  });

  it('names a cycle, and refuses parts shared over and over at once', () => {
    const s = save();
    const turn: Record<string, unknown> = { round: 0 };
    turn.back = [turn];
    s.progress = { ...(s.progress as object), turn };
    expect(playError(s).message).toMatch(/progress\.turn\.back\[0\]: expected plain data, found a reference to a list or object that contains it \(a cycle\)/);
    let shared: unknown = 1;
    for (let i = 0; i < 60; i++) shared = [shared, shared];
    expect(playError({ ...save(), scenario: { ...parseScenario('name: x\nrounds: 2\nactors: [{ id: A }, { id: B }]').document, notes: shared } }).message).toMatch(/scenario\.notes\[0\]\[0\]…: .*shared so often/);
  });

  it('a save within the limit resumes as before', () => {
    expect(resumeGame(save(), { source: 'game.json' }).run.world.round).toBe(0);
  });
});

describe('detente play --resume on a deep file', () => {
  const { tmp, detente } = cliHarness('detente-deep-play-');
  it('exits 2 naming the file and the field, never an unexpected error', () => {
    writeFileSync(join(tmp, 'deep.json'), `{"format":${'['.repeat(100_000)}${']'.repeat(100_000)},"version":1}`);
    const r = detente('play', '--resume', 'deep.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/deep\.json is not a saved Détente game: format\[0\]\[0\]\[0\]…: expected lists and objects nested at most 64 levels deep/);
    expect(r.stderr).not.toMatch(/unexpected error|call stack|\n\s+at /);
  });
});
