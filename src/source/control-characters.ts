/**
 * Text fields hold text: control characters other than tab and line breaks are refused wherever data comes from (the
 * YAML readers, and data built in code such as createTestRouter's inline procedures and rules).
 */
import { createIssue } from '../errors.js';
import type { Issue, IssuePath, SourceLocation } from '../errors.js';

/** Text may hold tab and line breaks, never other control characters (C0, DEL, C1), however they were escaped. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** One issue per text (value or key) holding a control character, at the text; walks without recursion. Also used for data built in code (createTestRouter), which no YAML reader saw. */
export function controlCharacterIssues(value: unknown, file: string, locate: (path: IssuePath, options?: { key?: boolean }) => SourceLocation | undefined): Issue[] {
  const issues: Issue[] = [];
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  const report = (text: string, path: (string | number)[], key: boolean): void => {
    const match = CONTROL_IN_TEXT.exec(text);
    if (match === null) return;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    issues.push(
      createIssue('TEXT_CONTROL_CHARACTER', 'error', `${key ? 'key' : 'text'} contains the control character U+${code}; only tab and line breaks are accepted`, {
        file,
        path,
        location: locate(path, { key }),
        vi: `${key ? 'khóa' : 'văn bản'} chứa ký tự điều khiển U+${code}; chỉ chấp nhận ký tự tab và xuống dòng`,
      }),
    );
  };
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node === 'string') report(node, path, false);
    else if (Array.isArray(node)) node.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        report(key, [...path, key], true);
        stack.push({ node: item, path: [...path, key] });
      }
    }
  }
  return issues;
}
