/**
 * Comparing two datasets: procedures, units, rules, overrides and abolished bodies added, removed and changed, and
 * how the routing decision of each affected procedure changes on the standard requests. Browser-safe, sync, pure.
 */
import { isLocalizedText } from '../vocabulary.js';
import type { Catalog } from '../catalog/catalog.js';
import { competenceInForce, deadlineInForce } from '../catalog/overrides.js';
import type { AbolishedBody, Override, Procedure, Unit, UnitVersion } from '../catalog/schema.js';
import { invalidArgument } from '../errors.js';
import { evaluateRules } from '../rules/evaluate.js';
import type { RoutingFacts } from '../rules/facts.js';
import { canonicalJson } from '../rules/hash.js';
import type { Rule } from '../rules/types.js';
import { createRouter } from '../routing/router.js';
import type { Router, RouterData } from '../routing/router.js';
import { procedureFacts } from '../routing/facts.js';
import type { RouteDecision } from '../routing/types.js';
import { deepFreeze } from '../source/schema.js';
import { isLocalProcedure, STANDARD_RECEIVED_AT, STANDARD_REQUESTS, STANDARD_UNITS } from './requests.js';
import type {
  DatasetDiff,
  DecisionPart,
  DecisionPartChange,
  DiffValue,
  EntryChange,
  EntrySummary,
  FieldChange,
  ProcedureChange,
  ProcedureSummary,
  RoutingChange,
  RoutingDiff,
  RuleChange,
  RuleSummary,
  StandardRequest,
  UnitChange,
  UnitSummary,
} from './types.js';
import { expectDiff } from '../arguments.js';
import { periodText } from '../vocabulary.js';
import type { Lang } from '../format/types.js';
import { ACTION_TEXT, BASIS_TEXT, DEADLINE_STATUS_TEXT, LEVEL_TEXT, periodTextIn, SCOPE_TEXT, wordFor } from '../words.js';
import { isTthcError } from '../errors.js';

/** Options of {@link diffDatasets}. */
export interface DiffDatasetsOptions {
  /** Receipt time of the standard requests, ISO with an offset (default {@link STANDARD_RECEIVED_AT}). */
  readonly receivedAt?: string;
  /** Route the affected procedures and compare the decisions (default true). */
  readonly routing?: boolean;
  /**
   * Route every request in scope on both sides (default false: a request whose procedure, units and calendar are
   * unchanged and whose fired rules are the same on both sides is known to decide the same, and is not routed).
   */
  readonly exhaustive?: boolean;
}

const CHANNELS = ['in-person', 'online', 'post'] as const;
/** Procedure fields compared one by one, in the order a diff lists them; every other field follows, sorted. */
const PROCEDURE_FIELDS = [
  'name',
  'ministry',
  'sector',
  'levels',
  'applicants',
  'competentAuthority',
  'implementingAuthority',
  'delegatedAuthority',
  'coordinatingAuthority',
] as const;
const RULE_FIELDS = ['description', 'priority', 'validFrom', 'validTo', 'scope', 'conditions', 'event', 'legalBasis'] as const;
const UNIT_FIELDS = ['level', 'province', 'validFrom', 'validTo', 'aliases'] as const;
const OVERRIDE_FIELDS = ['description', 'select', 'channels', 'validFrom', 'validTo', 'replaces', 'deadline', 'hours', 'competence', 'legalBasis', 'confidence', 'note'] as const;
const BODY_FIELDS = ['names', 'abolishedOn', 'legalBasis', 'confidence', 'successor'] as const;

/** The sides of a diff as its Vietnamese messages name them. */
const SIDE_VI = Object.freeze({ old: 'cũ', new: 'mới' });

/**
 * Compares two datasets (each a checked catalogue, rule set and calendar) and routes the affected procedures on the
 * standard requests with both. Inputs are not mutated.
 * @param before - the old side
 * @param after - the new side
 * @returns a frozen {@link DatasetDiff}; empty lists and scope `none` when the two sides are equal
 * @throws TthcError INVALID_ARGUMENT when a side lacks its catalogue, rules or calendar, or receivedAt is malformed
 * @example
 * const diff = diffDatasets(oldDataset, newDataset);
 * diff.summary.procedures.changed // 3
 */
