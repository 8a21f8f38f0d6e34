/**
 * The fast explanation path (compiled leaf checks, short-circuit first failing condition, shared frozen traces and
 * memoised facts) against a straightforward reference kept here: every rule explained in full with
 * explainConditionReference, exactly as the router did before it was optimised. Outputs must be byte-identical.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getUnitsOfProvince } from '../src/catalog/catalog.js';
import { loadCompleteDataset } from '../src/node/cache.js';
import type { CompleteDataset } from '../src/node/cache.js';
import { shippedDataPaths } from '../src/node/load.js';
import { createRouter, routingFactsFor } from '../src/routing/router.js';
import type { Router } from '../src/routing/router.js';
import type { RouteRequest } from '../src/routing/types.js';
import type { Rule } from '../src/rules/types.js';
import { explainConditionReference, getInternals, isDeepFrozen } from '../src/rules/compile.js';
import type { ConditionCheck, FactRecord } from '../src/rules/compile.js';
import { describeCheck, evaluateRules, traceRules } from '../src/rules/evaluate.js';
import type { FiredEvent, RuleTrace } from '../src/rules/evaluate.js';
import { checkRules, createRuleSet } from '../src/rules/index.js';
import type { CompiledRuleSet, RoutingFacts } from '../src/rules/index.js';
import { deepFreeze } from '../src/source/schema.js';
import { competentPlaceOf, deriveFacts } from '../src/rules/facts.js';
import { classVariant, classVariantArbitrary, factsArbitrary, rulesArbitrary } from './rules-arbitraries.js';
import { loadShippedRules } from './rules-helpers.js';

/** deriveFacts as first written: a fresh copy of everything, every time. */
function referenceDerive(facts: RoutingFacts): FactRecord {
  const derived: Record<string, unknown> = { ...facts };
  const procedure = derived['procedure'];
  if (procedure !== null && typeof procedure === 'object' && !Array.isArray(procedure)) {
    const levels = (procedure as { levels?: unknown }).levels;
    const copy: Record<string, unknown> = { ...(procedure as Record<string, unknown>) };
    if (Array.isArray(levels)) copy['levelCount'] = levels.length;
    else delete copy['levelCount'];
    derived['procedure'] = copy;
  }
  const office = derived['office'] as Record<string, unknown> | undefined;
  const residence = derived['residence'] as Record<string, unknown> | undefined;
  const province = office !== null && typeof office === 'object' ? office['province'] : residence?.['province'];
  if (typeof province === 'string') derived['province'] = province;
  else delete derived['province'];
  const basis = (derived['procedure'] as { competenceBasis?: unknown } | undefined)?.competenceBasis;
  const subject = derived['subject'] as Record<string, unknown> | undefined;
  derived['competentPlace'] = competentPlaceOf(typeof basis === 'string' ? basis : undefined, office ?? undefined, residence ?? undefined, subject ?? undefined);
  return derived;
}

function hasLevels(levels: unknown, required: readonly string[]): boolean {
  return Array.isArray(levels) && required.every((level) => levels.includes(level));
}

/** The trace as first written: every rule explained in full, then the first failing condition picked from it. */
function referenceTrace(ruleSet: CompiledRuleSet, input: RoutingFacts): { fired: FiredEvent[]; trace: RuleTrace[] } {
  const facts = referenceDerive(input);
  const asOf = input.asOf;
  const fired: FiredEvent[] = [];
  const trace: RuleTrace[] = [];
  const { channel, province, procedure } = facts as { channel?: unknown; province?: unknown; procedure?: { levels?: unknown } };
  const levels = procedure !== null && typeof procedure === 'object' ? procedure.levels : undefined;
  for (const compiled of getInternals(ruleSet).rules) {
    const rule = compiled.rule;
    const ruleId = rule.id;
    if (asOf < rule.validFrom || (rule.validTo !== undefined && asOf >= rule.validTo)) {
      trace.push({ ruleId, applied: false, reason: 'validity', detail: `valid from ${rule.validFrom}${rule.validTo === undefined ? '' : ` until ${rule.validTo} (exclusive)`}; not in force on the request's date` });
      continue;
    }
    if (compiled.provinces !== null && !(typeof province === 'string' && compiled.provinces.has(province))) {
      trace.push({ ruleId, applied: false, reason: 'scope', detail: `limited to province ${[...compiled.provinces].join(', ')}; the request is in ${typeof province === 'string' ? province : 'no known province'}` });
      continue;
    }
    const explanation = explainConditionReference(rule.conditions, facts);
    const channelMiss = compiled.channels !== null && !(typeof channel === 'string' && compiled.channels.has(channel));
    const levelMiss = compiled.levels.length > 0 && !hasLevels(levels, compiled.levels);
    if (channelMiss || levelMiss) {
      const wanted = (check: ConditionCheck): boolean =>
        !check.passed && (channelMiss ? check.fact === 'channel' : check.fact === 'procedure' && check.path === '$.levels');
      const failed = explanation.checks.find(wanted) ?? explanation.decisive;
      trace.push({
        ruleId,
        applied: false,
        reason: 'index',
        detail: channelMiss
          ? `tests channel ${[...compiled.channels!].join(' or ')}; the request channel is ${JSON.stringify(channel)}`
          : `tests procedure levels ${compiled.levels.join(', ')}; the procedure has ${JSON.stringify(levels)}`,
        ...(failed === undefined ? {} : { failed }),
      });
      continue;
    }
    if (explanation.passed) {
      fired.push({ ruleId, priority: rule.priority, effect: rule.event });
      trace.push({ ruleId, applied: true, checks: explanation.checks });
    } else {
      const failed = explanation.decisive;
      trace.push({
        ruleId,
        applied: false,
        reason: 'conditions',
        detail: failed === undefined ? 'conditions do not hold' : describeCheck(failed),
        ...(failed === undefined ? {} : { failed }),
      });
    }
  }
  return { fired, trace };
}

