/**
 * `tthc due --received <ISO> --deadline "<n> <unit>"`: the due date of a dossier, explained.
 */
import { computeDueDate } from '../../calendar/due-date.js';
import type { Deadline, DueDate } from '../../calendar/due-date.js';
import { formatOption, langOption, stringOption, UsageError } from '../command.js';
import type { Command } from '../command.js';
import { instantOption, listOption, parsePauseOption, provinceOption } from '../option-values.js';
import { asUsage, loadCalendarOrReport } from './calendar.js';
import { CONFIDENCE_TEXT, DAY_REASON_TEXT, periodTextIn } from '../../words.js';
import type { Lang } from '../../format/types.js';
import { _showControls } from '../../format/_strings.js';
import { parseDeadline } from '../../catalog/deadline.js';
import { DEADLINE_UNITS, MAX_DEADLINE_STAGES, periodText, STAGE_UNITS } from '../../vocabulary.js';
import type { DeadlineUnit, StageUnit } from '../../vocabulary.js';

/**
 * Parses "5 working-days", "0.5 working-days", "same-day" into a deadline, or the catalogue's own wording: "5 ngày làm
 * việc", "10 ngày" (calendar days), "4 giờ làm việc", "3 tháng", "ngay trong ngày". A bare "giờ" is refused: whether
 * it means office hours or hours round the clock depends on the service (catalog/overrides/round-the-clock.yaml).
 */
export function parseDeadlineOption(text: string): Deadline {
  // Stages run one after the other: "3 working-days, then 60 calendar-days", "03 ngày làm việc và 60 ngày". A
  // separator counts only before a number, so "kể từ ngày nhận đủ hồ sơ đầy đủ và hợp lệ" stays one piece.
  const normalised = text.normalize('NFC').trim();
  const pieces = normalised.split(/\s*,\s*then\s+(?=\d)|\s+then\s+(?=\d)|\s*\+\s*(?=\d)|\s+và\s+(?=\d)/iu);
  if (pieces.length === 1) return parsePeriodOption(normalised, text);
  const [first, ...rest] = pieces.map((piece) => parsePeriodOption(piece, text));
  const stages = rest.map((stage) => {
    if (!(STAGE_UNITS as readonly string[]).includes(stage.unit)) {
      throw new UsageError(
        `--deadline "${text}": a stage after the first is in ${STAGE_UNITS.join(', ')}, got ${stage.unit}`,
        `--deadline "${text}": giai đoạn sau giai đoạn đầu phải tính theo ${STAGE_UNITS.join(', ')}, nhận được ${stage.unit}`,
      );
    }
    return { value: stage.value, unit: stage.unit as StageUnit };
  });
  if (pieces.length > MAX_DEADLINE_STAGES) throw new UsageError(`--deadline "${text}": at most ${MAX_DEADLINE_STAGES} stages`, `--deadline "${text}": nhiều nhất ${MAX_DEADLINE_STAGES} giai đoạn`);
  return { ...first!, followedBy: stages };
}

