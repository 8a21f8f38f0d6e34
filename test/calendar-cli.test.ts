import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/node/command.js';
import type { CommandArgs } from '../src/node/command.js';
import { memoryIo } from './_memory-io.js';
import { calendarCommand } from '../src/node/commands/calendar.js';
import { dueCommand } from '../src/node/commands/due.js';

const args = (values: CommandArgs['values'], positionals: string[] = []): CommandArgs => ({ values, positionals });

describe('tthc calendar', () => {
  it('lists the 2026 days off and make-up days as JSON', async () => {
    const io = memoryIo();
    expect(await calendarCommand.run(args({ format: 'json' }, ['2026']), io)).toBe(0);
    const json = JSON.parse(io.out());
    expect(json.year).toBe(2026);
    expect(json.status).toBe('official');
    expect(json.daysOff[1]).toMatchObject({ date: '2026-01-02', reason: 'swap', source: 'Công văn 12729/VPCP-KGVX (25/12/2025)', status: 'official' });
    expect(json.makeUpDays.map((day: { date: string }) => day.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('lists a year in Vietnamese with --lang vi', async () => {
    const io = memoryIo();
    expect(await calendarCommand.run(args({ lang: 'vi' }, ['2026']), io)).toBe(0);
    const text = io.out();
    expect(text).toContain('Năm 2026: lịch chính thức');
    expect(text).toContain('Ngày nghỉ trong tuần làm việc (');
    expect(text).toMatch(/2026-01-02 T6  nghỉ hoán đổi +Tết Dương lịch <-> 2026-01-10/);
    expect(text).toContain('Ngày làm bù (');
    expect(text).not.toMatch(/Days off|Make-up|holiday|swap|New Year/);
  });

  it('marks a year without an official schedule as projected', async () => {
    const io = memoryIo();
    await calendarCommand.run(args({}, ['2027']), io);
    expect(io.out()).toContain('2027: projected schedule');
    expect(io.out()).toContain('2027-02-04 Thu  holiday');
  });

  it('finds the shipped data from another working directory', async () => {
    const io = memoryIo('/');
    expect(await calendarCommand.run(args({ format: 'json' }, ['2025']), io)).toBe(0);
    expect(JSON.parse(io.out()).daysOff).toHaveLength(12);
  });

  it.each([[[]], [['26']], [['1800']]])('refuses a bad year %j with a UsageError', async (positionals) => {
    await expect(calendarCommand.run(args({}, positionals), memoryIo())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('tthc due', () => {
  it('computes the Tết example as JSON', async () => {
    const io = memoryIo();
    expect(await dueCommand.run(args({ received: '2026-02-12T10:00:00+07:00', deadline: '5 working-days', format: 'json' }), io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ dueDate: '2026-02-26', dueAt: '2026-02-26T17:00:00+07:00', clockStart: '2026-02-12T10:00:00+07:00', status: 'official' });
  });

  it('accepts fractional working days and same-day', async () => {
    const io = memoryIo();
    await dueCommand.run(args({ received: '2026-02-12T10:00:00+07:00', deadline: '0.5 working-days' }), io);
    expect(io.out()).toContain('Due date: 2026-02-12 (by 2026-02-12T15:00:00+07:00)');
    const sameDay = memoryIo();
    await dueCommand.run(args({ received: '2026-02-12T15:30:00+07:00', deadline: 'same-day', format: 'json' }), sameDay);
    expect(JSON.parse(sameDay.out()).dueDate).toBe('2026-02-13');
  });

  it.each([
    ['5 ngày làm việc', { value: 5, unit: 'working-days' }, '2026-02-26'],
    ['5 Ngày làm việc', { value: 5, unit: 'working-days' }, '2026-02-26'],
    ['10 ngày', { value: 10, unit: 'calendar-days' }, '2026-02-23'],
    ['4 giờ làm việc', { value: 4, unit: 'working-hours' }, '2026-02-12'],
    ['ngay trong ngày', { value: 0, unit: 'same-day' }, '2026-02-12'],
    ['5 ngày làm việc kể từ ngày nhận đủ hồ sơ đầy đủ và hợp lệ', { value: 5, unit: 'working-days' }, '2026-02-26'],
  ])('accepts the catalogue\'s wording "%s"', async (deadline, parsed, dueDate) => {
    const io = memoryIo();
    expect(await dueCommand.run(args({ received: '2026-02-12T10:00:00+07:00', deadline, format: 'json' }), io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.deadline).toEqual(parsed);
    expect(result.dueDate).toBe(dueDate);
  });

  it.each([
    ['03 ngày làm việc và 60 ngày và 05 ngày làm việc và 02 ngày làm việc'],
    ['3 working-days, then 60 calendar-days, then 5 working-days, then 2 working-days'],
    ['3 working-days + 60 calendar-days + 5 working-days + 2 working-days'],
    ['03 ngày làm việc và 60 ngày và 05 ngày làm việc và 02 ngày làm việc'.normalize('NFD')],
  ])('computes a staged deadline written "%s", each stage shown', async (deadline) => {
    const io = memoryIo();
    expect(await dueCommand.run(args({ received: '2026-03-02T09:00:00+07:00', deadline, format: 'json' }), io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.deadline).toEqual({ value: 3, unit: 'working-days', followedBy: [{ value: 60, unit: 'calendar-days' }, { value: 5, unit: 'working-days' }, { value: 2, unit: 'working-days' }] });
    expect(result.stages.map((stage: { dueDate: string }) => stage.dueDate)).toEqual(['2026-03-05', '2026-05-04', '2026-05-11', '2026-05-13']);
    const text = memoryIo();
    await dueCommand.run(args({ received: '2026-03-02T09:00:00+07:00', deadline }), text);
    expect(text.out()).toContain('Deadline: 3 working-days, then 60 calendar-days, then 5 working-days, then 2 working-days\n  3 working-days from 2026-03-02: ends 2026-03-05\n');
  });

  it('speaks Vietnamese with --lang vi, and by default under a Vietnamese locale: labels, days off and rules', async () => {
    const io = memoryIo();
    expect(await dueCommand.run(args({ received: '2026-02-12T10:00:00+07:00', deadline: '5 ngày làm việc', lang: 'vi' }), io)).toBe(0);
    const text = io.out();
    expect(text).toContain('Ngày hẹn trả kết quả: 2026-02-26 (trước 2026-02-26T17:00:00+07:00)\n');
    expect(text).toContain('2026-02-14 nghỉ cuối tuần\n');
    expect(text).toMatch(/2026-02-16 nghỉ Tết Nguyên đán/);
    expect(text).toContain('không tính ngày tiếp nhận hồ sơ; thời hạn N ngày làm việc kết thúc vào ngày làm việc thứ N sau đó [độ tin cậy cao: ');
    // No English label is left: the words outside codes, names, dates and sources are Vietnamese.
    expect(text).not.toMatch(/Due date|Received|Schedule|Skipped|Rules:|weekend|holiday/);
    const byLocale = { ...memoryIo(), env: { LANG: 'vi_VN.UTF-8' } };
    await dueCommand.run(args({ received: '2026-03-02T09:00:00+07:00', deadline: '03 ngày làm việc và 60 ngày' }), byLocale);
    expect(byLocale.out()).toContain('Thời hạn: 3 ngày làm việc, sau đó 60 ngày\n  3 ngày làm việc tính từ 2026-03-02: kết thúc 2026-03-05\n');
    const english = { ...memoryIo(), env: { LANG: 'vi_VN.UTF-8' } };
    await dueCommand.run(args({ received: '2026-02-12T10:00:00+07:00', deadline: '5 working-days', lang: 'en' }), english);
    expect(english.out()).toContain('Due date: 2026-02-26');
  });

  it.each([
    [{ deadline: '5 working-days' }, /missing --received/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '5 working-days', lang: 'fr' }, /--lang must be vi or en/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '3 working-days, then 2 hours' }, /a stage after the first is in working-days, calendar-days, months, got hours/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '3 ngày làm việc; 70 ngày' }, /more than one number; join the periods/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '2 working-days + 0.5 working-days' }, /a stage counts whole days or months, got 0.5/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: 'same-day và 2 ngày' }, /a deadline in same-day has no stages after it/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: Array.from({ length: 9 }, () => '1 ngày').join(' và ') }, /at most 8 stages/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '24 giờ' }, /"giờ" alone may be office hours or hours round the clock; write "24 giờ làm việc"/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '5 năm' }, /as the catalogue writes it/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '5 weeks' }, /unknown deadline unit/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: 'five working-days' }, /--deadline must look like/],
    [{ received: 'yesterday', deadline: '5 working-days' }, /--received must be an ISO 8601 instant with a UTC offset/],
    [{ received: '2026-02-12T10:00:00+07:00', deadline: '5 working-days', format: 'xml' }, /--format/],
  ])('refuses bad input %j with a UsageError', async (values, message) => {
    const run = dueCommand.run(args(values), memoryIo());
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(dueCommand.run(args(values), memoryIo())).rejects.toThrow(message);
  });
});
