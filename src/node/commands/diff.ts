/**
 * `tthc diff <old> <new>`: what changed between two datasets (directories or git refs) and how routing decisions
 * change on the standard requests.
 */
import { execFile, spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { CALENDAR_FILE_SCHEMAS } from '../../calendar/schema.js';
import { CATALOG_FILE_SCHEMAS } from '../../catalog/schema.js';
import { diffDatasets, isEmptyDiff } from '../../diff/diff.js';
import { DIFF_FORMATS, formatDiff } from '../../diff/format.js';
import { createIssue, InvalidDataError, TthcError } from '../../errors.js';
import type { Issue } from '../../errors.js';
import type { RouterData } from '../../routing/router.js';
import { RULES_FILE_SCHEMAS } from '../../rules/schema.js';
import type { SourceText } from '../../source/files.js';
import { DEFAULT_YAML_LIMITS } from '../../source/yaml.js';
import { formatOption, stringOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { readSourceTexts } from '../read.js';
import { loadCompleteDatasetFromSources } from '../cache.js';

const USAGE = `Usage: tthc diff <old> <new> [--format text|json|markdown] [--data-base <dir>] [--exit-code]

Compares two datasets: procedures, units and rules added, removed and changed, and for each affected procedure how
its routing decision changes on the standard requests (see docs/diff.md).

<old> and <new> are each a directory (holding catalog/ and rules/, or a data directory itself) or a git ref of the
repository here (main, HEAD~1, a sha), read from catalog/ and rules/ at that ref. A directory wins over a ref of the
same name.

  --format       text (default), json, or markdown (ready to paste as a pull-request comment)
  --data-base    a data directory whose files supply the parts (catalogue, calendar, rules) a side lacks
  --exit-code    exit 1 when there are differences

Exit codes: 0 compared (no differences with --exit-code), 1 invalid data (or differences with --exit-code),
2 usage error (unknown directory or ref).
`;

type Part = 'catalogue' | 'calendar' | 'rules';

const PART_OF_KIND: ReadonlyMap<string, Part> = new Map([
  ...Object.keys(CATALOG_FILE_SCHEMAS).map((kind) => [kind, 'catalogue'] as const),
  ...Object.keys(CALENDAR_FILE_SCHEMAS).map((kind) => [kind, 'calendar'] as const),
  ...Object.keys(RULES_FILE_SCHEMAS).map((kind) => [kind, 'rules'] as const),
]);
const PARTS: readonly Part[] = ['catalogue', 'calendar', 'rules'];
const YAML_FILE = /\.ya?ml$/i;
const DATA_DIRS = ['catalog', 'rules'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two datasets (directories or git refs): procedures, units, rules and routing decisions',
  usage: USAGE,
  options: {
    format: { type: 'string' },
    'data-base': { type: 'string' },
    'exit-code': { type: 'boolean' },
  },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, DIFF_FORMATS, 'text');
    const [oldArg, newArg, ...extra] = args.positionals;
    if (oldArg === undefined || newArg === undefined) throw new UsageError('give the two sides to compare, e.g. tthc diff main .');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const baseArg = stringOption(args, 'data-base');

    // Resolve every side first, so a bad argument is a usage error before any data is read.
    const oldSide = await resolveSide(oldArg, io.cwd);
    const newSide = await resolveSide(newArg, io.cwd);
    let base: Side | undefined;
    if (baseArg !== undefined) {
      base = await resolveSide(baseArg, io.cwd);
      if (base.type !== 'directory') throw new UsageError(`--data-base must be a directory; no directory "${baseArg}"`);
    }

    const baseSources = base === undefined ? undefined : await readSide(base, io.cwd);
    // One side after the other: loading is CPU-bound, and the first error reported must not depend on timing.
    const before = await loadSide(oldSide, 'old', io.cwd, baseSources);
    const after = await loadSide(newSide, 'new', io.cwd, baseSources);
    const diff = diffDatasets(before, after);
    io.stdout.write(formatDiff(diff, format, { labels: { old: oldArg, new: newArg } }));
    return args.values['exit-code'] === true && !isEmptyDiff(diff) ? 1 : 0;
  },
};

// ---------------------------------------------------------------- sides

type Side =
  | { readonly type: 'directory'; readonly label: string; readonly paths: readonly string[] }
  | { readonly type: 'git'; readonly label: string; readonly commit: string };

interface SideSources {
  readonly sources: readonly SourceText[];
  readonly issues: readonly Issue[];
}

