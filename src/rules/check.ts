/**
 * Checking rule files: shape (zod), then facts, paths, operators and value types against the fact description, then
 * duplicate ids, validity windows and statically detectable conflicts. Every problem is an issue at file:line:col.
 */
import { compareCodeUnits } from '../compare.js';
import { compareIssues, createIssue } from '../errors.js';
import type { Issue, IssuePath, SourceLocation } from '../errors.js';
import { RULES_ISSUE_CODES } from './codes.js';

type RulesIssueCode = keyof typeof RULES_ISSUE_CODES;
import { validateParsed } from '../source/schema.js';
import type { ParsedYaml } from '../source/yaml.js';
import { FACT_DOMAIN_VI, FACT_NAMES, lookupFactField } from './facts.js';
import type { FactFieldSpec, FactName } from './facts.js';
import { OPERATORS, OPERATOR_NAMES, isOperatorName } from './operators.js';
import type { OperatorSpec } from './operators.js';
import { EFFECT_TYPES, RuleSchema, RulesFileEnvelopeSchema } from './schema.js';
import { PART_OF_EFFECT } from './parts.js';
import type { Condition, LeafCondition, ParsedRuleEffect, RootCondition, RuleEffect } from './schema.js';
import { localizedText } from '../vocabulary.js';
import { canonicalJson } from './hash.js';
import { conjuncts, createRuleSet, isLeaf, isFactReference } from './compile.js';
import type { CompiledRuleSet, Rule } from './types.js';
import { expectDataFiles } from '../arguments.js';
import { describeDataValueVi, valueTypeVi } from '../source/describe-value.js';

/** One rule file to check: its parsed value and a way back to positions (ParsedYaml.locate). */
export interface RulesFileInput {
  readonly file: string;
  readonly data: unknown;
  readonly locate?: (path: IssuePath, options?: { key?: boolean }) => SourceLocation | undefined;
}

export interface CheckRulesResult {
  /** The rules that passed every check. Do not route with it when `issues` holds errors. */
  readonly rules: CompiledRuleSet;
  /** Every issue from every file, sorted by file, line, column. */
  readonly issues: readonly Issue[];
}

interface Context {
  readonly file: string;
  readonly locate: NonNullable<RulesFileInput['locate']>;
  readonly issues: Issue[];
}

const noLocation = (): undefined => undefined;

/**
 * Checks rule files and compiles the valid rules. Never throws on bad data.
 * @example
 * const parsed = parseYaml(text, 'rules/routing/national.yaml');
 * const { rules, issues } = checkRules([{ file: parsed.file, data: parsed.value, locate: parsed.locate }]);
 */
export function checkRules(files: readonly RulesFileInput[]): CheckRulesResult {
  expectDataFiles(files);
  const issues: Issue[] = [];
  const accepted: Rule[] = [];
  const seen = new Map<string, Rule>();
  for (const input of files) {
    const ctx: Context = { file: input.file, locate: input.locate ?? noLocation, issues };
    const parsed: ParsedYaml = { file: input.file, value: input.data, issues: [], locate: ctx.locate };
    if (input.data === undefined) continue;
    const envelope = validateParsed(parsed, RulesFileEnvelopeSchema);
    issues.push(...envelope.issues);
    const items = envelope.value?.rules ?? (isRecord(input.data) && Array.isArray(input.data['rules']) ? input.data['rules'] : []);
    items.forEach((item, index) => {
      const rule = checkRule(item, ['rules', index], ctx, parsed);
      if (rule === undefined) return;
      const previous = seen.get(rule.id);
      if (previous !== undefined) {
        report(
          ctx,
          'RULE_DUPLICATE_ID',
          `rule id "${rule.id}" is already used${at(previous)}`,
          `mã quy tắc "${rule.id}" đã được dùng ${sourceOf(previous) === undefined ? 'cho một quy tắc khác' : `tại ${sourceOf(previous)}`}`,
          ['rules', index, 'id'],
        );
        return;
      }
      seen.set(rule.id, rule);
      accepted.push(rule);
    });
  }
  issues.push(...findStaticConflicts(accepted, files));
  return { rules: createRuleSet(accepted), issues: Object.freeze(issues.sort(compareIssues)) };
}

function at(rule: Rule): string {
  const source = sourceOf(rule);
  return source === undefined ? ` by another rule` : ` at ${source}`;
}

