/**
 * Writes schema/<kind>.schema.json from the zod schemas of the catalogue and rule files. Deterministic.
 * Run: npx tsx scripts/generate-json-schema.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CATALOG_FILE_SCHEMAS, CATALOG_FORMAT_VERSION, OverrideCompetenceSchema, UnresolvedOverrideDeadlineSchema } from '../src/catalog/schema.js';
import { KEPT_COMPETENCE_FIELDS } from '../src/vocabulary.js';
import { RulesFileSchema } from '../src/rules/schema.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A JSON Schema document for one file kind, as editors read it: draft 2020-12, the input shape, an id and a title. */
export function jsonSchemaDocument(schema: z.ZodType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    // The refinements zod cannot express, written out so that editors refuse what validation refuses.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === (UnresolvedOverrideDeadlineSchema as unknown)) {
        jsonSchema.if = { properties: { reason: { not: { const: 'conditional' } } }, required: ['reason'] };
        jsonSchema.then = { not: { required: ['variants'] } };
      }
      if (zodSchema === (OverrideCompetenceSchema as unknown)) {
        // A field kept from the record is not given too; each is kept once.
        jsonSchema.allOf = KEPT_COMPETENCE_FIELDS.map((field) => ({ if: { required: ['keep'], properties: { keep: { contains: { const: field } } } }, then: { not: { required: [field] } } }));
        const keep = (jsonSchema.properties as Record<string, Record<string, unknown>> | undefined)?.['keep'];
        if (keep !== undefined) keep['uniqueItems'] = true;
      }
    },
  });
  return `${JSON.stringify({ ...json, $id: `urn:tthc:schema:${id}`, title }, null, 2)}\n`;
}

/** The JSON Schema text of every catalogue and rule file kind, keyed by file name. */
export function buildJsonSchemas(): { path: string; text: string }[] {
  // Rule files get their full schema (the loader dispatches on the envelope and checks each rule itself); conditions
  // are checked by checkRules and appear here as open objects.
  return Object.entries({ ...CATALOG_FILE_SCHEMAS, rules: RulesFileSchema })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, schema]) => ({
      path: `${kind}.schema.json`,
      text: jsonSchemaDocument(schema, kind, `tthc data file, kind: ${kind} (format ${CATALOG_FORMAT_VERSION})`),
    }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(REPO_ROOT, 'schema'));
  mkdirSync(outDir, { recursive: true });
  for (const file of buildJsonSchemas()) writeFileSync(join(outDir, file.path), file.text);
  process.stdout.write(`wrote ${buildJsonSchemas().length} JSON Schemas to ${outDir}\n`);
}
