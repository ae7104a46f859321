// The lock that makes a results file single-writer: two sweeps writing one file at once overwrite
// each other's lines (each writes at its own idea of the file's end). A sweep that writes `results.csv` first creates
// `results.csv.lock` exclusively (O_EXCL), holding who it is (pid, host, since when); a second
// sweep finds it and stops before doing anything. The lock is removed when the sweep ends in any
// way the process sees (done, an error, Ctrl-C/SIGTERM, standard output closed, process.exit);
// only a process killed outright (kill -9, a crash) leaves it behind, and such a stale lock is taken
// over when its pid is gone (or reused) on this host — on another host (a shared file system) nothing here can
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
  // Resolved through links, so that two paths to one file share one lock. A linked folder needs
  // nothing (its lock is the same file either way); a link to the file puts the lock beside the
  // file it points to, and then the message gives that path.
  const given = join(realOrSelf(dirname(resolve(out))), basename(out));
  const real = existsSync(out) ? realpathSync(out) : given;
  return real === given ? `${out}.lock` : `${real}.lock`;
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
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Holder)}\n`; // allow-nondeterminism: when the lock was taken, shown to a second sweep
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
    const gone = goneReason(holder);
    if (gone === undefined) {
      throw new UsageError(
        `${out} is being written by another sweep (${who}; lock ${path}): wait for it to finish, or stop it (Ctrl-C, or kill ${holder.pid}: its finished runs are kept) and run this command again with --resume; or choose another --out`,
      );
    }
    if (takeOver(path, text)) process.stderr.write(`detente: ${path} was left by a sweep that is gone (${who}; ${gone}): taking it over\n`);
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

/**
 * Whether a file named `path` holding `text` is a sweep's lock rather than results: it holds a
 * lock's JSON (whatever its name), or it is an empty `*.lock` (a lock between its creation and the
 * write of its holder). A results file that happens to be named `*.lock` is not one.
 */
export function isLockFile(path: string, text: string): boolean {
  return parseHolder(text) !== undefined || (path.endsWith('.lock') && text.trim() === '');
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

/**
 * Why the holder of a lock of this host is known to be gone, or undefined if it may still run:
 * its pid is not running; or it is this very process (a pid reused after a restart, e.g. of a
 * container: this process holds nothing yet); or, where the system says when processes started
 * (Linux), the process with that pid started after the lock was taken, so it reused the pid.
 */
function goneReason(holder: Holder): string | undefined {
  if (holder.pid === process.pid) return 'its pid is now this process';
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: it runs, as another user.
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return 'no such process now';
  }
  const started = startedAt(holder.pid);
  const since = Date.parse(holder.since);
  // Two seconds of slack: the boot time is given in whole seconds.
  if (started !== undefined && Number.isFinite(since) && started > since + 2000) return `pid ${holder.pid} is now another process, started at ${new Date(started).toISOString()}`;
  return undefined;
}

/** Linux's clock ticks per second in /proc (USER_HZ, 100 on every architecture). */
const USER_HZ = 100;

/**
 * When process `pid` started (ms since the epoch), from /proc; undefined where there is no /proc,
 * or when /proc's clock does not agree with this process's own start (a container whose /proc
 * is not its own): a wrong time here would take a live sweep's lock.
 */
function startedAt(pid: number): number | undefined {
  const procStart = (p: number): number | undefined => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // The fields after the command name (which may hold spaces and parentheses): field 3 on; the start time is field 22.
      const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
      const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
      return Number.isFinite(ticks) && boot !== undefined ? Number(boot) * 1000 + (ticks * 1000) / USER_HZ : undefined;
    } catch {
      return undefined;
    }
  };
  const self = procStart(process.pid);
  if (self === undefined || Math.abs(self - (Date.now() - process.uptime() * 1000)) > 2000) return undefined; // allow-nondeterminism: checks the process clock reading, for stale locks only
  return procStart(pid);
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
