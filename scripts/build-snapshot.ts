/**
 * Writes dist/data-snapshot.json (the shipped catalogue, rules and calendar, checked, as one JSON document) and
 * dist/routing-snapshot.json (its routing-only projection), each with its SHA-256.
 */
import { join } from 'node:path';
import { writeShippedSnapshot } from '../src/node/cache.js';
import { packageRoot, shippedDataPaths } from '../src/node/load.js';

const target = join(packageRoot(), 'dist');
const snapshot = await writeShippedSnapshot(shippedDataPaths(), target);
console.log(`wrote data-snapshot.json and routing-snapshot.json in ${target} (${snapshot.files.length} files, key ${snapshot.key.slice(0, 12)})`);
