/**
 * Evaluating compiled rules against one request, synchronously, and deciding each part of the decision from the
 * events that fired: highest priority wins; equal priority with different effects is a conflict, reported, never
 * resolved silently.
 */
import { compareCodeUnits } from '../compare.js';
import { invalidArgument } from '../errors.js';
import { deriveFacts, isInternedList } from './facts.js';
import type { RoutingFacts } from './facts.js';
import { compareIds, getInternals, isDeepFrozen, isFactReference } from './compile.js';
import type { CompiledLeaf, CompiledRule, ConditionCheck, FactRecord, RuleSetInternals } from './compile.js';
import { canonicalJson } from './hash.js';
import { PART_OF_EFFECT } from './parts.js';
import type { Condition, RuleEffect } from './schema.js';
import type { CompiledRuleSet, Rule } from './types.js';
import { expectEach } from '../arguments.js';

export type { ConditionCheck } from './compile.js';

/** One rule that applied, with its effect. */
export interface FiredEvent {
  readonly ruleId: string;
  readonly priority: number;
  readonly effect: RuleEffect;
}

/** Why a rule did not apply. `index` means the rule tests a channel or procedure level the request does not have. */
export type NotAppliedReason = 'validity' | 'scope' | 'index' | 'conditions';

/** What happened to one rule, when tracing. */
export type RuleTrace =
  | { readonly ruleId: string; readonly applied: true; readonly checks: readonly ConditionCheck[] }
  | {
      readonly ruleId: string;
      readonly applied: false;
      readonly reason: NotAppliedReason;
      /** One clause explaining the reason. */
      readonly detail: string;
      /** The first failing condition (for `index`, the condition the index used). */
      readonly failed?: ConditionCheck;
    };

export interface EvaluateRulesOptions {
  /** Explain every rule (slower: evaluates all rules, not only the indexed candidates). */
  readonly trace?: boolean;
}

export interface RuleEvaluation {
  /** Fired events, sorted by rule id. */
  readonly fired: readonly FiredEvent[];
  /** Present with `trace: true`: one entry per rule of the set, sorted by rule id. */
  readonly trace?: readonly RuleTrace[];
}

/** `/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)`, without the regular expression (it runs for every request). */
function isPlainDate(text: string): boolean {
  if (text.length !== 10) return false;
  for (let index = 0; index < 10; index += 1) {
    const code = text.charCodeAt(index);
    if (index === 4 || index === 7 ? code !== 45 : code < 48 || code > 57) return false;
  }
  return true;
}

/** A rule is in force from validFrom to the day before validTo (exclusive), dates as YYYY-MM-DD. */
function inForceOn(rule: Rule, asOf: string): boolean {
  return asOf >= rule.validFrom && (rule.validTo === undefined || asOf < rule.validTo);
}

/**
 * Evaluates every applicable rule for a request. Sync, pure; the facts are not mutated.
 * @throws TthcError INVALID_ARGUMENT when facts is not an object or asOf is not YYYY-MM-DD.
 * @example evaluateRules(ruleSet, facts).fired.map((event) => event.ruleId)
 */
export function evaluateRules(ruleSet: CompiledRuleSet, facts: RoutingFacts, options: EvaluateRulesOptions = {}): RuleEvaluation {
  if (facts === null || typeof facts !== 'object') invalidArgument({ en: 'facts must be an object', vi: 'facts phải là một đối tượng (object)' }, 'facts');
  const asOf = (facts as { asOf?: unknown }).asOf;
  if (typeof asOf !== 'string' || !isPlainDate(asOf)) invalidArgument({ en: `facts.asOf must be a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`, vi: `facts.asOf phải là một ngày dạng YYYY-MM-DD, nhận được ${JSON.stringify(asOf)}` }, 'facts');
  const internals = getInternals(ruleSet);
  const derived = deriveFacts(facts);
  const memos = memosOf(internals);
  if (options.trace === true) {
    const { fired, trace } = traceAll(internals.rules, memos, derived, asOf);
    return Object.freeze({ fired: Object.freeze(fired), trace: Object.freeze(trace) });
  }

  const channel = derived['channel'];
  const province = derived['province'];
  const key = `${typeof channel === 'string' ? `s${channel}` : 'x'}\u0000${typeof province === 'string' ? `s${province}` : 'x'}`;
  let candidates = internals.candidates.get(key);
  if (candidates === undefined) {
    candidates = internals.rules.filter(
      (rule) =>
        (rule.channels === null || (typeof channel === 'string' && rule.channels.has(channel))) &&
        (rule.provinces === null || (typeof province === 'string' && rule.provinces.has(province))),
    );
    internals.candidates.set(key, candidates);
  }
  const procedure = derived['procedure'];
  const levels = procedure !== null && typeof procedure === 'object' ? (procedure as { levels?: unknown }).levels : undefined;
  const fired: FiredEvent[] = [];
  for (const candidate of candidates) {
    const rule = candidate.rule;
    if (!inForceOn(rule, asOf)) continue;
    if (candidate.levels.length > 0 && !hasLevels(levels, candidate.levels)) continue;
    if (candidate.test(derived)) fired.push(memos.byRule.get(candidate)!.fired);
  }
  return Object.freeze({ fired: Object.freeze(fired) });
}

