/**
 * Loading a complete dataset (catalogue, calendar, rules) fast: from the snapshot shipped in the package or a cached
 * one when the files are unchanged, else by parsing the YAML and caching the result.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDataset, DATA_FILE_SCHEMAS } from '../dataset.js';
import type { Dataset } from '../dataset.js';
import { compareIssues, InvalidDataError, TthcError } from '../errors.js';
import type { Issue } from '../errors.js';
import { createSnapshot, datasetFromSnapshot, isCurrentSnapshot } from '../snapshot.js';
import type { DatasetSnapshot } from '../snapshot.js';
import { parseDataFiles } from '../source/files.js';
import type { SourceText } from '../source/files.js';
import { VERSION } from '../version.js';
import { packageRoot } from './load.js';
import { readSourceTexts } from './read.js';

/** A dataset with every part routing needs. */
export type CompleteDataset = Dataset & Required<Pick<Dataset, 'catalog' | 'calendar' | 'rules'>>;

export interface LoadCompleteDatasetOptions {
  readonly cwd?: string;
  /** Skip snapshots and caches (also: environment variable TTHC_NO_CACHE=1). */
  readonly noCache?: boolean;
}

/**
 * Loads catalogue, calendar and rules from directories, ready for a router.
 * @throws InvalidDataError when the data has errors (run `tthc validate` for the list) or lacks a part.
 */
export async function loadCompleteDataset(paths: readonly string[], options: LoadCompleteDatasetOptions = {}): Promise<CompleteDataset> {
  const read = await readSourceTexts(paths, options.cwd === undefined ? {} : { cwd: options.cwd });
  if (read.issues.length > 0) throw dataError(read.issues, 'the data');
  return loadCompleteDatasetFromSources(read.sources, { ...options, label: `the data in ${paths.join(', ')}` });
}

/**
 * Like {@link loadCompleteDataset}, from texts already read (from disk or from a git commit).
 * @throws InvalidDataError when the data has errors or lacks a part.
 */
export async function loadCompleteDatasetFromSources(
  texts: readonly SourceText[],
  options: LoadCompleteDatasetOptions & { readonly label?: string } = {},
): Promise<CompleteDataset> {
  const label = options.label ?? 'the data';
  const sources = texts.filter((source) => !isScenarioFile(source));
  const key = snapshotKey(sources);
  const useCache = options.noCache !== true && process.env['TTHC_NO_CACHE'] === undefined;

  if (useCache) {
    for (const candidate of snapshotCandidates(key)) {
      const snapshot = await readSnapshot(candidate);
      if (snapshot !== undefined && snapshot.key === key) {
        try {
          return complete(datasetFromSnapshot(snapshot), label);
        } catch {
          // a damaged cache entry: fall through to parsing
        }
      }
    }
  }

  const { dataset, snapshot } = parseChecked(sources, key, label);
  if (useCache) await writeSnapshot(cacheFile(key), snapshot);
  return dataset;
}

/** Parses and checks the texts; a complete dataset and its snapshot, or an InvalidDataError with every error. */
function parseChecked(sources: readonly SourceText[], key: string, label: string): { dataset: CompleteDataset; snapshot: DatasetSnapshot } {
  const parsed = parseDataFiles(sources, DATA_FILE_SCHEMAS);
  const built = buildDataset(parsed.files, parsed.failed.map((entry) => entry.kind));
  const errors = parsed.issues.concat(built.issues).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw dataError(errors, label);
  const dataset = complete(built.dataset, label);
  return { dataset, snapshot: createSnapshot(parsed.files, key, dataset) };
}

/** The key of a set of source texts: a SHA-256 over the texts in read order. */
export function snapshotKey(sources: readonly SourceText[]): string {
  const hash = createHash('sha256');
  hash.update(`tthc ${VERSION}\n`);
  for (const source of sources) {
    hash.update(`${source.text.length}\n`);
    hash.update(source.text);
  }
  return hash.digest('hex');
}

/** Writes the snapshot of the data shipped in the package (run at build time). */
export async function writeShippedSnapshot(paths: readonly string[], target: string): Promise<DatasetSnapshot> {
  const read = await readSourceTexts(paths, { cwd: packageRoot() });
  if (read.issues.length > 0) throw dataError(read.issues, 'the shipped data');
  const sources = read.sources.filter((source) => !isScenarioFile(source));
  const { snapshot } = parseChecked(sources, snapshotKey(sources), 'the shipped data');
  await writeSnapshot(target, snapshot);
  return snapshot;
}

function complete(dataset: Dataset, label: string): CompleteDataset {
  const { catalog, calendar, rules } = dataset;
  if (catalog === undefined || calendar === undefined || rules === undefined) {
    const missing = [catalog === undefined ? 'catalogue' : '', calendar === undefined ? 'calendar' : '', rules === undefined ? 'routing rules' : ''];
    throw new TthcError('INVALID_DATA', `${label} has no ${missing.filter(Boolean).join(', ')} files`);
  }
  return { ...dataset, catalog, calendar, rules };
}

function dataError(issues: readonly Issue[], label: string): InvalidDataError {
  const sorted = [...issues].sort(compareIssues);
  const first = sorted[0]!;
  const where = `${first.file ?? ''}${first.line === undefined ? '' : `:${first.line}:${first.column}`}`;
  return new InvalidDataError(
    `${label} has ${sorted.length} error${sorted.length === 1 ? '' : 's'}, first ${where} ${first.code} ${first.message}; run "tthc validate" on it`,
    sorted,
  );
}

function snapshotCandidates(key: string): string[] {
  return [join(packageRoot(), 'dist', 'data-snapshot.json'), cacheFile(key)];
}

function cacheFile(key: string): string {
  return join(packageRoot(), 'node_modules', '.cache', 'tthc', `${key.slice(0, 32)}.json`);
}

async function readSnapshot(path: string): Promise<DatasetSnapshot | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isCurrentSnapshot(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function writeSnapshot(path: string, snapshot: DatasetSnapshot): Promise<void> {
  try {
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, path);
  } catch {
    // a read-only install: routing still works, only slower
  }
}

/** Scenario files are test cases, not data a router needs: they never enter a snapshot or its key. */
function isScenarioFile(source: SourceText): boolean {
  return /^kind:\s*["']?scenarios\b/m.test(source.text);
}
