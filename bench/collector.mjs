// What a warm run leaves to V8's collector, and whether it makes new hidden classes (issue 7,
// twelfth pass in docs/performance.md).
//
//   npm run build && node bench/collector.mjs                       # bench/three-builtins.yaml
//   node bench/collector.mjs --scenario us-china-2015 --runs 4000
//   DETENTE_DIST=path/to/index.js node bench/collector.mjs          # another build
//
// Two child processes per report, each over the built package:
//   - `node --trace-gc-nvp`: `runs` runs after a warm-up of 300, one line per collection. Reported:
//     runs/s, the scavenges' count, total and median pause, and the median bytes each one kept and
//     promoted to the old generation. A run keeps nothing once it is over, so what a scavenge
//     promotes, run after run, is something the engine keeps alive without meaning to.
//   - `node --log-maps`, twice (100 and 200 runs after a warm-up of 200): the hidden classes V8 made
//     for the 100 more runs, a sign of objects that each get a class of their own (on Node 20: a
//     literal that opens with a spread, then frozen or given a key; src/model/record.ts).
// A benchmark reports figures; it never asserts (DESIGN.md §7). Time figures move ±20–40% with this
// machine's state: compare builds in alternating runs, never across hours.

import { relative, resolve } from 'node:path';
import { DIST, ROOT } from './build.mjs';
import { flagsOf, scenarioFlag, wholeFlag } from './flags.mjs';
import { median } from './median.mjs';
import { hiddenClassesMade, MEASURED, runNode, runsScript } from './runs.mjs';

const values = flagsOf('collector', {
  scenario: { type: 'string', default: resolve(ROOT, 'bench/three-builtins.yaml') },
  runs: { type: 'string', default: '4000' },
});
const runs = wholeFlag('collector', 'runs', values.runs, 100);
const scenarioFile = scenarioFlag('collector', ROOT, values.scenario);

const field = (line, name) => Number(new RegExp(`(?:^|\\s)${name.replace('.', '\\.')}=([0-9.]+)`).exec(line)?.[1] ?? NaN);

const trace = runNode(['--trace-gc-nvp'], runsScript(DIST, scenarioFile, 300, runs)).split('\n');
const after = trace.slice(trace.indexOf(MEASURED) + 1);
const scavenges = after.filter((l) => / gc=s /.test(l));
const marks = after.filter((l) => / gc=(mc|ms) /.test(l));
const runsPerSecond = Number(/runs\/s ([0-9.]+)/.exec(after.join('\n'))?.[1]);

const extraClasses = hiddenClassesMade(DIST, scenarioFile, 200, 200) - hiddenClassesMade(DIST, scenarioFile, 200, 100);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`# detente: what a warm run leaves to the collector

${process.version}, ${DIST === resolve(ROOT, 'dist/index.js') ? 'dist/index.js' : DIST}, ${relative(ROOT, scenarioFile)}, ${runs} runs after 300 of warm-up

| figure | value |
|---|---:|
| runs/s (under --trace-gc-nvp) | ${Math.round(runsPerSecond).toLocaleString('en-US')} |
| scavenges | ${scavenges.length} |
| scavenge pauses, total | ${scavenges.reduce((t, l) => t + field(l, 'pause'), 0).toFixed(0)} ms |
| scavenge pause, median | ${median(scavenges.map((l) => field(l, 'pause'))).toFixed(2)} ms |
| kept by a scavenge, median | ${kb(median(scavenges.map((l) => field(l, 'new_space_survived'))))} |
| promoted to the old generation by a scavenge, median | ${kb(median(scavenges.map((l) => field(l, 'promoted'))))} |
| full collections | ${marks.length} |
| hidden classes made by 100 more warm runs | ${extraClasses} |
`);
