/** Internal: the `json` format, for programs. */
import type { Issue } from '../errors.js';
import { _codeInfo } from './_messages.js';
import { _displayPath } from './_paths.js';
import type { FormatIssuesOptions } from './types.js';

export function _formatJson(sorted: readonly Issue[], options: FormatIssuesOptions): string {
  const issues = sorted.map((issue) => ({
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...(issue.messageVi === undefined ? {} : { messageVi: issue.messageVi }),
    title: _codeInfo(issue).title[options.lang],
    file: issue.file === undefined ? null : _displayPath(issue.file, options.cwd),
    line: issue.line ?? null,
    column: issue.column ?? null,
    ...(issue.endLine === undefined ? {} : { endLine: issue.endLine }),
    ...(issue.endColumn === undefined ? {} : { endColumn: issue.endColumn }),
    path: issue.path,
  }));
  const { errors, warnings, files, byCode, suppressed, baseline } = options.summary;
  const summary = {
    errors,
    warnings,
    files,
    byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(suppressed === undefined ? {} : { suppressed }),
    ...(baseline === undefined ? {} : { baseline: { matched: baseline.matched, fixed: baseline.fixed, action: baseline.action } }),
  };
  return `${JSON.stringify({ issues, summary }, null, 2)}\n`;
}
