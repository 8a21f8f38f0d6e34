/**
 * Snapshots: the checked data of a dataset as one JSON document, so a router starts in milliseconds instead of
 * re-parsing megabytes of YAML. A snapshot holds only data that passed validation, the rules as checkRules gave them;
 * it is rebuilt whenever a file changes (its key is a hash of the files' texts). Loading one assembles the checked
 * files without the schemas or the rule checks (neither zod nor yaml is on this path), so a browser app can fetch the
 * shipped snapshot and build a router from it. Browser-safe.
 */
import type { CatalogFile } from './catalog/catalog.js';
import { createCatalog } from './catalog/catalog.js';
import { expandUnitNames } from './catalog/names.js';
import type { WrittenUnitNames } from './catalog/names.js';
import { assembleCalendarData } from './calendar/assemble.js';
import { createCalendar } from './calendar/calendar.js';
import type { Dataset } from './dataset.js';
import { InvalidDataError, TthcError } from './errors.js';
import type { Issue } from './errors.js';
import { CALENDAR_FILE_KINDS, CATALOG_FILE_KINDS } from './kinds.js';
import { createRuleSet, createRuleSetWithHash } from './rules/compile.js';
import { CHANNELS } from './rules/facts.js';
import type { Rule } from './rules/types.js';
import type { DataFile } from './source/files.js';
import { createRouter } from './routing/router.js';
import type { Router } from './routing/router.js';
import { VERSION } from './version.js';

/** Bump when the snapshot layout or the meaning of its data changes. */
export const SNAPSHOT_FORMAT = 9;

/** A dataset's checked files, as JSON. */
export interface DatasetSnapshot {
  readonly format: number;
  /** Library version that wrote it: a snapshot from another version is not trusted. */
  readonly libraryVersion: string;
  /** Hash of the source texts it was built from. */
  readonly key: string;
  /**
   * `routing` for the routing-only projection (createRoutingSnapshot): procedures hold only what a router reads, and
   * the legacy links are left out. Absent for a full snapshot.
   */
  readonly variant?: 'routing';
  /** Routing variant only: the applicant types its procedures name by position. */
  readonly applicants?: readonly string[];
  /** Routing variant only: the [ministry, sector] pairs its procedures name by position (in `sector`). */
  readonly sectors?: readonly (readonly [string, string])[];
  /** The catalogue's content hash (of the full catalogue), so loading need not recompute it. */
  readonly catalogHash?: string;
  /** The rule set's hash (see ruleSetHash), so loading need not recompute it. */
  readonly rulesHash?: string;
  /** The catalogue and calendar files (rule files are in `rules`, already checked). */
  readonly files: readonly { readonly file: string; readonly kind: string; readonly data: unknown }[];
  /** The rules as checkRules accepted them (conflicts included in the check), each with the file it came from. */
  readonly rules: readonly Rule[];
}

const noLocation = (): undefined => undefined;

/** True when a value is a snapshot this version of the library wrote. */
export function isCurrentSnapshot(value: unknown): value is DatasetSnapshot {
  const snapshot = value as Partial<DatasetSnapshot> | null;
  return (
    typeof snapshot === 'object' &&
    snapshot !== null &&
    snapshot.format === SNAPSHOT_FORMAT &&
    snapshot.libraryVersion === VERSION &&
    (snapshot.variant === undefined || snapshot.variant === 'routing') &&
    typeof snapshot.key === 'string' &&
    Array.isArray(snapshot.files) &&
    Array.isArray(snapshot.rules)
  );
}

/**
 * Rebuilds a dataset from a snapshot: the catalogue and the calendar from their files (without the checks that can
 * only warn), the rules compiled as they were checked.
 * @throws TthcError INVALID_DATA when the value is not a snapshot of this library version, or its data has errors.
 */
