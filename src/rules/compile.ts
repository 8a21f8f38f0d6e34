/**
 * Compiling rules once into plain closures, and indexing them by what they test (channel, procedure level, scope
 * province) so a request evaluates only its candidates. Semantics match json-rules-engine exactly (see operators.ts
 * and facts.ts readFact); the differential test holds both to that.
 */
import { compareCodeUnits } from '../compare.js';
import { readFact, pathKeys } from './facts.js';
import { OPERATORS } from './operators.js';
import { ruleSetHash } from './hash.js';
import { deepFreeze } from '../source/schema.js';
import type { Condition, FactReference, LeafCondition, RootCondition } from './schema.js';
import type { CompiledRuleSet, Rule } from './types.js';
import { expectEach } from '../arguments.js';

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
  /** The full explanation (every leaf); see {@link explainConditionReference} for the semantics it reproduces. */
  readonly explain: (facts: FactRecord) => Explanation;
  /** The leaf that decides the result (for a failure, the first failing condition), evaluated with short-circuits. */
  readonly decisive: (facts: FactRecord) => ConditionCheck | undefined;
  /** Every leaf's check, in document order. */
  readonly checks: (facts: FactRecord) => ConditionCheck[];
  /** Leaves testing `channel`, in document order. */
  readonly channelLeaves: readonly CompiledLeaf[];
  /** Leaves testing `procedure` `$.levels`, in document order. */
  readonly levelLeaves: readonly CompiledLeaf[];
  /**
   * The leaves, when the conditions are one `all` of leaves (most rules): one pass over their checks then gives the
   * outcome, every check when it applies, and the first failing check (the decisive one) when it does not.
   */
  readonly conjunctionLeaves: readonly CompiledLeaf[] | null;
  /**
   * True when every leaf reads only facts of a request's class: channel, asOf, province and the procedure's levels,
   * levelCount and channels. The rule's whole explanation then follows from the class.
   */
  readonly readsClassOnly: boolean;
  /** Channels the rule can fire for, or null for any. */
  readonly channels: ReadonlySet<string> | null;
  /** Levels procedure.levels must contain. */
  readonly levels: readonly string[];
  readonly provinces: ReadonlySet<string> | null;
}

/** One leaf condition, compiled to produce its {@link ConditionCheck}. */
export interface CompiledLeaf {
  readonly fact: string;
  readonly path: string | undefined;
  /** True when the value is a literal (not another fact): the check then depends on the fact's value alone. */
  readonly literal: boolean;
  /**
   * The leaf's check on these facts. Checks whose values are deeply frozen are frozen and shared between calls
   * (memoised per actual value, up to {@link CHECK_CACHE_LIMIT} per leaf); others are fresh and not frozen.
   */
  readonly check: (facts: FactRecord) => ConditionCheck;
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
  return createRuleSetWithHash(rules, undefined);
}

/**
 * {@link createRuleSet} with the hash already known (a snapshot records the hash of the rules it holds, as it records
 * the catalogue's). Internal to tthc.
 */
export function createRuleSetWithHash(rules: readonly Rule[], hash: string | undefined): CompiledRuleSet {
  expectEach(rules, 'rules', { en: 'a rule { id, conditions, event }', vi: 'một quy tắc { id, conditions, event }' }, { id: 'string', conditions: 'object', event: 'object' });
  const copies = deepFreeze(structuredClone([...rules]).sort((a, b) => compareIds(a.id, b.id)));
  const ruleSet: CompiledRuleSet = Object.freeze({ rules: copies, hash: hash ?? ruleSetHash(copies) });
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

export const compareIds = compareCodeUnits;

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
  const leaves: CompiledLeaf[] = [];
  const root = compileNode(rule.conditions, '', false, leaves);
  const test = root.test;
  const decisive = root.decisive;
  const checks = (facts: FactRecord): ConditionCheck[] => {
    const out: ConditionCheck[] = new Array<ConditionCheck>(leaves.length);
    let shared = true;
    for (let index = 0; index < leaves.length; index += 1) {
      const check = leaves[index]!.check(facts);
      if (shared && !Object.isFrozen(check)) shared = false;
      out[index] = check;
    }
    // Frozen when every check is, so that freezing a decision does not walk into it.
    return shared ? (Object.freeze(out) as ConditionCheck[]) : out;
  };
  return {
    rule,
    test,
    explain: (facts) => ({ passed: test(facts), checks: checks(facts), decisive: decisive(facts) }),
    decisive,
    checks,
    readsClassOnly: readsClassOnly(rule.conditions),
    conjunctionLeaves: 'all' in rule.conditions && rule.conditions.all.every(isLeaf) ? leaves : null,
    channelLeaves: leaves.filter((leaf) => leaf.fact === 'channel'),
    levelLeaves: leaves.filter((leaf) => leaf.fact === 'procedure' && leaf.path === '$.levels'),
    channels,
    levels,
    provinces: rule.scope === undefined ? null : new Set(rule.scope.provinces),
  };
}

