import { describe, expect, it } from 'vitest';
import { shippedCalendarData } from './calendar-helpers.js';
import { computeDueDate, createCalendar, deadlineStatus, officePolicyFor } from '../src/calendar/index.js';
import type { CalendarData, DeadlineUnit } from '../src/calendar/index.js';
import { TthcError } from '../src/errors.js';

const data = shippedCalendarData();
const calendar = createCalendar(data);

const due = (receivedAt: string, value: number, unit: DeadlineUnit) => computeDueDate(calendar, { receivedAt, deadline: { value, unit } });

describe('computeDueDate', () => {
  it.each([
    ['5 working days from Thursday before Tết 2026 end after the Tết week', '2026-02-12T10:00:00+07:00', 5, 'working-days', '2026-02-26', '2026-02-26T17:00:00+07:00'],
    ['1 working day from the last Friday before Tết 2026 is the Monday after it', '2026-02-13T16:00:00+07:00', 1, 'working-days', '2026-02-23', '2026-02-23T17:00:00+07:00'],
    ['receipt after 17:00 counts from the next working day', '2026-02-13T17:30:00+07:00', 1, 'working-days', '2026-02-24', '2026-02-24T17:00:00+07:00'],
    ['receipt on a Saturday counts from the next working day', '2026-02-14T09:00:00+07:00', 1, 'working-days', '2026-02-24', '2026-02-24T17:00:00+07:00'],
    ['the 2026 New Year swap (2/1 off) is skipped', '2025-12-31T10:00:00+07:00', 2, 'working-days', '2026-01-06', '2026-01-06T17:00:00+07:00'],
    ['the make-up Saturday 10/1/2026 is a working day', '2026-01-09T10:00:00+07:00', 1, 'working-days', '2026-01-10', '2026-01-10T17:00:00+07:00'],
    ['receipt on the make-up Saturday starts the clock that day', '2026-01-10T09:00:00+07:00', 1, 'working-days', '2026-01-12', '2026-01-12T17:00:00+07:00'],
    ['Tết 2025 (27-31/1) is skipped', '2025-01-24T10:00:00+07:00', 3, 'working-days', '2025-02-05', '2025-02-05T17:00:00+07:00'],
    ['Tết 2024 (8-14/2) is skipped', '2024-02-07T10:00:00+07:00', 1, 'working-days', '2024-02-15', '2024-02-15T17:00:00+07:00'],
    ['the 2026 National Day break and its swap are skipped', '2026-08-28T10:00:00+07:00', 1, 'working-days', '2026-09-03', '2026-09-03T17:00:00+07:00'],
    ['the make-up Saturday 22/8/2026 is worked', '2026-08-21T10:00:00+07:00', 1, 'working-days', '2026-08-22', '2026-08-22T17:00:00+07:00'],
    ['a calendar-day period ending in Tết ends on the next working day', '2026-02-06T10:00:00+07:00', 10, 'calendar-days', '2026-02-23', '2026-02-23T17:00:00+07:00'],
    ['a calendar-day period ending on a working day ends that day', '2026-03-02T10:00:00+07:00', 10, 'calendar-days', '2026-03-12', '2026-03-12T17:00:00+07:00'],
    ['same-day before 15:00 is due the same day', '2026-02-12T14:00:00+07:00', 0, 'same-day', '2026-02-12', '2026-02-12T17:00:00+07:00'],
    ['same-day after 15:00 is due the next working day', '2026-02-12T15:30:00+07:00', 0, 'same-day', '2026-02-13', '2026-02-13T17:00:00+07:00'],
    ['same-day after 15:00 on the Friday before Tết is due after Tết', '2026-02-13T15:30:00+07:00', 0, 'same-day', '2026-02-23', '2026-02-23T17:00:00+07:00'],
    ['8 working hours from 16:00 end at 16:00 the next working day', '2026-02-12T16:00:00+07:00', 8, 'working-hours', '2026-02-13', '2026-02-13T16:00:00+07:00'],
    ['working hours skip the lunch break', '2026-02-12T11:00:00+07:00', 2, 'working-hours', '2026-02-12', '2026-02-12T14:00:00+07:00'],
    ['half a working day is half the office hours', '2026-02-12T10:00:00+07:00', 0.5, 'working-days', '2026-02-12', '2026-02-12T15:00:00+07:00'],
    ['half a working day from 16:00 runs into the next working day', '2026-02-13T16:00:00+07:00', 0.5, 'working-days', '2026-02-23', '2026-02-23T11:00:00+07:00'],
    ['working hours ending exactly at noon end at 12:00', '2026-03-02T08:00:00+07:00', 4, 'working-hours', '2026-03-02', '2026-03-02T12:00:00+07:00'],
    ['a receipt in another offset is converted to Vietnam time', '2026-02-12T03:00:00Z', 5, 'working-days', '2026-02-26', '2026-02-26T17:00:00+07:00'],
    ['24 elapsed hours from Friday 16:00 before Tết end Saturday 16:00 (round the clock)', '2026-02-13T16:00:00+07:00', 24, 'hours', '2026-02-14', '2026-02-14T16:00:00+07:00'],
    ['elapsed hours start on receipt at night', '2026-03-02T23:30:00+07:00', 1, 'hours', '2026-03-03', '2026-03-03T00:30:00+07:00'],
    ['1 month from 15 January ends on the corresponding day, moved off Tết', '2026-01-15T10:00:00+07:00', 1, 'months', '2026-02-23', '2026-02-23T17:00:00+07:00'],
    ['1 month from 31 March ends on the last day of April (no 31 April), moved off the 30 April holiday', '2026-03-31T10:00:00+07:00', 1, 'months', '2026-05-04', '2026-05-04T17:00:00+07:00'],
    ['3 months from a working day in March end on the corresponding day of June', '2026-03-10T10:00:00+07:00', 3, 'months', '2026-06-10', '2026-06-10T17:00:00+07:00'],
  ] as const)('%s', (_name, receivedAt, value, unit, dueDate, dueAt) => {
    const result = due(receivedAt, value, unit);
    expect(result.dueDate).toBe(dueDate);
    expect(result.dueAt).toBe(dueAt);
  });

  it('cites the month rule from the office policy for a deadline in months', () => {
    const result = due('2026-03-10T10:00:00+07:00', 3, 'months');
    const months = result.rules.find((rule) => rule.rule.startsWith('months:'));
    expect(months?.legalBasis).toContain('Điều 148');
    expect(months?.legalBasis).toBe(officePolicyFor(calendar).months.legalBasis);
  });

  it('explains the days it skipped, with the document of a swap', () => {
    const result = due('2025-12-31T10:00:00+07:00', 2, 'working-days');
    expect(result.skipped.map((day) => `${day.date} ${day.reason}`)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 swap',
      '2026-01-03 weekend',
      '2026-01-04 weekend',
    ]);
    expect(result.skipped[1]).toMatchObject({ source: 'Công văn 12729/VPCP-KGVX (25/12/2025)', swappedWith: '2026-01-10', name: { vi: 'Tết Dương lịch' } });
    expect(result.status).toBe('official');
    expect(result.version).toBe(calendar.version);
  });

  it('reports the clock start of an after-hours receipt as the next opening', () => {
    expect(due('2026-02-13T17:30:00+07:00', 1, 'working-days').clockStart).toBe('2026-02-23T08:00:00+07:00');
    expect(due('2026-02-12T07:00:00+07:00', 1, 'working-hours')).toMatchObject({ clockStart: '2026-02-12T08:00:00+07:00', dueAt: '2026-02-12T09:00:00+07:00' });
  });

  it('marks a due date that uses a year without an official schedule as projected', () => {
    const result = due('2027-02-03T10:00:00+07:00', 2, 'working-days');
    expect(result).toMatchObject({ dueDate: '2027-02-12', status: 'projected' });
    expect(due('2026-12-30T10:00:00+07:00', 3, 'working-days').status).toBe('projected');
  });

  it('stops the clock during a pause (start day counted, restart day not)', () => {
    const plain = computeDueDate(calendar, { receivedAt: '2026-03-02T10:00:00+07:00', deadline: { value: 5, unit: 'working-days' } });
    const paused = computeDueDate(calendar, {
      receivedAt: '2026-03-02T10:00:00+07:00',
      deadline: { value: 5, unit: 'working-days' },
      pauses: [{ from: '2026-03-03', to: '2026-03-05' }],
    });
    expect(plain.dueDate).toBe('2026-03-09');
    expect(paused.dueDate).toBe('2026-03-11');
    expect(paused.skipped.filter((day) => day.reason === 'paused').map((day) => day.date)).toEqual(['2026-03-04', '2026-03-05']);
  });

  it('stops working hours during a pause given as instants', () => {
    const result = computeDueDate(calendar, {
      receivedAt: '2026-03-02T08:00:00+07:00',
      deadline: { value: 4, unit: 'working-hours' },
      pauses: [{ from: '2026-03-02T09:00:00+07:00', to: '2026-03-02T10:00:00+07:00' }],
    });
    expect(result.dueAt).toBe('2026-03-02T14:00:00+07:00');
  });

  it('applies a province override of office hours', () => {
    const withProvince: CalendarData = {
      ...data,
      officePolicy: {
        ...data.officePolicy,
        provinces: {
          '79': {
            source: 'test',
            officeHours: { periods: [{ from: '07:30', to: '11:30' }, { from: '13:00', to: '17:00' }], legalBasis: 'test', confidence: 'low' },
          },
        },
      },
    };
    const local = createCalendar(withProvince);
    const request = { receivedAt: '2026-03-02T07:45:00+07:00', deadline: { value: 1, unit: 'working-hours' } } as const;
    expect(computeDueDate(local, { ...request, province: '79' }).dueAt).toBe('2026-03-02T08:45:00+07:00');
    expect(computeDueDate(local, request).dueAt).toBe('2026-03-02T09:00:00+07:00');
    expect(local.version).not.toBe(calendar.version);
  });

  it.each([
    [{ receivedAt: '2026-02-12T10:00:00', deadline: { value: 1, unit: 'working-days' } }, /offset/],
    [{ receivedAt: '2026-02-30T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' } }, /^receivedAt: "2026-02-30T10:00:00\+07:00" is not a date that exists \(expected day 01-28 in 2026-02\)$/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: -1, unit: 'working-days' } }, /positive/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1, unit: 'weeks' } }, /unit/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1.5, unit: 'calendar-days' } }, /whole days/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' }, province: '1' }, /2-digit/],
    [{ receivedAt: '2101-01-01T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' } }, /^receivedAt: .* outside the years the working calendar covers \(1968-2100\)$/],
    [{ receivedAt: '2026-02-12T10:00:00+99:99', deadline: { value: 1, unit: 'working-days' } }, /^receivedAt: .*impossible UTC offset \+99:99/],
    [{ receivedAt: '2026-02-12T10:00:00+24:00', deadline: { value: 1, unit: 'working-days' } }, /impossible UTC offset/],
    [{ receivedAt: '2026-02-12T10:00:00+07:60', deadline: { value: 1, unit: 'working-days' } }, /impossible UTC offset/],
    [{ receivedAt: '2026-02-12T10:00:00-12:01', deadline: { value: 1, unit: 'working-days' } }, /impossible UTC offset/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' }, pauses: {} }, /^pauses: expected an array/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' }, pauses: 3 }, /^pauses: expected an array/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' }, pauses: [null] }, /^pauses\[0\]: expected \{ from, to \}/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' }, pauses: [{ from: '2026-02-13' }] }, /^pauses\[0\]\.to: expected/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: null }, /^deadline: expected \{ value, unit \}, got null$/],
    [{ receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: {}, unit: 'working-days' } }, /^deadline\.value/],
  ])('throws a TthcError for bad input %#', (request, message) => {
    const error = (() => {
      try {
        computeDueDate(calendar, request as never);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TthcError);
    expect((error as TthcError).message).toMatch(message);
  });
});

describe('deadlineStatus', () => {
  const result = due('2026-02-12T10:00:00+07:00', 5, 'working-days');

  it('reports elapsed and remaining office time during the period', () => {
    expect(deadlineStatus(calendar, result, '2026-02-24T17:00:00+07:00')).toEqual({
      now: '2026-02-24T17:00:00+07:00',
      dueAt: '2026-02-26T17:00:00+07:00',
      elapsedMinutes: 1800,
      remainingMinutes: 960,
      remainingWorkingDays: 2,
      percentUsed: 65.2,
      overdue: false,
    });
  });

  it('does not count Tết as elapsed time', () => {
    expect(deadlineStatus(calendar, result, '2026-02-18T10:00:00+07:00').elapsedMinutes).toBe(840);
  });

  it('reports an overdue deadline', () => {
    expect(deadlineStatus(calendar, result, '2026-02-27T09:00:00+07:00')).toMatchObject({ overdue: true, remainingMinutes: -60 });
  });
});
