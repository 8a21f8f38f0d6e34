/**
 * Everything tthc reads, from texts: the catalogue, the calendar, the rules and scenario files, each file dispatched
 * on its `kind`, every issue of every file collected before anything is built. Browser-safe.
 */
import type { Calendar } from './calendar/calendar.js';
import { createCalendar } from './calendar/calendar.js';
import { assembleCalendarData } from './calendar/parse.js';
import { CALENDAR_FILE_SCHEMAS } from './calendar/schema.js';
import type { Catalog, CatalogFile } from './catalog/catalog.js';
import { createCatalog } from './catalog/catalog.js';
import { CATALOG_FILE_SCHEMAS } from './catalog/schema.js';
import type { OfficePolicyFile } from './calendar/schema.js';
import { compareIssues, createIssue, InvalidDataError } from './errors.js';
import type { Issue } from './errors.js';
import { checkRules } from './rules/check.js';
import { RULES_FILE_SCHEMAS } from './rules/schema.js';
import type { RulesFile } from './rules/schema.js';
import type { CompiledRuleSet } from './rules/types.js';
import { parseEachDataFile } from './source/files.js';
import type { DataFile, SourceText } from './source/files.js';
import { ScenariosFileSchema } from './testing/scenarios.js';
import type { ScenariosFile } from './testing/scenarios.js';
import { expectDataFiles, expectOptions, expectSourceTexts } from './arguments.js';

/** Schemas of every data file kind, keyed by the file's `kind`. */
export const DATA_FILE_SCHEMAS = Object.freeze({
  ...CATALOG_FILE_SCHEMAS,
  ...CALENDAR_FILE_SCHEMAS,
  ...RULES_FILE_SCHEMAS,
  scenarios: ScenariosFileSchema,
});

/** The kinds of data file tthc reads. */
export type DataFileKind = keyof typeof DATA_FILE_SCHEMAS;

/** Cross-file issues that a failed file of the same part may cause without being at fault where they are reported. */
const KNOCK_ON_CODES: ReadonlySet<string> = new Set([
  'UNKNOWN_PROVINCE',
  'UNIT_LEVEL_MISMATCH',
  'UNKNOWN_LEGACY_TARGET',
  'OVERRIDE_UNKNOWN_PROCEDURE',
  'OVERRIDE_SELECTS_NOTHING',
  'OVERRIDE_NO_EFFECT',
  'CALENDAR_MISSING_FILE',
  'CALENDAR_UNKNOWN_HOLIDAY',
]);

const CATALOG_KINDS: ReadonlySet<string> = new Set(Object.keys(CATALOG_FILE_SCHEMAS));
const CALENDAR_KINDS: ReadonlySet<string> = new Set(Object.keys(CALENDAR_FILE_SCHEMAS));
const RULE_KINDS: ReadonlySet<string> = new Set(Object.keys(RULES_FILE_SCHEMAS));

/** What was built from a set of files; a part is absent when no file of its kinds was given or it had errors. */
export interface Dataset {
  readonly catalog?: Catalog;
  readonly calendar?: Calendar;
  readonly rules?: CompiledRuleSet;
  readonly scenarios: readonly DataFile<'scenarios', ScenariosFile>[];
}

export interface ParseDatasetResult {
  readonly dataset: Dataset;
  /** Every issue of every file and of the cross-file checks, sorted by file, line, column. */
  readonly issues: readonly Issue[];
  /**
   * The catalogue of the files that passed when a catalogue file failed: never for routing, only so that a validation
   * run can still report what holds for the procedures it did read (rule coverage).
   */
  readonly partialCatalog?: Catalog;
}

/**
 * Parses and checks data files and builds what they describe. Never throws on bad data: a part with errors is left
 * out of the dataset, and every issue is reported. `hash: false` skips the catalogue's content hash (validation only;
 * see CreateCatalogOptions.hash).
 */
