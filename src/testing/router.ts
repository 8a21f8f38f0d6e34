/**
 * Routers for users' own tests: the shipped data with a few procedures and rules of the test's own, written inline.
 */
import { createCatalog } from '../catalog/catalog.js';
import type { Catalog, CatalogFile } from '../catalog/catalog.js';
import { ProcedureSchema } from '../catalog/schema.js';
import type { LegacyLink, Procedure } from '../catalog/schema.js';
import { createIssue, describeValue, InvalidDataError, invalidArgument, describeValueVi } from '../errors.js';
import type { Issue } from '../errors.js';
import { checkRules } from '../rules/check.js';
import { createRuleSet } from '../rules/compile.js';
import { createRouter } from '../routing/router.js';
import type { Router, RouterData } from '../routing/router.js';
import { validateParsed } from '../source/schema.js';
import { controlCharacterIssues } from '../source/control-characters.js';
import { expectObject, expectRouterData } from '../arguments.js';

/** A procedure written inline: the fields routing reads; the rest get neutral test values. */
export interface TestProcedure {
  readonly code: string;
  readonly levels: Procedure['levels'];
  readonly name?: string;
  readonly ministry?: string;
  readonly sector?: string;
  readonly competentAuthority?: string;
  readonly applicants?: readonly string[];
  /**
   * Per channel, the deadline as in the catalogue, e.g. `{ online: { value: 5, unit: 'working-days' } }`; only these
   * channels are offered. Absent: every channel, with no published deadline (unresolved, `missing`).
   */
  readonly deadlines?: Partial<Record<'in-person' | 'online' | 'post', { readonly value: number; readonly unit: 'working-days' | 'calendar-days' | 'working-hours' | 'same-day' }>>;
}

export interface CreateTestRouterOptions {
  /** Procedures added to (or replacing, by code) the base catalogue. */
  readonly procedures?: readonly TestProcedure[];
  /** Rules in the rule-file form (`id`, `priority`, `conditions`, `event`, ...), checked like a rule file. */
  readonly rules?: readonly unknown[];
  /** Keep the base rules beside the inline ones (default: the inline rules replace them when given). */
  readonly keepBaseRules?: boolean;
}

/**
 * Creates a router on a base (usually the shipped data: `(await loadShippedRouter()).data`) with inline procedures and
 * rules, checked exactly as files would be.
 * @throws InvalidDataError listing every issue when an inline procedure or rule is invalid.
 * @example
 * const router = createTestRouter((await loadShippedRouter()).data, {
 *   procedures: [{ code: '9.000001', levels: ['commune'], deadlines: { online: { value: 3, unit: 'working-days' } } }],
 *   rules: [{ id: 'test.level', description: { vi: 'cấp xã', en: 'commune' }, legalBasis: { document: 'test' }, validFrom: '2025-07-01',
 *     priority: 10, conditions: { all: [{ fact: 'procedure', path: '$.code', operator: 'equal', value: '9.000001' }] },
 *     event: { type: 'competent-level', params: { level: 'commune' } } }],
 * });
 */
export function createTestRouter(base: RouterData, options: CreateTestRouterOptions = {}): Router {
  checkTestRouterArguments(base, options);
  const issues: Issue[] = [];
  let catalog = base.catalog;
  if (options.procedures !== undefined && options.procedures.length > 0) {
    const inline = options.procedures.map((procedure, index) => {
      if (procedure === null || typeof procedure !== 'object' || Array.isArray(procedure)) {
        issues.push(
          createIssue('SCHEMA_INVALID_TYPE', 'error', `expected a procedure { code, levels, ... }, got ${describeValue(procedure)}`, {
            path: [index],
            vi: `cần một thủ tục { code, levels, ... }, nhận được ${describeValueVi(procedure)}`,
          }),
        );
        return undefined;
      }
      const value = toProcedure(procedure);
      // Inline data never passed through the YAML reader, which refuses control characters in text: refuse them here.
      const controls = controlCharacterIssues(value, 'inline procedures', () => undefined);
      const result = validateParsed({ file: 'inline procedures', value, issues: controls, locate: () => undefined }, ProcedureSchema);
      for (const issue of result.issues) issues.push({ ...issue, path: [index, ...issue.path] });
      return result.value;
    });
    const replaced = new Set(options.procedures.map((procedure) => (procedure as TestProcedure | null)?.code));
    const procedures = [...base.catalog.procedures.filter((procedure) => !replaced.has(procedure.code)), ...inline.filter((p) => p !== undefined)];
    const files = [
      { file: 'base units', kind: 'units', data: { kind: 'units', source: [TEST_SOURCE], units: [...base.catalog.units] }, locate: () => undefined },
      { file: 'procedures', kind: 'procedures', data: { kind: 'procedures', source: [TEST_SOURCE], procedures }, locate: () => undefined },
      // The base's legacy links, overrides and abolished bodies stay: without them shipped procedures would lose the
      // deadlines and competence the law settles.
      ...legacyFilesOf(base.catalog),
      ...(base.catalog.overrides.length === 0
        ? []
        : [{ file: 'base overrides', kind: 'overrides', data: { kind: 'overrides', overrides: [...base.catalog.overrides] }, locate: () => undefined }]),
      ...(base.catalog.abolishedBodies.length === 0
        ? []
        : [{ file: 'base bodies', kind: 'bodies', data: { kind: 'bodies', abolished: [...base.catalog.abolishedBodies] }, locate: () => undefined }]),
    ] as CatalogFile[];
    const built = createCatalog(files);
    for (const issue of built.issues) if (issue.severity === 'error') issues.push(issue);
    catalog = built.catalog;
  }
  let rules = base.rules;
  if (options.rules !== undefined) {
    const checked = checkRules([{ file: 'inline rules', data: { kind: 'rules', rules: [...options.rules] } }]);
    for (const issue of controlCharacterIssues(options.rules, 'inline rules', () => undefined)) issues.push(issue);
    for (const issue of checked.issues) if (issue.severity === 'error') issues.push(issue);
    rules = checked.rules;
    if (options.keepBaseRules === true) {
      const inlineIds = new Set(checked.rules.rules.map((rule) => rule.id));
      for (const rule of base.rules.rules) {
        if (inlineIds.has(rule.id)) {
          issues.push(
            createIssue('RULE_DUPLICATE_ID', 'error', `rule id "${rule.id}" is already a base rule`, {
              file: 'inline rules',
              vi: `mã quy tắc "${rule.id}" đã là mã của một quy tắc trong bộ quy tắc gốc`,
            }),
          );
        }
      }
      rules = createRuleSet([...base.rules.rules, ...checked.rules.rules]);
    }
  }
  if (issues.length > 0) {
    throw new InvalidDataError(
      {
        en: `inline test data has ${issues.length} error${issues.length === 1 ? '' : 's'}: ${issues.map((issue) => `${issue.path.join('.')} ${issue.code} ${issue.message}`).join('; ')}`,
        vi: `dữ liệu kiểm thử truyền trực tiếp có ${issues.length} lỗi: ${issues.map((issue) => `${issue.path.join('.')} ${issue.code} ${issue.messageVi ?? issue.message}`).join('; ')}`,
      },
      issues,
      'options',
    );
  }
  return createRouter({ catalog, rules, calendar: base.calendar });
}

