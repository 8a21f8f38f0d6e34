/**
 * The hostile corpus (test/fixtures/hostile/cases.ts): every case a tester found gives its located issue, or is read
 * correctly, with no stack trace. How long each takes is measured in the bench, not here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/node/cli.js';
import { memoryIo } from './_memory-io.js';
import { HOSTILE_CASES, removeCase, writeCase } from './fixtures/hostile/cases.js';

const STACK_TRACE = /\n\s+at /;
const written: string[] = [];
afterAll(async () => {
  for (const dir of written) await removeCase(dir);
});

interface JsonIssue {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
}

describe('tthc validate on the hostile corpus', () => {
  it('starts from a clean catalogue', async () => {
    const dir = await writeCase({ name: 'clean', found: '', expected: [] });
    written.push(dir);
    const io = memoryIo();
    expect(await runCli(['validate', dir, '--format', 'json'], io)).toBe(0);
    expect((JSON.parse(io.out()) as { issues: unknown[] }).issues).toEqual([]);
  });

  for (const hostileCase of HOSTILE_CASES) {
    it(`${hostileCase.name}: ${hostileCase.found}`, async () => {
      const dir = await writeCase(hostileCase);
      written.push(dir);
      const io = memoryIo();
      const code = await runCli(['validate', dir, '--format', 'json'], io);
      expect(io.err()).not.toMatch(STACK_TRACE);
      expect(io.err()).not.toContain('internal error');
      const report = JSON.parse(io.out()) as { issues: JsonIssue[]; summary: { files: number } };
      const found = report.issues.map((issue) => ({ code: issue.code, file: issue.file?.split('/').pop(), line: issue.line }));
      for (const expected of hostileCase.expected) {
        expect(found, JSON.stringify(expected)).toContainEqual(expect.objectContaining(expected));
      }
      if (hostileCase.expected.length === 0) expect(found).toEqual([]);
      expect(code).toBe(hostileCase.exitCode ?? 1);
      if (hostileCase.fileCount !== undefined) expect(report.summary.files).toBe(hostileCase.fileCount);
    });
  }
});
