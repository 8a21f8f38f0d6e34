/** Rule files, compiled evaluation and the json-rules-engine reference. */
export { checkRules, findStaticConflicts, PART_OF_EFFECT } from './check.js';
export type { CheckRulesResult, RulesFileInput } from './check.js';
export { createRuleSet } from './compile.js';
export type { ConditionCheck } from './compile.js';
export { evaluateRules, decideParts, describeCheck, findRule } from './evaluate.js';
export type {
  DecidedParts,
  DecisionPart,
  EvaluateRulesOptions,
  FiredEvent,
  NotAppliedReason,
  PartDecision,
  PartEffects,
  RuleConflict,
  RuleEvaluation,
  RuleTrace,
} from './evaluate.js';
export {
  APPLICANT_TYPES,
  CHANNELS,
  FACT_DESCRIPTION,
  FACT_NAMES,
  OFFICE_LEVELS,
  PROCEDURE_LEVELS,
  deriveFacts,
} from './facts.js';
export type {
  ApplicantType,
  Channel,
  FactDomain,
  FactFieldSpec,
  FactName,
  FactSpec,
  FactValueKind,
  OfficeFacts,
  OfficeLevel,
  ProcedureFacts,
  ProcedureLevel,
  ResidenceFacts,
  RoutingFacts,
} from './facts.js';
export { OPERATORS, OPERATOR_NAMES } from './operators.js';
export type { OperatorName, OperatorSpec } from './operators.js';
export { ruleSetHash } from './hash.js';
export { listRuleCoverage } from './coverage.js';
export type { RuleCoverage, RuleCoverageOptions, UncoveredProcedure } from './coverage.js';
export { EFFECT_TYPES, RULES_FILE_SCHEMAS, RuleSchema, RulesFileSchema, RuleEffectSchema } from './schema.js';
export type {
  Condition,
  ConditionValue,
  DeadlineUnit,
  Duration,
  EffectType,
  FactReference,
  FilingScope,
  LeafCondition,
  LegalBasis,
  OfficeAction,
  RootCondition,
  RuleEffect,
  RuleInput,
  RulesFile,
} from './schema.js';
export type { CompiledRuleSet, Rule, RuleSource } from './types.js';
export type { ReferenceEngine } from './reference.js';
