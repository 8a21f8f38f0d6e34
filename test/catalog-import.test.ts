import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../scripts/generate-json-schema.js';
import { importCatalog, sharedDataDir } from '../scripts/import-catalog.js';
import { readCatalogDir } from './_catalog-load.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const temp = mkdtempSync(join(tmpdir(), 'tthc-catalog-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the catalogue importer', () => {
  it('finds the shared reference data (set TTHC_SHARED_DATA if it lives elsewhere)', () => {
    const dir = sharedDataDir();
    expect(existsSync(join(dir, 'procedures/national-portal-2026/tthc_records.jsonl')), `shared data not found at ${dir}; set TTHC_SHARED_DATA`).toBe(true);
  });

  it('rebuilds the committed catalog/ byte for byte, twice', () => {
    const first = importCatalog({ outDir: join(temp, 'a') });
    const second = importCatalog({ outDir: join(temp, 'b') });
    expect(second).toEqual(first);
    // catalog/overrides and catalog/bodies are written by hand, citing the law: the importer owns units/ and procedures/.
    const committed = readCatalogDir(join(ROOT, 'catalog')).filter((file) => /^catalog\/(units|procedures)\//.test(file.file));
    const rebuilt = readCatalogDir(join(temp, 'a'));
    expect(rebuilt.map((file) => file.file)).toEqual(committed.map((file) => file.file));
    for (const [index, file] of rebuilt.entries()) {
      expect(file.text === committed[index]!.text, `${file.file} differs from the committed file; run npx tsx scripts/import-catalog.ts`).toBe(true);
    }
  });

  it('starts every file with a schema comment whose relative path exists', () => {
    for (const file of readCatalogDir(join(ROOT, 'catalog'))) {
      const match = /^# yaml-language-server: \$schema=(\S+)\n/.exec(file.text);
      expect(match, file.file).not.toBeNull();
      expect(existsSync(resolve(ROOT, dirname(file.file), match![1]!)), `${file.file}: ${match![1]}`).toBe(true);
    }
  });
});

describe('the JSON Schemas in schema/', () => {
  it('are current (run npx tsx scripts/generate-json-schema.ts)', () => {
    for (const file of buildJsonSchemas()) {
      expect(readFileSync(join(ROOT, 'schema', file.path), 'utf8'), file.path).toBe(file.text);
    }
  });
});
