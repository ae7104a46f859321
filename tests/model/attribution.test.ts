import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MECHANISMS,
  detectionProbability,
  falseAlarmProbability,
  identificationProbability,
  mergeMechanisms,
  priorOverSuspects,
  relevantCapability,
  scaleSuspect,
  simulate,
  topSuspect,
  updatePosterior,
} from '../../src/index.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

/** A posterior over n suspects plus "nobody", with some suspects implausible (0), summing to 1. */
const arbPosterior = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 })
  .chain((weights) => fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1, noNaN: true })).map((nobody) => Array.from(priorOverSuspects(weights, nobody))));

describe('detection, identification and false alarms', () => {
  it('detection is attribution · (1 − stealth) · (1 + 0.5·severity/10), in [0, 1]', () => {
    expect(detectionProbability(1, 0, 3, DEFAULT_MECHANISMS)).toBe(1);
    expect(detectionProbability(0, 0, 10, DEFAULT_MECHANISMS)).toBe(0);
    expect(detectionProbability(0.5, 0.5, 2, DEFAULT_MECHANISMS)).toBeCloseTo(0.275, 12);
    fc.assert(
      fc.property(unit, unit, fc.double({ min: 1, max: 10, noNaN: true }), (a, s, sev) => {
        const p = detectionProbability(a, s, sev, DEFAULT_MECHANISMS);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(p).toBeCloseTo(Math.min(1, a * (1 - s) * (1 + (0.5 * sev) / 10)), 12);
        // More forensics never hurts, more stealth never helps the victim.
        expect(detectionProbability(Math.min(1, a + 0.1), s, sev, DEFAULT_MECHANISMS)).toBeGreaterThanOrEqual(p);
        expect(detectionProbability(a, Math.min(1, s + 0.1), sev, DEFAULT_MECHANISMS)).toBeLessThanOrEqual(p);
      }),
    );
  });

  it('identification is 0.5 + 0.5·attribution plus a bonus per sharing agreement, capped at 1', () => {
    expect(identificationProbability(0, 0, DEFAULT_MECHANISMS)).toBe(0.5);
    expect(identificationProbability(1, 0, DEFAULT_MECHANISMS)).toBe(1);
    expect(identificationProbability(0.4, 2, DEFAULT_MECHANISMS)).toBeCloseTo(0.8, 12);
    expect(identificationProbability(1, 3, DEFAULT_MECHANISMS)).toBe(1);
  });

  it('false alarms occur at 0.05·(1 − attribution)', () => {
    expect(falseAlarmProbability(0, DEFAULT_MECHANISMS)).toBe(0.05);
    expect(falseAlarmProbability(1, DEFAULT_MECHANISMS)).toBe(0);
    expect(falseAlarmProbability(0.5, mergeMechanisms({ falseAlarm: { rate: 0.2 } }).mechanisms)).toBeCloseTo(0.1, 12);
  });

  it('espionage is suspected from espionage capability, the rest from offense', () => {
    const c = { espionage: 0.9, offense: 0.2, defense: 0, attribution: 0, stealth: 0 };
    expect(relevantCapability(c, 'espionage')).toBe(0.9);
    expect(relevantCapability(c, 'disruption')).toBe(0.2);
    expect(relevantCapability(c, 'degradation')).toBe(0.2);
  });
});

