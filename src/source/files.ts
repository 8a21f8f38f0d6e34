/**
 * Turning a set of YAML texts into typed data files: each file declares its `kind`, which picks its schema.
 */
import type { z } from 'zod';
import { createIssue } from '../errors.js';
import type { Issue, IssuePath, SourceLocation } from '../errors.js';
import { validateParsed } from './schema.js';
import { parseYaml } from './yaml.js';
import type { YamlLimits } from './yaml.js';
import { expectObject, expectOptions, expectSourceTexts } from '../arguments.js';

/** A file's name (as it should appear in issues) and its decoded text. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/** Finds a path's position in its file; see {@link ParsedYaml.locate}. */
export type Locate = (path: IssuePath, options?: { key?: boolean }) => SourceLocation | undefined;

/** A data file that passed its schema: its kind, typed content and a way back to positions. */
export interface DataFile<K extends string = string, D = unknown> {
  readonly file: string;
  readonly kind: K;
  readonly data: D;
  readonly locate: Locate;
}

/** Schemas by file kind. */
export type KindSchemas = Readonly<Record<string, z.ZodType>>;

/** Every data file that passed, and every issue of every file. */
export interface ParsedFiles {
  readonly files: readonly DataFile[];
  readonly issues: readonly Issue[];
  /** Files that did not pass, with their kind when it could be read. */
  readonly failed: readonly { readonly file: string; readonly kind: string | undefined }[];
}

/** Parses and validates every text; a file with errors is left out of `files`, and its issues are all reported. */
export function parseDataFiles(sources: readonly SourceText[], schemas: KindSchemas, limits?: Partial<YamlLimits>): ParsedFiles {
  expectSourceTexts(sources);
  expectObject(schemas, 'schemas', { en: 'the schemas by kind, such as DATA_FILE_SCHEMAS', vi: 'các lược đồ theo loại tệp, ví dụ DATA_FILE_SCHEMAS' });
  expectOptions(limits, 'limits');
  return parseEachDataFile([...sources], schemas, limits);
}

/**
 * {@link parseDataFiles} on texts already checked, letting go of each one as soon as it is read: `pending[i]` is
 * cleared when file `i` is parsed, so a caller that holds no other reference lets the texts be collected while the
 * rest are read (values read from a text do not keep it alive). Internal to tthc.
 */
export function parseEachDataFile(pending: (SourceText | undefined)[], schemas: KindSchemas, limits?: Partial<YamlLimits>): ParsedFiles {
  const files: DataFile[] = [];
  const issues: Issue[] = [];
  const failed: { file: string; kind: string | undefined }[] = [];
  const kinds = Object.keys(schemas).sort();
  for (let index = 0; index < pending.length; index += 1) {
    const source = pending[index]!;
    pending[index] = undefined;
    const parsed = parseYaml(source.text, source.file, limits);
    if (parsed.value === undefined) {
      for (const issue of parsed.issues) issues.push(issue);
      failed.push({ file: source.file, kind: undefined });
      continue;
    }
    const kind = readKind(parsed.value);
    const schema = kind === undefined ? undefined : schemas[kind];
    if (kind === undefined || schema === undefined || !Object.prototype.hasOwnProperty.call(schemas, kind)) {
      for (const issue of parsed.issues) issues.push(issue);
      issues.push(
        createIssue(
          'UNKNOWN_FILE_KIND',
          'error',
          kind === undefined
            ? `file has no "kind" key; expected one of ${kinds.join(', ')}`
            : `unknown kind "${kind}"; expected one of ${kinds.join(', ')}`,
          {
            file: source.file,
            path: ['kind'],
            location: parsed.locate(kind === undefined ? [] : ['kind']),
            vi:
              kind === undefined
                ? `tệp không có khóa "kind"; cần một trong các loại tệp ${kinds.join(', ')}`
                : `loại tệp "${kind}" không xác định; cần một trong các loại tệp ${kinds.join(', ')}`,
          },
        ),
      );
      failed.push({ file: source.file, kind: undefined });
      continue;
    }
    const result = validateParsed(parsed, schema);
    for (const issue of result.issues) issues.push(issue);
    if (result.value !== undefined && !result.issues.some((issue) => issue.severity === 'error')) {
      files.push(Object.freeze({ file: source.file, kind, data: result.value, locate: parsed.locate }));
    } else {
      failed.push({ file: source.file, kind });
    }
  }
  return { files, issues, failed };
}

function readKind(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const kind = (value as Record<string, unknown>)['kind'];
  return typeof kind === 'string' ? kind : undefined;
}
