/**
 * Civil dates written YYYY-MM-DD, as the data and the options give them. One reader for every place that checks
 * one, so a date the catalogue accepts is one the rules and the CLI accept.
 */
import { dayNumberOfDate, formatDay } from './calendar/_days.js';

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when the text is not one or the day does not exist. */
export function calendarDayNumber(text: string): number | undefined {
  return dayNumberOfDate(text);
}

/** True when the text is a YYYY-MM-DD date that exists (no 30 February). */
export function isCalendarDate(text: string): boolean {
  return calendarDayNumber(text) !== undefined;
}

/** The YYYY-MM-DD date after a valid one. */
export function nextCalendarDate(text: string): string {
  return formatDay(calendarDayNumber(text)! + 1);
}
