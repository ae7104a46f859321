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

/**
 * What is wrong with `text` as the UTF-8 text of a user's file, or undefined when nothing is. A
 * file saved as UTF-16 (Notepad's "Unicode", Excel's "Unicode text") read as UTF-8 holds a NUL
 * between characters and opens with two replacement characters (its byte-order mark): every
 * reader failed on it somewhere further on ("expected an object, received "��#\u0000 \u0000A…""),
 * naming neither the encoding nor the fix. A NUL is never part of a scenario, a save or a results
 * file, so one is enough to tell.
 *
 * @example
 * ```ts
 * encodingIssue('name: demo'); // undefined
 * encodingIssue('\uFFFD\uFFFDn\u0000a\u0000'); // { path: '(file)', expected: 'UTF-8 text', received: 'UTF-16 text …', … }
 * ```
 */
export function encodingIssue(text: string): { readonly path: string; readonly expected: string; readonly received: string; readonly hint?: string } | undefined {
  const bom = text.startsWith('\uFFFD\uFFFD');
  const nul = text.indexOf('\u0000');
  if (nul < 0 && !bom) return undefined;
  // UTF-16 of mostly ASCII text: every other character is a NUL.
  const head = text.slice(0, 400);
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nuls++;
  const wide = bom || nuls * 4 >= head.length;
  return wide
    ? { path: '(file)', expected: 'UTF-8 text', received: 'UTF-16 text (a NUL byte between characters)', hint: 'save the file again as UTF-8: in Notepad, Save as… then Encoding: UTF-8' }
    : { path: '(file)', expected: 'UTF-8 text', received: `a NUL byte at character ${nul + 1}: binary data, not text` };
}
