/**
 * Routing: catalogue + rules + calendar -> a decision on who is competent, what the receiving office does, the
 * deadline and the due date, with every part explained by the rules that decided it.
 */
import { CHANNEL_TEXT, conditionTextIn, NEEDED_TEXT, periodTextIn, UNIT_TEXT, UNRESOLVED_REASON_TEXT, wordFor } from '../words.js';
import type { LocalizedText } from '../vocabulary.js';
import type { Calendar } from '../calendar/calendar.js';
import { dueDateFrom } from '../calendar/due-date.js';
import { formatDay, parseCalendarDay, parseInstant, vietnamDayOf } from '../calendar/_days.js';
import { checkPauses } from '../calendar/due-date.js';
import type { DueDate, DueDateRequest } from '../calendar/due-date.js';
import { getProcedure, getUnit } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Procedure, Unit } from '../catalog/schema.js';
import { competenceEpochs, deadlineEpochs, epochAt } from '../catalog/overrides.js';
import type { ChannelDeadline, CompetenceInForce, OverrideIndex } from '../catalog/overrides.js';
import { UnknownCodeError, describeValue, invalidArgument, describeValueVi } from '../errors.js';
import { deepFreeze } from '../source/schema.js';
import { decideTraced, traceRules } from '../rules/evaluate.js';
import type { DecidedParts, DecisionPart, PartDecision, RuleTrace, TracedEvaluation, TracePlan } from '../rules/evaluate.js';
import { getInternals, isDeepFrozen } from '../rules/compile.js';
import type { FactRecord } from '../rules/compile.js';
import { APPLICANT_TYPES, competentPlaceOf, deriveProcedure } from '../rules/facts.js';
import type { ApplicantType, CompetentPlaceFacts, ProcedureFacts, RoutingFacts } from '../rules/facts.js';
import { PART_OF_EFFECT } from '../rules/parts.js';
import type { CompiledRuleSet, Rule } from '../rules/types.js';
import { VERSION } from '../version.js';
import { legalBasisRef } from './citation.js';
import { decideCompetent } from './competence.js';
import { procedureFacts } from './facts.js';
import type {
  AppliedRule,
  CompetentResult,
  DeadlineBasisRef,
  DecisionDeadline,
  FilingChannel,
  OfficeDecision,
  RouteDecision,
  RouteRequest,
  SkippedRule,
  UnitRef,
} from './types.js';
import { expectObject, expectRouterData } from '../arguments.js';

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

/**
 * Creates a router from a catalogue, rules and a calendar.
 * @example
 * const router = createRouter({ catalog, rules, calendar });
 * router.route({ procedure: '1.001193', channel: 'in-person', office: '00004', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' });
 */
export function createRouter(data: RouterData): Router {
  const frozen = Object.freeze({ ...data });
  const state = stateOf(frozen);
  return Object.freeze({ data: frozen, route: (request: RouteRequest) => decide(state, request) });
}

/** Decides one request on the given data; see {@link Router.route}. */
export function route(data: RouterData, request: RouteRequest): RouteDecision {
  expectRouterData(data);
  return decide(stateOf(data), request);
}

/**
 * What a router keeps between requests, by code: the views of procedures and the units in force per asOf date asked
 * about. Only entries of frozen catalogue data are kept, so what is kept cannot go stale.
 */
interface RouterState {
  readonly data: RouterData;
  readonly views: Map<string, ProcedureView>;
  /** Per unit code, its versions as date ranges (inclusive), each resolved once: any date finds its version by range. */
  readonly units: Map<string, readonly UnitRange[]>;
}

interface UnitRange {
  readonly from: string;
  readonly to: string | undefined;
  readonly resolved: ResolvedUnit;
}

const states = new WeakMap<RouterData, RouterState>();

function stateOf(data: RouterData): RouterState {
  let state = states.get(data);
  if (state === undefined) {
    state = { data, views: new Map(), units: new Map() };
    states.set(data, state);
  }
  return state;
}

