// The rules that both reference kernels (reference-kernel.mjs, us-china-kernel.mjs) play in the
// same way, as plain functions over flat arrays indexed by actor position (dyad k = i · n + j,
// posteriors with the n suspects first and "nobody" at n). One copy, so that a change of the
// engine's rules is made once on the kernel side; each function names the engine code it follows
// and must stay bit-equal to it (tests/perf/kernel-equality.test.ts, tests/perf/us-china-kernel.test.ts).

import alea from 'seedrandom/lib/alea.js';

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

/** One set of dyad tables for `nn` ordered pairs (a kernel keeps two: the round's start and the one being built). */
export function dyadTables(nn) {
  return {
    trustR: new Float64Array(nn),
    trustS: new Float64Array(nn),
    tension: new Float64Array(nn),
    escT: new Float64Array(nn),
    escP: new Float64Array(nn),
    rung: new Uint8Array(nn),
  };
}

/**
 * Bayes' rule in place (updatePosterior in src/model/attribution.ts): a signal naming suspect
 * `named` with reliability `q`; a signal that names nobody possible leaves `post` as it is.
 * `scratch` is n + 1 long.
 */
export function bayesUpdate(post, named, q, n, scratch) {
  if (named < 0 || named >= n || !(post[named] > 0)) return;
  let k = 0;
  for (let i = 0; i < n; i++) if (post[i] > 0) k++;
  const other = k > 1 ? (1 - q) / (k - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = post[i];
    const x = p > 0 ? p * (i === named ? q : other) : 0;
    scratch[i] = x;
    total += x;
  }
  // Under "nobody" a signal names each plausible suspect with min(1/k, 1/2), as in updatePosterior.
  const nobody = post[n] * (k > 1 ? 1 / k : 0.5);
  scratch[n] = nobody;
  total += nobody;
  if (!(total > 0)) return;
  for (let i = 0; i <= n; i++) post[i] = scratch[i] / total;
}

/**
 * Victim `v`'s prior over suspects (priorOverSuspects in src/model/attribution.ts, weights as in
 * detection.ts): each other actor weighted by its capability for
 * the kind of operation (`capability`, by actor) times v's distrust of it, and "nobody" by
 * `nobodyWeight`; all on "nobody" when no weight is positive.
 */
export function priorOf(v, capability, trustR, trustS, n, nobodyWeight) {
  const post = new Float64Array(n + 1);
  let total = nobodyWeight;
  for (let x = 0; x < n; x++) {
    if (x === v) continue;
    const k = v * n + x;
    const w = capability[x] * (1 - (trustR[k] + 1) / (trustR[k] + trustS[k] + 2));
    post[x] = w;
    total += w > 0 ? w : 0;
  }
  if (!(total > 0)) {
    post.fill(0);
    post[n] = 1;
    return post;
  }
  for (let x = 0; x < n; x++) post[x] = post[x] > 0 ? post[x] / total : 0;
  post[n] = nobodyWeight / total;
  return post;
}

/** The top suspect of a posterior (topSuspect in src/model/attribution.ts): the first highest above 0, or -1. */
export function topSuspect(post, n) {
  let best = -1;
  let bestP = 0;
  for (let i = 0; i < n; i++) if (post[i] > bestP) (bestP = post[i]), (best = i);
  return best;
}

/**
 * The start of a round (update.ts): trust evidence decays by `trustDecay`, escalation scores by
 * `escalationDecay`, into the tables the round builds.
 */
export function decayInto(trustR, trustS, escT, escP, nR, nS, nEscT, nEscP, trustDecay, escalationDecay) {
  for (let k = 0; k < trustR.length; k++) {
    nR[k] = trustR[k] * trustDecay;
    nS[k] = trustS[k] * trustDecay;
    nEscT[k] = escT[k] * escalationDecay;
    nEscP[k] = escP[k] * escalationDecay;
  }
}

/**
 * The rungs after the round's acts (update.ts): open conflict (7) is absorbing and mutual, and
 * costs each side `conflictCost` of welfare a round; otherwise the highest act of the round or the
 * previous rung less `rungDecay`, at most 6. Peaks follow. Writes `next` and `peak`.
 */
