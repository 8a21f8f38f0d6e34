/** Internal: the `file:line:col` prefix every line-oriented format shares. */
import type { Issue } from '../errors.js';
import { _displayPath } from './_paths.js';
import { _oneLine } from './_strings.js';

/** `file:line:col`, `file:line`, `file` or '' when the issue has no file. */
export function _where(issue: Issue, cwd: string | undefined): string {
  if (issue.file === undefined) return '';
  let where = _oneLine(_displayPath(issue.file, cwd));
  if (issue.line !== undefined) {
    where += `:${issue.line}`;
    if (issue.column !== undefined) where += `:${issue.column}`;
  }
  return where;
}
