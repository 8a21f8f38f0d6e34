/**
 * Reading processing deadlines (thời hạn giải quyết) and fees (phí, lệ phí) from the text the sources publish.
 * Pure and total: text the parser cannot read with certainty becomes an `unresolved` deadline with a reason, never a guess.
 */
import type { DeadlineUnit, Fee, ResolvedDeadline, UnresolvedDeadline } from './schema.js';
import { expectString } from '../arguments.js';

const MISSING = /^(không có thông tin|không quy định|không|chưa quy định)\.?$/iu;
const SAME_DAY = /^(ngay )?trong (ngày|ngày làm việc)\.?$|^ngay trong ngày|^trong ngày$/iu;
const NUMBER = String.raw`(\d+\/\d+|\d+(?:[.,]\d+)?)`;
const UNIT_WORDS: readonly (readonly [RegExp, DeadlineUnit])[] = [
  [/^ngày làm việc(?!\p{L})/iu, 'working-days'],
  [/^giờ làm việc(?!\p{L})/iu, 'working-hours'],
  [/^ngày(?!\p{L})/iu, 'calendar-days'],
  [/^giờ(?!\p{L})/iu, 'working-hours'],
  [/^tháng(?!\p{L})/iu, 'months'],
];
const UNSUPPORTED_UNITS = /^(năm|tuần|phút)(?!\p{L})/iu;

/**
 * Parses one published deadline, such as `10 Ngày làm việc`, `1/2 ngày làm việc`, `0,5 Ngày`, `4 Giờ` or
 * `ngay trong ngày`. "Ngày" alone is calendar days; "Giờ" and "Giờ làm việc" are working hours (whether a bare
 * "Giờ" runs round the clock is for the catalogue's overrides to say); "Tháng" is calendar months.
 *
 * @param text - the deadline cell of one filing channel
 * @returns a resolved deadline, or an unresolved one with the reason (`missing`, `no-unit`, `no-number`,
 *   `unsupported-unit` (years, weeks, minutes), `range`, `zero`, `staged` (a second period after the first))
 * @example parseDeadline('10 Ngày làm việc') // { status: 'resolved', value: 10, unit: 'working-days', raw: '10 Ngày làm việc' }
 */
export function parseDeadline(text: string): ResolvedDeadline | UnresolvedDeadline {
  expectString(text, 'text');
  const raw = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (raw === '' || MISSING.test(raw)) return { status: 'unresolved', raw, reason: 'missing' };
  if (SAME_DAY.test(raw)) return { status: 'resolved', value: 0, unit: 'same-day', raw };
  if (new RegExp(String.raw`^\d+(?:[.,]\d+)?\s*(-|–|đến)\s*\d+`, 'u').test(raw)) return { status: 'unresolved', raw, reason: 'range' };
  const match = new RegExp(String.raw`^${NUMBER}\s*(.*)$`, 'u').exec(raw);
  if (match === null) return { status: 'unresolved', raw, reason: 'no-number' };
  const value = parseNumber(match[1]!);
  const rest = match[2]!.trim();
  if (value === undefined) return { status: 'unresolved', raw, reason: 'no-number' };
  if (rest === '') return { status: 'unresolved', raw, reason: 'no-unit' };
  const unit = unitOf(rest);
  // "0 Giờ" states no period at all: whether it means "immediately" or is a publishing slip is not ours to guess.
  if (unit !== undefined && value === 0) return { status: 'unresolved', raw, reason: 'zero' };
  if (unit === 'months' && !Number.isInteger(value)) return { status: 'unresolved', raw, reason: 'unsupported-unit' };
  // A second period after the first ("02 ngày làm việc và 45 ngày") makes a staged deadline: never the first alone.
  if (unit !== undefined && SECOND_PERIOD.test(rest)) return { status: 'unresolved', raw, reason: 'staged' };
  if (unit !== undefined) return { status: 'resolved', value, unit, raw };
  if (UNSUPPORTED_UNITS.test(rest)) return { status: 'unresolved', raw, reason: 'unsupported-unit' };
  return { status: 'unresolved', raw, reason: 'no-unit' };
}

/** A number followed by a unit of time, somewhere after the first period. */
const SECOND_PERIOD = /\d+(?:[.,/]\d+)?\s*(?:ngày|giờ|tháng)/iu;

function unitOf(text: string): DeadlineUnit | undefined {
  for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(text)) return unit;
  return undefined;
}

function parseNumber(text: string): number | undefined {
  const fraction = /^(\d+)\/(\d+)$/.exec(text);
  if (fraction !== null) {
    const denominator = Number(fraction[2]);
    return denominator === 0 ? undefined : Number(fraction[1]) / denominator;
  }
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Parses a published fee: `Miễn phí`, `100,000 Việt Nam Đồng`, `135 VNĐ(...)`, `Phí : 1.500.000 Đồng (...)`.
 * `amount` (VND) is given only when the text holds exactly one VND amount of at least 1,000 VND: the portal sometimes
 * records fees in thousands ("135 VNĐ" for 135.000 đồng), so smaller amounts are left as raw text.
 *
 * @returns the fee, or `undefined` for empty text
 */
export function parseFee(text: string): Fee | undefined {
  expectString(text, 'text');
  const raw = text.normalize('NFC').trim();
  if (raw === '') return undefined;
  if (/^miễn (phí|lệ phí)/iu.test(raw)) return { raw, free: true };
  const lines = raw.split(/\n/).filter((line) => /^\s*(lệ phí|phí)\s*:/iu.test(line));
  if (lines.length > 1) return { raw };
  const head = raw.replace(/^\s*(lệ phí|phí)\s*:\s*/iu, '');
  if (/^(0\s*(đồng|vnđ|việt nam đồng)?|không\s+(đồng|vnđ))(\s|\(|$)/iu.test(head)) return { raw, free: true };
  const match = /^([\d.,]+)\s*(Việt Nam Đồng|VNĐ|VND|Đồng|đồng)(?![\p{L}])/u.exec(head);
  if (match === null) return { raw };
  const amount = parseAmount(match[1]!);
  if (amount === undefined) return { raw };
  if (amount === 0) return { raw, free: true };
  return amount >= 1000 ? { raw, amount } : { raw };
}

function parseAmount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ''));
  return undefined;
}
