// Issue 7's sweep target (speed-up ≥ 1.8× from 1 to 2 workers) as a user meets it: whole sweeps of
// the command line, start-up, each worker's JIT warm-up and the results file included.
//
//   npm run build && node bench/sweep-speedup.mjs              # bench/three-builtins.yaml, 1,000,000 seeds, 2 pairs (≈ 20 min on 2 cores)
//   node bench/sweep-speedup.mjs --seeds 20000 --pairs 3 --scenario us-china-2015
//   DETENTE_DIST=path/to/index.js node bench/sweep-speedup.mjs  # another build (the cli/main.js next to it)
//
// The pairs alternate their order (1 then 2 workers, then 2 then 1, …) so that a drift of the
// machine's speed, which on a shared VM moves within minutes, falls on both sides. Each results
// file is removed before its sweep: a sweep resumes an existing file, and would then time nothing.
// Reported: every sweep's wall time, each pair's speed-up, the speed-up of the medians, and whether
// every file was byte-identical (same scenario, same seeds: any worker count must write the same
// bytes). A benchmark reports figures; it never asserts (DESIGN.md §7).

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, ROOT } from './build.mjs';
import { fail, flagsOf, wholeFlag } from './flags.mjs';
import { median } from './median.mjs';

const SCRIPT = 'sweep-speedup';
const values = flagsOf(SCRIPT, {
  scenario: { type: 'string', default: resolve(ROOT, 'bench/three-builtins.yaml') },
  seeds: { type: 'string', default: '1000000' },
  pairs: { type: 'string', default: '2' },
  json: { type: 'boolean', default: false },
});
const seeds = wholeFlag(SCRIPT, 'seeds', values.seeds, 2);
const pairs = wholeFlag(SCRIPT, 'pairs', values.pairs);
const scenario = values.scenario;
if (!existsSync(CLI)) fail(SCRIPT, `${CLI} is missing: run \`npm run build\` first (or set DETENTE_DIST to a built package's index.js)`);

// One results file at a time: each is removed once hashed, before the next sweep.
const FILE = join(tmpdir(), `detente-sweep-speedup-${process.pid}.csv`);

// Ctrl-C (or a SIGINT sent to this script alone) stops the running sweep; the script then removes
// its results file and says so, rather than dying with the file left in the temporary directory.
let running;
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
  running?.kill('SIGINT');
});

/** One whole sweep with `workers` workers into `file`: its wall time in seconds, start-up included. */
async function sweep(workers, file) {
  if (interrupted) fail(SCRIPT, 'interrupted between two sweeps');
  rmSync(file, { force: true });
  const args = [CLI, 'sweep', scenario, '--seeds', `1..${seeds}`, '--workers', String(workers), '--out', file, '--quiet'];
  const t = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  running = child;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const [code, signal] = await new Promise((done, reject) => {
    child.on('error', reject);
    child.on('close', (c, sig) => done([c, sig]));
  });
  running = undefined;
  const seconds = (performance.now() - t) / 1000;
  if (code === 0 && !interrupted) return seconds;
  rmSync(file, { force: true });
  if (interrupted) fail(SCRIPT, `interrupted during the sweep with ${workers} worker(s)`);
  return fail(SCRIPT, `detente sweep ${scenario} --workers ${workers} failed (exit ${code ?? signal}):\n${stderr.trimEnd()}`);
}

/** The sha256 of a file, streamed (a million rows are ≈ 160 MB). */
function sha256(file) {
  return new Promise((done, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', () => done(h.digest('hex')));
  });
}

const sweeps = [];
const speedups = [];
const hashes = new Set();
for (let p = 0; p < pairs; p++) {
  const pair = {};
  for (const workers of p % 2 ? [2, 1] : [1, 2]) {
    try {
      pair[workers] = await sweep(workers, FILE);
      hashes.add(await sha256(FILE));
    } finally {
      rmSync(FILE, { force: true });
    }
    sweeps.push({ pair: p + 1, workers, seconds: pair[workers] });
    if (!values.json) console.log(`pair ${p + 1}: ${workers} worker${workers > 1 ? 's' : ' '} ${pair[workers].toFixed(1).padStart(8)} s`);
  }
  speedups.push(pair[1] / pair[2]);
  if (!values.json) console.log(`pair ${p + 1}: speed-up ${speedups[p].toFixed(2)}×`);
}

const of = (w) => sweeps.filter((s) => s.workers === w).map((s) => s.seconds);
const one = median(of(1));
const two = median(of(2));
const figures = { scenario, seeds, pairs, sweeps, speedups, median1: one, median2: two, speedup: one / two, identical: hashes.size === 1 };

if (values.json) console.log(JSON.stringify(figures));
else {
  console.log(`${scenario}, seeds 1..${seeds}, ${pairs} pair${pairs > 1 ? 's' : ''} (${CLI})`);
  console.log(`  medians: 1 worker ${one.toFixed(1)} s, 2 workers ${two.toFixed(1)} s: speed-up ${(one / two).toFixed(2)}×`);
  console.log(`  pairs: ${speedups.map((x) => `${x.toFixed(2)}×`).join(', ')}`);
  console.log(`  files byte-identical: ${hashes.size === 1 ? 'yes' : `no (${hashes.size} different)`}`);
}