export function diffDatasets(before: RouterData, after: RouterData, options: DiffDatasetsOptions = {}): DatasetDiff {
  for (const [name, side] of [['old', before], ['new', after]] as const) {
    if (side === null || typeof side !== 'object' || side.catalog === undefined || side.rules === undefined || side.calendar === undefined) {
      invalidArgument({
        en: `the ${name} side must have a catalog, rules and a calendar`,
        vi: `phía ${SIDE_VI[name]} phải có danh mục (catalog), bộ quy tắc (rules) và lịch làm việc (calendar)`,
      });
    }
  }
  const receivedAt = options.receivedAt ?? STANDARD_RECEIVED_AT;
  if (typeof receivedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(receivedAt)) {
    invalidArgument({
      en: `receivedAt must be an ISO time with an offset such as "${STANDARD_RECEIVED_AT}"; got ${JSON.stringify(receivedAt)}`,
      vi: `receivedAt phải là thời điểm ISO 8601 có múi giờ, ví dụ "${STANDARD_RECEIVED_AT}"; nhận được ${JSON.stringify(receivedAt)}`,
    });
  }

  const sameCatalog = before.catalog.contentHash === after.catalog.contentHash;
  const procedures = sameCatalog ? emptyChanges<ProcedureSummary, ProcedureChange>() : diffProcedures(before.catalog, after.catalog);
  const units = sameCatalog ? emptyChanges<UnitSummary, UnitChange>() : diffUnits(before.catalog, after.catalog);
  const rules = before.rules.hash === after.rules.hash ? emptyChanges<RuleSummary, RuleChange>() : diffRules(before.rules.rules, after.rules.rules);
  let overrides = emptyChanges<EntrySummary, EntryChange>();
  if (!sameCatalog) {
    const files = { old: fileOfOverride(before.catalog), new: fileOfOverride(after.catalog) };
    overrides = diffById(before.catalog.overrides, after.catalog.overrides, OVERRIDE_FIELDS, (override, side) => overrideSummary(override, files[side]));
  }
  const bodies = sameCatalog ? emptyChanges<EntrySummary, EntryChange>() : diffById(before.catalog.abolishedBodies, after.catalog.abolishedBodies, BODY_FIELDS, bodySummary);
  const calendar = before.calendar.version === after.calendar.version ? null : { old: before.calendar.version, new: after.calendar.version };
  // An override changes what its procedures decide without changing their records: route them too.
  const overrideIds = new Set([...overrides.added, ...overrides.removed, ...overrides.changed].map((entry) => entry.id));
  const overridden = [...new Set([...proceduresOverriddenBy(before.catalog, overrideIds), ...proceduresOverriddenBy(after.catalog, overrideIds)])].filter(
    (code) => before.catalog.index.procedureByCode.has(code) && after.catalog.index.procedureByCode.has(code),
  );
  const changedCodes = [...new Set([...procedures.changed.map((change) => change.code), ...overridden])].sort();

  const unitsChanged = units.added.length + units.removed.length + units.changed.length > 0;
  const rulesChanged = before.rules.hash !== after.rules.hash;
  const scope: RoutingDiff['scope'] =
    options.routing === false
      ? 'none'
      : rulesChanged || calendar !== null || unitsChanged
        ? 'all'
        : changedCodes.length > 0
          ? 'changed'
          : 'none';
  const codes =
    scope === 'all'
      ? after.catalog.procedures.map((procedure) => procedure.code).filter((code) => before.catalog.index.procedureByCode.has(code))
      : scope === 'changed'
        ? changedCodes
        : [];
  const routing = diffRouting(before, after, codes, { receivedAt, scope, calendarChanged: calendar !== null, exhaustive: options.exhaustive === true });

  const count = (changes: { added: readonly unknown[]; removed: readonly unknown[]; changed: readonly unknown[] }) => ({
    added: changes.added.length,
    removed: changes.removed.length,
    changed: changes.changed.length,
  });
  const diff: DatasetDiff = {
    summary: {
      procedures: count(procedures),
      units: count(units),
      rules: count(rules),
      overrides: count(overrides),
      bodies: count(bodies),
      calendarChanged: calendar !== null,
      routingChanged: new Set(routing.changes.map((change) => change.procedure)).size,
    },
    procedures,
    units,
    rules,
    overrides,
    bodies,
    calendar,
    routing,
  };
  return deepFreeze(diff);
}

