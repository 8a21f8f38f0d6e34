import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkTexts } from './rules-helpers.js';

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

  it('requires a rule description in Vietnamese, English beside it', () => {
    const value = parse(files[0]!.text) as { rules: Record<string, unknown>[] };
    const rule = value.rules[0]!;
    expect(validate({ ...value, rules: [{ ...rule, description: 'English only' }] })).toBe(false);
    expect(validate({ ...value, rules: [{ ...rule, description: { en: 'English only' } }] })).toBe(false);
    expect(validate({ ...value, rules: [{ ...rule, description: { vi: 'Chỉ tiếng Việt' } }] })).toBe(true);
  });
});

describe('texts people read in rule files', () => {
  const rule = (description: string): string => `kind: rules
rules:
  - id: t.text
    description: ${description}
    legalBasis: { document: Nghị định 118/2025/NĐ-CP }
    validFrom: 2025-07-01
    priority: 10
    conditions: { all: [{ fact: channel, operator: equal, value: online }] }
    event: { type: office-action, params: { action: refuse, reason: { en: no Vietnamese } } }
`;

  it('says a plain string needs { vi, en }, in both languages, at the line and column of the text', () => {
    const issues = checkTexts({ 'rules/t.yaml': rule('a plain string') }).issues;
    const text = issues.find((issue) => issue.path.join('.') === 'rules.0.description');
    expect(text).toMatchObject({ code: 'SCHEMA_INVALID_TYPE', line: 4, column: 18 });
    expect(text?.message).toBe('expected { vi, en }: a text people read, in Vietnamese (vi, required) and English (en), got string "a plain string"');
    expect(text?.messageVi).toBe('cần { vi, en }: văn bản người dân, cán bộ đọc, bằng tiếng Việt (vi, bắt buộc) và tiếng Anh (en), nhận được chuỗi "a plain string"');
    const reason = issues.find((issue) => issue.path.join('.') === 'rules.0.event.params.reason.vi');
    expect(reason).toMatchObject({ code: 'SCHEMA_MISSING_KEY' });
  });

  it('reads English where it is given and the Vietnamese where it is not', () => {
    const { rules, issues } = checkTexts({ 'rules/t.yaml': rule('{ vi: Quy tắc thử }').replace('{ en: no Vietnamese }', '{ vi: Lý do, en: Reason }') });
    expect(issues).toEqual([]);
    expect(rules.rules[0]?.description).toEqual({ vi: 'Quy tắc thử', en: 'Quy tắc thử' });
    expect(rules.rules[0]?.event.params).toMatchObject({ reason: { vi: 'Lý do', en: 'Reason' } });
  });
});
