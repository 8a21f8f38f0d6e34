/**
 * computeDueDate (O(log n) jumps over the precomputed index) against a slow reference written here from the documented
 * policy: it walks day by day and office period by office period, asking only describeDay and officePolicyFor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedCalendarData } from './calendar-helpers.js';
import { computeDueDate, createCalendar, describeDay, officePolicyFor, yearStatus } from '../src/calendar/index.js';
import type { Calendar, CalendarData, Deadline, DueDateRequest, Pause } from '../src/calendar/index.js';

const shipped = shippedCalendarData();
// Two province overrides so that every policy switch is exercised: other office hours and cut-off (79), the receipt
// day counted and other pause edges (01); 48 has no override.
const data: CalendarData = {
  ...shipped,
  officePolicy: {
    ...shipped.officePolicy,
    provinces: {
      '79': {
        source: 'test',
        officeHours: { periods: [{ from: '07:30', to: '11:30' }, { from: '13:00', to: '16:30' }], legalBasis: 'test', confidence: 'low' },
        sameDayCutoff: { time: '16:00', legalBasis: 'test', confidence: 'low' },
      },
      '01': {
        source: 'test',
        dayCount: { excludeReceiptDay: false, endOnRestDay: 'next-working-day', legalBasis: 'test', confidence: 'low' },
        pauses: { countStartDay: false, countEndDay: true, legalBasis: 'test', confidence: 'low' },
      },
    },
  },
};
const calendar = createCalendar(data);

// ---- the slow reference -------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const OFFSET = 7 * 60;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const instantText = (minutes: number): string => `${new Date(Math.round((minutes + OFFSET) * 60) * 1000).toISOString().slice(0, 19)}+07:00`;
const minutesOf = (text: string): number => Date.parse(PLAIN_DATE.test(text) ? `${text}T00:00:00+07:00` : text) / MINUTE;
const dayOf = (minutes: number): number => Math.floor((minutes + OFFSET) / 1440);
const minuteOfDay = (minutes: number): number => minutes + OFFSET - dayOf(minutes) * 1440;
const at = (day: number, minute: number): number => day * 1440 + minute - OFFSET;
const clock = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** The Vietnamese of each rule, as an official would write it (a same-day rule's cut-off time is filled in below). */
const VIETNAMESE: Record<string, string> = {
  'received outside office hours or on a non-working day: counts as received the next working day':
    'hồ sơ tiếp nhận ngoài giờ hành chính hoặc vào ngày nghỉ được tính là tiếp nhận vào ngày làm việc tiếp theo',
  'day of receipt not counted; N working days end on the Nth working day after': 'không tính ngày tiếp nhận hồ sơ; thời hạn N ngày làm việc kết thúc vào ngày làm việc thứ N sau đó',
  'calendar days: every day counts, the day of receipt excepted': 'thời hạn tính theo ngày: tính cả ngày nghỉ, không tính ngày tiếp nhận hồ sơ',
  'a period ending on a rest day ends on the next working day': 'thời hạn kết thúc vào ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo',
  'only office hours count': 'chỉ tính thời gian trong giờ hành chính',
  'the clock stops during pauses': 'thời gian tạm dừng không tính vào thời hạn giải quyết',
};

