// The words for leaving a game whose save failed came after the first catalogues: one written
// before them still compiles and gets the English words, and a catalogue's own words are used.
import { describe, expect, it } from 'vitest';
import { parseLeaveCommand } from '../../src/play/commands.js';
import { laterText, PLAY_EN } from '../../src/text/play.en.js';
import type { PlayText } from '../../src/text/play.en.js';

describe('leaving a game whose save failed, in a catalogue of its own', () => {
  const { quitSaveFailed: _a, quitWithoutSaving: _b, gameOverSaveFailed: _c, gameOverPrompt: _d, gameOverCommands: _e, eofRescued: _f, eofLost: _g, ...older } = PLAY_EN;
  // Typed as a catalogue: this line compiles only while the words are optional.
  const before: PlayText = older;

  it('keeps every word in PLAY_EN, typed as given (Required<PlayText>: a caller uses them without a check)', () => {
    expect(PLAY_EN.gameOverPrompt).toBe('game over> ');
    expect(PLAY_EN.whatIf('rounds = 4')).toBe('A what-if: changed from the scenario file, rounds = 4.');
    expect(PLAY_EN.quitSaveFailed('g.json')).toBe(laterText(PLAY_EN).quitSaveFailed('g.json'));
  });

  it('gets the English words where the catalogue has none', () => {
    const english = laterText(PLAY_EN);
    const words = laterText(before);
    expect(words.gameOverPrompt).toBe('game over> ');
    expect(words.quitSaveFailed('g.json')).toBe(english.quitSaveFailed('g.json'));
    expect(words.eofLost(3, 'a, b')).toBe(english.eofLost(3, 'a, b'));
    expect(parseLeaveCommand('pass', before)).toEqual({ ok: false, message: english.gameOverCommands });
  });

  it("uses the catalogue's own words where it has them", () => {
    const own: PlayText = { ...before, gameOverCommands: 'Partie finie : save FICHIER, puis quit.', gameOverPrompt: 'fin> ' };
    expect(parseLeaveCommand('pass', own)).toEqual({ ok: false, message: 'Partie finie : save FICHIER, puis quit.' });
    expect(laterText(own).gameOverPrompt).toBe('fin> ');
    expect(laterText(own).quitWithoutSaving(2)).toBe(laterText(PLAY_EN).quitWithoutSaving(2));
  });
});
