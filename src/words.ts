/**
 * The words of texts people read, in Vietnamese and English: levels, channels, office actions, filing scopes,
 * competence bases, units of time, reasons a day is skipped, confidence. Every formatter and CLI command takes its
 * words from here, so one term reads the same everywhere. Browser-safe.
 */
import type { Lang } from './format/types.js';
import type { LocalizedText } from './vocabulary.js';
import type { ConditionCheck } from './rules/compile.js';

type Words = Readonly<Record<string, LocalizedText>>;

const words = (table: Record<string, LocalizedText>): Words => Object.freeze(table);

/** Government levels (cấp). */
export const LEVEL_TEXT = words({
  central: { vi: 'trung ương', en: 'central' },
  province: { vi: 'tỉnh', en: 'province' },
  commune: { vi: 'xã', en: 'commune' },
  other: { vi: 'khác', en: 'other' },
});

/** How a dossier is filed. */
export const CHANNEL_TEXT = words({
  'in-person': { vi: 'nộp trực tiếp', en: 'in person' },
  online: { vi: 'nộp trực tuyến', en: 'online' },
  post: { vi: 'nộp qua dịch vụ bưu chính công ích', en: 'by public post' },
});

/** What the receiving office does. */
export const ACTION_TEXT = words({
  process: { vi: 'tiếp nhận và giải quyết', en: 'process' },
  'receive-and-transfer': { vi: 'tiếp nhận và chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết', en: 'receive-and-transfer' },
  'assist-online': { vi: 'hỗ trợ người dân nộp hồ sơ trực tuyến đến cơ quan có thẩm quyền giải quyết', en: 'assist-online' },
  refuse: { vi: 'từ chối tiếp nhận', en: 'refuse' },
  undetermined: { vi: 'chưa xác định', en: 'undetermined' },
});

/** How far filing reaches. */
export const SCOPE_TEXT = words({
  commune: { vi: 'chỉ tại xã có thẩm quyền', en: 'commune' },
  province: { vi: 'không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh', en: 'province' },
  nationwide: { vi: 'không phụ thuộc vào địa giới hành chính trên phạm vi toàn quốc', en: 'nationwide' },
});

/** How the competent unit or body is found. */
export const BASIS_TEXT = words({
  residence: { vi: 'theo nơi cư trú của người nộp hồ sơ', en: 'residence' },
  subject: { vi: 'theo nơi có đất đai, tài sản, cơ sở hoặc nơi xảy ra sự việc', en: 'subject' },
  'head-office': { vi: 'theo nơi đặt trụ sở của tổ chức', en: 'head-office' },
  'any-office': { vi: 'tại bất kỳ cơ quan tiếp nhận nào', en: 'any-office' },
  'named-body': { vi: 'cơ quan được nêu tên trong thủ tục', en: 'named-body' },
});

/** The place a competence basis names, as a phrase ("nơi cư trú của người nộp hồ sơ"). */
export const PLACE_TEXT = words({
  residence: { vi: 'nơi cư trú của người nộp hồ sơ', en: "the applicant's residence" },
  subject: { vi: 'nơi có đất đai, tài sản, cơ sở hoặc nơi xảy ra sự việc', en: 'the place of the case (land, property, establishment or event)' },
  'head-office': { vi: 'nơi đặt trụ sở của tổ chức', en: "the organisation's head office" },
  'any-office': { vi: 'cơ quan tiếp nhận hồ sơ', en: 'the receiving office' },
});

/** A fact a request lacks. */
export const NEEDED_TEXT = words({
  residence: { vi: 'nơi cư trú', en: 'residence' },
  subject: { vi: 'nơi có đối tượng của thủ tục', en: 'subject' },
  office: { vi: 'cơ quan tiếp nhận', en: 'office' },
});

/** Units of a deadline, as the catalogue writes them in Vietnamese. */
export const UNIT_TEXT = words({
  'working-days': { vi: 'ngày làm việc', en: 'working-days' },
  'calendar-days': { vi: 'ngày', en: 'calendar-days' },
  'working-hours': { vi: 'giờ làm việc', en: 'working-hours' },
  hours: { vi: 'giờ liên tục', en: 'hours' },
  'same-day': { vi: 'trong ngày', en: 'same-day' },
  months: { vi: 'tháng', en: 'months' },
});

/** Why a day is off (or worked), by the calendar's reason codes and a paused day. */
export const DAY_REASON_TEXT = words({
  weekend: { vi: 'nghỉ cuối tuần', en: 'weekend' },
  holiday: { vi: 'nghỉ lễ, tết', en: 'holiday' },
  compensation: { vi: 'nghỉ bù', en: 'compensation' },
  swap: { vi: 'nghỉ hoán đổi', en: 'swap' },
  'make-up': { vi: 'làm bù', en: 'make-up' },
  paused: { vi: 'tạm dừng tính thời hạn', en: 'paused' },
});

