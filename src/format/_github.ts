/**
 * Internal: the `github` format, GitHub Actions workflow commands that become annotations on the pull request.
 * GitHub shows only ten annotations of each severity per step, so a code with many issues would hide every other:
 * each code gets its first {@link PER_CODE} annotations in full and then one that says how many more there are.
 */
import type { Issue, IssueCode, Severity } from '../errors.js';
import { _localMessage, _moreLikeThis, _summaryLines } from './_messages.js';
import { _displayPath } from './_paths.js';
import { _showControls } from './_strings.js';
import type { FormatIssuesOptions } from './types.js';

/** Annotations shown in full for each code (and severity). */
const PER_CODE = 10;

/**
 * Escapes the message of a workflow command as @actions/core does (`%`, CR, LF), so data cannot end the command or
 * start another; other control characters are made visible.
 */
export function _escapeData(text: string): string {
  return _showControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value of a workflow command: the message escapes plus `:` and `,`. */
export function _escapeProperty(text: string): string {
  return _escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(issue: Issue, options: FormatIssuesOptions): string {
  const properties: string[] = [];
  if (issue.file !== undefined) {
    properties.push(`file=${_escapeProperty(_displayPath(issue.file, options.cwd))}`);
    if (issue.line !== undefined) properties.push(`line=${issue.line}`);
    if (issue.line !== undefined && issue.column !== undefined) properties.push(`col=${issue.column}`);
    if (issue.line !== undefined && issue.endLine !== undefined) properties.push(`endLine=${issue.endLine}`);
    if (issue.column !== undefined && issue.endColumn !== undefined) properties.push(`endColumn=${issue.endColumn}`);
  }
  properties.push(`title=${_escapeProperty(issue.code)}`);
  return `::${issue.severity} ${properties.join(',')}::${_escapeData(_localMessage(issue, options.lang))}`;
}

/**
 * The annotations of one severity: the first issues of each code in full, then one annotation per code with more, a
 * step below the code's severity (`::warning` for errors, `::notice` for warnings) so it takes no slot from the
 * annotations it stands beside.
 */
function annotations(issues: readonly Issue[], severity: Severity, options: FormatIssuesOptions): string[] {
  const shown = new Map<IssueCode, number>();
  const more = new Map<IssueCode, number>();
  const out: string[] = [];
  for (const issue of issues) {
    if (issue.severity !== severity) continue;
    const count = shown.get(issue.code) ?? 0;
    if (count < PER_CODE) {
      shown.set(issue.code, count + 1);
      out.push(command(issue, options));
    } else more.set(issue.code, (more.get(issue.code) ?? 0) + 1);
  }
  const level = severity === 'error' ? 'warning' : 'notice';
  for (const [code, count] of [...more].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(`::${level} title=${_escapeProperty(code)}::${_escapeData(_moreLikeThis(code, count, options.lang))}`);
  }
  return out;
}

export function _formatGithub(sorted: readonly Issue[], options: FormatIssuesOptions): string {
  // Errors first: the check run and the log list annotations in the order written.
  const out = [...annotations(sorted, 'error', options), ...annotations(sorted, 'warning', options)];
  out.push(..._summaryLines(options.summary, options.lang));
  return `${out.join('\n')}\n`;
}
