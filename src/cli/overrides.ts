// `--set PATH=VALUE` on run, validate and report: one what-if on a scenario. The paths, the values
// they take and every check are the sweep's (a grid with one value per path), so a setting that a
// sweep refuses is refused here with the same problem (said of a setting: no `grid.` words), and
// one it accepts runs the same scenario.
import { canonicalPath, ConfigError, parseSetting, planSweep, scenarioAt } from '../index.js';
import type { ConfigIssue, ParamValue, Scenario } from '../index.js';
import { withFields } from '../model/record.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { clip } from '../model/quote.js';
import { showControlCharacters } from '../model/control-characters.js';
import { withLoadHints } from './files.js';
import { UsageError } from './run.js';

/** The overrides of one command line: canonical path → its one value, in the order given. */
export type Overrides = Readonly<Record<string, ParamValue>>;

/**
 * The `--set` lines of a command's help (indented by `indent` columns, the option's column), the
 * same paths as the sweep's.
 */
export function setHelp(indent: number): string {
  const pad = ' '.repeat(indent);
  return [
    `  --set PATH=V${' '.repeat(Math.max(1, indent - 14))}Change one parameter of the scenario (repeat for more; one`,
    `${pad}value each: several values are a sweep). The paths of 'detente sweep':`,
    `${pad}mechanism.<section>.<coefficient>, actors.<ID>.strategy,`,
    `${pad}actors.<ID>.strategy.<parameter>, actors.<ID>.capabilities.<key>,`,
    `${pad}actors.<ID>.reactivity|fatigue, rounds.`,
    `${pad}e.g. --set mechanism.detection.scale=2 --set actors.US.strategy.retaliateAt=0.6`,
  ].join('\n');
}

/**
 * Read the `--set` arguments of `command` (run, validate, report). Each takes exactly one value:
 * a comma list is a sweep's grid axis, refused with the sweep command that would run it. A path
 * given twice (in either spelling, `mechanism.` or `mechanisms.`) is refused, even with the same
 * value: which one was meant cannot be told. The paths and values are checked by {@link withOverrides}.
 */
export function readOverrides(settings: readonly string[] | undefined, command: string): Overrides {
  const one = (text: string): [string, ParamValue[]] => {
    let setting: [string, ParamValue[]];
    try {
      setting = parseSetting(text);
    } catch (e) {
      // The sweep's reading, with what a single setting looks like.
      if (e instanceof ConfigError) throw new ConfigError([{ path: 'set', expected: "'path=value' (e.g. mechanism.detection.scale=2)", received: `'${clip(text)}'` }], '--set');
      throw e;
    }
    const count = setting[1].length;
    if (count > 1) throw new UsageError(`--set ${clip(text)} gives ${count} values: ${command} takes one value per --set; to run several, use 'detente sweep <scenario> --seeds SEEDS --set ${clip(text)}'`);
    return setting;
  };
  const grid = readSettings(settings ?? [], one, (path) => `--set ${clip(path)} is given twice: give each path once`);
  return Object.fromEntries([...grid].map(([path, values]) => [path, values[0] as ParamValue]));
}

/**
 * The `--set` arguments, each read by `read`, as canonical path → values in the order given (a
 * sweep's grid, or one value each for the commands above). A path given twice, in either spelling
 * (`mechanism.` or `mechanisms.`), is a usage error worded by `twice`. A Map, not an object: a path
 * such as '__proto__' is a key like any other (and then refused as a path), not a prototype that an
 * assignment silently drops, nor a key that `in` finds on every object.
 */
export function readSettings(settings: readonly string[], read: (text: string) => [string, ParamValue[]], twice: (path: string) => string): Map<string, ParamValue[]> {
  const grid = new Map<string, ParamValue[]>();
  for (const text of settings) {
    const [path, values] = read(text);
    const key = canonicalPath(path);
    if (grid.has(key)) throw new UsageError(twice(path));
    grid.set(key, values);
  }
  return grid;
}

/**
 * The scenario with the overrides written into its document, parsed and checked like a file. Every
 * path and value is checked as the sweep checks a grid (`planSweep`), and the problems are its
 * messages (each path, what was expected, what was found), under `--set` and without its grid
 * words (see {@link asSetting}). No overrides: the
 * scenario itself.
 */
export function withOverrides(scenario: Scenario, overrides: Overrides, registry?: StrategyRegistry): Scenario {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return scenario;
  const grid = Object.fromEntries(entries.map(([path, value]) => [path, [value]]));
  const options = registry === undefined ? {} : { registry };
  return withLoadHints(() => {
    try {
      // One grid point; the seed only makes the plan whole (the command's seed is its own).
      const plan = planSweep(scenario, { seeds: [1], grid, ...options });
      return scenarioAt(plan.document, overrides, registry);
    } catch (e) {
      if (e instanceof ConfigError && e.source === 'grid') throw new ConfigError(e.issues.map(asSetting), '--set');
      throw e;
    }
  }, registry);
}

/**
 * A sweep's problem said as one of a single command's `--set`s. The checks are the sweep's, but a
 * user of `run` or `play` asked for no grid: `grid.<path>` is the path itself under `--set`, and
 * `grid point (<setting>): <field>` is the scenario's field `with <setting>`.
 */
function asSetting(issue: ConfigIssue): ConfigIssue {
  const point = /^grid point \((.*)\): /s.exec(issue.path);
  if (point !== null) return withFields(issue, { path: `with ${point[1] ?? ''}: ${issue.path.slice(point[0].length)}` });
  return issue.path.startsWith('grid.') ? withFields(issue, { path: issue.path.slice('grid.'.length) }) : issue;
}

/**
 * `--rounds N` and `--set rounds=M` both say how many rounds to run: with both, which one wins
 * would be a rule to learn, so the pair is refused.
 */
export function refuseTwoRounds(roundsFlag: string | undefined, overrides: Overrides): void {
  if (roundsFlag !== undefined && Object.hasOwn(overrides, 'rounds')) {
    throw new UsageError(`--rounds ${roundsFlag} and --set rounds=${String(overrides.rounds)} both set the number of rounds: give one of them`);
  }
}

/** The overrides as the user can type them again, e.g. `mechanisms.detection.scale=2, rounds=5` (empty for none). */
export function overridesText(overrides: Overrides): string {
  return showControlCharacters(
    Object.entries(overrides)
      .map(([path, value]) => `${path}=${String(value)}`)
      .join(', '),
  );
}
