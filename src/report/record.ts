// What a report is made from: a run together with the scenario it came from, and the world at the
// end of every round (recovered by replaying the log, so a saved run.json is enough).
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import type { RoundMetrics } from '../engine/metrics.js';
import { roundMetrics } from '../engine/metrics.js';
import { checkLog, replayLog } from '../engine/replay.js';
import type { RoundOptions } from '../engine/round.js';
import type { StepOptions } from '../engine/step.js';
import { ALL_POLICIES, policyIssues } from '../engine/policies.js';
import { unknownOptionIssues } from '../model/options.js';
import type { Run } from '../engine/simulate.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { createWorld } from '../engine/world.js';
import type { SimEvent } from '../model/event.js';
import type { ActorId } from '../model/ids.js';
import { controlCharacterProblem, showControlCharacters } from '../model/control-characters.js';
import { clip } from '../model/quote.js';
import { pathUnder, plainDataProblem } from '../model/nesting.js';
import { withFields } from '../model/record.js';
import { everyMember } from '../model/members.js';
import { misspeltKey } from '../model/suggest.js';
import type { World } from '../model/world.js';
import type { Calendar, ScenarioDocument } from '../scenario/format.js';
import { parseScenario } from '../scenario/parse.js';
import { planSweep, scenarioAt, settingHeld } from '../experiments/plan.js';
import { checkOptionNames } from '../engine/option-names.js';
import type { Scenario } from '../scenario/parse.js';
import type { DyadSummary } from './summary.js';
import { summarizeDyads } from './summary.js';
// The marking of people's actors lives beside the closing table it marks (formatSummary uses it too).
export { markPlayers } from './summary.js';

/**
 * A run saved as JSON (`detente run <scenario> --format json`): the scenario's name, title,
 * calendar and document, the seed and rounds, the event log, per-round metrics and the closing
 * table. The document and log are enough to rebuild every round's world.
 *
 * @example
 * ```ts
 * const record = runRecord(scenario, run, 1);
 * const text = JSON.stringify(record);
 * ```
 */
export interface RunRecord {
  /** The scenario's name (kept under this key since the first JSON format). */
  readonly scenario: string;
  readonly title: string;
  readonly calendar?: Calendar;
  readonly seed: string | number;
  readonly rounds: number;
  readonly log: readonly SimEvent[];
  readonly metrics: readonly RoundMetrics[];
  readonly dyads: readonly DyadSummary[];
  /** The scenario as run (plain data): with the seed, it rebuilds the initial world. */
  readonly document: ScenarioDocument;
  /**
   * What `--set` changed from the scenario file for this run, path → value in the order given
   * (absent when nothing was). The document already holds the changes; they are kept beside it so
   * the report can say the run is a what-if, and are checked against it when read back.
   */
  readonly settings?: RunSettings;
}

/**
 * The parameters changed from a scenario file for one run (`detente run --set PATH=V`): the paths
 * of a sweep's grid (`mechanisms.detection.scale`, `actors.CN.strategy.retaliateAt`, …) and the
 * one value each took.
 *
 * @example
 * ```ts
 * const settings: RunSettings = { 'mechanisms.detection.scale': 2 };
 * const whatIf = scenarioAt(scenario.document, settings); // the scenario with them written in
 * const record = runRecord(whatIf, simulate(whatIf.spec, { seed: 1, rounds: whatIf.rounds }), 1, settings);
 * ```
 */
export type RunSettings = Readonly<Record<string, number | string>>;

/**
 * The JSON record of a run of a scenario. `settings`: what was changed from the scenario file
 * (the paths and values already written into `scenario`, as `scenarioAt` writes them), recorded so
 * the report says the run is a what-if; none or empty: the record has no `settings`.
 *
 * @example
 * ```ts
 * const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds });
 * writeFileSync('run.json', JSON.stringify(runRecord(scenario, run, 1)));
 * ```
 */
