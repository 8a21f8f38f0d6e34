/** Formatting issues for people and machines. Browser-safe: nothing here touches node:* or process. */
export { formatIssues } from './formatIssues.js';
export { summarizeIssues } from './summarizeIssues.js';
export { resolveLang } from './resolveLang.js';
export { exitCodeFor } from './exitCodeFor.js';
export { filterForDisplay } from './filterForDisplay.js';
export { ISSUE_FORMATS, LANGS } from './types.js';
export type { FormatIssuesOptions, IssueFormat, IssueSummary, Lang } from './types.js';
export type { SummarizeIssuesOptions } from './summarizeIssues.js';
export type { ExitCodeForOptions } from './exitCodeFor.js';
export type { FilterForDisplayOptions } from './filterForDisplay.js';
