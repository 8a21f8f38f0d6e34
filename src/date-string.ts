/**
 * Civil dates written YYYY-MM-DD, as the data and the options give them. One reader for every place that checks
 * one, so a date the catalogue accepts is one the rules and the CLI accept.
 */
import { dayFromYmd, daysInMonth, formatDay } from './calendar/_days.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when the text is not one or the day does not exist. */
export function calendarDayNumber(text: string): number | undefined {
  const match = typeof text === 'string' ? DATE.exec(text) : null;
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Integer arithmetic, not Date.UTC, which maps years 0-99 to 1900-1999.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromYmd(year, month, day);
}

/** True when the text is a YYYY-MM-DD date that exists (no 30 February). */
export function isCalendarDate(text: string): boolean {
  return calendarDayNumber(text) !== undefined;
}

/** The YYYY-MM-DD date after a valid one. */
export function nextCalendarDate(text: string): string {
  return formatDay(calendarDayNumber(text)! + 1);
}
