/**
 * Beta-reputation trust (Jøsang & Ismail 2002): with positive evidence r and negative evidence s,
 * trust is the expected value (r + 1) / (r + s + 2) of a Beta(r + 1, s + 1). Always in (0, 1).
 *
 * @example
 * ```ts
 * betaTrust(0, 0); // 0.5 — no evidence either way
 * betaTrust(8, 0); // 0.9
 * ```
 */
export function betaTrust(r: number, s: number): number {
  return (r + 1) / (r + s + 2);
}

/**
 * Evidence counts (r, s) that give a chosen initial trust with a given weight of evidence
 * (r + s = weight). Used to seed dyads from scenario values.
 *
 * @example
 * ```ts
 * const { r, s } = evidenceForTrust(0.3, 4); // betaTrust(r, s) === 0.3
 * ```
 */
export function evidenceForTrust(trust: number, weight: number): { r: number; s: number } {
  // (r+1)/(w+2) = t  ⇒  r = t(w+2) − 1, clamped so that both counts stay non-negative.
  const t = Math.min(Math.max(trust, 1 / (weight + 2)), (weight + 1) / (weight + 2));
  const r = t * (weight + 2) - 1;
  return { r, s: weight - r };
}
