import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIssue, isTthcError, type Issue } from '../src/errors.js';
import {
  exitCodeFor,
  filterForDisplay,
  formatIssues,
  resolveLang,
  summarizeIssues,
  type FormatIssuesOptions,
  type IssueFormat,
} from '../src/format/index.js';
import { _displayPath, _toUri } from '../src/format/_paths.js';
import { CWD, FILES, ISSUES, SOURCES } from './fixtures/format/issues.js';

const SUMMARY = summarizeIssues(ISSUES, { files: FILES.length });

function format(format: IssueFormat, extra: Partial<FormatIssuesOptions> = {}, issues: readonly Issue[] = ISSUES): string {
  return formatIssues(issues, { format, lang: 'en', cwd: CWD, toolVersion: '0.1.0', summary: SUMMARY, files: FILES, ...extra });
}

describe('formatIssues text', () => {
  it('writes one file:line:col line per issue, sorted, then the summary', () => {
    expect(format('text')).toMatchInlineSnapshot(`
      "warning SCHEMA_MISSING_KEY no file declares kind units
      catalog/bac-ninh.yaml: error FILE_NOT_UTF8 byte 0xC3 at offset 12 starts no UTF-8 character
      catalog/ha-noi.yaml:3:5: error SCHEMA_UNKNOWN_KEY unknown key "nmae"
      catalog/ha-noi.yaml:4:10: error SCHEMA_INVALID_TYPE expected a string such as "50%: per copy, per person", got a number
      catalog/ha-noi.yaml:5:11: warning SCHEMA_INVALID_VALUE đơn vị "Ủy ban nhân dân xã Đông Anh" không có trong danh mục
      3 errors, 2 warnings in 3 files
      "
    `);
  });

  it('shows the Vietnamese title before the validator message in vi, keeping the line shape', () => {
    expect(format('text', { lang: 'vi' })).toMatchInlineSnapshot(`
      "warning SCHEMA_MISSING_KEY Thiếu khóa: no file declares kind units
      catalog/bac-ninh.yaml: error FILE_NOT_UTF8 Tệp không đúng mã UTF-8: byte 0xC3 at offset 12 starts no UTF-8 character
      catalog/ha-noi.yaml:3:5: error SCHEMA_UNKNOWN_KEY Khóa không hợp lệ: unknown key "nmae"
      catalog/ha-noi.yaml:4:10: error SCHEMA_INVALID_TYPE Sai kiểu dữ liệu: expected a string such as "50%: per copy, per person", got a number
      catalog/ha-noi.yaml:5:11: warning SCHEMA_INVALID_VALUE Giá trị không hợp lệ: đơn vị "Ủy ban nhân dân xã Đông Anh" không có trong danh mục
      3 lỗi, 2 cảnh báo trong 3 tệp
      "
    `);
  });

  it('shows a code frame with two lines of context and carets under the span', () => {
    expect(format('text', { codeFrames: true, sources: SOURCES })).toMatchInlineSnapshot(`
      "warning SCHEMA_MISSING_KEY no file declares kind units
      catalog/bac-ninh.yaml: error FILE_NOT_UTF8 byte 0xC3 at offset 12 starts no UTF-8 character
      catalog/ha-noi.yaml:3:5: error SCHEMA_UNKNOWN_KEY unknown key "nmae"
        1 | kind: procedures
        2 | procedures:
      > 3 |   - nmae: Đăng ký khai sinh
          |     ^^^^
        4 |     fee: 50
        5 |     unit: Ủy ban nhân dân xã Đông Anh

      catalog/ha-noi.yaml:4:10: error SCHEMA_INVALID_TYPE expected a string such as "50%: per copy, per person", got a number
        2 | procedures:
        3 |   - nmae: Đăng ký khai sinh
      > 4 |     fee: 50
          |          ^^
        5 |     unit: Ủy ban nhân dân xã Đông Anh
        6 |     channel: online

      catalog/ha-noi.yaml:5:11: warning SCHEMA_INVALID_VALUE đơn vị "Ủy ban nhân dân xã Đông Anh" không có trong danh mục
        3 |   - nmae: Đăng ký khai sinh
        4 |     fee: 50
      > 5 |     unit: Ủy ban nhân dân xã Đông Anh
          |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^
        6 |     channel: online

      3 errors, 2 warnings in 3 files
      "
    `);
  });

  it('says there is nothing wrong when there are no issues', () => {
    expect(format('text', { summary: summarizeIssues([], { files: 1 }) }, [])).toBe('No errors or warnings in 1 file\n');
    expect(format('text', { lang: 'vi', summary: summarizeIssues([], { files: 3 }) }, [])).toBe(
      'Không có lỗi hay cảnh báo nào trong 3 tệp\n',
    );
  });

  it('keeps paths as written when no cwd is given', () => {
    const [line] = formatIssues(ISSUES, { format: 'text', lang: 'en', toolVersion: '0', summary: SUMMARY }).split('\n');
    expect(line).toBe('warning SCHEMA_MISSING_KEY no file declares kind units');
    expect(formatIssues(ISSUES, { format: 'text', lang: 'en', toolVersion: '0', summary: SUMMARY })).toContain(
      '/repo/catalog/ha-noi.yaml:3:5: error',
    );
  });

  it('makes terminal control characters from the data visible instead of sending them', () => {
    const issue = createIssue('SCHEMA_UNKNOWN_KEY', 'error', 'unknown key "\u001b[2Jx\u0007"', { file: 'a.yaml' });
    expect(format('text', {}, [issue]).split('\n')[0]).toBe('a.yaml: error SCHEMA_UNKNOWN_KEY unknown key "␛[2Jx␇"');
  });
});

