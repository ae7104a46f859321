// The engine against its own speed limit (issue 7): the reference kernels (bench/reference-kernel.mjs
// for worlds of hawk / tit-for-tat / passive, bench/us-china-kernel.mjs for us-china-2015) and the
// engine timed interleaved in one process, throughput of small runs, time per round from
// 8 to 256 actors against N², and peak memory of a long run with its log streamed to a file.
//
//   npm run bench:compare                       # builds, then every measurement (≈ 6 min on 2 cores)
//   node --expose-gc bench/compare.mjs --quick  # smaller sizes and fewer rounds (needs a built dist/)
//   node --expose-gc bench/compare.mjs --json bench/results/compare.json
//   DETENTE_DIST=path/to/index.js node --expose-gc bench/compare.mjs  # another build (its cli/ too)
//
// A benchmark reports figures and ratios; it never asserts (DESIGN.md §7). Each kernel equals the
// engine on its worlds (tests/perf/kernel-equality.test.ts, tests/perf/us-china-kernel.test.ts), so
// the ratios compare equal work.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, rmSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI, DIST, ROOT } from './build.mjs';
import { fail, wholeArg } from './flags.mjs';
import { median } from './median.mjs';
import { referenceRun } from './reference-kernel.mjs';
import { usChinaRun } from './us-china-kernel.mjs';
import { mixSpec } from './workload.mjs';

const HERE = fileURLToPath(import.meta.url);
const MiB = 1024 * 1024;

async function engine() {
  return import(pathToFileURL(DIST).href);
}

/**
 * Time `fns` interleaved (a, b, a, b …, the order reversed every other repetition) after a
 * warm-up, until `budgetMs` is spent (at least `minReps`). Each repetition times a block of
 * consecutive runs of each function, sized from the warm-up to about `blockMs`, and the figure is
 * the median of the blocks' mean times per run. No forced collection: each side pays for its own
 * garbage as it would in a sweep (what one side leaves may be collected in the other's time, which
 * favours the side that allocates more: the engine). A forced full collection before each run, as
 * this function did until the seventh pass, throws away the optimised code of the closures a run
 * creates (V8 holds it weakly): the next runs are slower while it is compiled again — 0.8 → 3.4 ms
 * for an us-china-2015 run, ≈ 70 → ≈ 170 ms for the kernel at 128 × 100 — and it spared the engine
 * its own collections (docs/performance.md, seventh pass).
 */
function interleaved(fns, { warmMs = 1500, budgetMs = 6000, minReps = 5, maxReps = 400, blockMs = 25 }) {
  const spent = fns.map(() => 0);
  const warmRuns = fns.map(() => 0);
  const t0 = performance.now();
  do {
    for (let k = 0; k < fns.length; k++) {
      const a = performance.now();
      fns[k]();
      spent[k] += performance.now() - a;
      warmRuns[k]++;
    }
  } while (performance.now() - t0 < warmMs);
  const block = fns.map((_, k) => Math.max(1, Math.round(blockMs / (spent[k] / warmRuns[k]))));
  const times = fns.map(() => []);
  const start = performance.now();
  for (let rep = 0; rep < maxReps && (rep < minReps || performance.now() - start < budgetMs); rep++) {
    const order = rep % 2 ? [...fns.keys()].reverse() : [...fns.keys()];
    for (const k of order) {
      const a = performance.now();
      for (let r = 0; r < block[k]; r++) fns[k]();
      times[k].push((performance.now() - a) / block[k]);
    }
  }
  return times.map((t, k) => ({ medianMs: median(t), reps: t.length, block: block[k] }));
}

/** Runs per second of one function over `budgetMs` (no gc between runs: the collector's cost is part of throughput). */
function throughput(fn, { warmMs = 1000, budgetMs = 4000 }) {
  const t0 = performance.now();
  while (performance.now() - t0 < warmMs) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    fn();
    runs++;
  }
  return runs / ((performance.now() - start) / 1000);
}

// ---------------------------------------------------------------------------------------------
// Child measurements (each prints one JSON line)

