import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIssue, isTthcError, type Issue } from '../errors.js';
import { applyBaseline, createBaseline, formatBaseline, parseBaseline } from './baseline.js';

function issue(line: number, message = 'deadline "1" gives no due date', file = 'catalog/a.yaml'): Issue {
  return createIssue('DEADLINE_UNRESOLVED', 'warning', message, {
    file,
    path: ['procedures', 0, 'deadline'],
    location: { line, column: 3, endLine: line, endColumn: 9 },
  });
}

describe('createBaseline and formatBaseline', () => {
  it('writes one entry per fingerprint with its count, sorted by file, without lines or dates', () => {
    const issues = [issue(9, 'b', 'catalog/b.yaml'), issue(3), issue(7), createIssue('RULES_LEVEL_UNDETERMINED', 'warning', '3 procedures')];
    expect(formatBaseline(createBaseline(issues))).toBe(
      [
        '{',
        '  "version": 1,',
        '  "issues": [',
        '    {"code":"RULES_LEVEL_UNDETERMINED","file":null,"path":[],"message":"3 procedures","count":1},',
        '    {"code":"DEADLINE_UNRESOLVED","file":"catalog/a.yaml","path":["procedures","#","deadline"],"message":"deadline \\"1\\" gives no due date","count":2},',
        '    {"code":"DEADLINE_UNRESOLVED","file":"catalog/b.yaml","path":["procedures","#","deadline"],"message":"b","count":1}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes files relative to cwd with / separators, so the baseline is the same on every machine', () => {
    const baseline = createBaseline([issue(1, 'm', '/repo/catalog/a.yaml')], { cwd: '/repo' });
    expect(baseline.issues[0]!.file).toBe('catalog/a.yaml');
  });

  it('keeps an issue known when a procedure is inserted above it (list positions are not part of the fingerprint)', () => {
    const at = (index: number, message: string): Issue =>
      createIssue('DEADLINE_UNRESOLVED', 'warning', message, { file: 'catalog/a.yaml', path: ['procedures', index, 'channels', 'online', 'deadline'] });
    const baseline = createBaseline([at(0, 'deadline of 1.000001 online'), at(1, 'deadline of 1.000002 online')]);
    const after = applyBaseline([at(0, 'deadline of 1.000000 online'), at(1, 'deadline of 1.000001 online'), at(2, 'deadline of 1.000002 online')], baseline);
    expect(after.kept.map((kept) => kept.message)).toEqual(['deadline of 1.000000 online']);
    expect(after.fixed).toEqual([]);
    // A baseline written with positions, as before, still matches.
    const old = parseBaseline('{"version":1,"issues":[{"code":"DEADLINE_UNRESOLVED","file":"catalog/a.yaml","path":["procedures",7,"channels","online","deadline"],"message":"deadline of 1.000001 online","count":1}]}');
    expect(applyBaseline([at(1, 'deadline of 1.000001 online')], old).kept).toEqual([]);
  });

  it('writes an empty list for no issues', () => {
    expect(formatBaseline(createBaseline([]))).toBe('{\n  "version": 1,\n  "issues": []\n}\n');
  });

  it('gives the same text whatever the order of the issues, and parses back to the same baseline', () => {
    const arbitraryIssue = fc
      .record({ line: fc.integer({ min: 1, max: 50 }), message: fc.constantFrom('a', 'b', 'c "quoted"', 'đơn vị'), file: fc.constantFrom('x.yaml', 'y.yaml') })
      .map(({ line, message, file }) => issue(line, message, file));
    fc.assert(
      fc.property(fc.array(arbitraryIssue, { maxLength: 30 }), (issues) => {
        const text = formatBaseline(createBaseline(issues));
        expect(formatBaseline(createBaseline([...issues].reverse()))).toBe(text);
        expect(formatBaseline(parseBaseline(text))).toBe(text);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('applyBaseline', () => {
  it('hides the issues it holds even when their lines moved, and keeps the new ones', () => {
    const baseline = createBaseline([issue(3), issue(7, 'other')]);
    const moved = issue(13);
    const added = issue(20, 'new');
    const result = applyBaseline([moved, added, issue(17, 'other')], baseline);
    expect(result.kept).toEqual([added]);
    expect(result.matched).toHaveLength(2);
    expect(result.fixed).toEqual([]);
  });

  it('accepts no more issues of a fingerprint than its count', () => {
    const result = applyBaseline([issue(1), issue(2), issue(3)], createBaseline([issue(1), issue(2)]));
    expect(result.matched.map((found) => found.line)).toEqual([1, 2]);
    expect(result.kept.map((found) => found.line)).toEqual([3]);
  });

  it('lists the entries whose issues are gone, with the count not found', () => {
    const result = applyBaseline([issue(1)], createBaseline([issue(1), issue(2), issue(5, 'fixed')]));
    expect(result.fixed.map((entry) => [entry.message, entry.count])).toEqual([
      ['deadline "1" gives no due date', 1],
      ['fixed', 1],
    ]);
  });

  it('keeps an issue whose code, file, path or message changed', () => {
    const baseline = createBaseline([issue(1)]);
    const otherPath = createIssue('DEADLINE_UNRESOLVED', 'warning', 'deadline "1" gives no due date', { file: 'catalog/a.yaml', path: ['procedures', 1] });
    expect(applyBaseline([issue(1, 'changed'), issue(1, undefined, 'catalog/b.yaml'), otherPath], baseline).kept).toHaveLength(3);
  });
});

describe('parseBaseline', () => {
  it('adds up entries with the same fingerprint', () => {
    const entry = '{"code":"X","file":null,"path":[],"message":"m","count":2}';
    expect(parseBaseline(`{"version":1,"issues":[${entry},${entry}]}`).issues[0]!.count).toBe(4);
  });

  it.each([
    ['', 'not JSON'],
    ['[]', 'expected a JSON object with "version" and "issues"'],
    ['{"issues":[]}', '"version" must be 1; got nothing'],
    ['{"version":2,"issues":[]}', '"version" must be 1; got 2'],
    ['{"version":1}', '"issues" must be an array'],
    ['{"version":1,"issues":[3]}', 'issues[0] must be an object'],
    ['{"version":1,"issues":[{"code":"","file":null,"path":[],"message":"m","count":1}]}', 'issues[0].code must be an issue code'],
    ['{"version":1,"issues":[{"code":"X","file":3,"path":[],"message":"m","count":1}]}', 'issues[0].file must be a path or null'],
    ['{"version":1,"issues":[{"code":"X","file":null,"path":[-1],"message":"m","count":1}]}', 'issues[0].path must be an array of keys and indexes'],
    ['{"version":1,"issues":[{"code":"X","file":null,"path":[],"count":1}]}', 'issues[0].message must be a string'],
    ['{"version":1,"issues":[{"code":"X","file":null,"path":[],"message":"m","count":0}]}', 'issues[0].count must be a whole number of 1 or more'],
  ])('refuses %j: %s', (text, message) => {
    try {
      parseBaseline(text);
      expect.unreachable();
    } catch (error) {
      expect(isTthcError(error) && error.code).toBe('INVALID_ARGUMENT');
      expect((error as Error).message).toContain(message);
    }
  });
});
