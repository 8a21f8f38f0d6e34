/**
 * The Catalog: plain frozen data from every catalogue file, cross-file checks, and pure O(1) lookups.
 */
import { describeValueVi, compareIssues, createIssue, describeValue, invalidArgument } from '../errors.js';
import { CHANNEL_TEXT, LEVEL_TEXT, UNRESOLVED_REASON_TEXT } from '../words.js';
import { compareCodeUnits } from '../compare.js';
import type { Issue, IssuePath, SourceLocation } from '../errors.js';
import { deepFreeze } from '../source/schema.js';
import { canonicalJson, sha256Hex } from '../hash.js';
import { CATALOG_ISSUE_SEVERITY } from './severities.js';
import { calendarDayNumber } from '../date-string.js';
import { normaliseName, rememberingNormaliser } from './names.js';
import { compileBodies } from './bodies.js';
import type { BodyIndex, StaleBody } from './bodies.js';
import { staleBodiesIn } from './bodies.js';
import { parseDocumentNumber } from './document-number.js';
import { compileOverrides, competenceInForce, deadlineInForce } from './overrides.js';
import type { ChannelDeadline, CompetenceInForce, OverrideIndex, OverridesFileInput } from './overrides.js';
import type {
  CatalogFileData,
  CatalogFileKind,
  ChannelName,
  AbolishedBody,
  DeadlineUnit,
  LegacyLink,
  Override,
  Level,
  Procedure,
  Unit,
  UnitVersion,
  UnresolvedReason,
} from './schema.js';
import { expectCatalog, expectDataFiles, expectOptions, expectString } from '../arguments.js';

/** One validated catalogue file, with the way back to positions in its source (from parseYaml). */
export interface CatalogFileInput<K extends CatalogFileKind = CatalogFileKind> {
  readonly file: string;
  readonly kind: K;
  readonly data: CatalogFileData[K];
  readonly locate: (path: IssuePath, options?: { key?: boolean }) => SourceLocation | undefined;
}
/** Any catalogue file, discriminated by `kind`. */
export type CatalogFile = { [K in CatalogFileKind]: CatalogFileInput<K> }[CatalogFileKind];

interface CatalogIndex {
  readonly procedureByCode: ReadonlyMap<string, Procedure>;
  readonly unitByCode: ReadonlyMap<string, Unit>;
  readonly communesByProvince: ReadonlyMap<string, readonly Unit[]>;
  readonly byLevel: ReadonlyMap<Level, readonly Procedure[]>;
  readonly bySector: ReadonlyMap<string, readonly Procedure[]>;
  readonly byAuthority: ReadonlyMap<string, readonly Procedure[]>;
  readonly byChannel: ReadonlyMap<ChannelName, readonly Procedure[]>;
  readonly legacyByOld: ReadonlyMap<string, readonly LegacyLink[]>;
  readonly overrides: OverrideIndex;
  readonly bodies: BodyIndex;
}

/** The whole catalogue: frozen data plus indexes built once. Query it with the functions of this module. */
export interface Catalog {
  /** Every procedure, sorted by code (first occurrence of a duplicated code only). */
  readonly procedures: readonly Procedure[];
  /** Every unit (provinces then communes), sorted by code. */
  readonly units: readonly Unit[];
  /** Every legacy link (pre-2025 commune to new commune), sorted by old then new code. */
  readonly legacyLinks: readonly LegacyLink[];
  /** Every override (catalog/overrides), sorted by id. */
  readonly overrides: readonly Override[];
  /** Every abolished body (catalog/bodies), sorted by id. */
  readonly abolishedBodies: readonly AbolishedBody[];
  /** SHA-256 (hex) of the catalogue content in canonical JSON: the same data always gives the same hash. */
  readonly contentHash: string;
  /**
   * `routing` when built from a routing-only snapshot (loadShippedRouter, `tthc/routing-snapshot.json`): procedures
   * hold only what a router reads (no `legalBasis`, `result`, `source`, fees, or the texts a competence rests on) and
   * there are no legacy links. Its `contentHash` is the full catalogue's. Absent for a full catalogue.
   */
  readonly variant?: 'routing';
  /** @internal Lookup tables; use the query functions. */
  readonly index: CatalogIndex;
}

