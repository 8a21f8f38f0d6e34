/**
 * Matchers for vitest and jest: `expect.extend(tthcMatchers)`, then `expect(decision).toBeHandledAt('commune')`.
 * They use only the shared matcher protocol (`this.isNot`, `{ pass, message }`), never `this.utils`, so one object
 * works with both frameworks.
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

export type { DeadlineUnit } from './_checks.js';

/**
 * The tthc matchers as an interface, for type augmentation: vitest users `import 'tthc/testing/vitest'`; jest users
 * merge it into `jest.Matchers<R>` or `expect`'s `Matchers<R>` (see docs/testing.md).
 */
export interface TthcMatchers<R = unknown> {
  /** The competent level is `level` (and the competent unit has code `unit`, when given). */
  toBeHandledAt: (level: Level, unit?: string) => R;
  /** The office accepts the dossier: it processes it or receives it for transfer (and is unit `office`, when given). */
  toBeAcceptedBy: (office?: string) => R;
  /** The office processes the dossier itself (and is unit `office`, when given). */
  toBeProcessedBy: (office?: string) => R;
  /** The office receives the dossier and transfers it to the competent unit. */
  toBeTransferred: () => R;
  /** The office helps the applicant file the dossier online with the competent body; it does not receive it. */
  toBeAssistedOnline: () => R;
  /** The office refuses the dossier (with a reason containing `reasonSubstring`, when given). */
  toBeRefused: (reasonSubstring?: string) => R;
  /** The due date is `date`, `YYYY-MM-DD`. */
  toBeDueOn: (date: string) => R;
  /** The deadline resolves to `value` `unit`, e.g. `toHaveDeadline(3, 'working-days')`. */
  toHaveDeadline: (value: number, unit: DeadlineUnit) => R;
  /** The competent level is explicitly undetermined. */
  toBeUndetermined: () => R;
  /** The rule's conditions held (even when a higher-priority rule overrode its effect). */
  toApplyRule: (ruleId: string) => R;
}

/** What a matcher returns, in the protocol vitest and jest share. */
export interface TthcMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The part of the matcher context the matchers read; both frameworks provide it. */
export interface TthcMatcherContext {
  readonly isNot?: boolean;
}

type MatcherFunction<Args extends unknown[]> = (this: TthcMatcherContext | undefined, received: unknown, ...args: Args) => TthcMatcherResult;

/** The matchers object to pass to `expect.extend`. */
export type TthcMatchersObject = {
  readonly [K in keyof TthcMatchers]: MatcherFunction<Parameters<TthcMatchers[K]>>;
};

/**
 * Matchers for routing decisions, for `expect.extend` in vitest or jest. Each failure message states what was expected
 * and what the decision holds, then the whole decision in words ({@link formatDecision}).
 *
 * @example
 * import { expect } from 'vitest';
 * import { tthcMatchers } from 'tthc/testing';
 * import 'tthc/testing/vitest';
 * expect.extend(tthcMatchers);
 * expect(router.route(request)).toBeHandledAt('commune', '00004');
 */
export const tthcMatchers: TthcMatchersObject = Object.freeze({
  toBeHandledAt(this: TthcMatcherContext | undefined, received: unknown, level: Level, unit?: string) {
    return toResult(this, 'toBeHandledAt', received, checkHandledAt(received, level, unit));
  },
  toBeAcceptedBy(this: TthcMatcherContext | undefined, received: unknown, office?: string) {
    return toResult(this, 'toBeAcceptedBy', received, checkAcceptedBy(received, office));
  },
  toBeProcessedBy(this: TthcMatcherContext | undefined, received: unknown, office?: string) {
    return toResult(this, 'toBeProcessedBy', received, checkProcessedBy(received, office));
  },
  toBeTransferred(this: TthcMatcherContext | undefined, received: unknown) {
    return toResult(this, 'toBeTransferred', received, checkTransferred(received));
  },
  toBeAssistedOnline(this: TthcMatcherContext | undefined, received: unknown) {
    return toResult(this, 'toBeAssistedOnline', received, checkAssistedOnline(received));
  },
  toBeRefused(this: TthcMatcherContext | undefined, received: unknown, reasonSubstring?: string) {
    return toResult(this, 'toBeRefused', received, checkRefused(received, reasonSubstring));
  },
  toBeDueOn(this: TthcMatcherContext | undefined, received: unknown, date: string) {
    return toResult(this, 'toBeDueOn', received, checkDueOn(received, date));
  },
  toHaveDeadline(this: TthcMatcherContext | undefined, received: unknown, value: number, unit: DeadlineUnit) {
    return toResult(this, 'toHaveDeadline', received, checkDeadline(received, value, unit));
  },
  toBeUndetermined(this: TthcMatcherContext | undefined, received: unknown) {
    return toResult(this, 'toBeUndetermined', received, checkUndetermined(received));
  },
  toApplyRule(this: TthcMatcherContext | undefined, received: unknown, ruleId: string) {
    return toResult(this, 'toApplyRule', received, checkAppliesRule(received, ruleId));
  },
});

function toResult(context: TthcMatcherContext | undefined, name: string, received: unknown, check: CheckResult): TthcMatcherResult {
  const isNot = context?.isNot === true;
  return {
    pass: check.pass,
    message: () =>
      [
        `expect(decision).${isNot ? 'not.' : ''}${name}(${check.args})`,
        '',
        `Expected: ${isNot ? 'not ' : ''}${check.expected}`,
        `Received: ${check.actual}`,
        '',
        'Decision:',
        indent(formatDecision(received as RouteDecision)),
      ].join('\n'),
  };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
