/**
 * One channel's deadline, read from the whole record: the channel table's cell, the row's description, the steps
 * (trình tự thực hiện) and the result field. Each deadline records its `basis`: the texts it rests on, quoted. Used
 * by the importer only; what the law settles beyond the record is in catalog/overrides, applied when the catalogue
 * is built.
 *
 * The order of trust: a cell that states value and unit; the same number with its unit in the row's description or
 * the steps (a bare "3" is "3 ngày làm việc" when the steps say so; "10 Ngày" is working days when the description
 * says "10 ngày làm việc"); a single period the row's description states for the result; a single period the steps
 * state for the result from receipt of the dossier. Texts that disagree with nothing to separate them make the
 * deadline `contradictory`, quoting both; rows that each name a case are variants, never a default.
 */
import { parseDeadline } from '../src/catalog/deadline.js';
import type { Deadline, DeadlineBasis, DeadlineSource, DeadlineUnit, DeadlineVariant } from '../src/catalog/schema.js';
import { countsFromReceipt, findStatements, laterStartOf, splitClauses } from './_deadline-text.js';
import type { Statement } from './_deadline-text.js';

/** One row of the channel table, as split from the page text. */
export interface DeadlineRow {
  readonly time: string;
  readonly description: string;
  /** The cell ran into the fee and could not be split (see splitChannels). */
  readonly glued?: string;
}

/** The record's texts beyond the channel table. */
export interface RecordTexts {
  readonly steps: string;
  readonly result: string;
}

const IMMEDIATE = /(^|[^\p{L}])ngay (sau )?khi [^.;]{0,60}(nhận|tiếp nhận) (đủ|đầy đủ)[^.;]{0,40}(hồ sơ|giấy tờ)/iu;
const NO_RESULT = /(không phải trả kết quả|không có kết quả giải quyết|không trả kết quả)/iu;
/** A case that extends the period of every dossier (a complex case, one needing verification, a justified delay). */
// Not "gia hạn": it also names a licence's renewal, a case known at receipt.
const EXTENSION = /(kéo dài|phức tạp|xác minh|thẩm tra bổ sung)/iu;
const CONDITION_START = /^\s*(\(?\d+\)|[a-zđ]\)|trường hợp|đối với|nếu|khi)/iu;
const QUOTE_LIMIT = 300;
/** A start that is the result being given: "kể từ ngày cấp chứng chỉ", "kể từ ngày được cấp giấy phép". */
const AFTER_RESULT = /^kể từ (?:ngày|khi|thời điểm) (?:được )?(?:cấp|ký|ban hành)\s/iu;
/** Someone compiling or sending the dossier or the request: "lập 01 bộ hồ sơ ... gửi", "có văn bản đề nghị ... gửi". */
const FILING = /(?:(?<!thành )(?:lập|gửi|nộp)\s(?:[^.;]{0,30}\s)?(?:hồ sơ|văn bản đề nghị|đơn)(?![\p{L}])|(?:làm|có) văn bản đề nghị)/iu;

