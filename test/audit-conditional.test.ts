/**
 * The cases of the conditional deadlines (test/fixtures/audit/conditional-cases.yaml) against the shipped overrides:
 * every case read as datable and known at receipt is a variant of its override (or says why not), no override lists a
 * case the reading does not give, every quote is the record's own text, and routing dates each case by its period.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { referenceDueDate } from './_due-date.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { sourceRecords } from '../scripts/audit-sample.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Period {
  readonly value: number;
  readonly unit: string;
  readonly followedBy?: readonly { value: number; unit: string }[];
}
interface ReadCase {
  readonly condition: { vi: string; en: string };
  readonly period: Period | null;
  readonly datable: boolean;
  readonly knownAtReceipt: boolean;
  readonly quote: string;
  readonly code?: string;
  readonly variantOf?: string;
  readonly notAdopted?: string;
  readonly blindCheck?: { readonly period: string; readonly doubt: string };
}
interface Reading {
  readonly override: string;
  readonly codes: readonly string[];
  readonly cases: readonly ReadCase[];
}
interface ShippedOverride {
  readonly id: string;
  readonly select: { codes?: string[] };
  readonly channels?: string[];
  readonly deadline?: { status?: string; reason?: string; variants?: (Period & { condition: { vi: string; en: string } })[] };
}

const readings = parse(readFileSync(join(ROOT, 'test/fixtures/audit/conditional-cases.yaml'), 'utf8')) as Reading[];
const overrides = readdirSync(join(ROOT, 'catalog/overrides')).flatMap(
  (file) => (parse(readFileSync(join(ROOT, 'catalog/overrides', file), 'utf8')) as { overrides: ShippedOverride[] }).overrides,
);
// The overrides from the blind reading of the importer's own cases are held by test/audit-importer-cases.test.ts.
const conditional = overrides.filter((override) => override.deadline?.status === 'unresolved' && override.deadline.reason === 'conditional' && !override.id.startsWith('case-readings.'));
const period = ({ value, unit, followedBy }: Period): Period => ({ value, unit, ...(followedBy === undefined ? {} : { followedBy: followedBy.map((stage) => ({ value: stage.value, unit: stage.unit })) }) });
const adopted = readings.flatMap((reading) => reading.cases.filter((entry) => entry.variantOf !== undefined).map((entry) => ({ reading, entry })));

describe('the cases of conditional deadlines, as read from their records', () => {
  it('cover every shipped conditional override', () => {
    const read = new Set(readings.flatMap((reading) => reading.codes));
    expect(conditional.length).toBeGreaterThan(20);
    for (const override of conditional) for (const code of override.select.codes ?? []) expect(read.has(code), `${override.id} (${code}) has no reading`).toBe(true);
  });

  it('are the overrides\' variants: each case datable and known at receipt, and nothing else', () => {
    for (const { entry } of adopted) {
      expect(entry.datable && entry.knownAtReceipt, entry.condition.en).toBe(true);
      // The blind reader's period, stage by stage, is the adopted one.
      const { value, unit, followedBy } = entry.period!;
      expect(entry.blindCheck?.period, entry.condition.en).toBe([{ value, unit }, ...(followedBy ?? [])].map((stage) => `${stage.value} ${stage.unit}`).join(' then '));
    }
    const notAdopted = readings.flatMap((reading) => reading.cases).filter((entry) => entry.datable && entry.knownAtReceipt && entry.variantOf === undefined);
    expect(notAdopted.every((entry) => (entry.notAdopted ?? '').length > 20)).toBe(true);
    for (const override of conditional) {
      const expected = adopted.filter(({ entry }) => entry.variantOf === override.id).map(({ entry }) => ({ ...period(entry.period!), condition: entry.condition }));
      const shipped = (override.deadline!.variants ?? []).map((variant) => ({ ...period(variant), condition: variant.condition }));
      expect(shipped, override.id).toEqual(expected);
    }
    expect(adopted.length).toBe(26);
  });

  it('quote each record verbatim', () => {
    const texts = new Map(sourceRecords().map(({ code, record }) => [code, JSON.stringify(record)]));
    for (const reading of readings) {
      for (const entry of reading.cases) {
        const code = entry.code ?? reading.codes[0]!;
        const text = texts.get(code);
        expect(text, code).toBeDefined();
        // JSON.stringify escapes line breaks and quotes; the quotes hold neither.
        expect(text!.includes(entry.quote), `${code}: ${entry.quote}`).toBe(true);
      }
    }
  });

  it('date each adopted case by its period when a request names it, and give no date without a case', async () => {
    const router = await loadShippedRouter();
    const receivedAt = '2026-12-03T09:00:00+07:00';
    let dated = 0;
    for (const { reading, entry } of adopted) {
      const override = conditional.find((candidate) => candidate.id === entry.variantOf)!;
      const code = entry.code ?? reading.codes[0]!;
      const procedure = router.data.catalog.index.procedureByCode.get(code)!;
      // A remote channel where the override covers one: in person, a ministry's procedure is refused at a commune's office.
      const channel = ['online', 'post', 'in-person'].find((name) => (override.channels ?? [name]).includes(name) && procedure.channels[name as 'online'] !== undefined) as 'online';
      const request = { procedure: code, channel, residence: '00004', receivedAt, ...(channel === ('in-person' as string) ? { office: '00004' } : {}) };
      const listed = router.route(request);
      expect(listed.deadline).toMatchObject({ status: 'unresolved', reason: 'conditional' });
      expect(listed.dueDate).toBeNull();
      const index = (override.deadline!.variants ?? []).findIndex((variant) => variant.condition.vi === entry.condition.vi);
      const decision = router.route({ ...request, deadlineVariant: index });
      expect(decision.deadline, `${code} ${channel}`).toMatchObject({ status: 'resolved', source: 'override', ...period(entry.period!), variant: { index, condition: entry.condition.vi, conditionEn: entry.condition.en } });
      if (decision.office.action === 'refuse') {
        expect(decision.dueDate).toBeNull();
        continue;
      }
      expect(decision.dueDate, `${code} ${channel}`).toBe(referenceDueDate(router.data, decision, receivedAt, period(entry.period!) as Parameters<typeof referenceDueDate>[3]));
      dated += 1;
    }
    expect(dated).toBeGreaterThan(18);
  }, 60_000);
});
