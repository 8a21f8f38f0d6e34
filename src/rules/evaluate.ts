/**
 * Evaluating compiled rules against one request, synchronously, and deciding each part of the decision from the
 * events that fired: highest priority wins; equal priority with different effects is a conflict, reported, never
 * resolved silently.
 */
import { invalidArgument } from '../errors.js';
import { deriveFacts } from './facts.js';
import type { RoutingFacts } from './facts.js';
import { compareIds, getInternals } from './compile.js';
import type { CompiledRule, ConditionCheck, FactRecord } from './compile.js';
import { canonicalJson } from './hash.js';
import { PART_OF_EFFECT } from './check.js';
import type { RuleEffect } from './schema.js';
import type { CompiledRuleSet, Rule } from './types.js';

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

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/**
 * Evaluates every applicable rule for a request. Sync, pure; the facts are not mutated.
 * @throws TthcError INVALID_ARGUMENT when facts is not an object or asOf is not YYYY-MM-DD.
 * @example evaluateRules(ruleSet, facts).fired.map((event) => event.ruleId)
 */
export function evaluateRules(ruleSet: CompiledRuleSet, facts: RoutingFacts, options: EvaluateRulesOptions = {}): RuleEvaluation {
  if (facts === null || typeof facts !== 'object') invalidArgument('facts must be an object');
  const asOf = (facts as { asOf?: unknown }).asOf;
  if (typeof asOf !== 'string' || !DATE.test(asOf)) invalidArgument(`facts.asOf must be a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const internals = getInternals(ruleSet);
  const derived = deriveFacts(facts);
  if (options.trace === true) return traceAll(internals.rules, derived, asOf);

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
    if (asOf < rule.validFrom || (rule.validTo !== undefined && asOf >= rule.validTo)) continue;
    if (candidate.levels.length > 0 && !hasLevels(levels, candidate.levels)) continue;
    if (candidate.test(derived)) fired.push({ ruleId: rule.id, priority: rule.priority, effect: rule.event });
  }
  return Object.freeze({ fired: Object.freeze(fired) });
}

function hasLevels(levels: unknown, required: readonly string[]): boolean {
  if (!Array.isArray(levels)) return false;
  for (const level of required) if (levels.indexOf(level) === -1) return false;
  return true;
}

function traceAll(rules: readonly CompiledRule[], facts: FactRecord, asOf: string): RuleEvaluation {
  const fired: FiredEvent[] = [];
  const trace: RuleTrace[] = [];
  const channel = facts['channel'];
  const province = facts['province'];
  const procedure = facts['procedure'];
  const levels = procedure !== null && typeof procedure === 'object' ? (procedure as { levels?: unknown }).levels : undefined;
  for (const compiled of rules) {
    const rule = compiled.rule;
    const ruleId = rule.id;
    if (asOf < rule.validFrom || (rule.validTo !== undefined && asOf >= rule.validTo)) {
      trace.push({ ruleId, applied: false, reason: 'validity', detail: `valid from ${rule.validFrom}${rule.validTo === undefined ? '' : ` until ${rule.validTo} (exclusive)`}; asOf is ${asOf}` });
      continue;
    }
    if (compiled.provinces !== null && !(typeof province === 'string' && compiled.provinces.has(province))) {
      trace.push({ ruleId, applied: false, reason: 'scope', detail: `limited to province ${[...compiled.provinces].join(', ')}; the request is in ${typeof province === 'string' ? province : 'no known province'}` });
      continue;
    }
    const explanation = compiled.explain(facts);
    const channelMiss = compiled.channels !== null && !(typeof channel === 'string' && compiled.channels.has(channel));
    const levelMiss = compiled.levels.length > 0 && !hasLevels(levels, compiled.levels);
    if (channelMiss || levelMiss) {
      const wanted = (check: ConditionCheck): boolean =>
        channelMiss ? check.fact === 'channel' && !check.passed : check.fact === 'procedure' && check.path === '$.levels' && !check.passed;
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
  return Object.freeze({ fired: Object.freeze(fired), trace: Object.freeze(trace) });
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
  const byPart = new Map<DecisionPart, FiredEvent[]>();
  for (const event of fired) {
    const part = PART_OF_EFFECT[event.effect.type];
    const list = byPart.get(part);
    if (list === undefined) byPart.set(part, [event]);
    else list.push(event);
  }
  const parts: Partial<Record<DecisionPart, PartDecision>> = {};
  const conflicts: RuleConflict[] = [];
  for (const [part, events] of byPart) {
    const top = Math.max(...events.map((event) => event.priority));
    const winners = events.filter((event) => event.priority === top).sort((a, b) => compareIds(a.ruleId, b.ruleId));
    const distinct = new Set(winners.map((event) => canonicalJson(event.effect)));
    if (distinct.size > 1) {
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
  conflicts.sort((a, b) => a.part.localeCompare(b.part));
  return Object.freeze({ parts: Object.freeze(parts) as DecidedParts['parts'], conflicts: Object.freeze(conflicts) });
}

/** Finds a rule of a set by id. */
export function findRule(ruleSet: CompiledRuleSet, id: string): Rule | undefined {
  return getInternals(ruleSet).byId.get(id)?.rule;
}
