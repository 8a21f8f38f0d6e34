/** Internal: the words of the formatters in each language, and the issue texts from the code registry. */
import { ISSUE_CODES } from '../codes.js';
import type { IssueCodeInfo } from '../code-info.js';
import type { Issue } from '../errors.js';
import type { IssueSummary, Lang } from './types.js';

/** The registry entry of a code, or a stand-in for a code the registry does not know (formatting never fails). */
export function _codeInfo(issue: Issue): IssueCodeInfo {
  if (Object.hasOwn(ISSUE_CODES, issue.code)) return ISSUE_CODES[issue.code];
  return { severity: issue.severity, title: { en: issue.code, vi: issue.code }, help: { en: '', vi: '' } };
}

/**
 * The message of an issue in a language. Validators write one English clause and, for the common codes, a Vietnamese
 * one; otherwise the Vietnamese reader gets the code's Vietnamese title followed by the English specifics.
 */
export function _localMessage(issue: Issue, lang: Lang): string {
  if (lang === 'en') return issue.message;
  return issue.messageVi ?? `${_codeInfo(issue).title.vi}: ${issue.message}`;
}

const WORDS = {
  en: {
    errors: (n: number) => `${n} ${n === 1 ? 'error' : 'errors'}`,
    warnings: (n: number) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
    files: (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`,
    none: 'No errors or warnings',
    in: 'in',
    help: 'Help',
  },
  vi: {
    errors: (n: number) => `${n} lỗi`,
    warnings: (n: number) => `${n} cảnh báo`,
    files: (n: number) => `${n} tệp`,
    none: 'Không có lỗi hay cảnh báo nào',
    in: 'trong',
    help: 'Cách sửa',
  },
} as const;

/** `2 errors, 1 warning in 5 files`, `2 lỗi, 1 cảnh báo trong 5 tệp`. */
export function _summaryLine(summary: IssueSummary, lang: Lang): string {
  const words = WORDS[lang];
  const counts =
    summary.errors === 0 && summary.warnings === 0
      ? words.none
      : `${words.errors(summary.errors)}, ${words.warnings(summary.warnings)}`;
  return `${counts} ${words.in} ${words.files(summary.files)}`;
}

/** The label before the help text of a code. */
export function _helpLabel(lang: Lang): string {
  return WORDS[lang].help;
}