describe('formatIssues text in colour', () => {
  it('colours the severity word and the code, and nothing else', () => {
    const [first, second, , , , summary] = format('text', { color: true }).split('\n');
    expect(first).toBe('\u001b[33mwarning\u001b[0m \u001b[2mSCHEMA_MISSING_KEY\u001b[0m no file declares kind units');
    expect(second).toBe('catalog/bac-ninh.yaml: \u001b[31merror\u001b[0m \u001b[2mFILE_NOT_UTF8\u001b[0m byte 0xC3 at offset 12 starts no UTF-8 character');
    expect(summary).toBe('3 errors, 2 warnings in 3 files');
  });

  it('still makes control characters from the data visible, in the message and the path', () => {
    const issue = createIssue('SCHEMA_UNKNOWN_KEY', 'error', 'unknown key "\u001b[2Jx"', { file: '\u001b]0;x\u0007.yaml' });
    const line = format('text', { color: true }, [issue]).split('\n')[0]!;
    expect(line).toBe('␛]0;x␇.yaml: \u001b[31merror\u001b[0m \u001b[2mSCHEMA_UNKNOWN_KEY\u001b[0m unknown key "␛[2Jx"');
    // The only escapes left are the four we wrote.
    expect(line.match(/\u001b/g)).toHaveLength(4);
  });

  it('never colours the junit format', () => {
    expect(format('junit', { color: true })).not.toContain('\u001b');
  });
});

