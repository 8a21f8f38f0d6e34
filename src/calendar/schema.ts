/**
 * Strict schemas of the calendar data files in rules/calendar/. Every file starts with `kind:`; the kind picks the
 * schema in {@link CALENDAR_FILE_SCHEMAS}. Nothing of the law lives in code: holidays, hours and cut-offs are data.
 */
import { SCHEMA_TEXT } from '../source/schema-texts.js';
import * as z from 'zod';
import { CALENDAR_YEARS, CONFIDENCES } from '../vocabulary.js';
import { WEEKDAY_NAMES } from './weekdays.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, SCHEMA_TEXT.quotedDate.en)
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, m - 1, d));
    return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
  }, SCHEMA_TEXT.notValidCalendarDate.en);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, SCHEMA_TEXT.clock.en);

/** How well a fact is established: high (law text or two reputable sources), medium (one), low (unverified). */
export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.output<typeof ConfidenceSchema>;

export const LocalizedNameSchema = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedName = z.output<typeof LocalizedNameSchema>;

export { WEEKDAY_NAMES } from './weekdays.js';
export type { WeekdayName } from './weekdays.js';
const weekday = z.enum(WEEKDAY_NAMES);
const byWeekday = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    monday: value,
    tuesday: value,
    wednesday: value,
    thursday: value,
    friday: value,
    saturday: value,
    sunday: value,
  });

const basis = { legalBasis: z.string().min(1), confidence: ConfidenceSchema, note: z.string().optional() };
const validity = { validFrom: isoDate.optional(), validTo: isoDate.optional() };

