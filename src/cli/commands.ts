import { parseCommandArgs, roundsOf, seedOf } from './args.js';
import { createRegistry, formatSummary, formatTable, metricsCsv, narrateRun, REPORT_EN, roundHeading, runRecord, simulate } from '../index.js';
import { bundledScenarioNames, checkOutputs, loadScenario, writeFileAtomic } from './files.js';
import { UsageError } from './run.js';
import { loadedFiles, loadHelp } from './load.js';
import type { CliContext } from './load.js';
import { plural } from '../text/english.js';
import { shownTitle } from '../scenario/title.js';
import { showControlCharacters } from '../model/control-characters.js';
import { overridesText, readOverrides, refuseTwoRounds, setHelp, withOverrides } from './overrides.js';

/** What a command prints on standard output; the caller writes it. */
type Out = (text: string) => void;

export const RUN_HELP = `detente run <scenario> [options]

Run a scenario (a .yaml/.json file, or the name of a bundled scenario) and print its story.

Options:
  --seed N        Master seed (default: the scenario's own, else 1). Same seed, same run.
  --rounds N      Number of rounds (default: the scenario's).
  --format F      narrative (default): the story round by round and a closing table;
                  json: the whole event log, metrics and closing table;
                  csv: one row of metrics per round.
  --out FILE      Write to FILE (whole or not at all) instead of standard output; never over
                  the scenario file itself.
  --verbose       Narrative: also investigation updates, adopted norms, rejected actions.
  --no-truth      Narrative: hide what only the engine knows (covert operations nobody saw, which
                  incidents were false alarms or misattributed), in the story and in the closing
                  table (no operation, misattribution or false-alarm counts); what each actor
                  detected and suspected is still told.
                  Both are refused with --format json or csv, which are data: the JSON holds
                  every event and the truth, the CSV counts it.
${setHelp(18)}
                  The JSON output holds the scenario as run (its "document", with the changes
                  written in), so 'detente report run.json' replays this very run.
${loadHelp(18)}
  -h, --help      Show this help.`;

export const VALIDATE_HELP = `detente validate <scenario> [--set PATH=V]... [--load FILE]

Check a scenario file without running it. Prints every problem with its path, what was expected
and what was found (exit code 2), or a one-line summary (exit code 0). With --set, the scenario
is checked with the changes written in, as 'detente run --set' would run it.

Options:
${setHelp(18)}
${loadHelp(18)}
  -h, --help      Show this help.`;

export const LIST_HELP = `detente list [--load FILE]

List the strategies (the built-ins, with their classifier metadata, and those of any --load
module) and the bundled scenarios.

Options:
${loadHelp(18)}
  -h, --help      Show this help.`;




