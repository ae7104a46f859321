import { ConfigError } from '../engine/errors.js';
import { MAX_NESTING, nestingTooDeep, pathUnder } from '../model/nesting.js';
import { showControlCharacters } from '../model/control-characters.js';
import { csvField } from '../report/csv.js';
import type { Cell, SweepRow } from './row.js';
import { SCENARIO_COLUMN } from './identity.js';
import { isMetricColumn } from './stats.js';
import { encodingIssue, withoutByteOrderMark } from '../model/bom.js';

/**
 * How results are written: CSV (one header line, then a line per run) or JSON Lines (an object per line).
 *
 * @example
 * ```ts
 * const format: ResultsFormat = formatOf('results.jsonl'); // 'jsonl'
 * const { rows } = readResults(readFileSync('results.jsonl', 'utf8'), format, 'results.jsonl');
 * ```
 */
export type ResultsFormat = 'csv' | 'jsonl';

/**
 * The format a results file name implies: `.jsonl` / `.ndjson` → JSON Lines, anything else CSV.
 *
 * @example
 * ```ts
 * formatOf('results.jsonl'); // 'jsonl'
 * ```
 */
export function formatOf(path: string): ResultsFormat {
  return /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'csv';
}

/**
 * The CSV header line (with its line break) of a results file.
 *
 * @example
 * ```ts
 * csvHeader(['run', 'seed']); // 'run,seed\n'
 * ```
 */
export function csvHeader(columns: readonly string[]): string {
  return `${columns.map(csvField).join(',')}\n`;
}

/**
 * One results row as a whole line (with its line break) in the given format. Series are written
 * as numbers separated by spaces in CSV, and as arrays in JSON Lines; empty cells are `null` in
 * JSON and empty in CSV.
 *
 * @example
 * ```ts
 * formatRow({ run: 'p0-s1', seed: 1 }, ['run', 'seed'], 'csv'); // 'p0-s1,1\n'
 * ```
 */
export function formatRow(row: SweepRow, columns: readonly string[], format: ResultsFormat): string {
  if (format === 'jsonl') {
    const ordered: Record<string, Cell> = {};
    for (const c of columns) ordered[c] = row[c] ?? null;
    return `${JSON.stringify(ordered)}\n`;
  }
  return `${columns.map((c) => csvField(cellText(row[c]))).join(',')}\n`;
}

function cellText(v: Cell | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join(' ');
  return v as string | number;
}

/**
 * Split CSV text into records (RFC 4180: quoted fields may hold commas, quotes and line breaks).
 * A last line without its line break is still returned; {@link readResults} decides what it means.
 * A quoted field that never ends, or text after the closing quote of a field (`"a"b`), is not
 * CSV: a {@link ConfigError} naming the line.
 *
 * @example
 * ```ts
 * parseCsv('a,b\n1,"x,y"\n'); // [['a', 'b'], ['1', 'x,y']]
 * ```
 */
export function parseCsv(text: string, source = 'CSV'): string[][] {
  return csvRecords(text, source).records;
}

/** The records of CSV text and the line each starts on (from 1; a quoted field may span lines). */
function csvRecords(text: string, source: string): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let opened = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        // A closing quote ends the field: a separator, a line break or the end must follow.
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new ConfigError([{ path: `line ${line}`, expected: 'a comma or a line break after the closing quote of a field', received: `'${shown(text.slice(i + 1, i + 21).split(/[\r\n]/)[0] ?? '')}'` }], source);
        }
      } else {
        field += ch;
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      opened = line;
    }
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      lines.push(start);
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = ++line;
    } else field += ch;
    i++;
  }
  if (quoted) {
    throw new ConfigError([{ path: `line ${opened}`, expected: 'a quoted field that ends (with a quote) before the end of the text', received: 'a quoted field that never ends (a file cut short?)' }], source);
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
    lines.push(start);
  }
  return { records, lines };
}