/**
 * Facts (and procedure fields) that a request's class fixes; see {@link CompiledRule.readsClassOnly}. Not asOf: a
 * class holds every date of a rule-validity epoch, so a condition on the date is evaluated per request.
 */
const CLASS_FACTS: ReadonlySet<string> = new Set(['channel', 'province']);
const CLASS_PROCEDURE_PATHS: ReadonlySet<string> = new Set(['$.levels', '$.levelCount', '$.channels']);

function isClassFact(fact: string, path: string | undefined): boolean {
  return path === undefined ? CLASS_FACTS.has(fact) : fact === 'procedure' && CLASS_PROCEDURE_PATHS.has(path);
}

function readsClassOnly(condition: Condition): boolean {
  if ('all' in condition) return condition.all.every(readsClassOnly);
  if ('any' in condition) return condition.any.every(readsClassOnly);
  if ('not' in condition) return readsClassOnly(condition.not);
  const reference = isFactReference(condition.value) ? condition.value : undefined;
  return isClassFact(condition.fact, condition.path) && (reference === undefined || isClassFact(reference.fact, reference.path));
}

/** The top-level conjuncts of a condition: nested `all` (and single-item `any`) flattened. */
export function conjuncts(condition: Condition): readonly Condition[] {
  if ('all' in condition) return condition.all.flatMap(conjuncts);
  if ('any' in condition && condition.any.length === 1) return conjuncts(condition.any[0]!);
  return [condition];
}

/** Compiles a condition into a closure with json-rules-engine's semantics. */
export function compileCondition(condition: Condition | RootCondition): (facts: FactRecord) => boolean {
  return compileNode(condition, '', false, []).test;
}

type Test = (facts: FactRecord) => boolean;
type Decide = (facts: FactRecord) => ConditionCheck | undefined;

interface CompiledNode {
  readonly test: Test;
  readonly decisive: Decide;
}

const ALWAYS: Test = () => true;
const NOTHING: Decide = () => undefined;

/**
 * Compiles one node: its test (short-circuit, json-rules-engine's semantics) and its decisive leaf, following
 * {@link explainConditionReference} exactly: `all` -> the first failing part's, else the last part's; `any` -> the
 * first passing part's, else the first part's; `not` -> the inner one's. Leaves are appended in document order.
 */
function compileNode(condition: Condition, at: string, negated: boolean, leaves: CompiledLeaf[]): CompiledNode {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const items = isAll ? condition.all : condition.any;
    const prefix = `${at === '' ? '' : `${at}.`}${isAll ? 'all' : 'any'}.`;
    const parts = items.map((item, index) => compileNode(item, `${prefix}${index}`, negated, leaves));
    const tests = parts.map((part) => part.test);
    if (parts.length === 0) return { test: ALWAYS, decisive: NOTHING }; // json-rules-engine: an empty all/any passes
    if (parts.length === 1) return parts[0]!;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    if (isAll) {
      let test: Test;
      if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        test = (facts) => a(facts) && b(facts);
      } else {
        test = (facts) => {
          for (let index = 0; index < tests.length; index += 1) if (!tests[index]!(facts)) return false;
          return true;
        };
      }
      const decisive: Decide = (facts) => {
        for (let index = 0; index < parts.length; index += 1) {
          const part = parts[index]!;
          if (!part.test(facts)) return part.decisive(facts);
        }
        return last.decisive(facts);
      };
      return { test, decisive };
    }
    const test: Test = (facts) => {
      for (let index = 0; index < tests.length; index += 1) if (tests[index]!(facts)) return true;
      return false;
    };
    const decisive: Decide = (facts) => {
      for (let index = 0; index < parts.length; index += 1) {
        const part = parts[index]!;
        if (part.test(facts)) return part.decisive(facts);
      }
      return first.decisive(facts);
    };
    return { test, decisive };
  }
  if ('not' in condition) {
    const inner = compileNode(condition.not, at === '' ? 'not' : `${at}.not`, !negated, leaves);
    const innerTest = inner.test;
    return { test: (facts) => !innerTest(facts), decisive: inner.decisive };
  }
  const leaf = compileLeaf(condition, at === '' ? '.' : at, negated);
  leaves.push(leaf);
  return { test: leaf.test, decisive: leaf.check };
}

/** How many distinct checks a leaf keeps for reuse. */
export const CHECK_CACHE_LIMIT = 512;

/** True for primitives and for frozen objects whose values are all deeply frozen. */
export function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function';
  if (!Object.isFrozen(value)) return false;
  for (const child of Object.values(value)) if (!isDeepFrozen(child)) return false;
  return true;
}