/** Confidence levels of data. */
export const CONFIDENCE_TEXT = words({
  high: { vi: 'cao', en: 'high' },
  medium: { vi: 'trung bình', en: 'medium' },
  low: { vi: 'thấp', en: 'low' },
});

/** A deadline's status. */
export const DEADLINE_STATUS_TEXT = words({
  resolved: { vi: 'đã xác định', en: 'resolved' },
  unresolved: { vi: 'chưa xác định', en: 'unresolved' },
  'not-applicable': { vi: 'không áp dụng', en: 'not-applicable' },
});

/** Why a deadline gives no due date, by reason class. */
export const UNRESOLVED_REASON_TEXT = words({
  missing: { vi: 'không công bố thời hạn', en: 'missing' },
  'no-unit': { vi: 'có số nhưng không có đơn vị', en: 'no-unit' },
  'no-number': { vi: 'không nêu số', en: 'no-number' },
  'unsupported-unit': { vi: 'đơn vị chưa hỗ trợ', en: 'unsupported-unit' },
  range: { vi: 'là một khoảng', en: 'range' },
  contradictory: { vi: 'các nội dung mâu thuẫn', en: 'contradictory' },
  zero: { vi: 'bằng 0', en: 'zero' },
  conditional: { vi: 'tùy từng trường hợp', en: 'conditional' },
  'fee-glued': { vi: 'dính với lệ phí', en: 'fee-glued' },
  'ambiguous-hours': { vi: 'không rõ giờ làm việc hay giờ liên tục', en: 'ambiguous-hours' },
  staged: { vi: 'gồm nhiều giai đoạn nối tiếp', en: 'staged' },
  'later-start': { vi: 'tính từ một sự kiện sau ngày tiếp nhận hồ sơ', en: 'later-start' },
});

/** What a citation says of an article it did not check: the one it gives, or (missing) which one states the rule. */
export const ARTICLE_UNVERIFIED_TEXT = words({
  given: { vi: ' (chưa đối chiếu điều, khoản với văn bản)', en: ' (article not verified)' },
  missing: { vi: ', chưa xác định được điều, khoản quy định', en: ', article not verified' },
});

/** Where a deadline's text was read. */
export const DEADLINE_SOURCE_TEXT = words({
  cell: { vi: 'ô thời hạn giải quyết', en: 'cell' },
  description: { vi: 'mô tả cách thức thực hiện', en: 'description' },
  steps: { vi: 'trình tự thực hiện', en: 'steps' },
  result: { vi: 'kết quả thực hiện', en: 'result' },
  catalogue: { vi: 'danh mục thủ tục', en: 'catalogue' },
  override: { vi: 'điều chỉnh theo văn bản pháp luật', en: 'override' },
  rule: { vi: 'quy tắc', en: 'rule' },
});

/** The word a table gives a code in a language; the code itself where the table has none. */
export function wordFor(table: Words, code: string, lang: Lang): string {
  const text = table[code];
  return text === undefined ? code : text[lang];
}

/**
 * A period as a person reads it: "5 ngày làm việc" or "5 working-days"; a staged deadline each stage in turn
 * ("3 ngày làm việc, sau đó 70 ngày"; "3 working-days, then 70 calendar-days").
 */
export function periodTextIn(
  period: { readonly value: number; readonly unit: string; readonly followedBy?: readonly { readonly value: number; readonly unit: string }[] | undefined },
  lang: Lang,
): string {
  const one = (stage: { readonly value: number; readonly unit: string }): string =>
    lang === 'vi' && stage.unit === 'same-day' ? 'trong ngày' : `${stage.value} ${wordFor(UNIT_TEXT, stage.unit, lang)}`;
  return [period, ...(period.followedBy ?? [])].map(one).join(lang === 'vi' ? ', sau đó ' : ', then ');
}

/**
 * One condition as evaluated, for a person: `channel equal "online"; actual "in-person"` (`thực tế` in Vietnamese), with
 * `not ` for a negated leaf and the fact an expected value was read from. Facts and operators stay codes.
 */
export function conditionTextIn(check: ConditionCheck, lang: Lang): string {
  const vi = lang === 'vi';
  const from = check.expectedFrom === undefined ? '' : ` (${vi ? 'lấy từ' : 'from'} ${factText(check.expectedFrom.fact, check.expectedFrom.path)})`;
  return `${check.negated ? (vi ? 'không phải ' : 'not ') : ''}${factText(check.fact, check.path)} ${check.operator} ${valueText(check.expected)}${from}; ${vi ? 'thực tế' : 'actual'} ${valueText(check.actual)}`;
}

/** `office.province`: json-rules-engine paths look like `$.province`. */
function factText(fact: string, path: string | undefined): string {
  return path === undefined || path === '' ? fact : `${fact}.${path.replace(/^\$\.?/, '')}`;
}

function valueText(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
