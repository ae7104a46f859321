// How deep untrusted data nests, found without recursion.

/**
 * The deepest nesting of lists and objects accepted in data read from users: scenario files and
 * documents (the bundled scenarios nest 6 deep). Far deeper data is a mistake or an attack, and
 * the code that reads data recursively (the yaml library among it) would overflow the stack on it
 * at a depth that depends on how deep the caller's own stack already is. A fixed limit gives the
 * same answer, with the same message, in a CLI, a worker thread or a test runner.
 *
 * @example
 * ```ts
 * import { MAX_NESTING, nestingTooDeep } from 'detente';
 * let deep: unknown = 1;
 * for (let i = 0; i < MAX_NESTING; i++) deep = [deep];
 * nestingTooDeep({ notes: deep }); // 'notes[0][0][0]…' (the top object is one level)
 * ```
 */
export const MAX_NESTING = 64;

/** What a check of nesting expects, in every message that reports data nested too deep. */
export function nestingExpected(limit: number = MAX_NESTING): string {
  return `lists and objects nested at most ${limit} levels deep`;
}

/** Segments of a reported path before it is cut short with "…". */
const PATH_SEGMENTS = 4;

interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly key: string | number | undefined;
  readonly parent: Frame | undefined;
}

/**
 * The path of the first list or plain object that lies more than `limit` levels deep in `data`
 * (the top value is level 1), cut short after a few segments; `undefined` if none does. Only
 * arrays and plain objects are walked: anything else is a leaf for whoever checks the data's
 * shape. A cycle is not followed (the shape checks report it), and an object reached twice is
 * walked again only if it is reached deeper than before, so data with shared parts takes time
 * proportional to its size times the limit at most, never exponential.
 *
 * @example
 * ```ts
 * import { nestingTooDeep } from 'detente';
 * nestingTooDeep({ actors: [{ id: 'A' }] }); // undefined
 * nestingTooDeep([[[1]]], 2); // '[0][0]'
 * ```
 */
