// Strategies from files: the one way a strategy written by a user reaches a worker thread (code
// cannot be sent to a thread; a module path can, and each thread imports it itself) and the
// command line (`--load FILE`).
import { statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, createRegistry } from '../index.js';
import type { ConfigIssue, Strategy, StrategyFactory, StrategyRegistry } from '../index.js';

/**
 * A module of strategies: a path (relative to the working directory), a `file:` URL, or a `URL`.
 * Its **default export** is a strategy (made with `defineStrategy`), a factory that makes one from
 * optional parameters (as `registry.register` takes), or a list of them.
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
 *
 * // a script
 * import { loadStrategies } from 'detente/node';
 * const registry = await loadStrategies('./my-strategies.js');
 * registry.has('wary'); // true
 * ```
 */
export async function loadStrategies(modules: StrategyModule | readonly StrategyModule[], registry?: StrategyRegistry): Promise<StrategyRegistry> {
  const list: readonly unknown[] = Array.isArray(modules) ? modules : [modules];
  const into = registry ?? createRegistry();
  const holder = registry === undefined ? 'a built-in strategy' : 'a strategy already registered';
  const taken = new Map<string, string>(into.names().map((n) => [n, holder]));
  for (const module of list) {
    const { file, url } = locate(module);
    const exported = await importDefault(file, url);
    const entries = Array.isArray(exported) ? exported.map((e, k) => ({ value: e as unknown, path: `default[${k}]` })) : [{ value: exported, path: 'default' }];
    const issues: ConfigIssue[] = [];
    const found: { name: string; value: Strategy | StrategyFactory }[] = [];
    if (entries.length === 0) issues.push({ path: 'default', expected: 'at least one strategy', received: 'an empty list' });
    for (const { value, path } of entries) {
      const strategy = strategyOf(value, path, issues);
      if (strategy === undefined) continue;
      const earlier = taken.get(strategy.name) ?? (found.some((f) => f.name === strategy.name) ? 'an earlier entry of this module' : undefined);
      if (earlier !== undefined) {
        issues.push({ path: `${path}.name`, expected: 'a name no other strategy has', received: `'${strategy.name}', the name of ${earlier}` });
        continue;
      }
      found.push({ name: strategy.name, value: value as Strategy | StrategyFactory });
    }
    if (issues.length > 0) throw new ConfigError(issues, file);
    for (const f of found) {
      into.register(f.value);
      taken.set(f.name, `a strategy of ${file}`);
    }
  }
  return into;
}

/** The absolute path and URL of a module argument, or a `ConfigError` when it is not an existing file. */
function locate(module: unknown): { file: string; url: string } {
  let file: string;
  if (module instanceof URL) {
    if (module.protocol !== 'file:') throw new ConfigError([{ path: '(module)', expected: 'a file: URL or a path', received: module.href }], 'strategy modules');
    file = fileURLToPath(module);
  } else if (typeof module === 'string' && module !== '') {
    file = module.startsWith('file:') ? fileURLToPath(module) : isAbsolute(module) ? module : resolve(module);
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
  return { file, url: pathToFileURL(file).href };
}

async function importDefault(file: string, url: string): Promise<unknown> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const typescript = TYPESCRIPT.has(extname(file).toLowerCase()) && code === 'ERR_UNKNOWN_FILE_EXTENSION';
    throw new ConfigError(
      [
        {
          path: '(file)',
          expected: 'a module Node can import',
          received: typescript ? 'a TypeScript file' : `an error while importing it: ${message}`,
          ...(typescript ? { hint: "Node 20 does not run TypeScript by itself: compile it to .js (a TypeScript loader such as 'node --import tsx' serves one thread only: a sweep's worker threads do not get it)" } : {}),
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
  return namespace.default;
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
      issues.push({ path: where, expected: 'a factory that makes a strategy when called without parameters', received: `an error: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
  }
  const problem = shapeProblem(strategy);
  if (problem !== undefined) {
    issues.push({ path: where, expected: 'a strategy (made with defineStrategy) or a factory that makes one', received: problem, hint: "defineStrategy({ name, meta, operate?, diplomacy?, respond? }) from 'detente' makes one" });
    return undefined;
  }
  return strategy as Strategy;
}

function shapeProblem(s: unknown): string | undefined {
  if (typeof s !== 'object' || s === null) return s === null ? 'null' : typeof s;
  const x = s as Record<string, unknown>;
  if (typeof x.name !== 'string' || !NAME.test(x.name)) return `an object whose name is ${typeof x.name === 'string' ? `'${x.name}' (lower-case letters, digits and dashes only)` : 'missing'}`;
  if (typeof x.meta !== 'object' || x.meta === null) return `'${x.name}', without meta`;
  const missing = (['operate', 'diplomacy', 'respond'] as const).filter((k) => typeof x[k] !== 'function');
  if (missing.length > 0) return `'${x.name}', without ${missing.join(', ')} (functions)`;
  return undefined;
}