/** Evaluates twice (the second time from the caches the first filled) and compares both with the reference. */
/** A skipped rule as a decision shows it, written here from the trace and the rule, Vietnamese included. */
function referenceSkipped(entry: Extract<RuleTrace, { applied: false }>, rules: ReadonlyMap<string, Rule>): Record<string, unknown> {
  const rule = rules.get(entry.ruleId)!;
  const check = entry.failed;
  const vi =
    entry.reason === 'validity'
      ? `quy tắc có hiệu lực từ ngày ${rule.validFrom}${rule.validTo === undefined ? '' : ` đến trước ngày ${rule.validTo}`}; không có hiệu lực vào ngày áp dụng của yêu cầu`
      : entry.reason === 'scope'
        ? `quy tắc chỉ áp dụng tại tỉnh ${rule.scope!.provinces.join(', ')}; yêu cầu thuộc tỉnh khác`
        : check === undefined
          ? 'các điều kiện của quy tắc không đạt'
          : `điều kiện không đạt: ${check.negated ? 'không phải ' : ''}${check.fact}${check.path === undefined ? '' : `.${check.path.slice(2)}`} ${check.operator} ${JSON.stringify(check.expected) ?? 'undefined'}${
              check.expectedFrom === undefined ? '' : ` (lấy từ ${check.expectedFrom.fact}${check.expectedFrom.path === undefined ? '' : `.${check.expectedFrom.path.slice(2)}`})`
            }; thực tế ${JSON.stringify(check.actual) ?? 'undefined'}`;
  return { ruleId: entry.ruleId, reason: entry.detail, reasonVi: vi, reasonClass: entry.reason, ...(check === undefined ? {} : { failedCondition: check }) };
}

/** The rule set of generated rules, which must check clean but for the conflicts generated rules may have. */
function checkedRuleSet(rules: readonly Rule[]): CompiledRuleSet {
  const { issues } = checkRules([{ file: 'generated.yaml', data: { kind: 'rules', rules } }]);
  expect(issues.filter((issue) => issue.code !== 'RULE_CONFLICT')).toEqual([]);
  return createRuleSet(rules);
}

function expectSameTrace(ruleSet: CompiledRuleSet, facts: RoutingFacts): void {
  const expected = JSON.stringify(referenceTrace(ruleSet, facts));
  for (let round = 0; round < 2; round += 1) {
    const { fired, trace } = evaluateRules(ruleSet, facts, { trace: true });
    expect(JSON.stringify({ fired, trace })).toBe(expected);
    expect(JSON.stringify(evaluateRules(ruleSet, facts).fired)).toBe(JSON.stringify(fired));
  }
}

