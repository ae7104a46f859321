/**
 * The claim: "two states under the same false-flag operations by a third party reach a
 * lower peak rung with a hotline than without in clearly more than half of 200 seeds".
 *
 * Scenario. A and B are rival states (mutual trust 0.3) playing `deterrer`, with offensive
 * capability (0.8, so they can strike back and are plausible authors of a disruption) and no
 * espionage capability (so they never operate covertly themselves: every operation in the run is
 * C's, and every attribution of one to A or B is a misattribution). C, a third state playing
 * `passive`, runs a disruptive operation against A dressed up as B, and one against B dressed up as
 * A, every round (scripted injects). The two arms are the same world, the same seeds and the same
 * random streams; they differ only in a hotline agreement between A and B.
 *
 * Mechanism. A victim's first forensic signal names the false flag with probability 1 − q
 * (q = 0.5 + 0.5 · attribution); without a hotline the deterrer decides at once and, at
 * confidence ≥ 0.7, accuses and strikes (L5). With a hotline it asks first: the innocent denies
 * (likelihood ratio 0.6) and it decides a round later, after one more signal, so it strikes only
 * when that signal names the innocent again — per file a strike with probability ≈ 1 − q without
 * the hotline and ≈ (1 − q)² with it. Over a run of k detected files the share of seeds where the
 * hotline lowers the peak is about (1 − (1 − q)²)^k − q^k: it cannot exceed ≈ 0.55 for q = 0.8
 * (attribution 0.6), whatever the number of rounds, but reaches ≈ 0.7 for q = 0.875 (0.75).
 *
 * Hence two runs of 200 seeds each: with moderate forensics (attribution 0.6) the hotline is
 * strictly better in every seed where the arms differ and never worse, but it lowers the peak in
 * only ≈ 55–57 % of all seeds; with good but imperfect forensics (attribution 0.75) it lowers the
 * peak in ≥ 60 % of all 200 seeds ("clearly more than half").
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import type { Inject, WorldSpec } from '../../src/index.js';
import { eventsOf, peakBetween } from './helpers.js';

const SEEDS = 200;

function scenario(hotline: boolean, attribution: number, rounds: number, stealthC: number): WorldSpec {
  const injects: Inject[] = [];
  for (let round = 0; round < rounds; round++) {
    injects.push({ round, type: 'operation', actor: 'C', target: 'A', kind: 'disruption', falseFlag: 'B' });
    injects.push({ round, type: 'operation', actor: 'C', target: 'B', kind: 'disruption', falseFlag: 'A' });
  }
  const rival = { attribution, offense: 0.8, espionage: 0, defense: 0.5, stealth: 0.5 };
  return {
    actors: [
      { id: 'A', strategy: 'deterrer', capabilities: rival },
      { id: 'B', strategy: 'deterrer', capabilities: rival },
      { id: 'C', strategy: 'passive', capabilities: { espionage: 0.8, offense: 0.8, defense: 0.5, attribution: 0.5, stealth: stealthC } },
    ],
    dyads: [{ from: 'A', to: 'B', trust: 0.3, mutual: true }],
    ...(hotline ? { agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'hotline' as const }] }] } : {}),
    injects,
  };
}

interface Comparison {
  lower: number;
  equal: number;
  higher: number;
  differ: number;
  lowerOrEqual: number;
  /** "peak without → peak with" and how many seeds. */
  outcomes: Record<string, number>;
}

function compare(attribution: number, rounds: number, stealthC: number): Comparison {
  const c: Comparison = { lower: 0, equal: 0, higher: 0, differ: 0, lowerOrEqual: 0, outcomes: {} };
  for (let seed = 0; seed < SEEDS; seed++) {
    const without = simulate(scenario(false, attribution, rounds, stealthC), { seed, rounds });
    const withHotline = simulate(scenario(true, attribution, rounds, stealthC), { seed, rounds });
    // Every covert operation is C's: A and B never operate.
    for (const run of [without, withHotline]) expect(eventsOf(run.log, 'operation.conducted', (e) => e.operation.principal !== 'C')).toEqual([]);
    const a = peakBetween(without.world, 'A', 'B');
    const b = peakBetween(withHotline.world, 'A', 'B');
    c.outcomes[`${a}→${b}`] = (c.outcomes[`${a}→${b}`] ?? 0) + 1;
    if (b < a) c.lower++;
    else if (b === a) c.equal++;
    else c.higher++;
  }
  c.differ = c.lower + c.higher;
  c.lowerOrEqual = c.lower + c.equal;
  return c;
}

describe('a hotline against third-party false flags (200 seeds, same streams with and without)', () => {
  it('moderate forensics (attribution 0.6): strictly lower in clearly more than half (≥ 60 %) of the seeds where the arms differ, lower or equal in more than half of all seeds', () => {
    const c = compare(0.6, 12, 0.5);
    console.info(`hotline vs none, attribution 0.6, 12 rounds: ${JSON.stringify(c)}`);
    expect(c.differ).toBeGreaterThan(0);
    expect(c.lower, `strictly lower in ${c.lower} of the ${c.differ} seeds that differ`).toBeGreaterThanOrEqual(Math.ceil(0.6 * c.differ));
    expect(c.lowerOrEqual, `lower or equal in ${c.lowerOrEqual} of ${SEEDS}`).toBeGreaterThan(SEEDS / 2);
    // The false flags do escalate without a hotline: in most seeds someone strikes an innocent rival.
    expect(c.lower + (c.outcomes['5→5'] ?? 0)).toBeGreaterThan(SEEDS / 2);
  });

  it('good but imperfect forensics (attribution 0.75): strictly lower peak with the hotline in at least 60 % of all 200 seeds', () => {
    const c = compare(0.75, 16, 0.3);
    console.info(`hotline vs none, attribution 0.75, 16 rounds: ${JSON.stringify(c)}`);
    expect(c.lower, `strictly lower in ${c.lower} of ${SEEDS} seeds`).toBeGreaterThanOrEqual(0.6 * SEEDS);
    expect(c.lower).toBeGreaterThanOrEqual(Math.ceil(0.6 * c.differ));
    expect(c.lowerOrEqual).toBeGreaterThan(SEEDS / 2);
  });
});
