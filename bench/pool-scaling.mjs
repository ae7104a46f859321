// Steady-state speed-up of the sweep pool from 1 to 2 (or more) worker threads, in one process,
// the pools alternating chunk by chunk (issue 7, sixth pass in docs/performance.md).
//
//   npm run build && node bench/pool-scaling.mjs                 # bench/three-builtins.yaml, 1 vs 2 threads
//   node bench/pool-scaling.mjs --scenario us-china-2015 --chunk 1000 --chunks 12 --threads 1,2
//
// Why not only time whole sweeps (`bench/compare.mjs --sweeps`, `/usr/bin/time detente sweep`)?
// Two reasons, both measured:
//   - every worker thread compiles the engine again (≈ 2 s of V8's background compiling for a sweep
//     of the 3-actor world). With one worker that compiling runs on the other, idle core; with two
//     it competes with both. A sweep of 10,000–20,000 short runs mostly measures that warm-up; a
//     sweep of millions of runs does not see it. This script warms every thread up first.
//   - the speed of this machine drifts by 20–30% within minutes, more than the effects we look for;
//     two whole sweeps timed one after the other compare two different machines. Here the pools take
//     turns on chunks of a few seconds, and the ratio is the median over adjacent pairs.
//
// It uses the product's own worker (dist/cli/sweep-worker.js, the same `playBatch`) and piscina
// with the options of src/node/pool.ts as `detente sweep` sets them (two batches in flight per
// thread, batches of ≈ 40 ms, each run formatted as its CSV line by the worker);
// the hand-out loop below is a plain version of the pool's (no reordering: rows are only counted).
// A benchmark reports figures; it never asserts (DESIGN.md §7).

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, WORKER } from './build.mjs';
import { fail as failAs, flagsOf, scenarioFlag, wholeFlag } from './flags.mjs';
import { median } from './median.mjs';

const SCRIPT = 'pool-scaling';
const values = flagsOf(SCRIPT, {
  scenario: { type: 'string', default: resolve(ROOT, 'bench/three-builtins.yaml') },
  threads: { type: 'string', default: '1,2' },
  chunk: { type: 'string', default: '3000' },
  chunks: { type: 'string', default: '10' },
  warm: { type: 'string', default: '6000' },
  batch: { type: 'string', default: '0' },
  queued: { type: 'string', default: '1' },
  json: { type: 'boolean', default: false },
});
const whole = (name, text, min = 1) => wholeFlag(SCRIPT, name, text, min);
const fail = (message) => failAs(SCRIPT, message);

if (!existsSync(DIST) || !existsSync(WORKER)) fail(`${DIST} or ${WORKER} is missing: build first (npm run build)`);
const { parseScenario, planSweep, sweepColumns } = await import(pathToFileURL(DIST).href);
// The pool comes from the measured build's own piscina: its worker reads `workerData` from that
// copy, which a pool made by another copy (this repository's, for a build elsewhere) leaves unset.
const { Piscina } = createRequire(DIST)('piscina');
const scenarioPath = scenarioFlag(SCRIPT, ROOT, values.scenario);
const scenario = parseScenario(readFileSync(scenarioPath, 'utf8'), { source: scenarioPath });
const threads = values.threads.split(',').map((t) => whole('threads', t));
const chunk = whole('chunk', values.chunk);
const chunks = whole('chunks', values.chunks);
const warm = whole('warm', values.warm, 0);
whole('batch', values.batch, 0);
// Batches piscina hands to each thread at once (`concurrentTasksPerWorker`), per pool (one value
// for all, or one per pool): 1 is the pool's (src/node/pool.ts), where the second batch in
// flight waits in the main thread; `--threads 2,2 --queued 1,2` compares it with handing both to
// the thread at once (the sixth pass measured no difference: docs/performance.md).
const queued = values.queued.split(',').map((q) => whole('queued', q));
const queuedOf = (i) => queued[i] ?? queued[0];
// Enough distinct seeds for every run: warm-up, then each chunk of each pool on new seeds.
const plan = planSweep(scenario, { seeds: `1..${64 + warm * threads.reduce((a, b) => a + b, 0) + chunk * chunks * threads.length}` });
let next = 0;
const take = (n) => {
  const items = plan.items.slice(next, next + n);
  next += n;
  return items;
};

