/**
 * Fuzzing the public API: every exported function, given what its types allow and whatever JavaScript can pass,
 * answers or throws a TthcError; every answer is valid; nothing changes its inputs; the same call gives the same
 * answer. The budget fits CI; `npm run fuzz` (FUZZ_RUNS) runs it long.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  computeDueDate,
  createCalendar,
  deadlineStatus,
  describeDay,
  differenceInWorkingDays,
  fromLunarDate,
  hungKingsDay,
  isWorkingDay,
  lastDayOfLunarYear,
  leapMonthOf,
  lunarNewYear,
  nextWorkingDay,
  toLunarDate,
  vietnamDateOf,
} from '../src/calendar/index.js';
import type { Calendar } from '../src/calendar/index.js';
import { isTthcError, TthcError } from '../src/errors.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import type { Router } from '../src/routing/router.js';
import { createTestRouter, formatDecision } from '../src/testing/index.js';
import * as api from '../src/index.js';
import * as testingApi from '../src/testing/index.js';
import * as nodeApi from '../src/node/index.js';
import * as referenceApi from '../src/reference/index.js';
import { shippedCalendarData } from './calendar-helpers.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
const SEED = process.env['FUZZ_SEED'] === undefined ? 20261202 : Number(process.env['FUZZ_SEED']);
const settings = { numRuns: RUNS, seed: SEED };

let calendar: Calendar;
let router: Router;
let codes: string[];
let communes: string[];

beforeAll(async () => {
  calendar = createCalendar(shippedCalendarData());
  router = await loadShippedRouter();
  codes = router.data.catalog.procedures.map((procedure) => procedure.code);
  communes = router.data.catalog.units.filter((unit) => unit.code.length === 5).map((unit) => unit.code);
}, 120_000);

/** Calls of public functions made by this file, printed at the end (npm run fuzz reports how many ran clean). */
let calls = 0;
afterAll(() => {
  console.log(`fuzz: ${calls} calls of public functions, seed ${SEED}, ${RUNS} runs per property`);
});

/** Calls `run` and returns what it gave, or the TthcError it threw; anything else thrown fails the property. */
function answerOrTthcError<T>(run: () => T): { value: T } | { error: TthcError } {
  calls += 1;
  try {
    return { value: run() };
  } catch (error) {
    if (isTthcError(error) && error instanceof TthcError) return { error };
    throw new Error(`untyped throw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Dates near and beyond the edges: real, impossible (30 February, month 13), out of range, odd shapes. */
const dateText = fc.oneof(
  fc.tuple(fc.integer({ min: 1960, max: 2110 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`),
  fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.constantFrom('0000-00-00', '0000-01-01', '2026-02-30', '2026-13-45', '9999-12-31', '', '2026-2-3', '２０２６-02-12'),
);

/** RFC 3339 instants with offsets from the impossible (+99:99, +24:00, +07:60) to the usual. */
const offsetText = fc.oneof(
  fc.constant('Z'),
  fc.constant('+07:00'),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
);
const instantText = fc.oneof(
  fc
    .tuple(dateText, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), offsetText)
    .map(([date, h, m, s, zone]) => `${date}T${pad(h)}:${pad(m)}:${pad(s)}${zone}`),
  fc
    .tuple(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([y, mo, d, h, mi]) => `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00+07:00`),
);
/** Whatever a form or a database may hold. */
const anyValue = fc.oneof(fc.anything(), fc.constantFrom(null, undefined, Number.NaN, Infinity, -0, 1e300, '', {}, [], () => 0));
const deadlineUnit = fc.constantFrom('working-days', 'calendar-days', 'working-hours', 'hours', 'same-day', 'months', 'weeks');
const deadline = fc.oneof(
  fc.record({ value: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: -1, max: 1e6 })), unit: deadlineUnit }),
  anyValue,
);
const pauses = fc.oneof(fc.constant(undefined), fc.array(fc.record({ from: fc.oneof(dateText, instantText), to: fc.oneof(dateText, instantText) }), { maxLength: 3 }), anyValue);

/** Plain deep copy, to see that a call left its inputs as they were. */
function snapshotOf(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? `${inner}n` : inner)) ?? 'undefined';
  } catch {
    return 'unserialisable';
  }
}

