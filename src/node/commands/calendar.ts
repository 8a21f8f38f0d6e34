/**
 * `tthc calendar <year>`: the year's non-working weekdays and make-up working days, official or projected.
 * Also home of the loader of the shipped rules/calendar directory, shared with `tthc due`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCalendar, listYear, parseCalendarFiles } from '../../calendar/index.js';
import type { Calendar, DayInfo } from '../../calendar/index.js';
import { isTthcError } from '../../errors.js';
import type { Issue } from '../../errors.js';
import { formatOption, UsageError } from '../command.js';
import type { CliIo, Command } from '../command.js';

/** Finds rules/calendar: under cwd first, then in the package's own directory. */
export function findCalendarDirectory(cwd: string): string | undefined {
  const local = join(cwd, 'rules', 'calendar');
  if (existsSync(local)) return local;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      const shipped = join(dir, 'rules', 'calendar');
      return existsSync(shipped) ? shipped : undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads and builds the calendar from the shipped data; issues are returned for printing. */
export function loadCalendarFromDirectory(cwd: string): { calendar: Calendar | undefined; issues: readonly Issue[]; directory: string | undefined } {
  const directory = findCalendarDirectory(cwd);
  if (directory === undefined) return { calendar: undefined, issues: [], directory };
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const path = join(directory, name);
      return { file: relative(cwd, path) || path, text: readFileSync(path, 'utf8') };
    });
  const { data, issues } = parseCalendarFiles(files);
  return { calendar: data === undefined ? undefined : createCalendar(data), issues, directory };
}

/** Loads the calendar or writes why it could not; resolves undefined on failure (exit 1). */
export function loadCalendarOrReport(io: CliIo): Calendar | undefined {
  const { calendar, issues, directory } = loadCalendarFromDirectory(resolve(io.cwd));
  if (directory === undefined) {
    io.stderr.write('error: no rules/calendar directory found in the working directory or the tthc package\n');
    return undefined;
  }
  for (const issue of issues) {
    const where = issue.file === undefined ? '' : `${issue.file}${issue.line === undefined ? '' : `:${issue.line}:${issue.column}`}: `;
    io.stderr.write(`${where}${issue.severity} ${issue.code} ${issue.message}\n`);
  }
  return calendar;
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
    const calendar = loadCalendarOrReport(io);
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
    io.stdout.write(out);
    return 0;
  },
};