/** True when a diff found nothing: no data change and no routing change. */
export function isEmptyDiff(diff: DatasetDiff): boolean {
  expectDiff(diff);
  const { procedures, units, rules, overrides, bodies, calendarChanged, routingChanged } = diff.summary;
  const total = (c: { added: number; removed: number; changed: number }) => c.added + c.removed + c.changed;
  return total(procedures) + total(units) + total(rules) + total(overrides) + total(bodies) + routingChanged === 0 && !calendarChanged;
}

function emptyChanges<A, C>(): { added: A[]; removed: A[]; changed: C[] } {
  return { added: [], removed: [], changed: [] };
}

// ---------------------------------------------------------------- catalogue

function diffProcedures(before: Catalog, after: Catalog): { added: ProcedureSummary[]; removed: ProcedureSummary[]; changed: ProcedureChange[] } {
  const result = emptyChanges<ProcedureSummary, ProcedureChange>();
  const oldByCode = before.index.procedureByCode;
  const newByCode = after.index.procedureByCode;
  for (const procedure of before.procedures) if (!newByCode.has(procedure.code)) result.removed.push(procedureSummary(procedure));
  for (const procedure of after.procedures) {
    const old = oldByCode.get(procedure.code);
    if (old === undefined) {
      result.added.push(procedureSummary(procedure));
      continue;
    }
    if (old === procedure || canonicalJson(old) === canonicalJson(procedure)) continue;
    result.changed.push({ code: procedure.code, name: procedure.name, changes: procedureChanges(old, procedure) });
  }
  return result;
}

function procedureSummary(procedure: Procedure): ProcedureSummary {
  return { code: procedure.code, name: procedure.name, levels: [...procedure.levels] };
}

function procedureChanges(old: Procedure, now: Procedure): FieldChange[] {
  const changes: FieldChange[] = [];
  const oldRecord = old as unknown as Record<string, unknown>;
  const newRecord = now as unknown as Record<string, unknown>;
  for (const field of PROCEDURE_FIELDS) pushChange(changes, field, oldRecord[field], newRecord[field]);
  for (const channel of CHANNELS) {
    const a = old.channels[channel];
    const b = now.channels[channel];
    pushChange(changes, `${channel}.deadline`, a?.deadline, b?.deadline);
    pushChange(changes, `${channel}.fee`, a?.fee, b?.fee);
    pushChange(changes, `${channel}.description`, a?.description, b?.description);
  }
  const known = new Set<string>(['code', 'channels', ...PROCEDURE_FIELDS]);
  const rest = [...new Set([...Object.keys(oldRecord), ...Object.keys(newRecord)])].filter((key) => !known.has(key)).sort();
  for (const field of rest) pushChange(changes, field, oldRecord[field], newRecord[field]);
  return changes;
}

function diffUnits(before: Catalog, after: Catalog): { added: UnitSummary[]; removed: UnitSummary[]; changed: UnitChange[] } {
  const result = emptyChanges<UnitSummary, UnitChange>();
  const oldByCode = before.index.unitByCode;
  const newByCode = after.index.unitByCode;
  for (const unit of before.units) if (!newByCode.has(unit.code)) result.removed.push(unitSummary(unit));
  for (const unit of after.units) {
    const old = oldByCode.get(unit.code);
    if (old === undefined) {
      result.added.push(unitSummary(unit));
      continue;
    }
    if (old === unit || canonicalJson(old) === canonicalJson(unit)) continue;
    const changes: FieldChange[] = [];
    const oldRecord = old as unknown as Record<string, unknown>;
    const newRecord = unit as unknown as Record<string, unknown>;
    for (const field of UNIT_FIELDS) pushChange(changes, field, oldRecord[field], newRecord[field]);
    const oldVersions = old.versions.map((version) => describeVersion(version, 'en'));
    const newVersions = unit.versions.map((version) => describeVersion(version, 'en'));
    if (canonicalJson(oldVersions) !== canonicalJson(newVersions)) {
      changes.push({
        field: 'versions',
        old: oldVersions,
        new: newVersions,
        oldVi: old.versions.map((version) => describeVersion(version, 'vi')),
        newVi: unit.versions.map((version) => describeVersion(version, 'vi')),
      });
    } else pushChange(changes, 'versions', old.versions, unit.versions);
    result.changed.push({ code: unit.code, name: latestName(unit), changes });
  }
  return result;
}