/** Options of {@link createCatalog}. */
export interface CreateCatalogOptions {
  /**
   * The content hash, when already known for exactly these files (from a snapshot built from them); computing it
   * over the whole catalogue takes a few hundred milliseconds.
   */
  readonly contentHash?: string;
  /**
   * Compute the content hash; default true. Validation that only reports issues turns it off (it is a third of the
   * time of validating the shipped data); the catalogue's `contentHash` is then empty and it must not be used for
   * routing whose receipts quote it.
   */
  readonly hash?: boolean;
  /**
   * The SHA-256 (hex) of a text's UTF-8, when the host has a faster one than the built-in pure-JavaScript one
   * (tthc/node passes node:crypto's: 30 times faster on the shipped catalogue). Must give the same digest.
   */
  readonly sha256Hex?: (text: string) => string;
  /**
   * Run the checks that can only warn (unresolved deadlines, abolished bodies, legal-basis numbers); default true.
   * Loading a snapshot turns them off: its files were checked when it was built, and nothing reads the warnings then.
   */
  readonly warnings?: boolean;
  /** Marks the catalogue as built from a routing-only snapshot (see {@link Catalog.variant}). */
  readonly variant?: 'routing';
}

/** Result of {@link createCatalog}. */
export interface CreateCatalogResult {
  readonly catalog: Catalog;
  /** Errors and warnings from the cross-file checks, sorted by file, line, column. */
  readonly issues: readonly Issue[];
}

const EMPTY: readonly never[] = Object.freeze([]);
type CatalogIssueCode = keyof typeof CATALOG_ISSUE_SEVERITY;

/**
 * Builds the catalogue from validated files and checks what no single file can: unique codes, known provinces,
 * sane validity intervals, legacy links to existing communes, and unresolved deadlines (warnings).
 * Never throws on bad data; the catalogue holds the first occurrence of a duplicated code.
 *
 * @param files - validated files (schema already applied), in any order
 * @returns the catalogue and the issues found
 * @example const { catalog, issues } = createCatalog(files)
 */