/** Where a rule was written, `file:line:column` (or the file alone), when known. */
function sourceOf(rule: Rule): string | undefined {
  if (rule.source === undefined) return undefined;
  const { file, line, column } = rule.source;
  return `${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}`;
}

/** Adds an issue with its message in English (`message`) and in Vietnamese (`vi`). */
function report(ctx: Context, code: RulesIssueCode, message: string, vi: string, path: IssuePath, key = false): void {
  ctx.issues.push(createIssue(code, RULES_ISSUE_CODES[code].severity, message, {
    file: ctx.file,
    path,
    location: ctx.locate(path, key ? { key: true } : undefined),
    vi,
  }));
}

function checkRule(item: unknown, path: IssuePath, ctx: Context, parsed: ParsedYaml): Rule | undefined {
  const before = ctx.issues.length;
  let conditions: RootCondition | undefined;
  let skipEvent = false;
  if (isRecord(item)) {
    if (Object.prototype.hasOwnProperty.call(item, 'conditions')) {
      conditions = checkCondition(item['conditions'], [...path, 'conditions'], ctx, true) as RootCondition | undefined;
    }
    const event = item['event'];
    if (isRecord(event) && typeof event['type'] === 'string' && !(EFFECT_TYPES as readonly string[]).includes(event['type'])) {
      report(
        ctx,
        'RULE_UNKNOWN_EFFECT',
        `unknown effect type "${event['type']}"; expected one of ${EFFECT_TYPES.join(', ')}`,
        `loại kết quả "${event['type']}" không xác định; cần một trong các giá trị ${EFFECT_TYPES.join(', ')}`,
        [...path, 'event', 'type'],
      );
      skipEvent = true;
    }
  }
  const shaped = validateParsed({ ...parsed, value: item === undefined ? null : item, issues: [], locate: noLocation }, RuleSchema);
  for (const issue of shaped.issues) {
    const relative = issue.path;
    // Conditions are reported above in detail; unknown effects once.
    if (relative[0] === 'conditions' && relative.length > 1) continue;
    if (skipEvent && relative[0] === 'event') continue;
    const full = [...path, ...relative];
    ctx.issues.push(
      createIssue(issue.code, issue.severity, issue.message, {
        file: ctx.file,
        path: full,
        location: ctx.locate(full, issue.code === 'SCHEMA_UNKNOWN_KEY' ? { key: true } : undefined),
        vi: issue.messageVi,
      }),
    );
  }
  const value = shaped.value;
  if (value === undefined || conditions === undefined || ctx.issues.length > before) return undefined;
  if (value.validTo !== undefined && value.validTo <= value.validFrom) {
    report(
      ctx,
      'RULE_INVALID_VALIDITY',
      `validTo ${value.validTo} is not after validFrom ${value.validFrom} (validTo is exclusive)`,
      `validTo ${value.validTo} không sau validFrom ${value.validFrom} (validTo là ngày đầu tiên quy tắc hết hiệu lực, không tính)`,
      [...path, 'validTo'],
    );
    return undefined;
  }
  const event = checkedEffect(value.event as ParsedRuleEffect);
  if (event.type === 'delegation') {
    const { validFrom, validTo } = event.params;
    if (value.validFrom < validFrom || (validTo !== undefined && (value.validTo === undefined || value.validTo > validTo))) {
      report(
        ctx,
        'RULE_DELEGATION_WINDOW',
        `rule is valid ${value.validFrom} to ${value.validTo ?? 'open end'} but the delegation only ${validFrom} to ${validTo ?? 'open end'}`,
        `quy tắc có hiệu lực ${windowVi(value.validFrom, value.validTo)} nhưng văn bản ủy quyền chỉ có hiệu lực ${windowVi(validFrom, validTo)}`,
        [...path, 'validFrom'],
      );
    }
  }
  const location = ctx.locate(path);
  const rule: Rule = {
    id: value.id,
    description: localizedText(value.description),
    legalBasis: Array.isArray(value.legalBasis) ? value.legalBasis : [value.legalBasis],
    validFrom: value.validFrom,
    ...(value.validTo === undefined ? {} : { validTo: value.validTo }),
    ...(value.scope === undefined ? {} : { scope: { provinces: [...new Set(value.scope.provinces)].sort() } }),
    priority: value.priority,
    conditions,
    event,
    source: { file: ctx.file, ...(location === undefined ? {} : { line: location.line, column: location.column }) },
  };
  return rule;
}

