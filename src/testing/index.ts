/** `tthc/testing`: helpers for testing an app's routing: matchers for vitest and jest, assertions for node:test. */
export { formatDecision } from './format-decision.js';
export { tthcMatchers } from './matchers.js';
export type { TthcMatchers, TthcMatchersObject, TthcMatcherResult, TthcMatcherContext, DeadlineUnit } from './matchers.js';
export {
  DecisionAssertionError,
  assertHandledAt,
  assertAcceptedBy,
  assertProcessedBy,
  assertTransferred,
  assertAssistedOnline,
  assertRefused,
  assertDueOn,
  assertDeadline,
  assertUndetermined,
  assertAppliesRule,
} from './assert.js';
export { runScenarios, formatScenarioResults, valueAtPath, ScenariosFileSchema, ScenarioSchema } from './scenarios.js';
export type { Scenario, ScenariosFile, ScenarioResult, ScenarioMismatch } from './scenarios.js';
export { createTestRouter } from './router.js';
export type { CreateTestRouterOptions, TestProcedure } from './router.js';
