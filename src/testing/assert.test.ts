import { describe, expect, it } from 'vitest';
import {
  assertAcceptedBy,
  assertAppliesRule,
  assertDeadline,
  assertDueOn,
  assertHandledAt,
  assertProcessedBy,
  assertRefused,
  assertTransferred,
  assertAssistedOnline,
  assertUndetermined,
  DecisionAssertionError,
} from './assert.js';
import { communeDecision, refusedDecision, transferDecision, undeterminedDecision } from './_fixtures.js';
import { tthcMatchers } from './matchers.js';
import type { RouteDecision } from '../routing/types.js';

function thrownBy(assertion: () => void): DecisionAssertionError {
  try {
    assertion();
  } catch (error) {
    if (error instanceof DecisionAssertionError) return error;
    throw error;
  }
  throw new Error('expected the assertion to throw, but it passed');
}

describe('assert functions', () => {
  it('return nothing when the decision matches', () => {
    const decision = communeDecision();
    expect(assertHandledAt(decision, 'commune', '00004')).toBeUndefined();
    assertAcceptedBy(decision, '00004');
    assertProcessedBy(decision);
    assertDueOn(decision, '2026-02-25');
    assertDeadline(decision, 3, 'working-days');
    assertAppliesRule(decision, 'civil-status-at-residence');
    assertTransferred(transferDecision());
    assertRefused(refusedDecision(), 'another province');
    assertUndetermined(undeterminedDecision());
  });

  it('throw an AssertionError with actual, expected and the decision in words', () => {
    const error = thrownBy(() => assertHandledAt(communeDecision(), 'province', '01'));
    expect(error.name).toBe('AssertionError');
    expect(error).toBeInstanceOf(Error);
    expect(error.operator).toBe('assertHandledAt');
    expect(error.expected).toBe('competent at province 01');
    expect(error.actual).toBe('competent at commune 00004 (Phường Ba Đình)');
    expect(error.message.split('\n').slice(0, 3)).toEqual([
      'assertHandledAt(decision, "province", "01") failed',
      'Expected: competent at province 01',
      'Received: competent at commune 00004 (Phường Ba Đình)',
    ]);
    expect(error.message).toContain('Rules applied:');
    expect(error.decision.procedure.code).toBe('1.001193');
  });

  it('omit the argument list for assertions without arguments', () => {
    expect(thrownBy(() => assertTransferred(communeDecision())).message).toMatch(/^assertTransferred\(decision\) failed\n/);
  });

  it.each<[string, () => void, string]>([
    ['assertAcceptedBy', () => assertAcceptedBy(refusedDecision()), 'action refuse'],
    ['assertProcessedBy', () => assertProcessedBy(transferDecision()), 'action receive-and-transfer'],
    ['assertRefused', () => assertRefused(communeDecision()), 'action process'],
    ['assertDueOn', () => assertDueOn(communeDecision(), '2026-02-17'), 'due on 2026-02-25'],
    ['assertDeadline', () => assertDeadline(undeterminedDecision(), 3, 'working-days'), 'deadline unresolved'],
    ['assertUndetermined', () => assertUndetermined(communeDecision()), 'competent at commune'],
    ['assertAppliesRule', () => assertAppliesRule(communeDecision(), 'foreigner-at-province'), 'skipped: a condition failed'],
  ])('%s throws with the actual value named', (operator, assertion, actual) => {
    const error = thrownBy(assertion);
    expect(error.operator).toBe(operator);
    expect(error.actual).toContain(actual);
  });

  it('throw a TthcError, not an AssertionError, for a value that is not a decision', () => {
    expect(() => assertHandledAt({} as RouteDecision, 'commune')).toThrow(expect.objectContaining({ name: 'TthcError', code: 'INVALID_ARGUMENT' }));
  });

  it('agree with the matchers on every case', () => {
    const transfer = transferDecision();
    const assisted: RouteDecision = { ...transfer, office: { ...transfer.office, action: 'assist-online' } };
    const decisions = [communeDecision(), transfer, assisted, refusedDecision(), undeterminedDecision()];
    const pairs: [(decision: RouteDecision) => void, (decision: RouteDecision) => { pass: boolean }][] = [
      [(d) => assertHandledAt(d, 'commune'), (d) => tthcMatchers.toBeHandledAt.call(undefined, d, 'commune')],
      [(d) => assertAcceptedBy(d), (d) => tthcMatchers.toBeAcceptedBy.call(undefined, d)],
      [(d) => assertProcessedBy(d), (d) => tthcMatchers.toBeProcessedBy.call(undefined, d)],
      [(d) => assertTransferred(d), (d) => tthcMatchers.toBeTransferred.call(undefined, d)],
      [(d) => assertAssistedOnline(d), (d) => tthcMatchers.toBeAssistedOnline.call(undefined, d)],
      [(d) => assertRefused(d), (d) => tthcMatchers.toBeRefused.call(undefined, d)],
      [(d) => assertDueOn(d, '2026-02-25'), (d) => tthcMatchers.toBeDueOn.call(undefined, d, '2026-02-25')],
      [(d) => assertDeadline(d, 3, 'working-days'), (d) => tthcMatchers.toHaveDeadline.call(undefined, d, 3, 'working-days')],
      [(d) => assertUndetermined(d), (d) => tthcMatchers.toBeUndetermined.call(undefined, d)],
      [(d) => assertAppliesRule(d, 'civil-status-at-residence'), (d) => tthcMatchers.toApplyRule.call(undefined, d, 'civil-status-at-residence')],
    ];
    for (const decision of decisions) {
      for (const [assertion, matcher] of pairs) {
        let asserted = true;
        try {
          assertion(decision);
        } catch {
          asserted = false;
        }
        expect(asserted).toBe(matcher(decision).pass);
      }
    }
  });
});
