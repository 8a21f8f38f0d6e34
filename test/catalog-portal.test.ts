import { describe, expect, it } from 'vitest';
import { splitChannels, splitLegalBasis, splitResults } from '../scripts/_portal.js';

describe('splitChannels (flattened portal text)', () => {
  it('splits blocks of channel, time and fee (1.001193 birth registration)', () => {
    expect(splitChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí')).toEqual([
      { channel: 'Trực tuyến', time: '1', fee: 'Miễn phí', description: '' },
      { channel: 'Dịch vụ bưu chính', time: '1', fee: 'Miễn phí', description: '' },
      { channel: 'Trực tiếp', time: '1', fee: 'Miễn phí', description: '' },
    ]);
  });

  it('keeps a fee note in parentheses with the fee and the rest as description', () => {
    const [row] = splitChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việc135 VNĐ(Lệ phí: 135.000 đồng/lần.)Nộp tại Sở');
    expect(row).toEqual({ channel: 'Trực tiếp', time: '5 Ngày làm việc', fee: '135 VNĐ(Lệ phí: 135.000 đồng/lần.)', description: 'Nộp tại Sở' });
  });

  it('does not start a block at a channel name inside a description', () => {
    const rows = splitChannels(
      'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp10 NgàyKhông có thông tinTrực tiếp tại cơ quan Công an cấp huyện.Trực tiếp10 NgàyKhông có thông tin- Công an cấp tỉnh: 10 ngày.',
    );
    expect(rows.map((row) => row.description)).toEqual(['Trực tiếp tại cơ quan Công an cấp huyện.', '- Công an cấp tỉnh: 10 ngày.']);
  });

  it('reads a free-text time up to the fee (1.009825)', () => {
    const [row] = splitChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếpKhôngKhông có thông tinTại Trung tâm phục vụ hành chính công');
    expect(row).toMatchObject({ time: 'Không', fee: 'Không có thông tin', description: 'Tại Trung tâm phục vụ hành chính công' });
  });
});

describe('splitLegalBasis', () => {
  it('splits titles from document numbers', () => {
    expect(
      splitLegalBasis('Tên văn bản pháp lýMã văn bảnLuật Trật tự, an toàn giao thông đường bộ36/2024/QH15Quy định về hoạt động vận tải đường bộ158/2024/NĐ-CP'),
    ).toEqual([
      { number: '36/2024/QH15', title: 'Luật Trật tự, an toàn giao thông đường bộ' },
      { number: '158/2024/NĐ-CP', title: 'Quy định về hoạt động vận tải đường bộ' },
    ]);
  });

  it('drops a document type glued to the number cell', () => {
    expect(splitLegalBasis('Tên văn bản pháp lýMã văn bảnNghị định quy định về thanh toán không dùng tiền mặtNghị định 52/2024/NĐ-CP')).toEqual([
      { number: '52/2024/NĐ-CP', title: 'Nghị định quy định về thanh toán không dùng tiền mặt' },
    ]);
  });

  it('keeps numbers inside a title with the title', () => {
    expect(splitLegalBasis('Tên văn bản pháp lýMã văn bảnNghị định số 64/2020/NĐ-CP ngày 10/6/2020 của Chính phủ.64/2020/NĐ-CP')).toEqual([
      { number: '64/2020/NĐ-CP', title: 'Nghị định số 64/2020/NĐ-CP ngày 10/6/2020 của Chính phủ.' },
    ]);
  });
});

describe('splitResults', () => {
  it('splits result names and codes and drops the page chrome', () => {
    expect(splitResults('Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tinNộp hồ sơ')).toEqual([
      { name: 'Giấy khai sinh', code: 'KQ.G15.000031' },
    ]);
  });
});
