/**
 * Every issue of the calendar assembly, the catalogue's cross-file checks, the file kinds, the disk reader and the git
 * reader of `tthc diff` carries its message in Vietnamese too (`messageVi`, printed by `tthc validate --lang vi`),
 * with the English message unchanged.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildFromTexts } from './_catalog-load.js';
import { shippedCalendarFiles } from './calendar-helpers.js';
import { memoryIo } from './_memory-io.js';
import { parseCalendarFiles } from '../src/calendar/index.js';
import { InvalidDataError } from '../src/errors.js';
import type { Issue } from '../src/errors.js';
import { diffCommand } from '../src/node/commands/diff.js';
import { readSourceTexts } from '../src/node/read.js';
import type { ReadResult } from '../src/node/read.js';
import { parseDataFiles } from '../src/source/files.js';
import { DEFAULT_YAML_LIMITS } from '../src/source/yaml-limits.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const posix = process.platform !== 'win32';

/** Every issue has a Vietnamese message of its own: present, not empty, not the English one. */
function expectVietnamese(issues: readonly Issue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.messageVi, `${issue.code}: ${issue.message}`).toBeTypeOf('string');
    expect(issue.messageVi!.trim(), `${issue.code}: ${issue.message}`).not.toBe('');
    expect(issue.messageVi, `${issue.code}: ${issue.message}`).not.toBe(issue.message);
  }
}

/** `code: message => messageVi` of each issue, for exact comparisons. */
const pairs = (issues: readonly Issue[]): string[] => issues.map((issue) => `${issue.code}: ${issue.message} => ${issue.messageVi ?? '(none)'}`);

// ---------------------------------------------------------------- calendar

