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
    suppressed: (n: number) => `${n} suppressed`,
    inBaseline: (n: number) => `${n} in the baseline`,
    baselineWritten: (n: number) => `baseline written with ${n} ${n === 1 ? 'issue' : 'issues'}`,
    baselineFixed: (n: number) =>
      n === 1
        ? '1 issue of the baseline is fixed; run with --update-baseline to drop it'
        : `${n} issues of the baseline are fixed; run with --update-baseline to drop them`,
    baselineUpdated: (fixed: number, kept: number) => `baseline updated: ${fixed} fixed ${fixed === 1 ? 'issue' : 'issues'} dropped, ${kept} kept`,
    moreLikeThis: (code: string, n: number) =>
      `${code}: ${n} more ${n === 1 ? 'issue' : 'issues'} like this; run tthc validate locally for the list`,
    baselineBlocked: (errors: number) =>
      `baseline not updated: fix the ${errors === 1 ? 'new error' : `${errors} new errors`} first (checks that need valid data may not have run)`,
    reportWritten: (path: string) => `report written to ${path}`,
  },
  vi: {
    errors: (n: number) => `${n} lỗi`,
    warnings: (n: number) => `${n} cảnh báo`,
    files: (n: number) => `${n} tệp`,
    none: 'Không có lỗi hay cảnh báo nào',
    in: 'trong',
    help: 'Cách sửa',
    suppressed: (n: number) => `${n} vấn đề bị bỏ qua bằng chú thích`,
    inBaseline: (n: number) => `${n} vấn đề có trong baseline`,
    baselineWritten: (n: number) => `đã ghi baseline với ${n} vấn đề`,
    baselineFixed: (n: number) => `${n} vấn đề trong baseline đã được sửa; chạy với --update-baseline để bỏ chúng khỏi baseline`,
    baselineUpdated: (fixed: number, kept: number) => `đã cập nhật baseline: bỏ ${fixed} vấn đề đã sửa, giữ ${kept} vấn đề`,
    moreLikeThis: (code: string, n: number) => `${code}: còn ${n} vấn đề tương tự; chạy tthc validate trên máy để xem danh sách`,
    baselineBlocked: (errors: number) =>
      `chưa cập nhật baseline: hãy sửa ${errors} lỗi mới trước (một số kiểm tra cần dữ liệu hợp lệ có thể chưa chạy)`,
    reportWritten: (path: string) => `đã ghi báo cáo vào ${path}`,
  },
} as const;

/**
 * `2 errors, 1 warning in 5 files`, `2 lỗi, 1 cảnh báo trong 5 tệp`; with `; 3 suppressed; 40 in the baseline` after
 * it when comments or a baseline hid issues.
 */
export function _summaryLine(summary: IssueSummary, lang: Lang): string {
  const words = WORDS[lang];
  const counts =
    summary.errors === 0 && summary.warnings === 0
      ? words.none
      : `${words.errors(summary.errors)}, ${words.warnings(summary.warnings)}`;
  let line = `${counts} ${words.in} ${words.files(summary.files)}`;
  if (summary.suppressed !== undefined && summary.suppressed > 0) line += `; ${words.suppressed(summary.suppressed)}`;
  if (summary.baseline !== undefined && summary.baseline.matched > 0 && summary.baseline.action !== 'written') {
    line += `; ${words.inBaseline(summary.baseline.matched)}`;
  }
  return line;
}

/** The summary line, then one line for what the baseline did when that needs saying (written, fixed, updated, blocked). */
export function _summaryLines(summary: IssueSummary, lang: Lang): string[] {
  const words = WORDS[lang];
  const lines = [_summaryLine(summary, lang)];
  const baseline = summary.baseline;
  if (baseline === undefined) return lines;
  if (baseline.action === 'written') lines.push(words.baselineWritten(baseline.matched));
  else if (baseline.action === 'updated') lines.push(words.baselineUpdated(baseline.fixed, baseline.matched));
  else if (baseline.action === 'blocked') lines.push(words.baselineBlocked(summary.errors));
  else if (baseline.fixed > 0) lines.push(words.baselineFixed(baseline.fixed));
  return lines;
}

/** The label before the help text of a code. */
export function _helpLabel(lang: Lang): string {
  return WORDS[lang].help;
}

/** The message of the GitHub annotation that stands for the issues of a code beyond the first ones. */
export function _moreLikeThis(code: string, count: number, lang: Lang): string {
  return WORDS[lang].moreLikeThis(code, count);
}

/** `report written to <path>`, for the line `--output-file` leaves on stdout. */
export function _reportWritten(path: string, lang: Lang): string {
  return WORDS[lang].reportWritten(path);
}