describe('fuzzing the calendar functions', () => {
  it('computeDueDate: a typed error or a due date on a working day, never before the clock starts; pure', () => {
    fc.assert(
      fc.property(fc.oneof(instantText, anyValue), deadline, pauses, fc.option(fc.constantFrom('01', '79', '1', '99'), { nil: undefined }), (receivedAt, due, paused, province) => {
        const request = { receivedAt, deadline: due, ...(paused === undefined ? {} : { pauses: paused }), ...(province === undefined ? {} : { province }) };
        const before = snapshotOf(request);
        const first = answerOrTthcError(() => computeDueDate(calendar, request as never));
        expect(snapshotOf(request)).toBe(before);
        const second = answerOrTthcError(() => computeDueDate(calendar, request as never));
        expect(second).toEqual(first);
        if ('value' in first) {
          const result = first.value;
          // Elapsed hours run round the clock and may end on a day off; every other unit ends on a working day.
          if (result.deadline.unit !== 'hours') expect(isWorkingDay(calendar, result.dueDate)).toBe(true);
          expect(Date.parse(result.dueAt)).toBeGreaterThanOrEqual(Date.parse(result.clockStart));
          expect(Date.parse(result.clockStart)).toBeGreaterThanOrEqual(Date.parse(result.receivedAt) - 60_000);
          expect(result.dueAt.slice(0, 10)).toBe(result.dueDate);
        }
      }),
      settings,
    );
  });

  it('working-day functions: a typed error or a consistent answer', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, instantText, anyValue), fc.oneof(fc.integer({ min: -400, max: 400 }), anyValue), fc.oneof(dateText, anyValue), (date, amount, other) => {
        const added = answerOrTthcError(() => addWorkingDays(calendar, date as never, amount as never));
        if ('value' in added && typeof amount === 'number' && amount > 0) {
          expect(isWorkingDay(calendar, added.value)).toBe(true);
          expect(differenceInWorkingDays(calendar, added.value, date as string)).toBe(amount);
        }
        answerOrTthcError(() => isWorkingDay(calendar, date as never));
        answerOrTthcError(() => nextWorkingDay(calendar, date as never));
        answerOrTthcError(() => describeDay(calendar, date as never));
        answerOrTthcError(() => differenceInWorkingDays(calendar, date as never, other as never));
        answerOrTthcError(() => addWorkingDays(anyValue as never, date as never, 1));
      }),
      settings,
    );
  });

  it('deadlineStatus: a typed error, or remaining and elapsed time that add up', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ clockStart: fc.oneof(instantText, anyValue), dueAt: fc.oneof(instantText, anyValue) }), anyValue), fc.oneof(instantText, anyValue), fc.oneof(fc.constant(undefined), anyValue), (due, now, options) => {
        const result = answerOrTthcError(() => deadlineStatus(calendar, due as never, now as never, options as never));
        if ('value' in result) expect(result.value.overdue).toBe(Date.parse(result.value.now) > Date.parse(result.value.dueAt));
      }),
      settings,
    );
  });

  it('vietnamDateOf: a typed error or a YYYY-MM-DD date', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), anyValue), (value) => {
        const result = answerOrTthcError(() => vietnamDateOf(value as never));
        if ('value' in result) expect(result.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      settings,
    );
  });

  it('lunar functions: a typed error, or a real lunar date that converts back', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, fc.integer({ min: -30000, max: 60000 }), anyValue), fc.oneof(fc.integer({ min: 1890, max: 2110 }), anyValue), anyValue, (date, year, lunar) => {
        const converted = answerOrTthcError(() => toLunarDate(date as never));
        if ('value' in converted) {
          expect(converted.value.day).toBeGreaterThanOrEqual(1);
          expect(converted.value.day).toBeLessThanOrEqual(30);
          const back = fromLunarDate(converted.value);
          expect(toLunarDate(back)).toEqual(converted.value);
        }
        answerOrTthcError(() => fromLunarDate(lunar as never));
        for (const yearly of [lunarNewYear, hungKingsDay, lastDayOfLunarYear, leapMonthOf]) answerOrTthcError(() => yearly(year as never));
      }),
      settings,
    );
  });
});

