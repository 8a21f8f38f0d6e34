/**
 * Loading a complete dataset (catalogue, calendar, rules) fast: from the snapshot shipped in the package or one in the
 * per-user cache when the files are unchanged, else by parsing the YAML and caching the result. A cache entry is used
 * only when its bytes match the digest in its header and it was written for these exact texts; anything else is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Dataset } from '../dataset.js';
import { compareIssues, InvalidDataError, TthcError } from '../errors.js';
import type { Issue } from '../errors.js';
import { datasetFromSnapshot } from '../snapshot.js';
import type { DatasetSnapshot } from '../snapshot.js';
import type { SourceText } from '../source/files.js';
import { VERSION } from '../version.js';
import { acquireLock } from './_cache-lock.js';
import {
  cacheEntryPath,
  cacheLocationFor,
  createCacheEntry,
  DEFAULT_CACHE_MAX_BYTES,
  evictCache,
  isReadableCacheDir,
  prepareCacheDir,
  readCacheEntry,
  packagedDigestLine,
  readPackagedSnapshot,
  readShippedSnapshot,
  writeCacheEntry,
  writeFileAtomically,
} from './_cache-store.js';
import type { CacheLocation } from './_cache-store.js';
import { packageRoot, shippedDataPaths } from './load.js';
import { nodeSha256Hex } from './sha256.js';
import { readSourceTexts } from './read.js';
import { expectOptions, expectPaths, expectSourceTexts } from '../arguments.js';

/** A dataset with every part routing needs. */
export type CompleteDataset = Dataset & Required<Pick<Dataset, 'catalog' | 'calendar' | 'rules'>>;

/** Where a loaded dataset came from, told to {@link LoadCompleteDatasetOptions.onLoad}. */
export interface DatasetLoadInfo {
  /**
   * `packaged`: the snapshot of an installed package, trusted by its digest without reading the YAML (loadShippedRouter);
   * `shipped`: the snapshot in the package, matched by the YAML's key; `cache`: the per-user cache; `parsed`: the
   * YAML, parsed and checked.
   */
  readonly source: 'packaged' | 'shipped' | 'cache' | 'parsed';
  /** The snapshot key: a SHA-256 of the source texts (see {@link snapshotKey}). */
  readonly key: string;
  /** The snapshot read (shipped, cache), or the cache entry written after parsing; absent when none was. */
  readonly file?: string;
  /** Why a cache entry found for this key was not used (damaged, not a regular file, ...), when one was refused. */
  readonly rejected?: string;
  /** True when this process waited for another one writing the same cache entry. */
  readonly waited?: boolean;
}

export interface LoadCompleteDatasetOptions {
  readonly cwd?: string;
  /** Skip snapshots and caches (also: environment variable TTHC_NO_CACHE=1). */
  readonly noCache?: boolean;
  /**
   * The snapshot cache directory. Default: TTHC_CACHE_DIR, else $XDG_CACHE_HOME/tthc, else ~/.cache/tthc, else
   * <os.tmpdir()>/tthc-<uid> (which must then be a directory of this user that no one else can write).
   */
  readonly cacheDir?: string;
  /**
   * Cap in bytes on the cache directory's entries; after each write the least recently used are deleted beyond it,
   * and a snapshot larger than the cap is not cached. Default: TTHC_CACHE_MAX_BYTES, else 64 MiB (67108864).
   */
  readonly cacheMaxBytes?: number;
  /**
   * Receives one line (no newline, starting `tthc: `) when the cache cannot be read or written, so that every run
   * parses the data, at most once per call. Default: `process.emitWarning`, once per message per process; the CLI
   * passes its stderr.
   * @example loadCompleteDataset(paths, { onWarning: (line) => logger.warn(line) })
   */
  readonly onWarning?: (message: string) => void;
  /** Told where the dataset came from (shipped snapshot, cache, or parsed), e.g. for logging or tests. */
  readonly onLoad?: (info: DatasetLoadInfo) => void;
}

/**
 * Loads catalogue, calendar and rules from directories, ready for a router: from a snapshot when the files are
 * unchanged, else parsed and checked (and the snapshot cached for the next run).
 * @throws InvalidDataError when the data has errors (run `tthc validate` for the list) or lacks a part.
 * @throws TthcError INVALID_ARGUMENT when `cacheMaxBytes` is not a whole number of bytes.
 * @example
 * const dataset = await loadCompleteDataset(['catalog', 'rules'], { onLoad: ({ source }) => console.log(source) });
 */
export async function loadCompleteDataset(paths: readonly string[], options: LoadCompleteDatasetOptions = {}): Promise<CompleteDataset> {
  expectPaths(paths);
  expectOptions(options);
  const read = await readSourceTexts(paths, options.cwd === undefined ? {} : { cwd: options.cwd });
  if (read.issues.length > 0) throw dataError(read.issues, DATA_LABEL.data);
  return loadCompleteDatasetFromSources(read.sources, { ...options, label: { en: `the data in ${paths.join(', ')}`, vi: `dữ liệu trong ${paths.join(', ')}` } });
}

