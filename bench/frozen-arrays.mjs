// Why the engine walks its frozen lists with indexed loops (docs/performance.md, fourth pass):
// the cost of common array operations on a frozen list of a dozen records against the same list
// unfrozen. Each kind of list is timed in a child process of its own, so that neither shares the
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

/** ns per call of every operation, on a frozen or a plain list of 12 records (in this process). */
function measure(frozen) {
  const items = Array.from({ length: 12 }, (_, i) => Object.freeze({ id: i, round: i % 4, principal: `A${i % 3}` }));
  const list = frozen ? Object.freeze([...items]) : [...items];
  const keep = new Array(4096);
  const out = {};
  for (const [name, op] of Object.entries(OPERATIONS)) {
    for (let i = 0; i < 200_000; i++) keep[i & 4095] = op(list);
    const n = 2_000_000;
    const t = performance.now();
    for (let i = 0; i < n; i++) keep[i & 4095] = op(list);
    out[name] = ((performance.now() - t) * 1e6) / n;
  }
  return out;
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  process.stdout.write(JSON.stringify(measure(argv[1] === 'frozen')));
} else {
  const run = (kind) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child '${kind}' failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const plain = run('plain');
  const frozen = run('frozen');
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ node: process.version, plain, frozen }, null, 2));
  } else {
    console.log(`Node ${process.version}: ns per operation on a list of 12 frozen records\n`);
    console.log('| operation | plain list | frozen list | frozen ÷ plain |');
    console.log('|---|---:|---:|---:|');
    for (const name of Object.keys(OPERATIONS)) {
      console.log(`| ${name} | ${plain[name].toFixed(1)} | ${frozen[name].toFixed(1)} | ${(frozen[name] / plain[name]).toFixed(1)}× |`);
    }
  }
}