describe('the posterior over suspects', () => {
  it('priorOverSuspects is a distribution with "nobody" last, proportional to the weights', () => {
    expect(Array.from(priorOverSuspects([0, 0.4, 0.2], 0.1))).toEqual([0, 0.4 / 0.7, 0.2 / 0.7, 0.1 / 0.7]);
    expect(Array.from(priorOverSuspects([0, 0], 0))).toEqual([0, 0, 1]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { maxLength: 10 }), fc.double({ min: -1, max: 1, noNaN: true }), (w, nobody) => {
        const p = priorOverSuspects(w, nobody);
        expect(p).toHaveLength(w.length + 1);
        expect(Math.abs(sum(p) - 1)).toBeLessThan(1e-12);
        for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
        w.forEach((x, i) => (x > 0 ? expect(p[i]).toBeGreaterThan(0) : expect(p[i]).toBe(0)));
      }),
    );
  });

  it('updatePosterior keeps a distribution on the same support', () => {
    fc.assert(
      fc.property(arbPosterior, fc.nat(), unit, (post, k, q) => {
        const n = post.length - 1;
        const named = k % n;
        const next = updatePosterior(post, named, q);
        expect(next).toHaveLength(post.length);
        expect(Math.abs(sum(next) - 1)).toBeLessThan(1e-9);
        next.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          if (post[i] === 0) expect(x).toBe(0);
        });
      }),
    );
  });

  it('a signal naming X raises X when it is informative (q above chance) and X is neither ruled out nor certain', () => {
    fc.assert(
      fc.property(arbPosterior, fc.nat(), unit, (post, k, u) => {
        const n = post.length - 1;
        const plausible = post.slice(0, n).map((p, i) => [p, i] as const).filter(([p]) => p > 0);
        fc.pre(plausible.length >= 1);
        const [px, x] = plausible[k % plausible.length] as readonly [number, number];
        fc.pre(px < 1 - 1e-9);
        const m = plausible.length;
        const q = 1 / m + (1 - 1 / m) * (0.01 + 0.99 * u); // strictly above 1/m
        fc.pre(q < 1 || m > 1);
        const next = updatePosterior(post, x, q);
        expect(next[x]).toBeGreaterThan(px);
        // … and lowers every other plausible suspect relative to X.
        for (const [p, i] of plausible) if (i !== x) expect((next[i] as number) / (next[x] as number)).toBeLessThan(p / px);
      }),
    );
  });

  it('a signal naming nobody usable, or an implausible suspect, changes nothing', () => {
    const post = [0, 0.5, 0.3, 0.2];
    expect(Array.from(updatePosterior(post, null, 0.9))).toEqual(post);
    expect(Array.from(updatePosterior(post, 0, 0.9))).toEqual(post);
    expect(Array.from(updatePosterior(post, 7, 0.9))).toEqual(post);
  });

  it('the worked example: one signal naming suspect 1 with q = 0.8', () => {
    // Suspects 1 and 2 plausible (m = 2): likelihoods 0.8, 0.2, and 1/2 for nobody.
    const next = updatePosterior([0, 0.5, 0.4, 0.1], 1, 0.8);
    const z = 0.5 * 0.8 + 0.4 * 0.2 + 0.1 * 0.5;
    const expected = [0, (0.5 * 0.8) / z, (0.4 * 0.2) / z, (0.1 * 0.5) / z];
    expected.forEach((p, i) => expect(next[i]).toBeCloseTo(p, 15));
  });

  it('with a single plausible suspect, a signal naming it raises it: under "nobody" the victim expects it with 1/2, not 1', () => {
    // m = 1: likelihood q = 0.7 for the suspect, min(1/m, 1/2) = 1/2 for "nobody".
    const next = updatePosterior([0, 0.8, 0.2], 1, 0.7);
    const z = 0.8 * 0.7 + 0.2 * 0.5;
    expect(next[1]).toBeCloseTo((0.8 * 0.7) / z, 15);
    expect(next[2]).toBeCloseTo((0.2 * 0.5) / z, 15);
    expect(next[1]).toBeGreaterThan(0.8);
    expect(Math.abs(sum(next) - 1)).toBeLessThan(1e-12);
  });

  it('for any posterior and q ≥ 1/2, a signal naming X never lowers X against "nobody" (by 2q with a lone suspect, m·q with m ≥ 2)', () => {
    fc.assert(
      fc.property(arbPosterior, fc.nat(), fc.double({ min: 0.5, max: 1, noNaN: true }), (post, k, q) => {
        const n = post.length - 1;
        const plausible = post.slice(0, n).map((p, i) => [p, i] as const).filter(([p]) => p > 0);
        fc.pre(plausible.length >= 1 && (post[n] as number) > 0);
        const [px, x] = plausible[k % plausible.length] as readonly [number, number];
        const next = updatePosterior(post, x, q);
        const m = plausible.length;
        // X's odds against "nobody", before and after: multiplied by q / min(1/m, 1/2) ≥ 1.
        const before = px / (post[n] as number);
        const after = (next[x] as number) / (next[n] as number);
        expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-12));
        expect(after / before).toBeCloseTo(q / Math.min(1 / m, 1 / 2), 9);
      }),
    );
  });

  it('the reproduction: one plausible suspect, every investigation signal naming it raises the victim\'s confidence', () => {
    const run = simulate(
      {
        actors: [
          { id: 'US', strategy: 'passive', capabilities: { attribution: 0.6 } },
          { id: 'CN', strategy: 'passive', capabilities: { stealth: 0, attribution: 0 } },
        ],
        injects: [{ round: 0, type: 'operation', actor: 'CN', target: 'US', kind: 'espionage' }],
      },
      { seed: 1, rounds: 5 },
    );
    const steps = run.log.filter((e) => e.type === 'incident.detected' || e.type === 'incident.investigated');
    const confidence = steps.map((e) => (e as { confidence: number }).confidence);
    // Before: 0.667 → 0.615 → 0.561 → 0.506 → 0.450, each signal naming CN lowered it.
    expect(steps.map((e) => (e as { suspect: string | null }).suspect)).toEqual(['CN', 'CN', 'CN', 'CN', 'CN']);
    expect(steps.slice(1).map((e) => (e as { signal?: string | null }).signal)).toEqual(['CN', 'CN', 'CN', 'CN']);
    for (let i = 1; i < confidence.length; i++) expect(confidence[i]).toBeGreaterThan(confidence[i - 1] as number);
  });

  it('scaleSuspect multiplies one suspect by a likelihood ratio and renormalises', () => {
    [0, 0.3 / 0.7, 0.3 / 0.7, 0.1 / 0.7].forEach((p, i) => expect(scaleSuspect([0, 0.6, 0.3, 0.1], 1, 0.5)[i]).toBeCloseTo(p, 15));
    fc.assert(
      fc.property(arbPosterior, fc.nat(), fc.double({ min: 0, max: 10, noNaN: true }), (post, k, ratio) => {
        const s = k % post.length;
        const next = scaleSuspect(post, s, ratio);
        expect(Math.abs(sum(next) - 1)).toBeLessThan(1e-9);
        for (const x of next) expect(x).toBeGreaterThanOrEqual(0);
        const p = post[s] as number;
        if (p > 0 && p < 1 - 1e-9) {
          if (ratio < 1) expect(next[s]).toBeLessThan(p);
          if (ratio > 1) expect(next[s]).toBeGreaterThan(p);
        }
        if (ratio === 1) next.forEach((x, i) => expect(x).toBeCloseTo(post[i] as number, 12));
        // The others keep their proportions.
        const others = post.map((x, i) => [x, i] as const).filter(([x, i]) => i !== s && x > 0);
        if (others.length >= 2 && sum(next) > 0) {
          const [[a, i], [b, j]] = others as [readonly [number, number], readonly [number, number]];
          expect(Math.abs((next[i] as number) / (next[j] as number) / (a / b) - 1)).toBeLessThan(1e-9);
        }
      }),
    );
    expect(Array.from(scaleSuspect([0.5, 0.5], 3, 2))).toEqual([0.5, 0.5]);
    expect(Array.from(scaleSuspect([0.5, 0.5], 0, -1))).toEqual([0.5, 0.5]);
  });

  it('posteriors are new Float64Arrays: the one given is never written, and no two share a byte', () => {
    fc.assert(
      fc.property(arbPosterior, fc.nat(), unit, fc.double({ min: 0, max: 10, noNaN: true }), (post, k, q, ratio) => {
        const n = post.length - 1;
        const given = Float64Array.from(post);
        const made = [updatePosterior(given, k % n, q), updatePosterior(given, null, q), scaleSuspect(given, k % post.length, ratio)];
        // The input is untouched, whatever the function did.
        expect(Array.from(given)).toEqual(post);
        for (const out of made) {
          expect(out).toBeInstanceOf(Float64Array);
          expect(out).not.toBe(given);
        }
        // A list and a Float64Array with the same numbers give the same posterior.
        expect(Array.from(updatePosterior(post, k % n, q))).toEqual(Array.from(made[0] as Float64Array));
        expect(Array.from(scaleSuspect(post, k % post.length, ratio))).toEqual(Array.from(made[2] as Float64Array));
        // Writing one result shows in no other (they may share a slab, never bytes).
        made.forEach((out, i) => out.fill(i + 2));
        made.forEach((out, i) => expect(out.every((x) => x === i + 2)).toBe(true));
        expect(Array.from(given)).toEqual(post);
      }),
    );
  });

  it('topSuspect ignores "nobody"', () => {
    expect(topSuspect([0, 0.7, 0.2, 0.1])).toEqual({ index: 1, confidence: 0.7 });
    expect(topSuspect([0.1, 0.1, 0.8])).toEqual({ index: 0, confidence: 0.1 });
    expect(topSuspect([0, 0, 1])).toBeNull();
  });
});
