/**
 * The cases the importer read from channel descriptions for conditional deadlines, read again blind from each record
 * (test/fixtures/audit/importer-cases.yaml): the catalogue dates no case the reading (after the maintainers' review
 * of two records, held below) does not give as datable and known at receipt, the fixture's quotes are the records' own
 * text, and what the importer offered before is measured on the blind reading alone.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getChannelDeadline } from '../src/catalog/catalog.js';
import type { ChannelName } from '../src/catalog/schema.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { periodsOf } from '../scripts/audit-report.js';
import { normaliseQuote, recordTexts } from './_record-texts.js';
import { sharedDataDir } from '../scripts/import-catalog.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Stage {
  readonly value: number;
  readonly unit: string;
}
interface Period extends Stage {
  readonly followedBy?: readonly Stage[] | null;
}
interface ReadCase {
  readonly period: Period | null;
  readonly datable: boolean;
  readonly knownAtReceipt: boolean;
  readonly quote: string;
}
interface ReadChannel {
  readonly importer: readonly (Stage & { countedFrom?: string })[];
  readonly cases: readonly ReadCase[];
  readonly notCases?: readonly { quote: string }[];
  /** The maintainers' reading where the blind one missed text of the record: its cases replace the reading's. */
  readonly review?: { readonly cases: readonly ReadCase[]; readonly why: string };
}
interface Reading {
  readonly code: string;
  readonly channels: Readonly<Record<string, ReadChannel>>;
}

const readings = parse(readFileSync(join(ROOT, 'test/fixtures/audit/importer-cases.yaml'), 'utf8')) as Reading[];

/** The periods of the cases a reading gives as datable and known at receipt. */
function datablePeriods(cases: readonly ReadCase[]): Set<string> {
  return new Set(cases.filter((entry) => entry.datable && entry.knownAtReceipt && entry.period !== null).map((entry) => periodsOf({ value: entry.period!.value, unit: entry.period!.unit, followedBy: entry.period!.followedBy ?? undefined })));
}

/** What the blind reading dates. */
function confirmed(channel: ReadChannel): Set<string> {
  return datablePeriods(channel.cases);
}

/** What the reading dates after the maintainers' review, where there is one. */
function confirmedAfterReview(channel: ReadChannel): Set<string> {
  return datablePeriods(channel.review?.cases ?? channel.cases);
}


/** The defence channel table (bqp_tthc_channels.csv) as the readers saw it: "Trực tiếp | 12 Ngày | Phí : 0 Đồng" per row. */
function defenceChannelRows(): Map<string, string> {
  const rows = new Map<string, string>();
  const text = readFileSync(join(sharedDataDir(), 'procedures/defence-2025/bqp_tthc_channels.csv'), 'utf8');
  for (const line of text.split('\n').slice(1)) {
    const fields = [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/gu)].map((match) => (match[1] ?? match[2] ?? '').replace(/""/gu, '"'));
    if (fields.length < 8) continue;
    rows.set(fields[0]!, `${rows.get(fields[0]!) ?? ''} ${fields[5]} | ${fields[6]} | ${fields[7]}`);
  }
  return rows;
}

