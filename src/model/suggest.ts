// "Did you mean" for a name that is not known: a strategy, an actor, an option. Pure, and at the
// bottom of the layers (model), so that the engine's checks and the strategies' registry share it.

/**
 * The closest known name within a small edit distance, for "did you mean" hints. A singular
 * for its plural or back (`strategy` and `strategies`, `norm` and `norms`) is nearer than any typo.
 *
 * @example
 * ```ts
 * suggest('tit-for-tatt', ['tit-for-tat', 'hawk']); // 'tit-for-tat'
 * suggest('strategy', ['seed', 'strategies']);      // 'strategies'
 * ```
 */
export function suggest(name: string, known: readonly string[]): string | undefined {
  const a = name.toLowerCase();
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const b = k.toLowerCase();
    // Below 1, the least a typo costs: `strategy` is three edits from `strategies`, too many for a
    // word of eight letters, and `norm` is one from `form` as from `norms`.
    const d = pluralOf(a, b) || pluralOf(b, a) ? 0.5 : editDistance(a, b);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

/**
 * The first key of `record` that is not in `known` but a near miss of a known key `record` lacks
 * (`settngs` with no `settings`), with that key: such a field is read as absent, and what it held
 * is lost without a word. A near miss of a key that is present (`setting` beside `settings`)
 * cannot have been meant for it, and other keys are left to the caller (kept as helpers, or
 * unread so that a file of a later version still reads).
 *
 * @example
 * ```ts
 * misspeltKey({ name: 'x', respnd: 1 }, ['name', 'respond']); // { key: 'respnd', near: 'respond' }
 * misspeltKey({ name: 'x', helper: 1 }, ['name', 'respond']); // undefined
 * ```
 */
export function misspeltKey(record: Readonly<Record<string, unknown>>, known: readonly string[]): { readonly key: string; readonly near: string } | undefined {
  let absent: string[] | undefined;
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    absent ??= known.filter((k) => record[k] === undefined);
    const near = suggest(key, absent);
    if (near !== undefined) return { key, near };
  }
  return undefined;
}

/** Whether `plural` is `singular` with -s, or with -ies for its -y (`ally`, `allies`; not `y`, `ies`). */
function pluralOf(plural: string, singular: string): boolean {
  const n = singular.length;
  if (n === 0) return false;
  if (plural.length === n + 1) return plural.endsWith('s') && plural.startsWith(singular);
  return n >= 2 && plural.length === n + 2 && singular.endsWith('y') && plural.endsWith('ies') && sameStart(plural, singular, n - 1);
}

/** Whether `a` and `b` have the same first `n` characters (no slice made: this runs once per known name). */
function sameStart(a: string, b: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}