export function runCommand(args: readonly string[], out: Out, context: CliContext = {}): number {
  const { values, positionals } = parseCommandArgs(args, {
    seed: { type: 'string' },
    rounds: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    verbose: { type: 'boolean' },
    'no-truth': { type: 'boolean' },
    set: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(RUN_HELP);
    return 0;
  }
  const arg = positionals[0];
  if (arg === undefined) throw new UsageError(`run needs a scenario (a file, or one of: ${bundledScenarioNames().join(', ')})`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const format = values.format ?? 'narrative';
  if (format !== 'narrative' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be narrative, json or csv, not '${format}'`);
  refuseNarrativeFlags(format, values['no-truth'] === true, values.verbose === true);
  const rounds = values.rounds === undefined ? undefined : roundsOf(values.rounds);
  const overrides = readOverrides(values.set, 'run');
  refuseTwoRounds(values.rounds, overrides);
  const loaded = loadScenario(arg, context.registry);
  const path = loaded.path;
  const scenario = withOverrides(loaded.scenario, overrides, context.registry);
  if (values.out !== undefined) checkOutputs([{ flag: '--out', path: values.out }], { inputs: [path, ...loadedFiles(context)] });
  const seed = values.seed === undefined ? scenario.seed : seedOf(values.seed);
  const n = rounds ?? scenario.rounds;
  const run = simulate(scenario.spec, { seed, rounds: n });
  let text: string;
  if (format === 'json') {
    // runRecord keeps the first format's keys (scenario, seed, rounds, log, metrics, dyads) and adds
    // title, calendar and the scenario document, so `detente report run.json` can rebuild every round.
    // With --set the document is the scenario as run (the overrides written in), not the file: the
    // record is then whole by itself — the report replays its log against it. The overrides are
    // kept beside it as `settings`, so the report says it is a what-if; reading the record checks
    // that the document holds them.
    text = `${JSON.stringify(runRecord(scenario, run, seed, overrides))}\n`;
  } else if (format === 'csv') {
    text = metricsCsv(run.metrics);
  } else {
    const truth = values['no-truth'] !== true;
    const story = narrateRun(run, { truth, verbose: values.verbose === true, roundLabel: (r) => roundHeading(scenario.calendar, r) });
    const changed = Object.keys(overrides).length > 0 ? `, with ${overridesText(overrides)}` : '';
    text = [`${shownTitle(scenario)} — seed ${seed}, ${plural(n, 'round')}${changed}`, '', ...(story.length > 0 ? story : [REPORT_EN.narrativeEmpty]), '', REPORT_EN.closingHeading(n), '', formatSummary(run, undefined, { truth }), ''].join('\n');
  }
  if (values.out !== undefined) writeFileAtomic(values.out, text);
  else out(text.endsWith('\n') ? text.slice(0, -1) : text);
  return 0;
}

/**
 * `--no-truth` and `--verbose` shape the story; JSON and CSV are data, which they do not change.
 * Taken silently, `--no-truth --format json` gave a teacher who meant to hide the truth a file
 * that holds all of it (the whole log: covert operations, true authors, false flags), so either
 * flag with a data format is refused.
 */
function refuseNarrativeFlags(format: 'narrative' | 'json' | 'csv', noTruth: boolean, verbose: boolean): void {
  if (format === 'narrative') return;
  if (noTruth) {
    const holds = format === 'json' ? 'the whole event log, with what only the engine knows (covert operations, true authors, false alarms)' : "the engine's counts of what only it knows (operations, false alarms, misattributions) in every row";
    throw new UsageError(`--no-truth applies to the narrative (the story and its closing table): --format ${format} holds ${holds} and cannot hide it; for a story without the truth, leave out --format`);
  }
  if (verbose) {
    const holds = format === 'json' ? 'every event already' : 'one row of metrics per round, no events';
    throw new UsageError(`--verbose applies to the narrative (it adds investigation updates, adopted norms and rejected actions to the story): --format ${format} holds ${holds}; leave out --verbose, or --format`);
  }
}

export function validateCommand(args: readonly string[], out: Out, context: CliContext = {}): number {
  const { values, positionals } = parseCommandArgs(args, { set: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    out(VALIDATE_HELP);
    return 0;
  }
  const arg = positionals[0];
  if (arg === undefined) throw new UsageError('validate needs a scenario file');
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const overrides = readOverrides(values.set, 'validate');
  const loaded = loadScenario(arg, context.registry);
  const path = loaded.path;
  const scenario = withOverrides(loaded.scenario, overrides, context.registry);
  const changed = Object.keys(overrides).length > 0 ? ` with ${overridesText(overrides)}` : '';
  // The path is the user's, and may hold a control character (the scenario's name is checked).
  out(`ok: ${showControlCharacters(path)}${changed} — ${scenario.name}: ${plural(scenario.document.actors.length, 'actor')}, ${plural(scenario.rounds, 'round')}`);
  return 0;
}

export function listCommand(args: readonly string[], out: Out, context: CliContext = {}): number {
  const { values, positionals } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    out(LIST_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const yes = (b: boolean | undefined) => (b ? 'yes' : 'no');
  const strategies = (context.registry ?? createRegistry())
    .list()
    .map((s) => [s.name, yes(s.meta.stochastic), yes(s.meta.retaliatory), yes(s.meta.forgiving), yes(s.meta.attributionSensitive), yes(s.meta.aggressive), yes(s.meta.normEntrepreneur), s.meta.description ?? '']);
  out('Strategies\n');
  out(formatTable(['name', 'stochastic', 'retaliatory', 'forgiving', 'attribution-sensitive', 'aggressive', 'norm entrepreneur', 'description'], strategies));
  const rows: string[][] = [];
  for (const name of bundledScenarioNames()) {
    try {
      const { scenario } = loadScenario(name);
      rows.push([name, String(scenario.rounds), scenario.calendar?.unit ?? 'round', scenario.title]);
    } catch (e) {
      rows.push([name, '?', '?', `(invalid: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`]);
    }
  }
  out('\nScenarios\n');
  out(formatTable(['name', 'rounds', 'round is a', 'title'], rows));
  return 0;
}
