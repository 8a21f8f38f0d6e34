/**
 * A routing decision in words: what was decided, by which rules, on what legal basis. Used by every failure message
 * of `tthc/testing` and by the CLI's text output.
 */
import { periodText } from '../vocabulary.js';
import { describeValue, invalidArgument, describeValueVi } from '../errors.js';
import { A_DECISION, decisionLacks } from '../arguments.js';
import type { SkippedDay } from '../calendar/due-date.js';
import type { AppliedRule, ConditionTrace, DeadlineBasisRef, LegalBasisRef, RouteDecision, SkippedRule, UnitRef } from '../routing/types.js';
import { _showControls } from '../format/_strings.js';
import type { Lang } from '../format/types.js';
import { isLocalizedText } from '../vocabulary.js';
import {
  ACTION_TEXT,
  ARTICLE_UNVERIFIED_TEXT,
  BASIS_TEXT,
  CHANNEL_TEXT,
  conditionTextIn,
  CONFIDENCE_TEXT,
  DAY_REASON_TEXT,
  DEADLINE_SOURCE_TEXT,
  LEVEL_TEXT,
  NEEDED_TEXT,
  periodTextIn,
  SCOPE_TEXT,
  UNRESOLVED_REASON_TEXT,
  wordFor,
} from '../words.js';

/** Options of {@link formatDecision}. */
export interface FormatDecisionOptions {
  /** The language: English (default) or Vietnamese (`vi`), labels, generated sentences and data texts alike. */
  readonly lang?: Lang;
}

/** The labels and sentences a formatted decision is made of, per language. */
const LABELS = {
  en: {
    width: 10,
    procedure: 'Procedure',
    filing: 'Filing',
    competent: 'Competent',
    office: 'Office',
    scope: 'Scope',
    deadline: 'Deadline',
    due: 'Due',
    levels: 'levels',
    received: 'received',
    lawAsOf: 'law as of',
    managingTier: 'the tier that manages the case',
    undetermined: 'undetermined',
    levelUnitUndetermined: (level: string) => `level ${level}, unit undetermined; `,
    candidates: 'candidates',
    reason: 'reason',
    needs: 'needs',
    basis: 'basis',
    authority: 'authority',
    notNamed: 'not named in the catalogue',
    delegatedFrom: 'delegated from',
    noOffice: 'no receiving office',
    guidance: 'guidance',
    scopeNone: 'not decided by any rule',
    none: 'none',
    from: 'from the',
    statedAs: 'stated as',
    unresolved: 'unresolved',
    notApplicable: 'not applicable: no processing period',
    unavailable: 'unavailable',
    variant: 'variant',
    chosenCase: 'case of this dossier',
    official: 'on the official calendar',
    projected: 'projected from the statutory holiday rules, not yet an official calendar',
    statusUnknown: 'calendar status unknown',
    clockStarts: 'clock starts',
    calendar: 'calendar',
    stage: 'stage',
    ends: 'ends',
    rule: 'rule',
    confidence: 'confidence',
    skipped: 'skipped',
    projectedDay: 'projected',
    rulesApplied: 'Rules applied',
    rulesSkipped: 'Rules skipped',
    priority: 'priority',
    overridden: 'overridden',
    effect: 'effect',
    yes: 'yes',
    no: 'no ',
    firstFailing: 'first failing',
    conflicts: 'Conflicts',
    disagree: (ids: string, priority: number) => `rules ${ids} disagree at priority ${priority}; left undecided`,
    data: (c: string, r: string, cal: string, v: string) => `Data: catalogue ${c}, rules ${r}, calendar ${cal}, tthc ${v}`,
    stale: (named: string, on: string) => `stale: "${named}" was abolished on ${on}; `,
    noSuccessor: 'no successor named by the law: the text is stale',
    successor: 'successor',
    law: 'basis',
    override: 'override',
  },
  vi: {
    width: 12,
    procedure: 'Thủ tục',
    filing: 'Nộp hồ sơ',
    competent: 'Thẩm quyền',
    office: 'Tiếp nhận',
    scope: 'Phạm vi',
    deadline: 'Thời hạn',
    due: 'Hẹn trả',
    levels: 'cấp thực hiện',
    received: 'tiếp nhận lúc',
    lawAsOf: 'áp dụng pháp luật tại ngày',
    managingTier: 'cấp quản lý vụ việc',
    undetermined: 'chưa xác định',
    levelUnitUndetermined: (level: string) => `cấp ${level}, chưa xác định đơn vị; `,
    candidates: 'có thể là cấp',
    reason: 'lý do',
    needs: 'cần bổ sung',
    basis: 'căn cứ xác định',
    authority: 'cơ quan có thẩm quyền',
    notNamed: 'danh mục không nêu tên',
    delegatedFrom: 'được ủy quyền từ',
    noOffice: 'không qua bộ phận một cửa',
    guidance: 'hướng dẫn',
    scopeNone: 'không có quy tắc xác định',
    none: 'không có',
    from: 'theo',
    statedAs: 'ghi trong hồ sơ',
    unresolved: 'chưa xác định được',
    notApplicable: 'không áp dụng: thủ tục không có thời hạn giải quyết',
    unavailable: 'không có',
    variant: 'trường hợp',
    chosenCase: 'trường hợp của hồ sơ',
    official: 'theo lịch nghỉ chính thức',
    projected: 'dự kiến theo quy định về ngày nghỉ, chưa có lịch nghỉ chính thức',
    statusUnknown: 'chưa rõ trạng thái lịch',
    clockStarts: 'bắt đầu tính từ',
    calendar: 'phiên bản lịch',
    stage: 'giai đoạn',
    ends: 'kết thúc',
    rule: 'quy tắc',
    confidence: 'độ tin cậy',
    skipped: 'không tính',
    projectedDay: 'dự kiến',
    rulesApplied: 'Quy tắc được áp dụng',
    rulesSkipped: 'Quy tắc không áp dụng',
    priority: 'mức ưu tiên',
    overridden: 'bị quy tắc khác thay thế',
    effect: 'tác động',
    yes: 'đạt',
    no: 'không',
    firstFailing: 'điều kiện đầu tiên không đạt',
    conflicts: 'Mâu thuẫn',
    disagree: (ids: string, priority: number) => `các quy tắc ${ids} mâu thuẫn ở mức ưu tiên ${priority}; chưa quyết định`,
    data: (c: string, r: string, cal: string, v: string) => `Dữ liệu: danh mục ${c}, quy tắc ${r}, lịch ${cal}, tthc ${v}`,
    stale: (named: string, on: string) => `lưu ý: "${named}" đã chấm dứt hoạt động từ ngày ${on}; `,
    noSuccessor: 'pháp luật chưa nêu cơ quan kế thừa: nội dung này đã cũ',
    successor: 'cơ quan kế thừa',
    law: 'căn cứ pháp lý',
    override: 'điều chỉnh',
  },
} as const;

