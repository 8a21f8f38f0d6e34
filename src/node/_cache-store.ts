/**
 * The per-user snapshot cache on disk: where it lives, an entry format that lets a reader check what it holds against
 * its key, reading that refuses anything but a bounded regular file, atomic writes and eviction by total size.
 */
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, unlink, utimes } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { isCurrentSnapshot } from '../snapshot.js';
import type { DatasetSnapshot } from '../snapshot.js';
import { nodeSha256Hex } from './sha256.js';
import { writeFileAtomic } from './write-atomic.js';

/** Bump when the entry header changes; an entry of another format is a miss. */
export const CACHE_ENTRY_FORMAT = 1;

/** Default cap on the total size of the cache directory's entries: five or so snapshots of the shipped data (11 MB each). */
export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** Largest shipped snapshot read (about 11 MB today): a bound, so a damaged install cannot exhaust memory. */
export const SHIPPED_SNAPSHOT_MAX_BYTES = 256 * 1024 * 1024;

const MAGIC = 'tthc-snapshot-cache';
const HEADER = /^tthc-snapshot-cache (\d+) ([0-9a-f]{64}) (\d+) ([0-9a-f]{64})$/;
const HEADER_MAX_BYTES = 256;
/** The shipped snapshot names its key in its first hundred bytes; a wide window in case fields are added before it. */
const SHIPPED_PEEK_BYTES = 4096;
const ENTRY_NAME = /^[0-9a-f]{32}\.snapshot$/;
const TEMP_NAME = /^\.[0-9a-f]{32}\.snapshot\.\d+\.[0-9a-f]+\.tmp$/;
/** A temp file this old belongs to a writer that died; younger ones may still be renamed into place. */
const ORPHAN_TEMP_MS = 60 * 60 * 1000;
// Non-blocking so that a FIFO swapped in between lstat and open cannot hang the open; no-follow so a symlink swapped
// in is refused. Both are 0 (absent) on Windows, where neither trick applies.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Where the cache lives and whether it must be a private directory (the shared temporary directory). */
export interface CacheLocation {
  readonly dir: string;
  readonly mustBePrivate: boolean;
}

/**
 * The cache directory: TTHC_CACHE_DIR, else $XDG_CACHE_HOME/tthc, else ~/.cache/tthc, else <tmpdir>/tthc-<uid>.
 * Outside the package, so a read-only or shared install still caches, per user.
 */
export function cacheLocationFor(env: Readonly<Record<string, string | undefined>>, cwd: string): CacheLocation {
  const explicit = env['TTHC_CACHE_DIR'];
  if (explicit !== undefined && explicit !== '') return { dir: resolve(cwd, explicit), mustBePrivate: false };
  const xdg = env['XDG_CACHE_HOME'];
  // The XDG spec says a relative value is invalid and is to be ignored.
  if (xdg !== undefined && isAbsolute(xdg)) return { dir: join(xdg, 'tthc'), mustBePrivate: false };
  let home = '';
  try {
    home = homedir();
  } catch {
    // no home directory for this user (some service accounts): fall through to the temporary directory
  }
  if (home !== '') return { dir: join(home, '.cache', 'tthc'), mustBePrivate: false };
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return { dir: join(tmpdir(), `tthc-${user}`), mustBePrivate: true };
}

/** The cache entry's path for a key. */
export function cacheEntryPath(dir: string, key: string): string {
  return join(dir, `${key.slice(0, 32)}.snapshot`);
}

