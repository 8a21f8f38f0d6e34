import { beforeAll, describe, expect, it } from 'vitest';
import { isTthcError } from '../errors.js';
import type { TthcError } from '../errors.js';
import { loadShippedRouter } from '../node/shipped.js';
import type { Router } from '../routing/router.js';
import type { RouteDecision, RouteRequest } from '../routing/types.js';
import { formatReceiptSlip } from './receipt-slip.js';
import type { ReceiptSlipDetails } from './receipt-slip.js';

let router: Router;

beforeAll(async () => {
  router = await loadShippedRouter();
}, 120_000);

const PERMANENT_RESIDENCE = '1.004222'; // Đăng ký thường trú: commune level, 7 working days in person
const BA_DINH = '00004'; // Phường Ba Đình, Hà Nội
const NGOC_HA = '00008'; // Phường Ngọc Hà, Hà Nội
const THU_DAU_MOT = '25747'; // Phường Thủ Dầu Một, Thành phố Hồ Chí Minh

const route = (overrides: Partial<RouteRequest> = {}): RouteDecision =>
  router.route({ procedure: PERMANENT_RESIDENCE, channel: 'in-person', office: NGOC_HA, residence: BA_DINH, receivedAt: '2026-02-12T10:00:00+07:00', ...overrides });

/** The line of the text slip that starts with `label`. */
const lineOf = (slip: string, label: string): string => slip.split('\n').find((line) => line.startsWith(label)) ?? `(no line "${label}")`;

function thrown(action: () => unknown): TthcError {
  try {
    action();
  } catch (error) {
    if (isTthcError(error)) return error;
    throw error;
  }
  throw new Error('expected a TthcError, nothing was thrown');
}

