/**
 * Errors as data. Every problem found in input data is an {@link Issue}: plain, frozen and JSON-serialisable.
 * Exceptions ({@link TthcError}) are kept for misuse of the API and for callers that ask to fail fast.
 */
import type { IssueCode } from './codes.js';

export type { IssueCode } from './codes.js';

/** How bad an issue is: an error makes data unusable, a warning marks data the library cannot fully use. */
export type Severity = 'error' | 'warning';

/** A path into a parsed document: map keys and sequence indexes. */
export type IssuePath = readonly (string | number)[];

/** One problem in input data, located in its file where possible. Lines and columns are 1-based. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** One clause, without the location, in English. */
  readonly message: string;
  /** The same clause in Vietnamese, where the validator wrote one (formatters fall back to the code's title). */
  readonly messageVi?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly path: IssuePath;
}

/** Where a node sits in its source text. Lines and columns are 1-based. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Codes of thrown errors, for callers that branch on them. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_DATA'
  | 'UNKNOWN_PROCEDURE'
  | 'UNKNOWN_UNIT'
  | 'OUT_OF_RANGE'
  | 'IO_ERROR';

const BRAND = Symbol.for('tthc.error');

/** The one base class of every error tthc throws. */
export class TthcError extends Error {
  readonly code: ErrorCode;
  /** Issues behind the error, when it was raised for invalid data. */
  readonly issues: readonly Issue[];
  /** The argument (or option) that was wrong, for errors of misuse: `received`, `options.asOf`, `pauses`. */
  readonly argument?: string;
  /** The message in Vietnamese: every error tthc throws carries one, as an official or a citizen may be shown it. */
  readonly messageVi: string;

  constructor(code: ErrorCode, message: string, options?: { messageVi: string; issues?: readonly Issue[]; cause?: unknown; argument?: string }) {
    // Constructed without options (a caller's own error, a test double), the English message stands for both.
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TthcError';
    this.code = code;
    this.issues = Object.freeze([...(options?.issues ?? [])]);
    if (options?.argument !== undefined) this.argument = options.argument;
    this.messageVi = typeof options?.messageVi === 'string' ? options.messageVi : message;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Thrown when loaded data has errors and the caller asked for a usable object. */
export class InvalidDataError extends TthcError {
  constructor(message: ErrorText, issues: readonly Issue[], argument?: string) {
    super('INVALID_DATA', message.en, { issues, messageVi: message.vi, ...(argument === undefined ? {} : { argument }) });
    this.name = 'InvalidDataError';
  }
}

/** Thrown when a procedure or unit code is not in the catalogue. */
export class UnknownCodeError extends TthcError {
  readonly kind: 'procedure' | 'unit';
  readonly value: string;

  constructor(kind: 'procedure' | 'unit', value: string, hint?: string, hintVi?: string) {
    super(
      kind === 'procedure' ? 'UNKNOWN_PROCEDURE' : 'UNKNOWN_UNIT',
      `unknown ${kind} code "${value}"${hint === undefined ? '' : `; ${hint}`}`,
      {
        messageVi: `${kind === 'procedure' ? 'mã thủ tục' : 'mã đơn vị hành chính'} "${value}" không có trong danh mục${hintVi === undefined ? '' : `; ${hintVi}`}`,
      },
    );
    this.name = 'UnknownCodeError';
    this.kind = kind;
    this.value = value;
  }
}

/** True for any error thrown by tthc, even one from another copy of the library (another realm or bundle). */
export function isTthcError(value: unknown): value is TthcError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** An error's message in both languages. */
export interface ErrorText {
  readonly en: string;
  readonly vi: string;
}

/** Throws a {@link TthcError} with code `INVALID_ARGUMENT`, naming the argument when given. */
export function invalidArgument(message: ErrorText, argument?: string): never {
  throw new TthcError('INVALID_ARGUMENT', message.en, { messageVi: message.vi, ...(argument === undefined ? {} : { argument }) });
}

/** A short, safe rendering of any value for an error message: its type, and its text when short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return value.length > 60 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** {@link describeValue} in Vietnamese, with the same detail: a long string by its length, an object by its kind. */
export function describeValueVi(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'không có giá trị';
  if (typeof value === 'string') return value.length > 60 ? `một chuỗi ${value.length} ký tự` : `chuỗi ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `số ${String(value)}`;
  if (typeof value === 'bigint') return `số nguyên lớn ${String(value)}`;
  if (typeof value === 'boolean') return `giá trị ${String(value)}`;
  if (Array.isArray(value)) return 'một danh sách';
  if (typeof value === 'function') return 'một hàm';
  if (typeof value === 'symbol') return 'một symbol';
  return 'một đối tượng (object)';
}

/** Builds a frozen issue, leaving out location fields that are unknown. */
export function createIssue(
  code: IssueCode,
  severity: Severity,
  message: string,
  where: { file?: string | undefined; path?: IssuePath | undefined; location?: SourceLocation | undefined; vi?: string | undefined } = {},
): Issue {
  const issue: { -readonly [K in keyof Issue]: Issue[K] } = { code, severity, message, path: Object.freeze([...(where.path ?? [])]) };
  if (where.vi !== undefined) issue.messageVi = where.vi;
  if (where.file !== undefined) issue.file = where.file;
  if (where.location !== undefined) {
    issue.line = where.location.line;
    issue.column = where.location.column;
    issue.endLine = where.location.endLine;
    issue.endColumn = where.location.endColumn;
  }
  return Object.freeze(issue);
}

/** Orders issues by file, line, column, then code, so output is stable. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a === null || typeof a !== 'object') invalidArgument({ en: `a: expected an issue, got ${describeValue(a)}`, vi: `a: cần một vấn đề (issue), nhận được ${describeValueVi(a)}` }, 'a');
  if (b === null || typeof b !== 'object') invalidArgument({ en: `b: expected an issue, got ${describeValue(b)}`, vi: `b: cần một vấn đề (issue), nhận được ${describeValueVi(b)}` }, 'b');
  return (
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/** Compares by code unit, so the order never depends on the host locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