type Labels = (typeof LABELS)['en'] | (typeof LABELS)['vi'];


/**
 * Formats a decision as readable multi-line text: procedure, competent level and unit (or undetermined with its
 * candidates), the office's action with its reason and guidance, filing scope, deadline, due date with its calendar
 * status, each applied rule with its legal basis and conditions (expected and actual), each skipped rule with its first
 * failing condition, and conflicts.
 *
 * @param decision - A decision returned by `route()`.
 * @param options - `lang: 'vi'` for Vietnamese throughout (labels, tthc's own sentences, the rules' Vietnamese texts).
 * @returns The text, without a trailing newline.
 * @example
 * console.log(formatDecision(router.route(request)));
 */
export function formatDecision(decision: RouteDecision, options: FormatDecisionOptions = {}): string {
  checkDecisionShape(decision);
  const lang = options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'vi') {
    invalidArgument({ en: `options.lang: expected "vi" or "en", got ${describeValue(lang)}`, vi: `options.lang: cần "vi" hoặc "en", nhận được ${describeValueVi(lang)}` }, 'options.lang');
  }
  try {
    return formatCheckedDecision(decision, lang);
  } catch (error) {
    // A decision built by hand with a part missing deep inside gets a typed error. Decisions from route() are frozen:
    // a TypeError formatting one is a defect of ours, and stays one.
    if (error instanceof TypeError && !Object.isFrozen(decision)) {
      invalidArgument({ en: `decision: not a decision from route() (${error.message})`, vi: `decision: không phải là kết quả quyết định (decision) do route() trả về (${typeErrorVi(error)})` }, 'decision');
    }
    throw error;
  }
}