async function measureRatio(n, rounds) {
  const { simulate, DEFAULT_MECHANISMS } = await engine();
  const spec = mixSpec(n);
  const seed = 'compare';
  const [e, k] = interleaved(
    [() => simulate(spec, { seed, rounds, log: false }), () => referenceRun(spec, { seed, rounds, mechanisms: DEFAULT_MECHANISMS })],
    n >= 64 ? { warmMs: 3000, budgetMs: 15000, minReps: 5 } : {},
  );
  return { actors: n, rounds, engineMs: e.medianMs, kernelMs: k.medianMs, ratio: e.medianMs / k.medianMs, reps: e.reps, engineBlock: e.block, kernelBlock: k.block };
}

/**
 * The founding scenario and the kernel that plays it (bench/us-china-kernel.mjs), with the
 * strategies as the file names them: the spec's strategy objects hide their parameters.
 */
async function usChina() {
  const { parseScenario } = await engine();
  const scenario = parseScenario(readFileSync(resolve(ROOT, 'scenarios/us-china-2015.yaml'), 'utf8'), { source: 'us-china-2015.yaml' });
  const kernelSpec = { ...scenario.spec, actors: scenario.spec.actors.map((a, i) => ({ ...a, strategy: scenario.document.actors[i].strategy })) };
  return { scenario, kernelSpec };
}

/**
 * One run of a parsed scenario as a sweep plays it: `runOne` with the scenario cached, as `sweep`
 * and the workers call it, which gives the results row. Since issue 7's flat path, this is what
 * the targets are read on: it is what every sweep, tournament and `detente sweep` pays for an
 * unobserved run, and it takes the flat path wherever the world is covered (docs/performance.md).
 */
async function rowRunner(scenario) {
  const { planSweep, runOne } = await engine();
  const plan = planSweep(scenario, { seeds: [1] });
  const base = plan.items[0];
  return (seed, rounds) => {
    if (rounds !== scenario.rounds) throw new Error(`rowRunner: the scenario plays ${scenario.rounds} rounds, not ${rounds}`);
    return runOne(plan.document, { ...base, seed }, { scenario });
  };
}

/**
 * Target (a): `us-china-2015` (the whole scenario unless `rounds` is given): `runOne` (a sweep's
 * run), `simulate` (the general path, which returns a whole world) and the kernel, interleaved.
 * Every side plays seed 2015 (a plan's seeds are numbers). A run of `rounds` short of the
 * scenario's is not one a row can be made of (the file's injects name later rounds): `runOne` is
 * then left out (null).
 */
async function measureRatioUsChina(rounds) {
  const { simulate, DEFAULT_MECHANISMS } = await engine();
  const { scenario, kernelSpec } = await usChina();
  const r = rounds > 0 ? rounds : scenario.rounds;
  const row = r === scenario.rounds ? await rowRunner(scenario) : null;
  const seed = 2015;
  const sides = [() => simulate(scenario.spec, { seed, rounds: r, log: false }), () => usChinaRun(kernelSpec, { seed, rounds: r, mechanisms: DEFAULT_MECHANISMS })];
  if (row) sides.push(() => row(seed, r));
  // A long warm-up: the kernel is compiled, deoptimised once and compiled again in its first second.
  const [e, k, o] = interleaved(sides, { warmMs: 4000, budgetMs: row ? 12000 : 8000, minReps: 50 });
  return {
    scenario: 'us-china-2015',
    rounds: r,
    rowMs: o ? o.medianMs : null,
    engineMs: e.medianMs,
    kernelMs: k.medianMs,
    rowRatio: o ? o.medianMs / k.medianMs : null,
    ratio: e.medianMs / k.medianMs,
    reps: e.reps,
    rowBlock: o ? o.block : null,
    engineBlock: e.block,
    kernelBlock: k.block,
  };
}

