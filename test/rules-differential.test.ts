import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRules, createRuleSet, evaluateRules } from '../src/rules/index.js';
// The shipped entry tthc/reference, so the adapter users get is the one held to the compiled evaluator.
import { createReferenceEngine, runReference } from '../src/reference/index.js';
import { factsArbitrary, rulesArbitrary } from './rules-arbitraries.js';
import { loadShippedRules } from './rules-helpers.js';

const strip = (events: readonly { ruleId: string; effect: unknown }[]) => events.map(({ ruleId, effect }) => ({ ruleId, effect }));

describe('compiled evaluation against json-rules-engine', () => {
  it('fires exactly the events json-rules-engine fires over the shipped rules (7,000 requests)', async () => {
    const { rules } = loadShippedRules();
    const reference = createReferenceEngine(rules);
    await fc.assert(
      fc.asyncProperty(factsArbitrary, async (facts) => {
        const expected = strip(await runReference(reference, facts));
        expect(strip(evaluateRules(rules, facts).fired)).toEqual(expected);
        expect(strip(evaluateRules(rules, facts, { trace: true }).fired)).toEqual(expected);
      }),
      { numRuns: 7_000 },
    );
  });

  it('fires exactly the events json-rules-engine fires over random rules (400 rule sets x 10 requests)', async () => {
    await fc.assert(
      fc.asyncProperty(rulesArbitrary, fc.array(factsArbitrary, { minLength: 10, maxLength: 10 }), async (rules, requests) => {
        const { issues } = checkRules([{ file: 'generated.yaml', data: { kind: 'rules', rules } }]);
        expect(issues.filter((issue) => issue.code !== 'RULE_CONFLICT')).toEqual([]);
        const ruleSet = createRuleSet(rules);
        const reference = createReferenceEngine(ruleSet);
        for (const facts of requests) {
          const expected = strip(await runReference(reference, facts));
          expect(strip(evaluateRules(ruleSet, facts).fired)).toEqual(expected);
          expect(strip(evaluateRules(ruleSet, facts, { trace: true }).fired)).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });
});