export function settleRungs(rung, actRung, escalationPerceived, next, peak, n, escalation, welfare, conflictCost) {
  const nn = n * n;
  const decay = Math.max(0, Math.floor(escalation.rungDecay));
  for (let k = 0; k < nn; k++) {
    const prev = rung[k];
    const a = actRung[k];
    let r;
    if (prev >= 7) r = 7;
    else if (a >= 5 && escalationPerceived[k] >= escalation.openConflictScore) r = 7;
    else {
      const x = Math.max(a, Math.max(0, prev - decay));
      r = x > 6 ? 6 : x;
    }
    next[k] = r;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = i * n + j;
      const b = j * n + i;
      if (next[a] === 7 || next[b] === 7) {
        next[a] = 7;
        next[b] = 7;
        welfare[i] -= conflictCost;
        welfare[j] -= conflictCost;
      }
    }
  }
  for (let k = 0; k < nn; k++) if (next[k] > peak[k]) peak[k] = next[k];
}

/**
 * Richardson tension for every ordered pair (update.ts): x_ij + dt · (k_i · x_ji − a_i · x_ij +
 * grievanceScale · g_ij), kept within ±limit. `reactivity` and `fatigue` by actor. Writes `next`.
 */
export function stepTension(tension, grievance, next, n, reactivity, fatigue, mechanism) {
  const dt = mechanism.dt;
  const gs = mechanism.grievanceScale;
  const limit = mechanism.limit;
  for (let i = 0; i < n; i++) {
    const kI = reactivity[i];
    const aI = fatigue[i];
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const k = i * n + j;
      const x = tension[k];
      const v = x + dt * (kI * tension[j * n + i] - aI * x + gs * grievance[k]);
      next[k] = v > limit ? limit : v < -limit ? -limit : v;
    }
  }
}

/** Set every count of `c` (from {@link newCounts}) back to 0 for a new round. */
export function resetCounts(c) {
  c.operations = c.successfulOperations = c.detections = c.falseAlarms = c.correctAttributions = c.misattributions = 0;
  c.accusations = c.publicAccusations = c.hotlineQueries = c.sanctionsImposed = c.retaliations = c.normsAdopted = c.rejectedActions = 0;
}

/** A round's counts, all 0, with the names of the engine's RoundMetrics (the kernels add to them as things happen). */
export function newCounts() {
  return {
    operations: 0,
    successfulOperations: 0,
    detections: 0,
    falseAlarms: 0,
    correctAttributions: 0,
    misattributions: 0,
    accusations: 0,
    publicAccusations: 0,
    hotlineQueries: 0,
    sanctionsImposed: 0,
    retaliations: 0,
    normsAdopted: 0,
    rejectedActions: 0,
  };
}

/** The round's summary metrics (roundMetrics in src/engine/metrics.ts) from its counts and the settled tables. */
export function summaryMetrics(round, c, sanctionsInForce, n, trustR, trustS, tension, rung, peak, welfare) {
  let trustSum = 0, maxTension = 0, maxRung = 0, peakRung = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const k = i * n + j;
      trustSum += (trustR[k] + 1) / (trustR[k] + trustS[k] + 2);
      if (tension[k] > maxTension) maxTension = tension[k];
      if (rung[k] > maxRung) maxRung = rung[k];
      if (peak[k] > peakRung) peakRung = peak[k];
    }
  }
  let totalWelfare = 0;
  for (let i = 0; i < n; i++) totalWelfare += welfare[i];
  return {
    round,
    operations: c.operations,
    successfulOperations: c.successfulOperations,
    detections: c.detections,
    falseAlarms: c.falseAlarms,
    correctAttributions: c.correctAttributions,
    misattributions: c.misattributions,
    accusations: c.accusations,
    publicAccusations: c.publicAccusations,
    hotlineQueries: c.hotlineQueries,
    sanctionsImposed: c.sanctionsImposed,
    sanctionsInForce,
    retaliations: c.retaliations,
    normsAdopted: c.normsAdopted,
    rejectedActions: c.rejectedActions,
    meanTrust: n > 1 ? trustSum / (n * (n - 1)) : 0.5,
    maxTension,
    maxRung,
    peakRung,
    totalWelfare,
  };
}
