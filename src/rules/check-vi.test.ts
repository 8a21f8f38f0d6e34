import { describe, expect, it } from 'vitest';
import type { Issue } from '../errors.js';
import { isTthcError } from '../errors.js';
import { loadShippedRouter } from '../node/shipped.js';
import { parseYaml } from '../source/yaml.js';
import { createTestRouter } from '../testing/router.js';
import { checkRules, findStaticConflicts } from './check.js';
import { FACT_NAMES } from './facts.js';

/** Every issue message of the rule checker has a Vietnamese counterpart (`messageVi`), for `tthc validate --lang vi`. */

const FACTS = FACT_NAMES.join(', ');

const leaf = { fact: 'channel', operator: 'equal', value: 'online' };

function rule(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'r1',
    description: { vi: 'quy tắc thử', en: 'test rule' },
    legalBasis: { document: 'Test' },
    validFrom: '2025-07-01',
    priority: 10,
    conditions: { all: [leaf] },
    event: { type: 'filing-scope', params: { scope: 'nationwide' } },
    ...overrides,
  };
}

const withLeaf = (condition: unknown): Record<string, unknown> => rule({ conditions: { all: [condition] } });

function check(...rules: unknown[]): Issue[] {
  return [...checkRules([{ file: 'x.yaml', data: { kind: 'rules', rules } }]).issues];
}

/** English words no Vietnamese message should hold outside quotes and identifiers. */
const ENGLISH = new Set(
  `expected got unknown takes holds cannot compared never missing found beside the is of with and or an a at by did you mean
  number string list nothing rule key values condition effect type priority valid open end only both decide different effects
  same requests for to use dates quote codes such as exactly one test reference literal another empty root wrap single object
  add already used exclusive base map`.split(/\s+/),
);

function englishWords(vi: string): string[] {
  const unquoted = vi.replace(/"[^"]*"/g, ' ').replace(/\(map\)/g, ' ');
  return unquoted.split(/[\s,;:()?.]+/).filter((word) => ENGLISH.has(word.toLowerCase()));
}

function expectVietnamese(issue: Issue): void {
  expect(issue.messageVi, `${issue.code}: ${issue.message}`).toBeTypeOf('string');
  expect(issue.messageVi!.length).toBeGreaterThan(0);
  expect(issue.messageVi).not.toBe(issue.message);
  expect(englishWords(issue.messageVi!), issue.messageVi).toEqual([]);
}

/** One issue of `code` (rule-checker issues only), checked to have a Vietnamese message. */
function only(issues: Issue[], code: string): Issue {
  const ruleIssues = issues.filter((issue) => issue.code.startsWith('RULE_'));
  expect(ruleIssues.map((issue) => issue.code)).toEqual([code]);
  for (const issue of ruleIssues) expectVietnamese(issue);
  return ruleIssues[0]!;
}