function decide(state: RouterState, request: RouteRequest): RouteDecision {
  const prepared = prepare(state, request);
  const { checked, procedure, view, office, residence } = prepared;
  const { data } = state;
  const { catalog, rules, calendar } = data;
  const evaluation = traceRules(rules, derivedFactsOf(prepared), checked.asOf);
  const decided = decideTraced(rules, evaluation);
  const parts = decided.parts;

  // Every object is frozen as it is built; what it holds is frozen shared data (rule texts, checks, units, catalogue
  // entries, calendar records), so the decision is deeply frozen without walking it.
  const competent = freezeCompetent(
    decideCompetent({
      catalog,
      procedure,
      competence: prepared.competence.competence,
      parts,
      office,
      residence,
      subject: prepared.subject,
      place: prepared.place,
      asOf: checked.asOf,
      resolve: (code) => findUnit(state, code, checked.asOf),
    }),
  );
  const officeDecision = Object.freeze(decideOffice(parts, office, checked.channel, competent, prepared.place));
  // A dossier the office helps file online is filed online: the online channel's deadline is the one that runs.
  const filedBy = officeDecision.action === 'assist-online' ? 'online' : checked.channel;
  const published = epochAt(deadlinesOf(view, filedBy), checked.asOf).deadline;
  const base = checked.deadlineVariant === undefined ? published : variantOf(published, checked.deadlineVariant, view.ref.code, filedBy, parts);
  const deadline = parts.deadline === undefined ? base : freezeDeadline(decideDeadline(base, parts));

  let due: DueDate | undefined;
  if (deadline.status === 'resolved' && officeDecision.action !== 'refuse') {
    const province = competent.unit?.level === 'commune' ? provinceOf(catalog, competent.unit.code) : competent.unit?.code;
    const dueRequest: { -readonly [K in keyof DueDateRequest]: DueDateRequest[K] } = { receivedAt: checked.receivedAt, deadline };
    if (province !== undefined) dueRequest.province = province;
    if (checked.pauses !== undefined) dueRequest.pauses = checked.pauses;
    due = dueDateFrom(calendar, dueRequest, checked.receivedMinutes);
  }

  const shown = rulesShownOf(rules);
  return Object.freeze({
    procedure: view.ref,
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
        : Object.freeze(
            decided.conflicts.map((conflict) =>
              Object.freeze({
                part: conflict.part,
                priority: conflict.priority,
                ruleIds: Object.freeze(conflict.candidates.map((candidate) => candidate.ruleId)),
              }),
            ),
          ),
    explanation: lazyExplanation({
      applied: appliedRules(shown, evaluation, decided),
      notApplied: () => skippedRules(shown, evaluation),
      dueDate:
        due === undefined
          ? null
          : Object.freeze({
              clockStart: due.clockStart,
              skipped: due.skipped,
              rules: due.rules,
              ...(due.stages === undefined ? {} : { stages: due.stages }),
              calendarVersion: due.version,
            }),
    }),
    receipt: Object.freeze({
      catalogHash: catalog.contentHash,
      rulesHash: rules.hash,
      calendarVersion: calendar.version,
      libraryVersion: VERSION,
      asOf: checked.asOf,
      receivedAt: checked.receivedAt,
    }),
  });
}

/**
 * A decision's explanation, frozen, whose `notApplied` list is built the first time it is read (JSON.stringify,
 * structuredClone, a spread and deep equality read it like any property; util.inspect, and so console.log, shows
 * `[Getter]` until then): most callers print the decision's parts, and listing thousands of out-of-scope rules for
 * each request is most of the cost of routing with many rules. Until it is read, the decision holds the evaluation.
 */
function lazyExplanation(parts: {
  readonly applied: RouteDecision['explanation']['applied'];
  readonly notApplied: () => RouteDecision['explanation']['notApplied'];
  readonly dueDate: RouteDecision['explanation']['dueDate'];
}): RouteDecision['explanation'] {
  let notApplied: RouteDecision['explanation']['notApplied'] | undefined;
  // Let go of the evaluation (facts, traces, the rule set's caches) once the list is built.
  let build: (() => RouteDecision['explanation']['notApplied']) | undefined = parts.notApplied;
  // A getter written in the literal, not added with defineProperty: every explanation then shares one object shape,
  // where defineProperty on each new object costs a shape change per decision.
  return Object.freeze({
    applied: parts.applied,
    get notApplied(): RouteDecision['explanation']['notApplied'] {
      if (notApplied === undefined) {
        notApplied = build!();
        build = undefined;
      }
      return notApplied;
    },
    dueDate: parts.dueDate,
  });
}

function freezeCompetent(competent: CompetentResult): CompetentResult {
  if (competent.status === 'undetermined') Object.freeze(competent.candidates);
  return Object.freeze(competent);
}

function freezeDeadline(deadline: DecisionDeadline): DecisionDeadline {
  // Variants and stages come from the catalogue, frozen unless it was built by hand.
  if (deadline.status === 'resolved' && ((deadline.variants !== undefined && !Object.isFrozen(deadline.variants)) || (deadline.followedBy !== undefined && !Object.isFrozen(deadline.followedBy)))) return deepFreeze(deadline);
  return Object.freeze(deadline);
}

const NO_CONFLICTS: RouteDecision['conflicts'] = Object.freeze([]);

/** What decisions need of a procedure, built once per override index and (frozen) catalogue entry. */
interface ProcedureView {
  readonly procedure: Procedure;
  /** The competence over time (competence overrides start and end), with the procedure facts of each stretch. */
  readonly competence: readonly CompetenceView[];
  /** The procedure as shown in a decision. */
  readonly ref: RouteDecision['procedure'];
  readonly overrides: OverrideIndex;
  /**
   * The deadline per channel over time (overrides start and end), when no rule changes it: built for a channel when a
   * request first asks for it (most procedures are asked about on one or two channels).
   */
  readonly deadlines: { [K in FilingChannel]?: readonly ViewEpoch[] };
}

function deadlinesOf(view: ProcedureView, channel: FilingChannel): readonly ViewEpoch[] {
  return (view.deadlines[channel] ??= viewEpochs(view.overrides, view.procedure, channel));
}

/** The procedure's facts while one competence is in force. */
interface CompetenceView {
  readonly from: string | undefined;
  readonly competence: CompetenceInForce | undefined;
  readonly facts: ProcedureFacts;
  /** The procedure fact as rules see it (see deriveFacts). */
  readonly derived: FactRecord;
}

