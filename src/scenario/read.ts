import { isAlias, isNode, parseDocument, Parser, visit } from 'yaml';
import type { CST, Document, Node as YamlNode } from 'yaml';
import type { ConfigIssue } from '../engine/errors.js';
import { describe } from '../model/mechanisms.js';
import { MAX_NESTING, nestingExpected } from '../model/nesting.js';
import { ScenarioError } from './errors.js';
import { encodingIssue, withoutByteOrderMark } from '../model/bom.js';
import { everyMember } from '../model/members.js';
import { checkOptionNames } from '../engine/option-names.js';

/**
 * Largest scenario text accepted (5 MiB): a scenario is configuration, not data.
 *
 * @example
 * ```ts
 * MAX_SCENARIO_BYTES; // 5242880 (5 MiB)
 * readScenarioText('#'.repeat(MAX_SCENARIO_BYTES + 1)); // throws a ScenarioError: at most 5 MiB
 * ```
 */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** Most aliases (`*name`) a YAML scenario may expand, counting nested ones: stops alias bombs. */
const MAX_ALIAS_COUNT = 100;

/**
 * Which syntax a scenario text is in.
 *
 * @example
 * ```ts
 * const format: ScenarioFormat = 'json';
 * readScenarioText('{ "name": "demo" }', { source: 'demo.txt', format }); // { name: 'demo' }
 * ```
 */
export type ScenarioFormat = 'json' | 'yaml';

/** The names {@link readScenarioText} accepts in its options. */
const READ_OPTIONS = everyMember<keyof NonNullable<Parameters<typeof readScenarioText>[1]> & string>()(['source', 'format']);

/**
 * Parse scenario text (JSON or YAML) into plain data, or throw a {@link ScenarioError} whose issue
 * says where (line and column) the syntax broke. Rejects empty and oversized texts and duplicate
 * keys. (Reserved keys are reported by {@link forbiddenKeys}, with the document's other problems.)
 * An option name other than `source` and `format` is a `ConfigError` naming it.
 *
 * @example
 * ```ts
 * readScenarioText('name: demo\nrounds: 3\nactors: [{ id: A }, { id: B }]', { source: 'demo.yaml' });
 * ```
 */
export function readScenarioText(text: string, options: { readonly source?: string; readonly format?: ScenarioFormat } = {}): unknown {
  checkOptionNames(options, READ_OPTIONS, 'readScenarioText');
  const source = options.source;
  const fail = (issue: ConfigIssue): never => {
    throw new ScenarioError([issue], source);
  };
  if (typeof text !== 'string') fail({ path: '(file)', expected: 'scenario text', received: typeof text });
  const bytes = utf8Length(text);
  // In bytes: a file a few bytes over the limit would read "5.0 MiB" against "at most 5 MiB".
  if (bytes > MAX_SCENARIO_BYTES) fail({ path: '(file)', expected: `at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB (${MAX_SCENARIO_BYTES} bytes) of scenario`, received: `${bytes} bytes` });
  const encoding = encodingIssue(text);
  if (encoding) fail(encoding);
  // YAML skipped a byte-order mark; JSON.parse refused it.
  text = withoutByteOrderMark(text);
  if (text.trim().length === 0) fail({ path: '(file)', expected: 'a scenario (JSON or YAML)', received: 'an empty file' });
  // Any other value ('yml', 'JSON') read nothing at all, and the scenario was said to be missing.
  if (options.format !== undefined && options.format !== 'json' && options.format !== 'yaml') {
    fail({ path: 'options.format', expected: "'json' or 'yaml' (or none: the file name or the text tells which)", received: describe(options.format) });
  }
  const format = options.format ?? guessFormat(text, source);
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(text);
    } catch (e) {
      fail(jsonSyntaxIssue(text, e));
    }
  }
  // Before the yaml library builds anything: it recurses, and would overflow the stack (at a depth
  // that depends on the caller's stack) or, in some states of V8, abort the process.
  const deep = nestingTooDeepIn(text);
  if (deep) fail(deep);
  // YAML 1.2 reads JSON too: for JSON it only adds the duplicate-key check JSON.parse lacks.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    fail({
      path: pos ? `line ${pos.line}, column ${pos.col}` : '(file)',
      expected: format === 'json' ? 'valid JSON without duplicate keys' : 'valid YAML',
      received: first.code === 'DUPLICATE_KEY' ? 'a key repeated in the same object' : (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, ''),
    });
  }
  if (format === 'yaml') {
    const alias = text.includes('*') ? aliasProblem(doc, text) : undefined;
    if (alias) fail(alias);
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // The yaml library throws here, outside `doc.errors`: an alias bomb (ReferenceError), or a
      // structure too deep to build (RangeError). Either is a problem of the file, not a crash.
      const message = e instanceof Error ? e.message : String(e);
      fail(
        /alias count/i.test(message)
          ? { path: '(file)', expected: `YAML whose aliases (*name) expand to at most ${MAX_ALIAS_COUNT} copies`, received: 'aliases nested so that they expand far beyond that (an alias bomb)' }
          : { path: '(file)', expected: 'valid YAML', received: message.split('\n')[0] ?? message },
      );
    }
  }
  return data;
}