const pools = threads.map(
  (t, i) =>
    new Piscina({
      filename: WORKER,
      minThreads: t,
      maxThreads: t,
      concurrentTasksPerWorker: queuedOf(i),
      idleTimeout: 600_000,
      // As `detente sweep` hands it out: each worker formats its runs' CSV lines (tenth pass).
      workerData: { document: plan.document, series: false, lines: { columns: sweepColumns(plan), format: 'csv' } },
    }),
);

/** Play `items` on `pool` with `t` threads, two batches in flight per thread (as the pool); returns the seconds taken. */
async function play(pool, t, items, batch) {
  const started = performance.now();
  let k = 0;
  let inFlight = 0;
  let rows = 0;
  await new Promise((done, reject) => {
    const pump = () => {
      while (k < items.length && inFlight < t * 2) {
        const slice = items.slice(k, k + batch);
        k += slice.length;
        inFlight++;
        pool.run(slice).then((r) => {
          if (r.error !== undefined) return reject(new Error(r.error));
          rows += r.rows.length;
          inFlight--;
          pump();
        }, reject);
      }
      if (inFlight === 0 && k >= items.length) done();
    };
    pump();
  });
  if (rows !== items.length) throw new Error(`played ${rows} of ${items.length} runs`);
  return (performance.now() - started) / 1000;
}

// The batch size the pool would choose (≈ 40 ms of work, at most 64 runs), from a timed batch.
async function batchFor(pool) {
  if (Number(values.batch) > 0) return Number(values.batch);
  const probe = take(64);
  const s = await play(pool, 1, probe, 64);
  return Math.max(1, Math.min(64, Math.floor(0.04 / (s / probe.length))));
}

// Warm up every thread of every pool: `warm` runs per thread, on batches small enough to reach them all.
for (const [i, pool] of pools.entries()) await play(pool, threads[i], take(warm * threads[i]), 16);
const batch = await batchFor(pools[0]);
const seconds = threads.map(() => []);
for (let c = 0; c < chunks; c++) {
  // Alternate the order so that neither pool always follows the other.
  const order = c % 2 ? [...pools.keys()].reverse() : [...pools.keys()];
  for (const i of order) seconds[i].push(await play(pools[i], threads[i], take(chunk), batch));
}
await Promise.all(pools.map((p) => p.destroy()));

const base = seconds[0];
const result = {
  scenario: scenario.name,
  cores: availableParallelism(),
  chunk,
  chunks,
  warmRunsPerThread: warm,
  batch,
  pools: threads.map((t, i) => ({
    threads: t,
    queued: queuedOf(i),
    runsPerSecond: chunk / median(seconds[i]),
    // Ratio of adjacent chunks (the same minutes of the machine), then the median of those.
    speedup: i === 0 ? 1 : median(seconds[i].map((s, c) => (base[c] ?? NaN) / s)),
    speedupRange: i === 0 ? [1, 1] : [Math.min(...seconds[i].map((s, c) => base[c] / s)), Math.max(...seconds[i].map((s, c) => base[c] / s))],
  })),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`pool scaling: ${result.scenario}, ${chunks} chunks of ${chunk} runs per pool, alternating, after ${warm} warm-up runs per thread; batches of ${batch}; ${result.cores} cores`);
  for (const p of result.pools) {
    console.log(`  ${p.threads} thread(s), ${p.queued} queued: ${p.runsPerSecond.toFixed(0)} runs/s (median chunk)${p === result.pools[0] ? '' : `, speed-up ×${p.speedup.toFixed(2)} (adjacent chunks ${p.speedupRange.map((x) => x.toFixed(2)).join('–')})`}`);
  }
}