interface ViewEpoch {
  readonly from: string | undefined;
  readonly deadline: DecisionDeadline;
}

/** The deadline of a channel the procedure is not announced with, as one epoch. */
const UNAVAILABLE = Object.freeze(
  Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      Object.freeze([Object.freeze({ from: undefined, deadline: Object.freeze({ status: 'unavailable', reason: `the catalogue gives no ${channel} channel for this procedure`, reasonVi: `danh mục không công bố cách thức ${wordFor(CHANNEL_TEXT, channel, 'vi')} cho thủ tục này` }) })]),
    ]),
  ),
) as Readonly<Record<FilingChannel, readonly ViewEpoch[]>>;

function viewEpochs(overrides: OverrideIndex, procedure: Procedure, channel: FilingChannel): readonly ViewEpoch[] {
  const epochs = deadlineEpochs(overrides, procedure, channel);
  if (epochs === undefined) return UNAVAILABLE[channel];
  return Object.freeze(epochs.map((epoch) => Object.freeze({ from: epoch.from, deadline: deepFreeze(decisionDeadlineOf(epoch.deadline)) })));
}

/** Views per catalogue override index (overrides change what a view holds), then per (frozen) procedure. */
const procedureViews = new WeakMap<OverrideIndex, WeakMap<Procedure, ProcedureView>>();

function procedureView(procedure: Procedure, overrides: OverrideIndex): ProcedureView {
  let views = procedureViews.get(overrides);
  if (views === undefined) procedureViews.set(overrides, (views = new WeakMap()));
  let view = views.get(procedure);
  if (view === undefined) {
    const shareable = Object.isFrozen(procedure) && Object.isFrozen(procedure.levels);
    const ref = { code: procedure.code, name: procedure.name, sector: procedure.sector, ministry: procedure.ministry, levels: procedure.levels };
    const competence = competenceEpochs(overrides, procedure).map(({ from, competence: inForce }) => {
      const facts = procedureFacts(procedure, inForce);
      return Object.freeze({ from, competence: inForce, facts, derived: deriveProcedure(facts as unknown as Record<string, unknown>) });
    });
    view = {
      procedure,
      competence: Object.freeze(competence),
      ref: shareable ? Object.freeze(ref) : ref,
      overrides,
      deadlines: {},
    };
    if (shareable && Object.isFrozen(procedure.channels)) views.set(procedure, Object.freeze(view));
  }
  return view;
}

interface Prepared {
  readonly checked: CheckedRequest;
  readonly procedure: Procedure;
  readonly view: ProcedureView;
  readonly office: ResolvedUnit | undefined;
  readonly residence: ResolvedUnit | undefined;
  readonly subject: ResolvedUnit | undefined;
  /** The competence in force on the request's asOf date, with the procedure facts that go with it. */
  readonly competence: CompetenceView;
  /** Where the competent unit is (see competentPlaceOf). */
  readonly place: CompetentPlaceFacts;
}

/**
 * The facts rules see for a request (after checking it and resolving its codes in the catalogue).
 * @throws as {@link Router.route}
 */
export function routingFactsFor(data: RouterData, request: RouteRequest): RoutingFacts {
  const { checked, office, residence, subject, competence } = prepare(stateOf(data), request);
  const facts: { -readonly [K in keyof RoutingFacts]: RoutingFacts[K] } = {
    procedure: competence.facts,
    channel: checked.channel,
    receivedAt: checked.receivedAt,
    asOf: checked.asOf,
  };
  if (office !== undefined) facts.office = office.officeFacts;
  if (residence !== undefined) facts.residence = residence.residenceFacts;
  if (subject !== undefined) facts.subject = subject.residenceFacts;
  if (checked.applicant !== undefined) facts.applicant = APPLICANT_FACTS[checked.applicant];
  return facts;
}

/**
 * The facts rules see, as deriveFacts(routingFactsFor(...)) gives them, built directly: every fact is a key (undefined
 * when absent, which reads the same as missing), so the records share one shape.
 */
function derivedFactsOf({ checked, office, residence, subject, competence, place }: Prepared): FactRecord {
  return {
    procedure: competence.derived,
    channel: checked.channel,
    receivedAt: checked.receivedAt,
    asOf: checked.asOf,
    office: office?.officeFacts,
    residence: residence?.residenceFacts,
    subject: subject?.residenceFacts,
    competentPlace: place,
    applicant: checked.applicant === undefined ? undefined : APPLICANT_FACTS[checked.applicant],
    province: office?.province ?? residence?.province,
  };
}

