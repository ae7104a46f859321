// Data that is not a plain tree, for the tests of every entry point that reads data from users.

/** `leaf` inside `levels` lists: `[[[…leaf…]]]`, levels + 1 deep counting the leaf's own level. */
export function nested(levels: number, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** An object that holds itself under `self`. */
export function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
}

/** `levels` lists each holding the next twice: levels + 1 values in memory, 2^levels written out. */
export function shared(levels = 60, leaf: unknown = 1): unknown {
  let s: unknown = leaf;
  for (let i = 0; i < levels; i++) s = [s, s];
  return s;
}
