import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../src/index.js';

/**
 * Pins the event log of the default scenario for seed 1. The hash changes whenever a mechanism,
 * a coefficient, a strategy or the scenario changes what happens — which is the point: such a
 * change must be deliberate. To accept a deliberate change, regenerate the pin and commit it with
 * the change, saying why in the commit message:
 *
 *   UPDATE_GOLDEN=1 npx vitest run tests/e2e/golden.test.ts
 */
const root = resolve(import.meta.dirname, '../..');
const pin = resolve(import.meta.dirname, 'golden/us-china-2015.seed-1.json');

describe('golden run of the default scenario', () => {
  it('us-china-2015 with seed 1 produces the pinned event log', () => {
    const scenario = parseScenario(readFileSync(resolve(root, 'scenarios/us-china-2015.yaml'), 'utf8'), { source: 'us-china-2015.yaml' });
    const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds });
    const text = JSON.stringify(run.log);
    const actual = {
      scenario: scenario.name,
      seed: 1,
      rounds: scenario.rounds,
      events: run.log.length,
      sha256: createHash('sha256').update(text).digest('hex'),
      peakRung: run.metrics.at(-1)?.peakRung,
    };
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(pin, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(pin), `no pin at ${pin}: run UPDATE_GOLDEN=1 npx vitest run tests/e2e/golden.test.ts`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(pin, 'utf8')));
  });
});