const CASES: [name: string, rules: unknown[], code: string, vi?: string][] = [
  ['root not a map', [rule({ conditions: 3 })], 'RULE_INVALID_CONDITION', 'cần một ánh xạ (map) có all, any hoặc not, nhận được số 3'],
  ['condition not a map', [withLeaf('x')], 'RULE_INVALID_CONDITION', 'cần một ánh xạ (map) có all, any, not hoặc fact, nhận được chuỗi "x"'],
  ['two boolean keys', [rule({ conditions: { all: [leaf], any: [leaf] } })], 'RULE_INVALID_CONDITION'],
  ['empty all', [rule({ conditions: { all: [] } })], 'RULE_INVALID_CONDITION', '"all" cần một danh sách điều kiện không rỗng'],
  ['not with a list', [rule({ conditions: { not: [leaf] } })], 'RULE_INVALID_CONDITION'],
  ['leaf at the root', [rule({ conditions: leaf })], 'RULE_INVALID_CONDITION', 'gốc của conditions phải là all, any hoặc not'],
  ['unknown key in a fact test', [withLeaf({ ...leaf, extra: 1 })], 'RULE_INVALID_CONDITION'],
  ['missing key in a fact test', [withLeaf({ fact: 'channel', operator: 'equal' })], 'RULE_INVALID_CONDITION', 'thiếu khóa bắt buộc "value" trong phép kiểm tra dữ kiện'],
  ['fact not a string', [withLeaf({ ...leaf, fact: 3 })], 'RULE_UNKNOWN_FACT', `fact là số 3; cần một trong các giá trị ${FACTS}`],
  ['path not a string', [withLeaf({ ...leaf, fact: 'office', path: ['$.unit'] })], 'RULE_UNKNOWN_PATH', 'path là một danh sách; cần một chuỗi như "$.province"'],
  ['unknown fact', [withLeaf({ ...leaf, fact: 'chanel' })], 'RULE_UNKNOWN_FACT', `dữ kiện "chanel" không xác định; cần một trong các giá trị ${FACTS} (có phải "channel"?)`],
  ['path on a scalar fact', [withLeaf({ ...leaf, path: '$.x' })], 'RULE_UNKNOWN_PATH', 'dữ kiện "channel" là dữ kiện đơn, không có đường dẫn'],
  ['object fact without path', [withLeaf({ fact: 'office', operator: 'equal', value: '01' })], 'RULE_UNKNOWN_PATH'],
  [
    'unknown path',
    [withLeaf({ fact: 'office', path: '$.zip', operator: 'equal', value: '01' })],
    'RULE_UNKNOWN_PATH',
    'dữ kiện "office" không có đường dẫn "$.zip"; cần một trong các giá trị $.unit, $.level, $.province',
  ],
  ['unknown operator', [withLeaf({ ...leaf, operator: 'equals' })], 'RULE_UNKNOWN_OPERATOR'],
  [
    'number operator on a date',
    [withLeaf({ fact: 'asOf', operator: 'lessThan', value: '2026-01-01' })],
    'RULE_OPERATOR_MISMATCH',
    'toán tử "lessThan" không dùng được cho asOf (kiểu ngày); với ngày, dùng before, onOrBefore, after hoặc onOrAfter',
  ],
  ['list operator on a scalar', [withLeaf({ ...leaf, operator: 'contains' })], 'RULE_OPERATOR_MISMATCH', 'toán tử "contains" không dùng được cho channel (kiểu chuỗi); dùng equal hoặc in'],
  ['scalar operator on a list', [withLeaf({ fact: 'procedure', path: '$.levels', operator: 'equal', value: 'commune' })], 'RULE_OPERATOR_MISMATCH'],
  ['number operator on a string', [withLeaf({ ...leaf, operator: 'greaterThan', value: 1 })], 'RULE_OPERATOR_MISMATCH', 'toán tử "greaterThan" không dùng được cho channel (kiểu chuỗi)'],
  ['fact value where a literal list is needed', [withLeaf({ ...leaf, operator: 'in', value: { fact: 'channel' } })], 'RULE_VALUE_MISMATCH'],
  [
    'unknown key in a fact reference',
    [withLeaf({ fact: 'office', path: '$.province', operator: 'equal', value: { fact: 'residence', path: '$.province', extra: 1 } })],
    'RULE_VALUE_MISMATCH',
  ],
  ['reference fact not a string', [withLeaf({ ...leaf, value: { fact: null } })], 'RULE_UNKNOWN_FACT', `fact là null; cần một trong các giá trị ${FACTS}`],
  ['reference path not a string', [withLeaf({ fact: 'office', path: '$.province', operator: 'equal', value: { fact: 'residence', path: 1 } })], 'RULE_UNKNOWN_PATH'],
  ['reference to an unknown fact', [withLeaf({ ...leaf, value: { fact: 'chanel' } })], 'RULE_UNKNOWN_FACT'],
  ['reference to an unknown path', [withLeaf({ fact: 'office', path: '$.province', operator: 'equal', value: { fact: 'residence', path: '$.zip' } })], 'RULE_UNKNOWN_PATH'],
  [
    'reference across domains',
    [withLeaf({ fact: 'office', path: '$.unit', operator: 'equal', value: { fact: 'residence', path: '$.province' } })],
    'RULE_VALUE_MISMATCH',
    'office.unit (mã đơn vị hành chính) không so sánh được với residence.province (mã tỉnh, kiểu chuỗi)',
  ],
  ['empty list', [withLeaf({ ...leaf, operator: 'in', value: [] })], 'RULE_VALUE_MISMATCH', 'toán tử "in" cần một danh sách giá trị không rỗng, nhận được một danh sách'],
  ['not a date', [withLeaf({ fact: 'asOf', operator: 'before', value: '2026/01/01' })], 'RULE_VALUE_MISMATCH', 'toán tử "before" so sánh với một ngày dạng YYYY-MM-DD, nhận được chuỗi "2026/01/01"'],
  ['not a number', [withLeaf({ fact: 'procedure', path: '$.levelCount', operator: 'lessThan', value: '2' })], 'RULE_VALUE_MISMATCH'],
  ['string for a number field', [withLeaf({ fact: 'procedure', path: '$.levelCount', operator: 'equal', value: '2' })], 'RULE_VALUE_MISMATCH'],
  [
    'number for a code',
    [withLeaf({ fact: 'office', path: '$.province', operator: 'equal', value: 1 })],
    'RULE_VALUE_MISMATCH',
    'office.province có giá trị là chuỗi, nhận được số 1 (đặt mã như "01" trong dấu nháy)',
  ],
  [
    'value outside the vocabulary',
    [withLeaf({ ...leaf, value: 'onlin' })],
    'RULE_VALUE_MISMATCH',
    'channel không bao giờ là "onlin"; cần một trong các giá trị in-person, online, post (có phải "online"?)',
  ],
  [
    'value not matching the pattern',
    [withLeaf({ fact: 'office', path: '$.province', operator: 'equal', value: '1' })],
    'RULE_VALUE_MISMATCH',
    '"1" không phải mã tỉnh hợp lệ cho office.province (mã tỉnh 2 chữ số)',
  ],
  ['literal list element of the wrong type', [withLeaf({ ...leaf, operator: 'in', value: ['online', true] })], 'RULE_VALUE_MISMATCH'],
  [
    'empty validity window',
    [rule({ validTo: '2025-07-01' })],
    'RULE_INVALID_VALIDITY',
    'validTo 2025-07-01 không sau validFrom 2025-07-01 (validTo là ngày đầu tiên quy tắc hết hiệu lực, không tính)',
  ],
  [
    'rule outliving its delegation',
    [rule({ event: { type: 'delegation', params: { from: 'a', to: 'b', document: 'd', validFrom: '2025-08-01', validTo: '2026-01-01' } } })],
    'RULE_DELEGATION_WINDOW',
    'quy tắc có hiệu lực từ 2025-07-01, không thời hạn nhưng văn bản ủy quyền chỉ có hiệu lực từ 2025-08-01 đến 2026-01-01',
  ],
  [
    'unknown effect type',
    [rule({ event: { type: 'competent-levl', params: {} } })],
    'RULE_UNKNOWN_EFFECT',
    'loại kết quả "competent-levl" không xác định; cần một trong các giá trị competent-level, competent-unit, office-action, filing-scope, deadline, delegation',
  ],
  ['duplicate id in one file', [rule(), rule()], 'RULE_DUPLICATE_ID', 'mã quy tắc "r1" đã được dùng tại x.yaml'],
];

