/**
 * Assertions without a test framework, for node:test or plain scripts. Each throws a {@link DecisionAssertionError}
 * (`name` is `AssertionError`) whose message states what was expected, what the decision holds, and the decision in
 * words. They share their checks with the matchers, so `assertHandledAt` and `toBeHandledAt` always agree.
 */
import {
  checkAcceptedBy,
  checkAppliesRule,
  checkDeadline,
  checkDueOn,
  checkHandledAt,
  checkProcessedBy,
  checkRefused,
  checkTransferred,
  checkAssistedOnline,
  checkUndetermined,
} from './_checks.js';
import type { CheckResult, DeadlineUnit } from './_checks.js';
import { formatDecision } from './format-decision.js';
import type { Level, RouteDecision } from '../routing/types.js';

/**
 * Thrown by the `assert*` functions of `tthc/testing`. Its `name` is `AssertionError`, as test runners expect, and
 * `actual` and `expected` describe both sides in words.
 */
export class DecisionAssertionError extends Error {
  /** What the decision holds, e.g. `competent at province 01 (Thành phố Hà Nội)`. */
  readonly actual: string;
  /** What the assertion wanted, e.g. `competent at commune 00004`. */
  readonly expected: string;
  /** The assertion that failed, e.g. `assertHandledAt`. */
  readonly operator: string;
  /** The decision that failed the assertion. */
  readonly decision: RouteDecision;

  constructor(operator: string, check: CheckResult, decision: RouteDecision) {
    super(
      [
        `${operator}(decision${check.args === '' ? '' : `, ${check.args}`}) failed`,
        `Expected: ${check.expected}`,
        `Received: ${check.actual}`,
        '',
        'Decision:',
        ...formatDecision(decision)
          .split('\n')
          .map((line) => `  ${line}`),
      ].join('\n'),
    );
    this.name = 'AssertionError';
    this.actual = check.actual;
    this.expected = check.expected;
    this.operator = operator;
    this.decision = decision;
  }
}

function verify(operator: string, decision: unknown, check: CheckResult): void {
  if (!check.pass) throw new DecisionAssertionError(operator, check, decision as RouteDecision);
}

/**
 * Asserts the competent level, and the competent unit's code when given.
 *
 * @throws {DecisionAssertionError} when the decision does not match; a `TthcError` (`INVALID_ARGUMENT`) for a bad level
 *   or a value that is not a decision.
 * @example
 * assertHandledAt(router.route(request), 'commune', '00004');
 */
export function assertHandledAt(decision: RouteDecision, level: Level, unit?: string): void {
  verify('assertHandledAt', decision, checkHandledAt(decision, level, unit));
}

/**
 * Asserts the office accepts the dossier (process or receive-and-transfer), and is the given unit when given.
 *
 * @throws {DecisionAssertionError} when the office refuses, cannot decide, or is another unit.
 * @example
 * assertAcceptedBy(decision, '00004');
 */
export function assertAcceptedBy(decision: RouteDecision, office?: string): void {
  verify('assertAcceptedBy', decision, checkAcceptedBy(decision, office));
}

/**
 * Asserts the office processes the dossier itself, and is the given unit when given.
 *
 * @throws {DecisionAssertionError} when the office transfers, refuses, cannot decide, or is another unit.
 * @example
 * assertProcessedBy(decision, '00004');
 */
export function assertProcessedBy(decision: RouteDecision, office?: string): void {
  verify('assertProcessedBy', decision, checkProcessedBy(decision, office));
}

/**
 * Asserts the office receives the dossier and transfers it to the competent unit.
 *
 * @throws {DecisionAssertionError} when the office action is anything else.
 * @example
 * assertTransferred(decision);
 */
export function assertTransferred(decision: RouteDecision): void {
  verify('assertTransferred', decision, checkTransferred(decision));
}

/**
 * Asserts the office helps the applicant file the dossier online with the competent body (Decree 120/2025 Art. 5(1)
 * for civil status brought to a commune that is not the competent one).
 *
 * @throws {DecisionAssertionError} when the office action is anything else.
 * @example
 * assertAssistedOnline(decision);
 */
export function assertAssistedOnline(decision: RouteDecision): void {
  verify('assertAssistedOnline', decision, checkAssistedOnline(decision));
}

/**
 * Asserts the office refuses the dossier, with a reason containing the given text when given.
 *
 * @throws {DecisionAssertionError} when the office accepts or cannot decide, or the reason does not contain the text.
 * @example
 * assertRefused(decision, 'residence');
 */
export function assertRefused(decision: RouteDecision, reasonSubstring?: string): void {
  verify('assertRefused', decision, checkRefused(decision, reasonSubstring));
}

/**
 * Asserts the due date, `YYYY-MM-DD`.
 *
 * @throws {DecisionAssertionError} when the due date differs or there is none; a `TthcError` for a malformed date.
 * @example
 * assertDueOn(decision, '2026-02-25');
 */
export function assertDueOn(decision: RouteDecision, date: string): void {
  verify('assertDueOn', decision, checkDueOn(decision, date));
}

/**
 * Asserts the deadline resolves to the given value and unit.
 *
 * @throws {DecisionAssertionError} when the deadline differs or is unresolved or unavailable.
 * @example
 * assertDeadline(decision, 3, 'working-days');
 */
export function assertDeadline(decision: RouteDecision, value: number, unit: DeadlineUnit): void {
  verify('assertDeadline', decision, checkDeadline(decision, value, unit));
}

/**
 * Asserts the competent level is explicitly undetermined.
 *
 * @throws {DecisionAssertionError} when the decision names a competent level.
 * @example
 * assertUndetermined(decision);
 */
export function assertUndetermined(decision: RouteDecision): void {
  verify('assertUndetermined', decision, checkUndetermined(decision));
}

/**
 * Asserts the rule applied: its conditions held, even if a higher-priority rule overrode its effect.
 *
 * @throws {DecisionAssertionError} when the rule was skipped or not evaluated.
 * @example
 * assertAppliesRule(decision, 'birth-registration-commune');
 */
export function assertAppliesRule(decision: RouteDecision, ruleId: string): void {
  verify('assertAppliesRule', decision, checkAppliesRule(decision, ruleId));
}