describe('summary lines of suppressions and baselines', () => {
  const summary = (options: Parameters<typeof summarizeIssues>[1]) => summarizeIssues([], options);
  const lines = (extra: Parameters<typeof summarizeIssues>[1], lang: 'en' | 'vi' = 'en') =>
    format('text', { lang, summary: summary(extra) }, []);

  it.each([
    [{ files: 2, suppressed: 3 }, 'en', 'No errors or warnings in 2 files; 3 suppressed\n'],
    [{ files: 2, suppressed: 3 }, 'vi', 'Không có lỗi hay cảnh báo nào trong 2 tệp; 3 vấn đề bị bỏ qua bằng chú thích\n'],
    [{ files: 2, baseline: { matched: 40, fixed: 0, action: 'read' } }, 'en', 'No errors or warnings in 2 files; 40 in the baseline\n'],
    [{ files: 2, baseline: { matched: 40, fixed: 0, action: 'read' } }, 'vi', 'Không có lỗi hay cảnh báo nào trong 2 tệp; 40 vấn đề có trong baseline\n'],
    [
      { files: 2, suppressed: 1, baseline: { matched: 40, fixed: 2, action: 'read' } },
      'en',
      'No errors or warnings in 2 files; 1 suppressed; 40 in the baseline\n2 issues of the baseline are fixed; run with --update-baseline to drop them\n',
    ],
    [
      { files: 2, baseline: { matched: 40, fixed: 1, action: 'read' } },
      'en',
      'No errors or warnings in 2 files; 40 in the baseline\n1 issue of the baseline is fixed; run with --update-baseline to drop it\n',
    ],
    [
      { files: 2, baseline: { matched: 40, fixed: 2, action: 'read' } },
      'vi',
      'Không có lỗi hay cảnh báo nào trong 2 tệp; 40 vấn đề có trong baseline\n2 vấn đề trong baseline đã được sửa; chạy với --update-baseline để bỏ chúng khỏi baseline\n',
    ],
    [{ files: 2, baseline: { matched: 40, fixed: 0, action: 'written' } }, 'en', 'No errors or warnings in 2 files\nbaseline written with 40 issues\n'],
    [{ files: 2, baseline: { matched: 40, fixed: 0, action: 'written' } }, 'vi', 'Không có lỗi hay cảnh báo nào trong 2 tệp\nđã ghi baseline với 40 vấn đề\n'],
    [
      { files: 2, baseline: { matched: 38, fixed: 2, action: 'updated' } },
      'en',
      'No errors or warnings in 2 files; 38 in the baseline\nbaseline updated: 2 fixed issues dropped, 38 kept\n',
    ],
    [
      { files: 2, baseline: { matched: 38, fixed: 2, action: 'updated' } },
      'vi',
      'Không có lỗi hay cảnh báo nào trong 2 tệp; 38 vấn đề có trong baseline\nđã cập nhật baseline: bỏ 2 vấn đề đã sửa, giữ 38 vấn đề\n',
    ],
  ] as const)('%j in %s ends the text with %j', (extra, lang, expected) => {
    expect(lines(extra, lang)).toBe(expected);
  });

  it('says the baseline was not updated while there are new errors', () => {
    const error = createIssue('YAML_SYNTAX', 'error', 'bad', { file: 'a.yaml' });
    const blocked = summarizeIssues([error], { files: 1, baseline: { matched: 3, fixed: 1, action: 'blocked' } });
    expect(format('text', { summary: blocked }, [error])).toBe(
      'a.yaml: error YAML_SYNTAX bad\n1 error, 0 warnings in 1 file; 3 in the baseline\nbaseline not updated: fix the new error first (checks that need valid data may not have run)\n',
    );
    expect(format('text', { lang: 'vi', summary: blocked }, [error]).split('\n')[2]).toBe(
      'chưa cập nhật baseline: hãy sửa 1 lỗi mới trước (một số kiểm tra cần dữ liệu hợp lệ có thể chưa chạy)',
    );
  });

  it('puts the counts in the JSON summary and the lines after the GitHub annotations', () => {
    const extra = { files: 2, suppressed: 1, baseline: { matched: 4, fixed: 2, action: 'read' } } as const;
    const json = JSON.parse(format('json', { summary: summary(extra) }, [])) as { summary: Record<string, unknown> };
    expect(json.summary).toEqual({ errors: 0, warnings: 0, files: 2, byCode: {}, suppressed: 1, baseline: { matched: 4, fixed: 2, action: 'read' } });
    expect(format('github', { summary: summary(extra) }, [])).toBe(
      'No errors or warnings in 2 files; 1 suppressed; 4 in the baseline\n2 issues of the baseline are fixed; run with --update-baseline to drop them\n',
    );
  });
});

