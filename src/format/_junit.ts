/**
 * Internal: the `junit` format, JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure DevOps).
 * One test suite per file, one test case per issue; errors are failures, warnings are passing test cases that carry the
 * warning in `<system-out>` (so the report is red exactly when the run fails by default), and a clean file is one
 * passing test case named `valid`.
 */
import { compareCodeUnits } from '../compare.js';
import type { Issue } from '../errors.js';
import { _helpLabel, _codeInfo, _localMessage } from './_messages.js';
import { _displayPath } from './_paths.js';
import { _textLine } from './_text.js';
import type { FormatIssuesOptions } from './types.js';

/** Name of the suite that holds issues with no file. */
const NO_FILE = '(no file)';

// Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for an XML element or a double-quoted attribute; characters XML cannot hold become U+FFFD. */
export function _escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Escapes element text: as {@link _escapeXml} but line breaks and tabs stay as they are. */
function escapeText(text: string): string {
  return _escapeXml(text).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

function attributes(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([name, value]) => ` ${name}="${_escapeXml(String(value))}"`)
    .join('');
}

function testCase(issue: Issue, suite: string, options: FormatIssuesOptions): string {
  const at = issue.line === undefined ? '' : issue.column === undefined ? ` ${issue.line}` : ` ${issue.line}:${issue.column}`;
  const open = `    <testcase${attributes({ name: `${issue.code}${at}`, classname: suite, ...(issue.file === undefined ? {} : { file: suite }), time: 0 })}>`;
  const help = _codeInfo(issue).help[options.lang];
  const body = escapeText(`${_textLine(issue, options)}${help === '' ? '' : `\n${_helpLabel(options.lang)}: ${help}`}`);
  if (issue.severity === 'error') {
    const failure = attributes({ message: _localMessage(issue, options.lang), type: issue.severity });
    return `${open}\n      <failure${failure}>${body}</failure>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${body}</system-out>\n    </testcase>`;
}

export function _formatJunit(sorted: readonly Issue[], options: FormatIssuesOptions): string {
  // Suites in the order of their files (issues come sorted); clean files join in the same order.
  const suites = new Map<string, { readonly key: string; readonly issues: Issue[] }>();
  for (const issue of sorted) {
    const name = issue.file === undefined ? NO_FILE : _displayPath(issue.file, options.cwd);
    const suite = suites.get(name) ?? { key: issue.file ?? '', issues: [] };
    suite.issues.push(issue);
    suites.set(name, suite);
  }
  for (const file of options.files ?? []) {
    const name = _displayPath(file, options.cwd);
    if (!suites.has(name)) suites.set(name, { key: file, issues: [] });
  }
  const ordered = [...suites].sort(([nameA, a], [nameB, b]) => compareCodeUnits(a.key, b.key) || compareCodeUnits(nameA, nameB));

  let tests = 0;
  let failures = 0;
  const blocks: string[] = [];
  for (const [name, suite] of ordered) {
    const cases =
      suite.issues.length === 0
        ? [`    <testcase${attributes({ name: 'valid', classname: name, file: name, time: 0 })}/>`]
        : suite.issues.map((issue) => testCase(issue, name, options));
    const failed = suite.issues.filter((issue) => issue.severity === 'error').length;
    tests += cases.length;
    failures += failed;
    const head = attributes({ name, tests: cases.length, failures: failed, errors: 0, skipped: 0, time: 0 });
    blocks.push(`  <testsuite${head}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  const head = attributes({ name: 'tthc validate', tests, failures, errors: 0, time: 0 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${head}>${blocks.map((block) => `\n${block}`).join('')}\n</testsuites>\n`;
}
