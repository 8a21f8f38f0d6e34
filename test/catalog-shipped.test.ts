import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  catalogStats,
  getChannelDeadline,
  getProcedure,
  getProceduresByLevel,
  getStaleBodies,
  getUnit,
  getUnitVersion,
  getUnitsOfProvince,
  translateLegacyUnit,
} from '../src/catalog/catalog.js';
import { parseDocumentNumber } from '../src/catalog/document-number.js';
import { buildFromTexts, readCatalogDir } from './_catalog-load.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { catalog, issues } = buildFromTexts(readCatalogDir(join(ROOT, 'catalog')));
const DONG_NAI_NEW_WARDS = ['25270', '25357', '25363', '26116', '26170', '26248', '26326', '26368', '26425', '26485'];

describe('the shipped catalogue', () => {
  it('has no errors, only warnings for unresolved deadlines and abolished bodies', () => {
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['DEADLINE_UNRESOLVED', 'AUTHORITY_ABOLISHED']));
  });

  it('names the abolished bodies a text names, from the date they ended, with the successor', () => {
    const [found] = getStaleBodies(catalog, 'Chủ tịch UBND cấp huyện nơi cư trú', '2026-01-01');
    expect(found).toMatchObject({ named: 'Chủ tịch UBND cấp huyện', body: { abolishedOn: '2025-07-01', successor: { name: 'Ủy ban nhân dân cấp xã' } } });
    expect(getStaleBodies(catalog, 'Chủ tịch UBND cấp huyện', '2025-06-30')).toEqual([]);
    expect(getStaleBodies(catalog, 'Ủy ban nhân dân cấp xã')).toEqual([]);
  });

  it('holds 2,842 procedures (seven records carrying another document\'s title left out), 34 provinces and 3,321 communes', () => {
    const stats = catalogStats(catalog);
    expect(stats).toMatchObject({ procedures: 2842, provinces: 34, communes: 3321, legacyLinks: 10604 });
    expect(stats.unresolvedDeadlines).toBe(issues.filter((issue) => issue.code === 'DEADLINE_UNRESOLVED').length);
    for (const code of ['2.001428', '3.000226', '3.000243', '3.000244', '3.000246', '3.000283', '3.000331']) expect(getProcedure(catalog, code)).toBeUndefined();
    expect(catalog.procedures.filter((procedure) => /^công bố danh mục.*thủ tục hành chính/isu.test(procedure.name))).toEqual([]);
  });

  it('counts every channel deadline once, by status: resolved, unresolved (with its reason class) or not applicable', () => {
    const stats = catalogStats(catalog);
    const { resolved, unresolved, 'not-applicable': notApplicable } = stats.byDeadlineStatus;
    expect(resolved + unresolved + notApplicable).toBe(stats.channelDeadlines);
    expect(Object.values(stats.byUnresolvedReason).reduce((sum, count) => sum + (count ?? 0), 0)).toBe(unresolved);
    expect(Object.values(stats.byDeadlineBasis).reduce((sum, count) => sum + count, 0)).toBe(stats.channelDeadlines);
    // Conditional deadlines dated once the request names its case: some, never more than the conditional ones.
    expect(stats.datedByCase).toBe(95); // README, README.vi and docs/catalog.md quote it
    expect(stats.datedByCase).toBeLessThanOrEqual(stats.byUnresolvedReason.conditional ?? 0);
  });

  it('reads every legal-basis number as a document number, or keeps the text as raw with a reason', () => {
    for (const procedure of catalog.procedures) {
      expect(procedure.legalBasis, procedure.code).toBeDefined();
      for (const document of procedure.legalBasis ?? []) {
        if ('number' in document) expect(parseDocumentNumber(document.number), `${procedure.code} ${document.number}`).toBeDefined();
        else expect(document.reason, `${procedure.code} ${document.raw}`).toBeDefined();
      }
    }
  });

  it('reads "Luật 60/2014/QH13" glued to its code as the title and the number 60/2014/QH13 (1.001193)', () => {
    expect(getProcedure(catalog, '1.001193')?.legalBasis).toContainEqual({ number: '60/2014/QH13', title: 'Luật 60/2014/QH13' });
    expect(getProcedure(catalog, '1.001193')?.legalBasis).toContainEqual(expect.objectContaining({ number: '66.7/2025/NQ-CP' }));
  });

  it('gives plant quarantine in elapsed hours, as the Law on Plant Protection and Quarantine counts them (1.003984)', () => {
    expect(getChannelDeadline(catalog, '1.003984', 'in-person')).toMatchObject({ status: 'resolved', value: 24, unit: 'hours', override: { id: 'hours.plant-quarantine.elapsed' } });
  });

  it('reads "10 Ngày" as working days where the row says "10 ngày làm việc", with a 5-day variant by case (1.009664)', () => {
    const deadline = getChannelDeadline(catalog, '1.009664', 'in-person');
    expect(deadline).toMatchObject({ status: 'resolved', value: 10, unit: 'working-days', variants: [{ value: 5, unit: 'working-days' }] });
    expect(deadline?.basis?.map((entry) => entry.source)).toEqual(['cell', 'description']);
  });

  it('leaves 1.013285 conditional: each of its four rows names the projects it applies to', () => {
    const deadline = getChannelDeadline(catalog, '1.013285', 'in-person');
    expect(deadline).toMatchObject({ status: 'unresolved', reason: 'conditional' });
    expect(deadline?.status === 'unresolved' ? deadline.variants?.map((variant) => variant.value) : []).toEqual([10, 15, 20, 30]);
  });

  it('never reads a fee as a deadline: "Trực tuyến120 VNĐ(Nếu nộp hồ sơ tại Cơ quan đại diện ...)" stays glued (2.001895)', () => {
    expect(getProcedure(catalog, '2.001895')?.channels.online).toMatchObject({ deadline: { status: 'unresolved', reason: 'fee-glued' }, fee: { raw: '120 VNĐ(Nếu nộp hồ sơ tại Cơ quan đại diện Việt Nam ở nước ngoài)' } });
  });

  it('marks tax declarations with no result as not applicable, quoting the record', () => {
    const deadline = getChannelDeadline(catalog, '1.007014', 'online');
    expect(deadline).toMatchObject({ status: 'not-applicable' });
    expect(deadline?.basis?.some((entry) => entry.source === 'result' && entry.text.includes('không có kết quả giải quyết'))).toBe(true);
  });

  it('has 2,611 xã, 697 phường and 13 đặc khu as of 2026-05-01, and 2,621 xã and 687 phường as of 2025-07-01', () => {
    const count = (date: string) => {
      const counts: Record<string, number> = {};
      for (const unit of catalog.units) {
        const type = getUnitVersion(catalog, unit.code, date)?.type;
        if (unit.level === 'commune' && type !== undefined) counts[type] = (counts[type] ?? 0) + 1;
      }
      return counts;
    };
    expect(count('2026-05-01')).toEqual({ xa: 2611, phuong: 697, 'dac-khu': 13 });
    expect(count('2025-07-01')).toEqual({ xa: 2621, phuong: 687, 'dac-khu': 13 });
  });

  it('makes Đồng Nai a city and its ten communes phường on 2026-04-30, not before', () => {
    expect(getUnitVersion(catalog, '75', '2026-04-01')?.type).toBe('tinh');
    expect(getUnitVersion(catalog, '75', '2026-05-01')?.type).toBe('thanh-pho');
    for (const code of DONG_NAI_NEW_WARDS) {
      expect(getUnit(catalog, code)?.province).toBe('75');
      expect(getUnitVersion(catalog, code, '2026-04-01')?.type, code).toBe('xa');
      expect(getUnitVersion(catalog, code, '2026-05-01')?.type, code).toBe('phuong');
      expect(getUnitVersion(catalog, code, '2026-05-01')?.legalBasis?.map((document) => 'number' in document && document.number)).toContain('30/2026/QH16');
    }
  });

  it('writes the newest spelling (Yên Hoà) and keeps a real spelling change as an alias (Phố Bảng, once Phó Bảng)', () => {
    const yenHoa = catalog.units.find((unit) => unit.versions[0]!.name.vi.startsWith('Yên Ho'));
    expect(yenHoa?.versions[0]?.name.vi).toBe('Yên Hoà');
    expect(getUnit(catalog, '00745')).toMatchObject({ aliases: ['Phó Bảng'], versions: [{ name: { vi: 'Phố Bảng' } }] });
  });

  it('lists Hà Nội with its communes', () => {
    expect(getUnit(catalog, '01')?.versions[0]?.fullName.vi).toBe('Thành phố Hà Nội');
    expect(getUnitsOfProvince(catalog, '01').length).toBeGreaterThan(100);
  });

  it('knows 1.001193 as birth registration at commune level: "1" as published, same day by the Law on Civil Status', () => {
    const birth = getProcedure(catalog, '1.001193');
    expect(birth).toMatchObject({ name: 'Thủ tục đăng ký khai sinh', ministry: 'Bộ Tư pháp', sector: 'Hộ tịch', levels: ['commune'] });
    expect(birth?.channels['in-person']?.deadline).toEqual({ status: 'unresolved', raw: '1', reason: 'no-unit', basis: [{ source: 'cell', text: '1' }] });
    expect(getChannelDeadline(catalog, '1.001193', 'in-person', '2026-03-03')).toMatchObject({
      status: 'resolved',
      value: 0,
      unit: 'same-day',
      override: { id: 'civil-status.birth.same-day', legalBasis: [{ document: 'Luật Hộ tịch 60/2014/QH13', article: 'Điều 16 khoản 2' }] },
    });
    expect(birth?.channels['in-person']?.fee).toEqual({ raw: 'Miễn phí', free: true });
    expect(birth?.legalBasis).toContainEqual(expect.objectContaining({ number: '123/2015/NĐ-CP' }));
    expect(birth?.result).toEqual([{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }]);
  });

  it('keeps a defence procedure with its conditional deadline (1.013129)', () => {
    expect(getProcedure(catalog, '1.013129')?.channels['in-person']?.deadline).toMatchObject({
      status: 'resolved',
      value: 7,
      unit: 'calendar-days',
      variants: [{ value: 14, unit: 'calendar-days' }],
    });
  });

  it('translates old Phúc Xá (00001) to Hồng Hà (00097)', () => {
    expect(translateLegacyUnit(catalog, '00001')).toMatchObject([{ code: '00097', type: 'full' }]);
  });

  it('finds procedures at every level', () => {
    for (const level of ['central', 'province', 'commune', 'other'] as const) expect(getProceduresByLevel(catalog, level).length).toBeGreaterThan(0);
  });

  it('has a stable content hash', () => {
    expect(catalog.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
