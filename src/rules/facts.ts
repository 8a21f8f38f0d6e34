/**
 * The facts a routing rule may test: their TypeScript shape ({@link RoutingFacts}) and a static description
 * ({@link FACT_DESCRIPTION}) that the rule checker uses to reject unknown facts, paths and mistyped values.
 */
import { COMPETENCE_BASES, CONFIDENCES } from '../vocabulary.js';
import type { CompetenceBasis, ConfidenceLevel } from '../vocabulary.js';

/** Levels at which a procedure is performed (cấp thực hiện). `other` covers courts and vertically organised bodies. */
export const PROCEDURE_LEVELS = Object.freeze(['central', 'province', 'commune', 'other'] as const);
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

/** Filing channels: in person at a one-stop office, online, or by public post. */
export const CHANNELS = Object.freeze(['in-person', 'online', 'post'] as const);
export type Channel = (typeof CHANNELS)[number];

/** Levels of a one-stop office (bộ phận một cửa) since 1 July 2025. */
export const OFFICE_LEVELS = Object.freeze(['province', 'commune'] as const);
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/**
 * Who files. A deliberately small vocabulary: `citizen` (Vietnamese citizen in Vietnam), `overseas-vietnamese`
 * (người Việt Nam định cư ở nước ngoài), `foreigner`, `organisation` (Vietnamese body or enterprise),
 * `foreign-organisation`.
 */
