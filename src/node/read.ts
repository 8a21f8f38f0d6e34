/**
 * Reading data files from disk: the given paths are walked for YAML files (following symbolic links, refusing loops,
 * named pipes, sockets and devices), then every file is checked for size and UTF-8 before the browser-safe core sees
 * its text. Files are read a few at a time; the result keeps the walk's order.
 */
import { constants } from 'node:fs';
import type { BigIntStats, Dirent } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createIssue } from '../errors.js';
import type { Issue } from '../errors.js';
import type { SourceText } from '../source/files.js';
import { DEFAULT_YAML_LIMITS } from '../source/yaml-limits.js';
import { expectOptions, expectPaths } from '../arguments.js';

/** Texts read from disk, and the issues of files that could not be read. */
export interface ReadResult {
  readonly sources: readonly SourceText[];
  readonly issues: readonly Issue[];
  /**
   * How many files were looked at, readable or not: each real file once, named pipes, sockets and devices that were
   * refused included, directories and symbolic links not.
   */
  readonly fileCount: number;
}

export interface ReadSourceTextsOptions {
  /** Paths in issues are shown relative to this directory. */
  readonly cwd?: string;
  /** Largest file read, in bytes. */
  readonly maxBytes?: number;
}

const YAML_FILE = /\.ya?ml$/i;
/** A message of an issue, in English and in Vietnamese. */
interface Message {
  readonly en: string;
  readonly vi: string;
}
/** How many files are stat-ed or read at once. */
const CONCURRENCY = 8;
/**
 * Regular files are opened without blocking, so a file swapped for a named pipe after the check does not hang the
 * open; the handle is checked again before reading. Links are followed on purpose, so no O_NOFOLLOW.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads every YAML file under the given files or directories, in a stable order, and reports what cannot be read as
 * issues (`FILE_UNREADABLE`, `FILE_TOO_LARGE`, `FILE_NOT_UTF8`) at its path; it never throws for what it finds on disk.
 *
 * - Order: the paths in the order given; within a directory, files sorted by path in code-unit order (never by the
 *   host's locale), paths shown with `/` relative to `cwd`.
 * - Directories are walked recursively for `*.yaml` / `*.yml`; a path given directly is read whatever its name.
 * - Symbolic links are followed, to files and to directories. A link back to a directory that contains it (a loop),
 *   a broken link, and a directory that cannot be read are each an issue at their own path; the rest is still read.
 * - A file or directory reached twice (through links, hard links, or paths given twice) is read once, under the
 *   path that comes first in that order.
 * - Named pipes, sockets and devices with a YAML name (or given directly) are refused without being opened.
 *
 * @param paths files or directories, absolute or relative to `cwd`.
 * @param options `cwd` (default `process.cwd()`) and `maxBytes` (default the YAML length limit, 4 MiB).
 * @returns the texts read, the issues of what could not be read, and how many files were looked at.
 * @example
 * const { sources, issues } = await readSourceTexts(['catalog', 'rules']);
 */
export async function readSourceTexts(paths: readonly string[], options: ReadSourceTextsOptions = {}): Promise<ReadResult> {
  expectPaths(paths);
  expectOptions(options);
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxBytes ?? DEFAULT_YAML_LIMITS.maxLength;
  const walk: Walk = { cwd, found: [], walked: new Set() };
  for (const path of paths) await walkPath(isAbsolute(path) ? path : resolve(cwd, path), walk);

  // Stat every file found (never opening it), then keep the first path of each real file, in walk order.
  const checked = await mapBounded(walk.found, CONCURRENCY, (found) => (found.kind === 'check' ? checkFile(found.path, walk.cwd) : found));
  const seen = new Set<string>();
  const steps: Step[] = [];
  let fileCount = 0;
  for (const step of checked) {
    if (seen.has(step.id)) continue;
    seen.add(step.id);
    if (step.kind === 'read' || step.isFile) fileCount += 1;
    steps.push(step);
  }

  const results = await mapBounded(steps, CONCURRENCY, (step) => (step.kind === 'read' ? readOne(step.path, step.file, maxBytes) : step));
  const sources: SourceText[] = [];
  const issues: Issue[] = [];
  for (const result of results) {
    if ('issue' in result) issues.push(result.issue);
    else sources.push(result);
  }
  return { sources, issues, fileCount };
}

