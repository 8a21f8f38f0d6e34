/**
 * A routing decision in words: what was decided, by which rules, on what legal basis. Used by every failure message
 * of `tthc/testing` and by the CLI's text output.
 */
import { show } from './_checks.js';
import { periodText } from '../vocabulary.js';
import { describeValue, invalidArgument } from '../errors.js';
import type { SkippedDay } from '../calendar/due-date.js';
import type { AppliedRule, ConditionTrace, DeadlineBasisRef, LegalBasisRef, RouteDecision, SkippedRule, UnitRef } from '../routing/types.js';
import { _showControls } from '../format/_strings.js';

const LABEL_WIDTH = 10;

/**
 * Formats a decision as readable multi-line text: procedure, competent level and unit (or undetermined with its
 * candidates), the office's action with its reason and guidance, filing scope, deadline, due date with its calendar
 * status, each applied rule with its legal basis and conditions (expected and actual), each skipped rule with its first
 * failing condition, and conflicts.
 *
 * @param decision - A decision returned by `route()`.
 * @returns The text, without a trailing newline.
 * @example
 * console.log(formatDecision(router.route(request)));
 */
export function formatDecision(decision: RouteDecision): string {
  checkDecisionShape(decision);
  try {
    return formatCheckedDecision(decision);
  } catch (error) {
    // A decision built by hand with a part missing deep inside gets a typed error. Decisions from route() are frozen:
    // a TypeError formatting one is a defect of ours, and stays one.
    if (error instanceof TypeError && !Object.isFrozen(decision)) invalidArgument(`decision: not a decision from route() (${error.message})`, 'decision');
    throw error;
  }
}

function checkDecisionShape(decision: unknown): void {
  const value = decision as Partial<Record<keyof RouteDecision, unknown>> | null;
  const missing =
    value === null || typeof value !== 'object'
      ? undefined
      : (['procedure', 'channel', 'competent', 'office', 'deadline', 'explanation'] as const).filter((key) => value[key] === undefined || value[key] === null);
  if (missing === undefined) invalidArgument(`decision: expected a decision from route(), got ${describeValue(decision)}`, 'decision');
  if (missing.length > 0) invalidArgument(`decision: expected a decision from route(); it has no ${missing.join(', ')}`, 'decision');
  if (typeof value!.explanation !== 'object' || typeof value!.procedure !== 'object') {
    invalidArgument('decision: expected a decision from route(); its procedure or explanation is not an object', 'decision');
  }
}