export function nestingTooDeep(data: unknown, limit: number = MAX_NESTING): string | undefined {
  if (!isWalked(data)) return undefined;
  const deepestSeen = new Map<object, number>();
  const stack: Frame[] = [{ value: data, depth: 1, key: undefined, parent: undefined }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.depth > limit) return pathOf(frame);
    const seen = deepestSeen.get(frame.value);
    if (seen !== undefined && seen >= frame.depth) continue;
    deepestSeen.set(frame.value, frame.depth);
    const { value } = frame;
    // Pushed last-first, so the first too-deep value found is the first in document order.
    const keys: readonly (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string | number;
      const child: unknown = (value as Record<string | number, unknown>)[key];
      if (isWalked(child) && !isAncestor(child, frame)) stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

function isWalked(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isAncestor(v: object, frame: Frame | undefined): boolean {
  for (let f = frame; f !== undefined; f = f.parent) if (f.value === v) return true;
  return false;
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f !== undefined; f = f.parent) if (f.key !== undefined) keys.push(f.key);
  return pathTo(keys.reverse());
}

/** How many times its own number of values data may hold once written out (shared parts repeated). */
const MAX_EXPANSION = 64;
/** Values any data may hold written out whatever its size: sharing below this costs nothing worth refusing. */
const EXPANSION_SLACK = 100_000;

/** A problem {@link plainDataProblem} found: where, what was expected and what was found. */
export interface DataProblem {
  readonly path: string;
  readonly expected: string;
  readonly received: string;
}

interface Open {
  readonly value: object;
  readonly keys: readonly (string | number)[];
  next: number;
  /** Values of the tree below this one written out so far (itself included). */
  total: number;
  readonly key: string | number | undefined;
  readonly parent: Open | undefined;
}

/**
 * Why data handed to code that treats it as a tree (JSON.stringify, String of a list, a
 * recursive check) cannot be treated so, or `undefined`: lists and objects nested more than
 * `limit` levels deep ({@link nestingTooDeep}, whose path it gives), a list or object inside
 * itself (a cycle, which JSON.stringify refuses with a TypeError), or parts shared so often that
 * the tree written out would be far larger than the data (60 lists each holding the next twice
 * write out 2^60 values: a hang, not an error). Text read with JSON.parse can only be too deep;
 * the other two come from objects built in memory. Stack-free, and linear in the data's size.
 */
export function plainDataProblem(data: unknown, limit: number = MAX_NESTING): DataProblem | undefined {
  const deep = nestingTooDeep(data, limit);
  if (deep !== undefined) return { path: deep, expected: nestingExpected(limit), received: 'deeper nesting' };
  if (!isWalked(data)) return undefined;
  // Post-order, with an explicit stack: the written-out size of each list or object, once (a
  // shared part adds its size again without being walked again), and the values there are.
  const written = new Map<object, number>();
  const open = new Set<object>();
  const frame = (value: object, key: string | number | undefined, parent: Open | undefined): Open => {
    open.add(value);
    return { value, keys: Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value), next: 0, total: 1, key, parent };
  };
  let distinct = 1;
  let f: Open = frame(data, undefined, undefined);
  for (;;) {
    if (f.next < f.keys.length) {
      const key = f.keys[f.next++] as string | number;
      const child: unknown = (f.value as Record<string | number, unknown>)[key];
      if (!isWalked(child)) {
        f.total++;
        distinct++;
      } else if (open.has(child)) {
        return { path: pathTo([...keysOf(f), key]), expected: 'plain data', received: 'a reference to a list or object that contains it (a cycle)' };
      } else {
        const size = written.get(child);
        if (size !== undefined) f.total += size;
        else {
          distinct++;
          f = frame(child, key, f);
        }
      }
      continue;
    }
    written.set(f.value, f.total);
    open.delete(f.value);
    if (f.parent === undefined) break;
    f.parent.total += f.total;
    f = f.parent;
  }
  const bound = MAX_EXPANSION * distinct + EXPANSION_SLACK;
  if ((written.get(data) as number) <= bound) return undefined;
  // Where the blow-up is: from the top, into the first part that alone writes out too much.
  const keys: (string | number)[] = [];
  let at: object = data;
  for (let found = true; found; ) {
    found = false;
    const list: readonly (string | number)[] = Array.isArray(at) ? at.map((_, i) => i) : Object.keys(at);
    for (const key of list) {
      const child: unknown = (at as Record<string | number, unknown>)[key];
      if (isWalked(child) && (written.get(child) ?? 0) > bound) {
        keys.push(key);
        at = child;
        found = true;
        break;
      }
    }
  }
  return {
    path: keys.length === 0 ? '(top level)' : pathTo(keys),
    expected: `plain data that, written out, holds at most ${MAX_EXPANSION} times as many values as it has`,
    received: `parts shared so often that this one written out holds ${count(written.get(at) as number)} values (the data has ${count(distinct)})`,
  };
}

function count(n: number): string {
  return n < 1e12 ? n.toLocaleString('en-US') : n.toExponential(1);
}

function keysOf(frame: Open): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let f: Open | undefined = frame; f !== undefined; f = f.parent) if (f.key !== undefined) keys.push(f.key);
  return keys.reverse();
}

/**
 * The path of `keys` as messages write it (`injects[3].terms`), cut short with "…" after a few
 * keys; `(top level)` for none.
 *
 * @example
 * ```ts
 * pathTo(['injects', 3, 'terms']); // 'injects[3].terms'
 * ```
 */
export function pathTo(keys: readonly (string | number)[]): string {
  let path = '';
  for (const key of keys.slice(0, PATH_SEGMENTS)) path = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
  return keys.length > PATH_SEGMENTS ? `${path}…` : path || '(top level)';
}

/** A path of {@link plainDataProblem} for data found under `prefix`: `log` and `[3].x` give `log[3].x`. */
export function pathUnder(prefix: string, path: string): string {
  if (path === '(top level)') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
