import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { scenarioIssuesOf as issuesOf } from '../helpers/issues.js';

const actors = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];
const doc = (dyads: unknown[]) => ({ name: 'relations', rounds: 3, actors, dyads });

describe('a relation set by two dyad entries', () => {
  it('once through mutual, then directly: refused, naming both entries (QA: B → A silently started at 0.9)', () => {
    expect(issuesOf(doc([{ from: 'A', to: 'B', trust: 0.2, mutual: true }, { from: 'B', to: 'A', trust: 0.9 }]))).toEqual([
      { path: 'dyads[1]', expected: 'each relation set by one entry only', received: 'B → A, already set by dyads[0] (mutual)' },
    ]);
  });

  it('directly twice, or directly then through mutual: refused, once per entry', () => {
    expect(issuesOf(doc([{ from: 'A', to: 'B', trust: 0.2 }, { from: 'C', to: 'A' }, { from: 'A', to: 'B', tension: 2 }]))).toEqual([
      { path: 'dyads[2]', expected: 'each relation set by one entry only', received: 'A → B, already set by dyads[0]' },
    ]);
    expect(issuesOf(doc([{ from: 'B', to: 'A', trust: 0.2 }, { from: 'A', to: 'B', trust: 0.3, mutual: true }]))).toEqual([
      { path: 'dyads[1]', expected: 'each relation set by one entry only', received: 'B → A (mutual), already set by dyads[0]' },
    ]);
    expect(issuesOf(doc([{ from: 'A', to: 'B', mutual: true }, { from: 'B', to: 'A', mutual: true }, { from: 'A', to: 'B' }])).map((i) => i.path)).toEqual(['dyads[1]', 'dyads[2]']);
  });

  it('the two directions set by two entries, and other pairs, are fine', () => {
    const s = parseScenario(doc([{ from: 'A', to: 'B', trust: 0.2 }, { from: 'B', to: 'A', trust: 0.9 }, { from: 'A', to: 'C', trust: 0.4, mutual: true }, { from: 'B', to: 'C' }]));
    expect(s.spec.dyads).toHaveLength(4);
  });

  it('an entry with an undeclared end is reported as that, not as a repeat', () => {
    expect(issuesOf(doc([{ from: 'A', to: 'X' }, { from: 'A', to: 'X' }])).map((i) => `${i.path} ${i.received}`)).toEqual(['dyads[0].to "X"', 'dyads[1].to "X"']);
  });
});
