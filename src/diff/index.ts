/** Comparing two datasets (`tthc diff`): the browser-safe core. */
export { diffDatasets, describeEffect, isEmptyDiff } from './diff.js';
export type { DiffDatasetsOptions } from './diff.js';
export { DIFF_FORMATS, escapeCell, formatDiff, formatDiffJson, formatDiffMarkdown, formatDiffText, formatDiffValue } from './format.js';
export type { DiffFormat, FormatDiffOptions } from './format.js';
export { isLocalProcedure, STANDARD_RECEIVED_AT, STANDARD_REQUESTS, STANDARD_UNITS } from './requests.js';
export type {
  AddedRemovedChanged,
  DatasetDiff,
  DecisionPart,
  DecisionPartChange,
  DiffSummary,
  DiffValue,
  EntryChange,
  EntrySummary,
  FieldChange,
  ProcedureChange,
  ProcedureSummary,
  RoutingChange,
  RoutingDiff,
  RuleChange,
  RuleSummary,
  StandardRequest,
  StandardRequestId,
  UnitChange,
  UnitSummary,
} from './types.js';
