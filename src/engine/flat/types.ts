import type { RoundMetrics } from '../metrics.js';

/**
 * An actor's strategy as the flat path knows it: a built-in's registered name and the parameters
 * its factory accepted (defaults filled in, ranges checked by `readParams`). Only a strategy object
 * that a built-in factory made carries one (src/strategies/builtins/brand.ts): a user's strategy
 * may reuse a built-in's name, so the name alone proves nothing.
 */
export interface BuiltinRef {
  readonly name: string;
  readonly params: Readonly<Record<string, number>>;
}

/**
 * What an unobserved run leaves for its results row: every number `runOne` reads from a run of
 * the general path (src/experiments/row.ts), and nothing else. The two paths must give
 * byte-identical rows (tests/engine/flat).
 */
export interface FlatOutcome {
  /** Per-round metrics, equal to the general path's `run.metrics`. */
  readonly metrics: readonly RoundMetrics[];
  /** Actor ids in the world's order (sorted by id). */
  readonly ids: readonly string[];
  /** Highest rung each ordered pair reached (`world.dyads.peakRung` at the end; pair k = i · n + j). */
  readonly peakRung: Uint8Array;
  /** Accumulated welfare per actor at the end (`world.welfare`). */
  readonly welfare: Float64Array;
  /** Accusations made (`accusation.made` events). */
  readonly accusations: number;
  /** Of those, the ones naming the author or the principal of the operation behind the incident. */
  readonly accusationsRight: number;
  /** Agreements signed during the run (`agreement.signed` events; initial agreements are not). */
  readonly agreementsSigned: number;
  /** The round of the first agreement signed, or null. */
  readonly firstAgreementRound: number | null;
}
