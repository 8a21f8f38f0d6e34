/**
 * The competence of the procedures the catalogue read as decided by the applicant's residence, read again blind from
 * each record (test/fixtures/audit/competence-residence.yaml): the quotes are the records' own text, the importer's
 * reading is measured against the readers', and the catalogue (catalog/overrides/competence-readings.yaml) follows
 * every reading it adopts, keeping the record's body and level.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getCompetence } from '../src/catalog/catalog.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { normaliseQuote, recordTexts } from './_record-texts.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Reading {
  readonly code: string;
  readonly basis: 'residence' | 'subject' | 'head-office' | 'any-office' | 'named-body' | 'undetermined';
  readonly level: string;
  readonly body: { readonly kind: string; readonly name: string };
  readonly quote: string;
  readonly confidence: 'high' | 'medium' | 'low';
}

const readings = parse(readFileSync(join(ROOT, 'test/fixtures/audit/competence-residence.yaml'), 'utf8')) as Reading[];

/**
 * The readings of high or medium confidence that the overrides leave with the residence, each for its reason (the
 * overrides file's description gives them in full).
 */
const NOT_ADOPTED: Readonly<Record<string, string>> = Object.freeze({
  '1.004047': "a vessel owner's seat or permanent residence",
  '1.004036': "a vessel owner's seat or permanent residence",
  '2.001659': "a vessel owner's seat or permanent residence",
  '1.002877': 'an operator "đóng trên địa bàn"',
  '1.001023': 'an operator "đóng trên địa bàn"',
  '1.000943': 'only the filing is free; the licensing province decides',
  '1.000970': 'only the filing is free; the licensing province decides',
  '1.000987': 'only the filing is free; the licensing province decides',
  '1.013097': 'an inference, no text says any centre',
  '1.014065': 'any commune police within the province only',
  '1.013172': 'groups split between the Ministry and the provinces',
});



