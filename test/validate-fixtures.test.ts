/**
 * One folder per failure mode under test/fixtures/validate/: `tthc validate <folder> --format text --no-code-frames`,
 * run from the repository root, must print exactly the folder's expected.txt, exit with the code in the table, never
 * show a stack trace, and refuse hostile input in well under a second.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/node/cli.js';
import { memoryIo } from './_memory-io.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
const FIXTURES = 'test/fixtures/validate';
/** A behaviour bound, not a benchmark: generous on purpose. */
const HOSTILE_BUDGET_MS = 1000;
const STACK_TRACE = /\n\s+at /;

interface FixtureCase {
  readonly name: string;
  readonly exitCode: 0 | 1;
  /** Malformed or hostile input: must be refused within HOSTILE_BUDGET_MS. */
  readonly hostile?: boolean;
  /** expected.txt holds what SHOULD be printed; the case runs as `it.fails` until the bug is fixed. */
  readonly knownBug?: string;
}

const CASES: readonly FixtureCase[] = [
  // Reading and YAML: malformed or hostile files.
  { name: 'yaml-syntax', exitCode: 1, hostile: true },
  { name: 'duplicate-key', exitCode: 1, hostile: true },
  { name: 'alias-bomb', exitCode: 1, hostile: true },
  { name: 'deep-nesting', exitCode: 1, hostile: true },
  { name: 'deep-block-nesting', exitCode: 1, hostile: true },
  { name: 'proto-key', exitCode: 1, hostile: true },
  { name: 'constructor-key', exitCode: 1, hostile: true },
  { name: 'custom-tag', exitCode: 1, hostile: true },
  { name: 'not-utf8', exitCode: 1, hostile: true },
  { name: 'binary-file', exitCode: 1, hostile: true },
  { name: 'too-large', exitCode: 1, hostile: true },
  { name: 'empty-file', exitCode: 1, hostile: true },
  { name: 'multiple-documents', exitCode: 1, hostile: true },
  { name: 'unknown-kind', exitCode: 1 },
  { name: 'missing-kind', exitCode: 1 },
  // Schemas.
  { name: 'unknown-key', exitCode: 1 },
  { name: 'missing-key', exitCode: 1 },
  { name: 'wrong-type', exitCode: 1 },
  { name: 'invalid-enum-level', exitCode: 1 },
  // Catalogue cross-file checks.
  { name: 'bad-date', exitCode: 1 },
  { name: 'commune-unknown-province', exitCode: 1 },
  { name: 'duplicate-procedure-code', exitCode: 1 },
  { name: 'invalid-validity-interval', exitCode: 1 },
  { name: 'unresolved-deadline', exitCode: 0 },
  // Rules.
  { name: 'rule-unknown-fact', exitCode: 1 },
  { name: 'rule-unknown-operator', exitCode: 1 },
  { name: 'rule-unknown-effect', exitCode: 1 },
  { name: 'rule-conflict', exitCode: 1 },
  // Calendar.
  { name: 'calendar-bad-office-hours', exitCode: 1 },
  // Everything right.
  { name: 'clean', exitCode: 0 },
];



async function validate(folder: string, format = 'text'): Promise<{ code: number; out: string; err: string; ms: number }> {
  const io = memoryIo();
  const start = performance.now();
  const code = await runCli(['validate', folder, '--format', format, '--no-code-frames'], io);
  return { code, out: io.out(), err: io.err(), ms: performance.now() - start };
}

/** too-large is generated at test time (a file of 4 MiB + 1 byte) in a copy of its folder under the OS temp dir. */
let tooLargeDir = '';
const TOO_LARGE_BYTES = 4 * 1024 * 1024 + 1;

beforeAll(async () => {
  tooLargeDir = await mkdtemp(join(tmpdir(), 'tthc-too-large-'));
  const source = join(ROOT, FIXTURES, 'too-large');
  for (const name of await readdir(source)) {
    if (name.endsWith('.yaml')) await copyFile(join(source, name), join(tooLargeDir, name));
  }
  const huge = Buffer.alloc(TOO_LARGE_BYTES, '#');
  huge.write('kind: procedures\n');
  await writeFile(join(tooLargeDir, 'procedures-huge.yaml'), huge);
});

