import type { DecisionPhase } from '../model/event.js';
import { messageOf, printed } from '../model/thrown.js';

/**
 * One problem in a configuration: where, what was expected, what was found.
 *
 * @example
 * ```ts
 * try {
 *   createWorld({ actors: [{ id: 'US' }, { id: 'US' }] }, { seed: 1 });
 * } catch (e) {
 *   // prints: actors[1].id a unique actor id duplicate 'US'
 *   if (e instanceof ConfigError) for (const issue of e.issues) console.log(issue.path, issue.expected, issue.received);
 * }
 * ```
 */
export interface ConfigIssue {
  readonly path: string;
  readonly expected: string;
  readonly received: string;
  readonly hint?: string;
}

/**
 * Thrown for invalid input (a world spec, options, mechanisms). Lists **every** issue found, each
 * with its path, so a user can fix them all at once.
 *
 * @example
 * ```ts
 * try { createWorld(spec, { seed: 1 }); } catch (e) { if (e instanceof ConfigError) console.log(e.issues); }
 * ```
 */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
  constructor(
    readonly issues: readonly ConfigIssue[],
    readonly source?: string,
  ) {
    super(formatIssues(issues, source));
  }
}

/** Render issues one per line: `path: expected X, received Y (hint)`. */
export function formatIssues(issues: readonly ConfigIssue[], source?: string): string {
  const head = `${source ? `${source}: ` : ''}${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return [
    head,
    ...issues.map((i) => `  - ${i.path}: expected ${i.expected}, received ${i.received}${i.hint ? ` (${i.hint})` : ''}`),
  ].join('\n');
}

/**
 * A strategy threw while deciding. Carries the actor, round and phase; `cause` is what it threw.
 *
 * @example
 * ```ts
 * try { simulate(spec, { seed: 1, rounds: 10 }); } catch (e) { if (e instanceof StrategyError) console.log(e.actor, e.round, e.phase); }
 * ```
 */
export class StrategyError extends Error {
  override readonly name = 'StrategyError';
  constructor(
    readonly actor: string,
    readonly round: number,
    readonly phase: DecisionPhase,
    readonly strategy: string,
    cause: unknown,
  ) {
    super(`strategy '${strategy}' of actor ${actor} failed in round ${round}, phase ${phase}: ${messageOf(cause)}`, { cause });
  }
}

/**
 * An action was invalid and the run's policy is `onInvalidAction: 'throw'`.
 *
 * @example
 * ```ts
 * simulate(spec, { seed: 1, rounds: 5, onInvalidAction: 'throw' }); // may throw InvalidActionError
 * ```
 */
export class InvalidActionError extends Error {
  override readonly name = 'InvalidActionError';
  constructor(
    readonly actor: string,
    readonly round: number,
    readonly phase: DecisionPhase,
    readonly action: unknown,
    readonly reason: string,
  ) {
    super(`invalid action by ${actor} in round ${round}, phase ${phase}: ${reason} — ${safeJson(action)}`);
  }
}

/**
 * The engine was driven wrongly: decisions for an actor that was not asked, a pending round
 * advanced twice, a replayed log that does not match the run.
 *
 * @example
 * ```ts
 * submitDecisions(pending, []); submitDecisions(pending, []); // throws ProtocolError the second time
 * ```
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

export { messageOf };

/** JSON for error messages, never throwing (cycles, BigInt, objects that cannot be printed). */
export function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? printed(v) : s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return printed(v);
  }
}