describe('code frames', () => {
  const frame = (source: string, location: { line: number; column: number; endLine: number; endColumn: number }) =>
    format('text', { codeFrames: true, sources: new Map([['f.yaml', source]]) }, [
      createIssue('SCHEMA_INVALID_VALUE', 'error', 'bad', { file: 'f.yaml', location }),
    ])
      .split('\n')
      .slice(1, -3)
      .join('\n');

  it('shows fewer context lines at the start of the file', () => {
    expect(frame('a: 1\nb: 2\n', { line: 1, column: 4, endLine: 1, endColumn: 5 })).toMatchInlineSnapshot(`
      "> 1 | a: 1
          |    ^
        2 | b: 2"
    `);
  });

  it('keeps tabs in the caret line so the carets line up', () => {
    expect(frame('k:\n\tv: xyz\n', { line: 2, column: 5, endLine: 2, endColumn: 8 })).toMatchInlineSnapshot(`
      "  1 | k:
      > 2 | 	v: xyz
          | 	   ^^^"
    `);
  });

  it('does not count combining diacritics (NFD text) as columns', () => {
    const nfd = 'tên: Đăng ký'.normalize('NFD');
    const column = nfd.indexOf('k') + 1;
    expect(frame(`${nfd}\n`, { line: 1, column, endLine: 1, endColumn: column + 2 })).toMatchInlineSnapshot(`
      "> 1 | tên: Đăng ký
          |           ^^"
    `);
  });

  it('underlines to the end of the line when the span goes on to later lines, and ignores CR of CRLF', () => {
    expect(frame('a:\r\n  - x\r\n  - y\r\n', { line: 2, column: 3, endLine: 3, endColumn: 6 })).toMatchInlineSnapshot(`
      "  1 | a:
      > 2 |   - x
          |   ^^^
        3 |   - y"
    `);
  });

  it('shows no frame when the line is not in the source', () => {
    const issues = [
      createIssue('YAML_SYNTAX', 'error', 'bad', { file: 'f.yaml', location: { line: 9, column: 1, endLine: 9, endColumn: 2 } }),
    ];
    const summary = summarizeIssues(issues, { files: 1 });
    const out = format('text', { codeFrames: true, sources: new Map([['f.yaml', 'a: 1']]), summary }, issues);
    expect(out).toBe('f.yaml:9:1: error YAML_SYNTAX bad\n1 error, 0 warnings in 1 file\n');
  });
});

describe('formatIssues json', () => {
  it('writes issues and the summary, pretty-printed, with null for unknown locations', () => {
    expect(format('json')).toMatchInlineSnapshot(`
      "{
        "issues": [
          {
            "code": "SCHEMA_MISSING_KEY",
            "severity": "warning",
            "message": "no file declares kind units",
            "title": "Missing key",
            "file": null,
            "line": null,
            "column": null,
            "path": [
              "units"
            ]
          },
          {
            "code": "FILE_NOT_UTF8",
            "severity": "error",
            "message": "byte 0xC3 at offset 12 starts no UTF-8 character",
            "title": "File is not valid UTF-8",
            "file": "catalog/bac-ninh.yaml",
            "line": null,
            "column": null,
            "path": []
          },
          {
            "code": "SCHEMA_UNKNOWN_KEY",
            "severity": "error",
            "message": "unknown key \\"nmae\\"",
            "title": "Unknown key",
            "file": "catalog/ha-noi.yaml",
            "line": 3,
            "column": 5,
            "endLine": 3,
            "endColumn": 9,
            "path": [
              "procedures",
              0,
              "nmae"
            ]
          },
          {
            "code": "SCHEMA_INVALID_TYPE",
            "severity": "error",
            "message": "expected a string such as \\"50%: per copy, per person\\",\\ngot a number",
            "title": "Wrong type",
            "file": "catalog/ha-noi.yaml",
            "line": 4,
            "column": 10,
            "endLine": 4,
            "endColumn": 12,
            "path": [
              "procedures",
              0,
              "fee"
            ]
          },
          {
            "code": "SCHEMA_INVALID_VALUE",
            "severity": "warning",
            "message": "đơn vị \\"Ủy ban nhân dân xã Đông Anh\\" không có trong danh mục",
            "title": "Invalid value",
            "file": "catalog/ha-noi.yaml",
            "line": 5,
            "column": 11,
            "endLine": 5,
            "endColumn": 38,
            "path": [
              "procedures",
              0,
              "unit"
            ]
          }
        ],
        "summary": {
          "errors": 3,
          "warnings": 2,
          "files": 3,
          "byCode": {
            "FILE_NOT_UTF8": 1,
            "SCHEMA_INVALID_TYPE": 1,
            "SCHEMA_INVALID_VALUE": 1,
            "SCHEMA_MISSING_KEY": 1,
            "SCHEMA_UNKNOWN_KEY": 1
          }
        }
      }
      "
    `);
  });

  it('keeps the validator message and gives the title in the chosen language', () => {
    const parsed = JSON.parse(format('json', { lang: 'vi' })) as { issues: { code: string; message: string; title: string }[] };
    expect(parsed.issues.find((issue) => issue.code === 'SCHEMA_UNKNOWN_KEY')).toMatchObject({
      message: 'unknown key "nmae"',
      title: 'Khóa không hợp lệ',
    });
  });
});

