/**
 * Compiled rule evaluation versus json-rules-engine (`engine.run(facts)` per request), same requests, same run.
 * Run: npx tsx bench/rules.ts
 */
import { createReferenceEngine, evaluateRules, runReference } from '../src/rules/index.js';
import type { CompiledRuleSet, RoutingFacts } from '../src/rules/index.js';

export interface RulesBenchResult {
  readonly compiledPerSec: number;
  readonly jsonRulesEnginePerSec: number;
  /** compiledPerSec / jsonRulesEnginePerSec. */
  readonly ratio: number;
  /** Both fired the same events for every request. */
  readonly identical: boolean;
  readonly cases: number;
}

export async function benchRules(requests: readonly RoutingFacts[], ruleSet: CompiledRuleSet): Promise<RulesBenchResult> {
  const reference = createReferenceEngine(ruleSet);
  const key = (events: readonly { ruleId: string; effect: unknown }[]) => JSON.stringify(events.map((event) => [event.ruleId, event.effect]));
  let identical = true;
  for (const facts of requests) {
    if (key(evaluateRules(ruleSet, facts).fired) !== key(await runReference(reference, facts))) identical = false;
  }
  const timeSync = (rounds: number): number => {
    const start = performance.now();
    for (let round = 0; round < rounds; round += 1) for (const facts of requests) evaluateRules(ruleSet, facts);
    return performance.now() - start;
  };
  let rounds = 1;
  while (timeSync(rounds) < 200) rounds *= 2;
  const compiledMs = timeSync(rounds);
  const compiledPerSec = (rounds * requests.length * 1000) / compiledMs;

  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < 1000 || runs < requests.length) {
    for (const facts of requests) await runReference(reference, facts);
    runs += requests.length;
  }
  const jsonRulesEnginePerSec = (runs * 1000) / (performance.now() - start);
  return { compiledPerSec, jsonRulesEnginePerSec, ratio: compiledPerSec / jsonRulesEnginePerSec, identical, cases: requests.length };
}

async function main(): Promise<void> {
  const fc = (await import('fast-check')).default;
  const { factsArbitrary } = await import('../test/rules-arbitraries.js');
  const { loadShippedRules } = await import('../test/rules-helpers.js');
  const { rules } = loadShippedRules();
  const requests = fc.sample(factsArbitrary, { numRuns: 2_000, seed: 42 });
  const fired = requests.filter((facts) => evaluateRules(rules, facts).fired.length > 0).length;
  const result = await benchRules(requests, rules);
  console.log(JSON.stringify({ ...result, requestsWithEvents: fired, rules: rules.rules.length }, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
