// Why the engine walks its frozen lists with indexed loops (docs/performance.md, fourth pass):
// the cost of common array operations on a frozen list of a dozen records against the same list
// unfrozen, and of freezing an array of numbers. Each kind of list is timed in a child process of its own, so that neither shares the
// other's type feedback (which would make both look alike).
//
//   node bench/frozen-arrays.mjs           # a table of ns per operation, and the ratios
//   node bench/frozen-arrays.mjs --json    # the same as JSON
//
// A benchmark reports figures; it never asserts (DESIGN.md §7).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const OPERATIONS = {
  filter: (a) => a.filter((o) => o.round > 1),
  some: (a) => a.some((o) => o.id === 11),
  find: (a) => a.find((o) => o.id === 11),
  slice: (a) => a.slice(),
  map: (a) => a.map((o) => o.id),
  'for…of': (a) => {
    let s = 0;
    for (const o of a) s += o.id;
    return s;
  },
  'indexed loop': (a) => {
    let s = 0;
    for (let k = 0; k < a.length; k++) s += a[k].id;
    return s;
  },
  spread: (a) => [...a, a[0]],
  includes: (a) => a.includes(a[11]),
};

// Arrays of numbers (an incident's posterior has one entry per actor and one for "nobody"):
// freezing one moves its doubles out of their unboxed storage, one heap number each.
const DOUBLES = {
  'make 33 doubles': (n) => doubles(33, n),
  'make 33 doubles and freeze': (n) => Object.freeze(doubles(33, n)),
  'make 129 doubles': (n) => doubles(129, n),
  'make 129 doubles and freeze': (n) => Object.freeze(doubles(129, n)),
};

function doubles(length, seed) {
  const a = new Array(length);
  for (let k = 0; k < length; k++) a[k] = (k + seed) / 1000.5;
  return a;
}

/**
 * ns per call of each function of `fns`, called with the call's number after a warm-up of a tenth
 * as many calls; results are kept in a ring so that the calls cannot be optimised away.
 */
function timeEach(fns, calls) {
  const keep = new Array(4096);
  const out = {};
  for (const [name, fn] of Object.entries(fns)) {
    for (let i = 0; i < calls / 10; i++) keep[i & 4095] = fn(i);
    const t = performance.now();
    for (let i = 0; i < calls; i++) keep[i & 4095] = fn(i);
    out[name] = ((performance.now() - t) * 1e6) / calls;
  }
  return out;
}

/** ns per call of every operation, on a frozen or a plain list of 12 records (in this process). */
function measure(frozen) {
  const items = Array.from({ length: 12 }, (_, i) => Object.freeze({ id: i, round: i % 4, principal: `A${i % 3}` }));
  const list = frozen ? Object.freeze([...items]) : [...items];
  const onList = Object.fromEntries(Object.entries(OPERATIONS).map(([name, op]) => [name, () => op(list)]));
  return timeEach(onList, 2_000_000);
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  process.stdout.write(JSON.stringify(argv[1] === 'doubles' ? timeEach(DOUBLES, 200_000) : measure(argv[1] === 'frozen')));
} else {
  const run = (kind) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child '${kind}' failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const plain = run('plain');
  const frozen = run('frozen');
  const numbers = run('doubles');
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ node: process.version, plain, frozen, doubles: numbers }, null, 2));
  } else {
    console.log(`Node ${process.version}: ns per operation on a list of 12 frozen records\n`);
    console.log('| operation | plain list | frozen list | frozen ÷ plain |');
    console.log('|---|---:|---:|---:|');
    for (const name of Object.keys(OPERATIONS)) {
      console.log(`| ${name} | ${plain[name].toFixed(1)} | ${frozen[name].toFixed(1)} | ${(frozen[name] / plain[name]).toFixed(1)}× |`);
    }
    console.log('\n| arrays of numbers | ns |');
    console.log('|---|---:|');
    for (const name of Object.keys(DOUBLES)) console.log(`| ${name} | ${numbers[name].toFixed(0)} |`);
  }
}