/** What the walk found, in order: a file to check, or an issue. */
type Found = { readonly kind: 'check'; readonly path: string } | IssueStep;

/**
 * What is done with each file found: read it, or report it. `id` is the real file's identity (see {@link identityOf}),
 * or `path:` and its path where none is known, so that nothing is read or reported twice.
 */
type Step = { readonly kind: 'read'; readonly path: string; readonly file: string; readonly id: string } | IssueStep;

interface IssueStep {
  readonly kind: 'issue';
  readonly issue: Issue;
  /** Whether the issue is about a file (counted in `fileCount`), not a directory or a link. */
  readonly isFile: boolean;
  readonly id: string;
}

interface Walk {
  readonly cwd: string;
  readonly found: Found[];
  /** Directories walked or being walked, by identity: each is walked once, under the first path that reaches it. */
  readonly walked: Set<string>;
}

interface Ancestor {
  readonly id: string;
  readonly path: string;
}

async function walkPath(path: string, walk: Walk): Promise<void> {
  let info: BigIntStats;
  try {
    info = await stat(path, { bigint: true });
  } catch (error) {
    walk.found.push(unreadable(await missingPathMessage(path, error), path, walk.cwd, false));
    return;
  }
  if (!info.isDirectory()) {
    // A file given directly is read whatever its name; named pipes and devices are refused by the check.
    walk.found.push({ kind: 'check', path });
    return;
  }
  const id = identityOf(info, path);
  if (!walk.walked.has(id)) await walkDirectory(path, id, [], walk);
}

/**
 * Walks a directory depth-first with its entries sorted by name, a directory's name followed by `/`: this visits
 * files in the code-unit order of their whole paths, so the first path that reaches a file or a directory is also
 * the first in sorted order.
 */
async function walkDirectory(path: string, id: string, ancestors: readonly Ancestor[], walk: Walk): Promise<void> {
  walk.walked.add(id);
  let dirents: Dirent[];
  try {
    dirents = await readdir(path, { withFileTypes: true });
  } catch (error) {
    walk.found.push(unreadable(directoryMessage(error), path, walk.cwd, false));
    return;
  }
  const chain = [...ancestors, { id, path }];
  const entries = (await mapBounded(dirents, CONCURRENCY, (dirent) => classifyEntry(path, dirent)))
    .filter((entry): entry is Entry => entry !== undefined)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const entry of entries) {
    if (entry.kind === 'check') walk.found.push({ kind: 'check', path: entry.path });
    else if (entry.kind === 'issue') walk.found.push(unreadable(entry.message, entry.path, walk.cwd, entry.isFile));
    else {
      const ancestor = chain.find((candidate) => candidate.id === entry.id);
      if (ancestor !== undefined) {
        const what = entry.link ? 'symbolic link' : 'directory';
        const whatVi = entry.link ? 'liên kết tượng trưng' : 'thư mục';
        const shown = displayPath(ancestor.path, walk.cwd);
        const message = {
          en: `${what} leads back to ${shown}, a directory that contains it (a loop); not followed`,
          vi: `${whatVi} dẫn ngược về ${shown}, thư mục chứa nó (vòng lặp); không đi theo`,
        };
        walk.found.push(unreadable(message, entry.path, walk.cwd, false));
      } else if (!walk.walked.has(entry.id)) {
        await walkDirectory(entry.path, entry.id, chain, walk);
      }
    }
  }
}

/** A directory entry worth looking at, with its sort key. */
type Entry =
  | { readonly kind: 'check'; readonly key: string; readonly path: string }
  | { readonly kind: 'directory'; readonly key: string; readonly path: string; readonly id: string; readonly link: boolean }
  | { readonly kind: 'issue'; readonly key: string; readonly path: string; readonly message: Message; readonly isFile: boolean };