/** A validity window in Vietnamese: `từ A đến B`, or `từ A, không thời hạn` when it has no end. */
function windowVi(from: string, to: string | undefined): string {
  return to === undefined ? `từ ${from}, không thời hạn` : `từ ${from} đến ${to}`;
}

/** The effect as rules hold it: an office action's texts in both languages. */
function checkedEffect(effect: ParsedRuleEffect): RuleEffect {
  if (effect.type !== 'office-action') return effect;
  const { action, reason, guidance } = effect.params;
  return { type: 'office-action', params: { action, reason: localizedText(reason), ...(guidance === undefined ? {} : { guidance: localizedText(guidance) }) } };
}

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS = new Set(['fact', 'path', 'operator', 'value']);

/** Checks a condition tree; returns it typed when it has no issue. */
function checkCondition(node: unknown, path: IssuePath, ctx: Context, root: boolean): Condition | undefined {
  if (!isRecord(node)) {
    report(
      ctx,
      'RULE_INVALID_CONDITION',
      `expected a map with ${root ? 'all, any or not' : 'all, any, not or fact'}, got ${kindOf(node)}`,
      `cần một ánh xạ (map) có ${root ? 'all, any hoặc not' : 'all, any, not hoặc fact'}, nhận được ${describeDataValueVi(node)}`,
      path,
    );
    return undefined;
  }
  const booleans = BOOLEAN_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(node, key));
  const keys = Object.keys(node);
  if (booleans.length > 1 || (booleans.length === 1 && keys.length > 1)) {
    const extra = keys.find((key) => key !== booleans[0]) ?? booleans[1]!;
    report(
      ctx,
      'RULE_INVALID_CONDITION',
      `a condition holds exactly one of all, any, not or a fact test; found "${extra}" beside "${booleans[0]}"`,
      `một điều kiện chỉ chứa đúng một trong all, any, not hoặc một phép kiểm tra dữ kiện; có "${extra}" bên cạnh "${booleans[0]}"`,
      [...path, extra],
      true,
    );
    return undefined;
  }
  const operator = booleans[0];
  if (operator === 'all' || operator === 'any') {
    const items = node[operator];
    if (!Array.isArray(items) || items.length === 0) {
      report(ctx, 'RULE_INVALID_CONDITION', `"${operator}" takes a non-empty list of conditions`, `"${operator}" cần một danh sách điều kiện không rỗng`, [...path, operator]);
      return undefined;
    }
    const checked = items.map((item, index) => checkCondition(item, [...path, operator, index], ctx, false));
    if (checked.some((item) => item === undefined)) return undefined;
    return operator === 'all' ? { all: checked as Condition[] } : { any: checked as Condition[] };
  }
  if (operator === 'not') {
    const inner = node['not'];
    if (Array.isArray(inner)) {
      report(
        ctx,
        'RULE_INVALID_CONDITION',
        '"not" takes one condition, not a list (wrap a list in all or any)',
        '"not" nhận một điều kiện, không nhận danh sách (đặt danh sách trong all hoặc any)',
        [...path, 'not'],
      );
      return undefined;
    }
    const checked = checkCondition(inner, [...path, 'not'], ctx, false);
    return checked === undefined ? undefined : { not: checked };
  }
  if (root) {
    report(ctx, 'RULE_INVALID_CONDITION', 'the root of conditions is all, any or not', 'gốc của conditions phải là all, any hoặc not', path);
    return undefined;
  }
  return checkLeaf(node, path, ctx);
}

