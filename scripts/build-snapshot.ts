/** Writes dist/data-snapshot.json: the shipped catalogue, rules and calendar, checked, as one JSON document. */
import { join } from 'node:path';
import { writeShippedSnapshot } from '../src/node/cache.js';
import { packageRoot, shippedDataPaths } from '../src/node/load.js';

const target = join(packageRoot(), 'dist', 'data-snapshot.json');
const snapshot = await writeShippedSnapshot(shippedDataPaths(), target);
console.log(`wrote ${target} (${snapshot.files.length} files, key ${snapshot.key.slice(0, 12)})`);
