/**
 * `text` without a leading byte-order mark. Some editors (Notepad) and spreadsheets ("CSV UTF-8")
 * write one; it is not part of the data, and JSON.parse refused it with an invisible character as
 * the reason. Every reader of a user's file (scenario, saved run, saved game, results) drops it.
 *
 * @example
 * ```ts
 * JSON.parse(withoutByteOrderMark('\uFEFF{}')); // {}
 * ```
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
