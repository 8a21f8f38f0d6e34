/**
 * Usage errors (exit 2) in Vietnamese with --lang vi, each command's own included; English without it.
 */
import { describe, expect, it } from 'vitest';
import { runInMemory } from './_memory-io.js';

const CASES: readonly (readonly [argv: readonly string[], vi: string, en: string])[] = [
  [['due', '--received', '2026-02-12T10:00:00+07:00', '--deadline', '5 fortnights'], 'đơn vị thời hạn "fortnights" không hợp lệ', 'unknown deadline unit "fortnights"'],
  [['due', '--received', '2026-02-12T10:00:00+07:00', '--deadline', '4 giờ'], 'chỉ ghi "giờ" thì chưa rõ là giờ làm việc hay giờ liên tục', '"giờ" alone may be office hours'],
  [['due', '--received', '2026-02-12T10:00:00+07:00', '--deadline', 'soon'], '--deadline phải có dạng "5 working-days"', '--deadline must look like'],
  [['due', '--received', '2026-02-12T10:00:00+07:00', '--deadline', '5 working-days', 'extra'], 'đối số thừa "extra"', 'unexpected argument "extra"'],
  [['validate', '--fail-severity', 'fatal'], '--fail-severity phải là error hoặc warning; nhận được "fatal"', '--fail-severity must be error or warning'],
  [['validate', '--max-warnings', 'many'], '--max-warnings phải là số nguyên từ 0 trở lên', '--max-warnings must be a whole number'],
  [['validate', '--update-baseline'], '--update-baseline cần kèm --baseline <tệp>', '--update-baseline needs --baseline <file>'],
  [['validate', 'no-such-dir'], 'không có tệp hoặc thư mục: no-such-dir', 'no such file or directory: no-such-dir'],
  [['calendar', '26'], '<năm> phải là năm gồm 4 chữ số, nhận được "26"', '<year> must be a 4-digit year'],
  [['calendar'], 'cần đúng một <năm>', 'expected exactly one <year>'],
  [['stats', 'extra'], 'đối số thừa "extra"', 'unexpected argument "extra"'],
  [['route', '1.009664', '--channel', 'online', '--received', '2026-03-02T10:00:00+07:00', '--deadline-variant=-1'], '--deadline-variant phải là số nguyên từ 0 trở lên; nhận được "-1"', '--deadline-variant must be a whole number'],
  [['route', '1.009664', '--channel', 'online', '--received', '2026-03-02T10:00:00+07:00', '--deadline-variant', '-1'], 'sau --deadline-variant là một giá trị bắt đầu bằng dấu gạch ngang', 'is followed by a value that starts with a dash'],
];

describe('usage errors in Vietnamese', () => {
  for (const [argv, vi, en] of CASES) {
    it(`tthc ${argv.join(' ')}`, async () => {
      const viRun = await runInMemory([...argv, '--lang', 'vi']);
      expect(viRun.code).toBe(2);
      expect(viRun.err).toContain(vi);
      expect(viRun.err).not.toContain(en);
      const enRun = await runInMemory(argv);
      expect(enRun.code).toBe(2);
      expect(enRun.err).toContain(en);
    });
  }
});

describe('what parseArgs refuses, in Vietnamese', () => {
  it('a flag at the end of the line without its value', async () => {
    const vi = await runInMemory(['route', '1.009664', '--channel', 'online', '--lang', 'vi', '--received']);
    expect(vi.code).toBe(2);
    expect(vi.err).toBe('tthc route: --received cần một giá trị\nChạy "tthc route --help" để xem cách dùng.\n');
    const en = await runInMemory(['route', '1.009664', '--channel', 'online', '--received']);
    expect(en.err).toBe('tthc route: --received needs a value\nRun "tthc route --help" for usage.\n');
  });
});

describe('errors of data and codes in Vietnamese', () => {
  const ROUTE = ['route', '--office', '00008', '--residence', '00004', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00'];
  it('an unknown procedure or unit code (exit 1)', async () => {
    const procedure = await runInMemory([ROUTE[0]!, '9.999999', ...ROUTE.slice(1), '--lang', 'vi']);
    expect(procedure.code).toBe(1);
    expect(procedure.err).toBe('tthc route: mã thủ tục "9.999999" không có trong danh mục; xem "tthc stats" hoặc danh mục thủ tục\n');
    const unit = await runInMemory(['route', '1.004222', '--office', '99999', '--residence', '00004', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00', '--lang', 'vi']);
    expect(unit.err).toContain('mã đơn vị hành chính "99999" không có trong danh mục; đơn vị của cơ quan tiếp nhận phải là một tỉnh hoặc xã trong danh mục');
    const english = await runInMemory([ROUTE[0]!, '9.999999', ...ROUTE.slice(1)]);
    expect(english.err).toContain('unknown procedure code "9.999999"');
  });

  it('a year outside the calendar (exit 2)', async () => {
    const run = await runInMemory(['calendar', '1800', '--lang', 'vi']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('năm 1800 nằm ngoài lịch làm việc (1968-2100)');
  });
});
