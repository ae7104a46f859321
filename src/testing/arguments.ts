/**
 * Checks of the arguments of the testing kit's public functions. A wrong argument used to be
 * clamped or ignored (`minActors: 0` became 2, `maxRounds: -1` became 4, an empty strategy list the
 * default mix, a misspelt option name nothing at all) — an experiment over other scenarios than the
 * researcher asked for — or to fail deep inside fast-check. Each function now throws one
 * `ConfigError` naming every wrong argument, what was expected and what it received.
 */
import { ConfigError } from '../index.js';
import type { ConfigIssue } from '../index.js';
import { describe, isRecord } from '../model/mechanisms.js';
import { unknownOptionIssues } from '../model/options.js';

/** Collects the issues of one call; `done()` throws them, with the function's name, if any. */
export class ArgumentCheck {
  private readonly issues: ConfigIssue[] = [];
  constructor(private readonly fn: string) {}

  issue(path: string, expected: string, value: unknown, hint?: string): void {
    this.add({ path, expected, received: describe(value), ...(hint ? { hint } : {}) });
  }

  add(issue: ConfigIssue): void {
    this.issues.push(issue);
  }

  /**
   * The options object (undefined is no options): a record with only `known` keys. Returns it, or
   * an empty record when it is not one, so the other checks can go on and report all at once.
   * Its fields are named `path.key`, or `key` alone when `path` is empty (the only argument).
   */
  options(path: string, value: unknown, known: readonly string[]): Readonly<Record<string, unknown>> {
    this.issues.push(...unknownOptionIssues(value, known, path));
    return isRecord(value) ? value : {};
  }

  /** An integer in [min, max] when given (or `required`); returns it, or undefined when absent or wrong. */
  integer(path: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER, what = `an integer ≥ ${min}`, required = false): number | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.issue(path, what, value);
    return undefined;
  }

  boolean(path: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.issue(path, 'true or false', value);
  }

  /** A list of at least `min` non-empty texts (`what`, or `one` of them; `distinct`: no two the same); returns it when it is one. */
  names(path: string, value: unknown, min: number, what: string, distinct = false, one = what.replace(/s$/, '')): readonly string[] | undefined {
    if (!Array.isArray(value)) {
      this.issue(path, `a list of ${what}`, value);
      return undefined;
    }
    let ok = true;
    // By index, not forEach: forEach skips the holes of a sparse list (`['hawk', , 'dove']`), which
    // were then drawn as "no strategy".
    for (let k = 0; k < value.length; k++) {
      const v: unknown = value[k];
      if (typeof v === 'string' && v.length > 0) continue;
      this.issue(`${path}[${k}]`, 'a non-empty text', v);
      ok = false;
    }
    if (value.length < min) {
      this.add({ path, expected: `at least ${min === 1 ? `one ${one}` : `${min === 2 ? 'two' : String(min)} ${what}`}`, received: value.length === 0 ? 'an empty list' : `a list of ${value.length}` });
      ok = false;
    }
    if (distinct) {
      const seen = new Set<unknown>();
      value.forEach((v: unknown, k) => {
        if (seen.has(v)) {
          this.issue(`${path}[${k}]`, `${what} that differ from one another`, v, 'it repeats an earlier one');
          ok = false;
        }
        seen.add(v);
      });
    }
    return ok ? (value as string[]) : undefined;
  }

  /** A fast-check arbitrary (told by its methods: a user's fast-check may be another copy than ours). */
  arbitrary(path: string, value: unknown): void {
    const arb = value as { generate?: unknown; shrink?: unknown } | null;
    if (typeof arb !== 'object' || arb === null || typeof arb.generate !== 'function' || typeof arb.shrink !== 'function') this.issue(path, 'a fast-check arbitrary', value);
  }

  done(): void {
    if (this.issues.length > 0) throw new ConfigError(this.issues, this.fn);
  }
}

/** The path of an option: `path.key`, or `key` when the options are the only argument (`path` empty). */
export function field(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