function parsePeriodOption(piece: string, text: string): Deadline {
  const trimmed = piece.trim();
  if (trimmed === 'same-day') return { value: 0, unit: 'same-day' };
  const match = /^(\d+(?:\.\d+)?)\s+([a-z-]+)$/.exec(trimmed);
  if (match === null) {
    const vietnamese = parseDeadline(trimmed);
    if (vietnamese.status === 'resolved') {
      if (vietnamese.unit === 'working-hours' && !/giờ làm việc/iu.test(trimmed.normalize('NFC'))) {
        throw new UsageError(
          `--deadline "${text}": "giờ" alone may be office hours or hours round the clock; write "${vietnamese.value} giờ làm việc" (working-hours) or "${vietnamese.value} hours" (elapsed)`,
          `--deadline "${text}": chỉ ghi "giờ" thì chưa rõ là giờ làm việc hay giờ liên tục; hãy ghi "${vietnamese.value} giờ làm việc" (working-hours) hoặc "${vietnamese.value} hours" (giờ liên tục)`,
        );
      }
      return { value: vietnamese.value, unit: vietnamese.unit };
    }
    // Several periods joined some other way ("3 ngày làm việc; 70 ngày"): refused rather than half read.
    if (vietnamese.reason === 'staged') {
      throw new UsageError(
        `--deadline "${text}": more than one number; join the periods of a staged deadline with "và", "+" or ", then" ("03 ngày làm việc và 70 ngày")`,
        `--deadline "${text}": có nhiều hơn một con số; nối các giai đoạn của thời hạn bằng "và", "+" hoặc ", then" ("03 ngày làm việc và 70 ngày")`,
      );
    }
    throw new UsageError(
      `--deadline must look like "5 working-days" (units: ${DEADLINE_UNITS.join(', ')}) or as the catalogue writes it ("5 ngày làm việc", "10 ngày", "4 giờ làm việc", "3 tháng", "ngay trong ngày"); got "${text}"`,
      `--deadline phải có dạng "5 working-days" (đơn vị: ${DEADLINE_UNITS.join(', ')}) hoặc như danh mục ghi ("5 ngày làm việc", "10 ngày", "4 giờ làm việc", "3 tháng", "ngay trong ngày"); nhận được "${text}"`,
    );
  }
  const unit = match[2]!;
  if (!(DEADLINE_UNITS as readonly string[]).includes(unit)) {
    throw new UsageError(`unknown deadline unit "${unit}"; expected one of ${DEADLINE_UNITS.join(', ')}`, `đơn vị thời hạn "${unit}" không hợp lệ; cần một trong các giá trị ${DEADLINE_UNITS.join(', ')}`);
  }
  return { value: Number(match[1]), unit: unit as DeadlineUnit };
}