describe('formatIssues github', () => {
  it('writes workflow commands with escaped data and properties, errors first, then the summary', () => {
    expect(format('github')).toMatchInlineSnapshot(`
      "::error file=catalog/bac-ninh.yaml,title=FILE_NOT_UTF8::byte 0xC3 at offset 12 starts no UTF-8 character
      ::error file=catalog/ha-noi.yaml,line=3,col=5,endLine=3,endColumn=9,title=SCHEMA_UNKNOWN_KEY::unknown key "nmae"
      ::error file=catalog/ha-noi.yaml,line=4,col=10,endLine=4,endColumn=12,title=SCHEMA_INVALID_TYPE::expected a string such as "50%25: per copy, per person",%0Agot a number
      ::warning title=SCHEMA_MISSING_KEY::no file declares kind units
      ::warning file=catalog/ha-noi.yaml,line=5,col=11,endLine=5,endColumn=38,title=SCHEMA_INVALID_VALUE::đơn vị "Ủy ban nhân dân xã Đông Anh" không có trong danh mục
      3 errors, 2 warnings in 3 files
      "
    `);
  });

  it('writes the first 10 annotations of a code in full, then one that counts the rest, errors before warnings', () => {
    const many = (code: 'DEADLINE_UNRESOLVED' | 'SCHEMA_UNKNOWN_KEY', severity: 'error' | 'warning', count: number) =>
      Array.from({ length: count }, (_, index) =>
        createIssue(code, severity, `issue ${index + 1}`, { file: 'a.yaml', location: { line: index + 1, column: 1, endLine: index + 1, endColumn: 2 } }),
      );
    const issues = [...many('DEADLINE_UNRESOLVED', 'warning', 25), ...many('SCHEMA_UNKNOWN_KEY', 'error', 12)];
    const lines = format('github', { summary: summarizeIssues(issues, { files: 1 }) }, issues).trimEnd().split('\n');
    expect(lines).toHaveLength(10 + 1 + 10 + 1 + 1);
    expect(lines.slice(0, 10).every((line) => line.startsWith('::error file=a.yaml') && line.includes('title=SCHEMA_UNKNOWN_KEY'))).toBe(true);
    expect(lines[9]).toContain('::issue 10');
    expect(lines[10]).toBe('::warning title=SCHEMA_UNKNOWN_KEY::SCHEMA_UNKNOWN_KEY: 2 more issues like this; run tthc validate locally for the list');
    expect(lines.slice(11, 21).every((line) => line.startsWith('::warning file=a.yaml') && line.includes('title=DEADLINE_UNRESOLVED'))).toBe(true);
    expect(lines[21]).toBe('::notice title=DEADLINE_UNRESOLVED::DEADLINE_UNRESOLVED: 15 more issues like this; run tthc validate locally for the list');
    expect(lines[22]).toBe('12 errors, 25 warnings in 1 file');
    expect(format('github', { lang: 'vi', summary: summarizeIssues(issues, { files: 1 }) }, issues).split('\n')[21]).toBe(
      '::notice title=DEADLINE_UNRESOLVED::DEADLINE_UNRESOLVED: còn 15 vấn đề tương tự; chạy tthc validate trên máy để xem danh sách',
    );
  });

  it('cannot be made to run another workflow command by a message', () => {
    const issue = createIssue('SCHEMA_UNKNOWN_KEY', 'error', 'x\n::add-mask::secret\r\n', { file: 'a,b:c.yaml' });
    expect(format('github', {}, [issue]).split('\n')[0]).toBe(
      '::error file=a%2Cb%3Ac.yaml,title=SCHEMA_UNKNOWN_KEY::x%0A::add-mask::secret%0D%0A',
    );
  });
});

