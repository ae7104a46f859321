import type { WorldSpec } from '../src/index.js';
export declare const KERNEL_MIX: readonly string[];
export declare function mixSpec(n: number, strategies?: readonly string[]): WorldSpec;