const DETAILS: ReceiptSlipDetails = Object.freeze({
  dossierNumber: 'H01.99-260212-0001',
  applicantName: 'Nguyễn Thị Minh Khai',
  applicantAddress: 'Số 1 phố Đội Cấn, Phường Ba Đình, Hà Nội',
  phone: '0912 345 678',
  email: 'khai@example.vn',
  documents: Object.freeze([
    Object.freeze({ name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', copies: 1 }),
    Object.freeze({ name: 'Giấy tờ chứng minh chỗ ở hợp pháp' }),
  ]),
  sets: 1,
  officerName: 'Trần Văn Bình',
});

describe('formatReceiptSlip fills what the decision knows', () => {
  it('writes the procedure, the offices, the receipt time and the appointment in Vietnamese, as the form does', () => {
    const slip = formatReceiptSlip(route(), {}, { format: 'text' });
    expect(slip.split('\n').slice(0, 2)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(slip).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(slip).toContain('PHƯỜNG NGỌC HÀ\nBỘ PHẬN MỘT CỬA\nPhường Ngọc Hà, ngày 12 tháng 02 năm 2026');
    expect(lineOf(slip, 'Bộ phận Một cửa:')).toBe('Bộ phận Một cửa: Phường Ngọc Hà');
    expect(lineOf(slip, 'Nội dung yêu cầu giải quyết:')).toBe('Nội dung yêu cầu giải quyết: Đăng ký thường trú (mã thủ tục 1.004222)');
    expect(lineOf(slip, '3. ')).toBe('3. Thời gian giải quyết hồ sơ theo quy định: 07 ngày làm việc');
    expect(lineOf(slip, '4. ')).toBe('4. Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 12 tháng 02 năm 2026');
    // 7 working days across the Tết 2026 break end on Monday 2 March, at the close of office hours.
    expect(lineOf(slip, '5. ')).toBe('5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 02 tháng 03 năm 2026');
  });

  it('leaves where to collect the result for the office to write when it only receives and transfers', () => {
    const slip = formatReceiptSlip(route(), {}, { format: 'text' });
    expect(lineOf(slip, '6. ')).toBe('6. Đăng ký nhận kết quả tại: ..............................');
  });

  it('sends the applicant back to the receiving office when it processes the dossier itself', () => {
    const slip = formatReceiptSlip(route({ office: BA_DINH }), {}, { format: 'text' });
    expect(lineOf(slip, '6. ')).toBe('6. Đăng ký nhận kết quả tại: Bộ phận Một cửa, Phường Ba Đình');
  });

  it('says a dossier came online and leaves the office for the one that receives it to write', () => {
    const online = router.route({ procedure: PERMANENT_RESIDENCE, channel: 'online', residence: BA_DINH, receivedAt: '2026-02-12T10:00:00+07:00' });
    const slip = formatReceiptSlip(online, {}, { format: 'text' });
    expect(lineOf(slip, 'Bộ phận Một cửa:')).toBe('Bộ phận Một cửa: .............................. (hồ sơ nộp trực tuyến)');
    expect(slip).toContain('\n..............................\nBỘ PHẬN MỘT CỬA\n.........., ngày 12 tháng 02 năm 2026');
    expect(lineOf(slip, '6. ')).toBe('6. Đăng ký nhận kết quả tại: ..............................');
  });

  it('shows times in Vietnam whatever offset the receipt was given in: 23:30 UTC is 06:30 the next day', () => {
    const slip = formatReceiptSlip(route({ receivedAt: '2026-02-11T23:30:00Z' }), {}, { format: 'text' });
    expect(lineOf(slip, '4. ')).toBe('4. Thời gian nhận hồ sơ: 06 giờ 30 phút, ngày 12 tháng 02 năm 2026');
  });

  it('marks an appointment in a year without an official holiday schedule as provisional', () => {
    const decision = route({ receivedAt: '2027-12-20T10:00:00+07:00' });
    expect(decision.calendarStatus).toBe('projected');
    expect(lineOf(formatReceiptSlip(decision, {}, { format: 'text' }), '5. ')).toMatch(/ngày \d\d tháng \d\d năm 2027 \(ngày dự kiến: năm này chưa có lịch nghỉ lễ, tết chính thức\)$/);
  });
});

describe('formatReceiptSlip leaves what it does not know to the pen', () => {
  it('draws a dotted line for every field the office did not give', () => {
    const slip = formatReceiptSlip(route(), {}, { format: 'text' });
    for (const label of ['Mã hồ sơ:', 'Tiếp nhận hồ sơ của:', 'Địa chỉ:']) expect(lineOf(slip, label)).toMatch(/: \.{30}$/);
    expect(lineOf(slip, 'Số điện thoại:')).toBe('Số điện thoại: ..............................   Email: ..............................');
    expect(lineOf(slip, '2. ')).toBe('2. Số lượng hồ sơ: .......... (bộ)');
    expect(lineOf(slip, 'Vào Sổ')).toBe('Vào Sổ theo dõi hồ sơ, Quyển số: .......... Số thứ tự: ..........');
    expect(slip).toContain('1. Thành phần hồ sơ nộp gồm:\n   1) ..............................  Số lượng (bản): ..........\n   2) ');
    expect(lineOf(slip, 'NGƯỜI TIẾP NHẬN HỒ SƠ')).toBe('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên): ..............................');
  });

  it('leaves dotted spans in HTML, and three empty rows for the documents', () => {
    const html = formatReceiptSlip(route(), {});
    expect(html.match(/<span class="blank/g)?.length).toBe(9);
    expect(html.match(/<tr class="empty">/g)?.length).toBe(3);
  });

  it('fills in what the office gives, in order, without changing it', () => {
    const slip = formatReceiptSlip(route(), DETAILS, { format: 'text' });
    expect(lineOf(slip, 'Mã hồ sơ:')).toBe('Mã hồ sơ: H01.99-260212-0001');
    expect(lineOf(slip, 'Tiếp nhận hồ sơ của:')).toBe('Tiếp nhận hồ sơ của: Nguyễn Thị Minh Khai');
    expect(lineOf(slip, 'Địa chỉ:')).toBe('Địa chỉ: Số 1 phố Đội Cấn, Phường Ba Đình, Hà Nội');
    expect(lineOf(slip, 'Số điện thoại:')).toBe('Số điện thoại: 0912 345 678   Email: khai@example.vn');
    expect(slip).toContain(
      '1. Thành phần hồ sơ nộp gồm:\n   1) Tờ khai thay đổi thông tin cư trú (mẫu CT01)  Số lượng (bản): 1\n   2) Giấy tờ chứng minh chỗ ở hợp pháp  Số lượng (bản): ..........\n2. Số lượng hồ sơ: 01 (bộ)',
    );
    expect(lineOf(slip, 'NGƯỜI NỘP HỒ SƠ')).toBe('NGƯỜI NỘP HỒ SƠ (Ký và ghi rõ họ tên): Nguyễn Thị Minh Khai');
    expect(lineOf(slip, 'NGƯỜI TIẾP NHẬN HỒ SƠ')).toBe('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên): Trần Văn Bình');
  });

  it('lets the office say where the applicant registered to collect the result', () => {
    const slip = formatReceiptSlip(route(), { collectAt: 'Tại nhà, qua dịch vụ bưu chính công ích' }, { format: 'text' });
    expect(lineOf(slip, '6. ')).toBe('6. Đăng ký nhận kết quả tại: Tại nhà, qua dịch vụ bưu chính công ích');
  });
});

describe('formatReceiptSlip without a due date', () => {
  it('says no appointment date can be given for a deadline that depends on the case, and prints no date', () => {
    // Khai báo thông tin về cư trú ...: the published deadline varies by case.
    const decision = route({ procedure: '1.010040', office: BA_DINH });
    expect(decision.deadline.status).toBe('unresolved');
    expect(decision.dueDate).toBeNull();
    for (const lang of ['vi', 'en'] as const) {
      const slip = formatReceiptSlip(decision, {}, { format: 'text', lang });
      const due = lineOf(slip, '5. ');
      expect(due).toMatch(lang === 'vi' ? /^5\. [^:]+: Không hẹn được ngày trả kết quả: thời hạn giải quyết công bố \(“.+”\)/ : /^5\. [^:]+: No appointment date can be given: the published processing time \(“.+”\) does not fix a date \(conditional\)\.$/);
      expect(due).not.toMatch(/\d{4}|tháng \d|giờ \d|\d:\d/);
      expect(lineOf(slip, '3. ')).toContain(lang === 'vi' ? 'theo công bố: “' : 'as published: “');
    }
    expect(formatReceiptSlip(decision, {})).toContain('<span class="notice">Không hẹn được ngày trả kết quả');
  });

  it("prints the period and appointment of the dossier's own case once the office gives it, naming the case", () => {
    const decision = route({ procedure: '1.010040', office: BA_DINH, receivedAt: '2026-03-02T10:00:00+07:00', deadlineVariant: 0 });
    expect(decision.deadline).toMatchObject({ status: 'resolved', value: 5, unit: 'working-days', variant: { index: 0 } });
    // The condition as the slip prints it: without its closing full stop, before the bracket closes.
    const condition = decision.deadline.status === 'resolved' ? decision.deadline.variant!.condition.replace(/(?<!\.)[.;:,]$/u, '') : '';
    const slip = formatReceiptSlip(decision, {}, { format: 'text' });
    expect(lineOf(slip, '3. ')).toMatch(/: 05 ngày làm việc \(trường hợp: (.+)\)$/);
    expect(lineOf(slip, '3. ')).toContain(condition);
    expect(lineOf(slip, '5. ')).toContain('ngày 09 tháng 03 năm 2026');
    // In English the case is the override's English reading of it (a record's own case, quoted, has none and stays
    // Vietnamese).
    const conditionEn = decision.deadline.status === 'resolved' ? decision.deadline.variant!.conditionEn!.replace(/(?<!\.)[.;:,]$/u, '') : '';
    expect(conditionEn).toMatch(/National Population Database/u);
    expect(lineOf(formatReceiptSlip(decision, {}, { format: 'text', lang: 'en' }), '3. ')).toContain(`05 working days (case: ${conditionEn})`);
    const quoted = { ...decision, deadline: { ...decision.deadline, variant: { index: 0, condition: decision.deadline.status === 'resolved' ? decision.deadline.variant!.condition : '' } } } as RouteDecision;
    expect(lineOf(formatReceiptSlip(quoted, {}, { format: 'text', lang: 'en' }), '3. ')).toContain(`05 working days (case: ${condition})`);
  });

  it('says no processing period is prescribed, and never that no result comes, when the procedure has none', () => {
    // A VAT return (a filing, nothing to return) and a resistance-war allowance (a decision comes, with no period): the
    // slip says the same of both, since it cannot tell a citizen that nothing will come.
    for (const procedure of ['1.007014', '1.013147']) {
      const decision = route({ procedure, office: BA_DINH, channel: 'online' });
      expect(decision.deadline.status, procedure).toBe('not-applicable');
      const slip = formatReceiptSlip(decision, {}, { format: 'text' });
      expect(lineOf(slip, '5. ')).toBe('5. Thời gian trả kết quả giải quyết hồ sơ: Không hẹn ngày trả kết quả: thủ tục này không có thời hạn giải quyết theo quy định.');
      expect(lineOf(slip, '3. ')).toBe('3. Thời gian giải quyết hồ sơ theo quy định: không có thời hạn giải quyết theo quy định');
      expect(lineOf(formatReceiptSlip(decision, {}, { format: 'text', lang: 'en' }), '5. ')).toContain('No appointment date: no processing period is prescribed for this procedure.');
    }
  });

  it('says why when the channel has no deadline, and when rules disagree', () => {
    const decision = route({ office: BA_DINH });
    const unavailable: RouteDecision = { ...decision, deadline: { status: 'unavailable', reason: 'the catalogue gives no post channel for this procedure' } as RouteDecision['deadline'], dueDate: null, dueAt: null, calendarStatus: null };
    expect(lineOf(formatReceiptSlip(unavailable, {}, { format: 'text', lang: 'en' }), '5. ')).toBe('5. Result to be returned at: No appointment date can be given: the catalogue gives no post channel for this procedure.');
    expect(lineOf(formatReceiptSlip(unavailable, {}, { format: 'text' }), '3. ')).toBe('3. Thời gian giải quyết hồ sơ theo quy định: ..............................');
    const conflicting: RouteDecision = { ...decision, dueDate: null, dueAt: null, calendarStatus: null, conflicts: [{ part: 'deadline', priority: 10, ruleIds: ['a', 'b'] }] };
    expect(lineOf(formatReceiptSlip(conflicting, {}, { format: 'text' }), '5. ')).toBe('5. Thời gian trả kết quả giải quyết hồ sơ: Không hẹn được ngày trả kết quả: các quy tắc áp dụng mâu thuẫn nhau về thời hạn giải quyết.');
  });
});

describe('formatReceiptSlip and a refused dossier', () => {
  it('makes no slip, since one would read as acceptance, and names the refusal notice to give instead', () => {
    const decision = route({ office: THU_DAU_MOT });
    expect(decision.office.action).toBe('refuse');
    for (const format of ['html', 'text'] as const) {
      const error = thrown(() => formatReceiptSlip(decision, DETAILS, { format }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe('decision');
      expect(error.message).toMatch(/^decision: the office refuses this dossier \(.+\), so no receipt slip is made.*Phiếu từ chối tiếp nhận giải quyết hồ sơ/);
    }
  });
});

describe('formatReceiptSlip and a dossier the office helps file online', () => {
  it('makes no slip: the office does not receive it, the portal does', () => {
    // Birth registration (civil status) of a Ba Đình family brought to a Thủ Dầu Một ward: Decree 120 Art. 5(1).
    const decision = route({ procedure: '1.001193', office: THU_DAU_MOT });
    expect(decision.office.action).toBe('assist-online');
    for (const lang of ['vi', 'en'] as const) {
      const error = thrown(() => formatReceiptSlip(decision, DETAILS, { lang }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.argument).toBe('decision');
      expect(error.message).toMatch(/^decision: the office helps the applicant file this dossier online with the competent body \(.+\), so it does not receive the dossier and makes no receipt slip/);
      expect(error.messageVi).toMatch(/^decision: cơ quan này hỗ trợ người dân nộp hồ sơ trực tuyến đến cơ quan có thẩm quyền giải quyết \(.+\), nên không tự tiếp nhận hồ sơ/);
    }
  });
});

describe('formatReceiptSlip in HTML', () => {
  it('is one self-contained A4 document with Vietnamese-capable serif fonts and nothing loaded from outside', () => {
    const html = formatReceiptSlip(route(), DETAILS);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html.endsWith('</html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4; margin: 20mm 15mm; }');
    expect(html).toContain('font-family: "Times New Roman", "Noto Serif", "DejaVu Serif", serif;');
    expect(html).not.toMatch(/\b(?:src|href)=|url\(|@import|<script|<link|https?:/i);
    expect(html).toContain('<meta name="generator" content="tthc ');
  });

  it('escapes every text from the data and from the office', () => {
    const decision = route();
    const hostile: RouteDecision = {
      ...decision,
      procedure: { ...decision.procedure, name: '<img src=x onerror="alert(1)">' },
      office: { ...decision.office, unit: { code: NGOC_HA, name: 'A & B <i>' , level: 'commune' } },
    };
    const html = formatReceiptSlip(hostile, {
      applicantName: '<script>alert("x")</script>',
      dossierNumber: `"'><b>`,
      documents: [{ name: '</td></tr></table><h1>giả</h1>', copies: 2 }],
      officerName: 'O\'Brien & Co',
    });
    expect(html).not.toMatch(/<script|<img|<b>|<h1>giả|<i>/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&#39;&gt;&lt;b&gt;');
    expect(html).toContain('A &amp; B &lt;I&gt;'); // the header's upper case
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;giả&lt;/h1&gt;');
    expect(html).toContain('O&#39;Brien &amp; Co');
  });

  it('makes control characters visible in both formats', () => {
    const slip = formatReceiptSlip(route(), { applicantName: 'A\u001b[31mB' }, { format: 'text' });
    expect(slip).not.toMatch(/\u001b/);
    expect(slip).toContain('A\u241b[31mB');
    expect(formatReceiptSlip(route(), { applicantName: 'A\u001bB' })).not.toMatch(/\u001b/);
  });
});

describe('formatReceiptSlip in both languages', () => {
  it('is in Vietnamese, the form language, unless English is asked for', () => {
    expect(formatReceiptSlip(route(), {}, { format: 'text' })).toBe(formatReceiptSlip(route(), {}, { format: 'text', lang: 'vi' }));
    expect(formatReceiptSlip(route(), {})).toContain('<html lang="vi">');
  });

  it('renders the same fields with English labels, keeping the data as written', () => {
    const slip = formatReceiptSlip(route(), DETAILS, { format: 'text', lang: 'en' });
    expect(slip.split('\n').slice(0, 2)).toEqual(['SOCIALIST REPUBLIC OF VIETNAM', 'Independence - Freedom - Happiness']);
    expect(slip).toContain('PHƯỜNG NGỌC HÀ\nONE-STOP OFFICE\nPhường Ngọc Hà, 12 February 2026');
    expect(lineOf(slip, 'Dossier number:')).toBe('Dossier number: H01.99-260212-0001');
    expect(lineOf(slip, 'Request to be resolved:')).toBe('Request to be resolved: Đăng ký thường trú (procedure 1.004222)');
    expect(lineOf(slip, '3. ')).toBe('3. Processing time set by law: 07 working days');
    expect(lineOf(slip, '4. ')).toBe('4. Dossier received at: 10:00, 12 February 2026');
    expect(lineOf(slip, '5. ')).toBe('5. Result to be returned at: 17:00, 2 March 2026');
    expect(lineOf(slip, 'RECEIVING OFFICER')).toBe('RECEIVING OFFICER (signature and full name): Trần Văn Bình');
    expect(formatReceiptSlip(route(), {}, { lang: 'en' })).toContain('<html lang="en">');
  });

  it('has in the text format every field of the HTML one', () => {
    for (const lang of ['vi', 'en'] as const) {
      const html = formatReceiptSlip(route(), DETAILS, { lang });
      const slip = formatReceiptSlip(route(), DETAILS, { lang, format: 'text' });
      const labels = [...html.matchAll(/<p[^>]*>([^<:]+):/g)].map((match) => match[1]!.replace(/&nbsp;/g, ' ').trim());
      expect(labels.length).toBeGreaterThan(12);
      for (const label of labels) expect(slip, label).toContain(`${label}:`);
      for (const value of ['H01.99-260212-0001', 'Nguyễn Thị Minh Khai', 'Trần Văn Bình', '0912 345 678', 'khai@example.vn', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)']) {
        expect(html).toContain(value);
        expect(slip).toContain(value);
      }
    }
  });
});

describe('formatReceiptSlip arguments', () => {
  it('leaves the decision and the details as they were', () => {
    const decision = route();
    const before = JSON.stringify([decision, DETAILS]);
    formatReceiptSlip(decision, DETAILS);
    expect(JSON.stringify([decision, DETAILS])).toBe(before);
  });

  it.each([
    [{ format: 'pdf' }, {}, 'options.format'],
    [{ lang: 'fr' }, {}, 'options.lang'],
    [{}, { documents: [{ name: 'Tờ khai', copies: 0 }] }, 'details.documents[0].copies'],
    [{}, { documents: [{ name: ' ' }] }, 'details.documents[0].name'],
    [{}, { documents: 'Tờ khai' }, 'details.documents'],
    [{}, { applicantName: 42 }, 'details.applicantName'],
    [{}, { sets: 1.5 }, 'details.sets'],
    [{}, null, 'details'],
    [null, {}, 'options'],
  ])('refuses the options %j with the details %j, naming %s', (options, details, argument) => {
    const error = thrown(() => formatReceiptSlip(route(), details as ReceiptSlipDetails, options as object));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.argument).toBe(argument);
  });

  it('refuses what is not a decision', () => {
    expect(thrown(() => formatReceiptSlip('decision' as unknown as RouteDecision)).argument).toBe('decision');
    expect(thrown(() => formatReceiptSlip({ procedure: {} } as unknown as RouteDecision)).message).toBe('decision: expected a decision from route(); it has no channel, competent, office, deadline');
  });
});