describe('formatIssues junit', () => {
  it('writes a suite per file, a failure per error, warnings in system-out and a passing case per clean file', () => {
    expect(format('junit')).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="tthc validate" tests="6" failures="3" errors="0" time="0">
        <testsuite name="(no file)" tests="1" failures="0" errors="0" skipped="0" time="0">
          <testcase name="SCHEMA_MISSING_KEY" classname="(no file)" time="0">
            <system-out>warning SCHEMA_MISSING_KEY no file declares kind units
      Help: Add the required key to the map.</system-out>
          </testcase>
        </testsuite>
        <testsuite name="catalog/bac-ninh.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">
          <testcase name="FILE_NOT_UTF8" classname="catalog/bac-ninh.yaml" file="catalog/bac-ninh.yaml" time="0">
            <failure message="byte 0xC3 at offset 12 starts no UTF-8 character" type="error">catalog/bac-ninh.yaml: error FILE_NOT_UTF8 byte 0xC3 at offset 12 starts no UTF-8 character
      Help: Save the file as UTF-8 (Unicode), not TCVN3 or Windows-1258.</failure>
          </testcase>
        </testsuite>
        <testsuite name="catalog/da-nang.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">
          <testcase name="valid" classname="catalog/da-nang.yaml" file="catalog/da-nang.yaml" time="0"/>
        </testsuite>
        <testsuite name="catalog/ha-noi.yaml" tests="3" failures="2" errors="0" skipped="0" time="0">
          <testcase name="SCHEMA_UNKNOWN_KEY 3:5" classname="catalog/ha-noi.yaml" file="catalog/ha-noi.yaml" time="0">
            <failure message="unknown key &quot;nmae&quot;" type="error">catalog/ha-noi.yaml:3:5: error SCHEMA_UNKNOWN_KEY unknown key &quot;nmae&quot;
      Help: Remove the key or fix its spelling; the JSON Schema in schema/ lists the allowed keys.</failure>
          </testcase>
          <testcase name="SCHEMA_INVALID_TYPE 4:10" classname="catalog/ha-noi.yaml" file="catalog/ha-noi.yaml" time="0">
            <failure message="expected a string such as &quot;50%: per copy, per person&quot;,&#10;got a number" type="error">catalog/ha-noi.yaml:4:10: error SCHEMA_INVALID_TYPE expected a string such as &quot;50%: per copy, per person&quot;, got a number
      Help: Give a value of the expected type (quote codes such as &quot;01&quot; so they stay strings).</failure>
          </testcase>
          <testcase name="SCHEMA_INVALID_VALUE 5:11" classname="catalog/ha-noi.yaml" file="catalog/ha-noi.yaml" time="0">
            <system-out>catalog/ha-noi.yaml:5:11: warning SCHEMA_INVALID_VALUE đơn vị &quot;Ủy ban nhân dân xã Đông Anh&quot; không có trong danh mục
      Help: Use one of the allowed values or formats.</system-out>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('writes well-formed XML: balanced elements, escaped text, no characters XML cannot hold', () => {
    const issue = createIssue('SCHEMA_UNKNOWN_KEY', 'error', 'key "<a&b>" \u0001\'x\'', { file: 'a.yaml' });
    const xml = format('junit', { lang: 'vi' }, [...ISSUES, issue]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('message="Khóa không hợp lệ: key &quot;&lt;a&amp;b&gt;&quot; \ufffd&apos;x&apos;"');
    // Every & starts an entity, and no < or > is loose inside text or attributes.
    expect(xml.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/g)).toBeNull();
    const stack: string[] = [];
    for (const [, close, name, selfClosing] of xml.matchAll(/<(\/?)([\w-]+)(?:\s+[\w-]+="[^"<>]*")*\s*(\/?)>/g)) {
      if (selfClosing === '/') continue;
      if (close === '/') expect(stack.pop()).toBe(name);
      else stack.push(name as string);
    }
    expect(stack).toEqual([]);
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)].map((m) => m.slice(1).join(' '));
    // Suites follow the issues' order (compareIssues on the files as written: /repo/... before a.yaml).
    expect(suites).toEqual(['(no file) 1 0', 'catalog/bac-ninh.yaml 1 1', 'catalog/da-nang.yaml 1 0', 'catalog/ha-noi.yaml 3 2', 'a.yaml 1 1']);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="tthc validate" tests="7" failures="4" errors="0" time="0">/);
  });
});