function hasLevels(levels: unknown, required: readonly string[]): boolean {
  if (!Array.isArray(levels)) return false;
  for (const level of required) if (levels.indexOf(level) === -1) return false;
  return true;
}

/** A traced evaluation with what the router reuses: the class plan and the fired rules as a bit mask. */
export interface TracedEvaluation {
  readonly fired: readonly FiredEvent[];
  /**
   * Positions of the rules that may apply to the request's province (those without a scope, and those scoped to it),
   * ascending: only they are traced per request. Every other rule is out of scope (or out of validity) and fires for
   * no request of the province.
   */
  readonly positions: readonly number[];
  /**
   * The traces of `positions`, parallel to it; undefined for a rule that did not apply and whose trace the class does
   * not share (its conditions require another procedure code, or fail on this request's facts): its trace is worked
   * out by {@link fullTrace} when asked for.
   */
  readonly traces: readonly (RuleTrace | undefined)[];
  /** True when `positions` is every rule and no trace was left for later. */
  readonly complete: boolean;
  /** The class's plan; its entries are parallel to `positions`. */
  readonly plan: TracePlan;
  /** Bit n set when the rule at position n fired; -1 for sets of more than {@link MASKED_RULES} rules. */
  readonly firedMask: number;
  /** Every rule's trace, in position order, as {@link evaluateRules} gives it: the others worked out when asked for. */
  readonly fullTrace: () => readonly RuleTrace[];
}

/** Rule sets up to this size get their fired rules as an exact integer bit mask. */
const MASKED_RULES = 52;
const BITS: readonly number[] = Array.from({ length: MASKED_RULES }, (_, position) => 2 ** position);

/**
 * Traces the rules of a set that can fire on facts already derived (see deriveFacts) with a valid asOf: the unscoped
 * rules and those of the facts' province, less those that require another procedure code. The others' traces come
 * from {@link TracedEvaluation.fullTrace} when asked for. For the router, which builds derived facts itself; everyone
 * else uses {@link evaluateRules}.
 */
export function traceRules(ruleSet: CompiledRuleSet, derived: FactRecord, asOf: string): TracedEvaluation {
  const internals = getInternals(ruleSet);
  const memos = memosOf(internals);
  const rules = internals.rules;
  const candidates = candidatesOf(memos, derived['province']);
  const positions = candidates.positions;
  const plan = planFor(rules, memos, derived, asOf, candidates);
  const entries = plan.entries;
  const fired: FiredEvent[] = [];
  const traces = new Array<RuleTrace | undefined>(positions.length);
  // What a `procedure` `$.code` leaf reads: the field of an object, else (a path read on a value that is not an
  // object gives the value itself, see readFact) the fact's own value.
  const procedure = derived['procedure'];
  const code = procedure !== null && typeof procedure === 'object' ? (procedure as { code?: unknown }).code : procedure;
  // Rules that require another procedure code cannot fire: only the others and those of this code are traced now, in
  // rule order (two sorted lists merged); the rest can wait until the explanation is read.
  const free = candidates.free;
  const ofCode = (typeof code === 'string' ? candidates.byCode.get(code) : undefined) ?? NONE;
  let visited = 0;
  let deferred = 0;
  let firedMask = 0;
  for (let a = 0, b = 0; a < free.length || b < ofCode.length; visited += 1) {
    const index = b >= ofCode.length || (a < free.length && free[a]! < ofCode[b]!) ? free[a++]! : ofCode[b++]!;
    const position = positions[index]!;
    let entry = entries[index];
    if (entry === undefined) {
      // A rule the class does not decide is traced now only when it applies (its checks are part of the decision);
      // why one that fails did not apply is worked out when the explanation is read, from the same facts.
      const compiled = rules[position]!;
      const rule = compiled.rule;
      if (inForceOn(rule, asOf) && compiled.test(derived)) {
        entry = traceRule(compiled, memos.list[position]!, derived, asOf, false)!;
      } else {
        deferred += 1;
        continue;
      }
    }
    traces[index] = entry;
    if (entry.applied) {
      fired.push(memos.list[position]!.fired);
      firedMask += BITS[position] ?? 0;
    }
  }
  const complete = visited === rules.length && deferred === 0;
  const fullTrace = (): readonly RuleTrace[] => {
    const all = new Array<RuleTrace>(rules.length);
    let next = 0;
    for (let position = 0; position < rules.length; position += 1) {
      // Outside the candidates a rule fails on validity or scope, which traceRule decides before anything per request;
      // a candidate left for later fails on its conditions. Either way traceRule gives the trace a full pass gives.
      const known = positions[next] === position ? traces[next++] : undefined;
      all[position] = known ?? traceRule(rules[position]!, memos.list[position]!, derived, asOf, false)!;
    }
    return all;
  };
  return { fired, positions, traces, complete, plan, firedMask: rules.length <= MASKED_RULES ? firedMask : -1, fullTrace };
}

