/** Test helper: parses catalogue YAML texts with positions, validates them, builds the catalogue. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalog } from '../src/catalog/catalog.js';
import type { CatalogFile } from '../src/catalog/catalog.js';
import { CATALOG_FILE_SCHEMAS } from '../src/catalog/schema.js';
import type { CatalogFileKind } from '../src/catalog/schema.js';
import type { Issue } from '../src/errors.js';
import { validateParsed } from '../src/source/schema.js';
import { parseYaml } from '../src/source/yaml.js';

export function parseCatalogFiles(texts: readonly { file: string; text: string }[]): { files: CatalogFile[]; issues: Issue[] } {
  const files: CatalogFile[] = [];
  const issues: Issue[] = [];
  for (const { file, text } of texts) {
    const parsed = parseYaml(text, file, { maxLength: 32 * 1024 * 1024 });
    const kind = (parsed.value as { kind?: unknown } | undefined)?.kind as CatalogFileKind;
    const schema = CATALOG_FILE_SCHEMAS[kind];
    if (schema === undefined) throw new Error(`${file}: unknown kind ${String(kind)}`);
    const result = validateParsed(parsed, schema);
    issues.push(...result.issues);
    if (result.value !== undefined) files.push({ file, kind, data: result.value, locate: parsed.locate } as CatalogFile);
  }
  return { files, issues };
}

export function buildFromTexts(texts: readonly { file: string; text: string }[]) {
  const { files, issues } = parseCatalogFiles(texts);
  const result = createCatalog(files);
  return { catalog: result.catalog, issues: [...issues, ...result.issues] };
}

export function readCatalogDir(dir: string): { file: string; text: string }[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `catalog/${name.split('\\').join('/')}`, text: readFileSync(join(dir, name), 'utf8') }));
}
