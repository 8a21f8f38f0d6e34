/** Internal: the `github` format, GitHub Actions workflow commands that become annotations on the pull request. */
import type { Issue } from '../errors.js';
import { _localMessage, _summaryLine } from './_messages.js';
import { _displayPath } from './_paths.js';
import { _showControls } from './_strings.js';
import type { FormatIssuesOptions } from './types.js';

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

export function _formatGithub(sorted: readonly Issue[], options: FormatIssuesOptions): string {
  const out = sorted.map((issue) => command(issue, options));
  out.push(_summaryLine(options.summary, options.lang));
  return `${out.join('\n')}\n`;
}
