import type { ActorView, Strategy, StrategyMeta } from '../engine/contract.js';
import type { Rng } from '../engine/rng.js';
import type { DiplomacyAction, OperateAction, Request, Response } from '../model/action.js';
import { isStrategyParams } from '../model/actor.js';
import { describe } from '../model/mechanisms.js';
import { everyMember } from '../model/members.js';
import { clip } from '../model/quote.js';
import { showControlCharacters } from '../model/control-characters.js';
import { copied } from '../model/record.js';
import { misspeltKey, suggest } from '../model/suggest.js';

/**
 * What `defineStrategy` takes: a name, metadata, and any of the three decision functions (the
 * missing ones do nothing: no operations, no diplomacy, requests left unanswered). The functions
 * are called with the definition as `this`, so it may carry helpers of their own under other keys;
 * a key that is a near miss of one of these that the definition lacks (`respnd` without `respond`)
 * is refused instead.
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
const DEFINITION_KEYS = everyMember<keyof StrategyDefinition>()(['name', 'meta', 'params', 'operate', 'diplomacy', 'respond']);
const META_FLAGS = ['stochastic', 'retaliatory', 'forgiving', 'attributionSensitive'] as const;
const META_OPTIONAL_FLAGS = ['aggressive', 'normEntrepreneur'] as const;
const META_KEYS = everyMember<keyof StrategyMeta>()([...META_FLAGS, ...META_OPTIONAL_FLAGS, 'description']);

/**
 * Define a strategy. Checks the definition and fills in missing decision functions. Throws a
 * `TypeError` naming the field for a bad name, a `meta` flag that is not `true` or `false`, a
 * `meta.description` that is not a text, a key `meta` does not have (`meta.agressive`, with a
 * "did you mean"), a decision function that is not a function, `params` that are not finite
 * numbers, or a misspelt key of the definition (`respnd`, when there is no `respond`). Other keys
 * are kept: the decision functions are called with the definition as `this`, helpers and all.
 *
 * @example
 * ```ts
 * import { defineStrategy, type StrategyDefinition } from 'detente';
 * const wary = defineStrategy({
 *   name: 'wary',
 *   meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true },
 *   diplomacy: (view) =>
 *     view.incidents
 *       .filter((i) => i.round === view.round && i.suspect !== null && i.confidence >= 0.9)
 *       .map((i) => ({ type: 'accuse', target: i.suspect!, incident: i.id, public: false })),
 *   respond: () => ({ type: 'deny' }),
 * });
 * defineStrategy({ name: 'mute', meta: wary.meta, respnd: () => ({ type: 'deny' }) } as StrategyDefinition);
 * // TypeError: strategy 'mute': unknown key 'respnd'; did you mean 'respond'? (…)
 * ```
 */
export function defineStrategy(def: StrategyDefinition): Strategy {
  if (!def || typeof def !== 'object') throw new TypeError('defineStrategy needs a definition object');
  // Before the name and meta checks: a misspelt `nmae` is better named than reported missing.
  // A near miss of a key the definition lacks (`respnd` with no `respond`) would leave the
  // strategy ignoring what it meant to handle; other keys are the methods' helpers (`this`).
  const misspelt = misspeltKey(def as unknown as Readonly<Record<string, unknown>>, DEFINITION_KEYS);
  if (misspelt !== undefined) {
    const who = typeof def.name === 'string' && NAME.test(def.name) ? `strategy '${def.name}'` : 'defineStrategy';
    throw new TypeError(`${who}: unknown key '${misspelt.key}'; did you mean '${misspelt.near}'? (a key that resembles none of ${DEFINITION_KEYS.join(', ')} is kept, for the methods' \`this\`)`);
  }
  if (typeof def.name !== 'string' || !NAME.test(def.name)) {
    throw new TypeError(`strategy name must be lower-case letters, digits and dashes (e.g. 'tit-for-tat'); got ${describe(def.name)}`);
  }
  const meta = def.meta;
  if (!meta || typeof meta !== 'object') throw new TypeError(`strategy '${def.name}' needs meta: { stochastic, retaliatory, forgiving, attributionSensitive }`);
  const problem = metaProblem(meta as unknown as Readonly<Record<string, unknown>>);
  if (problem !== undefined) throw new TypeError(`strategy '${def.name}': ${problem}`);
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

/**
 * What is wrong with a strategy's `meta`, said from `meta.` on (`meta.agressive is not a meta
 * field; did you mean 'aggressive'? …`), or undefined. Shared by defineStrategy and the loader of
 * strategy modules, which takes strategy objects made without it. Meta is plain data that nothing
 * calls with a `this`, so any key StrategyMeta does not have is a mistake (a misspelt `aggressive`
 * left the flag unset without a word).
 */
export function metaProblem(meta: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of Object.keys(meta)) {
    if ((META_KEYS as readonly string[]).includes(key)) continue;
    const near = suggest(key, META_KEYS);
    return `meta.${clip(showControlCharacters(key))} is not a meta field${near !== undefined ? `; did you mean '${near}'?` : ''} (meta fields: ${META_KEYS.join(', ')})`;
  }
  // Every missing flag at once: a strategy written by hand often lacks several.
  const flags = META_FLAGS.filter((key) => typeof meta[key] !== 'boolean');
  if (flags.length > 0) return `meta.${flags.join(', meta.')} must be true or false`;
  for (const key of META_OPTIONAL_FLAGS) if (meta[key] !== undefined && typeof meta[key] !== 'boolean') return `meta.${key} must be true or false`;
  if (meta.description !== undefined && typeof meta.description !== 'string') return `meta.description must be a text, got ${describe(meta.description)}`;
  return undefined;
}

const NONE_OPS: readonly OperateAction[] = Object.freeze([]);
const NONE_DIPLOMACY: readonly DiplomacyAction[] = Object.freeze([]);
const IGNORE: Response = Object.freeze({ type: 'ignore' });