describe('cases the importer read from channel descriptions, read blind', () => {
  it('are the cases of 45 procedures, each quote the record\'s own text', () => {
    expect(readings.length).toBe(45);
    const channelRows = defenceChannelRows();
    const texts = recordTexts((code) => channelRows.get(code) ?? '');
    for (const reading of readings) {
      const text = texts.get(reading.code);
      expect(text, reading.code).toBeDefined();
      for (const [channel, read] of Object.entries(reading.channels)) {
        for (const quote of [...read.cases, ...(read.review?.cases ?? []), ...(read.notCases ?? [])].map((entry) => entry.quote)) {
          expect(text!.includes(normaliseQuote(quote)), `${reading.code} ${channel}: ${quote}`).toBe(true);
        }
      }
    }
  });

  it('measure the importer before the overrides: most of the cases it dated were not datable at receipt', () => {
    let dated = 0;
    let confirmedCount = 0;
    for (const reading of readings) {
      for (const read of Object.values(reading.channels)) {
        const good = confirmed(read);
        for (const variant of read.importer) {
          if (variant.countedFrom !== undefined) continue;
          dated += 1;
          if (good.has(periodsOf(variant))) confirmedCount += 1;
        }
      }
    }
    expect({ dated, confirmed: confirmedCount }).toEqual({ dated: 238, confirmed: 99 });
  });

  it('are reviewed by the maintainers on two channels only, each with its reason', () => {
    // A review replaces the blind reading's cases, so the check below would follow whatever it says: hold their number.
    const reviewed = readings.flatMap((reading) => Object.entries(reading.channels).filter(([, read]) => read.review !== undefined).map(([channel, read]) => ({ code: reading.code, channel, review: read.review! })));
    expect(reviewed.map(({ code, channel }) => `${code} ${channel}`)).toEqual(['1.013585 in-person', '1.013588 in-person']);
    for (const { review } of reviewed) expect(review.why.length).toBeGreaterThan(200);
  });

  it('leave the catalogue dating no case the reading (after review) does not confirm', async () => {
    const router = await loadShippedRouter();
    const { catalog } = router.data;
    let checked = 0;
    for (const reading of readings) {
      for (const [channel, read] of Object.entries(reading.channels)) {
        // On the catalogue's first day as on the last: the record's text, as crawled, is all the importer reads on any date.
        for (const asOf of ['2025-07-01', '2026-12-07']) {
          const deadline = getChannelDeadline(catalog, reading.code, channel as ChannelName, asOf);
          expect(deadline, `${reading.code} ${channel} ${asOf}`).toBeDefined();
          const good = confirmedAfterReview(read);
          const variants = deadline!.status === 'not-applicable' ? [] : (deadline!.variants ?? []);
          for (const variant of variants) {
            if ('countedFrom' in variant && variant.countedFrom !== undefined) continue;
            const periods = periodsOf(variant);
            expect(good.has(periods), `${reading.code} ${channel}: ${periods}`).toBe(true);
            checked += 1;
          }
          // A deadline the catalogue resolves on its own (no case named) must be one the reading dates.
          if (deadline!.status === 'resolved') expect(good.size, `${reading.code} ${channel}`).toBeGreaterThan(0);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  }, 60_000);

  it('hold every reading of a record from the first day of the catalogue, as the importer reads it', async () => {
    // A reading of the record's own text is no change of law: before the crawl the importer reads the same text, so the
    // reading must hold on the same dates (else an importer's case or first stage, counted from receipt in March 2026,
    // would still be printed).
    const { catalog } = (await loadShippedRouter()).data;
    const readingOfRecord = (document: string) => /National Public Service Portal, crawled 2026|the 2025 extract in \.\.\/shared\/data/u.test(document);
    const readings = catalog.overrides.filter((entry) => entry.deadline !== undefined && entry.legalBasis.every((basis) => readingOfRecord(basis.document) && basis.article === undefined));
    let channels = 0;
    for (const entry of readings) {
      expect('codes' in entry.select, entry.id).toBe(true);
      for (const code of 'codes' in entry.select ? entry.select.codes : []) {
        const procedure = catalog.procedures.find((candidate) => candidate.code === code)!;
        for (const channel of entry.channels ?? (Object.keys(procedure.channels) as ChannelName[])) {
          const first = getChannelDeadline(catalog, code, channel, '2025-07-01');
          // replaces: unresolved leaves a channel the record resolves to the record.
          if (first?.override === undefined && entry.replaces === 'unresolved' && first?.status === 'resolved') continue;
          expect(first?.override?.id, `${code} ${channel}`).toBe(entry.id);
          channels += 1;
        }
      }
    }
    expect({ overrides: readings.length, channels }).toEqual({ overrides: 145, channels: 371 });
    // The trap the note of December 2026 named: group IV's 25 working days, offered as a case in March 2026.
    const march = getChannelDeadline(catalog, '1.014269', 'online', '2026-03-03');
    expect(march?.status === 'unresolved' ? march.variants?.map((variant) => variant.value) : march).toEqual([34]);
  }, 60_000);
});
