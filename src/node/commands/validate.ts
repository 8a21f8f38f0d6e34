import { formatIssues, exitCodeFor, filterForDisplay, ISSUE_FORMATS, resolveLang, summarizeIssues, LANGS } from '../../format/index.js';
import type { Lang } from '../../format/index.js';
import type { Severity } from '../../errors.js';
import { VERSION } from '../../version.js';
import { formatOption, stringOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { loadDatasetFromPaths, defaultDataPaths } from '../load.js';
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

Exit codes: 0 no failing issue, 1 failing issues, 2 usage error.
`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check catalogue, rule, calendar and scenario files; report issues at file:line:col',
  usage: USAGE,
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    quiet: { type: 'boolean' },
    'fail-severity': { type: 'string' },
    'max-warnings': { type: 'string' },
    'code-frames': { type: 'boolean' },
    'no-code-frames': { type: 'boolean' },
  },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ISSUE_FORMATS, 'text');
    const lang = langOption(args, io);
    const failSeverity = stringOption(args, 'fail-severity') ?? 'error';
    if (failSeverity !== 'error' && failSeverity !== 'warning') {
      throw new UsageError(`--fail-severity must be error or warning; got "${failSeverity}"`);
    }
    const maxWarningsText = stringOption(args, 'max-warnings');
    const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
    if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
      throw new UsageError(`--max-warnings must be a whole number of 0 or more; got "${maxWarningsText}"`);
    }
    const paths = args.positionals.length > 0 ? args.positionals : await defaultDataPaths(io.cwd);
    const loaded = await loadDatasetFromPaths(paths, { cwd: io.cwd, requirePaths: true });
    const { catalog, rules } = loaded.dataset;
    const issues = catalog !== undefined && rules !== undefined ? [...loaded.issues, ...checkCoverage(catalog, rules).issues] : loaded.issues;
    const summary = summarizeIssues(issues, { files: loaded.files.length });
    const codeFrames = args.values['no-code-frames'] === true ? false : args.values['code-frames'] === true || io.isTTY;
    const shown = filterForDisplay(issues, { quiet: args.values['quiet'] === true });
    io.stdout.write(
      formatIssues(shown, {
        format,
        lang,
        sources: loaded.sources,
        codeFrames,
        toolVersion: VERSION,
        summary,
        files: loaded.files,
      }),
    );
    return exitCodeFor(issues, { failSeverity: failSeverity as Severity, ...(maxWarnings === undefined ? {} : { maxWarnings }) });
  },
};

/** Reads `--lang`, defaulting from the environment. */
export function langOption(args: CommandArgs, io: CliIo): Lang {
  const value = stringOption(args, 'lang');
  if (value === undefined) return resolveLang(io.env);
  if (!(LANGS as readonly string[]).includes(value)) throw new UsageError(`--lang must be vi or en; got "${value}"`);
  return value as Lang;
}