async function resolveSide(arg: string, cwd: string): Promise<Side> {
  const absolute = isAbsolute(arg) ? arg : resolve(cwd, arg);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory() === true) {
    const found: string[] = [];
    for (const dir of DATA_DIRS) if ((await stat(join(absolute, dir)).catch(() => undefined))?.isDirectory() === true) found.push(join(absolute, dir));
    return { type: 'directory', label: arg, paths: found.length > 0 ? found : [absolute] };
  }
  if (info !== undefined) throw new UsageError(`"${arg}" is a file; give a directory or a git ref`);
  if (arg.startsWith('-') || arg.includes('\0')) throw new UsageError(`"${arg}" is neither a directory nor a git ref`);
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${arg}^{commit}`], cwd).catch(() => undefined);
  if (commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit.trim())) {
    throw new UsageError(`"${arg}" is neither a directory nor a git ref of the repository at ${cwd}`);
  }
  return { type: 'git', label: arg, commit: commit.trim() };
}

async function readSide(side: Side, cwd: string): Promise<SideSources> {
  if (side.type === 'directory') {
    const read = await readSourceTexts(side.paths, { cwd });
    return { sources: read.sources, issues: read.issues };
  }
  return readGitSources(side.commit, cwd);
}

async function loadSide(side: Side, which: 'old' | 'new', cwd: string, base: SideSources | undefined): Promise<RouterData> {
  const own = await readSide(side, cwd);
  const present = new Set(own.sources.map((source) => partOf(source.text)));
  const filled = base === undefined ? [] : base.sources.filter((source) => {
    const part = partOf(source.text);
    return part !== undefined && !present.has(part);
  });
  const name = `the ${which} data (${side.label})`;
  if (own.issues.some((issue) => issue.severity === 'error')) {
    const errors = own.issues.filter((issue) => issue.severity === 'error');
    throw new InvalidDataError(`${name} has ${errors.length} unreadable file${errors.length === 1 ? '' : 's'}; run "tthc validate" on it`, errors);
  }
  let loaded;
  try {
    loaded = await loadCompleteDatasetFromSources([...own.sources, ...filled], { label: name });
  } catch (error) {
    const parts = new Set([...own.sources, ...filled].map((source) => partOf(source.text)));
    const missing = PARTS.filter((part) => !parts.has(part));
    if (!(error instanceof InvalidDataError) && missing.length > 0) {
      throw new TthcError(
        'INVALID_DATA',
        `${name} has no ${missing.join(', ')} files${base === undefined ? '; pass --data-base <dir> to take missing parts from another data directory' : ', not even in --data-base'}`,
      );
    }
    throw error;
  }
  const { catalog, calendar, rules } = loaded;
  return { catalog, calendar, rules };
}

/** The dataset part a file belongs to, from its top-level `kind`, without parsing it. */
function partOf(text: string): Part | undefined {
  const kind = /^kind:[ \t]*["']?([A-Za-z-]+)/m.exec(text)?.[1];
  return kind === undefined ? undefined : PART_OF_KIND.get(kind);
}

// ---------------------------------------------------------------- git

/** Reads every YAML file under catalog/ and rules/ (relative to cwd) at a commit, named as in the tree. */
async function readGitSources(commit: string, cwd: string): Promise<SideSources> {
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).trim();
  const listing = await git(['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', ...DATA_DIRS], cwd);
  const paths = listing.split('\0').filter((path) => path !== '' && YAML_FILE.test(path)).sort();
  if (paths.length === 0) return { sources: [], issues: [] };
  const blobs = await catFileBatch(paths.map((path) => `${commit}:${path}`), cwd);
  const sources: SourceText[] = [];
  const issues: Issue[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  paths.forEach((path, index) => {
    const file = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    const blob = blobs[index];
    if (blob === undefined) {
      issues.push(createIssue('FILE_UNREADABLE', 'error', 'cannot read the file from git', { file }));
    } else if (blob.length > DEFAULT_YAML_LIMITS.maxLength) {
      issues.push(createIssue('FILE_TOO_LARGE', 'error', `file has ${blob.length} bytes, more than the limit of ${DEFAULT_YAML_LIMITS.maxLength}`, { file }));
    } else {
      try {
        sources.push({ file, text: decoder.decode(blob) });
      } catch {
        issues.push(createIssue('FILE_NOT_UTF8', 'error', 'file contains bytes that are not valid UTF-8; save the file as UTF-8', { file }));
      }
    }
  });
  return { sources, issues };
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      if (error !== null) reject(new TthcError('IO_ERROR', `git ${args[0] ?? ''} failed: ${error.message.split('\n')[0]}`, { cause: error }));
      else resolvePromise(stdout);
    });
  });
}

/** Object contents for each name, through one `git cat-file --batch`; undefined for a missing object. */
function catFileBatch(names: readonly string[], cwd: string): Promise<(Buffer | undefined)[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => reject(new TthcError('IO_ERROR', `git cat-file failed: ${error.message}`, { cause: error })));
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new TthcError('IO_ERROR', `git cat-file exited with code ${String(code)}`));
        return;
      }
      const output = Buffer.concat(chunks);
      const result: (Buffer | undefined)[] = [];
      let at = 0;
      for (let i = 0; i < names.length; i += 1) {
        const end = output.indexOf(10, at);
        if (end < 0) {
          reject(new TthcError('IO_ERROR', 'git cat-file output ended early'));
          return;
        }
        const header = output.toString('utf8', at, end);
        at = end + 1;
        const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (match === null) {
          result.push(undefined);
          continue;
        }
        const size = Number(match[2]);
        result.push(match[1] === 'blob' ? output.subarray(at, at + size) : undefined);
        at += size + 1;
      }
      resolvePromise(result);
    });
    child.stdin.end(names.map((name) => `${name}\n`).join(''));
  });
}
