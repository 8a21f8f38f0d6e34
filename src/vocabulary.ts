import { periodTextIn } from './words.js';

/**
 * Lists of the domain's words that the schemas, the calendar, the rules and the public types share: defined once here,
 * free of zod so the routing core can read them.
 */

/** Units of a deadline: `hours` run round the clock, `months` to the corresponding day; `same-day` takes value 0. */
export const DEADLINE_UNITS = Object.freeze(['working-days', 'calendar-days', 'working-hours', 'hours', 'same-day', 'months'] as const);
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** A text people read, in both languages: Vietnamese always; English where the data gives it (else the Vietnamese). */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** What a text people read must be in a data file, said when a plain string (or anything else) stands there. */
export const LOCALIZED_TEXT_EXPECTED = Object.freeze({
  en: 'expected { vi, en }: a text people read, in Vietnamese (vi, required) and English (en)',
  vi: 'cần { vi, en }: văn bản người dân, cán bộ đọc, bằng tiếng Việt (vi, bắt buộc) và tiếng Anh (en)',
});

/** Whether a value is a text in both languages (an effect's reason or guidance, as rules hold them). */
export function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as { vi?: unknown }).vi === 'string' && typeof (value as { en?: unknown }).en === 'string';
}

/** What a text with an optional English reads as: the English is the Vietnamese where the data gives none. */
export function localizedText(text: { readonly vi: string; readonly en?: string | undefined }): LocalizedText {
  return Object.freeze({ vi: text.vi, en: text.en ?? text.vi });
}

/** How a procedure's competent unit or body is found. */
export const COMPETENCE_BASES = Object.freeze(['residence', 'subject', 'head-office', 'any-office', 'named-body'] as const);
export type CompetenceBasis = (typeof COMPETENCE_BASES)[number];

/** How surely a fact of the data is known: the catalogue's, the overrides' and the calendar's confidence levels. */
export const CONFIDENCES = Object.freeze(['high', 'medium', 'low'] as const);
export type ConfidenceLevel = (typeof CONFIDENCES)[number];

/** The fields of a record's competence that an override may keep while it changes the others (`competence.keep`). */
export const KEPT_COMPETENCE_FIELDS = Object.freeze(['subject', 'body', 'level', 'undetermined'] as const);
export type KeptCompetenceField = (typeof KEPT_COMPETENCE_FIELDS)[number];

/** Largest deadline routing computes with, in any unit (a hundred years of days); months have their own bound. */
export const MAX_DEADLINE_VALUE = 36_500;
/** Largest deadline in months (a hundred years). */
export const MAX_DEADLINE_MONTHS = 1200;
/** Most stages a deadline runs in, the first included (records list four at most). */
export const MAX_DEADLINE_STAGES = 8;
/** Units a stage after the first may be in: periods of whole days. */
export const STAGE_UNITS = Object.freeze(['working-days', 'calendar-days', 'months'] as const);
export type StageUnit = (typeof STAGE_UNITS)[number];

/**
 * What is wrong with a deadline's amount for its unit, or undefined when routing can compute with it. The one check
 * shared by the schemas that validate data and the due-date computation, so validation and routing accept exactly
 * the same deadlines.
 */
export function deadlineValueProblem(value: unknown, unit: DeadlineUnit): DeadlineValueProblem | undefined {
  const wrong = (message: string, messageVi: string): DeadlineValueProblem => ({ message, messageVi, outOfRange: false });
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return wrong(`expected a positive number (0 for same-day), got ${String(value)}`, `cần một số dương (0 đối với same-day), nhận được ${String(value)}`);
  }
  if ((unit === 'same-day') !== (value === 0)) return wrong('value must be 0 for same-day and more than 0 for other units', 'value phải bằng 0 đối với same-day và lớn hơn 0 đối với các đơn vị khác');
  if ((unit === 'calendar-days' || unit === 'months') && !Number.isInteger(value)) {
    return wrong(`${unit} deadlines must be whole ${unit === 'months' ? 'months' : 'days'}, got ${value}`, `thời hạn tính theo ${unit} phải là số ${unit === 'months' ? 'tháng' : 'ngày'} nguyên, nhận được ${value}`);
  }
  if (unit === 'months' && value > MAX_DEADLINE_MONTHS) {
    return {
      message: `a deadline of ${value} months is beyond the limit of ${MAX_DEADLINE_MONTHS}`,
      messageVi: `thời hạn ${value} tháng vượt giới hạn ${MAX_DEADLINE_MONTHS} tháng`,
      outOfRange: true,
    };
  }
  if (value > MAX_DEADLINE_VALUE) {
    return { message: `a deadline of ${value} is beyond the limit of ${MAX_DEADLINE_VALUE}`, messageVi: `thời hạn ${value} vượt giới hạn ${MAX_DEADLINE_VALUE}`, outOfRange: true };
  }
  return undefined;
}

/** What {@link deadlineValueProblem} found: the message in both languages, and whether the amount is well formed but too large. */
export interface DeadlineValueProblem {
  readonly message: string;
  readonly messageVi: string;
  readonly outOfRange: boolean;
}

/** Years the working calendar covers (the lunar conversion is exact over them). */
export const CALENDAR_YEARS = Object.freeze({ first: 1968, last: 2100 });

/**
 * What is wrong with the shape of a staged deadline (`followedBy` present), or undefined: the first period must be in
 * days or months, and every period whole, since each stage starts on the day the one before ends. The one check
 * shared by the schemas and the due-date computation (each amount is checked with {@link deadlineValueProblem}).
 */
export function stagesProblem(
  first: { readonly value: unknown; readonly unit: string },
  stages: readonly { readonly value: unknown; readonly unit: unknown }[],
): { readonly message: string; readonly messageVi: string; readonly path: readonly (string | number)[] } | undefined {
  if (!(STAGE_UNITS as readonly string[]).includes(first.unit)) {
    return {
      message: `a deadline in ${first.unit} has no stages after it; expected working-days, calendar-days or months`,
      messageVi: `thời hạn tính theo ${first.unit} không có giai đoạn tiếp theo; cần working-days, calendar-days hoặc months`,
      path: ['followedBy'],
    };
  }
  if (!Number.isInteger(first.value)) {
    return { message: `a deadline in stages counts whole days or months, got ${String(first.value)}`, messageVi: `thời hạn nhiều giai đoạn tính theo số ngày hoặc số tháng nguyên, nhận được ${String(first.value)}`, path: ['value'] };
  }
  for (let index = 0; index < stages.length; index += 1) {
    const { value, unit } = stages[index]!;
    if (!(STAGE_UNITS as readonly string[]).includes(unit as string)) {
      const got = typeof unit === 'string' ? JSON.stringify(unit) : String(unit);
      return { message: `expected one of ${STAGE_UNITS.join(', ')}, got ${got}`, messageVi: `cần một trong các giá trị ${STAGE_UNITS.join(', ')}, nhận được ${got}`, path: ['followedBy', index, 'unit'] };
    }
    if (!Number.isInteger(value)) {
      return { message: `a stage counts whole days or months, got ${String(value)}`, messageVi: `mỗi giai đoạn tính theo số ngày hoặc số tháng nguyên, nhận được ${String(value)}`, path: ['followedBy', index, 'value'] };
    }
  }
  return undefined;
}

/** A period as a person reads it in English: "5 working-days", or each stage in turn ("3 working-days, then 70 calendar-days"). */
export function periodText(period: {
  readonly value: number;
  readonly unit: string;
  readonly followedBy?: readonly { readonly value: number; readonly unit: string }[] | undefined;
}): string {
  return periodTextIn(period, 'en');
}
