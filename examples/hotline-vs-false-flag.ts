/**
 * Does a hotline keep two states from escalating when a third party frames them?
 *
 * Two deterrers, A and B, long-standing rivals with good forensics that never operate themselves
 * (so every attribution to them is wrong); every round a third party C disrupts each of them
 * dressed up as the other (the set-up of tests/diplomacy/hotline-false-flag.test.ts). The same 200 seeds run with and without a hotline between A and B, so
 * each seed is a paired comparison.
 *
 * Run: npx tsx examples/hotline-vs-false-flag.ts   (or bundle it; see examples/README.md)
 */
import { scenarioBuilder, simulate } from 'detente';
import type { Run, ScenarioBuilder } from 'detente';

const SEEDS = 200;
const ROUNDS = 16;

function base(): ScenarioBuilder {
  let b = scenarioBuilder('false-flag-duel')
    .rounds(ROUNDS)
    .actor({ id: 'A', capabilities: { espionage: 0, offense: 0.8, defense: 0.5, attribution: 0.75, stealth: 0.5 }, strategy: 'deterrer' })
    .actor({ id: 'B', capabilities: { espionage: 0, offense: 0.8, defense: 0.5, attribution: 0.75, stealth: 0.5 }, strategy: 'deterrer' })
    .actor({ id: 'C', capabilities: { espionage: 0.8, offense: 0.8, defense: 0.5, attribution: 0.5, stealth: 0.5 }, strategy: 'passive' })
    .dyad({ from: 'A', to: 'B', trust: 0.3, mutual: true });
  for (let r = 0; r < ROUNDS; r++) {
    b = b.inject({ round: r, type: 'operation', actor: 'C', target: 'A', kind: 'disruption', falseFlag: 'B' });
    b = b.inject({ round: r, type: 'operation', actor: 'C', target: 'B', kind: 'disruption', falseFlag: 'A' });
  }
  return b;
}

/** Highest rung between A and B over the run (either direction). */
function peakAB(run: Run): number {
  const ids = run.world.actors.map((a) => a.id);
  const n = ids.length;
  const a = ids.indexOf('A');
  const b = ids.indexOf('B');
  return Math.max(run.world.dyads.peakRung[a * n + b] ?? 0, run.world.dyads.peakRung[b * n + a] ?? 0);
}

const without = base().build();
const withHotline = base().agreement(['A', 'B'], [{ kind: 'hotline' }]).build();

let lower = 0;
let equal = 0;
let higher = 0;
let sumWithout = 0;
let sumWith = 0;
let strikesWithout = 0;
let strikesWith = 0;
for (let seed = 1; seed <= SEEDS; seed++) {
  const r0 = simulate(without.spec, { seed, rounds: ROUNDS });
  const r1 = simulate(withHotline.spec, { seed, rounds: ROUNDS });
  const p0 = peakAB(r0);
  const p1 = peakAB(r1);
  sumWithout += p0;
  sumWith += p1;
  if (p1 < p0) lower++;
  else if (p1 === p0) equal++;
  else higher++;
  strikesWithout += r0.log.filter((e) => e.type === 'retaliation.conducted').length;
  strikesWith += r1.log.filter((e) => e.type === 'retaliation.conducted').length;
}

console.log(`Hotline versus none under third-party false flags (${SEEDS} paired seeds, ${ROUNDS} rounds)\n`);
console.log(`peak rung A–B lower with the hotline:  ${lower} seeds (${((100 * lower) / SEEDS).toFixed(0)}%)`);
console.log(`                equal:                 ${equal} seeds`);
console.log(`                higher:                ${higher} seeds`);
console.log(`mean peak rung: without ${(sumWithout / SEEDS).toFixed(2)}, with ${(sumWith / SEEDS).toFixed(2)}`);
console.log(`retaliatory strikes per run: without ${(strikesWithout / SEEDS).toFixed(2)}, with ${(strikesWith / SEEDS).toFixed(2)}`);
