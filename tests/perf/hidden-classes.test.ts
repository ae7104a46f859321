// Once warm, a run must make no new V8 hidden class. Objects that each get a class of their own
// (a literal opening with a spread, then frozen or given a key: src/model/record.ts) make every
// run pay for new classes, and keep their objects through young-generation collections; five such
// objects a run went unnoticed through eleven passes of profiling (docs/performance.md, twelfth
// pass). Counted with V8's own map log, in a child process over the built package.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hiddenClassesMade } from '../../bench/runs.mjs';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist/index.js');
const files = {
  'three-builtins': join(root, 'bench/three-builtins.yaml'),
  'us-china-2015': join(root, 'scenarios/us-china-2015.yaml'),
} as const;

describe('hidden classes', () => {
  // 100 more runs. Before the twelfth pass they made 200 more classes with bench/three-builtins.yaml
  // (500 with the strategies named in code, which makes them run by run) and 450 more on
  // us-china-2015 (bench/collector.mjs). Not exactly 0: when the compiler optimises (on another
  // thread) can shift a few field generalisations; far fewer than one a run.
  for (const world of ['three-builtins', 'us-china-2015'] as const) {
    it(`are not made run after run once warm (${world})`, () => {
      const warm = hiddenClassesMade(dist, files[world], 200, 100);
      const more = hiddenClassesMade(dist, files[world], 200, 200);
      expect(warm).toBeGreaterThan(100);
      expect(more - warm).toBeLessThan(20);
    });
  }
});
