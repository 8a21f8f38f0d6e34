/**
 * Building a calendar: the official schedules where they exist, a projection from the statutory rules elsewhere,
 * precomputed into a day bitmap with cumulative working-day counts so every query is O(1) or O(log n).
 */
import { describeValueVi, describeValue, TthcError } from '../errors.js';
import { CALENDAR_YEARS } from '../vocabulary.js';
import { dayFromYmd, formatDay, parseDay, weekdayOf, ymdFromDay } from './_days.js';
import { contentHash } from './_hash.js';
import { lunarToDayNumber } from './lunar.js';
import { WEEKDAY_NAMES } from './weekdays.js';
import type { CalendarData, Confidence, HolidayRule, LocalizedName } from './schema.js';
import { expectFields, expectOptions } from '../arguments.js';

/** Whether a day's status rests on an official schedule or on the projection from statutory rules. */
export type ScheduleStatus = 'official' | 'projected';

/** Why a day is (not) worked. */
export type DayReason = 'working-day' | 'weekend' | 'holiday' | 'compensation' | 'swap' | 'make-up';

/** Everything the calendar knows about one day. */
export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly reason: DayReason;
  /** The holiday (or occasion) name, for holidays, compensation, swaps and make-up days. */
  readonly name?: LocalizedName;
  /** The holiday id in holiday-rules, when known. */
  readonly holiday?: string;
  /** The document behind the day (official) or the rule it was projected from. */
  readonly source?: string;
  readonly confidence?: Confidence;
  /** For a swap or make-up day, the other day of the exchange. */
  readonly swappedWith?: string;
  readonly note?: string;
  readonly status: ScheduleStatus;
}

/** Options of {@link createCalendar}. */
export interface CreateCalendarOptions {
  /** First Gregorian year covered (default 1968). */
  readonly fromYear?: number;
  /** Last Gregorian year covered (default 2100). */
  readonly toYear?: number;
}

/** @internal The precomputed index behind a calendar. */
export interface CalendarIndex {
  readonly firstDay: number;
  readonly lastDay: number;
  /** 1 for a working day, by day index. */
  readonly working: Uint8Array;
  /** Working days strictly before each day index (length = days + 1). */
  readonly cumulative: Int32Array;
  /** Day index of the k-th working day (0-based). */
  readonly workingDays: Int32Array;
  /** Sorted day numbers of every non-working day (weekends included). */
  readonly nonWorking: Int32Array;
  /** Non-working weekdays and worked rest days, by day number. */
  readonly special: ReadonlyMap<number, DayInfo>;
  readonly officialYears: ReadonlySet<number>;
  readonly restWeekdays: ReadonlySet<number>;
}

/** A built working calendar: plain frozen data; query it with the calendar functions. */
export interface Calendar {
  /** Content hash of the data the calendar was built from. */
  readonly version: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** Years with an official schedule; every other year is projected. */
  readonly officialYears: readonly number[];
  readonly data: CalendarData;
  /** @internal */
  readonly _index: CalendarIndex;
}

const DEFAULT_FROM = CALENDAR_YEARS.first;
const DEFAULT_TO = CALENDAR_YEARS.last;

/**
 * Builds a frozen calendar from parsed data files.
 * @example const calendar = createCalendar(parseCalendarFiles(files).data!);
 * @throws TthcError INVALID_ARGUMENT when the year range is outside 1900-2100 or reversed.
 */