export const dueCommand: Command = {
  name: 'due',
  summary: 'Compute the due date of a dossier (working days, calendar days, working hours, same day)',
  summaryVi: 'tính ngày hẹn trả kết quả của một hồ sơ (ngày làm việc, ngày, giờ làm việc, trong ngày)',
  usageVi: [
    'Cách dùng: tthc due --received <thời điểm ISO có múi giờ> --deadline "<số> <đơn vị>" [--province <2 chữ số>]',
    '                    [--pause TỪ..ĐẾN]... [--format text|json] [--lang vi|en]',
    '',
    `Đơn vị: ${DEADLINE_UNITS.join(', ')} ("same-day" không cần số). Được dùng số lẻ: "0.5 working-days".`,
    'Được viết như trong danh mục: "5 ngày làm việc", "10 ngày", "4 giờ làm việc", "3 tháng", "ngay trong ngày".',
    'Ví dụ: tthc due --received 2026-02-12T10:00:00+07:00 --deadline "5 ngày làm việc"  # 2026-02-26',
    'Thời hạn nhiều giai đoạn, mỗi giai đoạn tính từ ngày giai đoạn trước kết thúc: --deadline "03 ngày làm việc và 60 ngày".',
    '--pause: khoảng thời gian tạm dừng tính thời hạn (yêu cầu bổ sung hồ sơ, thông báo tạm dừng).',
  ].join('\n'),
  usage: [
    'Usage: tthc due --received <ISO date-time with offset> --deadline "<n> <unit>" [--province <2 digits>]',
    '                [--pause FROM..TO]... [--format text|json] [--lang vi|en]',
    '',
    `Units: ${DEADLINE_UNITS.join(', ')} ("same-day" needs no number). Fractions allowed: "0.5 working-days".`,
    'The catalogue\'s wording is accepted too: "5 ngày làm việc", "10 ngày", "4 giờ làm việc", "3 tháng", "ngay trong ngày".',
    'Example: tthc due --received 2026-02-12T10:00:00+07:00 --deadline "5 working-days"   # 2026-02-26',
    'Example: tthc due --received 2026-02-12T10:00:00+07:00 --deadline "5 ngày làm việc"  # 2026-02-26',
    'Stages, each from the day the one before ends: --deadline "3 working-days, then 60 calendar-days" or "03 ngày làm việc và 60 ngày".',
  ].join('\n'),
  options: {
    received: { type: 'string' },
    deadline: { type: 'string' },
    province: { type: 'string' },
    pause: { type: 'string', multiple: true },
    format: { type: 'string' },
    lang: { type: 'string' },
  },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    const lang = langOption(args, io);
    const receivedAt = instantOption(args, 'received', true);
    const deadline = parseDeadlineOption(stringOption(args, 'deadline', true));
    const province = provinceOption(args, 'province');
    const pauses = listOption(args, 'pause').map(parsePauseOption);
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`, `đối số thừa "${args.positionals[0]}"`);
    const calendar = await loadCalendarOrReport(io);
    if (calendar === undefined) return 1;
    const due = asUsage(() =>
      computeDueDate(calendar, { receivedAt, deadline, ...(province === undefined ? {} : { province }), ...(pauses.length === 0 ? {} : { pauses }) }),
    );
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(due, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(_showControls(dueText(due, lang)));
    return 0;
  },
};

/** The due date and its explanation in the language asked for: Vietnamese for an official, English otherwise. */
function dueText(due: DueDate, lang: Lang): string {
  const vi = lang === 'vi';
  let out = vi ? `Ngày hẹn trả kết quả: ${due.dueDate} (trước ${due.dueAt})\n` : `Due date: ${due.dueDate} (by ${due.dueAt})\n`;
  out += vi ? `Tiếp nhận: ${due.receivedAt}; bắt đầu tính thời hạn: ${due.clockStart}\n` : `Received: ${due.receivedAt}; clock started ${due.clockStart}\n`;
  if (due.stages !== undefined) {
    out += vi ? `Thời hạn: ${periodTextIn(due.deadline, 'vi')}\n` : `Deadline: ${periodText(due.deadline)}\n`;
    for (const stage of due.stages) {
      out += vi
        ? `  ${periodTextIn(stage.deadline, 'vi')} tính từ ${stage.from}: kết thúc ${stage.dueDate}\n`
        : `  ${periodText(stage.deadline)} from ${stage.from}: ends ${stage.dueDate}\n`;
    }
  }
  out += vi
    ? `Lịch: ${due.status === 'official' ? 'chính thức' : 'dự kiến (một năm được dùng chưa có lịch nghỉ chính thức)'}; phiên bản lịch ${due.version}\n`
    : `Schedule: ${due.status}${due.status === 'projected' ? ' (a year used has no official schedule)' : ''}; calendar ${due.version}\n`;
  if (due.skipped.length > 0) {
    out += vi ? 'Ngày không tính:\n' : 'Skipped:\n';
    for (const day of due.skipped) {
      const name = day.name === undefined ? '' : ` ${day.name.vi}`;
      const source = day.source === undefined ? '' : ` - ${day.source}`;
      const swap = day.swappedWith === undefined ? '' : vi ? ` (hoán đổi với ${day.swappedWith})` : ` (swapped with ${day.swappedWith})`;
      // In Vietnamese a named holiday reads "nghỉ Tết Nguyên đán ...", a compensation day "nghỉ bù Giỗ Tổ Hùng Vương".
      const reason = vi ? (day.reason === 'holiday' && day.name !== undefined ? 'nghỉ' : (DAY_REASON_TEXT[day.reason]?.vi ?? day.reason)) : day.reason;
      out += `  ${day.date} ${reason}${name}${swap}${source}\n`;
    }
  }
  out += vi ? 'Quy tắc áp dụng:\n' : 'Rules:\n';
  for (const rule of due.rules) out += vi ? `  ${rule.ruleVi} [độ tin cậy ${CONFIDENCE_TEXT[rule.confidence]?.vi ?? rule.confidence}: ${rule.legalBasis}]\n` : `  ${rule.rule} [${rule.confidence}: ${rule.legalBasis}]\n`;
  return out;
}