describe('formatIssues', () => {
  it.each(['text', 'json', 'github', 'sarif', 'junit'] as const)('%s output does not depend on the order of the issues', (f) => {
    expect(format(f, { codeFrames: true, sources: SOURCES }, [...ISSUES].reverse())).toBe(
      format(f, { codeFrames: true, sources: SOURCES }),
    );
  });

  it('does not change the issues it is given', () => {
    const copy = structuredClone([...ISSUES]);
    for (const f of ['text', 'json', 'github', 'sarif', 'junit'] as const) format(f);
    expect(ISSUES).toEqual(copy);
  });

  it('throws INVALID_ARGUMENT for an unknown format or language', () => {
    const bad = (options: Partial<FormatIssuesOptions>) => {
      try {
        format('text', options);
      } catch (error) {
        return isTthcError(error) ? `${error.code}: ${error.message}` : error;
      }
      return 'no error';
    };
    expect(bad({ format: 'xml' as IssueFormat })).toBe(
      'INVALID_ARGUMENT: format must be one of text, json, github, sarif, junit; got "xml"',
    );
    expect(bad({ lang: 'fr' as 'en' })).toBe('INVALID_ARGUMENT: lang must be one of en, vi; got "fr"');
  });

  it('still shows an issue whose code is not in the registry, titled by its code', () => {
    const issue = { code: 'FUTURE_CODE', severity: 'error', message: 'm', path: [] } as unknown as Issue;
    expect(format('text', { lang: 'vi' }, [issue]).split('\n')[0]).toBe('error FUTURE_CODE FUTURE_CODE: m');
  });
});

describe('summarizeIssues', () => {
  it('counts errors, warnings and each code, codes in order', () => {
    expect(SUMMARY).toEqual({
      errors: 3,
      warnings: 2,
      files: 3,
      byCode: { FILE_NOT_UTF8: 1, SCHEMA_INVALID_TYPE: 1, SCHEMA_INVALID_VALUE: 1, SCHEMA_MISSING_KEY: 1, SCHEMA_UNKNOWN_KEY: 1 },
    });
    expect(Object.keys(SUMMARY.byCode)).toEqual([...Object.keys(SUMMARY.byCode)].sort());
    expect(Object.isFrozen(SUMMARY)).toBe(true);
  });

  it('refuses a file count that is not a non-negative integer', () => {
    expect(() => summarizeIssues([], { files: -1 })).toThrow('files must be a non-negative integer; got -1');
  });
});

describe('resolveLang', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'vi_VN.UTF-8' }, 'vi'],
    [{ LANG: 'vi' }, 'vi'],
    [{ LANG: 'vi-VN' }, 'vi'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'vietnamese' }, 'en'],
    [{ LC_MESSAGES: 'vi_VN', LANG: 'en_US' }, 'vi'],
    [{ LC_ALL: 'C', LANG: 'vi_VN.UTF-8' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'vi_VN' }, 'vi'],
    [{ LC_ALL: 'vi_VN.UTF-8', LC_MESSAGES: 'en_US' }, 'vi'],
  ] as const)('%j gives %s', (env, lang) => {
    expect(resolveLang(env)).toBe(lang);
  });
});

