/**
 * Assembling schema-valid calendar files into calendar data, with the checks across them. Neither zod nor yaml: a
 * router built from a snapshot assembles its calendar here. Browser-safe.
 */
import { compareIssues, createIssue } from '../errors.js';
import type { Issue, IssuePath } from '../errors.js';
import type { DataFile } from '../source/files.js';
import { dayFromYmd, parseClock, parseDay, weekdayOf } from './_days.js';
import { WEEKDAY_NAMES } from './weekdays.js';
import type { CalendarData, CalendarYearFile, HolidayRulesFile, OfficePolicyFile } from './schema.js';
import { expectDataFiles } from '../arguments.js';

/** The outcome of parsing calendar files: the data when there are no errors, and every issue found. */
export interface ParseCalendarResult {
  readonly data: CalendarData | undefined;
  readonly issues: readonly Issue[];
}

/**
 * Assembles schema-valid calendar files (holiday-rules, office-policy, calendar-year) into {@link CalendarData},
 * with the cross-file checks (one file per kind and year, dates inside their year, swaps paired). Never throws.
 */
export function assembleCalendarData(files: readonly DataFile[]): ParseCalendarResult {
  expectDataFiles(files);
  const issues: Issue[] = [];
  let holidayRules: { value: HolidayRulesFile; parsed: DataFile } | undefined;
  let officePolicy: { value: OfficePolicyFile; parsed: DataFile } | undefined;
  const years = new Map<number, { value: CalendarYearFile; parsed: DataFile }>();

  for (const parsed of files) {
    const duplicate = (what: string, whatVi: string): void => {
      issues.push(
        createIssue('CALENDAR_DUPLICATE_FILE', 'error', `a second ${what} file`, { file: parsed.file, path: ['kind'], location: parsed.locate(['kind']), vi: whatVi }),
      );
    };
    const value = parsed.data as HolidayRulesFile | OfficePolicyFile | CalendarYearFile;
    if (value.kind === 'holiday-rules') {
      if (holidayRules !== undefined) duplicate('holiday-rules', 'tệp holiday-rules thứ hai; chỉ được có một tệp loại này');
      else holidayRules = { value, parsed };
    } else if (value.kind === 'office-policy') {
      if (officePolicy !== undefined) duplicate('office-policy', 'tệp office-policy thứ hai; chỉ được có một tệp loại này');
      else officePolicy = { value, parsed };
    } else if (value.kind === 'calendar-year') {
      if (years.has(value.year)) duplicate(`calendar-year ${value.year}`, `tệp calendar-year thứ hai cho năm ${value.year}; mỗi năm chỉ được có một tệp`);
      else years.set(value.year, { value, parsed });
    }
  }

  if (holidayRules === undefined) {
    issues.push(createIssue('CALENDAR_MISSING_FILE', 'error', 'no file of kind holiday-rules', { vi: 'không có tệp nào thuộc loại tệp holiday-rules' }));
  }
  if (officePolicy === undefined) {
    issues.push(createIssue('CALENDAR_MISSING_FILE', 'error', 'no file of kind office-policy', { vi: 'không có tệp nào thuộc loại tệp office-policy' }));
  } else {
    checkOfficePolicy(officePolicy.value, officePolicy.parsed, issues);
  }
  const restDays = new Set((holidayRules?.value.weeklyRestDays.days ?? ['saturday', 'sunday']).map((name) => WEEKDAY_NAMES.indexOf(name)));
  const holidayIds = holidayRules === undefined ? undefined : new Set(holidayRules.value.holidays.map((rule) => rule.id));
  for (const { value, parsed } of years.values()) checkYear(value, parsed, restDays, holidayIds, issues);

  issues.sort(compareIssues);
  const hasErrors = issues.some((issue) => issue.severity === 'error');
  const data: CalendarData | undefined =
    hasErrors || holidayRules === undefined || officePolicy === undefined
      ? undefined
      : Object.freeze({
          holidayRules: holidayRules.value,
          officePolicy: officePolicy.value,
          years: Object.freeze([...years.values()].map((entry) => entry.value).sort((a, b) => a.year - b.year)),
        });
  return Object.freeze({ data, issues: Object.freeze(issues) });
}

