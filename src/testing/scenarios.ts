/**
 * Scenario files: YAML cases, each a routing request and the expected parts of its decision, run by `tthc test`.
 */
import * as z from 'zod';
import { sameJson } from '../compare.js';
import { describeValue, invalidArgument, isTthcError, describeValueVi } from '../errors.js';
import type { Lang } from '../format/types.js';
import type { DataFile } from '../source/files.js';
import { _showControls } from '../format/_strings.js';
import { expectDataFiles, expectEach, expectOptions, expectString } from '../arguments.js';

const IsoWithOffset = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'expected an ISO time with an offset');
const PlainDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const ScenarioRequestSchema = z.strictObject({
  procedure: z.string(),
  channel: z.enum(['in-person', 'online', 'post']),
  receivedAt: IsoWithOffset,
  office: z.string().optional(),
  residence: z.string().optional(),
  subject: z.string().optional(),
  applicant: z.string().optional(),
  asOf: PlainDate.optional(),
  pauses: z.array(z.strictObject({ from: IsoWithOffset, to: IsoWithOffset })).optional(),
  deadlineVariant: z.number().int().nonnegative().optional(),
});

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  /** Why this case matters; shown when it fails. */
  note: z.string().optional(),
  request: ScenarioRequestSchema,
  /**
   * Expected parts of the decision by dotted path (`competent.level`, `office.action`, `dueDate`), or `error` with
   * the expected error code when the request must be rejected.
   */
  expect: z.record(z.string(), z.unknown()).refine((value) => Object.keys(value).length > 0, 'expect needs at least one entry'),
});

export const ScenariosFileSchema = z.strictObject({
  kind: z.literal('scenarios'),
  description: z.string().optional(),
  scenarios: z.array(ScenarioSchema).min(1),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenariosFile = z.output<typeof ScenariosFileSchema>;

/** One expectation that did not hold. */
export interface ScenarioMismatch {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The outcome of one scenario. */
export interface ScenarioResult {
  readonly file: string;
  readonly line: number | undefined;
  readonly name: string;
  readonly passed: boolean;
  readonly mismatches: readonly ScenarioMismatch[];
  /** The decision's explanation, in text, for a failing case. */
  readonly explanation?: string;
}

/** Routes one request; the decision is any JSON-like object. */
export type RouteForScenario = (request: Scenario['request']) => unknown;

/** Runs every scenario of the given files. Never throws: an error thrown by routing is compared with `expect.error`. */
export function runScenarios(
  files: readonly DataFile<'scenarios', ScenariosFile>[],
  route: RouteForScenario,
  explain: (decision: unknown) => string = () => '',
): ScenarioResult[] {
  expectDataFiles(files);
  const results: ScenarioResult[] = [];
  for (const { file, data, locate } of files) {
    data.scenarios.forEach((scenario, index) => {
      const line = locate(['scenarios', index])?.line;
      let decision: unknown;
      let errorCode: string | undefined;
      let errorMessage: string | undefined;
      try {
        decision = route(scenario.request);
      } catch (error) {
        if (!isTthcError(error)) throw error;
        errorCode = error.code;
        errorMessage = error.message;
      }
      const mismatches: ScenarioMismatch[] = [];
      for (const [path, expected] of Object.entries(scenario.expect)) {
        const actual =
          path === 'error' ? errorCode : errorCode !== undefined ? `error ${errorCode}: ${errorMessage ?? ''}` : valueAtPath(decision, path);
        if (!sameJson(actual, expected)) mismatches.push({ path, expected, actual });
      }
      const passed = mismatches.length === 0;
      const result: ScenarioResult = {
        file,
        line,
        name: scenario.name,
        passed,
        mismatches,
        ...(passed || decision === undefined ? {} : { explanation: explain(decision) }),
      };
      results.push(Object.freeze(result));
    });
  }
  return results;
}

/** Reads a dotted path (`office.action`, `explanation.applied.0.ruleId`) from a decision. */
export function valueAtPath(value: unknown, path: string): unknown {
  expectString(path, 'path');
  let node = value;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** The words of a scenario report, per language. */
const REPORT_WORDS = Object.freeze({
  en: { ok: 'ok  ', fail: 'FAIL', expected: 'expected', actual: 'actual  ', summary: (passed: number, failed: number) => `${passed} passed, ${failed} failed` },
  vi: { ok: 'ĐẠT ', fail: 'SAI ', expected: 'mong đợi', actual: 'thực tế ', summary: (passed: number, failed: number) => `${passed} đạt, ${failed} không đạt` },
});

/**
 * Formats scenario results: a line per case, a readable diff under each failure, then `N passed, N failed` (in
 * Vietnamese `N đạt, N không đạt`).
 */
export function formatScenarioResults(results: readonly ScenarioResult[], options: { verbose?: boolean; lang?: Lang } = {}): string {
  expectEach(results, 'results', { en: 'a scenario result', vi: 'kết quả chạy kịch bản' }, { file: 'string', name: 'string', passed: 'boolean', mismatches: 'array' });
  expectOptions(options);
  const lang = options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'vi') {
    invalidArgument({ en: `options.lang: expected "vi" or "en", got ${describeValue(lang)}`, vi: `options.lang: cần "vi" hoặc "en", nhận được ${describeValueVi(lang)}` }, 'options.lang');
  }
  const words = REPORT_WORDS[lang];
  const lines: string[] = [];
  for (const result of results) {
    const where = `${result.file}${result.line === undefined ? '' : `:${result.line}`}`;
    if (result.passed) {
      if (options.verbose === true) lines.push(`${words.ok} ${where} ${result.name}`);
      continue;
    }
    lines.push(`${words.fail} ${where} ${result.name}`);
    for (const mismatch of result.mismatches) {
      lines.push(`       ${mismatch.path}`);
      lines.push(`         - ${words.expected} ${JSON.stringify(mismatch.expected)}`);
      lines.push(`         + ${words.actual} ${JSON.stringify(mismatch.actual) ?? 'undefined'}`);
    }
    if (result.explanation !== undefined && result.explanation !== '') {
      lines.push(...result.explanation.split('\n').map((line) => `       | ${line}`));
    }
  }
  const passed = results.filter((result) => result.passed).length;
  lines.push(words.summary(passed, results.length - passed));
  return `${_showControls(lines.join('\n'))}\n`;
}
