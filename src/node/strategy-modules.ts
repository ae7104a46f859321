// Strategies from files: the one way a strategy written by a user reaches a worker thread (code
// cannot be sent to a thread; a module path can, and each thread imports it itself) and the
// command line (`--load FILE`).
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, createRegistry, ScenarioError } from '../index.js';
import type { ConfigIssue, Strategy, StrategyFactory, StrategyRegistry } from '../index.js';
import { controlCharacter } from '../model/control-characters.js';
import { messageOf } from '../model/thrown.js';
import { metaProblem } from '../strategies/define.js';

/**
 * A module of strategies: a path (relative to the working directory), a `file:` URL, or a `URL`.
 * Its **default export** is a strategy (made with `defineStrategy`), a factory that makes one from
 * optional parameters (as `registry.register` takes), or a list of them.
 *
 * @example
 * ```ts
 * const modules: StrategyModule[] = ['./my-strategies.js', new URL('./more-strategies.js', import.meta.url)];
 * const registry = await loadStrategies(modules);
 * ```
 */
export type StrategyModule = string | URL;

/** What a strategy's name may hold: the rule `defineStrategy` applies, so a scenario file can name it. */
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** File extensions Node 20 cannot import without a loader of the caller's. */
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);

/**
 * Import each module and register the strategies it exports as its default export, in the order
 * given, into `registry` (default: a new registry of the built-ins), which is returned.
 *
 * Every problem of a file is a `ConfigError` naming the file: a file that is missing or cannot be
 * imported (with the module's own error), no default export, an entry that is neither a strategy
 * nor a factory, a name already taken (by a built-in or an earlier module). A file with a problem
 * registers nothing.
 *
 * Strategies played by a sweep's worker threads must keep no state of their own between calls
 * (everything they need is in the view and the `rng` each call is given): each thread imports the
 * module once and plays many runs with the same objects, so a strategy that counted its calls would
 * give rows that depend on how the runs were shared out.
 *
 * @example
 * ```ts
 * // my-strategies.js
 * import { defineStrategy } from 'detente';
 * export default [defineStrategy({ name: 'wary', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true } })];
 * ```
 *
 * ```ts
 * // a script
 * import { loadStrategies } from 'detente/node';
 * const registry = await loadStrategies('./my-strategies.js');
 * registry.has('wary'); // true
 * ```
 */
export async function loadStrategies(modules: StrategyModule | readonly StrategyModule[], registry?: StrategyRegistry): Promise<StrategyRegistry> {
  // Every path is resolved now, before the first import is awaited: a working directory changed
  // meanwhile must not change which file a later module is.
  const urls = moduleUrls(modules);
  const into = registry ?? createRegistry();
  const holder = registry === undefined ? 'a built-in strategy' : 'a strategy already registered';
  const taken = new Map<string, string>(into.names().map((n) => [n, holder]));
  for (const url of urls) {
    const file = fileURLToPath(url);
    const { exported } = await importDefault(file, url);
    const issues: ConfigIssue[] = [];
    const entries = entriesOf(exported, issues);
    const found: { name: string; value: Strategy | StrategyFactory }[] = [];
    for (const { value, path } of entries) {
      const strategy = strategyOf(value, path, issues);
      if (strategy === undefined) continue;
      const earlier = taken.get(strategy.name) ?? (found.some((f) => f.name === strategy.name) ? 'an earlier entry of this module' : undefined);
      if (earlier !== undefined) {
        issues.push({ path: `${path}.name`, expected: 'a name no other strategy has', received: `'${strategy.name}', the name of ${earlier}` });
        continue;
      }
      // A factory still makes the strategy for each set of parameters; without parameters, the one checked.
      const factory = value as StrategyFactory;
      found.push({ name: strategy.name, value: typeof value === 'function' ? (params) => (params === undefined ? strategy : factory(params)) : strategy });
    }
    if (issues.length > 0) throw new ConfigError(issues, file);
    for (const f of found) {
      into.register(f.value);
      taken.set(f.name, `a strategy of ${file}`);
    }
  }
  return into;
}

/**
 * The `file:` URL of each module, in order, each file once: a path is resolved against the working
 * directory of the moment, a file given twice (or through a link) counts once. Every module must be
 * an existing file (else a `ConfigError` naming it). Resolve modules with this before handing them
 * to worker threads, and give the threads and `loadStrategies` the same URLs.
 *
 * @example
 * ```ts
 * moduleUrls(['./my-strategies.js', './my-strategies.js']); // ['file:///home/me/study/my-strategies.js']
 * ```
 */
