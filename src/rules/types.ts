/** The checked, normalised form of rules, shared by the compiler, the evaluators and the reference adapter. */
import type { LegalBasis, RootCondition, RuleEffect } from './schema.js';
import type { LocalizedText } from '../vocabulary.js';

/** Where a rule was written. */
export interface RuleSource {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** A checked rule. Plain frozen data. */
export interface Rule {
  readonly id: string;
  readonly description: LocalizedText;
  readonly legalBasis: readonly LegalBasis[];
  /** First day the rule applies (inclusive). */
  readonly validFrom: string;
  /** First day the rule no longer applies (exclusive). */
  readonly validTo?: string;
  /** Provinces the rule is limited to, matched against the derived `province` fact. */
  readonly scope?: { readonly provinces: readonly string[] };
  /** Higher wins within a part of the decision. */
  readonly priority: number;
  readonly conditions: RootCondition;
  readonly event: RuleEffect;
  readonly source?: RuleSource;
}

/**
 * A set of checked rules ready for evaluation. Plain frozen data: the compiled closures and indexes are kept
 * privately per set (and rebuilt on first use for a set that was copied or deserialised).
 */
export interface CompiledRuleSet {
  readonly rules: readonly Rule[];
  /** Content hash of the rules (see ruleSetHash), for reproducibility receipts. */
  readonly hash: string;
}
