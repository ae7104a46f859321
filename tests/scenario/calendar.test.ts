import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseScenario, roundDate, roundHeading } from '../../src/index.js';
import type { Calendar } from '../../src/index.js';
import { lastCalendarRound, parseCalendarStart } from '../../src/scenario/calendar.js';
import { scenarioIssuesOf as issuesOf } from '../helpers/issues.js';

const actors = [{ id: 'A' }, { id: 'B' }];
const doc = (calendar: unknown, rounds = 3) => ({ name: 'dated', rounds, calendar, actors });

/** The ISO date `days` after `start` by JavaScript's own Date (correct for years 0–9999 when set with setUTCFullYear). */
function isoAfter(year: number, month: number, day: number, days: number): string {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day + days);
  return t.toISOString().slice(0, 10);
}

describe('calendar start dates', () => {
  it.each(['2015-02-30', '2015-02-31', '2015-02-29', '1900-02-29', '2015-04-31', '2015-06-31', '2015-09-31', '2015-11-31'])('refuses %s, a date that does not exist', (start) => {
    const issues = issuesOf(doc({ unit: 'day', start }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'calendar.start', expected: 'a date that exists: YYYY, YYYY-MM or YYYY-MM-DD' });
    expect(issues[0]?.received).toMatch(new RegExp(`^"${start}" \\(\\w+ \\d{4} has (28|29|30) days\\)$`));
  });

  it.each(['2016-02-29', '2000-02-29', '0000-02-29', '2015-01-31', '2015-12-31', '2015-04-30', '2015', '2015-06', '0050-03-01', '9999-12-31'])('accepts %s', (start) => {
    expect(parseScenario(doc({ unit: 'day', start }, 1)).calendar).toEqual({ unit: 'day', start });
  });

  it('names a month or day that no month has', () => {
    expect(parseCalendarStart('2015-13')).toEqual({ problem: 'there is no month 13' });
    expect(parseCalendarStart('2015-01-00')).toEqual({ problem: 'there is no day 00' });
    expect(issuesOf(doc({ unit: 'month', start: '2015-13' }))[0]).toMatchObject({ path: 'calendar.start', received: '"2015-13"' });
  });

  it('a year alone that YAML read as a number gets a hint to quote it', () => {
    const [issue, ...rest] = issuesOf('name: dated\nrounds: 3\ncalendar: { unit: year, start: 2015 }\nactors: [{ id: A }, { id: B }]\n');
    expect(rest).toHaveLength(0);
    expect(issue).toMatchObject({ path: 'calendar.start', received: '2015', hint: "write the year in quotes: start: '2015'" });
  });
});

describe('round dates', () => {
  it('years before 1000 stay in their century', () => {
    const calendar: Calendar = { unit: 'day', start: '0050-03-01' };
    expect(roundHeading(calendar, 0)).toBe('Round 0 (0050-03-01)');
    expect(roundDate(calendar, 365)).toBe('0051-03-01');
    expect(roundDate({ unit: 'week', start: '0009-12-30' }, 1)).toBe('0010-01-06');
    expect(roundDate({ unit: 'month', start: '0050-11' }, 2)).toBe('Jan 0051');
    expect(roundDate({ unit: 'quarter', start: '0050' }, 5)).toBe('0051 Q2');
    expect(roundDate({ unit: 'year', start: '0050' }, 1)).toBe('0051');
  });

  it('days and weeks agree with the Gregorian calendar from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 100_000 }), (year, month, day, round) => {
        const start = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const expected = isoAfter(year, month, day, round);
        fc.pre(!expected.startsWith('+'));
        expect(roundDate({ unit: 'day', start }, round)).toBe(expected);
        const weekly = isoAfter(year, month, day, 7 * round);
        if (!weekly.startsWith('+')) expect(roundDate({ unit: 'week', start }, round)).toBe(weekly);
      }),
    );
  });

  it('past 9999 (a run longer than its file) years take five digits, never a sign', () => {
    expect(roundDate({ unit: 'day', start: '9999-12-31' }, 1)).toBe('10000-01-01');
    expect(roundDate({ unit: 'week', start: '9999-12-30' }, 2)).toBe('10000-01-13');
    expect(roundDate({ unit: 'month', start: '9999-12' }, 1)).toBe('Jan 10000');
    expect(roundDate({ unit: 'quarter', start: '9999-10' }, 1)).toBe('10000 Q1');
    expect(roundDate({ unit: 'year', start: '9999' }, 1)).toBe('10000');
  });

  it('a start that is not a date, an unknown unit or a negative round is a ConfigError, not a wrong label', () => {
    expect(() => roundDate({ unit: 'day', start: '2015-02-30' }, 0)).toThrow(ConfigError);
    expect(() => roundDate({ unit: 'day', start: 'soon' }, 0)).toThrow(/calendar\.start/);
    expect(() => roundDate({ unit: 'fortnight' as Calendar['unit'], start: '2015' }, 0)).toThrow(/calendar\.unit/);
    expect(() => roundDate({ unit: 'day', start: '2015' }, -1)).toThrow(/round: expected a whole number ≥ 0/);
    expect(roundDate({ unit: 'day' }, 4)).toBe('round 4');
  });
});

describe('rounds past 9999-12-31', () => {
  const cases: [Calendar, number, string][] = [
    [{ unit: 'day', start: '9999-12-31' }, 0, '10000-01-01'],
    [{ unit: 'day', start: '9999-12-01' }, 30, '10000-01-01'],
    [{ unit: 'week', start: '9999-12-18' }, 1, '10000-01-01'],
    [{ unit: 'month', start: '9999-06' }, 6, 'Jan 10000'],
    [{ unit: 'quarter', start: '9999-04-15' }, 2, '10000 Q1'],
    [{ unit: 'year', start: '9990' }, 9, '10000'],
  ];

  it.each(cases)('%o: the last round that fits is %i; one more is refused, naming the date it would have', (calendar, last, next) => {
    expect(lastCalendarRound(calendar)).toBe(last);
    expect(roundDate(calendar, last).startsWith('9999') || roundDate(calendar, last).endsWith('9999')).toBe(true);
    expect(roundDate(calendar, last + 1)).toBe(next);
    expect(parseScenario(doc(calendar, last + 1)).rounds).toBe(last + 1);
    const issues = issuesOf(doc(calendar, last + 2));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'rounds', received: `${last + 2} (round ${last + 1} would be ${next})` });
    expect(issues[0]?.expected).toContain(`at most ${last + 1} round`);
    expect(issues[0]?.expected).toContain('9999-12-31');
  });

  it('a calendar without a start has no end', () => {
    expect(lastCalendarRound({ unit: 'day' })).toBe(Infinity);
    expect(parseScenario(doc({ unit: 'year' }, 100_000)).rounds).toBe(100_000);
  });
});
