// What both reference kernels (reference-kernel.mjs, us-china-kernel.mjs) share. The rules they
// play alike (Bayes' rule, priors, the top suspect, decay, rungs, tension, the summary metrics, and
// clamp01, betaTrust, scaleSuspect) are the library's own: src/engine/flat/rules.ts, the flat round
// path's rules, which tsup builds for the benchmarks to dist/internal/kernel-rules.js (internal: not
// exported, not packed; see tsup.config.ts). So the flat path and the kernels play one copy, and a
// change of the engine's rules is made once on both; the kernels must stay bit-equal to the engine
// (tests/perf/kernel-equality.test.ts, tests/perf/us-china-kernel.test.ts). It is this repository's
// build (run `npx tsup` first, as `npm run bench` and the tests do), whichever build DETENTE_DIST
// names for the engine: the kernels are the same speed limit for every build measured.
// What stays here is the kernels' own: their seeded streams and the arrays a round builds.

import alea from 'seedrandom/lib/alea.js';

export { bayesUpdate, betaTrust, clamp01, decayInto, dyadTables, newCounts, priorOf, resetCounts, scaleSuspect, settleRungs, stepTension, summaryMetrics, topSuspect } from '../dist/internal/kernel-rules.js';

/**
 * The seeded stream of actor `i` for one purpose, as src/engine/rng.ts makes it: alea keyed
 * `seed \0 actor/purpose`. Streams are created lazily by the engine; creating one early or late
 * gives the same numbers.
 */
export function streamsOf(seed, ids) {
  const master = String(seed);
  return (i, purpose) => alea(`${master}\u0000${ids[i]}/${purpose}`, { state: true });
}

/**
 * The streams a kernel draws from, by actor position: `operations` and `detection` made at once,
 * `attribution` (through `attr`) and `retaliation` (the kernel's own `retRng[i] ??= …`) on first
 * draw, as the engine does (same numbers either way).
 */
export function kernelStreams(seed, ids) {
  const stream = streamsOf(seed, ids);
  const attRng = new Array(ids.length).fill(null);
  return {
    stream,
    opsRng: ids.map((_, i) => stream(i, 'operations')),
    detRng: ids.map((_, i) => stream(i, 'detection')),
    retRng: new Array(ids.length).fill(null),
    attr: (v) => (attRng[v] ??= stream(v, 'attribution')),
  };
}

/** What a kernel's update builds each round besides the dyad tables: peak rungs, the round's acts and grievances, and welfare. */
export function roundArrays(n) {
  const nn = n * n;
  return { peak: new Uint8Array(nn), actRung: new Uint8Array(nn), grievance: new Float64Array(nn), welfare: new Float64Array(n) };
}
