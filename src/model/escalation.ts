/**
 * The escalation ladder, L0 (background espionage) to L7 (open conflict, absorbing).
 *
 * @example
 * ```ts
 * RUNG_NAMES[RUNG.PUBLIC_ACCUSATION]; // 'L2 public accusation'
 * ```
 */
export const RUNG = Object.freeze({
  BACKGROUND: 0,
  PRIVATE_DEMARCHE: 1,
  PUBLIC_ACCUSATION: 2,
  FORMAL_ATTRIBUTION: 3,
  SANCTIONS: 4,
  DISRUPTIVE_RETALIATION: 5,
  INFRASTRUCTURE_ATTACK: 6,
  OPEN_CONFLICT: 7,
} as const);

/** A rung number, 0–7. @example `const r: Rung = 2;` */
export type Rung = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Human-readable rung labels, indexed by rung. @example `RUNG_NAMES[7] // 'L7 open conflict'` */
export const RUNG_NAMES: readonly string[] = Object.freeze([
  'L0 background espionage',
  'L1 private démarche or hotline query',
  'L2 public accusation',
  'L3 formal attribution with threat of sanctions',
  'L4 sanctions or indictments',
  'L5 disruptive retaliation',
  'L6 attack degrading critical infrastructure',
  'L7 open conflict',
]);

/** Short label `'L3'` of a rung. @example `rungLabel(3) // 'L3'` */
export function rungLabel(rung: number): string {
  return `L${rung}`;
}

/**
 * The next rung of a dyad: L7 is absorbing; a violent act (L5+) under a perceived escalation score
 * at or above `openConflictScore` opens conflict; otherwise the rung is the higher of the round's
 * highest act and the previous rung stepped down by `rungDecay` (at most 6), so a dyad falls at
 * most `rungDecay` rungs a round whatever it did.
 *
 * @example
 * ```ts
 * nextRung(2, 0, 10, { openConflictScore: 150, rungDecay: 1 }); // 1 (a quiet round)
 * nextRung(6, 3, 10, { openConflictScore: 150, rungDecay: 1 }); // 5 (a threat after a strike)
 * ```
 */
export function nextRung(
  previous: number,
  actRung: number,
  perceivedScore: number,
  p: { readonly openConflictScore: number; readonly rungDecay: number },
): Rung {
  if (previous >= RUNG.OPEN_CONFLICT) return 7;
  if (actRung >= RUNG.DISRUPTIVE_RETALIATION && perceivedScore >= p.openConflictScore) return 7;
  const decayed = Math.max(0, previous - Math.max(0, Math.floor(p.rungDecay)));
  const r = Math.max(actRung, decayed);
  return (r > 6 ? 6 : r) as Rung;
}
