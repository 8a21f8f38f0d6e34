/**
 * Due dates (ngày hẹn trả kết quả) and deadline status, following the office policy in rules/calendar/office-policy.yaml.
 * Every rule applied comes from data; the result lists the days skipped and the legal basis of each rule it used.
 */
import { describeValue, TthcError, describeValueVi } from '../errors.js';
import type { ErrorText } from '../errors.js';
import { expectObject, expectObjects, expectOptions } from '../arguments.js';
import { DEADLINE_UNITS, deadlineValueProblem, MAX_DEADLINE_STAGES, stagesProblem } from '../vocabulary.js';
import type { DeadlineUnit, StageUnit } from '../vocabulary.js';
import { dayFromYmd, daysInMonth, formatDay, formatInstant, instantOf, MINUTES_PER_DAY, parseClock, parseDateOrInstant, parseDay, parseInstant, vietnamDayOf, ymdFromDay } from './_days.js';
import { dayIndex, dayInfoOf, expectCalendarArgument } from './calendar.js';
import type { Calendar, DayInfo, DayReason, ScheduleStatus } from './calendar.js';
import type { Confidence, LocalizedName, OfficePolicy } from './schema.js';
import { addWorkingDayNumbers, isWorkingDayNumber } from './working-days.js';

/**
 * Units of a processing time: working days (ngày làm việc), calendar days, working hours (office hours only), elapsed
 * hours (round the clock), same day (ngay trong ngày) and calendar months.
 */
export { DEADLINE_UNITS } from '../vocabulary.js';
export type { DeadlineUnit } from '../vocabulary.js';

/**
 * A processing time as the catalogue states it. `value` may be fractional for working days (0.5 = half a day).
 * `followedBy`: the periods that run after it, each from the day the one before ends (a record's stages: "03 ngày làm
 * việc" to check the dossier, then "70 ngày" to appraise it, ...); the due date is the end of the last.
 */
export interface Deadline {
  readonly value: number;
  readonly unit: DeadlineUnit;
  readonly followedBy?: readonly DeadlineStage[];
}

/** A period after the first one of a staged deadline: whole working days, calendar days or months. */
export interface DeadlineStage {
  readonly value: number;
  readonly unit: StageUnit;
}

/** One stage of a staged deadline as computed: its period, the day it starts from, and the day it ends. */
export interface DueDateStage {
  readonly deadline: { readonly value: number; readonly unit: DeadlineUnit };
  /**
   * The day the period counts from: the day the clock started for the first stage (the receipt, or the next working
   * day after a receipt out of hours), else the day the previous stage ended (or the working day after it, under a
   * policy that counts the day the clock starts).
   */
  readonly from: string;
  readonly dueDate: string;
}

/** An interval in which the clock does not run (a supplement request, a stop notice). Dates or ISO date-times. */
export interface Pause {
  readonly from: string;
  readonly to: string;
}

/** Input of {@link computeDueDate}. */
export interface DueDateRequest {
  /** When the complete, valid dossier was received: an ISO date-time with offset. */
  readonly receivedAt: string;
  readonly deadline: Deadline;
  /** 2-digit province code, for its office-policy override. */
  readonly province?: string;
  readonly pauses?: readonly Pause[];
}

/** A day that did not count, and why. */
export interface SkippedDay {
  readonly date: string;
  readonly reason: Exclude<DayReason, 'working-day' | 'make-up'> | 'paused';
  readonly name?: LocalizedName;
  readonly holiday?: string;
  readonly source?: string;
  readonly confidence?: Confidence;
  readonly swappedWith?: string;
  readonly status: ScheduleStatus;
}

/** One rule the computation applied, with its legal basis. */
export interface AppliedRule {
  /** What the rule does, in English. */
  readonly rule: string;
  /** The same in Vietnamese. */
  readonly ruleVi: string;
  readonly legalBasis: string;
  readonly confidence: Confidence;
}

/** A computed due date that explains itself. */
export interface DueDate {
  readonly receivedAt: string;
  /** When the clock started: the receipt, or the opening of the next working day. */
  readonly clockStart: string;
  readonly deadline: Deadline;
  /** The date to print on the receipt slip. */
  readonly dueDate: string;
  /** The instant the period ends (end of office hours on the due date for day-based deadlines). */
  readonly dueAt: string;
  readonly skipped: readonly SkippedDay[];
  /** 'projected' when any day used lies in a year without an official schedule. */
  readonly status: ScheduleStatus;
  readonly rules: readonly AppliedRule[];
  /** For a deadline with `followedBy`: each stage in order, the last ending on `dueDate`. */
  readonly stages?: readonly DueDateStage[];
  readonly province?: string;
  /** Version (content hash) of the calendar data. */
  readonly version: string;
}

