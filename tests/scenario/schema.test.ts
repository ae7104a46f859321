import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MECHANISMS, ScenarioError, parseScenario } from '../../src/index.js';

const dir = resolve(import.meta.dirname, '../../scenarios');
const schema = JSON.parse(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const good = { name: 'ok', rounds: 3, actors: [{ id: 'A' }, { id: 'B' }] };

describe('scenarios/scenario.schema.json', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort())('accepts the bundled %s', (file) => {
    const data = parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a minimal scenario', () => {
    expect(validate(good)).toBe(true);
    expect(() => parseScenario(good)).not.toThrow();
  });

  it('describes every mechanism section and coefficient of the engine', () => {
    const mech = (schema.properties as Record<string, { properties: Record<string, { properties: Record<string, unknown> }> }>).mechanisms ?? { properties: {} };
    expect(Object.keys(mech.properties).sort()).toEqual(Object.keys(DEFAULT_MECHANISMS).sort());
    for (const [section, values] of Object.entries(DEFAULT_MECHANISMS)) expect(Object.keys(mech.properties[section]?.properties ?? {}).sort()).toEqual(Object.keys(values).sort());
  });

  it('bounds every coefficient as the parser does, at the edges and beyond', () => {
    const paths: string[][] = [];
    const walk = (node: object, at: string[]) => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'number') paths.push([...at, k]);
        else walk(v as object, [...at, k]);
      }
    };
    walk(DEFAULT_MECHANISMS, []);
    expect(paths.length).toBeGreaterThan(50);
    const refused = new Set<string>();
    for (const path of paths) {
      for (const value of [-3, -1, -0.5, 0, 0.25, 1, 1.5, 2, 7]) {
        const mechanisms = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
        const doc = { ...good, mechanisms };
        let parsed = true;
        try {
          parseScenario(doc);
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioError);
          expect((e as Error).message).toContain(`mechanisms.${path.join('.')}`);
          parsed = false;
          refused.add(path.join('.'));
        }
        expect(validate(doc), `${path.join('.')} = ${value}`).toBe(parsed);
      }
    }
    // Every coefficient refuses something (at least a negative value) except the escalation weights.
    expect([...paths.map((p) => p.join('.'))].filter((p) => !refused.has(p)).sort()).toEqual([
      'escalation.weights.deescalation',
      'escalation.weights.nonViolent',
      'escalation.weights.posturing',
      'escalation.weights.statusQuo',
      'escalation.weights.violent',
    ]);
  });

  const invalid: [string, unknown][] = [
    ['no name', { rounds: 3, actors: [{ id: 'A' }] }],
    ['a name with capitals', { ...good, name: 'Bad Name' }],
    ['zero rounds', { ...good, rounds: 0 }],
    ['fractional rounds', { ...good, rounds: 2.5 }],
    ['no actors', { ...good, actors: [] }],
    ['an unknown top-level field', { ...good, actorz: [] }],
    ['an unknown actor field', { ...good, actors: [{ id: 'A', strenght: 1 }, { id: 'B' }] }],
    ['a capability above 1', { ...good, actors: [{ id: 'A', capabilities: { offense: 1.5 } }, { id: 'B' }] }],
    ['an unknown actor kind', { ...good, actors: [{ id: 'A', kind: 'empire' }, { id: 'B' }] }],
    ['an actor called constructor', { ...good, actors: [{ id: 'constructor' }, { id: 'B' }] }],
    ['a trust of 1', { ...good, dyads: [{ from: 'A', to: 'B', trust: 1 }] }],
    ['a bad calendar unit', { ...good, calendar: { unit: 'fortnight' } }],
    ['a bad date', { ...good, calendar: { unit: 'month', start: '2015-13' } }],
    ['an unknown norm', { ...good, norms: { A: ['gge15.z'] } }],
    ['an unknown commitment', { ...good, agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'alliance' }] }] }],
    ['an agreement of one party', { ...good, agreements: [{ parties: ['A'], terms: [{ kind: 'hotline' }] }] }],
    ['an unknown inject type', { ...good, injects: [{ round: 1, type: 'invasion' }] }],
    ['an operation without a kind', { ...good, injects: [{ round: 1, type: 'operation', actor: 'A', target: 'B' }] }],
    ['a note without text', { ...good, injects: [{ round: 1, type: 'note' }] }],
    ['a field of another inject type', { ...good, injects: [{ round: 1, type: 'leak', parties: ['A', 'B'] }] }],
    ['a negative round', { ...good, injects: [{ round: -1, type: 'note', text: 'x' }] }],
    ['a forum threshold of 0', { ...good, forums: [{ id: 'f', members: ['A', 'B'], rule: { threshold: 0 } }] }],
    ['an unknown mechanism section', { ...good, mechanisms: { detecton: { scale: 1 } } }],
    ['a mechanism coefficient as text', { ...good, mechanisms: { trust: { decay: 'slow' } } }],
    ['a strategy parameter as text', { ...good, actors: [{ id: 'A', strategy: { name: 'hawk', params: { accuseAt: 'low' } } }, { id: 'B' }] }],
  ];

  it.each(invalid)('rejects %s, as parseScenario does', (_what, doc) => {
    expect(validate(doc)).toBe(false);
    expect(() => parseScenario(doc)).toThrow(ScenarioError);
  });
});
