/**
 * Compiling rules once into plain closures, and indexing them by what they test (channel, procedure level, scope
 * province) so a request evaluates only its candidates. Semantics match json-rules-engine exactly (see operators.ts
 * and facts.ts readFact); the differential test holds both to that.
 */
import { readFact, pathKeys } from './facts.js';
import { OPERATORS } from './operators.js';
import { ruleSetHash } from './hash.js';
import { deepFreeze } from '../source/schema.js';
import type { Condition, FactReference, LeafCondition, RootCondition } from './schema.js';
import type { CompiledRuleSet, Rule } from './types.js';

/** Facts after derivation: what compiled conditions read. */
export type FactRecord = Readonly<Record<string, unknown>>;

/** One leaf condition as evaluated: what was expected, what was found. */
export interface ConditionCheck {
  /** Where the leaf sits in the rule's conditions, e.g. `all.1.any.0`. */
  readonly at: string;
  readonly fact: string;
  readonly path?: string;
  readonly operator: string;
  /** The condition value; for a fact-to-fact comparison, the other fact's value. */
  readonly expected: unknown;
  /** For a fact-to-fact comparison, which fact gave `expected`. */
  readonly expectedFrom?: FactReference;
  /** The fact's value at the path. */
  readonly actual: unknown;
  readonly passed: boolean;
  /** True when an odd number of `not` encloses the leaf (its passing makes the rule fail). */
  readonly negated: boolean;
}

export interface Explanation {
  readonly passed: boolean;
  /** Every leaf, evaluated (no short-circuit), in document order. */
  readonly checks: readonly ConditionCheck[];
  /** The leaf that decided the result: for a failure, the first failing condition. */
  readonly decisive: ConditionCheck | undefined;
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly test: (facts: FactRecord) => boolean;
  readonly explain: (facts: FactRecord) => Explanation;
  /** Channels the rule can fire for, or null for any. */
  readonly channels: ReadonlySet<string> | null;
  /** Levels procedure.levels must contain. */
  readonly levels: readonly string[];
  readonly provinces: ReadonlySet<string> | null;
}

export interface RuleSetInternals {
  readonly rules: readonly CompiledRule[];
  readonly byId: ReadonlyMap<string, CompiledRule>;
  /** Candidates per channel+province key, built lazily. */
  readonly candidates: Map<string, readonly CompiledRule[]>;
}

const internals = new WeakMap<CompiledRuleSet, RuleSetInternals>();

/** True for `{ fact, path? }` used as a condition value (json-rules-engine's almanac.getValue test). */
export function isFactReference(value: unknown): value is FactReference {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact');
}

export function isLeaf(condition: Condition): condition is LeafCondition {
  return !('all' in condition) && !('any' in condition) && !('not' in condition);
}

/**
 * Builds a rule set from checked rules. Rules are deep-frozen copies; the input is not mutated.
 * Use {@link checkRules} to get rules from files; this trusts that the rules were checked.
 */
export function createRuleSet(rules: readonly Rule[]): CompiledRuleSet {
  const copies = deepFreeze(structuredClone([...rules]).sort((a, b) => compareIds(a.id, b.id)));
  const ruleSet: CompiledRuleSet = Object.freeze({ rules: copies, hash: ruleSetHash(copies) });
  internals.set(ruleSet, buildInternals(copies));
  return ruleSet;
}

