import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { ACTOR_KINDS } from '../../src/model/actor.js';
import { COMMITMENT_KINDS, SANCTION_MEASURES } from '../../src/model/agreement.js';
import { CAPABILITY_KEYS } from '../../src/model/capability.js';
import { INJECT_TYPES } from '../../src/model/inject.js';
import { GGE15_NORM_IDS } from '../../src/model/norms.js';
import { OPERATION_KINDS, OPERATION_TARGETS } from '../../src/model/operation.js';

// The published schema is data, so it holds its own copies of the lists: these tests are what keeps
// them the lists the checker reads (an editor would otherwise accept what `validate` refuses).
const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenarios/scenario.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Every `enum` of the schema, by its JSON path. */
function enums(): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${at}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'enum') out.set(at, v as unknown[]);
        else walk(v, `${at}/${k}`);
      }
    }
  };
  walk(schema, '');
  return out;
}

describe('the scenario schema lists what the checker accepts', () => {
  it('its lists of allowed values are the model lists', () => {
    const e = enums();
    expect(e.get('/$defs/actor/properties/kind')).toEqual([...ACTOR_KINDS]);
    expect(e.get('/$defs/terms/items/properties/kind')).toEqual([...COMMITMENT_KINDS]);
    expect(e.get('/$defs/inject/properties/type')).toEqual([...INJECT_TYPES, 'indictment', 'leak', 'summit', 'sanctions-threat']);
    expect(e.get('/$defs/inject/oneOf/0/properties/kind')).toEqual([...OPERATION_KINDS]);
    expect(e.get('/$defs/inject/oneOf/0/properties/against')).toEqual([...OPERATION_TARGETS]);
    expect(e.get('/$defs/inject/oneOf/5/properties/capability')).toEqual([...CAPABILITY_KEYS]);
    expect(e.get('/$defs/norm')).toEqual([...GGE15_NORM_IDS]);
    const measures = [...e.entries()].filter(([path]) => path.endsWith('/properties/measure'));
    expect(measures.length).toBeGreaterThanOrEqual(3);
    for (const [, list] of measures) expect(list).toEqual([...SANCTION_MEASURES]);
  });

  it('takes the same terms as the checker: which kinds take norms and rounds, and from how many rounds', () => {
    const variants = [{}, { norms: ['gge15.f'] }, { rounds: 0 }, { rounds: 1 }, { norms: ['gge15.f'], rounds: 1 }];
    for (const kind of COMMITMENT_KINDS) {
      for (const extra of variants) {
        const doc = { name: 'terms', rounds: 3, actors: [{ id: 'A' }, { id: 'B' }], agreements: [{ parties: ['A', 'B'], terms: [{ kind, ...extra }] }] };
        let parsed = true;
        try {
          parseScenario(doc);
        } catch {
          parsed = false;
        }
        expect(validate(doc), `${kind} ${JSON.stringify(extra)}`).toBe(parsed);
      }
    }
  });
});
