import type { Capabilities } from './capability.js';
import type { ActorId } from './ids.js';
import { isRecord } from './mechanisms.js';
import { everyMember } from './members.js';

/**
 * What kind of actor this is. A `proxy` acts for a hidden sponsor state; a `criminal` group acts
 * for itself.
 *
 * @example
 * ```ts
 * const kind: ActorKind = 'proxy';
 * const states = run.world.actors.filter((a) => a.kind === 'state').map((a) => a.id);
 * ```
 */
export type ActorKind = 'state' | 'proxy' | 'criminal';

/** All actor kinds. @example `ACTOR_KINDS.includes('proxy') // true` */
export const ACTOR_KINDS: readonly ActorKind[] = everyMember<ActorKind>()(['state', 'proxy', 'criminal']);

/**
 * An actor as the engine stores it. `sponsor` is hidden truth: views show it only to the proxy
 * itself and to its sponsor.
 *
 * @example
 * ```ts
 * const proxy: Actor = {
 *   id: 'APT-X', name: 'APT-X', kind: 'proxy', sponsor: 'CN', strategy: 'passive',
 *   capabilities: { espionage: 0.6, offense: 0.4, defense: 0.2, attribution: 0.1, stealth: 0.7 },
 *   reactivity: 0.2, fatigue: 0.5,
 * };
 * ```
 */
export interface Actor {
  readonly id: ActorId;
  readonly name: string;
  readonly kind: ActorKind;
  /** Hidden sponsor state of a proxy; `null` for states and criminal groups. */
  readonly sponsor: ActorId | null;
  readonly capabilities: Capabilities;
  /** Name of the strategy that plays this actor (resolved by the run, not stored as code). */
  readonly strategy: string;
  /**
   * How a continued world gets this actor's strategy back when the caller does not pass it again
   * (`simulate(world, …)`, after `restore`):
   * - absent: by its name, from the registry (the strategy was given by name; worlds and
   *   snapshots made before this field continue this way too);
   * - an object: rebuilt from the registry with these parameters, `registry.get(strategy, strategyParams)`
   *   (a built-in, or any strategy that records its parameters, was given as an object);
   * - `null`: a strategy object the world cannot rebuild (made with `defineStrategy` without
   *   `params`): it must be passed again, or be found under its name in a registry the caller gives.
   */
  readonly strategyParams?: Readonly<Record<string, number>> | null;
  /** Richardson reactivity k: how strongly this actor's tension answers the other's. */
  readonly reactivity: number;
  /** Richardson fatigue a: how fast this actor's tension relaxes on its own. */
  readonly fatigue: number;
}

/**
 * An actor's record playing `strategy`, with its fields in the one order worlds use (so their JSON
 * compares) and the strategy's parameters copied: `undefined` leaves `strategyParams` out (the
 * strategy is found by name), `null` records a strategy the world cannot rebuild.
 *
 * @example
 * ```ts
 * const again = actorPlaying(actor, 'random', { rate: 0.9 }); // actor, now playing random({ rate: 0.9 })
 * ```
 */
export function actorPlaying(actor: Omit<Actor, 'strategy' | 'strategyParams'>, strategy: string, params: Readonly<Record<string, number>> | null | undefined): Actor {
  return {
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    sponsor: actor.sponsor,
    capabilities: actor.capabilities,
    strategy,
    ...(params === undefined ? {} : { strategyParams: params === null ? null : Object.fromEntries(Object.entries(params)) }),
    reactivity: actor.reactivity,
    fatigue: actor.fatigue,
  };
}

/**
 * Whether `value` is a set of strategy parameters a world can record: a plain object of finite
 * numbers (what built-in factories take, and what JSON keeps exactly).
 *
 * @example
 * ```ts
 * isStrategyParams({ rate: 0.9 }); // true
 * isStrategyParams({ rate: 'high' }); // false
 * ```
 */
export function isStrategyParams(value: unknown): value is Readonly<Record<string, number>> {
  if (!isRecord(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}
