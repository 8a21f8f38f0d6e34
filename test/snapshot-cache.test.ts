/**
 * The per-user snapshot cache, on real files in temporary directories: an entry is used only when it holds what its
 * key says, anything odd at its path is a miss that never hangs or crashes, the directory stays under its cap, and
 * processes started together parse once.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCompleteDataset, loadPackagedDataset, writeShippedSnapshot } from '../src/node/cache.js';
import type { CompleteDataset, DatasetLoadInfo, LoadCompleteDatasetOptions } from '../src/node/cache.js';
import { cacheEntryPath, cacheLocationFor, createCacheEntry, packagedDigestLine, parseCacheEntry, readPackagedSnapshot, readShippedSnapshot } from '../src/node/_cache-store.js';
import { shippedDataPaths } from '../src/node/load.js';
import { createRouter } from '../src/routing/router.js';
import type { RouteRequest } from '../src/routing/types.js';
import { ROOT } from './_memory-io.js';

const F = join(ROOT, 'test/fixtures/diff');
const PATHS = [join(F, 'changes/old/catalog'), join(F, 'changes/old/rules'), join(F, 'base/rules/calendar')];
// 1.000045 online: 2 working days in the fixture, so the due date moves if a cache entry could change the deadline.
const REQUEST: RouteRequest = { procedure: '1.000045', channel: 'online', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    try {
      chmodSync(dir, 0o700);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-cache-test-'));
  made.push(dir);
  return dir;
}

interface Loaded {
  readonly dataset: CompleteDataset;
  readonly info: DatasetLoadInfo;
  readonly warnings: readonly string[];
}

async function load(cacheDir: string, options: LoadCompleteDatasetOptions = {}, paths: readonly string[] = PATHS): Promise<Loaded> {
  const warnings: string[] = [];
  let info: DatasetLoadInfo | undefined;
  const dataset = await loadCompleteDataset(paths, {
    cacheDir,
    onWarning: (line) => warnings.push(line),
    onLoad: (told) => (info = told),
    ...options,
  });
  return { dataset, info: info!, warnings };
}

const decide = (dataset: CompleteDataset) => createRouter(dataset).route(REQUEST);

let reference: ReturnType<typeof decide> | undefined;
async function referenceDecision(): Promise<ReturnType<typeof decide>> {
  reference ??= decide(await loadCompleteDataset(PATHS, { noCache: true }));
  return reference;
}

/** A copy of the fixture data with one file's text changed, so its key (and cache entry) differs. */
function variant(n: number): string[] {
  const dir = temporaryDir();
  cpSync(join(F, 'changes/old'), dir, { recursive: true });
  appendFileSync(join(dir, 'catalog/units.yaml'), `# variant ${n}\n`);
  return [join(dir, 'catalog'), join(dir, 'rules'), join(F, 'base/rules/calendar')];
}

function entriesIn(dir: string): { name: string; size: number }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.snapshot'))
    .map((name) => ({ name, size: statSync(join(dir, name)).size }));
}

