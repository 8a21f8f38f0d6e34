/**
 * Draws the audit sample: procedures picked with a fixed seed from every procedure of the shared data (both
 * datasets), so anyone can redraw it and read the same records. The judged expectations live in
 * test/fixtures/audit/; this script only says which procedures they cover and prints their source records for a
 * reviewer. Run: npx tsx scripts/audit-sample.ts [--size 100] [--seed 9] [--dump <dir>]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedDataDir } from './import-catalog.js';
import { seededRandom } from './_seeded-random.js';

/** The seed the committed sample was drawn with (the number of the deadline issue). */
export const AUDIT_SEED = 9;
export const AUDIT_SIZE = 100;


interface SourceRecord {
  readonly code: string;
  readonly dataset: 'national-portal-2026' | 'defence-2025';
  readonly record: Record<string, unknown>;
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Every source record, sorted by code then dataset (the population the sample is drawn from). */
export function sourceRecords(dataDir: string = sharedDataDir()): SourceRecord[] {
  const portal = readJsonl(join(dataDir, 'procedures/national-portal-2026/tthc_records.jsonl')).map((record) => ({
    code: String(record['ma_thu_tuc']).trim(),
    dataset: 'national-portal-2026' as const,
    record,
  }));
  const defence = readJsonl(join(dataDir, 'procedures/defence-2025/bqp_tthc_extracted.jsonl')).map((record) => ({
    code: String(record['thu_tuc_id']).trim(),
    dataset: 'defence-2025' as const,
    record,
  }));
  return [...portal, ...defence].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.dataset < b.dataset ? -1 : 1));
}

/** The codes of the sample: a partial Fisher-Yates shuffle of the sorted population, then sorted. */
export function drawAuditSample(codes: readonly string[], size: number = AUDIT_SIZE, seed: number = AUDIT_SEED): string[] {
  const pool = [...codes];
  const random = seededRandom(seed);
  const picked: string[] = [];
  for (let index = 0; index < size && index < pool.length; index += 1) {
    const swap = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[swap]] = [pool[swap]!, pool[index]!];
    picked.push(pool[index]!);
  }
  return picked.sort();
}

/**
 * The codes of a December 2026 census sample (test/fixtures/audit/*-population.json): a whole Fisher-Yates shuffle
 * from the end of the sorted population, the first `size`, then sorted. Another draw than the audit sample's, kept
 * because those samples were drawn and read with it.
 */
export function drawFromEnd(codes: readonly string[], size: number, seed: number): string[] {
  const pool = [...codes];
  const random = seededRandom(seed);
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(random() * (index + 1));
    [pool[index], pool[swap]] = [pool[swap]!, pool[index]!];
  }
  return pool.slice(0, size).sort();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const records = sourceRecords();
  const sample = drawAuditSample(
    records.map((entry) => entry.code),
    Number(option('--size') ?? AUDIT_SIZE),
    Number(option('--seed') ?? AUDIT_SEED),
  );
  const dump = option('--dump');
  if (dump !== undefined) {
    mkdirSync(dump, { recursive: true });
    for (const code of sample) {
      const entry = records.find((candidate) => candidate.code === code)!;
      writeFileSync(join(dump, `${code}.json`), `${JSON.stringify({ dataset: entry.dataset, ...entry.record }, null, 1)}\n`);
    }
  }
  process.stdout.write(`${sample.join('\n')}\n`);
}
