/**
 * Writes schema/calendar-<name>.schema.json (holiday-rules, office-policy, year) from CALENDAR_FILE_SCHEMAS in
 * src/calendar/schema.ts, for editors (`# yaml-language-server: $schema=...` on the first line of each
 * rules/calendar/*.yaml). Deterministic: kinds sorted, stable JSON. A test checks that the committed files are current.
 * Run: npx tsx scripts/generate-calendar-schema.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CALENDAR_FILE_SCHEMAS } from '../src/calendar/schema.js';
import { jsonSchemaDocument } from './generate-json-schema.js';
import type { CalendarFileKind } from '../src/calendar/schema.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Version of the calendar file format described in docs/calendar.md. */
export const CALENDAR_FORMAT_VERSION = '1';

/** File name of a kind's JSON Schema in schema/: `calendar-` + the kind without a leading `calendar-`. */
export function calendarSchemaFileName(kind: CalendarFileKind): string {
  return `calendar-${kind.replace(/^calendar-/, '')}.schema.json`;
}

/** The JSON Schema text of every calendar file kind, with its file name, sorted by kind. */
export function buildCalendarJsonSchemas(): { kind: CalendarFileKind; path: string; text: string }[] {
  return (Object.keys(CALENDAR_FILE_SCHEMAS) as CalendarFileKind[])
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((kind) => {
      const path = calendarSchemaFileName(kind);
      const title = `tthc calendar file, kind: ${kind} (format ${CALENDAR_FORMAT_VERSION}, docs/calendar.md)`;
      return { kind, path, text: jsonSchemaDocument(CALENDAR_FILE_SCHEMAS[kind], path.replace(/\.schema\.json$/, ''), title) };
    });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(REPO_ROOT, 'schema'));
  mkdirSync(outDir, { recursive: true });
  const files = buildCalendarJsonSchemas();
  for (const file of files) writeFileSync(join(outDir, file.path), file.text);
  process.stdout.write(`wrote ${files.length} calendar JSON Schemas to ${outDir}\n`);
}
