// `detente report`: make the HTML report and/or the Markdown debrief of a saved run (run.json), of
// a class's saved game (detente play --save), or of a scenario run on the spot. Reading and writing files is all it does; the rest is the core's.
import { parseCommandArgs, roundsOf, seedOf } from './args.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ConfigError, renderDebrief, renderHtmlReport, reportSource, reportSourceFromRecord, simulate } from '../index.js';
import type { ReportSource } from '../index.js';
import { bundledScenarioNames, checkOutputs, loadScenario, nearBundledName, withLoadHints, writeFilesAtomic } from './files.js';
import type { OutputTarget } from './files.js';
import { jsonSyntaxIssue } from '../scenario/read.js';
import { showControlCharacters } from '../model/control-characters.js';
import { messageOf } from '../model/thrown.js';
import { UsageError } from './run.js';
import { loadedFiles, loadHelp } from './load.js';
import type { CliContext } from './load.js';
import { PlayError, resumeGame } from '../play/index.js';
import type { PlayGame } from '../play/index.js';
import { encodingIssue, withoutByteOrderMark } from '../model/bom.js';
import { readOverrides, refuseTwoRounds, setHelp, withOverrides } from './overrides.js';

type Out = (text: string) => void;

export const REPORT_HELP = `detente report <run.json | game.json | scenario> [options]

Make a report of a run: a saved run (the JSON of 'detente run <scenario> --format json'), a saved
game (the file of 'detente play --save', its rounds played so far), or a scenario (a file, or the
name of a bundled scenario) run here with --seed and --rounds.

Options:
  --html FILE     Write one self-contained HTML page (no network): charts of the escalation rung
                  per pair, the trust matrix over rounds, incidents with perceived versus true
                  author, norm adoption and welfare; the story and the closing table.
  --md FILE       Write a Markdown debrief for teachers: the key moments (first accusation,
                  misattributions, agreements, violations, peak escalation), questions, the table.
  --seed N        Scenario only: master seed (default: the scenario's own, else 1).
  --rounds N      Scenario only: number of rounds (default: the scenario's).
${setHelp(18)}
                  Scenario only: a saved run or game is reported as it was played.
${loadHelp(18)}
  -h, --help      Show this help.

At least one of --html and --md is needed. A .json file with a "log" field is a saved run, one
with "format": "detente-play" a saved game; any other file is a scenario. Files are written whole
or not at all.`;


/**
 * The report source of a saved game: the game is resumed (its decisions replayed and checked
 * against the save, as `play --resume` does), and its rounds played so far are the run.
 */
function savedGameSource(data: unknown, path: string, context: CliContext): ReportSource {
  let game: PlayGame;
  try {
    game = withLoadHints(() => resumeGame(data, { source: path, ...(context.registry !== undefined ? { registry: context.registry } : {}) }), context.registry);
  } catch (e) {
    // Some of a save's problems name the file already (not a saved game); the others are about its replay.
    if (e instanceof PlayError) throw new UsageError(e.message.includes(path) ? e.message : `${path}: ${e.message}`);
    throw e;
  }
  const run = game.run;
  if (run.metrics.length === 0) throw new UsageError(`'${path}' is a saved game in which no round has been played yet: there is nothing to report`);
  return { ...reportSource(game.scenario, run, game.seed, game.settings !== undefined ? { settings: game.settings } : {}), players: game.humans };
}

/**
 * A saved game (JSON with `"format": "detente-play"`) or a saved run (JSON with a `"log"` field),
 * or null for any other file, which is read as a scenario (its own reader says what is wrong with
 * it). Read once: a file that exists but cannot be read is a `ConfigError` naming it (it was an
 * "unexpected error: EIO").
 */
