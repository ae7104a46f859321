// The version of detente: what `detente --version` prints, what the command line records in a
// results file's `detente` column (src/cli/sweep/detente-column.ts), and what a researcher's own
// script records to tell which rules produced its figures (a release may change a rule or a default).
// Put in by the build (tsup's `define`, from package.json), so the browser-safe library reads no
// package.json and needs no file system; vitest defines it the same way for the sources.

declare const __VERSION__: string | undefined;

/**
 * The version of detente that is running, as its package.json gives it (`'0.1.0'`). Record it
 * beside results you compute with the library, as the command line's results files do in their
 * `detente` column. Sources run without the build (a bundle of `src/` made by hand) read
 * `'0.0.0-unbuilt'`.
 *
 * @example
 * ```ts
 * import { parseScenario, sweep, VERSION } from 'detente';
 * const rows = sweep(parseScenario(text), { seeds: '1..20' });
 * writeFileSync('runs.json', JSON.stringify({ detente: VERSION, rows }));
 * ```
 */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-unbuilt';
