// Quoting what a user typed in a message, within bounds: a message stays readable whatever was given.

/**
 * The most of a user's text (a path, a value, a name) a message quotes. The longest well-formed
 * grid path is about 100 characters (`actors.<ID of up to 64>.capabilities.attribution`); a
 * 30,000-segment `--set` path quoted whole, in the path and again in what was received,
 * made a 120 KB message.
 */
const MAX_QUOTED = 120;

/**
 * `text` as a message quotes it: whole up to MAX_QUOTED characters, else their first MAX_QUOTED
 * and how many there are.
 *
 * @example
 * ```ts
 * clip('a.'.repeat(30000)); // 'a.a.…a.… (60000 characters)', 120 of them quoted
 * ```
 */
export function clip(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  // Never half a surrogate pair; the count is of characters (code points), as a reader counts.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
  let count = 0;
  for (const _ of text) count++;
  return `${text.slice(0, cut)}… (${count} characters)`;
}
