/**
 * The baseline file of `tthc validate --baseline <file>`: read before the run (a malformed one is a usage error), then
 * written, compared or pruned after it. The pure parts are in src/format/baseline.ts.
 */
import { readFile } from 'node:fs/promises';
import { isTthcError } from '../errors.js';
import type { Issue } from '../errors.js';
import { applyBaseline, createBaseline, formatBaseline, parseBaseline } from '../format/index.js';
import type { Baseline, BaselineSummary } from '../format/index.js';
import { UsageError } from './command.js';
import { writeFlagFile } from './write-atomic.js';

/**
 * The baseline in the file, or undefined when there is no such file yet. A file that cannot be read, or is not a
 * baseline, is a usage error (exit 2) that says what is wrong with it.
 */
export async function readBaselineFile(shown: string, path: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new UsageError(`--baseline ${shown} is a directory`, `--baseline ${shown} là một thư mục, không phải tệp`);
    throw new UsageError(`--baseline ${shown}: cannot read it (${error instanceof Error ? error.message : String(error)})`, `--baseline ${shown}: không đọc được tệp (${typeof code === 'string' ? code : 'lỗi đọc tệp'})`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (isTthcError(error)) {
      throw new UsageError(
        `--baseline ${shown} is not a tthc baseline: ${error.message}; fix it, or delete it to write a new one`,
        `--baseline ${shown} không phải tệp mốc (baseline) của tthc; hãy sửa tệp, hoặc xóa tệp để ghi tệp mới`,
      );
    }
    throw error;
  }
}

/** Where the baseline file is and what to do with it. */
export interface UseBaselineOptions {
  /** The path as the user wrote it, for messages. */
  readonly shown: string;
  readonly path: string;
  /** Files in the baseline are relative to this directory. */
  readonly cwd: string;
  /** `--update-baseline`: drop the fixed issues from the file. */
  readonly update: boolean;
}

/**
 * Applies the baseline to the issues of a run: without a file yet, writes one that holds them all; with one, keeps
 * the issues it does not hold and, when asked, drops the fixed ones from it. Resolves to the issues to report and
 * what the baseline did, for the summary.
 */
export async function useBaseline(
  issues: readonly Issue[],
  baseline: Baseline | undefined,
  options: UseBaselineOptions,
): Promise<{ reported: readonly Issue[]; summary: BaselineSummary }> {
  if (baseline === undefined) {
    // No baseline yet: this run makes it, and so accepts everything it found.
    await writeFlagFile('baseline', options.shown, options.path, formatBaseline(createBaseline(issues, { cwd: options.cwd })));
    return { reported: [], summary: { matched: issues.length, fixed: 0, action: 'written' } };
  }
  const applied = applyBaseline(issues, baseline, { cwd: options.cwd });
  const fixed = applied.fixed.reduce((sum, entry) => sum + entry.count, 0);
  const summary = { matched: applied.matched.length, fixed };
  if (!options.update) return { reported: applied.kept, summary: { ...summary, action: 'read' } };
  // An error can stop the checks that need valid data (deadlines, coverage): their issues then look fixed when they
  // were not looked for, and dropping them would bring them back as new once the error is fixed.
  if (applied.kept.some((issue) => issue.severity === 'error')) return { reported: applied.kept, summary: { ...summary, action: 'blocked' } };
  if (fixed > 0) await writeFlagFile('baseline', options.shown, options.path, formatBaseline(createBaseline(applied.matched, { cwd: options.cwd })));
  return { reported: applied.kept, summary: { ...summary, action: 'updated' } };
}
