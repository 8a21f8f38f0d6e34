/**
 * `tthc calendar <year>`: the year's non-working weekdays and make-up working days, official or projected.
 * Also home of the calendar loader shared with `tthc due`.
 */
import { CONFIDENCE_TEXT, DAY_REASON_TEXT } from '../../words.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCalendar, listYear } from '../../calendar/calendar.js';
import type { Calendar, DayInfo } from '../../calendar/calendar.js';
import { isTthcError } from '../../errors.js';
import { formatIssues, resolveLang, summarizeIssues } from '../../format/index.js';
import { VERSION } from '../../version.js';
import { packageRoot } from '../load.js';
import { readSourceTexts } from '../read.js';
import { formatOption, langOption, UsageError } from '../command.js';
import type { CliIo, Command } from '../command.js';
import { _showControls } from '../../format/_strings.js';
import type { Lang } from '../../format/types.js';

/** rules/calendar under cwd when there is one, else the one shipped in the package. */
function calendarDirectory(cwd: string): string {
  const local = join(cwd, 'rules', 'calendar');
  return existsSync(local) ? local : join(packageRoot(), 'rules', 'calendar');
}

/**
 * Loads the calendar through the same checked reader as every other data file; writes its errors and resolves
 * undefined (exit 1) when it cannot be built.
 */
export async function loadCalendarOrReport(io: CliIo): Promise<Calendar | undefined> {
  const read = await readSourceTexts([calendarDirectory(resolve(io.cwd))], { cwd: io.cwd });
  // The parser (and the YAML library) is loaded only by the commands that read calendar files.
  const { parseCalendarFiles } = await import('../../calendar/parse.js');
  const { data, issues } = parseCalendarFiles(read.sources);
  const errors = [...read.issues, ...issues].filter((issue) => issue.severity === 'error');
  if (errors.length > 0 || data === undefined) {
    const lang = resolveLang(io.env);
    io.stderr.write(formatIssues(errors, { format: 'text', lang, toolVersion: VERSION, summary: summarizeIssues(errors, { files: read.fileCount }) }));
    return undefined;
  }
  return createCalendar(data);
}

/** Runs a calendar function, turning a TthcError about the input into a UsageError. */
export function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isTthcError(error) && (error.code === 'INVALID_ARGUMENT' || error.code === 'OUT_OF_RANGE')) throw new UsageError(error.message, error.messageVi);
    throw error;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The weekday of a date, Sunday 0 (Date#getUTCDay order). */
function weekdayOfDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function weekdayName(date: string): string {
  return WEEKDAYS[weekdayOfDate(date)]!;
}

function toJson(info: DayInfo): Record<string, unknown> {
  return {
    date: info.date,
    weekday: weekdayName(info.date),
    reason: info.reason,
    name: info.name,
    holiday: info.holiday,
    source: info.source,
    confidence: info.confidence,
    status: info.status,
    swappedWith: info.swappedWith,
  };
}


const WEEKDAYS_VI = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'] as const;

function line(info: DayInfo, lang: Lang): string {
  const vi = lang === 'vi';
  const name = info.name === undefined ? '' : vi ? info.name.vi : `${info.name.vi} (${info.name.en})`;
  const swap = info.swappedWith === undefined ? '' : ` <-> ${info.swappedWith}`;
  const weekday = vi ? WEEKDAYS_VI[weekdayOfDate(info.date)]! : weekdayName(info.date);
  const reason = vi ? (DAY_REASON_TEXT[info.reason]?.vi ?? info.reason) : info.reason;
  const confidence = vi ? (CONFIDENCE_TEXT[info.confidence ?? '']?.vi ?? '?') : (info.confidence ?? '?');
  const columns = vi ? `${weekday.padEnd(3)} ${reason.padEnd(14)}` : `${weekday}  ${reason.padEnd(12)}`;
  return `  ${info.date} ${columns} ${name}${swap}\n      ${info.source ?? ''} [${confidence}]\n`;
}

export const calendarCommand: Command = {
  name: 'calendar',
  summary: "List a year's days off and make-up working days (official or projected)",
  summaryVi: 'liệt kê ngày nghỉ và ngày làm bù trong năm (chính thức hoặc dự kiến)',
  usageVi: [
    'Cách dùng: tthc calendar <năm> [--format text|json] [--lang vi|en]',
    '',
    'Liệt kê các ngày nghỉ rơi vào ngày làm việc trong tuần (nghỉ lễ, tết, nghỉ bù, nghỉ hoán đổi) và các ngày làm bù của',
    'cơ quan nhà nước, mỗi ngày kèm văn bản căn cứ và độ tin cậy. Năm chưa có lịch nghỉ chính thức được dự kiến theo',
    'quy định tại rules/calendar/holiday-rules.yaml và ghi "dự kiến".',
  ].join('\n'),
  usage: [
    'Usage: tthc calendar <year> [--format text|json] [--lang vi|en]',
    '',
    "Lists the year's non-working weekdays (holidays, compensatory days, swapped days) and make-up working days",
    'of state agencies, each with its source document and confidence. Years without an official schedule are',
    'projected from the statutory rules in rules/calendar/holiday-rules.yaml and marked "projected".',
  ].join('\n'),
  options: { format: { type: 'string' }, lang: { type: 'string' } },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    const lang = langOption(args, io);
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one <year>', 'cần đúng một <năm>');
    const yearText = args.positionals[0]!;
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`<year> must be a 4-digit year, got "${yearText}"`, `<năm> phải là năm gồm 4 chữ số, nhận được "${yearText}"`);
    const calendar = await loadCalendarOrReport(io);
    if (calendar === undefined) return 1;
    const schedule = asUsage(() => listYear(calendar, Number(yearText)));
    if (format === 'json') {
      const json = {
        year: schedule.year,
        status: schedule.status,
        version: calendar.version,
        daysOff: schedule.daysOff.map(toJson),
        makeUpDays: schedule.makeUpDays.map(toJson),
      };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    const vi = lang === 'vi';
    let out = vi
      ? `Năm ${schedule.year}: lịch ${schedule.status === 'official' ? 'chính thức' : 'dự kiến'} (phiên bản lịch ${calendar.version})\n`
      : `${schedule.year}: ${schedule.status} schedule (calendar ${calendar.version})\n`;
    if (schedule.status === 'projected') {
      out += vi
        ? 'Chưa có lịch nghỉ chính thức: ngày nghỉ được dự kiến theo quy định của luật; không dự kiến được ngày hoán đổi.\n'
        : 'No official schedule: days projected from the statutory rules; swaps cannot be projected.\n';
    }
    out += vi ? `\nNgày nghỉ trong tuần làm việc (${schedule.daysOff.length}):\n` : `\nDays off on weekdays (${schedule.daysOff.length}):\n`;
    for (const info of schedule.daysOff) out += line(info, lang);
    out += vi ? `\nNgày làm bù (${schedule.makeUpDays.length}):\n` : `\nMake-up working days (${schedule.makeUpDays.length}):\n`;
    for (const info of schedule.makeUpDays) out += line(info, lang);
    if (schedule.makeUpDays.length === 0) out += vi ? '  không có\n' : '  none\n';
    io.stdout.write(_showControls(out));
    return 0;
  },
};
