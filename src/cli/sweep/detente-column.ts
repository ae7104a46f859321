// The `detente` column of a results file: which version of detente computed its runs. A new release
// may change a rule or a default coefficient, and so every figure a run gives: --resume and merge
// compare this cell so that the rows of two versions never end up in one file, as they compare the
// scenario (`scenario` column) and the user's own code (`modules` column); summarize, which may
// well be given a merged history on purpose, only warns. It is the command line's: the library
// returns rows in memory, to a caller that knows which detente it imported.
import type { SweepRow } from '../../index.js';
import { showControlCharacters as shown } from '../../model/control-characters.js';
import { VERSION } from '../../version.js';

/** The column naming the version of detente that computed a row: the last column of every results file the command line writes. */
export const DETENTE_COLUMN = 'detente';

/** This detente's cell of the column: the package's version, e.g. `0.1.0`. */
export const DETENTE_CELL: string = VERSION;

/** A version of the package as npm names it (`1.2.3`, `1.2.3-rc.1`): one `npx detente@…` can run. */
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A row's `detente` cell as text for a message: `detente 0.1.0`, or what the cell holds when it names no version. */
export function versionText(cell: unknown): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return SEMVER.test(text) ? `detente ${text}` : `no version of detente (its ${DETENTE_COLUMN} cell is '${shown(text)}': the file was edited, or is not a results file of detente)`;
}

/** How to run the version a cell names (`npx detente@0.1.0`), or undefined when it names none. */
export function runVersion(cell: unknown): string | undefined {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return SEMVER.test(text) ? `npx detente@${text}` : undefined;
}

/**
 * What rows of `count` versions of detente would be, said alike by --resume and merge (which
 * refuse them) and summarize (which warns): `the results of two versions of detente (a release …)`.
 */
export function mixedResults(count: number): string {
  return `the results of ${count === 2 ? 'two' : count} versions of detente (a release may change a rule or a default coefficient)`;
}

/**
 * The warning of summarize for rows computed by several versions of detente: each version (as
 * {@link versionText} says it) and how many rows it computed, in the order first met; undefined
 * when the rows have no `detente` column (an older file) or one version, or when they are grouped
 * by it (`by` holds it: no group mixes versions). A warning, not a refusal: summarising a merged
 * history may be what the researcher meant.
 */
export function mixedVersionsWarning(path: string, columns: readonly string[], rows: readonly SweepRow[], by: readonly string[]): string | undefined {
  if (!columns.includes(DETENTE_COLUMN) || by.includes(DETENTE_COLUMN)) return undefined;
  // Keyed as the message shows a cell: an empty cell and a missing one are the same "no version".
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = versionText(row[DETENTE_COLUMN]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size < 2) return undefined;
  const list = [...counts].map(([text, n]) => `${text} (${n} run${n === 1 ? '' : 's'})`).join(', ');
  return `detente: ${path} holds runs computed by ${list}: its summaries mix ${mixedResults(counts.size)}; to compare them, add ${DETENTE_COLUMN} to --by, or summarise the runs of one version\n`;
}
