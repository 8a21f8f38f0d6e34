/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7 with Hồ Ngọc Đức's published algorithm
 * (new moons and solar longitude from Meeus' series). Compact, dependency-free and browser-safe. Verified in tests
 * against data/calendar (1900-2100) and against date-chinese's CalendarVietnamese.
 */
import { describeValue, TthcError, describeValueVi } from '../errors.js';
import { dayFromYmd, formatDay, toDayNumber, ymdFromDay } from './_days.js';
import { expectObject } from '../arguments.js';

/** A date on the Vietnamese lunar calendar. `leap` marks the intercalary month (tháng nhuận). */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

const TIME_ZONE = 7;
const JD_OF_EPOCH_DAY = 2440588; // Julian day number of 1970-01-01
const DR = Math.PI / 180;
/** Supported Gregorian years. */
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2100;

function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  C1 -= 0.0004 * Math.sin(DR * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

/** Sector (0-11) of the sun's longitude at the start of a Julian day, in local time. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

function jdFromYmd(year: number, month: number, day: number): number {
  return dayFromYmd(year, month, day) + JD_OF_EPOCH_DAY;
}

/** Julian day of the start of the lunar month containing the winter solstice (tháng 11) of a Gregorian year. */
function lunarMonth11(year: number): number {
  const off = jdFromYmd(year, 12, 31) - 2415021;
  const k = Math.floor(off / 29.530588853);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number, argument = 'year'): void {
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    throw new TthcError('INVALID_ARGUMENT', `${argument}: expected an integer year ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}, got ${describeValue(year)}`, { messageVi: `${argument}: cần một năm nguyên trong khoảng ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}, nhận được ${describeValueVi(year)}`, argument });
  }
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new TthcError('OUT_OF_RANGE', `lunar year ${year} is outside ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}`, { messageVi: `năm âm lịch ${year} nằm ngoài khoảng ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}` });
  }
}

/** Converts a Gregorian date ('YYYY-MM-DD' or day number) to the Vietnamese lunar date. */
export function toLunarDate(date: string | number): LunarDate {
  const epochDay = toDayNumber(date);
  const { year: yy } = ymdFromDay(epochDay);
  checkYear(yy);
  const dayNumber = epochDay + JD_OF_EPOCH_DAY;
  // The mean lunation only estimates which new moon starts the month: step until it is the last one on or before the
  // day (the estimate is one month off at some month ends, 2054-05-07 and 2062-04-09 among them).
  let k = Math.floor((dayNumber - 2415021.076998695) / 29.530588853) + 1;
  while (newMoonDay(k) > dayNumber) k -= 1;
  while (newMoonDay(k + 1) <= dayNumber) k += 1;
  const monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  // January 1900 before Tết is lunar 1899: outside the years fromLunarDate takes back, so outside the range here too.
  if (lunarYear < LUNAR_MIN_YEAR || lunarYear > LUNAR_MAX_YEAR) {
    throw new TthcError('OUT_OF_RANGE', `date: ${formatDay(epochDay)} falls in lunar year ${lunarYear}, outside ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}`, { messageVi: `date: ngày ${formatDay(epochDay)} thuộc năm âm lịch ${lunarYear}, ngoài khoảng ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}`, argument: 'date' });
  }
  return Object.freeze({ year: lunarYear, month, day, leap });
}

/** Day number of a Vietnamese lunar date; throws INVALID_ARGUMENT for a leap month that does not exist. */
export function lunarToDayNumber(lunar: LunarDate): number {
  expectObject(lunar, 'lunar', { en: '{ year, month, day, leap }', vi: '{ year, month, day, leap }' });
  const { year, month, day, leap } = lunar;
  if (typeof leap !== 'boolean') throw new TthcError('INVALID_ARGUMENT', `lunar.leap: expected true or false, got ${describeValue(leap)}`, { messageVi: `lunar.leap: cần true hoặc false, nhận được ${describeValueVi(leap)}`, argument: 'lunar' });
  checkYear(year, 'lunar.year');
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new TthcError('INVALID_ARGUMENT', `invalid lunar date ${day}/${month}/${year}`, { messageVi: `ngày âm lịch ${day}/${month}/${year} không hợp lệ` });
  }
  const [a11, b11] = month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)];
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new TthcError('INVALID_ARGUMENT', `lunar year ${year} has no leap month ${month}`, { messageVi: `năm âm lịch ${year} không có tháng ${month} nhuận` });
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new TthcError('INVALID_ARGUMENT', `lunar year ${year} has no leap month`, { messageVi: `năm âm lịch ${year} không có tháng nhuận` });
  }
  const start = newMoonDay(k + off);
  const next = newMoonDay(k + off + 1);
  if (day > next - start) throw new TthcError('INVALID_ARGUMENT', `lunar month ${month}/${year} has ${next - start} days`, { messageVi: `tháng âm lịch ${month}/${year} có ${next - start} ngày` });
  return start + day - 1 - JD_OF_EPOCH_DAY;
}

/** Converts a Vietnamese lunar date to 'YYYY-MM-DD'. */
export function fromLunarDate(lunar: LunarDate): string {
  return formatDay(lunarToDayNumber(lunar));
}

/** Tết Nguyên đán: the first day of the lunar year that starts in the given Gregorian year. */
export function lunarNewYear(year: number): string {
  checkYear(year);
  return formatDay(lunarToDayNumber({ year, month: 1, day: 1, leap: false }));
}

/** The last day of a lunar year (ngày cuối năm, 29 or 30 tháng Chạp): the eve of the next Tết, in Gregorian year + 1. */
export function lastDayOfLunarYear(lunarYear: number): string {
  checkYear(lunarYear, 'lunarYear');
  return formatDay(lunarToDayNumber({ year: lunarYear + 1, month: 1, day: 1, leap: false }) - 1);
}

/** Hùng Kings' Commemoration (Giỗ Tổ Hùng Vương, 10/3 lunar, the regular third month in a leap year). */
export function hungKingsDay(year: number): string {
  checkYear(year);
  return formatDay(lunarToDayNumber({ year, month: 3, day: 10, leap: false }));
}

/** The leap month (1-12) of a lunar year, or undefined when it has none. */
export function leapMonthOf(lunarYear: number): number | undefined {
  checkYear(lunarYear, 'lunarYear');
  // Months 1-10 of lunar year Y lie in the solar year (sui) from month 11 of Y-1; months 11-12 in the next one.
  const inSui = (fromYear: number): number | undefined => {
    const a11 = lunarMonth11(fromYear);
    if (lunarMonth11(fromYear + 1) - a11 <= 365) return undefined;
    const leapMonth = leapMonthOffset(a11) - 2;
    return leapMonth < 0 ? leapMonth + 12 : leapMonth;
  };
  const early = inSui(lunarYear - 1);
  if (early !== undefined && early <= 10) return early;
  const late = lunarYear < LUNAR_MAX_YEAR ? inSui(lunarYear) : undefined;
  return late !== undefined && late >= 11 ? late : undefined;
}
