/**
 * Errors thrown by the formatters (issues, baseline, receipt slip, diff), the snapshot functions, the node loaders and
 * commands, and tthc/testing carry a whole Vietnamese message: one each file can throw, through the public functions
 * (and the CLI for the commands), in Vietnamese with no English words outside the values, names and codes it quotes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { diffDatasets, formatDiff, formatDiffJson } from '../src/diff/index.js';
import type { DatasetDiff } from '../src/diff/index.js';
import type { Issue, TthcError } from '../src/errors.js';
import { exitCodeFor } from '../src/format/exitCodeFor.js';
import { formatIssues } from '../src/format/formatIssues.js';
import { parseBaseline } from '../src/format/baseline.js';
import { formatReceiptSlip } from '../src/format/receipt-slip.js';
import { resolveLang } from '../src/format/resolveLang.js';
import { summarizeIssues } from '../src/format/summarizeIssues.js';
import { applySuppressions } from '../src/format/suppress.js';
import { loadCompleteDataset } from '../src/node/cache.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { writeFlagFile } from '../src/node/write-atomic.js';
import type { Router } from '../src/routing/router.js';
import type { RouteDecision } from '../src/routing/types.js';
import { createRouterFromSnapshot, datasetFromSnapshot, SNAPSHOT_FORMAT } from '../src/snapshot.js';
import type { DatasetSnapshot } from '../src/snapshot.js';
import { createSnapshot } from '../src/snapshot-create.js';
import { createRoutingSnapshot } from '../src/snapshot-routing.js';
import type { DataFile } from '../src/source/files.js';
import { assertDueOn, assertHandledAt, createTestRouter, formatDecision, formatScenarioResults } from '../src/testing/index.js';
import { refusedDecision } from '../src/testing/_fixtures.js';
import { VERSION } from '../src/version.js';
import { runInMemory } from './_memory-io.js';
import { englishWordsIn, expectVietnameseMessage as expectVietnamese, itThrowsInVietnamese, rejectionOf, thrownBy } from './_vietnamese.js';

const ISSUE: Issue = Object.freeze({ code: 'SCHEMA_UNKNOWN_KEY', severity: 'error', message: 'unknown key "nmae"', path: Object.freeze(['nmae']) });
const REQUEST = { procedure: '1.004222', channel: 'in-person', office: '00008', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' } as const;

let router: Router;
let decision: RouteDecision;
beforeAll(async () => {
  router = await loadShippedRouter();
  decision = router.route(REQUEST);
});

describe('the helper', () => {
  it('finds English prose and lets values, names and glosses through', () => {
    expect(englishWordsIn('options.lang: expected "vi" or "en", got number 3')).toEqual(['expected', 'got', 'or']);
    expect(englishWordsIn('options.lang: cần "vi" hoặc "en", nhận được số 3')).toEqual([]);
    expect(englishWordsIn('ảnh chụp dữ liệu (snapshot) không có route() và { name, copies? } trong catalog/a.yaml')).toEqual([]);
    expect(englishWordsIn('không ghi được the file')).toEqual(['the', 'file']);
    expect(englishWordsIn('files phải là số nguyên không âm')).toEqual([]);
    expect(englishWordsIn('phải có files')).toEqual(['files']);
  });
});

type Case = readonly [name: string, act: () => unknown, code: TthcError['code'], vi: string];

const CASES: readonly Case[] = [
  // format/baseline.ts
  ['parseBaseline: text that is not JSON', () => parseBaseline('{'), 'INVALID_ARGUMENT', 'không phải là JSON hợp lệ (lỗi cú pháp'],
  ['parseBaseline: not an object', () => parseBaseline('[]'), 'INVALID_ARGUMENT', 'cần một đối tượng JSON có "version" và "issues"'],
  ['parseBaseline: another version', () => parseBaseline('{ "version": 2, "issues": [] }'), 'INVALID_ARGUMENT', '"version" phải là 1; nhận được 2'],
  ['parseBaseline: issues not an array', () => parseBaseline('{ "version": 1, "issues": {} }'), 'INVALID_ARGUMENT', '"issues" phải là một danh sách'],
  ['parseBaseline: an entry not an object', () => parseBaseline('{ "version": 1, "issues": [1] }'), 'INVALID_ARGUMENT', 'issues[0] phải là một đối tượng (object)'],
  ['parseBaseline: an entry without code', () => parseBaseline('{ "version": 1, "issues": [{}] }'), 'INVALID_ARGUMENT', 'issues[0].code phải là một mã lỗi'],
  ['parseBaseline: a bad file', () => parseBaseline('{ "version": 1, "issues": [{ "code": "X", "file": 1 }] }'), 'INVALID_ARGUMENT', 'issues[0].file phải là một đường dẫn hoặc null'],
  ['parseBaseline: a bad path', () => parseBaseline('{ "version": 1, "issues": [{ "code": "X", "file": null, "path": [-1] }] }'), 'INVALID_ARGUMENT', 'issues[0].path phải là một danh sách các khóa và chỉ số'],
  ['parseBaseline: a bad message', () => parseBaseline('{ "version": 1, "issues": [{ "code": "X", "file": null, "path": [] }] }'), 'INVALID_ARGUMENT', 'issues[0].message phải là một chuỗi'],
  ['parseBaseline: a bad count', () => parseBaseline('{ "version": 1, "issues": [{ "code": "X", "file": null, "path": [], "message": "m", "count": 0 }] }'), 'INVALID_ARGUMENT', 'issues[0].count phải là số nguyên từ 1 trở lên'],
  // format/exitCodeFor.ts
  ['exitCodeFor: an unknown failSeverity', () => exitCodeFor([], { failSeverity: 'fatal' as never }), 'INVALID_ARGUMENT', 'failSeverity phải là error hoặc warning; nhận được "fatal"'],
  ['exitCodeFor: a negative maxWarnings', () => exitCodeFor([], { maxWarnings: -1 }), 'INVALID_ARGUMENT', 'maxWarnings phải là số nguyên không âm; nhận được -1'],
  // format/formatIssues.ts
  ['formatIssues: an unknown format', () => formatIssues([ISSUE], { format: 'xml' as never, lang: 'vi', toolVersion: '0.1.0', summary: summarizeIssues([ISSUE], { files: 1 }) }), 'INVALID_ARGUMENT', 'format phải là một trong'],
  ['formatIssues: an unknown lang', () => formatIssues([ISSUE], { format: 'text', lang: 'fr' as never, toolVersion: '0.1.0', summary: summarizeIssues([ISSUE], { files: 1 }) }), 'INVALID_ARGUMENT', 'lang phải là một trong'],
  ['formatIssues: no summary', () => formatIssues([ISSUE], { format: 'text', lang: 'vi', toolVersion: '0.1.0' } as never), 'INVALID_ARGUMENT', 'options.summary: cần các số đếm do summarizeIssues(issues, { files }) trả về'],
  // format/summarizeIssues.ts
  ['summarizeIssues: a negative files', () => summarizeIssues([ISSUE], { files: -1 }), 'INVALID_ARGUMENT', 'files phải là số nguyên không âm; nhận được -1'],
  // format/suppress.ts
  ['applySuppressions: sources not a Map', () => applySuppressions([ISSUE], {} as never), 'INVALID_ARGUMENT', 'sources: cần một Map từ tên tệp đến nội dung tệp, nhận được một đối tượng (object)'],
  // format/resolveLang.ts
  ['resolveLang: no environment', () => resolveLang(null as never), 'INVALID_ARGUMENT', 'env: cần một ánh xạ biến môi trường, như môi trường mà Node.js cung cấp'],
  // format/receipt-slip.ts
  ['formatReceiptSlip: a refused dossier', () => formatReceiptSlip(refusedDecision()), 'INVALID_ARGUMENT', 'cơ quan tiếp nhận từ chối hồ sơ này (nơi cư trú ở tỉnh khác'],
  ['formatReceiptSlip: a decision without parts', () => formatReceiptSlip({ channel: 'online' } as never), 'INVALID_ARGUMENT', 'giá trị nhận được không có procedure, competent, office, deadline'],
  ['formatReceiptSlip: a detail not a string', () => formatReceiptSlip(decision, { applicantName: 3 as never }), 'INVALID_ARGUMENT', 'details.applicantName: cần một chuỗi, nhận được số 3'],
  ['formatReceiptSlip: documents not a list', () => formatReceiptSlip(decision, { documents: 'CT01' as never }), 'INVALID_ARGUMENT', 'details.documents: cần một danh sách { name, copies? }'],
  ['formatReceiptSlip: a document without name', () => formatReceiptSlip(decision, { documents: [{ name: ' ' }] }), 'INVALID_ARGUMENT', 'details.documents[0].name: cần tên giấy tờ'],
  ['formatReceiptSlip: zero copies', () => formatReceiptSlip(decision, { documents: [{ name: 'Tờ khai', copies: 0 }] }), 'INVALID_ARGUMENT', 'details.documents[0].copies: cần một số nguyên từ 1 trở lên, nhận được số 0'],
  ['formatReceiptSlip: an unknown lang', () => formatReceiptSlip(decision, {}, { lang: 'fr' as never }), 'INVALID_ARGUMENT', 'options.lang: cần "vi" hoặc "en", nhận được chuỗi "fr"'],
  ['formatReceiptSlip: an unknown format', () => formatReceiptSlip(decision, {}, { format: 'pdf' as never }), 'INVALID_ARGUMENT', 'options.format: cần "html" hoặc "text", nhận được chuỗi "pdf"'],
  // snapshot.ts
  ['datasetFromSnapshot: not a snapshot', () => datasetFromSnapshot({ format: 0 }), 'INVALID_DATA', `không phải là ảnh chụp dữ liệu (snapshot) của tthc ${VERSION} (định dạng ${SNAPSHOT_FORMAT})`],
  [
    'datasetFromSnapshot: a channel naming one not written before it',
    () =>
      datasetFromSnapshot({
        ...emptySnapshot(),
        variant: 'routing',
        applicants: [],
        sectors: [],
        files: [{ file: 'p.yaml', kind: 'procedures', data: { kind: 'procedures', procedures: [{ code: '1.000001', applicants: [], channels: { online: { sameAs: 'in-person' } } }] } }],
      }),
    'INVALID_DATA',
    'thủ tục 1.000001: cách thức online dẫn chiếu đến cách thức "in-person"',
  ],
  [
    'datasetFromSnapshot: a deadline resting on its cell without a raw value',
    () =>
      datasetFromSnapshot({
        ...emptySnapshot(),
        variant: 'routing',
        applicants: [],
        sectors: [],
        files: [{ file: 'p.yaml', kind: 'procedures', data: { kind: 'procedures', procedures: [{ code: '1.000001', applicants: [], channels: { online: { deadline: { status: 'resolved', value: 1, unit: 'working-days', basis: 'cell' } } } }] } }],
      }),
    'INVALID_DATA',
    'thủ tục 1.000001: cách thức "online" không đúng dạng thư viện ghi',
  ],
  [
    'datasetFromSnapshot: a routing snapshot without its list of applicant types',
    () =>
      datasetFromSnapshot({
        ...emptySnapshot(),
        variant: 'routing',
        files: [{ file: 'p.yaml', kind: 'procedures', data: { kind: 'procedures', procedures: [] } }],
      }),
    'INVALID_DATA',
    'ảnh chụp dữ liệu không có danh sách đối tượng thực hiện; hãy tạo lại ảnh chụp dữ liệu (snapshot)',
  ],
  [
    'datasetFromSnapshot: applicants at a position the snapshot does not list',
    () =>
      datasetFromSnapshot({
        ...emptySnapshot(),
        variant: 'routing',
        applicants: [],
        sectors: [],
        files: [{ file: 'p.yaml', kind: 'procedures', data: { kind: 'procedures', procedures: [{ code: '1.000001', applicants: [0], channels: {} }] } }],
      }),
    'INVALID_DATA',
    'thủ tục 1.000001: đối tượng thực hiện không khớp danh sách đối tượng của ảnh chụp dữ liệu; hãy tạo lại ảnh chụp dữ liệu (snapshot)',
  ],
  [
    'datasetFromSnapshot: a sector at a position the snapshot does not list',
    () =>
      datasetFromSnapshot({
        ...emptySnapshot(),
        variant: 'routing',
        applicants: [],
        sectors: [['Bộ Tư pháp', 'Hộ tịch']],
        files: [{ file: 'p.yaml', kind: 'procedures', data: { kind: 'procedures', procedures: [{ code: '1.000001', sector: 1, applicants: [], channels: {} }] } }],
      }),
    'INVALID_DATA',
    'thủ tục 1.000001: lĩnh vực không khớp danh sách bộ, ngành và lĩnh vực của ảnh chụp dữ liệu; hãy tạo lại ảnh chụp dữ liệu (snapshot)',
  ],
  [
    'datasetFromSnapshot: a routing snapshot without its list of ministries and sectors',
    () =>
      datasetFromSnapshot({
        ...emptySnapshot(),
        variant: 'routing',
        applicants: [],
        files: [{ file: 'p.yaml', kind: 'procedures', data: { kind: 'procedures', procedures: [] } }],
      }),
    'INVALID_DATA',
    'ảnh chụp dữ liệu không có danh sách bộ, ngành và lĩnh vực; hãy tạo lại ảnh chụp dữ liệu (snapshot)',
  ],
  [
    'datasetFromSnapshot: a unit without a full name or a template for it',
    () =>
      datasetFromSnapshot({
        ...emptySnapshot(),
        variant: 'routing',
        files: [{ file: 'u.yaml', kind: 'units', data: { kind: 'units', fullNames: {}, units: [{ code: '00004', versions: [{ type: 'phuong', name: { vi: 'Ba Đình' } }] }] } }],
      }),
    'INVALID_DATA',
    'đơn vị 00004: không có tên đầy đủ, cũng không có mẫu tên cho loại đơn vị "phuong"',
  ],
  ['createRouterFromSnapshot: a snapshot without its parts', () => createRouterFromSnapshot(emptySnapshot()), 'INVALID_DATA', 'ảnh chụp dữ liệu (snapshot) thiếu danh mục, lịch làm việc hoặc bộ quy tắc'],
  // snapshot-create.ts
  [
    'createSnapshot: rule files without the checked rules',
    () => createSnapshot([{ file: 'rules/a.yaml', kind: 'rules', data: { kind: 'rules', rules: [] }, locate: () => undefined } as unknown as DataFile], 'key'),
    'INVALID_ARGUMENT',
    'dataset: các tệp có chứa quy tắc, nên ảnh chụp dữ liệu (snapshot) cần bộ dữ liệu',
  ],
  // snapshot-routing.ts
  ['createRoutingSnapshot: not a full snapshot', () => createRoutingSnapshot({ ...emptySnapshot(), variant: 'routing' }), 'INVALID_ARGUMENT', 'snapshot: cần một ảnh chụp dữ liệu (snapshot) đầy đủ của tthc'],
  // testing/_checks.ts
  ['assertHandledAt: an unknown level', () => assertHandledAt(decision, 'planet' as never), 'INVALID_ARGUMENT', 'level phải là một trong central, province, commune, other'],
  ['assertHandledAt: not a decision', () => assertHandledAt({ competent: {} } as never, 'commune'), 'INVALID_ARGUMENT', 'cần một kết quả quyết định (decision) kiểu RouteDecision, có competent, office và deadline; nhận được một đối tượng có các khóa ["competent"]'],
  ['assertDueOn: a date with a time', () => assertDueOn(decision, '2026-02-12T10:00'), 'INVALID_ARGUMENT', 'date phải là một ngày dạng YYYY-MM-DD, không kèm giờ'],
  // testing/format-decision.ts
  ['formatDecision: an unknown lang', () => formatDecision(decision, { lang: 'fr' as never }), 'INVALID_ARGUMENT', 'options.lang: cần "vi" hoặc "en", nhận được chuỗi "fr"'],
  ['formatDecision: not a decision', () => formatDecision('route' as never), 'INVALID_ARGUMENT', 'decision: cần một kết quả quyết định (decision) do route() trả về, nhận được chuỗi "route"'],
  ['formatDecision: a decision without parts', () => formatDecision({ procedure: {} } as never), 'INVALID_ARGUMENT', 'giá trị nhận được không có channel, competent, office, deadline, explanation'],
  ['formatDecision: parts that are not objects', () => formatDecision({ ...decisionParts(), explanation: 'none' } as never), 'INVALID_ARGUMENT', 'procedure hoặc explanation của giá trị nhận được không phải là một đối tượng (object)'],
  [
    'formatDecision: a hand-built decision missing a part inside',
    () => formatDecision({ ...decisionParts(), office: {} } as never),
    'INVALID_ARGUMENT',
    'decision: không phải là kết quả quyết định (decision) do route() trả về (thiếu một phần bên trong: không đọc được thuộc tính "code" của undefined)',
  ],
  // testing/scenarios.ts
  ['formatScenarioResults: an unknown lang', () => formatScenarioResults([], { lang: 'fr' as never }), 'INVALID_ARGUMENT', 'options.lang: cần "vi" hoặc "en", nhận được chuỗi "fr"'],
  ['formatScenarioResults: results not a list', () => formatScenarioResults('none' as never), 'INVALID_ARGUMENT', 'results: cần một danh sách kết quả chạy kịch bản'],
];

/** A current snapshot holding nothing. */
function emptySnapshot(): DatasetSnapshot {
  return { format: SNAPSHOT_FORMAT, libraryVersion: VERSION, key: 'empty', files: [], rules: [] };
}

