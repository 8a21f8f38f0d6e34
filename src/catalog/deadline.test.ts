import { describe, expect, it } from 'vitest';
import { parseDeadline, parseFee } from './deadline.js';

describe('parseDeadline', () => {
  it.each([
    ['10 Ngày làm việc', 10, 'working-days'],
    ['60 Ngày làm việc', 60, 'working-days'],
    ['07 Ngày', 7, 'calendar-days'],
    ['30 Ngày', 30, 'calendar-days'],
    ['1 Giờ', 1, 'working-hours'],
    ['4 Giờ làm việc', 4, 'working-hours'],
    ['0.5 Giờ', 0.5, 'working-hours'],
    ['1/2 ngày làm việc', 0.5, 'working-days'],
    ['0,5 ngày', 0.5, 'calendar-days'],
    ['ngay trong ngày', 0, 'same-day'],
    ['Trong ngày', 0, 'same-day'],
    ['12 Tháng', 12, 'months'],
  ])('reads "%s" as %s %s', (raw, value, unit) => {
    expect(parseDeadline(raw)).toEqual({ status: 'resolved', value, unit, raw });
  });

  it.each([
    ['1', 'no-unit'],
    ['10', 'no-unit'],
    ['Không có thông tin', 'missing'],
    ['Không quy định', 'missing'],
    ['Không', 'missing'],
    ['', 'missing'],
    ['10-25', 'range'],
    ['2 Năm', 'unsupported-unit'],
    ['1,5 Tháng', 'unsupported-unit'],
    ['0 Giờ', 'zero'],
    ['0 Ngày làm việc', 'zero'],
    ['Chậm nhất là ngay trước khi tàu rời cảng', 'no-number'],
    ['Không phải trả kết quả cho người nộp thuế', 'no-number'],
    ['Hệ thống giải quyết thủ tục hành chính ngành Thuế thực hiện phản hồi tự động thông qua phương thức điện tử.', 'no-number'],
    ['02 ngày làm việc và 45 ngày', 'staged'],
    ['06 ngày làm việc và 30 ngày', 'staged'],
    ['3 Giờ + 2 Giờ', 'staged'],
  ])('leaves "%s" unresolved (%s) instead of guessing', (raw, reason) => {
    expect(parseDeadline(raw)).toEqual({ status: 'unresolved', raw, reason });
  });

  it('normalises spaces and Unicode form in raw', () => {
    expect(parseDeadline('  10   Ngày làm việc '.normalize('NFD'))).toMatchObject({ status: 'resolved', value: 10, raw: '10 Ngày làm việc' });
  });
});

describe('parseFee', () => {
  it.each([
    ['Miễn phí', { raw: 'Miễn phí', free: true }],
    ['Phí : 0 Đồng', { raw: 'Phí : 0 Đồng', free: true }],
    ['Phí : Không Đồng', { raw: 'Phí : Không Đồng', free: true }],
    ['100,000 Việt Nam Đồng', { raw: '100,000 Việt Nam Đồng', amount: 100000 }],
    ['1,200,000 Việt Nam Đồng', { raw: '1,200,000 Việt Nam Đồng', amount: 1200000 }],
    ['Phí : 40.000 Đồng (Phí sơ tuyển)', { raw: 'Phí : 40.000 Đồng (Phí sơ tuyển)', amount: 40000 }],
    ['135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)', { raw: '135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)' }],
    ['10 USD(/lần)', { raw: '10 USD(/lần)' }],
    ['Không có thông tin', { raw: 'Không có thông tin' }],
  ])('reads "%s"', (raw, fee) => {
    expect(parseFee(raw)).toEqual(fee);
  });

  it('gives no amount when several fee lines are listed', () => {
    expect(parseFee('Phí : 1.000.000 Đồng (A)\nPhí : 2.000.000 Đồng (B)')).toEqual({ raw: 'Phí : 1.000.000 Đồng (A)\nPhí : 2.000.000 Đồng (B)' });
  });

  it('returns undefined for empty text', () => {
    expect(parseFee('  ')).toBeUndefined();
  });
});