/** An entry's bytes: one header line (format, key, body length, body SHA-256), then the snapshot JSON. */
export function createCacheEntry(key: string, body: Buffer): Buffer {
  const header = `${MAGIC} ${CACHE_ENTRY_FORMAT} ${key} ${body.length} ${nodeSha256Hex(body)}\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), body]);
}

/** The body of an entry when its header, length and digest hold and the key is the one asked for; else why not. */
export function parseCacheEntry(bytes: Buffer, key: string): { readonly body: Buffer } | { readonly rejected: string } {
  const end = bytes.subarray(0, HEADER_MAX_BYTES).indexOf(10);
  if (end < 0) return { rejected: 'no header line' };
  const match = HEADER.exec(bytes.toString('latin1', 0, end));
  if (match === null) return { rejected: 'malformed header' };
  if (Number(match[1]) !== CACHE_ENTRY_FORMAT) return { rejected: `entry format ${match[1]}, not ${CACHE_ENTRY_FORMAT}` };
  if (match[2] !== key) return { rejected: 'written for another key' };
  const body = bytes.subarray(end + 1);
  if (body.length !== Number(match[3])) return { rejected: `body has ${body.length} bytes, the header says ${match[3]}` };
  if (nodeSha256Hex(body) !== match[4]) return { rejected: 'body does not match its SHA-256' };
  return { body };
}

/** What reading a cache entry found. */
export type EntryRead =
  | { readonly status: 'hit'; readonly snapshot: DatasetSnapshot }
  | { readonly status: 'absent' }
  /** `warning` when the user should hear of it (something that is not our entry, or an unreadable one). */
  | { readonly status: 'rejected'; readonly reason: string; readonly warning?: string };

/**
 * Reads and checks the entry for a key. Never throws, never blocks on a FIFO, never follows a symlink, never reads
 * more than `maxBytes`. A malformed or mismatched entry is deleted, so the next writer starts clean.
 */
export async function readCacheEntry(path: string, key: string, maxBytes: number): Promise<EntryRead> {
  let info: Stats;
  try {
    info = await lstat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent' };
    return rejectedWithWarning(`cannot read it (${code})`, `tthc: cannot read the snapshot cache entry ${path} (${code}); parsed the data`);
  }
  if (!info.isFile()) {
    const kind = fileKind(info);
    return rejectedWithWarning(`not a regular file (${kind})`, `tthc: the snapshot cache entry ${path} is not a regular file (${kind}); ignored it and parsed the data`);
  }
  if (info.size > maxBytes) {
    return rejectedWithWarning(
      `${info.size} bytes, more than the cap of ${maxBytes}`,
      `tthc: the snapshot cache entry ${path} has ${info.size} bytes, more than the cache cap of ${maxBytes}; ignored it`,
    );
  }
  const read = await readBounded(path, maxBytes, info);
  if ('rejected' in read) return { status: 'rejected', reason: read.rejected, ...(read.warning === undefined ? {} : { warning: read.warning }) };
  const parsed = parseCacheEntry(read.bytes, key);
  const snapshot = 'body' in parsed ? parseSnapshot(parsed.body, key) : parsed;
  if ('rejected' in snapshot) {
    // Only the file judged: a writer may have renamed a good entry into place since.
    const now = await lstat(path).catch(() => undefined);
    if (now !== undefined && now.ino === info.ino && now.dev === info.dev) await unlink(path).catch(() => undefined);
    return { status: 'rejected', reason: snapshot.rejected };
  }
  // A hit renews the entry, so eviction by age removes the least recently used entries, not the oldest written.
  const now = new Date();
  await utimes(path, now, now).catch(() => undefined);
  return { status: 'hit', snapshot: snapshot.snapshot };
}

/**
 * Reads the shipped snapshot when it is the one for this key. Its first bytes are checked for the key before the
 * whole file is read, because most data sets routed from `--data` directories are not the shipped one.
 */
export async function readShippedSnapshot(path: string, key: string): Promise<DatasetSnapshot | undefined> {
  // Follows a symlink, unlike cache entries: some installers link a package's files into place.
  const read = await readBounded(path, SHIPPED_SNAPSHOT_MAX_BYTES, undefined, `"key":"${key}"`);
  if ('rejected' in read) return undefined;
  const snapshot = parseSnapshot(read.bytes, key);
  return 'snapshot' in snapshot ? snapshot.snapshot : undefined;
}

/**
 * The shipped snapshot trusted by its own digest (the SHA-256 of its bytes written beside it at build time,
 * `data-snapshot.json.sha256`), without reading the YAML it was built from; undefined when either file is missing,
 * the digest does not match, or it is not a snapshot of this library version.
 */
export async function readPackagedSnapshot(path: string): Promise<DatasetSnapshot | undefined> {
  const digest = await readBounded(`${path}.sha256`, 1024, undefined);
  if ('rejected' in digest) return undefined;
  const expected = /^([0-9a-f]{64})\b/.exec(digest.bytes.toString('utf8'))?.[1];
  if (expected === undefined) return undefined;
  const read = await readBounded(path, SHIPPED_SNAPSHOT_MAX_BYTES, undefined);
  if ('rejected' in read || nodeSha256Hex(read.bytes) !== expected) return undefined;
  const snapshot = parseSnapshot(read.bytes);
  return 'snapshot' in snapshot ? snapshot.snapshot : undefined;
}

/** The line written beside the shipped snapshot: its SHA-256, as `sha256sum` prints it. */
export function packagedDigestLine(bytes: Buffer, name: string): string {
  return `${nodeSha256Hex(bytes)}  ${name}\n`;
}

/** What writing an entry did: written, or the error code that stopped it. */
export type EntryWrite = { readonly written: true } | { readonly written: false; readonly code: string };

/** Writes an entry atomically: a temp file in the same directory, renamed over the entry. */
export async function writeCacheEntry(path: string, bytes: Buffer): Promise<EntryWrite> {
  try {
    await writeFileAtomic(path, bytes);
    return { written: true };
  } catch (error) {
    return { written: false, code: errorCode(error) };
  }
}

/** Writes a plain file atomically (the shipped snapshot, which browsers fetch as it is). */
export async function writeFileAtomically(path: string, bytes: Buffer): Promise<void> {
  await writeFileAtomic(path, bytes);
}

/**
 * Creates the cache directory when missing; for the shared temporary directory, also checks it is a directory of this
 * user that no one else can write, since another user could otherwise plant entries. Resolves to the error code when
 * the directory cannot be used.
 */
export async function prepareCacheDir(location: CacheLocation): Promise<string | undefined> {
  try {
    await mkdir(location.dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return errorCode(error);
  }
  return location.mustBePrivate ? checkPrivate(location.dir) : undefined;
}

/** Whether the directory may be read: for the shared temporary directory, only when it is private to this user. */
export async function isReadableCacheDir(location: CacheLocation): Promise<boolean> {
  if (!location.mustBePrivate) return true;
  const problem = await checkPrivate(location.dir);
  return problem === undefined || problem === 'ENOENT';
}

/**
 * Deletes entries, least recently used first, until the entries in the directory total at most `maxBytes`; `keep` is
 * never deleted. Only files named like entries (and orphaned temp files) are touched, so a TTHC_CACHE_DIR shared with
 * other tools is safe. Never throws.
 */
export async function evictCache(dir: string, maxBytes: number, keep: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const entries: { path: string; size: number; mtimeMs: number }[] = [];
  let total = 0;
  for (const name of names) {
    const isEntry = ENTRY_NAME.test(name);
    if (!isEntry && !TEMP_NAME.test(name)) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    if (!isEntry) {
      if (Date.now() - info.mtimeMs > ORPHAN_TEMP_MS) await unlink(path).catch(() => undefined);
      else total += info.size;
      continue;
    }
    total += info.size;
    if (path !== keep) entries.push({ path, size: info.size, mtimeMs: info.mtimeMs });
  }
  entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const entry of entries) {
    if (total <= maxBytes) break;
    try {
      await unlink(entry.path);
      total -= entry.size;
    } catch {
      // another process evicted it first, or it cannot be deleted: go on with the next
    }
  }
}

/** The error code of a node:fs error, else its message. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- internals


function rejectedWithWarning(reason: string, warning: string): EntryRead {
  return { status: 'rejected', reason, warning };
}

/** A snapshot of this library version from a body, of the data with `key` when one is given. */
function parseSnapshot(body: Buffer, key?: string): { readonly snapshot: DatasetSnapshot } | { readonly rejected: string } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { rejected: 'body is not JSON' };
  }
  if (!isCurrentSnapshot(value)) return { rejected: 'not a snapshot of this library version' };
  if (key !== undefined && value.key !== key) return { rejected: 'snapshot of other data' };
  return { snapshot: value };
}

/**
 * Reads a whole regular file of at most `maxBytes`, checking after opening (fstat) that it is the file looked at
 * (`seen`) and still regular. With `expect`, reads the first bytes only, and stops when they lack it.
 */
async function readBounded(
  path: string,
  maxBytes: number,
  seen: Stats | undefined,
  expect?: string,
): Promise<{ readonly bytes: Buffer } | { readonly rejected: string; readonly warning?: string }> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, seen === undefined ? constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) : READ_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) return { rejected: `not a regular file (${fileKind(info)})` };
    if (seen !== undefined && (info.ino !== seen.ino || info.dev !== seen.dev)) return { rejected: 'replaced while being read' };
    if (info.size > maxBytes) return { rejected: `${info.size} bytes, more than the limit of ${maxBytes}` };
    if (expect !== undefined) {
      const head = Buffer.alloc(Math.min(info.size, SHIPPED_PEEK_BYTES));
      await readFully(handle, head, 0);
      if (!head.includes(expect)) return { rejected: 'not the snapshot for this key' };
    }
    const bytes = Buffer.alloc(info.size);
    const length = await readFully(handle, bytes, 0);
    return { bytes: bytes.subarray(0, length) };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { rejected: 'absent' };
    // ELOOP: a symlink swapped in after lstat, refused by O_NOFOLLOW.
    return { rejected: `cannot read it (${code})`, ...(seen === undefined ? {} : { warning: `tthc: cannot read the snapshot cache entry ${path} (${code}); parsed the data` }) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function readFully(handle: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let at = 0;
  while (at < buffer.length) {
    const { bytesRead } = await handle.read(buffer, at, buffer.length - at, position + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at;
}

async function checkPrivate(dir: string): Promise<string | undefined> {
  const info = await lstat(dir).catch((error: unknown) => errorCode(error));
  if (typeof info === 'string') return info;
  if (!info.isDirectory()) return 'not a directory';
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid !== undefined && info.uid !== uid) return 'owned by another user';
  if ((info.mode & 0o022) !== 0) return 'writable by other users';
  return undefined;
}

function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isDirectory()) return 'a directory';
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}
