import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const RULES = new URL('../rules/routing/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('../schema/rules.schema.json', import.meta.url), 'utf8')) as object;
const files = readdirSync(RULES)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, RULES), 'utf8') }));

describe('schema/rules.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it.each(files.map((file) => [file.name, file.text]))('accepts %s and names it on its first line', (_name, text) => {
    expect(text.startsWith('# yaml-language-server: $schema=../../schema/rules.schema.json\n')).toBe(true);
    const value = parse(text) as Record<string, unknown>;
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown effect type and an unknown key on a rule', () => {
    const value = parse(files[0]!.text) as { rules: Record<string, unknown>[] };
    const rule = value.rules[0]!;
    expect(validate({ ...value, rules: [{ ...rule, event: { type: 'filing-area', params: {} } }] })).toBe(false);
    expect(validate({ ...value, rules: [{ ...rule, priorty: 3 }] })).toBe(false);
  });
});
