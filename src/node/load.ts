/**
 * Loading data directories from disk into a dataset, and finding the data shipped inside the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../dataset.js';
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
  /** Text of every file read, keyed as in issues (for code frames). */
  readonly sources: ReadonlyMap<string, string>;
}

export interface LoadDatasetOptions {
  /** Paths in issues are relative to this directory (default: process.cwd()). */
  readonly cwd?: string;
  /** Treat a path that does not exist as a usage error instead of an issue. */
  readonly requirePaths?: boolean;
  /** Compute the catalogue's content hash (default true); validation that only reports turns it off. */
  readonly hash?: boolean;
}

/** Reads and checks every YAML file under the given files or directories. Never throws on bad data. */
export async function loadDatasetFromPaths(paths: readonly string[], options: LoadDatasetOptions = {}): Promise<LoadedDataset> {
  expectPaths(paths);
  expectOptions(options);
  const cwd = options.cwd ?? process.cwd();
  if (options.requirePaths === true) {
    for (const path of paths) {
      const absolute = isAbsolute(path) ? path : resolve(cwd, path);
      if (!(await exists(absolute))) throw new UsageError(`no such file or directory: ${path}`);
    }
  }
  const read = await readSourceTexts(paths, { cwd });
  const { dataset, issues, partialCatalog } = parseDataset(read.sources, options.hash === false ? { hash: false } : { sha256Hex: nodeSha256Hex });
  const files = [...read.sources.map((source) => source.file), ...read.issues.flatMap((issue) => (issue.file === undefined ? [] : [issue.file]))];
  return {
    dataset,
    issues: [...read.issues, ...issues],
    files: [...new Set(files)].sort(),
    fileCount: read.fileCount,
    ...(partialCatalog === undefined ? {} : { partialCatalog }),
    sources: new Map(read.sources.map((source) => [source.file, source.text])),
  };
}

/** The `catalog` and `rules` directories under `cwd`, or a usage error when neither exists. */
export async function defaultDataPaths(cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of ['catalog', 'rules']) if (await exists(join(cwd, name))) found.push(name);
  if (found.length === 0) throw new UsageError('no catalog/ or rules/ directory here; pass the paths to check');
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
    if (parent === dir) throw new TthcError('IO_ERROR', 'cannot find the tthc package directory holding the shipped data');
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
