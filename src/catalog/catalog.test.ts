import { describe, expect, it } from 'vitest';
import { buildFromTexts } from '../../test/_catalog-load.js';
import {
  catalogStats,
  getProcedure,
  getProceduresByAuthority,
  getProceduresByChannel,
  getProceduresByLevel,
  getProceduresBySector,
  getUnit,
  getUnitVersion,
  getUnitsOfProvince,
  translateLegacyUnit,
} from './catalog.js';
import { sha256Hex } from '../hash.js';

const SOURCE = `source:
  - dataset: test
    origin: inline
    licence: MIT
`;
const provinces = `kind: units
${SOURCE}units:
  - code: "75"
    level: province
    validFrom: "2025-07-01"
    versions:
      - validFrom: "2025-07-01"
        validTo: "2026-04-29"
        type: tinh
        name: { vi: Đồng Nai, en: Dong Nai }
        fullName: { vi: Tỉnh Đồng Nai, en: Dong Nai Province }
      - validFrom: "2026-04-30"
        type: thanh-pho
        name: { vi: Đồng Nai, en: Dong Nai }
        fullName: { vi: Thành phố Đồng Nai, en: Dong Nai City }
`;
const communes = `kind: units
${SOURCE}units:
  - code: "26368"
    level: commune
    province: "75"
    validFrom: "2025-07-01"
    versions:
      - validFrom: "2025-07-01"
        validTo: "2026-04-29"
        type: xa
        name: { vi: Long Thành, en: Long Thanh }
        fullName: { vi: Xã Long Thành, en: Long Thanh Commune }
      - validFrom: "2026-04-30"
        type: phuong
        name: { vi: Long Thành, en: Long Thanh }
        fullName: { vi: Phường Long Thành, en: Long Thanh Ward }
`;
const procedure = (code: string, deadline: string) => `  - code: "${code}"
    name: Thủ tục thử
    ministry: Bộ Tư pháp
    sector: Hộ tịch
    levels: [commune]
    applicants: [Công dân Việt Nam]
    competentAuthority: Ủy ban nhân dân cấp xã
    legalBasis: []
    result: []
    channels:
      in-person:
        deadline: ${deadline}
    source: { dataset: national-portal-2026 }
`;
const procedures = `kind: procedures
${SOURCE}procedures:
${procedure('1.000001', '{ status: resolved, value: 3, unit: working-days, raw: 3 Ngày làm việc }')}${procedure('1.000002', '{ status: unresolved, raw: "1", reason: no-unit }')}`;
const legacy = `kind: legacy-units
${SOURCE}province: "75"
links:
  - { old: "26000", oldName: Xã Cũ, new: "26368", type: partial }
  - { old: "26001", oldName: Xã Khác, new: "99999", type: full }
`;

const base = [
  { file: 'units/provinces.yaml', text: provinces },
  { file: 'units/communes/75.yaml', text: communes },
  { file: 'procedures/a.yaml', text: procedures },
  { file: 'units/legacy/75.yaml', text: legacy },
];

