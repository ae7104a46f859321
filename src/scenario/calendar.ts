import type { Calendar } from './format.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The date a round stands for, as a short label: `'Sep 2015'` (months), `'2015 Q3'` (quarters),
 * `'2015-03-02'` (days and weeks), `'2016'` (years); `'round 7'` when the scenario has no start date.
 * Pure date arithmetic in UTC, so labels are the same on every machine.
 *
 * @example
 * ```ts
 * roundDate({ unit: 'month', start: '2013-06' }, 27); // 'Sep 2015'
 * ```
 */
export function roundDate(calendar: Calendar | undefined, round: number): string {
  if (!calendar?.start) return `round ${round}`;
  const [y = 0, m = 1, d = 1] = calendar.start.split('-').map(Number);
  switch (calendar.unit) {
    case 'year':
      return String(y + round);
    case 'quarter': {
      const q0 = Math.floor((m - 1) / 3) + round;
      return `${y + Math.floor(q0 / 4)} Q${(q0 % 4) + 1}`;
    }
    case 'month': {
      const m0 = m - 1 + round;
      return `${MONTHS[m0 % 12]} ${y + Math.floor(m0 / 12)}`;
    }
    case 'week':
    case 'day': {
      const days = calendar.unit === 'week' ? 7 * round : round;
      const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
      return t.toISOString().slice(0, 10);
    }
  }
}

/**
 * A round's heading for stories: `'Round 27 (Sep 2015)'`, or `'Round 27'` without a calendar.
 *
 * @example
 * ```ts
 * roundHeading({ unit: 'month', start: '2013-06' }, 0); // 'Round 0 (Jun 2013)'
 * ```
 */
export function roundHeading(calendar: Calendar | undefined, round: number): string {
  return calendar?.start ? `Round ${round} (${roundDate(calendar, round)})` : `Round ${round}`;
}
