/**
 * Which procedures the rules cannot give a competent level: performed at several levels and no competent-level rule
 * can apply to them whatever the office, channel or applicant. The router reports those as undetermined.
 */
import { readFact, pathKeys } from './facts.js';
import type { ProcedureFacts, ProcedureLevel } from './facts.js';
import { OPERATORS } from './operators.js';
import { isFactReference } from './compile.js';
import type { Condition } from './schema.js';
import type { CompiledRuleSet } from './types.js';
import { expectObjects, expectOptions, expectRuleSet } from '../arguments.js';

export interface RuleCoverageOptions {
  /** Only rules valid on this day (YYYY-MM-DD); all rules when absent. */
  readonly asOf?: string;
}

export interface UncoveredProcedure {
  readonly code: string;
  readonly name: string;
  readonly levels: readonly ProcedureLevel[];
}

export interface RuleCoverage {
  readonly counts: {
    readonly total: number;
    /** Exactly one level (decided by the catalogue or a rule). */
    readonly singleLevel: number;
    /** Several levels and at least one competent-level rule may choose. */
    readonly multiLevelCovered: number;
    /** Several levels and no competent-level rule can choose. */
    readonly multiLevelUndetermined: number;
    /** No level at all in the catalogue. */
    readonly noLevel: number;
  };
  readonly undetermined: readonly UncoveredProcedure[];
}

type Tri = true | false | 'unknown';

/**
 * Lists procedures for which rules cannot decide the competent level.
 * @example listRuleCoverage(ruleSet, procedures).counts.multiLevelUndetermined
 */
export function listRuleCoverage(
  ruleSet: CompiledRuleSet,
  procedures: readonly ProcedureFacts[],
  options: RuleCoverageOptions = {},
): RuleCoverage {
  expectRuleSet(ruleSet);
  expectObjects(procedures, 'procedures', { en: 'procedure facts', vi: 'dữ kiện thủ tục' });
  expectOptions(options);
  const asOf = options.asOf;
  const levelRules = ruleSet.rules.filter(
    (rule) =>
      rule.event.type === 'competent-level' &&
      (asOf === undefined || (rule.validFrom <= asOf && (rule.validTo === undefined || asOf < rule.validTo))),
  );
  let singleLevel = 0;
  let multiLevelCovered = 0;
  let noLevel = 0;
  const undetermined: UncoveredProcedure[] = [];
  for (const procedure of procedures) {
    const levels = procedure.levels;
    if (levels.length === 0) {
      noLevel += 1;
      continue;
    }
    if (levels.length === 1) {
      singleLevel += 1;
      continue;
    }
    const facts = { procedure: { ...procedure, levelCount: levels.length } };
    if (levelRules.some((rule) => evaluatePartially(rule.conditions, facts) !== false)) multiLevelCovered += 1;
    else undetermined.push({ code: procedure.code, name: procedure.name, levels: [...levels] });
  }
  return Object.freeze({
    counts: Object.freeze({
      total: procedures.length,
      singleLevel,
      multiLevelCovered,
      multiLevelUndetermined: undetermined.length,
      noLevel,
    }),
    undetermined: Object.freeze(undetermined),
  });
}

/** Three-valued evaluation where only `procedure` is known. */
function evaluatePartially(condition: Condition, facts: Readonly<Record<string, unknown>>): Tri {
  if ('all' in condition) {
    let result: Tri = true;
    for (const item of condition.all) {
      const value = evaluatePartially(item, facts);
      if (value === false) return false;
      if (value === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('any' in condition) {
    let result: Tri = false;
    for (const item of condition.any) {
      const value = evaluatePartially(item, facts);
      if (value === true) return true;
      if (value === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('not' in condition) {
    const value = evaluatePartially(condition.not, facts);
    return value === 'unknown' ? 'unknown' : !value;
  }
  if (condition.fact !== 'procedure') return 'unknown';
  let expected: unknown = condition.value;
  if (isFactReference(condition.value)) {
    if (condition.value.fact !== 'procedure') return 'unknown';
    expected = readFact(facts, 'procedure', pathKeys(condition.value.path));
  }
  return OPERATORS[condition.operator].test(readFact(facts, 'procedure', pathKeys(condition.path)), expected);
}