/**
 * Like {@link loadCompleteDataset}, from texts already read (from disk or from a git commit).
 * @throws InvalidDataError when the data has errors or lacks a part.
 */
export async function loadCompleteDatasetFromSources(
  texts: readonly SourceText[],
  options: LoadCompleteDatasetOptions & { readonly label?: DataLabel } = {},
): Promise<CompleteDataset> {
  const label = options.label ?? DATA_LABEL.data;
  const sources = texts.filter((source) => !isScenarioFile(source));
  const key = snapshotKey(sources);
  const tell = (info: DatasetLoadInfo): void => options.onLoad?.(info);
  if (options.noCache === true || process.env['TTHC_NO_CACHE'] !== undefined) {
    const { dataset } = await parseChecked(sources, key, label);
    tell({ source: 'parsed', key });
    return dataset;
  }

  const shippedPath = join(packageRoot(), 'dist', 'data-snapshot.json');
  const shipped = await readShippedSnapshot(shippedPath, key);
  const fromShipped = shipped === undefined ? undefined : completeOrUndefined(shipped, label);
  if (fromShipped !== undefined) {
    tell({ source: 'shipped', key, file: shippedPath });
    return fromShipped;
  }

  const warn = oneWarning(options.onWarning ?? emitProcessWarning);
  const maxBytes = cacheMaxBytes(options, warn);
  const location: CacheLocation =
    options.cacheDir === undefined
      ? cacheLocationFor(process.env, options.cwd ?? process.cwd())
      : { dir: resolve(options.cwd ?? process.cwd(), options.cacheDir), mustBePrivate: false };
  const cannotWrite = (code: string): void =>
    warn(`tthc: cannot write the snapshot cache at ${location.dir} (${code}); every run will parse the data (set TTHC_CACHE_DIR)`);
  if (!(await isReadableCacheDir(location))) {
    cannotWrite((await prepareCacheDir(location)) ?? 'not private');
    const { dataset } = await parseChecked(sources, key, label);
    tell({ source: 'parsed', key });
    return dataset;
  }

  const entry = cacheEntryPath(location.dir, key);
  let rejected: string | undefined;
  const lookUp = async (): Promise<CompleteDataset | undefined> => {
    const read = await readCacheEntry(entry, key, maxBytes);
    if (read.status === 'absent') return undefined;
    if (read.status === 'rejected') {
      rejected ??= read.reason;
      if (read.warning !== undefined) warn(read.warning);
      return undefined;
    }
    const dataset = completeOrUndefined(read.snapshot, label);
    if (dataset === undefined) rejected ??= 'its data is not a complete dataset';
    return dataset;
  };
  const hit = (dataset: CompleteDataset, waited: boolean): CompleteDataset => {
    tell({ source: 'cache', key, file: entry, ...(waited ? { waited } : {}) });
    return dataset;
  };

  const cached = await lookUp();
  if (cached !== undefined) return hit(cached, false);

  const dirProblem = await prepareCacheDir(location);
  if (dirProblem !== undefined) {
    cannotWrite(dirProblem);
    const { dataset } = await parseChecked(sources, key, label);
    tell({ source: 'parsed', key, ...(rejected === undefined ? {} : { rejected }) });
    return dataset;
  }

  const lock = await acquireLock(`${entry}.lock`);
  let release: (() => Promise<void>) | undefined;
  if (lock.status === 'acquired') {
    release = lock.release;
  } else if (lock.status === 'released') {
    const written = await lookUp();
    if (written !== undefined) return hit(written, true);
    // The writer wrote nothing usable (its data had errors, or the entry is over the cap): parse without queueing
    // behind one another for the lock.
  } else if (lock.status === 'timeout') {
    warn(`tthc: another process has been writing the snapshot cache entry ${entry} for too long; parsing the data here`);
  }
  // A lock that cannot be created (read-only directory) is reported by the write that then fails the same way.

  try {
    if (release !== undefined) {
      // Another process may have written the entry between the first look and taking the lock.
      const written = await lookUp();
      if (written !== undefined) return hit(written, false);
    }
    const { dataset, snapshot } = await parseChecked(sources, key, label);
    const bytes = createCacheEntry(key, Buffer.from(JSON.stringify(snapshot)));
    let file: string | undefined;
    if (bytes.length > maxBytes) {
      warn(`tthc: the snapshot (${bytes.length} bytes) is larger than the cache cap of ${maxBytes} bytes (TTHC_CACHE_MAX_BYTES); every run will parse the data`);
    } else {
      const write = await writeCacheEntry(entry, bytes);
      if (write.written) {
        file = entry;
        await evictCache(location.dir, maxBytes, entry);
      } else {
        cannotWrite(write.code);
      }
    }
    tell({ source: 'parsed', key, ...(file === undefined ? {} : { file }), ...(rejected === undefined ? {} : { rejected }) });
    return dataset;
  } finally {
    await release?.();
  }
}

