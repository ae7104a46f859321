import { betaTrust, defineStrategy } from '../../src/index.js';
import type { ActorView, DiplomacyAction, MechanismOverrides, OperateAction, Request, Response, SimEvent, SimEventType, Strategy, World } from '../../src/index.js';

/** The fixed fast-check seed of these properties (override with FC_SEED to explore). */
export const FC_SEED = Number(process.env.FC_SEED ?? 424242);

/** No false alarms: example tests see only what they script. */
export const QUIET: MechanismOverrides = { falseAlarm: { rate: 0 } };

/**
 * A strategy from plain functions (missing ones do nothing / ignore), for scripting an actor.
 *
 * @example
 * ```ts
 * const a = scripted({ diplomacy: (v) => (v.round === 0 ? [{ type: 'propose-talks', target: 'B', terms }] : []) });
 * ```
 */
export function scripted(def: {
  name?: string;
  operate?: (view: ActorView) => OperateAction[];
  diplomacy?: (view: ActorView) => DiplomacyAction[];
  respond?: (request: Request, view: ActorView) => Response;
}): Strategy {
  return defineStrategy({
    name: def.name ?? 'scripted',
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
    ...(def.operate ? { operate: def.operate } : {}),
    ...(def.diplomacy ? { diplomacy: def.diplomacy } : {}),
    ...(def.respond ? { respond: def.respond } : {}),
  });
}

/** Answers every request of one kind the same way (and ignores the rest). */
export function answering(kind: Request['kind'], response: Response, name = 'answerer'): Strategy {
  return scripted({ name, respond: (r) => (r.kind === kind ? response : { type: 'ignore' }) });
}

/** Diplomacy actions by round. */
export function atRounds(plan: Readonly<Record<number, DiplomacyAction[]>>): (view: ActorView) => DiplomacyAction[] {
  return (view) => plan[view.round] ?? [];
}

type Narrow<E, T> = E extends { readonly type: infer U } ? (T extends U ? E & { readonly type: T } : never) : never;
/**
 * The event of a given type. Unlike the library's `EventOf`, it also narrows the members of the
 * union that share one shape between two types (`forum.adopted` / `forum.failed`), for which
 * `EventOf<'forum.adopted'>` is `never`.
 */
export type Ev<T extends SimEventType> = Narrow<SimEvent, T>;

/** The events of one type, optionally filtered. */
export function eventsOf<T extends SimEventType>(log: readonly SimEvent[], type: T, where: (e: Ev<T>) => boolean = () => true): Ev<T>[] {
  return log.filter((e): e is Ev<T> => e.type === type).filter(where);
}

/** Index of an actor in a world (actors sorted by id). */
export function at(world: World, id: string): number {
  const i = world.actors.findIndex((a) => a.id === id);
  if (i < 0) throw new Error(`no actor ${id}`);
  return i;
}

/** `from`'s trust in `to`. */
export function trustOf(world: World, from: string, to: string): number {
  const k = at(world, from) * world.dyads.n + at(world, to);
  return betaTrust(world.dyads.trustR[k] as number, world.dyads.trustS[k] as number);
}

/** The highest rung the dyad reached, in either direction. */
export function peakBetween(world: World, a: string, b: string): number {
  const n = world.dyads.n;
  return Math.max(world.dyads.peakRung[at(world, a) * n + at(world, b)] as number, world.dyads.peakRung[at(world, b) * n + at(world, a)] as number);
}

/** Welfare of an actor. */
export function welfareOf(world: World, id: string): number {
  return world.welfare[at(world, id)] as number;
}
