// Once warm, a run must make no new V8 hidden class. Objects that each get a class of their own
// (a literal opening with a spread, then frozen or given a key: src/model/record.ts) make every
// run pay for new classes, and keep their objects through young-generation collections; five such
// objects a run went unnoticed through eleven passes of profiling (docs/performance.md, twelfth
// pass). Counted with V8's own map log, in a child process over the built package.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'detente-maps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Hidden classes V8 made in a process that plays `runs` runs of `world` after a warm-up of 200
 * (its map log's events, less `NormalizeCached`, which reuses a class).
 */
function classesMade(world: 'three-builtins' | 'us-china-2015', runs: number): number {
  const log = join(dir, `${world}-${runs}.log`);
  const script = `
    import { readFileSync } from 'node:fs';
    import { parseScenario, simulate } from ${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)};
    const file = ${JSON.stringify(world === 'us-china-2015' ? join(root, 'scenarios/us-china-2015.yaml') : join(root, 'bench/three-builtins.yaml'))};
    const scenario = parseScenario(readFileSync(file, 'utf8'), { source: file });
    for (let seed = 1; seed <= 200 + ${runs}; seed++) simulate(scenario.spec, { seed, rounds: scenario.rounds, log: false });
  `;
  execFileSync(process.execPath, ['--log-maps', '--no-log-maps-details', `--logfile=${log}`, '--no-logfile-per-isolate', '--input-type=module', '-e', script]);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('map,') && !line.startsWith('map,NormalizeCached')).length;
}

describe('hidden classes', () => {
  // 100 more runs. Before the twelfth pass they made 500 more classes at 3 × 24 and 430 more on
  // us-china-2015. Not exactly 0: when the compiler optimises (on another thread) can shift a
  // few field generalisations; far fewer than one a run.
  for (const world of ['three-builtins', 'us-china-2015'] as const) {
    it(`are not made run after run once warm (${world})`, () => {
      const warm = classesMade(world, 100);
      const more = classesMade(world, 200);
      expect(warm).toBeGreaterThan(100);
      expect(more - warm).toBeLessThan(20);
    });
  }
});
