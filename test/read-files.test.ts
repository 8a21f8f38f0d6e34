/**
 * readSourceTexts on real temporary directories: symbolic links are followed (loops refused), named pipes are refused
 * without being opened, an unreadable directory is reported where it is, a file reached twice is read once, and the
 * order is the code-unit order of the paths.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmod, link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readSourceTexts } from '../src/node/read.js';
import type { ReadResult } from '../src/node/read.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOT_A_PIPE = 'not a regular file (a named pipe); expected a YAML file';
const posix = process.platform !== 'win32';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) {
    await chmod(join(dir, 'data', 'locked'), 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

/** A new temporary directory with the given files (name -> text); paths in results are relative to it. */
async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tthc-read-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), text);
  }
  return root;
}

const files = (read: ReadResult): string[] => read.sources.map((source) => source.file);
const located = (read: ReadResult): { file: string | undefined; code: string; message: string }[] =>
  read.issues.map((issue) => ({ file: issue.file, code: issue.code, message: issue.message }));

/** Runs `fn` and fails when it takes more than a second. */
async function withinASecond<T>(fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  expect(performance.now() - start).toBeLessThan(1000);
  return result;
}

describe.runIf(posix)('readSourceTexts on symbolic links', () => {
  it('reads a symlinked YAML file inside a directory, under the link name', async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n', 'elsewhere/b.yaml': 'kind: b\n' });
    await symlink(join(root, 'elsewhere', 'b.yaml'), join(root, 'data', 'b.yaml'));
    const read = await readSourceTexts(['data'], { cwd: root });
    expect(read.issues).toEqual([]);
    expect(read.sources).toEqual([
      { file: 'data/a.yaml', text: 'kind: a\n' },
      { file: 'data/b.yaml', text: 'kind: b\n' },
    ]);
    expect(read.fileCount).toBe(2);
  });

  it('walks a symlinked directory, and a directory given as a link', async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n', 'shared/sub/c.yaml': 'kind: c\n' });
    await symlink(join(root, 'shared'), join(root, 'data', 'shared'));
    await symlink(join(root, 'data'), join(root, 'data-link'));
    expect(files(await readSourceTexts(['data'], { cwd: root }))).toEqual(['data/a.yaml', 'data/shared/sub/c.yaml']);
    expect(files(await readSourceTexts(['data-link'], { cwd: root }))).toEqual(['data-link/a.yaml', 'data-link/shared/sub/c.yaml']);
  });

  it('refuses a link back to an ancestor directory as an issue at the link, fast, and reads the rest', async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n', 'data/sub/b.yaml': 'kind: b\n' });
    await symlink(join(root, 'data'), join(root, 'data', 'sub', 'up'));
    await symlink('.', join(root, 'data', 'sub', 'here'));
    const read = await withinASecond(() => readSourceTexts(['data'], { cwd: root }));
    expect(files(read)).toEqual(['data/a.yaml', 'data/sub/b.yaml']);
    expect(located(read)).toEqual([
      { file: 'data/sub/here', code: 'FILE_UNREADABLE', message: 'symbolic link leads back to data/sub, a directory that contains it (a loop); not followed' },
      { file: 'data/sub/up', code: 'FILE_UNREADABLE', message: 'symbolic link leads back to data, a directory that contains it (a loop); not followed' },
    ]);
  });

  it('refuses a loop through two directories and a link to itself', async () => {
    const root = await tree({ 'data/one/a.yaml': 'kind: a\n', 'data/two/b.yaml': 'kind: b\n' });
    await symlink(join(root, 'data', 'two'), join(root, 'data', 'one', 'to-two'));
    await symlink(join(root, 'data', 'one'), join(root, 'data', 'two', 'to-one'));
    await symlink('self.yaml', join(root, 'data', 'self.yaml'));
    const read = await withinASecond(() => readSourceTexts(['data'], { cwd: root }));
    // two/ is walked first through one/to-two, so its files are shown there, and two/ itself is not walked again.
    expect(files(read)).toEqual(['data/one/a.yaml', 'data/one/to-two/b.yaml']);
    expect(located(read)).toEqual([
      {
        file: 'data/one/to-two/to-one',
        code: 'FILE_UNREADABLE',
        message: 'symbolic link leads back to data/one, a directory that contains it (a loop); not followed',
      },
      { file: 'data/self.yaml', code: 'FILE_UNREADABLE', message: 'symbolic link leads back to itself (a loop); not followed' },
    ]);
  });

  it('reports a broken link, whatever its name, since it may have been a directory, once when given twice', async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n' });
    await symlink(join(root, 'gone.yaml'), join(root, 'data', 'b.yaml'));
    await symlink(join(root, 'gone'), join(root, 'data', 'rules'));
    const read = await readSourceTexts(['data', 'data/b.yaml'], { cwd: root });
    const message = 'symbolic link points to a file or directory that does not exist';
    expect(located(read)).toEqual([
      { file: 'data/b.yaml', code: 'FILE_UNREADABLE', message },
      { file: 'data/rules', code: 'FILE_UNREADABLE', message },
    ]);
  });
});

