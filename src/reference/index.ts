/**
 * tthc/reference: the shipped rules run on json-rules-engine itself, for apps that want to check tthc's compiled
 * evaluator against the format's own engine, or run the rules there. json-rules-engine is an optional peer
 * dependency: install it to use this entry; nothing else in tthc needs it.
 */
import { expectFields, expectRuleSet } from '../arguments.js';
import { createReferenceEngine as createEngine, runReference as run } from '../rules/reference.js';
import type { ReferenceEngine } from '../rules/reference.js';
import type { FiredEvent } from '../rules/evaluate.js';
import type { CompiledRuleSet } from '../rules/types.js';
import type { RoutingFacts } from '../rules/facts.js';

export type { ReferenceEngine } from '../rules/reference.js';

/**
 * A json-rules-engine Engine holding the rule set's rules (validity and scope become conditions), the date operators
 * and `allowUndefinedFacts`, behind an opaque handle.
 * @example const engine = createReferenceEngine(router.data.rules);
 */
export function createReferenceEngine(ruleSet: CompiledRuleSet): ReferenceEngine {
  expectRuleSet(ruleSet);
  return createEngine(ruleSet);
}

/**
 * Runs the rules on json-rules-engine for one request's facts; the fired events, sorted by rule id, are the ones
 * evaluateRules gives (test/rules-differential.test.ts holds them equal).
 */
export function runReference(engine: ReferenceEngine, facts: RoutingFacts): Promise<FiredEvent[]> {
  expectFields(engine, 'engine', { en: 'an engine from createReferenceEngine', vi: 'một bộ máy do createReferenceEngine tạo' }, { kind: 'string' });
  expectFields(facts, 'facts', { en: 'routing facts { procedure, channel, receivedAt, asOf, ... }', vi: 'dữ kiện định tuyến { procedure, channel, receivedAt, asOf, ... }' }, { procedure: 'object' });
  return run(engine, facts);
}
