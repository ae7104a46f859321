// Node-only file work for the command line: find and read scenario files, write outputs whole.
import { accessSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_STRATEGIES, MAX_SCENARIO_BYTES, parseScenario, ScenarioError, suggest } from '../index.js';
import { withUnknownStrategyHint } from '../node/strategy-modules.js';
import type { Scenario, StrategyRegistry } from '../index.js';
import { UsageError, WriteError } from './run.js';

/** The scenarios shipped with the package (`<package>/scenarios`). */
export function bundledScenarioDir(): string {
  // dist/cli/main.js and src/cli/files.ts both sit two levels below the package root.
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
}

/** Names of the bundled scenarios, sorted. */
export function bundledScenarioNames(): string[] {
  const dir = bundledScenarioDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
    .map((f) => f.replace(/\.(ya?ml|json)$/, ''))
    .sort();
}

/**
 * A scenario argument is a path to a file, or the name of a bundled scenario. Reads and checks it
 * (its strategy names against `registry`, default the built-ins); any problem (missing file, a
 * directory, too large, syntax, content) is a ScenarioError naming the file.
 */
export function loadScenario(arg: string, registry?: StrategyRegistry): { scenario: Scenario; path: string } {
  // '' resolves to the current folder, and was refused as 'a directory' named by its full path:
  // the user gave no name at all (an unset shell variable, a stray pair of quotes).
  if (arg === '') throw new UsageError(`the scenario is an empty name: give a file, or one of: ${bundledScenarioNames().join(', ') || 'none installed'}`);
  const path = locate(arg);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ScenarioError([{ path: '(file)', expected: 'a scenario file (.yaml, .yml or .json)', received: 'a directory' }], path);
    size = st.size;
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const names = bundledScenarioNames();
    const near = nearBundledName(arg, names);
    throw new ScenarioError(
      [{ path: '(file)', expected: `an existing scenario file, or a bundled scenario (${names.join(', ') || 'none installed'})`, received: `nothing at '${arg}'`, ...(near !== undefined ? { hint: `did you mean '${near}'?` } : {}) }],
      arg,
    );
  }
  if (size > MAX_SCENARIO_BYTES) {
    // In bytes: a file a few bytes over the limit would read "5.0 MiB" against "at most 5 MiB".
    throw new ScenarioError([{ path: '(file)', expected: `at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB (${MAX_SCENARIO_BYTES} bytes) of scenario`, received: `${size} bytes` }], path);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    // A file that stat sees but that cannot be read (no permission, an I/O error): an 'unexpected
    // error' naming no file, as 'EIO: i/o error, read', was all the user got.
    throw new ScenarioError([{ path: '(file)', expected: 'a readable scenario file', received: `cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})` }], path);
  }
  return withLoadHints(() => ({ scenario: parseScenario(text, { source: path, ...(registry !== undefined ? { registry } : {}) }), path }), registry);
}

/** The hint a strategy name nobody registered gets (unless it has a "did you mean" already): it may be the user's own. */
const LOAD_HINT = 'a strategy of your own? pass the module that exports it: --load FILE';

/** The most strategy names the hint lists from the `--load` modules. */
const LISTED = 8;

/**
 * The hint for a strategy name nobody registered. With `--load` modules, the name is not among
 * their strategies either, so the hint says which ones they do register: "pass the module" alone
 * would send the user to look for a module they already passed.
 */
function loadHint(registry: StrategyRegistry | undefined): string {
  if (registry === undefined) return LOAD_HINT;
  const builtIn = new Set(Object.keys(BUILTIN_STRATEGIES));
  const loaded = registry.names().filter((name) => !builtIn.has(name));
  if (loaded.length === 0) return LOAD_HINT;
  const listed = loaded.length > LISTED ? `${loaded.slice(0, LISTED).join(', ')}, …` : loaded.join(', ');
  return `not in your --load modules either, which register ${listed}: check the name, or pass the module that exports it: --load FILE`;
}

/**
 * `read()`, with the `--load` hint added to each issue about a strategy name nobody registered: in
 * a scenario, a saved run's or game's scenario, a grid. `registry` is the one `read` checks names
 * against (the built-ins and the `--load` modules' strategies), when `--load` was given.
 */
