import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCalendarJsonSchemas, calendarSchemaFileName } from '../scripts/generate-calendar-schema.js';
import type { CalendarFileKind } from '../src/calendar/index.js';

const SCHEMA_DIR = new URL('../schema/', import.meta.url);
const RULES = new URL('../rules/calendar/', import.meta.url);
const files = readdirSync(RULES)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, RULES), 'utf8') }));

describe('the calendar JSON Schemas in schema/', () => {
  it('are current (run npx tsx scripts/generate-calendar-schema.ts)', () => {
    const built = buildCalendarJsonSchemas();
    expect(built.map((file) => file.path)).toEqual(['calendar-year.schema.json', 'calendar-holiday-rules.schema.json', 'calendar-office-policy.schema.json']);
    for (const file of built) expect(readFileSync(new URL(file.path, SCHEMA_DIR), 'utf8'), file.path).toBe(file.text);
  });

  it('are generated deterministically', () => {
    expect(buildCalendarJsonSchemas()).toEqual(buildCalendarJsonSchemas());
  });

  it('accept every shipped calendar file and reject an unknown key', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const file of buildCalendarJsonSchemas()) ajv.addSchema(JSON.parse(file.text), file.path);
    for (const { name, text } of files) {
      const value = parse(text) as { kind: CalendarFileKind };
      const validate = ajv.getSchema(calendarSchemaFileName(value.kind))!;
      expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...value, unknownKey: true }), name).toBe(false);
    }
  });
});

describe('the calendar files in rules/calendar/', () => {
  it.each(files.map((file) => [file.name, file.text]))('%s names the JSON Schema of its kind on its first line', (_name, text) => {
    const match = /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/(\S+)\n/.exec(text);
    expect(match).not.toBeNull();
    const kind = (parse(text) as { kind: CalendarFileKind }).kind;
    expect(match![1]).toBe(calendarSchemaFileName(kind));
    expect(existsSync(new URL(match![1]!, SCHEMA_DIR))).toBe(true);
  });
});
