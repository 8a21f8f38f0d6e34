/** Formatting issues for people and machines. Browser-safe: nothing here touches node:* or process. */
export { formatIssues } from './formatIssues.js';
export { summarizeIssues } from './summarizeIssues.js';
export { resolveLang } from './resolveLang.js';
export { exitCodeFor } from './exitCodeFor.js';
export { filterForDisplay } from './filterForDisplay.js';
export { applySuppressions } from './suppress.js';
export { applyBaseline, createBaseline, formatBaseline, parseBaseline } from './baseline.js';
export { FORMAT_ISSUE_CODES } from './codes.js';
export { ISSUE_FORMATS, LANGS } from './types.js';
export type { BaselineSummary, FormatIssuesOptions, IssueFormat, IssueSummary, Lang } from './types.js';
export type { SummarizeIssuesOptions } from './summarizeIssues.js';
export type { ExitCodeForOptions } from './exitCodeFor.js';
export type { FilterForDisplayOptions } from './filterForDisplay.js';
export type { SuppressionResult } from './suppress.js';
export type { ApplyBaselineResult, Baseline, BaselineEntry, BaselineOptions } from './baseline.js';
