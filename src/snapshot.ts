/**
 * Snapshots: the checked data files of a dataset as one JSON document, so a router starts in milliseconds instead of
 * re-parsing megabytes of YAML. A snapshot holds only data that passed validation; it is rebuilt whenever a file
 * changes (its key is a hash of the files' texts). Browser-safe: an app can fetch the shipped snapshot and build a
 * router from it.
 */
import { buildDataset } from './dataset.js';
import type { Dataset } from './dataset.js';
import { InvalidDataError, TthcError } from './errors.js';
import type { DataFile } from './source/files.js';
import { createRouter } from './routing/router.js';
import type { Router } from './routing/router.js';
import { VERSION } from './version.js';
import { expectDataFiles, expectString } from './arguments.js';

/** Bump when the snapshot layout or the meaning of its data changes. */
export const SNAPSHOT_FORMAT = 2;

/** A dataset's checked files, as JSON. */
export interface DatasetSnapshot {
  readonly format: number;
  /** Library version that wrote it: a snapshot from another version is not trusted. */
  readonly libraryVersion: string;
  /** Hash of the source texts it was built from. */
  readonly key: string;
  /** The catalogue's content hash, so loading need not recompute it. */
  readonly catalogHash?: string;
  readonly files: readonly { readonly file: string; readonly kind: string; readonly data: unknown }[];
}

const noLocation = (): undefined => undefined;

/** Builds a snapshot from files that passed their schemas. */
export function createSnapshot(files: readonly DataFile[], key: string, dataset?: Dataset): DatasetSnapshot {
  expectDataFiles(files);
  expectString(key, 'key');
  return {
    format: SNAPSHOT_FORMAT,
    libraryVersion: VERSION,
    key,
    ...(dataset?.catalog === undefined ? {} : { catalogHash: dataset.catalog.contentHash }),
    files: files.filter((file) => file.kind !== 'scenarios').map(({ file, kind, data }) => ({ file, kind, data })),
  };
}

/** True when a value is a snapshot this version of the library wrote. */
export function isCurrentSnapshot(value: unknown): value is DatasetSnapshot {
  const snapshot = value as Partial<DatasetSnapshot> | null;
  return (
    typeof snapshot === 'object' &&
    snapshot !== null &&
    snapshot.format === SNAPSHOT_FORMAT &&
    snapshot.libraryVersion === VERSION &&
    typeof snapshot.key === 'string' &&
    Array.isArray(snapshot.files)
  );
}

/**
 * Rebuilds a dataset from a snapshot.
 * @throws TthcError INVALID_DATA when the value is not a snapshot of this library version, or its data has errors.
 */
export function datasetFromSnapshot(snapshot: unknown): Dataset {
  if (!isCurrentSnapshot(snapshot)) {
    throw new TthcError('INVALID_DATA', `not a tthc ${VERSION} data snapshot (format ${SNAPSHOT_FORMAT}); rebuild it from the YAML files`);
  }
  const files: DataFile[] = snapshot.files.map((entry) => ({ file: entry.file, kind: entry.kind, data: entry.data, locate: noLocation }));
  const { dataset, issues } = buildDataset(files, [], { warnings: false, ...(snapshot.catalogHash === undefined ? {} : { catalogHash: snapshot.catalogHash }) });
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new InvalidDataError(`the snapshot has ${errors.length} errors; rebuild it from the YAML files`, errors);
  return dataset;
}

/**
 * Creates a router from a snapshot (for example the `tthc/data-snapshot.json` the package ships, fetched in a browser).
 * @throws TthcError INVALID_DATA when the value is not a current snapshot or lacks the catalogue, calendar or rules.
 * @example const router = createRouterFromSnapshot(await (await fetch(snapshotUrl)).json());
 */
export function createRouterFromSnapshot(snapshot: unknown): Router {
  const { catalog, calendar, rules } = datasetFromSnapshot(snapshot);
  if (catalog === undefined || calendar === undefined || rules === undefined) {
    throw new TthcError('INVALID_DATA', 'the snapshot lacks the catalogue, the calendar or the rules a router needs');
  }
  return createRouter({ catalog, calendar, rules });
}