interface ResolvedPolicy {
  readonly policy: OfficePolicy;
  /** Office periods as [from, to) minutes of the day, sorted. */
  readonly periods: readonly (readonly [number, number])[];
  readonly minutesPerDay: number;
  readonly opening: number;
  readonly closing: number;
  readonly cutoff: number;
  /** 'THH:mm:00+07:00' of the closing time, appended to a due date (undefined for a closing at 24:00). */
  readonly closingSuffix: string | undefined;
  /** The rules a computation may apply under this policy, built once (frozen, shared by every result). */
  readonly rules: {
    readonly receiptOutsideHours: AppliedRule;
    readonly workingDays: AppliedRule;
    readonly calendarDays: AppliedRule;
    readonly endOnRestDay: AppliedRule;
    readonly sameDay: AppliedRule;
    readonly officeHours: AppliedRule;
    readonly elapsedHours: AppliedRule;
    readonly months: AppliedRule;
    readonly pauses: AppliedRule;
  };
}

/**
 * The office policy in force for a province (the national default when it has no override).
 * @throws TthcError INVALID_ARGUMENT for a province code that is not 2 digits.
 */
export function officePolicyFor(calendar: Calendar, province?: string): OfficePolicy {
  expectCalendarArgument(calendar);
  const { kind: _kind, provinces, ...base } = calendar.data.officePolicy;
  void _kind;
  if (province === undefined) return base;
  if (typeof province !== 'string' || !/^\d{2}$/.test(province)) {
    throw new TthcError('INVALID_ARGUMENT', `province must be a 2-digit code such as "01", got ${JSON.stringify(province)}`, {
      messageVi: `province phải là mã tỉnh 2 chữ số, ví dụ "01", nhận được ${JSON.stringify(province)}`,
    });
  }
  const override = provinces[province];
  if (override === undefined) return base;
  const { name: _name, source: _source, ...fields } = override;
  void _name;
  void _source;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key] = value;
  return merged as unknown as OfficePolicy;
}

const RESOLVED = new WeakMap<Calendar, Map<string, ResolvedPolicy>>();

function resolvePolicy(calendar: Calendar, province?: string): ResolvedPolicy {
  let cache = RESOLVED.get(calendar);
  if (cache === undefined) RESOLVED.set(calendar, (cache = new Map()));
  const key = province ?? '';
  const cached = typeof key === 'string' ? cache.get(key) : undefined;
  if (cached !== undefined) return cached;
  const resolved = buildResolvedPolicy(calendar, province);
  cache.set(key, resolved);
  return resolved;
}

function buildResolvedPolicy(calendar: Calendar, province?: string): ResolvedPolicy {
  const policy = officePolicyFor(calendar, province);
  const periods = policy.officeHours.periods
    .map((period) => [parseClock(period.from), parseClock(period.to)] as const)
    .sort((a, b) => a[0] - b[0]);
  const closing = periods[periods.length - 1]![1];
  let minutesPerDay = 0;
  let previousEnd = -1;
  for (const [from, to] of periods) {
    if (to <= from || from < previousEnd) throw new TthcError('INVALID_DATA', 'office-policy: office hours overlap or run backwards', { messageVi: 'office-policy: các khung giờ làm việc chồng lên nhau hoặc kết thúc trước khi bắt đầu' });
    minutesPerDay += to - from;
    previousEnd = to;
  }
  return {
    policy,
    periods,
    minutesPerDay,
    opening: periods[0]![0],
    closing,
    cutoff: parseClock(policy.sameDayCutoff.time),
    closingSuffix: closing < MINUTES_PER_DAY ? formatInstant(instantOf(0, closing)).slice(10) : undefined,
    rules: {
      receiptOutsideHours: applied(
        'received outside office hours or on a non-working day: counts as received the next working day',
        'hồ sơ tiếp nhận ngoài giờ hành chính hoặc vào ngày nghỉ được tính là tiếp nhận vào ngày làm việc tiếp theo',
        policy.receiptOutsideHours,
      ),
      workingDays: applied(
        'day of receipt not counted; N working days end on the Nth working day after',
        'không tính ngày tiếp nhận hồ sơ; thời hạn N ngày làm việc kết thúc vào ngày làm việc thứ N sau đó',
        policy.dayCount,
      ),
      calendarDays: applied(
        'calendar days: every day counts, the day of receipt excepted',
        'thời hạn tính theo ngày: tính cả ngày nghỉ, không tính ngày tiếp nhận hồ sơ',
        policy.dayCount,
      ),
      endOnRestDay: applied(
        'a period ending on a rest day ends on the next working day',
        'thời hạn kết thúc vào ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo',
        policy.dayCount,
      ),
      sameDay: applied(
        `same day; received after ${policy.sameDayCutoff.time}: the next working day`,
        `trả kết quả trong ngày; hồ sơ tiếp nhận sau ${policy.sameDayCutoff.time} trả vào ngày làm việc tiếp theo`,
        policy.sameDayCutoff,
      ),
      officeHours: applied('only office hours count', 'chỉ tính thời gian trong giờ hành chính', policy.officeHours),
      elapsedHours: applied(
        'elapsed hours: the clock runs from receipt, round the clock, days off included',
        'thời hạn tính theo giờ liên tục từ khi tiếp nhận hồ sơ, kể cả ngày nghỉ',
        policy.elapsedHours,
      ),
      months: applied(
        'months: the period ends on the corresponding day of the last month, or its last day when it has none',
        'thời hạn tính theo tháng kết thúc vào ngày tương ứng của tháng cuối cùng, hoặc ngày cuối tháng nếu tháng đó không có ngày tương ứng',
        policy.months,
      ),
      pauses: applied('the clock stops during pauses', 'thời gian tạm dừng không tính vào thời hạn giải quyết', policy.pauses),
    },
  };
}

