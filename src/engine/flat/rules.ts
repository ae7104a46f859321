// The pure rules of the flat round path, over flat arrays indexed by actor position (dyad k = i · n + j;
// posteriors hold the n suspects first and "nobody" at n). The one copy of the rules the flat path
// and the reference kernels of bench/ share: the kernels import them from the build
// (dist/internal/kernel-rules.js, through bench/kernel-rules.mjs). Each function names the engine
// code it mirrors and must do the same floating-point operations in the same order
// (tests/engine/flat, tests/perf).

import type { Mechanisms } from '../../model/mechanisms.js';
import type { RoundMetrics } from '../metrics.js';

/** clamp01 of src/model/capability.ts: NaN and negatives to 0, above 1 to 1. */
export function clamp01(x: number): number {
  return !(x > 0) ? 0 : x > 1 ? 1 : x;
}

/** betaTrust of src/model/trust.ts. */
export function betaTrust(r: number, s: number): number {
  return (r + 1) / (r + s + 2);
}

/**
 * Bayes' rule in place (updatePosterior in src/model/attribution.ts): a signal naming suspect
 * `named` with reliability `q`; a signal naming nobody possible leaves `post` as it is. `scratch`
 * is at least n + 1 long.
 */
export function bayesUpdate(post: Float64Array, named: number, q: number, n: number, scratch: Float64Array): void {
  if (named < 0 || named >= n || !((post[named] as number) > 0)) return;
  let k = 0;
  for (let i = 0; i < n; i++) if ((post[i] as number) > 0) k++;
  const other = k > 1 ? (1 - q) / (k - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = post[i] as number;
    const x = p > 0 ? p * (i === named ? q : other) : 0;
    scratch[i] = x;
    total += x;
  }
  // Under "nobody" a signal names each plausible suspect with min(1/k, 1/2), as in updatePosterior.
  const nobody = (post[n] as number) * (k > 1 ? 1 / k : 0.5);
  scratch[n] = nobody;
  total += nobody;
  if (!(total > 0)) return;
  for (let i = 0; i <= n; i++) post[i] = (scratch[i] as number) / total;
}

/**
 * A likelihood ratio on one suspect, renormalised in place (scaleSuspect in
 * src/model/attribution.ts): the hotline's answers.
 */
export function scaleSuspect(post: Float64Array, s: number, ratio: number, n: number): void {
  const p = post[s] as number;
  if (!(ratio >= 0)) return;
  post[s] = p * ratio;
  let total = 0;
  for (let i = 0; i <= n; i++) total += post[i] as number;
  if (!(total > 0)) {
    post[s] = p;
    return;
  }
  for (let i = 0; i <= n; i++) post[i] = (post[i] as number) / total;
}

/**
 * Victim `v`'s prior over suspects (prior in src/engine/phases/detection.ts, priorOverSuspects in
 * src/model/attribution.ts): each other actor weighted by its capability for the kind of operation
 * times v's distrust of it, and "nobody" by `nobodyWeight`; all on "nobody" when no weight is
 * positive. A new array: it becomes the file's posterior.
 */
export function priorOf(v: number, capability: Float64Array, trustR: Float64Array, trustS: Float64Array, n: number, nobodyWeight: number): Float64Array {
  const post = new Float64Array(n + 1);
  const nobody = nobodyWeight > 0 ? nobodyWeight : 0;
  let total = nobody;
  for (let x = 0; x < n; x++) {
    if (x === v) continue;
    const k = v * n + x;
    const w = (capability[x] as number) * (1 - betaTrust(trustR[k] as number, trustS[k] as number));
    post[x] = w;
    total += w > 0 ? w : 0;
  }
  if (!(total > 0)) {
    post.fill(0);
    post[n] = 1;
    return post;
  }
  for (let x = 0; x < n; x++) {
    const w = post[x] as number;
    post[x] = w > 0 ? w / total : 0;
  }
  post[n] = nobody / total;
  return post;
}

/** The top suspect of a posterior (topSuspect in src/model/attribution.ts): the first highest above 0, or -1. */
export function topSuspect(post: Float64Array, n: number): number {
  let best = -1;
  let bestP = 0;
  for (let i = 0; i < n; i++) {
    const p = post[i] as number;
    if (p > bestP) {
      bestP = p;
      best = i;
    }
  }
  return best;
}

/**
 * The dyad tables of a run: one set at the round's start (what strategies and priors read) and
 * one being built (the update phase's new arrays in src/engine/phases/update.ts).
 */
export interface DyadTables {
  trustR: Float64Array;
  trustS: Float64Array;
  tension: Float64Array;
  escT: Float64Array;
  escP: Float64Array;
  rung: Uint8Array;
}

/** A set of dyad tables for `nn` ordered pairs, all 0. */
export function dyadTables(nn: number): DyadTables {
  return { trustR: new Float64Array(nn), trustS: new Float64Array(nn), tension: new Float64Array(nn), escT: new Float64Array(nn), escP: new Float64Array(nn), rung: new Uint8Array(nn) };
}

/**
 * The start of the update (updateWorld in update.ts): trust evidence decays by `trust.decay`,
 * escalation scores by `escalation.decay`, into the tables the round builds. The flat path decays
 * at the round's start and adds each piece of evidence as it happens: the sums are the same,
 * added in the same order.
 */