function unitSummary(unit: Unit): UnitSummary {
  return { code: unit.code, level: unit.level, name: latestName(unit) };
}

function latestName(unit: Unit): string {
  return unit.versions[unit.versions.length - 1]?.fullName.vi ?? unit.code;
}

function describeVersion(version: UnitVersion, lang: Lang): string {
  const period =
    lang === 'vi'
      ? version.validTo === undefined
        ? `từ ngày ${version.validFrom}`
        : `từ ngày ${version.validFrom} đến ngày ${version.validTo}`
      : version.validTo === undefined
        ? `from ${version.validFrom}`
        : `${version.validFrom} to ${version.validTo}`;
  return `${version.fullName.vi} / ${version.fullName.en} (${version.type}, ${period})`;
}

// ---------------------------------------------------------------- rules

/**
 * Entries with an id on both sides, added, removed, and changed field by field (fields in the order given).
 * @param summarise - the entry as listed; `side` says which dataset it comes from
 */
function diffById<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  fields: readonly string[],
  summarise: (entry: T, side: 'old' | 'new') => EntrySummary,
): { added: EntrySummary[]; removed: EntrySummary[]; changed: EntryChange[] } {
  const result = emptyChanges<EntrySummary, EntryChange>();
  const oldById = new Map(before.map((entry) => [entry.id, entry]));
  const newById = new Map(after.map((entry) => [entry.id, entry]));
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const entry of before) if (!newById.has(entry.id)) result.removed.push(summarise(entry, 'old'));
  for (const entry of after) {
    const old = oldById.get(entry.id);
    if (old === undefined) {
      result.added.push(summarise(entry, 'new'));
      continue;
    }
    const changes: FieldChange[] = [];
    const oldRecord = old as unknown as Record<string, unknown>;
    const newRecord = entry as unknown as Record<string, unknown>;
    for (const field of fields) pushChange(changes, field, oldRecord[field], newRecord[field]);
    if (changes.length > 0) {
      const { id, description, file } = summarise(entry, 'new');
      result.changed.push({ id, description, file, changes });
    }
  }
  result.added.sort(byId);
  result.removed.sort(byId);
  result.changed.sort(byId);
  return result;
}

function diffRules(before: readonly Rule[], after: readonly Rule[]): { added: RuleSummary[]; removed: RuleSummary[]; changed: RuleChange[] } {
  return diffById(before, after, RULE_FIELDS, ruleSummary);
}

/** The file of each override, from the compiled index (the parsed list does not keep it). */
function fileOfOverride(catalog: Catalog): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  for (const list of catalog.index.overrides.values()) for (const { ref } of list) files.set(ref.id, ref.file);
  return files;
}

function overrideSummary(override: Override, files: ReadonlyMap<string, string>): EntrySummary {
  const selects = 'codes' in override.select ? `codes ${override.select.codes.join(', ')}` : `sector ${override.select.sector}`;
  const sets = [
    override.deadline === undefined ? undefined : `deadline ${'status' in override.deadline ? override.deadline.status : periodText(override.deadline)}`,
    override.hours === undefined ? undefined : `hours ${override.hours}`,
    override.competence === undefined ? undefined : `competence ${override.competence.basis}`,
  ].filter((part): part is string => part !== undefined);
  return {
    id: override.id,
    description: typeof override.description === 'string' ? override.description : (override.description.en ?? override.description.vi),
    file: files.get(override.id) ?? null,
    effect: `${sets.join('; ')} for ${selects}, from ${override.validFrom}`,
    effectVi: overrideEffectVi(override),
  };
}

