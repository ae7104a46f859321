// Types of the us-china kernel (bench/us-china-kernel.mjs), for the equality test.
import type { ActorSpec, DyadTable, Mechanisms, RoundMetrics, StrategyRef, WorldSpec } from '../src/index.js';

export declare const US_CHINA_STRATEGIES: readonly ['deterrer', 'pragmatist', 'contractor'];

/** An actor as the kernel reads it: its strategy by name or `{ name, params }` (a strategy object hides its parameters). */
export type KernelActorSpec = Omit<ActorSpec, 'strategy'> & { readonly strategy?: StrategyRef | ActorSpec['strategy'] };

/** A world spec as the kernel reads it. */
export type KernelWorldSpec = Omit<WorldSpec, 'actors'> & { readonly actors: readonly KernelActorSpec[] };

export interface UsChinaKernelRun {
  readonly metrics: RoundMetrics[];
  readonly dyads: DyadTable;
  readonly welfare: Float64Array;
}

export declare function usChinaRun(spec: KernelWorldSpec, options: { readonly seed: string | number; readonly rounds: number; readonly mechanisms: Mechanisms }): UsChinaKernelRun;
