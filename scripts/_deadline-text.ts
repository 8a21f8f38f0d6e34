/**
 * Finding the time limits a record states in its prose (the channel's description, the steps): the statements a
 * reviewer reads to check the deadline cell. Used by the importer only. Every statement keeps its clause, so a
 * deadline resting on it can quote it.
 */
import type { DeadlineUnit } from '../src/catalog/schema.js';

/** One period stated in prose: "trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ". */
export interface Statement {
  readonly value: number;
  readonly unit: DeadlineUnit;
  /** The clause that states it, whitespace-normalised. */
  readonly clause: string;
  /** The clause names a case ("trường hợp", "đối với", "nếu"): a variant, not the deadline of every dossier. */
  readonly conditional: boolean;
  /**
   * What the period is for: `result` when the clause ties it to the result or to the receipt of the dossier,
   * `step` when it is the time of a part of the work (supplements, consultation, verification, posting), `unknown`.
   */
  readonly role: 'result' | 'step' | 'unknown';
  /** The clause is about an incomplete dossier (asking for supplements, returning it): never the deadline. */
  readonly supplement: boolean;
  /** The number was written with a leading zero or in words with digits in brackets ("Mười (10) ngày"). */
  readonly digits: string;
}

const NUMBER_WORDS = String.raw`(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|lăm|mốt|tư)(?:\s+(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|lăm|mốt|tư))*`;
/** "05", "1/2", "0,5", "Mười (10)", "(10)", "05 (năm)". */
const PERIOD = new RegExp(
  String.raw`(?<![\d/.,])(?:(?:${NUMBER_WORDS})\s*)?\(?(\d+\/\d+|\d+(?:[.,]\d+)?)\)?(?:\s*\((?:${NUMBER_WORDS})\))?\s*(ngày làm việc|ngày làm|giờ làm việc|ngày|giờ|tháng)(?![\p{L}])`,
  'giu',
);
const CONDITION = /(trường hợp|đối với|nếu|khi cần|cần xác minh|phải xác minh|vùng sâu|vùng xa|phức tạp)/iu;
/** Words that tie a period to the result or to receipt of the dossier. */
const RESULT_CONTEXT =
  /(thời hạn giải quyết|thời gian giải quyết|kể từ (ngày|khi|thời điểm) (cơ quan[^,.;]{0,60})?(nhận|tiếp nhận)|kể từ ngày nhận|trả kết quả|cấp giấy|cấp lại|cấp đổi|quyết định|phê duyệt|cấp chứng chỉ|cấp phép|có văn bản (chấp thuận|trả lời)|giải quyết)/iu;
/** Words that make a period the time of one part of the work, not of the result. */
const STEP_CONTEXT =
  /(bổ sung|hoàn thiện|chưa (đầy đủ|hợp lệ)|không (đầy đủ|hợp lệ)|hướng dẫn|lấy ý kiến|xin ý kiến|gửi ý kiến|có ý kiến|trả lời (bằng văn bản )?(cơ quan|đề nghị của)|xác minh|niêm yết|công khai|công bố thông tin|phải công bố|thông báo (cho|bằng)|chuyển hồ sơ|chuyển (cho|đến)|gửi hồ sơ|kiểm tra thực tế|thẩm định tại|báo cáo|từ chối|không chấp thuận|không cấp|tính từ ngày hết hạn|hiệu lực|thời hạn (nộp|sử dụng|của giấy)|có giá trị|chậm nhất là ngày|trước ngày|trước khi|phải nộp|nộp hồ sơ (chậm nhất|trong))/iu;

/** "giải quyết hồ sơ trong ngày làm việc nhận được hồ sơ hợp lệ", "trả kết quả ngay trong ngày": a same-day period. */
const SAME_DAY = /(giải quyết|trả kết quả|cấp)[^.;]{0,80}(trong (cùng )?ngày làm việc (nhận|tiếp nhận) được|ngay trong ngày|trong ngày (nhận|tiếp nhận))/iu;

/** Clauses about an incomplete or invalid dossier. */
const SUPPLEMENT = /(bổ sung|chưa (đầy đủ|hợp lệ)|không (đầy đủ|hợp lệ)|tính hợp lệ|đầy đủ, hợp lệ của hồ sơ|hướng dẫn (tổ chức|cá nhân|người)|trả lại hồ sơ)/iu;

/** "kể từ ..." phrases, each to the end of its clause: what a period is counted from. */
const COUNTED_FROM = /kể từ\s[^.;]{0,200}/giu;
/**
 * A start that is receipt of the dossier, the application or the complaint: "tiếp nhận", "nộp" or "nhận" ("kể từ ngày
 * Bộ trưởng ... nhận đủ hồ sơ hợp lệ"), but not "nhận" in "chứng nhận", "xác nhận", "công nhận", "chấp nhận" (a
 * certificate issued is not a receipt), a reply received ("nếu không nhận được phản hồi"), the close of a receiving
 * window ("kể từ ngày kết thúc nhận hồ sơ", "kể từ ngày hết hạn nộp hồ sơ") or a fee paid ("nộp lệ phí", "nộp chi
 * phí dự thi"); a taxpayer ("người nộp thuế gửi hồ sơ") is one who files.
 */
