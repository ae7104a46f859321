// The user documentation must stay true to the repository and the command line: researchers copy
// its links, paths and commands as written. These are the cheap checks (no run of a scenario
// beyond one `validate`); the code examples are run by readme.test.ts and examples.test.ts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/index.js';
import { cliHarness, packageVersion, root } from '../helpers/cli.js';

const { tmp, detente } = cliHarness('detente-docs-');

const pages = [...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'README.md'];
const read = (page: string): string => readFileSync(join(root, page), 'utf8');

/** The page without its fenced code blocks (links and headings inside them are not markdown). */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (m[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Every `--flag` the command's --help mentions. */
const helpFlags = new Map<string, Set<string>>();
function flagsOf(command: string): Set<string> {
  let flags = helpFlags.get(command);
  if (!flags) {
    const r = detente(command, '--help');
    expect(r.status, `detente ${command} --help`).toBe(0);
    flags = new Set(r.stdout.match(/--[a-z][a-z-]*/g) ?? []);
    helpFlags.set(command, flags);
  }
  return flags;
}

const COMMANDS = ['run', 'validate', 'report', 'list', 'play', 'sweep', 'merge', 'summarize', 'tournament'];

/** Each `detente <command> …` invocation in a page: the command and the text up to the end of its code span or line. */
function invocations(text: string): { command: string; args: string; line: number }[] {
  const out: { command: string; args: string; line: number }[] = [];
  // A shell line continued with a backslash is one invocation.
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  lines.forEach((line, i) => {
    // `detente@0.1.0 sweep …` (a pinned version, as in the cluster examples) is checked too.
    for (const m of line.matchAll(/\bdetente(?:@[\w.-]+)? (\w+)([^`\n]*)/g)) {
      const command = m[1] ?? '';
      if (COMMANDS.includes(command)) out.push({ command, args: (m[2] ?? '').split('|')[0] ?? '', line: i + 1 });
    }
  });
  return out;
}

describe('the documentation', () => {
  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = read(page);
      for (const m of prose(text).matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const target = m[1] ?? '';
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [file = '', anchor] = target.split('#');
        const path = file === '' ? page : join(page, '..', file);
        if (!existsSync(join(root, path))) {
          broken.push(`${page}: ${target} (no file ${path})`);
          continue;
        }
        if (anchor !== undefined && path.endsWith('.md') && !anchors(read(path)).has(anchor)) broken.push(`${page}: ${target} (no heading #${anchor} in ${path})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('names only repository files that exist', () => {
    // Files a page tells the reader to create.
    const toCreate = new Set(['src/text/narrative.fr.ts', 'src/text/report.fr.ts']);
    const missing: string[] = [];
    for (const page of pages) {
      if (page === 'docs/performance.md') continue; // a journal: it names files of past commits
      for (const m of read(page).matchAll(/`((?:\.ci|src|tests|scenarios|examples|bench|docs)\/[^`\s*…]+)`/g)) {
        const path = m[1] ?? '';
        if (!toCreate.has(path) && !existsSync(join(root, path))) missing.push(`${page}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses only flags that each command accepts', () => {
    const unknown: string[] = [];
    let seen = 0;
    for (const page of pages) {
      if (page === 'docs/performance.md') continue;
      for (const { command, args, line } of invocations(read(page))) {
        for (const flag of args.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []) {
          seen++;
          if (!flagsOf(command).has(flag)) unknown.push(`${page}:${line}: detente ${command} ${flag}`);
        }
      }
    }
    expect(unknown).toEqual([]);
    // The scan itself works: the pages do show flags.
    expect(seen).toBeGreaterThan(30);
  });

  it('pins the package\'s own version where it pins one (npx detente@X.Y.Z in the cluster examples)', () => {
    const other: string[] = [];
    let pinned = 0;
    for (const page of pages) {
      for (const m of read(page).matchAll(/\bdetente@(\d[\w.-]*)/g)) {
        pinned++;
        if (m[1] !== packageVersion) other.push(`${page}: detente@${m[1]}`);
      }
    }
    expect(other).toEqual([]);
    expect(pinned).toBeGreaterThan(5);
  });

  it('lists in the option table of docs/play.md exactly the options of detente play', () => {
    const table = /\| option \| meaning \|\n((?:\|.*\n)+)/.exec(read('docs/play.md'))?.[1] ?? '';
    const documented = new Set(table.match(/(?<=^\| `)--[a-z-]+/gm) ?? []);
    const offered = new Set([...flagsOf('play')].filter((f) => f !== '--help'));
    expect([...documented].sort()).toEqual([...offered].sort());
  });

  it('quotes the message detente validate really prints for the bad file of docs/scenarios.md', () => {
    const text = read('docs/scenarios.md');
    const file = /For this file:\n\n```yaml\n([\s\S]*?)```/.exec(text);
    const quoted = /\(printed by `detente validate bad\.yaml`[^)]*\) is:\n\n```\n([\s\S]*?)```/.exec(text)?.[1];
    expect(file?.[1]).toBeDefined();
    expect(quoted).toBeDefined();
    writeFileSync(join(tmp, 'bad.yaml'), file?.[1] ?? '');
    const r = detente('validate', 'bad.yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // The command names the file by its full path, which the page shows as /home/you/bad.yaml.
    expect(r.stderr.replace(/^detente: \S*bad\.yaml:/, 'detente: /home/you/bad.yaml:')).toBe(quoted);
  });

  it('classifies the built-in strategies in docs/diplomacy.md as their metadata does', () => {
    const registry = createRegistry();
    const rows = [...read('docs/diplomacy.md').matchAll(/^\| `([a-z-]+)` \| (yes|no) \| (yes|no) \| (yes|no) \| (yes|no) \|/gm)];
    expect(rows.map((m) => m[1]).sort()).toEqual([...registry.names()].sort());
    for (const [, name = '', ...flags] of rows) {
      const meta = registry.get(name).meta;
      const yes = (b: boolean) => (b ? 'yes' : 'no');
      expect(flags, name).toEqual([yes(meta.stochastic), yes(meta.retaliatory), yes(meta.forgiving), yes(meta.attributionSensitive)]);
    }
  });
});
