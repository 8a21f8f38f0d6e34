/**
 * `tthc diff <old> <new>`: what changed between two datasets (directories or git refs) and how routing decisions
 * change on the standard requests.
 */
import { execFile, spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { diffDatasets, isEmptyDiff } from '../../diff/diff.js';
import { DIFF_FORMATS, formatDiff } from '../../diff/format.js';
import { compareIssues, createIssue, InvalidDataError, TthcError } from '../../errors.js';
import type { Issue } from '../../errors.js';
import type { RouterData } from '../../routing/router.js';
import { CALENDAR_FILE_KINDS, CATALOG_FILE_KINDS, RULES_FILE_KINDS } from '../../kinds.js';
import type { SourceText } from '../../source/files.js';
import { DEFAULT_YAML_LIMITS } from '../../source/yaml-limits.js';
import { formatOption, langOption, stringOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { readSourceTexts } from '../read.js';
import { loadCompleteDatasetFromSources } from '../cache.js';

const USAGE = `Usage: tthc diff <old> <new> [--format text|json|markdown] [--data-base <dir>] [--exit-code] [--lang vi|en]

Compares two datasets: procedures, units and rules added, removed and changed, and for each affected procedure how
its routing decision changes on the standard requests (see docs/diff.md).

<old> and <new> are each a directory (holding catalog/ and rules/, or a data directory itself) or a git ref of the
repository here (main, HEAD~1, a sha), read from catalog/ and rules/ at that ref. A directory wins over a ref of the
same name.

  --format       text (default), json, or markdown (ready to paste as a pull-request comment)
  --data-base    a data directory whose files supply the parts (catalogue, calendar, rules) a side lacks
  --exit-code    exit 1 when there are differences
  --lang         vi or en: the report (text and markdown), help and usage errors (default: from LC_ALL / LC_MESSAGES / LANG)

Exit codes: 0 compared (no differences with --exit-code), 1 invalid data (or differences with --exit-code),
2 usage error (unknown directory or ref).
`;

type Part = 'catalogue' | 'calendar' | 'rules';

const PART_OF_KIND: ReadonlyMap<string, Part> = new Map([
  ...[...CATALOG_FILE_KINDS].map((kind) => [kind, 'catalogue'] as const),
  ...[...CALENDAR_FILE_KINDS].map((kind) => [kind, 'calendar'] as const),
  ...[...RULES_FILE_KINDS].map((kind) => [kind, 'rules'] as const),
]);
const PARTS: readonly Part[] = ['catalogue', 'calendar', 'rules'];
const PART_VI: Readonly<Record<Part, string>> = Object.freeze({ catalogue: 'danh mục', calendar: 'lịch làm việc', rules: 'quy tắc' });
const YAML_FILE = /\.ya?ml$/i;
const DATA_DIRS = ['catalog', 'rules'] as const;

const USAGE_VI = `Cách dùng: tthc diff <cũ> <mới> [--format text|json|markdown] [--data-base <thư-mục>] [--exit-code] [--lang vi|en]

So sánh hai bộ dữ liệu: thủ tục, đơn vị hành chính và quy tắc được thêm, bỏ, thay đổi, và với mỗi thủ tục bị ảnh hưởng,
kết quả xử lý yêu cầu trên các yêu cầu mẫu thay đổi thế nào (xem docs/diff.md). --lang vi áp dụng cho báo cáo (text và
markdown), phần hướng dẫn và thông báo dùng sai lệnh.

<cũ> và <mới> là thư mục (chứa catalog/ và rules/, hoặc chính là thư mục dữ liệu) hoặc tham chiếu git của kho tại đây
(main, HEAD~1, mã commit), đọc catalog/ và rules/ tại tham chiếu đó. Thư mục được ưu tiên hơn tham chiếu cùng tên.

  --format       text (mặc định), json, hoặc markdown (dán được làm bình luận pull request)
  --data-base    thư mục dữ liệu cung cấp các phần (danh mục, lịch, quy tắc) mà một bên thiếu
  --exit-code    mã thoát 1 khi có khác biệt

Mã thoát: 0 đã so sánh (không khác biệt khi có --exit-code), 1 dữ liệu không hợp lệ (hoặc có khác biệt khi có
--exit-code), 2 dùng sai lệnh (thư mục hoặc tham chiếu không có).
`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two datasets (directories or git refs): procedures, units, rules and routing decisions',
  summaryVi: 'so sánh hai bộ dữ liệu (thư mục hoặc tham chiếu git): thủ tục, đơn vị, quy tắc và kết quả xác định',
  usageVi: USAGE_VI,
  usage: USAGE,
  options: {
    format: { type: 'string' },
    'data-base': { type: 'string' },
    'exit-code': { type: 'boolean' },
    lang: { type: 'string' },
  },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const lang = langOption(args, io);
    const format = formatOption(args, DIFF_FORMATS, 'text');
    const [oldArg, newArg, ...extra] = args.positionals;
    if (oldArg === undefined || newArg === undefined) throw new UsageError('give the two sides to compare, e.g. tthc diff main .', 'cần nêu hai phía để so sánh, ví dụ tthc diff main .');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, `đối số thừa "${extra[0]}"`);
    const baseArg = stringOption(args, 'data-base');

    // Resolve every side first, so a bad argument is a usage error before any data is read.
    const oldSide = await resolveSide(oldArg, io.cwd);
    const newSide = await resolveSide(newArg, io.cwd);
    let base: Side | undefined;
    if (baseArg !== undefined) {
      base = await resolveSide(baseArg, io.cwd);
      if (base.type !== 'directory') throw new UsageError(`--data-base must be a directory; no directory "${baseArg}"`, `--data-base phải là một thư mục; không có thư mục "${baseArg}"`);
    }

    const baseSources = base === undefined ? undefined : await readSide(base, io.cwd);
    // One side after the other: loading is CPU-bound, and the first error reported must not depend on timing.
    const before = await loadSide(oldSide, 'old', io, baseSources);
    const after = await loadSide(newSide, 'new', io, baseSources);
    const diff = diffDatasets(before, after);
    io.stdout.write(formatDiff(diff, format, { labels: { old: oldArg, new: newArg }, lang }));
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
  if (info !== undefined) throw new UsageError(`"${arg}" is a file; give a directory or a git ref`, `"${arg}" là một tệp; hãy nêu một thư mục hoặc một tham chiếu git (ref)`);
  if (arg.startsWith('-') || arg.includes('\0')) throw new UsageError(`"${arg}" is neither a directory nor a git ref`, `"${arg}" không phải là thư mục hay tham chiếu git (ref)`);
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${arg}^{commit}`], cwd).catch(() => undefined);
  if (commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit.trim())) {
    throw new UsageError(`"${arg}" is neither a directory nor a git ref of the repository at ${cwd}`, `"${arg}" không phải là thư mục hay tham chiếu git (ref) của kho mã tại ${cwd}`);
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

async function loadSide(side: Side, which: 'old' | 'new', io: CliIo, base: SideSources | undefined): Promise<RouterData> {
  const { cwd } = io;
  const own = await readSide(side, cwd);
  const present = new Set(own.sources.map((source) => partOf(source.text)));
  const filled = base === undefined ? [] : base.sources.filter((source) => {
    const part = partOf(source.text);
    return part !== undefined && !present.has(part);
  });
  const name = `the ${which} data (${side.label})`;
  const nameVi = `dữ liệu ${which === 'old' ? 'cũ' : 'mới'} (${side.label})`;
  if (own.issues.some((issue) => issue.severity === 'error')) {
    const errors = [...own.issues.filter((issue) => issue.severity === 'error')].sort(compareIssues);
    const first = errors[0]!;
    throw new InvalidDataError(
      {
        en: `${name} has ${errors.length} unreadable file${errors.length === 1 ? '' : 's'}, first ${first.file ?? ''} ${first.code} ${first.message}; run "tthc validate" on it`,
        vi: `${nameVi} có ${errors.length} tệp không đọc được, tệp đầu tiên ${first.file ?? ''} ${first.code} ${first.messageVi ?? first.message}; hãy chạy "tthc validate" để kiểm tra`,
      },
      errors,
    );
  }
  let loaded;
  try {
    loaded = await loadCompleteDatasetFromSources([...own.sources, ...filled], { label: { en: name, vi: nameVi }, onWarning: (line) => io.stderr.write(`${line}\n`) });
  } catch (error) {
    const parts = new Set([...own.sources, ...filled].map((source) => partOf(source.text)));
    const missing = PARTS.filter((part) => !parts.has(part));
    if (!(error instanceof InvalidDataError) && missing.length > 0) {
      throw new TthcError(
        'INVALID_DATA',
        `${name} has no ${missing.join(', ')} files${base === undefined ? '; pass --data-base <dir> to take missing parts from another data directory' : ', not even in --data-base'}`,
        {
          messageVi: `${nameVi} không có tệp ${missing.map((part) => PART_VI[part]).join(', ')}${base === undefined ? '; dùng --data-base <thư-mục> để lấy các phần còn thiếu từ thư mục dữ liệu khác' : ', kể cả trong --data-base'}`,
        },
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

/**
 * Reads every YAML file under catalog/ and rules/ (relative to cwd) at a commit, named as in the tree. Sizes come from
 * the tree listing, so a blob over the YAML limit is reported as FILE_TOO_LARGE, as the disk reader does, and never
 * read into memory.
 */
async function readGitSources(commit: string, cwd: string): Promise<SideSources> {
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).trim();
  const listing = await git(['ls-tree', '-r', '-z', '-l', '--full-name', commit, '--', ...DATA_DIRS], cwd);
  const entries = parseTreeListing(listing)
    .filter((entry) => YAML_FILE.test(entry.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const limit = DEFAULT_YAML_LIMITS.maxLength;
  const wanted = entries.filter((entry) => entry.type === 'blob' && entry.size !== undefined && entry.size <= limit);
  const blobs = wanted.length === 0 ? [] : await catFileBatch(wanted.map((entry) => entry.object), cwd, limit);
  const contents = new Map(wanted.map((entry, index) => [entry, blobs[index]]));
  const sources: SourceText[] = [];
  const issues: Issue[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const entry of entries) {
    const file = entry.path.startsWith(prefix) ? entry.path.slice(prefix.length) : entry.path;
    const blob = contents.get(entry);
    if (entry.type === 'blob' && entry.size !== undefined && entry.size > limit) {
      issues.push(
        createIssue('FILE_TOO_LARGE', 'error', `file has ${entry.size} bytes, more than the limit of ${limit}`, {
          file,
          vi: `tệp có ${entry.size} byte, vượt giới hạn ${limit} byte`,
        }),
      );
    } else if (blob === undefined) {
      issues.push(createIssue('FILE_UNREADABLE', 'error', 'cannot read the file from git', { file, vi: 'không đọc được tệp từ git' }));
    } else {
      try {
        sources.push({ file, text: decoder.decode(blob) });
      } catch {
        issues.push(
          createIssue('FILE_NOT_UTF8', 'error', 'file contains bytes that are not valid UTF-8; save the file as UTF-8', {
            file,
            vi: 'tệp chứa byte không hợp lệ theo UTF-8; hãy lưu tệp dưới dạng UTF-8',
          }),
        );
      }
    }
  }
  return { sources, issues };
}

interface TreeEntry {
  readonly type: string;
  readonly object: string;
  /** Absent for entries that have none (a submodule's commit). */
  readonly size: number | undefined;
  readonly path: string;
}

/** Entries of `git ls-tree -z -l`: `<mode> <type> <object> <size>\t<path>`, NUL-terminated, the size space-padded. */
function parseTreeListing(listing: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of listing.split('\0')) {
    const match = /^\d+ (\w+) ([0-9a-f]{40,64}) +(\d+|-)\t([\s\S]+)$/.exec(record);
    if (match === null) continue;
    entries.push({ type: match[1]!, object: match[2]!, size: match[3] === '-' ? undefined : Number(match[3]), path: match[4]! });
  }
  return entries;
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      if (error !== null) {
        reject(
          new TthcError('IO_ERROR', `git ${args[0] ?? ''} failed: ${error.message.split('\n')[0]}`, {
            cause: error,
            messageVi: `lệnh git ${args[0] ?? ''} không thực hiện được (${gitFailureVi(error.code)})`,
          }),
        );
      }
      else resolvePromise(stdout);
    });
  });
}

/**
 * Why git could not run, in Vietnamese: its message (and stderr) is in English, so the exit code or the system's error
 * code (`ENOENT` when git is not installed) stands for it.
 */
function gitFailureVi(code: string | number | null | undefined): string {
  if (typeof code === 'number') return `mã thoát ${code}`;
  if (code === 'ENOENT') return 'không tìm thấy chương trình git (ENOENT)';
  return typeof code === 'string' ? code : 'lỗi không xác định';
}

/**
 * Object contents for each name, through one `git cat-file --batch`; undefined for a missing object, one that is not a
 * blob, or one larger than `maxBytes` (whose bytes are skipped as they arrive, never kept).
 */
function catFileBatch(names: readonly string[], cwd: string, maxBytes: number): Promise<(Buffer | undefined)[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    const result: (Buffer | undefined)[] = [];
    // Parsed as the output streams in: a header line, then `size` bytes and a newline.
    let pending = Buffer.alloc(0);
    let body: { size: number; keep: boolean; parts: Buffer[]; got: number } | undefined;
    const consume = (chunk: Buffer): void => {
      let data = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      pending = Buffer.alloc(0);
      for (;;) {
        if (body !== undefined) {
          const take = Math.min(body.size + 1 - body.got, data.length);
          if (body.keep) body.parts.push(data.subarray(0, take));
          body.got += take;
          data = data.subarray(take);
          if (body.got < body.size + 1) return;
          result.push(body.keep ? Buffer.concat(body.parts).subarray(0, body.size) : undefined);
          body = undefined;
          continue;
        }
        const end = data.indexOf(10);
        if (end < 0) {
          pending = Buffer.from(data);
          return;
        }
        const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(data.toString('utf8', 0, end));
        data = data.subarray(end + 1);
        if (match === null) {
          // `<name> missing` (or ambiguous): no contents follow
          result.push(undefined);
          continue;
        }
        body = { size: Number(match[2]), keep: match[1] === 'blob' && Number(match[2]) <= maxBytes, parts: [], got: 0 };
      }
    };
    child.stdout.on('data', consume);
    // git exiting early closes its stdin; the exit code says what happened.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) =>
      reject(
        new TthcError('IO_ERROR', `git cat-file failed: ${error.message}`, {
          cause: error,
          messageVi: `lệnh git cat-file không thực hiện được (${gitFailureVi((error as NodeJS.ErrnoException).code)})`,
        }),
      ),
    );
    child.on('close', (code) => {
      if (code !== 0) reject(new TthcError('IO_ERROR', `git cat-file exited with code ${String(code)}`, { messageVi: `lệnh git cat-file kết thúc với mã thoát ${String(code)}` }));
      else if (result.length < names.length) {
        reject(new TthcError('IO_ERROR', 'git cat-file output ended early', { messageVi: 'đầu ra của git cat-file kết thúc sớm, chưa đủ nội dung các tệp' }));
      }
      else resolvePromise(result);
    });
    child.stdin.end(names.map((name) => `${name}\n`).join(''));
  });
}