function prepare(state: RouterState, request: RouteRequest): Prepared {
  const checked = checkRequest(request);
  let view = state.views.get(checked.procedure);
  if (view === undefined) {
    const procedure = getProcedure(state.data.catalog, checked.procedure);
    if (procedure === undefined) throw new UnknownCodeError('procedure', checked.procedure, 'see "tthc stats" or the catalogue', 'xem "tthc stats" hoặc danh mục thủ tục');
    view = procedureView(procedure, state.data.catalog.index.overrides);
    if (Object.isFrozen(view)) state.views.set(checked.procedure, view);
  }
  const office = checked.office === undefined ? undefined : unitInForce(state, checked.office, checked.asOf, 'office');
  const residence = checked.residence === undefined ? undefined : unitInForce(state, checked.residence, checked.asOf, 'residence');
  const subject = checked.subject === undefined ? undefined : unitInForce(state, checked.subject, checked.asOf, 'subject');
  if (checked.channel === 'in-person' && office === undefined) {
    invalidArgument({ en: 'office: an in-person filing needs the office, the unit code of the office receiving the dossier', vi: 'office: hồ sơ nộp trực tiếp cần có office, mã đơn vị hành chính của cơ quan tiếp nhận hồ sơ' }, 'office');
  }
  const competence = epochAt(view.competence, checked.asOf);
  const place = competentPlaceOf(competence.facts.competenceBasis, office?.officeFacts, residence?.residenceFacts, subject?.residenceFacts);
  return { checked, procedure: view.procedure, view, office, residence, subject, competence, place };
}

const APPLICANT_FACTS = Object.freeze(
  Object.fromEntries(APPLICANT_TYPES.map((type) => [type, Object.freeze({ type })])) as Record<ApplicantType, { readonly type: ApplicantType }>,
);

interface CheckedRequest {
  readonly procedure: string;
  readonly channel: FilingChannel;
  readonly receivedAt: string;
  /** receivedAt in epoch minutes. */
  readonly receivedMinutes: number;
  readonly asOf: string;
  readonly office?: string;
  readonly residence?: string;
  readonly subject?: string;
  readonly applicant?: ApplicantType;
  readonly pauses?: RouteRequest['pauses'];
  readonly deadlineVariant?: number;
}

/** A 2-digit province or 5-digit commune code (`/^(\d{2}|\d{5})$/` without the regular expression: it runs twice a request). */
function isUnitCode(code: unknown): boolean {
  if (typeof code !== 'string' || (code.length !== 2 && code.length !== 5)) return false;
  for (let index = 0; index < code.length; index += 1) {
    const digit = code.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return false;
  }
  return true;
}

function checkRequest(request: RouteRequest): CheckedRequest {
  expectObject(request, 'request');
  const { procedure, channel, receivedAt, office, residence, subject, applicant, asOf, pauses, deadlineVariant } = request;
  if (typeof procedure !== 'string' || procedure === '') {
    invalidArgument({ en: `procedure: expected a procedure code such as "1.001193", got ${describeValue(procedure)}`, vi: `procedure: cần một mã thủ tục, ví dụ "1.001193", nhận được ${describeValueVi(procedure)}` }, 'procedure');
  }
  if (!CHANNELS.includes(channel)) {
    invalidArgument({ en: `channel: expected one of ${CHANNELS.join(', ')}, got ${describeValue(channel)}`, vi: `channel: cần một trong các giá trị ${CHANNELS.join(', ')}, nhận được ${describeValueVi(channel)}` }, 'channel');
  }
  const received = parseInstant(receivedAt, 'receivedAt');
  if (asOf !== undefined) parseCalendarDay(asOf, 'asOf');
  if (applicant !== undefined && !(APPLICANT_TYPES as readonly string[]).includes(applicant)) {
    invalidArgument({ en: `applicant: expected one of ${APPLICANT_TYPES.join(', ')}, got ${describeValue(applicant)}`, vi: `applicant: cần một trong các giá trị ${APPLICANT_TYPES.join(', ')}, nhận được ${describeValueVi(applicant)}` }, 'applicant');
  }
  if (pauses !== undefined) checkPauses(pauses);
  if (deadlineVariant !== undefined && !(Number.isInteger(deadlineVariant) && deadlineVariant >= 0)) {
    invalidArgument(
      {
        en: `deadlineVariant: expected the index (0, 1, ...) of a case in the decision's deadline.variants, got ${describeValue(deadlineVariant)}`,
        vi: `deadlineVariant: cần số thứ tự (0, 1, ...) của một trường hợp trong deadline.variants của kết quả, nhận được ${describeValueVi(deadlineVariant)}`,
      },
      'deadlineVariant',
    );
  }
  if (office !== undefined && !isUnitCode(office)) badUnitCode('office', office);
  if (residence !== undefined && !isUnitCode(residence)) badUnitCode('residence', residence);
  if (subject !== undefined && !isUnitCode(subject)) badUnitCode('subject', subject);
  const checked: { -readonly [K in keyof CheckedRequest]: CheckedRequest[K] } = {
    procedure,
    channel,
    receivedAt,
    receivedMinutes: received,
    asOf: asOf ?? formatDay(vietnamDayOf(received).day),
  };
  if (office !== undefined) checked.office = office;
  if (residence !== undefined) checked.residence = residence;
  if (subject !== undefined) checked.subject = subject;
  if (applicant !== undefined) checked.applicant = applicant as ApplicantType;
  if (pauses !== undefined) checked.pauses = pauses;
  if (deadlineVariant !== undefined) checked.deadlineVariant = deadlineVariant;
  return checked;
}

function badUnitCode(name: 'office' | 'residence' | 'subject', code: unknown): never {
  return invalidArgument({ en: `${name}: expected a unit code (2-digit province or 5-digit commune), got ${describeValue(code)}`, vi: `${name}: cần một mã đơn vị hành chính (mã tỉnh 2 chữ số hoặc mã xã 5 chữ số), nhận được ${describeValueVi(code)}` }, name);
}