/**
 * Results read back: the columns and the rows, in file order.
 *
 * @example
 * ```ts
 * const results: Results = readResults(readFileSync('results.csv', 'utf8'), 'csv', 'results.csv');
 * results.columns[0]; // 'run'
 * results.rows.length; // one per run
 * ```
 */
export interface Results {
  readonly columns: readonly string[];
  readonly rows: readonly SweepRow[];
}

/**
 * Read a whole results file (CSV or JSON Lines). Numbers come back as numbers, empty cells as
 * `null`, `series.*` cells as arrays. Throws a {@link ConfigError} naming the line of a malformed
 * row, a row with the wrong number of fields, a line that is not whole (no final line break), or
 * the line and column of a metric or series cell that is not a finite number (nor empty).
 *
 * @example
 * ```ts
 * const { columns, rows } = readResults(readFileSync('results.csv', 'utf8'), 'csv', 'results.csv');
 * ```
 */
export function readResults(raw: string, format: ResultsFormat, source = 'results'): Results {
  const { columns, rows } = readResultsLines(raw, format, source);
  return { columns, rows };
}

/**
 * {@link readResults}, with the line of the file each row starts on (from 1; the CSV header is
 * line 1), for messages about a row: `line 122`, not its index `rows[120]`.
 */
export function readResultsLines(raw: string, format: ResultsFormat, source = 'results'): Results & { readonly lines: readonly number[] } {
  // Not part of the first column's name ('\uFEFFrun' was refused as a header not starting with 'run').
  const encoding = encodingIssue(raw);
  if (encoding) throw new ConfigError([encoding], source);
  const text = withoutByteOrderMark(raw);
  if (text.length > 0 && !text.endsWith('\n')) {
    throw new ConfigError([{ path: `line ${text.split('\n').length}`, expected: 'whole lines, each ending with a line break', received: 'a torn last line (an interrupted write? resume the sweep with --resume to repair it)' }], source);
  }
  if (format === 'jsonl') {
    const rows: SweepRow[] = [];
    const rowLines: number[] = [];
    let columns: string[] = [];
    let kinds: ColumnKind[] = [];
    text.split('\n').forEach((line, k) => {
      if (line === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new ConfigError([{ path: `line ${k + 1}`, expected: 'a JSON object', received: `'${shown(line.slice(0, 60))}'` }], source);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as Record<string, unknown>).run !== 'string') {
        throw new ConfigError([{ path: `line ${k + 1}`, expected: 'a results row (an object with a "run" id)', received: `'${shown(line.slice(0, 60))}'` }], source);
      }
      const keys = Object.keys(value);
      if (rows.length === 0) {
        columns = keys;
        kinds = columns.map(kindOf);
      } else if (keys.join('\u0000') !== columns.join('\u0000')) {
        throw new ConfigError([{ path: `line ${k + 1}`, expected: `the same columns as line 1 (${columns.length})`, received: `${keys.length} different columns` }], source);
      }
      for (let i = 0; i < keys.length; i++) {
        const c = keys[i] as string;
        const cell = (value as Record<string, unknown>)[c] as Cell | undefined;
        if (!fits(kinds[i] as ColumnKind, cell)) throw badCell(k + 1, c, JSON.stringify(cell) ?? String(cell), source);
        // A cell of an id or parameter column may hold anything JSON.parse reads, but is written
        // back (merge) and grouped (summarize --by) as JSON: nested too deep, that overflowed the stack.
        if (kinds[i] === 'other' && typeof cell === 'object' && cell !== null) {
          const deep = nestingTooDeep(cell);
          if (deep !== undefined) {
            throw new ConfigError([{ path: `line ${k + 1}, column ${shown(c)}`, expected: `a value with lists and objects nested at most ${MAX_NESTING} levels deep`, received: `deeper nesting at ${shown(pathUnder(c, deep))}` }], source);
          }
        }
      }
      rows.push(value as SweepRow);
      rowLines.push(k + 1);
    });
    return { columns, rows, lines: rowLines };
  }
  const { records, lines } = csvRecords(text, source);
  const header = records[0];
  if (!header || header[0] !== 'run') {
    throw new ConfigError([{ path: 'line 1', expected: "a header line starting with 'run'", received: header ? `'${shown(header.slice(0, 3).join(','))}…'` : 'an empty file' }], source);
  }
  // What each column takes, from its name, once: not once per cell of a million-row file.
  const kinds = header.map(kindOf);
  const rows = records.slice(1).map((rec, k) => {
    if (rec.length !== header.length) {
      throw new ConfigError([{ path: `line ${lines[k + 1] ?? k + 2}`, expected: `${header.length} fields like the header`, received: `${rec.length}` }], source);
    }
    const row: Record<string, Cell> = {};
    header.forEach((c, i) => {
      const cell = parseCell(c, rec[i] as string);
      if (!fits(kinds[i] as ColumnKind, cell)) throw badCell(lines[k + 1] ?? k + 2, c, rec[i] as string, source);
      row[c] = cell;
    });
    return row;
  });
  return { columns: header, rows, lines: rows.map((_, k) => lines[k + 1] ?? k + 2) };
}

