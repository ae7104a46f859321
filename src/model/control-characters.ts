// Characters a terminal executes instead of printing, found in one place for every reader of text.

/**
 * In a text of several lines: the characters a terminal executes instead of printing (escape
 * sequences that clear the screen or plant a link, a carriage return that overwrites the line, a
 * bell: C0 controls other than tab, line feed and the CR of a CRLF; DEL; C1) and the explicit
 * bidirectional controls that make a line read differently from what it says (U+202A–U+202E,
 * U+2066–U+2069). Emoji, zero-width joiners and right-to-left script are text.
 */
const IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/u;
/** In a single line (a typed command, a command-line value): the same, and any line end. */
const IN_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const IN_LINE_ALL = new RegExp(IN_LINE.source, 'gu');

/** The first control character of `text` (see IN_TEXT and IN_LINE) and its place, if any. */
export function controlCharacter(text: string, singleLine = false): { readonly code: string; readonly at: number } | undefined {
  const m = (singleLine ? IN_LINE : IN_TEXT).exec(text);
  if (!m) return undefined;
  // The place in characters as a reader counts them (code points), from 1.
  return { code: codePoint(m[0]), at: [...text.slice(0, m.index)].length + 1 };
}

/**
 * The problem of a text shown to readers that holds a control character (see IN_TEXT), as the
 * checks of scenarios and run files report it, or undefined.
 */
export function controlCharacterProblem(path: string, text: string): { readonly path: string; readonly expected: string; readonly received: string } | undefined {
  const found = controlCharacter(text);
  if (!found) return undefined;
  return { path, expected: 'a text without control characters (terminal escapes, carriage returns, bells, bidirectional overrides)', received: `${found.code} at character ${found.at}` };
}

/** `line` with each control character written as `<U+001B>`: shown, not executed. */
export function showControlCharacters(line: string): string {
  return line.replace(IN_LINE_ALL, (ch) => `<${codePoint(ch)}>`);
}

/** `U+001B` for ESC. */
function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}