function applied(rule: string, ruleVi: string, basis: { legalBasis: string; confidence: Confidence }): AppliedRule {
  return Object.freeze({ rule, ruleVi, legalBasis: basis.legalBasis, confidence: basis.confidence });
}

/** Office minutes of a working day before a minute of the day. */
function officeMinutesBefore(resolved: ResolvedPolicy, minute: number): number {
  let total = 0;
  for (const [from, to] of resolved.periods) {
    if (minute <= from) break;
    total += Math.min(minute, to) - from;
  }
  return total;
}

/** Office minutes since the calendar's first day up to an instant (monotone; flat outside office hours). */
function officeTime(calendar: Calendar, resolved: ResolvedPolicy, instant: number): number {
  const { day, minute } = vietnamDayOf(instant);
  const i = dayIndex(calendar, day);
  const before = calendar._index.cumulative[i]! * resolved.minutesPerDay;
  return calendar._index.working[i] === 1 ? before + officeMinutesBefore(resolved, minute) : before;
}

/** The earliest instant at which officeTime reaches a value (a period end when it lands on one). */
function instantAtOfficeTime(calendar: Calendar, resolved: ResolvedPolicy, target: number): number {
  const index = calendar._index;
  const W = resolved.minutesPerDay;
  let k = Math.floor(target / W);
  let remainder = target - k * W;
  if (remainder === 0 && k > 0) {
    k -= 1;
    remainder = W;
  }
  const dayOffset = index.workingDays[k];
  if (dayOffset === undefined) throw deadlineAfterCalendar(calendar);
  const day = index.firstDay + dayOffset;
  for (const [from, to] of resolved.periods) {
    if (remainder <= to - from) return instantOf(day, from + remainder);
    remainder -= to - from;
  }
  return instantOf(day, resolved.closing);
}

/** Office time reached at an instant, clamped to the calendar's range (for pause ends beyond it). */
function officeTimeClamped(calendar: Calendar, resolved: ResolvedPolicy, instant: number): number {
  const index = calendar._index;
  const { day } = vietnamDayOf(instant);
  if (day > index.lastDay) return index.cumulative[index.lastDay - index.firstDay + 1]! * resolved.minutesPerDay;
  if (day < index.firstDay) return 0;
  return officeTime(calendar, resolved, instant);
}

interface DayRange {
  readonly first: number;
  readonly last: number;
}

interface PauseRanges {
  /** Days that do not count (day units), merged, sorted and disjoint. */
  readonly days: readonly DayRange[];
  /** Instants that do not count (hour units) as [from, to) epoch minutes, merged, sorted and disjoint. */
  readonly instants: readonly (readonly [number, number])[];
}

const NO_PAUSES: PauseRanges = Object.freeze({ days: Object.freeze([]), instants: Object.freeze([]) });

