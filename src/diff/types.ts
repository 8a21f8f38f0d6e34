/**
 * The result of comparing two datasets: plain, frozen, JSON-serialisable data, formatted by the functions of
 * ./format.ts.
 */
import type { FilingChannel } from '../routing/types.js';

/** A value as compared: JSON data, or null when absent on that side. */
export type DiffValue = string | number | boolean | null | readonly DiffValue[] | { readonly [key: string]: DiffValue };

/** One field that differs between the two sides. */
export interface FieldChange {
  /** Field name, e.g. `levels`, `competentAuthority`, `online.deadline`, `in-person.fee`, `priority`, `conditions`. */
  readonly field: string;
  /** The old value; null when the field was absent. */
  readonly old: DiffValue;
  /** The new value; null when the field is absent. */
  readonly new: DiffValue;
  /**
   * The old and new values in Vietnamese, present only where tthc writes the value itself in words (a unit's
   * `versions`); elsewhere the values are the data, the same in both languages.
   */
  readonly oldVi?: DiffValue;
  readonly newVi?: DiffValue;
}

/** A procedure as listed in a diff. */
export interface ProcedureSummary {
  readonly code: string;
  readonly name: string;
  readonly levels: readonly string[];
}

export interface ProcedureChange {
  readonly code: string;
  /** The new name. */
  readonly name: string;
  readonly changes: readonly FieldChange[];
}

/** A unit as listed in a diff: its current (latest) version. */
export interface UnitSummary {
  readonly code: string;
  readonly level: 'province' | 'commune';
  readonly name: string;
}

export interface UnitChange {
  readonly code: string;
  readonly name: string;
  readonly changes: readonly FieldChange[];
}

/** An entry with an id (a rule, an override, an abolished body) as listed in a diff. */
export interface EntrySummary {
  readonly id: string;
  readonly description: string;
  /** The file it is written in, when known. */
  readonly file: string | null;
  /** What it does, in one line. */
  readonly effect: string;
  /** What it does, in one line, in Vietnamese (the Vietnamese of the rule's texts); absent in a diff read from English JSON. */
  readonly effectVi?: string;
}

export interface EntryChange {
  readonly id: string;
  readonly description: string;
  readonly file: string | null;
  readonly changes: readonly FieldChange[];
}

/** A rule as listed in a diff. */
export type RuleSummary = EntrySummary;
export type RuleChange = EntryChange;

export interface AddedRemovedChanged<A, C> {
  readonly added: readonly A[];
  readonly removed: readonly A[];
  readonly changed: readonly C[];
}

/** Identifiers of the standard requests; see {@link STANDARD_REQUESTS}. */
export type StandardRequestId = 'in-person-home' | 'in-person-same-province' | 'in-person-other-province' | 'online';

/** A request every affected procedure is routed with, on both sides. */
export interface StandardRequest {
  readonly id: StandardRequestId;
  readonly description: string;
  /** The description in Vietnamese. */
  readonly descriptionVi?: string;
  readonly channel: FilingChannel;
  /** Unit code of the receiving office; null online. */
  readonly office: string | null;
  readonly residence: string;
  /** `local`: procedures with a commune or province level; `all`: every procedure. */
  readonly appliesTo: 'local' | 'all';
}

/** The parts of a routing decision a diff compares. */
export type DecisionPart =
  | 'competent.level'
  | 'competent.unit'
  | 'competent.authority'
  | 'office.action'
  | 'filingScope'
  | 'deadline'
  | 'dueDate'
  | 'error';

export interface DecisionPartChange {
  readonly part: DecisionPart;
  /** The old side's value as shown; null when the part has no value (no filing scope, no due date, no error). */
  readonly old: string | null;
  readonly new: string | null;
  /** The two values in Vietnamese (levels, actions, scopes and deadlines in words); absent in a diff read from English JSON. */
  readonly oldVi?: string | null;
  readonly newVi?: string | null;
}

/** How a procedure's decision on one standard request changes. */
export interface RoutingChange {
  readonly procedure: string;
  readonly name: string;
  readonly request: StandardRequestId;
  readonly changes: readonly DecisionPartChange[];
}

/** The routing comparison: what was routed and what differs. */
export interface RoutingDiff {
  /** Receipt time of every standard request. */
  readonly receivedAt: string;
  readonly requests: readonly StandardRequest[];
  /**
   * `all`: every procedure on both sides was routed (rules, units or calendar changed); `changed`: the changed
   * procedures and those an added, removed or changed override selects.
   */
  readonly scope: 'all' | 'changed' | 'none';
  /** How many procedures were routed (each on both sides). */
  readonly proceduresRouted: number;
  /** How many (procedure, request) pairs were compared. */
  readonly routes: number;
  readonly changes: readonly RoutingChange[];
}

export interface DiffSummary {
  readonly procedures: { readonly added: number; readonly removed: number; readonly changed: number };
  readonly units: { readonly added: number; readonly removed: number; readonly changed: number };
  readonly rules: { readonly added: number; readonly removed: number; readonly changed: number };
  readonly overrides: { readonly added: number; readonly removed: number; readonly changed: number };
  readonly bodies: { readonly added: number; readonly removed: number; readonly changed: number };
  readonly calendarChanged: boolean;
  /** Procedures whose decision changes on at least one standard request. */
  readonly routingChanged: number;
}

/** Everything that differs between two datasets. */
export interface DatasetDiff {
  readonly summary: DiffSummary;
  readonly procedures: AddedRemovedChanged<ProcedureSummary, ProcedureChange>;
  readonly units: AddedRemovedChanged<UnitSummary, UnitChange>;
  readonly rules: AddedRemovedChanged<RuleSummary, RuleChange>;
  /** Overrides of the catalogue (catalog/overrides), by id. */
  readonly overrides: AddedRemovedChanged<EntrySummary, EntryChange>;
  /** Abolished bodies (catalog/bodies), by id. */
  readonly bodies: AddedRemovedChanged<EntrySummary, EntryChange>;
  /** The calendar versions when they differ, else null. */
  readonly calendar: { readonly old: string; readonly new: string } | null;
  readonly routing: RoutingDiff;
}
