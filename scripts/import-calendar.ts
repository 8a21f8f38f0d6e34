/**
 * Builds rules/calendar/<year>.yaml (kind: calendar-year) from ../shared/data/calendar/civil-service-days-off-2024-2026.json.
 * Deterministic: the same input gives byte-identical output. Re-run with `npx tsx scripts/import-calendar.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { parseDay, weekdayOf } from '../src/calendar/_days.js';
import { hungKingsDay } from '../src/calendar/lunar.js';
import type { CalendarYearFile, Confidence, DayOff, LocalizedName, MakeUpDay } from '../src/calendar/schema.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_PATH = '../shared/data/calendar/civil-service-days-off-2024-2026.json';

interface SourceEntry {
  readonly occasion: string;
  readonly days_off: readonly string[];
  readonly swap?: { readonly day_off: string; readonly make_up_working_day: string };
  readonly source_doc?: string;
  readonly note?: string;
  readonly confidence: string;
}
interface SourceFile {
  readonly years: Readonly<Record<string, readonly SourceEntry[]>>;
}

const NAMES: Record<string, LocalizedName> = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration" },
  'victory-day': { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  'labour-day': { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  'national-day': { vi: 'Quốc khánh', en: 'National Day' },
  'culture-day': { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
};

function holidayOf(occasion: string, date: string): string {
  if (occasion.startsWith('Tết Dương lịch')) return 'new-year';
  if (occasion.startsWith('Tết Nguyên đán')) return 'tet';
  if (occasion.startsWith('Giỗ Tổ')) return 'hung-kings';
  if (occasion.startsWith('30/4')) return date.endsWith('-05-01') ? 'labour-day' : 'victory-day';
  if (occasion.startsWith('Quốc khánh')) return 'national-day';
  if (occasion.startsWith('Ngày Văn hóa')) return 'culture-day';
  throw new Error(`unknown occasion "${occasion}"`);
}

/** Whether a day is the statutory date itself (or the National Day adjacent day), not a compensation. */
function isStatutory(holiday: string, date: string, year: number): boolean {
  const md = date.slice(5);
  switch (holiday) {
    case 'new-year':
      return md === '01-01';
    case 'tet':
      return true;
    case 'hung-kings':
      return date === hungKingsDay(year);
    case 'victory-day':
      return md === '04-30';
    case 'labour-day':
      return md === '05-01';
    case 'national-day':
      return md === '09-01' || md === '09-02' || md === '09-03';
    case 'culture-day':
      return md === '11-24';
    default:
      return false;
  }
}

function confidenceOf(text: string, part: 'days' | 'make-up'): Confidence {
  const specific = new RegExp(`${part === 'days' ? 'days' : 'make-up date'}:\\s*(high|medium|low)`).exec(text);
  const word = specific?.[1] ?? /^(confirmed|high|medium|low)/.exec(text.trim())?.[1];
  if (word === undefined) throw new Error(`cannot read confidence "${text}"`);
  return word === 'confirmed' ? 'high' : (word as Confidence);
}

/** Builds the calendar-year documents from the compiled JSON. */
export function buildCalendarYears(source: SourceFile): Map<number, CalendarYearFile> {
  const out = new Map<number, CalendarYearFile>();
  for (const yearText of Object.keys(source.years).sort()) {
    const year = Number(yearText);
    const daysOff: DayOff[] = [];
    const makeUpDays: MakeUpDay[] = [];
    for (const entry of source.years[yearText]!) {
      const docSource = entry.source_doc ?? `press reports (${entry.confidence})`;
      const hung = entry.occasion.startsWith('Giỗ Tổ') ? hungKingsDay(year) : undefined;
      if (hung !== undefined && !entry.days_off.includes(hung)) throw new Error(`${year}: Hùng Kings day ${hung} is not listed`);
      for (const date of [...entry.days_off].sort()) {
        if (weekdayOf(parseDay(date)) === 0 || weekdayOf(parseDay(date)) === 6) continue; // weekends rest anyway
        const holiday = holidayOf(entry.occasion, date);
        const swapped = entry.swap?.day_off === date;
        const name = holiday === 'tet' ? { vi: entry.occasion, en: NAMES.tet!.en } : NAMES[holiday]!;
        const day: DayOff = {
          date,
          reason: swapped ? 'swap' : isStatutory(holiday, date, year) ? 'holiday' : 'compensation',
          name,
          holiday,
          source: docSource,
          confidence: confidenceOf(entry.confidence, 'days'),
          ...(swapped ? { swappedWith: entry.swap!.make_up_working_day } : {}),
          ...(entry.note === undefined ? {} : { note: entry.note }),
        };
        daysOff.push(day);
      }
      if (entry.swap !== undefined) {
        const holiday = holidayOf(entry.occasion, entry.swap.day_off);
        makeUpDays.push({
          date: entry.swap.make_up_working_day,
          name: { vi: `Làm bù cho ngày ${formatViDate(entry.swap.day_off)}`, en: `Make-up working day for ${entry.swap.day_off}` },
          holiday,
          source: docSource,
          confidence: confidenceOf(entry.confidence, 'make-up'),
          swappedWith: entry.swap.day_off,
        });
      }
    }
    daysOff.sort((a, b) => a.date.localeCompare(b.date));
    makeUpDays.sort((a, b) => a.date.localeCompare(b.date));
    out.set(year, {
      kind: 'calendar-year',
      year,
      status: 'official',
      source: `${SOURCE_PATH} (official notices as reported by the press; document per day)`,
      legalBasis: 'Bộ luật Lao động 2019, Điều 111 khoản 3 và Điều 112; Quyết định 188/1999/QĐ-TTg',
      generatedBy: 'scripts/import-calendar.ts',
      daysOff,
      makeUpDays,
    });
  }
  return out;
}

function formatViDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** Serialises one calendar-year document as YAML. */
export function formatCalendarYear(file: CalendarYearFile): string {
  const header =
    '# yaml-language-server: $schema=../../schema/calendar-year.schema.json\n' +
    `# Generated by scripts/import-calendar.ts from ${SOURCE_PATH}. Do not edit by hand: fix the source and re-run.\n`;
  return header + stringify(file, { aliasDuplicateObjects: false, lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).replace(/^(\s*(?:- )?(?:date|swappedWith): )(\d{4}-\d{2}-\d{2})$/gm, "$1'$2'");
}

function main(): void {
  const source = JSON.parse(readFileSync(join(ROOT, SOURCE_PATH), 'utf8')) as SourceFile;
  for (const [year, file] of buildCalendarYears(source)) {
    const target = join(ROOT, 'rules', 'calendar', `${year}.yaml`);
    writeFileSync(target, formatCalendarYear(file));
    process.stdout.write(`wrote ${target}: ${file.daysOff.length} days off, ${file.makeUpDays.length} make-up days\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