export function createCatalog(files: readonly CatalogFile[], options: CreateCatalogOptions = {}): CreateCatalogResult {
  expectDataFiles(files);
  expectOptions(options);
  const issues: Issue[] = [];
  const issue = (code: CatalogIssueCode, file: CatalogFile, path: IssuePath, message: string, key = false, vi?: string): void => {
    issues.push(createIssue(code, CATALOG_ISSUE_SEVERITY[code], message, { file: file.file, path, location: file.locate(path, { key }), vi }));
  };
  const where = (file: CatalogFile, path: IssuePath): string => {
    const line = file.locate(path)?.line;
    return line === undefined ? file.file : `${file.file}:${line}`;
  };
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const units = new Map<string, Unit>();
  const unitSeen = new Map<string, string>();
  const procedures = new Map<string, Procedure>();
  const procedureSeen = new Map<string, string>();
  const procedurePlaces = new Map<Procedure, { file: CatalogFile; path: IssuePath }>();
  const links: LegacyLink[] = [];
  const unitChecks: { file: CatalogFile; unit: Unit; path: IssuePath }[] = [];

  for (const file of sorted) {
    if (file.kind === 'units') {
      file.data.units.forEach((unit, index) => {
        const path = ['units', index];
        const first = unitSeen.get(unit.code);
        if (first !== undefined) {
          issue('DUPLICATE_CODE', file, [...path, 'code'], `unit code "${unit.code}" is already defined at ${first}`, false, `mã đơn vị "${unit.code}" đã được khai báo tại ${first}`);
          return;
        }
        unitSeen.set(unit.code, where(file, [...path, 'code']));
        units.set(unit.code, unit);
        unitChecks.push({ file, unit, path });
      });
    } else if (file.kind === 'procedures') {
      file.data.procedures.forEach((procedure, index) => {
        const path = ['procedures', index];
        const first = procedureSeen.get(procedure.code);
        if (first !== undefined) {
          issue(
            'DUPLICATE_CODE',
            file,
            [...path, 'code'],
            `procedure code "${procedure.code}" is already defined at ${first}`,
            false,
            `mã thủ tục "${procedure.code}" đã được khai báo tại ${first}`,
          );
        } else {
          procedureSeen.set(procedure.code, where(file, [...path, 'code']));
          procedures.set(procedure.code, procedure);
        }
        procedurePlaces.set(procedure, { file, path });
      });
    }
  }

  for (const { file, unit, path } of unitChecks) {
    if (unit.level === 'province' ? !/^\d{2}$/.test(unit.code) || unit.province !== undefined : !/^\d{5}$/.test(unit.code) || unit.province === undefined) {
      issue(
        'UNIT_LEVEL_MISMATCH',
        file,
        [...path, 'code'],
        `unit "${unit.code}" does not fit level ${unit.level}`,
        false,
        `mã đơn vị "${unit.code}" không khớp cấp ${LEVEL_TEXT[unit.level]?.vi ?? unit.level}`,
      );
    }
    if (unit.level === 'commune' && unit.province !== undefined && units.get(unit.province)?.level !== 'province') {
      issue(
        'UNKNOWN_PROVINCE',
        file,
        [...path, 'province'],
        `commune "${unit.code}" names province "${unit.province}", which is not in the catalogue`,
        false,
        `xã "${unit.code}" nêu tỉnh "${unit.province}" không có trong danh mục`,
      );
    }
    checkIntervals(unit, path, (code, subPath, message, vi) => issue(code, file, subPath, message, false, vi));
  }

  for (const file of sorted) {
    if (file.kind !== 'legacy-units') continue;
    file.data.links.forEach((link, index) => {
      const target = units.get(link.new);
      if (target?.level !== 'commune') {
        issue(
          'UNKNOWN_LEGACY_TARGET',
          file,
          ['links', index, 'new'],
          `legacy link from "${link.old}" points at "${link.new}", which is not a commune in the catalogue`,
          false,
          `liên kết đơn vị cũ từ "${link.old}" trỏ tới "${link.new}", không phải là xã có trong danh mục`,
        );
      } else if (target.province !== file.data.province) {
        issue(
          'UNKNOWN_LEGACY_TARGET',
          file,
          ['links', index, 'new'],
          `commune "${link.new}" is in province "${target.province ?? ''}", not "${file.data.province}" of this file`,
          false,
          `xã "${link.new}" thuộc tỉnh "${target.province ?? ''}", không phải tỉnh "${file.data.province}" của tệp này`,
        );
      } else {
        links.push(link);
      }
    });
  }

  const overrideFiles = sorted.filter((file): file is CatalogFileInput<'overrides'> => file.kind === 'overrides') as unknown as OverridesFileInput[];
  const overrideIndex = compileOverrides(overrideFiles, procedures, (code, file, path, message, vi) =>
    issue(code, file as unknown as CatalogFile, path, message, false, vi),
  );
  const overrideList = overrideFiles.flatMap((file) => file.data.overrides).sort((a, b) => compareCodeUnits(a.id, b.id));

  const bodyList = sorted.flatMap((file) => (file.kind === 'bodies' ? file.data.abolished : [])).sort((a, b) => compareCodeUnits(a.id, b.id));
  const bodyIndex = compileBodies(bodyList);
  const AUTHORITY_FIELDS = ['competentAuthority', 'implementingAuthority', 'delegatedAuthority', 'coordinatingAuthority'] as const;

  const places = options.warnings === false ? [] : [...procedurePlaces];
  for (const [procedure, { file, path }] of places) {
    // Authority texts that still name an abolished body (catalog/bodies).
    for (const field of AUTHORITY_FIELDS) {
      for (const { body, named } of staleBodiesIn(bodyIndex, procedure[field])) {
        const successor = body.successor === undefined ? '' : `; successor: ${body.successor.name}`;
        const successorVi = body.successor === undefined ? '' : `; cơ quan kế thừa: ${body.successor.name}`;
        issue(
          'AUTHORITY_ABOLISHED',
          file,
          [...path, field],
          `${field} of ${procedure.code} names "${named}", abolished on ${body.abolishedOn}${successor}`,
          false,
          `${field} của ${procedure.code} nêu "${named}", đã chấm dứt hoạt động từ ${body.abolishedOn}${successorVi}`,
        );
      }
    }
    // Legal-basis numbers that do not read as document numbers (số/năm/loại-cơ quan ban hành).
    (procedure.legalBasis ?? EMPTY).forEach((document, index) => {
      if (!('number' in document) || parseDocumentNumber(document.number) !== undefined) return;
      issue(
        'LEGAL_BASIS_NUMBER',
        file,
        [...path, 'legalBasis', index, 'number'],
        `"${shorten(document.number)}" is not a document number such as 123/2015/NĐ-CP or 237/NQ-UBTVQH16`,
        false,
        `"${shorten(document.number)}" không phải số, ký hiệu văn bản như 123/2015/NĐ-CP hoặc 237/NQ-UBTVQH16`,
      );
    });
  }

  // Warnings for what routing cannot compute with, after the overrides in force now have been applied.
  for (const [procedure, { file, path }] of places) {
    for (const channel of Object.keys(procedure.channels) as ChannelName[]) {
      const deadline = deadlineInForce(overrideIndex, procedure, channel, undefined);
      if (deadline?.status !== 'unresolved') continue;
      issue(
        'DEADLINE_UNRESOLVED',
        file,
        [...path, 'channels', channel, 'deadline'],
        `deadline of ${procedure.code} (${channel}) "${shorten(deadline.raw)}" gives no due date (${deadline.reason})`,
        false,
        `thời hạn của ${procedure.code} (${CHANNEL_TEXT[channel]!.vi}) "${shorten(deadline.raw)}" chưa tính được ngày hẹn trả (${UNRESOLVED_REASON_TEXT[deadline.reason]!.vi})`,
      );
    }
  }

  const procedureList = [...procedures.values()].sort((a, b) => compareCodeUnits(a.code, b.code));
  const unitList = [...units.values()].sort((a, b) => compareCodeUnits(a.code, b.code));
  links.sort((a, b) => compareCodeUnits(a.old, b.old) || compareCodeUnits(a.new, b.new));
  // Overrides and bodies enter the hash only when there are some, so a catalogue without them keeps the hash it had
  // before they existed (receipts quote it).
  const contentHash =
    options.contentHash ??
    (options.hash === false ? '' : (options.sha256Hex ?? sha256Hex)(
      canonicalJson({
        procedures: procedureList,
        units: unitList,
        legacyLinks: links,
        ...(overrideList.length === 0 ? {} : { overrides: overrideList }),
        ...(bodyList.length === 0 ? {} : { abolishedBodies: bodyList }),
      }),
    ));
  const catalog: Catalog = {
    procedures: deepFreeze(procedureList),
    units: deepFreeze(unitList),
    legacyLinks: deepFreeze(links),
    overrides: deepFreeze(overrideList),
    abolishedBodies: deepFreeze(bodyList),
    contentHash,
    ...(options.variant === undefined ? {} : { variant: options.variant }),
    index: Object.freeze(buildIndex(procedureList, unitList, links, procedures, units, overrideIndex, bodyIndex)),
  };
  issues.sort(compareIssues);
  return { catalog: Object.freeze(catalog), issues: Object.freeze(issues) };
}

