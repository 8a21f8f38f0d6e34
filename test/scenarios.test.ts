/**
 * Runs the shipped scenario files (scenarios/*.yaml) through `tthc test`, and shows what a failing scenario looks like.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/node/cli.js';
import { memoryIo } from './_memory-io.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));


function lastLine(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

describe('tthc test scenarios', () => {
  it('passes every shipped scenario (at least 50)', async () => {
    const io = memoryIo();
    const code = await runCli(['test', 'scenarios'], io);
    expect(io.err()).toBe('');
    expect(io.out()).not.toContain('FAIL ');
    expect(code).toBe(0);
    const match = /^(\d+) passed, 0 failed$/.exec(lastLine(io.out()));
    expect(match, io.out()).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(50);
  });

  describe('a failing scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-scenarios-'));
    const file = join(dir, 'wrong.yaml');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('shows a diff per mismatch, the decision explanation, and exits 1', async () => {
      writeFileSync(
        file,
        [
          'kind: scenarios',
          'scenarios:',
          '  - name: right about the competent unit',
          '    request: { procedure: "1.004194", channel: in-person, office: "16681", residence: "16681", receivedAt: 2026-03-02T09:00:00+07:00 }',
          '    expect:',
          '      competent.unit.code: "16681"',
          '  - name: deliberately wrong about the office',
          '    note: a Hanoi resident at a Nghệ An ward is refused, not processed',
          '    request: { procedure: "1.004194", channel: in-person, office: "16690", residence: "00004", receivedAt: 2026-03-02T09:00:00+07:00 }',
          '    expect:',
          '      office.action: process',
          '      dueDate: "2026-03-05"',
          '      competent.unit.code: "00004"',
          '',
        ].join('\n'),
      );
      const io = memoryIo();
      const code = await runCli(['test', file], io);
      expect(code).toBe(1);
      const out = io.out();
      expect(out).toContain(`FAIL ${file}:7 deliberately wrong about the office\n`);
      expect(out).toContain(
        ['       office.action', '         - expected "process"', '         + actual   "refuse"'].join('\n'),
      );
      expect(out).toContain(['       dueDate', '         - expected "2026-03-05"', '         + actual   null'].join('\n'));
      // The matching expectation is not listed; the passing case gets no line without --verbose.
      expect(out).not.toContain('       competent.unit.code');
      expect(out).not.toContain('right about the competent unit');
      // The decision's explanation follows, prefixed with "|".
      expect(out).toMatch(/^ {7}\| .*d118\.in-person\.other-province\.refuse/m);
      expect(lastLine(out)).toBe('1 passed, 1 failed');
    });

    it('reports in Vietnamese with --lang vi, the explanation included', async () => {
      const io = memoryIo();
      const code = await runCli(['test', file, '--lang', 'vi', '--verbose'], io);
      expect(code).toBe(1);
      const out = io.out();
      expect(out).toContain(`ĐẠT  ${file}:3 right about the competent unit\n`);
      expect(out).toContain(`SAI  ${file}:7 deliberately wrong about the office\n`);
      expect(out).toContain(['       office.action', '         - mong đợi "process"', '         + thực tế  "refuse"'].join('\n'));
      expect(out).toMatch(/^ {7}\| .*từ chối tiếp nhận/m);
      expect(out).not.toMatch(/expected|actual|passed|failed/);
      expect(lastLine(out)).toBe('1 đạt, 1 không đạt');
    });
  });
});

describe('the shipped scenarios', () => {
  it('make every shipped routing rule decide its part at least once', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { loadShippedRouter } = await import('../src/node/shipped.js');
    const router = await loadShippedRouter();
    const won = new Set<string>();
    for (const name of readdirSync(join(ROOT, 'scenarios'))) {
      const { scenarios } = parse(readFileSync(join(ROOT, 'scenarios', name), 'utf8')) as { scenarios: { request: never }[] };
      for (const { request } of scenarios) {
        try {
          for (const rule of router.route(request).explanation.applied) if (rule.won) won.add(rule.ruleId);
        } catch {
          // error scenarios decide nothing
        }
      }
    }
    expect(router.data.rules.rules.map((rule) => rule.id).filter((id) => !won.has(id))).toEqual([]);
  }, 120_000);
});
