// `--load FILE`: strategies of the user's own, for every command that plays or checks a scenario.
// Taken out of the arguments before a command reads them, because importing a module is
// asynchronous and the commands are not.
import type { StrategyRegistry } from '../index.js';
import { fileURLToPath } from 'node:url';
import { loadStrategies, moduleUrls } from '../node/strategy-modules.js';
import { UsageError } from './run.js';
import { moduleDigest } from '../node/module-digest.js';
import type { ModuleDigest } from '../node/module-digest.js';

/** What the command line passes to a command besides its arguments. */
export interface CliContext {
  /** The built-ins and the strategies of every `--load` module; absent without `--load`. */
  readonly registry?: StrategyRegistry;
  /** The `--load` modules as `file:` URLs, for the sweep's worker threads to import. */
  readonly strategyModules?: readonly string[];
  /**
   * The digest of each `--load` module's file, in the same order: results files record them (the
   * `modules` column) so that --resume and merge refuse runs of code that has changed.
   */
  readonly moduleDigests?: readonly ModuleDigest[];
}

/** The commands that take `--load` (each names a scenario, or lists the strategies). */
export const LOADING_COMMANDS: ReadonlySet<string> = new Set(['run', 'validate', 'report', 'list', 'play', 'sweep', 'tournament']);

/** The lines each of those commands' help gives `--load`, its text starting at `column` as the help's other options do. */
export function loadHelp(column: number): string {
  const pad = ' '.repeat(column);
  return [
    `  ${'--load FILE'.padEnd(column - 2)}Register the strategies FILE exports (a .js, .mjs or .cjs module`,
    `${pad}whose default export is a strategy, a factory or a list of them), so`,
    `${pad}the scenario can name them; repeat for more (docs/engine.md, "Strategies`,
    `${pad}from files").`,
  ].join('\n');
}

/**
 * Every `--load FILE` and `--load=FILE` of `args` (up to a `--`, after which everything is a
 * positional), and the arguments without them.
 *
 * @example
 * ```ts
 * takeLoadOptions(['x.yaml', '--load', 'a.js', '--seed', '2']); // { modules: ['a.js'], rest: ['x.yaml', '--seed', '2'] }
 * ```
 */
export function takeLoadOptions(args: readonly string[]): { modules: string[]; rest: string[] } {
  const modules: string[] = [];
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    if (a === '--') {
      rest.push(...args.slice(k));
      break;
    }
    if (a.startsWith('--load=')) {
      const file = a.slice('--load='.length);
      if (file === '') throw new UsageError('--load needs a file: --load FILE (a module that exports strategies)');
      modules.push(file);
    } else if (a === '--load') {
      const file = args[k + 1];
      if (file === undefined || file === '' || file.startsWith('-')) throw new UsageError('--load needs a file: --load FILE (a module that exports strategies)');
      modules.push(file);
      k++;
    } else rest.push(a);
  }
  return { modules, rest };
}

/**
 * The context of `--load` modules: their strategies registered with the built-ins, and the URLs
 * the worker threads import, the same files the registry was built from (resolved once).
 */
export async function loadContext(modules: readonly string[]): Promise<CliContext> {
  if (modules.length === 0) return {};
  const urls = moduleUrls(modules);
  // The bytes are read before they are imported: the digest is of the code the runs use (each
  // worker thread checks it again before its own import: see docs/experiments.md).
  const moduleDigests = urls.map((url) => moduleDigest(fileURLToPath(url)));
  return { registry: await loadStrategies(urls), strategyModules: urls, moduleDigests };
}

/**
 * The files of the `--load` modules: inputs of the command, which no output may be written over
 * (`--save strategies.mjs` replaced the module with a game save).
 */
export function loadedFiles(context: CliContext): string[] {
  return (context.strategyModules ?? []).map((url) => fileURLToPath(url));
}
