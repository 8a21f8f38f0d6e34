import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedCalendarData } from './calendar-helpers.js';
import { addWorkingDays, computeDueDate, createCalendar, differenceInWorkingDays, isWorkingDay, nextWorkingDay } from '../src/calendar/index.js';
import type { DueDateRequest } from '../src/calendar/index.js';

const data = shippedCalendarData();
const calendar = createCalendar(data);

const DAY = 86_400_000;
const FIRST = Date.UTC(1970, 0, 1);
const LAST = Date.UTC(2098, 11, 31);
const dateArb = fc.integer({ min: 0, max: (LAST - FIRST) / DAY }).map((offset) => new Date(FIRST + offset * DAY).toISOString().slice(0, 10));
const offsetArb = fc.constantFrom('+07:00', 'Z', '-08:00', '+14:00', '+05:30');
const instantArb = fc.tuple(dateArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), offsetArb).map(
  ([date, h, m, offset]) => `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${offset}`,
);
const deadlineArb = fc.oneof(
  fc.record({ value: fc.integer({ min: 1, max: 60 }), unit: fc.constant('working-days' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 90 }), unit: fc.constant('calendar-days' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 200 }), unit: fc.constant('working-hours' as const) }),
  fc.record({ value: fc.constant(0.5), unit: fc.constant('working-days' as const) }),
  fc.record({ value: fc.constant(0), unit: fc.constant('same-day' as const) }),
);

describe('working-day arithmetic properties', () => {
  it('addWorkingDays then differenceInWorkingDays gives back N', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), (date, n) => {
        const later = addWorkingDays(calendar, date, n);
        expect(differenceInWorkingDays(calendar, later, date)).toBe(n);
        if (n > 0) expect(isWorkingDay(calendar, later)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('one calendar day and one working day give the same due date, whenever the dossier is received', () => {
    // Why the catalogue may read a record's "01 ngày" beside its "1 Ngày làm việc" as one deadline: a period of one
    // day that ends on a day off moves to the next working day (Civil Code Art. 148), which is where one working day ends.
    fc.assert(
      fc.property(instantArb, (receivedAt) => {
        const calendarDay = computeDueDate(calendar, { receivedAt, deadline: { value: 1, unit: 'calendar-days' } });
        const workingDay = computeDueDate(calendar, { receivedAt, deadline: { value: 1, unit: 'working-days' } });
        expect(calendarDay.dueAt).toBe(workingDay.dueAt);
      }),
      { numRuns: 3000 },
    );
  });

  it('subtracting N working days from a working day is the inverse', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 400 }), (date, n) => {
        const start = isWorkingDay(calendar, date) ? date : nextWorkingDay(calendar, date);
        const earlier = addWorkingDays(calendar, start, -n);
        expect(differenceInWorkingDays(calendar, start, earlier)).toBe(n);
        expect(addWorkingDays(calendar, earlier, n)).toBe(start);
      }),
      { numRuns: 1000 },
    );
  });

  it('nextWorkingDay is a later working day with only non-working days between', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const next = nextWorkingDay(calendar, date);
        expect(next > date).toBe(true);
        expect(isWorkingDay(calendar, next)).toBe(true);
        expect(differenceInWorkingDays(calendar, next, date)).toBe(1);
      }),
    );
  });
});

describe('due-date properties', () => {
  it('the due date is a working day, never before receipt, and the inputs are not mutated', () => {
    fc.assert(
      fc.property(instantArb, deadlineArb, fc.boolean(), (receivedAt, deadline, withPause) => {
        const request: DueDateRequest = {
          receivedAt,
          deadline,
          ...(withPause ? { pauses: [{ from: receivedAt.slice(0, 10), to: receivedAt.slice(0, 10) }] } : {}),
        };
        const before = JSON.stringify(request);
        const result = computeDueDate(calendar, request);
        expect(JSON.stringify(request)).toBe(before);
        expect(isWorkingDay(calendar, result.dueDate)).toBe(true);
        expect(result.dueAt.startsWith(result.dueDate)).toBe(true);
        expect(Date.parse(result.dueAt)).toBeGreaterThan(Date.parse(receivedAt) - 1);
        expect(Object.isFrozen(result)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('working-day due dates equal addWorkingDays from the clock-start day', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 60 }), (receivedAt, n) => {
        const result = computeDueDate(calendar, { receivedAt, deadline: { value: n, unit: 'working-days' } });
        expect(result.dueDate).toBe(addWorkingDays(calendar, result.clockStart.slice(0, 10), n));
      }),
    );
  });

  it('leaves the calendar data untouched', () => {
    const before = JSON.stringify(data);
    computeDueDate(calendar, { receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 5, unit: 'working-days' } });
    expect(JSON.stringify(calendar.data)).toBe(before);
    expect(Object.isFrozen(calendar.data.holidayRules.holidays[0])).toBe(true);
  });
});

describe('reading receipt times', () => {
  /** A result or the error message, so that both readings can be compared whatever the input. */
  const outcome = (parse: (text: string) => number, text: string): number | string => {
    try {
      return parse(text);
    } catch (error) {
      return (error as Error).message;
    }
  };
  // Near-valid times: each field just around its range, or a stray character, so invalid dates and times appear too.
  const field = (min: number, max: number, width: number): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min, max }).map((value) => String(value).padStart(width, '0')) },
      { weight: 1, arbitrary: fc.string({ minLength: width, maxLength: width }) },
    );
  const nearInstantArb = fc
    .tuple(
      field(1899, 2101, 4),
      field(0, 13, 2),
      field(0, 32, 2),
      fc.constantFrom('T', 'T', 'T', 't', ' '),
      field(0, 25, 2),
      field(0, 61, 2),
      field(0, 61, 2),
      fc.constantFrom('Z', '+07:00', '-08:30', '+0700', 'z', '+07-00', 'Z '),
      fc.constantFrom('-', '-', '-', '/'),
    )
    .map(([y, mo, d, t, h, mi, s, zone, dash]) => `${y}${dash}${mo}-${d}${t}${h}:${mi}:${s}${zone}`);

  it('reads the usual shapes digit by digit exactly as the full pattern does, errors included', async () => {
    const { parseInstant, parseInstantWithPattern } = await import('../src/calendar/_days.js');
    fc.assert(
      fc.property(fc.oneof(instantArb, nearInstantArb, fc.string({ maxLength: 26 })), (text) => {
        expect(outcome(parseInstant, text)).toEqual(outcome(parseInstantWithPattern, text));
      }),
      { numRuns: 20_000 },
    );
  });
});