/**
 * Sorts out one entry: files, named pipes, sockets and devices count only with a YAML name; directories, links to
 * directories and broken links (which may have been meant as a directory) count whatever their name.
 */
async function classifyEntry(directory: string, dirent: Dirent): Promise<Entry | undefined> {
  const { name } = dirent;
  const path = join(directory, name);
  const yaml = YAML_FILE.test(name);
  const link = dirent.isSymbolicLink();
  if (dirent.isFile() || (!link && !dirent.isDirectory() && specialKind(dirent) !== undefined)) {
    return yaml ? { kind: 'check', key: name, path } : undefined;
  }
  // A directory, a link, or an entry whose type the file system did not tell.
  let info: BigIntStats;
  try {
    info = await stat(path, { bigint: true });
  } catch (error) {
    if (link) return { kind: 'issue', key: name, path, message: brokenLinkMessage(error), isFile: false };
    if (dirent.isDirectory()) {
      return { kind: 'issue', key: `${name}/`, path, message: directoryMessage(error), isFile: false };
    }
    return yaml ? { kind: 'issue', key: name, path, message: fileMessage(error), isFile: true } : undefined;
  }
  if (info.isDirectory()) return { kind: 'directory', key: `${name}/`, path, id: identityOf(info, path), link };
  return yaml ? { kind: 'check', key: name, path } : undefined;
}

/** Stats a file found by the walk, without opening it: a regular file is to be read, anything else is an issue. */
async function checkFile(path: string, cwd: string): Promise<Step> {
  const file = displayPath(path, cwd);
  let info: BigIntStats;
  try {
    info = await stat(path, { bigint: true });
  } catch (error) {
    return unreadable(fileMessage(error), path, cwd, true);
  }
  const id = identityOf(info, path);
  if (info.isFile()) return { kind: 'read', path, file, id };
  return { ...unreadable(notRegularMessage(info), path, cwd, true), id };
}

/**
 * Reads a regular file: opens it without blocking, checks the handle is still a regular file (it may have been
 * swapped since the check), and reads at most `maxBytes` + 1 bytes.
 */
async function readOne(path: string, file: string, maxBytes: number): Promise<SourceText | { issue: Issue }> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, OPEN_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) {
      const message = notRegularMessage(info);
      return { issue: createIssue('FILE_UNREADABLE', 'error', message.en, { file, vi: message.vi }) };
    }
    if (info.size > maxBytes) {
      return {
        issue: createIssue('FILE_TOO_LARGE', 'error', `file has ${info.size} bytes, more than the limit of ${maxBytes}`, {
          file,
          vi: `tệp có ${info.size} byte, vượt giới hạn ${maxBytes} byte`,
        }),
      };
    }
    const bytes = await readAtMost(handle, info.size, maxBytes + 1);
    if (bytes.length > maxBytes) {
      return {
        issue: createIssue('FILE_TOO_LARGE', 'error', `file has more than ${maxBytes} bytes, the limit`, {
          file,
          vi: `tệp có hơn ${maxBytes} byte, vượt giới hạn cho phép`,
        }),
      };
    }
    const text = decodeUtf8(bytes);
    if (typeof text !== 'string') {
      return {
        issue: createIssue('FILE_NOT_UTF8', 'error', `byte ${text.offset + 1} is not valid UTF-8; save the file as UTF-8`, {
          file,
          location: text.location,
          vi: `byte thứ ${text.offset + 1} không hợp lệ theo UTF-8; hãy lưu tệp dưới dạng UTF-8`,
        }),
      };
    }
    return { file, text };
  } catch (error) {
    const message = fileMessage(error);
    return { issue: createIssue('FILE_UNREADABLE', 'error', message.en, { file, vi: message.vi }) };
  } finally {
    // Closing a file opened for reading cannot lose data; a failure here must not hide the text already read.
    await handle?.close().catch(() => undefined);
  }
}

/** Reads from the handle until the end of the file or `limit` bytes, whichever comes first. */
async function readAtMost(handle: FileHandle, sizeHint: number, limit: number): Promise<Uint8Array> {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(sizeHint + 1, limit)));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total >= limit) break;
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  return buffer.subarray(0, total);
}

