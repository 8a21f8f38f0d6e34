/**
 * `tthc calendar <year>`: the year's non-working weekdays and make-up working days, official or projected.
 * Also home of the calendar loader shared with `tthc due`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCalendar, listYear, parseCalendarFiles } from '../../calendar/index.js';
import type { Calendar, DayInfo } from '../../calendar/index.js';
import { isTthcError } from '../../errors.js';
import { formatIssues, resolveLang, summarizeIssues } from '../../format/index.js';
import { VERSION } from '../../version.js';
import { packageRoot } from '../load.js';
import { readSourceTexts } from '../read.js';
import { formatOption, UsageError } from '../command.js';
import type { CliIo, Command } from '../command.js';
import { _showControls } from '../../format/_strings.js';

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
    if (isTthcError(error) && (error.code === 'INVALID_ARGUMENT' || error.code === 'OUT_OF_RANGE')) throw new UsageError(error.message);
    throw error;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function weekdayName(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
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

function line(info: DayInfo): string {
  const name = info.name === undefined ? '' : `${info.name.vi} (${info.name.en})`;
  const swap = info.swappedWith === undefined ? '' : ` <-> ${info.swappedWith}`;
  return `  ${info.date} ${weekdayName(info.date)}  ${info.reason.padEnd(12)} ${name}${swap}\n      ${info.source ?? ''} [${info.confidence ?? '?'}]\n`;
}

export const calendarCommand: Command = {
  name: 'calendar',
  summary: "List a year's days off and make-up working days (official or projected)",
  usage: [
    'Usage: tthc calendar <year> [--format text|json]',
    '',
    "Lists the year's non-working weekdays (holidays, compensatory days, swapped days) and make-up working days",
    'of state agencies, each with its source document and confidence. Years without an official schedule are',
    'projected from the statutory rules in rules/calendar/holiday-rules.yaml and marked "projected".',
  ].join('\n'),
  options: { format: { type: 'string' } },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one <year>');
    const yearText = args.positionals[0]!;
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`<year> must be a 4-digit year, got "${yearText}"`);
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
    let out = `${schedule.year}: ${schedule.status} schedule (calendar ${calendar.version})\n`;
    if (schedule.status === 'projected') out += 'No official schedule: days projected from the statutory rules; swaps cannot be projected.\n';
    out += `\nDays off on weekdays (${schedule.daysOff.length}):\n`;
    for (const info of schedule.daysOff) out += line(info);
    out += `\nMake-up working days (${schedule.makeUpDays.length}):\n`;
    for (const info of schedule.makeUpDays) out += line(info);
    if (schedule.makeUpDays.length === 0) out += '  none\n';
    io.stdout.write(_showControls(out));
    return 0;
  },
};