/** The compiled closures of a rule set, compiling on first use for sets that were not built by createRuleSet. */
export function getInternals(ruleSet: CompiledRuleSet): RuleSetInternals {
  let found = internals.get(ruleSet);
  if (found === undefined) {
    found = buildInternals(ruleSet.rules);
    internals.set(ruleSet, found);
  }
  return found;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildInternals(rules: readonly Rule[]): RuleSetInternals {
  const compiled = [...rules].sort((a, b) => compareIds(a.id, b.id)).map(compileRule);
  return { rules: compiled, byId: new Map(compiled.map((rule) => [rule.rule.id, rule])), candidates: new Map() };
}

/** Compiles one rule's conditions and index keys. */
export function compileRule(rule: Rule): CompiledRule {
  const atoms = conjuncts(rule.conditions);
  let channels: Set<string> | null = null;
  const levels: string[] = [];
  for (const atom of atoms) {
    if (!isLeaf(atom)) continue;
    if (atom.fact === 'channel' && atom.path === undefined) {
      let allowed: string[] | undefined;
      if (atom.operator === 'equal' && typeof atom.value === 'string') allowed = [atom.value];
      if (atom.operator === 'in' && Array.isArray(atom.value)) allowed = atom.value.filter((v): v is string => typeof v === 'string');
      if (allowed !== undefined) channels = new Set(allowed.filter((v) => channels === null || channels.has(v)));
    }
    if (atom.fact === 'procedure' && atom.path === '$.levels' && atom.operator === 'contains' && typeof atom.value === 'string') {
      levels.push(atom.value);
    }
  }
  return {
    rule,
    test: compileCondition(rule.conditions),
    explain: (facts) => explainCondition(rule.conditions, facts, '', false),
    channels,
    levels,
    provinces: rule.scope === undefined ? null : new Set(rule.scope.provinces),
  };
}

/** The top-level conjuncts of a condition: nested `all` (and single-item `any`) flattened. */
export function conjuncts(condition: Condition): readonly Condition[] {
  if ('all' in condition) return condition.all.flatMap(conjuncts);
  if ('any' in condition && condition.any.length === 1) return conjuncts(condition.any[0]!);
  return [condition];
}

/** Compiles a condition into a closure with json-rules-engine's semantics. */
export function compileCondition(condition: Condition | RootCondition): (facts: FactRecord) => boolean {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    if (parts.length === 1) return parts[0]!;
    if (parts.length === 2) {
      const [a, b] = parts as [(f: FactRecord) => boolean, (f: FactRecord) => boolean];
      return (facts) => a(facts) && b(facts);
    }
    return (facts) => {
      for (const part of parts) if (!part(facts)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    if (parts.length === 0) return () => true; // json-rules-engine: an empty any passes (checkRules forbids it)
    if (parts.length === 1) return parts[0]!;
    return (facts) => {
      for (const part of parts) if (part(facts)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (facts) => !inner(facts);
  }
  return compileLeaf(condition);
}

function compileLeaf(leaf: LeafCondition): (facts: FactRecord) => boolean {
  const op = OPERATORS[leaf.operator].test;
  const fact = leaf.fact;
  const keys = pathKeys(leaf.path);
  const value = leaf.value;
  if (isFactReference(value)) {
    const otherKeys = pathKeys(value.path);
    return (facts) => op(readFact(facts, fact, keys), readFact(facts, value.fact, otherKeys));
  }
  if (keys !== undefined && keys.length === 1) {
    const key = keys[0]!;
    return (facts) => {
      const root = Object.prototype.hasOwnProperty.call(facts, fact) ? facts[fact] : undefined;
      const actual =
        root === null || typeof root !== 'object'
          ? root
          : Object.prototype.hasOwnProperty.call(root, key)
            ? (root as Record<string, unknown>)[key]
            : undefined;
      return op(actual, value);
    };
  }
  return (facts) => op(readFact(facts, fact, keys), value);
}

function explainCondition(condition: Condition, facts: FactRecord, at: string, negated: boolean): Explanation {
  const join = (key: string | number): string => (at === '' ? String(key) : `${at}.${key}`);
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const items = isAll ? condition.all : condition.any;
    const base = isAll ? 'all' : 'any';
    const parts = items.map((item, index) => explainCondition(item, facts, join(`${base}.${index}`), negated));
    const checks = parts.flatMap((part) => part.checks);
    if (parts.length === 0) return { passed: true, checks, decisive: undefined };
    const passed = isAll ? parts.every((part) => part.passed) : parts.some((part) => part.passed);
    const decisivePart = isAll
      ? (parts.find((part) => !part.passed) ?? parts[parts.length - 1]!)
      : (parts.find((part) => part.passed) ?? parts[0]!);
    return { passed, checks, decisive: decisivePart.decisive };
  }
  if ('not' in condition) {
    const inner = explainCondition(condition.not, facts, join('not'), !negated);
    return { passed: !inner.passed, checks: inner.checks, decisive: inner.decisive };
  }
  const reference = isFactReference(condition.value) ? condition.value : undefined;
  const actual = readFact(facts, condition.fact, pathKeys(condition.path));
  const expected = reference === undefined ? condition.value : readFact(facts, reference.fact, pathKeys(reference.path));
  const passed = OPERATORS[condition.operator].test(actual, expected);
  const check: ConditionCheck = {
    at: at === '' ? '.' : at,
    fact: condition.fact,
    ...(condition.path === undefined ? {} : { path: condition.path }),
    operator: condition.operator,
    expected,
    ...(reference === undefined ? {} : { expectedFrom: reference }),
    actual,
    passed,
    negated,
  };
  return { passed, checks: [check], decisive: check };
}
