/**
 * Reading data files from disk: directories are walked for YAML files, every file is checked for size and UTF-8
 * before the browser-safe core sees its text.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createIssue } from '../errors.js';
import type { Issue } from '../errors.js';
import type { SourceText } from '../source/files.js';
import { DEFAULT_YAML_LIMITS } from '../source/yaml.js';

/** Texts read from disk, and the issues of files that could not be read. */
export interface ReadResult {
  readonly sources: readonly SourceText[];
  readonly issues: readonly Issue[];
  /** How many files were looked at, readable or not. */
  readonly fileCount: number;
}

export interface ReadSourceTextsOptions {
  /** Paths in issues are shown relative to this directory. */
  readonly cwd?: string;
  /** Largest file read, in bytes. */
  readonly maxBytes?: number;
}

const YAML_FILE = /\.ya?ml$/i;

/** Reads every YAML file under the given files or directories, in a stable order. */
export async function readSourceTexts(paths: readonly string[], options: ReadSourceTextsOptions = {}): Promise<ReadResult> {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxBytes ?? DEFAULT_YAML_LIMITS.maxLength;
  const sources: SourceText[] = [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  let fileCount = 0;

  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    for (const filePath of await listYamlFiles(absolute, issues, cwd)) {
      if (seen.has(filePath)) continue;
      seen.add(filePath);
      fileCount += 1;
      const file = displayPath(filePath, cwd);
      const result = await readOne(filePath, file, maxBytes);
      if ('issue' in result) issues.push(result.issue);
      else sources.push(result);
    }
  }
  return { sources, issues, fileCount };
}

async function listYamlFiles(path: string, issues: Issue[], cwd: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    issues.push(createIssue('FILE_UNREADABLE', 'error', 'no such file or directory', { file: displayPath(path, cwd) }));
    return [];
  }
  if (info.isFile()) return [path];
  if (!info.isDirectory()) return [];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function readOne(path: string, file: string, maxBytes: number): Promise<SourceText | { issue: Issue }> {
  try {
    const { size } = await stat(path);
    if (size > maxBytes) {
      return { issue: createIssue('FILE_TOO_LARGE', 'error', `file has ${size} bytes, more than the limit of ${maxBytes}`, { file }) };
    }
    const bytes = await readFile(path);
    const text = decodeUtf8(bytes);
    if (typeof text !== 'string') {
      return {
        issue: createIssue('FILE_NOT_UTF8', 'error', `byte ${text.offset + 1} is not valid UTF-8; save the file as UTF-8`, {
          file,
          location: text.location,
        }),
      };
    }
    return { file, text };
  } catch (error) {
    const message = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'read failed';
    return { issue: createIssue('FILE_UNREADABLE', 'error', `cannot read the file (${message})`, { file }) };
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 strictly; on failure returns where the first bad byte is. */
function decodeUtf8(bytes: Uint8Array):
  | string
  | { offset: number; location: { line: number; column: number; endLine: number; endColumn: number } } {
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i += 1) {
      if (bytes[i] === 10) {
        line += 1;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
    return { offset, location: { line, column, endLine: line, endColumn: column + 1 } };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  const chosen = shown === '' || shown.startsWith('..') ? path : shown;
  return chosen.split(sep).join('/');
}