export function withLoadHints<T>(read: () => T, registry?: StrategyRegistry): T {
  return withUnknownStrategyHint(loadHint(registry), read);
}

function locate(arg: string): string {
  const bundled = bundledPath(arg);
  if (existsSync(arg)) {
    // A directory is never a scenario: a folder named like a bundled scenario must not hide it.
    if (bundled !== undefined && statSync(arg).isDirectory()) return bundled;
    return resolve(arg);
  }
  return bundled ?? resolve(arg);
}

/**
 * The bundled scenario a missing scenario argument was probably meant to name: a misspelt bare
 * name ('us-china-2016'), or a bundled name given with an extension ('gge-2015.yaml'), which is
 * looked for as a file in the current folder. None for a path with a folder: that names a file.
 */
export function nearBundledName(arg: string, names: readonly string[]): string | undefined {
  if (/[\\/]/.test(arg)) return undefined;
  return suggest(arg.replace(/\.(ya?ml|json)$/i, ''), names);
}

/** The bundled scenario a bare name (no folder, no extension) stands for, if there is one. */
function bundledPath(arg: string): string | undefined {
  if (/[\\/]/.test(arg) || /\.(ya?ml|json)$/i.test(arg)) return undefined;
  const dir = bundledScenarioDir();
  for (const ext of ['.yaml', '.yml', '.json']) {
    const p = join(dir, `${arg}${ext}`);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Whether two paths name the same file: the same absolute path, or (both existing) the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** An output file a command will write, and the flag (or prompt command) that named it. */
export interface OutputTarget {
  readonly flag: string;
  readonly path: string;
}

/**
 * Check the output files of a command before it does any work, so a mistake costs no run and
 * leaves nothing half-written: each must be a file name whose folder exists and is writable,
 * not a folder, not one of the command's `inputs`, not another of its outputs, and, unless
 * `replace` is true, not an existing file. Any problem is a usage error naming the flag and path.
 */
export function checkOutputs(targets: readonly OutputTarget[], options: { readonly inputs?: readonly string[]; readonly replace?: boolean } = {}): void {
  targets.forEach((t, k) => {
    const problem = outputProblem(t.path);
    if (problem !== undefined) throw new UsageError(`cannot write '${t.path}' (${t.flag}): ${problem}`);
    for (const input of options.inputs ?? []) {
      if (sameFile(t.path, input)) throw new UsageError(`will not write '${t.path}' (${t.flag}): it is an input of this command; choose another file`);
    }
    for (const other of targets.slice(0, k)) {
      if (sameFile(t.path, other.path)) throw new UsageError(`${other.flag} and ${t.flag} must be different files (both are '${resolve(t.path)}')`);
    }
    if (options.replace === false && existsSync(t.path)) {
      throw new UsageError(`'${t.path}' (${t.flag}) already exists: pass --force to replace it, or choose another file`);
    }
  });
}

/** Why `path` cannot be written whole (by {@link writeFileAtomic}), or undefined if it can. */
export function outputProblem(path: string): string | undefined {
  if (path === '') return 'an empty file name';
  const target = resolve(path);
  const st = statOrUndefined(target);
  if (st?.isDirectory()) return 'it is a directory';
  // A device, a pipe or a socket: an output is written whole by renaming a file over it, which as
  // root turned /dev/null into a regular file for the whole system (a sweep with --force removed
  // the node first), and a results file is read back, which waits on a pipe for ever.
  if (st !== undefined && !st.isFile()) return 'it is not a regular file (a device, a pipe or a socket), and outputs are written whole by replacing a file; choose a file name';
  const dir = dirname(target);
  const shownDir = dirname(path);
  let d: Stats;
  try {
    d = statSync(dir);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOTDIR' ? `a part of '${shownDir}' is not a directory` : `no such directory '${shownDir}'`;
  }
  if (!d.isDirectory()) return `'${shownDir}' is not a directory`;
  try {
    // The file is written beside the target and renamed over it: the folder must be writable.
    accessSync(dir, constants.W_OK);
  } catch {
    return `permission denied in '${shownDir}'`;
  }
  return undefined;
}

/** Errors of writing a file that come from the path the user gave (exit code 2), not from the machine. */
const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'ELOOP']);

