import type { WorldSpec } from '../engine/world.js';

/**
 * The built-in two-state demo that `npm start` runs: the United States and China, plus a
 * hacking group that is secretly a Chinese proxy, over 24 monthly rounds from January 2015.
 * Loosely after the founding story (a September summit with commitments and a hotline); the full,
 * sourced scenario library is separate.
 *
 * @example
 * ```ts
 * import { DEMO_SCENARIO, simulate } from 'detente';
 * const run = simulate(DEMO_SCENARIO, { seed: 1, rounds: DEMO_ROUNDS });
 * ```
 */
export const DEMO_SCENARIO: WorldSpec = {
  actors: [
    {
      id: 'US',
      name: 'United States',
      capabilities: { espionage: 0.9, offense: 0.9, defense: 0.7, attribution: 0.85, stealth: 0.75 },
      strategy: 'tit-for-tat',
    },
    {
      id: 'CN',
      name: 'China',
      capabilities: { espionage: 0.85, offense: 0.65, defense: 0.55, attribution: 0.55, stealth: 0.55 },
      strategy: 'deterrer',
    },
    {
      id: 'APT-X',
      name: 'APT-X (contractor group)',
      kind: 'proxy',
      sponsor: 'CN',
      capabilities: { espionage: 0.6, offense: 0.3, defense: 0.2, attribution: 0.1, stealth: 0.5 },
      strategy: 'random',
    },
  ],
  dyads: [{ from: 'US', to: 'CN', trust: 0.35, tension: 1, mutual: true }],
  injects: [
    { round: 3, type: 'note', text: 'Executive order authorising sanctions against those who profit from cyber theft.' },
    { round: 8, type: 'note', text: 'State visit: both sides commit to no commercial cyber-theft and a hotline.' },
    { round: 8, type: 'agreement', parties: ['CN', 'US'], terms: [{ kind: 'no-commercial-theft' }, { kind: 'hotline' }] },
    { round: 11, type: 'note', text: 'Ministerial dialogue agrees rules of conduct; next round set for June in Beijing.' },
    { round: 11, type: 'agreement', parties: ['CN', 'US'], terms: [{ kind: 'assistance', rounds: 1 }, { kind: 'information-sharing' }, { kind: 'next-round', rounds: 6 }] },
  ],
};

/** Rounds of the demo (months, January 2015 to December 2016). */
export const DEMO_ROUNDS = 24;

/**
 * Label of a demo round as a month, e.g. `'Round 8 (Sep 2015)'`.
 *
 * @example
 * ```ts
 * demoRoundLabel(0); // 'Round 0 (Jan 2015)'
 * ```
 */
export function demoRoundLabel(round: number): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `Round ${round} (${months[round % 12]} ${2015 + Math.floor(round / 12)})`;
}
