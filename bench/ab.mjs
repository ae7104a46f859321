// A/B of two builds of the engine on the mixed built-in world, for deciding whether a change is
// faster. The machine's speed moves by ±20% within minutes, so the two builds run in one process,
// alternating blocks of runs, and the verdict is the median over several processes, half of them
// loading the builds in the other order (docs/performance.md, eighth pass).
//
//   node bench/ab.mjs OLD.js NEW.js [actors] [rounds] [seconds] [processes]
//
// OLD.js and NEW.js are ESM bundles of `src/index.ts`, e.g. of a commit and of the working tree:
//   git archive HEAD src | tar -x -C /tmp/old && npx esbuild /tmp/old/src/index.ts --bundle \
//     --format=esm --platform=node --packages=external --outfile=/tmp/old.js
// Prints one ratio per process (old time ÷ new time: above 1, NEW is faster) and their median.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mixSpec } from './workload.mjs';

const [, self, oldPath, newPath, actorsArg = '128', roundsArg = '30', secondsArg = '4', processesArg = '6'] = process.argv;
if (!oldPath || !newPath) {
  console.error('usage: node bench/ab.mjs OLD.js NEW.js [actors=128] [rounds=30] [seconds=4] [processes=6]');
  process.exit(2);
}
const actors = Number(actorsArg);
const rounds = Number(roundsArg);
const seconds = Number(secondsArg);

if (process.env.DETENTE_AB_CHILD) {
  // One process: the first bundle given is timed as A, the second as B; prints A's time ÷ B's.
  const A = await import(pathToFileURL(resolve(oldPath)).href);
  const B = await import(pathToFileURL(resolve(newPath)).href);
  const spec = mixSpec(actors);
  const run = (M, seed) => M.simulate(spec, { seed, rounds, log: false });
  // Runs per block: about 25 ms of work, at least one run.
  let t = performance.now();
  run(A, 'warm');
  run(B, 'warm');
  const per = Math.max(1, Math.round(25 / ((performance.now() - t) / 2)));
  for (let s = 0; s < 3 * per; s++) (run(A, s), run(B, s));
  const ta = [];
  const tb = [];
  const start = performance.now();
  for (let block = 0; performance.now() - start < seconds * 1000; block++) {
    for (const [M, times] of block % 2 ? [[B, tb], [A, ta]] : [[A, ta], [B, tb]]) {
      t = performance.now();
      for (let s = 0; s < per; s++) run(M, block * per + s);
      times.push((performance.now() - t) / per);
    }
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  console.log(median(ta) / median(tb));
} else {
  const processes = Math.max(1, Number(processesArg));
  const ratios = [];
  for (let k = 0; k < processes; k++) {
    // Every other process loads the new build first; its ratio is inverted back.
    const swap = k % 2 === 1;
    const args = [self, swap ? newPath : oldPath, swap ? oldPath : newPath, actorsArg, roundsArg, secondsArg];
    const out = spawnSync(process.execPath, args, { env: { ...process.env, DETENTE_AB_CHILD: '1' }, encoding: 'utf8' });
    if (out.status !== 0) {
      console.error(out.stderr);
      process.exit(1);
    }
    const r = Number(out.stdout.trim());
    ratios.push(swap ? 1 / r : r);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  console.log(`${actors} actors × ${rounds} rounds, old ÷ new time per process: ${ratios.map((r) => r.toFixed(3)).join(' ')}`);
  console.log(`median ${median.toFixed(3)}× (above 1: the new build is faster)`);
}