describe('competence read blind where the catalogue read the residence', () => {
  it('covers 548 procedures, each quote the record\'s own text', () => {
    expect(readings.length).toBe(548);
    expect(new Set(readings.map((reading) => reading.code)).size).toBe(548);
    const texts = recordTexts();
    const missing = readings.filter((reading) => !(texts.get(reading.code) ?? '').includes(normaliseQuote(reading.quote)));
    expect(missing.map((reading) => reading.code)).toEqual([]);
  });

  it('measures the importer: the readers give the residence for 78 of the 548 (14.2%)', async () => {
    const { catalog } = (await loadShippedRouter()).data;
    const byCode = new Map(catalog.procedures.map((procedure) => [procedure.code, procedure]));
    // The record's reading, before any override: the residence for every one of them.
    expect(readings.every((reading) => byCode.get(reading.code)?.competence?.basis === 'residence')).toBe(true);
    const counts: Record<string, number> = {};
    for (const reading of readings) counts[reading.basis] = (counts[reading.basis] ?? 0) + 1;
    expect(counts).toEqual({ residence: 78, subject: 215, undetermined: 199, 'named-body': 25, 'head-office': 16, 'any-office': 15 });
  });

  it('follows every reading it adopts, keeping the record\'s body and level, and no other', async () => {
    const { catalog } = (await loadShippedRouter()).data;
    const byCode = new Map(catalog.procedures.map((procedure) => [procedure.code, procedure]));
    // Readings of low confidence that the law settles (catalog/overrides/competence.yaml, the Law on Investment 2020).
    const settledByLaw = new Set(catalog.overrides.filter((entry) => entry.id.startsWith('competence.investment.')).flatMap((entry) => ('codes' in entry.select ? entry.select.codes : [])));
    const changed: Record<string, number> = {};
    for (const reading of readings) {
      const inForce = getCompetence(catalog, reading.code, '2026-03-03')!;
      const record = byCode.get(reading.code)!.competence!;
      const adopted = reading.confidence !== 'low' && reading.basis !== 'residence' && reading.basis !== 'undetermined' && NOT_ADOPTED[reading.code] === undefined;
      if (settledByLaw.has(reading.code)) {
        expect({ basis: inForce.basis, override: inForce.override?.id }, reading.code).toEqual({ basis: reading.basis, override: expect.stringMatching(/^competence\.investment\./u) });
        changed['by law'] = (changed['by law'] ?? 0) + 1;
        continue;
      }
      if (!adopted) {
        expect(inForce.basis, reading.code).toBe('residence');
        continue;
      }
      expect(inForce.basis, reading.code).toBe(reading.basis);
      expect(inForce.override?.id, reading.code).toMatch(/^competence\.record\./u);
      // Every field the override keeps is the record's; every other is the override's own.
      const override = catalog.overrides.find((entry) => entry.id === inForce.override!.id)!;
      const keep = override.competence!.keep ?? [];
      if (reading.basis === 'subject' || reading.basis === 'head-office') expect(keep, reading.code).toEqual(['subject', 'body', 'level', 'undetermined']);
      else expect(inForce.body, reading.code).toEqual(override.competence!.body);
      for (const field of keep) expect(inForce[field], `${reading.code} ${field}`).toEqual(record[field]);
      changed[reading.basis] = (changed[reading.basis] ?? 0) + 1;
    }
    expect(changed).toEqual({ subject: 160, 'named-body': 22, 'any-office': 9, 'head-office': 7, 'by law': 17 });
  }, 60_000);

  it('agrees with a second blind reading of 40 adopted procedures on 38, none of which reads the residence', async () => {
    const { catalog } = (await loadShippedRouter()).data;
    const second = parse(readFileSync(join(ROOT, 'test/fixtures/audit/competence-second-reading.yaml'), 'utf8')) as Reading[];
    const texts = recordTexts();
    expect(second.filter((reading) => !(texts.get(reading.code) ?? '').includes(normaliseQuote(reading.quote))).map((reading) => reading.code)).toEqual([]);
    expect(second.length).toBe(40);
    const disagreeing = second.filter((reading) => getCompetence(catalog, reading.code, '2026-03-03')!.basis !== reading.basis);
    expect(disagreeing.map((reading) => `${reading.code} ${reading.basis}`)).toEqual(['1.009459 named-body', '2.002191 named-body']);
    expect(second.some((reading) => reading.basis === 'residence')).toBe(false);
  });

  it('routes by the place of the case, and at any immigration office, where the residence refused', async () => {
    const router = await loadShippedRouter();
    // 1.003640: "Sở Xây dựng nơi phương tiện gặp sự cố"; a Hanoi resident's vessel in distress in Hồ Chí Minh City.
    const request = { procedure: '1.003640', channel: 'in-person' as const, office: '26740', residence: '00004', receivedAt: '2026-03-02T09:00:00+07:00' };
    const withoutPlace = router.route(request);
    expect(withoutPlace.competent).toMatchObject({ status: 'undetermined', basis: 'subject', needs: ['subject'] });
    expect(withoutPlace.office).toMatchObject({ action: 'undetermined', reason: expect.stringContaining('not known without the subject') });
    const withPlace = router.route({ ...request, subject: '26740' });
    expect(withPlace.competent).toMatchObject({ status: 'determined', basis: 'subject', unit: { code: '79' } });
    // A ward's one-stop office of the province takes a provincial dossier and passes it on (the residence made it refuse).
    expect(withPlace.office.action).toBe('receive-and-transfer');
    // 1.001456: a passport "tại Cơ quan Quản lý xuất nhập cảnh Công an cấp tỉnh nơi thuận lợi".
    const passport = router.route({ procedure: '1.001456', channel: 'in-person', office: '79', residence: '00004', receivedAt: '2026-03-02T09:00:00+07:00' });
    expect(passport.competent).toMatchObject({ basis: 'any-office', unit: { code: '79' } });
    expect(passport.office.action).toBe('process');
  });
});
