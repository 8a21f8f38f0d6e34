/**
 * Writing a snapshot (see snapshot.ts): the checked files of a dataset and its checked rules. Apart from loading so
 * that a router built from a snapshot needs none of the checks. Browser-safe.
 */
import type { Dataset } from './dataset.js';
import { TthcError } from './errors.js';
import { RULES_FILE_KINDS } from './kinds.js';
import type { DataFile } from './source/files.js';
import { SNAPSHOT_FORMAT } from './snapshot.js';
import type { DatasetSnapshot } from './snapshot.js';
import { VERSION } from './version.js';
import { expectDataFiles, expectString } from './arguments.js';

/**
 * Builds a snapshot from files that passed their schemas and the dataset built from them, whose rules (checked, with
 * the file each came from) it keeps in place of the rule files.
 * @throws TthcError INVALID_ARGUMENT when the files hold rules but the dataset has no checked rule set.
 */
export function createSnapshot(files: readonly DataFile[], key: string, dataset?: Dataset): DatasetSnapshot {
  expectDataFiles(files);
  expectString(key, 'key');
  const hasRules = files.some((file) => RULES_FILE_KINDS.has(file.kind));
  if (hasRules && dataset?.rules === undefined) {
    throw new TthcError('INVALID_ARGUMENT', 'dataset: the files hold rules, so the snapshot needs the dataset built from them (its checked rules)', {
      argument: 'dataset',
      messageVi: 'dataset: các tệp có chứa quy tắc, nên ảnh chụp dữ liệu (snapshot) cần bộ dữ liệu được tạo từ chính các tệp đó (với các quy tắc đã được kiểm tra)',
    });
  }
  return {
    format: SNAPSHOT_FORMAT,
    libraryVersion: VERSION,
    key,
    ...(dataset?.catalog === undefined ? {} : { catalogHash: dataset.catalog.contentHash }),
    ...(hasRules ? { rulesHash: dataset!.rules!.hash } : {}),
    files: files.filter((file) => file.kind !== 'scenarios' && !RULES_FILE_KINDS.has(file.kind)).map(({ file, kind, data }) => ({ file, kind, data })),
    rules: hasRules ? dataset!.rules!.rules : [],
  };
}
