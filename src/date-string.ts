/**
 * Civil dates written YYYY-MM-DD, as the data and the options give them. One reader for every place that checks
 * one, so a date the catalogue accepts is one the rules and the CLI accept.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when the text is not one or the day does not exist. */
export function calendarDayNumber(text: string): number | undefined {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return time / 86_400_000;
}

/** True when the text is a YYYY-MM-DD date that exists (no 30 February). */
export function isCalendarDate(text: string): boolean {
  return calendarDayNumber(text) !== undefined;
}

/** The YYYY-MM-DD date after a valid one. */
export function nextCalendarDate(text: string): string {
  const next = new Date((calendarDayNumber(text)! + 1) * 86_400_000);
  return `${String(next.getUTCFullYear()).padStart(4, '0')}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-${String(next.getUTCDate()).padStart(2, '0')}`;
}