function formatCheckedDecision(decision: RouteDecision): string {
  const lines: string[] = [];
  const field = (label: string, text: string): void => {
    lines.push(`${label.padEnd(LABEL_WIDTH)}${text}`);
  };
  const more = (text: string): void => {
    lines.push(`${' '.repeat(LABEL_WIDTH)}${text}`);
  };

  const procedure = decision.procedure;
  field('Procedure', `${procedure.code} ${procedure.name}`);
  const about = [procedure.sector, procedure.ministry].filter((part) => part !== '').join(', ');
  more(`${about === '' ? '' : `${about}; `}levels: ${listOrNone(procedure.levels)}`);

  const receipt = decision.receipt as RouteDecision['receipt'] | undefined;
  field('Filing', `${decision.channel}${receipt === undefined ? '' : `, received ${receipt.receivedAt}, law as of ${receipt.asOf}`}`);

  const competent = decision.competent;
  if (competent.status === 'determined') {
    const level = competent.level ?? 'the tier that manages the case';
    const body = competent.body === undefined || competent.unit !== null ? '' : ` (${competent.body.kind}: ${competent.body.name})`;
    field('Competent', `${level}${competent.unit === null ? '' : ` ${unitText(competent.unit)}`}${body}`);
  } else {
    const level = competent.level === null ? '' : `level ${competent.level}, unit undetermined; `;
    field('Competent', `undetermined (${competent.reasonClass}); ${level}candidates: ${listOrNone(competent.candidates)}`);
    more(`reason: ${competent.reason}`);
    if (competent.needs !== undefined) more(`needs: ${competent.needs.join(', ')}`);
  }
  if (competent.basis !== undefined) more(`basis: ${competent.basis}`);
  const authority = competent.authority.trim() === '' ? 'not named in the catalogue' : competent.authority;
  more(`authority: ${authority}${competent.delegatedFrom === undefined ? '' : ` (delegated from ${competent.delegatedFrom})`}`);
  const stale = competent.authorityStale;
  if (stale !== undefined) {
    const successor = stale.successor === undefined ? 'no successor named by the law: the text is stale' : `successor: ${stale.successor.name} (${stale.successor.legalBasis.map(basisText).join('; ')})`;
    more(`stale: "${stale.named}" was abolished on ${stale.abolishedOn}; ${successor}`);
  }

  const office = decision.office;
  field('Office', `${office.unit === null ? 'no receiving office' : unitText(office.unit)}: ${office.action}`);
  more(`reason: ${office.reason}`);
  if (office.guidance !== undefined && office.guidance !== '') more(`guidance: ${office.guidance}`);

  field('Scope', decision.filingScope ?? 'not decided by any rule');

  const deadline = decision.deadline;
  switch (deadline.status) {
    case 'resolved':
      field('Deadline', `${periodText(deadline)} (from the ${deadline.source}; stated as ${JSON.stringify(deadline.raw)})`);
      break;
    case 'unresolved':
      field('Deadline', `unresolved: ${deadline.reason} (stated as ${JSON.stringify(deadline.raw)})`);
      break;
    case 'not-applicable':
      field('Deadline', `not applicable: no processing period (stated as ${JSON.stringify(deadline.raw)})`);
      break;
    case 'unavailable':
      field('Deadline', `unavailable: ${deadline.reason}`);
      break;
  }
  if (deadline.status !== 'unavailable') {
    for (const basis of deadline.basis ?? []) more(deadlineBasisText(basis));
    if (deadline.status !== 'not-applicable') {
      for (const variant of deadline.variants ?? []) more(`variant: ${periodText(variant)} when ${variant.condition}`);
    }
  }

  if (decision.dueDate === null) {
    field('Due', 'none');
  } else {
    const at = decision.dueAt === null ? '' : ` (${decision.dueAt})`;
    const status =
      decision.calendarStatus === 'official'
        ? 'on the official calendar'
        : decision.calendarStatus === 'projected'
          ? 'projected from the statutory holiday rules, not yet an official calendar'
          : 'calendar status unknown';
    field('Due', `${decision.dueDate}${at}, ${status}`);
  }

  const dueExplanation = decision.explanation?.dueDate;
  if (dueExplanation !== null && dueExplanation !== undefined && decision.dueDate !== null) {
    more(`clock starts ${dueExplanation.clockStart}; calendar ${dueExplanation.calendarVersion}`);
    for (const stage of dueExplanation.stages ?? []) more(`stage: ${stage.deadline.value} ${stage.deadline.unit} from ${stage.from}, ends ${stage.dueDate}`);
    for (const rule of dueExplanation.rules) more(`rule: ${rule.rule} (${rule.legalBasis}; confidence ${rule.confidence})`);
    for (const day of dueExplanation.skipped) more(`skipped ${skippedDayText(day)}`);
  }

  const applied = decision.explanation?.applied ?? [];
  const skipped = decision.explanation?.notApplied ?? [];
  lines.push(applied.length === 0 ? 'Rules applied: none' : 'Rules applied:');
  // Condition marks: "yes" when the leaf held (a leaf under `any` may say "no" in a rule that still applied).
  for (const rule of applied) lines.push(...appliedRuleLines(rule));
  lines.push(skipped.length === 0 ? 'Rules skipped: none' : 'Rules skipped:');
  for (const rule of skipped) lines.push(...skippedRuleLines(rule));

  const conflicts = decision.conflicts ?? [];
  if (conflicts.length > 0) {
    lines.push('Conflicts:');
    for (const conflict of conflicts) {
      lines.push(`  ! ${conflict.part}: rules ${conflict.ruleIds.join(', ')} disagree at priority ${conflict.priority}; left undecided`);
    }
  }

  if (receipt !== undefined) {
    lines.push(
      `Data: catalogue ${receipt.catalogHash}, rules ${receipt.rulesHash}, calendar ${receipt.calendarVersion}, tthc ${receipt.libraryVersion}`,
    );
  }
  // Names and texts come from data: a terminal must not act on what they hold.
  return _showControls(lines.join('\n'));
}