/**
 * The procedure codes a rule requires: those of a `procedure` `$.code` leaf (`equal` a code, or `in` a list of codes)
 * among the leaves of its root `all`, which must hold for it to fire; null when it has none.
 */
function requiredCodes(rule: Rule): ReadonlySet<string> | null {
  const root = rule.conditions;
  // The index is a copy: conditions that may still change (a set built by hand from unfrozen data) are not indexed.
  if (!('all' in root) || !isDeepFrozen(root)) return null;
  for (const leaf of root.all) {
    // A leaf as the compiler reads one: no all, any or not of its own.
    if ('all' in leaf || 'any' in leaf || 'not' in leaf || !('fact' in leaf) || leaf.fact !== 'procedure' || leaf.path !== '$.code') continue;
    if (leaf.operator === 'equal' && typeof leaf.value === 'string') return new Set([leaf.value]);
    if (leaf.operator === 'in' && Array.isArray(leaf.value) && leaf.value.every((value) => typeof value === 'string')) return new Set(leaf.value as string[]);
  }
  return null;
}

/**
 * The rules that may apply in a province: those without a scope and those scoped to it (`positions`), and among them,
 * by index into `positions`, those that require no procedure code (`free`) and those that require each code
 * (`byCode`). Built once per province some rule names; any other value (no province, one no rule names) gets the
 * unscoped rules alone.
 */
interface Candidates {
  readonly positions: readonly number[];
  readonly free: readonly number[];
  readonly byCode: ReadonlyMap<string, readonly number[]>;
}

const NONE: readonly number[] = Object.freeze([]);

function candidatesOf(memos: Memos, province: unknown): Candidates {
  const key = typeof province === 'string' && memos.scopedProvinces.has(province) ? province : UNSCOPED;
  let candidates = memos.candidates.get(key);
  if (candidates === undefined) {
    const positions: number[] = [];
    const free: number[] = [];
    const byCode = new Map<string, number[]>();
    memos.list.forEach((_memo, position) => {
      const provinces = memos.provincesAt[position]!;
      if (provinces !== null && (key === UNSCOPED || !provinces.has(key))) return;
      const index = positions.push(position) - 1;
      const codes = memos.codesAt[position]!;
      if (codes === null) free.push(index);
      else {
        for (const code of codes) {
          let list = byCode.get(code);
          if (list === undefined) byCode.set(code, (list = []));
          list.push(index);
        }
      }
    });
    candidates = { positions, free, byCode };
    memos.candidates.set(key, candidates);
  }
  return candidates;
}

const UNSCOPED = Symbol('unscoped');

/** True when a leaf of the condition reads the fact, as its subject or as the fact its value comes from. */
function readsFact(condition: Condition, fact: string): boolean {
  if ('all' in condition) return condition.all.some((item) => readsFact(item, fact));
  if ('any' in condition) return condition.any.some((item) => readsFact(item, fact));
  if ('not' in condition) return readsFact(condition.not, fact);
  return condition.fact === fact || (isFactReference(condition.value) && condition.value.fact === fact);
}

/** decideParts for a traced evaluation, shared per set of fired rules. */
export function decideTraced(ruleSet: CompiledRuleSet, evaluation: TracedEvaluation): DecidedParts {
  if (evaluation.firedMask < 0) return decideParts(evaluation.fired);
  const memos = memosOf(getInternals(ruleSet));
  let decided = memos.decidedByMask.get(evaluation.firedMask);
  if (decided === undefined) {
    decided = decideParts(evaluation.fired);
    // Fired events are the shared, frozen ones of each rule, so the decision depends on the mask alone.
    if (memos.decidedByMask.size < PLAN_CACHE_LIMIT && evaluation.fired.every((event) => Object.isFrozen(event))) {
      memos.decidedByMask.set(evaluation.firedMask, decided);
    }
  }
  return decided;
}

