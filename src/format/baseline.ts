/**
 * Baselines: the issues a catalogue already had when its maintainers started checking it in CI, accepted so that only
 * new issues fail a run. An issue is known by its code, file, key path and message, never by its line, so editing
 * above it does not make it new; the count says how many issues share that fingerprint.
 */
import { invalidArgument, type ErrorText, type Issue, type IssuePath } from '../errors.js';
import { _displayPath } from './_paths.js';
import { expectIssues, expectObject, expectObjects, expectOptions } from '../arguments.js';

/** One fingerprint of a {@link Baseline} and how many issues of the run it accepts. */
export interface BaselineEntry {
  readonly code: string;
  /** The file as shown (relative to the working directory, `/` separators); null for an issue of no file. */
  readonly file: string | null;
  readonly path: IssuePath;
  /** The English message, whatever the language of the report. */
  readonly message: string;
  readonly count: number;
}

/** The content of a baseline file (`tthc validate --baseline <file>`). */
export interface Baseline {
  readonly version: 1;
  /** Sorted by file, code, path and message. */
  readonly issues: readonly BaselineEntry[];
}

/** Options of {@link createBaseline} and {@link applyBaseline}. */
export interface BaselineOptions {
  /** Directory that files are written relative to, as in the report (default: paths as written in the issues). */
  readonly cwd?: string;
}

/** What {@link applyBaseline} returns. */
export interface ApplyBaselineResult {
  /** Issues the baseline does not hold: shown, and counted for the exit code. */
  readonly kept: readonly Issue[];
  /** Issues the baseline holds: hidden, and not counted. */
  readonly matched: readonly Issue[];
  /** Entries of the baseline with no issue left (fixed since), each with the count not found. */
  readonly fixed: readonly BaselineEntry[];
}

/**
 * The key path without list positions: adding a procedure above another must not make the issues below it new, and
 * the message names what the issue is about (a procedure's code, a rule's id). Baselines written with positions still
 * match.
 */
function stablePath(path: IssuePath): IssuePath {
  return path.map((part) => (typeof part === 'number' ? '#' : part));
}

function fingerprintOf(entry: Omit<BaselineEntry, 'count'>): string {
  return JSON.stringify([entry.code, entry.file, stablePath(entry.path), entry.message]);
}

function entryOf(issue: Issue, cwd: string | undefined): Omit<BaselineEntry, 'count'> {
  return { code: issue.code, file: issue.file === undefined ? null : _displayPath(issue.file, cwd), path: stablePath(issue.path), message: issue.message };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    compareText(a.file ?? '', b.file ?? '') ||
    compareText(a.code, b.code) ||
    compareText(JSON.stringify(a.path), JSON.stringify(b.path)) ||
    compareText(a.message, b.message)
  );
}

function freezeEntry(entry: Omit<BaselineEntry, 'count'>, count: number): BaselineEntry {
  return Object.freeze({ code: entry.code, file: entry.file, path: Object.freeze([...entry.path]), message: entry.message, count });
}

/**
 * The baseline that accepts exactly the given issues: one entry per fingerprint with its count, sorted, no dates, so
 * the same issues always give the same file.
 *
 * @param issues - the issues to accept; not changed.
 * @param options - the directory paths are made relative to.
 * @returns a frozen baseline.
 * @example
 * formatBaseline(createBaseline(issues, { cwd: process.cwd() })); // the text of baseline.json
 */
export function createBaseline(issues: readonly Issue[], options: BaselineOptions = {}): Baseline {
  expectIssues(issues);
  expectOptions(options);
  const counts = new Map<string, { entry: Omit<BaselineEntry, 'count'>; count: number }>();
  for (const issue of issues) {
    const entry = entryOf(issue, options.cwd);
    const key = fingerprintOf(entry);
    const known = counts.get(key);
    if (known === undefined) counts.set(key, { entry, count: 1 });
    else known.count++;
  }
  const entries = [...counts.values()].map(({ entry, count }) => freezeEntry(entry, count)).sort(compareEntries);
  return Object.freeze({ version: 1, issues: Object.freeze(entries) });
}

/**
 * The text of a baseline file: JSON with one entry per line, so a pull request that fixes issues shows one removed
 * line for each.
 *
 * @param baseline - from {@link createBaseline} or {@link parseBaseline}.
 * @returns the JSON text, ending with a newline.
 */
export function formatBaseline(baseline: Baseline): string {
  expectObject(baseline, 'baseline', A_BASELINE);
  expectObjects((baseline as { issues?: unknown }).issues, 'baseline.issues', BASELINE_ENTRIES);
  const entries = [...baseline.issues].sort(compareEntries).map((entry) =>
    JSON.stringify({ code: entry.code, file: entry.file, path: entry.path, message: entry.message, count: entry.count }),
  );
  const list = entries.length === 0 ? '[]' : `[\n    ${entries.join(',\n    ')}\n  ]`;
  return `{\n  "version": 1,\n  "issues": ${list}\n}\n`;
}

const A_BASELINE: ErrorText = Object.freeze({ en: 'a baseline from createBaseline', vi: 'một đường cơ sở (baseline) do createBaseline tạo' });
const BASELINE_ENTRIES: ErrorText = Object.freeze({ en: 'baseline entries', vi: 'mục của đường cơ sở (baseline)' });

/**
 * Where JSON.parse stopped, in Vietnamese: its message is the engine's English, so only the place (`line 1 column 3`
 * or `position 2`, as V8 writes them) or the character it stopped at is carried over.
 */