function referenceDueDate(cal: Calendar, request: DueDateRequest): unknown {
  const policy = officePolicyFor(cal, request.province);
  const periods = policy.officeHours.periods.map((period) => [clock(period.from), clock(period.to)] as const).sort((a, b) => a[0] - b[0]);
  const opening = periods[0]![0];
  const closing = periods[periods.length - 1]![1];
  const working = (day: number): boolean => describeDay(cal, dateOf(day)).working;
  const nextWorking = (day: number): number => {
    let next = day + 1;
    while (!working(next)) next += 1;
    return next;
  };
  const ruleOf = (rule: string, basis: { legalBasis: string; confidence: string }) => ({ rule, ruleVi: VIETNAMESE[rule] ?? rule, legalBasis: basis.legalBasis, confidence: basis.confidence });

  const pauses: readonly Pause[] = request.pauses ?? [];
  const pausedDayRanges = pauses.map((pause) => {
    const fromDay = dayOf(minutesOf(pause.from));
    const toDay = PLAIN_DATE.test(pause.to) ? dayOf(minutesOf(pause.to)) : dayOf(minutesOf(pause.to));
    return [fromDay + (policy.pauses.countStartDay ? 1 : 0), toDay - (policy.pauses.countEndDay ? 1 : 0)] as const;
  });
  const isPausedDay = (day: number): boolean => pausedDayRanges.some(([first, last]) => day >= first && day <= last);
  const pausedIntervals = pauses.map((pause) => [minutesOf(pause.from), minutesOf(pause.to) + (PLAIN_DATE.test(pause.to) ? 1440 : 0)] as const);
  const isPausedMinute = (minute: number): boolean => pausedIntervals.some(([from, to]) => minute >= from && minute < to);

  const received = minutesOf(request.receivedAt);
  const receivedDay = dayOf(received);
  const receivedMinute = minuteOfDay(received);
  const rules: unknown[] = [];
  const inHours = working(receivedDay) && receivedMinute < closing;
  let effectiveDay = receivedDay;
  let clockStart = received;
  if (inHours) {
    const period = periods.find(([, to]) => receivedMinute < to)!;
    if (receivedMinute < period[0]) clockStart = at(receivedDay, period[0]);
  } else {
    effectiveDay = nextWorking(receivedDay);
    clockStart = at(effectiveDay, opening);
    rules.push(ruleOf('received outside office hours or on a non-working day: counts as received the next working day', policy.receiptOutsideHours));
  }

  const { value, unit } = request.deadline;
  const dayUnit = unit === 'calendar-days' || unit === 'same-day' || (unit === 'working-days' && Number.isInteger(value));
  const firstCounted = policy.dayCount.excludeReceiptDay ? 0 : 1;
  let dueDay: number;
  let dueAt: number;
  const pausedDays = new Set<number>();
  if (unit === 'working-days' && Number.isInteger(value)) {
    rules.push(ruleOf('day of receipt not counted; N working days end on the Nth working day after', policy.dayCount));
    dueDay = effectiveDay;
    for (let counted = 0; counted < value - firstCounted; ) {
      dueDay += 1;
      if (working(dueDay) && !isPausedDay(dueDay)) counted += 1;
    }
    dueAt = at(dueDay, closing);
  } else if (unit === 'calendar-days') {
    rules.push(ruleOf('calendar days: every day counts, the day of receipt excepted', policy.dayCount));
    let end = effectiveDay;
    for (let counted = 0; counted < value - firstCounted; ) {
      end += 1;
      if (!isPausedDay(end)) counted += 1;
    }
    dueDay = working(end) ? end : nextWorking(end);
    if (dueDay !== end) rules.push(ruleOf('a period ending on a rest day ends on the next working day', policy.dayCount));
    dueAt = at(dueDay, closing);
  } else if (unit === 'same-day') {
    VIETNAMESE[`same day; received after ${policy.sameDayCutoff.time}: the next working day`] = `trả kết quả trong ngày; hồ sơ tiếp nhận sau ${policy.sameDayCutoff.time} trả vào ngày làm việc tiếp theo`;
    rules.push(ruleOf(`same day; received after ${policy.sameDayCutoff.time}: the next working day`, policy.sameDayCutoff));
    dueDay = inHours && receivedMinute > clock(policy.sameDayCutoff.time) ? nextWorking(effectiveDay) : effectiveDay;
    dueAt = at(dueDay, closing);
  } else {
    rules.push(ruleOf('only office hours count', policy.officeHours));
    // Walk the office minutes one by one; the period ends when the last counted minute ends.
    let left = unit === 'working-hours' ? value * 60 : value * periods.reduce((sum, [from, to]) => sum + to - from, 0);
    dueAt = clockStart;
    for (let day = dayOf(clockStart); left > 0; day += 1) {
      if (!working(day)) continue;
      for (const [from, to] of periods) {
        for (let minute = Math.max(at(day, from), clockStart); minute < at(day, to) && left > 0; minute += 1) {
          if (isPausedMinute(minute)) continue;
          const used = Math.min(1, left); // the last minute may be a fraction (1/8 day of 7.5 office hours)
          left -= used;
          dueAt = minute + used;
        }
      }
    }
    dueDay = dayOf(dueAt);
    for (const [from, to] of pausedIntervals) {
      if (to <= clockStart || from >= dueAt) continue;
      for (let day = dayOf(Math.max(from, clockStart)); day <= dayOf(Math.min(to, dueAt)); day += 1) if (working(day)) pausedDays.add(day);
    }
  }
  if (pauses.length > 0) {
    rules.push(ruleOf('the clock stops during pauses', policy.pauses));
    if (dayUnit) {
      for (let day = effectiveDay + 1; day <= dueDay; day += 1) {
        if (isPausedDay(day) && (unit === 'calendar-days' || working(day))) pausedDays.add(day);
      }
    }
  }

  const skipped: unknown[] = [];
  for (let day = receivedDay; day <= dueDay; day += 1) {
    const info = describeDay(cal, dateOf(day));
    if (!info.working) {
      const { working: _working, note: _note, ...rest } = info;
      skipped.push(rest);
    }
    if (pausedDays.has(day)) skipped.push({ date: dateOf(day), reason: 'paused', status: info.status });
  }
  let status = 'official';
  for (let year = Number(dateOf(receivedDay).slice(0, 4)); year <= Number(dateOf(dueDay).slice(0, 4)); year += 1) {
    if (yearStatus(cal, year) === 'projected') status = 'projected';
  }
  return {
    receivedAt: instantText(received),
    clockStart: instantText(clockStart),
    deadline: { value, unit },
    dueDate: dateOf(dueDay),
    dueAt: instantText(dueAt),
    skipped,
    status,
    rules,
    ...(request.province === undefined ? {} : { province: request.province }),
    version: cal.version,
  };
}

