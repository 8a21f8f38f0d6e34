/**
 * tthc: who handles a Vietnamese administrative procedure (thủ tục hành chính), whether the office in front of the
 * applicant may accept the dossier, and when the result is due. Browser-safe: file loading lives in `tthc/node`.
 */

// Errors and issues
export { TthcError, InvalidDataError, UnknownCodeError, isTthcError, compareIssues } from './errors.js';
export type { Issue, IssueCode, IssuePath, Severity, SourceLocation, ErrorCode } from './errors.js';
export { ISSUE_CODES, describeIssueCode } from './codes.js';
export type { IssueCodeInfo } from './codes.js';
export { VERSION } from './version.js';

// Reading data
export { parseYaml, DEFAULT_YAML_LIMITS } from './source/yaml.js';
export type { ParsedYaml, YamlLimits } from './source/yaml.js';
export { parseDataFiles } from './source/files.js';
export type { DataFile, SourceText, Locate } from './source/files.js';
export { parseDataset, assertDataset, buildDataset, DATA_FILE_SCHEMAS } from './dataset.js';
export type { Dataset, DataFileKind, ParseDatasetResult } from './dataset.js';
export { createRouterFromSnapshot, datasetFromSnapshot, isCurrentSnapshot, SNAPSHOT_FORMAT } from './snapshot.js';
export { createSnapshot } from './snapshot-create.js';
export { createRoutingSnapshot } from './snapshot-routing.js';
export type { DatasetSnapshot } from './snapshot.js';

// Catalogue
export {
  CATALOG_FILE_SCHEMAS,
  UnitsFileSchema,
  ProceduresFileSchema,
  LegacyUnitsFileSchema,
  ProcedureSchema,
  UnitSchema,
  DeadlineSchema,
  OverridesFileSchema,
  BodiesFileSchema,
  CompetenceSchema,
} from './catalog/schema.js';
export type {
  Procedure,
  Unit,
  UnitVersion,
  UnitType,
  Deadline,
  ResolvedDeadline,
  UnresolvedDeadline,
  NotApplicableDeadline,
  DeadlineBasis,
  DeadlineSource,
  UnresolvedReason,
  DeadlineUnit,
  DeadlineVariant,
  DeadlineStage,
  Fee,
  Level,
  ChannelName,
  LegacyLink,
  UnitsFile,
  ProceduresFile,
  LegacyUnitsFile,
  Override,
  OverridesFile,
  AbolishedBody,
  BodiesFile,
  BodyKind,
  Competence,
  CompetenceBasis,
  Citation,
} from './catalog/schema.js';
export {
  createCatalog,
  getProcedure,
  getUnit,
  getUnitVersion,
  getUnitsOfProvince,
  getProceduresByLevel,
  getProceduresBySector,
  getProceduresByAuthority,
  getProceduresByChannel,
  translateLegacyUnit,
  catalogStats,
  getChannelDeadline,
  getCompetence,
  getStaleBodies,
} from './catalog/catalog.js';
export type { ChannelDeadline, CompetenceInForce, OverrideRef } from './catalog/overrides.js';
export type { StaleBody } from './catalog/bodies.js';
export { parseDocumentNumber, findDocumentNumbers } from './catalog/document-number.js';
export type { DocumentNumber } from './catalog/document-number.js';
export type { Catalog, CatalogFile, CatalogStats, CreateCatalogOptions, CreateCatalogResult, LegacyTranslation } from './catalog/catalog.js';
export { parseDeadline, parseFee } from './catalog/deadline.js';
export { normaliseName, isSameName } from './catalog/names.js';

// Calendar
export {
  CALENDAR_FILE_SCHEMAS,
  parseCalendarFiles,
  assertCalendarFiles,
  assembleCalendarData,
  createCalendar,
  listYear,
  yearStatus,
  addWorkingDays,
  describeDay,
  differenceInWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  vietnamDateOf,
  computeDueDate,
  deadlineStatus,
  officePolicyFor,
  DEADLINE_UNITS,
  lunarNewYear,
  lastDayOfLunarYear,
  hungKingsDay,
  leapMonthOf,
  toLunarDate,
  fromLunarDate,
} from './calendar/index.js';
export type {
  Calendar,
  CalendarData,
  CreateCalendarOptions,
  DayInfo,
  ScheduleStatus,
  YearSchedule,
  DueDate,
  DueDateRequest,
  DueDateStage,
  DeadlineStatus,
  Pause,
  SkippedDay,
  LunarDate,
} from './calendar/index.js';

// Rules
export { checkRules, createRuleSet, evaluateRules, decideParts, listRuleCoverage, ruleSetHash, RULES_FILE_SCHEMAS, FACT_DESCRIPTION, OPERATOR_NAMES, EFFECT_TYPES, APPLICANT_TYPES } from './rules/index.js';
export type { CompiledRuleSet, Rule, RuleEffect, RoutingFacts, RuleCoverage, RuleEvaluation, RuleTrace, FiredEvent, DecidedParts } from './rules/index.js';

// Routing
export { createRouter, route } from './routing/router.js';
export type { Router, RouterData } from './routing/router.js';
export { procedureFacts } from './routing/facts.js';
export type * from './routing/types.js';
export { formatReceiptSlip, type FormatReceiptSlipOptions, type ReceiptSlipDetails, type ReceiptSlipDocument, type ReceiptSlipFormat } from './format/receipt-slip.js';

// Formatting
export {
  formatIssues,
  summarizeIssues,
  resolveLang,
  exitCodeFor,
  filterForDisplay,
  applySuppressions,
  applyBaseline,
  createBaseline,
  formatBaseline,
  parseBaseline,
  ISSUE_FORMATS,
  LANGS,
} from './format/index.js';
export type {
  ApplyBaselineResult,
  Baseline,
  BaselineEntry,
  BaselineOptions,
  BaselineSummary,
  FormatIssuesOptions,
  IssueFormat,
  IssueSummary,
  Lang,
  SuppressionResult,
} from './format/index.js';

// Comparing data sets
export {
  diffDatasets,
  isEmptyDiff,
  formatDiff,
  formatDiffText,
  formatDiffJson,
  formatDiffMarkdown,
  STANDARD_REQUESTS,
  STANDARD_UNITS,
  STANDARD_RECEIVED_AT,
} from './diff/index.js';
export type * from './diff/types.js';
