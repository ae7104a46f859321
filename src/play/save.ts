// Saving and resuming a game across a class break. A save holds the scenario document, the seed,
// the human actors and their decisions; resuming re-runs those decisions (the other actors follow
// their strategies again, on the same seeded streams) and checks the result against the saved
// log hash, so a resumed game continues exactly as if it had never stopped.
import type { Action } from '../model/action.js';
import type { DecisionPhase, SimEvent } from '../model/event.js';
import type { ActorId } from '../model/ids.js';
import type { ScenarioDocument } from '../scenario/format.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/parse.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { checkOptionNames } from '../engine/option-names.js';
import { everyMember } from '../model/members.js';
import { PLAY_EN } from '../text/play.en.js';
import type { PlayText } from '../text/play.en.js';
import type { HumanDecision } from './game.js';
import { MAX_ROUNDS } from '../scenario/parse.js';
import { PlayError, PlayGame } from './game.js';
import { Fingerprint } from '../model/fingerprint.js';
import { plainDataProblem } from '../model/nesting.js';
import { controlCharacterIn } from './printable.js';
import { misspeltKey } from '../model/suggest.js';
import { clip } from '../model/quote.js';
import { showControlCharacters } from '../model/control-characters.js';
import { checkSettings } from '../report/record.js';
import type { RunSettings } from '../report/record.js';

/**
 * A saved game (plain JSON).
 *
 * @example
 * ```ts
 * const text = JSON.stringify(saveGame(game), null, 2);
 * const again = resumeGame(JSON.parse(text));
 * ```
 */
export interface SavedGame {
  readonly format: 'detente-play';
  readonly version: 1;
  readonly scenario: ScenarioDocument;
  readonly seed: string | number;
  readonly rounds: number;
  readonly humans: readonly ActorId[];
  /** What `--set` changed from the scenario file (already written into `scenario`), when anything was. */
  readonly settings?: RunSettings;
  /** Every decision the humans entered, in order. */
  readonly decisions: readonly HumanDecision[];
  /** Actions queued for the current turn but not yet submitted. */
  readonly queued: readonly Action[];
  /** Where the game stood: completed rounds, events logged, a hash of the log, the turn waited for. */
  readonly progress: {
    readonly round: number;
    readonly events: number;
    readonly logHash: string;
    readonly turn: { readonly round: number; readonly phase: DecisionPhase; readonly actor: ActorId; readonly request?: string } | null;
  };
}

/**
 * The save of a game, as plain JSON data.
 *
 * @example
 * ```ts
 * writeFileSync('game.json', JSON.stringify(saveGame(game), null, 2));
 * ```
 */
export function saveGame(game: PlayGame): SavedGame {
  const run = game.run;
  const turn = game.turn;
  return {
    format: 'detente-play',
    version: 1,
    scenario: game.scenario.document,
    seed: game.seed,
    rounds: game.rounds,
    humans: [...game.humans],
    ...(game.settings !== undefined ? { settings: { ...game.settings } } : {}),
    decisions: game.decisions.map((d) => ({ ...d })),
    queued: [...game.queued],
    progress: {
      round: run.world.round,
      events: run.log.length,
      logHash: logHash(run.log),
      turn: turn === null ? null : { round: turn.round, phase: turn.phase, actor: turn.actor, ...(turn.request ? { request: turn.request.id } : {}) },
    },
  };
}

/**
 * Options of {@link resumeGame}.
 *
 * @example
 * ```ts
 * const options: ResumeOptions = { source: 'game.json' };
 * const game = resumeGame(JSON.parse(readFileSync('game.json', 'utf8')), options);
 * ```
 */
export interface ResumeOptions {
  /** Where the save came from, for messages. */
  readonly source?: string;
  readonly text?: PlayText;
  /** Where the saved scenario's strategy names are looked up (default: the built-ins): the registry the game was started with. */
  readonly registry?: StrategyRegistry;
}

/** The names {@link resumeGame} accepts in its options: every field of {@link ResumeOptions}. */
const RESUME_OPTIONS = everyMember<keyof ResumeOptions & string>()(['source', 'text', 'registry']);

/**
 * Rebuild a saved game: parse its scenario, re-run the recorded decisions, and check that the log
 * matches the saved hash. Throws a {@link PlayError} when the data is not a save, or when the game
 * does not replay to the same state (a different engine or strategies); a `ScenarioError` (whose
 * source is `<source> (scenario)`) when the saved scenario does not parse, for instance when it
 * names a strategy of a module that `registry` does not hold. An option name it does not know
 * (`regsitry`) is a `ConfigError` naming it, with a "did you mean".
 *
 * @example
 * ```ts
 * const game = resumeGame(JSON.parse(readFileSync('game.json', 'utf8')), { source: 'game.json' });
 * ```
 */
