// The workloads shared by bench/compare.mjs and tests/perf/kernel-equality.test.ts: worlds of `n`
// states sorted by id, strategies cycling through a list, capabilities from a tiny LCG seeded by
// the actor's index (values in [0.20, 0.95] on a grid of hundredths) — the same as engine.bench.mjs.

const CAPABILITY_KEYS = ['espionage', 'offense', 'defense', 'attribution', 'stealth'];

/** The mix the reference kernel covers. */
export const KERNEL_MIX = ['hawk', 'tit-for-tat', 'passive'];

function lcg(seed) {
  let s = (Math.imul(seed + 1, 2654435761) ^ 0x9e3779b9) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A world spec of `n` states named A0…/A00…/A000… (zero-padded, so id order is index order). */
export function mixSpec(n, strategies = KERNEL_MIX) {
  const width = String(n - 1).length;
  return {
    actors: Array.from({ length: n }, (_, i) => {
      const next = lcg(i);
      const capabilities = Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, Math.round((0.2 + 0.75 * next()) * 100) / 100]));
      return { id: `A${String(i).padStart(width, '0')}`, strategy: strategies[i % strategies.length], capabilities };
    }),
  };
}
