/**
 * The messages the file schemas give in their own words (patterns and refinements), in both languages. zod carries
 * one message string per check, the English; the Vietnamese is found here by it when an issue is built (see
 * source/schema.ts). Messages built from values (deadline amounts, stages) carry their Vietnamese in the issue's
 * params instead.
 */
import type { LocalizedText } from '../vocabulary.js';

const text = (en: string, vi: string): LocalizedText => Object.freeze({ en, vi });

export const SCHEMA_TEXT = Object.freeze({
  date: text('expected a date YYYY-MM-DD', 'cần một ngày dạng YYYY-MM-DD'),
  quotedDate: text('expected a date "YYYY-MM-DD"', 'cần một ngày dạng "YYYY-MM-DD"'),
  notCalendarDate: text('not a calendar date', 'không phải là một ngày có thật trên lịch'),
  notValidCalendarDate: text('not a valid calendar date', 'không phải là một ngày có thật trên lịch'),
  clock: text('expected a time "HH:MM"', 'cần một giờ dạng "HH:MM"'),
  provinceCode: text('expected a 2-digit province code such as "01"', 'cần mã tỉnh gồm 2 chữ số, ví dụ "01"'),
  provinceCodeBare: text('expected a 2-digit province code', 'cần mã tỉnh gồm 2 chữ số'),
  communeCode: text('expected a 5-digit commune code such as "00004"', 'cần mã xã gồm 5 chữ số, ví dụ "00004"'),
  unitCode: text('expected a 2-digit province or 5-digit commune code', 'cần mã tỉnh gồm 2 chữ số hoặc mã xã gồm 5 chữ số'),
  unitCodeRule: text('expected a 2- or 5-digit unit code', 'cần mã đơn vị hành chính gồm 2 hoặc 5 chữ số'),
  procedureCode: text('expected a procedure code such as "1.001193"', 'cần mã thủ tục dạng "1.001193"'),
  oldCommuneCode: text(
    'expected a 5-digit old commune code (3 digits for an island district without communes)',
    'cần mã xã cũ gồm 5 chữ số (3 chữ số đối với huyện đảo không có xã)',
  ),
  id: text('expected lower-case letters, digits, dots and dashes', 'cần chữ thường, chữ số, dấu chấm và dấu gạch ngang'),
  holidayId: text('expected a lowercase id such as "national-day"', 'cần mã viết thường, ví dụ "national-day"'),
  levelsOnce: text('each level may be listed once', 'mỗi cấp chỉ được nêu một lần'),
  oneChannel: text('expected at least one channel (in-person, online or post)', 'cần ít nhất một cách thức thực hiện (in-person, online hoặc post)'),
  variantsNeedConditional: text(
    'cases (variants) of an unresolved deadline need reason conditional: only a conditional deadline has cases with periods counted from receipt',
    'các trường hợp (variants) của thời hạn chưa xác định chỉ dùng với reason conditional: chỉ thời hạn tùy từng trường hợp mới có các trường hợp với thời hạn tính từ ngày tiếp nhận',
  ),
  keptOnce: text('each field may be kept once', 'mỗi trường chỉ được giữ một lần'),
  keptAndGiven: text(
    'a field of the competence is both kept from the record (keep) and given: give it or keep it',
    'một trường của competence vừa được giữ theo hồ sơ công bố (keep) vừa được nêu: chỉ nêu hoặc chỉ giữ',
  ),
  overrideSets: text('an override sets a deadline, hours or competence', 'mỗi mục điều chỉnh phải nêu deadline, hours hoặc competence'),
  solarDay: text(
    'no such date in every year (a month has 28 to 31 days; 29 February only in leap years)',
    'ngày này không có trong mọi năm (mỗi tháng có từ 28 đến 31 ngày; ngày 29 tháng 2 chỉ có trong năm nhuận)',
  ),
  lunarDay: text(
    'day 30 of a lunar month exists only in long months; not every year has it',
    'ngày 30 âm lịch chỉ có trong tháng đủ; không phải năm nào cũng có',
  ),
  conditionsMap: text('expected a map with all, any or not', 'cần một ánh xạ (map) có all, any hoặc not'),
  commitHash: text('expected a 40-character lowercase hexadecimal commit hash', 'cần mã commit gồm 40 ký tự thập lục phân viết thường'),
});

let byEnglish: ReadonlyMap<string, string> | undefined;

/** The Vietnamese of a schema's own message, or undefined for a message it does not have. */
export function schemaTextVi(en: string): string | undefined {
  byEnglish ??= new Map(Object.values(SCHEMA_TEXT).map((entry) => [entry.en, entry.vi]));
  return byEnglish.get(en);
}