const FROM_RECEIPT =
  /((?<!(?:kết thúc|kết thúc việc|hết (?:thời )?(?:hạn|gian)) )(?:tiếp nhận|nộp(?! (?:đủ |đầy đủ )?(?:lệ phí|phí|chi phí|tiền)))|(?<!(?:chứng|xác|công|chấp|kết thúc|kết thúc việc|hết (?:thời )?(?:hạn|gian)) )nhận(?! được (?:phản hồi|ý kiến|kết quả|văn bản trả lời)))/iu;

/** True when a "kể từ ..." of the text counts from receipt of the dossier or the application. */
export function countsFromReceipt(text: string): boolean {
  return (text.match(COUNTED_FROM) ?? []).some((phrase) => FROM_RECEIPT.test(phrase));
}

/**
 * The event a text counts its period from when it says one and none is receipt ("kể từ ngày kết thúc kiểm tra", named
 * up to its first comma), else undefined: a period counted from it has no date at receipt.
 */
export function laterStartOf(text: string): string | undefined {
  const phrases = text.match(COUNTED_FROM);
  if (phrases === null || phrases.some((phrase) => FROM_RECEIPT.test(phrase))) return undefined;
  return phrases[0]!.split(',')[0]!.trim();
}

/** Splits prose into clauses: lines, sentences, list items ("- ", "+ ", "(i)", "a)"), "Bước N". */
export function splitClauses(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\n+|(?<=;)\s+|(?<=[.])\s+(?=\p{Lu}|-|\+|\(|\d+\.)|(?<=\S)\s+(?=[-+]\s)|(?<=[.;:])(?=\p{Lu})|(?=Bước \d)|(?<=\S)\s+(?=\([ivx]+\)\s)/u)
    .map((clause) => clause.replace(/^[\s\-+*•]+/u, '').replace(/\s+/gu, ' ').trim())
    .filter((clause) => clause.length > 0);
}

function unitOf(word: string): DeadlineUnit {
  const lower = word.toLowerCase();
  if (lower === 'ngày làm việc' || lower === 'ngày làm') return 'working-days';
  if (lower === 'giờ làm việc') return 'working-hours';
  if (lower === 'ngày') return 'calendar-days';
  if (lower === 'tháng') return 'months';
  return 'working-hours';
}

function numberOf(text: string): number | undefined {
  const fraction = /^(\d+)\/(\d+)$/.exec(text);
  if (fraction !== null) return Number(fraction[2]) === 0 ? undefined : Number(fraction[1]) / Number(fraction[2]);
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Every period a text states, with its clause. "giờ" is left as working hours here: whether hours run round the
 * clock is for the catalogue's overrides to say. A time of day ("sau 15 giờ", "trước 16 giờ") is not a period.
 */
export function findStatements(text: string): Statement[] {
  const statements: Statement[] = [];
  for (const clause of splitClauses(text)) {
    if (clause.length > 1200) continue;
    const sameDay = SAME_DAY.exec(clause);
    if (sameDay !== null) {
      statements.push({ value: 0, unit: 'same-day', clause, conditional: CONDITION.test(clause.slice(0, sameDay.index)), role: 'result', supplement: false, digits: '' });
    }
    for (const match of clause.matchAll(PERIOD)) {
      const value = numberOf(match[1]!);
      if (value === undefined) continue;
      const unit = unitOf(match[2]!);
      const before = clause.slice(Math.max(0, match.index - 12), match.index);
      if (unit === 'working-hours' && !/làm việc/iu.test(match[2]!) && /(sau|trước|lúc|từ|đến|vào)\s*$/iu.test(before)) continue;
      // Dates are not periods: "ngày 20 tháng đầu tiên", "ngày thứ 20", "tháng 7 năm 2026".
      if (/(ngày|thứ|tháng)\s*$/iu.test(before)) continue;
      if (unit === 'months' && /^\s*(đầu|cuối|thứ|tiếp|sau|trước|\d)/iu.test(clause.slice(match.index + match[0].length))) continue;
      const role = /thời (hạn|gian) giải quyết/iu.test(clause) ? 'result' : STEP_CONTEXT.test(clause) ? 'step' : RESULT_CONTEXT.test(clause) ? 'result' : 'unknown';
      statements.push({ value, unit, clause, conditional: CONDITION.test(clause), role, supplement: SUPPLEMENT.test(clause), digits: match[1]! });
    }
  }
  return statements;
}