/**
 * Parses and checks the texts; a complete dataset and its snapshot, or an InvalidDataError with every error. The
 * parser, the schemas and the YAML library are loaded here, on first use, so that a start from a snapshot never loads
 * them.
 */
async function parseChecked(sources: readonly SourceText[], key: string, label: DataLabel): Promise<{ dataset: CompleteDataset; snapshot: DatasetSnapshot }> {
  const [{ parseDataFiles }, { buildDataset, DATA_FILE_SCHEMAS }, { createSnapshot }] = await Promise.all([
    import('../source/files.js'),
    import('../dataset.js'),
    import('../snapshot-create.js'),
  ]);
  const parsed = parseDataFiles(sources, DATA_FILE_SCHEMAS);
  const built = buildDataset(parsed.files, parsed.failed.map((entry) => entry.kind), { sha256Hex: nodeSha256Hex });
  const errors = parsed.issues.concat(built.issues).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw dataError(errors, label);
  const dataset = complete(built.dataset, label);
  return { dataset, snapshot: createSnapshot(parsed.files, key, dataset) };
}

/** The key of a set of source texts: a SHA-256 over the texts in read order. */
export function snapshotKey(sources: readonly SourceText[]): string {
  expectSourceTexts(sources);
  const hash = createHash('sha256');
  hash.update(`tthc ${VERSION}\n`);
  for (const source of sources) {
    hash.update(`${source.text.length}\n`);
    hash.update(source.text);
  }
  return hash.digest('hex');
}

/**
 * The data shipped in an installed package, from its snapshot alone (checked by the digest written beside it), so
 * start-up does not read and hash the YAML. Not in a development checkout (a `src` directory beside `dist`), where
 * the YAML may have changed since the last build, and not with `noCache` or TTHC_NO_CACHE; undefined then, and when
 * the snapshot is missing or does not match its digest: the caller reads the YAML. `routing` reads the routing-only
 * snapshot (createRoutingSnapshot), for callers that only route.
 */
export async function loadPackagedDataset(options: LoadCompleteDatasetOptions = {}, variant: SnapshotVariant = 'full'): Promise<CompleteDataset | undefined> {
  const root = packageRoot();
  if (options.noCache === true || process.env['TTHC_NO_CACHE'] !== undefined || (await isDirectory(join(root, 'src')))) return undefined;
  const file = join(root, 'dist', PACKAGED_SNAPSHOT_FILES[variant]);
  const snapshot = await readPackagedSnapshot(file);
  const dataset = snapshot === undefined ? undefined : completeOrUndefined(snapshot, DATA_LABEL.shipped);
  if (dataset !== undefined) options.onLoad?.({ source: 'packaged', key: snapshot!.key, file });
  return dataset;
}

/**
 * loadCompleteDataset for the CLI's data paths: the packaged snapshot when the paths are the package's own catalogue
 * and rules (no --data, no catalog/ and rules/ in the working directory), else the files. `routing` loads the
 * routing-only snapshot, for commands that only route.
 */
