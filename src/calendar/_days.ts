/**
 * Internal day arithmetic. A day number counts days since 1970-01-01 on the Vietnamese civil calendar (UTC+7).
 * Pure integer arithmetic: never the host's local time, never `Date` getters that depend on it.
 */
import { TthcError } from '../errors.js';

/** Minutes per day. */
export const MINUTES_PER_DAY = 1440;
/** Vietnam's offset from UTC, in minutes (UTC+7, no daylight saving since 1975). */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** Day number of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day number. */
export function ymdFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  return dayFromYmd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromYmd(year, month, 1);
}

/** Two digits of a non-negative integer below 100 (hot path: no padStart). */
const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);
const pad4 = (value: number): string => (value >= 1000 && value <= 9999 ? `${value}` : String(value).padStart(4, '0'));

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function checkDate(year: number, month: number, day: number, text: string): void {
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) {
    throw new TthcError('INVALID_ARGUMENT', `"${text}" is not a valid calendar date`);
  }
}

/** Parses 'YYYY-MM-DD' into a day number; throws INVALID_ARGUMENT otherwise. */
export function parseDay(text: string): number {
  const match = typeof text === 'string' ? DATE_RE.exec(text) : null;
  if (match === null) throw new TthcError('INVALID_ARGUMENT', `expected a date "YYYY-MM-DD", got ${JSON.stringify(text)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  checkDate(year, month, day, text);
  return dayFromYmd(year, month, day);
}

/**
 * Parses an ISO date-time with an explicit offset into epoch minutes (fractions of a minute kept). The usual shapes
 * (with seconds, no fraction) are read digit by digit; anything else goes through the full pattern.
 */
export function parseInstant(text: string): number {
  if (typeof text === 'string' && (text.length === 25 || text.length === 20)) {
    const fast = parseUsualInstant(text);
    if (fast !== undefined) return fast;
  }
  return parseInstantWithPattern(text);
}

/** A digit's value, or NaN. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

function twoDigits(text: string, index: number): number {
  return digitAt(text, index) * 10 + digitAt(text, index + 1);
}

/** 'YYYY-MM-DDTHH:MM:SS' followed by 'Z' or '+HH:MM' / '-HH:MM', else undefined (the caller falls back). */
function parseUsualInstant(text: string): number | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let offset: number;
  if (text.length === 20) {
    if (text.charCodeAt(19) !== 90) return undefined;
    offset = 0;
  } else {
    const sign = text.charCodeAt(19);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58) return undefined;
    offset = (sign === 45 ? -1 : 1) * (twoDigits(text, 20) * 60 + twoDigits(text, 23));
  }
  // NaN (a non-digit) and out-of-range fields go through the pattern, which gives the precise error.
  if (!(hour <= 23 && minute <= 59 && second <= 59 && month >= 1 && month <= 12 && day >= 1) || Number.isNaN(year + offset)) return undefined;
  if (day > 28 && day > daysInMonth(year, month)) return undefined;
  return dayFromYmd(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute + second / 60 - offset;
}

/** parseInstant through the full pattern; exported for the test that holds the digit-by-digit reading to it. */
export function parseInstantWithPattern(text: string): number {
  const match = typeof text === 'string' ? DATE_TIME_RE.exec(text) : null;
  if (match === null) {
    throw new TthcError(
      'INVALID_ARGUMENT',
      `expected an ISO date-time with an offset such as "2026-02-12T10:00:00+07:00", got ${JSON.stringify(text)}`,
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const fraction = match[7] === undefined ? 0 : Number(`0.${match[7]}`);
  checkDate(year, month, day, text);
  if (hour > 23 || minute > 59 || second > 59) throw new TthcError('INVALID_ARGUMENT', `"${text}" has an invalid time of day`);
  const zone = match[8]!;
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return dayFromYmd(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute + (second + fraction) / 60 - offset;
}

/** Parses either a plain date (start of that day in Vietnam) or an ISO date-time with offset, into epoch minutes. */
export function parseDateOrInstant(text: string): number {
  if (typeof text === 'string' && DATE_RE.test(text)) return (parseDay(text) * MINUTES_PER_DAY) - VIETNAM_OFFSET_MINUTES;
  return parseInstant(text);
}

/** Vietnamese day number and minute of the day of an instant given in epoch minutes. */
export function vietnamDayOf(epochMinutes: number): { day: number; minute: number } {
  const local = epochMinutes + VIETNAM_OFFSET_MINUTES;
  const day = Math.floor(local / MINUTES_PER_DAY);
  return { day, minute: local - day * MINUTES_PER_DAY };
}

/** Epoch minutes of a Vietnamese day number and minute of day. */
export function instantOf(day: number, minute: number): number {
  return day * MINUTES_PER_DAY + minute - VIETNAM_OFFSET_MINUTES;
}

/** Formats epoch minutes as an ISO date-time in Vietnam time, 'YYYY-MM-DDTHH:mm:ss+07:00' (seconds rounded). */
export function formatInstant(epochMinutes: number): string {
  const totalSeconds = Math.round((epochMinutes + VIETNAM_OFFSET_MINUTES) * 60);
  const day = Math.floor(totalSeconds / 86400);
  const rest = totalSeconds - day * 86400;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  return `${formatDay(day)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}+07:00`;
}

/** Parses 'HH:MM' into minutes of the day. */
export function parseClock(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (match === null) throw new TthcError('INVALID_ARGUMENT', `expected a time "HH:MM", got ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Accepts a day number or a 'YYYY-MM-DD' / ISO string, returning the Vietnamese day number. */
export function toDayNumber(date: string | number): number {
  if (typeof date === 'number') {
    if (!Number.isInteger(date)) throw new TthcError('INVALID_ARGUMENT', `expected an integer day number, got ${date}`);
    return date;
  }
  if (typeof date === 'string' && DATE_RE.test(date)) return parseDay(date);
  return vietnamDayOf(parseInstant(date)).day;
}