function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function quote(text: string): string {
  const value = clean(text).replace(/^[-+*•]\s+/u, '');
  return value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT - 3)}...` : value;
}

function basisOf(source: DeadlineSource, text: string): DeadlineBasis {
  return { source, text: quote(text) };
}

function sameDeadline(a: Deadline, b: Deadline): boolean {
  if (a.status === 'resolved' && b.status === 'resolved') return a.value === b.value && a.unit === b.unit;
  return a.status === b.status && a.raw === b.raw;
}

/** "Cấp lại giấy phép bị mất, hỏng: 07 ngày làm việc": a case named before a colon (a body named there is a step). */
const CASE_LABEL = /^([^:]{3,200}):\s*(?:không quá |trong (?:thời hạn |vòng )?)?\(?\d/iu;
const BODY_LABEL = /^(bộ phận|cơ quan|ủy ban|uỷ ban|ubnd|sở|phòng|cục|chi cục|trung tâm|công an|hội đồng|bộ |tổng cục|văn phòng|ban |niêm yết|thẩm định|lấy ý kiến)/iu;

/** A row's description names a case: it is a variant's condition, not the deadline of every dossier. */
function isConditionText(description: string): boolean {
  const text = clean(description);
  if (text === '') return false;
  if (CONDITION_START.test(text) || /(trường hợp|đối với)/iu.test(text.slice(0, 200))) return true;
  const label = CASE_LABEL.exec(text);
  return label !== null && !BODY_LABEL.test(label[1]!);
}

/** The unit the texts give a bare number: the same number stated with a unit, description first, then the steps. */
function unitFromTexts(value: number, sources: readonly { source: DeadlineSource; statements: readonly Statement[] }[]): { unit: DeadlineUnit; basis: DeadlineBasis } | 'ambiguous' | undefined {
  for (const { source, statements } of sources) {
    const matching = statements.filter((statement) => statement.value === value && !statement.supplement);
    const units = new Set(matching.map((statement) => statement.unit));
    if (units.size === 1) return { unit: matching[0]!.unit, basis: basisOf(source, matching[0]!.clause) };
    if (units.size > 1) {
      // "05 ngày làm việc" and "05 ngày" in one text: the working-day reading is the precise one when it is tied to the result.
      const result = matching.filter((statement) => statement.role === 'result');
      const resultUnits = new Set(result.map((statement) => statement.unit));
      if (resultUnits.size === 1) return { unit: result[0]!.unit, basis: basisOf(source, result[0]!.clause) };
      return 'ambiguous';
    }
  }
  return undefined;
}

/**
 * The single period a text states for the result: every period it states outside conditions and supplement requests
 * is the same, and at least one is tied to the result. `strict` (for the steps) also requires it to run from receipt
 * of the dossier.
 */
function singleResultPeriod(statements: readonly Statement[], strict: boolean): Statement | 'several' | undefined {
  const stated = statements.filter((statement) => !statement.conditional && !statement.supplement);
  const distinct = new Map<string, Statement>();
  for (const statement of stated) distinct.set(`${statement.value}|${statement.unit}`, statement);
  if (distinct.size > 1) return 'several';
  const result = stated.find((statement) => statement.role === 'result' && (!strict || countsFromReceipt(statement.clause)));
  return result;
}

/** The one period the row's description states for the result, else the one the steps state from receipt. */
function statedPeriod(description: readonly Statement[], steps: readonly Statement[]): { source: DeadlineSource; statement: Statement } | undefined {
  const fromDescription = singleResultPeriod(description, false);
  if (fromDescription === 'several') return undefined;
  if (fromDescription !== undefined) return { source: 'description', statement: fromDescription };
  const fromSteps = singleResultPeriod(steps, true);
  return fromSteps === undefined || fromSteps === 'several' ? undefined : { source: 'steps', statement: fromSteps };
}

/**
 * A case a record's own text states, quoted; with the event its period is counted from when the text names one that
 * is not receipt ("03 ngày làm việc kể từ ngày kết thúc kiểm tra"), since such a case has no date at receipt.
 */
function recordVariant(value: number, unit: DeadlineUnit, text: string, source: DeadlineSource): DeadlineVariant {
  const countedFrom = laterStartOf(clean(text));
  return { value, unit, condition: quote(text), source, ...(countedFrom === undefined ? {} : { countedFrom }) };
}

/** Conditional periods a description states, one per clause stating exactly one, other than the main deadline. */
function variantsIn(text: string, source: DeadlineSource, main: Deadline | undefined): DeadlineVariant[] {
  const variants: DeadlineVariant[] = [];
  for (const clause of splitClauses(text)) {
    if (clause.length > 400) continue;
    const statements = findStatements(clause).filter((statement) => statement.role !== 'step');
    if (statements.length !== 1 || !statements[0]!.conditional) continue;
    const { value, unit } = statements[0]!;
    if (main?.status === 'resolved' && main.value === value && main.unit === unit) continue;
    if (variants.some((known) => known.value === value && known.unit === unit && known.condition === quote(clause))) continue;
    variants.push(recordVariant(value, unit, clause, source));
  }
  return variants;
}

/** Days of either kind: a cell's "10 Ngày" and the steps' "10 ngày làm việc" are one period read twice. */
function samePeriod(statement: Statement, value: number, unit: DeadlineUnit): boolean {
  const days = (of: DeadlineUnit): string => (of === 'working-days' || of === 'calendar-days' ? 'days' : of);
  return statement.value === value && days(statement.unit) === days(unit) && !statement.supplement;
}

/**
 * A period the texts count from a later event than receipt ("Trong thời hạn 02 ngày làm việc kể từ ngày kết thúc việc
 * kiểm tra, đánh giá thực tế", "15 ngày kể từ ngày Hội đồng nhân dân cấp tỉnh thông qua"): counted from receipt, its
 * due date comes early, and the event's date is not known at receipt. When every statement of the period that names a
 * start names another event, it is `later-start`; when the texts also count it from receipt and the later count is
 * not an applicant's or a follow-up step ("Thời hạn tuyển chọn: 24 ngày làm việc kể từ ngày tiếp nhận hồ sơ" beside
 * "24 ngày làm việc, kể từ ngày kết thúc công việc công bố danh mục"), the record contradicts itself.
 * @returns the reading with the clauses it rests on, else undefined (no statement counts the period from a later event)
 */
function laterStartReading(
  value: number,
  unit: DeadlineUnit,
  sources: readonly { source: DeadlineSource; statements: readonly Statement[]; text: string }[],
): { reason: 'later-start' | 'contradictory'; basis: DeadlineBasis[]; event?: string } | undefined {
  const matching = sources.flatMap(({ source, statements, text }) => {
    const whole = clean(text);
    return statements.filter((statement) => samePeriod(statement, value, unit)).map((statement) => ({ source, statement, sentence: sentenceOf(whole, statement.clause) }));
  });
  // A period counted from the result itself ("05 ngày, kể từ ngày cấp chứng chỉ, ... đăng tải thông tin") is a duty
  // that follows the result, not the time to it.
  // Nor is a period to file ("..., công ty gửi hồ sơ thông báo tới Cơ quan đăng ký kinh doanh"): it ends at receipt.
  const later = matching.filter(({ sentence }) => {
    const start = laterStartOf(sentence);
    return start !== undefined && !AFTER_RESULT.test(start) && !FILING.test(sentence.slice(sentence.indexOf(start) + start.length));
  });
  if (later.length === 0) return undefined;
  const fromReceipt = matching.find(({ sentence }) => countsFromReceipt(sentence));
  if (fromReceipt === undefined) return { reason: 'later-start', basis: [basisOf(later[0]!.source, later[0]!.sentence)], event: laterStartOf(later[0]!.sentence)! };
  // The role read again on the whole sentence: "..., cơ quan quản lý nhà ở cấp tỉnh phải lập báo cáo" is past a break.
  const roleOf = (sentence: string, statement: Statement): Statement['role'] => findStatements(sentence).find((found) => samePeriod(found, value, unit))?.role ?? statement.role;
  const competing = later.find(({ statement, sentence }) => roleOf(sentence, statement) !== 'step');
  if (competing === undefined) return undefined;
  return { reason: 'contradictory', basis: [basisOf(fromReceipt.source, fromReceipt.sentence), basisOf(competing.source, competing.sentence)] };
}

/**
 * A clause with the rest of its sentence: the portal breaks lines inside sentences ("... 03 ngày làm việc kể từ
 * ngày" / "nhận được hồ sơ ..."), and the start of a period is often past the break.
 */
function sentenceOf(whole: string, clause: string): string {
  if (/[.;:]$/u.test(clause)) return clause;
  const at = whole.indexOf(clause);
  if (at < 0) return clause;
  const rest = whole.slice(at + clause.length, at + clause.length + 200);
  const end = rest.search(/[.;]/u);
  return clause + (end < 0 ? rest : rest.slice(0, end + 1));
}

/**
 * Reads the time cell of one row with what the rest of the record says about it; a period the record counts from a
 * later event than receipt is `later-start` (or `contradictory`, see laterStartReading), quoting the texts.
 * @returns the deadline this row states, with its basis
 */
function rowDeadline(row: DeadlineRow, texts: RecordTexts): RowReading {
  const description = findStatements(row.description);
  const steps = findStatements(texts.steps);
  const read = readRow(row, texts, description, steps);
  if (read.status !== 'resolved' || read.unit === 'same-day') return { deadline: read };
  const later = laterStartReading(read.value, read.unit, [
    { source: 'description', statements: description, text: row.description },
    { source: 'steps', statements: steps, text: texts.steps },
  ]);
  if (later === undefined) return { deadline: read };
  const basis = [...(read.basis ?? []).filter((entry) => entry.source === 'cell'), ...later.basis];
  const deadline: Deadline = { status: 'unresolved', raw: read.raw, reason: later.reason, basis, ...(read.variants === undefined ? {} : { variants: read.variants }) };
  return later.event === undefined ? { deadline } : { deadline, counted: { value: read.value, unit: read.unit, from: later.event } };
}

/** A row's deadline; for one counted from a later event, the period as read and the event, for a row that is a case. */
interface RowReading {
  readonly deadline: Deadline;
  readonly counted?: { readonly value: number; readonly unit: DeadlineUnit; readonly from: string };
}

function readRow(row: DeadlineRow, texts: RecordTexts, description: readonly Statement[], steps: readonly Statement[]): Deadline {
  if (row.glued !== undefined) {
    // The digits of the cell are not known, but the record may state the period elsewhere.
    const raw = clean(row.glued);
    const stated = statedPeriod(description, steps);
    if (stated !== undefined) {
      return { status: 'resolved', value: stated.statement.value, unit: stated.statement.unit, raw, basis: [basisOf('cell', raw), basisOf(stated.source, stated.statement.clause)] };
    }
    return { status: 'unresolved', raw, reason: 'fee-glued', basis: [basisOf('cell', raw)] };
  }
  const cell = parseDeadline(row.time);
  const raw = cell.raw;
  const sources = [
    { source: 'description' as const, statements: description },
    { source: 'steps' as const, statements: steps },
  ];
  const cellBasis = cell.status === 'unresolved' && cell.reason === 'missing' ? [] : [basisOf('cell', raw)];

  if (NO_RESULT.test(raw)) return { status: 'not-applicable', raw, basis: [basisOf('cell', raw)] };

  if (cell.status === 'resolved') {
    if (cell.unit === 'calendar-days') {
      // "10 Ngày" with "10 ngày làm việc" in the row or the steps: the portal's unit list was set loosely.
      for (const { source, statements } of sources) {
        const working = statements.find((statement) => statement.value === cell.value && statement.unit === 'working-days' && !statement.supplement);
        if (working !== undefined) {
          return { status: 'resolved', value: cell.value, unit: 'working-days', raw, basis: [...cellBasis, basisOf(source, working.clause)] };
        }
      }
    }
    const confirming = description.find((statement) => statement.value === cell.value && statement.unit === cell.unit);
    const basis = confirming === undefined ? cellBasis : [...cellBasis, basisOf('description', confirming.clause)];
    if (confirming !== undefined && confirming.conditional) {
      // The cell is one named case; the one other period the row states for the result is the other.
      const other = singleResultPeriod(description.filter((statement) => statement.value !== cell.value || !statement.conditional), false);
      if (other !== undefined && other !== 'several') {
        const shorter = other.unit === 'same-day' ? cell.unit === 'working-days' : other.unit === cell.unit && other.value < cell.value;
        // "60 Ngày" with "không quá 30 ngày ...; vụ việc phức tạp ... không quá 60 ngày": the cell gave the longest
        // case, an extension of the period every dossier has, so the period every dossier has is the base.
        if (shorter && EXTENSION.test(confirming.clause)) {
          return { status: 'resolved', value: other.value, unit: other.unit, raw, basis: [...cellBasis, basisOf('description', other.clause)] };
        }
        // A cell that is a case of its own ("Trường hợp cấp mới: 07 ngày làm việc" beside "cấp lại ... 02 ngày làm
        // việc") stays the base, the shorter case a variant (a longer one would have to be the base).
        if (shorter && other.unit === cell.unit) {
          return { status: 'resolved', value: cell.value, unit: cell.unit, raw, basis, variants: [recordVariant(other.value, other.unit, other.clause, 'description')] };
        }
      }
    }
    return { status: 'resolved', value: cell.value, unit: cell.unit, raw, basis };
  }

  // "0 Giờ" or nothing, with "ngay sau khi tiếp nhận đầy đủ ..." in the row: done on receipt.
  if ((cell.reason === 'zero' || cell.reason === 'missing') && IMMEDIATE.test(row.description)) {
    const clause = splitClauses(row.description).find((text) => IMMEDIATE.test(text)) ?? row.description;
    return { status: 'resolved', value: 0, unit: 'same-day', raw, basis: [...cellBasis, basisOf('description', clause)] };
  }

  if (cell.reason === 'no-unit') {
    const value = Number(raw.replace(',', '.'));
    if (NO_RESULT.test(texts.result)) return { status: 'not-applicable', raw, basis: [...cellBasis, basisOf('result', texts.result)] };
    // A bare "1" is the portal's placeholder (598 cells): a "01 ngày làm việc" somewhere in the steps is no evidence
    // of its unit, so only a single period the record states for the result counts (below).
    const found = value === 1 ? undefined : unitFromTexts(value, sources);
    if (found === 'ambiguous') return { ...cell, basis: cellBasis };
    if (found !== undefined) {
      return value === 0 ? { ...cell, reason: 'zero', basis: cellBasis } : { status: 'resolved', value, unit: found.unit, raw, basis: [...cellBasis, found.basis] };
    }
    if (value === 1) {
      const stated = statedPeriod(description, steps);
      if (stated !== undefined) return { status: 'resolved', value: stated.statement.value, unit: stated.statement.unit, raw, basis: [...cellBasis, basisOf(stated.source, stated.statement.clause)] };
    }
    return { ...cell, basis: cellBasis };
  }

  if (cell.reason === 'missing' || cell.reason === 'no-number') {
    if (NO_RESULT.test(texts.result) && cell.reason === 'missing') {
      return { status: 'not-applicable', raw, basis: [basisOf('result', texts.result)] };
    }
    const stated = statedPeriod(description, steps);
    if (stated !== undefined) return { status: 'resolved', value: stated.statement.value, unit: stated.statement.unit, raw, basis: [...cellBasis, basisOf(stated.source, stated.statement.clause)] };
  }
  return cellBasis.length === 0 ? cell : { ...cell, basis: cellBasis };
}

/**
 * The deadline of one channel from all its rows. Rows whose description names a case are variants; rows without a
 * condition that disagree make the deadline contradictory; when every row names a case and they differ, there is
 * no default and the deadline is `conditional`.
 */
export function resolveChannelDeadline(rows: readonly DeadlineRow[], texts: RecordTexts): Deadline {
  const named = rows.map((row) => isConditionText(row.description));
  // Beside rows that name their case, a row with text of its own is one more case, not the default (the default row of
  // a channel carries no text, as in the defence records); a row left without its label is still a case.
  const anyNamed = named.some(Boolean);
  const read = rows.map((row, index) => ({
    row,
    ...rowDeadline(row, texts),
    conditional: named[index]! || (anyNamed && row.description.trim() !== ''),
  }));
  const plain = read.filter((entry) => !entry.conditional);
  const distinctPlain: typeof read = [];
  for (const entry of plain) if (!distinctPlain.some((known) => sameDeadline(known.deadline, entry.deadline))) distinctPlain.push(entry);

  let deadline: Deadline;
  const variants: DeadlineVariant[] = [];
  const withRowVariants = (chosen: Deadline): Deadline => {
    // The cases a row's own texts name beside its cell (see rowDeadline) are the channel's too.
    if (chosen.status !== 'not-applicable') for (const variant of chosen.variants ?? []) variants.push(variant);
    return chosen;
  };
  if (distinctPlain.length > 1) {
    const resolved = distinctPlain.filter((entry) => entry.deadline.status === 'resolved');
    if (resolved.length === 1) {
      // One row states a period, the others state nothing ("90 Ngày" and "Không có thông tin"): the period stands.
      const blank = distinctPlain.every((entry) => entry.deadline.status === 'resolved' || (entry.deadline.status === 'unresolved' && entry.deadline.reason === 'missing'));
      deadline = blank ? resolved[0]!.deadline : contradictory(distinctPlain.map((entry) => entry.deadline));
    } else {
      deadline = contradictory(distinctPlain.map((entry) => entry.deadline));
    }
  } else if (distinctPlain.length === 1) {
    deadline = withRowVariants(distinctPlain[0]!.deadline);
  } else {
    const distinct: typeof read = [];
    for (const entry of read) if (!distinct.some((known) => sameDeadline(known.deadline, entry.deadline))) distinct.push(entry);
    deadline =
      distinct.length === 1
        ? distinct[0]!.deadline
        : { status: 'unresolved', raw: distinct.map((entry) => entry.deadline.raw).join(' | '), reason: 'conditional' };
  }
  for (const entry of read) {
    if (!entry.conditional || sameDeadline(entry.deadline, deadline)) continue;
    // A row's case counted from a later event stays a case, with the event: it is dated at receipt no more than the base.
    const period = entry.deadline.status === 'resolved' ? entry.deadline : entry.counted;
    if (period === undefined) continue;
    const { value, unit } = period;
    if (variants.some((known) => known.value === value && known.unit === unit)) continue;
    const variant = recordVariant(value, unit, entry.row.description, 'description');
    variants.push(entry.counted === undefined || variant.countedFrom !== undefined ? variant : { ...variant, countedFrom: entry.counted.from });
  }
  for (const description of new Set(rows.map((row) => row.description).filter((text) => text.trim() !== ''))) {
    for (const variant of variantsIn(description, 'description', deadline)) {
      if (!variants.some((known) => known.value === variant.value && known.unit === variant.unit)) variants.push(variant);
    }
  }
  if (deadline.status === 'not-applicable' || variants.length === 0) return deadline;
  if (deadline.status === 'unresolved' && deadline.reason === 'missing' && variants.length > 0) {
    return { ...deadline, reason: 'conditional', variants };
  }
  return { ...deadline, variants };
}

function contradictory(deadlines: readonly Deadline[]): Deadline {
  const basis: DeadlineBasis[] = [];
  for (const deadline of deadlines) for (const entry of deadline.basis ?? [basisOf('cell', deadline.raw || '(empty)')]) {
    if (!basis.some((known) => known.source === entry.source && known.text === entry.text)) basis.push(entry);
  }
  return { status: 'unresolved', raw: deadlines.map((deadline) => deadline.raw).join(' | '), reason: 'contradictory', basis };
}