/** What a column's cells hold: lists of numbers (`series.…`), a metric, or anything (ids, parameters). */
type ColumnKind = 'series' | 'metric' | 'other';

function kindOf(column: string): ColumnKind {
  return column.startsWith('series.') ? 'series' : isMetricColumn(column) ? 'metric' : 'other';
}

/**
 * Does a cell hold what its column takes? Metric cells are finite numbers or empty, series cells
 * lists of finite numbers: a NaN, an Infinity or a word there is a damaged file, which statistics
 * would otherwise skip as if the cell were empty. Other columns (ids, parameters) take any value.
 */
function fits(kind: ColumnKind, cell: Cell | undefined): boolean {
  if (kind === 'series') return Array.isArray(cell) && cell.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (kind === 'other') return true;
  return cell === null || (typeof cell === 'number' && Number.isFinite(cell));
}

/**
 * Text of a results file quoted in a message, its control characters shown (`<U+001B>`) rather
 * than sent to the terminal: a file from elsewhere could otherwise clear the screen or plant a link.
 */
function shown(text: string): string {
  return showControlCharacters(text);
}

function badCell(line: number, column: string, text: string, source: string): ConfigError {
  const expected = column.startsWith('series.') ? 'finite numbers separated by spaces' : 'a finite number or an empty cell';
  return new ConfigError([{ path: `line ${line}, column ${shown(column)}`, expected, received: `'${shown(text.length > 40 ? `${text.slice(0, 40)}…` : text)}'` }], source);
}

/**
 * The text of a number in a results file or a `--set` value: an optional minus, digits with an
 * optional point (or a point and digits), and an optional exponent with an optional sign.
 */
export const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Is this the column (or grid path) of an actor's strategy name, `actors.<ID>.strategy`? Its values are names, never numbers. */
export function isStrategyColumn(path: string): boolean {
  return /^actors\..+\.strategy$/.test(path);
}

function parseCell(column: string, text: string): Cell {
  // Each number of a series in the syntax of any other cell: Number() read a doubled or stray space
  // as a 0 ('1  2' → [1, 0, 2]) and hex as a number ('0x10' → 16), silently.
  if (column.startsWith('series.')) return text === '' ? [] : text.split(' ').map((v) => (NUMBER_TEXT.test(v) ? Number(v) : NaN));
  if (text === '') return null;
  // A strategy name is text even when it looks like a number ('007' read back as 7).
  if (column === 'run' || column === SCENARIO_COLUMN || isStrategyColumn(column)) return text;
  return NUMBER_TEXT.test(text) ? Number(text) : text;
}
