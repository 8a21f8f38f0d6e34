import { ISSUE_CODES } from '../codes.js';
import type { IssueCodeInfo } from '../code-info.js';
import type { Lang } from '../format/types.js';

/** Options of {@link formatIssueCodesDoc}. */
export interface FormatIssueCodesDocOptions {
  /** `en` (default): English with the Vietnamese beside it; `vi`: Vietnamese only (tiếng Việt). */
  readonly lang?: Lang;
}

/** The file under docs/ that holds the reference in each language; scripts/generate-issue-codes-doc.ts writes both. */
export const ISSUE_CODES_DOC_FILES: Readonly<Record<Lang, string>> = Object.freeze({
  en: 'issue-codes.md',
  vi: 'issue-codes.vi.md',
});

const SEVERITY_VI: Readonly<Record<IssueCodeInfo['severity'], string>> = Object.freeze({
  error: 'lỗi',
  warning: 'cảnh báo',
});

/**
 * The reference of every issue code, in Markdown: code, default severity, title and help.
 *
 * @param options `lang: 'en'` (default) gives the English page with the Vietnamese text beside it
 *   (docs/issue-codes.md); `lang: 'vi'` gives the Vietnamese page, Vietnamese texts only (docs/issue-codes.vi.md).
 * @returns the whole page, ending with a line break.
 * @example
 * writeFileSync('docs/issue-codes.vi.md', formatIssueCodesDoc({ lang: 'vi' }));
 */
export function formatIssueCodesDoc(options: FormatIssueCodesDocOptions = {}): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const entries = Object.entries(ISSUE_CODES).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (options.lang === 'vi') {
    const rows = entries.map(
      ([code, info]) =>
        `| \`${code}\` | ${SEVERITY_VI[info.severity]} | ${escape(info.title.vi)} | ${escape(info.help.vi)} |`,
    );
    return [
      '# Mã lỗi',
      '',
      `English: [${ISSUE_CODES_DOC_FILES.en}](${ISSUE_CODES_DOC_FILES.en})`,
      '',
      'Mỗi vấn đề mà `tthc validate` báo đều có một mã cố định. Trang này được sinh tự động từ bảng mã lỗi',
      'trong mã nguồn (`npx tsx scripts/generate-issue-codes-doc.ts`); kiểm thử sẽ báo lỗi khi trang này đã cũ.',
      '',
      'Cột mức độ là mức mặc định của mã: **lỗi** (`error`) hoặc **cảnh báo** (`warning`),',
      'hai giá trị của `--fail-severity`.',
      '',
      '| mã | mức độ | mô tả | cách xử lý |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
  }
  const rows = entries.map(
    ([code, info]) =>
      `| \`${code}\` | ${info.severity} | ${escape(info.title.en)}<br>*${escape(info.title.vi)}* | ${escape(info.help.en)}<br>*${escape(info.help.vi)}* |`,
  );
  return [
    '# Issue codes',
    '',
    `Tiếng Việt: [${ISSUE_CODES_DOC_FILES.vi}](${ISSUE_CODES_DOC_FILES.vi})`,
    '',
    'Every problem `tthc validate` reports has a stable code. This page is generated from the code registry',
    '(`npx tsx scripts/generate-issue-codes-doc.ts`); a test fails when it is out of date.',
    '',
    '| code | severity | title (en / vi) | what to do (en / vi) |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