describe('the snapshot cache', () => {
  it('parses on the first load, writes one entry, and loads the same decision from it the next time', async () => {
    const dir = temporaryDir();
    const first = await load(dir);
    expect(first.info.source).toBe('parsed');
    expect(first.info.file).toBe(cacheEntryPath(dir, first.info.key));
    expect(entriesIn(dir)).toHaveLength(1);
    const second = await load(dir);
    expect(second.info).toEqual({ source: 'cache', key: first.info.key, file: first.info.file });
    expect(decide(second.dataset)).toEqual(await referenceDecision());
    expect(second.warnings).toEqual([]);
  });

  it('refuses an entry whose body was edited (a deadline of 2 made 9): re-parsed, rewritten, the true decision and hash', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    const bytes = readFileSync(info.file!);
    const text = bytes.toString('utf8');
    // Same length, so only the digest can tell.
    const edited = text.replaceAll('"value":2,"unit":"working-days","raw":"2 Ngày làm việc"', '"value":9,"unit":"working-days","raw":"2 Ngày làm việc"');
    expect(edited).not.toBe(text);
    writeFileSync(info.file!, edited);

    const after = await load(dir);
    expect(after.info.source).toBe('parsed');
    expect(after.info.rejected).toBe('body does not match its SHA-256');
    const decision = decide(after.dataset);
    expect(decision).toEqual(await referenceDecision());
    expect(decision.deadline).toMatchObject({ value: 2 });
    expect(decision.receipt.catalogHash).toBe((await referenceDecision()).receipt.catalogHash);
    expect(readFileSync(info.file!)).toEqual(bytes);
    expect((await load(dir)).info.source).toBe('cache');
  });

  it.each([
    ['a truncated header', (bytes: Buffer) => bytes.subarray(0, 20), 'no header line'],
    ['an empty file', () => Buffer.alloc(0), 'no header line'],
    ['a truncated body', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100), /^body has \d+ bytes, the header says \d+$/],
    ['bytes that are not an entry', () => Buffer.from('\u0000\u0001garbage'.repeat(100)), 'no header line'],
    ['a header of another format', (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace('tthc-snapshot-cache 1 ', 'tthc-snapshot-cache 9 '), 'latin1'), 'entry format 9, not 1'],
    ['a sound entry for another key', () => createCacheEntry('0'.repeat(64), Buffer.from('{}')), 'written for another key'],
    ['a sound entry whose body is not JSON', (_: Buffer, key: string) => createCacheEntry(key, Buffer.from('{"format":')), 'body is not JSON'],
    ['a sound entry whose body is not a snapshot', (_: Buffer, key: string) => createCacheEntry(key, Buffer.from('{"format":0}')), 'not a snapshot of this library version'],
    [
      'a sound entry holding the snapshot of other data',
      (bytes: Buffer, key: string) => {
        const body = parseCacheEntry(bytes, key);
        if (!('body' in body)) throw new Error('the entry written should parse');
        return createCacheEntry(key, Buffer.from(body.body.toString('utf8').replace(`"key":"${key}"`, `"key":"${'1'.repeat(64)}"`)));
      },
      'snapshot of other data',
    ],
  ])('treats %s as a miss, without throwing, and rewrites the entry', async (_, damage, reason) => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    writeFileSync(info.file!, damage(readFileSync(info.file!), info.key));
    const after = await load(dir);
    expect(after.info.source).toBe('parsed');
    expect(after.info.rejected).toMatch(reason);
    expect(after.warnings).toEqual([]);
    expect(decide(after.dataset)).toEqual(await referenceDecision());
    expect((await load(dir)).info.source).toBe('cache');
  });

  it('does not hang on a FIFO at the entry path: a miss, one warning, and the FIFO replaced by an entry', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    rmSync(info.file!);
    execFileSync('mkfifo', [info.file!]);
    const after = await load(dir);
    expect(after.info).toMatchObject({ source: 'parsed', rejected: 'not a regular file (a FIFO)' });
    expect(after.warnings).toEqual([`tthc: the snapshot cache entry ${info.file!} is not a regular file (a FIFO); ignored it and parsed the data`]);
    expect(decide(after.dataset)).toEqual(await referenceDecision());
    expect(statSync(info.file!).isFile()).toBe(true);
    expect((await load(dir)).info.source).toBe('cache');
  }, 20_000);

  it('does not follow a symlink at the entry path, even to a sound entry', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    const elsewhere = join(temporaryDir(), 'entry');
    cpSync(info.file!, elsewhere);
    rmSync(info.file!);
    symlinkSync(elsewhere, info.file!);
    const after = await load(dir);
    expect(after.info).toMatchObject({ source: 'parsed', rejected: 'not a regular file (a symbolic link)' });
    expect(after.warnings).toHaveLength(1);
  });

  it('reports a directory at the entry path once and still routes', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    rmSync(info.file!);
    mkdirSync(info.file!);
    const after = await load(dir);
    expect(after.info).toMatchObject({ source: 'parsed', rejected: 'not a regular file (a directory)' });
    expect(after.warnings).toHaveLength(1);
    expect(decide(after.dataset)).toEqual(await referenceDecision());
  });

  it('refuses an entry larger than the cap without reading it', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    const size = statSync(info.file!).size;
    const after = await load(dir, { cacheMaxBytes: size - 1 });
    expect(after.info).toMatchObject({ source: 'parsed', rejected: `${size} bytes, more than the cap of ${size - 1}` });
    expect(after.warnings[0]).toContain(`has ${size} bytes, more than the cache cap of ${size - 1}`);
  });

  it('warns once and still routes when the cache directory cannot be created (a file where a directory should be)', async () => {
    const file = join(temporaryDir(), 'not-a-dir');
    writeFileSync(file, '');
    const dir = join(file, 'tthc');
    const first = await load(dir);
    expect(first.info).toEqual({ source: 'parsed', key: first.info.key });
    expect(first.warnings).toEqual([`tthc: cannot write the snapshot cache at ${dir} (ENOTDIR); every run will parse the data (set TTHC_CACHE_DIR)`]);
    expect(decide(first.dataset)).toEqual(await referenceDecision());
  });

  it('warns once and still routes when the cache directory is read-only', async () => {
    // Root writes through a mode of 0o555, so as root the load runs in a child process as nobody.
    const asRoot = process.getuid?.() === 0;
    const parent = temporaryDir();
    chmodSync(parent, 0o755);
    const dir = join(parent, 'read-only');
    mkdirSync(dir, { mode: 0o555 });
    chmodSync(dir, 0o555);
    const script = join(parent, 'load.mts');
    writeFileSync(
      script,
      `import { loadCompleteDataset } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/node/cache.ts')).href)};
const warnings = [];
let told;
const dataset = await loadCompleteDataset(${JSON.stringify(PATHS)}, { cacheDir: ${JSON.stringify(dir)}, onWarning: (line) => warnings.push(line), onLoad: (info) => (told = info) });
process.stdout.write(JSON.stringify({ warnings, source: told.source, hash: dataset.catalog.contentHash }));
`,
    );
    const result = await runChild(script, asRoot ? { uid: 65534, gid: 65534 } : {}).done;
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout.replace('ready\n', ''))).toEqual({
      warnings: [`tthc: cannot write the snapshot cache at ${dir} (EACCES); every run will parse the data (set TTHC_CACHE_DIR)`],
      source: 'parsed',
      hash: (await referenceDecision()).receipt.catalogHash,
    });
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('emits the warning as a process warning (code TTHC_CACHE) once per message when no onWarning is given', async () => {
    const file = join(temporaryDir(), 'not-a-dir');
    writeFileSync(file, '');
    const seen: Error[] = [];
    const listener = (warning: Error): void => void seen.push(warning);
    process.on('warning', listener);
    try {
      await loadCompleteDataset(PATHS, { cacheDir: join(file, 'tthc') });
      await loadCompleteDataset(PATHS, { cacheDir: join(file, 'tthc') });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(seen.map((warning) => [(warning as Error & { code?: string }).code, warning.message])).toEqual([
      ['TTHC_CACHE', `tthc: cannot write the snapshot cache at ${join(file, 'tthc')} (ENOTDIR); every run will parse the data (set TTHC_CACHE_DIR)`],
    ]);
  });

  it('keeps the entries under the cap, least recently used out first, and leaves other files alone', async () => {
    const dir = temporaryDir();
    writeFileSync(join(dir, 'notes.txt'), 'x'.repeat(100_000));
    await load(dir);
    const size = entriesIn(dir)[0]!.size;
    const cap = Math.floor(size * 2.5);
    const keys: string[] = [];
    for (let n = 1; n <= 4; n += 1) {
      const { info } = await load(dir, { cacheMaxBytes: cap }, variant(n));
      expect(info.source).toBe('parsed');
      keys.push(info.key);
      const entries = entriesIn(dir);
      expect(entries.reduce((total, entry) => total + entry.size, 0)).toBeLessThanOrEqual(cap);
      expect(entries.map((entry) => entry.name)).toContain(`${info.key.slice(0, 32)}.snapshot`);
      // mtime has a coarse grain on some file systems: keep the order of writes unambiguous
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(entriesIn(dir).map((entry) => entry.name).sort()).toEqual(keys.slice(-2).map((key) => `${key.slice(0, 32)}.snapshot`).sort());
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toHaveLength(100_000);
  });

  it('does not cache a snapshot larger than the cap, and says so', async () => {
    const dir = temporaryDir();
    const { info, warnings } = await load(dir, { cacheMaxBytes: 1000 });
    expect(info).toEqual({ source: 'parsed', key: info.key });
    expect(warnings).toEqual([expect.stringMatching(/^tthc: the snapshot \(\d+ bytes\) is larger than the cache cap of 1000 bytes \(TTHC_CACHE_MAX_BYTES\); every run will parse the data$/)]);
    expect(entriesIn(dir)).toEqual([]);
  });

  it('takes over a lock left by a process that died, without waiting', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    rmSync(info.file!);
    const dead = spawnExit();
    writeFileSync(`${info.file!}.lock`, `${await dead} ${hostname()} feedbeef\n`);
    const started = Date.now();
    const after = await load(dir);
    expect(after.info.source).toBe('parsed');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(readdirSync(dir).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('waits for a live writer holding the lock and reads the entry it writes instead of parsing', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    const bytes = readFileSync(info.file!);
    rmSync(info.file!);
    const lock = `${info.file!}.lock`;
    writeFileSync(lock, `${process.pid} ${hostname()} feedbeef\n`);
    setTimeout(() => {
      writeFileSync(info.file!, bytes);
      rmSync(lock);
    }, 400);
    const after = await load(dir);
    expect(after.info).toEqual({ source: 'cache', key: info.key, file: info.file, waited: true });
  });

  it('parses at most once when eight processes start together on an empty cache', async () => {
    const dir = temporaryDir();
    const work = temporaryDir();
    const go = join(work, 'go');
    const script = join(work, 'child.mts');
    writeFileSync(
      script,
      `import { existsSync } from 'node:fs';
import { loadCompleteDataset } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/node/cache.ts')).href)};
process.stdout.write('ready\\n');
while (!existsSync(${JSON.stringify(go)})) await new Promise((resolve) => setTimeout(resolve, 2));
let told;
const dataset = await loadCompleteDataset(${JSON.stringify(PATHS)}, { cacheDir: ${JSON.stringify(dir)}, onLoad: (info) => (told = info), onWarning: (line) => process.stderr.write(line + '\\n') });
process.stdout.write(JSON.stringify({ source: told.source, waited: told.waited === true, hash: dataset.catalog.contentHash }) + '\\n');
`,
    );
    const children = Array.from({ length: 8 }, () => runChild(script));
    await Promise.all(children.map((child) => child.ready));
    writeFileSync(go, '');
    const results = await Promise.all(children.map((child) => child.done));
    const outcomes = results.map((result) => {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { source: string; waited: boolean; hash: string };
    });
    expect(outcomes.filter((outcome) => outcome.source === 'parsed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.source === 'cache')).toHaveLength(7);
    expect(new Set(outcomes.map((outcome) => outcome.hash)).size).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([`${entriesIn(dir)[0]!.name}`]);
  }, 120_000);
});

describe('the cache location', () => {
  it.each([
    [{ TTHC_CACHE_DIR: 'rel/cache', XDG_CACHE_HOME: '/xdg' }, { dir: '/work/rel/cache', mustBePrivate: false }],
    [{ TTHC_CACHE_DIR: '/abs', XDG_CACHE_HOME: '/xdg' }, { dir: '/abs', mustBePrivate: false }],
    [{ XDG_CACHE_HOME: '/xdg' }, { dir: '/xdg/tthc', mustBePrivate: false }],
  ])('follows TTHC_CACHE_DIR, then XDG_CACHE_HOME (%o)', (env, expected) => {
    expect(cacheLocationFor(env, '/work')).toEqual(expected);
  });

  it('ignores a relative XDG_CACHE_HOME and an empty TTHC_CACHE_DIR, falling back to ~/.cache/tthc', () => {
    const location = cacheLocationFor({ TTHC_CACHE_DIR: '', XDG_CACHE_HOME: 'relative' }, '/work');
    expect(location.dir).toMatch(/[\\/]\.cache[\\/]tthc$/);
  });
});

describe('the shipped snapshot', () => {
  it('is read only for its own key, and a FIFO or directory at its path is no snapshot', async () => {
    const dir = temporaryDir();
    const { info } = await load(dir);
    const parsed = parseCacheEntry(readFileSync(info.file!), info.key);
    if (!('body' in parsed)) throw new Error('the entry written should parse');
    const shipped = join(dir, 'data-snapshot.json');
    writeFileSync(shipped, parsed.body);
    expect((await readShippedSnapshot(shipped, info.key))?.key).toBe(info.key);
    expect(await readShippedSnapshot(shipped, '2'.repeat(64))).toBeUndefined();
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    expect(await readShippedSnapshot(fifo, info.key)).toBeUndefined();
    expect(await readShippedSnapshot(dir, info.key)).toBeUndefined();
    expect(await readShippedSnapshot(join(dir, 'absent.json'), info.key)).toBeUndefined();
  }, 20_000);
});

/** The pid of a process that has exited. */
function spawnExit(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

function runChild(
  script: string,
  as: { uid?: number; gid?: number } = {},
): { ready: Promise<void>; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      markReady();
      resolve({ code, stdout, stderr });
    }),
  );
  return { ready, done };
}

describe('the packaged snapshot, trusted by its digest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-packaged-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('is read when its SHA-256 matches the digest the build writes beside it, and refused when a byte changed or the digest is missing', async () => {
    const file = join(dir, 'data-snapshot.json');
    await writeShippedSnapshot(shippedDataPaths(), dir);
    const shipped = readFileSync(file);
    expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(packagedDigestLine(shipped, 'data-snapshot.json'));
    expect((await readPackagedSnapshot(file))?.files.length).toBeGreaterThan(200);
    const routing = join(dir, 'routing-snapshot.json');
    expect(readFileSync(`${routing}.sha256`, 'utf8')).toBe(packagedDigestLine(readFileSync(routing), 'routing-snapshot.json'));
    expect((await readPackagedSnapshot(routing))?.variant).toBe('routing');
    const tampered = Buffer.from(shipped);
    tampered[tampered.length - 10] = tampered[tampered.length - 10]! ^ 1;
    writeFileSync(file, tampered);
    expect(await readPackagedSnapshot(file)).toBeUndefined();
    writeFileSync(file, shipped);
    rmSync(`${file}.sha256`);
    expect(await readPackagedSnapshot(file)).toBeUndefined();
  });

  it('is not used in a development checkout, where the YAML may be newer than the last build', async () => {
    const loads: string[] = [];
    expect(await loadPackagedDataset({ onLoad: (info) => loads.push(info.source) })).toBeUndefined();
    expect(loads).toEqual([]);
  });
});