/** A decision's parts copied into a plain, unfrozen object (so a hand-built one). */
function decisionParts(): Record<string, unknown> {
  return { ...decision };
}

describe('errors of the formatters, snapshots and tthc/testing in Vietnamese', () => {
  itThrowsInVietnamese(CASES);

  it('diffDatasets: a side without its parts, a malformed receivedAt', () => {
    const sideless = thrownBy(() => diffDatasets({} as never, router.data));
    expect(sideless.messageVi).toBe('phía cũ phải có danh mục (catalog), bộ quy tắc (rules) và lịch làm việc (calendar)');
    expectVietnamese(sideless);
    const newSide = thrownBy(() => diffDatasets(router.data, null as never));
    expect(newSide.messageVi).toContain('phía mới phải có');
    const receivedAt = thrownBy(() => diffDatasets(router.data, router.data, { receivedAt: '2026-03-02' }));
    expect(receivedAt.messageVi).toBe('receivedAt phải là thời điểm ISO 8601 có múi giờ, ví dụ "2026-03-02T09:00:00+07:00"; nhận được "2026-03-02"');
    expectVietnamese(receivedAt);
  });

  it('formatDiff: an unknown lang', () => {
    const diff = diffDatasets(router.data, router.data);
    for (const act of [() => formatDiffJson(diff, { lang: 'fr' as never }), () => formatDiff(diff as DatasetDiff, 'text', { lang: 'fr' as never })]) {
      const error = thrownBy(act);
      expect(error.messageVi).toBe('options.lang: cần "vi" hoặc "en", nhận được chuỗi "fr"');
      expectVietnamese(error);
    }
  });

  it('createTestRouter: bad options and invalid inline data', () => {
    const options = thrownBy(() => createTestRouter(router.data, { procedures: 'x' as never }));
    expect(options.messageVi).toBe('options.procedures: cần một danh sách, nhận được chuỗi "x"');
    expectVietnamese(options);
    const rules = thrownBy(() => createTestRouter(router.data, { rules: {} as never }));
    expect(rules.messageVi).toBe('options.rules: cần một danh sách, nhận được một đối tượng (object)');
    const keep = thrownBy(() => createTestRouter(router.data, { keepBaseRules: 'yes' as never }));
    expect(keep.messageVi).toBe('options.keepBaseRules: cần true hoặc false, nhận được chuỗi "yes"');
    expectVietnamese(keep);
    const inline = thrownBy(() => createTestRouter(router.data, { procedures: [42 as never] }));
    expect(inline.code).toBe('INVALID_DATA');
    expect(inline.messageVi).toBe('dữ liệu kiểm thử truyền trực tiếp có 1 lỗi: 0 SCHEMA_INVALID_TYPE cần một thủ tục { code, levels, ... }, nhận được số 42');
    expectVietnamese(inline);
  });
});

