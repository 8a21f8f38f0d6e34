/**
 * Routing: catalogue + rules + calendar -> a decision on who is competent, what the receiving office does, the
 * deadline and the due date, with every part explained by the rules that decided it.
 */
import type { Calendar } from '../calendar/calendar.js';
import { computeDueDate } from '../calendar/due-date.js';
import type { DueDate } from '../calendar/due-date.js';
import { getProcedure, getUnit, getUnitVersion } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Procedure, Unit } from '../catalog/schema.js';
import { UnknownCodeError, invalidArgument } from '../errors.js';
import { deepFreeze } from '../source/schema.js';
import { decideParts, evaluateRules, findRule } from '../rules/evaluate.js';
import type { DecidedParts, PartDecision, RuleTrace } from '../rules/evaluate.js';
import { APPLICANT_TYPES } from '../rules/facts.js';
import type { ApplicantType, RoutingFacts } from '../rules/facts.js';
import { PART_OF_EFFECT } from '../rules/check.js';
import type { CompiledRuleSet } from '../rules/types.js';
import { VERSION } from '../version.js';
import { procedureFacts } from './facts.js';
import type {
  AppliedRule,
  CompetentResult,
  DecisionDeadline,
  FilingChannel,
  OfficeDecision,
  RouteDecision,
  RouteRequest,
  SkippedRule,
  UnitRef,
} from './types.js';

/** What a router is built from: a checked catalogue, rule set and calendar. */
export interface RouterData {
  readonly catalog: Catalog;
  readonly rules: CompiledRuleSet;
  readonly calendar: Calendar;
}

/** Answers routing requests on one catalogue, rule set and calendar. Create once, route many times. */
export interface Router {
  readonly data: RouterData;
  /**
   * Decides one request. Sync and pure.
   * @throws UnknownCodeError for a procedure or unit code the catalogue does not have (or not in force at asOf).
   * @throws TthcError INVALID_ARGUMENT for a malformed request.
   */
  route(request: RouteRequest): RouteDecision;
}

const CHANNELS: readonly FilingChannel[] = ['in-person', 'online', 'post'];
const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const VIETNAM_OFFSET_MINUTES = 7 * 60;

/**
 * Creates a router from a catalogue, rules and a calendar.
 * @example
 * const router = createRouter({ catalog, rules, calendar });
 * router.route({ procedure: '1.001193', channel: 'in-person', office: '00004', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' });
 */
export function createRouter(data: RouterData): Router {
  const frozen = Object.freeze({ ...data });
  return Object.freeze({ data: frozen, route: (request: RouteRequest) => route(frozen, request) });
}

/** Decides one request on the given data; see {@link Router.route}. */
export function route(data: RouterData, request: RouteRequest): RouteDecision {
  const { checked, procedure, office, residence, facts } = prepare(data, request);
  const { catalog, rules, calendar } = data;
  const evaluation = evaluateRules(rules, facts, { trace: true });
  const decided = decideParts(evaluation.fired);
  const parts = decided.parts;

  const competent = decideCompetent(procedure, parts, office, residence);
  const officeDecision = decideOffice(parts, office, checked.channel);
  const deadline = decideDeadline(procedure, checked.channel, parts);

  let due: DueDate | undefined;
  if (deadline.status === 'resolved' && officeDecision.action !== 'refuse') {
    const province = competent.unit?.level === 'commune' ? provinceOf(catalog, competent.unit.code) : competent.unit?.code;
    due = computeDueDate(calendar, {
      receivedAt: checked.receivedAt,
      deadline: { value: deadline.value, unit: deadline.unit },
      ...(province === undefined ? {} : { province }),
      ...(checked.pauses === undefined ? {} : { pauses: checked.pauses }),
    });
  }

  const decision: RouteDecision = {
    procedure: {
      code: procedure.code,
      name: procedure.name,
      sector: procedure.sector,
      ministry: procedure.ministry,
      levels: procedure.levels,
    },
    channel: checked.channel,
    competent,
    office: officeDecision,
    filingScope: parts.filingScope?.effect.params.scope ?? null,
    deadline,
    dueDate: due?.dueDate ?? null,
    dueAt: due?.dueAt ?? null,
    calendarStatus: due?.status ?? null,
    conflicts: decided.conflicts.map((conflict) => ({
      part: conflict.part,
      priority: conflict.priority,
      ruleIds: conflict.candidates.map((candidate) => candidate.ruleId),
    })),
    explanation: {
      applied: appliedRules(rules, evaluation.trace ?? [], decided),
      notApplied: skippedRules(evaluation.trace ?? []),
      dueDate:
        due === undefined
          ? null
          : { clockStart: due.clockStart, skipped: due.skipped, rules: due.rules, calendarVersion: due.version },
    },
    receipt: {
      catalogHash: catalog.contentHash,
      rulesHash: rules.hash,
      calendarVersion: calendar.version,
      libraryVersion: VERSION,
      asOf: checked.asOf,
      receivedAt: checked.receivedAt,
    },
  };
  return deepFreeze(decision);
}