/** Maps with at most `limit` calls running at once; results keep the order of `items`. `fn` must not throw. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R> | R): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A FILE_UNREADABLE issue at a path; the path stands for its identity, so a path given twice is reported once. */
function unreadable(message: Message, path: string, cwd: string, isFile: boolean): IssueStep {
  const issue = createIssue('FILE_UNREADABLE', 'error', message.en, { file: displayPath(path, cwd), vi: message.vi });
  return { kind: 'issue', issue, isFile, id: `path:${path}` };
}

/** Why a file cannot be read. */
function fileMessage(error: unknown): Message {
  return { en: `cannot read the file (${errorCode(error)})`, vi: `không đọc được tệp (${errorCodeVi(error)})` };
}

/** Why a directory cannot be walked. */
function directoryMessage(error: unknown): Message {
  return {
    en: `cannot read the directory (${errorCode(error)}); its files are not checked`,
    vi: `không đọc được thư mục (${errorCodeVi(error)}); các tệp trong thư mục chưa được kiểm tra`,
  };
}

/** Why a path given directly cannot be stat-ed: missing, a broken link, a link loop, or no permission. */
async function missingPathMessage(path: string, error: unknown): Promise<Message> {
  const code = errorCode(error);
  if (code === 'ENOENT') {
    const isLink = await lstat(path).then((info) => info.isSymbolicLink(), () => false);
    return isLink ? brokenLinkMessage(error) : { en: 'no such file or directory', vi: 'không có tệp hoặc thư mục nào ở đường dẫn này' };
  }
  if (code === 'ELOOP') return brokenLinkMessage(error);
  return { en: `cannot read the path (${code})`, vi: `không đọc được đường dẫn (${errorCodeVi(error)})` };
}

function brokenLinkMessage(error: unknown): Message {
  const code = errorCode(error);
  if (code === 'ENOENT') {
    return { en: 'symbolic link points to a file or directory that does not exist', vi: 'liên kết tượng trưng trỏ tới tệp hoặc thư mục không tồn tại' };
  }
  if (code === 'ELOOP') return { en: 'symbolic link leads back to itself (a loop); not followed', vi: 'liên kết tượng trưng dẫn ngược về chính nó (vòng lặp); không đi theo' };
  return { en: `cannot follow the symbolic link (${code})`, vi: `không đi theo được liên kết tượng trưng (${errorCodeVi(error)})` };
}

interface FileKind {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

function specialKind(info: FileKind): Message | undefined {
  if (info.isFIFO()) return { en: 'a named pipe', vi: 'ống dẫn có tên' };
  if (info.isSocket()) return { en: 'a socket', vi: 'ổ cắm' };
  if (info.isCharacterDevice()) return { en: 'a character device', vi: 'thiết bị ký tự' };
  if (info.isBlockDevice()) return { en: 'a block device', vi: 'thiết bị khối' };
  return undefined;
}

function notRegularMessage(info: FileKind): Message {
  const kind = info.isDirectory() ? { en: 'a directory', vi: 'thư mục' } : (specialKind(info) ?? { en: 'of an unknown kind', vi: 'loại không xác định' });
  return { en: `not a regular file (${kind.en}); expected a YAML file`, vi: `không phải tệp thông thường (${kind.vi}); cần một tệp YAML` };
}

/** A real file's identity (device and inode), so that one reached through two paths is read once. */
function identityOf(info: BigIntStats, path: string): string {
  // Some file systems report no inode numbers; the path is then the best identity there is.
  return info.ino === 0n ? `path:${path}` : `${info.dev}:${info.ino}`;
}

/** The error's code (`ENOENT`, `EACCES`): the same words on every host, unlike its message. */
function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return 'read failed';
}

/** {@link errorCode} for a Vietnamese message: the code itself, or words when there is none. */
function errorCodeVi(error: unknown): string {
  const code = errorCode(error);
  return code === 'read failed' ? 'lỗi khi đọc' : code;
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