describe('errors of the node loaders in Vietnamese', () => {
  it('loadCompleteDataset: unreadable data, missing parts, a bad cacheMaxBytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-vi-'));
    mkdirSync(join(dir, 'bad', 'catalog'), { recursive: true });
    writeFileSync(join(dir, 'bad', 'catalog', 'a.yaml'), Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    mkdirSync(join(dir, 'empty'));
    const unreadable = await rejectionOf(() => loadCompleteDataset(['bad'], { cwd: dir }));
    expect(unreadable.code).toBe('INVALID_DATA');
    expect(unreadable.messageVi).toMatch(/^dữ liệu có 1 lỗi, lỗi đầu tiên .*a\.yaml.* FILE_NOT_UTF8 .*; hãy chạy "tthc validate" để kiểm tra$/);
    expectVietnamese(unreadable);
    const missing = await rejectionOf(() => loadCompleteDataset(['empty'], { cwd: dir, noCache: true }));
    expect(missing.messageVi).toBe('dữ liệu trong empty không có tệp danh mục, lịch làm việc, quy tắc');
    expectVietnamese(missing);
    const bytes = await rejectionOf(() => loadCompleteDataset(['empty'], { cwd: dir, cacheDir: join(dir, 'cache'), cacheMaxBytes: -1 }));
    expect(bytes.code).toBe('INVALID_ARGUMENT');
    expect(bytes.messageVi).toBe('cacheMaxBytes phải là một số byte nguyên, từ 0 trở lên; nhận được -1');
    expectVietnamese(bytes);
  });

  it('writeFlagFile: a file that cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-vi-'));
    const error = await rejectionOf(() => writeFlagFile('output-file', 'report.json', join(dir, `${'x'.repeat(300)}.json`), 'text'));
    expect(error.code).toBe('IO_ERROR');
    expect(error.messageVi).toBe('không ghi được tệp report.json (ENAMETOOLONG)');
    expectVietnamese(error);
  });

  it('packageRoot: outside the tthc package', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), existsSync: () => false }));
    try {
      const { packageRoot } = await import('../src/node/load.js');
      const error = thrownBy(() => packageRoot());
      expect(error.code).toBe('IO_ERROR');
      expect(error.messageVi).toBe('không tìm thấy thư mục của gói tthc, nơi chứa dữ liệu đi kèm thư viện');
      expectVietnamese(error);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });
});

