/**
 * Internal day arithmetic. A day number counts days since 1970-01-01 on the Vietnamese civil calendar (UTC+7).
 * Pure integer arithmetic: never the host's local time, never `Date` getters that depend on it.
 */
import { describeValue, TthcError, describeValueVi } from '../errors.js';
import { CALENDAR_YEARS } from '../vocabulary.js';

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

/** UTC offsets that exist: -12:00 (Baker Island) to +14:00 (Kiribati). */
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

function checkDate(year: number, month: number, day: number, text: string, argument: string): void {
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) invalidDate(year, month, text, argument);
}

function invalidDate(year: number, month: number, text: string, argument: string): never {
  const badMonth = month < 1 || month > 12;
  const detail = badMonth ? 'month 01-12' : `day 01-${daysInMonth(year, month)} in ${pad4(year)}-${pad2(month)}`;
  const detailVi = badMonth ? 'tháng từ 01 đến 12' : `ngày từ 01 đến ${daysInMonth(year, month)} trong tháng ${pad4(year)}-${pad2(month)}`;
  throw new TthcError('INVALID_ARGUMENT', `${argument}: "${text}" is not a date that exists (expected ${detail})`, {
    argument,
    messageVi: `${argument}: "${text}" không phải là một ngày có thật (cần ${detailVi})`,
  });
}

function checkYearInRange(year: number, text: string, argument: string): void {
  if (year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) {
    throw new TthcError('OUT_OF_RANGE', `${argument}: "${text}" is outside the years the working calendar covers (${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last})`, {
      argument,
      messageVi: `${argument}: "${text}" nằm ngoài các năm của lịch làm việc (${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last})`,
    });
  }
}

/**
 * The day number of a 'YYYY-MM-DD' date that exists (any year 0000-9999: data dates), else undefined. Integer
 * arithmetic, not Date.UTC, which maps years 0-99 to 1900-1999. The one reader of plain dates: parseDay and
 * src/date-string.ts use it.
 */
export function dayNumberOfDate(text: unknown): number | undefined {
  const match = typeof text === 'string' ? DATE_RE.exec(text) : null;
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return undefined;
  return dayFromYmd(year, month, day);
}

/** Parses 'YYYY-MM-DD' into a day number; throws INVALID_ARGUMENT, saying what is wrong, otherwise. */
export function parseDay(text: string, argument = 'date'): number {
  const day = dayNumberOfDate(text);
  if (day !== undefined) return day;
  const match = typeof text === 'string' ? DATE_RE.exec(text) : null;
  if (match === null) {
    throw new TthcError('INVALID_ARGUMENT', `${argument}: expected a date "YYYY-MM-DD", got ${describeValue(text)}`, { argument, messageVi: `${argument}: cần một ngày dạng "YYYY-MM-DD", nhận được ${describeValueVi(text)}` });
  }
  return invalidDate(Number(match[1]), Number(match[2]), text, argument);
}

/** parseDay for a date a caller passes as the day the law is read at or a calendar query: the calendar's years only. */
export function parseCalendarDay(text: string, argument: string): number {
  const day = parseDay(text, argument);
  checkYearInRange(ymdFromDay(day).year, text, argument);
  return day;
}

/**
 * Parses an RFC 3339 date-time with an explicit offset into epoch minutes (fractions of a minute kept): a date that
 * exists, in the calendar's years (1968-2100), hours 00-23, minutes and seconds 00-59, an offset from -12:00 to
 * +14:00 with minutes 00-59. The usual shapes (with seconds, no fraction) are read digit by digit; anything else, and
 * every error, goes through the full pattern. `argument` names the input in error messages.
 */
export function parseInstant(text: string, argument = 'instant'): number {
  if (typeof text === 'string' && (text.length === 25 || text.length === 20)) {
    const fast = parseUsualInstant(text);
    if (fast !== undefined) return fast;
  }
  return parseInstantWithPattern(text, argument);
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
    const offsetMinutes = twoDigits(text, 23);
    if (!(offsetMinutes <= 59)) return undefined;
    offset = (sign === 45 ? -1 : 1) * (twoDigits(text, 20) * 60 + offsetMinutes);
    if (offset < MIN_OFFSET_MINUTES || offset > MAX_OFFSET_MINUTES) return undefined;
  }
  // NaN (a non-digit) and out-of-range fields go through the pattern, which gives the precise error.
  if (!(hour <= 23 && minute <= 59 && second <= 59 && month >= 1 && month <= 12 && day >= 1) || Number.isNaN(year + offset)) return undefined;
  if (day > 28 && day > daysInMonth(year, month)) return undefined;
  if (year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) return undefined;
  return dayFromYmd(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute + second / 60 - offset;
}

