import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parseScenario } from '../../../src/index.js';
import { compare } from './helpers.js';

const scenario = parseScenario(readFileSync(new URL('../../../scenarios/us-china-2015.yaml', import.meta.url), 'utf8'), { source: 'us-china-2015.yaml' });

describe('flat path on us-china-2015', () => {
  for (const seed of [1, 2, 3, 4, 5, 7, 42, 'flat']) {
    it(`equals the general path, ${scenario.rounds} rounds, seed ${String(seed)}`, () => compare(scenario.spec, seed, scenario.rounds));
  }
  for (const rounds of [0, 1, 12, 60]) it(`equals the general path after ${rounds} rounds (seed 9)`, () => compare(scenario.spec, 9, rounds));
});