export function datasetFromSnapshot(snapshot: unknown): Dataset {
  if (!isCurrentSnapshot(snapshot)) {
    throw new TthcError('INVALID_DATA', `not a tthc ${VERSION} data snapshot (format ${SNAPSHOT_FORMAT}); rebuild it from the YAML files`, {
      messageVi: `không phải là ảnh chụp dữ liệu (snapshot) của tthc ${VERSION} (định dạng ${SNAPSHOT_FORMAT}); hãy tạo lại từ các tệp YAML`,
    });
  }
  const routing = snapshot.variant === 'routing';
  // Checked once, for the first procedures file that names them (a snapshot without procedures needs neither).
  let tables: RoutingTables | undefined;
  const tablesOf = (): RoutingTables => (tables ??= routingTables(snapshot));
  const files: DataFile[] = snapshot.files.map((entry) => ({
    file: entry.file,
    kind: entry.kind,
    data: !routing ? entry.data : entry.kind === 'procedures' ? expandRoutingProcedures(entry.data, tablesOf()) : entry.kind === 'units' ? expandRoutingUnits(entry.data) : entry.data,
    locate: noLocation,
  }));
  const issues: Issue[] = [];
  const catalogFiles = files.filter((file) => CATALOG_FILE_KINDS.has(file.kind)) as unknown as CatalogFile[];
  const calendarFiles = files.filter((file) => CALENDAR_FILE_KINDS.has(file.kind));
  let catalog: Dataset['catalog'];
  if (catalogFiles.length > 0) {
    const result = createCatalog(catalogFiles, {
      warnings: false,
      ...(snapshot.catalogHash === undefined ? {} : { contentHash: snapshot.catalogHash }),
      ...(routing ? { variant: 'routing' as const } : {}),
    });
    issues.push(...result.issues);
    catalog = result.catalog;
  }
  let calendar: Dataset['calendar'];
  if (calendarFiles.length > 0) {
    const result = assembleCalendarData(calendarFiles);
    issues.push(...result.issues);
    if (result.data !== undefined) calendar = createCalendar(result.data);
  }
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    throw new InvalidDataError(
      { en: `the snapshot has ${errors.length} errors; rebuild it from the YAML files`, vi: `ảnh chụp dữ liệu (snapshot) có ${errors.length} lỗi; hãy tạo lại từ các tệp YAML` },
      errors,
    );
  }
  return Object.freeze({
    ...(catalog === undefined ? {} : { catalog }),
    ...(calendar === undefined ? {} : { calendar }),
    ...(snapshot.rules.length === 0 ? {} : { rules: typeof snapshot.rulesHash === 'string' ? createRuleSetWithHash(snapshot.rules, snapshot.rulesHash) : createRuleSet(snapshot.rules) }),
    scenarios: [],
  });
}

/**
 * Restores the names a routing-only snapshot's units file leaves out (createRoutingSnapshot): the English name is the
 * Vietnamese without diacritics, the full name the name in its type's template (`fullNames`).
 */
function expandRoutingUnits(data: unknown): unknown {
  const { fullNames, ...file } = data as Record<string, unknown> & { fullNames?: Record<string, unknown> };
  if (!Array.isArray(file['units'])) damagedSnapshot('the units file has no list of units', 'tệp đơn vị không có danh sách đơn vị');
  const units = (file['units'] as Record<string, unknown>[]).map((unit) => ({
    ...unit,
    versions: (Array.isArray(unit?.['versions']) ? (unit['versions'] as Record<string, unknown>[]) : damagedSnapshot(`unit ${String(unit?.['code'])} has no versions`, `đơn vị ${String(unit?.['code'])} không có phiên bản nào`)).map((version) => {
      const written = version as unknown as Partial<WrittenUnitNames> | undefined;
      if (typeof written?.name?.vi !== 'string') damagedSnapshot(`unit ${String(unit['code'])}: a version has no Vietnamese name`, `đơn vị ${String(unit['code'])}: một phiên bản không có tên tiếng Việt`);
      const type = String(version['type']);
      // Own properties only: "constructor" is no unit type.
      const names = expandUnitNames(written as WrittenUnitNames, fullNames !== undefined && Object.hasOwn(fullNames, type) ? fullNames[type] : undefined);
      if (names === undefined) {
        throw new TthcError('INVALID_DATA', `unit ${String(unit['code'])}: no full name, and no template for units of type "${type}"; rebuild the snapshot`, {
          messageVi: `đơn vị ${String(unit['code'])}: không có tên đầy đủ, cũng không có mẫu tên cho loại đơn vị "${type}"; hãy tạo lại ảnh chụp dữ liệu (snapshot)`,
        });
      }
      // The full name goes back after the name, where the catalogue's files have it.
      const restored: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(version)) {
        if (key === 'fullName') continue;
        restored[key] = key === 'name' ? names.name : value;
        if (key === 'name') restored['fullName'] = names.fullName;
      }
      return restored;
    }),
  }));
  return { ...file, units };
}

function damagedSnapshot(en: string, vi: string): never {
  throw new TthcError('INVALID_DATA', `${en}; rebuild the snapshot`, { messageVi: `${vi}; hãy tạo lại ảnh chụp dữ liệu (snapshot)` });
}

/** A routing snapshot's tables of values its procedures name by position. */
interface RoutingTables {
  readonly applicants: readonly string[];
  readonly sectors: readonly (readonly [string, string])[];
}

function routingTables(snapshot: DatasetSnapshot): RoutingTables {
  const { applicants, sectors } = snapshot as { applicants?: unknown; sectors?: unknown };
  if (!Array.isArray(applicants) || !applicants.every((name) => typeof name === 'string')) {
    damagedSnapshot('the snapshot has no list of applicant types', 'ảnh chụp dữ liệu không có danh sách đối tượng thực hiện');
  }
  if (!Array.isArray(sectors) || !sectors.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((name) => typeof name === 'string'))) {
    damagedSnapshot('the snapshot has no list of ministries and sectors', 'ảnh chụp dữ liệu không có danh sách bộ, ngành và lĩnh vực');
  }
  return { applicants, sectors };
}

