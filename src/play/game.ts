// A game played by people: a scenario, a seed and the decisions the human actors entered so far.
// The engine asks for decisions (beginRound/submitDecisions); human needs wait for input, every
// other actor follows its strategy. Pure and browser-safe: no clock, no files, no terminal.
import type { ActorView } from '../engine/contract.js';
import type { Decision, DecisionNeed, PendingRound, RoundResult } from '../engine/round.js';
import { beginRound, submitDecisions } from '../engine/round.js';
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import { deepFreeze } from '../engine/freeze.js';
import type { RoundMetrics } from '../engine/metrics.js';
import { recordable } from '../engine/plain.js';
import type { StrategyAssignment } from '../engine/step.js';
import { decideWithStrategies } from '../engine/step.js';
import { validateAction, validateResponse } from '../engine/validate.js';
import type { Action, Request, Response } from '../model/action.js';
import type { DecisionPhase, SimEvent } from '../model/event.js';
import type { ActorId } from '../model/ids.js';
import type { World } from '../model/world.js';
import type { Scenario } from '../scenario/parse.js';
import { MAX_ROUNDS } from '../scenario/parse.js';
import { suggest } from '../strategies/registry.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { checkSettings } from '../report/record.js';
import type { RunSettings } from '../report/record.js';
import { simulate } from '../strategies/simulate.js';
import { PLAY_EN } from '../text/play.en.js';
import type { PlayText } from '../text/play.en.js';
import { validationWorld } from './knowledge.js';
import { controlCharacterIn } from './printable.js';
import { describe } from '../model/mechanisms.js';
import { everyMember } from '../model/members.js';
import { unknownOptionIssues } from '../model/options.js';

/**
 * A decision the game waits for: which human actor, in which round and phase, what it knows, and
 * in the responses phase the request to answer (`index` of `of` for this actor in this pass).
 *
 * @example
 * ```ts
 * const turn: Turn | null = game.turn;
 * if (turn) console.log(turn.actor, turn.round, turn.phase);
 * if (turn?.request) console.log(`request ${turn.index} of ${turn.of}: ${turn.request.kind}`); // index counts from 1
 * ```
 */
export interface Turn {
  readonly actor: ActorId;
  readonly round: number;
  readonly phase: DecisionPhase;
  readonly view: ActorView;
  readonly request?: Request;
  readonly index: number;
  readonly of: number;
}

/**
 * One decision a human entered, as saved: a list of actions for the operations or diplomacy
 * phase, or the answer to one request.
 *
 * @example
 * ```ts
 * const d: HumanDecision = { round: 3, phase: 'diplomacy', actor: 'US', actions: [{ type: 'pass' }] };
 * ```
 */
export type HumanDecision =
  | { readonly round: number; readonly phase: 'operations' | 'diplomacy'; readonly actor: ActorId; readonly actions: readonly Action[] }
  | { readonly round: number; readonly phase: 'responses'; readonly actor: ActorId; readonly request: string; readonly response: Response };

/**
 * How to start a game. `seed` and `rounds` default to the scenario's. {@link PlayGame.start} throws
 * a `ConfigError` naming each option that is not what it should be.
 *
 * @example
 * ```ts
 * const setup: GameSetup = { scenario, humans: ['US'], seed: 7, rounds: 6 };
 * const game = PlayGame.start(setup);
 * ```
 */
export interface GameSetup {
  /** A scenario from `parseScenario`. */
  readonly scenario: Scenario;
  /** The actors people play (ids, matched case-insensitively): at least one. */
  readonly humans: readonly ActorId[];
  /** A non-empty text or a finite number. */
  readonly seed?: string | number;
  /** A whole number of rounds from 1 to 100,000 (the scenario format's own limit). */
  readonly rounds?: number;
  /** The sentences of messages (default English). */
  readonly text?: PlayText;
  /**
   * What was changed from the scenario file for this game (`detente play --set PATH=V`), already
   * written into `scenario`: kept in the save, and shown by the game's heading and its report. Each
   * value must be the one the scenario holds (a `ConfigError` otherwise).
   */
  readonly settings?: RunSettings;
  /** Where the settings' strategy names are looked up (default: the built-ins): the registry the scenario was parsed with. */
  readonly registry?: StrategyRegistry;
}

