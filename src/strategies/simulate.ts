import type { Strategy } from '../engine/contract.js';
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import type { ForkOptions, Intervention } from '../engine/fork.js';
import { forkArgumentIssues, forkRun } from '../engine/fork.js';
import { joined } from '../model/record.js';
import type { Run, RunRoundsOptions } from '../engine/simulate.js';
import { runRounds } from '../engine/simulate.js';
import type { StrategyAssignment } from '../engine/step.js';
import { createWorld, worldWith } from '../engine/world.js';
import type { WorldSpec } from '../engine/world.js';
import type { Actor } from '../model/actor.js';
import { actorPlaying, isStrategyParams } from '../model/actor.js';
import type { ActorId } from '../model/ids.js';
import { describe, isRecord } from '../model/mechanisms.js';
import { deepFreeze } from '../engine/freeze.js';
import type { World } from '../model/world.js';
import { createRegistry } from './builtins/index.js';
import type { StrategyRegistry } from './registry.js';
import { isRegistryLike, suggest } from './registry.js';
import { worldIssue } from '../engine/world-check.js';
import { unknownOptionIssues } from '../model/options.js';
import { everyMember } from '../model/members.js';

/**
 * Options of {@link simulate}.
 *
 * @example
 * ```ts
 * const options: SimulateOptions = { seed: 1, rounds: 12, strategies: { CN: 'dove' }, log: false };
 * simulate(scenario.spec, options).metrics.length; // 12
 * ```
 */
export interface SimulateOptions extends Omit<RunRoundsOptions, 'rounds'> {
  /** Master seed. Required when starting from a spec; must match when starting from a world. */
  readonly seed?: string | number;
  /** Rounds to play: a whole number from 0 to `MAX_ROUNDS` (100,000); continue the world for more. */
  readonly rounds: number;
  /** Strategy per actor (an object, or a registered name), overriding the spec's. */
  readonly strategies?: Readonly<Record<ActorId, Strategy | string>>;
  /** Where names are looked up (default: the built-ins). */
  readonly registry?: StrategyRegistry;
}

/**
 * The names {@link simulate} accepts in its options: every field of {@link SimulateOptions}
 * (`everyMember` fails typecheck when the list and the type drift apart; the engine's internal
 * flag is a symbol, which no name check sees).
 */
const SIMULATE_OPTIONS = everyMember<keyof SimulateOptions & string>()(['seed', 'rounds', 'strategies', 'registry', 'log', 'onRound', 'onInvalidAction', 'onStrategyError']);

/**
 * Run a simulation: build the world from a spec (or continue a world), resolve every actor's
 * strategy, and play `rounds` rounds. Returns the final world, the event log and per-round metrics.
 *
 * Continuing a world — `simulate(run.world, { rounds })`, or a world brought back by `restore` —
 * gives exactly the run that playing all the rounds at once gives. The world records each actor's
 * strategy (see `Actor.strategyParams`): a name is looked up in the registry again (pass the same
 * `registry` you started with), a built-in given as an object (`random({ rate: 0.9 })`, or a
 * scenario's `{ name, params }`) is rebuilt with its parameters, and a strategy made with
 * `defineStrategy` — which a world cannot rebuild — must be passed again in `strategies` (or be
 * registered under its name in the `registry` you pass): otherwise a {@link ConfigError} says so,
 * rather than another strategy playing in its place. `strategies` given here are recorded in the
 * run's worlds, so a world continued from them keeps playing them.
 *
 * `options` is required (there is no default number of rounds); a missing or malformed one, an
 * option name it does not know (`onInvalidActon` for `onInvalidAction`: each is named, with a
 * "did you mean"), or a `start` that is neither a spec nor a world, is a {@link ConfigError}.
 *
 * @example
 * ```ts
 * import { simulate } from 'detente';
 * const run = simulate(
 *   { actors: [{ id: 'US', strategy: 'tit-for-tat' }, { id: 'CN', strategy: 'hawk' }] },
 *   { seed: 1, rounds: 12 },
 * );
 * console.log(run.metrics.at(-1)?.peakRung);
 * const more = simulate(run.world, { rounds: 12 }); // the same as one run of 24 rounds
 * ```
 */
export function simulate(start: WorldSpec | World, options: SimulateOptions): Run {
  const { world, strategies } = prepareRun(start, options);
  const { seed: _seed, strategies: _s, registry: _r, ...rest } = options;
  return runRounds(world, strategies, rest);
}

/**
 * What {@link prepareRun} takes: the options of {@link simulate} that say which world and which
 * strategies, none of those that say how to play.
 */
export type PrepareRunOptions = Pick<SimulateOptions, 'seed' | 'strategies' | 'registry'>;