function pauseRanges(pauses: readonly Pause[], resolved: ResolvedPolicy): PauseRanges {
  if (pauses.length === 0) return NO_PAUSES;
  const instants: [number, number][] = [];
  const days: DayRange[] = [];
  // checkPauses has refused every malformed pause before this point.
  for (const pause of pauses) {
    const from = parseDateOrInstant(pause.from);
    let to = parseDateOrInstant(pause.to);
    if (/^\d{4}-\d{2}-\d{2}$/.test(pause.to)) to += MINUTES_PER_DAY; // a plain end date covers that whole day
    instants.push([from, to]);
    const fromDay = vietnamDayOf(from).day;
    const toDay = vietnamDayOf(/^\d{4}-\d{2}-\d{2}$/.test(pause.to) ? to - 1 : to).day;
    const first = fromDay + (resolved.policy.pauses.countStartDay ? 1 : 0);
    const last = toDay - (resolved.policy.pauses.countEndDay ? 1 : 0);
    if (first <= last) days.push({ first, last });
  }
  days.sort((a, b) => a.first - b.first);
  const mergedDays: DayRange[] = [];
  for (const range of days) {
    const previous = mergedDays[mergedDays.length - 1];
    if (previous !== undefined && range.first <= previous.last + 1) {
      mergedDays[mergedDays.length - 1] = { first: previous.first, last: Math.max(previous.last, range.last) };
    } else mergedDays.push(range);
  }
  // Overlapping or touching pauses stop the clock once: merge them.
  instants.sort((a, b) => a[0] - b[0]);
  const mergedInstants: [number, number][] = [];
  for (const interval of instants) {
    const previous = mergedInstants[mergedInstants.length - 1];
    if (previous !== undefined && interval[0] <= previous[1]) previous[1] = Math.max(previous[1], interval[1]);
    else mergedInstants.push([interval[0], interval[1]]);
  }
  return { days: mergedDays, instants: mergedInstants };
}

/** Working days in [first, last] (0 when first > last); both inside the calendar. */
function workingDaysIn(calendar: Calendar, first: number, last: number): number {
  if (first > last) return 0;
  const { cumulative, firstDay } = calendar._index;
  return cumulative[last - firstDay + 1]! - cumulative[first - firstDay]!;
}

/** Per-calendar explanation records, built lazily, each at most once per calendar, then shared by every result. */
interface Explanations {
  /** Frozen SkippedDay of the k-th non-working day (`_index.nonWorking[k]`). */
  readonly nonWorking: (SkippedDay | undefined)[];
  /** Projected (non-official) years before each year of the calendar; length = years + 1. */
  readonly projectedBefore: Int32Array;
}

const EXPLANATIONS = new WeakMap<Calendar, Explanations>();

function explanationsOf(calendar: Calendar): Explanations {
  let explanations = EXPLANATIONS.get(calendar);
  if (explanations === undefined) {
    const years = calendar.toYear - calendar.fromYear + 1;
    const projectedBefore = new Int32Array(years + 1);
    for (let i = 0; i < years; i += 1) {
      projectedBefore[i + 1] = projectedBefore[i]! + (calendar._index.officialYears.has(calendar.fromYear + i) ? 0 : 1);
    }
    explanations = { nonWorking: new Array<SkippedDay | undefined>(calendar._index.nonWorking.length), projectedBefore };
    EXPLANATIONS.set(calendar, explanations);
  }
  return explanations;
}

function skippedAt(calendar: Calendar, explanations: Explanations, k: number): SkippedDay {
  let record = explanations.nonWorking[k];
  if (record === undefined) {
    record = deepFreeze(toSkipped(dayInfoOf(calendar, calendar._index.nonWorking[k]!)));
    explanations.nonWorking[k] = record;
  }
  return record;
}

/** Position of the first element >= value in a sorted array. */
function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Appends a paused day to an ascending list, skipping a repeat (two pauses on one day list it once). */
function addPausedDay(days: number[], day: number): void {
  const last = days[days.length - 1];
  if (last === undefined || day > last) days.push(day);
}

/** Appends the working days of [first, last] without visiting the days off between them. */
function addPausedWorkingDays(calendar: Calendar, days: number[], first: number, last: number): void {
  if (first > last) return;
  const { cumulative, workingDays, firstDay } = calendar._index;
  for (let k = cumulative[first - firstDay]!, end = cumulative[last - firstDay + 1]!; k < end; k += 1) {
    addPausedDay(days, firstDay + workingDays[k]!);
  }
}

const VALUE_AND_UNIT: ErrorText = Object.freeze({ en: '{ value, unit }', vi: '{ value, unit }' });

function deadlineAfterCalendar(calendar: Calendar): TthcError {
  return new TthcError('OUT_OF_RANGE', `the deadline ends after the calendar (${calendar.toYear})`, { messageVi: `thời hạn kết thúc sau năm cuối của lịch làm việc (${calendar.toYear})` });
}