function checkLeaf(node: Record<string, unknown>, path: IssuePath, ctx: Context): LeafCondition | undefined {
  let ok = true;
  for (const key of Object.keys(node)) {
    if (!LEAF_KEYS.has(key)) {
      report(
        ctx,
        'RULE_INVALID_CONDITION',
        `unknown key "${key}" in a fact test; expected fact, path, operator, value`,
        `khóa "${key}" không hợp lệ trong phép kiểm tra dữ kiện; chỉ dùng fact, path, operator, value`,
        [...path, key],
        true,
      );
      ok = false;
    }
  }
  for (const key of ['fact', 'operator', 'value'] as const) {
    if (!Object.prototype.hasOwnProperty.call(node, key)) {
      report(ctx, 'RULE_INVALID_CONDITION', `missing required key "${key}" in a fact test`, `thiếu khóa bắt buộc "${key}" trong phép kiểm tra dữ kiện`, path);
      ok = false;
    }
  }
  if (!ok) return undefined;
  const { fact, path: factPath, operator, value } = node as { fact: unknown; path?: unknown; operator: unknown; value: unknown };
  if (typeof fact !== 'string') {
    report(ctx, 'RULE_UNKNOWN_FACT', `fact is ${kindOf(fact)}; expected one of ${FACT_NAMES.join(', ')}`, factNotStringVi(fact), [...path, 'fact']);
    return undefined;
  }
  if (factPath !== undefined && typeof factPath !== 'string') {
    report(ctx, 'RULE_UNKNOWN_PATH', `path is ${kindOf(factPath)}; expected a string such as "$.province"`, pathNotStringVi(factPath), [...path, 'path']);
    return undefined;
  }
  const field = resolveField(fact, factPath, path, ctx);
  if (field === undefined) return undefined;
  if (!isOperatorName(operator)) {
    report(
      ctx,
      'RULE_UNKNOWN_OPERATOR',
      `unknown operator ${JSON.stringify(operator)}; expected one of ${OPERATOR_NAMES.join(', ')}`,
      `toán tử ${JSON.stringify(operator)} không xác định; cần một trong các giá trị ${OPERATOR_NAMES.join(', ')}`,
      [...path, 'operator'],
    );
    return undefined;
  }
  const spec = OPERATORS[operator];
  const subject = describeField(fact, factPath);
  if (!spec.applies(field)) {
    report(
      ctx,
      'RULE_OPERATOR_MISMATCH',
      `operator "${operator}" (${spec.description}) does not apply to ${subject}, ${fieldKind(field)}${hint(spec, field)}`,
      `toán tử "${operator}" không dùng được cho ${subject} (kiểu ${fieldKindVi(field)})${hintVi(spec, field)}`,
      [...path, 'operator'],
    );
    return undefined;
  }
  if (!checkValue(spec, field, value, subject, [...path, 'value'], ctx)) return undefined;
  const leaf: LeafCondition = {
    fact: fact as FactName,
    ...(factPath === undefined ? {} : { path: factPath }),
    operator,
    value: (isFactReference(value) ? { ...value } : Array.isArray(value) ? [...value] : value) as LeafCondition['value'],
  };
  return leaf;
}

function resolveField(fact: string, factPath: string | undefined, path: IssuePath, ctx: Context): FactFieldSpec | undefined {
  const found = lookupFactField(fact, factPath);
  if ('error' in found) {
    if (found.error === 'fact') report(ctx, 'RULE_UNKNOWN_FACT', found.message + suggest(fact, FACT_NAMES), found.messageVi + suggestVi(fact, FACT_NAMES), [...path, 'fact']);
    else report(ctx, 'RULE_UNKNOWN_PATH', found.message, found.messageVi, factPath === undefined ? path : [...path, 'path']);
    return undefined;
  }
  return found.field;
}

