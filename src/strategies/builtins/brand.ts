import type { Strategy } from '../../engine/contract.js';
import type { BuiltinRef } from '../../engine/flat/types.js';
import type { StrategyAssignment } from '../../engine/step.js';
import type { World } from '../../model/world.js';
import { copied } from '../../model/record.js';

/**
 * Which strategy objects a built-in factory made, and with what parameters. Kept here, private,
 * rather than on the object: a user's strategy may reuse a built-in's name (`defineStrategy({ name:
 * 'hawk', … })`) and copy its `params`, so nothing a caller can write proves an object is the
 * built-in. Only the factories of this folder can add an entry; a copy, a wrapper or a proxy of a
 * built-in is another object and has none. Weak, so a brand lives exactly as long as its strategy,
 * and a WeakMap needs no write to the strategy, which defineStrategy freezes.
 */
const refs = new WeakMap<Strategy, BuiltinRef>();

/**
 * Internal: mark `strategy`, just made by a built-in factory from `params` (what `readParams`
 * returned: every parameter, defaults filled in), as that built-in. Returns the strategy itself.
 *
 * @example
 * ```ts
 * return branded(defineStrategy({ name: 'dove', params: p, meta, … }), 'dove', p);
 * ```
 */
export function branded(strategy: Strategy, name: string, params: Readonly<Record<string, number>>): Strategy {
  // A factory that branded its strategy under another name would send the flat path to the wrong
  // kernel: a mistake of ours, said at once rather than as a row that differs.
  if (strategy.name !== name) throw new Error(`internal: built-in '${name}' made a strategy named '${strategy.name}'`);
  // A frozen copy: the factory's own object stays the closure's, and no holder of a ref can change
  // the parameters the flat path will play.
  refs.set(strategy, Object.freeze({ name, params: Object.freeze(copied(params)) }));
  return strategy;
}

/**
 * Internal: the built-in `strategy` is, with its parameters, or undefined when no built-in
 * factory made this very object (a user's strategy, whatever its name).
 *
 * @example
 * ```ts
 * builtinRefOf(hawk({ accuseAt: 0.5 }))?.params.accuseAt; // 0.5
 * builtinRefOf(defineStrategy({ name: 'hawk', meta })); // undefined
 * ```
 */
export function builtinRefOf(strategy: Strategy): BuiltinRef | undefined {
  return refs.get(strategy);
}

/**
 * Internal: the built-in of each actor of `world`, in the order of `world.actors` (undefined for an
 * actor whose strategy no built-in factory made, or that has none in `strategies`).
 *
 * @example
 * ```ts
 * const { world, strategies } = prepareRun(spec, { seed: 1 });
 * const covered = builtinRefs(world, strategies).every((r) => r !== undefined);
 * ```
 */
export function builtinRefs(world: World, strategies: StrategyAssignment): (BuiltinRef | undefined)[] {
  return world.actors.map((a) => {
    const s = strategies[a.id];
    return s === undefined ? undefined : refs.get(s);
  });
}