interface Prepared {
  readonly checked: CheckedRequest;
  readonly procedure: Procedure;
  readonly office: ResolvedUnit | undefined;
  readonly residence: ResolvedUnit | undefined;
  readonly facts: RoutingFacts;
}

/**
 * The facts rules see for a request (after checking it and resolving its codes in the catalogue).
 * @throws as {@link Router.route}
 */
export function routingFactsFor(data: RouterData, request: RouteRequest): RoutingFacts {
  return prepare(data, request).facts;
}

function prepare(data: RouterData, request: RouteRequest): Prepared {
  const checked = checkRequest(request);
  const { catalog } = data;
  const procedure = getProcedure(catalog, checked.procedure);
  if (procedure === undefined) throw new UnknownCodeError('procedure', checked.procedure, 'see "tthc stats" or the catalogue');
  const office = checked.office === undefined ? undefined : resolveUnit(catalog, checked.office, checked.asOf, 'office');
  const residence = checked.residence === undefined ? undefined : resolveUnit(catalog, checked.residence, checked.asOf, 'residence');
  if (checked.channel === 'in-person' && office === undefined) {
    invalidArgument('an in-person filing needs the office: the unit code of the office receiving the dossier');
  }
  const facts: RoutingFacts = {
    procedure: procedureFacts(procedure),
    channel: checked.channel,
    receivedAt: checked.receivedAt,
    asOf: checked.asOf,
    ...(office === undefined ? {} : { office: { unit: office.code, level: office.level, province: office.province } }),
    ...(residence === undefined ? {} : { residence: { unit: residence.code, province: residence.province } }),
    ...(checked.applicant === undefined ? {} : { applicant: { type: checked.applicant } }),
  };
  return { checked, procedure, office, residence, facts };
}

interface CheckedRequest {
  readonly procedure: string;
  readonly channel: FilingChannel;
  readonly receivedAt: string;
  readonly asOf: string;
  readonly office?: string;
  readonly residence?: string;
  readonly applicant?: ApplicantType;
  readonly pauses?: RouteRequest['pauses'];
}

function checkRequest(request: RouteRequest): CheckedRequest {
  if (request === null || typeof request !== 'object') invalidArgument('the request must be an object');
  const { procedure, channel, receivedAt, office, residence, applicant, asOf, pauses } = request;
  if (typeof procedure !== 'string' || procedure === '') invalidArgument('procedure must be a procedure code such as "1.001193"');
  if (!CHANNELS.includes(channel)) invalidArgument(`channel must be one of ${CHANNELS.join(', ')}; got ${JSON.stringify(channel)}`);
  if (typeof receivedAt !== 'string' || !ISO_WITH_OFFSET.test(receivedAt) || Number.isNaN(Date.parse(receivedAt))) {
    invalidArgument(`receivedAt must be an ISO time with an offset such as "2026-02-12T10:00:00+07:00"; got ${JSON.stringify(receivedAt)}`);
  }
  if (asOf !== undefined && (typeof asOf !== 'string' || !PLAIN_DATE.test(asOf))) {
    invalidArgument(`asOf must be a date YYYY-MM-DD; got ${JSON.stringify(asOf)}`);
  }
  if (applicant !== undefined && !(APPLICANT_TYPES as readonly string[]).includes(applicant)) {
    invalidArgument(`applicant must be one of ${APPLICANT_TYPES.join(', ')}; got ${JSON.stringify(applicant)}`);
  }
  for (const [name, code] of [['office', office], ['residence', residence]] as const) {
    if (code !== undefined && (typeof code !== 'string' || !/^(\d{2}|\d{5})$/.test(code))) {
      invalidArgument(`${name} must be a unit code (2-digit province or 5-digit commune); got ${JSON.stringify(code)}`);
    }
  }
  return {
    procedure,
    channel,
    receivedAt,
    asOf: asOf ?? vietnamDateOf(receivedAt),
    ...(office === undefined ? {} : { office }),
    ...(residence === undefined ? {} : { residence }),
    ...(applicant === undefined ? {} : { applicant: applicant as ApplicantType }),
    ...(pauses === undefined ? {} : { pauses }),
  };
}

