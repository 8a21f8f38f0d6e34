/**
 * json-rules-engine as the reference implementation of rule semantics. The compiled evaluator must fire exactly the
 * events this engine fires (test/rules-differential.test.ts). Validity and scope become ordinary conditions here,
 * so the reference also checks the evaluator's index and filters. Not for the hot path: it is async and evaluates
 * every rule on every run.
 */
import { Engine } from 'json-rules-engine';
import { deriveFacts } from './facts.js';
import type { RoutingFacts } from './facts.js';
import { DATE_OPERATORS } from './operators.js';
import { compareIds } from './compile.js';
import type { FiredEvent } from './evaluate.js';
import type { CompiledRuleSet, Rule } from './types.js';

/** An opaque handle on a configured json-rules-engine Engine. */
export interface ReferenceEngine {
  readonly kind: 'json-rules-engine';
}

interface Handle extends ReferenceEngine {
  readonly engine: Engine;
  readonly byId: ReadonlyMap<string, Rule>;
}

/** The json-rules-engine conditions of a rule: validity, scope and the rule's own conditions, all required. */
export function referenceConditions(rule: Rule): { all: unknown[] } {
  const all: unknown[] = [{ fact: 'asOf', operator: 'onOrAfter', value: rule.validFrom }];
  if (rule.validTo !== undefined) all.push({ fact: 'asOf', operator: 'before', value: rule.validTo });
  if (rule.scope !== undefined) all.push({ fact: 'province', operator: 'in', value: [...rule.scope.provinces] });
  all.push(structuredClone(rule.conditions));
  return { all };
}

/**
 * Builds a json-rules-engine Engine holding the same rules, the same custom operators and `allowUndefinedFacts`
 * (a missing fact reads as undefined, as in the compiled evaluator).
 */
export function createReferenceEngine(ruleSet: CompiledRuleSet, options: { readonly plainPaths?: boolean } = {}): ReferenceEngine {
  const engine = new Engine([], { allowUndefinedFacts: true, ...(options.plainPaths === true ? { pathResolver: plainPath } : {}) });
  for (const [name, test] of Object.entries(DATE_OPERATORS)) engine.addOperator(name, test);
  const byId = new Map<string, Rule>();
  for (const rule of ruleSet.rules) {
    byId.set(rule.id, rule);
    engine.addRule({
      name: rule.id,
      priority: 1,
      conditions: referenceConditions(rule) as never,
      event: { type: rule.event.type, params: structuredClone(rule.event.params) as Record<string, unknown> },
    });
  }
  const handle: Handle = { kind: 'json-rules-engine', engine, byId };
  return handle;
}

/**
 * A path resolver for the paths tthc rules use ("$.code", "$.levels", "$.place.province"): property lookups, without
 * json-rules-engine's JSONPath library. The bench's fairer alternative (the same answers, checked there).
 */
function plainPath(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (key === '') continue;
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Runs the reference engine on one request; returns the fired events sorted by rule id. */
export async function runReference(reference: ReferenceEngine, facts: RoutingFacts): Promise<FiredEvent[]> {
  const { engine, byId } = reference as Handle;
  const { results } = await engine.run({ ...deriveFacts(facts) });
  return results
    .map((result) => {
      const rule = byId.get(String(result.name))!;
      return { ruleId: rule.id, priority: rule.priority, effect: { type: result.event?.type, params: result.event?.params } as Rule['event'] };
    })
    .sort((a, b) => compareIds(a.ruleId, b.ruleId));
}