/**
 * Every use of the reserved keys `__proto__`, `constructor` and `prototype` in parsed data, as
 * issues with their paths. Parsed data holds them as own properties (harmless while it is only
 * read), but a scenario that carries them is refused. A part reached by several paths is reported
 * at the first; a cycle, or nesting past {@link MAX_NESTING}, is reported instead of walked.
 *
 * @example
 * ```ts
 * forbiddenKeys(JSON.parse('{"__proto__": {}}')); // [{ path: '__proto__', … }]
 * ```
 */
export function forbiddenKeys(data: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  findForbiddenKeys(data, '', issues);
  return issues;
}

/**
 * The reserved keys refused anywhere in a scenario.
 *
 * @example
 * ```ts
 * FORBIDDEN_KEYS; // ['__proto__', 'constructor', 'prototype']
 * forbiddenKeys(JSON.parse('{ "actors": [{ "constructor": 1 }] }')).length; // 1
 * ```
 */
export const FORBIDDEN_KEYS: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

/**
 * The first alias that names no earlier anchor, or that sits inside the node its anchor names (a
 * cycle, which would build self-referencing data): `toJS` throws on the first and silently builds
 * the second. One pass in document order, the order in which yaml resolves an alias (the last
 * anchor of that name before it).
 */
function aliasProblem(doc: Document, text: string): ConfigIssue | undefined {
  const anchors = new Map<string, unknown>();
  let issue: ConfigIssue | undefined;
  const at = (node: YamlNode): string => {
    const pos = node.range ? lineColumn(text, node.range[0]) : undefined;
    return pos ? `line ${pos.line}, column ${pos.column}` : '(file)';
  };
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target === undefined) issue = { path: at(node), expected: `an alias to an anchor set before it (&${node.source})`, received: `*${node.source}, with no such anchor before it` };
        else if (path.includes(target as YamlNode)) issue = { path: at(node), expected: 'an alias outside the node its anchor names', received: `*${node.source} inside &${node.source} itself (a cycle)` };
        return issue ? visit.BREAK : undefined;
      }
      if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
      return undefined;
    },
  });
  return issue;
}

/**
 * The first list or map of the text that lies more than MAX_NESTING levels deep, as an issue with
 * its line and column. Reads the yaml library's concrete syntax tree, which its parser builds
 * with a stack of its own (no recursion), and walks it with an explicit stack too. Aliases are
 * not expanded here: what they add is checked on the built data (nestingTooDeep in parseScenario).
 */
function nestingTooDeepIn(text: string): ConfigIssue | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const top of new Parser().parse(text)) {
    stack.push({ token: top, depth: 0 });
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const { token } = item;
      let depth = item.depth;
      if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
        depth++;
        if (depth > MAX_NESTING) {
          const pos = lineColumn(text, token.offset);
          return {
            path: `line ${pos.line}, column ${pos.column}`,
            expected: `lists and maps nested at most ${MAX_NESTING} levels deep`,
            received: 'deeper nesting',
            hint: 'a scenario nests about 6 levels deep',
          };
        }
        for (const entry of token.items) {
          if ('value' in entry && entry.value) stack.push({ token: entry.value, depth });
          if ('key' in entry && entry.key) stack.push({ token: entry.key, depth });
        }
      } else if (token.type === 'document' && token.value) {
        stack.push({ token: token.value, depth });
      }
    }
  }
  return undefined;
}

/**
 * The issue for a JSON text that `JSON.parse` refused with `error`: the line and column where it
 * goes wrong, and V8's reason without its position or its quote of the text. Shared by every JSON
 * file the package reads (scenarios, saved runs, saved games).
 */
