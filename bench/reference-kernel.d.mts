// Types of the reference kernel (bench/reference-kernel.mjs), for the equality test.
import type { DyadTable, Mechanisms, RoundMetrics, WorldSpec } from '../src/index.js';

export declare const KERNEL_STRATEGIES: readonly ['hawk', 'tit-for-tat', 'passive'];

export interface KernelRun {
  readonly metrics: RoundMetrics[];
  readonly dyads: DyadTable;
  readonly welfare: Float64Array;
}

export declare function referenceRun(spec: WorldSpec, options: { readonly seed: string | number; readonly rounds: number; readonly mechanisms: Mechanisms }): KernelRun;