/** Days of each solar month in a common year: a holiday on 29 February would vanish three years in four. */
const SOLAR_MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const HolidayDateSchema = z.discriminatedUnion('calendar', [
  z
    .strictObject({ calendar: z.literal('solar'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .refine((date) => date.day <= SOLAR_MONTH_DAYS[date.month - 1]!, {
      message: SCHEMA_TEXT.solarDay.en,
      path: ['day'],
    }),
  // A lunar month has 29 or 30 days, varying by year: a holiday on day 30 would vanish in the years of short months.
  z
    .strictObject({ calendar: z.literal('lunar'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(30) })
    .refine((date) => date.day <= 29, { message: SCHEMA_TEXT.lunarDay.en, path: ['day'] }),
]);

/** One statutory holiday (ngày lễ, tết) and how its days are placed when no official schedule exists. */
export const HolidayRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, SCHEMA_TEXT.holidayId.en),
  name: LocalizedNameSchema,
  date: HolidayDateSchema,
  /** Whether a day of it on a weekly rest day gives a compensatory day (Labour Code 2019 Art. 111(3)). */
  compensate: z.boolean(),
  /** A block of working weekdays placed around the date (Tết): how many fall before it, by the date's weekday. */
  block: z
    .strictObject({ weekdays: z.number().int().min(1).max(10), weekdaysBefore: byWeekday(z.number().int().min(0).max(10)), ...basis })
    .optional(),
  /** One day next to the date (National Day 2/9 + 1 adjacent day): which side, by the date's weekday. */
  adjacentDay: z.strictObject({ side: byWeekday(z.enum(['before', 'after'])), ...validity, ...basis }).optional(),
  ...validity,
  ...basis,
});
export type HolidayRule = z.output<typeof HolidayRuleSchema>;

export const HolidayRulesFileSchema = z.strictObject({
  kind: z.literal('holiday-rules'),
  source: z.string().min(1),
  legalBasis: z.string().min(1),
  /** Weekly rest days of state agencies (Decision 188/1999/QĐ-TTg: Saturday and Sunday). */
  weeklyRestDays: z.strictObject({ days: z.array(weekday).max(6), ...basis }),
  /** Labour Code 2019 Art. 111(3): a holiday on a weekly rest day is compensated on the next working day. */
  compensation: z.strictObject({ rule: z.literal('next-working-day'), ...basis }),
  holidays: z.array(HolidayRuleSchema).min(1),
});
export type HolidayRulesFile = z.output<typeof HolidayRulesFileSchema>;

export const DAY_OFF_REASONS = ['holiday', 'compensation', 'swap'] as const;
export type DayOffReason = (typeof DAY_OFF_REASONS)[number];

const dayEntry = {
  date: isoDate,
  name: LocalizedNameSchema,
  /** The statutory holiday it belongs to, when any (an id in holiday-rules). */
  holiday: z.string().optional(),
  /** The document that fixed the day (e.g. "Công văn 8726/VPCP-KGVX (26/11/2024)"). */
  source: z.string().min(1),
  confidence: ConfidenceSchema,
  note: z.string().optional(),
};

/** A weekday that is not worked. */
export const DayOffSchema = z.strictObject({ ...dayEntry, reason: z.enum(DAY_OFF_REASONS), swappedWith: isoDate.optional() });
export type DayOff = z.output<typeof DayOffSchema>;

/** A Saturday (or Sunday) that is worked in exchange for a swapped weekday (ngày làm bù). */
export const MakeUpDaySchema = z.strictObject({ ...dayEntry, swappedWith: isoDate });
export type MakeUpDay = z.output<typeof MakeUpDaySchema>;

/** The official schedule of one year: every non-working weekday and every make-up working day. */
export const CalendarYearFileSchema = z.strictObject({
  kind: z.literal('calendar-year'),
  year: z
    .number()
    .int()
    .min(CALENDAR_YEARS.first, `the calendar covers ${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last}`)
    .max(CALENDAR_YEARS.last, `the calendar covers ${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last}`),
  status: z.literal('official'),
  source: z.string().min(1),
  legalBasis: z.string().min(1),
  generatedBy: z.string().optional(),
  daysOff: z.array(DayOffSchema),
  makeUpDays: z.array(MakeUpDaySchema),
});
export type CalendarYearFile = z.output<typeof CalendarYearFileSchema>;

const periodSchema = z.strictObject({ from: clock, to: clock });

const OfficeHoursSchema = z.strictObject({ periods: z.array(periodSchema).min(1), ...basis });
const SameDayCutoffSchema = z.strictObject({ time: clock, ...basis });
const ReceiptOutsideHoursSchema = z.strictObject({ rule: z.literal('next-working-day'), ...basis });
const DayCountSchema = z.strictObject({
  /** Civil Code 2015 Art. 147: the first day of a day-based period is not counted. */
  excludeReceiptDay: z.boolean(),
  /** Civil Code 2015 Art. 148: a period ending on a rest day ends on the next working day. */
  endOnRestDay: z.literal('next-working-day'),
  ...basis,
});
/** Deadlines in elapsed hours (giờ, round the clock): the clock starts on receipt and runs through nights and days off. */
const ElapsedHoursSchema = z.strictObject({ ...basis });
/** Deadlines in months (tháng): the period ends on the corresponding day of the last month, or its last day. */
const MonthsSchema = z.strictObject({ ...basis });
const PausesSchema = z.strictObject({
  /** Whether the day a pause starts still counts (the clock ran that day). */
  countStartDay: z.boolean(),
  /** Whether the day a pause ends (the clock restarts) counts. */
  countEndDay: z.boolean(),
  ...basis,
});

const ProvincePolicySchema = z.strictObject({
  name: z.string().optional(),
  source: z.string().min(1),
  officeHours: OfficeHoursSchema.optional(),
  sameDayCutoff: SameDayCutoffSchema.optional(),
  receiptOutsideHours: ReceiptOutsideHoursSchema.optional(),
  dayCount: DayCountSchema.optional(),
  elapsedHours: ElapsedHoursSchema.optional(),
  months: MonthsSchema.optional(),
  pauses: PausesSchema.optional(),
});

/** Office hours, the same-day cut-off and how the clock counts; overridable per province (2-digit code). */
export const OfficePolicyFileSchema = z.strictObject({
  kind: z.literal('office-policy'),
  source: z.string().min(1),
  legalBasis: z.string().min(1),
  officeHours: OfficeHoursSchema,
  sameDayCutoff: SameDayCutoffSchema,
  receiptOutsideHours: ReceiptOutsideHoursSchema,
  dayCount: DayCountSchema,
  elapsedHours: ElapsedHoursSchema,
  months: MonthsSchema,
  pauses: PausesSchema,
  provinces: z.record(z.string().regex(/^\d{2}$/, SCHEMA_TEXT.provinceCodeBare.en), ProvincePolicySchema),
});
export type OfficePolicyFile = z.output<typeof OfficePolicyFileSchema>;
export type OfficePolicy = Omit<OfficePolicyFile, 'kind' | 'provinces'>;

/** Schemas of the calendar data files, keyed by their `kind:`. */
export const CALENDAR_FILE_SCHEMAS = Object.freeze({
  'holiday-rules': HolidayRulesFileSchema,
  'calendar-year': CalendarYearFileSchema,
  'office-policy': OfficePolicyFileSchema,
});
export type CalendarFileKind = keyof typeof CALENDAR_FILE_SCHEMAS;

/** Every parsed calendar file, ready for createCalendar. */
export interface CalendarData {
  readonly holidayRules: HolidayRulesFile;
  readonly officePolicy: OfficePolicyFile;
  readonly years: readonly CalendarYearFile[];
}
