import { invalidArgument, type Issue, type Severity } from '../errors.js';
import { expectIssues, expectOptions } from '../arguments.js';

/** Options of {@link exitCodeFor}, from the CLI flags `--fail-severity` and `--max-warnings`. */
export interface ExitCodeForOptions {
  /** The least severity that fails the run (default `'error'`): `'warning'` makes any warning fail it too. */
  readonly failSeverity?: Severity;
  /** Fail when there are more warnings than this (default: no limit). */
  readonly maxWarnings?: number;
}

/**
 * The exit code of a validation run: 1 when an error is found, when a warning is found and `failSeverity` is
 * `'warning'`, or when there are more than `maxWarnings` warnings; otherwise 0. Give it every issue, not only those
 * shown (`--quiet` hides warnings but does not change the exit code).
 *
 * @param issues - every issue of the run.
 * @param options - the fail severity and the warning limit.
 * @returns 0 or 1.
 * @throws {TthcError} `INVALID_ARGUMENT` when `maxWarnings` is not a non-negative integer or `failSeverity` is unknown.
 * @example
 * exitCodeFor(issues, { maxWarnings: 0 }); // 1 when there is any warning
 */
export function exitCodeFor(issues: readonly Issue[], options: ExitCodeForOptions = {}): 0 | 1 {
  expectIssues(issues);
  expectOptions(options);
  const failSeverity = options.failSeverity ?? 'error';
  if (failSeverity !== 'error' && failSeverity !== 'warning') {
    invalidArgument({
      en: `failSeverity must be error or warning; got ${JSON.stringify(failSeverity)}`,
      vi: `failSeverity phải là error hoặc warning; nhận được ${JSON.stringify(failSeverity)}`,
    });
  }
  const { maxWarnings } = options;
  if (maxWarnings !== undefined && (!Number.isSafeInteger(maxWarnings) || maxWarnings < 0)) {
    invalidArgument({ en: `maxWarnings must be a non-negative integer; got ${String(maxWarnings)}`, vi: `maxWarnings phải là số nguyên không âm; nhận được ${String(maxWarnings)}` });
  }
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  if (errors > 0) return 1;
  if (failSeverity === 'warning' && warnings > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}