function checkValue(spec: OperatorSpec, field: FactFieldSpec, value: unknown, subject: string, path: IssuePath, ctx: Context): boolean {
  if (isFactReference(value)) {
    if (!spec.factValue) {
      report(
        ctx,
        'RULE_VALUE_MISMATCH',
        `operator "${spec.name}" takes a literal list, not another fact`,
        `toán tử "${spec.name}" cần một danh sách giá trị viết sẵn, không nhận một dữ kiện khác`,
        path,
      );
      return false;
    }
    const extra = Object.keys(value).find((key) => key !== 'fact' && key !== 'path');
    if (extra !== undefined) {
      report(
        ctx,
        'RULE_VALUE_MISMATCH',
        `unknown key "${extra}" in a fact reference; expected fact and path`,
        `khóa "${extra}" không hợp lệ trong tham chiếu dữ kiện; chỉ dùng fact và path`,
        [...path, extra],
        true,
      );
      return false;
    }
    const refFact = (value as { fact: unknown }).fact;
    const refPath = (value as { path?: unknown }).path;
    if (typeof refFact !== 'string') {
      report(ctx, 'RULE_UNKNOWN_FACT', `fact is ${kindOf(refFact)}; expected one of ${FACT_NAMES.join(', ')}`, factNotStringVi(refFact), [...path, 'fact']);
      return false;
    }
    if (refPath !== undefined && typeof refPath !== 'string') {
      report(ctx, 'RULE_UNKNOWN_PATH', `path is ${kindOf(refPath)}; expected a string such as "$.province"`, pathNotStringVi(refPath), [...path, 'path']);
      return false;
    }
    const other = resolveField(refFact, refPath, path, ctx);
    if (other === undefined) return false;
    const otherSubject = describeField(refFact, refPath);
    const wantKind = spec.value === 'element' ? 'string' : field.kind;
    if (other.kind !== wantKind || other.domain !== field.domain) {
      report(
        ctx,
        'RULE_VALUE_MISMATCH',
        `${subject} (${field.domain}) cannot be compared with ${otherSubject} (${other.domain}, ${fieldKind(other)})`,
        `${subject} (${FACT_DOMAIN_VI[field.domain]}) không so sánh được với ${otherSubject} (${FACT_DOMAIN_VI[other.domain]}, kiểu ${fieldKindVi(other)})`,
        path,
      );
      return false;
    }
    return true;
  }
  if (spec.value === 'list') {
    if (!Array.isArray(value) || value.length === 0) {
      report(
        ctx,
        'RULE_VALUE_MISMATCH',
        `operator "${spec.name}" takes a non-empty list of values, got ${kindOf(value)}`,
        `toán tử "${spec.name}" cần một danh sách giá trị không rỗng, nhận được ${describeDataValueVi(value)}`,
        path,
      );
      return false;
    }
    return value.every((item, index) => checkLiteral(field, item, subject, [...path, index], ctx));
  }
  if (spec.value === 'date') {
    if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) {
      report(
        ctx,
        'RULE_VALUE_MISMATCH',
        `operator "${spec.name}" compares with a date YYYY-MM-DD, got ${kindOf(value)}`,
        `toán tử "${spec.name}" so sánh với một ngày dạng YYYY-MM-DD, nhận được ${describeDataValueVi(value)}`,
        path,
      );
      return false;
    }
    return true;
  }
  if (spec.value === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      report(
        ctx,
        'RULE_VALUE_MISMATCH',
        `operator "${spec.name}" compares with a number, got ${kindOf(value)}`,
        `toán tử "${spec.name}" so sánh với một số, nhận được ${describeDataValueVi(value)}`,
        path,
      );
      return false;
    }
    return true;
  }
  return checkLiteral(field, value, subject, path, ctx);
}

/** A literal the field could hold (for lists: an element). */
function checkLiteral(field: FactFieldSpec, value: unknown, subject: string, path: IssuePath, ctx: Context): boolean {
  if (field.kind === 'number') {
    if (typeof value === 'number' && Number.isFinite(value)) return true;
    report(ctx, 'RULE_VALUE_MISMATCH', `${subject} is a number, got ${kindOf(value)}`, `${subject} có giá trị là số, nhận được ${describeDataValueVi(value)}`, path);
    return false;
  }
  if (typeof value !== 'string') {
    report(
      ctx,
      'RULE_VALUE_MISMATCH',
      `${subject} holds strings, got ${kindOf(value)}${typeof value === 'number' ? ' (quote codes such as "01")' : ''}`,
      `${subject} có giá trị là chuỗi, nhận được ${describeDataValueVi(value)}${typeof value === 'number' ? ' (đặt mã như "01" trong dấu nháy)' : ''}`,
      path,
    );
    return false;
  }
  if (field.values !== undefined && !field.values.includes(value)) {
    report(
      ctx,
      'RULE_VALUE_MISMATCH',
      `${subject} is never ${JSON.stringify(value)}; expected one of ${field.values.join(', ')}${suggest(value, field.values)}`,
      `${subject} không bao giờ là ${JSON.stringify(value)}; cần một trong các giá trị ${field.values.join(', ')}${suggestVi(value, field.values)}`,
      path,
    );
    return false;
  }
  if (field.pattern !== undefined && !new RegExp(field.pattern).test(value)) {
    report(
      ctx,
      'RULE_VALUE_MISMATCH',
      `${JSON.stringify(value)} is not a valid ${field.domain} value for ${subject} (${field.description})`,
      `${JSON.stringify(value)} không phải ${FACT_DOMAIN_VI[field.domain]} hợp lệ cho ${subject} (${clause(field.descriptionVi)})`,
      path,
    );
    return false;
  }
  return true;
}

