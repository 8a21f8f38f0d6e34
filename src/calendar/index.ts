/** The working calendar: lunar dates, holiday rules as data, working-day arithmetic, due dates. */
export { CALENDAR_ISSUE_CODES } from './codes.js';
export {
  CALENDAR_FILE_SCHEMAS,
  CalendarYearFileSchema,
  ConfidenceSchema,
  DayOffSchema,
  HolidayRuleSchema,
  HolidayRulesFileSchema,
  MakeUpDaySchema,
  OfficePolicyFileSchema,
} from './schema.js';
export type {
  CalendarData,
  CalendarFileKind,
  CalendarYearFile,
  Confidence,
  DayOff,
  DayOffReason,
  HolidayRule,
  HolidayRulesFile,
  LocalizedName,
  MakeUpDay,
  OfficePolicy,
  OfficePolicyFile,
} from './schema.js';
export { assembleCalendarData, assertCalendarFiles, parseCalendarFiles } from './parse.js';
export type { CalendarSourceFile, ParseCalendarResult } from './parse.js';
export { createCalendar, listYear, yearStatus } from './calendar.js';
export type { Calendar, CreateCalendarOptions, DayInfo, DayReason, ScheduleStatus, YearSchedule } from './calendar.js';
export { addWorkingDays, describeDay, differenceInWorkingDays, isWorkingDay, nextWorkingDay, vietnamDateOf } from './working-days.js';
export type { DateInput } from './working-days.js';
export { computeDueDate, deadlineStatus, DEADLINE_UNITS, officePolicyFor } from './due-date.js';
export type { AppliedRule, Deadline, DeadlineStage, DeadlineStatus, DeadlineUnit, DueDate, DueDateRequest, DueDateStage, Pause, SkippedDay } from './due-date.js';
export { fromLunarDate, hungKingsDay, lastDayOfLunarYear, leapMonthOf, lunarNewYear, toLunarDate } from './lunar.js';
export type { LunarDate } from './lunar.js';
