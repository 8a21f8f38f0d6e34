import { resolve } from 'node:path';
import { applySuppressions, exitCodeFor, filterForDisplay, formatIssues, ISSUE_FORMATS, summarizeIssues } from '../../format/index.js';
import { _reportWritten, _summaryLine } from '../../format/_messages.js';
import { compareIssues } from '../../errors.js';
import type { Severity } from '../../errors.js';
import { VERSION } from '../../version.js';
import { readBaselineFile, useBaseline } from '../baseline-file.js';
import { colorEnabled } from '../color.js';
import { wholeNumberOption } from '../option-values.js';
import { formatOption, langOption, stringOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { loadDatasetFromPaths, defaultDataPaths } from '../load.js';
import { writeFlagFile } from '../write-atomic.js';
import { checkCoverage } from '../../routing/coverage.js';

const USAGE = `Usage: tthc validate [paths...] [options]

Checks catalogue, rule, calendar and scenario files (YAML) and reports every issue at file:line:col. With both a
catalogue and rules, it also reports (one warning) the procedures whose competent level no rule can decide.
Paths are files or directories; default: catalog and rules in the current directory.

Options:
  --format <f>            text (default), json, github, sarif, junit
  --lang <vi|en>          language of titles and summaries (default: from LANG / LC_ALL)
  --quiet                 show errors only (warnings still count for --max-warnings)
  --fail-severity <s>     error (default) or warning: the lowest severity that makes the exit code 1
  --max-warnings <n>      exit 1 when there are more than n warnings
  --code-frames           show source lines under each issue in text output (default: on a terminal)
  --no-code-frames        never show them
  --baseline <file>       accept the issues listed in <file>: only new issues are shown and fail the run;
                          when <file> does not exist, write it with every issue found and exit 0
  --update-baseline       with --baseline: drop the issues that are fixed from <file>
  --output-file <path>    write the report to <path> instead of stdout, which gets a one-line summary

A comment line "# tthc-disable-next-line CODE[, CODE2] -- reason" in a YAML file suppresses those codes on the next
line that is not a comment; the reason is required.
Colour: on a terminal, unless NO_COLOR is set; FORCE_COLOR=1 forces it, FORCE_COLOR=0 turns it off.

Exit codes: 0 no failing issue, 1 failing issues, 2 usage error.
`;

const USAGE_VI = `Cách dùng: tthc validate [đường-dẫn...] [tùy chọn]

Kiểm tra các tệp danh mục, quy tắc, lịch và kịch bản (YAML) và báo mọi lỗi tại tệp:dòng:cột. Khi có cả danh mục và quy
tắc, báo thêm (một cảnh báo) các thủ tục mà không quy tắc nào xác định được cấp có thẩm quyền.
Đường dẫn là tệp hoặc thư mục; mặc định: catalog và rules trong thư mục hiện tại.

Tùy chọn:
  --format <f>            text (mặc định), json, github, sarif, junit
  --lang <vi|en>          ngôn ngữ của thông báo và phần tổng kết (mặc định theo LANG / LC_ALL)
  --quiet                 chỉ hiển thị lỗi (cảnh báo vẫn được tính cho --max-warnings)
  --fail-severity <s>     error (mặc định) hoặc warning: mức thấp nhất làm mã thoát là 1
  --max-warnings <n>      mã thoát 1 khi có nhiều hơn n cảnh báo
  --code-frames           hiển thị dòng nguồn dưới mỗi lỗi (mặc định: khi chạy trên terminal)
  --no-code-frames        không bao giờ hiển thị
  --baseline <tệp>        chấp nhận các lỗi đã ghi trong <tệp>: chỉ lỗi mới được hiển thị và làm lệnh thất bại;
                          khi <tệp> chưa có thì ghi mọi lỗi tìm thấy vào đó và thoát với mã 0
  --update-baseline       cùng --baseline: bỏ khỏi <tệp> các lỗi đã sửa
  --output-file <đường>   ghi báo cáo vào <đường> thay cho đầu ra chuẩn, nơi chỉ in một dòng tổng kết

Dòng chú thích "# tthc-disable-next-line MÃ[, MÃ2] -- lý do" trong tệp YAML bỏ qua các mã đó ở dòng tiếp theo không
phải chú thích; bắt buộc nêu lý do.
Màu: trên terminal, trừ khi đặt NO_COLOR; FORCE_COLOR=1 bật, FORCE_COLOR=0 tắt.

Mã thoát: 0 không có lỗi làm thất bại, 1 có lỗi làm thất bại, 2 dùng sai lệnh.
`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check catalogue, rule, calendar and scenario files; report issues at file:line:col',
  summaryVi: 'kiểm tra các tệp danh mục, quy tắc, lịch và kịch bản; báo lỗi tại tệp:dòng:cột',
  usageVi: USAGE_VI,
  usage: USAGE,
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    quiet: { type: 'boolean' },
    'fail-severity': { type: 'string' },
    'max-warnings': { type: 'string' },
    'code-frames': { type: 'boolean' },
    'no-code-frames': { type: 'boolean' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    'output-file': { type: 'string' },
  },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ISSUE_FORMATS, 'text');
    const lang = langOption(args, io);
    const failSeverity = stringOption(args, 'fail-severity') ?? 'error';
    if (failSeverity !== 'error' && failSeverity !== 'warning') {
      throw new UsageError(`--fail-severity must be error or warning; got "${failSeverity}"`, `--fail-severity phải là error hoặc warning; nhận được "${failSeverity}"`);
    }
    const maxWarnings = wholeNumberOption(args, 'max-warnings');
    const baselineFile = stringOption(args, 'baseline');
    const updateBaseline = args.values['update-baseline'] === true;
    if (updateBaseline && baselineFile === undefined) throw new UsageError('--update-baseline needs --baseline <file>', '--update-baseline cần kèm --baseline <tệp>');
    const outputFile = stringOption(args, 'output-file');
    if (baselineFile === '' || outputFile === '') throw new UsageError(`--${baselineFile === '' ? 'baseline' : 'output-file'} needs a file name`, `--${baselineFile === '' ? 'baseline' : 'output-file'} cần tên tệp`);
    // A bad baseline is found before the long part of the run.
    const baseline = baselineFile === undefined ? undefined : await readBaselineFile(baselineFile, resolve(io.cwd, baselineFile));

    const paths = args.positionals.length > 0 ? args.positionals : await defaultDataPaths(io.cwd);
    // A report written to a file is not on a terminal, whatever stdout is.
    const onTerminal = outputFile === undefined && io.isTTY;
    const codeFrames = args.values['no-code-frames'] === true ? false : args.values['code-frames'] === true || onTerminal;
    // Without code frames only the texts holding suppression comments are needed: the others go while the catalogue is built.
    const loaded = await loadDatasetFromPaths(paths, { cwd: io.cwd, requirePaths: true, hash: false, sources: codeFrames ? 'all' : 'suppressions' });
    // Coverage needs every rule, but not every procedure: with a catalogue file failed, the procedures that were read
    // are still checked (a rule file that failed would make every level look undetermined, so then nothing is said).
    const { rules } = loaded.dataset;
    const catalog = loaded.dataset.catalog ?? loaded.partialCatalog;
    const found = catalog !== undefined && rules !== undefined ? [...loaded.issues, ...checkCoverage(catalog, rules).issues] : loaded.issues;
    const suppression = applySuppressions(found, loaded.sources);
    // Sorted, so that of several issues with one fingerprint the baseline accepts the first ones, on every run.
    const issues = [...suppression.kept, ...suppression.issues].sort(compareIssues);

    const { reported, summary: baselineSummary } =
      baselineFile === undefined
        ? { reported: issues, summary: undefined }
        : await useBaseline(issues, baseline, { shown: baselineFile, path: resolve(io.cwd, baselineFile), cwd: io.cwd, update: updateBaseline });

    const summary = summarizeIssues(reported, {
      files: loaded.fileCount,
      ...(suppression.suppressed.length === 0 ? {} : { suppressed: suppression.suppressed.length }),
      ...(baselineSummary === undefined ? {} : { baseline: baselineSummary }),
    });
    const report = formatIssues(filterForDisplay(reported, { quiet: args.values['quiet'] === true }), {
      format,
      lang,
      sources: loaded.sources,
      codeFrames,
      color: format === 'text' && colorEnabled(io.env, onTerminal),
      toolVersion: VERSION,
      summary,
      files: loaded.files,
    });
    if (outputFile === undefined) io.stdout.write(report);
    else {
      await writeFlagFile('output-file', outputFile, resolve(io.cwd, outputFile), report);
      io.stdout.write(`${_summaryLine(summary, lang)}; ${_reportWritten(outputFile, lang)}\n`);
    }
    return exitCodeFor(reported, { failSeverity: failSeverity as Severity, ...(maxWarnings === undefined ? {} : { maxWarnings }) });
  },
};