/** True when a value is a position in a list of `length` entries. */
function isPosition(value: unknown, length: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

/**
 * Restores the channels of a routing-only snapshot's procedures file (`sameAs` to the deadline it names, `basis:
 * "cell"` to the cell's quote, which is the raw value), its applicants (positions in the snapshot's list) and its
 * ministry and sector (a position in the snapshot's pairs, written as `sector`).
 */
function expandRoutingProcedures(data: unknown, { applicants, sectors }: RoutingTables): unknown {
  const file = data as Record<string, unknown>;
  if (!Array.isArray(file['procedures'])) damagedSnapshot('the procedures file has no list of procedures', 'tệp thủ tục không có danh sách thủ tục');
  const procedures = (file['procedures'] as (Record<string, unknown> | null)[]).map((procedure) => {
    const code = String(procedure?.['code']);
    const positions = procedure?.['applicants'];
    if (!Array.isArray(positions) || !positions.every((position) => isPosition(position, applicants.length))) {
      damagedSnapshot(`procedure ${code}: its applicants name no applicant type of the snapshot`, `thủ tục ${code}: đối tượng thực hiện không khớp danh sách đối tượng của ảnh chụp dữ liệu`);
    }
    const written = procedure!['channels'];
    if (typeof written !== 'object' || written === null) damagedSnapshot(`procedure ${code} has no channels`, `thủ tục ${code} không có cách thức thực hiện nào`);
    const channels: Record<string, Record<string, unknown>> = {};
    for (const [channel, entry] of Object.entries(written as Record<string, Record<string, unknown> | null>)) {
      // Only the three channels: a key such as "__proto__" would set the object's prototype, not a channel.
      if (!(CHANNELS as readonly string[]).includes(channel)) damagedChannel(code, channel);
      const sameAs = entry?.['sameAs'];
      if (sameAs === undefined) {
        channels[channel] = withCellQuote(code, channel, entry);
        continue;
      }
      // Own channels only: "constructor" names no channel written before.
      const target = typeof sameAs === 'string' && Object.hasOwn(channels, sameAs) ? channels[sameAs] : undefined;
      if (target === undefined) {
        damagedSnapshot(`procedure ${code}: channel ${channel} refers to channel "${String(sameAs)}", which is not written before it`, `thủ tục ${code}: cách thức ${channel} dẫn chiếu đến cách thức "${String(sameAs)}", nhưng cách thức này không được ghi trước nó`);
      }
      channels[channel] = { deadline: target['deadline'] };
    }
    const sector = procedure!['sector'];
    if (!isPosition(sector, sectors.length)) {
      damagedSnapshot(`procedure ${code}: its sector names no ministry and sector of the snapshot`, `thủ tục ${code}: lĩnh vực không khớp danh sách bộ, ngành và lĩnh vực của ảnh chụp dữ liệu`);
    }
    const [ministry, sectorName] = sectors[sector]!;
    // The keys in the order the full snapshot has them, the ministry just before the sector (fromEntries defines each
    // key as its own, "__proto__" too).
    const restored = Object.fromEntries(Object.entries(procedure!).flatMap(([key, value]) => (key === 'sector' ? [['ministry', ministry], ['sector', sectorName]] : [[key, value]])));
    return { ...restored, applicants: positions.map((position: number) => applicants[position]!), channels };
  });
  return { ...file, procedures };
}

function damagedChannel(code: string, channel: string): never {
  return damagedSnapshot(
    `procedure ${code}: channel "${channel}" is not as the library writes it (in-person, online or post, with a deadline whose basis is a list, or "cell" with the raw value it quotes)`,
    `thủ tục ${code}: cách thức "${channel}" không đúng dạng thư viện ghi (in-person, online hoặc post, có thời hạn với basis là một danh sách, hoặc "cell" kèm giá trị gốc được trích dẫn)`,
  );
}

function withCellQuote(code: string, channel: string, entry: Record<string, unknown> | null): Record<string, unknown> {
  const deadline = entry?.['deadline'] as Record<string, unknown> | null | undefined;
  if (typeof deadline !== 'object' || deadline === null) return damagedChannel(code, channel);
  const basis = deadline['basis'];
  if (basis === undefined || Array.isArray(basis)) return entry!;
  if (basis !== 'cell' || typeof deadline['raw'] !== 'string') damagedChannel(code, channel);
  return { ...entry, deadline: { ...deadline, basis: [{ source: 'cell', text: deadline['raw'] }] } };
}

/**
 * Creates a router from a snapshot: the `tthc/routing-snapshot.json` the package ships (routing only, about 300 KB
 * gzip, fetched in a browser), the full `tthc/data-snapshot.json`, or one of your own data.
 * @throws TthcError INVALID_DATA when the value is not a current snapshot or lacks the catalogue, calendar or rules.
 * @example const router = createRouterFromSnapshot(await (await fetch(snapshotUrl)).json());
 */
export function createRouterFromSnapshot(snapshot: unknown): Router {
  const { catalog, calendar, rules } = datasetFromSnapshot(snapshot);
  if (catalog === undefined || calendar === undefined || rules === undefined) {
    throw new TthcError('INVALID_DATA', 'the snapshot lacks the catalogue, the calendar or the rules a router needs', {
      messageVi: 'ảnh chụp dữ liệu (snapshot) thiếu danh mục, lịch làm việc hoặc bộ quy tắc cần cho việc định tuyến',
    });
  }
  return createRouter({ catalog, calendar, rules });
}