/**
 * Internal (not exported from the package): everything {@link simulate} does before it plays —
 * check `options`, build the world from a spec (or check the world to continue), resolve every
 * actor's strategy — so that a caller can play the same world with the same strategies another
 * way (`runOne`: `runRounds` with a tally, or the flat path of src/engine/flat). Returns the world
 * that records the strategies (see Actor.strategyParams) and the strategy of every actor.
 *
 * `simulate` passes its whole options here, so they are checked against every name simulate
 * takes (`rounds`, `log`, …) whoever calls: the errors are simulate's own, thrown in the same
 * order, with the same issues and paths. `rounds` and the play policies are checked by
 * `runRounds`, as before.
 *
 * @example
 * ```ts
 * const { world, strategies } = prepareRun(scenario.spec, { seed: 1 });
 * runRounds(world, strategies, { rounds: 12 }); // the run simulate(scenario.spec, { seed: 1, rounds: 12 }) plays
 * ```
 */
export function prepareRun(start: WorldSpec | World, options: PrepareRunOptions): { readonly world: World; readonly strategies: StrategyAssignment } {
  checkOptions(start, options);
  const continuing = isWorld(start);
  const world = continuing ? continueWorld(start, options.seed) : createWorld(start, { seed: options.seed as string | number });
  return resolveStrategies(world, continuing ? undefined : start, options.strategies, options.registry);
}

/** The names {@link fork} accepts in its options, and in its intervention. */
const FORK_OPTIONS = everyMember<keyof (ForkOptions & { readonly registry?: StrategyRegistry }) & string>()(['rounds', 'registry']);
const INTERVENTION_FIELDS = everyMember<keyof Intervention & string>()(['injects', 'strategies', 'mechanisms']);

/**
 * Re-run a finished run from round `round` with an intervention (see {@link Intervention}); with
 * none, the fork reproduces the run exactly. Strategy names in the intervention are resolved
 * like {@link simulate}'s. The fork's last world records the strategies that play in it (the
 * intervention's included), so `simulate(forked.world, { rounds })` continues with them; its
 * `initial` world keeps the strategies the run started with. A name that neither the intervention
 * nor the options know (`inject`, `round`) is a {@link ConfigError} naming it, with a "did you mean".
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
  const shape = forkArgumentIssues(intervention, options);
  // A misspelt name (`round` for `rounds`, `inject` for `injects`) was dropped: the fork ran
  // without what it named.
  if (isRecord(options)) shape.push(...unknownOptionIssues(options, FORK_OPTIONS));
  if (isRecord(intervention)) shape.push(...unknownOptionIssues(intervention, INTERVENTION_FIELDS, 'intervention'));
  if (shape.length > 0) throw new ConfigError(shape, 'fork');
  const registry = options.registry ?? defaultRegistry();
  const strategies: Record<string, Strategy> = {};
  const issues: ConfigIssue[] = [];
  for (const [id, s] of Object.entries(intervention.strategies ?? {})) {
    const resolved = resolveOne(s, registry, `intervention.strategies.${id}`, issues);
    if (resolved) strategies[id] = resolved;
  }
  if (issues.length > 0) throw new ConfigError(issues, 'fork');
  const { strategies: _s, ...rest } = intervention;
  const forked = forkRun(run, round, joined(rest, { strategies }), options.rounds === undefined ? {} : { rounds: options.rounds });
  // The fork's last world records who plays now — the run's strategies, then the intervention's —
  // so that continuing it plays them (its initial world keeps those the run started with).
  const source = new Map(run.world.actors.map((a) => [a.id, a] as const));
  let changed = false;
  const actors = forked.world.actors.map((a) => {
    const now = strategies[a.id];
    const next = now !== undefined ? recording(a, now, typeof intervention.strategies?.[a.id] === 'string') : withRecordOf(a, source.get(a.id));
    if (next !== a) changed = true;
    return next;
  });
  return changed ? Object.freeze(joined(forked, { world: deepFreeze(worldWith(forked.world, { actors })) })) : forked;
}

/** `actor` with the strategy record of `from` (the same actor in another world), or itself when they agree. */
function withRecordOf(actor: Actor, from: Actor | undefined): Actor {
  if (from === undefined || (from.strategy === actor.strategy && JSON.stringify(from.strategyParams) === JSON.stringify(actor.strategyParams))) return actor;
  return actorPlaying(actor, from.strategy, from.strategyParams);
}

let registryCache: StrategyRegistry | undefined;
function defaultRegistry(): StrategyRegistry {
  registryCache ??= createRegistry();
  return registryCache;
}

function isWorld(x: WorldSpec | World): x is World {
  return (x as World).version === 1 && (x as World).dyads !== undefined;
}