function jsonErrorVi(detail: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  if (lineColumn !== null) return `lỗi cú pháp tại dòng ${lineColumn[1]}, cột ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(detail);
  if (position !== null) return `lỗi cú pháp tại vị trí ${position[1]}`;
  const token = /Unexpected token '([^']{1,8})'/.exec(detail);
  if (token !== null) return `lỗi cú pháp: ký tự '${token[1]}' không đúng chỗ`;
  if (/end of (?:JSON )?input/i.test(detail)) return 'văn bản kết thúc khi JSON chưa trọn';
  return 'lỗi cú pháp';
}

/**
 * Reads the text of a baseline file. Entries with the same fingerprint add up.
 *
 * @param text - the file's text.
 * @returns a frozen baseline.
 * @throws {TthcError} `INVALID_ARGUMENT` when the text is not JSON or not a baseline of version 1; the message says
 *   where.
 * @example
 * parseBaseline('{ "version": 1, "issues": [] }'); // { version: 1, issues: [] }
 */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return invalidArgument({ en: `not JSON (${detail})`, vi: `không phải là JSON hợp lệ (${jsonErrorVi(detail)})` });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    invalidArgument({ en: 'expected a JSON object with "version" and "issues"', vi: 'cần một đối tượng JSON có "version" và "issues"' });
  }
  const { version, issues } = data as { version?: unknown; issues?: unknown };
  if (version !== 1) {
    invalidArgument({ en: `"version" must be 1; got ${JSON.stringify(version) ?? 'nothing'}`, vi: `"version" phải là 1; nhận được ${JSON.stringify(version) ?? 'không có giá trị'}` });
  }
  if (!Array.isArray(issues)) invalidArgument({ en: '"issues" must be an array', vi: '"issues" phải là một danh sách' });
  const counts = new Map<string, { entry: Omit<BaselineEntry, 'count'>; count: number }>();
  issues.forEach((item: unknown, index) => {
    const where = `issues[${index}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) invalidArgument({ en: `${where} must be an object`, vi: `${where} phải là một đối tượng (object)` });
    const { code, file, path, message, count } = item as Record<string, unknown>;
    if (typeof code !== 'string' || code === '') invalidArgument({ en: `${where}.code must be an issue code`, vi: `${where}.code phải là một mã lỗi` });
    if (file !== null && typeof file !== 'string') invalidArgument({ en: `${where}.file must be a path or null`, vi: `${where}.file phải là một đường dẫn hoặc null` });
    if (!Array.isArray(path) || !path.every((part) => typeof part === 'string' || (typeof part === 'number' && Number.isSafeInteger(part) && part >= 0))) {
      invalidArgument({ en: `${where}.path must be an array of keys and indexes`, vi: `${where}.path phải là một danh sách các khóa và chỉ số` });
    }
    if (typeof message !== 'string') invalidArgument({ en: `${where}.message must be a string`, vi: `${where}.message phải là một chuỗi` });
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
      invalidArgument({ en: `${where}.count must be a whole number of 1 or more`, vi: `${where}.count phải là số nguyên từ 1 trở lên` });
    }
    const entry = { code, file, path: path as IssuePath, message };
    const key = fingerprintOf(entry);
    const known = counts.get(key);
    if (known === undefined) counts.set(key, { entry, count });
    else known.count += count;
  });
  const entries = [...counts.values()].map(({ entry, count }) => freezeEntry(entry, count)).sort(compareEntries);
  return Object.freeze({ version: 1, issues: Object.freeze(entries) });
}

/**
 * Splits the issues of a run into those the baseline holds (up to each fingerprint's count, in the order given) and
 * the new ones, and lists what the baseline holds that the run no longer has.
 *
 * @param issues - every issue of the run; not changed.
 * @param baseline - the accepted issues.
 * @param options - the directory paths are relative to, as when the baseline was created.
 * @returns the kept and matched issues, and the fixed entries; frozen.
 * @example
 * const { kept, fixed } = applyBaseline(issues, parseBaseline(text), { cwd });
 * exitCodeFor(kept); // only new issues fail the run
 */
export function applyBaseline(issues: readonly Issue[], baseline: Baseline, options: BaselineOptions = {}): ApplyBaselineResult {
  expectIssues(issues);
  expectObject(baseline, 'baseline', A_BASELINE);
  expectObjects((baseline as { issues?: unknown }).issues, 'baseline.issues', BASELINE_ENTRIES);
  expectOptions(options);
  const left = new Map<string, { entry: BaselineEntry; count: number }>();
  for (const entry of baseline.issues) {
    const key = fingerprintOf(entry);
    const known = left.get(key);
    left.set(key, { entry, count: (known?.count ?? 0) + entry.count });
  }
  const kept: Issue[] = [];
  const matched: Issue[] = [];
  for (const issue of issues) {
    const budget = left.get(fingerprintOf(entryOf(issue, options.cwd)));
    if (budget !== undefined && budget.count > 0) {
      budget.count--;
      matched.push(issue);
    } else kept.push(issue);
  }
  const fixed = [...left.values()].filter(({ count }) => count > 0).map(({ entry, count }) => freezeEntry(entry, count)).sort(compareEntries);
  return Object.freeze({ kept: Object.freeze(kept), matched: Object.freeze(matched), fixed: Object.freeze(fixed) });
}