export function moduleUrls(modules: StrategyModule | readonly StrategyModule[]): string[] {
  const list: readonly unknown[] = Array.isArray(modules) ? modules : [modules];
  const urls: string[] = [];
  const seen = new Set<string>();
  for (const module of list) {
    const file = locate(module);
    // The module cache keys files by their real path: a file seen again through another name is the same module.
    const real = realpathSync(file);
    if (seen.has(real)) continue;
    seen.add(real);
    urls.push(pathToFileURL(file).href);
  }
  return urls;
}

/**
 * `read()`, with `hint` added to each issue of the `ConfigError` (or `ScenarioError`) it throws
 * about a strategy name nobody registered (unless the issue has a "did you mean" already): the
 * name may be one of the caller's own strategies, whose module was not given. The command line
 * and `sweepOnWorkers` word the hint each their own way.
 *
 * @example
 * ```ts
 * const scenario = withUnknownStrategyHint('pass the module: --load FILE', () => parseScenario(text));
 * ```
 */
export function withUnknownStrategyHint<T>(hint: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const unknown = (i: ConfigIssue) => i.hint === undefined && /^(a )?registered strategy/.test(i.expected);
    if (!e.issues.some(unknown)) throw e;
    const issues = e.issues.map((i) => (unknown(i) ? { ...i, hint } : i));
    throw e instanceof ScenarioError ? new ScenarioError(issues, e.source) : new ConfigError(issues, e.source);
  }
}

/** The absolute path of a module argument, or a `ConfigError` when it is not an existing file. */
function locate(module: unknown): string {
  let file: string;
  if (module instanceof URL || (typeof module === 'string' && module.startsWith('file:'))) {
    const href = module instanceof URL ? module.href : module;
    try {
      file = fileURLToPath(href);
    } catch {
      throw new ConfigError([{ path: '(module)', expected: 'a file: URL of this machine, or a path', received: href }], 'strategy modules');
    }
  } else if (typeof module === 'string' && module !== '') {
    file = isAbsolute(module) ? module : resolve(module);
  } else {
    throw new ConfigError([{ path: '(module)', expected: 'the path of a JavaScript module (.js, .mjs or .cjs), or its file: URL', received: typeof module === 'string' ? 'an empty text' : typeof module }], 'strategy modules');
  }
  let kind: string;
  try {
    kind = statSync(file).isFile() ? 'file' : 'a directory or another non-file';
  } catch {
    kind = 'nothing';
  }
  if (kind !== 'file') throw new ConfigError([{ path: '(file)', expected: 'a JavaScript module (.js, .mjs or .cjs) whose default export is your strategies', received: kind === 'nothing' ? `nothing at '${file}'` : kind }], file);
  return file;
}

/**
 * The entries of a default export: the items of a list, or the one value. Reading a hostile export
 * (a proxy, a getter that throws) is an issue, not a crash.
 */
function entriesOf(exported: unknown, issues: ConfigIssue[]): { value: unknown; path: string }[] {
  try {
    if (!Array.isArray(exported)) return [{ value: exported, path: 'default' }];
    const entries = Array.from(exported as unknown[], (value, k) => ({ value, path: `default[${k}]` }));
    if (entries.length === 0) issues.push({ path: 'default', expected: 'at least one strategy', received: 'an empty list' });
    return entries;
  } catch (e) {
    issues.push({ path: 'default', expected: 'a strategy, a factory or a list of them that can be read', received: `an error while reading it: ${messageOf(e)}` });
    return [];
  }
}

/** The module's default export, boxed: an async function would read a `then` of the export itself (a hostile one could throw there). */
async function importDefault(file: string, url: string): Promise<{ readonly exported: unknown }> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    const message = messageOf(e).split('\n')[0];
    const typescript = TYPESCRIPT.has(extname(file).toLowerCase()) && code === 'ERR_UNKNOWN_FILE_EXTENSION';
    throw new ConfigError(
      [
        {
          path: '(file)',
          expected: 'a module Node can import',
          received: typescript ? 'a TypeScript file' : `an error while importing it: ${message}`,
          ...(typescript ? { hint: "Node 20 does not run TypeScript by itself: compile it to .js; a TypeScript loader such as 'node --import tsx' serves one thread only, and a sweep's worker threads do not get it" } : {}),
        },
      ],
      file,
    );
  }
  if (!('default' in namespace) || namespace.default === undefined) {
    const names = Object.keys(namespace).sort();
    throw new ConfigError(
      [
        {
          path: 'default',
          expected: 'a default export: a strategy, a factory, or a list of them',
          received: names.length > 0 ? `no default export (it exports ${names.join(', ')})` : 'no default export',
          hint: names.length > 0 ? `e.g. export default [${names.join(', ')}]` : 'e.g. export default [myStrategy]',
        },
      ],
      file,
    );
  }
  const exported = namespace.default;
  // A module compiled to CommonJS from ESM (tsc, babel) sets exports.default and marks itself
  // __esModule: Node gives its whole exports object as the default, where the author meant the
  // default export.
  try {
    if (typeof exported === 'object' && exported !== null && (exported as { __esModule?: unknown }).__esModule === true && 'default' in exported) return { exported: (exported as { default: unknown }).default };
  } catch {
    // An export that cannot be read is reported with its entries (entriesOf, strategyOf).
  }
  return { exported };
}