async function measureThroughput(rounds) {
  const { simulate, parseScenario, DEFAULT_MECHANISMS } = await engine();
  const spec = mixSpec(3);
  const { scenario, kernelSpec } = await usChina();
  // bench/three-builtins.yaml is mixSpec(3) as a scenario file (a row needs a scenario).
  const file = parseScenario(readFileSync(resolve(ROOT, 'bench/three-builtins.yaml'), 'utf8'), { source: 'three-builtins.yaml' });
  const mix = rounds === file.rounds ? file : parseScenario({ ...file.document, rounds }, { source: `three-builtins.yaml × ${rounds}` });
  const mixRow = await rowRunner(mix);
  const usChinaRow = await rowRunner(scenario);
  let seed = 0;
  return {
    rounds,
    mixRow: throughput(() => mixRow(seed++, rounds), {}),
    mixEngine: throughput(() => simulate(spec, { seed: seed++, rounds, log: false }), {}),
    mixKernel: throughput(() => referenceRun(spec, { seed: seed++, rounds, mechanisms: DEFAULT_MECHANISMS }), {}),
    usChina: throughput(() => simulate(scenario.spec, { seed: seed++, rounds, log: false }), {}),
    usChinaFullRow: throughput(() => usChinaRow(seed++, scenario.rounds), {}),
    usChinaFull: throughput(() => simulate(scenario.spec, { seed: seed++, rounds: scenario.rounds, log: false }), {}),
    usChinaKernel: throughput(() => usChinaRun(kernelSpec, { seed: seed++, rounds: scenario.rounds, mechanisms: DEFAULT_MECHANISMS }), { warmMs: 3000 }),
    usChinaRounds: scenario.rounds,
  };
}

async function measureScaling(n, rounds) {
  const { simulate } = await engine();
  const spec = mixSpec(n);
  // Large worlds: 3 s of warm-up runs, then 3 timed. One warm-up run left the JIT cold: the
  // 128-actor row read 7.8 ms a round where a warmed 128 × 100 run takes ≈ 2.2 (eighth pass).
  const [e] = interleaved([() => simulate(spec, { seed: 'scale', rounds, log: false })], { warmMs: n >= 128 ? 3000 : 1000, budgetMs: n >= 128 ? 0 : 4000, minReps: n >= 128 ? 3 : 5 });
  return { actors: n, rounds, msPerRound: e.medianMs / rounds, reps: e.reps, block: e.block };
}

/** One long run, every event written to a file as a JSON line as it happens; RSS sampled every round. */
async function measureMemory(n, rounds, file) {
  const { simulate } = await engine();
  const spec = mixSpec(n);
  const fd = openSync(file, 'w');
  let peak = 0;
  const samples = [];
  let events = 0;
  const t0 = performance.now();
  simulate(spec, {
    seed: 'memory',
    rounds,
    log: false,
    onRound: (result) => {
      let chunk = '';
      for (const e of result.events) chunk += `${JSON.stringify(e)}\n`;
      writeSync(fd, chunk);
      events += result.events.length;
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
      if ((result.round + 1) % Math.max(1, Math.floor(rounds / 10)) === 0) samples.push({ round: result.round + 1, rssMiB: rss / MiB, heapMiB: process.memoryUsage().heapUsed / MiB });
    },
  });
  closeSync(fd);
  return { actors: n, rounds, peakRssMiB: peak / MiB, samples, events, logMiB: statSync(file).size / MiB, seconds: (performance.now() - t0) / 1000 };
}

/** `runs` sweep rows of us-china-2015 in this process, as one sweep worker plays them (no warm-up: it is part of a sweep). */
async function measureRows(runs, from) {
  const { parseScenario, planSweep, runOne } = await engine();
  const scenario = parseScenario(readFileSync(resolve(ROOT, 'scenarios/us-china-2015.yaml'), 'utf8'), { source: 'us-china-2015.yaml' });
  const plan = planSweep(scenario, { seeds: `${from}..${from + runs - 1}` });
  let peak = 0;
  for (const item of plan.items) peak = Math.max(peak, runOne(plan.document, item, { scenario }).peakRung);
  return { runs, peak };
}

// ---------------------------------------------------------------------------------------------
// The parent

/** Start `node args` and resolve with its wall time in seconds (and its stdout), failing loudly. */
function timed(args) {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('exit', (code) => (code === 0 ? res({ seconds: (performance.now() - t0) / 1000, stdout }) : rej(new Error(`node ${args.join(' ')} failed (${code}):\n${stderr}`))));
  });
}

/**
 * Seeds and repetitions of the sweep section. 10,000 seeds (≈ 12 s on one worker): a sweep of
 * 2,000 took ≈ 4 s, of which each worker spent ≈ 0.5 s warming its own JIT, so it measured
 * start-up more than sweeping (docs/performance.md, fourth pass).
 */
const SWEEP_SEEDS = 10000;
const SWEEP_REPS = 3;

/**
 * Sweeps on 1 and 2 workers, alternating (1, 2, 2, 1, …) so both see the same load: the CLI's
 * wall time (start-up included) and, as the ceiling any pool can reach on this machine, the same
 * rows played by one process alone against two independent processes at once.
 */
