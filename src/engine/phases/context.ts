import type { SimEvent } from '../../model/event.js';
import type { Operation } from '../../model/operation.js';
import type { StreamSet } from '../rng.js';
import type { ViewMemo } from '../view.js';

/** What every phase of one round shares: its number, the run's random streams and the round's events so far. */
export interface RoundContext {
  readonly round: number;
  readonly streams: StreamSet;
  /** The run's incident and operation views, reused from phase to phase while their objects are the same. */
  readonly memo: ViewMemo;
  /** Events of this round, appended in canonical order. */
  readonly events: SimEvent[];
  /** Observed rounds: how many of `events` are already deep-frozen (they are only ever appended). */
  frozenEvents?: number;
  /**
   * Whether anyone but the engine's own loop will see this round's worlds and events (see
   * `UNOBSERVED` in round.ts). When true, every world is deep-frozen before a strategy is asked and
   * when the round ends, and so is every event. When false, only what a view can reach is frozen.
   */
  readonly observed: boolean;
  /** The operations of a list by id, kept while the list is the same (see `operationById`). */
  operationIndex?: { readonly list: readonly Operation[]; readonly byId: ReadonlyMap<string, Operation> };
}