export async function loadDatasetForPaths(paths: readonly string[], options: LoadCompleteDatasetOptions = {}, variant: SnapshotVariant = 'full'): Promise<CompleteDataset> {
  const shipped = shippedDataPaths();
  const isShipped = paths.length === shipped.length && paths.every((path, index) => path === shipped[index]);
  return (isShipped ? await loadPackagedDataset(options, variant) : undefined) ?? (await loadCompleteDataset(paths, options));
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

/** The packaged snapshots, in dist/: the full one and the routing-only projection (createRoutingSnapshot). */
export type SnapshotVariant = 'full' | 'routing';
export const PACKAGED_SNAPSHOT_FILES: Readonly<Record<SnapshotVariant, string>> = Object.freeze({
  full: 'data-snapshot.json',
  routing: 'routing-snapshot.json',
});

/**
 * Writes the snapshots of the data shipped in the package into a directory (run at build time): the full one and the
 * routing-only one, each with its SHA-256 beside it.
 */
export async function writeShippedSnapshot(paths: readonly string[], targetDir: string): Promise<DatasetSnapshot> {
  const read = await readSourceTexts(paths, { cwd: packageRoot() });
  if (read.issues.length > 0) throw dataError(read.issues, DATA_LABEL.shipped);
  const sources = read.sources.filter((source) => !isScenarioFile(source));
  const { snapshot } = await parseChecked(sources, snapshotKey(sources), DATA_LABEL.shipped);
  const { createRoutingSnapshot } = await import('../snapshot-routing.js');
  // Unlike a cache write, a failure here throws: a build must not report a snapshot it did not write.
  await mkdir(targetDir, { recursive: true });
  for (const [variant, content] of [['full', snapshot], ['routing', createRoutingSnapshot(snapshot)]] as const) {
    const name = PACKAGED_SNAPSHOT_FILES[variant];
    const bytes = Buffer.from(JSON.stringify(content));
    await writeFileAtomically(join(targetDir, name), bytes);
    await writeFileAtomically(join(targetDir, `${name}.sha256`), Buffer.from(packagedDigestLine(bytes, name)));
  }
  return snapshot;
}

function complete(dataset: Dataset, label: DataLabel): CompleteDataset {
  const { catalog, calendar, rules } = dataset;
  if (catalog === undefined || calendar === undefined || rules === undefined) {
    const missing = [catalog === undefined ? 'catalogue' : '', calendar === undefined ? 'calendar' : '', rules === undefined ? 'routing rules' : ''];
    const missingVi = [catalog === undefined ? 'danh mục' : '', calendar === undefined ? 'lịch làm việc' : '', rules === undefined ? 'quy tắc' : ''];
    throw new TthcError('INVALID_DATA', `${label.en} has no ${missing.filter(Boolean).join(', ')} files`, {
      messageVi: `${label.vi} không có tệp ${missingVi.filter(Boolean).join(', ')}`,
    });
  }
  return { ...dataset, catalog, calendar, rules };
}

function dataError(issues: readonly Issue[], label: DataLabel): InvalidDataError {
  const sorted = [...issues].sort(compareIssues);
  const first = sorted[0]!;
  const where = `${first.file ?? ''}${first.line === undefined ? '' : `:${first.line}:${first.column}`}`;
  return new InvalidDataError(
    {
      en: `${label.en} has ${sorted.length} error${sorted.length === 1 ? '' : 's'}, first ${where} ${first.code} ${first.message}; run "tthc validate" on it`,
      vi: `${label.vi} có ${sorted.length} lỗi, lỗi đầu tiên ${where} ${first.code} ${first.messageVi ?? first.message}; hãy chạy "tthc validate" để kiểm tra`,
    },
    sorted,
  );
}

/** What a message calls the data it loaded, in both languages. */
interface DataLabel {
  readonly en: string;
  readonly vi: string;
}

const DATA_LABEL = Object.freeze({
  data: Object.freeze({ en: 'the data', vi: 'dữ liệu' }),
  shipped: Object.freeze({ en: 'the shipped data', vi: 'dữ liệu đi kèm thư viện' }),
});

/** The dataset of a snapshot when it has every part, else undefined (it is then parsed from the texts instead). */
function completeOrUndefined(snapshot: DatasetSnapshot, label: DataLabel): CompleteDataset | undefined {
  try {
    return complete(datasetFromSnapshot(snapshot), label);
  } catch {
    return undefined;
  }
}

function cacheMaxBytes(options: LoadCompleteDatasetOptions, warn: (message: string) => void): number {
  if (options.cacheMaxBytes !== undefined) {
    if (!Number.isSafeInteger(options.cacheMaxBytes) || options.cacheMaxBytes < 0) {
      throw new TthcError('INVALID_ARGUMENT', `cacheMaxBytes must be a whole number of bytes, at least 0; got ${options.cacheMaxBytes}`, {
        messageVi: `cacheMaxBytes phải là một số byte nguyên, từ 0 trở lên; nhận được ${options.cacheMaxBytes}`,
      });
    }
    return options.cacheMaxBytes;
  }
  const text = process.env['TTHC_CACHE_MAX_BYTES'];
  if (text === undefined || text === '') return DEFAULT_CACHE_MAX_BYTES;
  if (/^\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  warn(`tthc: TTHC_CACHE_MAX_BYTES must be a whole number of bytes; got "${text}", using ${DEFAULT_CACHE_MAX_BYTES}`);
  return DEFAULT_CACHE_MAX_BYTES;
}

/** Passes on the first warning of a load only: one line is enough to say the cache is not working. */
function oneWarning(sink: (message: string) => void): (message: string) => void {
  let warned = false;
  return (message) => {
    if (warned) return;
    warned = true;
    sink(message);
  };
}

// A module-level memo, so that a long-running process that loads many datasets does not repeat the same line.
const emitted = new Set<string>();

function emitProcessWarning(message: string): void {
  if (emitted.has(message)) return;
  emitted.add(message);
  process.emitWarning(message, { code: 'TTHC_CACHE' });
}

/** Scenario files are test cases, not data a router needs: they never enter a snapshot or its key. */
function isScenarioFile(source: SourceText): boolean {
  return /^kind:\s*["']?scenarios\b/m.test(source.text);
}