/** What `simulate` needs before it reads anything: an options object, and a spec or a world. */
function checkOptions(start: unknown, options: unknown): void {
  const issues: ConfigIssue[] = [];
  if (!isRecord(start)) {
    issues.push({ path: 'start', expected: 'a world spec ({ actors: [...] }) or a world to continue', received: describe(start) });
  } else if ((start.version !== undefined && (start.dyads !== undefined || start.welfare !== undefined || start.rng !== undefined)) || ('world' in start && 'log' in start)) {
    // Not a spec (a spec has none of a world's tables): a world, or what is mistaken for one (a
    // run, a saved snapshot), told apart by worldIssue.
    const notWorld = worldIssue(start, 'start');
    if (notWorld !== undefined) issues.push(notWorld);
  }
  if (!isRecord(options)) {
    issues.push({ path: 'options', expected: 'an options object: { rounds } to continue a world, { seed, rounds } to start from a spec', received: describe(options) });
  } else {
    const o = options as Record<string, unknown>;
    // Once per call, over the few keys of the object: a misspelt policy ran with the default.
    issues.push(...unknownOptionIssues(o, SIMULATE_OPTIONS));
    if (o.strategies !== undefined && !isRecord(o.strategies)) {
      issues.push({ path: 'strategies', expected: 'an object of strategies (or registered names) by actor id', received: describe(o.strategies) });
    }
    if (o.registry !== undefined && !isRegistryLike(o.registry)) {
      issues.push({ path: 'registry', expected: 'a StrategyRegistry (createRegistry())', received: describe(o.registry) });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
}

function continueWorld(world: World, seed: string | number | undefined): World {
  if (seed !== undefined && String(seed) !== world.seed) {
    throw new ConfigError([{ path: 'seed', expected: `the world's own seed '${world.seed}' (or none)`, received: String(seed) }]);
  }
  return world;
}

/**
 * Every actor's strategy, and the world recording the ones `overrides` gave (see Actor.strategyParams):
 * an override first, then the spec's strategy object, then what the world recorded.
 */
function resolveStrategies(
  world: World,
  spec: WorldSpec | undefined,
  overrides: Readonly<Record<ActorId, Strategy | string>> | undefined,
  given: StrategyRegistry | undefined,
): { strategies: StrategyAssignment; world: World } {
  const registry = given ?? defaultRegistry();
  const issues: ConfigIssue[] = [];
  const fromSpec = new Map<string, Strategy>();
  for (const a of spec?.actors ?? []) if (a && typeof a.strategy === 'object') fromSpec.set(a.id, a.strategy);
  const out: Record<string, Strategy> = {};
  for (const id of Object.keys(overrides ?? {})) {
    if (!world.actors.some((a) => a.id === id)) issues.push({ path: `strategies.${id}`, expected: 'a declared actor id', received: id });
  }
  let actors: Actor[] | undefined;
  world.actors.forEach((actor, i) => {
    const override = overrides?.[actor.id];
    if (override !== undefined) {
      const resolved = resolveOne(override, registry, `strategies.${actor.id}`, issues);
      if (!resolved) return;
      out[actor.id] = resolved;
      actors ??= [...world.actors];
      actors[i] = recording(actor, resolved, typeof override === 'string');
      return;
    }
    const object = fromSpec.get(actor.id);
    if (object) {
      out[actor.id] = resolveOne(object, registry, specPath(spec, actor.id, i), issues) ?? object;
      return;
    }
    // Paths point into what the user wrote: the spec's declaration order, or the world's actors.
    const path = spec ? specPath(spec, actor.id, i) : `actors[${i}].strategy`;
    const resolved = recorded(actor, registry, given !== undefined, path, issues);
    if (resolved) out[actor.id] = resolved;
  });
  if (issues.length > 0) throw new ConfigError(issues);
  const recordedWorld = actors === undefined ? world : deepFreeze(worldWith(world, { actors }));
  return { strategies: Object.freeze(out), world: recordedWorld };
}

function specPath(spec: WorldSpec | undefined, id: string, i: number): string {
  const declared = spec ? spec.actors.findIndex((a) => a?.id === id) : -1;
  return `actors[${declared >= 0 ? declared : i}].strategy`;
}

/** The strategy a world recorded for an actor (see Actor.strategyParams), or an issue. */
function recorded(actor: Actor, registry: StrategyRegistry, registryGiven: boolean, path: string, issues: ConfigIssue[]): Strategy | undefined {
  const params = actor.strategyParams;
  if (params === null && !(registryGiven && registry.has(actor.strategy))) {
    issues.push({
      path: `strategies.${actor.id}`,
      expected: `the strategy object '${actor.strategy}' this world was played with: a world cannot rebuild a strategy made with defineStrategy, so pass it again (options.strategies), or a registry holding it under that name (options.registry)`,
      received: 'nothing',
    });
    return undefined;
  }
  if (params === undefined || params === null) return resolveOne(actor.strategy, registry, path, issues);
  if (!registry.has(actor.strategy)) return resolveOne(actor.strategy, registry, path, issues);
  try {
    return registry.get(actor.strategy, params);
  } catch (e) {
    issues.push({ path: `${path}.params`, expected: `parameters strategy '${actor.strategy}' takes`, received: e instanceof Error ? e.message : String(e) });
    return undefined;
  }
}

/** `actor` now played by `strategy`, recorded so that a world continued from here plays it too. */
function recording(actor: Actor, strategy: Strategy, byName: boolean): Actor {
  if (byName) return actorPlaying(actor, strategy.name, undefined);
  const params = strategy.params;
  return actorPlaying(actor, strategy.name, params !== undefined && isStrategyParams(params) ? params : null);
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
