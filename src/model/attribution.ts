import { clamp01 } from './capability.js';
import type { Capabilities } from './capability.js';
import type { Mechanisms } from './mechanisms.js';
import type { OperationKind } from './operation.js';
import { floatSlots } from './slab.js';

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

/** The capability relevant to suspecting an actor of an operation of this kind. @example `relevantCapability(CAPABILITY_PRESETS.us!.capabilities, 'espionage') // 0.95` */
export function relevantCapability(c: Capabilities, kind: OperationKind): number {
  return kind === 'espionage' ? c.espionage : c.offense;
}

/**
 * The prior over suspects for one incident, aligned with `weights` plus a last "nobody" entry.
 * `weights[i]` should be capability × (1 − trust) × base rate for a plausible suspect, and 0 for
 * the victim and for anyone who could not have done it. Sums to 1.
 *
 * Posteriors are `Float64Array`s, made new and never written afterwards (see `Incident.posterior`).
 *
 * @example
 * ```ts
 * priorOverSuspects([0, 0.4, 0.2], 0.1); // Float64Array [0, 0.571…, 0.285…, 0.142…]
 * ```
 */
export function priorOverSuspects(weights: ArrayLike<number>, nobodyWeight: number): Float64Array {
  const n = weights.length;
  const nobody = nobodyWeight > 0 ? nobodyWeight : 0;
  let total = nobody;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    total += w > 0 ? w : 0;
  }
  const out = floatSlots(n + 1);
  if (!(total > 0)) {
    // Nobody is plausible and "nobody" has no weight: all mass on "nobody" keeps the posterior a distribution.
    out[n] = 1;
    return out;
  }
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    out[i] = w > 0 ? w / total : 0;
  }
  out[n] = nobody / total;
  return out;
}

// Scratch for updatePosterior's unnormalised weights (never returned, never kept).
let scratch = new Float64Array(0);

/** A new posterior equal to `posterior`. */
function copyOf(posterior: ArrayLike<number>): Float64Array {
  const out = floatSlots(posterior.length);
  for (let i = 0; i < posterior.length; i++) out[i] = posterior[i] as number;
  return out;
}

/**
 * Bayes' rule for one signal naming suspect `named` (an index into the actors; null: no usable
 * signal, which leaves the posterior unchanged). The victim's model of a signal: if X did it, the
 * signal names X with probability q and each other plausible suspect with (1 − q)/(m − 1); if nobody
 * did it, it names each plausible suspect with min(1/m, 1/2). The plausible suspects are those with
 * prior > 0. Returns a new posterior; the one given is not written.
 *
 * Why min(1/m, 1/2): with m ≥ 2 it is 1/m, the trace of a false alarm pointing at random among the
 * plausible suspects. With a lone suspect (m = 1), 1/m = 1 would make "nobody" explain a signal
 * naming that suspect at least as well as its guilt (q ≤ 1), so every signal would lower the
 * victim's confidence — against DESIGN §3, where confidence grows with each round of investigation
 * (Rid & Buchanan). So a false alarm's trace points at the lone suspect half the time and comes to
 * nothing the other half (which the victim does not count as a signal), and a signal naming the
 * suspect multiplies its odds against "nobody" by 2q ≥ 1 whenever q ≥ 1/2 (the default q is
 * 0.5 + 0.5·attribution). A consequence, intended: a false alarm whose only plausible suspect is X
 * leads the victim towards X — a misattribution, the misperception the model is for.
 *
 * @example
 * ```ts
 * const post = updatePosterior([0, 0.5, 0.4, 0.1], 1, 0.8); // suspect 1 gains
 * ```
 */
export function updatePosterior(posterior: ArrayLike<number>, named: number | null, q: number): Float64Array {
  const n = posterior.length - 1;
  if (named === null || named < 0 || named >= n || !((posterior[named] ?? 0) > 0)) return copyOf(posterior);
  let m = 0;
  for (let i = 0; i < n; i++) if ((posterior[i] ?? 0) > 0) m++;
  const other = m > 1 ? (1 - q) / (m - 1) : 0;
  // Unnormalised weights in scratch, then one write per entry of the result.
  if (scratch.length < n + 1) scratch = new Float64Array(2 * (n + 1));
  const w = scratch;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = posterior[i] ?? 0;
    const v = p > 0 ? p * (i === named ? q : other) : 0;
    w[i] = v;
    total += v;
  }
  // Under "nobody", a signal names each plausible suspect with min(1/m, 1/2) (see above: 1/2 for a lone suspect).
  const nobody = (posterior[n] ?? 0) * (m > 1 ? 1 / m : 0.5);
  w[n] = nobody;
  total += nobody;
  if (!(total > 0)) return copyOf(posterior);
  const out = floatSlots(n + 1);
  for (let i = 0; i <= n; i++) out[i] = (w[i] as number) / total;
  return out;
}

/**
 * Multiply one suspect's weight by a likelihood ratio and renormalise (used for hotline answers).
 * Returns a new posterior; the one given is not written.
 *
 * @example
 * ```ts
 * scaleSuspect([0, 0.6, 0.3, 0.1], 1, 0.5); // suspect 1 loses weight
 * ```
 */
export function scaleSuspect(posterior: ArrayLike<number>, suspect: number, ratio: number): Float64Array {
  const out = copyOf(posterior);
  const p = out[suspect];
  if (p === undefined || !(ratio >= 0)) return out;
  out[suspect] = p * ratio;
  let total = 0;
  for (let i = 0; i < out.length; i++) total += out[i] as number;
  if (!(total > 0)) return copyOf(posterior);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / total;
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
export function topSuspect(posterior: ArrayLike<number>): { index: number; confidence: number } | null {
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
