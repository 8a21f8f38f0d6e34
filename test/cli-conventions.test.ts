/**
 * The conventions of `tthc validate` for catalogue maintainers' CI, through runCli with in-memory streams: baselines,
 * inline suppressions, colour, --output-file, "did you mean", and usage errors (exit 2) for malformed flag values.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/node/cli.js';
import type { CliIo } from '../src/node/command.js';
import { ROOT, runInMemory } from './_memory-io.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'validate');

/** Runs `tthc <argv>` in `cwd` with the given environment and terminal. */
async function tthc(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tthc-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Copies a fixture's YAML files into `dir/data`. */
async function copyFixture(name: string): Promise<void> {
  await cp(join(FIXTURES, name), join(dir, 'data'), { recursive: true, filter: (source) => !/expected/.test(source) });
}

async function editFile(path: string, edit: (text: string) => string): Promise<void> {
  await writeFile(path, edit(await readFile(path, 'utf8')));
}

describe('tthc validate --baseline', () => {
  it('writes the baseline when the file does not exist, exits 0, and the next run shows nothing', async () => {
    await copyFixture('unknown-key');
    const first = await tthc(['validate', 'data', '--baseline', 'baseline.json'], { cwd: dir });
    expect(first).toEqual({ code: 0, out: 'No errors or warnings in 3 files\nbaseline written with 2 issues\n', err: '' });
    const written = JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8')) as { version: number; issues: { code: string; file: string }[] };
    expect(written.version).toBe(1);
    expect(written.issues.map((entry) => [entry.code, entry.file])).toEqual([
      ['SCHEMA_MISSING_KEY', 'data/procedures.yaml'],
      ['SCHEMA_UNKNOWN_KEY', 'data/procedures.yaml'],
    ]);
    const second = await tthc(['validate', 'data', '--baseline', 'baseline.json'], { cwd: dir });
    expect(second).toEqual({ code: 0, out: 'No errors or warnings in 3 files; 2 in the baseline\n', err: '' });
  });

  it('still accepts the issues after lines are added above them, and fails on a new issue only', async () => {
    await copyFixture('unknown-key');
    await tthc(['validate', 'data', '--baseline', 'baseline.json'], { cwd: dir });
    const procedures = join(dir, 'data', 'procedures.yaml');
    await editFile(procedures, (text) => `# a comment\n# another\n${text}`);
    expect((await tthc(['validate', 'data', '--baseline', 'baseline.json'], { cwd: dir })).code).toBe(0);
    await editFile(procedures, (text) => text.replace('    nmae:', '    colour: x\n    nmae:'));
    const { code, out } = await tthc(['validate', 'data', '--baseline', 'baseline.json', '--no-code-frames'], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toBe('data/procedures.yaml:12:5: error SCHEMA_UNKNOWN_KEY unknown key "colour"\n1 error, 0 warnings in 3 files; 2 in the baseline\n');
  });

  it('reports fixed issues in one line, and --update-baseline drops them from the file', async () => {
    await copyFixture('unknown-key');
    await tthc(['validate', 'data', '--baseline', 'baseline.json'], { cwd: dir });
    await editFile(join(dir, 'data', 'procedures.yaml'), (text) => text.replace('    nmae:', '    name:'));
    const read = await tthc(['validate', 'data', '--baseline', 'baseline.json'], { cwd: dir });
    expect(read).toEqual({
      code: 0,
      out: 'No errors or warnings in 3 files\n2 issues of the baseline are fixed; run with --update-baseline to drop them\n',
      err: '',
    });
    const vi = await tthc(['validate', 'data', '--baseline', 'baseline.json', '--lang', 'vi'], { cwd: dir });
    expect(vi.out).toBe('Không có lỗi hay cảnh báo nào trong 3 tệp\n2 vấn đề trong baseline đã được sửa; chạy với --update-baseline để bỏ chúng khỏi baseline\n');
    const updated = await tthc(['validate', 'data', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir });
    expect(updated.out).toBe('No errors or warnings in 3 files\nbaseline updated: 2 fixed issues dropped, 0 kept\n');
    expect(await readFile(join(dir, 'baseline.json'), 'utf8')).toBe('{\n  "version": 1,\n  "issues": []\n}\n');
    expect(await readdir(dir)).toEqual(['baseline.json', 'data']);
  });

  it('drops fixed issues on --update-baseline but never adds new ones', async () => {
    await copyFixture('unresolved-deadline');
    await tthc(['validate', 'data', '--baseline', 'b.json'], { cwd: dir });
    const resolved = '          status: resolved\n          value: 1\n          unit: working-days\n          raw: 1 Ngày làm việc';
    const unresolved = '          status: unresolved\n          raw: "1"\n          reason: no-unit';
    // The baselined deadline (of 1.001193) is resolved, and one of the first procedure becomes unresolved.
    await editFile(join(dir, 'data', 'procedures.yaml'), (text) => text.replace(unresolved, resolved).replace(resolved, unresolved));
    const { code, out } = await tthc(['validate', 'data', '--baseline', 'b.json', '--update-baseline', '--no-code-frames'], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'data/procedures.yaml:32:11: warning DEADLINE_UNRESOLVED deadline of 2.000908 (in-person) "1" gives no due date (no-unit)',
        '0 errors, 1 warning in 3 files',
        'baseline updated: 1 fixed issue dropped, 0 kept',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(dir, 'b.json'), 'utf8')).toBe('{\n  "version": 1,\n  "issues": []\n}\n');
  });

  it('drops nothing while new errors may have kept checks from running', async () => {
    await copyFixture('unresolved-deadline');
    await tthc(['validate', 'data', '--baseline', 'b.json'], { cwd: dir });
    const before = await readFile(join(dir, 'b.json'), 'utf8');
    // A file of unknown kind stops the catalogue checks, so the baselined deadline warning is not looked for.
    await writeFile(join(dir, 'data', 'extra.yaml'), 'kind: nonsense\n');
    const { code, out } = await tthc(['validate', 'data', '--baseline', 'b.json', '--update-baseline', '--no-code-frames'], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toContain('data/extra.yaml:1:7: error UNKNOWN_FILE_KIND');
    expect(out).toContain('\nbaseline not updated: fix the new error first (checks that need valid data may not have run)\n');
    expect(await readFile(join(dir, 'b.json'), 'utf8')).toBe(before);
  });

  it('fills in the JSON summary', async () => {
    await copyFixture('unknown-key');
    await tthc(['validate', 'data', '--baseline', 'b.json'], { cwd: dir });
    const { out } = await tthc(['validate', 'data', '--baseline', 'b.json', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(out)).toEqual({ issues: [], summary: { errors: 0, warnings: 0, files: 3, byCode: {}, baseline: { matched: 2, fixed: 0, action: 'read' } } });
  });

  it.each([
    ['not json', 'is not a tthc baseline: not JSON'],
    ['{"version":1,"issues":[{"code":"X"}]}', 'is not a tthc baseline: issues[0].file must be a path or null'],
  ])('refuses the malformed baseline %j as a usage error', async (text, message) => {
    await copyFixture('unknown-key');
    await writeFile(join(dir, 'b.json'), text);
    const { code, out, err } = await tthc(['validate', 'data', '--baseline', 'b.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`tthc validate: --baseline b.json ${message}`);
    expect(await readFile(join(dir, 'b.json'), 'utf8')).toBe(text);
  });

  it('refuses --update-baseline without --baseline, and a baseline in a directory that does not exist', async () => {
    await copyFixture('unknown-key');
    expect((await tthc(['validate', 'data', '--update-baseline'], { cwd: dir })).err).toContain('--update-baseline needs --baseline <file>');
    const missing = await tthc(['validate', 'data', '--baseline', 'no/such/b.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--baseline no/such/b.json: no such directory');
  });
});

describe('# tthc-disable-next-line in YAML files', () => {
  it('suppresses the issue on the next line and says so in the summary', async () => {
    await copyFixture('unresolved-deadline');
    await editFile(join(dir, 'data', 'procedures.yaml'), (text) =>
      text.replace('          status: unresolved', '          # tthc-disable-next-line DEADLINE_UNRESOLVED -- the decision sets no time limit\n          status: unresolved'),
    );
    const found = await tthc(['validate', 'data', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(found.out) as { issues: unknown[] }).issues).toEqual([]);
    const { code, out } = await tthc(['validate', 'data'], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toBe('No errors or warnings in 3 files; 1 suppressed\n');
  });

  it('fails a suppression without a reason, located at the comment', async () => {
    await copyFixture('unresolved-deadline');
    await editFile(join(dir, 'data', 'procedures.yaml'), (text) =>
      text.replace('          status: unresolved', '          # tthc-disable-next-line DEADLINE_UNRESOLVED\n          status: unresolved'),
    );
    const { code, out } = await tthc(['validate', 'data', '--no-code-frames'], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toBe(
      'data/procedures.yaml:67:11: error SUPPRESSION_WITHOUT_REASON tthc-disable-next-line gives no reason after " -- "\n1 error, 0 warnings in 3 files; 1 suppressed\n',
    );
  });
});

describe('colour in the text report', () => {
  it('colours severity words and codes on a terminal', async () => {
    const { out } = await tthc(['validate', `${FIXTURES}/unknown-key`, '--no-code-frames'], { isTTY: true });
    expect(out.split('\n')[0]).toBe(
      'test/fixtures/validate/unknown-key/procedures.yaml:9:5: \u001b[31merror\u001b[0m \u001b[2mSCHEMA_MISSING_KEY\u001b[0m missing required key "name" (string)',
    );
  });

  it.each([
    [{ NO_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{}, false, false],
  ])('with %j and a terminal %s, colours: %s', async (env, isTTY, coloured) => {
    const { out } = await tthc(['validate', `${FIXTURES}/unknown-key`, '--no-code-frames'], { env, isTTY });
    expect(out.includes('\u001b[')).toBe(coloured);
  });

  it('never colours the machine formats', async () => {
    const { out } = await tthc(['validate', `${FIXTURES}/unknown-key`, '--format', 'json'], { env: { FORCE_COLOR: '1' }, isTTY: true });
    expect(out).not.toContain('\u001b');
  });
});

describe('tthc validate --output-file', () => {
  it('writes the report to the file and one summary line to stdout, leaving no temporary file', async () => {
    const { code, out, err } = await tthc(['validate', `${FIXTURES}/unknown-key`, '--format', 'sarif', '--output-file', join(dir, 'tthc.sarif')], {
      isTTY: true,
    });
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toBe(`2 errors, 0 warnings in 3 files; report written to ${join(dir, 'tthc.sarif')}\n`);
    const log = JSON.parse(await readFile(join(dir, 'tthc.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toHaveLength(2);
    expect(await readdir(dir)).toEqual(['tthc.sarif']);
  });

  it('writes a text report without colour or code frames even when stdout is a terminal, and replaces an old file', async () => {
    await writeFile(join(dir, 'report.txt'), 'old');
    await copyFixture('unknown-key');
    const { out } = await tthc(['validate', 'data', '--output-file', 'report.txt', '--lang', 'vi'], { cwd: dir, isTTY: true });
    expect(out).toBe('2 lỗi, 0 cảnh báo trong 3 tệp; đã ghi báo cáo vào report.txt\n');
    expect(await readFile(join(dir, 'report.txt'), 'utf8')).toBe(
      [
        'data/procedures.yaml:9:5: error SCHEMA_MISSING_KEY thiếu khóa bắt buộc "name" (chuỗi)',
        'data/procedures.yaml:10:5: error SCHEMA_UNKNOWN_KEY khóa "nmae" không hợp lệ',
        '2 lỗi, 0 cảnh báo trong 3 tệp',
        '',
      ].join('\n'),
    );
  });

  it('is a usage error when the directory does not exist', async () => {
    const { code, err } = await tthc(['validate', `${FIXTURES}/unknown-key`, '--output-file', join(dir, 'no', 'r.txt')]);
    expect(code).toBe(2);
    expect(err).toContain(`--output-file ${join(dir, 'no', 'r.txt')}: no such directory`);
  });
});

describe('did you mean', () => {
  it('suggests the command a typo is near', async () => {
    const { code, out, err } = await runInMemory(['rout']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('tthc: unknown command "rout"; did you mean "route"?\nRun "tthc --help" for the list of commands.\n');
  });

  it.each([
    [['route', '1.004222', '--chanel', 'online'], 'tthc route: unknown option "--chanel"; did you mean "--channel"?'],
    [['validate', '--basline', 'b.json'], 'tthc validate: unknown option "--basline"; did you mean "--baseline"?'],
    [['due', '--recieved', 'x'], 'tthc due: unknown option "--recieved"; did you mean "--received"?'],
    [['stats', '--as-off=2026-01-01'], 'tthc stats: unknown option "--as-off"; did you mean "--as-of"?'],
    [['calendar', '2026', '--frobnicate'], 'tthc calendar: unknown option "--frobnicate"\n'],
    [['test', '-x'], 'tthc test: unknown option "-x"\n'],
  ])('%j: %s', async (argv, message) => {
    const { code, err } = await runInMemory(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain(`Run "tthc ${argv[0]} --help" for usage.`);
  });
});

describe('malformed flag values are usage errors (exit 2)', () => {
  const ROUTE = ['route', '1.004222', '--channel', 'in-person'];
  const RECEIVED = ['--received', '2026-02-12T10:00:00+07:00'];

  it.each([
    [[...ROUTE, '--received', '2026-02-12T10:00:00', '--office', '00008'], '--received must be an ISO 8601 instant with a UTC offset, e.g. 2026-02-12T10:00:00+07:00; got "2026-02-12T10:00:00"'],
    [[...ROUTE, '--received', '2026-02-30T10:00:00+07:00', '--office', '00008'], '--received must be an ISO 8601 instant with a UTC offset'],
    [[...ROUTE, ...RECEIVED, '--office', '8'], '--office must be a 5-digit commune code or a 2-digit province code; got "8"'],
    [[...ROUTE, ...RECEIVED, '--office', '00008', '--residence', '123'], '--residence must be a 5-digit commune code or a 2-digit province code'],
    [[...ROUTE, ...RECEIVED, '--office', '00008', '--subject', 'x'], '--subject must be a 5-digit commune code or a 2-digit province code'],
    [[...ROUTE, ...RECEIVED, '--office', '00008', '--as-of', '2026-02-30'], '--as-of must be a date YYYY-MM-DD that exists; got "2026-02-30"'],
    [[...ROUTE, ...RECEIVED, '--office', '00008', '--applicant', 'alien'], '--applicant must be one of citizen, overseas-vietnamese'],
    [[...ROUTE, ...RECEIVED, '--office', '00008', '--data', 'no-such-dir'], '--data no-such-dir: no such file or directory'],
    [['route', '', '--channel', 'online', ...RECEIVED], 'missing the procedure code'],
    [['due', '--received', '2026-02-12', '--deadline', '5 working-days'], '--received must be an ISO 8601 instant with a UTC offset'],
    [['due', ...RECEIVED, '--deadline', '5 working-days', '--province', '1'], '--province must be a 2-digit province code, e.g. 01; got "1"'],
    [['due', ...RECEIVED, '--deadline', '5 working-days', '--pause', '2026-02-13..2026-02-1'], '--pause must be FROM..TO'],
    [['due', ...RECEIVED, '--deadline', '1.5 months'], 'months deadlines must be whole months'],
    [['calendar', '1900'], 'year 1900 is outside the calendar'],
    [['stats', '--as-of', '2026-13-01'], '--as-of must be a date YYYY-MM-DD that exists'],
    [['stats', '--data', 'no-such-dir'], '--data no-such-dir: no such file or directory'],
    [['test', '--data', 'no-such-dir'], '--data no-such-dir: no such file or directory'],
    [['validate', 'test/fixtures/validate/clean', '--max-warnings', ''], '--max-warnings must be a whole number of 0 or more'],
    [['validate', 'test/fixtures/validate/clean', '--max-warnings', '0x1'], '--max-warnings must be a whole number of 0 or more; got "0x1"'],
    [['route', '1.009664', '--channel', 'online', ...RECEIVED, '--deadline-variant', '1e0'], '--deadline-variant must be a whole number of 0 or more; got "1e0"'],
  ])('%j', async (argv, message) => {
    const { code, err } = await runInMemory(argv);
    expect(err).toContain(message);
    expect(err).toContain(`Run "tthc ${argv[0]} --help" for usage.`);
    expect(code).toBe(2);
  });

  it('keeps a well-formed code the catalogue does not know an exit 1', async () => {
    const { code, err } = await runInMemory([...ROUTE, ...RECEIVED, '--office', '99999']);
    expect(err).toBe('tthc route: unknown unit code "99999"; the office must be a province or commune of the catalogue\n');
    expect(code).toBe(1);
  });
});
