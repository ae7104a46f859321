import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario } from '../../src/index.js';

const schema = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), 'scenario.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const good = { name: 'ok', rounds: 3, actors: [{ id: 'A' }, { id: 'B' }] };
const terms = (t: unknown) => ({ ...good, agreements: [{ parties: ['A', 'B'], terms: [t] }] });
const operation = (fields: Record<string, unknown>) => ({ ...good, injects: [{ round: 1, type: 'operation', actor: 'A', target: 'B', ...fields }] });

/** Whether parseScenario accepts the document (any other error than a ScenarioError fails the test). */
function parses(doc: unknown): boolean {
  try {
    parseScenario(doc);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return false;
  }
}

describe('the schema and the parser agree on dates, commitments and operations', () => {
  const cases: [string, unknown, boolean][] = [
    ['30 February', { ...good, calendar: { unit: 'day', start: '2015-02-30' } }, false],
    ['31 April', { ...good, calendar: { unit: 'day', start: '2015-04-31' } }, false],
    ['31 November', { ...good, calendar: { unit: 'day', start: '2015-11-31' } }, false],
    ['30 April', { ...good, calendar: { unit: 'day', start: '2015-04-30' } }, true],
    ['29 February of a leap year', { ...good, calendar: { unit: 'day', start: '2016-02-29' } }, true],
    ['a month alone', { ...good, calendar: { unit: 'month', start: '2015-02' } }, true],
    ['a hotline with norms', terms({ kind: 'hotline', norms: ['gge15.f'] }), false],
    ['a norms commitment without norms', terms({ kind: 'norms' }), false],
    ['a norms commitment with norms', terms({ kind: 'norms', norms: ['gge15.f'] }), true],
    ['a next round without rounds', terms({ kind: 'next-round' }), false],
    ['a next round every 0 rounds', terms({ kind: 'next-round', rounds: 0 }), false],
    ['a next round every 3 rounds', terms({ kind: 'next-round', rounds: 3 }), true],
    ['assistance with a deadline of 0', terms({ kind: 'assistance', rounds: 0 }), true],
    ['a hotline with rounds', terms({ kind: 'hotline', rounds: 2 }), false],
    ['a commercial disruption', operation({ kind: 'disruption', commercial: true }), false],
    ['a commercial espionage', operation({ kind: 'espionage', commercial: true }), true],
    ['a non-commercial degradation', operation({ kind: 'degradation', commercial: false }), true],
    ['an actor called constructor', { ...good, actors: [{ id: 'constructor' }, { id: 'B' }] }, false],
    ['a forum called constructor', { ...good, forums: [{ id: 'constructor', members: ['A', 'B'] }] }, true],
  ];

  it.each(cases)('%s', (_what, doc, ok) => {
    expect(parses(doc)).toBe(ok);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(ok);
  });
});