/** The calendar date in Vietnam (UTC+7) of an ISO instant, independent of the host's time zone. */
function vietnamDateOf(iso: string): string {
  const shifted = new Date(Date.parse(iso) + VIETNAM_OFFSET_MINUTES * 60_000);
  return shifted.toISOString().slice(0, 10);
}

interface ResolvedUnit extends UnitRef {
  readonly province: string;
}

function resolveUnit(catalog: Catalog, code: string, asOf: string, role: 'office' | 'residence'): ResolvedUnit {
  const unit = getUnit(catalog, code);
  if (unit === undefined) throw new UnknownCodeError('unit', code, `the ${role} must be a province or commune in force since 2025-07-01`);
  const version = getUnitVersion(catalog, code, asOf);
  if (version === undefined) {
    throw new UnknownCodeError('unit', code, `the ${role} unit is not in force on ${asOf} (valid from ${unit.validFrom})`);
  }
  return { code: unit.code, name: version.fullName.vi, level: unit.level, province: unit.province ?? unit.code };
}

function provinceOf(catalog: Catalog, code: string): string | undefined {
  const unit: Unit | undefined = getUnit(catalog, code);
  return unit?.province ?? unit?.code;
}

function unitRef(unit: ResolvedUnit): UnitRef {
  return { code: unit.code, name: unit.name, level: unit.level };
}

type Parts = DecidedParts['parts'];

function decideCompetent(
  procedure: Procedure,
  parts: Parts,
  office: ResolvedUnit | undefined,
  residence: ResolvedUnit | undefined,
): CompetentResult {
  const delegation = parts.delegation?.effect.params;
  const authority = delegation?.to ?? procedure.competentAuthority ?? '';
  const delegated = delegation === undefined ? {} : { delegatedFrom: delegation.from };
  const level = parts.competentLevel?.effect.params.level;
  if (level === undefined) {
    return {
      status: 'undetermined',
      level: null,
      unit: null,
      authority,
      candidates: procedure.levels,
      reason:
        procedure.levels.length > 1
          ? `the procedure is performed at ${procedure.levels.join(', ')} and no rule chooses between them`
          : 'no rule decides the competent level',
    };
  }
  if (level === 'central' || level === 'other') return { status: 'determined', level, unit: null, authority, ...delegated };

  const unitEffect = parts.competentUnit?.effect.params;
  const undetermined = (reason: string): CompetentResult => ({
    status: 'undetermined',
    level,
    unit: null,
    authority,
    candidates: [level],
    reason,
  });
  if (unitEffect === undefined) {
    if (level === 'province' && residence !== undefined) {
      return undetermined(`no rule names the competent province; the applicant lives in province ${residence.province}`);
    }
    return undetermined('no rule names the competent unit');
  }
  let unit: ResolvedUnit | undefined;
  switch (unitEffect.unit) {
    case 'residence-commune':
      if (residence === undefined || residence.level !== 'commune') {
        return undetermined('the competent unit is the commune of residence: give the residence commune code');
      }
      unit = residence;
      break;
    case 'residence-province':
      if (residence === undefined) return undetermined('the competent unit is the province of residence: give the residence');
      unit = { code: residence.province, name: residence.province, level: 'province', province: residence.province };
      break;
    case 'office-unit':
      if (office === undefined) return undetermined('the competent unit is the receiving office: give the office code');
      unit = office;
      break;
    case 'named':
      unit = { code: unitEffect.code ?? '', name: unitEffect.code ?? '', level: (unitEffect.code ?? '').length === 2 ? 'province' : 'commune', province: (unitEffect.code ?? '').slice(0, 2) };
      break;
  }
  if (unit.level !== level) {
    return undetermined(`the rule names a ${unit.level} (${unit.code}) but the competent level is ${level}`);
  }
  return { status: 'determined', level, unit: unitRef(unit), authority, ...delegated };
}

