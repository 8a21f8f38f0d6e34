/**
 * Builds catalog/ from ../shared/data (override with TTHC_SHARED_DATA). Deterministic: the same input gives the same
 * bytes (fixed key order, sorted lists, no timestamps). Run: npx tsx scripts/import-catalog.ts [outDir]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { parseFee } from '../src/catalog/deadline.js';
import { findDocumentNumbers } from '../src/catalog/document-number.js';
import { deriveCompetence } from './_competence.js';
import { resolveChannelDeadline } from './_deadline-record.js';
import type { DeadlineRow, RecordTexts } from './_deadline-record.js';
import { normaliseName, slugify } from '../src/catalog/names.js';
import type {
  CatalogFileKind,
  Channel,
  ChannelName,
  LegacyLink,
  LegacyUnitsFile,
  LegalDocument,
  Level,
  ProcedureFileEntry as Procedure,
  ProceduresFile,
  SourceRef,
  Unit,
  UnitType,
  UnitsFile,
  UnitVersion,
} from '../src/catalog/schema.js';
import { splitChannels, splitLegalBasis, splitList, splitResults } from './_portal.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the shared reference data lives: $TTHC_SHARED_DATA, else ../shared/data next to the repository. */
export function sharedDataDir(): string {
  return process.env['TTHC_SHARED_DATA'] ?? resolve(REPO_ROOT, '..', 'shared', 'data');
}

const SOURCES = {
  units2025: {
    dataset: 'units/2025-07-01',
    origin: 'github.com/thanglequoc/vietnamese-provinces-database',
    commit: '78594ea643d5fdebd640ea3889ea91f84b9463ae',
    licence: 'MIT',
  },
  units2026: {
    dataset: 'units/2026-07-25',
    origin: 'github.com/thanglequoc/vietnamese-provinces-database',
    commit: 'cd58063299585146ded3981f2272946ef19ced54',
    licence: 'MIT',
  },
  legacy: {
    dataset: 'units/legacy-mapping-2025',
    origin: 'github.com/dvhcvn/20250701',
    commit: 'dd94887ce32324380bc5bb0a76fe39867dafc73b',
    licence: 'MIT',
  },
  portal: {
    dataset: 'national-portal-2026',
    origin: 'github.com/chatbot-tthc/chatbot_tthc',
    commit: '53229487610b07e0d7127f529b87c333f19aeb1e',
    licence: 'none declared upstream; official public information',
    cite: 'National Public Service Portal, crawled 2026',
  },
  defence: {
    dataset: 'defence-2025',
    origin: 'github.com/nhdandz/ThuTucHanhChinh',
    commit: '936e184ef5b6afd7debfecf42e66888c4d6174ba',
    licence: 'none declared upstream; official public information',
    cite: 'National Public Service Portal (Ministry of National Defence procedures), 2025',
  },
} satisfies Record<string, SourceRef>;

