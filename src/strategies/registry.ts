import type { Strategy, StrategyMeta } from '../engine/contract.js';
import { isStrategyParams } from '../model/actor.js';
import { describe } from '../model/mechanisms.js';
import { suggest } from '../model/suggest.js';

// `suggest` lives in the model (the engine's checks use it too, and may not import from here);
// re-exported, so that `suggest` stays part of the public API from this module.
export { suggest };

/**
 * Makes a strategy from optional parameters (e.g. a threshold).
 *
 * @example
 * ```ts
 * const meta: StrategyMeta = { stochastic: false, retaliatory: true, forgiving: false, attributionSensitive: true };
 * const wary: StrategyFactory = (params = {}) => defineStrategy({ name: 'wary', meta, params: { threshold: Number(params.threshold ?? 0.8) } });
 * createRegistry().register(wary).get('wary', { threshold: 0.9 }).params; // { threshold: 0.9 }
 * ```
 */
export type StrategyFactory = (params?: Readonly<Record<string, unknown>>) => Strategy;

/**
 * A registry entry: the factory plus its metadata, for listings.
 *
 * @example
 * ```ts
 * for (const s of createRegistry().list()) console.log(s.name, s.meta.description);
 * ```
 */
export interface RegisteredStrategy {
  readonly name: string;
  readonly meta: StrategyMeta;
  readonly create: StrategyFactory;
}

/**
 * Strategies by name, so scenario files and the command line can refer to them. Names are unique;
 * listing is sorted by name.
 *
 * @example
 * ```ts
 * const registry = createRegistry();            // the built-ins
 * registry.register(() => myStrategy);          // add your own
 * registry.get('tit-for-tat', { threshold: 0.7 });
 * ```
 */
export class StrategyRegistry {
  private readonly entries = new Map<string, RegisteredStrategy>();

  /** Add a strategy (a strategy object or a factory). Throws if the name is taken. */
  register(strategy: Strategy | StrategyFactory): this {
    const create: StrategyFactory = typeof strategy === 'function' ? strategy : () => strategy;
    const sample = create();
    if (this.entries.has(sample.name)) throw new Error(`a strategy named '${sample.name}' is already registered`);
    this.entries.set(sample.name, Object.freeze({ name: sample.name, meta: sample.meta, create }));
    return this;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The strategy of that name, built with `params`. Throws with a suggestion for unknown names.
   * A strategy built with parameters carries them (`strategy.params`), so a world that records it
   * can have it rebuilt the same way by this registry.
   */
  get(name: string, params?: Readonly<Record<string, unknown>>): Strategy {
    // Not a TypeError from the "did you mean" search below when a caller passes anything else.
    if (typeof name !== 'string') throw new Error(`a strategy name must be a text (e.g. 'tit-for-tat'), got ${describe(name)}`);
    const entry = this.entries.get(name);
    if (!entry) {
      const hint = suggest(name, this.names());
      throw new Error(`unknown strategy '${name}'${hint ? `; did you mean '${hint}'?` : ''} (known: ${this.names().join(', ')})`);
    }
    const made = entry.create(params);
    // A factory of the caller's that does not record its parameters: record them here, or a world
    // continued without the strategy could only get the factory's defaults back.
    if (params === undefined || made.params !== undefined || made.name !== name || !isStrategyParams(params)) return made;
    return withParams(made, params);
  }

  /** Registered names, sorted. */
  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Every entry, sorted by name. */
  list(): RegisteredStrategy[] {
    return this.names().map((n) => this.entries.get(n) as RegisteredStrategy);
  }
}

/** `strategy` delegated to, carrying `params` (a copy of any strategy object, methods on its prototype too). */
function withParams(strategy: Strategy, params: Readonly<Record<string, number>>): Strategy {
  return Object.freeze({
    name: strategy.name,
    meta: strategy.meta,
    params: Object.freeze(Object.fromEntries(Object.entries(params))),
    operate: (view, rng) => strategy.operate(view, rng),
    diplomacy: (view, rng) => strategy.diplomacy(view, rng),
    respond: (request, view, rng) => strategy.respond(request, view, rng),
  } satisfies Strategy);
}

/**
 * Whether `x` can serve as a strategy registry: an object with `has`, `get` and `names`, as
 * `StrategyRegistry` has (a registry from another copy of the package is one too, where
 * `instanceof` would fail). Options that take a registry check it with this before using it.
 *
 * @example
 * ```ts
 * isRegistryLike(createRegistry()); // true
 * ```
 */
export function isRegistryLike(x: unknown): x is StrategyRegistry {
  const r = x as Partial<Record<'has' | 'get' | 'names', unknown>> | null;
  return typeof r === 'object' && r !== null && typeof r.has === 'function' && typeof r.get === 'function' && typeof r.names === 'function';
}
