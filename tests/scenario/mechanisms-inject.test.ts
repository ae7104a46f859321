import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MECHANISMS, narrateRun, parseScenario, ScenarioError, simulate } from '../../src/index.js';
import type { ScenarioDocument } from '../../src/index.js';

const schema = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), 'scenario.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const doc = (set: unknown): ScenarioDocument =>
  ({
    name: 'forensics-improve',
    rounds: 8,
    actors: [
      { id: 'A', strategy: 'hawk' },
      { id: 'B', strategy: 'tit-for-tat' },
    ],
    injects: [{ round: 4, type: 'mechanisms', set, text: 'A forensic alliance shares tooling' }],
  }) as unknown as ScenarioDocument;

describe('a mechanisms inject (coefficients that change during a run)', () => {
  it('changes the coefficients from its round on, says so in the story, and the run replays', () => {
    const scenario = parseScenario(doc({ detection: { scale: 2 }, trust: { decay: 0.8 } }));
    const run = simulate(scenario.spec, { seed: 5, rounds: scenario.rounds });
    expect(run.initial.mechanisms.detection.scale).toBe(DEFAULT_MECHANISMS.detection.scale);
    expect(run.world.mechanisms.detection.scale).toBe(2);
    expect(run.world.mechanisms.trust.decay).toBe(0.8);
    // Only what was set changes.
    expect(run.world.mechanisms.identification).toEqual(DEFAULT_MECHANISMS.identification);
    const story = narrateRun(run).join('\n');
    expect(story).toContain('⚙ From this round on: detection.scale = 2, trust.decay = 0.8.');
    expect(story).toContain('A forensic alliance shares tooling');
  });

  it('is described by the JSON Schema', () => {
    expect(validate(doc({ detection: { scale: 2 } })), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(doc({ detection: { scael: 2 } }))).toBe(false);
    expect(validate({ ...doc({}), injects: [{ round: 1, type: 'mechanisms' }] })).toBe(false);
  });

  it('reports an unknown section or coefficient by path, with a suggestion, and a missing set', () => {
    const problems = (d: ScenarioDocument): string => {
      try {
        parseScenario(d);
      } catch (e) {
        if (e instanceof ScenarioError) return e.message;
        throw e;
      }
      throw new Error('expected a ScenarioError');
    };
    expect(problems(doc({ detecton: { scale: 2 } }))).toMatch(/injects\[0\]\.set\.detecton[\s\S]*detection/);
    expect(problems(doc({ detection: { scael: 2 } }))).toMatch(/injects\[0\]\.set\.detection\.scael[\s\S]*scale/);
    expect(problems(doc({ detection: { scale: 'high' } }))).toMatch(/injects\[0\]\.set\.detection\.scale/);
    expect(problems({ ...doc({}), injects: [{ round: 1, type: 'mechanisms' }] } as unknown as ScenarioDocument)).toMatch(/injects\[0\][\s\S]*set/);
  });
});