/**
 * A problem with how a game is set up or resumed (an unknown actor, a save that does not replay).
 *
 * @example
 * ```ts
 * try { PlayGame.start({ scenario, humans: ['USA'] }); }
 * catch (e) { if (e instanceof PlayError) console.error(e.message); } // --as: no actor 'USA' in this scenario (did you mean US?); …
 * ```
 */
export class PlayError extends Error {
  override readonly name = 'PlayError';
}

/** The setup's problems of shape and range (unknown human ids are a PlayError, with their hint). */
/** The names a game's setup takes: every field of {@link GameSetup}. */
const SETUP_FIELDS = everyMember<keyof GameSetup & string>()(['scenario', 'humans', 'seed', 'rounds', 'text', 'settings', 'registry']);

function setupIssues(setup: unknown): ConfigIssue[] {
  if (typeof setup !== 'object' || setup === null) return [{ path: '(setup)', expected: 'an object { scenario, humans, seed?, rounds?, text? }', received: describe(setup) }];
  const s = setup as Record<string, unknown>;
  // A misspelt field (`round: 3`) was dropped, and the game played the scenario's rounds.
  const issues: ConfigIssue[] = unknownOptionIssues(s, SETUP_FIELDS, '');
  const scenario = s.scenario as Partial<Scenario> | null | undefined;
  if (typeof scenario !== 'object' || scenario === null || typeof scenario.document !== 'object' || !Array.isArray(scenario.spec?.actors) || !Number.isInteger(scenario.rounds)) {
    issues.push({ path: 'scenario', expected: 'a scenario from parseScenario', received: describe(s.scenario) });
  }
  if (!Array.isArray(s.humans) || !s.humans.every((h) => typeof h === 'string')) issues.push({ path: 'humans', expected: 'a list of actor ids', received: describe(s.humans) });
  const seed = s.seed;
  if (seed !== undefined && !(typeof seed === 'string' ? seed.length > 0 : typeof seed === 'number' && Number.isFinite(seed))) {
    issues.push({ path: 'seed', expected: 'a non-empty text or a finite number', received: describe(seed) });
  }
  const rounds = s.rounds;
  if (rounds !== undefined && !(typeof rounds === 'number' && Number.isInteger(rounds) && rounds >= 1 && rounds <= MAX_ROUNDS)) {
    issues.push({ path: 'rounds', expected: `a whole number of rounds from 1 to ${MAX_ROUNDS.toLocaleString('en-US')}`, received: describe(rounds) });
  }
  if (s.text !== undefined && (typeof s.text !== 'object' || s.text === null)) issues.push({ path: 'text', expected: 'the sentences of messages (a PlayText such as PLAY_EN)', received: describe(s.text) });
  return issues;
}

/**
 * The human actors named by `--as`-style input, matched case-insensitively to the scenario's ids.
 * Throws a {@link PlayError} with a did-you-mean for an unknown one.
 *
 * @example
 * ```ts
 * resolveHumans(scenario, ['us', 'CN']); // ['US', 'CN']
 * ```
 */
export function resolveHumans(scenario: Scenario, names: readonly string[], text: PlayText = PLAY_EN): ActorId[] {
  const ids = scenario.spec.actors.map((a) => a.id);
  if (names.length === 0) throw new PlayError(text.noHumans);
  const out: ActorId[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const id = ids.find((x) => x === name) ?? ids.find((x) => x.toLowerCase() === name.toLowerCase());
    if (id === undefined) throw new PlayError(text.unknownHuman(name, suggest(name, ids), [...ids].sort().join(', ')));
    if (out.includes(id)) throw new PlayError(text.duplicateHuman(id));
    out.push(id);
  }
  return out;
}

/**
 * A game in progress. Feed it the current human's actions ({@link PlayGame.queue},
 * {@link PlayGame.finishTurn}) or answers ({@link PlayGame.answer}); the other actors follow their
 * strategies. Deterministic: the same scenario, seed and human decisions give the same log.
 *
 * @example
 * ```ts
 * const game = PlayGame.start({ scenario, humans: ['US'] });
 * while (game.turn) {
 *   if (game.turn.request) game.answer({ type: 'ignore' });
 *   else game.finishTurn();
 * }
 * formatSummary(game.run, undefined, { players: game.humans }); // the closing table, the players marked
 * ```
 */
