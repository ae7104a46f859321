/**
 * How does a strategy of one's own fare against the built-ins, on every core?
 *
 * `proportionate` (examples/proportionate.mjs) answers incidents through the quietest channel it
 * has. A round-robin puts it, `tit-for-tat`, `hawk` and `dove` in the shoes of two rival states,
 * each pair played with 60 seeds, while a proxy of one of them steals and disrupts. The runs go to
 * worker threads (`tournamentOnWorkers` from `detente/node`); each thread imports the strategy's
 * module itself, because code cannot be sent to a thread. The standings are those the one-thread
 * `tournament` gives, whatever the number of threads.
 *
 * Run: npx tsx examples/own-strategy-tournament.ts   (see examples/README.md)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseScenario } from 'detente';
import { loadStrategies, tournamentOnWorkers } from 'detente/node';

// The files beside this script (found from the script's own path, which works whether tsx runs it
// as ESM or as CommonJS, where import.meta.url is not available).
const here = dirname(process.argv[1] ?? '.');
const modules = join(here, 'proportionate.mjs');
const SEEDS = '1..60';

// Two rival states and a proxy of one of them (the states' strategies are the tournament's to assign).
const template = parseScenario(readFileSync(join(here, 'rivals-and-a-proxy.yaml'), 'utf8')).document;

async function main(): Promise<void> {
  // Imported here first: a module with a problem is reported before any thread starts.
  const registry = await loadStrategies(modules);
  console.log(`strategies: ${registry.names().length} (the built-ins and proportionate)`);

  const t = await tournamentOnWorkers(template, { strategies: ['proportionate', 'tit-for-tat', 'hawk', 'dove'], roles: ['US', 'CN'], seeds: SEEDS, modules, workers: 2 });
  console.log(`${t.rows.length} runs: 16 assignments of 4 strategies to US and CN × 60 seeds\n`);
  console.log('welfare rank  strategy        mean welfare  mean peak rung  calm (≤ L1)  peace rank');
  for (const s of t.standings) {
    console.log(`${String(s.welfareRank).padEnd(14)}${s.strategy.padEnd(16)}${s.meanWelfare.toFixed(2).padStart(12)}  ${s.meanPeakRung.toFixed(2).padStart(14)}  ${`${(s.calmShare * 100).toFixed(0)}%`.padStart(11)}  ${String(s.peaceRank).padStart(10)}`);
  }
  const mine = t.standings.find((s) => s.strategy === 'proportionate');
  const hawk = t.standings.find((s) => s.strategy === 'hawk');
  if (mine && hawk) console.log(`\nproportionate is ${mine.meanPeakRung < hawk.meanPeakRung ? 'calmer' : 'no calmer'} than hawk (mean peak rung ${mine.meanPeakRung.toFixed(2)} against ${hawk.meanPeakRung.toFixed(2)}).`);
}

// No top-level await: tsx runs a .ts file of a project without "type": "module" as CommonJS.
main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