export function parseDataset(sources: readonly SourceText[], options: ParseDatasetOptions = {}): ParseDatasetResult {
  expectSourceTexts(sources);
  expectOptions(options);
  return parseDatasetReleasing([...sources], options);
}

/** Options of {@link parseDataset}. */
export interface ParseDatasetOptions {
  readonly hash?: boolean;
  readonly sha256Hex?: (text: string) => string;
}

/**
 * {@link parseDataset} on texts already checked, clearing `pending[i]` once file `i` is read (see parseEachDataFile):
 * a loader that keeps no other reference lets every text go before the catalogue is built. Internal to tthc.
 */
export function parseDatasetReleasing(pending: (SourceText | undefined)[], options: ParseDatasetOptions = {}): ParseDatasetResult {
  const { files, issues: fileIssues, failed } = parseEachDataFile(pending, DATA_FILE_SCHEMAS);
  const built = buildDataset(files, failed.map((entry) => entry.kind), {
    ...(options.hash === false ? { hash: false } : {}),
    ...(options.sha256Hex === undefined ? {} : { sha256Hex: options.sha256Hex }),
  });
  return {
    dataset: built.dataset,
    issues: Object.freeze(fileIssues.concat(built.issues).sort(compareIssues)),
    ...(built.partialCatalog === undefined ? {} : { partialCatalog: built.partialCatalog }),
  };
}

/**
 * Builds a dataset from files that already passed their schemas (from {@link parseDataFiles}, or a snapshot of them).
 * @param failedKinds - kinds of files that did not pass (undefined: kind unknown); a part with a failed file is not
 *   built, so nothing is ever half-loaded.
 * @param known - what a snapshot already knows: the catalogue hash, and `warnings: false` to skip the checks that
 *   can only warn; `hash: false` for validation that only reports (see CreateCatalogOptions)
 */
export function buildDataset(
  files: readonly DataFile[],
  failedKinds: readonly (string | undefined)[] = [],
  known: { readonly catalogHash?: string; readonly warnings?: boolean; readonly hash?: boolean; readonly sha256Hex?: (text: string) => string } = {},
): ParseDatasetResult {
  expectDataFiles(files);
  const issues: Issue[] = [];
  const partFailed = (kinds: ReadonlySet<string>): boolean => failedKinds.some((kind) => kind === undefined || kinds.has(kind));

  const catalogFiles = files.filter((file) => CATALOG_KINDS.has(file.kind)) as unknown as CatalogFile[];
  const calendarFiles = files.filter((file) => CALENDAR_KINDS.has(file.kind));
  const ruleFiles = files.filter((file) => RULE_KINDS.has(file.kind));
  const scenarios = files.filter((file) => file.kind === 'scenarios') as unknown as DataFile<'scenarios', ScenariosFile>[];

  let catalog: Catalog | undefined;
  let partialCatalog: Catalog | undefined;
  let catalogProvinces: ReadonlySet<string> | undefined;
  // A part with a failed file is still checked across the files that passed, so one run reports every issue; only
  // the checks that depend on what the failed file may hold (a commune's province, an override's procedure) are not
  // reported, since they would be knock-on errors. Such a part is never built.
  if (catalogFiles.length > 0) {
    const incomplete = partFailed(CATALOG_KINDS);
    const result = createCatalog(catalogFiles, {
      ...(known.catalogHash === undefined ? {} : { contentHash: known.catalogHash }),
      ...(known.warnings === undefined ? {} : { warnings: known.warnings }),
      ...(known.hash === false || incomplete ? { hash: false } : {}),
      ...(known.sha256Hex === undefined ? {} : { sha256Hex: known.sha256Hex }),
    });
    for (const issue of result.issues) if (!incomplete || !KNOCK_ON_CODES.has(issue.code)) issues.push(issue);
    if (!incomplete && !hasErrors(result.issues)) catalog = result.catalog;
    else partialCatalog = result.catalog;
    catalogProvinces = new Set(result.catalog.units.filter((unit) => unit.level === 'province').map((unit) => unit.code));
  }

  let calendar: Calendar | undefined;
  if (calendarFiles.length > 0) {
    const incomplete = partFailed(CALENDAR_KINDS);
    const result = assembleCalendarData(calendarFiles);
    for (const issue of result.issues) if (!incomplete || !KNOCK_ON_CODES.has(issue.code)) issues.push(issue);
    if (result.data !== undefined && !hasErrors(result.issues) && !incomplete) calendar = createCalendar(result.data);
  }

  let rules: CompiledRuleSet | undefined;
  if (ruleFiles.length > 0) {
    const result = checkRules(ruleFiles);
    for (const issue of result.issues) issues.push(issue);
    if (!hasErrors(result.issues) && !partFailed(RULE_KINDS)) rules = result.rules;
  }

  // Province codes in the calendar's office policy and in rule scopes are checked against the catalogue when both
  // are complete (a province of a failed units file is not known to be missing).
  if (catalogFiles.length > 0 && !partFailed(CATALOG_KINDS) && catalogProvinces !== undefined) {
    for (const issue of unknownProvinceIssues(catalogProvinces, calendarFiles, ruleFiles)) issues.push(issue);
  }

  const dataset: Dataset = Object.freeze({
    ...(catalog === undefined ? {} : { catalog }),
    ...(calendar === undefined ? {} : { calendar }),
    ...(rules === undefined ? {} : { rules }),
    scenarios,
  });
  return { dataset, issues: Object.freeze(issues.sort(compareIssues)), ...(partialCatalog === undefined ? {} : { partialCatalog }) };
}