function checkDeadline(deadline: Deadline): void {
  expectObject(deadline, 'deadline', VALUE_AND_UNIT);
  if (!(DEADLINE_UNITS as readonly string[]).includes(deadline.unit)) {
    throw new TthcError('INVALID_ARGUMENT', `deadline.unit: expected one of ${DEADLINE_UNITS.join(', ')}, got ${describeValue(deadline.unit)}`, {
      argument: 'deadline',
      messageVi: `deadline.unit: cần một trong các giá trị ${DEADLINE_UNITS.join(', ')}, nhận được ${describeValueVi(deadline.unit)}`,
    });
  }
  const { value, unit } = deadline;
  const problem = deadlineValueProblem(value, unit);
  if (problem !== undefined) throw new TthcError(problem.outOfRange ? 'OUT_OF_RANGE' : 'INVALID_ARGUMENT', `deadline.value: ${problem.message}`, { argument: 'deadline', messageVi: `deadline.value: ${problem.messageVi}` });
  const stages = deadline.followedBy;
  if (stages === undefined) return;
  expectObjects(stages, 'deadline.followedBy', VALUE_AND_UNIT);
  if (stages.length === 0 || stages.length > MAX_DEADLINE_STAGES - 1) {
    throw new TthcError('INVALID_ARGUMENT', `deadline.followedBy: expected 1 to ${MAX_DEADLINE_STAGES - 1} stages, got ${stages.length}`, {
      argument: 'deadline',
      messageVi: `deadline.followedBy: cần từ 1 đến ${MAX_DEADLINE_STAGES - 1} giai đoạn, nhận được ${stages.length}`,
    });
  }
  // The shape (units, whole periods) as the schema checks it, then each amount as for a single deadline.
  const shape = stagesProblem(deadline, stages);
  if (shape !== undefined) {
    const where = shape.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
    throw new TthcError('INVALID_ARGUMENT', `deadline${where}: ${shape.message}`, { argument: 'deadline', messageVi: `deadline${where}: ${shape.messageVi}` });
  }
  stages.forEach((stage, index) => {
    const stageProblem = deadlineValueProblem(stage.value, stage.unit);
    if (stageProblem !== undefined) {
      throw new TthcError(stageProblem.outOfRange ? 'OUT_OF_RANGE' : 'INVALID_ARGUMENT', `deadline.followedBy[${index}].value: ${stageProblem.message}`, {
        argument: 'deadline',
        messageVi: `deadline.followedBy[${index}].value: ${stageProblem.messageVi}`,
      });
    }
  });
}

/**
 * Checks the shape of `pauses`: an array of `{ from, to }`, each a date or an RFC 3339 date-time, `to` not before
 * `from`. Shared by computeDueDate and route, so both refuse the same inputs with the same message.
 */
export function checkPauses(pauses: unknown): void {
  expectObjects(pauses, 'pauses', { en: '{ from, to }', vi: '{ from, to }' });
  (pauses as { from?: unknown; to?: unknown }[]).forEach(({ from, to }, index) => {
    const start = parseDateOrInstant(from as string, `pauses[${index}].from`);
    // A plain end date covers that whole day.
    const end = parseDateOrInstant(to as string, `pauses[${index}].to`) + (typeof to === 'string' && to.length === 10 ? MINUTES_PER_DAY : 0);
    if (end < start) throw new TthcError('INVALID_ARGUMENT', `pauses[${index}]: ends (${String(to)}) before it starts (${String(from)})`, {
        argument: 'pauses',
        messageVi: `pauses[${index}]: kết thúc (${String(to)}) trước khi bắt đầu (${String(from)})`,
      });
  });
}

/**
 * Computes when a dossier's result is due. O(log n) in the length of the period, plus the size of the `skipped` list:
 * the due day is found from the calendar's cumulative working-day counts, never by walking the days.
 * @param calendar a calendar from {@link createCalendar}
 * @param request receipt instant, deadline `{ value, unit }`, optional province and pauses
 * @returns the due date and instant, when the clock started, the days skipped, official/projected status and the rules used
 * @throws TthcError INVALID_ARGUMENT for malformed input, OUT_OF_RANGE outside the calendar
 * @example computeDueDate(calendar, { receivedAt: '2026-02-12T10:00:00+07:00', deadline: { value: 5, unit: 'working-days' } }).dueDate // '2026-02-26'
 */
export function computeDueDate(calendar: Calendar, request: DueDateRequest): DueDate {
  expectCalendarArgument(calendar);
  expectObject(request, 'request', { en: '{ receivedAt, deadline }', vi: '{ receivedAt, deadline }' });
  const received = parseInstant(request.receivedAt, 'receivedAt');
  if (request.pauses !== undefined) checkPauses(request.pauses);
  return dueDateFrom(calendar, request, received);
}

/** computeDueDate for a request whose receipt time is already parsed (epoch minutes of request.receivedAt). */
export function dueDateFrom(calendar: Calendar, request: DueDateRequest, received: number): DueDate {
  checkDeadline(request.deadline);
  if (request.deadline.followedBy !== undefined) return stagedDueDate(calendar, request, received, request.deadline.followedBy);
  return singleDueDate(calendar, request, received);
}