export function jsonSyntaxIssue(text: string, error: unknown): ConfigIssue {
  const message = error instanceof Error ? error.message : String(error);
  // V8 gives no position for "Unexpected token 'x', …" (a bare word, NaN, .5) or an early end.
  const at = /position (\d+)/.exec(message);
  const pos = lineColumn(text, at ? Number(at[1]) : jsonErrorOffset(text));
  return {
    path: `line ${pos.line}, column ${pos.column}`,
    expected: 'valid JSON',
    // Without V8's quote of the text around the error ("name: x\nrou"… is not valid JSON), which the line and column replace.
    received: message
      .replace(/( in JSON)? at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .replace(/, (?:\.\.\.)?".*is not valid JSON$/s, ''),
  };
}

/**
 * Where a JSON text that JSON.parse refused first goes wrong (an offset; the text's length when it
 * ends too early), for the messages of V8 that give no position. A scan with a stack of its own,
 * as the text may nest deep.
 */
function jsonErrorOffset(text: string): number {
  const space = /[ \t\n\r]*/y;
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const open: string[] = [];
  let i = 0;
  const skip = (re: RegExp): boolean => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) i = re.lastIndex;
    return m !== null;
  };
  // The first character where the text stops being `word` (true, false, null), or where it ends.
  const literal = (): number => {
    const word = ['true', 'false', 'null'].find((w) => w[0] === text[i]);
    if (word === undefined) return i;
    let k = 0;
    while (k < word.length && text[i + k] === word[k]) k++;
    if (k < word.length) return i + k;
    i += k;
    return -1;
  };
  let state: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after' = 'value';
  for (;;) {
    skip(space);
    const ch = text[i];
    if (state === 'value' || state === 'value-or-close') {
      if (state === 'value-or-close' && ch === ']') {
        open.pop();
        i++;
        state = 'after';
      } else if (ch === '{' || ch === '[') {
        open.push(ch);
        i++;
        state = ch === '{' ? 'key-or-close' : 'value-or-close';
      } else if (skip(string) || skip(number)) state = 'after';
      else {
        const bad = literal();
        if (bad >= 0) return bad;
        state = 'after';
      }
    } else if (state === 'key' || state === 'key-or-close') {
      if (state === 'key-or-close' && ch === '}') {
        open.pop();
        i++;
        state = 'after';
      } else {
        if (!skip(string)) return i;
        skip(space);
        if (text[i] !== ':') return i;
        i++;
        state = 'value';
      }
    } else {
      const top = open[open.length - 1];
      if (top === undefined || ch === undefined) return i;
      if (ch === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        open.pop();
        i++;
      } else return i;
    }
  }
}

function guessFormat(text: string, source: string | undefined): ScenarioFormat {
  if (source && /\.json$/i.test(source)) return 'json';
  if (source && /\.ya?ml$/i.test(source)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

function findForbiddenKeys(v: unknown, path: string, issues: ConfigIssue[], enclosing = new Set<object>(), walked = new Set<object>()): void {
  if (v === null || typeof v !== 'object') return;
  // Data handed in as an object (not text) may refer to itself; walking it would never end.
  if (enclosing.has(v)) {
    issues.push({ path: path || '(top level)', expected: 'plain data', received: 'a reference to an object that contains it (a cycle)' });
    return;
  }
  // A part reached again by another path was reported at its first: data shared over and over
  // has exponentially many paths, and a walk of each never ended.
  if (walked.has(v)) return;
  // The walk recurses: past the nesting limit (which parseScenario checks first) it stops.
  if (enclosing.size >= MAX_NESTING) {
    issues.push({ path: path || '(top level)', expected: nestingExpected(), received: 'deeper nesting' });
    return;
  }
  walked.add(v);
  enclosing.add(v);
  if (Array.isArray(v)) {
    v.forEach((x, i) => findForbiddenKeys(x, `${path}[${i}]`, issues, enclosing, walked));
  } else {
    for (const key of Object.keys(v)) {
      const sub = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.includes(key)) issues.push({ path: sub, expected: 'an ordinary field name', received: `the reserved key '${key}'`, hint: 'keys __proto__, constructor and prototype are refused' });
      else findForbiddenKeys((v as Record<string, unknown>)[key], sub, issues, enclosing, walked);
    }
  }
  enclosing.delete(v);
}

/**
 * The line and column of a UTF-16 offset, the column in characters (code points) as an editor and
 * the control-character messages count them: a character outside the BMP (an emoji) is one
 * column, not the two code units it takes.
 */
function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      col = 1;
    } else if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) col++;
  }
  return { line, column: col };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