/** What an override does, in Vietnamese: "thời hạn giải quyết 5 ngày làm việc áp dụng cho thủ tục mã 1.000045, từ ngày 2025-07-01". */
function overrideEffectVi(override: Override): string {
  const selects = 'codes' in override.select ? `thủ tục mã ${override.select.codes.join(', ')}` : `thủ tục thuộc lĩnh vực ${override.select.sector}`;
  const deadline = override.deadline;
  const sets = [
    deadline === undefined
      ? undefined
      : `thời hạn giải quyết ${'status' in deadline ? wordFor(DEADLINE_STATUS_TEXT, deadline.status, 'vi') : periodTextIn(deadline, 'vi')}`,
    override.hours === undefined
      ? undefined
      : override.hours === 'elapsed'
        ? 'thời hạn tính bằng giờ là giờ liên tục'
        : override.hours === 'uncertain'
          ? 'thời hạn tính bằng giờ chưa rõ là giờ làm việc hay giờ liên tục'
          : `thời hạn tính bằng giờ: ${String(override.hours)}`,
    override.competence === undefined ? undefined : `thẩm quyền: ${wordFor(BASIS_TEXT, override.competence.basis, 'vi')}`,
  ].filter((part): part is string => part !== undefined);
  return `${sets.join('; ')} áp dụng cho ${selects}, từ ngày ${override.validFrom}`;
}

function bodySummary(body: AbolishedBody): EntrySummary {
  const successor = body.successor === undefined ? 'no successor named' : `successor ${body.successor.name}`;
  const successorVi = body.successor === undefined ? 'pháp luật chưa nêu cơ quan kế thừa' : `cơ quan kế thừa: ${body.successor.name}`;
  return {
    id: body.id,
    description: body.names[0]!,
    file: null,
    effect: `abolished on ${body.abolishedOn}; ${successor}`,
    effectVi: `bãi bỏ từ ngày ${body.abolishedOn}; ${successorVi}`,
  };
}

/** Codes of the procedures one of the overrides selects. */
function proceduresOverriddenBy(catalog: Catalog, ids: ReadonlySet<string>): string[] {
  if (ids.size === 0) return [];
  const codes: string[] = [];
  for (const [code, list] of catalog.index.overrides) if (list.some(({ ref }) => ids.has(ref.id))) codes.push(code);
  return codes;
}

function ruleSummary(rule: Rule): RuleSummary {
  return { id: rule.id, description: rule.description.en, file: rule.source?.file ?? null, effect: describeEffect(rule.event), effectVi: describeEffect(rule.event, 'vi') };
}

/**
 * An effect in one line, e.g. `office-action: action=refuse, reason=...`: the type and parameters as the rule writes
 * them; a text in both languages shows its English, or its Vietnamese with `lang` `vi`.
 */
