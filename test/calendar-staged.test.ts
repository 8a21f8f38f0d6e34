/**
 * Deadlines of several stages ("03 ngày làm việc ... 70 ngày ... 05 ngày làm việc"): each period runs from the day the
 * one before ends. Worked examples checked by hand on the 2026 calendar, and the invariants that tie a staged deadline
 * to single ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedCalendarData } from './calendar-helpers.js';
import { computeDueDate, createCalendar } from '../src/calendar/index.js';
import type { Deadline, DeadlineStage, DeadlineUnit } from '../src/calendar/index.js';
import { TthcError } from '../src/errors.js';

const calendar = createCalendar(shippedCalendarData());

const due = (receivedAt: string, deadline: Deadline) => computeDueDate(calendar, { receivedAt, deadline });

describe('a staged deadline', () => {
  it('runs each period from the day the one before ends (a mineral licence: 3 working days, 60 days, 5 and 2 working days)', () => {
    // Monday 2 March 2026: 3 working days end Thursday 5 March; 60 days from then end Monday 4 May (30 April and
    // 1 May are holidays, 4 May is worked); 5 working days end Monday 11 May; 2 more end Wednesday 13 May.
    const result = due('2026-03-02T09:00:00+07:00', {
      value: 3,
      unit: 'working-days',
      followedBy: [
        { value: 60, unit: 'calendar-days' },
        { value: 5, unit: 'working-days' },
        { value: 2, unit: 'working-days' },
      ],
    });
    expect(result.stages?.map((stage) => `${stage.deadline.value} ${stage.deadline.unit} ${stage.from}..${stage.dueDate}`)).toEqual([
      '3 working-days 2026-03-02..2026-03-05',
      '60 calendar-days 2026-03-05..2026-05-04',
      '5 working-days 2026-05-04..2026-05-11',
      '2 working-days 2026-05-11..2026-05-13',
    ]);
    expect(result.dueDate).toBe('2026-05-13');
    expect(result.dueAt).toBe('2026-05-13T17:00:00+07:00');
    expect(result.deadline).toEqual({ value: 3, unit: 'working-days', followedBy: [{ value: 60, unit: 'calendar-days' }, { value: 5, unit: 'working-days' }, { value: 2, unit: 'working-days' }] });
    // The explanation names each rule once and every day off of the whole span, the 30 April holiday included.
    expect(new Set(result.rules).size).toBe(result.rules.length);
    expect(result.rules.map((rule) => rule.rule.split(':')[0])).toEqual(expect.arrayContaining(['calendar days']));
    expect(result.skipped.map((day) => day.date)).toContain('2026-04-30');
    expect(result.skipped.map((day) => day.date)).toContain('2026-05-09');
  });

  it('moves a calendar-day stage that ends on a rest day to the next working day, and starts the next stage there', () => {
    // 10 days from Friday 6 February 2026 end in the Tết break (16 February): the stage ends Monday 23 February, and
    // 1 working day after it is Tuesday 24 February.
    const result = due('2026-02-06T10:00:00+07:00', { value: 10, unit: 'calendar-days', followedBy: [{ value: 1, unit: 'working-days' }] });
    expect(result.stages?.map((stage) => stage.dueDate)).toEqual(['2026-02-23', '2026-02-24']);
    expect(result.dueDate).toBe('2026-02-24');
  });

  it('starts from the next opening when the dossier comes in after hours, as a single period does', () => {
    const staged = due('2026-02-12T18:00:00+07:00', { value: 2, unit: 'working-days', followedBy: [{ value: 30, unit: 'calendar-days' }] });
    expect(staged.clockStart).toBe('2026-02-13T08:00:00+07:00');
    expect(staged.stages?.[0]?.from).toBe('2026-02-13');
    expect(staged.stages?.[0]?.dueDate).toBe(due('2026-02-12T18:00:00+07:00', { value: 2, unit: 'working-days' }).dueDate);
  });

  it('refuses stages after a period that ends within a day, and stages in hours', () => {
    const code = (deadline: unknown): string | undefined => {
      try {
        due('2026-03-02T09:00:00+07:00', deadline as Deadline);
      } catch (error) {
        return error instanceof TthcError ? `${error.code} ${error.message}` : 'untyped';
      }
      return undefined;
    };
    expect(code({ value: 0, unit: 'same-day', followedBy: [{ value: 2, unit: 'working-days' }] })).toMatch(/^INVALID_ARGUMENT deadline\.followedBy: a deadline in same-day has no stages/);
    expect(code({ value: 2, unit: 'working-days', followedBy: [{ value: 3, unit: 'hours' }] })).toMatch(/^INVALID_ARGUMENT deadline\.followedBy\[0\]\.unit/);
    expect(code({ value: 2, unit: 'working-days', followedBy: [] })).toMatch(/^INVALID_ARGUMENT deadline\.followedBy: expected 1 to 7 stages/);
    expect(code({ value: 2, unit: 'working-days', followedBy: [{ value: 36_501, unit: 'calendar-days' }] })).toMatch(/^OUT_OF_RANGE deadline\.followedBy\[0\]\.value/);
    expect(code({ value: 2, unit: 'working-days', followedBy: [{ value: 1.5, unit: 'calendar-days' }] })).toMatch(/^INVALID_ARGUMENT deadline\.followedBy\[0\]\.value/);
    expect(code({ value: 2, unit: 'working-days', followedBy: 'x' })).toMatch(/^INVALID_ARGUMENT/);
    // A stage starts on the day the one before ends: a fraction of a day there would end inside a day already used.
    expect(code({ value: 1, unit: 'working-days', followedBy: [{ value: 0.5, unit: 'working-days' }] })).toMatch(/^INVALID_ARGUMENT deadline\.followedBy\[0\]\.value: a stage counts whole days/);
    expect(code({ value: 1.5, unit: 'working-days', followedBy: [{ value: 1, unit: 'working-days' }] })).toMatch(/^INVALID_ARGUMENT deadline\.value: a deadline in stages counts whole days/);
  });
});

describe('staged deadline properties', () => {
  const receipt = fc
    .record({ day: fc.integer({ min: 0, max: 2 * 365 }), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }) })
    .map(({ day, minute }) => {
      const at = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + minute * 60_000 - 7 * 3_600_000);
      return `${at.toISOString().slice(0, 19)}Z`;
    });
  const stageUnit = fc.constantFrom<DeadlineStage['unit']>('working-days', 'calendar-days', 'months');
  const stage = fc.record({ value: fc.integer({ min: 1, max: 40 }), unit: stageUnit }).map((entry) => (entry.unit === 'months' ? { ...entry, value: (entry.value % 6) + 1 } : entry));

  it('working days in stages end where their sum does under a policy that counts the day the clock starts', () => {
    const data = shippedCalendarData();
    const counting = createCalendar({ ...data, officePolicy: { ...data.officePolicy, dayCount: { ...data.officePolicy.dayCount, excludeReceiptDay: false } } });
    fc.assert(
      fc.property(receipt, fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 5 }), (receivedAt, days) => {
        const [first, ...rest] = days;
        const staged = computeDueDate(counting, { receivedAt, deadline: { value: first!, unit: 'working-days', followedBy: rest.map((value) => ({ value, unit: 'working-days' as const })) } });
        const total = days.reduce((sum, value) => sum + value, 0);
        expect(staged.dueDate).toBe(computeDueDate(counting, { receivedAt, deadline: { value: total, unit: 'working-days' } }).dueDate);
      }),
      { numRuns: 200, seed: 20261205 },
    );
  });

  it('working days in stages end where their sum does', () => {
    fc.assert(
      fc.property(receipt, fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 5 }), (receivedAt, days) => {
        const [first, ...rest] = days;
        const staged = due(receivedAt, { value: first!, unit: 'working-days', followedBy: rest.map((value) => ({ value, unit: 'working-days' as const })) });
        const total = days.reduce((sum, value) => sum + value, 0);
        expect(staged.dueDate).toBe(due(receivedAt, { value: total, unit: 'working-days' }).dueDate);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('each stage ends where a single period from the end of the one before ends, and the last stage is the due date', () => {
    fc.assert(
      fc.property(receipt, stage, fc.array(stage, { minLength: 1, maxLength: 4 }), (receivedAt, first, rest) => {
        const staged = due(receivedAt, { ...first, followedBy: rest });
        const periods: { value: number; unit: DeadlineUnit }[] = [first, ...rest];
        let from = receivedAt;
        periods.forEach((period, index) => {
          const single = due(from, period);
          expect(staged.stages![index]!.dueDate).toBe(single.dueDate);
          from = `${single.dueDate}T08:00:00+07:00`; // the opening of the office day
        });
        expect(staged.dueDate).toBe(staged.stages![periods.length - 1]!.dueDate);
        // Never before any single stage counted from the receipt alone: stages only add time.
        for (const period of periods) expect(staged.dueDate >= due(receivedAt, period).dueDate).toBe(true);
        // The due day is a working day.
        expect(staged.skipped.some((day) => day.date === staged.dueDate)).toBe(false);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
