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
  keys.reverse();
  let path = '';
  for (const key of keys.slice(0, PATH_SEGMENTS)) path = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
  return keys.length > PATH_SEGMENTS ? `${path}…` : path;
}
