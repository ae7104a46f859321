// Engine benchmark: rounds per second and peak memory of `simulate` for 2, 8, 32 and 128 actors
// of mixed built-in strategies, with the event log kept (default) and with `log: false`.
//
//   npm run bench                                   # builds with tsup, then runs every size
//   node --expose-gc bench/engine.bench.mjs --sizes 2,8 --rounds 20
//   node --expose-gc bench/engine.bench.mjs --json bench/results/latest.json
//
// Each size is timed in a child process of its own, log on and log off alternating (so both modes
// see the same JIT state and machine load); each (size, log) memory figure comes from a fresh
// process, so its peak RSS is not a high-water mark left by an earlier run. A benchmark reports
// figures and ratios; it never asserts (DESIGN.md §7). See bench/README.md for each column.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '..');
const STRATEGIES = ['tit-for-tat', 'hawk', 'dove', 'deterrer', 'generous-tit-for-tat', 'random', 'passive'];
const CAPABILITY_KEYS = ['espionage', 'offense', 'defense', 'attribution', 'stealth'];
const SEED = 'bench';
const DEFAULTS = { sizes: [2, 8, 32, 128], rounds: 100 };
/** Timed repetitions per cell: at least MIN_REPS, at most MAX_REPS, stopping once BUDGET_MS is spent. */
const MIN_REPS = 3;
const MAX_REPS = 25;
const BUDGET_MS = 8_000;
/** Untimed warm-up (JIT, inline caches): at least WARMUP_RUNS runs and WARMUP_MIN_MS, at most WARMUP_BUDGET_MS (but one run). */
const WARMUP_RUNS = 5;
const WARMUP_MIN_MS = 1_000;
const WARMUP_BUDGET_MS = 3_000;
/** A timed block of consecutive runs lasts about this long (one run when a run is longer). */
const BLOCK_MS = 25;
const MiB = 1024 * 1024;

const USAGE = `Usage: node --expose-gc bench/engine.bench.mjs [--sizes 2,8,32,128] [--rounds 100] [--json out.json]

  --sizes   comma-separated actor counts (default ${DEFAULTS.sizes.join(',')})
  --rounds  rounds per simulation (default ${DEFAULTS.rounds})
  --json    also write the results as JSON to this file
`;

// ---------------------------------------------------------------------------------------------
// The workload

/** A tiny LCG (Numerical Recipes constants) seeded by the actor index: varied, deterministic capabilities. */
function lcg(seed) {
  let s = (Math.imul(seed + 1, 2654435761) ^ 0x9e3779b9) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A world of `n` states, strategies cycling through the built-ins, capabilities in [0.20, 0.95]. */
function benchSpec(n) {
  const width = String(n - 1).length;
  const actors = Array.from({ length: n }, (_, i) => {
    const next = lcg(i);
    const capabilities = Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, Math.round((0.2 + 0.75 * next()) * 100) / 100]));
    return { id: `A${String(i).padStart(width, '0')}`, strategy: STRATEGIES[i % STRATEGIES.length], capabilities };
  });
  return { actors };
}

// ---------------------------------------------------------------------------------------------
// The measurements, each in a child process that prints one JSON line:
//   --time <size> <rounds>            timed runs, log on and log off alternating
//   --memory <size> <rounds> <on|off> one run sampled for memory

async function load() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  const { simulate } = await import(new URL('../dist/index.js', import.meta.url).href);
  return { simulate, gc: globalThis.gc };
}

const optionsFor = (rounds, logOn) => ({ seed: SEED, rounds, ...(logOn ? {} : { log: false }) });

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * Time `simulate` with the log on and off in the same process, alternating repetition by
 * repetition, so both modes see the same JIT state and the same machine load: processes differ
 * from each other by ±20% on a busy 2-core machine, which would swamp the on/off difference.
 */
