import { clamp01 } from './capability.js';
import type { Capabilities } from './capability.js';
import type { Mechanisms } from './mechanisms.js';
import type { OperationKind } from './operation.js';

/**
 * Probability that a victim detects an operation (DESIGN §3):
 * `p = scale · attribution_victim · (1 − stealth_author) · (1 + severityBonus · severity / 10)`, in [0, 1].
 *
 * @example
 * ```ts
 * detectionProbability(1, 0, 3, DEFAULT_MECHANISMS); // 1
 * detectionProbability(0, 0, 3, DEFAULT_MECHANISMS); // 0
 * ```
 */
export function detectionProbability(
  victimAttribution: number,
  authorStealth: number,
  severity: number,
  m: Mechanisms,
): number {
  const d = m.detection;
  return clamp01(d.scale * victimAttribution * (1 - authorStealth) * (1 + (d.severityBonus * severity) / 10));
}

/**
 * Probability that one forensic signal names the true author:
 * `q = base + attributionWeight · attribution_victim + sharingBonus · sharingAgreements`, in [0, 1].
 *
 * @example
 * ```ts
 * identificationProbability(1, 0, DEFAULT_MECHANISMS); // 1
 * identificationProbability(0, 0, DEFAULT_MECHANISMS); // 0.5
 * ```
 */
export function identificationProbability(victimAttribution: number, sharingAgreements: number, m: Mechanisms): number {
  const i = m.identification;
  return clamp01(i.base + i.attributionWeight * victimAttribution + i.sharingBonus * sharingAgreements);
}

/** Per-round chance of a false alarm: `f = rate · (1 − attribution_victim)`. @example `falseAlarmProbability(0, DEFAULT_MECHANISMS) // 0.05` */
export function falseAlarmProbability(victimAttribution: number, m: Mechanisms): number {
  return clamp01(m.falseAlarm.rate * (1 - victimAttribution));
}

/** The capability relevant to suspecting an actor of an operation of this kind. @example `relevantCapability(caps, 'espionage')` */
export function relevantCapability(c: Capabilities, kind: OperationKind): number {
  return kind === 'espionage' ? c.espionage : c.offense;
}

/**
 * The prior over suspects for one incident, aligned with `weights` plus a last "nobody" entry.
 * `weights[i]` should be capability × (1 − trust) × base rate for a plausible suspect, and 0 for
 * the victim and for anyone who could not have done it. Sums to 1.
 *
 * @example
 * ```ts
 * priorOverSuspects([0, 0.4, 0.2], 0.1); // [0, 0.571…, 0.285…, 0.142…]
 * ```
 */
export function priorOverSuspects(weights: readonly number[], nobodyWeight: number): number[] {
  const nobody = nobodyWeight > 0 ? nobodyWeight : 0;
  let total = nobody;
  for (const w of weights) total += w > 0 ? w : 0;
  const out = numberSlots(weights.length + 1);
  if (!(total > 0)) {
    // Nobody is plausible and "nobody" has no weight: all mass on "nobody" keeps the posterior a distribution.
    for (let i = 0; i < weights.length; i++) out[i] = 0;
    out[weights.length] = 1;
    return out;
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    out[i] = w > 0 ? w / total : 0;
  }
  out[weights.length] = nobody / total;
  return out;
}

// Scratch for updatePosterior's unnormalised weights (never returned, never kept).
let scratch = new Float64Array(0);

/**
 * `length` empty slots for numbers, in V8's generic element kind. Posteriors are frozen as soon as
 * they are made, and V8 cannot freeze an array of unboxed doubles in place: it copies it into a
 * new array of boxed numbers. An array that is generic from the start is frozen by a change of
 * map, so each posterior allocates its numbers once instead of three times (profiled at 128
 * actors, posteriors were over a third of the bytes allocated). The values are the same.
 */
function numberSlots(length: number): number[] {
  const out = new Array<number>(length);
  if (length > 0) (out as unknown[])[0] = undefined; // small-integer → generic: an in-place change of kind
  return out;
}

/**
 * Bayes' rule for one signal naming suspect `named` (an index into the actors; null: no usable
 * signal, which leaves the posterior unchanged). The victim's model of a signal: if X did it, the
 * signal names X with probability q and each other plausible suspect with (1 − q)/(m − 1); if nobody
 * did it, it names each plausible suspect with 1/m. The plausible suspects are those with prior > 0.
 *
 * @example
 * ```ts
 * const post = updatePosterior([0, 0.5, 0.4, 0.1], 1, 0.8); // suspect 1 gains
 * ```
 */
export function updatePosterior(posterior: readonly number[], named: number | null, q: number): number[] {
  const n = posterior.length - 1;
  if (named === null || named < 0 || named >= n || !((posterior[named] ?? 0) > 0)) return posterior.slice();
  let m = 0;
  for (let i = 0; i < n; i++) if ((posterior[i] ?? 0) > 0) m++;
  const other = m > 1 ? (1 - q) / (m - 1) : 0;
  // Unnormalised weights in scratch, then one write per entry of the result (see numberSlots).
  if (scratch.length < n + 1) scratch = new Float64Array(2 * (n + 1));
  const w = scratch;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = posterior[i] ?? 0;
    const v = p > 0 ? p * (i === named ? q : other) : 0;
    w[i] = v;
    total += v;
  }
  const nobody = (posterior[n] ?? 0) * (1 / m);
  w[n] = nobody;
  total += nobody;
  if (!(total > 0)) return posterior.slice();
  const out = numberSlots(n + 1);
  for (let i = 0; i <= n; i++) out[i] = (w[i] as number) / total;
  return out;
}

/**
 * Multiply one suspect's weight by a likelihood ratio and renormalise (used for hotline answers).
 *
 * @example
 * ```ts
 * scaleSuspect([0, 0.6, 0.3, 0.1], 1, 0.5); // suspect 1 loses weight
 * ```
 */
export function scaleSuspect(posterior: readonly number[], suspect: number, ratio: number): number[] {
  const out = posterior.slice();
  const p = out[suspect];
  if (p === undefined || !(ratio >= 0)) return out;
  out[suspect] = p * ratio;
  let total = 0;
  for (const v of out) total += v;
  if (!(total > 0)) return posterior.slice();
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / total;
  return out;
}

/**
 * The most likely suspect and its probability, ignoring "nobody" (last entry).
 *
 * @example
 * ```ts
 * topSuspect([0, 0.7, 0.2, 0.1]); // { index: 1, confidence: 0.7 }
 * ```
 */
export function topSuspect(posterior: readonly number[]): { index: number; confidence: number } | null {
  let best = -1;
  let bestP = 0;
  for (let i = 0; i < posterior.length - 1; i++) {
    const p = posterior[i] ?? 0;
    if (p > bestP) {
      bestP = p;
      best = i;
    }
  }
  return best < 0 ? null : { index: best, confidence: bestP };
}