export function decayInto(from: DyadTables, into: DyadTables, trustDecay: number, escalationDecay: number): void {
  const { trustR, trustS, escT, escP } = from;
  const nR = into.trustR;
  const nS = into.trustS;
  const nT = into.escT;
  const nP = into.escP;
  for (let k = 0; k < trustR.length; k++) {
    nR[k] = (trustR[k] as number) * trustDecay;
    nS[k] = (trustS[k] as number) * trustDecay;
    nT[k] = (escT[k] as number) * escalationDecay;
    nP[k] = (escP[k] as number) * escalationDecay;
  }
}

/**
 * The rungs after the round's acts (nextRung in src/model/escalation.ts, then updateWorld): open
 * conflict (7) is absorbing and mutual and costs each side `conflictCost` a round; otherwise the
 * highest act of the round or the previous rung less `rungDecay`, at most 6. Peaks follow.
 */
export function settleRungs(rung: Uint8Array, actRung: Uint8Array, escP: Float64Array, next: Uint8Array, peak: Uint8Array, n: number, m: Mechanisms, welfare: Float64Array): void {
  const nn = n * n;
  const decay = Math.max(0, Math.floor(m.escalation.rungDecay));
  const open = m.escalation.openConflictScore;
  for (let k = 0; k < nn; k++) {
    const prev = rung[k] as number;
    const a = actRung[k] as number;
    let r: number;
    if (prev >= 7) r = 7;
    else if (a >= 5 && (escP[k] as number) >= open) r = 7;
    else {
      const x = Math.max(a, Math.max(0, prev - decay));
      r = x > 6 ? 6 : x;
    }
    next[k] = r;
  }
  const cost = m.welfare.conflictCost;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = i * n + j;
      const b = j * n + i;
      if (next[a] === 7 || next[b] === 7) {
        next[a] = 7;
        next[b] = 7;
        welfare[i] = (welfare[i] as number) - cost;
        welfare[j] = (welfare[j] as number) - cost;
      }
    }
  }
  for (let k = 0; k < nn; k++) if ((next[k] as number) > (peak[k] as number)) peak[k] = next[k] as number;
}

/**
 * Richardson tension for every ordered pair (updateWorld): x_ij + dt · (k_i · x_ji − a_i · x_ij +
 * grievanceScale · g_ij), kept within ±limit, from the tension at the round's start.
 */
export function stepTension(tension: Float64Array, grievance: Float64Array, next: Float64Array, n: number, reactivity: Float64Array, fatigue: Float64Array, m: Mechanisms): void {
  const { dt, grievanceScale: gs, limit } = m.tension;
  for (let i = 0; i < n; i++) {
    const kI = reactivity[i] as number;
    const aI = fatigue[i] as number;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const k = i * n + j;
      const x = tension[k] as number;
      const v = x + dt * (kI * (tension[j * n + i] as number) - aI * x + gs * (grievance[k] as number));
      next[k] = v > limit ? limit : v < -limit ? -limit : v;
    }
  }
}

/** A round's counts, with the names of RoundMetrics (metricsOfRound counts them from the round's events). */
export interface RoundCounts {
  operations: number;
  successfulOperations: number;
  detections: number;
  falseAlarms: number;
  correctAttributions: number;
  misattributions: number;
  accusations: number;
  publicAccusations: number;
  hotlineQueries: number;
  sanctionsImposed: number;
  retaliations: number;
  normsAdopted: number;
  rejectedActions: number;
}

/** A round's counts, all 0. */
export function newCounts(): RoundCounts {
  return { operations: 0, successfulOperations: 0, detections: 0, falseAlarms: 0, correctAttributions: 0, misattributions: 0, accusations: 0, publicAccusations: 0, hotlineQueries: 0, sanctionsImposed: 0, retaliations: 0, normsAdopted: 0, rejectedActions: 0 };
}

/** Every count back to 0 for a new round. */
export function resetCounts(c: RoundCounts): void {
  c.operations = c.successfulOperations = c.detections = c.falseAlarms = c.correctAttributions = c.misattributions = 0;
  c.accusations = c.publicAccusations = c.hotlineQueries = c.sanctionsImposed = c.retaliations = c.normsAdopted = c.rejectedActions = 0;
}

/** The round's summary metrics (metricsOfRound in src/engine/metrics.ts) from its counts and the settled tables. */
export function summaryMetrics(round: number, c: RoundCounts, sanctionsInForce: number, n: number, t: DyadTables, peak: Uint8Array, welfare: Float64Array): RoundMetrics {
  let trustSum = 0;
  let maxTension = 0;
  let maxRung = 0;
  let peakRung = 0;
  const { trustR, trustS, tension, rung } = t;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const k = i * n + j;
      trustSum += betaTrust(trustR[k] as number, trustS[k] as number);
      const x = tension[k] as number;
      if (x > maxTension) maxTension = x;
      const r = rung[k] as number;
      if (r > maxRung) maxRung = r;
      const p = peak[k] as number;
      if (p > peakRung) peakRung = p;
    }
  }
  let totalWelfare = 0;
  for (let i = 0; i < n; i++) totalWelfare += welfare[i] as number;
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
