/**
 * Reading a channel's deadline from the whole record (scripts/_deadline-record.ts), on texts taken from real records.
 */
import { describe, expect, it } from 'vitest';
import { resolveChannelDeadline } from '../scripts/_deadline-record.js';
import { splitChannels, splitGluedAmount } from '../scripts/_portal.js';

const NO_TEXTS = { steps: '', result: '' };
const row = (time: string, description = '') => ({ time, description });

describe('resolveChannelDeadline', () => {
  it('keeps a cell that states value and unit, quoting it', () => {
    expect(resolveChannelDeadline([row('10 Ngày làm việc')], NO_TEXTS)).toEqual({
      status: 'resolved', value: 10, unit: 'working-days', raw: '10 Ngày làm việc', basis: [{ source: 'cell', text: '10 Ngày làm việc' }],
    });
  });

  it('reads "10 Ngày" as working days when the row says "10 ngày làm việc", with the other case a variant (1.009664)', () => {
    const description = '- Đối với trường hợp (1) và (4): 10 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.\n- Đối với trường hợp (2) và (3): 05 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.';
    const deadline = resolveChannelDeadline([row('10 Ngày', description)], NO_TEXTS);
    expect(deadline).toMatchObject({ status: 'resolved', value: 10, unit: 'working-days', variants: [{ value: 5, unit: 'working-days' }] });
    expect(deadline.basis?.map((entry) => entry.source)).toEqual(['cell', 'description']);
  });

  it('gives a bare number the unit the steps state for the same number', () => {
    const steps = 'Bước 2: Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, cơ quan có thẩm quyền cấp giấy phép.';
    expect(resolveChannelDeadline([row('3')], { steps, result: '' })).toMatchObject({ status: 'resolved', value: 3, unit: 'working-days', basis: [{ source: 'cell' }, { source: 'steps' }] });
  });

  it('does not read the unit of a bare "1" from a step that happens to take one working day', () => {
    const steps = 'Trong thời hạn 01 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, bộ đăng tải hồ sơ. Trong thời hạn 45 ngày, kể từ ngày kết thúc lấy ý kiến, bộ tổ chức đánh giá.';
    expect(resolveChannelDeadline([row('1')], { steps, result: '' })).toMatchObject({ status: 'unresolved', reason: 'no-unit' });
  });

  it('takes the single period the steps state for the result when the cell is a bare "1" placeholder', () => {
    const steps = 'Bước 2: Trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ, Cơ quan đăng ký đầu tư quyết định thu hồi Giấy chứng nhận.';
    expect(resolveChannelDeadline([row('1')], { steps, result: '' })).toMatchObject({ status: 'resolved', value: 10, unit: 'working-days' });
  });

  it('never takes the time to ask for supplements as the deadline', () => {
    const steps = 'Trường hợp hồ sơ chưa hợp lệ, trong thời hạn 02 ngày làm việc cơ quan thông báo bổ sung hồ sơ.';
    expect(resolveChannelDeadline([row('Không có thông tin')], { steps, result: '' })).toMatchObject({ status: 'unresolved', reason: 'missing' });
  });

  it('calls rows that each name their case conditional, with every case a variant and no default (1.013285)', () => {
    const deadline = resolveChannelDeadline(
      [row('10 Ngày làm việc', 'Mười (10) ngày làm việc đối với các dự án xây dựng nhà ở'), row('15 Ngày làm việc', 'Mười lăm (15) ngày làm việc đối với các dự án xây dựng khu kinh tế')],
      NO_TEXTS,
    );
    expect(deadline).toMatchObject({ status: 'unresolved', reason: 'conditional' });
    expect(deadline.status === 'unresolved' ? deadline.variants?.map((variant) => variant.value) : undefined).toEqual([10, 15]);
  });

  it('keeps a row without text as the default beside a row that names its case (1.013129)', () => {
    expect(resolveChannelDeadline([row('07 Ngày'), row('14 Ngày', 'Trường hợp nội dung thẩm định phức tạp thì thời gian tối đa không quá 14 ngày.')], NO_TEXTS)).toMatchObject({
      status: 'resolved', value: 7, unit: 'calendar-days', variants: [{ value: 14, unit: 'calendar-days' }],
    });
  });

  it('calls rows without conditions that disagree contradictory, quoting each', () => {
    expect(resolveChannelDeadline([row('21 Ngày'), row('5 Ngày làm việc')], NO_TEXTS)).toMatchObject({
      status: 'unresolved', reason: 'contradictory', basis: [{ source: 'cell', text: '21 Ngày' }, { source: 'cell', text: '5 Ngày làm việc' }],
    });
  });

  it('lets the base period of the description stand when the cell gives the longest case', () => {
    const description = 'Thời hạn giải quyết không quá 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ; đối với vụ việc phức tạp thì thời hạn giải quyết có thể kéo dài hơn nhưng không quá 60 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ.';
    expect(resolveChannelDeadline([row('60 Ngày', description)], NO_TEXTS)).toMatchObject({ status: 'resolved', value: 30, unit: 'calendar-days' });
  });

  it('gives no due date for a complaint whose periods run from its acceptance, not from receipt (1.013524)', () => {
    const description = 'Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý để giải quyết; đối với vụ việc phức tạp thì thời hạn giải quyết có thể kéo dài hơn nhưng không quá 60 ngày, kể từ ngày thụ lý để giải quyết.';
    expect(resolveChannelDeadline([row('60 Ngày', description)], NO_TEXTS)).toMatchObject({
      status: 'unresolved',
      reason: 'later-start',
      basis: [{ source: 'cell', text: '60 Ngày' }, { source: 'description', text: expect.stringContaining('kể từ ngày thụ lý') }],
    });
  });

  it('keeps a cell that is a named case of its own as the base, the shorter case a variant, never the default (2.001694)', () => {
    // "cấp mới" 4 working days, "cấp lại" 2: the cell is the new licence's period; taking 2 would date a new one early.
    const description = 'đối với cấp mới là 04 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ; cấp lại trong thời hạn 02 ngày làm việc kể từ ngày nhận được đơn đề nghị';
    const deadline = resolveChannelDeadline([row('4 Ngày làm việc', description)], NO_TEXTS);
    expect(deadline).toMatchObject({ status: 'resolved', value: 4, unit: 'working-days', variants: [{ value: 2, unit: 'working-days', condition: 'cấp lại trong thời hạn 02 ngày làm việc kể từ ngày nhận được đơn đề nghị' }] });
  });

  it('lets the period of every dossier stand when the cell is its justified extension (1.011427)', () => {
    const description = 'Cơ quan đăng ký có trách nhiệm giải quyết hồ sơ đăng ký trong ngày làm việc nhận được hồ sơ hợp lệ; nếu thời điểm nhận hồ sơ sau 15 giờ cùng ngày thì có thể hoàn thành việc đăng ký trong ngày làm việc tiếp theo. Trường hợp cơ quan đăng ký có lý do chính đáng phải kéo dài thời gian giải quyết hồ sơ đăng ký thì thời hạn giải quyết hồ sơ không quá 03 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.';
    expect(resolveChannelDeadline([row('3 Ngày làm việc', description)], NO_TEXTS)).toMatchObject({ status: 'resolved', value: 0, unit: 'same-day', variants: [{ value: 3, unit: 'working-days' }] });
  });

  it('marks a case counted from another event than receipt with that event, and only such a case (1.000660)', () => {
    const description = 'Thời hạn kiểm tra: trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ đúng quy định.\nTrường hợp quyết định công bố: trong thời hạn 03 ngày làm việc kể từ ngày kết thúc kiểm tra.';
    const deadline = resolveChannelDeadline([row('10 Ngày làm việc', description)], NO_TEXTS);
    expect(deadline.status === 'resolved' ? deadline.variants : undefined).toEqual([
      { value: 3, unit: 'working-days', condition: 'Trường hợp quyết định công bố: trong thời hạn 03 ngày làm việc kể từ ngày kết thúc kiểm tra.', source: 'description', countedFrom: 'kể từ ngày kết thúc kiểm tra' },
    ]);
  });

  it('does not take the "nhận" of a certificate issued for receipt of the dossier (1.014681)', () => {
    const steps = 'Trong thời hạn 01 ngày làm việc kể từ ngày thực hiện kiểm dịch, Cơ quan kiểm dịch động vật cửa khẩu cấp Giấy chứng nhận vận chuyển sản phẩm động vật nhập khẩu.';
    expect(resolveChannelDeadline([row('1')], { steps, result: '' })).toMatchObject({ status: 'unresolved', reason: 'no-unit' });
  });

  it('reads "0 Giờ" with "Ngay sau khi ... tiếp nhận đầy đủ các loại giấy tờ" as same day', () => {
    expect(resolveChannelDeadline([row('0 Giờ', 'Ngay sau khi Biên phòng cửa khẩu cảng tiếp nhận đầy đủ các loại giấy tờ.')], NO_TEXTS)).toMatchObject({ status: 'resolved', value: 0, unit: 'same-day' });
  });

  it('marks a filing with no result as not applicable, quoting the cell or the result field', () => {
    expect(resolveChannelDeadline([row('Không phải trả kết quả cho người nộp thuế')], NO_TEXTS)).toMatchObject({ status: 'not-applicable' });
    expect(resolveChannelDeadline([row('1')], { steps: '', result: 'Hồ sơ gửi đến cơ quan thuế không có kết quả giải quyếtMã: KQ.G12.000429' })).toMatchObject({
      status: 'not-applicable', basis: [{ source: 'cell' }, { source: 'result' }],
    });
  });

  it('reads "N Tháng" as calendar months', () => {
    expect(resolveChannelDeadline([row('4 Tháng')], NO_TEXTS)).toMatchObject({ status: 'resolved', value: 4, unit: 'months' });
  });
});

