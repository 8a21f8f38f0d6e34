/** The shipped calendar (rules/calendar/*.yaml), read once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { parseCalendarFiles } from '../src/calendar/index.js';
import type { CalendarData, CalendarSourceFile } from '../src/calendar/index.js';

const RULES = new URL('../rules/calendar/', import.meta.url);

/** The shipped calendar files, sorted, named by their path in the repository. */
export function shippedCalendarFiles(): CalendarSourceFile[] {
  return readdirSync(RULES)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `rules/calendar/${name}`, text: readFileSync(new URL(name, RULES), 'utf8') }));
}

/** The shipped calendar data; throws when the files do not check (the tests then have nothing to stand on). */
export function shippedCalendarData(): CalendarData {
  const { data, issues } = parseCalendarFiles(shippedCalendarFiles());
  if (data === undefined) throw new Error(`the shipped calendar does not check: ${JSON.stringify(issues)}`);
  return data;
}
