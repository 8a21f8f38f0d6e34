/**
 * The receipt-and-appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) a one-stop office gives the applicant:
 * Mẫu số 01 of the one-stop forms (Circular 03/2025/TT-VPCP under Decree 118/2025/NĐ-CP, replacing Circular
 * 01/2018/TT-VPCP; see docs/receipt-slip.md for the citation and its confidence). Pure and browser-safe.
 */
import { UNIT_TEXT } from '../words.js';
import { describeValue, invalidArgument, describeValueVi } from '../errors.js';
import { A_DECISION, decisionLacks, expectObject, expectOptions } from '../arguments.js';
import { parseInstant, vietnamDayOf, ymdFromDay } from '../calendar/_days.js';
import { _showControls } from './_strings.js';
import type { Lang } from './types.js';
import type { DecisionDeadline, RouteDecision } from '../routing/types.js';

/** One document received, as the office counts it (thành phần hồ sơ). */
export interface ReceiptSlipDocument {
  /** The document's name, e.g. "Tờ khai thay đổi thông tin cư trú (mẫu CT01)". */
  readonly name: string;
  /** How many copies were received (số lượng, bản); left blank when not given. */
  readonly copies?: number;
}

/**
 * What the office fills in on the slip; tthc does not know these. Every field is optional: one not given is left as a
 * dotted line to write on by hand, as on the paper form.
 */
export interface ReceiptSlipDetails {
  /** The dossier number (mã hồ sơ) the one-stop system gave the dossier. */
  readonly dossierNumber?: string;
  /** Who filed the dossier (tiếp nhận hồ sơ của). */
  readonly applicantName?: string;
  /** The applicant's address (địa chỉ). */
  readonly applicantAddress?: string;
  /** The applicant's phone (số điện thoại). */
  readonly phone?: string;
  /** The applicant's email. */
  readonly email?: string;
  /** The documents received (thành phần hồ sơ); three blank rows when not given. */
  readonly documents?: readonly ReceiptSlipDocument[];
  /** How many sets of the dossier were received (số lượng hồ sơ, bộ). */
  readonly sets?: number;
  /** Where the applicant registered to collect the result, when not where tthc would say (e.g. by post to an address). */
  readonly collectAt?: string;
  /** The receiving officer (người tiếp nhận hồ sơ). */
  readonly officerName?: string;
}

/** The output formats of {@link formatReceiptSlip}. */
export type ReceiptSlipFormat = 'html' | 'text';

/** Options of {@link formatReceiptSlip}. */
export interface FormatReceiptSlipOptions {
  /** The labels' language: `vi`, the form's own (default), or `en`, an English rendering of the same labels. */
  readonly lang?: Lang;
  /** `html` (default): one self-contained A4 document to print; `text`: the same fields as plain lines. */
  readonly format?: ReceiptSlipFormat;
}

/**
 * Formats the receipt-and-appointment slip of a routed dossier. It fills what the decision knows (the procedure, the
 * receiving office, the receipt time and the appointment, both in Vietnam time, the processing time and where to
 * collect the result) and what the office gives in `details`; every other field is a dotted line for handwriting.
 * When the decision has no due date (the deadline is unresolved, not applicable or unavailable), the slip says that no
 * appointment date can be given and why, and prints no date.
 *
 * A dossier the office refuses gets no slip: a receipt slip would read as acceptance. The office gives a refusal
 * notice (Phiếu từ chối tiếp nhận giải quyết hồ sơ) instead, with `decision.office.reason` and `guidance`. Nor does one
 * the office helps the applicant file online (`assist-online`): the office does not receive it.
 *
 * @param decision - A decision returned by `route()`.
 * @param details - What the office fills in: dossier number, applicant, documents received, officer.
 * @param options - `lang` (`vi` default, or `en`) and `format` (`html` default, or `text`).
 * @returns The slip: an HTML document (inline CSS, no external resources, every data text escaped) or plain text,
 *   without a trailing newline.
 * @throws {TthcError} `INVALID_ARGUMENT` with `argument: 'decision'` when the office refuses the dossier or helps file
 *   it online, or when an argument is malformed (naming it: `details.documents[0].copies`, `options.format`).
 * @example
 * const decision = router.route({ procedure: '1.004222', channel: 'in-person', office: '00008', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' });
 * const html = formatReceiptSlip(decision, { applicantName: 'Nguyễn Văn A', dossierNumber: 'H01.99-260212-0001' });
 */
