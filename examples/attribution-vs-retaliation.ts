/**
 * Better forensics, fewer misattributed strikes?
 *
 * Two deterrers spy on each other while a third party frames each for attacks on the other. We
 * vary both deterrers' attribution capability and count retaliatory strikes, split into those
 * aimed at the true culprit of the incident and those aimed at an innocent (misattributed).
 *
 * Run: npx tsx examples/attribution-vs-retaliation.ts
 */
import { scenarioBuilder, simulate } from 'detente';
import type { SimEvent } from 'detente';

const SEEDS = 60;
const ROUNDS = 24;
const LEVELS = [0.2, 0.4, 0.6, 0.8, 0.95];

function scenario(attribution: number) {
  let b = scenarioBuilder('forensics')
    .rounds(ROUNDS)
    .actor({ id: 'A', capabilities: { espionage: 0.6, offense: 0.6, defense: 0.5, attribution, stealth: 0.5 }, strategy: 'deterrer' })
    .actor({ id: 'B', capabilities: { espionage: 0.6, offense: 0.6, defense: 0.5, attribution, stealth: 0.5 }, strategy: 'deterrer' })
    .actor({ id: 'C', capabilities: { espionage: 0.8, offense: 0.5, defense: 0.5, attribution: 0.3, stealth: 0.6 }, strategy: 'passive' });
  for (let r = 1; r < ROUNDS; r += 3) {
    b = b.inject({ round: r, type: 'operation', actor: 'C', target: 'A', kind: 'disruption', falseFlag: 'B' });
    b = b.inject({ round: r + 1 < ROUNDS ? r + 1 : r, type: 'operation', actor: 'C', target: 'B', kind: 'disruption', falseFlag: 'A' });
  }
  return b.build();
}

/** Retaliations split by whether the target really was behind the incident they answer. */
function classify(log: readonly SimEvent[]): { right: number; wrong: number } {
  const principalOf = new Map<string, string>();
  const incidentOp = new Map<string, string | null>();
  for (const e of log) {
    if (e.type === 'operation.conducted') principalOf.set(e.operation.id, e.operation.principal);
    else if (e.type === 'incident.detected') incidentOp.set(e.incident, e.operation);
  }
  let right = 0;
  let wrong = 0;
  for (const e of log) {
    if (e.type !== 'retaliation.conducted' || e.incident === null) continue;
    const op = incidentOp.get(e.incident);
    const culprit = op ? principalOf.get(op) : undefined;
    if (culprit === e.target) right++;
    else wrong++;
  }
  return { right, wrong };
}

console.log(`Attribution capability versus misattributed retaliation (${SEEDS} seeds × ${ROUNDS} rounds each)\n`);
console.log('attribution  strikes/run  at the culprit  at an innocent  share misattributed');
for (const level of LEVELS) {
  const s = scenario(level);
  let right = 0;
  let wrong = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const c = classify(simulate(s.spec, { seed, rounds: ROUNDS }).log);
    right += c.right;
    wrong += c.wrong;
  }
  const total = right + wrong;
  console.log(
    `${level.toFixed(2).padStart(11)}  ${(total / SEEDS).toFixed(2).padStart(11)}  ${(right / SEEDS).toFixed(2).padStart(14)}  ${(wrong / SEEDS).toFixed(2).padStart(14)}  ${(total ? (100 * wrong) / total : 0).toFixed(0).padStart(18)}%`,
  );
}
