/**
 * Errors thrown by the calendar, the router, the catalogue and the rules carry a whole Vietnamese message: what an app
 * shows an official when the date typed on a form does not exist, or a code is wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertDataset } from '../src/dataset.js';
import { compareIssues } from '../src/errors.js';
import type { TthcError } from '../src/errors.js';
import { addWorkingDays, computeDueDate, createCalendar, fromLunarDate } from '../src/calendar/index.js';
import type { Calendar } from '../src/calendar/index.js';
import { getUnitVersion } from '../src/catalog/catalog.js';
import { evaluateRules } from '../src/rules/index.js';
import type { Router } from '../src/routing/router.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { shippedCalendarData } from './calendar-helpers.js';
import { englishWordsIn, itThrowsInVietnamese } from './_vietnamese.js';

let calendar: Calendar;
let router: Router;
beforeAll(async () => {
  calendar = createCalendar(shippedCalendarData());
  router = await loadShippedRouter();
});

const FIVE_WORKING_DAYS = { value: 5, unit: 'working-days' } as const;
const REQUEST = { procedure: '1.004222', channel: 'in-person', office: '00008', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' } as const;

const CASES: readonly (readonly [name: string, act: () => unknown, code: TthcError['code'], vi: string])[] = [
  ['a date that does not exist', () => computeDueDate(calendar, { receivedAt: '2026-02-30T10:00:00+07:00', deadline: FIVE_WORKING_DAYS }), 'INVALID_ARGUMENT', 'receivedAt: "2026-02-30T10:00:00+07:00" không phải là một ngày có thật (cần ngày từ 01 đến 28 trong tháng 2026-02)'],
  ['an hour that does not exist', () => computeDueDate(calendar, { receivedAt: '2026-02-12T25:00:00+07:00', deadline: FIVE_WORKING_DAYS }), 'INVALID_ARGUMENT', 'có giờ không hợp lệ (giờ từ 00 đến 23, phút và giây từ 00 đến 59)'],
  ['an impossible offset', () => computeDueDate(calendar, { receivedAt: '2026-02-12T10:00:00+15:00', deadline: FIVE_WORKING_DAYS }), 'INVALID_ARGUMENT', 'có độ lệch múi giờ +15:00 không thể có'],
  ['no date-time at all', () => computeDueDate(calendar, { receivedAt: 'hôm qua', deadline: FIVE_WORKING_DAYS }), 'INVALID_ARGUMENT', 'receivedAt: cần một thời điểm RFC 3339 có múi giờ, ví dụ "2026-02-12T10:00:00+07:00", nhận được chuỗi "hôm qua"'],
  ['a year the calendar does not cover', () => computeDueDate(calendar, { receivedAt: '1901-02-12T10:00:00+07:00', deadline: FIVE_WORKING_DAYS }), 'OUT_OF_RANGE', 'nằm ngoài các năm của lịch làm việc (1968-2100)'],
  ['an unknown deadline unit', () => computeDueDate(calendar, { receivedAt: REQUEST.receivedAt, deadline: { value: 5, unit: 'fortnights' as never } }), 'INVALID_ARGUMENT', 'deadline.unit: cần một trong các giá trị'],
  ['a pause that ends before it starts', () => computeDueDate(calendar, { receivedAt: REQUEST.receivedAt, deadline: FIVE_WORKING_DAYS, pauses: [{ from: '2026-02-20', to: '2026-02-10' }] }), 'INVALID_ARGUMENT', 'pauses[0]: kết thúc (2026-02-10) trước khi bắt đầu (2026-02-20)'],
  ['a province code that is not one', () => computeDueDate(calendar, { receivedAt: REQUEST.receivedAt, deadline: FIVE_WORKING_DAYS, province: 'HN' }), 'INVALID_ARGUMENT', 'province phải là mã tỉnh 2 chữ số'],
  ['a fraction of a working day', () => addWorkingDays(calendar, '2026-02-12', 1.5), 'INVALID_ARGUMENT', 'cần một số nguyên, nhận được số 1.5'],
  ['a leap month a lunar year lacks', () => fromLunarDate({ year: 2026, month: 3, day: 1, leap: true }), 'INVALID_ARGUMENT', 'năm âm lịch 2026 không có tháng'],
  ['calendar years out of range', () => createCalendar(shippedCalendarData(), { fromYear: 1800 }), 'INVALID_ARGUMENT', 'các năm của lịch phải nằm trong khoảng 1901-2100'],
  ['a channel that does not exist', () => router.route({ ...REQUEST, channel: 'fax' as never }), 'INVALID_ARGUMENT', 'channel: cần một trong các giá trị in-person, online, post, nhận được chuỗi "fax"'],
  ['a procedure code of the wrong type', () => router.route({ ...REQUEST, procedure: 42 as never }), 'INVALID_ARGUMENT', 'procedure: cần một mã thủ tục, ví dụ "1.001193", nhận được số 42'],
  ['a unit code of the wrong shape', () => router.route({ ...REQUEST, residence: '123' }), 'INVALID_ARGUMENT', 'residence: cần một mã đơn vị hành chính (mã tỉnh 2 chữ số hoặc mã xã 5 chữ số), nhận được chuỗi "123"'],
  ['an in-person filing without its office', () => router.route({ procedure: REQUEST.procedure, channel: 'in-person', residence: REQUEST.residence, receivedAt: REQUEST.receivedAt }), 'INVALID_ARGUMENT', 'office: hồ sơ nộp trực tiếp cần có office'],
  ['an unknown applicant type', () => router.route({ ...REQUEST, applicant: 'alien' as never }), 'INVALID_ARGUMENT', 'applicant: cần một trong các giá trị'],
  ['a case index that is not one', () => router.route({ ...REQUEST, deadlineVariant: 1.5 }), 'INVALID_ARGUMENT', 'deadlineVariant: cần số thứ tự (0, 1, ...) của một trường hợp trong deadline.variants của kết quả, nhận được số 1.5'],
  ['a case of a deadline that names none', () => router.route({ ...REQUEST, deadlineVariant: 0 }), 'INVALID_ARGUMENT', 'không nêu các trường hợp (không có variants); bỏ deadlineVariant'],
  ['a case of a deadline whose texts contradict each other', () => router.route({ procedure: '1.013076', channel: 'online', receivedAt: REQUEST.receivedAt, deadlineVariant: 0 }), 'INVALID_ARGUMENT', 'chưa xác định được (các nội dung mâu thuẫn), nên không tính được ngày hẹn theo từng trường hợp'],
  ['a case a deadline does not name', () => router.route({ procedure: '1.009664', channel: 'online', receivedAt: REQUEST.receivedAt, deadlineVariant: 3 }), 'INVALID_ARGUMENT', 'deadlineVariant: thời hạn nộp trực tuyến của thủ tục 1.009664 có 1 trường hợp (0), nhận được 3'],
  ['a request that is not an object', () => router.route(null as never), 'INVALID_ARGUMENT', 'request: cần một đối tượng (object), nhận được null'],
  ['a unit version asked for a date that does not exist', () => getUnitVersion(router.data.catalog, '00004', '2026-02-30'), 'INVALID_ARGUMENT', 'date: cần một ngày dương lịch dạng YYYY-MM-DD, nhận được chuỗi "2026-02-30"'],
  ['data with errors', () => assertDataset([{ file: 'catalog/bad.yaml', text: 'kind: procedures\nprocedures: 5\n' }]), 'INVALID_DATA', 'dữ liệu có'],
  ['facts that are not an object', () => evaluateRules(router.data.rules, null as never), 'INVALID_ARGUMENT', 'facts phải là một đối tượng (object)'],
  ['issues to compare that are not issues', () => compareIssues(null as never, null as never), 'INVALID_ARGUMENT', 'a: cần một vấn đề (issue), nhận được null'],
];

describe('thrown errors in Vietnamese', () => {
  itThrowsInVietnamese(CASES);
});

describe('the check for English words', () => {
  it('finds English prose and ignores quoted values, paths and codes', () => {
    expect(englishWordsIn('deadline.unit: expected one of a, b')).toEqual(['expected', 'of']);
    expect(englishWordsIn('receivedAt: cần một thời điểm, nhận được chuỗi "the end of it"')).toEqual([]);
    expect(englishWordsIn('deadline.followedBy[0].value: cần số nguyên, mã INVALID_ARGUMENT')).toEqual([]);
  });
});

describe('every throw site gives Vietnamese', () => {
  it('passes messageVi to each TthcError the sources construct', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (readdirSync('src', { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const missing: string[] = [];
    let constructed = 0;
    for (const file of files) {
      const text = readFileSync(join('src', file), 'utf8');
      for (let at = text.indexOf('new TthcError('); at !== -1; at = text.indexOf('new TthcError(', at + 1)) {
        // The call's text, to its closing parenthesis.
        let depth = 0;
        let end = at + 'new TthcError'.length;
        for (; end < text.length; end += 1) {
          if (text[end] === '(') depth += 1;
          else if (text[end] === ')' && (depth -= 1) === 0) break;
        }
        constructed += 1;
        if (!text.slice(at, end).includes('messageVi')) missing.push(`${file}:${text.slice(0, at).split('\n').length}`);
      }
    }
    expect(constructed).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('gives an error built without options its English message as messageVi', async () => {
    const { TthcError } = await import('../src/errors.js');
    const error = new TthcError('INVALID_ARGUMENT', 'probe');
    expect(error.messageVi).toBe('probe');
  });
});