/**
 * A staged deadline: each period computed as a deadline of its own, from the day the one before ends (its clock
 * starting at that day's opening, so that day is not counted, as the day of receipt is not: Civil Code Art. 147).
 * The explanation gathers every stage's skipped days and rules.
 */
function stagedDueDate(calendar: Calendar, request: DueDateRequest, received: number, followedBy: readonly DeadlineStage[]): DueDate {
  const { opening, policy } = resolvePolicy(calendar, request.province);
  const periods: { readonly value: number; readonly unit: DeadlineUnit }[] = [{ value: request.deadline.value, unit: request.deadline.unit }, ...followedBy];
  const parts: DueDate[] = [];
  let from = received;
  for (const period of periods) {
    parts.push(singleDueDate(calendar, { ...request, receivedAt: formatInstant(from), deadline: period }, from));
    const ended = parseDay(parts[parts.length - 1]!.dueDate);
    // The next stage counts from the day this one ended, that day not counted; a policy that counts the day the
    // clock starts has counted it already, so the next stage starts on the working day after.
    from = instantOf(policy.dayCount.excludeReceiptDay ? ended : addWorkingDayNumbers(calendar, ended, 1), opening);
  }
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const skipped: SkippedDay[] = [];
  const seen = new Set<string>();
  const rules: AppliedRule[] = [];
  for (const part of parts) {
    for (const day of part.skipped) {
      if (seen.has(`${day.date} ${day.reason}`)) continue;
      seen.add(`${day.date} ${day.reason}`);
      skipped.push(day);
    }
    for (const rule of part.rules) if (!rules.includes(rule)) rules.push(rule);
  }
  const result = {
    receivedAt: first.receivedAt,
    clockStart: first.clockStart,
    deadline: Object.freeze({ value: request.deadline.value, unit: request.deadline.unit, followedBy: Object.freeze(followedBy.map((stage) => Object.freeze({ value: stage.value, unit: stage.unit }))) }),
    dueDate: last.dueDate,
    dueAt: last.dueAt,
    skipped: Object.freeze(skipped),
    status: parts.some((part) => part.status === 'projected') ? 'projected' : 'official',
    rules: Object.freeze(rules),
    stages: Object.freeze(
      parts.map((part) =>
        Object.freeze({ deadline: part.deadline, from: part.clockStart.slice(0, 10), dueDate: part.dueDate }),
      ),
    ),
  } as { -readonly [K in keyof DueDate]: DueDate[K] };
  if (request.province !== undefined) result.province = request.province;
  result.version = calendar.version;
  return Object.freeze(result);
}

