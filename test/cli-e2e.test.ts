/**
 * The CLI once end to end, through the built bin (`node dist/cli.js`): exit codes, streams and no stack traces. The
 * bin is built first when dist/cli.js is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
const BIN = join(ROOT, 'dist', 'cli.js');
const STACK_TRACE = /\n\s+at /;

// English messages whatever the machine's locale; no debug stack traces.
const ENV: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
delete ENV['TTHC_DEBUG'];

function tthc(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return tthcIn(ROOT, ...args);
}

function tthcIn(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: ENV,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a bash command line (pipes, redirections) with the bin as "$TTHC". */
function shell(script: string, cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...ENV, TTHC: `${process.execPath} ${BIN}` }, timeout: 60_000 });
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

// The bin is the built one: rebuilt when missing or older than the sources, so the test never runs stale code. The
// whole build, snapshots included: tsup alone empties dist/, and the data snapshots the package ships would be gone.
beforeAll(() => {
  if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestIn(join(ROOT, 'src'))) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore', shell: process.platform === 'win32' });
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

  it('loads the YAML library only for a file the block reader gives up on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-yaml-library-'));
    try {
      // A hook on CommonJS loading tells whether the bin required the library; it is required, never imported.
      const hook = join(dir, 'hook.cjs');
      writeFileSync(hook, "const M = require('node:module'); const load = M._load; M._load = function (request, ...rest) { if (request === 'yaml') process.stderr.write('yaml library loaded\\n'); return load.call(this, request, ...rest); };\n");
      const run = (...args: string[]): ReturnType<typeof tthc> => {
        const result = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: ENV, timeout: 60_000 });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
      };
      const shipped = run('validate', 'catalog', 'rules', '--quiet');
      expect(shipped.status).toBe(0);
      expect(shipped.stderr).not.toContain('yaml library loaded');
      mkdirSync(join(dir, 'data'));
      writeFileSync(join(dir, 'data', 'tagged.yaml'), 'kind: overrides\ndescription: !!str x\noverrides: [\n  ]\n');
      const tagged = run('validate', join(dir, 'data'), '--format', 'text', '--no-code-frames');
      expect(tagged.stdout).toContain('tagged.yaml:2:14: error YAML_CUSTOM_TAG explicit tag !!str is not accepted');
      expect(tagged.stderr).toContain('yaml library loaded');
      expect(tagged.stderr).not.toMatch(STACK_TRACE);
      expect(tagged.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('suggests the command a typo is near', () => {
    const { status, stderr } = tthc('rout');
    expect(stderr).toBe('tthc: unknown command "rout"; did you mean "route"?\nRun "tthc --help" for the list of commands.\n');
    expect(status).toBe(2);
  });
});

describe('the tthc bin when its output fails', () => {
  let dir: string;

  beforeAll(() => {
    // Enough issues that the report is far larger than a pipe's buffer, so the writer is still writing when head exits.
    dir = mkdtempSync(join(tmpdir(), 'tthc-pipe-'));
    mkdirSync(join(dir, 'data'));
    for (let index = 0; index < 600; index++) writeFileSync(join(dir, 'data', `f${index}.yaml`), 'kind: nonsense\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops quietly when the reader of a pipe goes away, keeping the exit code of the check', () => {
    const { status, stdout, stderr } = shell('set -o pipefail; $TTHC validate data | head -1', dir);
    expect(stdout).toBe('data/f0.yaml:1:7: error UNKNOWN_FILE_KIND unknown kind "nonsense"; expected one of bodies, calendar-year, holiday-rules, legacy-units, office-policy, overrides, procedures, rules, scenarios, units\n');
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  it('stops quietly with exit 0 when a clean run is cut short', () => {
    const { status, stdout, stderr } = shell('set -o pipefail; $TTHC validate data --baseline b.json >/dev/null && $TTHC validate data --baseline b.json --format json | head -1', dir);
    expect(stdout).toBe('{\n');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    rmSync(join(dir, 'b.json'));
  });

  it('says in one line that the disk is full, and exits 1', () => {
    const { status, stdout, stderr } = shell('$TTHC validate test/fixtures/validate/clean > /dev/full');
    expect(stdout).toBe('');
    expect(stderr).toBe('tthc: cannot write output: no space left on device\n');
    expect(status).toBe(1);
  });
});

describe('the tthc bin with a baseline of the shipped data', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tthc-baseline-'));
    cpSync(join(ROOT, 'catalog'), join(dir, 'catalog'), { recursive: true });
    cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the baseline, then passes with nothing shown, then fails on a planted error', () => {
    const written = tthcIn(dir, 'validate', 'catalog', 'rules', '--baseline', 'b.json');
    expect(written.stderr).toBe('');
    expect(written.stdout).toMatch(/^No errors or warnings in (\d+) files\nbaseline written with (\d+) issues\n$/);
    expect(written.status).toBe(0);
    const [, files, count] = /in (\d+) files\nbaseline written with (\d+) issues/.exec(written.stdout)!;
    expect(Number(count)).toBeGreaterThan(0);

    const again = tthcIn(dir, 'validate', 'catalog', 'rules', '--baseline', 'b.json');
    expect(again.stdout).toBe(`No errors or warnings in ${files} files; ${count} in the baseline\n`);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);

    writeFileSync(join(dir, 'catalog', 'planted.yaml'), 'kind: procedures\nprocedures: 3\n');
    const planted = tthcIn(dir, 'validate', 'catalog', 'rules', '--baseline', 'b.json');
    expect(planted.stdout).toContain('catalog/planted.yaml:2:13: error SCHEMA_INVALID_TYPE');
    expect(planted.stdout).not.toMatch(/: warning /);
    // The failed file holds no procedure, so every accepted warning, the rule-coverage summary included, is still found.
    expect(planted.stdout).not.toMatch(/of the baseline (is|are) fixed/);
    expect(planted.status).toBe(1);
  }, 180_000);
});