function checkDecisionShape(decision: unknown): void {
  const value = decision as Partial<Record<keyof RouteDecision, unknown>> | null;
  const missing =
    value === null || typeof value !== 'object'
      ? undefined
      : (['procedure', 'channel', 'competent', 'office', 'deadline', 'explanation'] as const).filter((key) => value[key] === undefined || value[key] === null);
  if (missing === undefined) {
    invalidArgument({ en: `decision: expected ${A_DECISION.en}, got ${describeValue(decision)}`, vi: `decision: cần ${A_DECISION.vi}, nhận được ${describeValueVi(decision)}` }, 'decision');
  }
  if (missing.length > 0) decisionLacks(missing);
  if (typeof value!.explanation !== 'object' || typeof value!.procedure !== 'object') {
    invalidArgument(
      {
        en: 'decision: expected a decision from route(); its procedure or explanation is not an object',
        vi: 'decision: cần một kết quả quyết định (decision) do route() trả về; procedure hoặc explanation của giá trị nhận được không phải là một đối tượng (object)',
      },
      'decision',
    );
  }
}

/**
 * What a TypeError met formatting a hand-built decision says, in Vietnamese: the engine's message is English, so only
 * the property it could not read (and of what) is carried over, when V8's wording gives it.
 */
function typeErrorVi(error: TypeError): string {
  const read = /of (undefined|null) \(reading '([^']{1,40})'\)/.exec(error.message);
  return read === null ? 'thiếu một phần bên trong hoặc có phần sai kiểu' : `thiếu một phần bên trong: không đọc được thuộc tính "${read[2]}" của ${read[1]}`;
}

