// bench/three-builtins.yaml times sweeps of the same 3-actor world that bench/compare.mjs times
// with simulate (mixSpec(3)); if the two drifted apart, the sweep and throughput figures of
// docs/performance.md would no longer describe the same runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../src/index.js';
import { mixSpec } from '../../bench/workload.mjs';

describe('the benchmark scenario file', () => {
  it('plays the same runs as the benchmark world mixSpec(3)', () => {
    const path = new URL('../../bench/three-builtins.yaml', import.meta.url);
    const scenario = parseScenario(readFileSync(path, 'utf8'), { source: 'bench/three-builtins.yaml' });
    expect(scenario.rounds).toBe(24);
    for (const seed of [1, 2, 3]) {
      const fromFile = simulate(scenario.spec, { seed, rounds: scenario.rounds });
      const fromCode = simulate(mixSpec(3), { seed, rounds: 24 });
      expect(fromFile.log.length).toBeGreaterThan(50);
      expect(JSON.stringify(fromFile.log)).toBe(JSON.stringify(fromCode.log));
    }
  });
});
