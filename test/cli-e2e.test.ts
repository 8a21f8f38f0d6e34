/**
 * The CLI once end to end, through the built bin (`node dist/cli.js`): exit codes, streams and no stack traces. The
 * bin is built first when dist/cli.js is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
const BIN = join(ROOT, 'dist', 'cli.js');
const STACK_TRACE = /\n\s+at /;

// English messages whatever the machine's locale; no debug stack traces.
const ENV: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
delete ENV['TTHC_DEBUG'];

function tthc(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: ENV,
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The newest modification time of the files under a folder. */
function newestIn(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

// The bin is the built one: rebuilt when missing or older than the sources, so the test never runs stale code.
beforeAll(() => {
  if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestIn(join(ROOT, 'src'))) {
    execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'ignore', shell: process.platform === 'win32' });
  }
}, 300_000);

describe('the tthc bin', () => {
  it('exits 1 and prints the located error for a fixture with a duplicate key', () => {
    const { status, stdout, stderr } = tthc('validate', 'test/fixtures/validate/duplicate-key', '--format', 'text', '--no-code-frames');
    expect(stdout).toContain('test/fixtures/validate/duplicate-key/procedures.yaml:13:5: error YAML_DUPLICATE_KEY');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(status).toBe(1);
  });

  it('exits 0 and reports no issue for the clean fixture', () => {
    const { status, stdout, stderr } = tthc('validate', 'test/fixtures/validate/clean', '--format', 'text', '--no-code-frames');
    expect(stdout).toBe(readFileSync(join(ROOT, 'test/fixtures/validate/clean/expected.txt'), 'utf8'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('prints the package version for --version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { status, stdout } = tthc('--version');
    expect(stdout).toBe(`${version}\n`);
    expect(status).toBe(0);
  });

  it('exits 2 with the command list on stderr for an unknown command', () => {
    const { status, stdout, stderr } = tthc('frobnicate');
    expect(stderr).toContain('unknown command "frobnicate"');
    expect(stderr).toContain('validate');
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('exits 2 naming the missing --channel of route, without a stack trace', () => {
    const { status, stderr } = tthc('route', '1.001193', '--received', '2026-02-12T10:00:00+07:00');
    expect(stderr).toContain('tthc route: missing --channel');
    expect(stderr).toContain('tthc route --help');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(status).toBe(2);
  });
});
