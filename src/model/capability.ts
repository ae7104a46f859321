/**
 * Cyber capabilities of an actor, each in [0, 1].
 *
 * - `espionage`: ability to run intelligence operations.
 * - `offense`: ability to disrupt or degrade systems.
 * - `defense`: ability to make operations against it fail.
 * - `attribution`: forensic capacity to detect and identify intrusions.
 * - `stealth`: ability to avoid being detected and identified.
 *
 * @example
 * ```ts
 * const cn: Capabilities = { espionage: 0.8, offense: 0.6, defense: 0.5, attribution: 0.5, stealth: 0.6 };
 * ```
 */
export interface Capabilities {
  readonly espionage: number;
  readonly offense: number;
  readonly defense: number;
  readonly attribution: number;
  readonly stealth: number;
}

/** The capability keys in canonical order. @example `CAPABILITY_KEYS.includes('stealth') // true` */
export const CAPABILITY_KEYS = ['espionage', 'offense', 'defense', 'attribution', 'stealth'] as const;

/** One capability name. @example `const k: CapabilityKey = 'attribution';` */
export type CapabilityKey = (typeof CAPABILITY_KEYS)[number];

/**
 * Clamp a number into [0, 1]; NaN becomes 0 so a bad coefficient can never leak NaN into the world.
 *
 * @example
 * ```ts
 * clamp01(1.4); // 1
 * clamp01(NaN); // 0
 * ```
 */
export function clamp01(x: number): number {
  if (!(x > 0)) return 0;
  return x > 1 ? 1 : x;
}