function formatCheckedDecision(decision: RouteDecision, lang: Lang): string {
  const t: Labels = LABELS[lang];
  const vi = lang === 'vi';
  const lines: string[] = [];
  const field = (label: string, text: string): void => {
    lines.push(`${label.padEnd(t.width)}${text}`);
  };
  const more = (text: string): void => {
    lines.push(`${' '.repeat(t.width)}${text}`);
  };
  const level = (code: string): string => wordFor(LEVEL_TEXT, code, lang);
  const levels = (codes: readonly string[]): string => (codes.length === 0 ? t.none : codes.map(level).join(', '));

  const procedure = decision.procedure;
  field(t.procedure, `${procedure.code} ${procedure.name}`);
  const about = [procedure.sector, procedure.ministry].filter((part) => part !== '').join(', ');
  more(`${about === '' ? '' : `${about}; `}${t.levels}: ${levels(procedure.levels)}`);

  const receipt = decision.receipt as RouteDecision['receipt'] | undefined;
  const channel = vi ? wordFor(CHANNEL_TEXT, decision.channel, 'vi') : decision.channel;
  field(t.filing, `${channel}${receipt === undefined ? '' : `, ${t.received} ${receipt.receivedAt}, ${t.lawAsOf} ${receipt.asOf}`}`);

  const competent = decision.competent;
  if (competent.status === 'determined') {
    const shownLevel = competent.level === null ? t.managingTier : vi ? `cấp ${level(competent.level)}` : competent.level;
    const body = competent.body === undefined || competent.unit !== null ? '' : ` (${vi ? '' : `${competent.body.kind}: `}${competent.body.name})`;
    field(t.competent, `${shownLevel}${competent.unit === null ? '' : ` ${unitText(competent.unit)}`}${body}`);
  } else {
    const known = competent.level === null ? '' : t.levelUnitUndetermined(level(competent.level));
    const reasonClass = vi ? '' : ` (${competent.reasonClass})`;
    field(t.competent, `${t.undetermined}${reasonClass}; ${known}${t.candidates}: ${levels(competent.candidates)}`);
    more(`${t.reason}: ${vi ? competent.reasonVi : competent.reason}`);
    if (competent.needs !== undefined) more(`${t.needs}: ${competent.needs.map((need) => wordFor(NEEDED_TEXT, need, lang)).join(', ')}`);
  }
  if (competent.basis !== undefined) more(`${t.basis}: ${vi ? wordFor(BASIS_TEXT, competent.basis, 'vi') : competent.basis}`);
  const authority = competent.authority.trim() === '' ? t.notNamed : competent.authority;
  more(`${t.authority}: ${authority}${competent.delegatedFrom === undefined ? '' : ` (${t.delegatedFrom} ${competent.delegatedFrom})`}`);
  const stale = competent.authorityStale;
  if (stale !== undefined) {
    const successor = stale.successor === undefined ? t.noSuccessor : `${t.successor}: ${stale.successor.name} (${stale.successor.legalBasis.map((basis) => basisText(basis, lang)).join('; ')})`;
    more(`${t.stale(stale.named, stale.abolishedOn)}${successor}`);
  }

  const office = decision.office;
  const action = vi ? wordFor(ACTION_TEXT, office.action, 'vi') : office.action;
  field(t.office, `${office.unit === null ? t.noOffice : unitText(office.unit)}: ${action}`);
  more(`${t.reason}: ${vi ? (office.reasonVi ?? office.reason) : office.reason}`);
  const guidance = vi ? (office.guidanceVi ?? office.guidance) : office.guidance;
  if (guidance !== undefined && guidance !== '') more(`${t.guidance}: ${guidance}`);

  field(t.scope, decision.filingScope === null ? t.scopeNone : vi ? wordFor(SCOPE_TEXT, decision.filingScope, 'vi') : decision.filingScope);

  const deadline = decision.deadline;
  switch (deadline.status) {
    case 'resolved':
      field(t.deadline, `${periodTextIn(deadline, lang)} (${t.from} ${wordFor(DEADLINE_SOURCE_TEXT, deadline.source, lang)}; ${t.statedAs} ${JSON.stringify(deadline.raw)})`);
      break;
    case 'unresolved':
      field(t.deadline, `${t.unresolved}: ${vi ? deadline.reasonVi : deadline.reason} (${t.statedAs} ${JSON.stringify(deadline.raw)})`);
      break;
    case 'not-applicable':
      field(t.deadline, `${t.notApplicable} (${t.statedAs} ${JSON.stringify(deadline.raw)})`);
      break;
    case 'unavailable':
      field(t.deadline, `${t.unavailable}: ${vi ? (deadline.reasonVi ?? deadline.reason) : deadline.reason}`);
      break;
  }
  if (deadline.status !== 'unavailable') {
    for (const basis of deadline.basis ?? []) more(deadlineBasisText(basis, lang));
    if (deadline.status !== 'not-applicable') {
      if (deadline.status === 'resolved' && deadline.variant !== undefined) {
        const chosen = deadline.variant;
        more(`${t.chosenCase}: [${chosen.index}] ${vi ? chosen.condition : (chosen.conditionEn ?? chosen.condition)}`);
      }
      // Numbered as a request's deadlineVariant names them.
      (deadline.variants ?? []).forEach((variant, index) => more(`${t.variant} [${index}]: ${periodTextIn(variant, lang)} (${vi ? variant.condition : (variant.conditionEn ?? variant.condition)})`));
    }
  }

  if (decision.dueDate === null) {
    field(t.due, t.none);
  } else {
    const at = decision.dueAt === null ? '' : ` (${decision.dueAt})`;
    const status = decision.calendarStatus === 'official' ? t.official : decision.calendarStatus === 'projected' ? t.projected : t.statusUnknown;
    field(t.due, `${decision.dueDate}${at}, ${status}`);
  }

  const dueExplanation = decision.explanation?.dueDate;
  if (dueExplanation !== null && dueExplanation !== undefined && decision.dueDate !== null) {
    more(`${t.clockStarts} ${dueExplanation.clockStart}; ${t.calendar} ${dueExplanation.calendarVersion}`);
    for (const stage of dueExplanation.stages ?? []) more(`${t.stage}: ${periodTextIn(stage.deadline, lang)} ${vi ? 'tính từ' : 'from'} ${stage.from}, ${t.ends} ${stage.dueDate}`);
    for (const rule of dueExplanation.rules) {
      more(`${t.rule}: ${vi ? rule.ruleVi : rule.rule} (${rule.legalBasis}; ${t.confidence} ${wordFor(CONFIDENCE_TEXT, rule.confidence, lang)})`);
    }
    for (const day of dueExplanation.skipped) more(`${t.skipped} ${skippedDayText(day, lang)}`);
  }

  const applied = decision.explanation?.applied ?? [];
  const skipped = decision.explanation?.notApplied ?? [];
  lines.push(applied.length === 0 ? `${t.rulesApplied}: ${t.none}` : `${t.rulesApplied}:`);
  // Condition marks: "yes" when the leaf held (a leaf under `any` may say "no" in a rule that still applied).
  for (const rule of applied) lines.push(...appliedRuleLines(rule, t, lang));
  lines.push(skipped.length === 0 ? `${t.rulesSkipped}: ${t.none}` : `${t.rulesSkipped}:`);
  for (const rule of skipped) lines.push(...skippedRuleLines(rule, t, lang));

  const conflicts = decision.conflicts ?? [];
  if (conflicts.length > 0) {
    lines.push(`${t.conflicts}:`);
    for (const conflict of conflicts) lines.push(`  ! ${conflict.part}: ${t.disagree(conflict.ruleIds.join(', '), conflict.priority)}`);
  }

  if (receipt !== undefined) lines.push(t.data(receipt.catalogHash, receipt.rulesHash, receipt.calendarVersion, receipt.libraryVersion));
  // Names and texts come from data: a terminal must not act on what they hold.
  return _showControls(lines.join('\n'));
}

