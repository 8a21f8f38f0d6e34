/**
 * Every message the file checks give for a mistake a maintainer makes (schema, YAML syntax) exists whole in
 * Vietnamese: `tthc validate --lang vi` prints it instead of the English. Each case is the clean fixture catalogue with
 * one change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../src/dataset.js';
import type { Issue } from '../src/errors.js';

const CLEAN = join(import.meta.dirname, 'fixtures', 'validate', 'clean');
const clean = readdirSync(CLEAN)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ file: name, text: readFileSync(join(CLEAN, name), 'utf8') }));

/** One change to one clean file, and the issue code it must give. */
const CASES: readonly (readonly [file: string, find: string | RegExp, replace: string, code: string])[] = [
  ['procedures.yaml', 'code: "1.004222"', 'code: "1.4222"', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', 'name: Đăng ký thường trú', 'name: 5', 'SCHEMA_INVALID_TYPE'],
  ['procedures.yaml', '    levels:\n      - commune\n', '    levels:\n      - commune\n      - commune\n', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', '    levels:\n      - commune\n', '    levels: []\n', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', '    levels:\n      - commune\n', '    levels:\n      - district\n', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', 'value: 7\n', 'value: -1\n', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', 'value: 7\n', 'value: 7.5\n          followedBy: [{ value: 2, unit: working-days }]\n', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', 'unit: working-days\n', 'unit: calendar-days\n          followedBy: [{ value: 2, unit: same-day }]\n', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', 'name: Đăng ký thường trú\n', 'name: Đăng ký thường trú\n    nmae: typo\n', 'SCHEMA_UNKNOWN_KEY'],
  ['procedures.yaml', '    ministry: Bộ Công an\n', '', 'SCHEMA_MISSING_KEY'],
  ['procedures.yaml', 'commit: 53229487610b07e0d7127f529b87c333f19aeb1e', 'commit: abc', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', 'name: Đăng ký thường trú', 'name: ""', 'SCHEMA_INVALID_VALUE'],
  ['procedures.yaml', 'name: Đăng ký thường trú', 'name: "Đăng ký', 'YAML_SYNTAX'],
  ['procedures.yaml', '    ministry: Bộ Công an', '\tministry: Bộ Công an', 'YAML_SYNTAX'],
  ['procedures.yaml', 'name: Đăng ký thường trú', 'name: !!str Đăng ký thường trú', 'YAML_CUSTOM_TAG'],
  ['rules.yaml', 'validFrom: 2025-07-01', 'validFrom: 2025-02-30', 'SCHEMA_INVALID_VALUE'],
  ['rules.yaml', 'validFrom: 2025-07-01', 'validFrom: "1 July 2025"', 'SCHEMA_INVALID_VALUE'],
  ['rules.yaml', 'id: d118.online.scope', 'id: D118 Online', 'SCHEMA_INVALID_VALUE'],
  ['rules.yaml', 'priority: 20', 'priority: -1', 'SCHEMA_INVALID_VALUE'],
  ['rules.yaml', 'priority: 20', 'priority: 2.5', 'SCHEMA_INVALID_TYPE'],
  ['rules.yaml', /description: \{ vi: "Hồ sơ nộp trực tuyến[^}]*\}/, 'description: Online filing', 'SCHEMA_INVALID_TYPE'],
  ['office-policy.yaml', "{ from: '08:00', to: '12:00' }", "{ from: '8h', to: '12:00' }", 'SCHEMA_INVALID_VALUE'],
];

function issuesOf(file: string, find: string | RegExp, replace: string): Issue[] {
  const sources = clean.map((source) => {
    if (source.file !== file) return source;
    const text = source.text.replace(find, replace);
    if (text === source.text) throw new Error(`the change to ${file} finds nothing: ${String(find)}`);
    return { file: source.file, text };
  });
  return parseDataset(sources).issues.filter((issue) => issue.file === file);
}

/** English words that have no place in a Vietnamese message (identifiers in quotes and code spans are left out). */
const ENGLISH = /(?<![\p{L}\d])(expected|got|must|the|is|not|of|and|or|an?|unknown|invalid|missing|required|nothing|string|number|list|object|array|date|time|code|digits?|letters?|field|should|only|at least|input)(?![\p{L}\d])/iu;

function withoutIdentifiers(text: string): string {
  return text
    .replace(/"[^"]*"/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/(?<![\p{L}\d])[\w.-]*[\d_.-][\w.-]*(?![\p{L}\d])/gu, '')
    .replace(/(?<![\p{L}\d])(same-day|working-days|calendar-days|months|hours|working-hours|in-person|online|post|value|followedBy|deadline|competence|all|any|not|null|true|false|vi|en|YAML|UTF-8|HH:MM|YYYY-MM-DD|map)(?![\p{L}\d])/gu, '');
}

describe('schema and YAML messages in Vietnamese', () => {
  it('the English check finds English in a message', () => {
    expect(withoutIdentifiers('expected a list, got nothing')).toMatch(ENGLISH);
    expect(withoutIdentifiers('cần một danh sách, nhận được "a list"')).not.toMatch(ENGLISH);
  });

  for (const [file, find, replace, code] of CASES) {
    it(`${code} in ${file} (${String(find).slice(0, 40)} -> ${replace.slice(0, 40)})`, () => {
      const issues = issuesOf(file, find, replace);
      expect(issues.map((issue) => issue.code)).toContain(code);
      for (const issue of issues) {
        expect(issue.messageVi, `${issue.code}: ${issue.message}`).toBeTypeOf('string');
        expect(issue.messageVi).not.toBe(issue.message);
        expect(withoutIdentifiers(issue.messageVi!), `${issue.code}: ${issue.messageVi}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('gives the exact Vietnamese of a pattern, a type, a refinement and a deadline amount', () => {
    const vi = (file: string, find: string, replace: string): string[] => issuesOf(file, find, replace).map((issue) => issue.messageVi ?? '');
    expect(vi('procedures.yaml', 'code: "1.004222"', 'code: "1.4222"')).toContain('cần mã thủ tục dạng "1.001193"');
    expect(vi('procedures.yaml', 'name: Đăng ký thường trú', 'name: 5')).toContain('cần chuỗi, nhận được số 5');
    expect(vi('procedures.yaml', '    levels:\n      - commune\n', '    levels:\n      - commune\n      - commune\n')).toContain('mỗi cấp chỉ được nêu một lần');
    expect(vi('procedures.yaml', 'value: 7\n', 'value: 0\n')).toContain('value phải bằng 0 đối với same-day và lớn hơn 0 đối với các đơn vị khác');
    expect(vi('procedures.yaml', '    ministry: Bộ Công an', '\tministry: Bộ Công an')).toContain('không được dùng ký tự tab để thụt lề; hãy dùng dấu cách');
  });
});