function describeField(fact: string, path: string | undefined): string {
  return path === undefined ? fact : `${fact}${path.slice(1)}`;
}

function fieldKind(field: FactFieldSpec): string {
  return field.kind === 'string-list' ? 'a list' : field.domain === 'date' ? 'a date' : field.kind === 'number' ? 'a number' : 'a string';
}

/** The type of a field's values in Vietnamese, as {@link fieldKind} gives it in English. */
function fieldKindVi(field: FactFieldSpec): string {
  return valueTypeVi(field.kind === 'string-list' ? 'list' : field.domain === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'string');
}

function hint(spec: OperatorSpec, field: FactFieldSpec): string {
  if (spec.value === 'number' && field.domain === 'date') return '; use before, onOrBefore, after or onOrAfter for dates';
  if (spec.value === 'element') return '; use equal or in';
  if (field.kind === 'string-list') return '; use contains or doesNotContain';
  return '';
}

function hintVi(spec: OperatorSpec, field: FactFieldSpec): string {
  if (spec.value === 'number' && field.domain === 'date') return '; với ngày, dùng before, onOrBefore, after hoặc onOrAfter';
  if (spec.value === 'element') return '; dùng equal hoặc in';
  if (field.kind === 'string-list') return '; dùng contains hoặc doesNotContain';
  return '';
}

