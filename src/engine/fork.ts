import { freeze } from 'immer';
import type { Inject } from '../model/inject.js';
import { describe, isRecord, mergeMechanisms } from '../model/mechanisms.js';
import type { MechanismOverrides } from '../model/mechanisms.js';
import { joined } from '../model/record.js';
import type { World } from '../model/world.js';
import type { Strategy } from './contract.js';
import { ConfigError } from './errors.js';
import type { ConfigIssue } from './errors.js';
import { replay } from './replay.js';
import type { Run } from './simulate.js';
import { roundsIssue, runRounds } from './simulate.js';
import { actorIndex, readInjects, worldWith } from './world.js';

/**
 * A change applied at the start of the forked round: extra injects (e.g. reveal the attacker, sign
 * a hotline), other strategies for some actors, other mechanism coefficients.
 *
 * @example
 * ```ts
 * const intervention: Intervention = { injects: [{ round: 6, type: 'agreement', parties: ['CN', 'US'], terms: [{ kind: 'hotline' }] }] };
 * ```
 */
export interface Intervention {
  /** Injects to add; each must be for the fork round or later. */
  readonly injects?: readonly Inject[];
  readonly strategies?: Readonly<Record<string, Strategy>>;
  readonly mechanisms?: MechanismOverrides;
}

/**
 * Options of {@link forkRun}.
 *
 * @example
 * ```ts
 * const options: ForkOptions = { rounds: 4 };
 * fork(run, 6, { injects: [{ round: 6, type: 'reveal' }] }, options).world.round; // 10
 * ```
 */
export interface ForkOptions {
  /** Rounds to play after the fork, 0 to `MAX_ROUNDS` (default: up to the round where the original run ended). */
  readonly rounds?: number;
}

/**
 * Counterfactuals: re-run `run` from the start of round `round` with an intervention, on the same
 * random streams. The world at that round is rebuilt from the log (so the run needs its log); with
 * no intervention the fork is identical to the original run.
 *
 * @example
 * ```ts
 * const withHotline = forkRun(run, 6, { injects: [{ round: 6, type: 'agreement', parties: ['CN', 'US'], terms: [{ kind: 'hotline' }] }] });
 * ```
 */
export function forkRun(run: Run, round: number, intervention: Intervention = {}, options: ForkOptions = {}): Run {
  if (!isRun(run)) throw new ConfigError([{ path: 'run', expected: 'a run made by simulate or fork', received: describe(run) }], 'fork');
  const start = run.initial.round;
  const end = run.world.round;
  const issues: ConfigIssue[] = [];
  if (!(Number.isInteger(round) && round >= start && round <= end)) {
    issues.push({ path: 'round', expected: `a round from ${start} to ${end}`, received: describe(round) });
  }
  if (run.log.length === 0 && end > start) {
    issues.push({ path: 'run.log', expected: 'a run made with its event log (log: true)', received: 'an empty log' });
  }
  issues.push(...forkArgumentIssues(intervention, options));
  // The intervention is checked before the replay up to the fork round (the costly part): the
  // actors, and so the ids an intervention may name, are those of the run's initial world.
  if (isRecord(intervention)) checkIntervention(run.initial, Number.isInteger(round) ? round : undefined, intervention, issues);
  if (issues.length > 0) throw new ConfigError(issues, 'fork');
  const prefix = run.log.filter((e) => e.round < round);
  let world: World = replay(run.initial, prefix, { rounds: round - start, ...run.options });
  const injects = scheduledInjects(round, intervention);
  if (injects.length > 0) world = worldWith(world, { injects: mergeInjects(world.injects, injects) });
  const strategies = joined(run.strategies, intervention.strategies ?? {});
  const rounds = options.rounds ?? end - round;
  const rest = runRounds(world, strategies, joined(run.options, { rounds }));
  // The fork's log holds the intervention's injects (inject.applied) — a change of mechanisms
  // among them — so its initial world must schedule them too, or the fork could not be replayed
  // (nor forked again) from initial + log. They are all for round ≥ `round`, so scheduling them
  // from the start changes nothing before.
  const initial = injects.length > 0 ? freeze(worldWith(run.initial, { injects: mergeInjects(run.initial.injects, injects) }), true) : run.initial;
  return Object.freeze({
    initial,
    world: rest.world,
    log: Object.freeze([...prefix, ...rest.log]),
    metrics: Object.freeze([...run.metrics.slice(0, round - start), ...rest.metrics]),
    strategies,
    options: run.options,
  });
}

