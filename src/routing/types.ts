/**
 * The routing request and decision: plain, frozen, JSON-serialisable data.
 */
import type { CompetenceBasis, DeadlineUnit } from '../vocabulary.js';
import type { ConditionCheck } from '../rules/compile.js';
import type { DueDateStage, SkippedDay } from '../calendar/due-date.js';

/** Government level (cấp). */
export type Level = 'central' | 'province' | 'commune' | 'other';

/** How a dossier is filed. */
export type FilingChannel = 'in-person' | 'online' | 'post';

/**
 * What the receiving office does with the dossier: processes it, receives it and transfers it to the competent body,
 * helps the applicant file it online with the competent body (the office does not receive it itself: the portal
 * does, and the competent body returns the result), or refuses it.
 */
export type OfficeAction = 'process' | 'receive-and-transfer' | 'assist-online' | 'refuse';

/** How far filing reaches (boundary-free filing, không phụ thuộc địa giới hành chính). */
export type FilingScope = 'commune' | 'province' | 'nationwide';

/** One routing question: a procedure, where the applicant stands and lives, how and when they file. */
export interface RouteRequest {
  /** Procedure code, e.g. "1.001193". */
  readonly procedure: string;
  readonly channel: FilingChannel;
  /** Receipt time, ISO 8601 with an offset, e.g. "2026-02-12T10:00:00+07:00". */
  readonly receivedAt: string;
  /** Unit code of the office receiving the dossier (commune 5 digits, province 2 digits); needed in person. */
  readonly office?: string;
  /** Unit code of the applicant's residence (a commune, or a province when only that is known). */
  readonly residence?: string;
  /**
   * Unit code of the place of the case: where the land, property or establishment is, where the event happened, or
   * an organisation's head office. Procedures whose competence follows the case need it.
   */
  readonly subject?: string;
  /** Applicant type, e.g. "citizen", "foreigner"; see docs/rules.md. */
  readonly applicant?: string;
  /** The date whose law applies, YYYY-MM-DD; defaults to the receipt date in Vietnam. */
  readonly asOf?: string;
  /** Intervals when the clock stops (a request for supplements, a stop notice). */
  readonly pauses?: readonly { readonly from: string; readonly to: string }[];
  /**
   * The case of this dossier, when the channel's deadline names cases: an index (from 0) into the decision's
   * `deadline.variants`, as a decision without it lists them, for a deadline that is `resolved` (a base with other
   * cases) or `unresolved` `conditional` (no case is the default). The deadline and due date are then that case's, and
   * the decision's `deadline.variant` says which case it took. Without it, the deadline is the base (for cases known
   * at receipt, the longest) or, when no case is the default, unresolved. INVALID_ARGUMENT for an index the deadline
   * does not have, for a deadline unresolved for another reason (its cases' start is not known), and when a routing
   * rule sets the deadline whatever the case. A record's case counted from another event than receipt ("kể từ ngày
   * kết thúc kiểm tra") leaves the deadline unresolved, naming the event: its date is not known at receipt.
   */
  readonly deadlineVariant?: number;
}

/** A unit as shown in a decision. */
export interface UnitRef {
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'commune';
}

/** A legal basis cited by a rule. */
export interface LegalBasisRef {
  readonly document: string;
  readonly article?: string;
  readonly url?: string;
  /** false: the article (or, without one, which article states it) was not checked against the document's text. */
  readonly articleVerified?: false;
}

/** How the competent unit or body is found (see the catalogue's competence). */
export type { CompetenceBasis } from '../vocabulary.js';

/** A fact a request lacks that the decision needs. */
export type NeededFact = 'residence' | 'subject' | 'office';

/** The competent body as the catalogue names it, with its kind. */
export interface BodyRef {
  readonly kind: string;
  readonly name: string;
}

/** An authority text that names a body abolished in 2025, with the successor the law names, if any. */
export interface StaleAuthority {
  /** The abolished body as the text names it. */
  readonly named: string;
  readonly abolishedOn: string;
  readonly successor?: { readonly name: string; readonly legalBasis: readonly LegalBasisRef[]; readonly confidence: string };
}

export interface CompetentDetails {
  /** The competent authority as the catalogue names it, or the delegate when a delegation applies. */
  readonly authority: string;
  /** How the competent unit or body is found. */
  readonly basis?: CompetenceBasis;
  /** The competent body and its kind, when the catalogue names one. */
  readonly body?: BodyRef;
  /** Present when the authority text names an abolished body: never shown as if it existed. */
  readonly authorityStale?: StaleAuthority;
  readonly delegatedFrom?: string;
}