/** A description as a clause inside a message: first letter in lower case, no final full stop. */
function clause(description: string): string {
  const text = description.endsWith('.') ? description.slice(0, -1) : description;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function factNotStringVi(value: unknown): string {
  return `fact là ${describeDataValueVi(value)}; cần một trong các giá trị ${FACT_NAMES.join(', ')}`;
}

function pathNotStringVi(value: unknown): string {
  return `path là ${describeDataValueVi(value)}; cần một chuỗi như "$.province"`;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function suggest(value: string, options: readonly string[]): string {
  const best = closest(value, options);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function suggestVi(value: string, options: readonly string[]): string {
  const best = closest(value, options);
  return best === undefined ? '' : ` (có phải "${best}"?)`;
}

/** The option nearest to `value` (case-insensitive, fewer than 3 edits), if any. */
function closest(value: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const distance = editDistance(value.toLowerCase(), option.toLowerCase());
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Static conflicts

export { PART_OF_EFFECT } from './parts.js';

/**
 * Finds pairs of rules that certainly conflict: same part, same priority, different effect, overlapping validity
 * windows and scopes, and conditions where one rule's top-level conjuncts are a subset of the other's (so whenever
 * the more specific one applies, both do), unless the union of conjuncts is provably contradictory.
 */
export function findStaticConflicts(rules: readonly Rule[], files: readonly RulesFileInput[] = []): Issue[] {
  const issues: Issue[] = [];
  const locators = new Map(files.map((file) => [file.file, file.locate ?? noLocation]));
  const groups = new Map<string, Rule[]>();
  for (const rule of rules) {
    const key = `${PART_OF_EFFECT[rule.event.type]}\u0000${rule.priority}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [rule]);
    else group.push(rule);
  }
  for (const group of groups.values()) {
    const atoms = group.map((rule) => new Set(conjuncts(rule.conditions).map((condition) => canonicalJson(condition))));
    const events = group.map((rule) => canonicalJson(rule.event));
    for (const [i, j] of pairsThatCanMeet(group)) {
      const a = group[i]!;
      const b = group[j]!;
      if (events[i] === events[j]) continue;
      if (!windowsOverlap(a, b)) continue;
      const atomsA = atoms[i]!;
      const atomsB = atoms[j]!;
      if (!isSubset(atomsA, atomsB) && !isSubset(atomsB, atomsA)) continue;
      if (contradictory([...conjuncts(a.conditions), ...conjuncts(b.conditions)])) continue;
      const [first, second] = [a, b].sort((x, y) => sourceOrder(x, y));
      const file = second!.source?.file;
      const index = findRuleIndex(files, second!);
      const path: IssuePath = index === undefined ? [] : ['rules', index, 'priority'];
      issues.push(
        createIssue(
          'RULE_CONFLICT',
          'error',
          `rule "${second!.id}" and rule "${first!.id}"${at(first!)} both decide ${PART_OF_EFFECT[a.event.type]} at priority ${a.priority} with different effects for the same requests`,
          {
            file,
            path,
            location: file === undefined ? undefined : locators.get(file)?.(path),
            vi: `quy tắc "${second!.id}" và quy tắc "${first!.id}"${sourceOf(first!) === undefined ? '' : ` (tại ${sourceOf(first!)})`} cùng quyết định phần "${PART_OF_EFFECT[a.event.type]}" ở mức ưu tiên ${a.priority} nhưng khác nhau cho cùng yêu cầu`,
          },
        ),
      );
    }
  }
  return issues;
}

/**
 * The pairs (i < j, in order) of a group's rules whose scopes overlap: every pair with an unscoped rule, and the pairs
 * that share a province, each once. Rules of different provinces never meet, so a province's thousand rules are not
 * compared with another's: the work grows with the rules per province, not with all of them.
 */
function pairsThatCanMeet(group: readonly Rule[]): [number, number][] {
  const unscoped: number[] = [];
  const byProvince = new Map<string, number[]>();
  group.forEach((rule, index) => {
    if (rule.scope === undefined) {
      unscoped.push(index);
      return;
    }
    for (const province of new Set(rule.scope.provinces)) {
      const list = byProvince.get(province);
      if (list === undefined) byProvince.set(province, [index]);
      else list.push(index);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (x: number, y: number): void => {
    const [i, j] = x < y ? [x, y] : [y, x];
    const key = i * group.length + j;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([i, j]);
  };
  for (const i of unscoped) for (let j = 0; j < group.length; j += 1) if (j !== i) add(i, j);
  for (const list of byProvince.values()) for (let x = 0; x < list.length; x += 1) for (let y = x + 1; y < list.length; y += 1) add(list[x]!, list[y]!);
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function sourceOrder(a: Rule, b: Rule): number {
  return (
    compareCodeUnits(a.source?.file ?? '', b.source?.file ?? '') ||
    (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
    compareCodeUnits(a.id, b.id)
  );
}

function findRuleIndex(files: readonly RulesFileInput[], rule: Rule): number | undefined {
  const file = files.find((candidate) => candidate.file === rule.source?.file);
  if (file === undefined || !isRecord(file.data) || !Array.isArray(file.data['rules'])) return undefined;
  const index = (file.data['rules'] as unknown[]).findIndex((item) => isRecord(item) && item['id'] === rule.id);
  return index === -1 ? undefined : index;
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/** Validity windows [validFrom, validTo) overlap. */
export function windowsOverlap(a: Rule, b: Rule): boolean {
  const aEnd = a.validTo ?? '9999-12-31';
  const bEnd = b.validTo ?? '9999-12-31';
  return a.validFrom < bEnd && b.validFrom < aEnd;
}

/** True when conjuncts can never hold together (same fact and path tested against incompatible literals). */
function contradictory(atoms: readonly Condition[]): boolean {
  const leaves = atoms.filter(isLeaf);
  for (let i = 0; i < leaves.length; i += 1) {
    for (let j = i + 1; j < leaves.length; j += 1) {
      const a = leaves[i]!;
      const b = leaves[j]!;
      if (a.fact !== b.fact || a.path !== b.path) continue;
      const va = a.value;
      const vb = b.value;
      if (isFactReference(va) || isFactReference(vb)) {
        if (canonicalJson(va) === canonicalJson(vb) && new Set([a.operator, b.operator]).size === 2 &&
          ['equal', 'notEqual'].includes(a.operator) && ['equal', 'notEqual'].includes(b.operator)) return true;
        continue;
      }
      const allowedA = allowedSet(a);
      const allowedB = allowedSet(b);
      if (allowedA !== undefined && allowedB !== undefined && ![...allowedA].some((value) => allowedB.has(value))) return true;
      if (allowedA !== undefined && b.operator === 'notEqual' && allowedA.size === 1 && allowedA.has(vb as never)) return true;
      if (allowedB !== undefined && a.operator === 'notEqual' && allowedB.size === 1 && allowedB.has(va as never)) return true;
    }
  }
  return false;
}

function allowedSet(leaf: LeafCondition): Set<unknown> | undefined {
  if (leaf.operator === 'equal') return new Set([leaf.value]);
  if (leaf.operator === 'in' && Array.isArray(leaf.value)) return new Set(leaf.value);
  return undefined;
}