/** How many distinct explanations of one kind a rule keeps for reuse. */
const TRACE_CACHE_LIMIT = 256;

/**
 * Per compiled rule: its fired event and the not-applied traces already built. A not-applied trace is a pure function
 * of its detail and failed check, so equal ones are shared (frozen) instead of rebuilt for every request.
 */
interface RuleMemo {
  readonly fired: FiredEvent;
  /** The trace of the rule not in force on the request's date (one per rule: it names the rule's dates, not the request's). */
  validity: RuleTrace | undefined;
  readonly scope: Map<string, RuleTrace>;
  readonly scopePrefix: string;
  readonly channelPrefix: string;
  readonly levelsPrefix: string;
  /**
   * Index misses per channel (or per interned levels list), when the rule's channel (levels) leaves are all literal:
   * the first failing one then depends on that value alone.
   */
  readonly byChannel: Map<unknown, RuleTrace> | null;
  readonly byLevels: Map<unknown, RuleTrace> | null;
  readonly channelDetails: Map<unknown, string>;
  readonly levelsDetails: Map<unknown, string>;
  readonly index: Map<string, Map<ConditionCheck | undefined, RuleTrace>>;
  readonly conditions: Map<ConditionCheck | undefined, RuleTrace>;
}

interface Memos {
  readonly list: readonly RuleMemo[];
  /** Every validFrom and validTo of the rules, sorted and unique: the dates between two of them are one epoch. */
  readonly boundaries: readonly string[];
  readonly byRule: ReadonlyMap<CompiledRule, RuleMemo>;
  /** Plans of the router (over a province's candidates), and of evaluateRules' full traces (over every rule). */
  readonly plans: PlanStore;
  readonly fullPlans: PlanStore;
  /** Decided parts per set of fired rules (a bit per rule position), for sets of up to {@link MASKED_RULES} rules. */
  readonly decidedByMask: Map<number, DecidedParts>;
  /** The procedure codes each rule requires, by position (null: any). */
  readonly codesAt: readonly (ReadonlySet<string> | null)[];
  /** Each rule's province scope, by position (null: every province). */
  readonly provincesAt: readonly (ReadonlySet<string> | null)[];
  /** Every province some rule's scope names. */
  readonly scopedProvinces: ReadonlySet<string>;
  /**
   * True when some rule's condition reads the `province` fact. Otherwise a province no rule's scope names decides
   * nothing a candidate's trace holds, and every such province (or none) shares one plan.
   */
  readonly readsProvince: boolean;
  /** The candidates per province of {@link scopedProvinces}, or for the rest. */
  readonly candidates: Map<string | typeof UNSCOPED, Candidates>;
}

const memoCache = new WeakMap<RuleSetInternals, Memos>();

function memosOf(internals: RuleSetInternals): Memos {
  let memos = memoCache.get(internals);
  if (memos === undefined) {
    const list = internals.rules.map((compiled): RuleMemo => {
      const rule = compiled.rule;
      const fired: FiredEvent = { ruleId: rule.id, priority: rule.priority, effect: rule.event };
      return {
        fired: isDeepFrozen(rule.event) ? Object.freeze(fired) : fired,
        validity: undefined,
        scope: new Map(),
        scopePrefix: compiled.provinces === null ? '' : `limited to province ${[...compiled.provinces].join(', ')}; the request is in `,
        channelPrefix: compiled.channels === null ? '' : `tests channel ${[...compiled.channels].join(' or ')}; the request channel is `,
        levelsPrefix: `tests procedure levels ${compiled.levels.join(', ')}; the procedure has `,
        byChannel: compiled.channelLeaves.every((leaf) => leaf.literal) ? new Map() : null,
        byLevels: compiled.levelLeaves.every((leaf) => leaf.literal) ? new Map() : null,
        channelDetails: new Map(),
        levelsDetails: new Map(),
        index: new Map(),
        conditions: new Map(),
      };
    });
    const boundaries = [...new Set(internals.rules.flatMap(({ rule }) => (rule.validTo === undefined ? [rule.validFrom] : [rule.validFrom, rule.validTo])))].sort();
    memos = {
      list,
      boundaries,
      byRule: new Map(internals.rules.map((compiled, index) => [compiled, list[index]!])),
      plans: { byClass: new Map(), count: 0 },
      fullPlans: { byClass: new Map(), count: 0 },
      decidedByMask: new Map(),
      provincesAt: internals.rules.map((compiled) => compiled.provinces),
      codesAt: internals.rules.map((compiled) => requiredCodes(compiled.rule)),
      scopedProvinces: new Set(internals.rules.flatMap((compiled) => (compiled.provinces === null ? [] : [...compiled.provinces]))),
      readsProvince: internals.rules.some((compiled) => readsFact(compiled.rule.conditions, 'province')),
      candidates: new Map(),
    };
    memoCache.set(internals, memos);
  }
  return memos;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size < TRACE_CACHE_LIMIT) map.set(key, value);
  return value;
}

