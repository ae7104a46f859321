// The lock that makes a results file single-writer: two sweeps appending to one file at once would
// interleave and duplicate their lines. A sweep that writes `results.csv` first creates
// `results.csv.lock` exclusively (O_EXCL), holding who it is (pid, host, since when); a second
// sweep finds it and stops before doing anything. The lock is removed when the sweep ends in any
// way the process sees (done, an error, Ctrl-C/SIGTERM, standard output closed, process.exit);
// only a process killed outright (kill -9, a crash) leaves it behind, and such a stale lock is taken
// over when its pid is gone on this host — on another host (a shared file system) nothing here can
// tell, so the user is told how to remove it.
import { closeSync, existsSync, linkSync, openSync, readFileSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../run.js';

/** A held lock on a results file. */
export interface ResultsLock {
  /** The lock file, as shown in messages. */
  readonly path: string;
  /** Remove the lock if it is still this process's (idempotent; never throws). */
  release(): void;
}

/** What a lock file holds (JSON). */
interface Holder {
  readonly pid: number;
  readonly host: string;
  /** When the holder took the lock (ISO 8601, UTC). */
  readonly since: string;
}

/** The lock file of results file `out`: `<out>.lock`, beside the file the path resolves to. */
export function lockPathOf(out: string): string {
  // Resolved through links, so that two paths to one file (a link, a linked folder) share one lock.
  const real = existsSync(out) ? realpathSync(out) : join(realOrSelf(dirname(resolve(out))), basename(out));
  const lock = `${real}.lock`;
  return lock === `${resolve(out)}.lock` ? `${out}.lock` : lock;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Take the lock of results file `out` (the --out of a sweep), or refuse with a UsageError naming
 * the file, the holder and what to do. A stale lock (its pid gone, on this host) is taken over,
 * saying so on stderr.
 */
export function lockResults(out: string): ResultsLock {
  const path = lockPathOf(out);
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Holder)}\n`;
  // A few tries: a stale lock removed here may be taken by another sweep before this one creates it.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(path, out, mine)) return held(path, mine);
    const text = readLock(path);
    if (text === undefined) continue; // removed meanwhile: try again
    const holder = parseHolder(text);
    if (holder === undefined) {
      throw new UsageError(
        `${out} is locked (${path} exists) but the lock cannot be read as a sweep's (another sweep may be creating it right now): if no sweep is writing ${out}, remove ${path} and run this command again`,
      );
    }
    const who = `pid ${holder.pid} on host ${holder.host}, since ${holder.since}`;
    if (holder.host !== hostname()) {
      throw new UsageError(
        `${out} is being written by a sweep on another host (${who}; lock ${path}), and whether it is still running cannot be checked from here: wait for it to finish or stop it there (its finished runs are kept, continue with --resume); if it is gone (killed, or its machine went down), remove ${path} and run this command again with --resume; or choose another --out`,
      );
    }
    if (isAlive(holder.pid)) {
      throw new UsageError(
        `${out} is being written by another sweep (${who}; lock ${path}): wait for it to finish, or stop it (Ctrl-C, or kill ${holder.pid}: its finished runs are kept) and run this command again with --resume; or choose another --out`,
      );
    }
    if (takeOver(path, text)) process.stderr.write(`detente: ${path} was left by a sweep that is gone (${who}; no such process now): taking it over\n`);
  }
  throw new UsageError(`${out} is locked (${path}) by sweeps starting at the same time as this one; run one sweep per results file`);
}

/** Create the lock exclusively with `text`; false if one is already there. */
function create(path: string, out: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code === 'ENOENT' || code === 'ENOTDIR' ? 'its folder does not exist' : undefined;
    if (why === undefined) throw e;
    throw new UsageError(`cannot create ${path}, the lock that keeps other sweeps from writing ${out} (--out) at the same time: ${why}; choose another --out`);
  }
  try {
    writeSync(fd, text);
  } catch (e) {
    // A lock without its holder would block the next sweep: none rather than a blank one.
    closeSync(fd);
    unlinkSync(path);
    throw e;
  }
  closeSync(fd);
  return true;
}

/** The lock's text, or undefined if it is gone; a lock that cannot be read is "" (unreadable). */
function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : '';
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (Number.isSafeInteger(h.pid) && (h.pid as number) > 0 && typeof h.host === 'string' && typeof h.since === 'string') return h as Holder;
  } catch {
    // not JSON: unreadable
  }
  return undefined;
}

/** Whether process `pid` (on this host) is running. Our own pid cannot be a holder: we hold nothing yet. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // a pid reused by this very process (a restarted container)
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Remove the stale lock whose text is `stale`, and only it: it is moved aside first, so that a
 * lock another sweep created meanwhile (after taking over the same stale lock) is not deleted
 * but put back. True if the stale lock was removed by this call.
 */
function takeOver(path: string, stale: string): boolean {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (readLock(aside) === stale) {
    unlinkSync(aside);
    return true;
  }
  // Another sweep's fresh lock: put it back (unless yet another one is there now).
  try {
    linkSync(aside, path);
  } catch {
    // EEXIST: the lock is held again anyway
  }
  unlinkSync(aside);
  return false;
}

function held(path: string, mine: string): ResultsLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      // Only our own lock: one removed by hand and taken by another sweep stays.
      if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  // Whatever ends the process through process.exit (a second Ctrl-C, standard output closed) removes it too.
  process.on('exit', release);
  return { path, release };
}