export function resumeGame(data: unknown, options: ResumeOptions = {}): PlayGame {
  checkOptionNames(options, RESUME_OPTIONS, 'resumeGame');
  const text = options.text ?? PLAY_EN;
  const source = options.source ?? 'the saved game';
  const saved = checkShape(data, (why) => new PlayError(text.notAGame(source, why)));
  const scenario: Scenario = parseScenario(saved.scenario, { source: `${source} (scenario)`, ...(options.registry !== undefined ? { registry: options.registry } : {}) });
  checkHumans(scenario, saved.humans, (why) => new PlayError(text.notAGame(source, why)));
  const registry = options.registry !== undefined ? { registry: options.registry } : {};
  // A save's settings are held to its scenario as a run.json's are (a ConfigError naming the file).
  const settings = saved.settings === undefined ? {} : { settings: checkSettings(saved.settings, scenario, source, saved.rounds, options.registry) };
  const game = PlayGame.start({ scenario, humans: saved.humans, seed: saved.seed, rounds: saved.rounds, text, ...settings, ...registry });
  const diverged = (why: string) => new PlayError(text.replayDiverged(why));
  saved.decisions.forEach((d, k) => {
    const turn = game.turn;
    const where = `decision ${k + 1}: ${d.actor} in round ${d.round}, ${d.phase}`;
    if (!turn) throw diverged(`${where} comes after the end of the game`);
    const requestOk = d.phase === 'responses' ? turn.request?.id === d.request : !turn.request;
    if (turn.round !== d.round || turn.phase !== d.phase || turn.actor !== d.actor || !requestOk) {
      throw diverged(`${where} was saved, but the game now waits for ${turn.actor} in round ${turn.round}, ${turn.phase}`);
    }
    if (d.phase === 'responses') {
      const reason = game.answer(d.response);
      if (reason) throw diverged(`${where}: ${reason}`);
    } else {
      const reason = game.restoreDraft(d.actions);
      if (reason) throw diverged(`${where}: ${reason}`);
      game.finishTurn();
    }
  });
  const run = game.run;
  const p = saved.progress;
  if (run.world.round !== p.round || run.log.length !== p.events || logHash(run.log) !== p.logHash) {
    throw diverged(`after round ${run.world.round} the log has ${run.log.length} events with hash ${logHash(run.log)}; the save has ${p.events} events after round ${p.round} with hash ${p.logHash}`);
  }
  const turn = game.turn;
  const now = turn === null ? null : `${turn.actor}:${turn.round}:${turn.phase}:${turn.request?.id ?? ''}`;
  const then = p.turn === null ? null : `${p.turn.actor}:${p.turn.round}:${p.turn.phase}:${p.turn.request ?? ''}`;
  if (now !== then) throw diverged(`the game waits for ${now ?? 'nobody'}, the save for ${then ?? 'nobody'}`);
  const reason = game.restoreDraft(saved.queued);
  if (reason) throw diverged(`queued action: ${reason}`);
  return game;
}

/**
 * Why `data` (a file's parsed JSON) is not a save of `game` at this point or an earlier one, so
 * that writing the game's save over it would lose something of the user's: undefined when it is
 * such a save (the same scenario, seed, rounds and players, and its decisions the first of this
 * game's), which a save of the game may replace as the game goes on.
 */
export function notAnEarlierSave(data: unknown, game: PlayGame): string | undefined {
  if (!isObject(data) || data.format !== 'detente-play') return 'it is not a saved Détente game';
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(data.scenario, game.scenario.document)) return 'it is the save of a game of another scenario';
  const differ = [...(same(data.seed, game.seed) ? [] : ['another seed']), ...(same(data.rounds, game.rounds) ? [] : ['another number of rounds']), ...(same(data.humans, game.humans) ? [] : ['other players'])];
  if (differ.length > 0) return `it is the save of another game (${differ.join(', ')})`;
  const theirs = Array.isArray(data.decisions) ? data.decisions : [];
  const ours = game.decisions;
  const agree = (n: number) => theirs.slice(0, n).every((d, k) => same(d, ours[k]));
  if (theirs.length <= ours.length && agree(theirs.length)) return undefined;
  if (agree(ours.length)) return `it is a save of this game further on (${theirs.length} decision${theirs.length === 1 ? '' : 's'}; this game has ${ours.length})`;
  return 'it is the save of another game (other decisions)';
}

/**
 * A short fingerprint of an event log (two 32-bit FNV-1a hashes of its JSON, as 16 hex digits):
 * equal logs give equal hashes on every machine.
 *
 * @example
 * ```ts
 * logHash(run.log); // e.g. '9f3c0a1e52b7d480'
 * ```
 */
export function logHash(log: readonly SimEvent[]): string {
  const print = new Fingerprint();
  for (const e of log) print.feed(JSON.stringify(e)).feed('\n');
  return print.digest();
}