/** A not-applied trace, frozen when everything in it is (then it can be shared). */
function notApplied(ruleId: string, reason: NotAppliedReason, detail: string, failed: ConditionCheck | undefined): RuleTrace {
  const trace: RuleTrace = { ruleId, applied: false, reason, detail, ...(failed === undefined ? {} : { failed }) };
  return failed === undefined || Object.isFrozen(failed) ? Object.freeze(trace) : trace;
}

function isShareable(failed: ConditionCheck | undefined): boolean {
  return failed === undefined || Object.isFrozen(failed);
}

/** The first leaf of `leaves` (document order) whose check fails. */
function firstFailing(leaves: readonly CompiledLeaf[], facts: FactRecord): ConditionCheck | undefined {
  for (let index = 0; index < leaves.length; index += 1) {
    const check = leaves[index]!.check(facts);
    if (!check.passed) return check;
  }
  return undefined;
}

/**
 * What a request's class decides. The class is the rule-validity epoch of the asOf date (the dates between two
 * consecutive validFrom/validTo of the rules), the province, the channel and the procedure's levels and channels; it alone decides validity and scope, index misses on literal conditions, and rules whose conditions
 * read nothing else (see CompiledRule.readsClassOnly). Those traces are worked out once per class and shared; the
 * other rules are evaluated per request.
 */
export interface TracePlan {
  /**
   * Per rule of `positions` (every rule when it is undefined): the shared trace when the class alone decides it, else
   * undefined (evaluated per request; over a province's candidates, so is every rule that requires a procedure code).
   */
  readonly entries: readonly (RuleTrace | undefined)[];
  /** The positions `entries` is parallel to (a province's candidates), or undefined for every rule. */
  readonly positions: readonly number[] | undefined;
}

/** How many classes keep their plan; past that the plans are dropped and rebuilt (a rare, bounded cost). */
const PLAN_CACHE_LIMIT = 4096;

/**
 * Plans per class: by the procedure's levels and channels (interned frozen lists, or markers), validity epoch,
 * province, then channel.
 */
type PlanCache = Map<unknown, Map<unknown, Map<number, Map<string | typeof UNSCOPED | undefined, Map<string | undefined, TracePlan>>>>>;

interface PlanStore {
  readonly byClass: PlanCache;
  count: number;
}

/** The rule-validity epoch of a date: how many validity boundaries are on or before it (binary search). */
function epochOf(boundaries: readonly string[], asOf: string): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (boundaries[middle]! <= asOf) low = middle + 1;
    else high = middle;
  }
  return low;
}

const NO_LIST = Symbol('no list');
const NO_PROCEDURE = Symbol('no procedure');

