// Scenario text in the debrief renders as text: no strikethrough, no list or rule made from a
// description that starts like one, and no line break from a lone carriage return (a Markdown line
// ending) that would split a heading or a table row.
import { describe, expect, it } from 'vitest';
import { parseScenario, renderDebrief } from '../../src/index.js';
import { markdownText } from '../../src/report/debrief.js';
import { sourceOf } from './helpers.js';

describe('markdownText', () => {
  it('escapes what would start a list, a rule or a strikethrough, and keeps one line', () => {
    expect(markdownText('1. Students play the US')).toBe('1\\. Students play the US');
    expect(markdownText('2) then')).toBe('2\\) then');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('+ item')).toBe('\\+ item');
    expect(markdownText('---')).toBe('\\---');
    expect(markdownText('===')).toBe('\\===');
    expect(markdownText('~~gone~~')).toBe('\\~\\~gone\\~\\~');
    expect(markdownText('cell\rnext|row')).toBe('cell next\\|row');
    expect(markdownText('a\r\nb\nc')).toBe('a b c');
  });

  it('leaves numbers and text that only look alike as they are', () => {
    for (const s of ['-1.2', '0.50 / 0.25', '2015 Q1', 'US–CN', 'L4 sanctions or indictments', 'x - y']) expect(markdownText(s)).toBe(s);
  });

  it('a description that starts like a list stays a paragraph of the debrief', () => {
    const scenario = parseScenario({ name: 'lists', description: '1. Students play the US\n- and China ~~not~~ Russia', rounds: 2, actors: [{ id: 'US', strategy: 'passive' }, { id: 'CN', strategy: 'passive' }] });
    const md = renderDebrief(sourceOf(scenario));
    expect(md.split('\n')).toContain('1\\. Students play the US - and China \\~\\~not\\~\\~ Russia');
  });
});