/** How an interval ends, in a Vietnamese message: on a date, or never. */
function endsVi(date: string | undefined): string {
  return date === undefined ? 'không có ngày hết hiệu lực' : `hết hiệu lực ngày ${date}`;
}

function checkIntervals(unit: Unit, path: IssuePath, report: (code: CatalogIssueCode, path: IssuePath, message: string, vi: string) => void): void {
  // Paths are built only for a date that is wrong: this runs for every unit of every load.
  let bad = false;
  const checkDate = (date: string | undefined, at: () => IssuePath): void => {
    if (date !== undefined && calendarDayNumber(date) === undefined) {
      report('INVALID_DATE', at(), `"${date}" is not a calendar date`, `"${date}" không phải là ngày có thật`);
      bad = true;
    }
  };
  checkDate(unit.validFrom, () => [...path, 'validFrom']);
  checkDate(unit.validTo, () => [...path, 'validTo']);
  unit.versions.forEach((version, index) => {
    checkDate(version.validFrom, () => [...path, 'versions', index, 'validFrom']);
    checkDate(version.validTo, () => [...path, 'versions', index, 'validTo']);
  });
  if (bad) return;
  if (unit.validTo !== undefined && unit.validTo < unit.validFrom) {
    report(
      'INVALID_INTERVAL',
      [...path, 'validTo'],
      `unit "${unit.code}" ends (${unit.validTo}) before it starts (${unit.validFrom})`,
      `đơn vị "${unit.code}" hết hiệu lực (${unit.validTo}) trước khi có hiệu lực (${unit.validFrom})`,
    );
  }
  unit.versions.forEach((version, index) => {
    const versionPath: IssuePath = [...path, 'versions', index];
    if (version.validTo !== undefined && version.validTo < version.validFrom) {
      report(
        'INVALID_INTERVAL',
        [...versionPath, 'validTo'],
        `version ends (${version.validTo}) before it starts (${version.validFrom})`,
        `phiên bản hết hiệu lực (${version.validTo}) trước khi có hiệu lực (${version.validFrom})`,
      );
    }
    if (index === 0 && version.validFrom !== unit.validFrom) {
      report(
        'INVALID_INTERVAL',
        [...versionPath, 'validFrom'],
        `first version starts ${version.validFrom}, but the unit starts ${unit.validFrom}`,
        `phiên bản đầu tiên có hiệu lực từ ${version.validFrom}, nhưng đơn vị có hiệu lực từ ${unit.validFrom}`,
      );
    }
    const next = unit.versions[index + 1];
    if (next !== undefined) {
      if (version.validTo === undefined) {
        report(
          'INVALID_INTERVAL',
          [...versionPath, 'validFrom'],
          `version from ${version.validFrom} has no validTo but a later version follows`,
          `phiên bản từ ${version.validFrom} không có validTo nhưng còn phiên bản sau`,
        );
      } else if (calendarDayNumber(next.validFrom) !== calendarDayNumber(version.validTo)! + 1) {
        const overlaps = next.validFrom <= version.validTo;
        const kind = overlaps ? 'overlaps' : 'leaves a gap after';
        const kindVi = overlaps ? 'chồng lấn với' : 'để hở khoảng trống sau';
        report(
          'INVALID_INTERVAL',
          [...path, 'versions', index + 1, 'validFrom'],
          `version from ${next.validFrom} ${kind} the version ending ${version.validTo}`,
          `phiên bản từ ${next.validFrom} ${kindVi} phiên bản hết hiệu lực ngày ${version.validTo}`,
        );
      }
    } else if (version.validTo !== unit.validTo) {
      report(
        'INVALID_INTERVAL',
        [...versionPath, 'validTo' in version ? 'validTo' : 'validFrom'],
        `last version ends ${version.validTo ?? 'never'}, but the unit ends ${unit.validTo ?? 'never'}`,
        `phiên bản cuối cùng ${endsVi(version.validTo)}, nhưng đơn vị ${endsVi(unit.validTo)}`,
      );
    }
  });
}

