/**
 * Norm adoption in the GGE 2015 forum versus trust.
 *
 * Runs the bundled `gge-2015` scenario over 30 seeds. For each member it measures how early it took
 * up the eleven norms (how many it had adopted before the forum's consensus vote), how often the
 * others perceived it breaking a norm or a commitment, and how much the others trust it at the end
 * (the mean of their trust in it). It then reports, across members, the correlation of trust with
 * early adoption and with perceived violations.
 *
 * Run: npx tsx examples/norms-vs-trust.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { betaTrust, parseScenario, simulate } from 'detente';

const SEEDS = 30;
// The scenario the package ships, found through the package itself: so the file runs from a clone
// of the repository and, copied, from a project that installed detente (examples/README.md).
const file = join(dirname(createRequire(import.meta.url).resolve('detente/package.json')), 'scenarios/gge-2015.yaml');
const scenario = parseScenario(readFileSync(file, 'utf8'), { source: file });
const forum = scenario.document.forums?.[0];
if (!forum) throw new Error(`${file}: expected a forum`);
// The forum's first session is where the norms are put to the vote.
const vote = forum.first ?? 0;

interface Member { early: number; adopted: number; violations: number; trust: number }
const members = new Map<string, Member>();
const at = (id: string): Member => {
  let m = members.get(id);
  if (!m) members.set(id, (m = { early: 0, adopted: 0, violations: 0, trust: 0 }));
  return m;
};
let failedVotes = 0;
for (let seed = 1; seed <= SEEDS; seed++) {
  const run = simulate(scenario.spec, { seed, rounds: scenario.rounds });
  const w = run.world;
  const n = w.actors.length;
  w.actors.forEach((a, j) => {
    let sum = 0;
    for (let i = 0; i < n; i++) if (i !== j) sum += betaTrust(w.dyads.trustR[i * n + j] ?? 0, w.dyads.trustS[i * n + j] ?? 0);
    at(a.id).trust += sum / (n - 1) / SEEDS;
    at(a.id).adopted += (w.norms[a.id] ?? []).length / SEEDS;
  });
  for (const e of run.log) {
    if (e.type === 'norm.adopted' && e.round < vote) at(e.actor).early += 1 / SEEDS;
    else if (e.type === 'violation.perceived') at(e.against).violations += 1 / SEEDS;
    else if (e.type === 'forum.failed') failedVotes++;
  }
}

const ids = [...members.keys()].sort((a, b) => at(b).trust - at(a).trust || (a < b ? -1 : 1));
console.log(`${scenario.title}: ${SEEDS} seeds × ${scenario.rounds} rounds, forum vote at round ${vote} (${failedVotes} failed votes in all)\n`);
console.log('member  norms adopted by the vote  norms adopted at the end  violations perceived by others  trust of the others');
for (const id of ids) {
  const m = at(id);
  console.log(`${id.padEnd(6)}  ${m.early.toFixed(1).padStart(25)}  ${m.adopted.toFixed(1).padStart(24)}  ${m.violations.toFixed(1).padStart(30)}  ${m.trust.toFixed(3).padStart(19)}`);
}

/** Pearson's r, or null when one side does not vary (r is then undefined, not 0). */
function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, k) => {
    const y = ys[k] ?? 0;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxx > 1e-12 && syy > 1e-12 ? sxy / Math.sqrt(sxx * syy) : null;
}
const trust = ids.map((id) => at(id).trust);
const show = (r: number | null) => (r === null ? 'undefined (no variation across members)' : r.toFixed(2));
console.log(`\nAcross members (Pearson r): trust vs norms adopted by the vote = ${show(pearson(ids.map((id) => at(id).early), trust))}`);
console.log(`                            trust vs violations perceived       = ${show(pearson(ids.map((id) => at(id).violations), trust))}`);
