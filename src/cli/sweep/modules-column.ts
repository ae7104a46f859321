// The `modules` column of a results file: which code of the user's own (`--load FILE`) its runs were
// computed with, so that --resume and merge never mix the rows of two versions of a strategy. The
// scenario column identifies the scenario document; this one the bytes of each --load file
// (moduleDigest). It is the command line's, not the browser-safe core's.
import { showControlCharacters as shown } from '../../model/control-characters.js';
import { DIGEST_DIGITS } from '../../node/module-digest.js';
import type { ModuleDigest } from '../../node/module-digest.js';
import { UsageError } from '../run.js';

/** The column naming the --load modules a sweep's runs were computed with; present only when the sweep loads modules. */
export const MODULES_COLUMN = 'modules';

/** The cell of the `modules` column: `name@digest` per module, in the order loaded, separated by spaces. */
export function modulesCell(modules: readonly ModuleDigest[]): string {
  return modules.map((m) => `${m.name}@${m.digest}`).join(' ');
}

/** The entries of a `modules` cell read back, or undefined when it is not one (a file edited by hand). */
export function readModulesCell(cell: unknown): { name: string; digest: string }[] | undefined {
  if (typeof cell !== 'string' || cell === '') return undefined;
  const entries: { name: string; digest: string }[] = [];
  const entry = new RegExp(`(.+?)@([0-9a-f]{${DIGEST_DIGITS}})(?: |$)`, 'y');
  let at = 0;
  while (at < cell.length) {
    entry.lastIndex = at;
    const m = entry.exec(cell);
    if (m === null) return undefined;
    entries.push({ name: m[1] as string, digest: m[2] as string });
    at = entry.lastIndex;
  }
  return entries;
}

/**
 * The entries of a row's `modules` cell (`readModulesCell`), or a usage error naming the file
 * (`path`) and the run when the cell names no modules; `then` says what to do about it.
 */
export function rowModules(cell: unknown, path: string, run: string, then: string): { name: string; digest: string }[] {
  const entries = readModulesCell(cell);
  if (entries === undefined) {
    throw new UsageError(`${path}: run ${shown(run)} has ${MODULES_COLUMN}=${shown(String(cell))}, which does not name --load modules (name@${DIGEST_DIGITS} hex digits, separated by spaces): ${then}`);
  }
  return entries;
}

/** Do two lists of modules hold the same code: the same digests, whatever their names and order? */
export function sameCode(a: readonly { digest: string }[], b: readonly { digest: string }[]): boolean {
  const key = (list: readonly { digest: string }[]) => list.map((m) => m.digest).sort().join(' ');
  return key(a) === key(b);
}

/**
 * What differs between two lists of modules (`a`, found in `aLabel`, and `b` in `bLabel`), in words
 * that name the module files: `mine.mjs has changed (sha256 1a2b… in r.csv, 3c4d… now)`.
 */
export function codeChange(a: readonly { name: string; digest: string }[], aLabel: string, b: readonly { name: string; digest: string; file?: string }[], bLabel: string): string {
  const onlyA = a.filter((x) => !b.some((y) => y.digest === x.digest));
  const onlyB = b.filter((y) => !a.some((x) => x.digest === y.digest));
  const parts: string[] = [];
  for (const y of onlyB) {
    const before = onlyA.find((x) => x.name === y.name);
    const label = shown(y.file ?? y.name);
    parts.push(before ? `${label} has changed (sha256 ${before.digest}… ${aLabel}, ${y.digest}… ${bLabel})` : `${label} (sha256 ${y.digest}… ${bLabel}) is not among the modules ${aLabel}`);
  }
  for (const x of onlyA) if (!onlyB.some((y) => y.name === x.name)) parts.push(`${shown(x.name)} (sha256 ${x.digest}… ${aLabel}) is not among the modules ${bLabel}`);
  return parts.join('; ') || `the same files are loaded a different number of times ${aLabel} and ${bLabel}`;
}