// ---- generators ---------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1970, 0, 1) / DAY_MS;
const LAST = Date.UTC(2095, 11, 31) / DAY_MS;
const two = (value: number): string => String(value).padStart(2, '0');
const instantOn = (day: number, hour: number, minute: number, offset: string): string => `${dateOf(day)}T${two(hour)}:${two(minute)}:00${offset}`;

const deadlineArb: fc.Arbitrary<Deadline> = fc.oneof(
  fc.record({ value: fc.integer({ min: 1, max: 60 }), unit: fc.constant('working-days' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 23 }).filter((eighths) => eighths % 8 !== 0).map((eighths) => eighths / 8), unit: fc.constant('working-days' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 90 }), unit: fc.constant('calendar-days' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 120 }), unit: fc.constant('working-hours' as const) }),
  fc.record({ value: fc.constant(0), unit: fc.constant('same-day' as const) }),
);

/** A pause near the receipt: plain dates, ISO instants (whole or partial office days) or a mix. */
const pauseArb = (receivedDay: number): fc.Arbitrary<Pause> =>
  fc
    .record({
      start: fc.integer({ min: -3, max: 45 }),
      length: fc.integer({ min: 0, max: 20 }),
      fromHour: fc.integer({ min: 6, max: 18 }),
      fromMinute: fc.constantFrom(0, 15, 30, 59),
      toHour: fc.integer({ min: 6, max: 18 }),
      form: fc.constantFrom('dates', 'instants', 'date-to-instant', 'instant-to-date'),
    })
    .map(({ start, length, fromHour, fromMinute, toHour, form }) => {
      const first = receivedDay + start;
      const last = first + length;
      const from = form === 'dates' || form === 'date-to-instant' ? dateOf(first) : instantOn(first, fromHour, fromMinute, '+07:00');
      const to =
        form === 'dates' || form === 'instant-to-date'
          ? dateOf(last)
          : instantOn(length === 0 && toHour <= fromHour ? last + 1 : last, toHour, 0, '+07:00');
      return { from, to };
    });

const requestArb: fc.Arbitrary<DueDateRequest> = fc
  .record({
    day: fc.integer({ min: FIRST, max: LAST }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    offset: fc.constantFrom('+07:00', 'Z', '-08:00', '+14:00', '+05:30'),
    deadline: deadlineArb,
    province: fc.constantFrom(undefined, '79', '01', '48'),
  })
  .chain(({ day, hour, minute, offset, deadline, province }) =>
    fc.array(pauseArb(day), { maxLength: 3 }).map((pauses) => ({
      receivedAt: instantOn(day, hour, minute, offset),
      deadline,
      ...(pauses.length === 0 ? {} : { pauses }),
      ...(province === undefined ? {} : { province }),
    })),
  );

function isDeeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

describe('computeDueDate against a day-by-day reference', () => {
  it('gives byte-identical results for every unit, pauses and provinces', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const fast = computeDueDate(calendar, request);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(referenceDueDate(calendar, request)));
        expect(isDeeplyFrozen(fast)).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it('counts overlapping pauses once', () => {
    const request: DueDateRequest = {
      receivedAt: '2026-03-02T08:00:00+07:00',
      deadline: { value: 4, unit: 'working-hours' },
      pauses: [
        { from: '2026-03-02T09:00:00+07:00', to: '2026-03-02T10:00:00+07:00' },
        { from: '2026-03-02T09:30:00+07:00', to: '2026-03-02T10:30:00+07:00' },
      ],
    };
    const result = computeDueDate(calendar, request);
    expect(result.dueAt).toBe('2026-03-02T14:30:00+07:00');
    expect(result.skipped.filter((day) => day.reason === 'paused').map((day) => day.date)).toEqual(['2026-03-02']);
  });

  it('ends after a pause far longer than the deadline (no step-by-step catching up)', () => {
    const result = computeDueDate(calendar, {
      receivedAt: '2026-03-02T08:00:00+07:00',
      deadline: { value: 1, unit: 'working-hours' },
      pauses: [{ from: '2026-03-02T08:59:00+07:00', to: '2046-03-02T08:00:00+07:00' }],
    });
    expect(result.dueAt).toBe('2046-03-02T08:01:00+07:00');
  });

  it('shares the explanation records of days off between results', () => {
    const request = { receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 5, unit: 'working-days' } } as const;
    const [first, second] = [computeDueDate(calendar, request), computeDueDate(calendar, request)];
    expect(first).toEqual(second);
    expect(first.skipped[0]).toBe(second.skipped[0]);
  });
});
