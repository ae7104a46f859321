import fc from 'fast-check';

/**
 * A fixed fast-check seed for every property (CI is reproducible); override it with `FC_SEED` to
 * explore, e.g. `FC_SEED=$RANDOM npx vitest run tests/engine`. fast-check prints the seed and the
 * counterexample path of any failure, so a failure found with another seed can be replayed.
 * `FC_NUM_RUNS` scales the default number of runs of properties that do not set their own.
 */
export function fastCheckSettings(env: Readonly<Record<string, string | undefined>>): { seed: number; numRuns: number } {
  return { seed: whole(env, 'FC_SEED', 424242, Number.MIN_SAFE_INTEGER), numRuns: whole(env, 'FC_NUM_RUNS', 50, 1) };
}

/**
 * The variable as a whole number ≥ `min`, or `fallback` when unset. Anything else stops the run:
 * `Number` made `FC_NUM_RUNS=abc` (or empty, or 0) run every property zero times — all green,
 * nothing tested — and `FC_SEED=abc` silently seed 0.
 */
function whole(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, min: number): number {
  const text = env[name];
  if (text === undefined) return fallback;
  const value = /^\s*[-+]?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= min) return value;
  throw new Error(`${name} must be ${min === 1 ? 'a whole number ≥ 1' : 'an integer'}, but it is ${JSON.stringify(text)}`);
}

fc.configureGlobal(fastCheckSettings(process.env));
