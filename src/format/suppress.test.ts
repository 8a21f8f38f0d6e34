import { describe, expect, it } from 'vitest';
import { createIssue, type Issue, type IssueCode } from '../errors.js';
import { applySuppressions } from './suppress.js';

const FILE = 'catalog/a.yaml';

function at(code: IssueCode, line: number, file = FILE): Issue {
  return createIssue(code, 'warning', `${code} here`, { file, location: { line, column: 3, endLine: line, endColumn: 9 } });
}

function run(lines: readonly string[], issues: readonly Issue[]) {
  return applySuppressions(issues, new Map([[FILE, lines.join('\n')]]));
}

/** The problems of the comments as `line:column CODE`, the way a reader checks them. */
function problems(result: ReturnType<typeof applySuppressions>): string[] {
  return result.issues.map((issue) => `${issue.line}:${issue.column}-${issue.endColumn} ${issue.code} ${issue.message}`);
}

describe('applySuppressions', () => {
  it('suppresses the named code on the next line and keeps everything else', () => {
    const lines = ['kind: procedures', '# tthc-disable-next-line DEADLINE_UNRESOLVED -- the decision gives no time limit', 'deadline: x', 'other: y'];
    const suppressedOne = at('DEADLINE_UNRESOLVED', 3);
    const otherCode = at('SCHEMA_UNKNOWN_KEY', 3);
    const otherLine = at('DEADLINE_UNRESOLVED', 4);
    const result = run(lines, [suppressedOne, otherCode, otherLine]);
    expect(result.suppressed).toEqual([suppressedOne]);
    expect(result.kept).toEqual([otherCode, otherLine]);
    expect(result.issues).toEqual([]);
  });

  it('skips comment lines to find the next line, and stacks comments', () => {
    const lines = [
      '# tthc-disable-next-line DEADLINE_UNRESOLVED -- no time limit in the decision',
      '  # a note between',
      '  # tthc-disable-next-line AUTHORITY_ABOLISHED -- the portal still names it',
      '  deadline: x',
    ];
    const result = run(lines, [at('DEADLINE_UNRESOLVED', 4), at('AUTHORITY_ABOLISHED', 4)]);
    expect(result.suppressed).toHaveLength(2);
    expect(result.issues).toEqual([]);
  });

  it('takes several codes separated by commas, and every issue of a code on that line', () => {
    const lines = ['# tthc-disable-next-line DEADLINE_UNRESOLVED, AUTHORITY_ABOLISHED -- checked by hand', 'x: y'];
    const result = run(lines, [at('DEADLINE_UNRESOLVED', 2), at('DEADLINE_UNRESOLVED', 2), at('AUTHORITY_ABOLISHED', 2)]);
    expect(result.suppressed).toHaveLength(3);
    expect(result.kept).toEqual([]);
  });

  it('counts a blank line as the next line, so a comment above a blank line suppresses nothing', () => {
    const lines = ['# tthc-disable-next-line DEADLINE_UNRESOLVED -- no time limit', '', 'deadline: x'];
    const result = run(lines, [at('DEADLINE_UNRESOLVED', 3)]);
    expect(result.kept).toHaveLength(1);
    expect(problems(result)).toEqual(['1:26-45 SUPPRESSION_UNUSED DEADLINE_UNRESOLVED suppresses nothing: the next line has no such issue']);
  });

  it('reports a comment without a reason at the comment, and still applies it', () => {
    const lines = ['  # tthc-disable-next-line DEADLINE_UNRESOLVED', 'deadline: x'];
    const result = run(lines, [at('DEADLINE_UNRESOLVED', 2)]);
    expect(result.suppressed).toHaveLength(1);
    expect(problems(result)).toEqual(['1:3-47 SUPPRESSION_WITHOUT_REASON tthc-disable-next-line gives no reason after " -- "']);
    expect(result.issues[0]!.severity).toBe('error');
    expect(result.issues[0]!.file).toBe(FILE);
  });

  it.each([
    ['# tthc-disable-next-line DEADLINE_UNRESOLVED --', 'an empty reason'],
    ['# tthc-disable-next-line DEADLINE_UNRESOLVED --   ', 'a blank reason'],
    ['# tthc-disable-next-line DEADLINE_UNRESOLVED -no reason', 'a single dash'],
  ])('treats %j as a comment without a reason (%s)', (comment) => {
    const result = run([comment, 'x: y'], [at('DEADLINE_UNRESOLVED', 2)]);
    expect(result.issues.map((issue) => issue.code)).toContain('SUPPRESSION_WITHOUT_REASON');
  });

  it('reports an unknown code at the code, suggesting the code it is a typo of', () => {
    const lines = ['# tthc-disable-next-line DEADLINE_UNRESOLVD -- typo', 'x: y'];
    const result = run(lines, [at('DEADLINE_UNRESOLVED', 2)]);
    expect(result.kept).toHaveLength(1);
    expect(problems(result)).toEqual([
      '1:26-44 SUPPRESSION_UNKNOWN_CODE unknown issue code "DEADLINE_UNRESOLVD"; did you mean "DEADLINE_UNRESOLVED"?',
    ]);
    expect(result.issues[0]!.messageVi).toBe('mã lỗi "DEADLINE_UNRESOLVD" không tồn tại; có phải "DEADLINE_UNRESOLVED"?');
  });

  it('reports a comment that names no code', () => {
    const result = run(['# tthc-disable-next-line -- why', 'x: y'], []);
    expect(problems(result)).toEqual(['1:1-32 SUPPRESSION_UNKNOWN_CODE tthc-disable-next-line names no issue code']);
  });

  it('warns about each named code that suppresses nothing, also at the end of the file', () => {
    const lines = ['# tthc-disable-next-line DEADLINE_UNRESOLVED, AUTHORITY_ABOLISHED -- why', 'x: y', '# tthc-disable-next-line YAML_SYNTAX -- why'];
    const result = run(lines, [at('DEADLINE_UNRESOLVED', 2)]);
    expect(problems(result)).toEqual([
      '1:47-66 SUPPRESSION_UNUSED AUTHORITY_ABOLISHED suppresses nothing: the next line has no such issue',
      '3:26-37 SUPPRESSION_UNUSED YAML_SYNTAX suppresses nothing: only comments follow',
    ]);
    expect(result.issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('ignores other comments, comments after data on a line, and lookalike words', () => {
    const lines = [
      '# tthc-disable-next-lines DEADLINE_UNRESOLVED -- plural is not the directive',
      'a: 1 # tthc-disable-next-line DEADLINE_UNRESOLVED -- not on a line of its own',
      '#tthc-disable-next-line: DEADLINE_UNRESOLVED -- a colon is not the directive',
      'b: 2',
    ];
    const result = run(lines, [at('DEADLINE_UNRESOLVED', 2), at('DEADLINE_UNRESOLVED', 4)]);
    expect(result.suppressed).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it('accepts no blank between # and the directive, tabs, and CRLF line ends', () => {
    const text = '\t#tthc-disable-next-line\tDEADLINE_UNRESOLVED -- why\r\nx: y\r\n';
    const result = applySuppressions([at('DEADLINE_UNRESOLVED', 2)], new Map([[FILE, text]]));
    expect(result.suppressed).toHaveLength(1);
    expect(result.issues).toEqual([]);
  });

  it('applies a comment only in its own file, and never to issues without a line', () => {
    const sources = new Map([
      [FILE, '# tthc-disable-next-line DEADLINE_UNRESOLVED -- why\nx: y\n'],
      ['catalog/b.yaml', 'x: y\n'],
    ]);
    const elsewhere = at('DEADLINE_UNRESOLVED', 2, 'catalog/b.yaml');
    const noLine = createIssue('DEADLINE_UNRESOLVED', 'warning', 'm', { file: FILE });
    const result = applySuppressions([elsewhere, noLine], sources);
    expect(result.kept).toEqual([elsewhere, noLine]);
    expect(result.issues.map((issue) => issue.code)).toEqual(['SUPPRESSION_UNUSED']);
  });

  it('does not change its inputs and returns frozen arrays', () => {
    const issues = Object.freeze([at('DEADLINE_UNRESOLVED', 2)]);
    const result = run(['# tthc-disable-next-line DEADLINE_UNRESOLVED -- why', 'x: y'], issues);
    expect(issues).toHaveLength(1);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.kept) && Object.isFrozen(result.suppressed) && Object.isFrozen(result.issues)).toBe(true);
  });

  it('reads a large file in time proportional to its length', () => {
    const line = '# tthc-disable-next-line DEADLINE_UNRESOLVED -- why\nkey: value\n';
    const text = line.repeat(50_000) + `# ${'-- '.repeat(100_000)}\n`;
    const started = performance.now();
    const result = applySuppressions([], new Map([[FILE, text]]));
    expect(result.issues).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
