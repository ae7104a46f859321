// Not a speed benchmark: a measurement of the rules, kept beside the benchmarks because it reads a
// build the same way. It gives the tension the bundled scenarios reach, from which the built-ins'
// tension defaults were chosen (TENSION_DEFAULTS in src/strategies/builtins/helpers.ts,
// docs/diplomacy.md): for every incident detected with a suspect, over seeds 1..N of every file in
// scenarios/, the victim's Richardson tension towards the suspect as the strategies see it when
// they decide about that incident (the world at the end of the round before: tension moves in the
// update, phase 6, after the decisions).
//
//   node bench/tension-at-detection.mjs [--seeds 20]     # needs a built dist/ (npx tsup)
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT } from './build.mjs';
import { flagsOf, wholeFlag } from './flags.mjs';

const SCRIPT = 'tension-at-detection';
const flags = flagsOf(SCRIPT, { seeds: { type: 'string', default: '20' } });
const seeds = wholeFlag(SCRIPT, 'seeds', flags.seeds);
const { createWorld, parseScenario, simulate } = await import(pathToFileURL(DIST).href);

const tensions = [];
const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
for (const file of files) {
  const scenario = parseScenario(readFileSync(resolve(ROOT, 'scenarios', file), 'utf8'), { source: file });
  for (let seed = 1; seed <= seeds; seed++) {
    let before = createWorld(scenario.spec, { seed });
    simulate(scenario.spec, {
      seed,
      rounds: scenario.rounds,
      log: false,
      onRound: (result) => {
        const index = new Map(before.actors.map((a, i) => [a.id, i]));
        const { n, tension } = before.dyads;
        for (const e of result.events) {
          if (e.type === 'incident.detected' && e.suspect !== null) tensions.push(tension[index.get(e.victim) * n + index.get(e.suspect)]);
        }
        before = result.world;
      },
    });
  }
}
tensions.sort((a, b) => a - b);
const at = (p) => tensions[Math.floor(p * (tensions.length - 1))];
const belowOne = tensions.filter((x) => x < 1).length / tensions.length;
console.log(`${files.length} scenario files × seeds 1..${seeds}: ${tensions.length} incidents detected with a suspect`);
console.log(`tension of the victim towards the suspect: median ${at(0.5).toFixed(2)}, 75th percentile ${at(0.75).toFixed(2)}, 90th ${at(0.9).toFixed(2)}, most ${tensions.at(-1).toFixed(2)}; 1 is the ${Math.round(100 * belowOne)}th percentile`);