/** Refuses what is not a base and options before anything reads them (a TthcError naming the argument). */
function checkTestRouterArguments(base: unknown, options: unknown): void {
  expectRouterData(base, 'base');
  expectObject(options, 'options', { en: '{ procedures?, rules?, keepBaseRules? }', vi: '{ procedures?, rules?, keepBaseRules? }' });
  const { procedures, rules, keepBaseRules } = options as CreateTestRouterOptions;
  if (procedures !== undefined && !Array.isArray(procedures)) {
    invalidArgument({ en: `options.procedures: expected an array, got ${describeValue(procedures)}`, vi: `options.procedures: cần một danh sách, nhận được ${describeValueVi(procedures)}` }, 'options');
  }
  if (rules !== undefined && !Array.isArray(rules)) {
    invalidArgument({ en: `options.rules: expected an array, got ${describeValue(rules)}`, vi: `options.rules: cần một danh sách, nhận được ${describeValueVi(rules)}` }, 'options');
  }
  if (keepBaseRules !== undefined && typeof keepBaseRules !== 'boolean') {
    invalidArgument({ en: `options.keepBaseRules: expected true or false, got ${describeValue(keepBaseRules)}`, vi: `options.keepBaseRules: cần true hoặc false, nhận được ${describeValueVi(keepBaseRules)}` }, 'options');
  }
}

/** The base's legacy links, one file per province as the catalogue keeps them. */
function legacyFilesOf(catalog: Catalog): CatalogFile[] {
  const byProvince = new Map<string, LegacyLink[]>();
  for (const link of catalog.legacyLinks) {
    const province = catalog.index.unitByCode.get(link.new)?.province;
    if (province === undefined) continue;
    let links = byProvince.get(province);
    if (links === undefined) byProvince.set(province, (links = []));
    links.push(link);
  }
  return [...byProvince].map(([province, links]) => ({
    file: `base legacy links ${province}`,
    kind: 'legacy-units',
    data: { kind: 'legacy-units', source: [TEST_SOURCE], province, links },
    locate: () => undefined,
  })) as CatalogFile[];
}

const TEST_SOURCE = { dataset: 'inline test data', origin: 'written in the test', licence: 'not applicable' };

function toProcedure(procedure: TestProcedure): unknown {
  const channels: Record<string, unknown> = {};
  for (const [channel, deadline] of Object.entries(procedure.deadlines ?? {})) {
    if (deadline === undefined) continue;
    const followedBy = (deadline as { followedBy?: unknown }).followedBy;
    channels[channel] = { deadline: { status: 'resolved', value: deadline.value, unit: deadline.unit, ...(followedBy === undefined ? {} : { followedBy }), raw: `${deadline.value} ${deadline.unit}` } };
  }
  // A catalogue procedure has at least one channel; a test that gives no deadline gets every channel, none published.
  if (Object.keys(channels).length === 0) {
    for (const channel of ['in-person', 'online', 'post']) channels[channel] = { deadline: { status: 'unresolved', raw: '', reason: 'missing' } };
  }
  return {
    code: procedure.code,
    name: procedure.name ?? `Test procedure ${procedure.code}`,
    ministry: procedure.ministry ?? 'Test',
    sector: procedure.sector ?? 'Test',
    levels: procedure.levels,
    applicants: procedure.applicants ?? [],
    ...(procedure.competentAuthority === undefined ? {} : { competentAuthority: procedure.competentAuthority }),
    legalBasis: [],
    result: [],
    channels,
    source: { dataset: 'local' },
  };
}