describe('exitCodeFor', () => {
  const error = createIssue('YAML_SYNTAX', 'error', 'e');
  const warning = createIssue('YAML_CUSTOM_TAG', 'warning', 'w');
  it.each([
    ['no issues pass', [], {}, 0],
    ['an error fails', [error], {}, 1],
    ['warnings pass by default', [warning, warning], {}, 0],
    ['a warning fails with --fail-severity warning', [warning], { failSeverity: 'warning' }, 1],
    ['an error fails with --fail-severity warning', [error], { failSeverity: 'warning' }, 1],
    ['warnings up to --max-warnings pass', [warning, warning], { maxWarnings: 2 }, 0],
    ['more warnings than --max-warnings fail', [warning, warning, warning], { maxWarnings: 2 }, 1],
    ['--max-warnings 0 fails on one warning', [warning], { maxWarnings: 0 }, 1],
    ['an error fails even under --max-warnings', [error], { maxWarnings: 10 }, 1],
  ] as const)('%s', (_name, issues, options, code) => {
    expect(exitCodeFor(issues, options)).toBe(code);
  });

  it('counts warnings hidden by --quiet', () => {
    expect(filterForDisplay([warning], { quiet: true })).toEqual([]);
    expect(exitCodeFor([warning], { maxWarnings: 0 })).toBe(1);
  });

  it('refuses a warning limit that is not a non-negative integer', () => {
    expect(() => exitCodeFor([], { maxWarnings: 1.5 })).toThrow('maxWarnings must be a non-negative integer; got 1.5');
    expect(() => exitCodeFor([], { maxWarnings: -1 })).toThrow('maxWarnings must be a non-negative integer; got -1');
  });
});

describe('filterForDisplay', () => {
  it('keeps every issue by default and only errors when quiet, without changing its input', () => {
    expect(filterForDisplay(ISSUES)).toEqual(ISSUES);
    expect(filterForDisplay(ISSUES, { quiet: true }).map((issue) => issue.code)).toEqual([
      'SCHEMA_UNKNOWN_KEY',
      'SCHEMA_INVALID_TYPE',
      'FILE_NOT_UTF8',
    ]);
    expect(ISSUES).toHaveLength(5);
  });
});

describe('paths', () => {
  it.each([
    ['/repo/catalog/a.yaml', '/repo', 'catalog/a.yaml'],
    ['/repo/catalog/a.yaml', '/repo/', 'catalog/a.yaml'],
    ['/repo/a.yaml', '/repo/catalog', '../a.yaml'],
    ['/other/a.yaml', '/repo', '../other/a.yaml'],
    ['/repo', '/repo', '.'],
    ['./catalog/a.yaml', '/repo', 'catalog/a.yaml'],
    ['catalog\\a.yaml', undefined, 'catalog/a.yaml'],
    ['C:\\work\\repo\\a.yaml', 'C:\\work\\repo', 'a.yaml'],
    ['D:\\a.yaml', 'C:\\work', 'D:/a.yaml'],
    ['/repo/a.yaml', 'relative', '/repo/a.yaml'],
  ] as const)('%s relative to %s is shown as %s', (file, cwd, shown) => {
    expect(_displayPath(file, cwd)).toBe(shown);
  });

  it.each([
    ['catalog/hà nội.yaml', 'catalog/h%C3%A0%20n%E1%BB%99i.yaml'],
    ['/tmp/a#b.yaml', 'file:///tmp/a%23b.yaml'],
    ['C:/w/a.yaml', 'file:///C:/w/a.yaml'],
  ])('%s becomes the URI %s', (path, uri) => {
    expect(_toUri(path)).toBe(uri);
  });
});

describe('src/format', () => {
  it('is browser-safe: imports no node:* module and uses no process', () => {
    const dir = join(import.meta.dirname, '../src/format');
    const offenders = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .filter((name) => {
        const code = readFileSync(join(dir, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        // `process` as a global (process.env, process['cwd']), not the office action 'process'.
        return /from ['"]node:|\bimport\(|(?<!['"])\bprocess\s*(\.|\[)|\brequire\(/.test(code);
      });
    expect(offenders).toEqual([]);
  });
});