interface ResolvedUnit extends UnitRef {
  readonly province: string;
  /** The unit as shown in a decision. */
  readonly ref: UnitRef;
  readonly officeFacts: NonNullable<RoutingFacts['office']>;
  readonly residenceFacts: NonNullable<RoutingFacts['residence']>;
}

/** The unit a request names, in Vietnamese messages. */
const ROLE_VI: Readonly<Record<'office' | 'residence' | 'subject', string>> = Object.freeze({
  office: 'đơn vị của cơ quan tiếp nhận',
  residence: 'đơn vị nơi cư trú',
  subject: 'đơn vị nơi có đối tượng của thủ tục',
});

/** Resolved units per (frozen) unit version: a version fixes the name, so the result never changes. */
const resolvedUnits = new WeakMap<object, ResolvedUnit>();
/** How many asOf dates a router keeps the units in force for, per unit. */
/** The unit in force at asOf (a checked YYYY-MM-DD), as decisions use it. @throws UnknownCodeError for a code not in force. */
function unitInForce(state: RouterState, code: string, asOf: string, role: 'office' | 'residence' | 'subject'): ResolvedUnit {
  const ranges = state.units.get(code) ?? rangesOf(state, code, role);
  for (const range of ranges) if (range.from <= asOf && (range.to === undefined || asOf <= range.to)) return range.resolved;
  const unit = getUnit(state.data.catalog, code)!;
  throw new UnknownCodeError('unit', code, `the ${role} unit is not in force on ${asOf} (valid from ${unit.validFrom})`, `${ROLE_VI[role]} không có hiệu lực vào ngày ${asOf} (có hiệu lực từ ngày ${unit.validFrom})`);
}