function planFor(rules: readonly CompiledRule[], memos: Memos, facts: FactRecord, asOf: string, candidates: Candidates | undefined): TracePlan {
  const positions = candidates?.positions;
  const channel = facts['channel'];
  const province = facts['province'];
  const procedure = facts['procedure'];
  let levels: unknown;
  let channels: unknown;
  if (procedure !== null && typeof procedure === 'object') {
    levels = (procedure as { levels?: unknown }).levels;
    channels = (procedure as { channels?: unknown }).channels;
  } else if (procedure !== undefined) {
    // A path read on a value that is not an object gives the value itself: every such value is its own class.
    return buildPlan(rules, memos, facts, asOf, candidates);
  }
  const keyed =
    (channel === undefined || typeof channel === 'string') &&
    (province === undefined || typeof province === 'string') &&
    (levels === undefined || isInternedList(levels)) &&
    (channels === undefined || isInternedList(channels));
  if (!keyed) return buildPlan(rules, memos, facts, asOf, candidates);
  // Nested maps rather than one joined key: the parts are strings and lists already hashed, a joined key would be new
  // for every request.
  const procedureKey = procedure === undefined ? NO_PROCEDURE : (levels ?? NO_LIST);
  const channelsKey = channels ?? NO_LIST;
  // Every date of an epoch puts the same rules in force, and no class-decided trace reads the date itself.
  const epoch = epochOf(memos.boundaries, asOf);
  const store = positions === undefined ? memos.fullPlans : memos.plans;
  // Over a province's candidates (the router's plans), a province that no scope names and no condition reads is
  // the same class as any other such province: the candidates are the unscoped rules, and nothing traced names it.
  const provinceKey =
    positions !== undefined && !memos.readsProvince && !(typeof province === 'string' && memos.scopedProvinces.has(province)) ? UNSCOPED : province;
  const found = store.byClass
    .get(procedureKey)
    ?.get(channelsKey)
    ?.get(epoch)
    ?.get(provinceKey)
    ?.get(channel as string | undefined);
  // The class includes the province (or the unscoped marker), which fixes the candidates: a plan found is over the same
  // positions.
  if (found !== undefined) return found;
  const plan = buildPlan(rules, memos, facts, asOf, candidates);
  if (store.count >= PLAN_CACHE_LIMIT) {
    store.byClass.clear();
    store.count = 0;
  }
  let byChannels = store.byClass.get(procedureKey);
  if (byChannels === undefined) store.byClass.set(procedureKey, (byChannels = new Map()));
  let byAsOf = byChannels.get(channelsKey);
  if (byAsOf === undefined) byChannels.set(channelsKey, (byAsOf = new Map()));
  let byProvince = byAsOf.get(epoch);
  if (byProvince === undefined) byAsOf.set(epoch, (byProvince = new Map()));
  let byChannel = byProvince.get(provinceKey);
  if (byChannel === undefined) byProvince.set(provinceKey, (byChannel = new Map()));
  byChannel.set(channel as string | undefined, plan);
  store.count += 1;
  return plan;
}

/**
 * A class's plan for a province's candidates, or for every rule when undefined. Over candidates, the rules that require
 * a procedure code are left to each request (undefined): most requests are of another code, and a province may write
 * thousands of them.
 */
function buildPlan(rules: readonly CompiledRule[], memos: Memos, facts: FactRecord, asOf: string, candidates: Candidates | undefined): TracePlan {
  const entries: (RuleTrace | undefined)[] = [];
  const positions = candidates?.positions;
  if (candidates === undefined) {
    for (let position = 0; position < rules.length; position += 1) entries.push(traceRule(rules[position]!, memos.list[position]!, facts, asOf, true));
  } else {
    for (let index = 0; index < candidates.positions.length; index += 1) entries.push(undefined);
    for (const index of candidates.free) {
      const position = candidates.positions[index]!;
      entries[index] = traceRule(rules[position]!, memos.list[position]!, facts, asOf, true);
    }
  }
  // The list stays unfrozen (it is never handed out): V8 reads and copies frozen arrays on slow paths.
  return Object.freeze({ entries, positions });
}

function traceAll(rules: readonly CompiledRule[], memos: Memos, facts: FactRecord, asOf: string): { fired: FiredEvent[]; trace: RuleTrace[] } {
  const plan = planFor(rules, memos, facts, asOf, undefined);
  const entries = plan.entries;
  const fired: FiredEvent[] = [];
  const trace = new Array<RuleTrace>(entries.length);
  for (let position = 0; position < entries.length; position += 1) {
    const entry = entries[position] ?? traceRule(rules[position]!, memos.list[position]!, facts, asOf, false)!;
    trace[position] = entry;
    if (entry.applied) fired.push(memos.list[position]!.fired);
  }
  return { fired, trace };
}

/**
 * One rule's trace. With `classOnly`, undefined unless the request's class (asOf, province, channel, levels) alone
 * decides it; the shared trace is then the same for every request of the class.
 */
