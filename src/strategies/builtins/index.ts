import { StrategyRegistry } from '../registry.js';
import { deterrer, generousTitForTat, hawk, titForTat } from './reactive.js';
import { dove, passive, random } from './simple.js';
import { contractor } from './contractor.js';
import { cautious, deEscalator, grimTrigger, normEntrepreneur, pragmatist, spoiler } from './diplomatic.js';

export { cautious, deEscalator, grimTrigger, normEntrepreneur, pragmatist, spoiler } from './diplomatic.js';
export { deterrer, generousTitForTat, hawk, titForTat } from './reactive.js';
export { dove, passive, random } from './simple.js';
export { contractor } from './contractor.js';

/**
 * The factories of every built-in strategy, by registered name.
 *
 * @example
 * ```ts
 * BUILTIN_STRATEGIES['tit-for-tat']({ threshold: 0.8 });
 * ```
 */
export const BUILTIN_STRATEGIES = Object.freeze({
  passive,
  dove,
  hawk,
  'tit-for-tat': titForTat,
  'generous-tit-for-tat': generousTitForTat,
  deterrer,
  random,
  'norm-entrepreneur': normEntrepreneur,
  pragmatist,
  spoiler,
  'grim-trigger': grimTrigger,
  cautious,
  'de-escalator': deEscalator,
  contractor,
});

/**
 * A new registry holding every built-in strategy. Add your own with `register`.
 *
 * @example
 * ```ts
 * const registry = createRegistry().register(myStrategy);
 * ```
 */
export function createRegistry(): StrategyRegistry {
  const r = new StrategyRegistry();
  for (const factory of Object.values(BUILTIN_STRATEGIES)) r.register(factory);
  return r;
}