function appliedRuleLines(rule: AppliedRule): string[] {
  const lines = [
    `  + ${rule.ruleId} [${rule.part}, priority ${rule.priority}${rule.won ? '' : ', overridden'}]${oneLine(rule.description) === '' ? '' : ` ${oneLine(rule.description)}`}`,
  ];
  const effect = Object.keys(rule.effect).length === 0 ? '' : JSON.stringify(rule.effect);
  if (effect !== '') lines.push(`      effect: ${effect}`);
  for (const basis of rule.legalBasis) lines.push(`      basis: ${basisText(basis)}`);
  for (const condition of rule.conditions) lines.push(`      ${conditionHolds(condition) ? 'yes' : 'no '} ${conditionText(condition)}`);
  return lines;
}

function skippedRuleLines(rule: SkippedRule): string[] {
  const lines = [`  - ${rule.ruleId}: ${oneLine(rule.reason)}`];
  if (rule.failedCondition !== undefined) lines.push(`      first failing: ${conditionText(rule.failedCondition)}`);
  return lines;
}

/** `residence.level equal "commune"; actual "province"`, with `not` for a negated leaf. */
function conditionText(condition: ConditionTrace): string {
  const from = condition.expectedFrom === undefined ? '' : ` (from ${factText(condition.expectedFrom.fact, condition.expectedFrom.path)})`;
  return `${condition.negated ? 'not ' : ''}${factText(condition.fact, condition.path)} ${condition.operator} ${show(condition.expected)}${from}; actual ${show(condition.actual)}`;
}

/** Folded YAML text keeps its line breaks and trailing newline; a line of output wants neither. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether the leaf let its rule apply: a negated leaf helps when its comparison fails. */
function conditionHolds(condition: ConditionTrace): boolean {
  return condition.passed !== condition.negated;
}

function factText(fact: string, path: string | undefined): string {
  return path === undefined || path === '' ? fact : `${fact}.${stripJsonPath(path)}`;
}

function deadlineBasisText(basis: DeadlineBasisRef): string {
  if (basis.source !== 'override') return `basis (${basis.source}): ${JSON.stringify(basis.text)}`;
  const law = basis.legalBasis.map(basisText).join('; ');
  return `basis (law): ${law} (override ${basis.id}, confidence ${basis.confidence}): ${basis.description}`;
}

/** json-rules-engine paths look like `$.level`; shown as `level`. */
function stripJsonPath(path: string): string {
  return path.replace(/^\$\.?/, '');
}

function skippedDayText(day: SkippedDay): string {
  const name = day.name === undefined ? (day.holiday ?? '') : day.name.en;
  return `${day.date} ${day.reason}${name === '' ? '' : ` (${name})`}${day.status === 'projected' ? ', projected' : ''}`;
}

function basisText(basis: LegalBasisRef): string {
  const article = basis.article === undefined || basis.article === '' ? '' : `, ${basis.article}`;
  const url = basis.url === undefined || basis.url === '' ? '' : ` <${basis.url}>`;
  return `${basis.document}${article}${url}`;
}

function unitText(unit: UnitRef): string {
  return `${unit.code} ${unit.name}`;
}

function listOrNone(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.join(', ');
}