function decideOffice(parts: Parts, office: ResolvedUnit | undefined, channel: FilingChannel): OfficeDecision {
  const effect = parts.officeAction?.effect.params;
  const unit = office === undefined ? null : unitRef(office);
  if (effect === undefined) {
    return {
      unit,
      action: 'undetermined',
      reason: `no rule decides what ${office === undefined ? `a ${channel} filing` : 'this office'} does with the dossier`,
    };
  }
  return {
    unit,
    action: effect.action,
    reason: effect.reason,
    ...(effect.guidance === undefined ? {} : { guidance: effect.guidance }),
  };
}

function decideDeadline(procedure: Procedure, channel: FilingChannel, parts: Parts): DecisionDeadline {
  const offered = procedure.channels[channel];
  const rule = parts.deadline?.effect.params;
  if (rule !== undefined && 'override' in rule && rule.override !== undefined) {
    return { status: 'resolved', value: rule.override.value, unit: rule.override.unit, raw: offered?.deadline.raw ?? '', source: 'rule' };
  }
  if (offered === undefined) {
    return { status: 'unavailable', reason: `the catalogue gives no ${channel} channel for this procedure` };
  }
  const deadline = offered.deadline;
  if (deadline.status === 'unresolved') return { status: 'unresolved', raw: deadline.raw, reason: deadline.reason };
  let value = deadline.value;
  let source: 'catalogue' | 'rule' = 'catalogue';
  if (rule !== undefined && 'adjust' in rule && rule.adjust !== undefined) {
    if (rule.adjust.add.unit !== deadline.unit) {
      return {
        status: 'unresolved',
        raw: deadline.raw,
        reason: `a rule adds ${rule.adjust.add.value} ${rule.adjust.add.unit} to a deadline in ${deadline.unit}`,
      };
    }
    value += rule.adjust.add.value;
    source = 'rule';
  }
  return {
    status: 'resolved',
    value,
    unit: deadline.unit,
    raw: deadline.raw,
    source,
    ...(deadline.variants === undefined ? {} : { variants: deadline.variants }),
  };
}

function appliedRules(rules: CompiledRuleSet, trace: readonly RuleTrace[], decided: DecidedParts): AppliedRule[] {
  const winners = new Set<string>();
  for (const part of Object.values(decided.parts) as (PartDecision | undefined)[]) {
    for (const id of part?.ruleIds ?? []) winners.add(id);
  }
  const applied: AppliedRule[] = [];
  for (const entry of trace) {
    if (!entry.applied) continue;
    const rule = findRule(rules, entry.ruleId);
    if (rule === undefined) continue;
    applied.push({
      ruleId: rule.id,
      description: rule.description,
      part: PART_OF_EFFECT[rule.event.type],
      effect: { type: rule.event.type, ...rule.event.params },
      priority: rule.priority,
      legalBasis: rule.legalBasis.map((basis) => ({
        document: basis.document,
        ...(basis.article === undefined ? {} : { article: basis.article }),
        ...(basis.url === undefined ? {} : { url: basis.url }),
      })),
      conditions: entry.checks,
      won: winners.has(rule.id),
    });
  }
  return applied.sort((a, b) => Number(b.won) - Number(a.won) || b.priority - a.priority || (a.ruleId < b.ruleId ? -1 : 1));
}

function skippedRules(trace: readonly RuleTrace[]): SkippedRule[] {
  const skipped: SkippedRule[] = [];
  for (const entry of trace) {
    if (entry.applied) continue;
    skipped.push({ ruleId: entry.ruleId, reason: entry.detail, ...(entry.failed === undefined ? {} : { failedCondition: entry.failed }) });
  }
  return skipped;
}