export class PlayGame {
  readonly scenario: Scenario;
  readonly seed: string | number;
  readonly rounds: number;
  readonly humans: readonly ActorId[];
  readonly text: PlayText;
  /** What was changed from the scenario file (see {@link GameSetup.settings}); undefined when nothing was. */
  readonly settings: RunSettings | undefined;
  private readonly initial: World;
  private readonly strategies: StrategyAssignment;
  private readonly isHuman: ReadonlySet<string>;
  private world: World;
  // The game's own lists grow in place; callers get frozen copies (`run`, `decisions`), made when
  // first asked for after a change, so nothing a caller holds can alter the game or its save.
  private readonly events: SimEvent[] = [];
  private readonly roundMetrics: RoundMetrics[] = [];
  private runCopy: PlayGame['run'] | null = null;
  private pending: PendingRound | null = null;
  private collected: Decision[] = [];
  private current: Turn | null = null;
  private readonly entered: HumanDecision[] = [];
  private enteredCopy: readonly HumanDecision[] | null = null;
  // The actions queued this turn grow in place as well (a save may list many: copying the list on
  // each one made resuming quadratic); callers get a frozen copy.
  private readonly draft: Action[] = [];
  private draftCopy: readonly Action[] | null = null;

  private constructor(setup: GameSetup) {
    const issues = setupIssues(setup);
    if (issues.length > 0) throw new ConfigError(issues);
    this.text = setup.text ?? PLAY_EN;
    this.scenario = setup.scenario;
    this.seed = setup.seed ?? setup.scenario.seed;
    this.rounds = setup.rounds ?? setup.scenario.rounds;
    this.humans = Object.freeze(resolveHumans(setup.scenario, setup.humans, this.text));
    const settings = setup.settings === undefined ? undefined : checkSettings(setup.settings, setup.scenario, 'settings', setup.rounds ?? setup.scenario.rounds, setup.registry);
    this.settings = settings !== undefined && Object.keys(settings).length > 0 ? Object.freeze(settings) : undefined;
    this.isHuman = new Set(this.humans);
    // A run of zero rounds builds the world and resolves every strategy exactly as `simulate` does.
    const empty = simulate(setup.scenario.spec, { seed: this.seed, rounds: 0 });
    this.initial = empty.initial;
    this.world = empty.initial;
    this.strategies = empty.strategies;
    this.advance();
  }

  /**
   * Start a new game. Throws a `ConfigError` for a setup of the wrong shape or range (see
   * {@link GameSetup}), a {@link PlayError} for an unknown or repeated human actor.
   *
   * @example `const game = PlayGame.start({ scenario, humans: ['US', 'CN'] });`
   */
  static start(setup: GameSetup): PlayGame {
    return new PlayGame(setup);
  }

  /** The decision the game waits for, or null when the game is over. */
  get turn(): Turn | null {
    return this.current;
  }

  get finished(): boolean {
    return this.current === null;
  }

  /** Rounds completed so far. */
  get roundsPlayed(): number {
    return this.world.round - this.initial.round;
  }

  /** Actions queued for the current turn, not yet submitted (frozen). */
  get queued(): readonly Action[] {
    return (this.draftCopy ??= Object.freeze(this.draft.slice()));
  }

  /** Every human decision entered so far, in order (frozen: a copy, not the game's own list). */
  get decisions(): readonly HumanDecision[] {
    return (this.enteredCopy ??= Object.freeze(this.entered.slice()));
  }

  /**
   * The game so far as a run: the initial world, the world after the last completed round, the log
   * and metrics (frozen: copies of the game's own lists as they stand, not the lists themselves).
   */
  get run(): { readonly initial: World; readonly world: World; readonly log: readonly SimEvent[]; readonly metrics: readonly RoundMetrics[] } {
    return (this.runCopy ??= Object.freeze({ initial: this.initial, world: this.world, log: Object.freeze(this.events.slice()), metrics: Object.freeze(this.roundMetrics.slice()) }));
  }

