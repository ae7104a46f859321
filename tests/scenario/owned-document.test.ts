/**
 * A scenario owns its document: it is frozen, and a document handed in as an object is copied, so
 * changing the caller's object afterwards changes nothing (a game replays from the document, and
 * a sweep's scenario tag is cached by it).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, PlayGame, resumeGame, saveGame, scenarioTag } from '../../src/index.js';

const text = 'name: owned\nrounds: 3\nactors:\n  - { id: A, strategy: hawk }\n  - { id: B, strategy: dove }\ninjects:\n  - { round: 1, type: note, text: hello }\n';

describe('the scenario document', () => {
  it('is frozen when parsed from text', () => {
    const s = parseScenario(text);
    expect(Object.isFrozen(s.document)).toBe(true);
    expect(Object.isFrozen(s.document.actors[0])).toBe(true);
    expect(() => (s.document.actors as unknown[]).push({ id: 'C' })).toThrow(TypeError);
  });

  it('is a copy when handed in as an object: the caller can still change its own, and that changes nothing', () => {
    const mine = { name: 'owned', rounds: 3, actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'dove' }], injects: [{ round: 1, type: 'note', text: 'hello' }] };
    const s = parseScenario(mine);
    const tag = scenarioTag(s.document);
    mine.actors.push({ id: 'C', strategy: 'hawk' });
    (mine.injects[0] as { text: string }).text = 'changed';
    expect(Object.isFrozen(mine.injects[0])).toBe(false);
    expect(s.document.actors).toHaveLength(2);
    expect(s.document.injects?.[0]).toMatchObject({ text: 'hello' });
    expect(scenarioTag(parseScenario(text).document)).toBe(tag);
  });

  it('a game started from it still replays from its save', () => {
    const s = parseScenario(text);
    const game = PlayGame.start({ scenario: s, humans: ['A'] });
    expect(() => ((s.document as { name: string }).name = 'other')).toThrow(TypeError);
    expect(saveGame(resumeGame(JSON.parse(JSON.stringify(saveGame(game))))).progress.logHash).toBe(saveGame(game).progress.logHash);
  });
});