function singleDueDate(calendar: Calendar, request: DueDateRequest, received: number): DueDate {
  const resolved = resolvePolicy(calendar, request.province);
  const { policy, rules: known } = resolved;
  const index = calendar._index;
  const { day: receivedDay, minute: receivedMinute } = vietnamDayOf(received);
  const pauses = pauseRanges(request.pauses ?? [], resolved);
  const rules: AppliedRule[] = [];

  // When the clock starts: on receipt within office hours, else at the next opening.
  let clockStart: number;
  let effectiveDay: number;
  const receivedInHours = isWorkingDayNumber(calendar, receivedDay) && receivedMinute < resolved.closing;
  const roundTheClock = request.deadline.unit === 'hours';
  if (roundTheClock) {
    effectiveDay = receivedDay;
    clockStart = received;
  } else if (receivedInHours) {
    effectiveDay = receivedDay;
    let periodStart = resolved.opening;
    for (const [from, to] of resolved.periods) {
      if (receivedMinute < to) {
        periodStart = from;
        break;
      }
    }
    clockStart = receivedMinute >= periodStart ? received : instantOf(receivedDay, periodStart);
  } else {
    effectiveDay = addWorkingDayNumbers(calendar, receivedDay, 1);
    clockStart = instantOf(effectiveDay, resolved.opening);
    rules.push(known.receiptOutsideHours);
  }

  const { value, unit } = request.deadline;
  const dayUnit =
    unit === 'calendar-days' || unit === 'same-day' || unit === 'months' || (unit === 'working-days' && Number.isInteger(value));
  let dueDay: number;
  let dueAt: number;
  const pausedDays: number[] = [];
  const firstDayOffset = policy.dayCount.excludeReceiptDay ? 0 : 1;

  if (unit === 'working-days' && Number.isInteger(value)) {
    rules.push(known.workingDays);
    // The due day is the (n + paused working days before it)-th working day: walk the pauses, not the days.
    let count = value - firstDayOffset;
    for (const range of pauses.days) {
      const first = Math.max(range.first, effectiveDay + 1);
      if (first > range.last) continue;
      const reached = count === 0 ? effectiveDay : addWorkingDayNumbers(calendar, effectiveDay, count);
      if (reached < first) break;
      count += workingDaysIn(calendar, first, Math.min(range.last, index.lastDay));
    }
    dueDay = count === 0 ? effectiveDay : addWorkingDayNumbers(calendar, effectiveDay, count);
    dueAt = instantOf(dueDay, resolved.closing);
  } else if (unit === 'calendar-days') {
    rules.push(known.calendarDays);
    let count = value - firstDayOffset;
    for (const range of pauses.days) {
      const first = Math.max(range.first, effectiveDay + 1);
      if (first > range.last) continue;
      if (effectiveDay + count < first) break;
      count += range.last - first + 1;
    }
    const end = effectiveDay + count;
    dueDay = isWorkingDayNumber(calendar, end) ? end : addWorkingDayNumbers(calendar, end, 1);
    if (dueDay !== end) rules.push(known.endOnRestDay);
    dueAt = instantOf(dueDay, resolved.closing);
  } else if (unit === 'months') {
    // From the day dayCount says the clock starts, to the corresponding day of the last month (policy.months); paused
    // days are added like calendar days.
    rules.push(known.months);
    let end = addMonthsToDay(effectiveDay, value) - firstDayOffset;
    for (const range of pauses.days) {
      const first = Math.max(range.first, effectiveDay + 1);
      if (first > range.last) continue;
      if (end < first) break;
      end += range.last - first + 1;
    }
    if (end > index.lastDay) throw deadlineAfterCalendar(calendar);
    dueDay = isWorkingDayNumber(calendar, end) ? end : addWorkingDayNumbers(calendar, end, 1);
    if (dueDay !== end) rules.push(known.endOnRestDay);
    dueAt = instantOf(dueDay, resolved.closing);
  } else if (unit === 'hours') {
    rules.push(known.elapsedHours);
    // Round the clock: each pause that starts before the (moving) end pushes it by its length.
    let end = received + value * 60;
    for (const [from, to] of pauses.instants) {
      if (to <= received) continue;
      const start = Math.max(from, received);
      if (start >= end) break;
      end += to - start;
    }
    dueAt = Math.ceil(end);
    dueDay = vietnamDayOf(dueAt).day;
    if (dueDay > index.lastDay) throw deadlineAfterCalendar(calendar);
  } else if (unit === 'same-day') {
    const late = receivedInHours && receivedMinute > resolved.cutoff;
    rules.push(known.sameDay);
    dueDay = late ? addWorkingDayNumbers(calendar, effectiveDay, 1) : effectiveDay;
    dueAt = instantOf(dueDay, resolved.closing);
  } else {
    // working hours, or a fractional number of working days (0.5 = half of the day's office hours)
    const minutes = unit === 'working-hours' ? value * 60 : value * resolved.minutesPerDay;
    rules.push(known.officeHours);
    // In office time the pauses are intervals; each one that starts before the (moving) target pushes it by its length.
    let target = officeTime(calendar, resolved, clockStart) + minutes;
    for (const [from, to] of pauses.instants) {
      if (to <= clockStart) continue;
      const a = officeTimeClamped(calendar, resolved, Math.max(from, clockStart));
      if (a >= target) break;
      target += officeTimeClamped(calendar, resolved, to) - a;
    }
    // A period too short to move office time (5e-324 of a day) ends when the clock starts, not at the close of the day
    // before, which reads the same office time.
    dueAt = Math.max(instantAtOfficeTime(calendar, resolved, target), clockStart);
    dueDay = vietnamDayOf(dueAt).day;
    for (const [from, to] of pauses.instants) {
      if (to <= clockStart) continue;
      if (from >= dueAt) break;
      addPausedWorkingDays(calendar, pausedDays, vietnamDayOf(Math.max(from, clockStart)).day, vietnamDayOf(Math.min(to, dueAt)).day);
    }
  }
  if (pauses.days.length > 0 && dayUnit) {
    rules.push(known.pauses);
    for (const range of pauses.days) {
      const first = Math.max(range.first, effectiveDay + 1);
      const last = Math.min(range.last, dueDay);
      if (unit === 'calendar-days' || unit === 'months') for (let day = first; day <= last; day += 1) addPausedDay(pausedDays, day);
      else addPausedWorkingDays(calendar, pausedDays, first, last);
    }
  } else if (pauses.instants.length > 0) {
    rules.push(known.pauses);
  }

  // The days off from receipt to the due day (shared frozen records), merged with the paused days; a day off comes
  // first when a paused day has the same date.
  const explanations = explanationsOf(calendar);
  const nonWorking = index.nonWorking;
  const skipped: SkippedDay[] = [];
  let j = 0;
  // Round the clock, days off count like any other: none was skipped.
  for (let k = roundTheClock ? nonWorking.length : lowerBound(nonWorking, receivedDay); k < nonWorking.length && nonWorking[k]! <= dueDay; k += 1) {
    while (j < pausedDays.length && pausedDays[j]! < nonWorking[k]!) skipped.push(pausedDay(calendar, pausedDays[j++]!));
    skipped.push(skippedAt(calendar, explanations, k));
  }
  while (j < pausedDays.length) skipped.push(pausedDay(calendar, pausedDays[j++]!));

  const firstYear = ymdFromDay(receivedDay).year - calendar.fromYear;
  const lastYear = ymdFromDay(dueDay).year - calendar.fromYear;
  const projected = explanations.projectedBefore[lastYear + 1]! - explanations.projectedBefore[firstYear]!;
  const receivedText = formatInstant(received);
  const dueDate = formatDay(dueDay);
  const result = {
    receivedAt: receivedText,
    clockStart: clockStart === received ? receivedText : formatInstant(clockStart),
    deadline: Object.freeze({ value, unit }),
    dueDate,
    dueAt: dayUnit && resolved.closingSuffix !== undefined ? dueDate + resolved.closingSuffix : formatInstant(dueAt),
    skipped: Object.freeze(skipped),
    status: projected > 0 ? 'projected' : 'official',
    rules: Object.freeze(rules),
  } as { -readonly [K in keyof DueDate]: DueDate[K] };
  if (request.province !== undefined) result.province = request.province;
  result.version = calendar.version;
  return Object.freeze(result);
}