const UNITS_START = '2025-07-01';
/** Resolution 30/2026/QH16 and 237/NQ-UBTVQH16: Đồng Nai a city, ten of its xã phường. */
const DONG_NAI_CHANGE = { validFrom: '2026-04-30', lastDayBefore: '2026-04-29' };
const DONG_NAI_BASIS: LegalDocument[] = [{ number: '30/2026/QH16' }, { number: '237/NQ-UBTVQH16' }];
const PROVINCE_BASIS: LegalDocument[] = [
  { number: '202/2025/QH15', title: 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh' },
];

// ------------------------------------------------------------------ units

interface RawUnit {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  FullNameEn: string;
  CodeName: string;
  ProvinceCode?: string;
  AdministrativeUnitShortName: string;
  Wards?: RawUnit[];
}

const UNIT_TYPES: Record<string, UnitType> = {
  Tỉnh: 'tinh',
  'Thành phố': 'thanh-pho',
  Xã: 'xa',
  Phường: 'phuong',
  'Đặc khu': 'dac-khu',
};

function unitType(raw: RawUnit): UnitType {
  const type = UNIT_TYPES[raw.AdministrativeUnitShortName];
  if (type === undefined) throw new Error(`unit ${raw.Code}: unknown unit type "${raw.AdministrativeUnitShortName}"`);
  return type;
}

/** The newest spelling, unless the two differ only in letter case (then the one that starts with a capital). */
function preferredSpelling(older: string, newer: string): string {
  if (older !== newer && older.toLowerCase() === newer.toLowerCase()) return /^\p{Lu}/u.test(newer) ? newer : older;
  return newer;
}

function buildUnit(older: RawUnit, newer: RawUnit, level: 'province' | 'commune'): Unit {
  const current: UnitVersion = {
    validFrom: UNITS_START,
    type: unitType(newer),
    name: { vi: preferredSpelling(older.Name, newer.Name), en: newer.NameEn },
    fullName: { vi: preferredSpelling(older.FullName, newer.FullName), en: newer.FullNameEn },
  };
  if (level === 'province') current.legalBasis = PROVINCE_BASIS;
  const versions: UnitVersion[] = [];
  if (unitType(older) !== unitType(newer)) {
    const first: UnitVersion = {
      validFrom: UNITS_START,
      validTo: DONG_NAI_CHANGE.lastDayBefore,
      type: unitType(older),
      name: current.name,
      fullName: { vi: older.FullName, en: older.FullNameEn },
    };
    if (level === 'province') first.legalBasis = PROVINCE_BASIS;
    versions.push(first, { ...current, validFrom: DONG_NAI_CHANGE.validFrom, legalBasis: DONG_NAI_BASIS });
  } else {
    versions.push(current);
  }
  const unit: Unit = { code: newer.Code, level, validFrom: UNITS_START, versions };
  if (level === 'commune') unit.province = newer.ProvinceCode!;
  if (normaliseName(older.Name) !== normaliseName(newer.Name)) unit.aliases = [older.Name];
  return orderUnit(unit);
}

function orderUnit(unit: Unit): Unit {
  const { code, level, province, validFrom, validTo, aliases, versions } = unit;
  return {
    code,
    level,
    ...(province === undefined ? {} : { province }),
    validFrom,
    ...(validTo === undefined ? {} : { validTo }),
    ...(aliases === undefined ? {} : { aliases }),
    versions,
  };
}

interface OutFile {
  readonly path: string;
  readonly kind: CatalogFileKind;
  readonly data: UnitsFile | ProceduresFile | LegacyUnitsFile;
}

function buildUnits(dataDir: string): { files: OutFile[]; provinceSlugs: Map<string, string>; communes: Map<string, RawUnit> } {
  const older = JSON.parse(readFileSync(join(dataDir, 'units/2025-07-01/units.json'), 'utf8')) as RawUnit[];
  const newer = JSON.parse(readFileSync(join(dataDir, 'units/2026-07-25/units.json'), 'utf8')) as RawUnit[];
  const olderByCode = new Map<string, RawUnit>();
  for (const province of older) {
    olderByCode.set(province.Code, province);
    for (const ward of province.Wards ?? []) olderByCode.set(ward.Code, ward);
  }
  const source = [SOURCES.units2025, SOURCES.units2026];
  const provinces: Unit[] = [];
  const files: OutFile[] = [];
  const provinceSlugs = new Map<string, string>();
  for (const province of [...newer].sort((a, b) => a.Code.localeCompare(b.Code))) {
    const before = olderByCode.get(province.Code);
    if (before === undefined) throw new Error(`province ${province.Code} missing from the 2025 dataset`);
    provinces.push(buildUnit(before, province, 'province'));
    const slug = `${province.Code}-${province.CodeName.replace(/_/g, '-')}`;
    provinceSlugs.set(province.Code, slug);
    const communes = [...(province.Wards ?? [])]
      .sort((a, b) => a.Code.localeCompare(b.Code))
      .map((ward) => {
        const wardBefore = olderByCode.get(ward.Code);
        if (wardBefore === undefined) throw new Error(`commune ${ward.Code} missing from the 2025 dataset`);
        return buildUnit(wardBefore, ward, 'commune');
      });
    files.push({ path: `units/communes/${slug}.yaml`, kind: 'units', data: { kind: 'units', source, units: communes } });
  }
  files.unshift({ path: 'units/provinces.yaml', kind: 'units', data: { kind: 'units', source, units: provinces } });
  const communes = new Map<string, RawUnit>();
  for (const province of newer) for (const ward of province.Wards ?? []) communes.set(ward.Code, ward);
  return { files, provinceSlugs, communes };
}

interface RawMerges {
  data: { level1_id: string; level2s: { level2_id: string; name: string; merges: { old_id: string; name: string; type: 'full' | 'partial' }[] }[] }[];
}

/**
 * The upstream mapping uses a few new-commune codes that are not in the official list (06970 Xã Ba Chẽ for 06978,
 * 23737 Xã Ia Mơ for 23938). Such a code is replaced by the one official commune of the same province with the same
 * full name (after normaliseName) that the mapping does not otherwise use; the link records the correction in `note`.
 */
function correctedCode(code: string, name: string, province: string, communes: ReadonlyMap<string, RawUnit>, used: ReadonlySet<string>): string | undefined {
  if (communes.has(code)) return code;
  const candidates = [...communes.values()].filter(
    (unit) => unit.ProvinceCode === province && !used.has(unit.Code) && normaliseName(unit.FullName) === normaliseName(name),
  );
  return candidates.length === 1 ? candidates[0]!.Code : undefined;
}

function buildLegacy(dataDir: string, provinceSlugs: Map<string, string>, communes: ReadonlyMap<string, RawUnit>): OutFile[] {
  const merges = JSON.parse(readFileSync(join(dataDir, 'units/legacy-mapping-2025/merges_new_to_old.json'), 'utf8')) as RawMerges;
  const used = new Set(merges.data.flatMap((province) => province.level2s.map((commune) => commune.level2_id)));
  const files: OutFile[] = [];
  for (const province of [...merges.data].sort((a, b) => a.level1_id.localeCompare(b.level1_id))) {
    const links: LegacyLink[] = [];
    for (const commune of province.level2s) {
      const code = correctedCode(commune.level2_id, commune.name, province.level1_id, communes, used) ?? commune.level2_id;
      for (const merge of commune.merges) {
        const link: LegacyLink = { old: merge.old_id, oldName: merge.name, new: code, type: merge.type };
        if (code !== commune.level2_id) {
          link.note = `upstream gives new code ${commune.level2_id} for ${commune.name}; the official code of ${commune.name} is ${code}`;
        }
        links.push(link);
      }
    }
    links.sort((a, b) => a.new.localeCompare(b.new) || a.old.localeCompare(b.old));
    const slug = provinceSlugs.get(province.level1_id);
    if (slug === undefined) throw new Error(`legacy mapping: unknown new province ${province.level1_id}`);
    files.push({
      path: `units/legacy/${slug}.yaml`,
      kind: 'legacy-units',
      data: { kind: 'legacy-units', source: [SOURCES.legacy], province: province.level1_id, links },
    });
  }
  return files;
}

// ------------------------------------------------------------------ procedures

const MINISTRIES: Record<string, string> = {
  'bo-cong-an': 'Bộ Công an',
  'bo-tai-chinh': 'Bộ Tài chính',
  'bo-nong-nghiep-mt': 'Bộ Nông nghiệp và Môi trường',
  'bo-xay-dung': 'Bộ Xây dựng',
  'bo-tu-phap': 'Bộ Tư pháp',
  'ngan-hang-nha-nuoc': 'Ngân hàng Nhà nước Việt Nam',
  'toa-an-nhan-dan': 'Tòa án nhân dân tối cao',
};
const DEFENCE_MINISTRY = 'Bộ Quốc phòng';

const CHANNELS: Record<string, ChannelName> = { 'Trực tiếp': 'in-person', 'Trực tuyến': 'online', 'Dịch vụ bưu chính': 'post' };
const LEVELS: Record<string, Level> = { 'cấp bộ': 'central', 'cấp tỉnh': 'province', 'cấp xã': 'commune', 'cơ quan khác': 'other' };
const LEVEL_ORDER: readonly Level[] = ['central', 'province', 'commune', 'other'];

function present(text: string | undefined): string | undefined {
  const value = text?.replace(/\s+/gu, ' ').trim();
  return value === undefined || value === '' || /^không có thông tin\.?$/iu.test(value) ? undefined : value;
}

function parseLevels(text: string): { levels: Level[]; raw?: string } {
  const parts = splitList(text);
  let lossy = parts.length === 0;
  const found = new Set<Level>();
  for (const part of parts) {
    const level = LEVELS[part.toLowerCase()];
    if (level === undefined) lossy = true;
    found.add(level ?? 'other');
  }
  if (found.size === 0) found.add('other');
  const levels = LEVEL_ORDER.filter((level) => found.has(level));
  return lossy ? { levels, raw: text } : { levels };
}

interface Row extends DeadlineRow {
  readonly fee: string;
}

/** Merges the rows published for one channel into one channel: the deadline read from the whole record. */
function buildChannel(rows: readonly Row[], texts: RecordTexts): Channel {
  const deadline = resolveChannelDeadline(rows, texts);
  const descriptions = unique(rows.map((row) => row.description.trim()).filter((text) => text !== ''));
  const fees = unique(rows.map((row) => row.fee.trim()).filter((text) => text !== ''));
  const channel: Channel = { deadline };
  if (fees.length === 1) {
    const fee = rows.some((row) => row.glued !== undefined) ? { raw: fees[0]! } : parseFee(fees[0]!);
    if (fee !== undefined) channel.fee = fee;
  } else if (fees.length > 1) {
    const parsed = fees.map((text) => parseFee(text));
    channel.fee = parsed.every((fee) => fee?.free === true) ? { raw: fees.join('\n'), free: true } : { raw: fees.join('\n') };
  }
  if (descriptions.length > 0) channel.description = descriptions.join('\n');
  return channel;
}

function buildChannels(rows: readonly (Row & { channel: string })[], texts: RecordTexts): Procedure['channels'] {
  const channels: Procedure['channels'] = {};
  for (const label of ['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính'] as const) {
    const mine = rows.filter((row) => row.channel.trim() === label);
    if (mine.length > 0) channels[CHANNELS[label]!] = buildChannel(mine, texts);
  }
  return channels;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The procedure with its competence read from the record (see _competence.ts), in the file's key order. */
function withCompetence(procedure: Procedure, steps: string): Procedure {
  const competence = deriveCompetence({ ...procedure, steps: steps.replace(/\s+/gu, ' ') });
  return orderProcedure({ ...procedure, competence });
}

function orderProcedure(procedure: Procedure): Procedure {
  const keys: (keyof Procedure)[] = [
    'code', 'name', 'ministry', 'sector', 'levels', 'levelsRaw', 'type', 'applicants', 'competentAuthority',
    'implementingAuthority', 'delegatedAuthority', 'coordinatingAuthority', 'announcedBy', 'legalBasis', 'result',
    'channels', 'competence', 'source',
  ];
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if (procedure[key] !== undefined) ordered[key] = procedure[key];
  return ordered as Procedure;
}

function optionalFields(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    const text = present(value);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

interface PortalRecord {
  source_folder: string;
  ma_thu_tuc: string;
  detail_url: string;
  ten_thu_tuc: string;
  so_quyet_dinh: string;
  cap_thuc_hien: string;
  loai_thu_tuc: string;
  linh_vuc: string;
  doi_tuong_thuc_hien: string;
  co_quan_co_tham_quyen: string;
  co_quan_thuc_hien: string;
  co_quan_duoc_uy_quyen: string;
  co_quan_phoi_hop: string;
  cach_thuc_thuc_hien: string;
  can_cu_phap_ly: string;
  ket_qua_xu_ly: string;
  trinh_tu_thuc_hien: string;
}

function portalProcedure(record: PortalRecord): Procedure {
  const ministry = MINISTRIES[record.source_folder];
  if (ministry === undefined) throw new Error(`procedure ${record.ma_thu_tuc}: unknown ministry folder ${record.source_folder}`);
  const { levels, raw } = parseLevels(record.cap_thuc_hien);
  return withCompetence({
    code: record.ma_thu_tuc.trim(),
    name: record.ten_thu_tuc.replace(/\s+/gu, ' ').trim(),
    ministry,
    sector: present(record.linh_vuc) ?? 'Khác',
    levels,
    ...(raw === undefined ? {} : { levelsRaw: raw }),
    applicants: splitList(present(record.doi_tuong_thuc_hien) ?? ''),
    ...optionalFields({
      type: record.loai_thu_tuc,
      competentAuthority: record.co_quan_co_tham_quyen,
      implementingAuthority: record.co_quan_thuc_hien,
      delegatedAuthority: record.co_quan_duoc_uy_quyen,
      coordinatingAuthority: record.co_quan_phoi_hop,
      announcedBy: record.so_quyet_dinh,
    }),
    legalBasis: splitLegalBasis(record.can_cu_phap_ly),
    result: splitResults(record.ket_qua_xu_ly),
    channels: buildChannels(splitChannels(record.cach_thuc_thuc_hien), { steps: record.trinh_tu_thuc_hien ?? '', result: record.ket_qua_xu_ly ?? '' }),
    source: { dataset: 'national-portal-2026', ...(present(record.detail_url) === undefined ? {} : { url: record.detail_url.trim() }) },
  } as Procedure, record.trinh_tu_thuc_hien ?? '');
}

interface DefenceRecord {
  thu_tuc_id: string;
  metadata: Record<string, string>;
  content: Record<string, string>;
  tables: {
    hinh_thuc_nop: { hinh_thuc: string; thoi_han_giai_quyet: string; phi_le_phi: string; mo_ta: string }[];
    can_cu_phap_ly: { so_ky_hieu: string; trich_yeu: string }[];
  };
}

function defenceLegalDocument(row: { so_ky_hieu: string; trich_yeu: string }): LegalDocument {
  const numbers = unique(findDocumentNumbers((row.so_ky_hieu ?? '').normalize('NFC')).map((found) => found.number.text));
  const title = present(row.trich_yeu);
  if (numbers.length === 1) return title === undefined ? { number: numbers[0]! } : { number: numbers[0]!, title };
  const raw = [present(row.so_ky_hieu), title].filter((part) => part !== undefined).join(' ');
  return { raw: raw === '' ? '(empty)' : raw, reason: numbers.length === 0 ? 'no-number' : 'unsplittable' };
}

function defenceProcedure(record: DefenceRecord): Procedure {
  const meta = record.metadata;
  const content = record.content;
  const { levels, raw } = parseLevels(meta['cấp_thực_hiện'] ?? '');
  const result = present(content['kết_quả_thực_hiện']);
  return withCompetence({
    code: record.thu_tuc_id.trim(),
    name: (meta['tên_thủ_tục'] ?? '').replace(/\s+/gu, ' ').trim(),
    ministry: DEFENCE_MINISTRY,
    sector: present(meta['lĩnh_vực']) ?? 'Khác',
    levels,
    ...(raw === undefined ? {} : { levelsRaw: raw }),
    applicants: splitList(present(content['đối_tượng_thực_hiện']) ?? ''),
    ...optionalFields({
      type: meta['loại_thủ_tục'],
      competentAuthority: content['cơ_quan_có_thẩm_quyền'],
      implementingAuthority: content['cơ_quan_thực_hiện'],
      delegatedAuthority: content['cơ_quan_được_ủy_quyền'],
      coordinatingAuthority: content['cơ_quan_phối_hợp'],
      announcedBy: meta['số_quyết_định']?.replace(/^Quyết định số\s*/u, ''),
    }),
    legalBasis: record.tables.can_cu_phap_ly.map(defenceLegalDocument),
    result: result === undefined ? [] : [{ name: result }],
    channels: buildChannels(
      record.tables.hinh_thuc_nop.map((row) => ({
        channel: row.hinh_thuc,
        time: row.thoi_han_giai_quyet ?? '',
        fee: row.phi_le_phi ?? '',
        description: row.mo_ta ?? '',
      })),
      { steps: content['trình_tự_thực_hiện'] ?? '', result: content['kết_quả_thực_hiện'] ?? '' },
    ),
    source: { dataset: 'defence-2025' },
  } as Procedure, content['trình_tự_thực_hiện'] ?? '');
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/**
 * Records whose name is the title of a provincial announcing decision ("Công bố Danh mục ... thủ tục hành chính ..."),
 * not a procedure's: seven 2026 portal records (2.001428, 3.000226, 3.000243, 3.000244, 3.000246, 3.000283, 3.000331)
 * carry Hà Tĩnh Decision 1404/QĐ-UBND's title and, field for field, the same page. Their own names and contents are
 * not in the data, so they are left out rather than shipped under another document's title.
 */
export function isDecisionTitle(name: string): boolean {
  return /^(công bố|về việc công bố|ban hành)\s+danh mục[\s\S]*thủ tục hành chính/iu.test(name.normalize('NFC').trim());
}

function buildProcedures(dataDir: string): OutFile[] {
  const portal = readJsonl<PortalRecord>(join(dataDir, 'procedures/national-portal-2026/tthc_records.jsonl'))
    .filter((record) => !isDecisionTitle(record.ten_thu_tuc))
    .map(portalProcedure);
  const defence = readJsonl<DefenceRecord>(join(dataDir, 'procedures/defence-2025/bqp_tthc_extracted.jsonl')).map(defenceProcedure);
  // Duplicate codes are written as they are: createCatalog reports them (DUPLICATE_CODE). The 2026 data has none.
  const groups = new Map<string, Map<string, Procedure[]>>();
  for (const procedure of [...portal, ...defence]) {
    const sectors = groups.get(procedure.ministry) ?? new Map<string, Procedure[]>();
    groups.set(procedure.ministry, sectors);
    const list = sectors.get(procedure.sector) ?? [];
    sectors.set(procedure.sector, list);
    list.push(procedure);
  }
  const files: OutFile[] = [];
  const ministrySlugs = uniqueSlugs([...groups.keys()]);
  for (const [ministry, sectors] of groups) {
    const sectorSlugs = uniqueSlugs([...sectors.keys()]);
    for (const [sector, procedures] of sectors) {
      procedures.sort((a, b) => a.code.localeCompare(b.code) || a.source.dataset.localeCompare(b.source.dataset));
      const datasets = unique(procedures.map((procedure) => procedure.source.dataset)).sort();
      const source = datasets.map((dataset) => (dataset === 'defence-2025' ? SOURCES.defence : SOURCES.portal));
      files.push({
        path: `procedures/${ministrySlugs.get(ministry)!}/${sectorSlugs.get(sector)!}.yaml`,
        kind: 'procedures',
        data: { kind: 'procedures', source, procedures },
      });
    }
  }
  return files;
}

/** Slugs for names, unique: a clash gets -2, -3 ... in the order of the sorted names. */
function uniqueSlugs(names: readonly string[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const used = new Set<string>();
  for (const name of [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const base = slugify(name) || 'khac';
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(name, slug);
  }
  return slugs;
}

// ------------------------------------------------------------------ writing

/** The text of one catalogue file: schema comment, then the YAML. */
export function formatCatalogFile(path: string, kind: CatalogFileKind, data: unknown): string {
  const depth = path.split('/').length - 1;
  const schema = `${'../'.repeat(depth + 1)}schema/${kind}.schema.json`;
  const body = stringify(data, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, indentSeq: true });
  return `# yaml-language-server: $schema=${schema}\n${body}`;
}

/** Builds every catalogue file in memory, sorted by path. */
export function buildCatalogFiles(dataDir: string = sharedDataDir()): { path: string; text: string }[] {
  const { files: unitFiles, provinceSlugs, communes } = buildUnits(dataDir);
  const files = [...unitFiles, ...buildLegacy(dataDir, provinceSlugs, communes), ...buildProcedures(dataDir)];
  return files
    .map((file) => ({ path: file.path, text: formatCatalogFile(file.path, file.kind, file.data) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes catalog/units and catalog/procedures under outDir, replacing what was there. */
export function importCatalog(options: { dataDir?: string; outDir?: string } = {}): { path: string; text: string }[] {
  const outDir = options.outDir ?? join(REPO_ROOT, 'catalog');
  const files = buildCatalogFiles(options.dataDir ?? sharedDataDir());
  for (const folder of ['units', 'procedures']) rmSync(join(outDir, folder), { recursive: true, force: true });
  for (const file of files) {
    const target = join(outDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  return files;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] === undefined ? undefined : resolve(process.argv[2]);
  const files = importCatalog(outDir === undefined ? {} : { outDir });
  process.stdout.write(`wrote ${files.length} files to ${relative(process.cwd(), outDir ?? join(REPO_ROOT, 'catalog')) || '.'}\n`);
}
