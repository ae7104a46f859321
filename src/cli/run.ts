import { ConfigError, InvalidActionError, ProtocolError, StrategyError } from '../index.js';
import { SweepFailure } from '../node/pool.js';
import { showControlCharacters } from '../model/control-characters.js';

/** A mistake in how the command was called: exit code 2, with the message and no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file the command had to write could not be written for a reason other than its path (a full disk…): exit code 1. */
export class WriteError extends Error {
  override readonly name = 'WriteError';
}

/**
 * Run a command body and turn what it throws into an exit code and a clear message on stderr:
 * 2 for usage and input errors, 1 for runtime failures. Never prints a stack trace unless
 * DETENTE_DEBUG is set.
 */
export function runCli(body: () => number): number {
  try {
    return body();
  } catch (e) {
    // A message quotes what the user gave (a file name, a flag's value, a module's error text):
    // a control character there is shown as <U+001B>, not executed by the terminal.
    const shown = (message: string): string => message.split('\n').map(showControlCharacters).join('\n');
    const debug = process.env.DETENTE_DEBUG ? `\n${e instanceof Error ? e.stack : ''}` : '';
    if (e instanceof UsageError || e instanceof ConfigError || isParseArgsError(e)) {
      process.stderr.write(`detente: ${shown((e as Error).message)}${debug}\n`);
      return 2;
    }
    if (e instanceof StrategyError || e instanceof InvalidActionError || e instanceof ProtocolError || e instanceof WriteError || e instanceof SweepFailure) {
      process.stderr.write(`detente: ${shown(e.message)}${debug}\n`);
      return 1;
    }
    process.stderr.write(`detente: unexpected error: ${shown(e instanceof Error ? e.message : String(e))}${debug}\n`);
    return 1;
  }
}

/** The asynchronous parts of the commands started, settled or not: see {@link commandsSettled}. */
const later: Promise<void>[] = [];

/**
 * Keep the exit code of a command whose work finishes later: the synchronous part (argument and
 * file checks) has already thrown its usage errors; what the promise throws is reported the same way.
 */
export function finishLater(work: Promise<number>): number {
  later.push(
    work.then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.exitCode = runCli(() => {
          throw e;
        });
      },
    ),
  );
  return 0;
}

/** Resolves once the asynchronous part of every command started so far is over (its exit code set). */
export async function commandsSettled(): Promise<void> {
  while (later.length > 0) await Promise.all(later.splice(0));
}

/**
 * End the process once standard output and standard error have written what they hold, with the
 * exit code already set. For when code that is not ours ran in this process (a `--load` module
 * that left a timer or a socket open), which would otherwise keep it alive after the command.
 */
export function exitWhenFlushed(): void {
  let pending = 2;
  // After the streams' own 'error' events, which come after the write callbacks: a closed or full
  // standard output must still end in 141 or 1 (watchStdout), not in the exit code of success.
  const done = () => {
    if (--pending === 0) setImmediate(() => process.exit());
  };
  for (const stream of [process.stdout, process.stderr]) {
    try {
      stream.write('', done);
    } catch {
      done();
    }
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * The exit code when standard output is closed before the command is done (`detente list | head
 * -1`): 128 + SIGPIPE, what the shell reports for `cat` or `git log` stopped the same way.
 */
export const EXIT_STDOUT_CLOSED = 141;

let stdoutClosed = false;
const stoppers = new Set<() => void>();

/** Whether standard output has been closed by its reader: nothing more written there is read. */
export function isStdoutClosed(): boolean {
  return stdoutClosed;
}

/**
 * Ask to be told when standard output is closed, to wind down (a sweep stops its workers, a game
 * ends) instead of the process being ended at once. Returns the function that takes the request back.
 */
export function onStdoutClosed(stop: () => void): () => void {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
}

/**
 * Once for the whole command line: a reader that closes standard output early (`| head`) stops
 * the command quietly, as Unix tools do — no message, no stack trace, exit code
 * {@link EXIT_STDOUT_CLOSED} — after whatever registered with {@link onStdoutClosed} has wound
 * down, or at once when nothing did. Any other failure to write standard output is one line on
 * stderr and exit code 1. Standard error's own failures have nowhere to be reported: ignored.
 */
export function watchStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') {
      if (stdoutClosed) return;
      process.stderr.write(`detente: cannot write standard output: ${e.message}\n`);
      process.exit(1);
    }
    if (stdoutClosed) return;
    stdoutClosed = true;
    if (stoppers.size === 0) process.exit(EXIT_STDOUT_CLOSED);
    for (const stop of [...stoppers]) stop();
  });
  process.stderr.on('error', () => undefined);
  process.on('exit', () => {
    if (stdoutClosed) process.exitCode = EXIT_STDOUT_CLOSED;
  });
}