async function measureTime(size, rounds) {
  const { simulate } = await load();
  const spec = benchSpec(size);
  const modes = [
    { logOn: true, options: optionsFor(rounds, true), times: [] },
    { logOn: false, options: optionsFor(rounds, false), times: [] },
  ];

  // Warm up (not timed), both modes; the warm-up's mean time sizes each mode's blocks.
  const warmStart = performance.now();
  let warmups = 0;
  const warmElapsed = () => performance.now() - warmStart;
  const warmMs = modes.map(() => 0);
  while ((warmups < WARMUP_RUNS || warmElapsed() < WARMUP_MIN_MS) && (warmups === 0 || warmElapsed() < WARMUP_BUDGET_MS)) {
    modes.forEach((m, k) => {
      const t0 = performance.now();
      simulate(spec, m.options);
      warmMs[k] += performance.now() - t0;
    });
    warmups++;
  }
  for (const [k, m] of modes.entries()) m.block = Math.max(1, Math.round(BLOCK_MS / (warmMs[k] / warmups)));

  // Timed repetitions: no callback, modes alternating, each a block of consecutive runs (one run
  // when a run is longer than BLOCK_MS) timed as a whole; a time is the block's mean per run.
  // No forced collection: it throws away the optimised code of the closures each run creates (V8
  // holds it weakly), so the runs after it are slower while it is compiled again — several times
  // slower for runs of a millisecond (docs/performance.md, seventh pass). Each mode pays for its
  // own garbage, as a caller's loop does.
  const start = performance.now();
  let reps = 0;
  while (reps < MAX_REPS && (reps < MIN_REPS || performance.now() - start < BUDGET_MS)) {
    for (const m of reps % 2 ? [...modes].reverse() : modes) {
      const t0 = performance.now();
      for (let r = 0; r < m.block; r++) {
        const run = simulate(spec, m.options);
        if (run.metrics.length !== rounds) throw new Error(`expected ${rounds} rounds, got ${run.metrics.length}`);
      }
      m.times.push((performance.now() - t0) / m.block);
    }
    reps++;
  }

  return modes.map(({ logOn, times, block }) => {
    const sorted = [...times].sort((a, b) => a - b);
    const medianMs = quantile(sorted, 0.5);
    return {
      log: logOn,
      warmups,
      reps,
      runsPerBlock: block,
      timesMs: times.map((t) => Math.round(t * 1000) / 1000),
      medianMs,
      minMs: sorted[0],
      maxMs: sorted.at(-1),
      iqrMs: quantile(sorted, 0.75) - quantile(sorted, 0.25),
      roundsPerSecond: rounds / (medianMs / 1000),
      msPerRound: medianMs / rounds,
    };
  });
}

/**
 * Memory of one run in a fresh process (no warm-up, so nothing earlier set the RSS high-water
 * mark): a full collection, then process.memoryUsage() sampled after every round in `onRound`.
 */
async function measureMemory(size, rounds, logOn) {
  const { simulate, gc } = await load();
  const spec = benchSpec(size);
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let events = 0;
  const run = simulate(spec, {
    ...optionsFor(rounds, logOn),
    onRound: (result) => {
      events += result.events.length;
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    },
  });
  gc();
  const retained = process.memoryUsage().heapUsed - before.heapUsed; // what the finished Run still holds
  return {
    log: logOn,
    eventsPerRound: events / rounds,
    logLength: run.log.length,
    baselineRss: before.rss,
    baselineHeapUsed: before.heapUsed,
    peakRss,
    peakHeapUsed: peakHeap,
    heapGrowth: peakHeap - before.heapUsed,
    retainedHeap: retained,
  };
}

// ---------------------------------------------------------------------------------------------
// The parent: run the cells, print the tables.

function parseArgs(argv) {
  const out = { sizes: DEFAULTS.sizes, rounds: DEFAULTS.rounds, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (flag === '--sizes') {
      const v = value();
      const sizes = v.split(',').map((s) => Number(s.trim()));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 2)) fail(`--sizes expects whole numbers ≥ 2, got '${v}'`);
      out.sizes = sizes;
    } else if (flag === '--rounds') {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) fail(`--rounds expects a whole number ≥ 1, got '${v}'`);
      out.rounds = n;
    } else if (flag === '--json') {
      out.json = value();
    } else {
      fail(`unknown option '${flag}'`);
    }
  }
  return out;
}

