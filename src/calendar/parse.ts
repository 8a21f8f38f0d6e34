/**
 * Parsing the calendar data files (text in, typed data and located issues out). Browser-safe: the caller reads files.
 */
import { compareIssues, InvalidDataError } from '../errors.js';
import type { Issue } from '../errors.js';
import { parseDataFiles } from '../source/files.js';
import type { SourceText } from '../source/files.js';
import { CALENDAR_FILE_SCHEMAS } from './schema.js';
import type { CalendarData } from './schema.js';
import { expectSourceTexts } from '../arguments.js';
import { assembleCalendarData } from './assemble.js';
import type { ParseCalendarResult } from './assemble.js';

export { assembleCalendarData } from './assemble.js';
export type { ParseCalendarResult } from './assemble.js';

/** One calendar data file: its name (for issue locations) and its text. */
export type CalendarSourceFile = SourceText;

/**
 * Parses and validates calendar data files (holiday-rules, office-policy, calendar-year). Never throws.
 * @example const { data, issues } = parseCalendarFiles([{ file: 'holiday-rules.yaml', text }, ...]);
 */
export function parseCalendarFiles(files: readonly CalendarSourceFile[]): ParseCalendarResult {
  expectSourceTexts(files, 'files');
  const { files: valid, issues } = parseDataFiles(files, CALENDAR_FILE_SCHEMAS);
  const assembled = assembleCalendarData(valid);
  const all = issues.concat(assembled.issues).sort(compareIssues);
  const hasErrors = all.some((issue) => issue.severity === 'error');
  return Object.freeze({ data: hasErrors ? undefined : assembled.data, issues: Object.freeze(all) });
}

/**
 * Like {@link parseCalendarFiles} but returns the data or throws.
 * @throws InvalidDataError carrying every issue when a file has errors.
 */
export function assertCalendarFiles(files: readonly CalendarSourceFile[]): CalendarData {
  const { data, issues } = parseCalendarFiles(files);
  if (data === undefined) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    throw new InvalidDataError({ en: `calendar data has ${errors.length} error${errors.length === 1 ? '' : 's'}`, vi: `dữ liệu lịch có ${errors.length} lỗi` }, issues);
  }
  return data;
}
