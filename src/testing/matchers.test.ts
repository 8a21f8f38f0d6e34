import { describe, expect, it } from 'vitest';
import { isTthcError } from '../errors.js';
import { communeDecision, refusedDecision, transferDecision, undeterminedDecision } from './_fixtures.js';
import { tthcMatchers } from './matchers.js';
import './vitest.js';

expect.extend(tthcMatchers);

/** Runs an assertion that must fail and returns its message. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail, but it passed');
}

describe('toBeHandledAt', () => {
  it('passes when the competent level and unit match', () => {
    expect(communeDecision()).toBeHandledAt('commune');
    expect(communeDecision()).toBeHandledAt('commune', '00004');
  });

  it('fails on another level, stating expected and actual, then the decision in words', () => {
    const message = failureOf(() => expect(communeDecision()).toBeHandledAt('province'));
    expect(message).toContain('expect(decision).toBeHandledAt("province")');
    expect(message).toContain('Expected: competent at province');
    expect(message).toContain('Received: competent at commune 00004 (Phường Ba Đình)');
    expect(message).toContain('Procedure 1.001193 Đăng ký khai sinh');
    expect(message).toContain('civil-status-at-residence');
  });

  it('fails on another unit of the same level', () => {
    const message = failureOf(() => expect(communeDecision()).toBeHandledAt('commune', '00007'));
    expect(message).toContain('Expected: competent at commune 00007');
  });

  it('fails when the competent level is undetermined', () => {
    const message = failureOf(() => expect(undeterminedDecision()).toBeHandledAt('commune'));
    expect(message).toContain('Received: competent undetermined (candidates: province, commune)');
  });

  it('supports .not, with "not" in the message', () => {
    expect(communeDecision()).not.toBeHandledAt('province');
    const message = failureOf(() => expect(communeDecision()).not.toBeHandledAt('commune'));
    expect(message).toContain('expect(decision).not.toBeHandledAt("commune")');
    expect(message).toContain('Expected: not competent at commune');
  });

  it('throws INVALID_ARGUMENT for an unknown level', () => {
    let thrown: unknown;
    try {
      expect(communeDecision()).toBeHandledAt('district' as never);
    } catch (error) {
      thrown = error;
    }
    expect(isTthcError(thrown) && thrown.code === 'INVALID_ARGUMENT').toBe(true);
  });

  it('throws INVALID_ARGUMENT when the received value is not a decision, even under .not', () => {
    expect(() => expect({ procedure: '1.001193' }).not.toBeHandledAt('commune')).toThrow(/expected a RouteDecision/);
    expect(() => expect(undefined).toBeHandledAt('commune')).toThrow(/received undefined/);
  });
});

describe('office matchers', () => {
  it('toBeAcceptedBy passes for process and for receive-and-transfer', () => {
    expect(communeDecision()).toBeAcceptedBy();
    expect(communeDecision()).toBeAcceptedBy('00004');
    expect(transferDecision()).toBeAcceptedBy('00007');
  });

  it('toBeAcceptedBy fails for a refusal and for another office', () => {
    const refused = failureOf(() => expect(refusedDecision()).toBeAcceptedBy());
    expect(refused).toContain('Expected: the office accepts (process or receive-and-transfer)');
    expect(refused).toContain('Received: office 26734 (Phường Sài Gòn) action refuse');
    expect(failureOf(() => expect(communeDecision()).toBeAcceptedBy('00007'))).toContain('Expected: office 00007 accepts');
    expect(refusedDecision()).not.toBeAcceptedBy();
  });

  it('toBeAcceptedBy fails when the office action is undetermined', () => {
    expect(undeterminedDecision()).not.toBeAcceptedBy();
  });

  it('toBeProcessedBy passes only when the office processes the dossier itself', () => {
    expect(communeDecision()).toBeProcessedBy('00004');
    expect(transferDecision()).not.toBeProcessedBy();
    expect(failureOf(() => expect(transferDecision()).toBeProcessedBy())).toContain(
      'Received: office 00007 (Phường Phúc Xá) action receive-and-transfer',
    );
  });

  it('toBeTransferred passes only for receive-and-transfer', () => {
    expect(transferDecision()).toBeTransferred();
    expect(communeDecision()).not.toBeTransferred();
    expect(failureOf(() => expect(communeDecision()).toBeTransferred())).toContain('Expected: office action receive-and-transfer');
  });

  it('toBeAssistedOnline passes only for assist-online', () => {
    const transfer = transferDecision();
    const assisted = { ...transfer, office: { ...transfer.office, action: 'assist-online' as const } };
    expect(assisted).toBeAssistedOnline();
    expect(transfer).not.toBeAssistedOnline();
    expect(assisted).not.toBeTransferred();
    expect(assisted).not.toBeAcceptedBy();
    expect(failureOf(() => expect(transfer).toBeAssistedOnline())).toContain('Expected: office action assist-online');
  });

  it('toBeRefused checks the action and, when given, a part of the reason', () => {
    expect(refusedDecision()).toBeRefused();
    expect(refusedDecision()).toBeRefused('another province');
    expect(refusedDecision()).not.toBeRefused('unknown procedure');
    expect(communeDecision()).not.toBeRefused();
    const message = failureOf(() => expect(refusedDecision()).toBeRefused('fee unpaid'));
    expect(message).toContain('Expected: office action refuse with a reason containing "fee unpaid"');
    expect(message).toContain('reason "the residence is in another province');
  });
});

describe('toBeDueOn', () => {
  it('passes on the due date', () => {
    expect(communeDecision()).toBeDueOn('2026-02-25');
    expect(communeDecision()).not.toBeDueOn('2026-02-24');
  });

  it('names the actual due date and its calendar status', () => {
    const message = failureOf(() => expect(communeDecision()).toBeDueOn('2026-02-17'));
    expect(message).toContain('Expected: due on 2026-02-17');
    expect(message).toContain('Received: due on 2026-02-25 (official calendar)');
    expect(message).toContain('skipped 2026-02-16 holiday (Lunar New Year)');
  });

  it('fails when there is no due date', () => {
    expect(failureOf(() => expect(refusedDecision()).toBeDueOn('2026-02-25'))).toContain('Received: no due date');
  });

  it('throws INVALID_ARGUMENT for a date that is not YYYY-MM-DD', () => {
    expect(() => expect(communeDecision()).toBeDueOn('25/02/2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('toHaveDeadline', () => {
  it('passes on the resolved value and unit', () => {
    expect(communeDecision()).toHaveDeadline(3, 'working-days');
    expect(communeDecision()).not.toHaveDeadline(3, 'calendar-days');
    expect(communeDecision()).not.toHaveDeadline(5, 'working-days');
  });

  it('fails on an unresolved deadline, showing its text', () => {
    const message = failureOf(() => expect(undeterminedDecision()).toHaveDeadline(3, 'working-days'));
    expect(message).toContain('Received: deadline unresolved ("theo quy định": no-number)');
  });

  it('throws INVALID_ARGUMENT for an unknown unit', () => {
    expect(() => expect(communeDecision()).toHaveDeadline(3, 'days' as never)).toThrow(/unit must be one of/);
  });
});

describe('toBeUndetermined', () => {
  it('passes only when the competent level is undetermined', () => {
    expect(undeterminedDecision()).toBeUndetermined();
    expect(communeDecision()).not.toBeUndetermined();
    const message = failureOf(() => expect(communeDecision()).toBeUndetermined());
    expect(message).toContain('Expected: competent undetermined');
    expect(message).toContain('Received: competent at commune 00004');
  });

  it('shows the conflict behind an undetermined decision', () => {
    const message = failureOf(() => expect(undeterminedDecision()).not.toBeUndetermined());
    expect(message).toContain('competent: rules rule-a, rule-b disagree at priority 10');
  });
});

describe('toApplyRule', () => {
  it('passes for an applied rule', () => {
    expect(communeDecision()).toApplyRule('civil-status-at-residence');
    expect(communeDecision()).not.toApplyRule('foreigner-at-province');
  });

  it('says why a skipped rule did not apply', () => {
    const message = failureOf(() => expect(communeDecision()).toApplyRule('foreigner-at-province'));
    expect(message).toContain('Received: rule foreigner-at-province skipped: a condition failed');
    expect(message).toContain('first failing: applicant equal "foreigner"; actual "citizen"');
  });

  it('lists the applied rules when the rule was not evaluated', () => {
    const message = failureOf(() => expect(communeDecision()).toApplyRule('no-such-rule'));
    expect(message).toContain('Received: rule no-such-rule not evaluated; applied: civil-status-at-residence, province-wide-filing');
  });
});

describe('the matcher protocol', () => {
  it('returns { pass, message } without needing this.utils, as jest calls it', () => {
    const result = tthcMatchers.toBeHandledAt.call({ isNot: false }, communeDecision(), 'province');
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(/^expect\(decision\)\.toBeHandledAt\("province"\)\n\nExpected: competent at province\n/);
  });

  it('works when called without a context', () => {
    const result = tthcMatchers.toBeTransferred.call(undefined, transferDecision());
    expect(result.pass).toBe(true);
    expect(result.message()).toContain('Expected: office action receive-and-transfer');
  });

  it('does not mutate the decision', () => {
    const decision = structuredClone(communeDecision());
    const before = JSON.stringify(decision);
    for (const matcher of Object.values(tthcMatchers) as ((this: unknown, received: unknown, ...args: unknown[]) => { message: () => string })[]) {
      try {
        matcher.call({ isNot: false }, decision, 'commune', 'working-days').message();
      } catch {
        // argument errors are fine here: only mutation matters
      }
    }
    expect(JSON.stringify(decision)).toBe(before);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(tthcMatchers)).toBe(true);
  });
});