afterAll(async () => {
  if (tooLargeDir !== '') await rm(tooLargeDir, { recursive: true, force: true });
});

function folderOf(name: string): string {
  return name === 'too-large' ? tooLargeDir : `${FIXTURES}/${name}`;
}

async function expectedOutput(name: string): Promise<string> {
  const text = await readFile(join(ROOT, FIXTURES, name, 'expected.txt'), 'utf8');
  return name === 'too-large' ? text.replaceAll('{dir}', tooLargeDir.split(sep).join('/')) : text;
}

describe('tthc validate on the broken-catalogue fixtures', () => {
  it('has a table row for every fixture folder', async () => {
    const entries = await readdir(join(ROOT, FIXTURES), { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(folders).toEqual(CASES.map((row) => row.name).sort());
  });

  for (const row of CASES) {
    const test = row.knownBug === undefined ? it : it.fails;
    test(`prints expected.txt and exits ${row.exitCode} for ${row.name}${row.knownBug === undefined ? '' : ' (known bug)'}`, async () => {
      const result = await validate(folderOf(row.name));
      expect(result.out).toBe(await expectedOutput(row.name));
      expect(result.err).not.toMatch(STACK_TRACE);
      expect(result.err).not.toContain('internal error');
      expect(result.code).toBe(row.exitCode);
      if (row.hostile === true) expect(result.ms).toBeLessThan(HOSTILE_BUDGET_MS);
    });
  }

  it('locates every error of a hostile file except those that concern the whole file', async () => {
    const wholeFile = new Set(['FILE_TOO_LARGE', 'YAML_ALIAS_LIMIT']);
    for (const row of CASES.filter((candidate) => candidate.hostile === true)) {
      const { out } = await validate(folderOf(row.name), 'json');
      const { issues } = JSON.parse(out) as { issues: { code: string; line?: number }[] };
      expect(issues.length, row.name).toBeGreaterThan(0);
      for (const issue of issues) if (!wholeFile.has(issue.code)) expect(issue.line, `${row.name} ${issue.code}`).toBeTypeOf('number');
    }
  });
});

describe('tthc validate machine formats on the fixtures', () => {
  const run = async (folder: string, format: string): Promise<{ code: number; out: string }> => {
    const io = memoryIo();
    const code = await runCli(['validate', `${FIXTURES}/${folder}`, '--format', format], io);
    return { code, out: io.out() };
  };

  it.each([
    ['github', 'expected-github.txt'],
    ['junit', 'expected-junit.xml'],
  ])('pins the %s output of unknown-key', async (format, expectedFile) => {
    const { code, out } = await run('unknown-key', format);
    expect(code).toBe(1);
    expect(out).toBe(await readFile(join(ROOT, FIXTURES, 'unknown-key', expectedFile), 'utf8'));
  });

  it('writes SARIF that passes the SARIF 2.1.0 schema, with a rule per code and the warning level', async () => {
    const { default: Ajv } = await import('ajv');
    const { default: addFormats } = await import('ajv-formats');
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(await readFile(join(ROOT, 'test', 'fixtures', 'format', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const { code, out } = await run('unresolved-deadline', 'sarif');
    expect(code).toBe(0);
    const log = JSON.parse(out) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[] };
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toEqual(['DEADLINE_UNRESOLVED']);
    expect(log.runs[0]!.results.every((result) => result.ruleId === 'DEADLINE_UNRESOLVED' && result.level === 'warning')).toBe(true);
  });
});

describe('tthc validate --lang vi on the fixtures', () => {
  it('writes the common messages in Vietnamese, codes and locations unchanged', async () => {
    const io = memoryIo();
    const code = await runCli(['validate', `${FIXTURES}/unknown-key`, '--lang', 'vi', '--no-code-frames'], io);
    expect(code).toBe(1);
    expect(io.out()).toBe(
      [
        `${FIXTURES}/unknown-key/procedures.yaml:9:5: error SCHEMA_MISSING_KEY thiếu khóa bắt buộc "name" (chuỗi)`,
        `${FIXTURES}/unknown-key/procedures.yaml:10:5: error SCHEMA_UNKNOWN_KEY khóa "nmae" không hợp lệ`,
        '2 lỗi, 0 cảnh báo trong 3 tệp',
        '',
      ].join('\n'),
    );
  });

  it('prints the rule checker\'s message whole in Vietnamese', async () => {
    const io = memoryIo();
    await runCli(['validate', `${FIXTURES}/rule-unknown-fact`, '--lang', 'vi', '--no-code-frames'], io);
    expect(io.out()).toContain('error RULE_UNKNOWN_FACT dữ kiện "chanel" không xác định; cần một trong các giá trị procedure, office,');
    expect(io.out()).toContain('(có phải "channel"?)');
    expect(io.out()).not.toMatch(/unknown fact|expected one|did you mean/);
  });

  it('falls back to the Vietnamese title of the code before a message written only in English', async () => {
    const { formatIssues, summarizeIssues } = await import('../src/format/index.js');
    const { createIssue } = await import('../src/errors.js');
    const issue = createIssue('RULE_UNKNOWN_FACT', 'error', 'unknown fact "x"', { file: 'rules.yaml' });
    expect(() => formatIssues([issue], { format: 'text', lang: 'vi', toolVersion: '0' } as never)).toThrow(/options\.summary: expected the counts/);
    expect(formatIssues([issue], { format: 'text', lang: 'vi', toolVersion: '0', summary: summarizeIssues([issue], { files: 1 }) })).toContain('RULE_UNKNOWN_FACT Dữ kiện không xác định: unknown fact "x"');
  });
});

describe('tthc validate --format json on the fixtures', () => {
  it.each(['bad-date', 'custom-tag'])('gives each issue of %s its code, severity, message, file, line, column and path', async (name) => {
    const { code, out, err } = await validate(`${FIXTURES}/${name}`, 'json');
    expect(code).toBe(1);
    expect(err).toBe('');
    const { issues } = JSON.parse(out) as { issues: Record<string, unknown>[] };
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue).toMatchObject({
        code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/),
        severity: 'error',
        message: expect.any(String),
        file: expect.stringMatching(new RegExp(`^${FIXTURES}/${name}/[a-z-]+\\.yaml$`)),
        line: expect.any(Number),
        column: expect.any(Number),
        path: expect.any(Array),
      });
    }
  });
});

describe('tthc validate on hostile files generated at test time', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tthc-hostile-'));
  });
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, text: string): Promise<string> {
    const folder = join(dir, name);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    await writeFile(join(folder, 'procedures.yaml'), text);
    return folder;
  }

  it('refuses 5000 levels of block nesting with one located YAML_TOO_DEEP', async () => {
    const folder = await write('deep-block', `kind: procedures\nprocedures:\n  ${'- '.repeat(5000)}x\n`);
    const { code, out, err, ms } = await validate(folder, 'json');
    const { issues } = JSON.parse(out) as { issues: { code: string; line?: number }[] };
    expect(issues.map((issue) => issue.code)).toEqual(['YAML_TOO_DEEP']);
    expect(issues[0]!.line).toBeTypeOf('number');
    expect(err).not.toMatch(STACK_TRACE);
    expect(code).toBe(1);
    expect(ms).toBeLessThan(HOSTILE_BUDGET_MS);
  });

  it('refuses a file of 200 000 aliases before parsing it', async () => {
    const folder = await write('alias-flood', `kind: procedures\na: &a x\nprocedures: [${Array(200_000).fill('*a').join(', ')}]\n`);
    const { code, err, ms } = await validate(folder);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(ms).toBeLessThan(HOSTILE_BUDGET_MS);
  });

  it("refuses a list of 300 000 items before parsing it", async () => {
    const folder = await write('issue-flood', `kind: units\nunits:\n${'  - x\n'.repeat(300_000)}`);
    const { code, err, ms } = await validate(folder);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(ms).toBeLessThan(HOSTILE_BUDGET_MS);
  });
});
