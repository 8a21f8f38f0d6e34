/**
 * Writes schema/<kind>.schema.json from the zod schemas of src/catalog/schema.ts. Deterministic.
 * Run: npx tsx scripts/generate-json-schema.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CATALOG_FILE_SCHEMAS, CATALOG_FORMAT_VERSION } from '../src/catalog/schema.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The JSON Schema text of every catalogue file kind, keyed by file name. */
export function buildJsonSchemas(): { path: string; text: string }[] {
  return Object.entries(CATALOG_FILE_SCHEMAS)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, schema]) => {
      const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
      const document = {
        ...json,
        $id: `https://tthc.dev/schema/${kind}.schema.json`,
        title: `tthc catalogue file, kind: ${kind} (format ${CATALOG_FORMAT_VERSION})`,
      };
      return { path: `${kind}.schema.json`, text: `${JSON.stringify(document, null, 2)}\n` };
    });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(REPO_ROOT, 'schema'));
  mkdirSync(outDir, { recursive: true });
  for (const file of buildJsonSchemas()) writeFileSync(join(outDir, file.path), file.text);
  process.stdout.write(`wrote ${buildJsonSchemas().length} JSON Schemas to ${outDir}\n`);
}
