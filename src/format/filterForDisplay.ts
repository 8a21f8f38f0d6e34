import type { Issue } from '../errors.js';
import { expectIssues, expectOptions } from '../arguments.js';

/** Options of {@link filterForDisplay}, from the CLI flag `--quiet`. */
export interface FilterForDisplayOptions {
  /** Show errors only (default false). */
  readonly quiet?: boolean;
}

/**
 * The issues to show: all of them, or only errors when `quiet`. Counting and the exit code use every issue
 * ({@link summarizeIssues}, {@link exitCodeFor}); this only decides what is printed.
 *
 * @param issues - every issue of the run; not changed.
 * @param options - whether to hide warnings.
 * @returns a new frozen array.
 * @example
 * filterForDisplay(issues, { quiet: true }); // errors only
 */
export function filterForDisplay(issues: readonly Issue[], options: FilterForDisplayOptions = {}): readonly Issue[] {
  expectIssues(issues);
  expectOptions(options);
  return Object.freeze(options.quiet === true ? issues.filter((issue) => issue.severity === 'error') : [...issues]);
}
