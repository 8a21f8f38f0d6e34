/**
 * Loading data directories from disk into a dataset, and finding the data shipped inside the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceText } from '../source/files.js';
import { mayHoldSuppressions } from '../format/suppress.js';
import type { Dataset } from '../dataset.js';
import type { Catalog } from '../catalog/catalog.js';
import { TthcError } from '../errors.js';
import type { Issue } from '../errors.js';
import { UsageError } from './command.js';
import { readSourceTexts } from './read.js';
import { nodeSha256Hex } from './sha256.js';
import { expectOptions, expectPaths } from '../arguments.js';

/** A dataset read from disk, with everything needed to report on it. */
export interface LoadedDataset {
  readonly dataset: Dataset;
  readonly issues: readonly Issue[];
  /** The catalogue of the files that passed, when a catalogue file failed (for reports, never for routing). */
  readonly partialCatalog?: Catalog;
  /** Every file read, as shown in issues (and paths that could not be read). */
  readonly files: readonly string[];
  /** How many files were looked at, readable or not; directories and links not counted (an unreadable directory is an issue, not a file). */
  readonly fileCount: number;
  /**
   * Text of the files read, keyed as in issues: every file (for code frames), or with `sources: 'suppressions'` only
   * those holding a `tthc-disable-next-line` comment.
   */
  readonly sources: ReadonlyMap<string, string>;
}

export interface LoadDatasetOptions {
  /** Paths in issues are relative to this directory (default: process.cwd()). */
  readonly cwd?: string;
  /** Treat a path that does not exist as a usage error instead of an issue. */
  readonly requirePaths?: boolean;
  /** Compute the catalogue's content hash (default true); validation that only reports turns it off. */
  readonly hash?: boolean;
  /**
   * Which texts to keep in `sources` (default `all`). `suppressions` keeps only what applySuppressions needs, so the
   * texts of a large catalogue (about 22 MB in memory for the shipped one) are let go while it is built.
   */
  readonly sources?: 'all' | 'suppressions';
}

/** Reads and checks every YAML file under the given files or directories. Never throws on bad data. */
export async function loadDatasetFromPaths(paths: readonly string[], options: LoadDatasetOptions = {}): Promise<LoadedDataset> {
  expectPaths(paths);
  expectOptions(options);
  const cwd = options.cwd ?? process.cwd();
  if (options.requirePaths === true) {
    for (const path of paths) {
      const absolute = isAbsolute(path) ? path : resolve(cwd, path);
      if (!(await exists(absolute))) throw new UsageError(`no such file or directory: ${path}`, `không có tệp hoặc thư mục: ${path}`);
    }
  }
  const { pending, readIssues, fileCount, files, sources } = await readForParsing(paths, cwd, options.sources ?? 'all');
  // Loaded here so that what only reads the package's paths or a snapshot does not load the parser and its schemas.
  const { parseDatasetReleasing } = await import('../dataset.js');
  const { dataset, issues, partialCatalog } = parseDatasetReleasing(pending, options.hash === false ? { hash: false } : { sha256Hex: nodeSha256Hex });
  return {
    dataset,
    issues: [...readIssues, ...issues],
    files,
    fileCount,
    ...(partialCatalog === undefined ? {} : { partialCatalog }),
    sources,
  };
}

/** The texts under `paths` in an array the parser empties as it reads, with what the report needs of them. */
async function readForParsing(paths: readonly string[], cwd: string, keep: 'all' | 'suppressions') {
  const read = await readSourceTexts(paths, { cwd });
  const names = [...read.sources.map((source) => source.file), ...read.issues.flatMap((issue) => (issue.file === undefined ? [] : [issue.file]))];
  const kept = keep === 'all' ? read.sources : read.sources.filter((source) => mayHoldSuppressions(source.text));
  return {
    pending: [...read.sources] as (SourceText | undefined)[],
    readIssues: read.issues,
    fileCount: read.fileCount,
    files: [...new Set(names)].sort(),
    sources: new Map(kept.map((source) => [source.file, source.text])) as ReadonlyMap<string, string>,
  };
}

/** The `catalog` and `rules` directories under `cwd`, or a usage error when neither exists. */
export async function defaultDataPaths(cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of ['catalog', 'rules']) if (await exists(join(cwd, name))) found.push(name);
  if (found.length === 0) throw new UsageError('no catalog/ or rules/ directory here; pass the paths to check', 'thư mục này không có catalog/ hoặc rules/; hãy nêu các đường dẫn cần kiểm tra');
  return found;
}

/**
 * The data directories to route with: `--data` directories when given, else `catalog` and `rules` under cwd when
 * both exist, else the data shipped inside the package.
 */
export function dataPathsFor(cwd: string, dataDirs: readonly string[] | undefined): string[] {
  if (dataDirs !== undefined && dataDirs.length > 0) return dataDirs.map((dir) => (isAbsolute(dir) ? dir : resolve(cwd, dir)));
  if (existsSync(join(cwd, 'catalog')) && existsSync(join(cwd, 'rules'))) return [join(cwd, 'catalog'), join(cwd, 'rules')];
  return shippedDataPaths();
}

/** The catalogue and rules directories shipped inside the tthc package. */
export function shippedDataPaths(): string[] {
  const root = packageRoot();
  return [join(root, 'catalog'), join(root, 'rules')];
}

let cachedRoot: string | undefined;

/** The directory holding tthc's package.json, found from this module's own location. */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown }).name === 'tthc') return (cachedRoot = dir);
      } catch {
        // not ours; keep going up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new TthcError('IO_ERROR', 'cannot find the tthc package directory holding the shipped data', {
        messageVi: 'không tìm thấy thư mục của gói tthc, nơi chứa dữ liệu đi kèm thư viện',
      });
    }
    dir = parent;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
