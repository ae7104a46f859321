/**
 * The most rounds one call may play: a scenario's `rounds`, a command's `--rounds`, a game's
 * `rounds`, a sweep grid's `rounds`, and the `rounds` of `simulate`, `runRounds` and `fork` are
 * all held to it. A typo of a few zeros fails at once instead of running for hours or running out
 * of memory; a longer run continues its world in several calls (`simulate(run.world, { rounds })`).
 *
 * @example
 * ```ts
 * const rounds = Number(process.argv[2]); // as the user typed it
 * if (rounds > MAX_ROUNDS) throw new Error(`at most ${MAX_ROUNDS} rounds`);
 * ```
 */
export const MAX_ROUNDS = 100_000;