/** The day `months` calendar months after a day: the corresponding day, or the month's last day when it has none. */
function addMonthsToDay(day: number, months: number): number {
  const { year, month, day: date } = ymdFromDay(day);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  return dayFromYmd(targetYear, targetMonth, Math.min(date, daysInMonth(targetYear, targetMonth)));
}

function pausedDay(calendar: Calendar, day: number): SkippedDay {
  return Object.freeze({ date: formatDay(day), reason: 'paused', status: calendar._index.officialYears.has(ymdFromDay(day).year) ? 'official' : 'projected' });
}

function toSkipped(info: DayInfo): SkippedDay {
  const { working: _working, note: _note, ...rest } = info;
  void _working;
  void _note;
  return rest as SkippedDay;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** How far a deadline has run at a given moment, in office time. */
export interface DeadlineStatus {
  readonly now: string;
  readonly dueAt: string;
  /** Office minutes elapsed since the clock started (up to now). */
  readonly elapsedMinutes: number;
  /** Office minutes left until dueAt; negative when overdue. */
  readonly remainingMinutes: number;
  /** remainingMinutes in working days of the policy's office hours. */
  readonly remainingWorkingDays: number;
  /** Share of the period used, in percent; above 100 when overdue. */
  readonly percentUsed: number;
  readonly overdue: boolean;
}

/**
 * Reports elapsed and remaining working time of a deadline at `now` (always explicit).
 * @example deadlineStatus(calendar, due, '2026-02-24T10:00:00+07:00').remainingWorkingDays
 */
export function deadlineStatus(
  calendar: Calendar,
  deadline: { readonly clockStart: string; readonly dueAt: string },
  now: string,
  options: { readonly province?: string } = {},
): DeadlineStatus {
  expectCalendarArgument(calendar);
  expectObject(deadline, 'deadline', { en: "a due date's { clockStart, dueAt }", vi: 'một ngày hẹn trả kết quả { clockStart, dueAt }' });
  expectOptions(options);
  const start = parseInstant(deadline.clockStart, 'deadline.clockStart');
  const due = parseInstant(deadline.dueAt, 'deadline.dueAt');
  const at = parseInstant(now, 'now');
  const resolved = resolvePolicy(calendar, options.province);
  const startTime = officeTime(calendar, resolved, start);
  const dueTime = officeTime(calendar, resolved, due);
  const nowTime = officeTime(calendar, resolved, at);
  const total = dueTime - startTime;
  const elapsed = Math.max(0, nowTime - startTime);
  const remaining = dueTime - nowTime;
  return Object.freeze({
    now: formatInstant(at),
    dueAt: formatInstant(due),
    elapsedMinutes: round(elapsed),
    remainingMinutes: round(remaining),
    remainingWorkingDays: round(remaining / resolved.minutesPerDay, 100),
    percentUsed: total > 0 ? round((elapsed / total) * 100) : at > due ? 100 : 0,
    overdue: at > due,
  });
}

function round(value: number, factor = 10): number {
  return Math.round(value * factor) / factor;
}
