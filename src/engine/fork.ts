import { freeze } from 'immer';
import type { Inject } from '../model/inject.js';
import { mergeMechanisms } from '../model/mechanisms.js';
import type { MechanismOverrides } from '../model/mechanisms.js';
import { joined } from '../model/record.js';
import type { World } from '../model/world.js';
import type { Strategy } from './contract.js';
import { ConfigError } from './errors.js';
import type { ConfigIssue } from './errors.js';
import { replay } from './replay.js';
import type { Run } from './simulate.js';
import { runRounds } from './simulate.js';
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

/** Options of {@link forkRun}. */
export interface ForkOptions {
  /** Rounds to play after the fork (default: up to the round where the original run ended). */
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
  const start = run.initial.round;
  const end = run.world.round;
  const issues: ConfigIssue[] = [];
  if (!(Number.isInteger(round) && round >= start && round <= end)) {
    issues.push({ path: 'round', expected: `a round from ${start} to ${end}`, received: String(round) });
  }
  if (run.log.length === 0 && end > start) {
    issues.push({ path: 'run.log', expected: 'a run made with its event log (log: true)', received: 'an empty log' });
  }
  if (issues.length > 0) throw new ConfigError(issues, 'fork');
  const prefix = run.log.filter((e) => e.round < round);
  let world: World = replay(run.initial, prefix, { rounds: round - start, ...run.options });
  const injects = scheduledInjects(round, intervention);
  world = intervene(world, round, intervention, injects);
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

function intervene(world: World, round: number, intervention: Intervention, injects: readonly Inject[]): World {
  const issues: ConfigIssue[] = [];
  let next = world;
  if (intervention.mechanisms) {
    // Report problems under the name the caller used, not as an inject.
    issues.push(...mergeMechanisms(intervention.mechanisms, next.mechanisms, 'intervention.mechanisms').issues);
  }
  if (intervention.injects && intervention.injects.length > 0) {
    readInjects(intervention.injects, actorIndex(world), issues, 'intervention.injects');
    intervention.injects.forEach((inj, k) => {
      if (inj.round < round) issues.push({ path: `intervention.injects[${k}].round`, expected: `a round ≥ ${round}`, received: String(inj.round) });
    });
  }
  for (const id of Object.keys(intervention.strategies ?? {})) {
    if (!actorIndex(world).has(id)) issues.push({ path: `intervention.strategies.${id}`, expected: 'a declared actor id', received: id });
  }
  if (issues.length > 0) throw new ConfigError(issues, 'fork');
  if (injects.length > 0) next = worldWith(next, { injects: mergeInjects(next.injects, injects) });
  return next;
}