function readSavedInput(path: string): { readonly kind: 'game' | 'run'; readonly data: unknown } | null {
  if (!/\.json$/i.test(path)) return null;
  if (!existsSync(path)) {
    // 'us-china-2015.json' for the bundled us-china-2015: the name is offered, as for a scenario.
    const near = nearBundledName(path, bundledScenarioNames());
    throw new ConfigError([{ path: '(file)', expected: 'an existing saved run (JSON of `detente run --format json`), saved game (detente play --save) or scenario file', received: `nothing at '${path}'`, ...(near !== undefined ? { hint: `did you mean the bundled scenario '${near}'?` } : {}) }], path);
  }
  if (statSync(path).isDirectory()) return null;
  let text: string;
  try {
    text = withoutByteOrderMark(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError([{ path: '(file)', expected: 'a readable file', received: `cannot read it (${(e as NodeJS.ErrnoException).code ?? messageOf(e)})` }], path);
  }
  const encoding = encodingIssue(text);
  if (encoding) throw new ConfigError([encoding], path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // A scenario file in JSON gets its own, more precise syntax message from the scenario reader.
    if (/"log"\s*:|"format"\s*:\s*"detente-play"/.test(text)) throw new ConfigError([jsonSyntaxIssue(text, e)], path);
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if ((data as { format?: unknown }).format === 'detente-play') return { kind: 'game', data };
  return 'log' in data ? { kind: 'run', data } : null;
}

export function reportCommand(args: readonly string[], out: Out, context: CliContext = {}): number {
  const { values, positionals } = parseCommandArgs(args, {
    html: { type: 'string' },
    md: { type: 'string' },
    seed: { type: 'string' },
    rounds: { type: 'string' },
    set: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(REPORT_HELP);
    return 0;
  }
  const arg = positionals[0];
  if (arg === undefined) throw new UsageError(`report needs a saved run (run.json), a saved game (detente play --save) or a scenario (a file, or one of: ${bundledScenarioNames().join(', ')})`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  if (values.html === undefined && values.md === undefined) throw new UsageError('report needs --html FILE and/or --md FILE (what to write)');
  const targets: OutputTarget[] = [];
  if (values.html !== undefined) targets.push({ flag: '--html', path: values.html });
  if (values.md !== undefined) targets.push({ flag: '--md', path: values.md });
  const roundsFlag = values.rounds === undefined ? undefined : roundsOf(values.rounds);
  const overrides = readOverrides(values.set, 'report');
  refuseTwoRounds(values.rounds, overrides);
  // A saved run or game is reported as it was played: --seed, --rounds and --set would change
  // what is reported, not the run the file holds.
  const scenarioOnly = (kind: 'game' | 'run') => {
    if (values.seed !== undefined || values.rounds !== undefined) throw new UsageError(`--seed and --rounds apply to a scenario; '${arg}' is a saved ${kind}, with its own seed and rounds`);
    if (values.set !== undefined) {
      const instead = kind === 'run' ? ': to change a parameter, report the scenario itself with --set (and the run\'s --seed)' : '';
      throw new UsageError(`--set applies to a scenario; '${arg}' is a saved ${kind}, reported as it was played${instead}`);
    }
  };

  // Both targets are checked once the input's path is known (a bundled name resolves only when
  // loaded, and neither target may overwrite it), before the run and before either is written.
  let source: ReportSource;
  const input = readSavedInput(arg);
  const saved = input?.kind === 'game' ? input : null;
  const record = input?.kind === 'run' ? input : null;
  if (saved) {
    scenarioOnly('game');
    checkOutputs(targets, { inputs: [arg, ...loadedFiles(context)] });
    source = savedGameSource(saved.data, arg, context);
  } else if (record) {
    scenarioOnly('run');
    checkOutputs(targets, { inputs: [arg, ...loadedFiles(context)] });
    source = withLoadHints(() => reportSourceFromRecord(record.data, arg, context.registry === undefined ? {} : { registry: context.registry }), context.registry);
  } else {
    const loaded = loadScenario(arg, context.registry);
    const path = loaded.path;
    const scenario = withOverrides(loaded.scenario, overrides, context.registry);
    checkOutputs(targets, { inputs: [path, ...loadedFiles(context)] });
    const seed = values.seed === undefined ? scenario.seed : seedOf(values.seed);
    const rounds = roundsFlag ?? scenario.rounds;
    source = reportSource(scenario, simulate(scenario.spec, { seed, rounds }), seed, { settings: overrides });
  }
  // Render both before writing either (the lines name the user's files: control characters shown, not executed), and write them as a pair: a failure leaves no half-made pair behind.
  const files: { path: string; text: string; line: string }[] = [];
  if (values.html !== undefined) {
    const html = renderHtmlReport(source);
    files.push({ path: values.html, text: html, line: `wrote ${showControlCharacters(values.html)} (HTML report, ${Math.ceil(Buffer.byteLength(html) / 1024)} KiB)` });
  }
  if (values.md !== undefined) files.push({ path: values.md, text: renderDebrief(source), line: `wrote ${showControlCharacters(values.md)} (Markdown debrief)` });
  writeFilesAtomic(files);
  for (const f of files) out(f.line);
  return 0;
}