describe('createCatalog on inline fixtures', () => {
  it('answers which version of a unit is in force on a date', () => {
    const { catalog } = buildFromTexts(base);
    expect(getUnitVersion(catalog, '26368', '2026-04-01')?.type).toBe('xa');
    expect(getUnitVersion(catalog, '26368', '2026-04-30')?.type).toBe('phuong');
    expect(getUnitVersion(catalog, '26368', '2025-06-30')).toBeUndefined();
    expect(() => getUnitVersion(catalog, '26368', '2026-02-30')).toThrow(/^date: expected a calendar date YYYY-MM-DD, got "2026-02-30"$/);
  });

  it('reports a legacy link to a commune that does not exist, at its line', () => {
    const { issues } = buildFromTexts(base);
    const issue = issues.find((item) => item.code === 'UNKNOWN_LEGACY_TARGET');
    expect(issue).toMatchObject({ severity: 'error', file: 'units/legacy/75.yaml', line: 9, path: ['links', 1, 'new'] });
  });

  it('warns at the deadline node of every unresolved deadline', () => {
    const { issues } = buildFromTexts(base);
    const warning = issues.find((item) => item.code === 'DEADLINE_UNRESOLVED');
    expect(warning).toMatchObject({ severity: 'warning', path: ['procedures', 1, 'channels', 'in-person', 'deadline'] });
    expect(warning?.line).toBeGreaterThan(20);
  });

  it('reports a duplicate code at the second occurrence and names the first file and line', () => {
    const { catalog, issues } = buildFromTexts([...base, { file: 'procedures/b.yaml', text: procedures.replace('1.000002', '1.000003') }]);
    const duplicate = issues.find((item) => item.code === 'DUPLICATE_CODE');
    expect(duplicate).toMatchObject({ file: 'procedures/b.yaml', path: ['procedures', 0, 'code'] });
    expect(duplicate?.message).toMatch(/already defined at procedures\/a\.yaml:\d+/);
    expect(catalog.procedures.map((item) => item.code)).toEqual(['1.000001', '1.000002', '1.000003']);
  });

  it('reports a commune whose province is missing', () => {
    const { issues } = buildFromTexts(base.filter((item) => item.file !== 'units/provinces.yaml'));
    expect(issues.some((item) => item.code === 'UNKNOWN_PROVINCE')).toBe(true);
  });

  it('reports versions that overlap, leave gaps or end before they start', () => {
    const broken = communes.replace('validFrom: "2026-04-30"\n        type: phuong', 'validFrom: "2026-05-02"\n        type: phuong');
    const reversed = provinces.replace('validTo: "2026-04-29"', 'validTo: "2024-01-01"');
    const { issues } = buildFromTexts([
      { file: 'units/provinces.yaml', text: reversed },
      { file: 'units/communes/75.yaml', text: broken },
    ]);
    const messages = issues.filter((item) => item.code === 'INVALID_INTERVAL').map((item) => item.message);
    expect(messages).toContain('version from 2026-05-02 leaves a gap after the version ending 2026-04-29');
    expect(messages.some((message) => /ends \(2024-01-01\) before it starts/.test(message))).toBe(true);
  });

  it('finds procedures by level, sector (any tone placement), authority and channel', () => {
    const { catalog } = buildFromTexts(base);
    expect(getProceduresByLevel(catalog, 'commune')).toHaveLength(2);
    expect(getProceduresByLevel(catalog, 'central')).toHaveLength(0);
    expect(getProceduresBySector(catalog, 'hộ tịch')).toHaveLength(2);
    expect(getProceduresByAuthority(catalog, 'Uỷ ban nhân dân cấp xã')).toHaveLength(2);
    expect(getProceduresByChannel(catalog, 'in-person')).toHaveLength(2);
    expect(getProceduresByChannel(catalog, 'post')).toHaveLength(0);
    expect(getProcedure(catalog, '1.000001')?.name).toBe('Thủ tục thử');
    expect(getUnit(catalog, '75')?.level).toBe('province');
    expect(getUnitsOfProvince(catalog, '75').map((unit) => unit.code)).toEqual(['26368']);
  });

  it('translates an old commune code to its new commune', () => {
    const { catalog } = buildFromTexts(base);
    expect(translateLegacyUnit(catalog, '26000')).toMatchObject([{ code: '26368', type: 'partial' }]);
    expect(translateLegacyUnit(catalog, '00000')).toEqual([]);
  });

  it('counts deadlines by unit', () => {
    const { catalog } = buildFromTexts(base);
    expect(catalogStats(catalog)).toMatchObject({ procedures: 2, provinces: 1, communes: 1, unresolvedDeadlines: 1 });
    expect(catalogStats(catalog).byDeadlineUnit['working-days']).toBe(1);
  });

  it('returns frozen data and a hash that does not depend on file order', () => {
    const a = buildFromTexts(base).catalog;
    const b = buildFromTexts([...base].reverse()).catalog;
    expect(Object.isFrozen(a.procedures[0])).toBe(true);
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j like the standard', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });
});
