/**
 * `tthc diff` on git refs checks each blob's size in the tree listing before reading anything: a YAML blob over the
 * limit is the FILE_TOO_LARGE issue the disk reader gives, and its bytes are never asked of git.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_YAML_LIMITS } from '../src/source/yaml.js';
import { ROOT, runInMemory } from './_memory-io.js';

const F = join(ROOT, 'test/fixtures/diff');
const LIMIT = DEFAULT_YAML_LIMITS.maxLength;
// Just over 5 MB, well over the 4 MiB limit.
const HUGE = `kind: procedures\n${'# padding line of a file too large to read into memory\n'.repeat(100_000)}`;

describe('tthc diff on a git ref holding a YAML blob over the size limit', () => {
  let repo: string;
  let log: string;
  let savedPath: string | undefined;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=tthc', '-c', 'user.email=tthc@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'tthc-diff-large-'));
    git('init', '-q');
    cpSync(join(F, 'changes/old/catalog'), join(repo, 'catalog'), { recursive: true });
    cpSync(join(F, 'changes/old/rules'), join(repo, 'rules'), { recursive: true });
    cpSync(join(F, 'base/rules/calendar'), join(repo, 'rules/calendar'), { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', 'small');
    writeFileSync(join(repo, 'catalog/huge.yaml'), HUGE);
    git('add', '-A');
    git('commit', '-q', '-m', 'huge');

    // A git on PATH that records what `git cat-file --batch` is asked for, then runs the real git.
    const bin = join(repo, '.bin');
    log = join(repo, '.cat-file.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
    execFileSync('mkdir', ['-p', bin]);
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nif [ "$1" = "cat-file" ]; then tee -a '${log}' | exec '${realGit}' "$@"; else exec '${realGit}' "$@"; fi\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    writeFileSync(log, '');
    savedPath = process.env['PATH'];
    process.env['PATH'] = `${bin}${delimiter}${savedPath ?? ''}`;
  });

  afterAll(() => {
    if (savedPath === undefined) delete process.env['PATH'];
    else process.env['PATH'] = savedPath;
    rmSync(repo, { recursive: true, force: true });
  });

  it('reports FILE_TOO_LARGE with the size, never asks git for the blob, and exits 1', async () => {
    expect(HUGE.length).toBeGreaterThan(LIMIT);
    const hugeBlob = git('rev-parse', 'HEAD:catalog/huge.yaml').trim();
    const { code, out, err } = await runInMemory(['diff', 'HEAD~1', 'HEAD'], repo);
    expect(out).toBe('');
    expect(err).toBe(
      `tthc diff: the new data (HEAD) has 1 unreadable file, first catalog/huge.yaml FILE_TOO_LARGE file has ${HUGE.length} bytes, more than the limit of ${LIMIT}; run "tthc validate" on it\n`,
    );
    expect(code).toBe(1);
    const asked = readFileSync(log, 'utf8');
    expect(asked).toContain(git('rev-parse', 'HEAD:catalog/procedures.yaml').trim());
    expect(asked).not.toContain(hugeBlob);
    expect(asked).not.toContain('huge.yaml');
  });

  it('gives the same issue as the disk reader for the same file in the working tree', async () => {
    const fromGit = await runInMemory(['diff', 'HEAD~1', 'HEAD'], repo);
    const fromDisk = await runInMemory(['diff', 'HEAD~1', '.'], repo);
    const issue = (err: string) => err.slice(err.indexOf(' first '));
    expect(fromDisk.code).toBe(1);
    expect(issue(fromDisk.err)).toBe(issue(fromGit.err));
  });

  it('still compares the refs that hold no oversized file', async () => {
    const { code, out, err } = await runInMemory(['diff', 'HEAD~1', 'HEAD~1', '--exit-code'], repo);
    expect(err).toBe('');
    expect(out).toContain('No differences.');
    expect(code).toBe(0);
  });
});