/** The fields of a saved game ({@link SavedGame}): the list fails typecheck when it drifts from the type. */
const SAVE_FIELDS = everyMember<keyof SavedGame & string>()(['format', 'version', 'scenario', 'seed', 'rounds', 'humans', 'settings', 'decisions', 'queued', 'progress']);

function checkShape(data: unknown, error: (why: string) => PlayError): SavedGame {
  if (!isObject(data)) throw error('expected a JSON object');
  // Before any field is printed or the scenario and decisions are walked: a deep value overflowed
  // the stack (a RangeError from printing "format"), a cyclic one threw a TypeError, and parts
  // shared over and over made the walks never end.
  const problem = plainDataProblem(data);
  if (problem !== undefined) throw error(`${problem.path}: expected ${problem.expected}, found ${problem.received}`);
  if (data.format !== 'detente-play') throw error(`"format" must be "detente-play", found ${JSON.stringify(data.format) ?? 'nothing'}`);
  if (data.version !== 1) throw error(`"version" must be 1, found ${JSON.stringify(data.version) ?? 'nothing'}`);
  // A misspelt `settngs` was read as absent: the game went on, and its report, without the
  // what-if it was started with. Other unknown fields stay unread (a later version may add some).
  const misspelt = misspeltKey(data, SAVE_FIELDS);
  if (misspelt !== undefined) throw error(`"${clip(showControlCharacters(misspelt.key))}" is not a field of a saved game; did you mean "${misspelt.near}"?`);
  if (!isObject(data.scenario)) throw error('"scenario" must be the scenario document (an object)');
  // The same rule as PlayGame.start (a number too large for JSON, 1e400, reads as Infinity).
  if (!(typeof data.seed === 'string' ? data.seed.length > 0 : typeof data.seed === 'number' && Number.isFinite(data.seed))) throw error('"seed" must be a non-empty text or a finite number');
  // The same bounds as PlayGame.start and the scenario format: an edited save must not set a
  // game going for ever.
  if (!(Number.isInteger(data.rounds) && (data.rounds as number) >= 1 && (data.rounds as number) <= MAX_ROUNDS)) {
    throw error(`"rounds" must be a whole number from 1 to ${MAX_ROUNDS.toLocaleString('en-US')}`);
  }
  if (!Array.isArray(data.humans) || data.humans.length === 0 || !data.humans.every((h) => typeof h === 'string')) throw error('"humans" must be a non-empty list of actor ids');
  if (!Array.isArray(data.decisions)) throw error('"decisions" must be a list');
  data.decisions.forEach((d: unknown, k: number) => {
    const ok =
      isObject(d) &&
      Number.isInteger(d.round) &&
      typeof d.actor === 'string' &&
      (((d.phase === 'operations' || d.phase === 'diplomacy') && Array.isArray(d.actions)) || (d.phase === 'responses' && typeof d.request === 'string' && isObject(d.response)));
    if (!ok) throw error(`"decisions[${k}]" must have round, actor, phase and actions (or request and response)`);
  });
  if (!Array.isArray(data.queued)) throw error('"queued" must be a list');
  // The seed is printed in the game's heading, a threat's condition on every player's screen, the
  // saved turn and log hash in the message of a save that does not replay: an edited save must not
  // plant what a terminal would execute (a typed line with one is refused).
  const control = controlCharacterIn(data.seed, 'seed') ?? controlCharacterIn(data.humans, 'humans') ?? controlCharacterIn(data.decisions, 'decisions') ?? controlCharacterIn(data.queued, 'queued') ?? controlCharacterIn(data.progress, 'progress');
  if (control) throw error(`"${control.path}" holds a control character (${control.code} at character ${control.at}): expected a text without control characters (terminal escapes, carriage returns, bells, bidirectional overrides)`);
  const p = data.progress;
  if (!isObject(p) || !Number.isInteger(p.round) || !Number.isInteger(p.events) || typeof p.logHash !== 'string' || !(p.turn === null || isObject(p.turn))) {
    throw error('"progress" must have round, events, logHash and turn');
  }
  return data as unknown as SavedGame;
}

// The saved players, matched as PlayGame.start matches them, with problems named as fields of the
// save: PlayGame.start would word them as mistakes in --as, which the player did not type.
function checkHumans(scenario: Scenario, humans: readonly string[], error: (why: string) => PlayError): void {
  const ids = scenario.spec.actors.map((a) => a.id);
  const seen: string[] = [];
  humans.forEach((raw, k) => {
    const name = raw.trim();
    const id = ids.find((x) => x === name) ?? ids.find((x) => x.toLowerCase() === name.toLowerCase());
    if (id === undefined) throw error(`"humans[${k}]" is ${JSON.stringify(raw)}, not an actor of the saved scenario (actors: ${[...ids].sort().join(', ')})`);
    if (seen.includes(id)) throw error(`"humans" names ${id} twice`);
    seen.push(id);
  });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
