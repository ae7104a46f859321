/**
 * Finding — and shrinking — a counterexample to a claim about escalation.
 *
 * The claim "a mix of hawks and tit-for-tat players never goes beyond a public accusation (L2)"
 * is false. fast-check generates scenarios, finds one that breaks it, and shrinks it to the
 * smallest it can; we print it as a scenario file that `detente run` accepts, with its seed.
 * A true claim — "cautious, dove and de-escalator players never strike (peak ≤ L4)" — holds.
 *
 * Run: npx tsx examples/shrink-counterexample.ts [out-dir]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arbScenario, checkEscalationClaim, peakRung } from 'detente/testing';

const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'detente-cx-'));
// A folder named on the command line may not exist yet.
mkdirSync(out, { recursive: true });

const falseClaim = checkEscalationClaim(arbScenario({ strategies: ['hawk', 'tit-for-tat'] }), (run) => peakRung(run) <= 'L2', { numRuns: 200, seed: 2026 });
if (!falseClaim) throw new Error('expected the false claim to be broken');
const file = join(out, 'counterexample.yaml');
writeFileSync(file, falseClaim.yaml);
console.log(`Claim "hawks and tit-for-tat never go beyond L2" broken after ${falseClaim.numRuns} scenario(s); shrunk ${falseClaim.numShrinks} times.`);
console.log(`Smallest counterexample (${falseClaim.scenario.actors.length} actors, ${falseClaim.scenario.rounds} rounds, seed ${falseClaim.seed}; broken after round ${falseClaim.round}), written to ${file}:\n`);
console.log(falseClaim.yaml);
console.log(`Replay it with: detente run ${file}\n`);

const trueClaim = checkEscalationClaim(arbScenario({ strategies: ['cautious', 'dove', 'de-escalator'] }), (run) => peakRung(run) <= 'L4', { numRuns: 200, seed: 2026 });
console.log(trueClaim === null ? 'Claim "cautious, dove and de-escalator never strike (peak ≤ L4)" held in 200 generated scenarios.' : `Unexpected counterexample:\n${trueClaim.yaml}`);
