/** Node-only entry (`tthc/node`): loading data from disk, the shipped data, and the CLI. */
export { readSourceTexts } from './read.js';
export type { ReadResult, ReadSourceTextsOptions } from './read.js';
export { loadDatasetFromPaths, shippedDataPaths, packageRoot } from './load.js';
export type { LoadedDataset, LoadDatasetOptions } from './load.js';
export { loadCompleteDataset, snapshotKey } from './cache.js';
export type { CompleteDataset, DatasetLoadInfo, LoadCompleteDatasetOptions } from './cache.js';
export { loadShippedRouter } from './shipped.js';
export { runCli } from './cli.js';
export type { CliIo, Command } from './command.js';