/** A write failure as an error naming the user's path (never the temporary file beside it). */
function writeError(path: string, e: unknown, tmp?: string): UsageError | WriteError {
  const code = (e as NodeJS.ErrnoException).code;
  const problem = outputProblem(path);
  if (problem !== undefined) return new UsageError(`cannot write '${path}': ${problem}`);
  const reason = code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : e instanceof Error ? e.message.replace(/, \w+ '.*$/, '') : String(e);
  // The target itself is fine (outputProblem above): what failed is the temporary file written
  // beside it, e.g. a folder of that name left there; name it, or the reason reads as the target's.
  const what = tmp !== undefined && (e as NodeJS.ErrnoException).path === tmp ? `its temporary file '${tmp}' cannot be written: ${reason}` : reason;
  return code !== undefined && PATH_ERRORS.has(code) ? new UsageError(`cannot write '${path}': ${what}`) : new WriteError(`cannot write '${path}': ${what}`, { cause: e });
}

/**
 * Write a file whole or not at all: write a temporary file beside it, flush it to disk, then
 * rename it over the target (atomic on POSIX file systems). A failure is an error naming `path`
 * (a usage error when the path is at fault), and leaves no temporary file behind.
 */
export function writeFileAtomic(path: string, text: string): void {
  writeFilesAtomic([{ path, text }]);
}

/**
 * The file a path names, through symbolic links: the rename that writes a file whole would
 * otherwise replace the link itself (a link to /proc/self/fd/1, as /dev/stdout is, became a
 * regular file, and its target never got the output). A link that leads nowhere is written as a
 * file in its place, as before.
 */
function throughLinks(target: string): string {
  try {
    return lstatSync(target).isSymbolicLink() ? realpathSync(target) : target;
  } catch {
    return target;
  }
}

/**
 * Write several files whole, as a set: every temporary file is written first, then renamed over
 * its target, so a failure while writing leaves every target as it was; should a rename still
 * fail, the targets this call already replaced are put back as they were (an earlier file's
 * contents restored, a new file removed) rather than left as half a set.
 */
export function writeFilesAtomic(files: readonly { readonly path: string; readonly text: string }[]): void {
  const temps: { path: string; target: string; tmp: string }[] = [];
  try {
    for (const { path, text } of files) {
      const target = throughLinks(resolve(path));
      const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      try {
        const fd = openSync(tmp, 'w');
        temps.push({ path, target, tmp });
        try {
          writeSync(fd, text);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (e) {
        throw writeError(path, e, tmp);
      }
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw e;
  }
  // Of a set, the files replaced before a rename that fails are put back as they were: the old
  // contents are kept under a second name (a hard link, or a copy where links are refused) until
  // the whole set is in place. A single file needs none: its one rename replaces it or not.
  const kept: { target: string; backup: string | null }[] = [];
  for (const [k, t] of temps.entries()) {
    try {
      const backup = temps.length > 1 ? keepOld(t.target) : null;
      kept.push({ target: t.target, backup });
      renameSync(t.tmp, t.target);
    } catch (e) {
      for (const left of temps.slice(k)) rmSync(left.tmp, { force: true });
      for (const done of kept) {
        if (done.backup === null) {
          if (done.target !== t.target) rmSync(done.target, { force: true });
        } else renameSync(done.backup, done.target);
      }
      throw writeError(t.path, e);
    }
  }
  for (const done of kept) if (done.backup !== null) rmSync(done.backup, { force: true });
}

/** A second name for an existing file's contents, beside it (null when there is no file). */
function keepOld(target: string): string | null {
  if (!existsSync(target) || statSync(target).isDirectory()) return null;
  const backup = join(dirname(target), `.${basename(target)}.${process.pid}.old`);
  rmSync(backup, { force: true });
  try {
    linkSync(target, backup);
  } catch {
    copyFileSync(target, backup);
  }
  return backup;
}