/** A unit's versions as ranges within the unit's own validity; kept when the unit is frozen (it cannot change then). */
function rangesOf(state: RouterState, code: string, role: 'office' | 'residence' | 'subject'): readonly UnitRange[] {
  const unit = getUnit(state.data.catalog, code);
  if (unit === undefined) throw new UnknownCodeError('unit', code, `the ${role} must be a province or commune of the catalogue`, `${ROLE_VI[role]} phải là một tỉnh hoặc xã trong danh mục`);
  const frozen = Object.isFrozen(unit) && Object.isFrozen(unit.versions);
  const ranges: UnitRange[] = [];
  for (const version of unit.versions) {
    const from = version.validFrom > unit.validFrom ? version.validFrom : unit.validFrom;
    const ends = [version.validTo, unit.validTo].filter((date): date is string => date !== undefined);
    const to = ends.length === 0 ? undefined : ends.reduce((a, b) => (a < b ? a : b));
    if (to !== undefined && to < from) continue;
    let resolved = resolvedUnits.get(version);
    if (resolved === undefined || resolved.code !== unit.code) {
      resolved = createResolvedUnit(unit.code, version.fullName.vi, unit.level, unit.province ?? unit.code);
      if (frozen && Object.isFrozen(version)) resolvedUnits.set(version, resolved);
    }
    ranges.push({ from, to, resolved });
  }
  if (frozen) state.units.set(code, ranges);
  return ranges;
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
function findUnit(state: RouterState, code: string, asOf: string): ResolvedUnit | undefined {
  try {
    return unitInForce(state, code, asOf, 'residence');
  } catch {
    return undefined;
  }
}

function provinceOf(catalog: Catalog, code: string): string | undefined {
  const unit: Unit | undefined = getUnit(catalog, code);
  return unit?.province ?? unit?.code;
}

type Parts = DecidedParts['parts'];

function decideOffice(parts: Parts, office: ResolvedUnit | undefined, channel: FilingChannel, competent: CompetentResult, place: CompetentPlaceFacts): OfficeDecision {
  const effect = parts.officeAction?.effect.params;
  const unit = office === undefined ? null : office.ref;
  if (effect === undefined) {
    // Never a guess, never a refusal: say what is missing.
    let reason: LocalizedText = {
      en: `no rule decides what ${office === undefined ? `a ${channel} filing` : 'this office'} does with the dossier`,
      vi: `không có quy tắc nào xác định ${office === undefined ? `việc xử lý hồ sơ ${wordFor(CHANNEL_TEXT, channel, 'vi')}` : 'cơ quan này xử lý hồ sơ thế nào'}`,
    };
    if (place.status === 'unknown' && competent.status === 'undetermined' && competent.needs !== undefined) {
      reason = {
        en: `the competent unit is not known without the ${competent.needs.join(' and ')}, so whether this office receives the dossier is undetermined`,
        vi: `chưa xác định được đơn vị có thẩm quyền khi thiếu ${competent.needs.map((need) => wordFor(NEEDED_TEXT, need, 'vi')).join(' và ')}, nên chưa xác định được cơ quan này có tiếp nhận hồ sơ hay không`,
      };
    } else if (place.status === 'none' && competent.body !== undefined) {
      reason = {
        en: `the competent body is a ${competent.body.kind} body (${competent.body.name}); whether this one-stop office receives its dossiers depends on the province's list of procedures received regardless of boundaries, which tthc does not have`,
        vi: `cơ quan có thẩm quyền giải quyết là ${competent.body.name}; bộ phận một cửa này có tiếp nhận hồ sơ hay không tùy thuộc danh mục thủ tục tiếp nhận không phụ thuộc vào địa giới hành chính do tỉnh công bố, mà tthc chưa có`,
      };
    }
    return { unit, action: 'undetermined', reason: reason.en, reasonVi: reason.vi };
  }
  return {
    unit,
    action: effect.action,
    reason: effect.reason.en,
    reasonVi: effect.reason.vi,
    ...(effect.guidance === undefined ? {} : { guidance: effect.guidance.en, guidanceVi: effect.guidance.vi }),
  };
}

const NO_BASIS: readonly DeadlineBasisRef[] = Object.freeze([]);

/** A catalogue deadline (record or override) as a decision shows it. */
function decisionDeadlineOf(deadline: ChannelDeadline): DecisionDeadline {
  const basis: DeadlineBasisRef[] = [...(deadline.basis ?? [])];
  const override = deadline.override;
  if (override !== undefined) {
    const legalBasis = override.legalBasis.map(legalBasisRef);
    basis.push({
      source: 'override',
      id: override.id,
      description: override.description,
      descriptionVi: override.descriptionVi,
      legalBasis,
      confidence: override.confidence,
      ...(override.reason === undefined ? {} : { reason: override.reason }),
      ...(override.reasonVi === undefined ? {} : { reasonVi: override.reasonVi }),
    });
  }
  const shownBasis = basis.length === 0 ? NO_BASIS : basis;
  if (deadline.status === 'not-applicable') return { status: 'not-applicable', raw: deadline.raw, basis: shownBasis };
  const variants = deadline.variants === undefined ? {} : { variants: deadline.variants };
  if (deadline.status === 'unresolved') {
    return { status: 'unresolved', raw: deadline.raw, reason: deadline.reason, reasonVi: wordFor(UNRESOLVED_REASON_TEXT, deadline.reason, 'vi'), basis: shownBasis, ...variants };
  }
  return {
    status: 'resolved',
    value: deadline.value,
    unit: deadline.unit,
    ...(deadline.followedBy === undefined ? {} : { followedBy: deadline.followedBy }),
    raw: deadline.raw,
    source: override === undefined ? 'catalogue' : 'override',
    basis: shownBasis,
    ...variants,
  };
}

/**
 * The deadline of the case a request chose: the variant's period, with the base's text and basis and the variants as
 * they were (so the decision still shows every case), and which case was taken.
 * @throws TthcError INVALID_ARGUMENT when the deadline names no such case
 */
function variantOf(deadline: DecisionDeadline, index: number, code: string, channel: FilingChannel, parts: Parts): DecisionDeadline {
  const which = `the ${channel} deadline of ${code}`;
  const whichVi = `thời hạn ${wordFor(CHANNEL_TEXT, channel, 'vi')} của thủ tục ${code}`;
  const rule = parts.deadline;
  if (rule !== undefined && 'override' in rule.effect.params && rule.effect.params.override !== undefined) {
    // The decision's deadline is then the rule's, which names no cases: a case asked for would be dropped unsaid.
    invalidArgument(
      {
        en: `deadlineVariant: a routing rule (${rule.ruleIds.join(', ')}) sets ${which} whatever the case, so it names no cases; leave deadlineVariant out`,
        vi: `deadlineVariant: quy tắc ${rule.ruleIds.join(', ')} quy định ${whichVi} cho mọi trường hợp, nên thời hạn không nêu các trường hợp; bỏ deadlineVariant`,
      },
      'deadlineVariant',
    );
  }
  // A case of a deadline with a base (resolved) or of one whose cases have no default (conditional): the cases of a
  // deadline unresolved for another reason (contradictory texts, a glued fee) are quotes whose start is not known.
  const choosable = deadline.status === 'resolved' || (deadline.status === 'unresolved' && deadline.reason === 'conditional');
  const variants = choosable ? deadline.variants : undefined;
  const chosen = variants?.[index];
  if (variants === undefined || chosen === undefined) {
    invalidArgument(
      variants === undefined
        ? deadline.status === 'unresolved' && deadline.variants !== undefined
          ? {
              en: `deadlineVariant: ${which} is unresolved (${deadline.reason}), so its cases cannot be dated apart; leave deadlineVariant out`,
              vi: `deadlineVariant: ${whichVi} chưa xác định được (${deadline.reasonVi}), nên không tính được ngày hẹn theo từng trường hợp; bỏ deadlineVariant`,
            }
          : { en: `deadlineVariant: ${which} names no cases (no variants); leave deadlineVariant out`, vi: `deadlineVariant: ${whichVi} không nêu các trường hợp (không có variants); bỏ deadlineVariant` }
        : {
            en: `deadlineVariant: ${which} has ${variants.length} case${variants.length === 1 ? '' : 's'} (0${variants.length === 1 ? '' : `-${variants.length - 1}`}), got ${index}`,
            vi: `deadlineVariant: ${whichVi} có ${variants.length} trường hợp (0${variants.length === 1 ? '' : `-${variants.length - 1}`}), nhận được ${index}`,
          },
      'deadlineVariant',
    );
  }
  const resolved = deadline as Extract<DecisionDeadline, { status: 'resolved' | 'unresolved' }>;
  // A record's own case counted from another event than receipt (the importer says which): counted from receipt its
  // date would come early, and the event's date is not known at receipt.
  const later = chosen.countedFrom;
  if (later !== undefined) {
    return Object.freeze({
      status: 'unresolved',
      raw: resolved.raw,
      reason: `case [${index}] of the request (${periodTextIn(chosen, 'en')}) is counted "${later}", not from receipt, so its due date is not known at receipt`,
      reasonVi: `trường hợp [${index}] mà yêu cầu chọn (${periodTextIn(chosen, 'vi')}) được tính "${later}", không tính từ ngày tiếp nhận hồ sơ, nên chưa xác định được ngày hẹn trả kết quả khi tiếp nhận`,
      basis: resolved.basis,
      variants,
    });
  }
  const source = resolved.status === 'resolved' ? resolved.source : resolved.basis.some((entry) => entry.source === 'override') ? 'override' : 'catalogue';
  return Object.freeze({
    status: 'resolved',
    value: chosen.value,
    unit: chosen.unit,
    ...(chosen.followedBy === undefined ? {} : { followedBy: chosen.followedBy }),
    raw: resolved.raw,
    source,
    basis: resolved.basis,
    variants,
    variant: Object.freeze({ index, condition: chosen.condition, ...(chosen.conditionEn === undefined ? {} : { conditionEn: chosen.conditionEn }) }),
  });
}

function decideDeadline(base: DecisionDeadline, parts: Parts): DecisionDeadline {
  const rule = parts.deadline?.effect.params;
  if (rule !== undefined && 'override' in rule && rule.override !== undefined) {
    return {
      status: 'resolved',
      value: rule.override.value,
      unit: rule.override.unit,
      raw: base.status === 'unavailable' ? '' : base.raw,
      source: 'rule',
      basis: base.status === 'unavailable' ? NO_BASIS : base.basis,
    };
  }
  if (base.status !== 'resolved' || rule === undefined || !('adjust' in rule) || rule.adjust === undefined) return base;
  // What cannot be adjusted keeps the cases, and says which case the request chose.
  const ofCase = base.variant === undefined ? { en: '', vi: '' } : { en: ` (case [${base.variant.index}] of the request)`, vi: ` (trường hợp [${base.variant.index}] mà yêu cầu chọn)` };
  const cases = base.variants === undefined ? {} : { variants: base.variants };
  if (base.followedBy !== undefined) {
    return {
      status: 'unresolved',
      raw: base.raw,
      reason: `a rule adds ${rule.adjust.add.value} ${rule.adjust.add.unit} to a deadline of ${base.followedBy.length + 1} stages${ofCase.en}, and does not say to which`,
      reasonVi: `một quy tắc cộng thêm ${periodTextIn(rule.adjust.add, 'vi')} vào thời hạn gồm ${base.followedBy.length + 1} giai đoạn${ofCase.vi} mà không nói cộng vào giai đoạn nào`,
      basis: base.basis,
      ...cases,
    };
  }
  if (rule.adjust.add.unit !== base.unit) {
    return {
      status: 'unresolved',
      raw: base.raw,
      reason: `a rule adds ${rule.adjust.add.value} ${rule.adjust.add.unit} to a deadline in ${base.unit}${ofCase.en}`,
      reasonVi: `một quy tắc cộng thêm ${periodTextIn(rule.adjust.add, 'vi')} vào thời hạn tính bằng ${wordFor(UNIT_TEXT, base.unit, 'vi')}${ofCase.vi}`,
      basis: base.basis,
      ...cases,
    };
  }
  return { ...base, value: base.value + rule.adjust.add.value, source: 'rule' };
}

interface RuleShown {
  readonly ruleId: string;
  readonly description: string;
  readonly descriptionVi: string;
  readonly part: DecisionPart;
  readonly effect: AppliedRule['effect'];
  readonly priority: number;
  readonly legalBasis: AppliedRule['legalBasis'];
}

/** What decisions show of a rule set's rules, by position, and the skipped rules each class plan decides. */
interface RulesShown {
  readonly byPosition: readonly RuleShown[];
  /** The rules by id, for what a skipped rule's Vietnamese reason names (its dates, its provinces). */
  readonly byId: ReadonlyMap<string, Rule>;
  readonly skippedByPlan: WeakMap<TracePlan, readonly (SkippedRule | undefined)[]>;
}

const rulesShown = new WeakMap<CompiledRuleSet, RulesShown>();

function rulesShownOf(ruleSet: CompiledRuleSet): RulesShown {
  let shown = rulesShown.get(ruleSet);
  if (shown === undefined) {
    const byPosition = getInternals(ruleSet).rules.map(({ rule }) =>
      deepFreeze({
        ruleId: rule.id,
        description: rule.description.en,
        descriptionVi: rule.description.vi,
        part: PART_OF_EFFECT[rule.event.type],
        effect: { type: rule.event.type, ...structuredClone(rule.event.params) },
        priority: rule.priority,
        legalBasis: rule.legalBasis.map(legalBasisRef),
      }),
    );
    shown = { byPosition, byId: new Map(ruleSet.rules.map((rule) => [rule.id, rule])), skippedByPlan: new WeakMap() };
    // A set is frozen data; one copied by hand could change, so only frozen sets keep what was built.
    if (isDeepFrozen(ruleSet.rules)) rulesShown.set(ruleSet, shown);
  }
  return shown;
}

function appliedRules(shown: RulesShown, evaluation: TracedEvaluation, decided: DecidedParts): readonly AppliedRule[] {
  const applied: AppliedRule[] = [];
  const { positions, traces } = evaluation;
  // Only the province's candidates can have applied.
  for (let index = 0; index < traces.length; index += 1) {
    const entry = traces[index];
    if (entry === undefined || !entry.applied) continue;
    const rule = shown.byPosition[positions[index]!]!;
    // Checks that are not shared were made for this request alone.
    const conditions = Object.isFrozen(entry.checks) ? entry.checks : deepFreeze(entry.checks);
    applied.push(
      Object.freeze({
        ruleId: rule.ruleId,
        description: rule.description,
        descriptionVi: rule.descriptionVi,
        part: rule.part,
        effect: rule.effect,
        priority: rule.priority,
        legalBasis: rule.legalBasis,
        conditions,
        // A rule decides only its own part, so it won when it is among that part's winners.
        won: (decided.parts[rule.part] as PartDecision | undefined)?.ruleIds.includes(rule.ruleId) === true,
      }),
    );
  }
  // Insertion sort: a handful of rules, where Array.prototype.sort's set-up costs more than the sorting.
  for (let index = 1; index < applied.length; index += 1) {
    const item = applied[index]!;
    let at = index;
    while (at > 0 && compareApplied(applied[at - 1]!, item) > 0) {
      applied[at] = applied[at - 1]!;
      at -= 1;
    }
    applied[at] = item;
  }
  return Object.freeze(applied);
}

function compareApplied(a: AppliedRule, b: AppliedRule): number {
  return Number(b.won) - Number(a.won) || b.priority - a.priority || (a.ruleId < b.ruleId ? -1 : 1);
}

/**
 * The rules that did not apply, in rule order: the province's candidates traced with the request (their class's
 * share from its plan), the others worked out now by the evaluation's full trace (out of scope or validity, or
 * requiring another procedure code and failing on it). Built when a decision's explanation is first read, not when
 * the decision is made: with thousands of province-scoped rules, most of them cannot fire for any one request.
 */
function skippedRules(shown: RulesShown, evaluation: TracedEvaluation): readonly SkippedRule[] {
  const { positions, traces, plan } = evaluation;
  let ofPlan = shown.skippedByPlan.get(plan);
  if (ofPlan === undefined) {
    ofPlan = plan.entries.map((entry) => (entry === undefined || entry.applied ? undefined : skippedRule(entry, shown)));
    shown.skippedByPlan.set(plan, ofPlan);
  }
  const all = evaluation.complete ? undefined : evaluation.fullTrace();
  const skipped: SkippedRule[] = [];
  let next = 0;
  for (let position = 0; position < shown.byPosition.length; position += 1) {
    if (positions[next] === position) {
      const known = ofPlan[next];
      const entry = traces[next] ?? all![position]!;
      next += 1;
      if (known !== undefined) skipped.push(known);
      else if (!entry.applied) skipped.push(skippedRule(entry, shown));
    } else {
      const entry = all![position]!;
      if (!entry.applied) skipped.push(skippedRule(entry, shown));
    }
  }
  return Object.freeze(skipped);
}

/** The skipped rule shown for a not-applied trace entry, shared per (frozen) entry. */
const skippedShown = new WeakMap<RuleTrace, SkippedRule>();

function skippedRule(entry: Extract<RuleTrace, { applied: false }>, rules: RulesShown): SkippedRule {
  const found = skippedShown.get(entry);
  if (found !== undefined) return found;
  const reasonVi = skippedReasonVi(entry, rules.byId.get(entry.ruleId));
  // An entry that is not shared holds a check made for this request alone, so freezing it touches nothing shared.
  const shown: SkippedRule = Object.freeze({
    ruleId: entry.ruleId,
    reason: entry.detail,
    reasonVi,
    reasonClass: entry.reason,
    ...(entry.failed === undefined ? {} : { failedCondition: deepFreeze(entry.failed) }),
  });
  if (Object.isFrozen(entry)) skippedShown.set(entry, shown);
  return shown;
}

/**
 * Why a rule did not apply, in Vietnamese: built with the skipped rule (when its list is first read), from the trace
 * and the rule, as the English is built with the trace.
 */
function skippedReasonVi(entry: Extract<RuleTrace, { applied: false }>, rule: Rule | undefined): string {
  if (entry.reason === 'validity' && rule !== undefined) {
    return `quy tắc có hiệu lực từ ngày ${rule.validFrom}${rule.validTo === undefined ? '' : ` đến trước ngày ${rule.validTo}`}; không có hiệu lực vào ngày áp dụng của yêu cầu`;
  }
  if (entry.reason === 'scope' && rule?.scope !== undefined) return `quy tắc chỉ áp dụng tại tỉnh ${rule.scope.provinces.join(', ')}; yêu cầu thuộc tỉnh khác`;
  return entry.failed === undefined ? 'các điều kiện của quy tắc không đạt' : `điều kiện không đạt: ${conditionTextIn(entry.failed, 'vi')}`;
}