describe('fuzzing routing and its helpers', () => {
  const request = fc.record(
    {
      procedure: fc.oneof(fc.nat().map((index) => codes[index % codes.length]!), fc.constantFrom('9.999999', '', '1.001193'), anyValue),
      channel: fc.oneof(fc.constantFrom('in-person', 'online', 'post'), anyValue),
      receivedAt: fc.oneof(instantText, anyValue),
      office: fc.oneof(fc.nat().map((index) => communes[index % communes.length]!), fc.constantFrom('01', '8', '00004'), anyValue),
      residence: fc.oneof(fc.nat().map((index) => communes[index % communes.length]!), anyValue),
      asOf: fc.oneof(dateText, anyValue),
      applicant: fc.oneof(fc.constantFrom('citizen', 'organisation'), anyValue),
      pauses,
    },
    { requiredKeys: ['procedure', 'channel', 'receivedAt'] },
  );

  it('route: a typed error or a consistent decision; formatDecision prints it; pure', () => {
    fc.assert(
      fc.property(request, (input) => {
        const before = snapshotOf(input);
        const first = answerOrTthcError(() => router.route(input as never));
        expect(snapshotOf(input)).toBe(before);
        expect(answerOrTthcError(() => router.route(input as never))).toEqual(first);
        if ('value' in first) {
          const decision = first.value;
          expect(decision.procedure.code).toBe(input.procedure);
          expect(decision.receipt.receivedAt).toBe(input.receivedAt);
          if (typeof input.asOf === 'string') expect(decision.receipt.asOf).toBe(input.asOf);
          expect(decision.dueDate === null).toBe(decision.dueAt === null);
          if (decision.dueDate !== null && decision.deadline.status === 'resolved' && decision.deadline.unit !== 'hours') {
            expect(isWorkingDay(calendar, decision.dueDate)).toBe(true);
          }
          expect(formatDecision(decision)).toContain(decision.procedure.code);
        }
      }),
      { ...settings, numRuns: Math.max(20, Math.floor(RUNS / 2)) },
    );
  });

  it('formatDecision and createTestRouter: a typed error for what is not theirs', () => {
    fc.assert(
      fc.property(anyValue, anyValue, (value, other) => {
        answerOrTthcError(() => formatDecision(value as never));
        answerOrTthcError(() => createTestRouter(value as never));
        answerOrTthcError(() => createTestRouter(router.data, value as never));
        answerOrTthcError(() => createTestRouter(router.data, { procedures: [value, other] as never }));
      }),
      // Each call with an object builds a catalogue (about half a second): a fixed budget, long runs or not.
      { ...settings, numRuns: Math.min(200, Math.max(10, Math.floor(RUNS / 20))) },
    );
  });
});

describe('fuzzing every exported function', () => {
  // Classes are constructed, not called; everything else exported by tthc and tthc/testing is here, so a function
  // added later is fuzzed without anyone listing it.
  const functions = Object.entries({ ...api, ...testingApi, ...referenceApi }).filter(([name, value]) => typeof value === 'function' && !/^[A-Z]/.test(name));

  it('covers the public functions', () => {
    expect(functions.length).toBeGreaterThan(80);
  });

  it.each(functions)('%s: whatever JavaScript passes, an answer or a TthcError', (_name, run) => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 3 }), (args) => {
        answerOrTthcError(() => (run as (...values: unknown[]) => unknown)(...args));
      }),
      { ...settings, numRuns: Math.min(RUNS, 2000) },
    );
  });
});

describe('the functions of tthc/node', () => {
  // File access, so a fixed set of wrong shapes rather than generated ones; runCli takes arguments as text and is
  // covered by the CLI tests.
  const functions = Object.entries(nodeApi).filter(([name, value]) => typeof value === 'function' && !/^[A-Z]/.test(name) && name !== 'runCli');
  const wrong: unknown[] = [null, undefined, 3, {}, [3], [null], 'catalog', [{}]];

  it.each(functions)('%s: a wrong argument is a TthcError', async (_name, run) => {
    for (const first of wrong) {
      for (const second of [undefined, null, 3, 'x']) {
        try {
          await (run as (...values: unknown[]) => unknown)(first, second);
        } catch (error) {
          expect(isTthcError(error), `${String(error)} for ${String(first)}, ${String(second)}`).toBe(true);
        }
      }
    }
  });
});