export function runRecord(scenario: Scenario, run: Pick<Run, 'log' | 'metrics' | 'world'>, seed: string | number, settings?: RunSettings): RunRecord {
  return {
    scenario: scenario.name,
    title: scenario.title,
    ...(scenario.calendar ? { calendar: scenario.calendar } : {}),
    seed,
    rounds: run.metrics.length,
    log: run.log,
    metrics: run.metrics,
    dyads: summarizeDyads(run),
    document: scenario.document,
    ...(settings !== undefined && Object.keys(settings).length > 0 ? { settings } : {}),
  };
}

/**
 * Everything a report reads: the scenario, the run, and the world after every round
 * (`frames[k]` is the world at the end of round `initial.round + k`).
 *
 * @example
 * ```ts
 * const source: ReportSource = reportSource(scenario, simulate(scenario.spec, { seed: 1, rounds: scenario.rounds }), 1);
 * source.frames.length; // scenario.rounds: the world after each round
 * writeFileSync('report.html', renderHtmlReport(source));
 * ```
 */
export interface ReportSource {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly calendar: Calendar | undefined;
  readonly seed: string | number;
  readonly initial: World;
  readonly frames: readonly World[];
  readonly log: readonly SimEvent[];
  readonly metrics: readonly RoundMetrics[];
  /**
   * The actors people played (a saved game's humans, `detente report game.json`): the report
   * shows them as played by people, not by the strategy the scenario gave them, which never decided.
   */
  readonly players?: readonly ActorId[];
  /**
   * What was changed from the scenario file for this run (`--set PATH=V`; see {@link RunSettings}).
   * `name` and `title` are the file's, so the report says under its heading that this is a what-if.
   */
  readonly settings?: RunSettings;
}

/**
 * The settings of a what-if as `path = value` pairs joined by commas (empty when there are none),
 * each part passed through `quote` (the format's escaping).
 */
export function settingsText(source: { readonly settings?: RunSettings | undefined }, quote: (text: string) => string = (t) => t): string {
  return Object.entries(source.settings ?? {})
    .map(([path, value]) => `${quote(path)} = ${quote(String(value))}`)
    .join(', ');
}

/** The final world of a report source (the initial one when no round was played). */
export function finalWorld(source: ReportSource): World {
  return source.frames[source.frames.length - 1] ?? source.initial;
}

/**
 * Make a report source from a run of a scenario: replays the run's log round by round from its
 * initial world to recover every round's world (no strategy is asked again). The run must have
 * kept its log. The whole log is checked: each round's events must be the ones the engine
 * produces, no event may lie outside the run's rounds, and the run's metrics must be those of
 * the replayed rounds (a {@link ConfigError} or `ProtocolError` names the first difference).
 * `options.settings`: what was changed from the scenario file (already written into `scenario`),
 * which the report shows under its heading; another option name is a {@link ConfigError}.
 * The run's own policies (`run.options`, as `simulate` keeps them) are passed to the replay, and
 * checked as `step` checks them: a name other than `onInvalidAction` and `onStrategyError`, or a
 * value they do not take, is a {@link ConfigError} naming it (`run.options.onInvalidActon`, with a
 * "did you mean").
 *
 * @example
 * ```ts
 * const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds });
 * const html = renderHtmlReport(reportSource(scenario, run));
 * ```
 */
export function reportSource(
  scenario: Pick<Scenario, 'name' | 'title' | 'description' | 'calendar'>,
  run: Pick<Run, 'initial' | 'log' | 'metrics'> & { readonly options?: StepOptions },
  seed?: string | number,
  options: { readonly settings?: RunSettings } = {},
): ReportSource {
  checkOptionNames(options, SOURCE_OPTIONS, 'reportSource');
  const policies = runPolicyIssues(run.options);
  if (policies.length > 0) throw new ConfigError(policies, 'reportSource');
  const settings = options.settings === undefined ? undefined : checkedSettings(options.settings, 'settings');
  checkLog(run.log);
  // The recorded metrics are compared with the replayed ones as JSON too.
  const problem = plainDataProblem(run.metrics);
  if (problem !== undefined) throw new ConfigError([withFields(problem, { path: pathUnder('metrics', problem.path) })]);
  const replayed = replayFrames(run.initial, run.log, run.metrics, run.options ?? {});
  return {
    name: scenario.name,
    title: scenario.title,
    description: scenario.description,
    calendar: scenario.calendar,
    seed: seed ?? run.initial.seed,
    initial: run.initial,
    frames: replayed.frames,
    log: run.log,
    metrics: run.metrics,
    ...(settings !== undefined && Object.keys(settings).length > 0 ? { settings } : {}),
  };
}

