// A game played by people: a scenario, a seed and the decisions the human actors entered so far.
// The engine asks for decisions (beginRound/submitDecisions); human needs wait for input, every
// other actor follows its strategy. Pure and browser-safe: no clock, no files, no terminal.
import type { ActorView } from '../engine/contract.js';
import type { Decision, DecisionNeed, PendingRound, RoundResult } from '../engine/round.js';
import { beginRound, submitDecisions } from '../engine/round.js';
import type { RoundMetrics } from '../engine/metrics.js';
import type { StrategyAssignment } from '../engine/step.js';
import { decideWithStrategies } from '../engine/step.js';
import { validateAction, validateResponse } from '../engine/validate.js';
import type { Action, Request, Response } from '../model/action.js';
import type { DecisionPhase, SimEvent } from '../model/event.js';
import type { ActorId } from '../model/ids.js';
import type { World } from '../model/world.js';
import type { Scenario } from '../scenario/parse.js';
import { suggest } from '../strategies/registry.js';
import { simulate } from '../strategies/simulate.js';
import { PLAY_EN } from '../text/play.en.js';
import type { PlayText } from '../text/play.en.js';
import { validationWorld } from './knowledge.js';

/**
 * A decision the game waits for: which human actor, in which round and phase, what it knows, and
 * in the responses phase the request to answer (`index` of `of` for this actor in this pass).
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

/** How to start a game. `seed` and `rounds` default to the scenario's. */
export interface GameSetup {
  readonly scenario: Scenario;
  readonly humans: readonly ActorId[];
  readonly seed?: string | number;
  readonly rounds?: number;
  /** The sentences of messages (default English). */
  readonly text?: PlayText;
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
 * formatSummary(game.run);
 * ```
 */
export class PlayGame {
  readonly scenario: Scenario;
  readonly seed: string | number;
  readonly rounds: number;
  readonly humans: readonly ActorId[];
  readonly text: PlayText;
  private readonly initial: World;
  private readonly strategies: StrategyAssignment;
  private readonly isHuman: ReadonlySet<string>;
  private world: World;
  private readonly events: SimEvent[] = [];
  private readonly roundMetrics: RoundMetrics[] = [];
  private pending: PendingRound | null = null;
  private collected: Decision[] = [];
  private current: Turn | null = null;
  private readonly entered: HumanDecision[] = [];
  private draft: Action[] = [];

  private constructor(setup: GameSetup) {
    this.text = setup.text ?? PLAY_EN;
    this.scenario = setup.scenario;
    this.seed = setup.seed ?? setup.scenario.seed;
    this.rounds = setup.rounds ?? setup.scenario.rounds;
    this.humans = Object.freeze(resolveHumans(setup.scenario, setup.humans, this.text));
    this.isHuman = new Set(this.humans);
    // A run of zero rounds builds the world and resolves every strategy exactly as `simulate` does.
    const empty = simulate(setup.scenario.spec, { seed: this.seed, rounds: 0 });
    this.initial = empty.initial;
    this.world = empty.initial;
    this.strategies = empty.strategies;
    this.advance();
  }

  /** Start a new game. @example `const game = PlayGame.start({ scenario, humans: ['US', 'CN'] });` */
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

  /** Actions queued for the current turn, not yet submitted. */
  get queued(): readonly Action[] {
    return this.draft;
  }

  /** Every human decision entered so far, in order. */
  get decisions(): readonly HumanDecision[] {
    return this.entered;
  }

  /** The game so far as a run: the initial world, the world after the last completed round, the log and metrics. */
  get run(): { readonly initial: World; readonly world: World; readonly log: readonly SimEvent[]; readonly metrics: readonly RoundMetrics[] } {
    return { initial: this.initial, world: this.world, log: this.events, metrics: this.roundMetrics };
  }

  /**
   * Queue an action for the current operations or diplomacy turn. Returns why it is not allowed
   * (checked against what the actor knows), or null when it was queued.
   */
  queue(action: Action): string | null {
    const turn = this.current;
    if (!turn || turn.request) return this.text.notAnAnswerPhase;
    const reason = validateAction(validationWorld(turn.view), turn.actor, turn.phase, action);
    if (reason) return reason;
    const max = turn.view.mechanisms.operations.maxPerRound;
    if (turn.phase === 'operations' && this.draft.length >= max) return this.text.tooManyOperations(max);
    this.draft.push(action);
    return null;
  }

  /** Remove the last queued action (returned), if any. */
  undo(): Action | undefined {
    return this.draft.pop();
  }

  /** Submit the queued actions as the current actor's decision for this phase and go on. */
  finishTurn(): void {
    const turn = this.current;
    if (!turn || turn.request) throw new PlayError(this.text.notAnAnswerPhase);
    const actions = this.draft;
    this.draft = [];
    this.record({ round: turn.round, phase: turn.phase as 'operations' | 'diplomacy', actor: turn.actor, actions });
  }

  /** Answer the current request. Returns why the answer does not fit, or null when it was taken. */
  answer(response: Response): string | null {
    const turn = this.current;
    if (!turn?.request) return `${turn ? turn.phase : 'no'} turn: nothing to answer`;
    const reason = validateResponse(turn.request, response);
    if (reason) return reason;
    this.record({ round: turn.round, phase: 'responses', actor: turn.actor, request: turn.request.id, response });
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
    this.entered.push(d);
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
