/** Internal: the `text` format, for people. */
import type { Issue } from '../errors.js';
import { _codeFrame } from './_codeFrame.js';
import { _where } from './_location.js';
import { _localMessage, _summaryLines } from './_messages.js';
import { _oneLine } from './_strings.js';
import type { FormatIssuesOptions } from './types.js';

// SGR sequences around our own words only; each ends with a full reset so nothing leaks into the next word.
const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/**
 * `file:line:col: severity CODE message`, or without the location parts that are unknown. The severity word and the
 * code stay English in every language, so editors' problem matchers and grep work whatever the locale of the runner.
 * With `color`, the severity word is red or yellow and the code dim; the location and the message, which carry data,
 * are never coloured.
 */
export function _textLine(issue: Issue, options: Pick<FormatIssuesOptions, 'lang' | 'cwd'>, color = false): string {
  const where = _where(issue, options.cwd);
  const code = _oneLine(issue.code);
  const severity = color ? `${issue.severity === 'error' ? RED : YELLOW}${issue.severity}${RESET}` : issue.severity;
  const line = `${severity} ${color ? `${DIM}${code}${RESET}` : code} ${_oneLine(_localMessage(issue, options.lang))}`;
  return where === '' ? line : `${where}: ${line}`;
}

export function _formatText(sorted: readonly Issue[], options: FormatIssuesOptions): string {
  const out: string[] = [];
  for (const issue of sorted) {
    out.push(_textLine(issue, options, options.color === true));
    if (options.codeFrames !== true || issue.file === undefined) continue;
    const source = options.sources?.get(issue.file);
    const frame = source === undefined ? undefined : _codeFrame(source, issue);
    if (frame !== undefined) out.push(frame, '');
  }
  out.push(..._summaryLines(options.summary, options.lang));
  return `${out.join('\n')}\n`;
}