/**
 * What is wrong with a run's policies (`run.options`), named under `run.options` (the report's own
 * options are `options`). The replay takes them unchecked, so a misspelt name or value
 * (`onInvalidActon`, `'skip'`) was replayed as the default without a word.
 */
function runPolicyIssues(policies: unknown): ConfigIssue[] {
  const names = unknownOptionIssues(policies, ALL_POLICIES, 'run.options');
  if (!isObject(policies)) return names;
  return [...names, ...policyIssues(policies, ALL_POLICIES, 'run.options')];
}

/** The most settings a run or game records: far more than the parameters of any scenario a class or a study changes by hand. */
const MAX_SETTINGS = 1_000;

/**
 * Settings as a report prints them: a plain object of at most MAX_SETTINGS paths (non-empty,
 * printable text) and values (printable text or finite numbers), copied. Anything else is a
 * {@link ConfigError} naming the setting (`source`: the file they were read from, if any).
 */

function checkedSettings(value: unknown, path: string, source?: string): RunSettings {
  const issues: ConfigIssue[] = [];
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    issues.push({ path, expected: 'the changed parameters, path → value (an object)', received: describe(value) });
  } else if (Object.keys(value).length > MAX_SETTINGS) {
    // Each setting is written into the document and checked as a sweep's grid axis: a file with
    // thousands of them took minutes (quadratic) and printed megabytes of problems.
    issues.push({ path, expected: `at most ${MAX_SETTINGS.toLocaleString('en-US')} changed parameters`, received: `${Object.keys(value).length.toLocaleString('en-US')}` });
  } else {
    for (const [key, v] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (key.length === 0) issues.push({ path: at, expected: 'a parameter path (e.g. mechanisms.detection.scale)', received: 'an empty path' });
      const control = controlCharacterProblem(at, key);
      if (control) issues.push(control);
      if (!((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string')) issues.push({ path: at, expected: 'the value the run gave it (a finite number or a text)', received: describe(v) });
      else if (typeof v === 'string') {
        const problem = controlCharacterProblem(at, v);
        if (problem) issues.push(problem);
      }
    }
  }
  if (issues.length > 0) throw new ConfigError(issues.slice(0, 20), source);
  // fromEntries defines each key as an own property, '__proto__' too.
  return Object.fromEntries(Object.entries(value as Record<string, number | string>));
}

/**
 * Replay `rounds` rounds of `log` from `initial`: the world and the metrics at the end of each.
 * Every event of the log is accounted for. Replay checks each replayed round's events against
 * the engine's; the log must also hold nothing else: its events come in round order and all
 * belong to the replayed rounds, so an event appended after the last round, or a log cut short
 * of what the recorded metrics' rounds say, is an error rather than a story the report tells
 * without checking; and each recorded round's metrics must equal the replayed ones.
 */
function replayFrames(initial: World, log: readonly SimEvent[], recorded: readonly unknown[], options: RoundOptions): { frames: World[]; metrics: RoundMetrics[] } {
  const rounds = recorded.length;
  if (rounds > 0 && log.length === 0) {
    throw new ConfigError([{ path: 'log', expected: 'the event log of the run (simulate without `log: false`)', received: 'an empty log' }]);
  }
  const first = initial.round;
  const last = first + rounds - 1;
  const span = rounds === 0 ? 'no event (the run played no round)' : `an event of rounds ${first}–${last} (the ${rounds} round${rounds === 1 ? '' : 's'} of the run's metrics), in round order`;
  const byRound = new Map<number, SimEvent[]>();
  let previous = first;
  for (let i = 0; i < log.length; i++) {
    const e = log[i] as SimEvent;
    // A round between two (0.5) belongs to no round: it would be neither replayed nor checked, yet told and counted.
    if (!(Number.isInteger(e.round) && e.round >= first && e.round <= last) || e.round < previous) {
      const after = e.round < previous ? ` after an event of round ${previous}` : '';
      throw new ConfigError([{ path: `log[${i}]`, expected: span, received: `'${String(e.type)}' of round ${String(e.round)}${after}` }]);
    }
    previous = e.round;
    let list = byRound.get(e.round);
    if (!list) byRound.set(e.round, (list = []));
    list.push(e);
  }
  const frames: World[] = [];
  const metrics: RoundMetrics[] = [];
  let world = initial;
  for (let k = 0; k < rounds; k++) {
    const events = byRound.get(world.round) ?? [];
    // replayLog checks these events against the ones the engine produces, so the metrics of the
    // replayed world and these events are the engine's metrics of the round.
    world = replayLog(world, events, { ...options, rounds: 1 });
    frames.push(world);
    metrics.push(roundMetrics(world, events));
  }
  const wrong = metricIssues(recorded, metrics);
  if (wrong.length > 0) throw new ConfigError(wrong);
  return { frames, metrics };
}

/**
 * Where recorded metrics differ from the replayed ones. Compared as JSON (how a run.json holds
 * them: a NaN mean trust is written as null), field by field, so a forged or stale number is
 * named by its round and field. Fields the engine does not compute are ignored.
 */
function metricIssues(recorded: readonly unknown[], replayed: readonly RoundMetrics[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  replayed.forEach((want, k) => {
    const got = recorded[k] as Record<string, unknown>;
    for (const [field, value] of Object.entries(want)) {
      if (issues.length >= 20) return;
      if (JSON.stringify(got[field]) !== JSON.stringify(value)) {
        issues.push({ path: `metrics[${k}].${field}`, expected: `${JSON.stringify(value)}, the ${field} of round ${want.round} in the replayed log`, received: field in got ? JSON.stringify(got[field]) ?? describe(got[field]) : 'nothing' });
      }
    }
  });
  return issues;
}

/** The fields of a run.json ({@link RunRecord}): the list fails typecheck when it drifts from the type. */
const RECORD_FIELDS = everyMember<keyof RunRecord & string>()(['scenario', 'title', 'calendar', 'seed', 'rounds', 'log', 'metrics', 'dyads', 'document', 'settings']);

/** The names {@link reportSource} and {@link reportSourceFromRecord} accept in their options (the lists fail typecheck when they drift from the parameters' types). */
const SOURCE_OPTIONS = everyMember<keyof NonNullable<Parameters<typeof reportSource>[3]> & string>()(['settings']);
const RECORD_OPTIONS = everyMember<keyof NonNullable<Parameters<typeof reportSourceFromRecord>[2]> & string>()(['registry']);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const describe = (x: unknown): string => (x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x === 'string' ? `'${x.length > 40 ? `${x.slice(0, 40)}…` : x}'` : typeof x);

/**
 * Check data read from a run.json and make a report source from it: every field is checked
 * (a {@link ConfigError} lists each problem with its path, what was expected and what was found),
 * the scenario document is checked like a scenario file, and the whole log is replayed against it
 * (a log that does not belong to the document, or holds events outside its rounds, is an error
 * naming the first differing event). The recorded metrics must be those of the replayed rounds:
 * a differing number is an error naming its round and field, and so are a `scenario` (name) or
 * `title` other than the document's, and a field that is a near miss of one the file lacks
 * (`settngs`, with a "did you mean"; other fields a later version may add are left unread). A run of strategies of your own
 * needs the registry they were registered in (`options.registry`: another option name is a
 * {@link ConfigError}): the document names them.
 *
 * @example
 * ```ts
 * const source = reportSourceFromRecord(JSON.parse(text), 'run.json');
 * ```
 */
export function reportSourceFromRecord(data: unknown, file = 'run.json', options: { readonly registry?: StrategyRegistry } = {}): ReportSource {
  checkOptionNames(options, RECORD_OPTIONS, 'reportSourceFromRecord');
  const issues: ConfigIssue[] = [];
  const need = (ok: boolean, path: string, expected: string, value: unknown) => {
    if (!ok) issues.push({ path, expected, received: describe(value) });
    return ok;
  };
  if (!need(isObject(data), '(file)', 'a JSON object written by `detente run --format json`', data)) throw new ConfigError(issues, file);
  // Before anything reads it as a tree: replay compares events as JSON, which overflowed the stack
  // on a deep event ("received Maximum call stack size exceeded") and never ended on shared parts.
  const problem = plainDataProblem(data);
  if (problem !== undefined) throw new ConfigError([problem], file);
  const d = data as Record<string, unknown>;
  // A misspelt `settngs` was read as absent: the report lost its what-if heading without a word.
  // Other unknown fields stay unread, so that a file a later detente wrote still reads.
  const misspelt = misspeltKey(d, RECORD_FIELDS);
  if (misspelt !== undefined) issues.push({ path: clip(showControlCharacters(misspelt.key)), expected: `a field of a run written by \`detente run --format json\` (${RECORD_FIELDS.join(', ')})`, received: 'an unknown field', hint: `did you mean '${misspelt.near}'?` });
  need(typeof d.scenario === 'string', 'scenario', "the scenario's name (a string)", d.scenario);
  // The engine's rule for a seed: an empty text is none (it was refused later, without the file's name).
  need((typeof d.seed === 'string' && d.seed.length > 0) || (typeof d.seed === 'number' && Number.isFinite(d.seed)), 'seed', 'a seed (a non-empty string or a finite number)', d.seed);
  need(typeof d.rounds === 'number' && Number.isInteger(d.rounds) && d.rounds >= 0, 'rounds', 'a whole number of rounds ≥ 0', d.rounds);
  if (need(Array.isArray(d.log), 'log', 'the event log (an array of events)', d.log)) {
    (d.log as unknown[]).forEach((e, i) => {
      if (issues.length < 20) need(isObject(e) && typeof e.type === 'string' && typeof e.round === 'number', `log[${i}]`, 'an event with a type and a round', e);
    });
  }
  if (need(Array.isArray(d.metrics), 'metrics', 'per-round metrics (an array)', d.metrics)) {
    (d.metrics as unknown[]).forEach((m, i) => {
      if (issues.length < 20) need(isObject(m) && m.round === i, `metrics[${i}]`, `the metrics of round ${i}`, isObject(m) ? `round ${String(m.round)}` : m);
    });
    if (typeof d.rounds === 'number') need((d.metrics as unknown[]).length === d.rounds, 'metrics', `${d.rounds} rounds of metrics (as 'rounds' says)`, `${(d.metrics as unknown[]).length}`);
  }
  need(d.title === undefined || typeof d.title === 'string', 'title', 'a string', d.title);
  // Printed into the report and the debrief as they are: held to the scenario check's rule (the
  // document's own text is checked by parseScenario below).
  for (const key of ['scenario', 'title', 'seed'] as const) {
    const v = d[key];
    const problem = typeof v === 'string' ? controlCharacterProblem(key, v) : undefined;
    if (problem) issues.push(problem);
  }
  if (d.document === undefined) {
    issues.push({ path: 'document', expected: 'the scenario document (written by `detente run --format json` since reports exist)', received: 'nothing', hint: 're-run the scenario with --format json, or give the scenario itself to `detente report`' });
  } else need(isObject(d.document), 'document', 'the scenario document (an object)', d.document);
  if (issues.length > 0) throw new ConfigError(issues, file);
  const scenario = parseScenario(d.document, { source: `${file} (document)`, ...(options.registry !== undefined ? { registry: options.registry } : {}) });
  // The report is headed with the top-level name and title, and replays the document: a hand-edited
  // name or title (or a document swapped in) labelled one scenario's run with another's name.
  const label = (key: 'scenario' | 'title', own: string, field: string) => {
    if (d[key] !== undefined && d[key] !== own) issues.push({ path: key, expected: `'${own}', the ${field} of the scenario in document (${field === 'name' ? 'document.name' : "document.title, else its name"}), which the log replays`, received: describe(d[key]) });
  };
  label('scenario', scenario.name, 'name');
  label('title', scenario.title, 'title');
  if (issues.length > 0) throw new ConfigError(issues, file);
  const settings = d.settings === undefined ? undefined : checkSettings(d.settings, scenario, file, d.rounds as number, options.registry);
  const seed = d.seed as string | number;
  const initial = createWorld(scenario.spec, { seed });
  const log = d.log as SimEvent[];
  const metrics = d.metrics as RoundMetrics[];
  let replayed: { frames: World[]; metrics: RoundMetrics[] };
  try {
    replayed = replayFrames(initial, log, metrics, {});
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(e.issues, file);
    const message = e instanceof Error ? e.message : String(e);
    throw new ConfigError([{ path: 'log', expected: `the event log of scenario '${scenario.name}' with seed ${String(seed)}`, received: message.split('\n')[0] ?? message }], file);
  }
  return {
    name: d.scenario as string,
    title: typeof d.title === 'string' ? d.title : scenario.title,
    description: scenario.description,
    calendar: scenario.calendar,
    seed,
    initial,
    frames: replayed.frames,
    log,
    // The replayed metrics: equal to the recorded ones (checked above), with the numbers JSON
    // cannot hold (a NaN mean trust) as the engine gives them, as for a run made on the spot.
    metrics: replayed.metrics,
    ...(settings !== undefined && Object.keys(settings).length > 0 ? { settings } : {}),
  };
}

/**
 * Settings read from a file (a run.json, a saved game) or given to a game, checked as data and
 * held to the scenario they say was changed and to the rounds played (`rounds`): the settings,
 * copied, or a {@link ConfigError} naming `source` and each wrong setting.
 */
export function checkSettings(value: unknown, scenario: Scenario, source: string, rounds: number, registry?: StrategyRegistry): RunSettings {
  return settingsOfDocument(checkedSettings(value, 'settings', source), scenario, source, rounds, registry);
}

/**
 * Settings held to their document: each path must be one a sweep can set, and its value the one
 * the document holds (writing the settings into the document changes nothing); a `rounds` setting
 * must also be the rounds played, which `--rounds` may have made fewer than the document's.
 * Otherwise the report would head the run with changes it was not run with: a hand-edited value,
 * or settings copied from another run.
 */
function settingsOfDocument(settings: RunSettings, scenario: Scenario, file: string, rounds: number, registry: StrategyRegistry | undefined): RunSettings {
  const entries = Object.entries(settings);
  if (entries.length === 0) return settings;
  const grid = Object.fromEntries(entries.map(([path, value]) => [path, [value]]));
  const options = registry === undefined ? {} : { registry };
  const played = (issues: readonly ConfigIssue[]) => {
    const said = settings.rounds;
    return said !== undefined && said !== rounds ? [...issues, { path: 'settings.rounds', expected: `${rounds}, the rounds played`, received: JSON.stringify(said) }] : issues;
  };
  let holds = false;
  try {
    planSweep(scenario, { seeds: [1], grid, ...options });
    holds = JSON.stringify(scenarioAt(scenario.document, settings, registry).document) === JSON.stringify(scenario.document);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // A path no sweep can set (or a value it cannot take) is said as the sweep says it, under
    // settings. A point that does not parse (a parameter the strategy does not take) is a
    // setting the document does not hold: judged one by one below.
    const paths = e.issues.filter((i) => i.path.startsWith('grid.'));
    if (paths.length > 0) throw new ConfigError(paths.slice(0, 20).map((i) => withFields(i, { path: `settings.${i.path.slice('grid.'.length)}` })), file);
  }
  const wrong = played(
    holds
      ? []
      : // Each setting by itself, without parsing (a strategy's name compared as a name).
        entries
          .filter(([path, value]) => !settingHeld(scenario.document, path, value))
          .slice(0, 20)
          .map(([path, value]) => ({ path: `settings.${path}`, expected: `the value of ${path} in the scenario played (its document)`, received: JSON.stringify(value) })),
  );
  if (wrong.length > 0) throw new ConfigError(wrong, file);
  if (!holds) {
    throw new ConfigError(
      [{ path: 'settings', expected: 'settings that leave the scenario played (its document) as it is when written into it', received: `${clip(JSON.stringify(settings))}, which change it: a strategy named without its parameters drops those the document gives it; list them in the settings too` }],
      file,
    );
  }
  return settings;
}
