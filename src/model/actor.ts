import type { Capabilities } from './capability.js';
import type { ActorId } from './ids.js';

/**
 * What kind of actor this is. A `proxy` acts for a hidden sponsor state; a `criminal` group acts
 * for itself.
 */
export type ActorKind = 'state' | 'proxy' | 'criminal';

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
  /** Richardson reactivity k: how strongly this actor's tension answers the other's. */
  readonly reactivity: number;
  /** Richardson fatigue a: how fast this actor's tension relaxes on its own. */
  readonly fatigue: number;
}