describe('Vietnamese messages of the rule checker', () => {
  it.each(CASES)('%s', (_name, rules, code, vi) => {
    const issue = only(check(...rules), code);
    if (vi !== undefined) expect(issue.messageVi).toBe(vi);
  });

  it('locates a duplicate id in Vietnamese as in English', () => {
    const text = (id: string) => `kind: rules
rules:
  - id: ${id}
    description: { vi: quy tắc thử, en: test rule }
    legalBasis: { document: Test }
    validFrom: 2025-07-01
    priority: 10
    conditions: { all: [{ fact: channel, operator: equal, value: online }] }
    event: { type: filing-scope, params: { scope: nationwide } }
`;
    const files = [text('same'), text('same')].map((source, index) => {
      const parsed = parseYaml(source, `f${index + 1}.yaml`);
      return { file: parsed.file, data: parsed.value, locate: parsed.locate };
    });
    const issue = only([...checkRules(files).issues], 'RULE_DUPLICATE_ID');
    expect(issue.message).toBe('rule id "same" is already used at f1.yaml:3:5');
    expect(issue.messageVi).toBe('mã quy tắc "same" đã được dùng tại f1.yaml:3:5');
  });

  const general = rule({ id: 'general', priority: 20, conditions: { all: [{ fact: 'channel', operator: 'equal', value: 'in-person' }] } });
  const specific = rule({
    id: 'specific',
    priority: 20,
    conditions: { all: [{ fact: 'channel', operator: 'equal', value: 'in-person' }, { fact: 'office', path: '$.level', operator: 'equal', value: 'commune' }] },
    event: { type: 'filing-scope', params: { scope: 'commune' } },
  });

  it('reports a conflict in Vietnamese', () => {
    const issue = only(check(general, specific), 'RULE_CONFLICT');
    expect(issue.messageVi).toBe('quy tắc "specific" và quy tắc "general" (tại x.yaml) cùng quyết định phần "filingScope" ở mức ưu tiên 20 nhưng khác nhau cho cùng yêu cầu');
  });

  it('reports a conflict between rules of no known source in Vietnamese', () => {
    const { rules } = checkRules([{ file: 'x.yaml', data: { kind: 'rules', rules: [general, specific] } }]);
    const unsourced = rules.rules.map(({ source: _source, ...rest }) => rest);
    const [issue, ...rest] = findStaticConflicts(unsourced);
    expect(rest).toEqual([]);
    expectVietnamese(issue!);
    expect(issue!.messageVi).toBe('quy tắc "specific" và quy tắc "general" cùng quyết định phần "filingScope" ở mức ưu tiên 20 nhưng khác nhau cho cùng yêu cầu');
  });

  it('keeps the English messages as they were', () => {
    expect(only(check(withLeaf({ ...leaf, fact: 'chanel' })), 'RULE_UNKNOWN_FACT').message).toBe(
      `unknown fact "chanel"; expected one of ${FACTS} (did you mean "channel"?)`,
    );
    expect(only(check(withLeaf({ fact: 'office', path: '$.province', operator: 'equal', value: '1' })), 'RULE_VALUE_MISMATCH').message).toBe(
      '"1" is not a valid province value for office.province (2-digit province code.)',
    );
  });
});

