/**
 * Working-day arithmetic in date-fns vocabulary, over the precomputed index: O(1) per call, no day-by-day loops.
 * Dates are 'YYYY-MM-DD' strings or ISO date-times with an offset (their date in Vietnam, UTC+7, is used).
 */
import { describeValue, TthcError, describeValueVi } from '../errors.js';
import { formatDay, toDayNumber, vietnamDayOf, ymdFromDay } from './_days.js';
import { dayIndex, dayInfoOf } from './calendar.js';
import type { Calendar, DayInfo } from './calendar.js';

/** A date: 'YYYY-MM-DD', or an ISO date-time with an explicit offset. */
export type DateInput = string;

function checkInteger(amount: number, name: string): void {
  if (!Number.isSafeInteger(amount)) throw new TthcError('INVALID_ARGUMENT', `${name}: expected an integer, got ${describeValue(amount)}`, { messageVi: `${name}: cần một số nguyên, nhận được ${describeValueVi(amount)}`, argument: name });
}

/** @internal */
export function isWorkingDayNumber(calendar: Calendar, day: number): boolean {
  const i = dayIndex(calendar, day); // checks the calendar before its index is read
  return calendar._index.working[i] === 1;
}

/** @internal The |amount|-th working day after (amount > 0) or before (amount < 0) a day; the day itself for 0. */
export function addWorkingDayNumbers(calendar: Calendar, day: number, amount: number): number {
  const i = dayIndex(calendar, day); // checks the calendar before its index is read
  const index = calendar._index;
  if (amount === 0) return day;
  let k: number;
  if (amount > 0) {
    k = index.cumulative[i + 1]! + amount - 1;
  } else {
    k = index.cumulative[i]! + amount;
  }
  const target = index.workingDays[k];
  if (k < 0 || target === undefined) {
    throw new TthcError('OUT_OF_RANGE', `adding ${amount} working days to ${formatDay(day)} leaves the calendar (${calendar.fromYear}-${calendar.toYear})`, { messageVi: `cộng ${amount} ngày làm việc vào ngày ${formatDay(day)} thì vượt ra ngoài lịch làm việc (${calendar.fromYear}-${calendar.toYear})` });
  }
  return index.firstDay + target;
}

/** @internal Working days in (earlier, later], negative when later < earlier. */
export function workingDaysBetween(calendar: Calendar, earlier: number, later: number): number {
  const laterIndex = dayIndex(calendar, later);
  const earlierIndex = dayIndex(calendar, earlier);
  const cumulative = calendar._index.cumulative;
  return cumulative[laterIndex + 1]! - cumulative[earlierIndex + 1]!;
}

/** @internal The first working day strictly after a day. */
export function nextWorkingDayNumber(calendar: Calendar, day: number): number {
  return addWorkingDayNumbers(calendar, day, 1);
}

/**
 * Whether a date is a working day of state agencies (not a weekend unless a make-up day, not a holiday, compensation or swap).
 * @example isWorkingDay(calendar, '2026-01-10') // true: make-up Saturday
 * @throws TthcError INVALID_ARGUMENT for a malformed date, OUT_OF_RANGE outside the calendar.
 */
export function isWorkingDay(calendar: Calendar, date: DateInput): boolean {
  return isWorkingDayNumber(calendar, toDayNumber(date));
}

/**
 * Adds working days: the `amount`-th working day after `date` (before it when negative); `date` itself for 0.
 * @example addWorkingDays(calendar, '2026-02-12', 5) // '2026-02-26' (Tết 16-20 February skipped)
 * @throws TthcError INVALID_ARGUMENT for a non-integer amount, OUT_OF_RANGE when the result leaves the calendar.
 */
export function addWorkingDays(calendar: Calendar, date: DateInput, amount: number): string {
  checkInteger(amount, 'amount');
  return formatDay(addWorkingDayNumbers(calendar, toDayNumber(date), amount));
}

/**
 * Working days in (earlier, later]: positive when `later` is after `earlier`, negative otherwise.
 * `differenceInWorkingDays(c, addWorkingDays(c, d, n), d) === n` for every n >= 0.
 * @example differenceInWorkingDays(calendar, '2026-02-26', '2026-02-12') // 5
 */
export function differenceInWorkingDays(calendar: Calendar, later: DateInput, earlier: DateInput): number {
  return workingDaysBetween(calendar, toDayNumber(earlier, 'earlier'), toDayNumber(later, 'later'));
}

/**
 * The first working day strictly after a date.
 * @example nextWorkingDay(calendar, '2026-02-13') // '2026-02-23'
 */
export function nextWorkingDay(calendar: Calendar, date: DateInput): string {
  return formatDay(nextWorkingDayNumber(calendar, toDayNumber(date)));
}

/**
 * Describes a date: working or not, why, under which document, and whether the schedule is official or projected.
 * @example describeDay(calendar, '2026-01-02').reason // 'swap'
 */
export function describeDay(calendar: Calendar, date: DateInput): DayInfo {
  return dayInfoOf(calendar, toDayNumber(date));
}

/**
 * The calendar date in Vietnam (UTC+7) of an instant, whatever the host's time zone.
 * @param epochMilliseconds - the instant, e.g. `Date.parse('2026-02-11T23:30:00Z')`
 * @example vietnamDateOf(Date.parse('2026-02-11T23:30:00Z')) // '2026-02-12'
 */
export function vietnamDateOf(epochMilliseconds: number): string {
  if (typeof epochMilliseconds !== 'number' || !Number.isFinite(epochMilliseconds)) {
    throw new TthcError('INVALID_ARGUMENT', `epochMilliseconds: expected a finite number of milliseconds since 1970, got ${describeValue(epochMilliseconds)}`, { messageVi: `epochMilliseconds: cần một số mili giây hữu hạn tính từ năm 1970, nhận được ${describeValueVi(epochMilliseconds)}`, argument: 'epochMilliseconds' });
  }
  const day = vietnamDayOf(Math.floor(epochMilliseconds / 60_000)).day;
  // Beyond ±100,000,000 days a Date cannot hold it either; years past 9999 do not print as YYYY-MM-DD.
  const { year } = ymdFromDay(day);
  if (year < 0 || year > 9999) {
    throw new TthcError('OUT_OF_RANGE', `epochMilliseconds: ${epochMilliseconds} falls in the year ${year}, outside 0000-9999`, { messageVi: `epochMilliseconds: ${epochMilliseconds} rơi vào năm ${year}, ngoài khoảng 0000-9999`, argument: 'epochMilliseconds' });
  }
  return formatDay(day);
}