export function createCalendar(data: CalendarData, options: CreateCalendarOptions = {}): Calendar {
  expectFields(data, 'data', { en: 'calendar data from assertCalendarFiles', vi: 'dữ liệu lịch do assertCalendarFiles trả về' }, { holidayRules: 'object', officePolicy: 'object', years: 'array' });
  expectOptions(options);
  const fromYear = options.fromYear ?? DEFAULT_FROM;
  const toYear = options.toYear ?? DEFAULT_TO;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear < 1901 || toYear > 2100 || fromYear > toYear) {
    throw new TthcError('INVALID_ARGUMENT', `calendar years must lie within 1901-2100, got ${fromYear}-${toYear}`, {
      messageVi: `các năm của lịch phải nằm trong khoảng 1901-2100, nhận được ${fromYear}-${toYear}`,
    });
  }
  const firstDay = dayFromYmd(fromYear, 1, 1);
  const lastDay = dayFromYmd(toYear, 12, 31);
  const size = lastDay - firstDay + 1;
  const restWeekdays = new Set(data.holidayRules.weeklyRestDays.days.map((name) => WEEKDAY_NAMES.indexOf(name)));
  const special = new Map<number, DayInfo>();
  const officialYears = new Set<number>();

  for (const yearFile of data.years) {
    if (yearFile.year < fromYear || yearFile.year > toYear) continue;
    officialYears.add(yearFile.year);
    for (const entry of yearFile.daysOff) {
      special.set(parseDay(entry.date), clean({ ...entry, working: false, status: 'official' as const }));
    }
    for (const entry of yearFile.makeUpDays) {
      special.set(parseDay(entry.date), clean({ ...entry, working: true, reason: 'make-up' as const, status: 'official' as const }));
    }
  }
  for (let year = fromYear; year <= toYear; year += 1) {
    if (officialYears.has(year)) continue;
    for (const info of projectYear(data, year, restWeekdays)) special.set(parseDay(info.date), info);
  }

  const working = new Uint8Array(size);
  const cumulative = new Int32Array(size + 1);
  let count = 0;
  const nonWorkingList: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const day = firstDay + i;
    const info = special.get(day);
    const isWorking = info !== undefined ? info.working : !restWeekdays.has(weekdayOf(day));
    cumulative[i] = count;
    if (isWorking) {
      working[i] = 1;
      count += 1;
    } else {
      nonWorkingList.push(day);
    }
  }
  cumulative[size] = count;
  const workingDays = new Int32Array(count);
  for (let i = 0, k = 0; i < size; i += 1) if (working[i] === 1) workingDays[k++] = i;

  const index: CalendarIndex = Object.freeze({
    firstDay,
    lastDay,
    working,
    cumulative,
    workingDays,
    nonWorking: Int32Array.from(nonWorkingList),
    special,
    officialYears,
    restWeekdays,
  });
  const calendar = {
    version: contentHash({ data, fromYear, toYear }),
    fromYear,
    toYear,
    officialYears: Object.freeze([...officialYears].sort((a, b) => a - b)),
    data,
  } as Calendar;
  Object.defineProperty(calendar, '_index', { value: index, enumerable: false });
  return Object.freeze(calendar);
}

type Loose<T> = { [K in keyof T]: T[K] | undefined };

/** Drops undefined fields and freezes. */
function clean(value: Loose<DayInfo>): DayInfo {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return Object.freeze(out) as unknown as DayInfo;
}

function inValidity(rule: { validFrom?: string | undefined; validTo?: string | undefined }, day: number): boolean {
  return (rule.validFrom === undefined || day >= parseDay(rule.validFrom)) && (rule.validTo === undefined || day <= parseDay(rule.validTo));
}

function holidayDay(rule: HolidayRule, year: number): number | undefined {
  if (rule.date.calendar === 'lunar') {
    try {
      return lunarToDayNumber({ year, month: rule.date.month, day: rule.date.day, leap: false });
    } catch {
      return undefined; // e.g. a 30th day in a 29-day month
    }
  }
  const day = dayFromYmd(year, rule.date.month, rule.date.day);
  return ymdFromDay(day).month === rule.date.month ? day : undefined;
}

/** The non-working weekdays of a year without an official schedule, from the statutory rules. */
export function projectYear(data: CalendarData, year: number, restWeekdays: ReadonlySet<number>): DayInfo[] {
  const rules = data.holidayRules;
  const off = new Map<number, DayInfo>();
  const pending: { day: number; rule: HolidayRule }[] = [];
  const isRest = (day: number): boolean => restWeekdays.has(weekdayOf(day));
  const source = (basis: string): string => `projected from holiday-rules: ${basis}`;
  const put = (day: number, rule: HolidayRule, reason: 'holiday' | 'compensation', legalBasis: string, confidence: Confidence, note?: string): void => {
    if (off.has(day)) return;
    off.set(
      day,
      clean({ date: formatDay(day), working: false, reason, name: rule.name, holiday: rule.id, source: source(legalBasis), confidence, note, status: 'projected' as const }),
    );
  };

  for (const rule of rules.holidays) {
    const day = holidayDay(rule, year);
    if (day === undefined || !inValidity(rule, day)) continue;
    if (rule.block !== undefined) {
      const block = rule.block;
      const weekdayName = WEEKDAY_NAMES[weekdayOf(day)]!;
      const before = Math.min(block.weekdaysBefore[weekdayName], block.weekdays);
      let cursor = day - 1;
      for (let placed = 0; placed < before; cursor -= 1) {
        if (!isRest(cursor)) {
          put(cursor, rule, 'holiday', block.legalBasis, block.confidence);
          placed += 1;
        }
      }
      cursor = day;
      for (let placed = 0; placed < block.weekdays - before; cursor += 1) {
        if (!isRest(cursor)) {
          put(cursor, rule, 'holiday', block.legalBasis, block.confidence);
          placed += 1;
        }
      }
      continue;
    }
    const days = [day];
    if (rule.adjacentDay !== undefined && inValidity(rule.adjacentDay, day)) {
      days.push(day + (rule.adjacentDay.side[WEEKDAY_NAMES[weekdayOf(day)]!] === 'before' ? -1 : 1));
    }
    for (const [position, holiday] of days.entries()) {
      const basis = position === 0 ? rule : rule.adjacentDay!;
      if (isRest(holiday)) {
        if (rule.compensate) pending.push({ day: holiday, rule });
      } else {
        put(holiday, rule, 'holiday', basis.legalBasis, basis.confidence);
      }
    }
  }
  pending.sort((a, b) => a.day - b.day);
  for (const { day, rule } of pending) {
    let cursor = day + 1;
    while (isRest(cursor) || off.has(cursor)) cursor += 1;
    put(cursor, rule, 'compensation', rules.compensation.legalBasis, rules.compensation.confidence, `for ${formatDay(day)}`);
  }
  return [...off.values()];
}