export const APPLICANT_TYPES = Object.freeze([
  'citizen',
  'overseas-vietnamese',
  'foreigner',
  'organisation',
  'foreign-organisation',
] as const);
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** How the competent unit or body is found (the catalogue's competence basis). */
export { COMPETENCE_BASES };

/** Whether the place of the competent unit is known from the request: `none` when a named body decides wherever. */
export const PLACE_STATUSES = Object.freeze(['known', 'unknown', 'none'] as const);
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

/** What the catalogue says about the procedure asked for. */
export interface ProcedureFacts {
  /** National code `d.dddddd`, opaque. */
  readonly code: string;
  readonly name: string;
  readonly ministry: string;
  /** Sector (lĩnh vực), as published. */
  readonly sector: string;
  readonly levels: readonly ProcedureLevel[];
  readonly competentAuthority: string;
  readonly implementingAuthority: string;
  /** Channels the procedure is offered on. */
  readonly channels: readonly Channel[];
  /** Applicant categories as published (free text). */
  readonly applicants: readonly string[];
  /** How the competent unit or body is found; undefined when the catalogue does not say. */
  readonly competenceBasis: CompetenceBasis | undefined;
  /** Kind of the competent body (tax, customs, people-committee ...); undefined when not named. */
  readonly bodyKind: string | undefined;
  /** The level that decides when the procedure has several and its record says which; else undefined. */
  readonly competenceLevel: ProcedureLevel | undefined;
  /**
   * How surely the catalogue knows the competence: low when only the kind of applicant suggests the basis (the record
   * names no place rule); an override's own confidence when one is in force.
   */
  readonly competenceConfidence: ConfidenceLevel | undefined;
}

/** Where the competent unit is, from the procedure's competence basis and the request (derived). */
export interface CompetentPlaceFacts {
  readonly status: PlaceStatus;
  /** Unit code (5-digit commune, or 2-digit province when only that is known). */
  readonly unit?: string;
  /** Whether `unit` is a commune or, when only that is known, a province. */
  readonly level?: 'commune' | 'province';
  readonly province?: string;
}

/** The one-stop office the applicant stands at. */
export interface OfficeFacts {
  /** 5-digit commune code, or 2-digit province code for a provincial office. */
  readonly unit: string;
  readonly level: OfficeLevel;
  /** 2-digit province code. */
  readonly province: string;
}

/** The applicant's place of residence (or head office). */
export interface ResidenceFacts {
  /** 5-digit commune code. */
  readonly unit: string;
  /** 2-digit province code. */
  readonly province: string;
}

/** The request, as rules see it. Rules never see anything else. */
export interface RoutingFacts {
  readonly procedure: ProcedureFacts;
  /** Absent when filing online or by post without an office. */
  readonly office?: OfficeFacts;
  readonly residence?: ResidenceFacts;
  /** The place of the case: the land, property, establishment or event, or an organisation's head office. */
  readonly subject?: ResidenceFacts;
  readonly applicant?: { readonly type: ApplicantType };
  readonly channel: Channel;
  /** ISO date-time with offset, e.g. `2026-02-12T10:00:00+07:00`. */
  readonly receivedAt: string;
  /** The day whose law applies, `YYYY-MM-DD`. Rule validity is checked against it. */
  readonly asOf: string;
}

/** Kind of a value a fact field holds. */
export type FactValueKind = 'string' | 'number' | 'string-list';

/**
 * What a value means; fact-to-fact comparisons need the same domain on both sides (a province code is compared with
 * a province code, never with a unit code).
 */
export type FactDomain =
  | 'procedure-code'
  | 'text'
  | 'level'
  | 'channel'
  | 'applicant-type'
  | 'unit'
  | 'province'
  | 'count'
  | 'date'
  | 'datetime';

/** One testable value: a scalar fact or a field of an object fact. */
export interface FactFieldSpec {
  readonly kind: FactValueKind;
  readonly domain: FactDomain;
  /** Closed vocabulary, when there is one. */
  readonly values?: readonly string[];
  /** Regular expression source every literal must match. */
  readonly pattern?: string;
  /** Computed by the evaluator from other facts, never supplied by the caller. */
  readonly derived?: boolean;
  readonly description: string;
  /** The same description in Vietnamese, for Vietnamese messages. */
  readonly descriptionVi: string;
}

/** A fact: either an object tested through `path: $.field`, or a scalar tested without a path. */
export type FactSpec =
  | { readonly shape: 'object'; readonly derived?: boolean; readonly description: string; readonly fields: Readonly<Record<string, FactFieldSpec>> }
  | { readonly shape: 'scalar'; readonly description: string; readonly field: FactFieldSpec };

const text = (description: string, descriptionVi: string): FactFieldSpec => ({ kind: 'string', domain: 'text', description, descriptionVi });
const UNIT_PATTERN = '^[0-9]{2}([0-9]{3})?$';
const COMMUNE_PATTERN = '^[0-9]{5}$';
const PROVINCE_PATTERN = '^[0-9]{2}$';
const UNIT_FIELD: FactFieldSpec = { kind: 'string', domain: 'unit', pattern: UNIT_PATTERN, description: '5-digit commune or 2-digit province code.', descriptionVi: 'Mã xã 5 chữ số hoặc mã tỉnh 2 chữ số.' };
const PROVINCE_FIELD: FactFieldSpec = { kind: 'string', domain: 'province', pattern: PROVINCE_PATTERN, description: '2-digit province code.', descriptionVi: 'Mã tỉnh 2 chữ số.' };
/** `YYYY-MM-DD` pattern used for date literals. */
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** The static description of every fact, used to validate rule files. */
export const FACT_DESCRIPTION = Object.freeze({
  procedure: {
    shape: 'object',
    description: 'The procedure asked for, from the catalogue.',
    fields: {
      code: { kind: 'string', domain: 'procedure-code', pattern: '^[0-9]\\.[0-9]{6}$', description: 'National code d.dddddd.', descriptionVi: 'Mã quốc gia dạng d.dddddd.' },
      name: text('Vietnamese name as published.', 'Tên tiếng Việt như đã công bố.'),
      ministry: text('Ministry responsible.', 'Bộ, ngành chịu trách nhiệm.'),
      sector: text('Sector (lĩnh vực) as published.', 'Lĩnh vực như đã công bố.'),
      levels: { kind: 'string-list', domain: 'level', values: PROCEDURE_LEVELS, description: 'Levels performing it.', descriptionVi: 'Các cấp thực hiện.' },
      levelCount: {
        kind: 'number',
        domain: 'count',
        derived: true,
        description: 'Number of levels (derived from levels; absent when levels is not a list).',
        descriptionVi: 'Số cấp thực hiện (suy ra từ levels; không có khi levels không phải danh sách).',
      },
      competentAuthority: text('Competent authority as published.', 'Cơ quan có thẩm quyền như đã công bố.'),
      implementingAuthority: text('Implementing agency as published.', 'Cơ quan thực hiện như đã công bố.'),
      channels: { kind: 'string-list', domain: 'channel', values: CHANNELS, description: 'Channels it is offered on.', descriptionVi: 'Các hình thức nộp được cung cấp.' },
      applicants: { kind: 'string-list', domain: 'text', description: 'Applicant categories as published (free text).', descriptionVi: 'Đối tượng thực hiện như đã công bố (văn bản tự do).' },
      competenceBasis: {
        kind: 'string',
        domain: 'text',
        values: COMPETENCE_BASES,
        description: 'How the competent unit or body is found (catalogue competence basis).',
        descriptionVi: 'Cách xác định đơn vị hoặc cơ quan có thẩm quyền (căn cứ thẩm quyền trong danh mục).',
      },
      bodyKind: text('Kind of the competent body (tax, customs, people-committee ...).', 'Loại cơ quan có thẩm quyền (thuế, hải quan, ủy ban nhân dân...).'),
      competenceLevel: { kind: 'string', domain: 'level', values: PROCEDURE_LEVELS, description: 'The level that decides, when the record says which.', descriptionVi: 'Cấp quyết định, khi hồ sơ thủ tục nêu rõ.' },
      competenceConfidence: {
        kind: 'string',
        domain: 'text',
        values: CONFIDENCES,
        description: 'How surely the catalogue knows the competence: low when only the kind of applicant suggests the basis.',
        descriptionVi: 'Mức chắc chắn của danh mục về thẩm quyền: low khi chỉ suy ra căn cứ thẩm quyền từ loại đối tượng thực hiện.',
      },
    },
  },
  office: {
    shape: 'object',
    description: 'The one-stop office receiving the dossier; absent online or by post.',
    fields: {
      unit: UNIT_FIELD,
      level: { kind: 'string', domain: 'level', values: OFFICE_LEVELS, description: 'province or commune.', descriptionVi: 'province hoặc commune.' },
      province: PROVINCE_FIELD,
    },
  },
  residence: {
    shape: 'object',
    description: "The applicant's residence (or head office).",
    fields: {
      unit: { kind: 'string', domain: 'unit', pattern: COMMUNE_PATTERN, description: '5-digit commune code.', descriptionVi: 'Mã xã 5 chữ số.' },
      province: PROVINCE_FIELD,
    },
  },
  subject: {
    shape: 'object',
    description: 'The place of the case (land, property, establishment, event) or the head office, as the request gives it.',
    fields: { unit: UNIT_FIELD, province: PROVINCE_FIELD },
  },
  competentPlace: {
    shape: 'object',
    derived: true,
    description:
      'Derived: where the competent unit is, from the competence basis: the residence, the subject (place of the case or head office), the office (any-office), or none (named-body).',
    fields: {
      status: { kind: 'string', domain: 'text', values: PLACE_STATUSES, derived: true, description: 'known, unknown (the request lacks it) or none.', descriptionVi: 'known, unknown (yêu cầu không nêu) hoặc none.' },
      unit: { kind: 'string', domain: 'unit', pattern: UNIT_PATTERN, derived: true, description: 'Unit code of the place.', descriptionVi: 'Mã đơn vị hành chính của nơi đó.' },
      level: {
        kind: 'string',
        domain: 'level',
        values: OFFICE_LEVELS,
        derived: true,
        description: 'commune, or province when the request names only the province.',
        descriptionVi: 'commune, hoặc province khi yêu cầu chỉ nêu tỉnh.',
      },
      province: { kind: 'string', domain: 'province', pattern: PROVINCE_PATTERN, derived: true, description: 'Province of the place.', descriptionVi: 'Mã tỉnh của nơi đó.' },
    },
  },
  applicant: {
    shape: 'object',
    description: 'Who files.',
    fields: {
      type: { kind: 'string', domain: 'applicant-type', values: APPLICANT_TYPES, description: 'Applicant category.', descriptionVi: 'Loại người nộp hồ sơ.' },
    },
  },
  channel: {
    shape: 'scalar',
    description: 'Filing channel.',
    field: { kind: 'string', domain: 'channel', values: CHANNELS, description: 'in-person, online or post.', descriptionVi: 'in-person, online hoặc post.' },
  },
  receivedAt: {
    shape: 'scalar',
    description: 'Time of receipt, ISO date-time with offset.',
    field: { kind: 'string', domain: 'datetime', description: 'ISO date-time with offset.', descriptionVi: 'Thời điểm ISO 8601 có múi giờ.' },
  },
  asOf: {
    shape: 'scalar',
    description: 'The day whose law applies.',
    field: { kind: 'string', domain: 'date', pattern: DATE_PATTERN, description: 'YYYY-MM-DD.', descriptionVi: 'Ngày dạng YYYY-MM-DD.' },
  },
  province: {
    shape: 'scalar',
    description: 'Derived: the province of the request, office.province when there is an office, else residence.province.',
    field: {
      kind: 'string',
      domain: 'province',
      pattern: PROVINCE_PATTERN,
      derived: true,
      description: '2-digit province code (derived).',
      descriptionVi: 'Mã tỉnh 2 chữ số (suy ra).',
    },
  },
} satisfies Record<string, FactSpec>) as Readonly<Record<FactName, FactSpec>>;

/** What each domain is, in Vietnamese, for Vietnamese messages (the English ones name the domain itself). */
export const FACT_DOMAIN_VI: Readonly<Record<FactDomain, string>> = Object.freeze({
  'procedure-code': 'mã thủ tục',
  text: 'văn bản',
  level: 'cấp',
  channel: 'hình thức nộp',
  'applicant-type': 'loại người nộp hồ sơ',
  unit: 'mã đơn vị hành chính',
  province: 'mã tỉnh',
  count: 'số lượng',
  date: 'ngày',
  datetime: 'thời điểm',
});

/** Names of the facts rules may test. */
export type FactName =
  | 'procedure'
  | 'office'
  | 'residence'
  | 'subject'
  | 'competentPlace'
  | 'applicant'
  | 'channel'
  | 'receivedAt'
  | 'asOf'
  | 'province';

export const FACT_NAMES: readonly FactName[] = Object.freeze(Object.keys(FACT_DESCRIPTION) as FactName[]);

/** Finds the field a fact + path designates, or a reason why there is none (in English and in Vietnamese). */
export function lookupFactField(
  fact: string,
  path: string | undefined,
): { readonly field: FactFieldSpec } | { readonly error: 'fact' | 'path'; readonly message: string; readonly messageVi: string } {
  if (!Object.prototype.hasOwnProperty.call(FACT_DESCRIPTION, fact)) {
    return {
      error: 'fact',
      message: `unknown fact "${fact}"; expected one of ${FACT_NAMES.join(', ')}`,
      messageVi: `dữ kiện "${fact}" không xác định; cần một trong các giá trị ${FACT_NAMES.join(', ')}`,
    };
  }
  const spec = FACT_DESCRIPTION[fact as FactName];
  if (spec.shape === 'scalar') {
    if (path !== undefined) {
      return {
        error: 'path',
        message: `fact "${fact}" is a single value and takes no path`,
        messageVi: `dữ kiện "${fact}" là dữ kiện đơn, không có đường dẫn`,
      };
    }
    return { field: spec.field };
  }
  const fields = Object.keys(spec.fields);
  const allowed = fields.map((name) => `$.${name}`).join(', ');
  if (path === undefined) {
    return {
      error: 'path',
      message: `fact "${fact}" is an object; add a path, one of ${allowed}`,
      messageVi: `dữ kiện "${fact}" là dữ kiện dạng đối tượng; thêm đường dẫn là một trong các giá trị ${allowed}`,
    };
  }
  const match = /^\$\.([A-Za-z][A-Za-z0-9]*)$/.exec(path);
  const name = match?.[1];
  if (name === undefined || !Object.prototype.hasOwnProperty.call(spec.fields, name)) {
    return {
      error: 'path',
      message: `unknown path "${path}" on fact "${fact}"; expected one of ${allowed}`,
      messageVi: `dữ kiện "${fact}" không có đường dẫn "${path}"; cần một trong các giá trị ${allowed}`,
    };
  }
  return { field: spec.fields[name]! };
}

/**
 * The facts as both evaluators see them: the caller's facts plus the derived ones (`procedure.levelCount`,
 * `province`). Every fact is a key, undefined when absent (which reads the same as missing); other keys are kept.
 * Never mutates its input.
 */
export function deriveFacts(facts: RoutingFacts): Readonly<Record<string, unknown>> {
  const given = facts as unknown as Record<string, unknown>;
  let procedure = given['procedure'];
  if (procedure !== null && typeof procedure === 'object' && !Array.isArray(procedure)) procedure = deriveProcedure(procedure as Record<string, unknown>);
  const office = objectOrUndefined(given['office']);
  const residence = objectOrUndefined(given['residence']);
  const subject = objectOrUndefined(given['subject']);
  const province = office !== undefined ? office['province'] : residence?.['province'];
  const basis = objectOrUndefined(procedure)?.['competenceBasis'];
  // Every fact is a key, in one order (an absent fact reads as undefined either way), so that every record has the
  // same shape as the router's and the compiled readers stay monomorphic.
  const derived: Record<string, unknown> = {
    procedure,
    channel: given['channel'],
    receivedAt: given['receivedAt'],
    asOf: given['asOf'],
    office: given['office'],
    residence: given['residence'],
    subject: given['subject'],
    competentPlace: competentPlaceOf(typeof basis === 'string' ? basis : undefined, office, residence, subject),
    applicant: given['applicant'],
    province: typeof province === 'string' ? province : undefined,
  };
  for (const key of Object.keys(given)) if (!Object.prototype.hasOwnProperty.call(derived, key)) derived[key] = given[key];
  return derived;
}

const PLACE_NONE: CompetentPlaceFacts = Object.freeze({ status: 'none' });
const PLACE_UNKNOWN: CompetentPlaceFacts = Object.freeze({ status: 'unknown' });
const knownPlaces = new WeakMap<object, CompetentPlaceFacts>();

/** A known place for a unit fact `{ unit, province }`, shared per (frozen) fact object. */
function knownPlace(fact: object): CompetentPlaceFacts {
  const found = knownPlaces.get(fact);
  if (found !== undefined) return found;
  const unit = fact as Record<string, unknown>;
  const place: CompetentPlaceFacts = Object.freeze({
    status: 'known',
    ...(typeof unit['unit'] === 'string' ? { unit: unit['unit'], level: unit['unit'].length === 2 ? 'province' : 'commune' } : {}),
    ...(typeof unit['province'] === 'string' ? { province: unit['province'] } : {}),
  });
  if (Object.isFrozen(fact)) knownPlaces.set(fact, place);
  return place;
}

/**
 * Where the competent unit is: the residence (basis residence, and when the catalogue gives no basis), the subject
 * (subject, head-office), the office itself (any-office, else the residence), none (named-body: a body decides
 * wherever). `unknown` when the request lacks the place the basis needs.
 */
export function competentPlaceOf(basis: string | undefined, office: object | undefined, residence: object | undefined, subject: object | undefined): CompetentPlaceFacts {
  switch (basis) {
    case 'named-body':
      return PLACE_NONE;
    case 'subject':
    case 'head-office':
      return subject === undefined ? PLACE_UNKNOWN : knownPlace(subject);
    case 'any-office':
      return office !== undefined ? knownPlace(office) : residence !== undefined ? knownPlace(residence) : PLACE_UNKNOWN;
    default:
      return residence === undefined ? PLACE_UNKNOWN : knownPlace(residence);
  }
}

/** Derived procedure facts of frozen procedure facts, computed once per object (they cannot change). */
const derivedProcedures = new WeakMap<object, Readonly<Record<string, unknown>>>();

/** The procedure fact as deriveFacts gives it: with `levelCount`, closed-vocabulary lists interned. */
export function deriveProcedure(procedure: Record<string, unknown>): Readonly<Record<string, unknown>> {
  const found = derivedProcedures.get(procedure);
  if (found !== undefined) return found;
  const levels = procedure['levels'];
  const frozen = Object.isFrozen(procedure) && (!Array.isArray(levels) || Object.isFrozen(levels));
  const copy: Record<string, unknown> = { ...procedure };
  if (Array.isArray(levels)) copy['levelCount'] = levels.length;
  else delete copy['levelCount'];
  if (!frozen) return copy;
  // Closed-vocabulary lists are shared between procedures with equal content, so explanations of conditions on them
  // (which quote the list) can be shared too.
  for (const key of INTERNED_LISTS) if (Object.prototype.hasOwnProperty.call(copy, key)) copy[key] = internList(copy[key]);
  Object.freeze(copy);
  derivedProcedures.set(procedure, copy);
  return copy;
}

const INTERNED_LISTS = ['levels', 'channels'] as const;
const INTERN_LIMIT = 1024;
const internedLists = new Map<string, readonly string[]>();
const interned = new WeakSet<readonly string[]>();

/** True for a list internList shared: frozen, of strings, the one list with its content. */
export function isInternedList(value: unknown): boolean {
  return typeof value === 'object' && value !== null && interned.has(value as readonly string[]);
}

/** One frozen list per content, for frozen lists of strings; anything else is returned as it is. */
function internList(value: unknown): unknown {
  if (!Array.isArray(value) || !Object.isFrozen(value)) return value;
  let key = '';
  for (const item of value as unknown[]) {
    if (typeof item !== 'string' || item.includes('\u0000')) return value;
    key += `${item}\u0000`;
  }
  const found = internedLists.get(key);
  if (found !== undefined) return found;
  if (internedLists.size < INTERN_LIMIT) {
    internedLists.set(key, value as readonly string[]);
    interned.add(value as readonly string[]);
  }
  return value;
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/**
 * Reads `fact` + `path` from derived facts exactly as json-rules-engine's almanac does with JSONPath: a missing fact is
 * `undefined`; a path on a non-object returns the value itself; a missing field is `undefined`.
 */
export function readFact(facts: Readonly<Record<string, unknown>>, fact: string, keys: readonly string[] | undefined): unknown {
  const value = Object.prototype.hasOwnProperty.call(facts, fact) ? facts[fact] : undefined;
  if (keys === undefined || value === null || typeof value !== 'object') return value;
  let node: unknown = value;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Splits `$.a.b` into `['a', 'b']`. */
export function pathKeys(path: string | undefined): readonly string[] | undefined {
  return path === undefined ? undefined : path.slice(2).split('.');
}
