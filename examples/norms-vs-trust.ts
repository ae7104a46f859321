/**
 * Norm adoption in the GGE 2015 forum versus trust.
 *
 * Runs the bundled `gge-2015` scenario over 30 seeds and, for each member, relates how many of the
 * eleven norms it ended up adopting to how much the other members trust it at the end (mean of
 * their trust in it) — and reports the correlation across members.
 *
 * Run: npx tsx examples/norms-vs-trust.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { betaTrust, parseScenario, simulate } from 'detente';

const SEEDS = 30;
const file = fileURLToPath(new URL('../scenarios/gge-2015.yaml', import.meta.url));
const scenario = parseScenario(readFileSync(file, 'utf8'), { source: file });

const norms = new Map<string, number>();
const trust = new Map<string, number>();
let holdoutsSeen = 0;
for (let seed = 1; seed <= SEEDS; seed++) {
  const run = simulate(scenario.spec, { seed, rounds: scenario.rounds });
  const w = run.world;
  const n = w.actors.length;
  w.actors.forEach((a, j) => {
    let sum = 0;
    for (let i = 0; i < n; i++) if (i !== j) sum += betaTrust(w.dyads.trustR[i * n + j] ?? 0, w.dyads.trustS[i * n + j] ?? 0);
    trust.set(a.id, (trust.get(a.id) ?? 0) + sum / (n - 1) / SEEDS);
    norms.set(a.id, (norms.get(a.id) ?? 0) + (w.norms[a.id] ?? []).length / SEEDS);
  });
  holdoutsSeen += run.log.filter((e) => e.type === 'forum.failed').length;
}

const ids = [...norms.keys()].sort((a, b) => (norms.get(b) ?? 0) - (norms.get(a) ?? 0) || (a < b ? -1 : 1));
console.log(`${scenario.title}: ${SEEDS} seeds × ${scenario.rounds} rounds (${holdoutsSeen} failed votes in all)\n`);
console.log('member  norms adopted (of 11)  trust of the others');
for (const id of ids) console.log(`${id.padEnd(6)}  ${(norms.get(id) ?? 0).toFixed(1).padStart(21)}  ${(trust.get(id) ?? 0).toFixed(3).padStart(19)}`);

const xs = ids.map((id) => norms.get(id) ?? 0);
const ys = ids.map((id) => trust.get(id) ?? 0);
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const mx = mean(xs);
const my = mean(ys);
let sxy = 0;
let sxx = 0;
let syy = 0;
for (let k = 0; k < xs.length; k++) {
  sxy += ((xs[k] ?? 0) - mx) * ((ys[k] ?? 0) - my);
  sxx += ((xs[k] ?? 0) - mx) ** 2;
  syy += ((ys[k] ?? 0) - my) ** 2;
}
const r = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
console.log(`\nPearson correlation between norms adopted and trust received, across members: r = ${r.toFixed(2)}`);