function traceRule(compiled: CompiledRule, memo: RuleMemo, facts: FactRecord, asOf: string, classOnly: boolean): RuleTrace | undefined {
  const rule = compiled.rule;
  const ruleId = rule.id;
  if (!inForceOn(rule, asOf)) {
    return (memo.validity ??= notApplied(ruleId, 'validity', `valid from ${rule.validFrom}${rule.validTo === undefined ? '' : ` until ${rule.validTo} (exclusive)`}; not in force on the request's date`, undefined));
  }
  const province = facts['province'];
  if (compiled.provinces !== null && !(typeof province === 'string' && compiled.provinces.has(province))) {
    const where = typeof province === 'string' ? province : 'no known province';
    return memo.scope.get(where) ?? remember(memo.scope, where, notApplied(ruleId, 'scope', `${memo.scopePrefix}${where}`, undefined));
  }
  const channel = facts['channel'];
  const procedure = facts['procedure'];
  const levels = procedure !== null && typeof procedure === 'object' ? (procedure as { levels?: unknown }).levels : undefined;
  const channelMiss = compiled.channels !== null && !(typeof channel === 'string' && compiled.channels.has(channel));
  const levelMiss = !channelMiss && compiled.levels.length > 0 && !hasLevels(levels, compiled.levels);
  if (channelMiss || levelMiss) {
    const byValue = channelMiss ? memo.byChannel : procedure !== null && typeof procedure === 'object' ? memo.byLevels : null;
    const value = channelMiss ? channel : levels;
    const known = byValue?.get(value);
    if (known !== undefined) return known;
    const leafFailed = firstFailing(channelMiss ? compiled.channelLeaves : compiled.levelLeaves, facts);
    const failed = leafFailed ?? compiled.decisive(facts);
    // Only deeply frozen subjects are remembered, so a hit is always current.
    const details = channelMiss ? memo.channelDetails : memo.levelsDetails;
    let detail = details.get(value);
    if (detail === undefined) {
      detail = channelMiss ? `${memo.channelPrefix}${JSON.stringify(channel)}` : `${memo.levelsPrefix}${JSON.stringify(levels)}`;
      if (isDeepFrozen(value)) remember(details, value, detail);
    }
    if (!isShareable(failed)) return classOnly ? undefined : notApplied(ruleId, 'index', detail, failed);
    let byFailed = memo.index.get(detail);
    if (byFailed === undefined) byFailed = remember(memo.index, detail, new Map());
    const entry = byFailed.get(failed) ?? remember(byFailed, failed, notApplied(ruleId, 'index', detail, failed));
    // Remembered by value only when the value alone decided it (a literal leaf failed) and nothing in it can change;
    // exactly then the entry belongs to the class.
    const ofClass = byValue !== null && leafFailed !== undefined && Object.isFrozen(entry) && isDeepFrozen(value);
    if (ofClass) remember(byValue, value, entry);
    return classOnly && !ofClass ? undefined : entry;
  }
  if (classOnly && !compiled.readsClassOnly) return undefined;
  let failed: ConditionCheck | undefined;
  const leaves = compiled.conjunctionLeaves;
  if (leaves !== null) {
    const checks = new Array<ConditionCheck>(leaves.length);
    let shared = true;
    for (let index = 0; index < leaves.length; index += 1) {
      const check = leaves[index]!.check(facts);
      if (!check.passed) {
        failed = check;
        break;
      }
      if (shared && !Object.isFrozen(check)) shared = false;
      checks[index] = check;
    }
    if (failed === undefined) return appliedEntry(ruleId, shared ? Object.freeze(checks) : checks, classOnly);
  } else if (compiled.test(facts)) {
    return appliedEntry(ruleId, compiled.checks(facts), classOnly);
  } else {
    failed = compiled.decisive(facts);
  }
  const cached = memo.conditions.get(failed);
  if (cached !== undefined) return cached;
  if (!isShareable(failed)) return classOnly ? undefined : notApplied(ruleId, 'conditions', failed === undefined ? 'conditions do not hold' : describeCheck(failed), failed);
  return remember(memo.conditions, failed, notApplied(ruleId, 'conditions', failed === undefined ? 'conditions do not hold' : describeCheck(failed), failed));
}

/** An applied rule's trace: shared (frozen) when its checks are, else made for this request alone. */
function appliedEntry(ruleId: string, checks: readonly ConditionCheck[], classOnly: boolean): RuleTrace | undefined {
  if (!Object.isFrozen(checks)) return classOnly ? undefined : { ruleId, applied: true, checks };
  return Object.freeze({ ruleId, applied: true, checks });
}

/** One clause describing a check, e.g. `channel equal "online" failed: found "post"`. */
export function describeCheck(check: ConditionCheck): string {
  const subject = check.path === undefined ? check.fact : `${check.fact}${check.path.slice(1)}`;
  const expected = check.expectedFrom === undefined
    ? JSON.stringify(check.expected)
    : `${check.expectedFrom.fact}${check.expectedFrom.path?.slice(1) ?? ''} (${JSON.stringify(check.expected) ?? 'nothing'})`;
  const outcome = check.negated ? (check.passed ? 'held under not' : 'failed under not') : check.passed ? 'held' : 'failed';
  return `${subject} ${check.operator} ${expected} ${outcome}: found ${JSON.stringify(check.actual) ?? 'nothing'}`;
}

/** The parts of a routing decision rules can decide. */
export type DecisionPart = (typeof PART_OF_EFFECT)[keyof typeof PART_OF_EFFECT];

