import type { ConfigIssue } from '../engine/errors.js';
import { describe } from '../model/mechanisms.js';
import { suggest } from '../strategies/registry.js';
import { FORBIDDEN_KEYS } from './read.js';

// YAML 1.1's merge key (`<<: *base`), which YAML 1.2 and the parser do not read: a "did you mean
// 'id'?" sent authors who share actor fields this way after the wrong fix.
const MERGE_KEY = 'YAML merge keys (<<: *anchor) are not read: write the fields out, or alias a whole value such as capabilities: *caps';

/** Collects issues while reading an untrusted document; every check records and never throws. */
export class Checker {
  readonly issues: ConfigIssue[] = [];

  add(path: string, expected: string, received: string, hint?: string): void {
    this.issues.push(hint === undefined ? { path, expected, received } : { path, expected, received, hint });
  }

  /**
   * An object with only the allowed keys (unknown keys are reported with a "did you mean": the
   * nearest allowed name, or the one `synonyms` gives for a word no spelling distance finds).
   */
  object(path: string, v: unknown, allowed: readonly string[], required: readonly string[] = [], synonyms?: Readonly<Record<string, string>>): v is Record<string, unknown> {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.add(path || '(top level)', 'an object', shown(v));
      return false;
    }
    // A Map, a Date or a boxed value, from code: its data is not in fields, so the checks saw an
    // empty object and the scenario ran without it (a Map of norms or strategy parameters).
    const kind = Object.prototype.toString.call(v).slice(8, -1);
    if (kind !== 'Object') {
      // A file's bytes (readFileSync without an encoding) listed one unknown field per byte.
      const bytes = !path && v instanceof Uint8Array ? "pass the file's text: readFileSync(file, 'utf8')" : undefined;
      this.add(path || '(top level)', 'an object of fields (plain data)', `a ${kind} object`, bytes);
      return false;
    }
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key) && !FORBIDDEN_KEYS.includes(key)) {
        const hint = key === '<<' ? MERGE_KEY : ((synonyms !== undefined && Object.hasOwn(synonyms, key) ? synonyms[key] : undefined) ?? suggest(key, allowed));
        this.add(join(path, key), `one of the fields ${allowed.join(', ')}`, `unknown field '${key}'`, hint === MERGE_KEY ? hint : hint ? `did you mean '${hint}'?` : undefined);
      }
    }
    for (const key of required) if ((v as Record<string, unknown>)[key] === undefined) this.add(join(path, key), requiredWhat(key), 'nothing');
    return true;
  }

  array(path: string, v: unknown, min = 0): v is unknown[] {
    if (!Array.isArray(v)) {
      this.add(path, 'a list', shown(v));
      return false;
    }
    if (v.length < min) this.add(path, `a list of at least ${min}`, `${v.length} item${v.length === 1 ? '' : 's'}`);
    // A list built in code may have holes (`list[5] = x`, `new Array(3)`): the checks, which go
    // through the list with forEach, skipped them, and the copy kept of the document turned them
    // into nulls that crashed the build. Counting keys finds them without walking a huge length.
    if (Object.keys(v).length < v.length) {
      let hole = 0;
      while (hole in v) hole++;
      this.add(`${path}[${hole}]`, 'a value at every place in the list', 'a hole (nothing at this index)');
    }
    return true;
  }

  string(path: string, v: unknown, pattern?: RegExp, what = 'a text'): v is string {
    if (typeof v !== 'string' || (pattern && !pattern.test(v))) {
      this.add(path, what, shown(v));
      return false;
    }
    return true;
  }

  number(path: string, v: unknown, min: number, max: number, integer = false): v is number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      this.add(path, `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`, shown(v));
      return false;
    }
    return true;
  }

  oneOf<T extends string>(path: string, v: unknown, options: readonly T[], what?: string): v is T {
    if (typeof v !== 'string' || !options.includes(v as T)) {
      const hint = typeof v === 'string' ? suggest(v, options) : undefined;
      this.add(path, what ?? options.join(' | '), shown(v), hint ? `did you mean '${hint}'?` : undefined);
      return false;
    }
    return true;
  }

  /** A reference to a declared name (actor, forum…), with a suggestion for near misses. */
  /**
   * `v` is one of `names`. With `names` undefined (the list they come from could not be read, say
   * `actors` written as a map), only that it is a name: every reference would otherwise be refused
   * against an empty list, burying the one real problem under follow-on ones.
   */
  ref(path: string, v: unknown, names: readonly string[] | undefined, what: string): v is string {
    if (names === undefined) {
      if (typeof v === 'string' && v.length > 0) return true;
      this.add(path, what.replace(/^a declared /, 'an '), shown(v));
      return false;
    }
    const known = [...new Set(names)];
    if (typeof v !== 'string' || !known.includes(v)) {
      const hint = typeof v === 'string' ? suggest(v, known) : undefined;
      this.add(path, `${what} (${known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ')})`, shown(v), hint ? `did you mean '${hint}'?` : undefined);
      return false;
    }
    return true;
  }
}

/** A value as a message quotes it; a field left out is "nothing", as for a required field (not "undefined", which no file says). */
function shown(v: unknown): string {
  return v === undefined ? 'nothing' : describe(v);
}

/** `a.b` / `a[3]` path joining. */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function requiredWhat(key: string): string {
  switch (key) {
    case 'rounds':
      return 'the number of rounds';
    case 'actors':
      return 'a list of actors';
    case 'name':
      return 'a name';
    case 'id':
      return 'an id';
    default:
      return `a value for '${key}'`;
  }
}
