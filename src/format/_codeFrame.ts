/** Internal: the source lines around an issue, with a caret under its span. */
import type { Issue } from '../errors.js';
import { _showControls } from './_strings.js';

const CONTEXT = 2;

/** Blanks that line up with `text` on screen: tabs kept, combining marks (NFD diacritics) take no column. */
function blanksUnder(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '\t') out += '\t';
    else if (!/\p{M}/u.test(char)) out += ' ';
  }
  return out;
}

/** How many columns `text` takes on screen: one per code point, none for combining marks, one for a tab. */
function widthOf(text: string): number {
  let width = 0;
  for (const char of text) if (!/\p{M}/u.test(char)) width++;
  return width;
}

/**
 * Formats the lines around an issue: two lines of context on each side, line numbers, `>` at the issue's line and
 * carets under its span (to the end of the line when the span goes on). Undefined when the issue has no line or the
 * line is not in the source.
 */
export function _codeFrame(source: string, issue: Issue): string | undefined {
  if (issue.line === undefined) return undefined;
  const lines = source.split('\n').map((line) => line.replace(/\r$/, ''));
  const target = lines[issue.line - 1];
  if (target === undefined) return undefined;
  const first = Math.max(1, issue.line - CONTEXT);
  // The empty "line" after a final newline is shown only when the issue is on it (an error at the end of the file).
  const count = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const last = Math.max(issue.line, Math.min(count, issue.line + CONTEXT));
  const width = String(last).length;
  const rows: string[] = [];
  for (let number = first; number <= last; number++) {
    const text = _showControls(lines[number - 1] ?? '');
    const marker = number === issue.line ? '>' : ' ';
    rows.push(`${marker} ${String(number).padStart(width)} | ${text}`.trimEnd());
    if (number === issue.line && issue.column !== undefined) {
      const start = Math.min(Math.max(issue.column, 1), target.length + 1) - 1;
      const end =
        issue.endLine === issue.line && issue.endColumn !== undefined
          ? Math.min(Math.max(issue.endColumn - 1, start), target.length)
          : target.length;
      const carets = '^'.repeat(Math.max(1, widthOf(target.slice(start, end))));
      rows.push(`  ${' '.repeat(width)} | ${blanksUnder(target.slice(0, start))}${carets}`);
    }
  }
  return rows.join('\n');
}
