import { compareIssues, invalidArgument, type Issue } from '../errors.js';
import { _formatGithub } from './_github.js';
import { _formatJson } from './_json.js';
import { _formatJunit } from './_junit.js';
import { _formatSarif } from './_sarif.js';
import { _formatText } from './_text.js';
import { ISSUE_FORMATS, LANGS, type FormatIssuesOptions } from './types.js';
import { expectIssues, expectObject } from '../arguments.js';

/**
 * Formats issues for people (`text`), programs (`json`), GitHub Actions annotations (`github`), code-scanning
 * dashboards (`sarif`, SARIF 2.1.0) or CI test reports (`junit`). Pure: the same issues and options give the same
 * string, on any machine and in a browser. Issues are shown sorted by file, line, column and code; the input is not
 * changed. An issue whose code is not in the registry is still shown, with its code as title.
 *
 * @param issues - the issues to show, usually after {@link filterForDisplay}.
 * @param options - the format, the language and what the formats need; see {@link FormatIssuesOptions}.
 * @returns the whole output, ending with a newline.
 * @throws {TthcError} `INVALID_ARGUMENT` for an unknown format or language.
 * @example
 * formatIssues(issues, { format: 'text', lang: 'vi', toolVersion: '0.1.0', summary: summarizeIssues(issues, { files: 3 }) });
 * // catalog/a.yaml:3:3: error SCHEMA_UNKNOWN_KEY Khóa không hợp lệ: unknown key "nmae"
 * // 1 lỗi, 0 cảnh báo trong 3 tệp
 */
export function formatIssues(issues: readonly Issue[], options: FormatIssuesOptions): string {
  expectIssues(issues);
  expectObject(options, 'options', { en: '{ format, ... }', vi: '{ format, ... }' });
  if (!ISSUE_FORMATS.includes(options.format)) {
    invalidArgument({
      en: `format must be one of ${ISSUE_FORMATS.join(', ')}; got ${JSON.stringify(options.format)}`,
      vi: `format phải là một trong ${ISSUE_FORMATS.join(', ')}; nhận được ${JSON.stringify(options.format)}`,
    });
  }
  if (!LANGS.includes(options.lang)) {
    invalidArgument({ en: `lang must be one of ${LANGS.join(', ')}; got ${JSON.stringify(options.lang)}`, vi: `lang phải là một trong ${LANGS.join(', ')}; nhận được ${JSON.stringify(options.lang)}` });
  }
  expectObject(options.summary, 'options.summary', { en: 'the counts of summarizeIssues(issues, { files })', vi: 'các số đếm do summarizeIssues(issues, { files }) trả về' });
  const sorted = [...issues].sort(compareIssues);
  switch (options.format) {
    case 'text':
      return _formatText(sorted, options);
    case 'json':
      return _formatJson(sorted, options);
    case 'github':
      return _formatGithub(sorted, options);
    case 'sarif':
      return _formatSarif(sorted, options);
    case 'junit':
      return _formatJunit(sorted, options);
  }
}
