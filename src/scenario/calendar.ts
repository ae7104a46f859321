import { ConfigError } from '../engine/errors.js';
import { describe } from '../model/mechanisms.js';
import type { Calendar } from './format.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UNITS: readonly Calendar['unit'][] = ['day', 'week', 'month', 'quarter', 'year'];
const START = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The last year a scenario file's calendar may reach: its dates are written with four digits, so a
 * scenario whose rounds run past 9999-12-31 is refused when it is read (see {@link lastCalendarRound}).
 */
export const LAST_CALENDAR_YEAR = 9999;

/** A day of the proleptic Gregorian calendar (year 0 is 1 BC, as in ISO 8601). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The date a calendar start (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) names, or the reason it names
 * none: a malformed text, a month outside 1–12, or a day its month does not have (`2015-02-30`,
 * `2015-02-29`). A missing month or day is the first one.
 *
 * @example
 * ```ts
 * parseCalendarStart('2016-02-29'); // { date: { year: 2016, month: 2, day: 29 } }
 * parseCalendarStart('2015-02-29'); // { problem: 'February 2015 has 28 days' }
 * ```
 */
export function parseCalendarStart(start: string): { readonly date: CalendarDate } | { readonly problem: string } {
  const m = START.exec(start);
  if (!m) return { problem: 'not a date YYYY, YYYY-MM or YYYY-MM-DD' };
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return { problem: `there is no month ${m[2] ?? month}` };
  if (day < 1) return { problem: `there is no day ${m[3] ?? day}` };
  const last = daysInMonth(year, month);
  if (day > last) return { problem: `${MONTH_NAMES[month - 1] ?? ''} ${m[1] ?? year} has ${last} days` };
  return { date: { year, month, day } };
}

/**
 * The last round a calendar can date with a four-digit year (at most 9999-12-31); `Infinity`
 * without a start. Scenario files are refused when their last round goes beyond it; a caller that
 * runs longer than the file says (the command line's `--rounds`) can check its round count here.
 *
 * @example
 * ```ts
 * lastCalendarRound({ unit: 'year', start: '9990' }); // 9: round 9 is 9999
 * lastCalendarRound({ unit: 'day', start: '9999-12-31' }); // 0
 * ```
 */
export function lastCalendarRound(calendar: Calendar | undefined): number {
  if (!calendar?.start) return Infinity;
  const { year, month, day } = startOf(calendar.start);
  switch (calendar.unit) {
    case 'year':
      return LAST_CALENDAR_YEAR - year;
    case 'quarter':
      return (LAST_CALENDAR_YEAR - year) * 4 + 3 - Math.floor((month - 1) / 3);
    case 'month':
      return (LAST_CALENDAR_YEAR - year) * 12 + 12 - month;
    case 'week':
    case 'day': {
      const days = daysFromCivil(LAST_CALENDAR_YEAR, 12, 31) - daysFromCivil(year, month, day);
      return calendar.unit === 'week' ? Math.floor(days / 7) : days;
    }
    default:
      throw badUnit(calendar.unit);
  }
}

/**
 * The date a round stands for, as a short label: `'Sep 2015'` (months), `'2015 Q3'` (quarters),
 * `'2015-03-02'` (days and weeks), `'2016'` (years); `'round 7'` when the scenario has no start date.
 * Pure date arithmetic (proleptic Gregorian, no time zone), so labels are the same on every machine.
 * Years have at least four digits (`'0050-03-01'`); a run made longer than its scenario (the command
 * line's `--rounds`) may go past 9999 and its years then take five (`'10000-01-01'`). Throws a
 * {@link ConfigError} for a start that is not a date that exists, an unknown unit, or a round that
 * is not a whole number ≥ 0.
 *
 * @example
 * ```ts
 * roundDate({ unit: 'month', start: '2013-06' }, 27); // 'Sep 2015'
 * ```
 */
export function roundDate(calendar: Calendar | undefined, round: number): string {
  if (!calendar?.start) return `round ${round}`;
  const { year, month, day } = startOf(calendar.start);
  if (!(Number.isInteger(round) && round >= 0)) throw new ConfigError([{ path: 'round', expected: 'a whole number ≥ 0', received: describe(round) }]);
  switch (calendar.unit) {
    case 'year':
      return yyyy(year + round);
    case 'quarter': {
      const q0 = Math.floor((month - 1) / 3) + round;
      return `${yyyy(year + Math.floor(q0 / 4))} Q${(q0 % 4) + 1}`;
    }
    case 'month': {
      const m0 = month - 1 + round;
      return `${MONTHS[m0 % 12] ?? ''} ${yyyy(year + Math.floor(m0 / 12))}`;
    }
    case 'week':
    case 'day': {
      const t = civilFromDays(daysFromCivil(year, month, day) + (calendar.unit === 'week' ? 7 * round : round));
      return `${yyyy(t.year)}-${two(t.month)}-${two(t.day)}`;
    }
    default:
      throw badUnit(calendar.unit);
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

function startOf(start: string): CalendarDate {
  const parsed = typeof start === 'string' ? parseCalendarStart(start) : { problem: 'not a text' };
  if ('problem' in parsed) {
    throw new ConfigError([{ path: 'calendar.start', expected: 'a date that exists: YYYY, YYYY-MM or YYYY-MM-DD', received: `${describe(start)} (${parsed.problem})` }]);
  }
  return parsed.date;
}

function badUnit(unit: unknown): ConfigError {
  return new ConfigError([{ path: 'calendar.unit', expected: UNITS.join(' | '), received: describe(unit) }]);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 of a proleptic Gregorian date and back (H. Hinnant's civil algorithms):
// integer arithmetic only, so no Date and none of its two-digit-year (Date.UTC(50, …) is 1950)
// or six-digit ISO year (+010000) surprises.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): CalendarDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const yyyy = (year: number): string => String(year).padStart(4, '0');
const two = (n: number): string => String(n).padStart(2, '0');