export function formatReceiptSlip(decision: RouteDecision, details: ReceiptSlipDetails = {}, options: FormatReceiptSlipOptions = {}): string {
  checkDecision(decision);
  checkDetails(details);
  const { lang, format } = checkOptions(options);
  const noSlip = NO_SLIP[decision.office.action as keyof typeof NO_SLIP];
  if (noSlip !== undefined) invalidArgument({ en: noSlip.en(decision.office.reason), vi: noSlip.vi(decision.office.reasonVi ?? decision.office.reason) }, 'decision');
  const slip = buildSlip(decision, details, lang);
  return format === 'text' ? renderText(slip) : renderHtml(slip, decision, lang);
}

/** The office actions that make no slip, and why, with the office's reason. */
const NO_SLIP = Object.freeze({
  // A receipt slip, whatever it said, would read as acceptance.
  refuse: {
    en: (reason: string) =>
      `decision: the office refuses this dossier (${reason}), so no receipt slip is made, as it would read as acceptance; give the applicant a refusal notice (Phiếu từ chối tiếp nhận giải quyết hồ sơ) with the guidance instead`,
    vi: (reason: string) =>
      `decision: cơ quan tiếp nhận từ chối hồ sơ này (${reason}), nên không lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả, vì giấy này sẽ được hiểu là hồ sơ đã được tiếp nhận; thay vào đó, hãy gửi người nộp hồ sơ Phiếu từ chối tiếp nhận giải quyết hồ sơ kèm hướng dẫn`,
  },
  // The office does not receive the dossier: the portal does.
  'assist-online': {
    en: (reason: string) =>
      `decision: the office helps the applicant file this dossier online with the competent body (${reason}), so it does not receive the dossier and makes no receipt slip: the portal acknowledges the online filing and the competent body gives the appointment`,
    vi: (reason: string) =>
      `decision: cơ quan này hỗ trợ người dân nộp hồ sơ trực tuyến đến cơ quan có thẩm quyền giải quyết (${reason}), nên không tự tiếp nhận hồ sơ và không lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả: Cổng Dịch vụ công xác nhận việc nộp trực tuyến và cơ quan có thẩm quyền hẹn trả kết quả`,
  },
});

// ---------------------------------------------------------------------------------------------------------------------
// What the slip says, before it is rendered

/**
 * A field's value: a text; a dotted line to write on, with a note after it when tthc knows why it is blank; or a
 * statement that stands instead of a value.
 */
type Value =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'blank'; readonly note?: string }
  | { readonly kind: 'notice'; readonly text: string };

interface Slip {
  readonly lang: Lang;
  /** The receiving office's name for the header, upper case; blank for online and post filings. */
  readonly officeHeader: Value;
  /** Where and when the slip is made: the office's place, the receipt date. */
  readonly place: Value;
  readonly date: Value;
  readonly dossierNumber: Value;
  readonly office: Value;
  readonly applicant: Value;
  readonly address: Value;
  readonly phone: Value;
  readonly email: Value;
  readonly matter: Value;
  /** Documents received; undefined: blank rows to fill in. */
  readonly documents: readonly { readonly name: string; readonly copies: Value }[] | undefined;
  readonly sets: Value;
  readonly period: Value;
  readonly receivedAt: Value;
  readonly due: Value;
  readonly collectAt: Value;
  readonly applicantSignature: string;
  readonly officerSignature: string;
}

const BLANK: Value = Object.freeze({ kind: 'blank' });
const text = (value: string): Value => ({ kind: 'text', text: value });
const given = (value: string | undefined): Value => (value === undefined || value.trim() === '' ? BLANK : text(value.trim()));