describe('errors of tthc diff, stats and test in Vietnamese (--lang vi)', () => {
  /** The command's error line in both languages, without the `tthc <command>: ` prefix. */
  async function bothLanguages(argv: readonly string[], cwd: string): Promise<{ message: string; messageVi: string }> {
    const vi = await runInMemory([...argv, '--lang', 'vi'], cwd);
    const en = await runInMemory(argv, cwd);
    expect(vi.code).toBe(1);
    expect(en.code).toBe(1);
    const strip = (text: string) => text.replace(/^tthc \w+: /, '').trimEnd();
    return { message: strip(en.err), messageVi: strip(vi.err) };
  }

  it('tthc diff: a side with a file that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-vi-'));
    mkdirSync(join(dir, 'old', 'catalog'), { recursive: true });
    mkdirSync(join(dir, 'new', 'catalog'), { recursive: true });
    writeFileSync(join(dir, 'old', 'catalog', 'a.yaml'), Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    const error = await bothLanguages(['diff', 'old', 'new'], dir);
    expect(error.message).toContain('has 1 unreadable file');
    expect(error.messageVi).toMatch(/^dữ liệu cũ \(old\) có 1 tệp không đọc được, tệp đầu tiên .*a\.yaml FILE_NOT_UTF8 /);
    expectVietnamese(error);
  });

  it('tthc stats: no catalogue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-vi-'));
    mkdirSync(join(dir, 'empty'));
    const error = await bothLanguages(['stats', '--data', 'empty'], dir);
    expect(error.message).toContain('no valid catalogue in');
    expect(error.messageVi).toMatch(/^không có danh mục hợp lệ trong .*empty \(0 lỗi; hãy chạy "tthc validate" để kiểm tra\)$/);
    expectVietnamese(error);
  });

  it('tthc test: no scenario files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-vi-'));
    mkdirSync(join(dir, 'empty'));
    const error = await bothLanguages(['test', 'empty'], dir);
    expect(error.message).toBe('no scenario files (kind: scenarios) in empty');
    expect(error.messageVi).toBe('không có tệp kịch bản (kind: scenarios) nào trong empty');
    expectVietnamese(error);
  });
});