function fail(message) {
  process.stderr.write(`engine.bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function child(...args) {
  const r = spawnSync(process.execPath, ['--expose-gc', HERE, ...args.map(String)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MiB });
  if (r.status !== 0) throw new Error(`the measurement ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** One size: the timings (both modes in one process), then each mode's memory in its own process. */
function measureSize(size, rounds) {
  const timings = child('--time', size, rounds);
  return timings.map((t) => ({ actors: size, dyads: size * size, rounds, ...t, ...child('--memory', size, rounds, t.log ? 'on' : 'off') }));
}

const fmt = (x, digits) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (bytes) => fmt(Math.abs(bytes) < 0.05 * MiB ? 0 : bytes / MiB, 1); // no '-0.0' for noise around zero

/**
 * Time per round divided by N² (and by N), relative to the 8-actor cell (or the smallest size run
 * when 8 is not): 1 means that cell scales exactly like the reference, below 1 better than N² (or N).
 */
function addScaling(rows) {
  const ref = rows.find((r) => r.actors === 8) ?? rows[0];
  for (const r of rows) {
    r.perDyadVsRef = r.msPerRound / r.dyads / (ref.msPerRound / ref.dyads);
    r.perActorVsRef = r.msPerRound / r.actors / (ref.msPerRound / ref.actors);
  }
  return ref.actors;
}

function table(rows, refActors, onRows) {
  const head = [
    'actors',
    'dyads (N²)',
    'rounds/s',
    'ms/round',
    'IQR',
    'events/round',
    'peak RSS (MiB)',
    'peak heap (MiB)',
    'heap growth (MiB)',
    'retained (MiB)',
    `ms/round ÷ N² (× ${refActors}-actor)`,
    `ms/round ÷ N (× ${refActors}-actor)`,
    ...(onRows ? ['speed vs log on'] : []),
    'reps',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---:').join('|')}|`];
  for (const r of rows) {
    const on = onRows?.find((o) => o.actors === r.actors);
    const cells = [
      r.actors,
      fmt(r.dyads, 0),
      fmt(r.roundsPerSecond, r.roundsPerSecond < 100 ? 1 : 0),
      fmt(r.msPerRound, r.msPerRound < 1 ? 3 : 2),
      `±${fmt((50 * r.iqrMs) / r.medianMs, 0)}%`,
      fmt(r.eventsPerRound, 1),
      mib(r.peakRss),
      mib(r.peakHeapUsed),
      mib(r.heapGrowth),
      mib(r.retainedHeap),
      fmt(r.perDyadVsRef, 2),
      fmt(r.perActorVsRef, 2),
      ...(onRows ? [on ? `${fmt(on.medianMs / r.medianMs, 2)}×` : '–'] : []),
      `${r.reps} (+${r.warmups} warm-up)`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--time' || argv[0] === '--memory') {
    const [size, rounds, log] = argv.slice(1).map((a) => (a === 'on' || a === 'off' ? a : Number(a)));
    const result = argv[0] === '--time' ? await measureTime(size, rounds) : await measureMemory(size, rounds, log === 'on');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const args = parseArgs(argv);
  if (!existsSync(resolve(ROOT, 'dist/index.js'))) fail('dist/index.js is missing: run `npm run bench` (it builds first) or `npx tsup`');
  const cpus = os.cpus();
  const env = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    commit: gitCommit(),
    date: new Date().toISOString(),
  };
  process.stdout.write(
    `# detente engine benchmark\n\n` +
      `${env.node}, ${env.platform}, ${env.cores} × ${env.cpu}, commit ${env.commit}\n` +
      `simulate(spec, { seed: '${SEED}', rounds: ${args.rounds} }); strategies cycle through ${STRATEGIES.join(', ')}; ` +
      `median of ${MIN_REPS}–${MAX_REPS} timed blocks of runs (≈ ${BLOCK_MS} ms, or one longer run) per mode after warm-up, log on and off alternating in one process per size, no forced collection;` +
      ` memory from one more run per mode, each in a fresh process.\n\n`,
  );

  const started = performance.now();
  const results = { on: [], off: [] };
  for (const size of args.sizes) {
    process.stderr.write(`  ${size} actors…`);
    const t0 = performance.now();
    const [on, off] = measureSize(size, args.rounds);
    results.on.push(on);
    results.off.push(off);
    process.stderr.write(` ${fmt(on.roundsPerSecond, 1)} / ${fmt(off.roundsPerSecond, 1)} rounds/s with the log on / off (${fmt((performance.now() - t0) / 1000, 1)} s)\n`);
  }
  const refOn = addScaling(results.on);
  const refOff = addScaling(results.off);

  process.stdout.write(`\n## log on (default: every event kept)\n\n${table(results.on, refOn)}\n`);
  process.stdout.write(`\n## log off (\`log: false\`, metrics only)\n\n${table(results.off, refOff, results.on)}\n`);
  process.stdout.write(
    `\nScaling columns: ms per round ÷ N² (and ÷ N), relative to the ${refOn}-actor case of the same table. 1.00 means time` +
      ` per round grows exactly with the number of dyads (or of actors); below 1, slower growth than that. The engine` +
      ` against the reference kernel (the same rules as a plain loop): npm run bench:compare.\n` +
      `Total ${fmt((performance.now() - started) / 1000, 1)} s.\n`,
  );

  if (args.json) {
    const file = resolve(process.cwd(), args.json);
    mkdirSync(dirname(file), { recursive: true });
    const payload = { env, seed: SEED, rounds: args.rounds, sizes: args.sizes, strategies: STRATEGIES, logOn: results.on, logOff: results.off };
    writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
    process.stdout.write(`Wrote ${file}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