function buildSlip(decision: RouteDecision, details: ReceiptSlipDetails, lang: Lang): Slip {
  const words = WORDS[lang];
  const office = decision.office.unit;
  const receivedAt = decision.receipt?.receivedAt;
  const received = receivedAt === undefined ? undefined : vietnamTime(receivedAt);
  return {
    lang,
    officeHeader: office === null ? BLANK : text(office.name.toUpperCase()),
    place: office === null ? BLANK : text(office.name),
    date: received === undefined ? BLANK : text(dateText(received, lang)),
    dossierNumber: given(details.dossierNumber),
    // Online and by post there is no office in front of the applicant: the one that receives it writes its name.
    office: office === null ? { kind: 'blank', note: decision.channel === 'post' ? words.byPost : words.online } : text(office.name),
    applicant: given(details.applicantName),
    address: given(details.applicantAddress),
    phone: given(details.phone),
    email: given(details.email),
    matter: text(words.matter(decision.procedure.name, decision.procedure.code)),
    documents: details.documents?.map((document) => ({ name: document.name.trim(), copies: document.copies === undefined ? BLANK : text(String(document.copies)) })),
    sets: details.sets === undefined ? BLANK : text(pad2(details.sets)),
    period: periodValue(decision.deadline, lang),
    receivedAt: received === undefined ? BLANK : text(timeText(received, lang)),
    due: dueValue(decision, lang),
    collectAt: details.collectAt !== undefined && details.collectAt.trim() !== '' ? text(details.collectAt.trim()) : collectValue(decision, lang),
    applicantSignature: details.applicantName?.trim() ?? '',
    officerSignature: details.officerName?.trim() ?? '',
  };
}

/** The processing time the law sets for the channel (thời gian giải quyết theo quy định). */
function periodValue(deadline: DecisionDeadline, lang: Lang): Value {
  const words = WORDS[lang];
  switch (deadline.status) {
    case 'resolved': {
      const stages = [deadline, ...(deadline.followedBy ?? [])].map((stage) => periodPart(stage.value, stage.unit, lang));
      // The period of the dossier's own case names the case, so the slip is read against the right one; a closing
      // full stop is dropped before the bracket closes, while a quote cut short keeps its "...".
      const chosen = deadline.variant;
      const condition = chosen === undefined ? '' : (lang === 'vi' ? chosen.condition : (chosen.conditionEn ?? chosen.condition)).replace(/(?<!\.)[.;:,]$/u, '');
      const ofCase = chosen === undefined ? '' : words.ofCase(condition);
      return text(`${stages.join(words.then)}${ofCase}`);
    }
    case 'unresolved':
      return text(words.asPublished(deadline.raw));
    case 'not-applicable':
      return text(words.noPeriod);
    case 'unavailable':
      return BLANK;
  }
}

function periodPart(value: number, unit: string, lang: Lang): string {
  if (unit === 'same-day') return WORDS[lang].sameDay;
  const number = Number.isInteger(value) ? pad2(value) : lang === 'vi' ? String(value).replace('.', ',') : String(value);
  return `${number} ${WORDS[lang].units[unit] ?? unit}`;
}

/** The appointment (thời gian trả kết quả), or why there is none: never a date that tthc did not compute. */
function dueValue(decision: RouteDecision, lang: Lang): Value {
  const words = WORDS[lang];
  if (decision.dueDate !== null) {
    const when = decision.dueAt === null ? dateText(ymdOf(decision.dueDate), lang) : timeText(vietnamTime(decision.dueAt), lang);
    return text(decision.calendarStatus === 'projected' ? `${when} ${words.projected}` : when);
  }
  const deadline = decision.deadline;
  switch (deadline.status) {
    case 'not-applicable':
      return { kind: 'notice', text: words.noDueNotApplicable };
    case 'unresolved':
      return { kind: 'notice', text: words.noDueUnresolved(deadline.raw, deadline.reason) };
    case 'unavailable':
      return { kind: 'notice', text: words.noDueUnavailable(deadline.reason) };
    case 'resolved':
      return { kind: 'notice', text: (decision.conflicts ?? []).length > 0 ? words.noDueConflict : words.noDueUncomputed };
  }
}