export function describeEffect(event: Rule['event'], lang: Lang = 'en'): string {
  const params = Object.entries(event.params as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : isLocalizedText(value) ? value[lang === 'vi' ? 'vi' : 'en'] : canonicalJson(value)}`);
  return `${event.type}: ${params.join(', ')}`;
}

function pushChange(changes: FieldChange[], field: string, old: unknown, now: unknown): void {
  const a = toValue(old);
  const b = toValue(now);
  if (canonicalJson(a) !== canonicalJson(b)) changes.push({ field, old: a, new: b });
}

/** A copy of a JSON-like value without undefined members; undefined becomes null. */
function toValue(value: unknown): DiffValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(toValue);
  if (typeof value === 'object') {
    const out: Record<string, DiffValue> = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) if (member !== undefined) out[key] = toValue(member);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

// ---------------------------------------------------------------- routing

type DecisionSummary = Readonly<Record<DecisionPart, string | null>>;

const PARTS: readonly DecisionPart[] = [
  'competent.level',
  'competent.unit',
  'competent.authority',
  'office.action',
  'filingScope',
  'deadline',
  'dueDate',
  'error',
];

interface RoutingContext {
  readonly receivedAt: string;
  readonly scope: RoutingDiff['scope'];
  readonly calendarChanged: boolean;
  readonly exhaustive: boolean;
}

function diffRouting(before: RouterData, after: RouterData, codes: readonly string[], context: RoutingContext): RoutingDiff {
  const { receivedAt, scope } = context;
  const oldRouter = createRouter(before);
  const newRouter = createRouter(after);
  const asOf = vietnamDateOf(receivedAt);
  // A decision depends on the procedure, the request's units, the calendar and the rules that fire: when all are
  // equal on both sides, the decisions are equal and routing (the slow, fully traced path) is skipped.
  const shortcut = !context.exhaustive && !context.calendarChanged && sameStandardUnits(before.catalog, after.catalog);
  const changes: RoutingChange[] = [];
  let routes = 0;
  for (const code of codes) {
    const oldProcedure = before.catalog.index.procedureByCode.get(code);
    const newProcedure = after.catalog.index.procedureByCode.get(code);
    if (oldProcedure === undefined || newProcedure === undefined) continue;
    const local = isLocalProcedure(oldProcedure.levels) || isLocalProcedure(newProcedure.levels);
    const sameProcedure =
      shortcut &&
      (oldProcedure === newProcedure || canonicalJson(oldProcedure) === canonicalJson(newProcedure)) &&
      canonicalJson(inForce(before.catalog, oldProcedure, asOf)) === canonicalJson(inForce(after.catalog, newProcedure, asOf));
    for (const request of STANDARD_REQUESTS) {
      if (request.appliesTo === 'local' && !local) continue;
      routes += 1;
      if (sameProcedure) {
        const oldFired = firedKey(before, oldProcedure, request, receivedAt, asOf);
        if (oldFired !== undefined && oldFired === firedKey(after, newProcedure, request, receivedAt, asOf)) continue;
      }
      const a = summarise(oldRouter, code, request, receivedAt);
      const b = summarise(newRouter, code, request, receivedAt);
      const differences: DecisionPartChange[] = [];
      for (const part of PARTS) {
        if (a.en[part] !== b.en[part]) differences.push({ part, old: a.en[part], new: b.en[part], oldVi: a.vi[part], newVi: b.vi[part] });
      }
      if (differences.length > 0) changes.push({ procedure: code, name: newProcedure.name, request: request.id, changes: differences });
    }
  }
  return { receivedAt, requests: STANDARD_REQUESTS, scope, proceduresRouted: codes.length, routes, changes };
}

const STANDARD_UNIT_CODES: readonly string[] = [
  ...new Set(Object.values(STANDARD_UNITS).flatMap((unit) => [unit.code, unit.province])),
  ...new Set(STANDARD_REQUESTS.flatMap((request) => [request.residence, ...(request.office === null ? [] : [request.office])])),
];

function sameStandardUnits(before: Catalog, after: Catalog): boolean {
  return STANDARD_UNIT_CODES.every((code) => {
    const a = before.index.unitByCode.get(code);
    const b = after.index.unitByCode.get(code);
    return a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
  });
}

/** What the overrides make of a procedure on a date: its deadlines and competence in force. */
function inForce(catalog: Catalog, procedure: Procedure, asOf: string): unknown {
  return {
    deadlines: CHANNELS.map((channel) => deadlineInForce(catalog.index.overrides, procedure, channel, asOf) ?? null),
    competence: competenceInForce(catalog.index.overrides, procedure, asOf) ?? null,
  };
}

/**
 * The rules that fire for a standard request, as text, using the same facts the router derives; undefined when the
 * request cannot be evaluated this way (an unknown unit), so the caller routes it.
 */
function firedKey(data: RouterData, procedure: Procedure, request: StandardRequest, receivedAt: string, asOf: string): string | undefined {
  const residence = data.catalog.index.unitByCode.get(request.residence);
  const office = request.office === null ? undefined : data.catalog.index.unitByCode.get(request.office);
  if (residence === undefined || (request.office !== null && office === undefined)) return undefined;
  const facts: RoutingFacts = {
    procedure: procedureFacts(procedure, competenceInForce(data.catalog.index.overrides, procedure, asOf)),
    channel: request.channel,
    receivedAt,
    asOf,
    ...(office === undefined ? {} : { office: { unit: office.code, level: office.level, province: office.province ?? office.code } }),
    residence: { unit: residence.code, province: residence.province ?? residence.code },
  };
  const fired = evaluateRules(data.rules, facts).fired;
  let key = '';
  for (const event of fired) key += `${event.ruleId}\u0000${event.priority}\u0000${canonicalJson(event.effect)}\u0001`;
  return key;
}

/** The calendar date in Vietnam (UTC+7) of an ISO instant. */
function vietnamDateOf(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 60 * 60_000).toISOString().slice(0, 10);
}

/** A decision's parts as a diff shows them, in English (compared) and in Vietnamese (shown with `lang` `vi`). */
function summarise(router: Router, code: string, request: StandardRequest, receivedAt: string): { en: DecisionSummary; vi: DecisionSummary } {
  let decision: RouteDecision;
  try {
    decision = router.route({
      procedure: code,
      channel: request.channel,
      receivedAt,
      residence: request.residence,
      ...(request.office === null ? {} : { office: request.office }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = (text: string): DecisionSummary => ({
      'competent.level': null,
      'competent.unit': null,
      'competent.authority': null,
      'office.action': null,
      filingScope: null,
      deadline: null,
      dueDate: null,
      error: text,
    });
    // tthc's own errors carry their Vietnamese (an older copy's may not); others are shown as they are.
    return { en: failed(message), vi: failed(isTthcError(error) ? (error.messageVi ?? message) : message) };
  }
  return { en: decisionSummary(decision, 'en'), vi: decisionSummary(decision, 'vi') };
}

/** The words a decision summary adds around the decision's values, per language. */
const SUMMARY_WORDS = Object.freeze({
  en: { level: (code: string) => code, undetermined: 'undetermined', or: ' or ', delegated: 'delegated from', rule: ' (rule)', unresolved: 'unresolved', unavailable: 'unavailable' },
  vi: {
    level: (code: string) => `cấp ${wordFor(LEVEL_TEXT, code, 'vi')}`,
    undetermined: 'chưa xác định',
    or: ' hoặc ',
    delegated: 'được ủy quyền từ',
    rule: ' (theo quy tắc)',
    unresolved: 'chưa xác định được',
    unavailable: 'không có',
  },
});

/**
 * A decision's parts as a diff compares them: levels, actions, scopes and deadlines in the language's words (English
 * keeps the codes); units, authorities and dates as they are.
 */
function decisionSummary(decision: RouteDecision, lang: Lang): DecisionSummary {
  const { competent, office, deadline } = decision;
  const words = SUMMARY_WORDS[lang];
  const word = (table: Parameters<typeof wordFor>[0], code: string): string => (lang === 'en' ? code : wordFor(table, code, 'vi'));
  return {
    'competent.level':
      competent.status === 'determined'
        ? competent.level === null
          ? null
          : words.level(competent.level)
        : `${words.undetermined} (${competent.level === null ? competent.candidates.map(words.level).join(words.or) : words.level(competent.level)})`,
    'competent.unit':
      competent.unit === null ? null : competent.unit.name === competent.unit.code ? competent.unit.code : `${competent.unit.code} ${competent.unit.name}`,
    'competent.authority':
      competent.authority === ''
        ? null
        : competent.status === 'determined' && competent.delegatedFrom !== undefined
          ? `${competent.authority} (${words.delegated} ${competent.delegatedFrom})`
          : competent.authority,
    'office.action': word(ACTION_TEXT, office.action),
    filingScope: decision.filingScope === null ? null : word(SCOPE_TEXT, decision.filingScope),
    deadline:
      deadline.status === 'resolved'
        ? `${periodTextIn(deadline, lang)}${deadline.source === 'rule' ? words.rule : ''}`
        : deadline.status === 'unresolved'
          ? `${words.unresolved}: ${deadline.raw}`
          : words.unavailable,
    dueDate: decision.dueAt ?? decision.dueDate,
    error: null,
  };
}
