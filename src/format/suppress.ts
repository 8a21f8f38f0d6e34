import { closestMatch } from '../closest-match.js';
import { ISSUE_CODES } from '../codes.js';
import { createIssue, describeValue, invalidArgument, type Issue, type IssueCode, describeValueVi } from '../errors.js';
import { expectIssues } from '../arguments.js';

/** What {@link applySuppressions} returns. */
export interface SuppressionResult {
  /** The issues no comment suppresses, in their input order. */
  readonly kept: readonly Issue[];
  /** The issues a comment suppresses, in their input order. */
  readonly suppressed: readonly Issue[];
  /** Problems of the comments themselves: no reason, an unknown code, a code that suppresses nothing. */
  readonly issues: readonly Issue[];
}

const DIRECTIVE = 'tthc-disable-next-line';
const KNOWN_CODES: readonly string[] = Object.freeze(Object.keys(ISSUE_CODES));

interface CodeToken {
  readonly code: string;
  /** 1-based columns of the code in its line, end exclusive. */
  readonly column: number;
  readonly endColumn: number;
  used: boolean;
}

interface Directive {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly reason: string;
  readonly codes: readonly CodeToken[];
  /** The line it applies to; undefined when only comments follow it. */
  target: number | undefined;
}

/**
 * Applies the `# tthc-disable-next-line CODE[, CODE2] -- reason` comments of YAML files: an issue whose location
 * starts on the next line of that file that is not a comment, and whose code the comment names, is suppressed. The
 * comment must stand on a line of its own, and its reason (after ` -- `) is required. The comments themselves can be
 * wrong, and then give issues: `SUPPRESSION_WITHOUT_REASON` (the comment still applies, so the fix is to add the
 * reason), `SUPPRESSION_UNKNOWN_CODE` and, for a named code with no issue to suppress, `SUPPRESSION_UNUSED`. Pure and
 * browser-safe; each text is read once, line by line.
 *
 * @param issues - every issue of the run; not changed.
 * @param sources - the text of each file, keyed as `issue.file`.
 * @returns the kept and suppressed issues and the issues of the comments, frozen.
 * @example
 * // catalog/a.yaml:
 * //   # tthc-disable-next-line DEADLINE_UNRESOLVED -- the decision gives no time limit
 * //   deadline: { status: unresolved, raw: "1", reason: no-unit }
 * applySuppressions(issues, sources).suppressed; // the DEADLINE_UNRESOLVED issue of line 2
 */
export function applySuppressions(issues: readonly Issue[], sources: ReadonlyMap<string, string>): SuppressionResult {
  expectIssues(issues);
  if (!(sources instanceof Map)) {
    invalidArgument({ en: `sources: expected a Map of file to text, got ${describeValue(sources)}`, vi: `sources: cần một Map từ tên tệp đến nội dung tệp, nhận được ${describeValueVi(sources)}` }, 'sources');
  }
  const byFile = new Map<string, Map<number, Directive[]>>();
  const directives: Directive[] = [];
  for (const [file, text] of sources) {
    const found = scan(file, text);
    if (found.length === 0) continue;
    directives.push(...found);
    const byLine = new Map<number, Directive[]>();
    for (const directive of found) {
      if (directive.target === undefined) continue;
      const list = byLine.get(directive.target) ?? [];
      list.push(directive);
      byLine.set(directive.target, list);
    }
    byFile.set(file, byLine);
  }
  const kept: Issue[] = [];
  const suppressed: Issue[] = [];
  for (const issue of issues) {
    const candidates = issue.file === undefined || issue.line === undefined ? undefined : byFile.get(issue.file)?.get(issue.line);
    let hit = false;
    for (const directive of candidates ?? []) {
      for (const token of directive.codes) {
        if (token.code === issue.code) {
          token.used = true;
          hit = true;
        }
      }
    }
    (hit ? suppressed : kept).push(issue);
  }
  return Object.freeze({
    kept: Object.freeze(kept),
    suppressed: Object.freeze(suppressed),
    issues: Object.freeze(directives.flatMap(problemsOf)),
  });
}

/** The directives of one file, each with the line it applies to. */
/** Whether a text may hold a suppression comment: the texts {@link applySuppressions} needs to be given. */
export function mayHoldSuppressions(text: string): boolean {
  return text.includes(DIRECTIVE);
}