/**
 * Where to collect the result: the receiving office when it processes the dossier itself. When it only receives and
 * transfers (or the dossier came online or by post) the applicant registers a place; no source read says where the
 * result of a transferred dossier is returned by default, so the line is left for the office to fill.
 */
function collectValue(decision: RouteDecision, lang: Lang): Value {
  const office = decision.office.unit;
  if (decision.office.action === 'process' && office !== null) return text(WORDS[lang].oneStopAt(office.name));
  return BLANK;
}

// ---------------------------------------------------------------------------------------------------------------------
// Times in Vietnam

interface VietnamTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number | undefined;
  readonly minute: number | undefined;
}

/** An ISO instant with its offset, read as the time in Vietnam (UTC+7), whatever the host's zone. */
function vietnamTime(iso: string): VietnamTime {
  const { day, minute } = vietnamDayOf(parseInstant(iso, 'decision'));
  const whole = Math.floor(minute);
  return { ...ymdFromDay(day), hour: Math.floor(whole / 60), minute: whole % 60 };
}

function ymdOf(date: string): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return { year, month, day };
}

const pad2 = (value: number): string => (Number.isInteger(value) && value >= 0 && value < 10 ? `0${value}` : String(value));

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "ngày 12 tháng 02 năm 2026" / "12 February 2026". */
function dateText(time: Pick<VietnamTime, 'year' | 'month' | 'day'>, lang: Lang): string {
  return lang === 'vi' ? `ngày ${pad2(time.day)} tháng ${pad2(time.month)} năm ${time.year}` : `${time.day} ${MONTHS_EN[time.month - 1] ?? time.month} ${time.year}`;
}

