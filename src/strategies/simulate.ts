import type { Strategy } from '../engine/contract.js';
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import type { ForkOptions, Intervention } from '../engine/fork.js';
import { forkRun } from '../engine/fork.js';
import { joined } from '../model/record.js';
import type { Run, RunRoundsOptions } from '../engine/simulate.js';
import { runRounds } from '../engine/simulate.js';
import type { StrategyAssignment } from '../engine/step.js';
import { createWorld } from '../engine/world.js';
import type { WorldSpec } from '../engine/world.js';
import type { ActorId } from '../model/ids.js';
import type { World } from '../model/world.js';
import { createRegistry } from './builtins/index.js';
import type { StrategyRegistry } from './registry.js';
import { suggest } from './registry.js';

/** Options of {@link simulate}. */
export interface SimulateOptions extends Omit<RunRoundsOptions, 'rounds'> {
  /** Master seed. Required when starting from a spec; must match when starting from a world. */
  readonly seed?: string | number;
  /** Rounds to play. */
  readonly rounds: number;
  /** Strategy per actor (an object, or a registered name), overriding the spec's. */
  readonly strategies?: Readonly<Record<ActorId, Strategy | string>>;
  /** Where names are looked up (default: the built-ins). */
  readonly registry?: StrategyRegistry;
}

/**
 * Run a simulation: build the world from a spec (or continue a world), resolve every actor's
 * strategy, and play `rounds` rounds. Returns the final world, the event log and per-round metrics.
 *
 * @example
 * ```ts
 * import { simulate } from 'detente';
 * const run = simulate(
 *   { actors: [{ id: 'US', strategy: 'tit-for-tat' }, { id: 'CN', strategy: 'hawk' }] },
 *   { seed: 1, rounds: 12 },
 * );
 * console.log(run.metrics.at(-1)?.peakRung);
 * ```
 */
export function simulate(start: WorldSpec | World, options: SimulateOptions): Run {
  const world = isWorld(start) ? continueWorld(start, options.seed) : createWorld(start, { seed: options.seed as string | number });
  const strategies = resolveStrategies(world, isWorld(start) ? undefined : start, options.strategies, options.registry);
  const { seed: _seed, strategies: _s, registry: _r, ...rest } = options;
  return runRounds(world, strategies, rest);
}

/**
 * Re-run a finished run from round `round` with an intervention (see {@link Intervention}); with
 * none, the fork reproduces the run exactly. Strategy names in the intervention are resolved
 * like {@link simulate}'s.
 *
 * @example
 * ```ts
 * const run = simulate(spec, { seed: 1, rounds: 24 });
 * const revealed = fork(run, 10, { injects: [{ round: 10, type: 'reveal' }] });
 * ```
 */
export function fork(
  run: Run,
  round: number,
  intervention: Omit<Intervention, 'strategies'> & { readonly strategies?: Readonly<Record<ActorId, Strategy | string>> } = {},
  options: ForkOptions & { readonly registry?: StrategyRegistry } = {},
): Run {
  const registry = options.registry ?? defaultRegistry();
  const strategies: Record<string, Strategy> = {};
  const issues: ConfigIssue[] = [];
  for (const [id, s] of Object.entries(intervention.strategies ?? {})) {
    const resolved = resolveOne(s, registry, `intervention.strategies.${id}`, issues);
    if (resolved) strategies[id] = resolved;
  }
  if (issues.length > 0) throw new ConfigError(issues, 'fork');
  const { strategies: _s, ...rest } = intervention;
  return forkRun(run, round, joined(rest, { strategies }), options.rounds === undefined ? {} : { rounds: options.rounds });
}

let registryCache: StrategyRegistry | undefined;
function defaultRegistry(): StrategyRegistry {
  registryCache ??= createRegistry();
  return registryCache;
}

function isWorld(x: WorldSpec | World): x is World {
  return (x as World).version === 1 && (x as World).dyads !== undefined;
}

function continueWorld(world: World, seed: string | number | undefined): World {
  if (seed !== undefined && String(seed) !== world.seed) {
    throw new ConfigError([{ path: 'seed', expected: `the world's own seed '${world.seed}' (or none)`, received: String(seed) }]);
  }
  return world;
}

function resolveStrategies(
  world: World,
  spec: WorldSpec | undefined,
  overrides: Readonly<Record<ActorId, Strategy | string>> | undefined,
  registry: StrategyRegistry = defaultRegistry(),
): StrategyAssignment {
  const issues: ConfigIssue[] = [];
  const fromSpec = new Map<string, Strategy>();
  for (const a of spec?.actors ?? []) if (a && typeof a.strategy === 'object') fromSpec.set(a.id, a.strategy);
  const out: Record<string, Strategy> = {};
  for (const id of Object.keys(overrides ?? {})) {
    if (!world.actors.some((a) => a.id === id)) issues.push({ path: `strategies.${id}`, expected: 'a declared actor id', received: id });
  }
  world.actors.forEach((actor, i) => {
    const given = overrides?.[actor.id] ?? fromSpec.get(actor.id) ?? actor.strategy;
    // Paths point into what the user wrote: the spec's declaration order, not the sorted world.
    const declared = spec ? spec.actors.findIndex((a) => a?.id === actor.id) : -1;
    const resolved = resolveOne(given, registry, overrides?.[actor.id] !== undefined ? `strategies.${actor.id}` : `actors[${declared >= 0 ? declared : i}].strategy`, issues);
    if (resolved) out[actor.id] = resolved;
  });
  if (issues.length > 0) throw new ConfigError(issues);
  return Object.freeze(out);
}

function resolveOne(s: Strategy | string, registry: StrategyRegistry, path: string, issues: ConfigIssue[]): Strategy | undefined {
  if (typeof s !== 'string') {
    if (s && typeof s.operate === 'function' && typeof s.diplomacy === 'function' && typeof s.respond === 'function') return s;
    issues.push({ path, expected: 'a strategy made with defineStrategy, or a registered name', received: typeof s });
    return undefined;
  }
  if (!registry.has(s)) {
    const hint = suggest(s, registry.names());
    issues.push({ path, expected: `a registered strategy (${registry.names().join(', ')})`, received: `'${s}'`, ...(hint ? { hint: `did you mean '${hint}'?` } : {}) });
    return undefined;
  }
  return registry.get(s);
}
