import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedCalendarFiles } from './calendar-helpers.js';
import { buildCalendarYears, formatCalendarYear } from '../scripts/import-calendar.js';
import { projectYear } from '../src/calendar/calendar.js';
import { createCalendar, describeDay, isWorkingDay, listYear, parseCalendarFiles } from '../src/calendar/index.js';

const files = shippedCalendarFiles();
const parsed = parseCalendarFiles(files);
const calendar = createCalendar(parsed.data!);
const SOURCE_JSON = JSON.parse(readFileSync(new URL('../../shared/data/calendar/civil-service-days-off-2024-2026.json', import.meta.url), 'utf8'));

const pinned = (year: number): string[] =>
  [...listYear(calendar, year).daysOff, ...listYear(calendar, year).makeUpDays].map(
    (day) => `${day.date} ${day.reason}${day.swappedWith === undefined ? '' : ` ${day.swappedWith}`} ${day.confidence}`,
  );

describe('the shipped calendar data', () => {
  it('parses without issues', () => {
    expect(parsed.issues).toEqual([]);
    expect(calendar.officialYears).toEqual([2024, 2025, 2026]);
  });

  it('is reproduced byte for byte by scripts/import-calendar.ts', () => {
    for (const [year, file] of buildCalendarYears(SOURCE_JSON)) {
      expect(formatCalendarYear(file)).toBe(files.find((source) => source.file === `rules/calendar/${year}.yaml`)?.text);
    }
  });

  it('pins the official 2025 schedule day by day', () => {
    expect(pinned(2025)).toEqual([
      '2025-01-01 holiday high',
      '2025-01-27 holiday high',
      '2025-01-28 holiday high',
      '2025-01-29 holiday high',
      '2025-01-30 holiday high',
      '2025-01-31 holiday high',
      '2025-04-07 holiday high',
      '2025-04-30 holiday high',
      '2025-05-01 holiday high',
      '2025-05-02 swap 2025-04-26 high',
      '2025-09-01 holiday high',
      '2025-09-02 holiday high',
      '2025-04-26 make-up 2025-05-02 high',
    ]);
  });

  it('pins the official 2026 schedule day by day', () => {
    expect(pinned(2026)).toEqual([
      '2026-01-01 holiday high',
      '2026-01-02 swap 2026-01-10 high',
      '2026-02-16 holiday high',
      '2026-02-17 holiday high',
      '2026-02-18 holiday high',
      '2026-02-19 holiday high',
      '2026-02-20 holiday high',
      '2026-04-27 compensation high',
      '2026-04-30 holiday high',
      '2026-05-01 holiday high',
      '2026-08-31 swap 2026-08-22 medium',
      '2026-09-01 holiday medium',
      '2026-09-02 holiday medium',
      '2026-11-24 holiday medium',
      '2026-01-10 make-up 2026-01-02 high',
      '2026-08-22 make-up 2026-08-31 low',
    ]);
  });

  it('names the document behind the 2026 New Year swap', () => {
    expect(describeDay(calendar, '2026-01-02')).toMatchObject({
      reason: 'swap',
      source: 'Công văn 12729/VPCP-KGVX (25/12/2025)',
      swappedWith: '2026-01-10',
      status: 'official',
    });
    expect(isWorkingDay(calendar, '2026-01-10')).toBe(true);
  });

  it.each(['2024', '2025', '2026'])('every weekday off in the %s source is a non-working day', (year) => {
    for (const entry of SOURCE_JSON.years[year]) {
      for (const date of entry.days_off) expect(isWorkingDay(calendar, date), date).toBe(false);
      if (entry.swap) expect(isWorkingDay(calendar, entry.swap.make_up_working_day)).toBe(true);
    }
  });

  it.each([2024, 2025, 2026])('the projection rule reproduces the official %i schedule apart from swaps', (year) => {
    const projected = projectYear(parsed.data!, year, new Set([0, 6])).map((day) => day.date).sort();
    const official = listYear(calendar, year).daysOff.filter((day) => day.reason !== 'swap').map((day) => day.date);
    expect(projected).toEqual(official);
  });

  it.each([
    [2021, ['2021-01-01', '2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16', '2021-04-21', '2021-04-30', '2021-05-03', '2021-09-02', '2021-09-03']],
    [2023, ['2023-01-02', '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-05-01', '2023-05-02', '2023-05-03', '2023-09-01', '2023-09-04']],
  ])('the projection matches the %i schedule as the press reported it (not in the shared data, unverified), without its swaps', (year, expected) => {
    expect(listYear(calendar, year as number).daysOff.map((day) => day.date)).toEqual(expected);
    expect(listYear(calendar, year as number).status).toBe('projected');
  });

  it('projects Tết 2030 from the Vietnamese date (Saturday 2 February): Thu 31/1 to Wed 6/2', () => {
    const tet = listYear(calendar, 2030).daysOff.filter((day) => day.holiday === 'tet').map((day) => day.date);
    expect(tet).toEqual(['2030-01-31', '2030-02-01', '2030-02-04', '2030-02-05', '2030-02-06']);
  });

  it('projects Culture Day 24/11 only from 1 July 2026', () => {
    expect(listYear(calendar, 2025).daysOff.some((day) => day.holiday === 'culture-day')).toBe(false);
    expect(describeDay(calendar, '2027-11-24')).toMatchObject({ reason: 'holiday', holiday: 'culture-day', confidence: 'medium', status: 'projected' });
  });

  it('returns a frozen calendar with a stable content version', () => {
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(calendar.version).toMatch(/^[0-9a-f]{16}$/);
    expect(createCalendar(parseCalendarFiles([...files].reverse()).data!).version).toBe(calendar.version);
  });
});

describe('parseCalendarFiles', () => {
  const base = files.filter((file) => !/\d{4}\.yaml$/.test(file.file));

  it('reports an unknown key at its line and column', () => {
    const text = 'kind: calendar-year\nyear: 2027\nstatus: official\nsource: test\nlegalBasis: test\ndaysOff: []\nmakeUpDays: []\nextra: 1\n';
    const { data, issues } = parseCalendarFiles([...base, { file: '2027.yaml', text }]);
    expect(data).toBeUndefined();
    expect(issues).toMatchObject([{ code: 'SCHEMA_UNKNOWN_KEY', file: '2027.yaml', line: 8, column: 1 }]);
  });

  it('refuses a make-up day on a weekday and warns about a swap without its other half', () => {
    const text = [
      'kind: calendar-year',
      'year: 2027',
      'status: official',
      'source: test',
      'legalBasis: test',
      'daysOff: []',
      'makeUpDays:',
      "  - { date: '2027-03-03', name: { vi: x, en: x }, source: doc, confidence: low, swappedWith: '2027-03-04' }",
      '',
    ].join('\n');
    const { issues } = parseCalendarFiles([...base, { file: '2027.yaml', text }]);
    expect(issues.map((issue) => `${issue.code}@${issue.line}`)).toEqual(['CALENDAR_MAKE_UP_ON_WORKING_DAY@8', 'CALENDAR_SWAP_MISMATCH@8']);
  });

  it('needs a holiday-rules file and an office-policy file', () => {
    expect(parseCalendarFiles([]).issues.map((issue) => issue.code)).toEqual(['CALENDAR_MISSING_FILE', 'CALENDAR_MISSING_FILE']);
  });

  it('refuses a file of unknown kind', () => {
    const { issues } = parseCalendarFiles([...base, { file: 'x.yaml', text: 'kind: holidays\n' }]);
    expect(issues).toMatchObject([{ code: 'UNKNOWN_FILE_KIND', line: 1 }]);
  });
});
