/**
 * The checks behind both the matchers (`expect.extend`) and the `assert*` functions, so they cannot drift apart.
 * Each check takes a received value and its arguments and returns whether it holds, with both sides in words.
 */
import { DEADLINE_UNITS } from '../calendar/due-date.js';
import { TthcError } from '../errors.js';
import { valueTypeVi } from '../source/describe-value.js';
import { periodText } from '../vocabulary.js';
import type { DecisionDeadline, Level, RouteDecision } from '../routing/types.js';

/** A deadline unit as it appears in a resolved {@link DecisionDeadline}. */
export type DeadlineUnit = Extract<DecisionDeadline, { status: 'resolved' }>['unit'];

/** The outcome of one check: whether it holds, and what was expected and found, in words. */
export interface CheckResult {
  readonly pass: boolean;
  /** What the check wants, e.g. `competent at commune 00004`. */
  readonly expected: string;
  /** What the decision holds, in the same words, e.g. `competent at province 01 (Thành phố Hà Nội)`. */
  readonly actual: string;
  /** The arguments as the user passed them, e.g. `"commune", "00004"`, for messages. */
  readonly args: string;
}

const LEVELS: readonly Level[] = ['central', 'province', 'commune', 'other'];

/** Throws unless the value looks like a {@link RouteDecision}: checks would otherwise fail for the wrong reason. */
export function requireDecision(value: unknown): RouteDecision {
  if (
    typeof value === 'object' &&
    value !== null &&
    isObject((value as Record<string, unknown>)['competent']) &&
    isObject((value as Record<string, unknown>)['office']) &&
    isObject((value as Record<string, unknown>)['deadline'])
  ) {
    return value as RouteDecision;
  }
  throw new TthcError('INVALID_ARGUMENT', `expected a RouteDecision (with competent, office and deadline), received ${describeValue(value)}`, {
    messageVi: `cần một kết quả quyết định (decision) kiểu RouteDecision, có competent, office và deadline; nhận được ${describeValueVi(value)}`,
  });
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object with keys ${JSON.stringify(Object.keys(value).slice(0, 8))}`;
  return `${typeof value} ${show(value)}`;
}

/** {@link describeValue} in Vietnamese, with the same detail (the first keys of an object, a scalar's value). */
function describeValueVi(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'không có giá trị';
  if (Array.isArray(value)) return 'một danh sách';
  if (typeof value === 'object') return `một đối tượng có các khóa ${JSON.stringify(Object.keys(value).slice(0, 8))}`;
  return `${valueTypeVi(typeof value)} ${show(value)}`;
}

/** Renders a value as JSON where possible, so strings are quoted and `undefined` stays visible. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function argsText(args: readonly unknown[]): string {
  const shown = [...args];
  while (shown.length > 0 && shown[shown.length - 1] === undefined) shown.pop();
  return shown.map(show).join(', ');
}

function argumentError(message: string, messageVi: string): never {
  throw new TthcError('INVALID_ARGUMENT', message, { messageVi });
}

function unitText(unit: { readonly code: string; readonly name: string } | null): string {
  return unit === null ? 'no unit' : `${unit.code} (${unit.name})`;
}

function competentText(decision: RouteDecision): string {
  const competent = decision.competent;
  if (competent.status === 'undetermined') {
    const level = competent.level === null ? '' : `level ${competent.level}, unit unknown; `;
    return `competent undetermined (${level}candidates: ${competent.candidates.join(', ') || 'none'})`;
  }
  return `competent at ${competent.level}${competent.unit === null ? '' : ` ${unitText(competent.unit)}`}`;
}

function officeText(decision: RouteDecision): string {
  const office = decision.office;
  const where = office.unit === null ? 'no receiving office' : `office ${unitText(office.unit)}`;
  return `${where} action ${office.action}`;
}

/** Competent level (and optionally unit code): `toBeHandledAt('commune', '00004')`. */
export function checkHandledAt(received: unknown, level: Level, unit?: string): CheckResult {
  const args = argsText([level, unit]);
  if (!LEVELS.includes(level)) argumentError(`level must be one of ${LEVELS.join(', ')}`, `level phải là một trong ${LEVELS.join(', ')}`);
  const decision = requireDecision(received);
  const competent = decision.competent;
  const pass =
    competent.status === 'determined' && competent.level === level && (unit === undefined || competent.unit?.code === unit);
  return { pass, args, expected: `competent at ${level}${unit === undefined ? '' : ` ${unit}`}`, actual: competentText(decision) };
}

/** The office accepts the dossier: it processes it or receives it to transfer it; optionally the office unit code. */
export function checkAcceptedBy(received: unknown, office?: string): CheckResult {
  const args = argsText([office]);
  const decision = requireDecision(received);
  const action = decision.office.action;
  const pass = (action === 'process' || action === 'receive-and-transfer') && officeMatches(decision, office);
  return {
    pass,
    args,
    expected: `${office === undefined ? 'the office' : `office ${office}`} accepts (process or receive-and-transfer)`,
    actual: officeText(decision),
  };
}

/** The office processes the dossier itself; optionally the office unit code. */
export function checkProcessedBy(received: unknown, office?: string): CheckResult {
  const args = argsText([office]);
  const decision = requireDecision(received);
  const pass = decision.office.action === 'process' && officeMatches(decision, office);
  return { pass, args, expected: `${office === undefined ? 'the office' : `office ${office}`} action process`, actual: officeText(decision) };
}

/** The office's action is this one. */
function checkAction(received: unknown, action: RouteDecision['office']['action']): CheckResult {
  const decision = requireDecision(received);
  return { pass: decision.office.action === action, args: argsText([]), expected: `office action ${action}`, actual: officeText(decision) };
}

/** The office receives the dossier and transfers it to the competent unit. */
export function checkTransferred(received: unknown): CheckResult {
  return checkAction(received, 'receive-and-transfer');
}

/** The office helps the applicant file the dossier online with the competent body (it does not receive it). */
export function checkAssistedOnline(received: unknown): CheckResult {
  return checkAction(received, 'assist-online');
}

/** The office refuses the dossier; optionally its reason contains the given text. */
export function checkRefused(received: unknown, reasonSubstring?: string): CheckResult {
  const args = argsText([reasonSubstring]);
  const decision = requireDecision(received);
  const office = decision.office;
  const pass = office.action === 'refuse' && (reasonSubstring === undefined || office.reason.includes(reasonSubstring));
  return {
    pass,
    args,
    expected: `office action refuse${reasonSubstring === undefined ? '' : ` with a reason containing ${show(reasonSubstring)}`}`,
    actual: `${officeText(decision)}, reason ${show(office.reason)}`,
  };
}

/** The due date is the given day, `YYYY-MM-DD` (in Vietnam). */
export function checkDueOn(received: unknown, date: string): CheckResult {
  const args = argsText([date]);
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) argumentError('date must be a plain date YYYY-MM-DD', 'date phải là một ngày dạng YYYY-MM-DD, không kèm giờ');
  const decision = requireDecision(received);
  const status = decision.calendarStatus === null ? '' : ` (${decision.calendarStatus} calendar)`;
  return {
    pass: decision.dueDate === date,
    args,
    expected: `due on ${date}`,
    actual: decision.dueDate === null ? 'no due date' : `due on ${decision.dueDate}${status}`,
  };
}

/** The deadline that applies resolves to the given value and unit. */
export function checkDeadline(received: unknown, value: number, unit: DeadlineUnit): CheckResult {
  const args = argsText([value, unit]);
  if (typeof value !== 'number' || !Number.isFinite(value)) argumentError('value must be a finite number', 'value phải là một số hữu hạn');
  if (!(DEADLINE_UNITS as readonly string[]).includes(unit)) argumentError(`unit must be one of ${DEADLINE_UNITS.join(', ')}`, `unit phải là một trong ${DEADLINE_UNITS.join(', ')}`);
  const decision = requireDecision(received);
  const deadline = decision.deadline;
  // A staged deadline is more than its first period: it never matches a single one.
  const pass = deadline.status === 'resolved' && deadline.value === value && deadline.unit === unit && deadline.followedBy === undefined;
  return { pass, args, expected: `deadline ${value} ${unit}`, actual: deadlineText(deadline) };
}

function deadlineText(deadline: DecisionDeadline): string {
  switch (deadline.status) {
    case 'resolved':
      return `deadline ${periodText(deadline)}`;
    case 'unresolved':
      return `deadline unresolved (${show(deadline.raw)}: ${deadline.reason})`;
    case 'not-applicable':
      return `deadline not applicable (${show(deadline.raw)}: no processing period)`;
    case 'unavailable':
      return `deadline unavailable (${deadline.reason})`;
  }
}

/** The competent level is explicitly undetermined (never a guess). */
export function checkUndetermined(received: unknown): CheckResult {
  const args = argsText([]);
  const decision = requireDecision(received);
  return { pass: decision.competent.status === 'undetermined', args, expected: 'competent undetermined', actual: competentText(decision) };
}

/** The rule applied: its conditions held, whether or not a higher-priority rule overrode its effect. */
export function checkAppliesRule(received: unknown, ruleId: string): CheckResult {
  const args = argsText([ruleId]);
  if (typeof ruleId !== 'string' || ruleId === '') argumentError('ruleId must be a non-empty string', 'ruleId phải là một chuỗi không rỗng');
  const decision = requireDecision(received);
  const applied = decision.explanation?.applied ?? [];
  const rule = applied.find((candidate) => candidate.ruleId === ruleId);
  const skipped = (decision.explanation?.notApplied ?? []).find((candidate) => candidate.ruleId === ruleId);
  let actual: string;
  if (rule !== undefined) actual = `rule ${ruleId} applied${rule.won ? '' : ' (overridden by a higher-priority rule)'}`;
  else if (skipped !== undefined) actual = `rule ${ruleId} skipped: ${skipped.reason}`;
  else actual = `rule ${ruleId} not evaluated; applied: ${applied.map((candidate) => candidate.ruleId).join(', ') || 'none'}`;
  return { pass: rule !== undefined, args, expected: `rule ${ruleId} applied`, actual };
}

function officeMatches(decision: RouteDecision, office: string | undefined): boolean {
  return office === undefined || decision.office.unit?.code === office;
}