/** @internal Index of a day number, or throws OUT_OF_RANGE. */
export function dayIndex(calendar: Calendar, day: number): number {
  const index = (calendar as Calendar | null | undefined)?._index;
  if (index === undefined) notACalendar(calendar);
  if (day < index.firstDay || day > index.lastDay) {
    throw new TthcError('OUT_OF_RANGE', `${formatDay(day)} is outside the calendar (${calendar.fromYear}-${calendar.toYear})`, {
      messageVi: `ngày ${formatDay(day)} nằm ngoài lịch làm việc (${calendar.fromYear}-${calendar.toYear})`,
    });
  }
  return day - index.firstDay;
}

/** @internal Refuses what is not a calendar from createCalendar. */
export function expectCalendarArgument(calendar: unknown): void {
  if ((calendar as Calendar | null | undefined)?._index === undefined) notACalendar(calendar);
}

function notACalendar(value: unknown): never {
  throw new TthcError('INVALID_ARGUMENT', `calendar: expected a calendar from createCalendar, got ${describeValue(value)}`, {
    argument: 'calendar',
    messageVi: `calendar: cần một lịch do createCalendar tạo, nhận được ${describeValueVi(value)}`,
  });
}

/** Whether a year's days rest on an official schedule or on the projection. */
export function yearStatus(calendar: Calendar, year: number): ScheduleStatus {
  expectCalendarArgument(calendar);
  return calendar._index.officialYears.has(year) ? 'official' : 'projected';
}

/** @internal Describes a day number. */
export function dayInfoOf(calendar: Calendar, day: number): DayInfo {
  const i = dayIndex(calendar, day);
  const index = calendar._index;
  const info = index.special.get(day);
  if (info !== undefined) return info;
  const status = yearStatus(calendar, ymdFromDay(day).year);
  return index.working[i] === 1
    ? { date: formatDay(day), working: true, reason: 'working-day', status }
    : { date: formatDay(day), working: false, reason: 'weekend', status };
}

/** The schedule of one year: non-working weekdays and worked rest days. */
export interface YearSchedule {
  readonly year: number;
  readonly status: ScheduleStatus;
  readonly daysOff: readonly DayInfo[];
  readonly makeUpDays: readonly DayInfo[];
}

/**
 * Lists a year's non-working weekdays and make-up working days.
 * @throws TthcError OUT_OF_RANGE for a year outside the calendar.
 */
export function listYear(calendar: Calendar, year: number): YearSchedule {
  expectCalendarArgument(calendar);
  if (!Number.isInteger(year) || year < calendar.fromYear || year > calendar.toYear) {
    throw new TthcError('OUT_OF_RANGE', `year ${year} is outside the calendar (${calendar.fromYear}-${calendar.toYear})`, {
      messageVi: `năm ${year} nằm ngoài lịch làm việc (${calendar.fromYear}-${calendar.toYear})`,
    });
  }
  const daysOff: DayInfo[] = [];
  const makeUpDays: DayInfo[] = [];
  for (let day = dayFromYmd(year, 1, 1), last = dayFromYmd(year, 12, 31); day <= last; day += 1) {
    const info = calendar._index.special.get(day);
    if (info === undefined) continue;
    (info.working ? makeUpDays : daysOff).push(info);
  }
  return Object.freeze({ year, status: yearStatus(calendar, year), daysOff: Object.freeze(daysOff), makeUpDays: Object.freeze(makeUpDays) });
}