async function measureSweeps(seeds, reps) {
  const files = [1, 2].map((w) => resolve(os.tmpdir(), `detente-compare-sweep-${process.pid}-${w}.csv`));
  const wall = { 1: [], 2: [] };
  const alone = [];
  const pair = [];
  const rowsArgs = (runs, from) => ['--expose-gc', HERE, '--rows', runs, from];
  for (let rep = 0; rep < reps; rep++) {
    for (const w of rep % 2 ? [2, 1] : [1, 2]) {
      rmSync(files[w - 1], { force: true });
      wall[w].push((await timed([CLI, 'sweep', 'us-china-2015', '--seeds', `1..${seeds}`, '--workers', w, '--out', files[w - 1], '--quiet'])).seconds);
    }
    // The same rows in one process, then split over two processes at once: wall times, start-up included.
    alone.push((await timed(rowsArgs(seeds, 1))).seconds);
    const both = await Promise.all([timed(rowsArgs(seeds / 2, 1)), timed(rowsArgs(seeds / 2, 1 + seeds / 2))]);
    pair.push(Math.max(...both.map((b) => b.seconds)));
  }
  const identical = readFileSync(files[0], 'utf8') === readFileSync(files[1], 'utf8');
  for (const f of files) rmSync(f, { force: true });
  const w1 = median(wall[1]);
  const w2 = median(wall[2]);
  return { seeds, reps, workers1: w1, workers2: w2, speedup: w1 / w2, identical, rowsAlone: median(alone), rowsTwoProcesses: median(pair), ceiling: median(alone) / median(pair) };
}

