import { ConfigError, InvalidActionError, ProtocolError, StrategyError } from '../index.js';

/** A mistake in how the command was called: exit code 2, with the message and no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
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
    const debug = process.env.DETENTE_DEBUG ? `\n${e instanceof Error ? e.stack : ''}` : '';
    if (e instanceof UsageError || e instanceof ConfigError || isParseArgsError(e)) {
      process.stderr.write(`detente: ${(e as Error).message}${debug}\n`);
      return 2;
    }
    if (e instanceof StrategyError || e instanceof InvalidActionError || e instanceof ProtocolError) {
      process.stderr.write(`detente: ${e.message}${debug}\n`);
      return 1;
    }
    process.stderr.write(`detente: unexpected error: ${e instanceof Error ? e.message : String(e)}${debug}\n`);
    return 1;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