/** parseInstant through the full pattern; exported for the test that holds the digit-by-digit reading to it. */
export function parseInstantWithPattern(text: string, argument = 'instant'): number {
  const match = typeof text === 'string' ? DATE_TIME_RE.exec(text) : null;
  if (match === null) {
    throw new TthcError(
      'INVALID_ARGUMENT',
      `${argument}: expected an RFC 3339 date-time with an offset such as "2026-02-12T10:00:00+07:00", got ${describeValue(text)}`,
      { argument, messageVi: `${argument}: cần một thời điểm RFC 3339 có múi giờ, ví dụ "2026-02-12T10:00:00+07:00", nhận được ${describeValueVi(text)}` },
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const fraction = match[7] === undefined ? 0 : Number(`0.${match[7]}`);
  checkDate(year, month, day, text, argument);
  if (hour > 23 || minute > 59 || second > 59) {
    throw new TthcError('INVALID_ARGUMENT', `${argument}: "${text}" has an invalid time of day (hours 00-23, minutes and seconds 00-59)`, {
      argument,
      messageVi: `${argument}: "${text}" có giờ không hợp lệ (giờ từ 00 đến 23, phút và giây từ 00 đến 59)`,
    });
  }
  const zone = match[8]!;
  const offsetMinutes = zone === 'Z' ? 0 : Number(zone.slice(4, 6));
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + offsetMinutes);
  if (offsetMinutes > 59 || offset < MIN_OFFSET_MINUTES || offset > MAX_OFFSET_MINUTES) {
    throw new TthcError('INVALID_ARGUMENT', `${argument}: "${text}" has an impossible UTC offset ${zone} (expected -12:00 to +14:00, minutes 00-59)`, {
      argument,
      messageVi: `${argument}: "${text}" có độ lệch múi giờ ${zone} không thể có (cần từ -12:00 đến +14:00, phút từ 00 đến 59)`,
    });
  }
  checkYearInRange(year, text, argument);
  return dayFromYmd(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute + (second + fraction) / 60 - offset;
}

/** Parses either a plain date (start of that day in Vietnam) or an ISO date-time with offset, into epoch minutes. */
export function parseDateOrInstant(text: string, argument = 'instant'): number {
  if (typeof text === 'string' && DATE_RE.test(text)) return (parseCalendarDay(text, argument) * MINUTES_PER_DAY) - VIETNAM_OFFSET_MINUTES;
  return parseInstant(text, argument);
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
  const match = typeof text === 'string' ? /^(\d{2}):(\d{2})$/.exec(text) : null;
  if (match === null) throw new TthcError('INVALID_ARGUMENT', `expected a time "HH:MM", got ${describeValue(text)}`, { messageVi: `cần một giờ dạng "HH:MM", nhận được ${describeValueVi(text)}` });
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Accepts a day number or a 'YYYY-MM-DD' / ISO string, returning the Vietnamese day number. */
export function toDayNumber(date: string | number, argument = 'date'): number {
  if (typeof date === 'number') {
    if (!Number.isSafeInteger(date)) {
      throw new TthcError('INVALID_ARGUMENT', `${argument}: expected an integer day number, got ${describeValue(date)}`, { argument, messageVi: `${argument}: cần một số ngày nguyên, nhận được ${describeValueVi(date)}` });
    }
    return date;
  }
  if (typeof date === 'string' && DATE_RE.test(date)) return parseDay(date, argument);
  if (typeof date !== 'string') {
    throw new TthcError('INVALID_ARGUMENT', `${argument}: expected a date "YYYY-MM-DD", an RFC 3339 date-time or a day number, got ${describeValue(date)}`, {
      argument,
      messageVi: `${argument}: cần một ngày dạng "YYYY-MM-DD", một thời điểm RFC 3339 hoặc một số ngày, nhận được ${describeValueVi(date)}`,
    });
  }
  return vietnamDayOf(parseInstant(date, argument)).day;
}
