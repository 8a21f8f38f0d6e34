import { invalidArgument, type Issue, type IssueCode } from '../errors.js';
import type { BaselineSummary, IssueSummary } from './types.js';
import { expectIssues, expectObject } from '../arguments.js';

/** Options of {@link summarizeIssues}. */
export interface SummarizeIssuesOptions {
  /** How many files were checked, with or without issues. */
  readonly files: number;
  /** How many issues comments suppressed (left out of `issues`), for the summary line. */
  readonly suppressed?: number;
  /** What the baseline did, for the summary lines. */
  readonly baseline?: BaselineSummary;
}

/**
 * Counts issues by severity and by code, for the summary line and the `summary` object of the JSON format.
 *
 * @param issues - every issue of the run (before {@link filterForDisplay}, so hidden warnings are still counted).
 * @param options - how many files were checked; how many issues were suppressed and what the baseline did, when
 *   those apply (passed through to the summary lines).
 * @returns a frozen summary; `byCode` keys are in code order.
 * @throws {TthcError} `INVALID_ARGUMENT` when `files` is not a non-negative integer.
 * @example
 * summarizeIssues(issues, { files: 5 }); // { errors: 2, warnings: 1, files: 5, byCode: { SCHEMA_UNKNOWN_KEY: 2, YAML_CUSTOM_TAG: 1 } }
 */
export function summarizeIssues(issues: readonly Issue[], options: SummarizeIssuesOptions): IssueSummary {
  expectIssues(issues);
  expectObject(options, 'options', { en: '{ files, ... }', vi: '{ files, ... }' });
  if (!Number.isSafeInteger(options.files) || options.files < 0) {
    invalidArgument({ en: `files must be a non-negative integer; got ${String(options.files)}`, vi: `files phải là số nguyên không âm; nhận được ${String(options.files)}` });
  }
  let errors = 0;
  let warnings = 0;
  const counts = new Map<IssueCode, number>();
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else warnings++;
    counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  }
  const byCode = Object.freeze(Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  return Object.freeze({
    errors,
    warnings,
    files: options.files,
    byCode,
    ...(options.suppressed === undefined ? {} : { suppressed: options.suppressed }),
    ...(options.baseline === undefined ? {} : { baseline: Object.freeze({ ...options.baseline }) }),
  });
}