function scan(file: string, text: string): Directive[] {
  if (!mayHoldSuppressions(text)) return []; // most files have none; one search instead of a walk over every line
  const found: Directive[] = [];
  let pending: Directive[] = [];
  let start = 0;
  // Lines end at LF (a CR before it is dropped); nothing after a final LF is a line.
  for (let number = 1; start < text.length; number++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    const hash = firstNonBlank(line);
    if (hash === -1 || line.charCodeAt(hash) !== 35 /* # */) {
      for (const directive of pending) directive.target = number;
      pending = [];
      continue;
    }
    const directive = parseDirective(file, number, line, hash);
    if (directive !== undefined) {
      found.push(directive);
      pending.push(directive);
    }
  }
  return found;
}

/** Index of the first character that is not a space or tab; -1 for a blank line. */
function firstNonBlank(line: string): number {
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code !== 32 && code !== 9) return index;
  }
  return -1;
}

/** A comment line `# tthc-disable-next-line ...` as a directive; undefined for any other comment. */
function parseDirective(file: string, line: number, text: string, hash: number): Directive | undefined {
  let at = hash + 1;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  if (!text.startsWith(DIRECTIVE, at)) return undefined;
  at += DIRECTIVE.length;
  // `tthc-disable-next-lines` or `tthc-disable-next-line:` is another word, not this directive.
  if (at < text.length && text.charCodeAt(at) !== 32 && text.charCodeAt(at) !== 9) return undefined;
  const rest = text.slice(at);
  const separator = /(?:^|[ \t])--(?:[ \t]|$)/.exec(rest);
  const codesText = separator === null ? rest : rest.slice(0, separator.index);
  const reason = separator === null ? '' : rest.slice(separator.index + separator[0].length).trim();
  const codes: CodeToken[] = [];
  for (const match of codesText.matchAll(/[^\s,]+/g)) {
    const column = at + match.index + 1;
    codes.push({ code: match[0], column, endColumn: column + match[0].length, used: false });
  }
  return { file, line, column: hash + 1, endColumn: text.trimEnd().length + 1, reason, codes, target: undefined };
}

function problemsOf(directive: Directive): Issue[] {
  const { file, line } = directive;
  const whole = { line, column: directive.column, endLine: line, endColumn: directive.endColumn };
  const problems: Issue[] = [];
  if (directive.reason === '') {
    problems.push(
      createIssue('SUPPRESSION_WITHOUT_REASON', 'error', `${DIRECTIVE} gives no reason after " -- "`, {
        file,
        location: whole,
        vi: `${DIRECTIVE} không nêu lý do sau " -- "`,
      }),
    );
  }
  if (directive.codes.length === 0) {
    problems.push(
      createIssue('SUPPRESSION_UNKNOWN_CODE', 'error', `${DIRECTIVE} names no issue code`, {
        file,
        location: whole,
        vi: `${DIRECTIVE} không ghi mã lỗi nào`,
      }),
    );
  }
  for (const token of directive.codes) {
    const location = { line, column: token.column, endLine: line, endColumn: token.endColumn };
    if (!Object.hasOwn(ISSUE_CODES, token.code)) {
      const near = closestMatch(token.code, KNOWN_CODES);
      const hint = near === undefined ? '' : `; did you mean "${near}"?`;
      const hintVi = near === undefined ? '' : `; có phải "${near}"?`;
      problems.push(
        createIssue('SUPPRESSION_UNKNOWN_CODE', 'error', `unknown issue code "${token.code}"${hint}`, {
          file,
          location,
          vi: `mã lỗi "${token.code}" không tồn tại${hintVi}`,
        }),
      );
    } else if (!token.used) {
      const code = token.code as IssueCode;
      const next = directive.target === undefined ? 'only comments follow' : 'the next line has no such issue';
      const nextVi = directive.target === undefined ? 'sau chú thích chỉ còn chú thích' : 'dòng tiếp theo không có lỗi này';
      problems.push(
        createIssue('SUPPRESSION_UNUSED', 'warning', `${code} suppresses nothing: ${next}`, {
          file,
          location,
          vi: `${code} không bỏ qua được gì: ${nextVi}`,
        }),
      );
    }
  }
  return problems;
}
