// How much of a small run does not depend on its number of rounds (issue 7, thirteenth pass in
// docs/performance.md): the world's creation, the random streams, freezing the first world and
// settling and freezing the last.
//
//   npm run build && node bench/fixed-cost.mjs                 # mixSpec(3), 1 against 24 rounds
//   node bench/fixed-cost.mjs --actors 3 --rounds 37 --seconds 8
//   DETENTE_DIST=path/to/index.js node bench/fixed-cost.mjs    # another build
//
// One process, after a warm-up of both lengths: blocks of about 25 ms of 1-round runs and of
// R-round runs alternate (the machine's speed moves within minutes, so the two are timed in the
// same minutes), `simulate(spec, { seed, rounds, log: false })` as the throughput target plays
// them. Reported: the median time of a run of each length, the cost of one more round (their
// difference ÷ (R − 1)), the fixed cost (a 1-round run less one round), and its share of an
// R-round run. A benchmark reports figures; it never asserts (DESIGN.md §7).

import { pathToFileURL } from 'node:url';
import { DIST } from './build.mjs';
import { fail, flagsOf, wholeFlag } from './flags.mjs';
import { median } from './median.mjs';
import { mixSpec } from './workload.mjs';

const SCRIPT = 'fixed-cost';
const values = flagsOf(SCRIPT, {
  actors: { type: 'string', default: '3' },
  rounds: { type: 'string', default: '24' },
  seconds: { type: 'string', default: '6' },
  json: { type: 'boolean', default: false },
});
const actors = wholeFlag(SCRIPT, 'actors', values.actors, 2);
const rounds = wholeFlag(SCRIPT, 'rounds', values.rounds, 2);
const seconds = Number(values.seconds);
if (!(seconds > 0)) fail(SCRIPT, `--seconds must be a positive number, not '${values.seconds}'`);

const { simulate } = await import(pathToFileURL(DIST).href);
const spec = mixSpec(actors);

let seed = 0;
/** Mean milliseconds per run over a block of `n` runs of `length` rounds. */
const block = (length, n) => {
  const t = performance.now();
  for (let k = 0; k < n; k++) simulate(spec, { seed: ++seed, rounds: length, log: false });
  return (performance.now() - t) / n;
};
/** How many runs of `length` rounds take about 25 ms. */
const sized = (length) => Math.max(1, Math.round(25 / block(length, 20)));

// Warm-up: both lengths, so that neither is timed while the other's code is still compiling.
for (let k = 0; k < 300; k++) {
  simulate(spec, { seed: ++seed, rounds: 1, log: false });
  simulate(spec, { seed: ++seed, rounds, log: false });
}
const nShort = sized(1);
const nLong = sized(rounds);
const short = [];
const long = [];
const until = performance.now() + seconds * 1000;
while (performance.now() < until) {
  short.push(block(1, nShort));
  long.push(block(rounds, nLong));
}
const one = median(short) * 1000;
const all = median(long) * 1000;
const perRound = (all - one) / (rounds - 1);
const fixed = one - perRound;
const figures = { actors, rounds, blocks: short.length, oneRoundUs: one, runUs: all, perRoundUs: perRound, fixedUs: fixed, fixedShare: fixed / all };

if (values.json) console.log(JSON.stringify(figures));
else {
  const us = (x) => `${x.toFixed(1)} µs`;
  console.log(`${DIST}: mixSpec(${actors}), ${short.length} blocks of each length, medians`);
  console.log(`  a 1-round run          ${us(one)}`);
  console.log(`  a ${rounds}-round run         ${us(all)}`);
  console.log(`  one more round         ${us(perRound)}`);
  console.log(`  fixed cost of a run    ${us(fixed)} (${(100 * fixed / all).toFixed(1)}% of a ${rounds}-round run)`);
}