/** Who decides: determined, or explicitly not (never a guess). */
export type CompetentResult =
  | (CompetentDetails & {
      readonly status: 'determined';
      /** The level; null when a named body decides at the tier that manages the case (e.g. the tax office). */
      readonly level: Level | null;
      /** The competent unit; null when the level is central or other, or a named body decides. */
      readonly unit: UnitRef | null;
    })
  | (CompetentDetails & {
      readonly status: 'undetermined';
      /** The level when only the unit is undetermined. */
      readonly level: Level | null;
      readonly unit: null;
      /** Levels that could be competent. */
      readonly candidates: readonly Level[];
      readonly reason: string;
      /** The reason in Vietnamese. */
      readonly reasonVi: string;
      /**
       * Why: `needs` (the request lacks a fact, see `needs`), `case-fact` (the record makes it depend on a fact about
       * the case), `levels` (several levels and neither the record nor a rule says which), `rule` (the rules leave it).
       */
      readonly reasonClass: 'needs' | 'case-fact' | 'levels' | 'rule';
      readonly needs?: readonly NeededFact[];
    });

/** What the office in front of the applicant does. */
export interface OfficeDecision {
  /** The receiving office; null when filing online or by post. */
  readonly unit: UnitRef | null;
  readonly action: OfficeAction | 'undetermined';
  /** Why, in English (the rule's `reason.en`, or tthc's own words when no rule decides). */
  readonly reason: string;
  /** Why, in Vietnamese. */
  readonly reasonVi: string;
  /** What the applicant can do instead, in English. */
  readonly guidance?: string;
  /** What the applicant can do instead, in Vietnamese. */
  readonly guidanceVi?: string;
}

/** Units of a deadline in a decision (see the catalogue format). */
export type { DeadlineUnit } from '../vocabulary.js';

/**
 * What a deadline rests on: a text of the published record, quoted (`cell`, `description`, `steps`, `result`), or an
 * override of catalog/overrides citing the law.
 */
export type DeadlineBasisRef =
  | { readonly source: 'cell' | 'description' | 'steps' | 'result'; readonly text: string }
  | {
      readonly source: 'override';
      readonly id: string;
      /** What the override says, in English. */
      readonly description: string;
      /** What the override says, in Vietnamese. */
      readonly descriptionVi: string;
      readonly legalBasis: readonly LegalBasisRef[];
      readonly confidence: 'high' | 'medium' | 'low';
      /** For a not-applicable deadline: what shows there is no processing period; for an unresolved one, why. */
      readonly reason?: string;
      /** The reason in Vietnamese, with `reason`. */
      readonly reasonVi?: string;
    };

/** A period of a staged deadline after the first: it runs from the day the one before ends. */
export interface DeadlineStageRef {
  readonly value: number;
  readonly unit: 'working-days' | 'calendar-days' | 'months';
}

/** A conditional deadline: applies when the case is the one `condition` describes. */
export interface DeadlineVariantRef {
  readonly value: number;
  readonly unit: DeadlineUnit;
  readonly followedBy?: readonly DeadlineStageRef[] | undefined;
  /** When it applies, in Vietnamese: the record's own words, or an override's. */
  readonly condition: string;
  /** The same in English, where an override gives it (a record's own words are quoted in Vietnamese only). */
  readonly conditionEn?: string | undefined;
  /**
   * For a record's case whose text counts the period from another event than receipt, that event as quoted ("kể từ
   * ngày kết thúc kiểm tra"): choosing the case gives no due date.
   */
  readonly countedFrom?: string | undefined;
}

/** The case of a deadline a request chose (`deadlineVariant`). */
export interface ChosenVariantRef {
  /** Its index in `variants`. */
  readonly index: number;
  /** When it applies, in Vietnamese, as the variant says. */
  readonly condition: string;
  /** The same in English, where the variant gives it. */
  readonly conditionEn?: string;
}

