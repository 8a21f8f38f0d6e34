/** Internal: the `text` format, for people. */
import type { Issue } from '../errors.js';
import { _codeFrame } from './_codeFrame.js';
import { _where } from './_location.js';
import { _localMessage, _summaryLine } from './_messages.js';
import { _oneLine } from './_strings.js';
import type { FormatIssuesOptions } from './types.js';

/**
 * `file:line:col: severity CODE message`, or without the location parts that are unknown. The severity word and the
 * code stay English in every language, so editors' problem matchers and grep work whatever the locale of the runner.
 */
export function _textLine(issue: Issue, options: Pick<FormatIssuesOptions, 'lang' | 'cwd'>): string {
  const where = _where(issue, options.cwd);
  const line = `${issue.severity} ${issue.code} ${_oneLine(_localMessage(issue, options.lang))}`;
  return where === '' ? line : `${where}: ${line}`;
}

export function _formatText(sorted: readonly Issue[], options: FormatIssuesOptions): string {
  const out: string[] = [];
  for (const issue of sorted) {
    out.push(_textLine(issue, options));
    if (options.codeFrames !== true || issue.file === undefined) continue;
    const source = options.sources?.get(issue.file);
    const frame = source === undefined ? undefined : _codeFrame(source, issue);
    if (frame !== undefined) out.push(frame, '');
  }
  out.push(_summaryLine(options.summary, options.lang));
  return `${out.join('\n')}\n`;
}