function child(args, nodeFlags = []) {
  const r = spawnSync(process.execPath, ['--expose-gc', ...nodeFlags, HERE, ...args.map(String)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MiB });
  if (r.status !== 0) throw new Error(`the measurement ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const fmt = (x, d = 2) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main() {
  const argv = process.argv.slice(2);
  const cmd = argv[0];
  // The k-th word of the command line as a whole number ≥ min (or `fallback` when it is absent and one is given).
  const whole = (k, what, min, fallback) => (argv[k] === undefined && fallback !== undefined ? fallback : wholeArg('compare', what, argv[k] ?? '', min));
  if (cmd === '--ratio') return out(await measureRatio(whole(1, '--ratio ACTORS', 2), whole(2, '--ratio ACTORS ROUNDS', 1)));
  if (cmd === '--ratio-us-china') return out(await measureRatioUsChina(whole(1, '--ratio-us-china ROUNDS', 0, 0)));
  if (cmd === '--throughput') return out(await measureThroughput(whole(1, '--throughput ROUNDS', 1)));
  if (cmd === '--scaling') return out(await measureScaling(whole(1, '--scaling ACTORS', 2), whole(2, '--scaling ACTORS ROUNDS', 1)));
  if (cmd === '--memory') {
    if (argv[3] === undefined) fail('compare', '--memory ACTORS ROUNDS FILE needs a file to stream the log to');
    return out(await measureMemory(whole(1, '--memory ACTORS', 2), whole(2, '--memory ACTORS ROUNDS', 1), argv[3]));
  }
  if (cmd === '--rows') return out(await measureRows(whole(1, '--rows RUNS', 1), whole(2, '--rows RUNS FROM', 1)));
  if (cmd === '--sweeps') {
    // The sweep section alone: node bench/compare.mjs --sweeps [seeds] [reps]
    const seeds = whole(1, '--sweeps SEEDS', 2, SWEEP_SEEDS);
    // Half the seeds each for the two processes of the ceiling row.
    if (seeds % 2 !== 0) fail('compare', `--sweeps SEEDS must be even (two processes play half each), not ${seeds}`);
    const r = await measureSweeps(seeds, whole(2, '--sweeps SEEDS REPS', 1, SWEEP_REPS));
    r.steady = poolScaling(false);
    return logSweeps(r, (s) => process.stdout.write(`${s}\n`));
  }

  // The whole report: only --quick and --json FILE (a typo must not start a six-minute run).
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--quick') continue;
    if (argv[k] === '--json' && argv[k + 1] !== undefined && !argv[k + 1].startsWith('--')) {
      k++;
      continue;
    }
    fail('compare', `unexpected '${argv[k]}'. Usage: compare.mjs [--quick] [--json FILE] | --ratio ACTORS ROUNDS | --ratio-us-china [ROUNDS] | --throughput ROUNDS | --sweeps [SEEDS] [REPS]`);
  }
  const quick = argv.includes('--quick');
  const jsonAt = argv.indexOf('--json');
  const json = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run bench:compare\` (it builds first) or \`npx tsup\``);
  const cpus = os.cpus();
  const env = { node: process.version, platform: `${process.platform} ${process.arch}`, cpu: cpus[0]?.model?.trim() ?? 'unknown', cores: cpus.length };
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? 'unknown';
  const log = (s) => process.stdout.write(`${s}\n`);
  log(`# detente: engine vs reference kernel\n\n${env.node}, ${env.platform}, ${env.cores} × ${env.cpu}, commit ${commit}${quick ? ', --quick' : ''}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at the start\n`);
  const results = { env, commit, quick };

  log('## Engine ÷ kernel (hawk / tit-for-tat / passive, summary metrics only, interleaved medians)\n');
  log('Each repetition times a block of consecutive runs of each side (≈ 25 ms, or one longer run), the order reversed every other time; the figures are medians of the blocks\' mean time per run. No forced collection: each side pays for its own garbage.\n');
  log('| actors × rounds | engine ms | kernel ms | engine ÷ kernel | reps | runs per block (engine / kernel) |\n|---|---:|---:|---:|---:|---:|');
  results.ratio = [];
  for (const [n, rounds] of quick ? [[3, 37], [32, 50]] : [[3, 37], [3, 24], [32, 100], [128, 100]]) {
    const r = child(['--ratio', n, rounds]);
    results.ratio.push(r);
    log(`| ${n} × ${rounds} | ${fmt(r.engineMs, 3)} | ${fmt(r.kernelMs, 3)} | ${fmt(r.ratio, 1)}× | ${r.reps} | ${r.engineBlock} / ${r.kernelBlock} |`);
  }
  const u = child(['--ratio-us-china', quick ? 12 : 0]);
  results.ratioUsChina = u;
  log(`\n## Engine ÷ kernel on us-china-2015 (bench/us-china-kernel.mjs, summary metrics only, interleaved medians)\n`);
  log('`runOne` is a run as a sweep plays it (its results row); `simulate` is the general path, which returns the whole world. Target (a) is read on `runOne`.\n');
  log('| scenario × rounds | runOne ms | simulate ms | kernel ms | runOne ÷ kernel | simulate ÷ kernel | reps | runs per block (runOne / simulate / kernel) |\n|---|---:|---:|---:|---:|---:|---:|---:|');
  log(`| us-china-2015 × ${u.rounds} | ${u.rowMs === null ? '–' : fmt(u.rowMs, 3)} | ${fmt(u.engineMs, 3)} | ${fmt(u.kernelMs, 3)} | ${u.rowRatio === null ? '–' : `${fmt(u.rowRatio, 2)}×`} | ${fmt(u.ratio, 1)}× | ${u.reps} | ${u.rowBlock ?? '–'} / ${u.engineBlock} / ${u.kernelBlock} |`);

  const rounds = 24;
  const t = child(['--throughput', rounds]);
  results.throughput = t;
  log(`\n## Throughput (one core, summary metrics only, runs/s)\n`);
  log('| workload | runs/s |\n|---|---:|');
  log(`| runOne, 3 actors (hawk / tit-for-tat / passive) × ${rounds} rounds (bench/three-builtins.yaml) | ${fmt(t.mixRow, 0)} |`);
  log(`| simulate, the same | ${fmt(t.mixEngine, 0)} |`);
  log(`| kernel, the same | ${fmt(t.mixKernel, 0)} |`);
  log(`| simulate, us-china-2015 × ${rounds} rounds | ${fmt(t.usChina, 0)} |`);
  log(`| runOne, us-china-2015 × ${t.usChinaRounds} rounds (the whole scenario) | ${fmt(t.usChinaFullRow, 0)} |`);
  log(`| simulate, the same | ${fmt(t.usChinaFull, 0)} |`);
  log(`| us-china kernel, the same | ${fmt(t.usChinaKernel, 0)} |`);

  log(`\n## Scaling: engine time per round against the number of dyads\n`);
  log('| actors | N² | ms/round | ÷ N² (× 8-actor) | reps | runs per block |\n|---:|---:|---:|---:|---:|---:|');
  results.scaling = [];
  for (const n of quick ? [8, 32, 64] : [8, 16, 32, 64, 128, 256]) {
    const s = child(['--scaling', n, n >= 128 ? 20 : 50]);
    results.scaling.push(s);
    const ref = results.scaling[0];
    log(`| ${n} | ${fmt(n * n, 0)} | ${fmt(s.msPerRound, 3)} | ${fmt(s.msPerRound / (n * n) / (ref.msPerRound / (ref.actors * ref.actors)), 2)} | ${s.reps} | ${s.block} |`);
  }

  const [mn, mr] = quick ? [64, 200] : [256, 1000];
  const file = resolve(os.tmpdir(), `detente-compare-${process.pid}.jsonl`);
  const m = child(['--memory', mn, mr, file], ['--max-old-space-size=1024']);
  rmSync(file, { force: true }); // the streamed log was only written to be measured
  results.memory = m;
  log(`\n## Memory: ${mn} actors × ${mr} rounds, log streamed to a file (--max-old-space-size=1024)\n`);
  log(`peak RSS ${fmt(m.peakRssMiB, 1)} MiB; ${m.events.toLocaleString('en-US')} events, ${fmt(m.logMiB, 1)} MiB of log written; ${fmt(m.seconds, 1)} s\n`);
  log('| after round | RSS (MiB) | heap used (MiB) |\n|---:|---:|---:|');
  for (const s of m.samples) log(`| ${s.round} | ${fmt(s.rssMiB, 1)} | ${fmt(s.heapMiB, 1)} |`);

  const sw = await measureSweeps(quick ? 400 : SWEEP_SEEDS, quick ? 1 : SWEEP_REPS);
  sw.steady = poolScaling(quick);
  results.sweeps = sw;
  logSweeps(sw, log);

  if (json) {
    const f = resolve(process.cwd(), json);
    mkdirSync(dirname(f), { recursive: true });
    writeFileSync(f, `${JSON.stringify(results, null, 2)}\n`);
    log(`\nWrote ${f}`);
  }
}