describe('Vietnamese messages of createTestRouter', () => {
  it('reports a procedure that is not an object and a rule id of the base in Vietnamese', async () => {
    const shipped = await loadShippedRouter();
    const baseRule = shipped.data.rules.rules[0]!;
    const errorOf = (run: () => unknown): Issue[] => {
      try {
        run();
      } catch (error) {
        if (isTthcError(error)) return [...error.issues];
        throw error;
      }
      throw new Error('expected createTestRouter to throw');
    };
    const [procedure] = errorOf(() => createTestRouter(shipped.data, { procedures: [null as never] }));
    expect(procedure!.code).toBe('SCHEMA_INVALID_TYPE');
    expectVietnamese(procedure!);
    expect(procedure!.messageVi).toBe('cần một thủ tục { code, levels, ... }, nhận được null');

    const inline = rule({ id: baseRule.id });
    const duplicate = errorOf(() => createTestRouter(shipped.data, { rules: [inline], keepBaseRules: true })).filter((issue) => issue.code === 'RULE_DUPLICATE_ID');
    expect(duplicate).toHaveLength(1);
    expectVietnamese(duplicate[0]!);
    expect(duplicate[0]!.messageVi).toBe(`mã quy tắc "${baseRule.id}" đã là mã của một quy tắc trong bộ quy tắc gốc`);
  }, 120_000);
});