describe('splitChannels and glued fees', () => {
  it('splits "120 VNĐ(20.000 vnđ /tờ khai)" into the deadline "1" and the fee, since the note states the amount', () => {
    const [first] = splitChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(20.000 vnđ /tờ khai)');
    expect(first).toMatchObject({ time: '1', fee: '20 VNĐ(20.000 vnđ /tờ khai)', description: '' });
    expect(first?.glued).toBeUndefined();
  });

  it('keeps "120 VNĐ(Nếu nộp hồ sơ tại Cơ quan đại diện ...)" glued: nothing says where the fee starts (2.001895)', () => {
    const [first] = splitChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(Nếu nộp hồ sơ tại Cơ quan đại diện Việt Nam ở nước ngoài)');
    expect(first).toMatchObject({ time: '', glued: '120 VNĐ(Nếu nộp hồ sơ tại Cơ quan đại diện Việt Nam ở nước ngoài)' });
    expect(resolveChannelDeadline([{ time: first!.time, description: first!.description, glued: first!.glued! }], NO_TEXTS)).toMatchObject({ status: 'unresolved', reason: 'fee-glued' });
  });

  it.each([
    ['1100', '(Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần)', { time: '1', amount: '100' }],
    ['220', '(lệ phí hải quan 20.000 đồng/ tờ khai hải quan.)', { time: '2', amount: '20' }],
    ['125', '', undefined],
  ] as const)('splits %s with note %s', (digits, note, expected) => {
    expect(splitGluedAmount(digits, note)).toEqual(expected);
  });

  describe('a period counted from a later event than receipt', () => {
    it('is later-start when the cell is the last stage, counted from the end of an assessment (1.001322)', () => {
      const description = '- Tiếp nhận hồ sơ: 03 ngày làm việc.\n- Kiểm tra, đánh giá thực tế: 08 ngày.\n- Cấp Giấy chứng nhận: 02 ngày làm việc.';
      const steps = 'Trong thời hạn 02 ngày làm việc kể từ ngày kết thúc việc kiểm tra, đánh giá thực tế đạt yêu cầu, Sở Xây dựng cấp giấy chứng nhận đủ điều kiện hoạt động kiểm định xe cơ giới.';
      expect(resolveChannelDeadline([row('2 Ngày làm việc', description)], { steps, result: '' })).toEqual({
        status: 'unresolved',
        raw: '2 Ngày làm việc',
        reason: 'later-start',
        basis: [{ source: 'cell', text: '2 Ngày làm việc' }, { source: 'steps', text: steps }],
      });
    });

    it('is later-start for a bare number whose steps count it from sampling (1.007930)', () => {
      const steps = 'Trong thời hạn 09 ngày làm việc kể từ khi lấy mẫu kiểm tra, cơ quan kiểm tra nhà nước thông báo kết quả kiểm tra.';
      expect(resolveChannelDeadline([row('9')], { steps, result: '' })).toMatchObject({ status: 'unresolved', reason: 'later-start' });
    });

    it('stays from receipt when the same period from a later event is the applicant\'s duty or a follow-up (1.009797, 1.013217)', () => {
      const steps = [
        'Bước 1: Trong thời hạn 15 ngày kể từ ngày không còn đáp ứng một trong các điều kiện CTĐC, Công ty đại chúng gửi tài liệu báo cáo đến UBCKNN.',
        'Bước 4: Trong thời hạn 15 ngày kể từ ngày nhận được hồ sơ đầy đủ và hợp lệ, UBCKNN xem xét hủy tư cách CTĐC.',
      ].join('\n');
      expect(resolveChannelDeadline([row('15 Ngày')], { steps, result: '' })).toMatchObject({ status: 'resolved', value: 15, unit: 'calendar-days' });
      const certificate = [
        'Trong thời hạn 05 ngày kể từ ngày nhận đủ hồ sơ hợp lệ, Sở Xây dựng cấp lại chứng chỉ hành nghề.',
        'Trong thời hạn không quá 05 ngày, kể từ ngày cấp chứng chỉ, Sở Xây dựng có trách nhiệm đăng tải thông tin về năng lực hoạt động.',
      ].join('\n');
      expect(resolveChannelDeadline([row('5 Ngày')], { steps: certificate, result: '' })).toMatchObject({ status: 'resolved', value: 5 });
    });

    it('stays from receipt when the same period from a later event is the time to file (2.002004, 1.012681)', () => {
      const steps = 'Trong thời hạn 15 ngày, kể từ ngày hoàn tất giao dịch chuyển nhượng phần vốn góp, công ty thực hiện quản lý quỹ gửi hồ sơ thông báo tới Cơ quan đăng ký kinh doanh cấp tỉnh.';
      expect(resolveChannelDeadline([row('15 Ngày làm việc')], { steps, result: '' })).toMatchObject({ status: 'resolved', value: 15, unit: 'working-days' });
    });

    it('is contradictory, quoting both, when the record counts the same result period from receipt and from a later event (1.014255)', () => {
      const description = 'Thời hạn tuyển chọn: 24 ngày làm việc kể từ ngày tiếp nhận hồ sơ.';
      const steps = 'Trong thời hạn 24 ngày làm việc, kể từ ngày kết thúc công việc công bố danh mục đề án điều tra địa chất về khoáng sản, cơ quan có thẩm quyền tổ chức tuyển chọn.';
      const deadline = resolveChannelDeadline([row('24 Ngày làm việc', description)], { steps, result: '' });
      expect(deadline).toMatchObject({ status: 'unresolved', reason: 'contradictory' });
      expect(deadline.basis?.map((entry) => entry.text)).toEqual(['24 Ngày làm việc', description, steps]);
    });

    it('reads a start past a line break inside the sentence (1.004123)', () => {
      const steps = 'Nếu hồ sơ hợp lệ thì trong thời hạn 03 ngày làm việc kể từ ngày\nnhận được hồ sơ, Cảng vụ có văn bản chấp thuận.';
      expect(resolveChannelDeadline([row('3 Ngày làm việc')], { steps, result: '' })).toMatchObject({ status: 'resolved', value: 3, unit: 'working-days' });
    });

    it('keeps a row\'s case counted from a later event as a case, naming the event (1.013194)', () => {
      const steps = 'Trong thời hạn 05 ngày làm việc kể từ ngày kết thúc kiểm tra, cơ quan có thẩm quyền ra quyết định.';
      const deadline = resolveChannelDeadline(
        [row('5 Ngày làm việc', 'Trường hợp phải kiểm tra thực tế'), row('3 Ngày làm việc', 'Trường hợp không phải kiểm tra: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ')],
        { steps, result: '' },
      );
      expect(deadline).toMatchObject({ status: 'unresolved', reason: 'conditional' });
      expect(deadline.status === 'unresolved' ? deadline.variants : undefined).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ value: 5, unit: 'working-days', countedFrom: 'kể từ ngày kết thúc kiểm tra' }),
          expect.objectContaining({ value: 3, unit: 'working-days' }),
        ]),
      );
    });

    it('compares days of either kind: a cell of "25 Ngày làm việc" with steps of "25 ngày" from a later event (1.013997)', () => {
      const steps = 'Trong thời hạn 25 ngày kể từ ngày tổ chức thẩm định, cơ quan có thẩm quyền ra quyết định.';
      expect(resolveChannelDeadline([row('25 Ngày làm việc')], { steps, result: '' })).toMatchObject({ status: 'unresolved', reason: 'later-start' });
    });

    it('reads the role on the whole sentence past a line break: a body\'s report before the decision is a step (6.001432)', () => {
      const description = 'Trong thời hạn 15 ngày, kể từ ngày nhận được tờ trình của cơ quan quản lý nhà ở cấp tỉnh';
      const steps = 'chương trình phát triển nhà ở thì trong thời hạn tối đa 15 ngày, kể từ ngày Ủy ban\nnhân dân cấp tỉnh phê duyệt chương trình, cơ quan quản lý nhà ở cấp tỉnh phải lập báo cáo đề xuất.';
      expect(resolveChannelDeadline([row('15 Ngày', description)], { steps, result: '' })).toMatchObject({ status: 'resolved', value: 15, unit: 'calendar-days' });
    });

    it('takes an applicant\'s publishing of information for a step, not the result (1.009792)', () => {
      const steps = [
        'Bước 2: Trong thời hạn 07 ngày làm việc kể từ ngày nhận được tài liệu báo cáo đầy đủ và hợp lệ, UBCKNN gửi văn bản thông báo cho công ty.',
        'Bước 3: Công ty đại chúng phải công bố thông tin trên trang thông tin điện tử của công ty sau 07 ngày làm việc kể từ ngày công bố thông tin.',
      ].join('\n');
      expect(resolveChannelDeadline([row('7 Ngày làm việc')], { steps, result: '' })).toMatchObject({ status: 'resolved', value: 7, unit: 'working-days' });
    });

    it('does not take the close of an application window or costs paid for receipt (2.000970, 1.010390)', () => {
      const window = 'Tổ đánh giá hoàn thành việc đánh giá trong thời hạn 10 ngày làm việc kể từ ngày hết hạn nộp hồ sơ.';
      expect(resolveChannelDeadline([row('10 Ngày làm việc')], { steps: window, result: '' })).toMatchObject({ status: 'unresolved', reason: 'later-start' });
      const exam = 'Trong thời hạn 10 ngày làm việc kể từ ngày có Quyết định phê duyệt kết quả thi, Viện cấp chứng chỉ cho các thí sinh đăng ký thi và nộp chi phí dự thi.';
      expect(resolveChannelDeadline([row('10 Ngày làm việc')], { steps: exam, result: '' })).toMatchObject({ status: 'unresolved', reason: 'later-start' });
    });

    it('reads a number with its words in brackets, "05 (năm) ngày làm việc" (2.002623)', () => {
      const description = '05 (năm) ngày làm việc, kể từ ngày nhận đủ hồ sơ theo quy định.';
      expect(resolveChannelDeadline([row('5 Ngày', description)], NO_TEXTS)).toMatchObject({ status: 'resolved', value: 5, unit: 'working-days' });
    });

    it('does not take the close of a receiving window or a fee paid for receipt (2.002633, 3.000346)', () => {
      const window = 'Trong thời hạn 05 ngày làm việc kể từ ngày kết thúc nhận hồ sơ, Hội đồng thi thông báo danh sách thí sinh đủ điều kiện dự thi.';
      expect(resolveChannelDeadline([row('5 Ngày làm việc')], { steps: window, result: '' })).toMatchObject({ status: 'unresolved', reason: 'later-start' });
      const licence = 'Giấy phép lái xe bằng chất liệu PET được cấp trong thời hạn 07 ngày kể từ ngày kết thúc kỳ sát hạch và người đạt kết quả kỳ sát hạch đã hoàn thành nghĩa vụ nộp lệ phí cấp giấy phép lái xe.';
      expect(resolveChannelDeadline([row('7 Ngày')], { steps: licence, result: '' })).toMatchObject({ status: 'unresolved', reason: 'later-start' });
    });
  });
});