/** Office-policy provinces and rule scopes that name a province the catalogue does not have. */
function unknownProvinceIssues(provinces: ReadonlySet<string>, calendarFiles: readonly DataFile[], ruleFiles: readonly DataFile[]): Issue[] {
  const issues: Issue[] = [];
  for (const file of calendarFiles) {
    if (file.kind !== 'office-policy') continue;
    for (const code of Object.keys((file.data as OfficePolicyFile).provinces)) {
      if (provinces.has(code)) continue;
      issues.push(
        createIssue('CALENDAR_UNKNOWN_PROVINCE', 'error', `office policy for province "${code}", which the catalogue does not have`, {
          file: file.file,
          path: ['provinces', code],
          location: file.locate(['provinces', code], { key: true }),
          vi: `quy định giờ làm việc cho tỉnh "${code}", không có trong danh mục`,
        }),
      );
    }
  }
  for (const file of ruleFiles) {
    const rules = (file.data as RulesFile).rules;
    rules.forEach((rule, index) => {
      (rule.scope?.provinces ?? []).forEach((code, position) => {
        if (provinces.has(code)) return;
        const path = ['rules', index, 'scope', 'provinces', position];
        issues.push(
          createIssue('RULE_UNKNOWN_PROVINCE', 'error', `rule "${rule.id}" is scoped to province "${code}", which the catalogue does not have`, {
            file: file.file,
            path,
            location: file.locate(path),
            vi: `quy tắc "${rule.id}" áp dụng cho tỉnh "${code}", không có trong danh mục`,
          }),
        );
      });
    });
  }
  return issues;
}

/** Like {@link parseDataset}, but throws {@link InvalidDataError} with every issue when any is an error. */
export function assertDataset(sources: readonly SourceText[]): Dataset {
  const { dataset, issues } = parseDataset(sources);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    const at = first.file === undefined ? undefined : `${first.file}${first.line === undefined ? '' : `:${first.line}:${first.column}`}`;
    throw new InvalidDataError(
      {
        en: `data has ${errors.length} error${errors.length === 1 ? '' : 's'}${at === undefined ? '' : ` (first: ${at})`}`,
        vi: `dữ liệu có ${errors.length} lỗi${at === undefined ? '' : ` (lỗi đầu tiên: ${at})`}`,
      },
      errors,
    );
  }
  return dataset;
}

function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