function at(parsed: DataFile, path: IssuePath, vi: string): { file: string; path: IssuePath; location: ReturnType<DataFile['locate']>; vi: string } {
  return { file: parsed.file, path, location: parsed.locate(path), vi };
}

function checkOfficePolicy(policy: OfficePolicyFile, parsed: DataFile, issues: Issue[]): void {
  const check = (periods: readonly { from: string; to: string }[], path: IssuePath): void => {
    let previousEnd = -1;
    for (const [index, period] of periods.entries()) {
      const from = parseClock(period.from);
      const to = parseClock(period.to);
      if (to <= from || from < previousEnd) {
        issues.push(createIssue('CALENDAR_BAD_OFFICE_HOURS', 'error', `period ${period.from}-${period.to} overlaps or runs backwards`, at(parsed, [...path, index], `ca làm việc ${period.from}-${period.to} chồng lấn ca trước hoặc bị ngược (giờ kết thúc phải sau giờ bắt đầu)`)));
      }
      previousEnd = to;
    }
  };
  check(policy.officeHours.periods, ['officeHours', 'periods']);
  for (const [code, override] of Object.entries(policy.provinces)) {
    if (override.officeHours !== undefined) check(override.officeHours.periods, ['provinces', code, 'officeHours', 'periods']);
  }
}

function checkYear(
  file: CalendarYearFile,
  parsed: DataFile,
  restDays: ReadonlySet<number>,
  holidayIds: ReadonlySet<string> | undefined,
  issues: Issue[],
): void {
  const first = dayFromYmd(file.year, 1, 1);
  const last = dayFromYmd(file.year, 12, 31);
  const seen = new Set<string>();
  const offDates = new Set(file.daysOff.map((entry) => entry.date));
  const makeUpDates = new Set(file.makeUpDays.map((entry) => entry.date));
  const lists = [
    ['daysOff', file.daysOff],
    ['makeUpDays', file.makeUpDays],
  ] as const;
  for (const [list, entries] of lists) {
    for (const [index, entry] of entries.entries()) {
      const day = parseDay(entry.date);
      const path = [list, index, 'date'];
      if (day < first || day > last) {
        issues.push(createIssue('CALENDAR_DATE_OUTSIDE_YEAR', 'error', `${entry.date} is not in ${file.year}`, at(parsed, path, `ngày ${entry.date} không thuộc năm ${file.year}`)));
      }
      if (seen.has(entry.date)) issues.push(createIssue('CALENDAR_DUPLICATE_DATE', 'error', `${entry.date} is listed twice`, at(parsed, path, `ngày ${entry.date} bị liệt kê hai lần`)));
      seen.add(entry.date);
      const rest = restDays.has(weekdayOf(day));
      if (list === 'daysOff' && rest) {
        issues.push(createIssue('CALENDAR_DAY_OFF_ON_REST_DAY', 'warning', `${entry.date} is already a weekly rest day`, at(parsed, path, `ngày ${entry.date} vốn đã là ngày nghỉ hằng tuần`)));
      }
      if (list === 'makeUpDays' && !rest) {
        issues.push(createIssue('CALENDAR_MAKE_UP_ON_WORKING_DAY', 'error', `${entry.date} is already a working day`, at(parsed, path, `ngày ${entry.date} vốn đã là ngày làm việc`)));
      }
      if (entry.swappedWith !== undefined && !(list === 'daysOff' ? makeUpDates : offDates).has(entry.swappedWith)) {
        const other = list === 'daysOff' ? 'makeUpDays' : 'daysOff';
        issues.push(
          createIssue(
            'CALENDAR_SWAP_MISMATCH',
            'warning',
            `swappedWith ${entry.swappedWith} is not listed in ${other}`,
            at(parsed, [list, index, 'swappedWith'], `ngày ${entry.swappedWith} ghi ở swappedWith không có trong ${other}`),
          ),
        );
      }
      if (entry.holiday !== undefined && holidayIds !== undefined && !holidayIds.has(entry.holiday)) {
        issues.push(createIssue('CALENDAR_UNKNOWN_HOLIDAY', 'warning', `holiday "${entry.holiday}" is not in holiday-rules`, at(parsed, [list, index, 'holiday'], `ngày lễ "${entry.holiday}" không có trong tệp holiday-rules`)));
      }
    }
  }
}
