import type { ActorView, Strategy, StrategyMeta } from '../engine/contract.js';
import type { Rng } from '../engine/rng.js';
import type { DiplomacyAction, OperateAction, Request, Response } from '../model/action.js';
import { isStrategyParams } from '../model/actor.js';
import { describe } from '../model/mechanisms.js';
import { copied } from '../model/record.js';

/**
 * What `defineStrategy` takes: a name, metadata, and any of the three decision functions (the
 * missing ones do nothing: no operations, no diplomacy, requests left unanswered).
 *
 * @example
 * ```ts
 * const definition: StrategyDefinition = {
 *   name: 'norm-keeper',
 *   meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false, normEntrepreneur: true },
 *   diplomacy: () => [{ type: 'adopt-norm', norm: 'gge15.f' }],
 * };
 * const keeper = defineStrategy(definition); // no operations; requests left unanswered
 * ```
 */
export interface StrategyDefinition {
  readonly name: string;
  readonly meta: StrategyMeta;
  /**
   * The parameters this strategy was built with, when it is made by a factory you register
   * (`registry.register(factory)`) and `registry.get(name, params)` rebuilds it from them: a world
   * records them, so `simulate(world, { rounds, registry })` plays the same strategy again. Leave
   * them out for a one-off strategy: a world continued without it then asks for it to be passed again.
   */
  readonly params?: Readonly<Record<string, number>>;
  operate?(view: ActorView, rng: Rng): readonly OperateAction[];
  diplomacy?(view: ActorView, rng: Rng): readonly DiplomacyAction[];
  respond?(request: Request, view: ActorView, rng: Rng): Response;
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Define a strategy. Checks the definition and fills in missing decision functions.
 *
 * @example
 * ```ts
 * import { defineStrategy } from 'detente';
 * const wary = defineStrategy({
 *   name: 'wary',
 *   meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true },
 *   diplomacy: (view) =>
 *     view.incidents
 *       .filter((i) => i.round === view.round && i.suspect !== null && i.confidence >= 0.9)
 *       .map((i) => ({ type: 'accuse', target: i.suspect!, incident: i.id, public: false })),
 *   respond: () => ({ type: 'deny' }),
 * });
 * ```
 */
export function defineStrategy(def: StrategyDefinition): Strategy {
  if (!def || typeof def !== 'object') throw new TypeError('defineStrategy needs a definition object');
  if (typeof def.name !== 'string' || !NAME.test(def.name)) {
    throw new TypeError(`strategy name must be lower-case letters, digits and dashes (e.g. 'tit-for-tat'); got ${describe(def.name)}`);
  }
  const meta = def.meta;
  if (!meta || typeof meta !== 'object') throw new TypeError(`strategy '${def.name}' needs meta: { stochastic, retaliatory, forgiving, attributionSensitive }`);
  for (const key of ['stochastic', 'retaliatory', 'forgiving', 'attributionSensitive'] as const) {
    if (typeof meta[key] !== 'boolean') throw new TypeError(`strategy '${def.name}': meta.${key} must be true or false`);
  }
  for (const key of ['operate', 'diplomacy', 'respond'] as const) {
    if (def[key] !== undefined && typeof def[key] !== 'function') throw new TypeError(`strategy '${def.name}': ${key} must be a function`);
  }
  if (def.params !== undefined && !isStrategyParams(def.params)) {
    throw new TypeError(`strategy '${def.name}': params must be a plain object of finite numbers (e.g. { threshold: 0.7 })`);
  }
  const operate = def.operate;
  const diplomacy = def.diplomacy;
  const respond = def.respond;
  return Object.freeze({
    name: def.name,
    meta: Object.freeze(copied(meta)),
    ...(def.params !== undefined ? { params: Object.freeze(Object.fromEntries(Object.entries(def.params))) } : {}),
    operate: operate ? (view: ActorView, rng: Rng) => operate.call(def, view, rng) : () => NONE_OPS,
    diplomacy: diplomacy ? (view: ActorView, rng: Rng) => diplomacy.call(def, view, rng) : () => NONE_DIPLOMACY,
    respond: respond ? (request: Request, view: ActorView, rng: Rng) => respond.call(def, request, view, rng) : () => IGNORE,
  });
}

const NONE_OPS: readonly OperateAction[] = Object.freeze([]);
const NONE_DIPLOMACY: readonly DiplomacyAction[] = Object.freeze([]);
const IGNORE: Response = Object.freeze({ type: 'ignore' });