function appliedRuleLines(rule: AppliedRule, t: Labels, lang: Lang): string[] {
  const description = oneLine(lang === 'vi' ? (rule.descriptionVi ?? rule.description) : rule.description);
  const lines = [`  + ${rule.ruleId} [${rule.part}, ${t.priority} ${rule.priority}${rule.won ? '' : `, ${t.overridden}`}]${description === '' ? '' : ` ${description}`}`];
  const effect = Object.keys(rule.effect).length === 0 ? '' : JSON.stringify(effectIn(rule.effect, lang));
  if (effect !== '') lines.push(`      ${t.effect}: ${effect}`);
  for (const basis of rule.legalBasis) lines.push(`      ${t.law}: ${basisText(basis, lang)}`);
  for (const condition of rule.conditions) lines.push(`      ${conditionHolds(condition) ? t.yes : t.no} ${conditionTextIn(condition, lang)}`);
  return lines;
}

/** An effect as shown: its texts in the one language asked for. */
function effectIn(effect: Readonly<Record<string, unknown>>, lang: Lang): Readonly<Record<string, unknown>> {
  return Object.fromEntries(Object.entries(effect).map(([key, value]) => [key, isLocalizedText(value) ? value[lang] : value]));
}

function skippedRuleLines(rule: SkippedRule, t: Labels, lang: Lang): string[] {
  // A decision built by hand may lack the Vietnamese: the English sentence stands then.
  const reason = oneLine(lang === 'vi' ? (rule.reasonVi ?? rule.reason) : rule.reason);
  const lines = [`  - ${rule.ruleId}: ${reason}`];
  if (rule.failedCondition !== undefined) lines.push(`      ${t.firstFailing}: ${conditionTextIn(rule.failedCondition, lang)}`);
  return lines;
}

/** Folded YAML text keeps its line breaks and trailing newline; a line of output wants neither. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether the leaf let its rule apply: a negated leaf helps when its comparison fails. */
function conditionHolds(condition: ConditionTrace): boolean {
  return condition.passed !== condition.negated;
}

function deadlineBasisText(basis: DeadlineBasisRef, lang: Lang): string {
  const vi = lang === 'vi';
  if (basis.source !== 'override') return `${vi ? 'căn cứ' : 'basis'} (${wordFor(DEADLINE_SOURCE_TEXT, basis.source, lang)}): ${JSON.stringify(basis.text)}`;
  const law = basis.legalBasis.map((citation) => basisText(citation, lang)).join('; ');
  // What shows the record's value gives no due date (both texts of a contradiction, or what makes it not applicable).
  const why = vi ? basis.reasonVi : basis.reason;
  const after = why === undefined ? '' : ` ${vi ? 'Lý do' : 'Why'}: ${oneLine(why)}`;
  if (vi) return `căn cứ (văn bản pháp luật): ${law} (điều chỉnh ${basis.id}, độ tin cậy ${wordFor(CONFIDENCE_TEXT, basis.confidence, 'vi')}): ${basis.descriptionVi}${after}`;
  return `basis (law): ${law} (override ${basis.id}, confidence ${basis.confidence}): ${basis.description}${after}`;
}

function skippedDayText(day: SkippedDay, lang: Lang): string {
  if (lang === 'vi') {
    const name = day.name?.vi ?? day.holiday ?? '';
    const reason = day.reason === 'holiday' && name !== '' ? 'nghỉ' : wordFor(DAY_REASON_TEXT, day.reason, 'vi');
    return `${day.date} ${reason}${name === '' ? '' : ` ${name}`}${day.status === 'projected' ? ' (dự kiến)' : ''}`;
  }
  const name = day.name === undefined ? (day.holiday ?? '') : day.name.en;
  return `${day.date} ${day.reason}${name === '' ? '' : ` (${name})`}${day.status === 'projected' ? ', projected' : ''}`;
}

function basisText(basis: LegalBasisRef, lang: Lang): string {
  const given = basis.article !== undefined && basis.article !== '';
  const article = given ? `, ${basis.article}` : '';
  const unverified = basis.articleVerified !== false ? '' : wordFor(ARTICLE_UNVERIFIED_TEXT, given ? 'given' : 'missing', lang);
  const url = basis.url === undefined || basis.url === '' ? '' : ` <${basis.url}>`;
  return `${basis.document}${article}${unverified}${url}`;
}


function unitText(unit: UnitRef): string {
  return `${unit.code} ${unit.name}`;
}