/** Scheduled injects followed by more, sorted by round (stable: the scheduled ones first within a round). */
function mergeInjects(scheduled: readonly Inject[], more: readonly Inject[]): Inject[] {
  return [...scheduled, ...more].map((inj, k) => [inj, k] as const).sort((a, b) => a[0].round - b[0].round || a[1] - b[1]).map(([inj]) => inj);
}

/**
 * The intervention as injects: a change of mechanisms becomes a `mechanisms` inject at the fork
 * round, applied first, so it is in the log and the fork replays from its initial world and log.
 */
function scheduledInjects(round: number, intervention: Intervention): Inject[] {
  return [...(intervention.mechanisms ? [{ round, type: 'mechanisms' as const, set: intervention.mechanisms }] : []), ...(intervention.injects ?? [])];
}

/**
 * What is wrong with the shapes of a fork's intervention and options, before anything in them is
 * read: shared with the public `fork`, which resolves the intervention's strategy names first.
 */
export function forkArgumentIssues(intervention: unknown, options: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!isRecord(options)) issues.push({ path: 'options', expected: 'an object { rounds? }', received: describe(options) });
  else {
    const rounds: unknown = options.rounds;
    const issue = rounds === undefined ? undefined : roundsIssue('options.rounds', rounds);
    if (issue !== undefined) issues.push(issue);
  }
  if (!isRecord(intervention)) issues.push({ path: 'intervention', expected: 'an object { injects?, strategies?, mechanisms? }', received: describe(intervention) });
  else if (intervention.strategies !== undefined && !isRecord(intervention.strategies)) {
    issues.push({ path: 'intervention.strategies', expected: 'an object of actor id → strategy', received: describe(intervention.strategies) });
  }
  return issues;
}

/** Every problem of an intervention, by path; `round` is the fork round when it is valid. */
function checkIntervention(world: World, round: number | undefined, intervention: Intervention, issues: ConfigIssue[]): void {
  // Any value but undefined is an override to check (a 0 or a null was silently no change).
  // Problems are reported under the name the caller used, not as an inject; the keys and rules of
  // the mechanisms are the same in every world, so the initial world's serve as the base.
  if (intervention.mechanisms !== undefined) issues.push(...mergeMechanisms(intervention.mechanisms, world.mechanisms, 'intervention.mechanisms').issues);
  if (intervention.injects !== undefined) {
    const before = issues.length;
    const index = actorIndex(world);
    readInjects(intervention.injects, index, issues, 'intervention.injects', (id) => world.actors[index.get(id) as number]?.kind);
    // Their rounds only once each inject is known to be an object with a whole round (null is none).
    if (issues.length === before && round !== undefined && Array.isArray(intervention.injects)) {
      intervention.injects.forEach((inj: Inject, k) => {
        if (inj.round < round) issues.push({ path: `intervention.injects[${k}].round`, expected: `a round ≥ ${round}`, received: String(inj.round) });
      });
    }
  }
  const strategies: unknown = intervention.strategies;
  // Not an object: forkArgumentIssues said so.
  if (!isRecord(strategies)) return;
  for (const [id, s] of Object.entries(strategies)) {
    if (!actorIndex(world).has(id)) issues.push({ path: `intervention.strategies.${id}`, expected: 'a declared actor id', received: id });
    else if (!isStrategy(s)) {
      issues.push({ path: `intervention.strategies.${id}`, expected: 'a strategy (operate, diplomacy and respond)', received: describe(s) });
    }
  }
}

/** The parts of a run that a fork reads (a run from simulate or fork has them all). */
function isRun(run: unknown): run is Run {
  if (!isRecord(run)) return false;
  const { initial, world, log, metrics, strategies, options } = run;
  return (
    isRecord(initial) &&
    isRecord(world) &&
    Number.isInteger(initial.round) &&
    Number.isInteger(world.round) &&
    Array.isArray(log) &&
    Array.isArray(metrics) &&
    isRecord(strategies) &&
    isRecord(options)
  );
}

function isStrategy(s: unknown): s is Strategy {
  const x = s as Partial<Record<keyof Strategy, unknown>> | null | undefined;
  return (typeof s === 'object' || typeof s === 'function') && x !== null && x !== undefined && typeof x.operate === 'function' && typeof x.diplomacy === 'function' && typeof x.respond === 'function';
}