type EffectOf<T extends RuleEffect['type']> = Extract<RuleEffect, { type: T }>;
/** The effect type deciding each part. */
export interface PartEffects {
  readonly competentLevel: EffectOf<'competent-level'>;
  readonly competentUnit: EffectOf<'competent-unit'>;
  readonly officeAction: EffectOf<'office-action'>;
  readonly filingScope: EffectOf<'filing-scope'>;
  readonly deadline: EffectOf<'deadline'>;
  readonly delegation: EffectOf<'delegation'>;
}

/** The winner of one part. */
export interface PartDecision<E extends RuleEffect = RuleEffect> {
  readonly effect: E;
  readonly priority: number;
  /** Rules at the winning priority with this same effect (usually one). */
  readonly ruleIds: readonly string[];
  /** Rules that applied to this part at a lower priority. */
  readonly overridden: readonly string[];
}

/** Rules that applied at the same highest priority with different effects on one part. */
export interface RuleConflict {
  readonly part: DecisionPart;
  readonly priority: number;
  readonly candidates: readonly FiredEvent[];
}

export interface DecidedParts {
  readonly parts: { readonly [P in DecisionPart]?: PartDecision<PartEffects[P]> };
  /** Parts left undecided because rules conflict. Never empty-handed: each lists the competing events. */
  readonly conflicts: readonly RuleConflict[];
}

/**
 * Picks a winner per part from fired events: highest priority; equal priority and different effects is a conflict.
 * @example decideParts(evaluateRules(ruleSet, facts).fired).parts.officeAction?.effect.params.action
 */
export function decideParts(fired: readonly FiredEvent[]): DecidedParts {
  expectEach(fired, 'fired', { en: 'a fired event { ruleId, priority, effect }', vi: 'một sự kiện đã kích hoạt { ruleId, priority, effect }' }, { ruleId: 'string', priority: 'number', effect: 'object' });
  // Parts in order of first appearance, as a Map would keep them; usually one event each.
  const partOrder: DecisionPart[] = [];
  const groups: FiredEvent[][] = [];
  for (const event of fired) {
    const part = PART_OF_EFFECT[event.effect.type];
    const index = partOrder.indexOf(part);
    if (index === -1) {
      partOrder.push(part);
      groups.push([event]);
    } else groups[index]!.push(event);
  }
  const parts: Partial<Record<DecisionPart, PartDecision>> = {};
  const conflicts: RuleConflict[] = [];
  for (let index = 0; index < partOrder.length; index += 1) {
    const part = partOrder[index]!;
    const events = groups[index]!;
    if (events.length === 1) {
      parts[part] = soleWinner(events[0]!);
      continue;
    }
    let top = -Infinity;
    for (const event of events) if (event.priority > top) top = event.priority;
    const winners = events.filter((event) => event.priority === top).sort((a, b) => compareIds(a.ruleId, b.ruleId));
    const key = effectKey(winners[0]!.effect);
    let distinct = false;
    for (let other = 1; other < winners.length; other += 1) if (effectKey(winners[other]!.effect) !== key) distinct = true;
    if (distinct) {
      conflicts.push(Object.freeze({ part, priority: top, candidates: Object.freeze(winners) }));
      continue;
    }
    parts[part] = Object.freeze({
      effect: winners[0]!.effect,
      priority: top,
      ruleIds: Object.freeze(winners.map((event) => event.ruleId)),
      overridden: Object.freeze(events.filter((event) => event.priority < top).map((event) => event.ruleId).sort(compareIds)),
    });
  }
  if (conflicts.length > 1) conflicts.sort((a, b) => compareCodeUnits(a.part, b.part));
  return Object.freeze({ parts: Object.freeze(parts) as DecidedParts['parts'], conflicts: Object.freeze(conflicts) });
}

/** Canonical JSON of effects, computed once per (deeply frozen) effect object. */
const effectKeys = new WeakMap<RuleEffect, string>();

function effectKey(effect: RuleEffect): string {
  let key = effectKeys.get(effect);
  if (key === undefined) {
    key = canonicalJson(effect);
    if (isDeepFrozen(effect)) effectKeys.set(effect, key);
  }
  return key;
}

/** The decision of a part one event alone decides, shared per (frozen) event. */
const soleWinners = new WeakMap<FiredEvent, PartDecision>();

function soleWinner(event: FiredEvent): PartDecision {
  let decision = soleWinners.get(event);
  if (decision === undefined) {
    decision = Object.freeze({ effect: event.effect, priority: event.priority, ruleIds: Object.freeze([event.ruleId]), overridden: Object.freeze([]) });
    if (isDeepFrozen(event)) soleWinners.set(event, decision);
  }
  return decision;
}

/** Finds a rule of a set by id. */
export function findRule(ruleSet: CompiledRuleSet, id: string): Rule | undefined {
  return getInternals(ruleSet).byId.get(id)?.rule;
}
