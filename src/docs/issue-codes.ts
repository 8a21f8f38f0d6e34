import { ISSUE_CODES } from '../codes.js';

/** The reference of every issue code, in Markdown: code, default severity, English and Vietnamese title and help. */
export function formatIssueCodesDoc(): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const rows = Object.entries(ISSUE_CODES)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([code, info]) =>
        `| \`${code}\` | ${info.severity} | ${escape(info.title.en)}<br>*${escape(info.title.vi)}* | ${escape(info.help.en)}<br>*${escape(info.help.vi)}* |`,
    );
  return [
    '# Issue codes',
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
