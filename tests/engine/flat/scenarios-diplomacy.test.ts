import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parseScenario } from '../../../src/index.js';
import { compare } from './helpers.js';

// Shipped scenarios with forums, assistance and the diplomatic built-ins: the flat path must reach
// the general path's outcome on each, over several seeds and lengths.
const read = (file: string) => parseScenario(readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), 'utf8'), { source: file });

describe('flat path on shipped scenarios with forums and diplomacy', () => {
  for (const file of ['classroom-crisis.yaml', 'cyber-cold-war.yaml', 'gge-2015.yaml']) {
    const scenario = read(file);
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 42, 'flat']) it(`${file}: equals the general path, ${scenario.rounds} rounds, seed ${String(seed)}`, () => compare(scenario.spec, seed, scenario.rounds));
    for (const rounds of [20, 40]) it(`${file}: equals the general path after ${rounds} rounds (seed 9)`, () => compare(scenario.spec, 9, rounds));
  }
});
