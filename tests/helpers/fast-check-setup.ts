import fc from 'fast-check';

/**
 * A fixed fast-check seed for every property (CI is reproducible); override it with `FC_SEED` to
 * explore, e.g. `FC_SEED=$RANDOM npx vitest run tests/engine`. fast-check prints the seed and the
 * counterexample path of any failure, so a failure found with another seed can be replayed.
 * `FC_NUM_RUNS` scales the default number of runs of properties that do not set their own.
 */
const seed = Number(process.env.FC_SEED ?? 424242);
const numRuns = Number(process.env.FC_NUM_RUNS ?? 50);
fc.configureGlobal({ seed, numRuns });