describe('the fast trace against the full explanation', () => {
  it('explains the shipped rules exactly as explaining every condition does, for open and frozen facts', () => {
    const { rules } = loadShippedRules();
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        expectSameTrace(rules, facts);
        expectSameTrace(rules, deepFreeze(structuredClone(facts)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('explains random rules (nested all, any and not; fact-to-fact values) exactly as explaining every condition does', () => {
    fc.assert(
      fc.property(rulesArbitrary, fc.array(factsArbitrary, { minLength: 8, maxLength: 8 }), (rules, requests) => {
        const ruleSet = checkedRuleSet(rules);
        for (const facts of requests) {
          expectSameTrace(ruleSet, facts);
          expectSameTrace(ruleSet, deepFreeze(structuredClone(facts)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shares what a class of requests decides (validity, scope, index, class-only rules) and nothing more', () => {
    // Requests of one class reuse its plan; each must still be explained on its own facts.
    const { rules: shipped } = loadShippedRules();
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(undefined), rulesArbitrary),
        factsArbitrary,
        fc.array(classVariantArbitrary, { minLength: 6, maxLength: 6 }),
        (rules, base, variants) => {
          let ruleSet = shipped;
          if (rules !== undefined) ruleSet = checkedRuleSet(rules);
          for (const variant of variants) expectSameTrace(ruleSet, classVariant(deepFreeze(structuredClone(base)), variant));
        },
      ),
      { numRuns: 600 },
    );
  });

  it("traces a province's candidates as a full pass does, shares plans between provinces no rule names, and works out the rest when asked", () => {
    // The router's path: only rules that can apply are traced per request, the others when the explanation is read;
    // a plan made for one province no scope names serves the others unless a condition reads the province.
    fc.assert(
      fc.property(rulesArbitrary, fc.array(factsArbitrary, { minLength: 4, maxLength: 4 }), (rules, bases) => {
        const ruleSet = checkedRuleSet(rules);
        // Each request again in every province (and in none): the same class but for the province.
        const requests = bases.flatMap((base) =>
          [undefined, '48', '79', '01', '48'].map((province): RoutingFacts => {
            const { office: _office, residence: _residence, ...rest } = base;
            return province === undefined ? rest : { ...rest, office: { ...(base.office ?? { unit: '00004', level: 'commune' as const }), province } };
          }),
        );
        for (const input of requests) {
          const facts = deepFreeze(structuredClone(input));
          const expected = referenceTrace(ruleSet, facts);
          const evaluation = traceRules(ruleSet, deriveFacts(facts), facts.asOf);
          expect(JSON.stringify(evaluation.fired)).toBe(JSON.stringify(expected.fired));
          const applied = evaluation.traces.filter((entry) => entry?.applied === true);
          expect(JSON.stringify(applied)).toBe(JSON.stringify(expected.trace.filter((entry) => entry.applied)));
          expect(JSON.stringify(evaluation.fullTrace())).toBe(JSON.stringify(expected.trace));
        }
      }),
      { numRuns: 800 },
    );
  });

  it('gives the explanation of each compiled rule exactly as explainConditionReference does', () => {
    const { rules } = loadShippedRules();
    const compiled = getInternals(rules).rules;
    fc.assert(
      fc.property(factsArbitrary, (input) => {
        const facts = referenceDerive(deepFreeze(structuredClone(input)));
        for (const rule of compiled) {
          const expected = explainConditionReference(rule.rule.conditions, facts);
          expect(JSON.stringify(rule.explain(facts))).toBe(JSON.stringify(expected));
          expect(rule.decisive(facts)).toEqual(expected.decisive);
          expect(rule.test(facts)).toBe(expected.passed);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('route() on the shipped data against the reference explanation', () => {
  let dataset: CompleteDataset;
  let router: Router;
  let requestArbitrary: fc.Arbitrary<RouteRequest>;

  beforeAll(async () => {
    dataset = await loadCompleteDataset(shippedDataPaths());
    router = createRouter(dataset);
    const units = [...getUnitsOfProvince(dataset.catalog, '01'), ...getUnitsOfProvince(dataset.catalog, '79')].map((unit) => unit.code);
    const unitCode = fc.oneof(fc.constantFrom(...units), fc.constantFrom('01', '79'));
    requestArbitrary = fc
      .record({
        procedure: fc.constantFrom(...dataset.catalog.procedures.map((procedure) => procedure.code)),
        channel: fc.constantFrom('in-person', 'online', 'post' as const),
        office: fc.option(unitCode, { nil: undefined }),
        residence: fc.option(unitCode, { nil: undefined, freq: 8 }),
        applicant: fc.option(fc.constantFrom('citizen', 'foreigner', 'organisation'), { nil: undefined }),
        asOf: fc.option(fc.constantFrom('2025-07-01', '2025-08-14', '2025-08-15', '2025-11-18', '2027-02-28', '2027-03-01'), { nil: undefined }),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 23 }),
      })
      .map(({ day, hour, ...rest }): RouteRequest => {
        const request: Record<string, unknown> = {
          receivedAt: `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00+07:00`,
        };
        for (const [key, value] of Object.entries(rest)) if (value !== undefined) request[key] = value;
        if (request['channel'] === 'in-person' && request['office'] === undefined) request['office'] = '01';
        return request as unknown as RouteRequest;
      });
  }, 120_000);

  it('explains every applied and skipped rule as the full explanation does, in a deeply frozen decision', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const decision = router.route(request);
        expect(isDeepFrozen(decision)).toBe(true);
        expect(JSON.stringify(router.route(request))).toBe(JSON.stringify(decision));

        const { trace } = referenceTrace(dataset.rules, routingFactsFor(router.data, request));
        const byId = (a: { ruleId: string }, b: { ruleId: string }): number => (a.ruleId < b.ruleId ? -1 : 1);
        const applied = trace.flatMap((entry) => (entry.applied ? [{ ruleId: entry.ruleId, conditions: entry.checks }] : []));
        const shown = decision.explanation.applied.map((rule) => ({ ruleId: rule.ruleId, conditions: rule.conditions }));
        expect(JSON.stringify(shown.sort(byId))).toBe(JSON.stringify(applied.sort(byId)));
        const skipped = trace.flatMap((entry) => (entry.applied ? [] : [referenceSkipped(entry, new Map(dataset.rules.rules.map((rule) => [rule.id, rule])))]));
        expect(JSON.stringify(decision.explanation.notApplied)).toBe(JSON.stringify(skipped));
      }),
      { numRuns: 2_000 },
    );
  });
  it('explains every rule as the full explanation does with hundreds of rules scoped by province and procedure code', () => {
    // Rules of the kind a province writes (one procedure, one province), some national, some in force for part of the
    // time, some testing the channel first: routing traces only the rules that can fire for a request and works out
    // the others when the explanation is read; what it shows must be what a full pass gives.
    const codes = dataset.catalog.procedures.slice(0, 40).map((procedure) => procedure.code);
    const provinces = ['01', '79', '48', '31'];
    const shipped = dataset.rules.rules.map(({ source: _source, ...rule }) => rule as Rule);
    const synthetic = Array.from({ length: 400 }, (_, index) => {
      const code = codes[index % codes.length]!;
      const leaves: Record<string, unknown>[] = [
        index % 3 === 0
          ? { fact: 'procedure', path: '$.code', operator: 'in', value: [code, codes[(index + 7) % codes.length]!] }
          : { fact: 'procedure', path: '$.code', operator: 'equal', value: code },
      ];
      if (index % 4 === 1) leaves.unshift({ fact: 'channel', operator: 'equal', value: 'online' });
      return {
        id: `synthetic.${String(index).padStart(4, '0')}`,
        description: { vi: 'Quy tắc thời hạn tổng hợp.', en: 'A synthetic deadline rule.' },
        legalBasis: [{ document: 'synthetic' }],
        validFrom: index % 5 === 0 ? '2026-01-01' : '2025-07-01',
        ...(index % 7 === 0 ? { validTo: '2026-03-10' } : {}),
        priority: 900 + index,
        ...(index % 6 === 5 ? {} : { scope: { provinces: [provinces[index % provinces.length]!] } }),
        conditions: { all: leaves },
        event: { type: 'deadline', params: { override: { value: 1 + (index % 5), unit: 'working-days' } } },
      };
    });
    const checked = checkRules([{ file: 'synthetic.yaml', data: { kind: 'rules', rules: [...shipped, ...synthetic] } }]);
    expect(checked.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const many = createRouter({ ...dataset, rules: checked.rules });
    const manyById = new Map(checked.rules.rules.map((rule) => [rule.id, rule]));
    const requests = fc
      .tuple(requestArbitrary, fc.option(fc.constantFrom(...codes), { nil: undefined, freq: 3 }))
      .map(([request, code]) => (code === undefined ? request : { ...request, procedure: code }));
    let fired = 0;
    fc.assert(
      fc.property(requests, (request) => {
        const decision = many.route(request);
        expect(isDeepFrozen(decision)).toBe(true);
        const { trace } = referenceTrace(checked.rules, routingFactsFor(many.data, request));
        const byId = (a: { ruleId: string }, b: { ruleId: string }): number => (a.ruleId < b.ruleId ? -1 : 1);
        const applied = trace.flatMap((entry) => (entry.applied ? [{ ruleId: entry.ruleId, conditions: entry.checks }] : []));
        if (applied.some((entry) => entry.ruleId.startsWith('synthetic.'))) fired += 1;
        const shown = decision.explanation.applied.map((rule) => ({ ruleId: rule.ruleId, conditions: rule.conditions }));
        expect(JSON.stringify(shown.sort(byId))).toBe(JSON.stringify(applied.sort(byId)));
        const skipped = trace.flatMap((entry) => (entry.applied ? [] : [referenceSkipped(entry, manyById)]));
        expect(JSON.stringify(decision.explanation.notApplied)).toBe(JSON.stringify(skipped));
        expect(JSON.stringify(many.route(request))).toBe(JSON.stringify(decision));
      }),
      { numRuns: 1_500, seed: 20261203 },
    );
    // The synthetic rules must fire now and then, or the test would not see the rules that can.
    expect(fired).toBeGreaterThan(50);
  });
});
