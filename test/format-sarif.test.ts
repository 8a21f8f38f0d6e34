import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createIssue, type Issue } from '../src/errors.js';
import { formatIssues, summarizeIssues, type FormatIssuesOptions } from '../src/format/index.js';
import { CWD, FILES, ISSUES } from './fixtures/format/issues.js';

// The official SARIF 2.1.0 schema (OASIS); see test/fixtures/format/README.md for where it comes from.
const schema = JSON.parse(readFileSync(new URL('./fixtures/format/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function sarif(extra: Partial<FormatIssuesOptions> = {}, issues: readonly Issue[] = ISSUES): string {
  const summary = summarizeIssues(issues, { files: FILES.length });
  return formatIssues(issues, { format: 'sarif', lang: 'en', cwd: CWD, toolVersion: '0.1.0', summary, files: FILES, ...extra });
}

function schemaErrors(text: string): string[] {
  const valid = validateSarif(JSON.parse(text));
  return valid ? [] : (validateSarif.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('formatIssues sarif', () => {
  it('writes a SARIF 2.1.0 log with one rule per code that occurs and one result per issue', () => {
    expect(sarif()).toMatchInlineSnapshot(`
      "{
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
          {
            "tool": {
              "driver": {
                "name": "tthc",
                "version": "0.1.0",
                "rules": [
                  {
                    "id": "FILE_NOT_UTF8",
                    "shortDescription": {
                      "text": "File is not valid UTF-8"
                    },
                    "help": {
                      "text": "Save the file as UTF-8 (Unicode), not TCVN3 or Windows-1258."
                    },
                    "defaultConfiguration": {
                      "level": "error"
                    }
                  },
                  {
                    "id": "SCHEMA_INVALID_TYPE",
                    "shortDescription": {
                      "text": "Wrong type"
                    },
                    "help": {
                      "text": "Give a value of the expected type (quote codes such as \\"01\\" so they stay strings)."
                    },
                    "defaultConfiguration": {
                      "level": "error"
                    }
                  },
                  {
                    "id": "SCHEMA_INVALID_VALUE",
                    "shortDescription": {
                      "text": "Invalid value"
                    },
                    "help": {
                      "text": "Use one of the allowed values or formats."
                    },
                    "defaultConfiguration": {
                      "level": "error"
                    }
                  },
                  {
                    "id": "SCHEMA_MISSING_KEY",
                    "shortDescription": {
                      "text": "Missing key"
                    },
                    "help": {
                      "text": "Add the required key to the map."
                    },
                    "defaultConfiguration": {
                      "level": "error"
                    }
                  },
                  {
                    "id": "SCHEMA_UNKNOWN_KEY",
                    "shortDescription": {
                      "text": "Unknown key"
                    },
                    "help": {
                      "text": "Remove the key or fix its spelling; the JSON Schema in schema/ lists the allowed keys."
                    },
                    "defaultConfiguration": {
                      "level": "error"
                    }
                  }
                ]
              }
            },
            "language": "en-US",
            "columnKind": "utf16CodeUnits",
            "results": [
              {
                "ruleId": "SCHEMA_MISSING_KEY",
                "ruleIndex": 3,
                "level": "warning",
                "message": {
                  "text": "no file declares kind units"
                },
                "locations": [
                  {
                    "logicalLocations": [
                      {
                        "fullyQualifiedName": "units"
                      }
                    ]
                  }
                ]
              },
              {
                "ruleId": "FILE_NOT_UTF8",
                "ruleIndex": 0,
                "level": "error",
                "message": {
                  "text": "byte 0xC3 at offset 12 starts no UTF-8 character"
                },
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "catalog/bac-ninh.yaml",
                        "uriBaseId": "%SRCROOT%"
                      }
                    }
                  }
                ]
              },
              {
                "ruleId": "SCHEMA_UNKNOWN_KEY",
                "ruleIndex": 4,
                "level": "error",
                "message": {
                  "text": "unknown key \\"nmae\\""
                },
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "catalog/ha-noi.yaml",
                        "uriBaseId": "%SRCROOT%"
                      },
                      "region": {
                        "startLine": 3,
                        "startColumn": 5,
                        "endLine": 3,
                        "endColumn": 9
                      }
                    },
                    "logicalLocations": [
                      {
                        "fullyQualifiedName": "procedures[0].nmae"
                      }
                    ]
                  }
                ]
              },
              {
                "ruleId": "SCHEMA_INVALID_TYPE",
                "ruleIndex": 1,
                "level": "error",
                "message": {
                  "text": "expected a string such as \\"50%: per copy, per person\\",\\ngot a number"
                },
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "catalog/ha-noi.yaml",
                        "uriBaseId": "%SRCROOT%"
                      },
                      "region": {
                        "startLine": 4,
                        "startColumn": 10,
                        "endLine": 4,
                        "endColumn": 12
                      }
                    },
                    "logicalLocations": [
                      {
                        "fullyQualifiedName": "procedures[0].fee"
                      }
                    ]
                  }
                ]
              },
              {
                "ruleId": "SCHEMA_INVALID_VALUE",
                "ruleIndex": 2,
                "level": "warning",
                "message": {
                  "text": "đơn vị \\"Ủy ban nhân dân xã Đông Anh\\" không có trong danh mục"
                },
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "catalog/ha-noi.yaml",
                        "uriBaseId": "%SRCROOT%"
                      },
                      "region": {
                        "startLine": 5,
                        "startColumn": 11,
                        "endLine": 5,
                        "endColumn": 38
                      }
                    },
                    "logicalLocations": [
                      {
                        "fullyQualifiedName": "procedures[0].unit"
                      }
                    ]
                  }
                ]
              }
            ]
          }
        ]
      }
      "
    `);
  });

  it('gives titles, help and the language of the run in Vietnamese under lang vi', () => {
    const log = JSON.parse(sarif({ lang: 'vi' })) as {
      runs: { language: string; tool: { driver: { rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } }; results: { message: { text: string } }[] }[];
    };
    const run = log.runs[0];
    expect(run?.language).toBe('vi-VN');
    expect(run?.tool.driver.rules.find((rule) => rule.id === 'SCHEMA_UNKNOWN_KEY')).toMatchObject({
      shortDescription: { text: 'Khóa không hợp lệ' },
      help: { text: 'Xóa khóa hoặc sửa chính tả; JSON Schema trong schema/ liệt kê các khóa hợp lệ.' },
    });
    expect(run?.results.map((result) => result.message.text)).toContain('Khóa không hợp lệ: unknown key "nmae"');
  });

  it.each([
    ['the fixed issues in English', () => sarif()],
    ['the fixed issues in Vietnamese', () => sarif({ lang: 'vi' })],
    ['no issues', () => sarif({}, [])],
    [
      'a file outside cwd, a name to percent-encode and a line without a column',
      () =>
        sarif({}, [
          createIssue('YAML_SYNTAX', 'error', 'bad', { file: '/elsewhere/thủ tục#1.yaml', location: { line: 2, column: 1, endLine: 2, endColumn: 1 } }),
          { code: 'YAML_EMPTY', severity: 'error', message: 'empty', file: 'rel/x.yaml', line: 1, path: [] },
        ]),
    ],
  ])('is valid against the official SARIF 2.1.0 schema: %s', (_name, make) => {
    expect(schemaErrors(make())).toEqual([]);
  });

  it('percent-encodes URIs and gives files outside cwd as file:// URIs without a base', () => {
    const log = sarif({}, [
      createIssue('YAML_SYNTAX', 'error', 'bad', { file: '/elsewhere/thủ tục#1.yaml' }),
      createIssue('YAML_SYNTAX', 'error', 'bad', { file: '/repo/catalog/hà nội.yaml' }),
    ]);
    expect(log).toContain('"uri": "file:///elsewhere/th%E1%BB%A7%20t%E1%BB%A5c%231.yaml"\n');
    expect(log).toContain('"uri": "catalog/h%C3%A0%20n%E1%BB%99i.yaml",\n');
  });
});