/** "10 giờ 00 phút, ngày 12 tháng 02 năm 2026" / "10:00, 12 February 2026". */
function timeText(time: VietnamTime, lang: Lang): string {
  if (time.hour === undefined || time.minute === undefined) return dateText(time, lang);
  return lang === 'vi' ? `${pad2(time.hour)} giờ ${pad2(time.minute)} phút, ${dateText(time, lang)}` : `${pad2(time.hour)}:${pad2(time.minute)}, ${dateText(time, lang)}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Words: the form's labels, and an English rendering of the same labels

interface Words {
  readonly htmlLang: string;
  readonly nation: string;
  readonly motto: string;
  readonly oneStop: string;
  readonly title: string;
  readonly dossierNumber: string;
  readonly office: string;
  readonly applicant: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly matterLabel: string;
  readonly documents: string;
  readonly number: string;
  readonly documentName: string;
  readonly copies: string;
  readonly copiesUnit: string;
  readonly sets: string;
  readonly setsUnit: string;
  readonly period: string;
  readonly receivedAt: string;
  readonly due: string;
  readonly collectAt: string;
  readonly logBook: string;
  readonly logEntry: string;
  readonly applicantSigns: string;
  readonly officerSigns: string;
  readonly signHint: string;
  readonly online: string;
  readonly byPost: string;
  readonly then: string;
  /** The case the period is of, when the request chose one (deadlineVariant). */
  readonly ofCase: (condition: string) => string;
  readonly sameDay: string;
  readonly units: Readonly<Record<string, string>>;
  readonly noPeriod: string;
  readonly projected: string;
  readonly noDueNotApplicable: string;
  readonly noDueConflict: string;
  readonly noDueUncomputed: string;
  matter(name: string, code: string): string;
  asPublished(raw: string): string;
  oneStopAt(unit: string): string;
  noDueUnresolved(raw: string, reason: string): string;
  noDueUnavailable(reason: string): string;
}

const WORDS: Readonly<Record<Lang, Words>> = Object.freeze({
  vi: {
    htmlLang: 'vi',
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    oneStop: 'BỘ PHẬN MỘT CỬA',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    dossierNumber: 'Mã hồ sơ',
    office: 'Bộ phận Một cửa',
    applicant: 'Tiếp nhận hồ sơ của',
    address: 'Địa chỉ',
    phone: 'Số điện thoại',
    email: 'Email',
    matterLabel: 'Nội dung yêu cầu giải quyết',
    documents: '1. Thành phần hồ sơ nộp gồm',
    number: 'STT',
    documentName: 'Tên giấy tờ',
    copies: 'Số lượng (bản)',
    copiesUnit: 'bản',
    sets: '2. Số lượng hồ sơ',
    setsUnit: '(bộ)',
    period: '3. Thời gian giải quyết hồ sơ theo quy định',
    receivedAt: '4. Thời gian nhận hồ sơ',
    due: '5. Thời gian trả kết quả giải quyết hồ sơ',
    collectAt: '6. Đăng ký nhận kết quả tại',
    logBook: 'Vào Sổ theo dõi hồ sơ, Quyển số',
    logEntry: 'Số thứ tự',
    applicantSigns: 'NGƯỜI NỘP HỒ SƠ',
    officerSigns: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    signHint: '(Ký và ghi rõ họ tên)',
    online: '(hồ sơ nộp trực tuyến)',
    byPost: '(hồ sơ nộp qua dịch vụ bưu chính)',
    then: ', sau đó ',
    ofCase: (condition) => ` (trường hợp: ${condition})`,
    sameDay: 'trong ngày',
    units: Object.fromEntries(Object.entries(UNIT_TEXT).map(([unit, text]) => [unit, text.vi])),
    noPeriod: 'không có thời hạn giải quyết theo quy định',
    projected: '(ngày dự kiến: năm này chưa có lịch nghỉ lễ, tết chính thức)',
    noDueNotApplicable: 'Không hẹn ngày trả kết quả: thủ tục này không có thời hạn giải quyết theo quy định.',
    noDueConflict: 'Không hẹn được ngày trả kết quả: các quy tắc áp dụng mâu thuẫn nhau về thời hạn giải quyết.',
    noDueUncomputed: 'Không hẹn được ngày trả kết quả: chưa tính được ngày trả kết quả từ dữ liệu thủ tục.',
    matter: (name, code) => `${name} (mã thủ tục ${code})`,
    asPublished: (raw) => `theo công bố: “${raw}”`,
    oneStopAt: (unit) => `Bộ phận Một cửa, ${unit}`,
    noDueUnresolved: (raw) => `Không hẹn được ngày trả kết quả: thời hạn giải quyết công bố (“${raw}”) không xác định được một ngày cụ thể.`,
    noDueUnavailable: () => 'Không hẹn được ngày trả kết quả: dữ liệu công bố không có thời hạn giải quyết cho hình thức nộp hồ sơ này.',
  },
  en: {
    htmlLang: 'en',
    nation: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    oneStop: 'ONE-STOP OFFICE',
    title: 'RECEIPT OF DOSSIER AND APPOINTMENT FOR THE RESULT',
    dossierNumber: 'Dossier number',
    office: 'One-stop office',
    applicant: 'Dossier received from',
    address: 'Address',
    phone: 'Phone',
    email: 'Email',
    matterLabel: 'Request to be resolved',
    documents: '1. Documents submitted',
    number: 'No.',
    documentName: 'Document',
    copies: 'Copies',
    copiesUnit: 'copies',
    sets: '2. Number of dossier sets',
    setsUnit: '(sets)',
    period: '3. Processing time set by law',
    receivedAt: '4. Dossier received at',
    due: '5. Result to be returned at',
    collectAt: '6. Result to be collected at',
    logBook: 'Entered in the dossier log, book no.',
    logEntry: 'entry no.',
    applicantSigns: 'APPLICANT',
    officerSigns: 'RECEIVING OFFICER',
    signHint: '(signature and full name)',
    online: '(dossier filed online)',
    byPost: '(dossier filed by post)',
    then: ', then ',
    ofCase: (condition) => ` (case: ${condition})`,
    sameDay: 'the same day',
    units: { 'working-days': 'working days', 'calendar-days': 'calendar days', 'working-hours': 'working hours', hours: 'hours (elapsed)', months: 'months' },
    noPeriod: 'no processing period prescribed',
    projected: '(provisional: this year has no official holiday schedule yet)',
    noDueNotApplicable: 'No appointment date: no processing period is prescribed for this procedure.',
    noDueConflict: 'No appointment date can be given: the rules that apply disagree on the processing time.',
    noDueUncomputed: 'No appointment date can be given: the due date could not be computed from the procedure data.',
    matter: (name, code) => `${name} (procedure ${code})`,
    asPublished: (raw) => `as published: “${raw}”`,
    oneStopAt: (unit) => `one-stop office, ${unit}`,
    noDueUnresolved: (raw, reason) => `No appointment date can be given: the published processing time (“${raw}”) does not fix a date (${reason}).`,
    noDueUnavailable: (reason) => `No appointment date can be given: ${reason}.`,
  },
});

// ---------------------------------------------------------------------------------------------------------------------
// Plain text

const DOTS = '..............................';
const SHORT_DOTS = '..........';

function renderText(slip: Slip): string {
  const words = WORDS[slip.lang];
  const value = (field: Value, dots = DOTS): string => (field.kind !== 'blank' ? field.text : field.note === undefined ? dots : `${dots} ${field.note}`);
  const lines: string[] = [
    words.nation,
    words.motto,
    '',
    value(slip.officeHeader),
    words.oneStop,
    `${value(slip.place, SHORT_DOTS)}, ${value(slip.date)}`,
    '',
    words.title,
    `${words.dossierNumber}: ${value(slip.dossierNumber)}`,
    '',
    `${words.office}: ${value(slip.office)}`,
    `${words.applicant}: ${value(slip.applicant)}`,
    `${words.address}: ${value(slip.address)}`,
    `${words.phone}: ${value(slip.phone)}   ${words.email}: ${value(slip.email)}`,
    `${words.matterLabel}: ${value(slip.matter)}`,
    `${words.documents}:`,
  ];
  const documents = slip.documents ?? [undefined, undefined, undefined];
  documents.forEach((document, index) => {
    lines.push(
      document === undefined
        ? `   ${index + 1}) ${DOTS}  ${words.copies}: ${SHORT_DOTS}`
        : `   ${index + 1}) ${document.name}  ${words.copies}: ${value(document.copies, SHORT_DOTS)}`,
    );
  });
  lines.push(
    `${words.sets}: ${value(slip.sets, SHORT_DOTS)} ${words.setsUnit}`,
    `${words.period}: ${value(slip.period)}`,
    `${words.receivedAt}: ${value(slip.receivedAt)}`,
    `${words.due}: ${value(slip.due)}`,
    `${words.collectAt}: ${value(slip.collectAt)}`,
    `${words.logBook}: ${SHORT_DOTS} ${words.logEntry}: ${SHORT_DOTS}`,
    '',
    `${words.applicantSigns} ${words.signHint}: ${slip.applicantSignature === '' ? DOTS : slip.applicantSignature}`,
    `${words.officerSigns} ${words.signHint}: ${slip.officerSignature === '' ? DOTS : slip.officerSignature}`,
  );
  // Names come from data and from the office: a terminal must not act on what they hold.
  return _showControls(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------------------------------
// HTML

const CSS = `@page { size: A4; margin: 20mm 15mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: "Times New Roman", "Noto Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35; overflow-wrap: anywhere; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 20mm 15mm; } }
.slip { width: 100%; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.header { font-size: 11.5pt; }
.header td { vertical-align: top; text-align: center; padding: 0 2pt; }
.header .issuer { width: 40%; }
.header .nation { width: 60%; }
.strong { font-weight: bold; }
.rule { display: block; width: 40%; margin: 1pt auto 0; border-top: 1px solid #000; }
.place-date { font-style: italic; margin-top: 6pt; }
h1 { font-size: 14pt; font-weight: bold; text-align: center; margin: 16pt 0 2pt; }
.number { text-align: center; margin: 0 0 10pt; }
p { margin: 3pt 0; }
.blank { display: inline-block; min-width: 45mm; max-width: 100%; border-bottom: 1px dotted #000; height: 1.1em; vertical-align: bottom; }
.blank.short { min-width: 20mm; }
.notice { font-weight: bold; }
.documents { margin: 3pt 0 5pt; }
.documents th, .documents td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
.documents th { font-weight: bold; text-align: center; }
.documents .no { width: 14mm; text-align: center; }
.documents .copies { width: 34mm; text-align: center; }
.documents tr.empty td { height: 1.6em; }
.signatures { margin-top: 14pt; break-inside: avoid; page-break-inside: avoid; }
.signatures td { width: 50%; text-align: center; vertical-align: top; padding: 0 4pt; }
.signatures .hint { font-style: italic; }
.signatures .space { height: 24mm; }`;

function renderHtml(slip: Slip, decision: RouteDecision, lang: Lang): string {
  const words = WORDS[lang];
  const field = (label: string, value: Value, short = false): string => `<p>${escapeHtml(label)}: ${valueHtml(value, short)}</p>`;
  const documents =
    slip.documents === undefined
      ? [1, 2, 3].map(() => '<tr class="empty"><td class="no"></td><td></td><td class="copies"></td></tr>')
      : slip.documents.map(
          (document, index) =>
            `<tr><td class="no">${index + 1}</td><td>${escapeHtml(document.name)}</td><td class="copies">${document.copies.kind === 'text' ? escapeHtml(document.copies.text) : ''}</td></tr>`,
        );
  const receipt = decision.receipt as RouteDecision['receipt'] | undefined;
  const generator =
    receipt === undefined
      ? ''
      : `\n<meta name="generator" content="${escapeHtml(`tthc ${receipt.libraryVersion}; catalogue ${receipt.catalogHash}; rules ${receipt.rulesHash}; calendar ${receipt.calendarVersion}; law as of ${receipt.asOf}`)}">`;
  const html = `<!DOCTYPE html>
<html lang="${words.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${generator}
<title>${escapeHtml(`${words.title} - ${decision.procedure.code}`)}</title>
<style>
${CSS}
</style>
</head>
<body>
<div class="slip">
<table class="header"><tr>
<td class="issuer"><div>${valueHtml(slip.officeHeader)}</div><div class="strong">${escapeHtml(words.oneStop)}</div><span class="rule"></span></td>
<td class="nation"><div class="strong">${escapeHtml(words.nation)}</div><div class="strong">${escapeHtml(words.motto)}</div><span class="rule"></span>
<div class="place-date">${valueHtml(slip.place, true)}, ${valueHtml(slip.date)}</div></td>
</tr></table>
<h1>${escapeHtml(words.title)}</h1>
<p class="number">${escapeHtml(words.dossierNumber)}: ${valueHtml(slip.dossierNumber)}</p>
${field(words.office, slip.office)}
${field(words.applicant, slip.applicant)}
${field(words.address, slip.address)}
<p>${escapeHtml(words.phone)}: ${valueHtml(slip.phone)} &nbsp; ${escapeHtml(words.email)}: ${valueHtml(slip.email)}</p>
${field(words.matterLabel, slip.matter)}
<p>${escapeHtml(words.documents)}:</p>
<table class="documents">
<thead><tr><th class="no">${escapeHtml(words.number)}</th><th>${escapeHtml(words.documentName)}</th><th class="copies">${escapeHtml(words.copies)}</th></tr></thead>
<tbody>
${documents.join('\n')}
</tbody>
</table>
<p>${escapeHtml(words.sets)}: ${valueHtml(slip.sets, true)} ${escapeHtml(words.setsUnit)}</p>
${field(words.period, slip.period)}
${field(words.receivedAt, slip.receivedAt)}
${field(words.due, slip.due)}
${field(words.collectAt, slip.collectAt)}
<p>${escapeHtml(words.logBook)}: ${valueHtml(BLANK, true)} ${escapeHtml(words.logEntry)}: ${valueHtml(BLANK, true)}</p>
<table class="signatures"><tr>
<td><div class="strong">${escapeHtml(words.applicantSigns)}</div><div class="hint">${escapeHtml(words.signHint)}</div><div class="space"></div><div>${escapeHtml(slip.applicantSignature)}</div></td>
<td><div class="strong">${escapeHtml(words.officerSigns)}</div><div class="hint">${escapeHtml(words.signHint)}</div><div class="space"></div><div>${escapeHtml(slip.officerSignature)}</div></td>
</tr></table>
</div>
</body>
</html>`;
  return _showControls(html);
}

function valueHtml(value: Value, short = false): string {
  switch (value.kind) {
    case 'blank':
      return `<span class="blank${short ? ' short' : ''}"></span>${value.note === undefined ? '' : ` ${escapeHtml(value.note)}`}`;
    case 'notice':
      return `<span class="notice">${escapeHtml(value.text)}</span>`;
    case 'text':
      return escapeHtml(value.text);
  }
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a text for HTML content and quoted attributes. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// ---------------------------------------------------------------------------------------------------------------------
// Arguments

function checkDecision(decision: unknown): void {
  expectObject(decision, 'decision', A_DECISION);
  const value = decision as Record<string, unknown>;
  const missing = ['procedure', 'competent', 'office', 'deadline'].filter((key) => value[key] === null || typeof value[key] !== 'object');
  if (typeof value['channel'] !== 'string') missing.unshift('channel');
  if (missing.length > 0) decisionLacks(missing);
}

const DETAIL_TEXTS = ['dossierNumber', 'applicantName', 'applicantAddress', 'phone', 'email', 'collectAt', 'officerName'] as const;

function checkDetails(details: unknown): void {
  expectObject(details, 'details', { en: "the slip's details (an object, possibly empty)", vi: 'các thông tin ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (một đối tượng, có thể rỗng)' });
  const record = details as Record<string, unknown>;
  for (const key of DETAIL_TEXTS) {
    const value = record[key];
    if (value !== undefined && typeof value !== 'string') {
      invalidArgument({ en: `details.${key}: expected a string, got ${describeValue(value)}`, vi: `details.${key}: cần một chuỗi, nhận được ${describeValueVi(value)}` }, `details.${key}`);
    }
  }
  checkCount(record['sets'], 'details.sets');
  const documents = record['documents'];
  if (documents === undefined) return;
  if (!Array.isArray(documents)) {
    invalidArgument(
      { en: `details.documents: expected an array of { name, copies? }, got ${describeValue(documents)}`, vi: `details.documents: cần một danh sách { name, copies? }, nhận được ${describeValueVi(documents)}` },
      'details.documents',
    );
  }
  documents.forEach((document: unknown, index) => {
    const name = `details.documents[${index}]`;
    expectObject(document, name, { en: '{ name, copies? }', vi: '{ name, copies? }' });
    const entry = document as Record<string, unknown>;
    if (typeof entry['name'] !== 'string' || entry['name'].trim() === '') {
      invalidArgument({ en: `${name}.name: expected the document's name, got ${describeValue(entry['name'])}`, vi: `${name}.name: cần tên giấy tờ, nhận được ${describeValueVi(entry['name'])}` }, `${name}.name`);
    }
    checkCount(entry['copies'], `${name}.copies`);
  });
}

function checkCount(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)) {
    invalidArgument({ en: `${name}: expected a whole number of 1 or more, got ${describeValue(value)}`, vi: `${name}: cần một số nguyên từ 1 trở lên, nhận được ${describeValueVi(value)}` }, name);
  }
}

function checkOptions(options: unknown): { lang: Lang; format: ReceiptSlipFormat } {
  expectOptions(options);
  const { lang = 'vi', format = 'html' } = (options ?? {}) as { lang?: unknown; format?: unknown };
  if (lang !== 'vi' && lang !== 'en') {
    invalidArgument({ en: `options.lang: expected "vi" or "en", got ${describeValue(lang)}`, vi: `options.lang: cần "vi" hoặc "en", nhận được ${describeValueVi(lang)}` }, 'options.lang');
  }
  if (format !== 'html' && format !== 'text') {
    invalidArgument({ en: `options.format: expected "html" or "text", got ${describeValue(format)}`, vi: `options.format: cần "html" hoặc "text", nhận được ${describeValueVi(format)}` }, 'options.format');
  }
  return { lang, format };
}