describe('calendar assembly issues in Vietnamese', () => {
  const base = shippedCalendarFiles().filter((file) => !/\d{4}\.yaml$/.test(file.file));
  const holidayRules = base.find((file) => file.file.endsWith('holiday-rules.yaml'))!;
  const officePolicy = base.find((file) => file.file.endsWith('office-policy.yaml'))!;
  const entry = (fields: string): string => `  - { ${fields}, name: { vi: x, en: x }, source: doc, confidence: low }`;
  const year = (daysOff: readonly string[], makeUpDays: readonly string[]): string =>
    [
      'kind: calendar-year',
      'year: 2027',
      'status: official',
      'source: test',
      'legalBasis: test',
      ...(daysOff.length === 0 ? ['daysOff: []'] : ['daysOff:', ...daysOff]),
      ...(makeUpDays.length === 0 ? ['makeUpDays: []'] : ['makeUpDays:', ...makeUpDays]),
      '',
    ].join('\n');

  it('says which calendar files are missing', () => {
    const { issues } = parseCalendarFiles([]);
    expectVietnamese(issues);
    expect(pairs(issues)).toEqual([
      'CALENDAR_MISSING_FILE: no file of kind holiday-rules => không có tệp nào thuộc loại tệp holiday-rules',
      'CALENDAR_MISSING_FILE: no file of kind office-policy => không có tệp nào thuộc loại tệp office-policy',
    ]);
  });

  it('says which calendar file is given twice', () => {
    const emptyYear = year([], []);
    const { issues } = parseCalendarFiles([
      ...base,
      { file: 'again/holiday-rules.yaml', text: holidayRules.text },
      { file: 'again/office-policy.yaml', text: officePolicy.text },
      { file: '2027.yaml', text: emptyYear },
      { file: 'again/2027.yaml', text: emptyYear },
    ]);
    expect(issues.map((issue) => issue.code)).toEqual(['CALENDAR_DUPLICATE_FILE', 'CALENDAR_DUPLICATE_FILE', 'CALENDAR_DUPLICATE_FILE']);
    expectVietnamese(issues);
    expect(issues.map((issue) => issue.messageVi)).toEqual([
      'tệp calendar-year thứ hai cho năm 2027; mỗi năm chỉ được có một tệp',
      'tệp holiday-rules thứ hai; chỉ được có một tệp loại này',
      'tệp office-policy thứ hai; chỉ được có một tệp loại này',
    ]);
  });

  it('says which office hours overlap', () => {
    const overlapping = officePolicy.text.replace("{ from: '13:00', to: '17:00' }", "{ from: '11:00', to: '17:00' }");
    expect(overlapping).not.toBe(officePolicy.text);
    const { issues } = parseCalendarFiles([holidayRules, { file: officePolicy.file, text: overlapping }]);
    expectVietnamese(issues);
    expect(pairs(issues)).toEqual([
      'CALENDAR_BAD_OFFICE_HOURS: period 11:00-17:00 overlaps or runs backwards => ca làm việc 11:00-17:00 chồng lấn ca trước hoặc bị ngược (giờ kết thúc phải sau giờ bắt đầu)',
    ]);
  });

  it('explains every problem of the days of a year', () => {
    const text = year(
      [
        entry("date: '2028-01-04', reason: holiday"),
        entry("date: '2027-03-06', reason: holiday, holiday: no-such-holiday"),
        entry("date: '2027-03-03', reason: swap, swappedWith: '2027-03-13'"),
      ],
      [entry("date: '2027-03-03', swappedWith: '2027-03-03'")],
    );
    const { issues } = parseCalendarFiles([...base, { file: '2027.yaml', text }]);
    expect(new Set(issues.map((issue) => issue.code))).toEqual(
      new Set([
        'CALENDAR_DATE_OUTSIDE_YEAR',
        'CALENDAR_DAY_OFF_ON_REST_DAY',
        'CALENDAR_UNKNOWN_HOLIDAY',
        'CALENDAR_SWAP_MISMATCH',
        'CALENDAR_DUPLICATE_DATE',
        'CALENDAR_MAKE_UP_ON_WORKING_DAY',
      ]),
    );
    expectVietnamese(issues);
    expect(pairs(issues).sort()).toEqual(
      [
        'CALENDAR_DATE_OUTSIDE_YEAR: 2028-01-04 is not in 2027 => ngày 2028-01-04 không thuộc năm 2027',
        'CALENDAR_DAY_OFF_ON_REST_DAY: 2027-03-06 is already a weekly rest day => ngày 2027-03-06 vốn đã là ngày nghỉ hằng tuần',
        'CALENDAR_UNKNOWN_HOLIDAY: holiday "no-such-holiday" is not in holiday-rules => ngày lễ "no-such-holiday" không có trong tệp holiday-rules',
        'CALENDAR_SWAP_MISMATCH: swappedWith 2027-03-13 is not listed in makeUpDays => ngày 2027-03-13 ghi ở swappedWith không có trong makeUpDays',
        'CALENDAR_DUPLICATE_DATE: 2027-03-03 is listed twice => ngày 2027-03-03 bị liệt kê hai lần',
        'CALENDAR_MAKE_UP_ON_WORKING_DAY: 2027-03-03 is already a working day => ngày 2027-03-03 vốn đã là ngày làm việc',
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------- file kinds

describe('unknown file kinds in Vietnamese', () => {
  const schemas = { a: z.object({ kind: z.literal('a') }), b: z.object({ kind: z.literal('b') }) };

  it('says the file has no kind, or an unknown one, and lists the kinds', () => {
    const { issues } = parseDataFiles(
      [
        { file: 'none.yaml', text: 'name: x\n' },
        { file: 'other.yaml', text: 'kind: c\n' },
      ],
      schemas,
    );
    expectVietnamese(issues);
    expect(pairs(issues)).toEqual([
      'UNKNOWN_FILE_KIND: file has no "kind" key; expected one of a, b => tệp không có khóa "kind"; cần một trong các loại tệp a, b',
      'UNKNOWN_FILE_KIND: unknown kind "c"; expected one of a, b => loại tệp "c" không xác định; cần một trong các loại tệp a, b',
    ]);
  });
});

// ---------------------------------------------------------------- catalogue

describe('catalogue cross-file issues in Vietnamese', () => {
  const SOURCE = 'source:\n  - dataset: test\n    origin: inline\n    licence: MIT\n';
  const version = (from: string, to?: string): string =>
    `      - validFrom: "${from}"\n${to === undefined ? '' : `        validTo: "${to}"\n`}        type: tinh\n        name: { vi: Tỉnh, en: Province }\n        fullName: { vi: Tỉnh Thử, en: Test Province }\n`;
  const unit = (code: string, level: string, from: string, to: string | undefined, versions: readonly string[], province?: string): string =>
    `  - code: "${code}"\n    level: ${level}\n${province === undefined ? '' : `    province: "${province}"\n`}    validFrom: "${from}"\n${to === undefined ? '' : `    validTo: "${to}"\n`}    versions:\n${versions.join('')}`;
  const procedure = (code: string): string => `  - code: "${code}"
    name: Thủ tục thử
    ministry: Bộ Tư pháp
    sector: Hộ tịch
    levels: [commune]
    applicants: [Công dân Việt Nam]
    competentAuthority: Ủy ban nhân dân cấp xã
    legalBasis: []
    result: []
    channels:
      in-person:
        deadline: { status: resolved, value: 3, unit: working-days, raw: 3 Ngày làm việc }
    source: { dataset: national-portal-2026 }
`;
  const units = `kind: units\n${SOURCE}units:\n${[
    unit('75', 'province', '2025-07-01', undefined, [version('2025-07-01')]),
    unit('79', 'province', '2025-07-01', undefined, [version('2025-07-01')]),
    unit('26368', 'commune', '2025-07-01', undefined, [version('2025-07-01')], '75'),
    unit('26369', 'commune', '2025-07-01', undefined, [version('2025-07-01')], '99'),
    unit('75000', 'province', '2025-07-01', undefined, [version('2025-07-01')]),
    unit('01', 'province', '2026-02-30', undefined, [version('2025-07-01')]),
    unit('02', 'province', '2025-07-01', '2025-01-01', [version('2025-07-01', '2025-01-01')]),
    unit('04', 'province', '2025-07-01', undefined, [version('2025-08-01')]),
    unit('06', 'province', '2025-07-01', undefined, [version('2025-07-01'), version('2026-01-01')]),
    unit('08', 'province', '2025-07-01', undefined, [version('2025-07-01', '2025-12-31'), version('2025-12-01')]),
    unit('10', 'province', '2025-07-01', undefined, [version('2025-07-01', '2025-12-31')]),
    unit('12', 'province', '2025-07-01', undefined, [version('2025-07-01', '2025-12-31'), version('2026-01-05')]),
  ].join('')}`;
  const moreUnits = `kind: units\n${SOURCE}units:\n${unit('75', 'province', '2025-07-01', undefined, [version('2025-07-01')])}`;
  const legacy = `kind: legacy-units\n${SOURCE}province: "79"\nlinks:\n  - { old: "26000", oldName: Xã Cũ, new: "99999", type: full }\n  - { old: "26001", oldName: Xã Khác, new: "26368", type: full }\n`;
  const procedures = `kind: procedures\n${SOURCE}procedures:\n${procedure('1.000001')}`;
  const { issues: all } = buildFromTexts([
    { file: 'units/a.yaml', text: units },
    { file: 'units/b.yaml', text: moreUnits },
    { file: 'units/legacy/79.yaml', text: legacy },
    { file: 'procedures/a.yaml', text: procedures },
    { file: 'procedures/b.yaml', text: procedures },
  ]);
  const codes = ['DUPLICATE_CODE', 'UNIT_LEVEL_MISMATCH', 'UNKNOWN_PROVINCE', 'INVALID_DATE', 'INVALID_INTERVAL', 'UNKNOWN_LEGACY_TARGET'];
  const issues = all.filter((issue) => codes.includes(issue.code));

  it('reaches every check, with no schema error in the way', () => {
    expect(all.filter((issue) => issue.code.startsWith('SCHEMA_') || issue.code.startsWith('YAML_'))).toEqual([]);
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(codes));
  });

  it('gives every cross-file issue a Vietnamese message', () => {
    expectVietnamese(issues);
  });

  it('says which code is defined twice, and where first', () => {
    const duplicates = issues.filter((issue) => issue.code === 'DUPLICATE_CODE').map((issue) => issue.messageVi);
    expect(duplicates).toHaveLength(2);
    expect(duplicates).toContainEqual(expect.stringMatching(/^mã thủ tục "1\.000001" đã được khai báo tại procedures\/a\.yaml:\d+$/));
    expect(duplicates).toContainEqual(expect.stringMatching(/^mã đơn vị "75" đã được khai báo tại units\/a\.yaml:\d+$/));
  });

  it('says what is wrong with levels, provinces and legacy links', () => {
    const vi = issues.map((issue) => issue.messageVi);
    expect(vi).toContain('mã đơn vị "75000" không khớp cấp tỉnh');
    expect(vi).toContain('xã "26369" nêu tỉnh "99" không có trong danh mục');
    expect(vi).toContain('liên kết đơn vị cũ từ "26000" trỏ tới "99999", không phải là xã có trong danh mục');
    expect(vi).toContain('xã "26368" thuộc tỉnh "75", không phải tỉnh "79" của tệp này');
  });

  it('says what is wrong with dates and validity intervals', () => {
    expect(pairs(issues.filter((issue) => issue.code === 'INVALID_DATE' || issue.code === 'INVALID_INTERVAL')).sort()).toEqual(
      [
        'INVALID_DATE: "2026-02-30" is not a calendar date => "2026-02-30" không phải là ngày có thật',
        'INVALID_INTERVAL: unit "02" ends (2025-01-01) before it starts (2025-07-01) => đơn vị "02" hết hiệu lực (2025-01-01) trước khi có hiệu lực (2025-07-01)',
        'INVALID_INTERVAL: version ends (2025-01-01) before it starts (2025-07-01) => phiên bản hết hiệu lực (2025-01-01) trước khi có hiệu lực (2025-07-01)',
        'INVALID_INTERVAL: first version starts 2025-08-01, but the unit starts 2025-07-01 => phiên bản đầu tiên có hiệu lực từ 2025-08-01, nhưng đơn vị có hiệu lực từ 2025-07-01',
        'INVALID_INTERVAL: version from 2025-07-01 has no validTo but a later version follows => phiên bản từ 2025-07-01 không có validTo nhưng còn phiên bản sau',
        'INVALID_INTERVAL: version from 2025-12-01 overlaps the version ending 2025-12-31 => phiên bản từ 2025-12-01 chồng lấn với phiên bản hết hiệu lực ngày 2025-12-31',
        'INVALID_INTERVAL: last version ends 2025-12-31, but the unit ends never => phiên bản cuối cùng hết hiệu lực ngày 2025-12-31, nhưng đơn vị không có ngày hết hiệu lực',
        'INVALID_INTERVAL: version from 2026-01-05 leaves a gap after the version ending 2025-12-31 => phiên bản từ 2026-01-05 để hở khoảng trống sau phiên bản hết hiệu lực ngày 2025-12-31',
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------- reading files from disk

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) {
    await chmod(join(dir, 'data', 'locked'), 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

/** A new temporary directory with the given files (name -> content). */
async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tthc-vi-'));
  made.push(root);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
  return root;
}

const byFile = (read: ReadResult): Record<string, string> =>
  Object.fromEntries(read.issues.map((issue) => [issue.file ?? '', `${issue.code}: ${issue.message} => ${issue.messageVi ?? '(none)'}`]));

describe('reading files: issues in Vietnamese', () => {
  it('explains missing paths, files too large and bytes that are not UTF-8', async () => {
    const root = await tree({ 'big.yaml': 'kind: procedures\n# padding\n', 'latin.yaml': new Uint8Array([0x6b, 0x3a, 0x20, 0xe9, 0x0a]), 'file.yaml': 'kind: a\n' });
    const read = await readSourceTexts(['missing', 'big.yaml', 'latin.yaml', 'file.yaml/below'], { cwd: root, maxBytes: 20 });
    expectVietnamese(read.issues);
    expect(byFile(read)).toEqual({
      missing: 'FILE_UNREADABLE: no such file or directory => không có tệp hoặc thư mục nào ở đường dẫn này',
      'big.yaml': 'FILE_TOO_LARGE: file has 27 bytes, more than the limit of 20 => tệp có 27 byte, vượt giới hạn 20 byte',
      'latin.yaml': 'FILE_NOT_UTF8: byte 4 is not valid UTF-8; save the file as UTF-8 => byte thứ 4 không hợp lệ theo UTF-8; hãy lưu tệp dưới dạng UTF-8',
      'file.yaml/below': 'FILE_UNREADABLE: cannot read the path (ENOTDIR) => không đọc được đường dẫn (ENOTDIR)',
    });
  });

  it.runIf(existsSync('/proc/self/status'))('explains a file that grows past the limit while read', async () => {
    // /proc files report a size of 0 and hold more: the limit is found while reading.
    const read = await readSourceTexts(['/proc/self/status'], { maxBytes: 10 });
    expectVietnamese(read.issues);
    expect(pairs(read.issues)).toEqual(['FILE_TOO_LARGE: file has more than 10 bytes, the limit => tệp có hơn 10 byte, vượt giới hạn cho phép']);
  });

  it.runIf(posix)('explains broken links, link loops and links that cannot be followed', async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n', 'data/sub/b.yaml': 'kind: b\n', 'plain.yaml': 'kind: p\n' });
    await symlink(join(root, 'gone.yaml'), join(root, 'data', 'broken.yaml'));
    await symlink('self.yaml', join(root, 'data', 'self.yaml'));
    await symlink(join(root, 'data'), join(root, 'data', 'sub', 'up'));
    await symlink(join(root, 'plain.yaml', 'below'), join(root, 'data', 'through-file'));
    await symlink(join(root, 'gone.yaml'), join(root, 'broken-given.yaml'));
    await symlink('self-given.yaml', join(root, 'self-given.yaml'));
    const read = await readSourceTexts(['data', 'broken-given.yaml', 'self-given.yaml'], { cwd: root });
    expectVietnamese(read.issues);
    expect(byFile(read)).toEqual({
      'data/broken.yaml':
        'FILE_UNREADABLE: symbolic link points to a file or directory that does not exist => liên kết tượng trưng trỏ tới tệp hoặc thư mục không tồn tại',
      'data/self.yaml':
        'FILE_UNREADABLE: symbolic link leads back to itself (a loop); not followed => liên kết tượng trưng dẫn ngược về chính nó (vòng lặp); không đi theo',
      'data/sub/up':
        'FILE_UNREADABLE: symbolic link leads back to data, a directory that contains it (a loop); not followed => liên kết tượng trưng dẫn ngược về data, thư mục chứa nó (vòng lặp); không đi theo',
      'data/through-file': 'FILE_UNREADABLE: cannot follow the symbolic link (ENOTDIR) => không đi theo được liên kết tượng trưng (ENOTDIR)',
      'broken-given.yaml':
        'FILE_UNREADABLE: symbolic link points to a file or directory that does not exist => liên kết tượng trưng trỏ tới tệp hoặc thư mục không tồn tại',
      'self-given.yaml':
        'FILE_UNREADABLE: symbolic link leads back to itself (a loop); not followed => liên kết tượng trưng dẫn ngược về chính nó (vòng lặp); không đi theo',
    });
  });

  it.runIf(posix)('names what a path that is not a regular file is', { timeout: 5000 }, async () => {
    const root = await tree({});
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    const socketPath = join(root, 'socket.yaml');
    const server: Server = createServer();
    await new Promise<void>((done) => server.listen(socketPath, done));
    try {
      const read = await readSourceTexts(['pipe.yaml', 'socket.yaml', '/dev/null'], { cwd: root });
      expectVietnamese(read.issues);
      expect(byFile(read)).toEqual({
        'pipe.yaml': 'FILE_UNREADABLE: not a regular file (a named pipe); expected a YAML file => không phải tệp thông thường (ống dẫn có tên); cần một tệp YAML',
        'socket.yaml': 'FILE_UNREADABLE: not a regular file (a socket); expected a YAML file => không phải tệp thông thường (ổ cắm); cần một tệp YAML',
        '/dev/null': 'FILE_UNREADABLE: not a regular file (a character device); expected a YAML file => không phải tệp thông thường (thiết bị ký tự); cần một tệp YAML',
      });
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  /** Root reads through chmod 000, so the reading runs in a child process as `nobody` when we are root. */
  function readAsUnprivileged(cwd: string, paths: readonly string[]): Promise<ReadResult> {
    const nobody = (flag: '-u' | '-g'): number => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }));
    const user = process.getuid?.() === 0 ? { uid: nobody('-u'), gid: nobody('-g') } : {};
    const script = `
      const { readSourceTexts } = await import(${JSON.stringify(join(ROOT, 'src', 'node', 'read.ts'))});
      process.stdout.write(JSON.stringify(await readSourceTexts(${JSON.stringify(paths)}, { cwd: ${JSON.stringify(cwd)} })));
    `;
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir() },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...user,
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done(JSON.parse(out) as ReadResult) : fail(new Error(`child exited ${code}: ${err}`))));
    });
  }

  it.runIf(posix)('explains a directory and a file that cannot be read', { timeout: 30_000 }, async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n', 'data/locked/hidden.yaml': 'kind: h\n', 'data/secret.yaml': 'kind: s\n' });
    for (const dir of [root, join(root, 'data')]) await chmod(dir, 0o755);
    await chmod(join(root, 'data', 'a.yaml'), 0o644);
    await chmod(join(root, 'data', 'locked'), 0o000);
    await chmod(join(root, 'data', 'secret.yaml'), 0o000);
    const read = await readAsUnprivileged(root, ['data']);
    expectVietnamese(read.issues);
    expect(byFile(read)).toEqual({
      'data/locked':
        'FILE_UNREADABLE: cannot read the directory (EACCES); its files are not checked => không đọc được thư mục (EACCES); các tệp trong thư mục chưa được kiểm tra',
      'data/secret.yaml': 'FILE_UNREADABLE: cannot read the file (EACCES) => không đọc được tệp (EACCES)',
    });
  });
});

// ---------------------------------------------------------------- reading files from git (tthc diff)

describe.runIf(posix)('reading files from git for tthc diff: issues in Vietnamese', () => {
  it('explains a blob too large, a blob that is not UTF-8 and an entry that is no blob', { timeout: 30_000 }, async () => {
    const repo = await tree({
      'catalog/huge.yaml': `kind: procedures\n${'#'.repeat(DEFAULT_YAML_LIMITS.maxLength)}\n`,
      'catalog/latin.yaml': new Uint8Array([0x6b, 0x3a, 0x20, 0xe9, 0x0a]),
    });
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=tthc', '-c', 'user.email=tthc@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repo,
        env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
    git('init', '-q');
    git('add', '-A');
    // A submodule entry with a YAML name: the tree lists it, but it has no blob to read.
    git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},catalog/module.yaml`);
    git('commit', '-q', '-m', 'data');
    const size = DEFAULT_YAML_LIMITS.maxLength + 'kind: procedures\n\n'.length;

    let thrown: unknown;
    try {
      await diffCommand.run({ values: {}, positionals: ['HEAD', 'HEAD'] }, memoryIo(repo));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidDataError);
    const issues = (thrown as InvalidDataError).issues;
    expectVietnamese(issues);
    expect(Object.fromEntries(issues.map((issue) => [issue.file, `${issue.code}: ${issue.message} => ${issue.messageVi ?? '(none)'}`]))).toEqual({
      'catalog/huge.yaml': `FILE_TOO_LARGE: file has ${size} bytes, more than the limit of ${DEFAULT_YAML_LIMITS.maxLength} => tệp có ${size} byte, vượt giới hạn ${DEFAULT_YAML_LIMITS.maxLength} byte`,
      'catalog/latin.yaml':
        'FILE_NOT_UTF8: file contains bytes that are not valid UTF-8; save the file as UTF-8 => tệp chứa byte không hợp lệ theo UTF-8; hãy lưu tệp dưới dạng UTF-8',
      'catalog/module.yaml': 'FILE_UNREADABLE: cannot read the file from git => không đọc được tệp từ git',
    });
  });
});