describe.runIf(posix)('readSourceTexts on files read twice', () => {
  it('reads a file reachable through several paths once, under the first path in sorted order', async () => {
    const root = await tree({ 'data/b.yaml': 'kind: b\n', 'data/z.yaml': 'kind: z\n', 'shared/c.yaml': 'kind: c\n' });
    await symlink(join(root, 'data', 'z.yaml'), join(root, 'data', 'a-link.yaml'));
    await link(join(root, 'data', 'b.yaml'), join(root, 'data', 'hard.yaml'));
    await symlink(join(root, 'shared'), join(root, 'data', 'shared'));
    const read = await readSourceTexts(['data', 'shared', 'shared/c.yaml', 'data/z.yaml'], { cwd: root });
    expect(read.issues).toEqual([]);
    expect(read.sources).toEqual([
      { file: 'data/a-link.yaml', text: 'kind: z\n' },
      { file: 'data/b.yaml', text: 'kind: b\n' },
      { file: 'data/shared/c.yaml', text: 'kind: c\n' },
    ]);
    expect(read.fileCount).toBe(3);
  });
});

describe.runIf(posix)('readSourceTexts on named pipes', () => {
  it('refuses a FIFO inside a directory and given directly, without opening it', { timeout: 5000 }, async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n' });
    execFileSync('mkfifo', [join(root, 'data', 'pipe.yaml'), join(root, 'data', 'pipe'), join(root, 'lone-pipe')]);
    await symlink(join(root, 'lone-pipe'), join(root, 'data', 'pipe-link.yml'));
    const read = await withinASecond(() => readSourceTexts(['data', 'lone-pipe'], { cwd: root }));
    expect(files(read)).toEqual(['data/a.yaml']);
    // The FIFO without a YAML name is not data and is passed over; the link and lone-pipe are one FIFO, reported once.
    expect(located(read)).toEqual([
      { file: 'data/pipe-link.yml', code: 'FILE_UNREADABLE', message: NOT_A_PIPE },
      { file: 'data/pipe.yaml', code: 'FILE_UNREADABLE', message: NOT_A_PIPE },
    ]);
    expect(read.fileCount).toBe(3);
  });

  it('refuses a FIFO given directly', { timeout: 5000 }, async () => {
    const root = await tree({});
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    const read = await withinASecond(() => readSourceTexts(['pipe.yaml'], { cwd: root }));
    expect(located(read)).toEqual([{ file: 'pipe.yaml', code: 'FILE_UNREADABLE', message: NOT_A_PIPE }]);
  });
});

describe.runIf(posix)('readSourceTexts on an unreadable directory', () => {
  /** Root reads through chmod 000, so the check runs in a child process as `nobody` when we are root. */
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
        env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
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

  it('reports the directory at its path as FILE_UNREADABLE and still reads the other files', { timeout: 30_000 }, async () => {
    const root = await tree({ 'data/a.yaml': 'kind: a\n', 'data/locked/hidden.yaml': 'kind: h\n', 'data/z/b.yaml': 'kind: b\n' });
    for (const dir of [root, join(root, 'data'), join(root, 'data', 'z')]) await chmod(dir, 0o755);
    await chmod(join(root, 'data', 'locked'), 0o000);
    const read = await readAsUnprivileged(root, ['data']);
    expect(files(read)).toEqual(['data/a.yaml', 'data/z/b.yaml']);
    expect(located(read)).toEqual([
      { file: 'data/locked', code: 'FILE_UNREADABLE', message: 'cannot read the directory (EACCES); its files are not checked' },
    ]);
    // "in N files" counts the two files, not the directory (tthc validate's summary uses this count).
    expect(read.fileCount).toBe(2);
  });
});

describe('readSourceTexts order', () => {
  it('is the code-unit order of the paths, never the locale order, whatever order the files were written in', async () => {
    const names = [
      'data/b.yaml', 'data/B.yaml', 'data/Ä.yaml', 'data/a.yaml', 'data/a-b/x.yaml', 'data/a/x.yaml',
      'data/a.b.yaml', 'data/_.yaml', 'data/10.yaml', 'data/9.yml', 'data/đ.yaml',
    ];
    // Sizes vary so that files read at the same time finish out of order.
    const padding = (index: number): string => '.'.repeat((names.length - index) * 50_000);
    const root = await tree(Object.fromEntries(names.map((name, index) => [name, `kind: x\n# ${padding(index)}\n`])));
    await writeFile(join(root, 'data', 'notes.txt'), 'not data');
    if (posix) {
      await mkdir(join(root, 'elsewhere'));
      await writeFile(join(root, 'elsewhere', 'x.yaml'), 'kind: x\n');
      await symlink(join(root, 'elsewhere'), join(root, 'data', 'a.c'));
    }
    const expected = [...names, ...(posix ? ['data/a.c/x.yaml'] : [])].sort();
    // Plain code-unit order: "B" before "a", "a-b/" before "a.b.yaml" before "a/", "Ä" and "đ" last.
    expect(expected).toEqual([
      'data/10.yaml', 'data/9.yml', 'data/B.yaml', 'data/_.yaml', 'data/a-b/x.yaml', 'data/a.b.yaml', ...(posix ? ['data/a.c/x.yaml'] : []),
      'data/a.yaml', 'data/a/x.yaml', 'data/b.yaml', 'data/Ä.yaml', 'data/đ.yaml',
    ]);
    const read = await readSourceTexts(['data'], { cwd: root });
    expect(read.issues).toEqual([]);
    expect(files(read)).toEqual(expected);
  });

  it('keeps the order of the paths given', async () => {
    const root = await tree({ 'z/a.yaml': 'kind: a\n', 'a/b.yaml': 'kind: b\n' });
    expect(files(await readSourceTexts(['z', 'a'], { cwd: root }))).toEqual(['z/a.yaml', 'a/b.yaml']);
  });
});