function buildIndex(
  procedures: readonly Procedure[],
  units: readonly Unit[],
  links: readonly LegacyLink[],
  procedureByCode: Map<string, Procedure>,
  unitByCode: Map<string, Unit>,
  overrides: OverrideIndex,
  bodies: BodyIndex,
): CatalogIndex {
  const communesByProvince = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.level === 'commune' && unit.province !== undefined) push(communesByProvince, unit.province, unit);
  }
  const byLevel = new Map<Level, Procedure[]>();
  const byChannel = new Map<ChannelName, Procedure[]>();
  for (const procedure of procedures) {
    for (const level of procedure.levels) push(byLevel, level, procedure);
    for (const channel of Object.keys(procedure.channels) as ChannelName[]) push(byChannel, channel, procedure);
  }
  const legacyByOld = new Map<string, LegacyLink[]>();
  for (const link of links) push(legacyByOld, link.old, link);
  // The name indexes normalise every sector and authority text (most of building the index); routing never reads
  // them, so they are built on the first query that does.
  let names: { bySector: Map<string, Procedure[]>; byAuthority: Map<string, Procedure[]> } | undefined;
  const nameIndexes = (): NonNullable<typeof names> => {
    if (names !== undefined) return names;
    const bySector = new Map<string, Procedure[]>();
    const byAuthority = new Map<string, Procedure[]>();
    const normalise = rememberingNormaliser();
    for (const procedure of procedures) {
      push(bySector, normalise(procedure.sector), procedure);
      const authorities = new Set(
        [procedure.competentAuthority, procedure.implementingAuthority, procedure.delegatedAuthority]
          .filter((name): name is string => name !== undefined)
          .map(normalise),
      );
      for (const authority of authorities) push(byAuthority, authority, procedure);
    }
    return (names = { bySector, byAuthority });
  };
  return {
    procedureByCode,
    unitByCode,
    communesByProvince,
    byLevel,
    get bySector() {
      return nameIndexes().bySector;
    },
    get byAuthority() {
      return nameIndexes().byAuthority;
    },
    byChannel,
    legacyByOld,
    overrides,
    bodies,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// ------------------------------------------------------------------ queries

/** The procedure with this code, or undefined. O(1). @example getProcedure(catalog, '1.001193')?.name */
export function getProcedure(catalog: Catalog, code: string): Procedure | undefined {
  expectCatalog(catalog);
  return catalog.index.procedureByCode.get(code);
}

/** The unit (province or commune) with this code, or undefined. O(1). */
export function getUnit(catalog: Catalog, code: string): Unit | undefined {
  expectCatalog(catalog);
  return catalog.index.unitByCode.get(code);
}

/**
 * The version of a unit in force on a date: its type and names on that day. O(versions).
 * @param date - a plain date YYYY-MM-DD
 * @returns the version, or undefined when the unit is unknown or not in force on that date
 * @throws TthcError INVALID_ARGUMENT when the date is not YYYY-MM-DD
 * @example getUnitVersion(catalog, '26368', '2026-05-01')?.type // 'phuong'
 */
export function getUnitVersion(catalog: Catalog, code: string, date: string): UnitVersion | undefined {
  expectCatalog(catalog);
  if (calendarDayNumber(date) === undefined) invalidArgument({ en: `date: expected a calendar date YYYY-MM-DD, got ${describeValue(date)}`, vi: `date: cần một ngày dương lịch dạng YYYY-MM-DD, nhận được ${describeValueVi(date)}` }, 'date');
  const unit = getUnit(catalog, code);
  if (unit === undefined || date < unit.validFrom || (unit.validTo !== undefined && date > unit.validTo)) return undefined;
  return unit.versions.find((version) => version.validFrom <= date && (version.validTo === undefined || date <= version.validTo));
}

/** The communes of a province, sorted by code; empty for an unknown province. O(1). */
export function getUnitsOfProvince(catalog: Catalog, provinceCode: string): readonly Unit[] {
  expectCatalog(catalog);
  return catalog.index.communesByProvince.get(provinceCode) ?? EMPTY;
}

/** Procedures performed at a level (central, province, commune, other). O(1). */
export function getProceduresByLevel(catalog: Catalog, level: Level): readonly Procedure[] {
  expectCatalog(catalog);
  return catalog.index.byLevel.get(level) ?? EMPTY;
}

/** Procedures of a sector (lĩnh vực), matched after {@link normaliseName}. O(1). */
export function getProceduresBySector(catalog: Catalog, sector: string): readonly Procedure[] {
  expectCatalog(catalog);
  expectString(sector, 'sector');
  return catalog.index.bySector.get(normaliseName(sector)) ?? EMPTY;
}

/** Procedures whose competent, implementing or delegated authority has this name (after normaliseName). O(1). */
export function getProceduresByAuthority(catalog: Catalog, authority: string): readonly Procedure[] {
  expectCatalog(catalog);
  expectString(authority, 'authority');
  return catalog.index.byAuthority.get(normaliseName(authority)) ?? EMPTY;
}

/** Procedures that can be filed through a channel (in-person, online, post). O(1). */
export function getProceduresByChannel(catalog: Catalog, channel: ChannelName): readonly Procedure[] {
  expectCatalog(catalog);
  return catalog.index.byChannel.get(channel) ?? EMPTY;
}

/**
 * The deadline of a procedure's channel in force on a date: the record's, or the override's that replaces it (then
 * `override` names it, with its legal basis). O(overrides of the procedure).
 * @param asOf - YYYY-MM-DD; when absent, the overrides without an end date apply
 * @returns the deadline, or undefined for an unknown procedure or a channel it does not have
 * @example getChannelDeadline(catalog, '1.001193', 'in-person', '2026-03-03') // { status: 'resolved', value: 0, unit: 'same-day', override: {...} }
 */
export function getChannelDeadline(catalog: Catalog, code: string, channel: ChannelName, asOf?: string): ChannelDeadline | undefined {
  expectCatalog(catalog);
  const procedure = getProcedure(catalog, code);
  return procedure === undefined ? undefined : deadlineInForce(catalog.index.overrides, procedure, channel, asOf);
}

/**
 * How a procedure's competent unit or body is found, on a date: the record's reading, or an override's citing the
 * law (then `override` names it). O(overrides of the procedure).
 * @param asOf - YYYY-MM-DD; when absent, the overrides without an end date apply
 * @example getCompetence(catalog, '2.000884', '2026-03-05')?.basis // 'any-office'
 */
export function getCompetence(catalog: Catalog, code: string, asOf?: string): CompetenceInForce | undefined {
  expectCatalog(catalog);
  const procedure = getProcedure(catalog, code);
  return procedure === undefined ? undefined : competenceInForce(catalog.index.overrides, procedure, asOf);
}

/**
 * The abolished bodies (catalog/bodies) a text names, abolished on `asOf` (or at all when it is not given), each with
 * the name as the text writes it.
 * @example getStaleBodies(catalog, 'UBND cấp huyện', '2026-01-01')[0]?.body.successor?.name // 'Ủy ban nhân dân cấp xã'
 */
export function getStaleBodies(catalog: Catalog, text: string, asOf?: string): readonly StaleBody[] {
  expectCatalog(catalog);
  expectString(text, 'text');
  return staleBodiesIn(catalog.index.bodies, text, asOf);
}

/** One new commune an old (pre-2025) commune went into. */
export interface LegacyTranslation {
  readonly code: string;
  /** `full`: the whole old commune went into this one; `partial`: the old commune was split. */
  readonly type: 'full' | 'partial';
  readonly unit: Unit | undefined;
}

/**
 * Translates a pre-2025 commune code to the new commune(s). A `partial` old commune maps to several new ones: an old
 * address alone cannot decide which. O(1).
 * @example translateLegacyUnit(catalog, '00001') // [{ code: '00097', type: 'full', unit: {...} }]
 */
export function translateLegacyUnit(catalog: Catalog, oldCode: string): readonly LegacyTranslation[] {
  expectCatalog(catalog);
  const links = catalog.index.legacyByOld.get(oldCode);
  if (links === undefined) return EMPTY;
  return Object.freeze(links.map((link) => Object.freeze({ code: link.new, type: link.type, unit: getUnit(catalog, link.new) })));
}

/** Counts that describe a catalogue. */
export interface CatalogStats {
  readonly procedures: number;
  readonly provinces: number;
  readonly communes: number;
  readonly legacyLinks: number;
  readonly overrides: number;
  readonly byLevel: Readonly<Record<Level, number>>;
  readonly bySector: Readonly<Record<string, number>>;
  /**
   * Channel deadlines by unit (resolved ones; `staged` for those of several periods in their own units), plus
   * `unresolved` and `not-applicable`.
   */
  readonly byDeadlineUnit: Readonly<Record<DeadlineUnit | 'staged' | 'unresolved' | 'not-applicable', number>>;
  /** Channel deadlines by status. */
  readonly byDeadlineStatus: Readonly<Record<ChannelDeadline['status'], number>>;
  /** Unresolved channel deadlines by reason class. */
  readonly byUnresolvedReason: Readonly<Partial<Record<UnresolvedReason, number>>>;
  /**
   * Channel deadlines by what they rest on: `override` (the law, in catalog/overrides), else the record's texts
   * joined with "+" (`cell`, `cell+steps`, `description` ...), `none` when nothing is quoted.
   */
  readonly byDeadlineBasis: Readonly<Record<string, number>>;
  /** Procedures by how their competent unit or body is found (`none` when the catalogue does not say). */
  readonly byCompetenceBasis: Readonly<Record<string, number>>;
  /** Channel deadlines that are unresolved. */
  readonly unresolvedDeadlines: number;
  /**
   * Unresolved `conditional` channel deadlines with at least one case counted from receipt: a request that names its
   * case (`deadlineVariant`) gets a due date.
   */
  readonly datedByCase: number;
  /** Channel deadlines in all. */
  readonly channelDeadlines: number;
}

/**
 * Counts procedures, units and deadlines of a catalogue, with the overrides in force on `asOf` applied (those
 * without an end date when `asOf` is not given).
 */
export function catalogStats(catalog: Catalog, options: { readonly asOf?: string } = {}): CatalogStats {
  expectCatalog(catalog);
  expectOptions(options);
  const byLevel: Record<Level, number> = { central: 0, province: 0, commune: 0, other: 0 };
  for (const level of Object.keys(byLevel) as Level[]) byLevel[level] = getProceduresByLevel(catalog, level).length;
  const bySector: Record<string, number> = {};
  const byDeadlineUnit: Record<DeadlineUnit | 'staged' | 'unresolved' | 'not-applicable', number> = {
    'working-days': 0,
    'calendar-days': 0,
    'working-hours': 0,
    hours: 0,
    'same-day': 0,
    months: 0,
    staged: 0,
    unresolved: 0,
    'not-applicable': 0,
  };
  const byDeadlineStatus: Record<ChannelDeadline['status'], number> = { resolved: 0, unresolved: 0, 'not-applicable': 0 };
  const byUnresolvedReason: Partial<Record<UnresolvedReason, number>> = {};
  const byDeadlineBasis: Record<string, number> = {};
  let channelDeadlines = 0;
  let datedByCase = 0;
  const byCompetenceBasis: Record<string, number> = {};
  for (const procedure of catalog.procedures) {
    bySector[procedure.sector] = (bySector[procedure.sector] ?? 0) + 1;
    const basis = getCompetence(catalog, procedure.code, options.asOf)?.basis ?? 'none';
    byCompetenceBasis[basis] = (byCompetenceBasis[basis] ?? 0) + 1;
    for (const channel of Object.keys(procedure.channels) as ChannelName[]) {
      const deadline = getChannelDeadline(catalog, procedure.code, channel, options.asOf);
      if (deadline === undefined) continue;
      channelDeadlines += 1;
      byDeadlineStatus[deadline.status] += 1;
      byDeadlineUnit[deadline.status !== 'resolved' ? deadline.status : deadline.followedBy !== undefined ? 'staged' : deadline.unit] += 1;
      if (deadline.status === 'unresolved') {
        byUnresolvedReason[deadline.reason] = (byUnresolvedReason[deadline.reason] ?? 0) + 1;
        if (deadline.reason === 'conditional' && deadline.variants?.some((variant) => variant.countedFrom === undefined)) datedByCase += 1;
      }
      const basis = deadline.override !== undefined ? 'override' : [...new Set((deadline.basis ?? []).map((entry) => entry.source))].join('+') || 'none';
      byDeadlineBasis[basis] = (byDeadlineBasis[basis] ?? 0) + 1;
    }
  }
  const provinces = catalog.units.filter((unit) => unit.level === 'province').length;
  return Object.freeze({
    procedures: catalog.procedures.length,
    provinces,
    communes: catalog.units.length - provinces,
    legacyLinks: catalog.legacyLinks.length,
    overrides: catalog.overrides.length,
    byLevel: Object.freeze(byLevel),
    bySector: Object.freeze(bySector),
    byDeadlineUnit: Object.freeze(byDeadlineUnit),
    byDeadlineStatus: Object.freeze(byDeadlineStatus),
    byUnresolvedReason: Object.freeze(byUnresolvedReason),
    byDeadlineBasis: Object.freeze(byDeadlineBasis),
    byCompetenceBasis: Object.freeze(byCompetenceBasis),
    unresolvedDeadlines: byDeadlineStatus.unresolved,
    datedByCase,
    channelDeadlines,
  });
}