function logSweeps(sw, log) {
  log(`\n## Sweeps: 1 worker against 2 (us-china-2015, ${sw.seeds.toLocaleString('en-US')} seeds, medians of ${sw.reps} alternating runs)\n`);
  log('| | 1 | 2 | speed-up |\n|---|---:|---:|---:|');
  log(`| \`detente sweep --workers W\`, wall s | ${fmt(sw.workers1)} | ${fmt(sw.workers2)} | ${fmt(sw.speedup)}× |`);
  log(`| the same rows in 1 process, or split over 2 processes at once, s | ${fmt(sw.rowsAlone)} | ${fmt(sw.rowsTwoProcesses)} | ${fmt(sw.ceiling)}× |`);
  const [one, two] = sw.steady.pools;
  log(`| steady state: the pool's worker on 1 or 2 warmed threads, chunks of ${sw.steady.chunk} runs alternating (bench/pool-scaling.mjs), runs/s | ${fmt(one.runsPerSecond, 0)} | ${fmt(two.runsPerSecond, 0)} | ${fmt(two.speedup)}× (${two.speedupRange.map((x) => fmt(x)).join('–')}) |`);
  log(`\nFiles of 1 and 2 workers byte-identical: ${sw.identical ? 'yes' : 'NO'}. The second row is the ceiling of any pool on this machine: two processes share nothing but the cores, caches and memory. The third leaves out what a long sweep does not see: each worker's start-up and JIT warm-up (≈ 2 s of compiling per worker, on the other core when there is one worker; docs/performance.md, sixth pass).`);
}

/** The steady-state speed-up of the pool from 1 to 2 threads on `us-china-2015` (bench/pool-scaling.mjs, its own process). */
function poolScaling(quick) {
  const args = ['--scenario', 'us-china-2015', '--json', ...(quick ? ['--chunk', '300', '--chunks', '4', '--warm', '1000'] : ['--chunk', '1500', '--chunks', '10', '--warm', '4000'])];
  const r = spawnSync(process.execPath, [resolve(ROOT, 'bench/pool-scaling.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MiB });
  if (r.status !== 0) throw new Error(`bench/pool-scaling.mjs ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

function out(x) {
  process.stdout.write(`${JSON.stringify(x)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
