/** Types shared by the issue formatters. */
import type { IssueCode } from '../codes.js';

/** The output formats of `tthc validate --format`. */
export type IssueFormat = 'text' | 'json' | 'github' | 'sarif' | 'junit';

/** Every {@link IssueFormat}, in the order the CLI lists them. */
export const ISSUE_FORMATS: readonly IssueFormat[] = Object.freeze(['text', 'json', 'github', 'sarif', 'junit'] as const);

/** The languages issues are shown in: English, or Vietnamese (tiếng Việt). */
export type Lang = 'en' | 'vi';

/** Every {@link Lang}. */
export const LANGS: readonly Lang[] = Object.freeze(['en', 'vi'] as const);

/** Counts over one validation run. */
export interface IssueSummary {
  readonly errors: number;
  readonly warnings: number;
  /** How many files were checked, with or without issues. */
  readonly files: number;
  /** How many issues of each code, keys in code order. */
  readonly byCode: Readonly<Partial<Record<IssueCode, number>>>;
  /** How many issues `# tthc-disable-next-line` comments suppressed (not counted above); see applySuppressions. */
  readonly suppressed?: number;
  /** What a baseline did in the run, when one was given; see applyBaseline. */
  readonly baseline?: BaselineSummary;
}

/** What a baseline did in a run, for the summary lines. */
export interface BaselineSummary {
  /** Issues of the run the baseline holds: not shown and not counted in `errors` and `warnings`. */
  readonly matched: number;
  /** Issues the baseline holds that the run no longer has (fixed since). */
  readonly fixed: number;
  /**
   * `read`: compared only; `written`: the file was created, holding every issue; `updated`: fixed ones dropped;
   * `blocked`: asked to update, but new errors may have kept some checks from running, so nothing was dropped.
   */
  readonly action: 'read' | 'written' | 'updated' | 'blocked';
}

/** Options of {@link formatIssues}. */
export interface FormatIssuesOptions {
  readonly format: IssueFormat;
  /** Language of titles, help and summaries; validator messages stay as written. */
  readonly lang: Lang;
  /** Text of each file, keyed by `issue.file` as written in the issues; used for code frames. */
  readonly sources?: ReadonlyMap<string, string>;
  /** Show the source lines around each issue in the `text` format (default false). */
  readonly codeFrames?: boolean;
  /**
   * Colour the severity words and codes of the `text` format with ANSI escapes (default false). Only our own words
   * are coloured; control characters from the data are still made visible.
   */
  readonly color?: boolean;
  /** Directory that paths are shown relative to (default: paths as written in the issues). */
  readonly cwd?: string;
  /** Version of tthc, written into SARIF. */
  readonly toolVersion: string;
  /** Counts for the summary line (text, github) and the `summary` object (json); see {@link summarizeIssues}. */
  readonly summary: IssueSummary;
  /** Every file that was checked, so `junit` can list clean files as passing tests (default: files with issues). */
  readonly files?: readonly string[];
}