type Read = (facts: FactRecord) => unknown;

/** A reader of `fact` + `path` with readFact's semantics, the keys split once. */
function compileRead(fact: string, path: string | undefined): Read {
  const keys = pathKeys(path);
  const hasOwn = Object.prototype.hasOwnProperty;
  if (keys === undefined) return (facts) => (hasOwn.call(facts, fact) ? facts[fact] : undefined);
  if (keys.length === 1) {
    const key = keys[0]!;
    return (facts) => {
      const root = hasOwn.call(facts, fact) ? facts[fact] : undefined;
      return root === null || typeof root !== 'object'
        ? root
        : hasOwn.call(root, key)
          ? (root as Record<string, unknown>)[key]
          : undefined;
    };
  }
  return (facts) => readFact(facts, fact, keys);
}

type MakeCheck = (expected: unknown, actual: unknown, passed: boolean) => ConditionCheck;

/** Builds checks with the key order of {@link explainConditionReference} (which the JSON of a decision shows). */
function checkMaker(at: string, leaf: LeafCondition, reference: FactReference | undefined, negated: boolean): MakeCheck {
  const { fact, path, operator } = leaf;
  if (path === undefined) {
    if (reference === undefined) return (expected, actual, passed) => ({ at, fact, operator, expected, actual, passed, negated });
    return (expected, actual, passed) => ({ at, fact, operator, expected, expectedFrom: reference, actual, passed, negated });
  }
  if (reference === undefined) return (expected, actual, passed) => ({ at, fact, path, operator, expected, actual, passed, negated });
  return (expected, actual, passed) => ({ at, fact, path, operator, expected, expectedFrom: reference, actual, passed, negated });
}

function compileLeaf(leaf: LeafCondition, at: string, negated: boolean): CompiledLeaf & { readonly test: Test } {
  const op = OPERATORS[leaf.operator].test;
  const read = compileRead(leaf.fact, leaf.path);
  const value = leaf.value;
  const reference = isFactReference(value) ? value : undefined;
  const make = checkMaker(at, leaf, reference, negated);
  let cached = 0;
  if (reference !== undefined) {
    const readOther = compileRead(reference.fact, reference.path);
    const shareable = isDeepFrozen(reference);
    const cache = new Map<unknown, Map<unknown, ConditionCheck>>();
    return {
      fact: leaf.fact,
      path: leaf.path,
      literal: false,
      test: (facts) => op(read(facts), readOther(facts)),
      check: (facts) => {
        const actual = read(facts);
        const expected = readOther(facts);
        let byExpected = cache.get(actual);
        const found = byExpected?.get(expected);
        if (found !== undefined) return found;
        const check = make(expected, actual, op(actual, expected));
        if (shareable && cached < CHECK_CACHE_LIMIT && isDeepFrozen(actual) && isDeepFrozen(expected)) {
          if (byExpected === undefined) cache.set(actual, (byExpected = new Map()));
          byExpected.set(expected, Object.freeze(check));
          cached += 1;
        }
        return check;
      },
    };
  }
  const shareable = isDeepFrozen(value);
  const cache = new Map<unknown, ConditionCheck>();
  return {
    fact: leaf.fact,
    path: leaf.path,
    literal: true,
    test: (facts) => op(read(facts), value),
    check: (facts) => {
      const actual = read(facts);
      const found = cache.get(actual);
      if (found !== undefined) return found;
      const check = make(value, actual, op(actual, value));
      if (shareable && cached < CHECK_CACHE_LIMIT && isDeepFrozen(actual)) {
        cache.set(actual, Object.freeze(check));
        cached += 1;
      }
      return check;
    },
  };
}

/**
 * The interpretive explanation the compiled closures reproduce: every leaf evaluated (no short-circuit) in document
 * order, and the decisive leaf. Slow; kept as the specification and exported for tests only.
 */
export function explainConditionReference(condition: Condition, facts: FactRecord, at = '', negated = false): Explanation {
  const join = (key: string | number): string => (at === '' ? String(key) : `${at}.${key}`);
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const items = isAll ? condition.all : condition.any;
    const base = isAll ? 'all' : 'any';
    const parts = items.map((item, index) => explainConditionReference(item, facts, join(`${base}.${index}`), negated));
    const checks = parts.flatMap((part) => part.checks);
    if (parts.length === 0) return { passed: true, checks, decisive: undefined };
    const passed = isAll ? parts.every((part) => part.passed) : parts.some((part) => part.passed);
    const decisivePart = isAll
      ? (parts.find((part) => !part.passed) ?? parts[parts.length - 1]!)
      : (parts.find((part) => part.passed) ?? parts[0]!);
    return { passed, checks, decisive: decisivePart.decisive };
  }
  if ('not' in condition) {
    const inner = explainConditionReference(condition.not, facts, join('not'), !negated);
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