  /**
   * Queue an action for the current operations or diplomacy turn. Returns why it is not allowed
   * (checked against what the actor knows), or null when it was queued.
   */
  queue(action: Action): string | null {
    const turn = this.current;
    if (!turn) return this.text.alreadyOver;
    // (notAnAnswerPhase is the opposite mistake: an answer typed where actions are queued.)
    if (turn.request) return this.text.phaseHint('responses');
    // The engine logs a plain copy of what it is given; queue that copy, frozen, so the caller's
    // object changing later cannot change the decision the save records.
    const copy = recordable(action) as Action;
    // As for a typed line: a threat's condition reaches the other players' screens and the save.
    const control = controlCharacterIn(copy, '');
    if (control) return this.text.controlCharacter(control.code);
    const reason = validateAction(validationWorld(turn.view), turn.actor, turn.phase, copy);
    if (reason) return reason;
    const max = turn.view.mechanisms.operations.maxPerRound;
    if (turn.phase === 'operations' && this.draft.length >= max) return this.text.tooManyOperations(max);
    this.draft.push(deepFreeze(copy));
    this.draftCopy = null;
    return null;
  }

  /** Remove the last queued action (returned), if any. */
  undo(): Action | undefined {
    const last = this.draft.pop();
    this.draftCopy = null;
    return last;
  }

  /** Submit the queued actions as the current actor's decision for this phase and go on. */
  finishTurn(): void {
    const turn = this.current;
    if (!turn) throw new PlayError(this.text.alreadyOver);
    if (turn.request) throw new PlayError(this.text.phaseHint('responses'));
    const actions = this.queued;
    this.draft.length = 0;
    this.draftCopy = null;
    this.record({ round: turn.round, phase: turn.phase as 'operations' | 'diplomacy', actor: turn.actor, actions });
  }

  /** Answer the current request. Returns why the answer does not fit, or null when it was taken. */
  answer(response: Response): string | null {
    const turn = this.current;
    if (!turn) return this.text.alreadyOver;
    if (!turn.request) return `${turn.phase} turn: nothing to answer`;
    const copy = recordable(response) as Response;
    const control = controlCharacterIn(copy, '');
    if (control) return this.text.controlCharacter(control.code);
    const reason = validateResponse(turn.request, copy);
    if (reason) return reason;
    this.record({ round: turn.round, phase: 'responses', actor: turn.actor, request: turn.request.id, response: deepFreeze(copy) });
    return null;
  }

  /** @internal Restore queued actions of a saved game (used by resume). */
  restoreDraft(actions: readonly Action[]): string | null {
    for (const a of actions) {
      const reason = this.queue(a);
      if (reason) return reason;
    }
    return null;
  }

  private record(d: HumanDecision): void {
    this.entered.push(Object.freeze(d));
    this.enteredCopy = null;
    this.collected.push(d.phase === 'responses' ? { actor: d.actor, request: d.request, response: d.response } : { actor: d.actor, actions: d.actions });
    this.advance();
  }

  // Run the engine up to the next human decision (or the end of the game).
  private advance(): void {
    for (;;) {
      if (!this.pending) {
        if (this.roundsPlayed >= this.rounds) {
          this.current = null;
          return;
        }
        const started = beginRound(this.world);
        if (started.done) {
          this.finishRound(started);
          continue;
        }
        this.pending = started;
        this.collected = [];
      }
      const p = this.pending;
      const next = p.needs.find((n) => this.isHuman.has(n.actor) && !this.collected.some((d) => answers(d, n)));
      if (next) {
        this.current = turnOf(p, next);
        return;
      }
      const machine = decideWithStrategies({ ...p, needs: p.needs.filter((n) => !this.isHuman.has(n.actor)) }, this.strategies);
      const result = submitDecisions(p, [...this.collected, ...machine]);
      this.pending = null;
      if (result.done) this.finishRound(result);
      else {
        this.pending = result;
        this.collected = [];
      }
    }
  }

  private finishRound(r: RoundResult): void {
    this.world = r.world;
    for (const e of r.events) this.events.push(e);
    this.roundMetrics.push(r.metrics);
    this.runCopy = null;
  }
}

function answers(d: Decision, need: DecisionNeed): boolean {
  if (d.actor !== need.actor) return false;
  return need.request ? 'request' in d && d.request === need.request.id : !('request' in d);
}

function turnOf(p: PendingRound, need: DecisionNeed): Turn {
  const mine = p.needs.filter((n) => n.actor === need.actor);
  const base = { actor: need.actor, round: p.round, phase: p.phase, view: need.view, index: mine.indexOf(need) + 1, of: mine.length };
  return Object.freeze(need.request ? { ...base, request: need.request } : base);
}