/** The deadline that applies to the channel: the record's, the law's (an override), or a routing rule's. */
export type DecisionDeadline =
  | {
      readonly status: 'resolved';
      readonly value: number;
      readonly unit: DeadlineUnit;
      /** The periods that run after `value` `unit`, in order (a record's stages); the due date ends the last. */
      readonly followedBy?: readonly DeadlineStageRef[];
      readonly raw: string;
      /** Where the value comes from: the published record, an override citing the law, or a routing rule. */
      readonly source: 'catalogue' | 'override' | 'rule';
      readonly basis: readonly DeadlineBasisRef[];
      readonly variants?: readonly DeadlineVariantRef[];
      /** The case the request chose (`deadlineVariant`): `value`, `unit` and `followedBy` are that case's. */
      readonly variant?: ChosenVariantRef;
    }
  | {
      readonly status: 'unresolved';
      readonly raw: string;
      /** The reason class (missing, no-unit, contradictory, conditional, ...), or why a rule could not apply. */
      readonly reason: string;
      /** The reason in Vietnamese: the class in words ("các nội dung mâu thuẫn"), or the sentence. */
      readonly reasonVi: string;
      readonly basis: readonly DeadlineBasisRef[];
      readonly variants?: readonly DeadlineVariantRef[];
    }
  | {
      /** A filing with no processing period (a declaration with no result to wait for, or a procedure none is prescribed for): no due date. */
      readonly status: 'not-applicable';
      readonly raw: string;
      readonly basis: readonly DeadlineBasisRef[];
    }
  | { readonly status: 'unavailable'; readonly reason: string; readonly reasonVi: string };

/** One condition of a rule as evaluated: fact, path, operator, expected and actual values. */
export type ConditionTrace = ConditionCheck;

/** A rule that applied, with its effect and why. */
export interface AppliedRule {
  readonly ruleId: string;
  /** The rule's description in English. */
  readonly description: string;
  /** The rule's description in Vietnamese. */
  readonly descriptionVi: string;
  readonly part: string;
  readonly effect: Readonly<Record<string, unknown>>;
  readonly priority: number;
  readonly legalBasis: readonly LegalBasisRef[];
  readonly conditions: readonly ConditionTrace[];
  /** False when a higher-priority rule decided the same part. */
  readonly won: boolean;
}

/** A rule that did not apply, and the first reason why. */
export interface SkippedRule {
  readonly ruleId: string;
  /** Why, in English. */
  readonly reason: string;
  /** Why, in Vietnamese. */
  readonly reasonVi: string;
  /**
   * Why, as a class: `validity` (not in force on the request's date), `scope` (limited to other provinces), `index` or
   * `conditions` (a condition does not hold: `failedCondition`).
   */
  readonly reasonClass: 'validity' | 'scope' | 'index' | 'conditions';
  readonly failedCondition?: ConditionTrace;
}

/** Two applicable rules of equal priority that disagree on a part: the part is left undecided. */
export interface RuleConflict {
  readonly part: string;
  readonly priority: number;
  readonly ruleIds: readonly string[];
}

/** What is needed to reproduce a decision later. */
export interface DecisionReceipt {
  readonly catalogHash: string;
  readonly rulesHash: string;
  readonly calendarVersion: string;
  readonly libraryVersion: string;
  readonly asOf: string;
  readonly receivedAt: string;
}

/** The procedure as shown in a decision. */
export interface ProcedureRef {
  readonly code: string;
  readonly name: string;
  readonly sector: string;
  readonly ministry: string;
  readonly levels: readonly Level[];
}

/** The full answer to a {@link RouteRequest}. */
export interface RouteDecision {
  readonly procedure: ProcedureRef;
  readonly channel: FilingChannel;
  readonly competent: CompetentResult;
  readonly office: OfficeDecision;
  /** How far filing reaches; null when no rule decides it. */
  readonly filingScope: FilingScope | null;
  /** The channel's deadline; the online channel's when the office helps the applicant file online (assist-online). */
  readonly deadline: DecisionDeadline;
  /** Due date YYYY-MM-DD, or null when the deadline is unresolved or the dossier is refused. */
  readonly dueDate: string | null;
  /** Due time, ISO with +07:00, or null as for dueDate. */
  readonly dueAt: string | null;
  /** Whether the due date rests on an official yearly schedule or a projection from the statutory rules. */
  readonly calendarStatus: 'official' | 'projected' | null;
  readonly conflicts: readonly RuleConflict[];
  readonly explanation: {
    readonly applied: readonly AppliedRule[];
    readonly notApplied: readonly SkippedRule[];
    /** How the due date was computed: clock start, each skipped day and why, the calendar version. */
    readonly dueDate: DueDateExplanation | null;
  };
  readonly receipt: DecisionReceipt;
}

/** The calendar side of a decision's explanation. */
export interface DueDateExplanation {
  readonly clockStart: string;
  readonly skipped: readonly SkippedDay[];
  readonly rules: readonly { readonly rule: string; readonly ruleVi: string; readonly legalBasis: string; readonly confidence: string }[];
  /** For a staged deadline: each period, the day it counts from and the day it ends. */
  readonly stages?: readonly DueDateStage[];
  readonly calendarVersion: string;
}
