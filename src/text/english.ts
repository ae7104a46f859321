// Grammar shared by the English texts (narrative, report, play, the command line's lines).

/** `1 round`, `2 rounds` (or the given plural: `plural(2, 'ally', 'allies')`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 'A', 'A and B', 'A, B and C'. */
export function andList(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] as string}`;
}

/** A scenario's text as one line: a story or screen line is one line (the next may be a round's heading). */
export function oneLine(text: string): string {
  return text.trim().replace(/\s*\r?\n\s*/g, ' ');
}
