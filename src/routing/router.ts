/**
 * Routing: catalogue + rules + calendar -> a decision on who is competent, what the receiving office does, the
 * deadline and the due date, with every part explained by the rules that decided it.
 */
import type { Calendar } from '../calendar/calendar.js';
import { computeDueDate } from '../calendar/due-date.js';
import { vietnamDateOf } from '../calendar/working-days.js';
import type { DueDate } from '../calendar/due-date.js';
import { getProcedure, getUnit, getUnitVersion } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Procedure, Unit, UnitVersion } from '../catalog/schema.js';
import { UnknownCodeError, invalidArgument } from '../errors.js';
import { deepFreeze } from '../source/schema.js';
import { decideParts, evaluateRules, findRule } from '../rules/evaluate.js';
import type { DecidedParts, DecisionPart, PartDecision, RuleTrace } from '../rules/evaluate.js';
import { APPLICANT_TYPES } from '../rules/facts.js';
import type { ApplicantType, RoutingFacts } from '../rules/facts.js';
import { PART_OF_EFFECT } from '../rules/check.js';
import type { CompiledRuleSet, Rule } from '../rules/types.js';
import { VERSION } from '../version.js';
import { procedureFacts } from './facts.js';
import type {
  AppliedRule,
  CompetentResult,
  DecisionDeadline,
  FilingChannel,
  Level,
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

  // Parts are frozen as they are built (their children are frozen shared data), so the final deepFreeze only walks
  // the few objects left open.
  const competent = freezeCompetent(decideCompetent(procedure, parts, office, residence, (code) => findUnit(data.catalog, code, checked.asOf)));
  const officeDecision = Object.freeze(decideOffice(parts, office, checked.channel));
  const deadline = freezeDeadline(decideDeadline(procedure, checked.channel, parts));

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
    procedure: procedureRef(procedure),
    channel: checked.channel,
    competent,
    office: officeDecision,
    filingScope: parts.filingScope?.effect.params.scope ?? null,
    deadline,
    dueDate: due?.dueDate ?? null,
    dueAt: due?.dueAt ?? null,
    calendarStatus: due?.status ?? null,
    conflicts:
      decided.conflicts.length === 0
        ? NO_CONFLICTS
        : decided.conflicts.map((conflict) => ({
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
    receipt: Object.freeze({
      catalogHash: catalog.contentHash,
      rulesHash: rules.hash,
      calendarVersion: calendar.version,
      libraryVersion: VERSION,
      asOf: checked.asOf,
      receivedAt: checked.receivedAt,
    }),
  };
  // Shared parts (rule texts, checks, units, catalogue data) are frozen already; deepFreeze does not walk into them.
  return deepFreeze(decision);
}

function freezeCompetent(competent: CompetentResult): CompetentResult {
  if (competent.status === 'undetermined') Object.freeze(competent.candidates);
  return Object.freeze(competent);
}

function freezeDeadline(deadline: DecisionDeadline): DecisionDeadline {
  if (deadline.status === 'resolved' && deadline.variants !== undefined && !Object.isFrozen(deadline.variants)) return deadline;
  return Object.freeze(deadline);
}

const NO_CONFLICTS: RouteDecision['conflicts'] = Object.freeze([]);

const procedureRefs = new WeakMap<Procedure, RouteDecision['procedure']>();

/** The procedure as shown in a decision, built once per (frozen) catalogue entry. */
function procedureRef(procedure: Procedure): RouteDecision['procedure'] {
  let ref = procedureRefs.get(procedure);
  if (ref === undefined) {
    ref = { code: procedure.code, name: procedure.name, sector: procedure.sector, ministry: procedure.ministry, levels: procedure.levels };
    if (Object.isFrozen(procedure) && Object.isFrozen(procedure.levels)) procedureRefs.set(procedure, Object.freeze(ref));
  }
  return ref;
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
  const facts: { -readonly [K in keyof RoutingFacts]: RoutingFacts[K] } = {
    procedure: procedureFacts(procedure),
    channel: checked.channel,
    receivedAt: checked.receivedAt,
    asOf: checked.asOf,
  };
  if (office !== undefined) facts.office = office.officeFacts;
  if (residence !== undefined) facts.residence = residence.residenceFacts;
  if (checked.applicant !== undefined) facts.applicant = APPLICANT_FACTS[checked.applicant];
  return { checked, procedure, office, residence, facts };
}

const APPLICANT_FACTS = Object.freeze(
  Object.fromEntries(APPLICANT_TYPES.map((type) => [type, Object.freeze({ type })])) as Record<ApplicantType, { readonly type: ApplicantType }>,
);

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

const UNIT_CODE = /^(\d{2}|\d{5})$/;

function checkRequest(request: RouteRequest): CheckedRequest {
  if (request === null || typeof request !== 'object') invalidArgument('the request must be an object');
  const { procedure, channel, receivedAt, office, residence, applicant, asOf, pauses } = request;
  if (typeof procedure !== 'string' || procedure === '') invalidArgument('procedure must be a procedure code such as "1.001193"');
  if (!CHANNELS.includes(channel)) invalidArgument(`channel must be one of ${CHANNELS.join(', ')}; got ${JSON.stringify(channel)}`);
  const instant = typeof receivedAt === 'string' && ISO_WITH_OFFSET.test(receivedAt) ? Date.parse(receivedAt) : Number.NaN;
  if (Number.isNaN(instant)) {
    invalidArgument(`receivedAt must be an ISO time with an offset such as "2026-02-12T10:00:00+07:00"; got ${JSON.stringify(receivedAt)}`);
  }
  if (asOf !== undefined && (typeof asOf !== 'string' || !PLAIN_DATE.test(asOf))) {
    invalidArgument(`asOf must be a date YYYY-MM-DD; got ${JSON.stringify(asOf)}`);
  }
  if (applicant !== undefined && !(APPLICANT_TYPES as readonly string[]).includes(applicant)) {
    invalidArgument(`applicant must be one of ${APPLICANT_TYPES.join(', ')}; got ${JSON.stringify(applicant)}`);
  }
  if (office !== undefined && (typeof office !== 'string' || !UNIT_CODE.test(office))) badUnitCode('office', office);
  if (residence !== undefined && (typeof residence !== 'string' || !UNIT_CODE.test(residence))) badUnitCode('residence', residence);
  const checked: { -readonly [K in keyof CheckedRequest]: CheckedRequest[K] } = {
    procedure,
    channel,
    receivedAt,
    asOf: asOf ?? vietnamDateOf(instant),
  };
  if (office !== undefined) checked.office = office;
  if (residence !== undefined) checked.residence = residence;
  if (applicant !== undefined) checked.applicant = applicant as ApplicantType;
  if (pauses !== undefined) checked.pauses = pauses;
  return checked;
}

function badUnitCode(name: 'office' | 'residence', code: unknown): never {
  return invalidArgument(`${name} must be a unit code (2-digit province or 5-digit commune); got ${JSON.stringify(code)}`);
}

interface ResolvedUnit extends UnitRef {
  readonly province: string;
  /** The unit as shown in a decision. */
  readonly ref: UnitRef;
  readonly officeFacts: NonNullable<RoutingFacts['office']>;
  readonly residenceFacts: NonNullable<RoutingFacts['residence']>;
}

/** Resolved units per (frozen) unit version: a version fixes the name, so the result never changes. */
const resolvedUnits = new WeakMap<object, ResolvedUnit>();
/** The version of a (frozen) unit in force per asOf date, for the last dates asked about. */
const versionsOnDate = new WeakMap<Unit, Map<string, UnitVersion>>();
const VERSION_DATES_KEPT = 64;

function resolveUnit(catalog: Catalog, code: string, asOf: string, role: 'office' | 'residence'): ResolvedUnit {
  const unit = getUnit(catalog, code);
  if (unit === undefined) throw new UnknownCodeError('unit', code, `the ${role} must be a province or commune of the catalogue`);
  let byDate = versionsOnDate.get(unit);
  let version = byDate?.get(asOf);
  if (version === undefined) {
    version = getUnitVersion(catalog, code, asOf);
    if (version === undefined) {
      throw new UnknownCodeError('unit', code, `the ${role} unit is not in force on ${asOf} (valid from ${unit.validFrom})`);
    }
    if (Object.isFrozen(unit) && Object.isFrozen(unit.versions)) {
      if (byDate === undefined) versionsOnDate.set(unit, (byDate = new Map()));
      if (byDate.size < VERSION_DATES_KEPT) byDate.set(asOf, version);
    }
  }
  const found = resolvedUnits.get(version);
  if (found !== undefined && found.code === unit.code) return found;
  const resolved = createResolvedUnit(unit.code, version.fullName.vi, unit.level, unit.province ?? unit.code);
  if (Object.isFrozen(unit) && Object.isFrozen(version)) resolvedUnits.set(version, resolved);
  return resolved;
}

function createResolvedUnit(code: string, name: string, level: UnitRef['level'], province: string): ResolvedUnit {
  return Object.freeze({
    code,
    name,
    level,
    province,
    ref: Object.freeze({ code, name, level }),
    officeFacts: Object.freeze({ unit: code, level, province }),
    residenceFacts: Object.freeze({ unit: code, province }),
  });
}

/** A unit in force at a date, or undefined (never throws: used where the code comes from data, not the request). */
function findUnit(catalog: Catalog, code: string, asOf: string): ResolvedUnit | undefined {
  try {
    return resolveUnit(catalog, code, asOf, 'residence');
  } catch {
    return undefined;
  }
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function provinceOf(catalog: Catalog, code: string): string | undefined {
  const unit: Unit | undefined = getUnit(catalog, code);
  return unit?.province ?? unit?.code;
}

function unitRef(unit: ResolvedUnit): UnitRef {
  return unit.ref;
}

type Parts = DecidedParts['parts'];

function decideCompetent(
  procedure: Procedure,
  parts: Parts,
  office: ResolvedUnit | undefined,
  residence: ResolvedUnit | undefined,
  unitByCode: (code: string) => ResolvedUnit | undefined,
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
          ? `the procedure is performed at the ${joinAnd(procedure.levels)} levels and no rule chooses between them`
          : 'no rule decides the competent level',
    };
  }
  if (level === 'central' || level === 'other') return { status: 'determined', level, unit: null, authority, ...delegated };

  const unitEffect = parts.competentUnit?.effect.params;
  if (unitEffect === undefined) {
    if (level === 'province' && residence !== undefined) {
      return undeterminedUnit(level, authority, `no rule names the competent province; the applicant lives in province ${residence.province}`);
    }
    return undeterminedUnit(level, authority, 'no rule names the competent unit');
  }
  let unit: ResolvedUnit | undefined;
  switch (unitEffect.unit) {
    case 'residence-commune':
      if (residence === undefined || residence.level !== 'commune') {
        return undeterminedUnit(level, authority, 'the competent unit is the commune of residence: give the residence commune code');
      }
      unit = residence;
      break;
    case 'residence-province':
      if (residence === undefined) return undeterminedUnit(level, authority, 'the competent unit is the province of residence: give the residence');
      unit = unitByCode(residence.province) ?? createResolvedUnit(residence.province, residence.province, 'province', residence.province);
      break;
    case 'office-unit':
      if (office === undefined) return undeterminedUnit(level, authority, 'the competent unit is the receiving office: give the office code');
      unit = office;
      break;
    case 'named': {
      const named = unitEffect.code === undefined ? undefined : unitByCode(unitEffect.code);
      if (named === undefined) {
        return undeterminedUnit(level, authority, `the rule names unit ${unitEffect.code ?? '(none)'}, which is not in force on this date`);
      }
      unit = named;
      break;
    }
  }
  if (unit.level !== level) {
    return undeterminedUnit(level, authority, `the rule names a ${unit.level} (${unit.code}) but the competent level is ${level}`);
  }
  return { status: 'determined', level, unit: unitRef(unit), authority, ...delegated };
}

function undeterminedUnit(level: Level, authority: string, reason: string): CompetentResult {
  return { status: 'undetermined', level, unit: null, authority, candidates: [level], reason };
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
  type Resolved = Extract<DecisionDeadline, { status: 'resolved' }>;
  const resolved: { -readonly [K in keyof Resolved]: Resolved[K] } = {
    status: 'resolved',
    value,
    unit: deadline.unit,
    raw: deadline.raw,
    source,
  };
  if (deadline.variants !== undefined) resolved.variants = deadline.variants;
  return resolved;
}

interface RuleShown {
  readonly description: string;
  readonly part: string;
  readonly effect: AppliedRule['effect'];
  readonly priority: number;
  readonly legalBasis: AppliedRule['legalBasis'];
}

/** What a decision shows of a rule, built once per (frozen) rule. */
const rulesShown = new WeakMap<Rule, RuleShown>();

function ruleShown(rule: Rule): RuleShown {
  let shown = rulesShown.get(rule);
  if (shown === undefined) {
    shown = {
      description: rule.description,
      part: PART_OF_EFFECT[rule.event.type],
      effect: { type: rule.event.type, ...rule.event.params },
      priority: rule.priority,
      legalBasis: rule.legalBasis.map((basis) => ({
        document: basis.document,
        ...(basis.article === undefined ? {} : { article: basis.article }),
        ...(basis.url === undefined ? {} : { url: basis.url }),
      })),
    };
    if (Object.isFrozen(rule) && Object.isFrozen(rule.event)) {
      shown = deepFreeze(shown);
      rulesShown.set(rule, shown);
    }
  }
  return shown;
}

function appliedRules(rules: CompiledRuleSet, trace: readonly RuleTrace[], decided: DecidedParts): AppliedRule[] {
  const applied: AppliedRule[] = [];
  let frozen = true;
  for (const entry of trace) {
    if (!entry.applied) continue;
    const rule = findRule(rules, entry.ruleId);
    if (rule === undefined) continue;
    const shown = ruleShown(rule);
    const conditions = entry.checks;
    const appliedRule: AppliedRule = {
      ruleId: rule.id,
      description: shown.description,
      part: shown.part,
      effect: shown.effect,
      priority: shown.priority,
      legalBasis: shown.legalBasis,
      conditions,
      // A rule decides only its own part, so it won when it is among that part's winners.
      won: (decided.parts[shown.part as DecisionPart] as PartDecision | undefined)?.ruleIds.includes(rule.id) === true,
    };
    if (Object.isFrozen(conditions) && Object.isFrozen(shown)) Object.freeze(appliedRule);
    else frozen = false;
    applied.push(appliedRule);
  }
  applied.sort(compareApplied);
  return frozen ? (Object.freeze(applied) as AppliedRule[]) : applied;
}

function compareApplied(a: AppliedRule, b: AppliedRule): number {
  return Number(b.won) - Number(a.won) || b.priority - a.priority || (a.ruleId < b.ruleId ? -1 : 1);
}

/** The skipped rule shown for a shared (frozen) not-applied trace entry. */
const skippedShown = new WeakMap<RuleTrace, SkippedRule>();

function skippedRules(trace: readonly RuleTrace[]): SkippedRule[] {
  const skipped: SkippedRule[] = [];
  let frozen = true;
  for (const entry of trace) {
    if (entry.applied) continue;
    let shown = skippedShown.get(entry);
    if (shown === undefined) {
      shown = { ruleId: entry.ruleId, reason: entry.detail, ...(entry.failed === undefined ? {} : { failedCondition: entry.failed }) };
      if (Object.isFrozen(entry)) skippedShown.set(entry, Object.freeze(shown));
      else frozen = false;
    }
    skipped.push(shown);
  }
  return frozen ? (Object.freeze(skipped) as SkippedRule[]) : skipped;
}