describe('the inputs the issue found', () => {
  it.each([
    ['+99:99 offset', () => computeDueDate(calendar, { receivedAt: '2026-02-12T10:00:00+99:99', deadline: { value: 1, unit: 'working-days' } }), /receivedAt: .*impossible UTC offset/],
    ['+24:00 offset', () => addWorkingDays(calendar, '2026-02-12T10:00:00+24:00', 1), /impossible UTC offset/],
    ['+07:60 offset', () => router.route({ procedure: '1.001193', channel: 'online', receivedAt: '2026-02-12T10:00:00+07:60' }), /receivedAt: .*impossible UTC offset/],
    ['asOf 2026-02-30 without units', () => router.route({ procedure: '1.000894', channel: 'online', receivedAt: '2026-02-12T10:00:00+07:00', asOf: '2026-02-30' }), /^asOf: "2026-02-30" is not a date that exists/],
    ['asOf 2026-13-45', () => router.route({ procedure: '1.000894', channel: 'online', receivedAt: '2026-02-12T10:00:00+07:00', asOf: '2026-13-45' }), /^asOf: .*month 01-12/],
    ['asOf 0000-00-00', () => router.route({ procedure: '1.000894', channel: 'online', receivedAt: '2026-02-12T10:00:00+07:00', asOf: '0000-00-00' }), /^asOf: /],
    ['vietnamDateOf(NaN)', () => vietnamDateOf(Number.NaN), /^epochMilliseconds: expected a finite number/],
    ['vietnamDateOf(1e300)', () => vietnamDateOf(1e300), /^epochMilliseconds: /],
    ['pauses {}', () => computeDueDate(calendar, { receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 1, unit: 'working-days' }, pauses: {} as never }), /^pauses: expected an array/],
    ['route pauses 3', () => router.route({ procedure: '1.001193', channel: 'online', receivedAt: '2026-02-12T10:00:00+07:00', pauses: 3 as never }), /^pauses: expected an array/],
    ['fromLunarDate(null)', () => fromLunarDate(null as never), /^lunar: expected/],
    ['deadlineStatus null deadline', () => deadlineStatus(calendar, null as never, '2026-02-12T10:00:00+07:00'), /^deadline: expected/],
    ['deadlineStatus null now', () => deadlineStatus(calendar, { clockStart: '2026-02-12T10:00:00+07:00', dueAt: '2026-02-13T10:00:00+07:00' }, null as never), /^now: /],
    ['formatDecision(null)', () => formatDecision(null as never), /^decision: expected a decision from route\(\), got null$/],
    ['formatDecision({})', () => formatDecision({} as never), /^decision: expected a decision from route\(\); it has no procedure/],
    ['createTestRouter(null)', () => createTestRouter(null as never), /^base: expected router data/],
    ['createTestRouter(base, null)', () => createTestRouter(router.data, null as never), /^options: expected/],
    ['createTestRouter procedures [null]', () => createTestRouter(router.data, { procedures: [null as never] }), /inline test data has 1 error: 0 SCHEMA_INVALID_TYPE expected a procedure/],
    ['addWorkingDays object amount', () => addWorkingDays(calendar, '2026-02-12', {} as never), /^amount: expected an integer, got a object/],
    ['0000-01-01T00:00:00Z', () => computeDueDate(calendar, { receivedAt: '0000-01-01T00:00:00Z', deadline: { value: 1, unit: 'working-days' } }), /^receivedAt: .*outside the years the working calendar covers/],
    ['toLunarDate in lunar 1899', () => toLunarDate('1900-01-10'), /^date: 1900-01-10 falls in lunar year 1899, outside 1900-2100$/],
    ["lunarNewYear('2026')", () => lunarNewYear('2026' as never), /^year: expected an integer year 1900-2100, got "2026"$/],
    ['fromLunarDate year as text', () => fromLunarDate({ year: '2026', month: 1, day: 1, leap: false } as never), /^lunar.year: expected an integer year/],
  ])('%s: a TthcError naming the argument', (_name, run, message) => {
    const outcome = answerOrTthcError(run as () => unknown);
    expect('error' in outcome).toBe(true);
    const error = (outcome as { error: TthcError }).error;
    expect(error.message).toMatch(message);
    expect(error.argument).toBeTypeOf('string');
  });

  it('a same-day dossier received at exactly 15:00:00 is due that day; at 15:00:01 the next working day (Decree 23/2015 Art. 7, "sau 15 giờ")', () => {
    const sameDay = { value: 0, unit: 'same-day' } as const;
    expect(computeDueDate(calendar, { receivedAt: '2026-03-03T15:00:00+07:00', deadline: sameDay }).dueDate).toBe('2026-03-03');
    expect(computeDueDate(calendar, { receivedAt: '2026-03-03T15:00:01+07:00', deadline: sameDay }).dueDate).toBe('2026-03-04');
  });
});