/** The strategy an entry stands for (a factory is called without parameters), or undefined with its issues recorded. */
function strategyOf(value: unknown, path: string, issues: ConfigIssue[]): Strategy | undefined {
  let strategy: unknown = value;
  let where = path;
  if (typeof value === 'function') {
    where = `${path}()`;
    try {
      strategy = (value as StrategyFactory)();
    } catch (e) {
      issues.push({ path: where, expected: 'a factory that makes a strategy when called without parameters', received: `an error: ${messageOf(e)}` });
      return undefined;
    }
  }
  let problem: string | undefined;
  let checked: Strategy | undefined;
  try {
    const read = readOnce(strategy);
    problem = typeof read === 'string' ? read : shapeProblem(read);
    if (problem === undefined) checked = snapshotOf(strategy as Strategy, read as Fields);
  } catch (e) {
    problem = `an object that cannot be read: ${messageOf(e)}`;
  }
  if (problem !== undefined || checked === undefined) {
    issues.push({ path: where, expected: 'a strategy (made with defineStrategy) or a factory that makes one', received: problem ?? 'nothing', hint: "defineStrategy({ name, meta, operate?, diplomacy?, respond? }) from 'detente' makes one" });
    return undefined;
  }
  return checked;
}

/** What a strategy is made of, as read from the module's object. */
interface Fields {
  readonly name: unknown;
  readonly meta: unknown;
  readonly params: unknown;
  readonly operate: unknown;
  readonly diplomacy: unknown;
  readonly respond: unknown;
}

/**
 * Each field of a candidate read once (its meta and params copied): what is checked is then what
 * is registered, even if a getter or a proxy of the module's would answer differently, or throw,
 * the next time. A text says why it is not an object at all.
 */
function readOnce(s: unknown): Fields | string {
  if (typeof s !== 'object' || s === null) return s === null ? 'null' : typeof s;
  const x = s as Record<string, unknown>;
  const copy = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.freeze({ ...v }) : v);
  return { name: x.name, meta: copy(x.meta), params: copy(x.params), operate: x.operate, diplomacy: x.diplomacy, respond: x.respond };
}

/** The strategy as it was checked, in an object of ours. Its functions are called on the module's object, so methods keep their `this`. */
function snapshotOf(s: Strategy, read: Fields): Strategy {
  const operate = read.operate as Strategy['operate'];
  const diplomacy = read.diplomacy as Strategy['diplomacy'];
  const respond = read.respond as Strategy['respond'];
  return Object.freeze({
    name: read.name as string,
    meta: read.meta as Strategy['meta'],
    ...(read.params !== undefined ? { params: read.params as NonNullable<Strategy['params']> } : {}),
    operate: (view, rng) => operate.call(s, view, rng),
    diplomacy: (view, rng) => diplomacy.call(s, view, rng),
    respond: (request, view, rng) => respond.call(s, request, view, rng),
  } satisfies Strategy);
}

function shapeProblem(x: Fields): string | undefined {
  if (typeof x.name !== 'string' || !NAME.test(x.name)) return `an object whose name is ${typeof x.name === 'string' ? `'${x.name}' (lower-case letters, digits and dashes only)` : 'missing'}`;
  if (typeof x.meta !== 'object' || x.meta === null) return `'${x.name}', without meta`;
  const meta = x.meta as Record<string, unknown>;
  // defineStrategy's own check (listings and the conformance suite read these): the flags, a
  // misspelt `agressive`, a description that is no text.
  const problem = metaProblem(meta);
  if (problem !== undefined) return `'${x.name}', whose ${problem}`;
  // Printed in `detente list`, one line of a table on a terminal.
  if (typeof meta.description === 'string' && controlCharacter(meta.description, true) !== undefined) return `'${x.name}', whose meta.description holds a control character (a line break, a tab, an escape…)`;
  const params = x.params;
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params) || !Object.values(params).every((v) => typeof v === 'number' && Number.isFinite(v)))) {
    return `'${x.name}', whose params are not an object of finite numbers`;
  }
  const missing = (['operate', 'diplomacy', 'respond'] as const).filter((k) => typeof x[k] !== 'function');
  if (missing.length > 0) return `'${x.name}', without ${missing.join(', ')} (functions)`;
  return undefined;
}
