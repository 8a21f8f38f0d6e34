/**
 * Checks of flag values, made in the command before the library sees them: a malformed value is a usage error (exit
 * 2) that names the flag and the shape it wants, while a well-formed value the data does not know (an unknown unit
 * code) is left to the library and exits 1.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseDateOrInstant, parseInstant } from '../calendar/_days.js';
import { isCalendarDate } from '../date-string.js';
import { APPLICANT_TYPES } from '../rules/facts.js';
import { stringOption, UsageError } from './command.js';
import type { CommandArgs } from './command.js';

/** The shape of an instant, as every message that asks for one says it. */
export const INSTANT_SHAPE = 'an ISO 8601 instant with a UTC offset, e.g. 2026-02-12T10:00:00+07:00';

/** True when the library reads the text as an instant (the same reader, so the CLI refuses exactly what it would). */
function isInstant(text: string): boolean {
  try {
    return Number.isFinite(parseInstant(text));
  } catch {
    return false;
  }
}

function isDateOrInstant(text: string): boolean {
  try {
    return Number.isFinite(parseDateOrInstant(text));
  } catch {
    return false;
  }
}

/** Reads an instant flag such as `--received`. */
export function instantOption(args: CommandArgs, name: string, required: true): string;
export function instantOption(args: CommandArgs, name: string, required?: false): string | undefined;
export function instantOption(args: CommandArgs, name: string, required = false): string | undefined {
  const value = required ? stringOption(args, name, true) : stringOption(args, name);
  if (value !== undefined && !isInstant(value)) throw new UsageError(`--${name} must be ${INSTANT_SHAPE}; got "${value}"`, `--${name} phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-02-12T10:00:00+07:00; nhận được "${value}"`);
  return value;
}

/** Reads a unit-code flag (`--office`, `--residence`, `--subject`): 5 digits for a commune, 2 for a province. */
export function unitCodeOption(args: CommandArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value !== undefined && !/^(?:\d{2}|\d{5})$/.test(value)) {
    throw new UsageError(`--${name} must be a 5-digit commune code or a 2-digit province code; got "${value}"`, `--${name} phải là mã xã 5 chữ số hoặc mã tỉnh 2 chữ số; nhận được "${value}"`);
  }
  return value;
}

/** Reads a flag whose value is a whole number of 0 or more (`--max-warnings`, `--deadline-variant`). */
export function wholeNumberOption(args: CommandArgs, name: string): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  // Digits only: Number() would also take "0x1", "1e0" and " 1 ".
  const value = Number(text);
  if (!/^\d+$/u.test(text) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${name} must be a whole number of 0 or more; got "${text}"`, `--${name} phải là số nguyên từ 0 trở lên; nhận được "${text}"`);
  }
  return value;
}

/** Reads a province flag (`--province`): 2 digits. */
export function provinceOption(args: CommandArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value !== undefined && !/^\d{2}$/.test(value)) throw new UsageError(`--${name} must be a 2-digit province code, e.g. 01; got "${value}"`, `--${name} phải là mã tỉnh 2 chữ số, ví dụ 01; nhận được "${value}"`);
  return value;
}

/** Reads a date flag (`--as-of`): YYYY-MM-DD, a day that exists. */
export function dateOption(args: CommandArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`--${name} must be a date YYYY-MM-DD that exists; got "${value}"`, `--${name} phải là một ngày có thật, dạng YYYY-MM-DD; nhận được "${value}"`);
  return value;
}

/** Reads `--applicant`. */
export function applicantOption(args: CommandArgs): string | undefined {
  const value = stringOption(args, 'applicant');
  if (value !== undefined && !(APPLICANT_TYPES as readonly string[]).includes(value)) {
    throw new UsageError(`--applicant must be one of ${APPLICANT_TYPES.join(', ')}; got "${value}"`, `--applicant phải là một trong ${APPLICANT_TYPES.join(', ')}; nhận được "${value}"`);
  }
  return value;
}

/** Reads a pause `FROM..TO`, each end a date or an instant. */
export function parsePauseOption(text: string): { from: string; to: string } {
  const parts = text.split('..');
  if (parts.length !== 2 || !isDateOrInstant(parts[0]!) || !isDateOrInstant(parts[1]!)) {
    throw new UsageError(`--pause must be FROM..TO, each a date YYYY-MM-DD or ${INSTANT_SHAPE}; got "${text}"`, `--pause phải có dạng TỪ..ĐẾN, mỗi mốc là ngày YYYY-MM-DD hoặc thời điểm ISO 8601 có múi giờ; nhận được "${text}"`);
  }
  return { from: parts[0]!, to: parts[1]! };
}

/** The values of a repeatable flag, in order. */
export function listOption(args: CommandArgs, name: string): readonly string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** Reads `--data` (repeatable): each directory must exist. Undefined when not given. */
export function dataOption(args: CommandArgs, cwd: string): readonly string[] | undefined {
  const dirs = listOption(args, 'data');
  for (const dir of dirs) {
    if (!existsSync(isAbsolute(dir) ? dir : resolve(cwd, dir))) throw new UsageError(`--data ${dir}: no such file or directory`, `--data ${dir}: không có tệp hoặc thư mục này`);
  }
  return dirs.length === 0 ? undefined : dirs;
}
