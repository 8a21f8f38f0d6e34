import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  catalogStats,
  getChannelDeadline,
  getProcedure,
  getProceduresByLevel,
  getUnit,
  getUnitVersion,
  getUnitsOfProvince,
  translateLegacyUnit,
} from '../src/catalog/catalog.js';
import { buildFromTexts, readCatalogDir } from './_catalog-load.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { catalog, issues } = buildFromTexts(readCatalogDir(join(ROOT, 'catalog')));
const DONG_NAI_NEW_WARDS = ['25270', '25357', '25363', '26116', '26170', '26248', '26326', '26368', '26425', '26485'];

describe('the shipped catalogue', () => {
  it('has no errors, only unresolved-deadline warnings', () => {
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['DEADLINE_UNRESOLVED']));
  });

  it('holds 2,849 procedures, 34 provinces and 3,321 communes', () => {
    const stats = catalogStats(catalog);
    expect(stats).toMatchObject({ procedures: 2849, provinces: 34, communes: 3321, legacyLinks: 10604 });
    expect(stats.unresolvedDeadlines).toBe(issues.length);
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
