import { describe, expect, it } from 'vitest';
import { parseDataset } from '../src/dataset.js';
import { diffDatasets } from '../src/diff/diff.js';
import { formatDiff, formatDiffJson, formatDiffMarkdown, formatDiffText, formatDiffValue } from '../src/diff/format.js';
import type { DatasetDiff } from '../src/diff/types.js';
import { readSourceTexts } from '../src/node/read.js';
import type { SourceText } from '../src/source/files.js';
import type { RouterData } from '../src/routing/router.js';

const ROOT = new URL('..', import.meta.url).pathname;
const LABELS = { old: 'main', new: 'HEAD' } as const;

async function sources(side: string): Promise<readonly SourceText[]> {
  return (await readSourceTexts([`test/fixtures/diff/changes/${side}`, 'test/fixtures/diff/base'], { cwd: ROOT })).sources;
}

function parse(texts: readonly SourceText[]): RouterData {
  const { dataset, issues } = parseDataset(texts);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return { catalog: dataset.catalog!, rules: dataset.rules!, calendar: dataset.calendar! };
}

const OVERRIDE: SourceText = {
  file: 'catalog/overrides/test.yaml',
  text: [
    'kind: overrides',
    'overrides:',
    '  - id: test.forest-products.five-days',
    '    description: { vi: Điều chỉnh thử., en: A test override. }',
    '    select: { codes: ["1.000045"] }',
    '    channels: [in-person]',
    '    validFrom: 2025-07-01',
    '    legalBasis: [{ document: Test }]',
    '    confidence: low',
    '    deadline: { value: 5, unit: working-days }',
    '',
  ].join('\n'),
};

const BODY: SourceText = {
  file: 'catalog/bodies/test.yaml',
  text: [
    'kind: bodies',
    'abolished:',
    '  - id: test-district-office',
    '    names: ["Phòng Thử nghiệm cấp huyện"]',
    '    abolishedOn: 2025-07-01',
    '    legalBasis: [{ document: Luật 72/2025/QH15 }]',
    '    confidence: medium',
    '',
  ].join('\n'),
};

/** English words the Vietnamese reports must not hold outside codes, ids, paths, field names and code spans. */
const ENGLISH = ['expected', 'added', 'removed', 'changed', 'none', 'procedures?', 'rules?', 'units?', 'routing', 'requests?', 'same day', 'unresolved', 'rows?', 'more', 'free', 'empty', 'differences'];

/**
 * The words of a report outside code spans and outside tokens that are codes, ids, paths or field names (they hold
 * a dot, slash, hyphen, equals sign or digit, or are camelCase): what a reader reads as prose.
 */
function prose(report: string): string {
  return report
    .replace(/`[^`\n]*`/g, ' ')
    .split(/\s+/)
    .filter((token) => !/[./\-=\d]|[a-z][A-Z]/.test(token))
    .join(' ');
}

function englishIn(report: string): string[] {
  const text = prose(report);
  return ENGLISH.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(text));
}

describe('Vietnamese diff reports', () => {
  let main: DatasetDiff;
  let overrides: DatasetDiff;
  const diffs = async (): Promise<{ main: DatasetDiff; overrides: DatasetDiff }> => {
    if (main === undefined) {
      const [oldSources, newSources] = [await sources('old'), await sources('new')];
      main = diffDatasets(parse(oldSources), parse(newSources));
      overrides = diffDatasets(parse(oldSources), parse([...oldSources, OVERRIDE, BODY]));
    }
    return { main, overrides };
  };

  it('finds the English words in the English reports (the check below is not vacuous)', async () => {
    const { main: diff } = await diffs();
    const expected = ['added', 'removed', 'changed', 'none', 'procedures?', 'rules?', 'units?', 'routing', 'requests?'];
    expect(englishIn(formatDiffText(diff))).toEqual(expect.arrayContaining(expected));
    expect(englishIn(formatDiffMarkdown(diff, { maxRows: 5 }))).toEqual(expect.arrayContaining([...expected, 'rows?', 'more']));
  });

  it('writes the text summary in Vietnamese', async () => {
    const text = formatDiffText((await diffs()).main, { labels: LABELS, lang: 'vi' });
    expect(text.split('\n').slice(0, 10)).toEqual([
      'tthc diff main -> HEAD',
      '',
      'Thủ tục:               thêm 1, xóa 1, thay đổi 2',
      'Đơn vị hành chính:     thêm 1, xóa 0, thay đổi 0',
      'Quy tắc:               thêm 1, xóa 1, thay đổi 1',
      'Mục điều chỉnh:        thêm 0, xóa 0, thay đổi 0',
      'Cơ quan đã bãi bỏ:     thêm 0, xóa 0, thay đổi 0',
      'Lịch làm việc:         không thay đổi',
      'Kết quả xử lý yêu cầu: 3 thủ tục có kết quả thay đổi (phạm vi: mọi thủ tục có ở cả hai bên; đã so sánh 3 thủ tục, 10 yêu cầu)',
      '',
    ]);
    for (const heading of [
      'Thủ tục được thêm',
      'Thủ tục bị xóa',
      'Thủ tục có thay đổi',
      'Đơn vị hành chính được thêm',
      'Quy tắc được thêm',
      'Quy tắc bị xóa',
      'Quy tắc có thay đổi',
      'Thay đổi kết quả xử lý yêu cầu',
      'Các yêu cầu mẫu',
    ]) {
      expect(text).toContain(`\n\n${heading}\n`);
    }
    expect(text).toContain('      competentAuthority: (không có) -> Chủ tịch Ủy ban nhân dân cấp xã\n');
    expect(text).toContain('      in-person.deadline: 5 ngày làm việc ("5 Ngày làm việc") -> 3 ngày làm việc ("03 Ngày làm việc")\n');
    expect(text).toContain('      online.fee: miễn phí ("Miễn phí") -> 10000 VND ("10.000 đồng | hồ sơ")\n');
    // The rules' own Vietnamese texts, not their English.
    expect(text).toContain('      office-action: action=process, reason=cơ quan tiếp nhận thuộc xã có thẩm quyền giải quyết\n');
    expect(text).toContain('      competent.level: cấp tỉnh -> chưa xác định (cấp xã hoặc cấp tỉnh)\n');
    expect(text).toContain('      office.action: từ chối tiếp nhận -> chưa xác định\n');
    expect(text).toContain('      deadline: 5 ngày làm việc -> 3 ngày làm việc\n');
    expect(text).toContain(
      '  tiếp nhận lúc 2026-03-02T09:00:00+07:00; người nộp hồ sơ cư trú tại Phường Ba Đình (00004), Thành phố Hà Nội (01)\n' +
        '  in-person-home: nộp trực tiếp tại Phường Ba Đình (00004), đơn vị hành chính cấp xã nơi người nộp hồ sơ cư trú\n' +
        '  in-person-same-province: nộp trực tiếp tại Phường Hoàn Kiếm (00070), một đơn vị hành chính cấp xã khác thuộc Thành phố Hà Nội (chỉ áp dụng với thủ tục cấp xã, cấp tỉnh)\n',
    );
    expect(text.endsWith('  online: nộp trực tuyến qua Cổng Dịch vụ công quốc gia\n')).toBe(true);
    expect(englishIn(text)).toEqual([]);
  });

  it('writes the markdown comment in Vietnamese', async () => {
    const markdown = formatDiffMarkdown((await diffs()).main, { labels: LABELS, lang: 'vi' });
    expect(markdown.split('\n').slice(0, 12)).toEqual([
      '## tthc diff: `main` → `HEAD`',
      '',
      '| | Thêm | Xóa | Thay đổi |',
      '| --- | ---: | ---: | ---: |',
      '| Thủ tục | 1 | 1 | 2 |',
      '| Đơn vị hành chính | 1 | 0 | 0 |',
      '| Quy tắc | 1 | 1 | 1 |',
      '| Mục điều chỉnh | 0 | 0 | 0 |',
      '| Cơ quan đã bãi bỏ | 0 | 0 | 0 |',
      '',
      '**Lịch làm việc:** không thay đổi  ',
      '**Kết quả xử lý yêu cầu:** 3 thủ tục có kết quả thay đổi (phạm vi: mọi thủ tục có ở cả hai bên; đã so sánh 3 thủ tục, 10 yêu cầu)',
    ]);
    expect(markdown).toContain('\n### Thủ tục được thêm (1)\n\n| Mã | Tên | Cấp thực hiện |\n');
    expect(markdown).toContain('\n### Thủ tục có thay đổi (2)\n\n| Mã | Tên | Trường dữ liệu | Cũ | Mới |\n');
    expect(markdown).toContain('\n### Đơn vị hành chính được thêm (1)\n\n| Mã | Tên | Cấp |\n');
    expect(markdown).toContain('\n### Quy tắc bị xóa (1)\n\n| Quy tắc | Tệp | Tác động |\n');
    expect(markdown).toContain('\n### Thay đổi kết quả xử lý yêu cầu (3 thủ tục)\n\n<details><summary>26 dòng</summary>\n\n| Thủ tục | Yêu cầu | Nội dung | Cũ | Mới |\n');
    expect(markdown).toContain('| online.fee | miễn phí ("Miễn phí") | 10000 VND ("10.000 đồng \\| hồ sơ") |');
    expect(markdown).toContain('\n<details><summary>Các yêu cầu mẫu</summary>\n\n- tiếp nhận lúc 2026-03-02T09:00:00+07:00;');
    expect(englishIn(markdown)).toEqual([]);
  });

  it('cuts long tables with a Vietnamese pointer to the JSON', async () => {
    const markdown = formatDiffMarkdown((await diffs()).main, { lang: 'vi', maxRows: 5 });
    expect(markdown).toContain('\n… và 21 dòng khác; chạy `tthc diff --format json` để xem toàn bộ.\n');
    expect(englishIn(markdown)).toEqual([]);
  });

  it('describes overrides and abolished bodies in Vietnamese', async () => {
    const { overrides: diff } = await diffs();
    expect(diff.overrides.added[0]!.effectVi).toBe('thời hạn giải quyết 5 ngày làm việc áp dụng cho thủ tục mã 1.000045, từ ngày 2025-07-01');
    expect(diff.bodies.added[0]!.effectVi).toBe('bãi bỏ từ ngày 2025-07-01; pháp luật chưa nêu cơ quan kế thừa');
    const text = formatDiffText(diff, { lang: 'vi' });
    expect(text).toContain(
      '\n\nMục điều chỉnh được thêm\n  + test.forest-products.five-days (catalog/overrides/test.yaml)\n      thời hạn giải quyết 5 ngày làm việc áp dụng cho thủ tục mã 1.000045, từ ngày 2025-07-01\n',
    );
    expect(text).toContain('\n\nCơ quan đã bãi bỏ được thêm\n  + test-district-office Phòng Thử nghiệm cấp huyện\n      bãi bỏ từ ngày 2025-07-01; pháp luật chưa nêu cơ quan kế thừa\n');
    expect(text).toContain(
      'Kết quả xử lý yêu cầu: 1 thủ tục có kết quả thay đổi (phạm vi: các thủ tục thay đổi và các thủ tục chịu tác động của mục điều chỉnh; đã so sánh 1 thủ tục, 4 yêu cầu)\n',
    );
    expect(englishIn(text)).toEqual([]);
    const markdown = formatDiffMarkdown(diff, { lang: 'vi' });
    expect(markdown).toContain('\n### Mục điều chỉnh được thêm (1)\n\n| Mục điều chỉnh | Tệp | Tác động |\n');
    expect(markdown).toContain('\n### Cơ quan đã bãi bỏ được thêm (1)\n\n| Cơ quan | Tên | Tác động |\n');
    expect(englishIn(markdown)).toEqual([]);
  });

  it('says there are no differences in Vietnamese', async () => {
    const same = parse(await sources('old'));
    const diff = diffDatasets(same, same);
    expect(formatDiffText(diff, { lang: 'vi' })).toBe(
      [
        'Thủ tục:               thêm 0, xóa 0, thay đổi 0',
        'Đơn vị hành chính:     thêm 0, xóa 0, thay đổi 0',
        'Quy tắc:               thêm 0, xóa 0, thay đổi 0',
        'Mục điều chỉnh:        thêm 0, xóa 0, thay đổi 0',
        'Cơ quan đã bãi bỏ:     thêm 0, xóa 0, thay đổi 0',
        'Lịch làm việc:         không thay đổi',
        'Kết quả xử lý yêu cầu: không so sánh (không có thay đổi về thủ tục, đơn vị hành chính, quy tắc, mục điều chỉnh hoặc lịch làm việc)',
        '',
        'Không có khác biệt.',
        '',
      ].join('\n'),
    );
    const markdown = formatDiffMarkdown(diff, { lang: 'vi' });
    expect(markdown.endsWith('\n\nKhông có khác biệt.\n')).toBe(true);
    expect(englishIn(markdown)).toEqual([]);
  });

  it.each([
    [null, '(không có)'],
    [[], '(trống)'],
    [['commune', 'province'], 'commune, province'],
    [{ status: 'resolved', value: 0, unit: 'same-day', raw: 'Trong ngày' }, 'trong ngày ("Trong ngày")'],
    [{ status: 'resolved', value: 3, unit: 'working-days', raw: '03 ngày làm việc và 70 ngày', followedBy: [{ value: 70, unit: 'calendar-days' }] }, '3 ngày làm việc, sau đó 70 ngày ("03 ngày làm việc và 70 ngày")'],
    [{ status: 'resolved', value: 4, unit: 'working-hours', raw: '4 giờ', variants: [{ value: 8, unit: 'working-hours', condition: 'x' }] }, '4 giờ làm việc ("4 giờ", 1 trường hợp khác)'],
    [{ status: 'unresolved', raw: '1', reason: 'no-unit' }, 'chưa xác định được, có số nhưng không có đơn vị ("1")'],
    [{ raw: 'Miễn phí', free: true }, 'miễn phí ("Miễn phí")'],
    [{ raw: '50.000 đồng', amount: 50000 }, '50000 VND ("50.000 đồng")'],
    [{ type: 'office-action', params: { action: 'refuse', reason: { vi: 'không tiếp nhận', en: 'not received' } } }, 'office-action: action=refuse, reason=không tiếp nhận'],
  ] as const)('shows %j in Vietnamese as %s', (value, shown) => {
    expect(formatDiffValue(value, undefined, 'vi')).toBe(shown);
  });

  it('writes English exactly as without the option', async () => {
    for (const diff of Object.values(await diffs())) {
      for (const options of [{}, { labels: LABELS }, { labels: LABELS, maxRows: 3 }]) {
        expect(formatDiffText(diff, { ...options, lang: 'en' })).toBe(formatDiffText(diff, options));
        expect(formatDiffMarkdown(diff, { ...options, lang: 'en' })).toBe(formatDiffMarkdown(diff, options));
        expect(formatDiffJson(diff, { ...options, lang: 'en' })).toBe(formatDiffJson(diff, options));
        for (const format of ['text', 'markdown', 'json'] as const) expect(formatDiff(diff, format, { ...options, lang: 'en' })).toBe(formatDiff(diff, format, options));
      }
      expect(formatDiffValue(diff.procedures.changed[0]?.changes[0]?.old ?? null, undefined, 'en')).toBe(formatDiffValue(diff.procedures.changed[0]?.changes[0]?.old ?? null));
    }
  });

  it('keeps the English JSON as it was and adds the Vietnamese texts only in Vietnamese', async () => {
    const { main: diff } = await diffs();
    const english = formatDiffJson(diff, { labels: LABELS });
    expect(english).not.toMatch(/"(effectVi|descriptionVi|oldVi|newVi)"/);
    const vietnamese = formatDiffJson(diff, { labels: LABELS, lang: 'vi' });
    const parsed = JSON.parse(vietnamese);
    expect(parsed.rules.added[0].effectVi).toBe('office-action: action=process, reason=cơ quan tiếp nhận thuộc xã có thẩm quyền giải quyết');
    expect(parsed.routing.requests[3].descriptionVi).toBe('nộp trực tuyến qua Cổng Dịch vụ công quốc gia');
    expect(parsed.routing.changes[0].changes[0]).toEqual({
      part: 'competent.level',
      old: 'province',
      new: 'undetermined (commune or province)',
      oldVi: 'cấp tỉnh',
      newVi: 'chưa xác định (cấp xã hoặc cấp tỉnh)',
    });
    // Without the added fields, the Vietnamese JSON is the English one.
    const stripped = JSON.parse(vietnamese, (key, value) => (['effectVi', 'descriptionVi', 'oldVi', 'newVi'].includes(key) ? undefined : value));
    expect(JSON.stringify(stripped, null, 2) + '\n').toBe(english);
  });

  it('shows the Vietnamese of values tthc writes itself (unit versions), and leaves them out of the English JSON', async () => {
    const { main: diff } = await diffs();
    const withUnit: DatasetDiff = {
      ...diff,
      summary: { ...diff.summary, units: { added: 0, removed: 0, changed: 1 } },
      units: {
        added: [],
        removed: [],
        changed: [
          {
            code: '00004',
            name: 'Phường Ba Đình',
            changes: [
              {
                field: 'versions',
                old: ['Phường Ba Đình / Ba Dinh Ward (phuong, from 2025-07-01)'],
                new: ['Phường Ba Đình / Ba Dinh Ward (phuong, 2025-07-01 to 2026-12-31)'],
                oldVi: ['Phường Ba Đình / Ba Dinh Ward (phuong, từ ngày 2025-07-01)'],
                newVi: ['Phường Ba Đình / Ba Dinh Ward (phuong, từ ngày 2025-07-01 đến ngày 2026-12-31)'],
              },
            ],
          },
        ],
      },
    };
    expect(formatDiffText(withUnit, { lang: 'vi' })).toContain(
      '\n\nĐơn vị hành chính có thay đổi\n  ~ 00004 Phường Ba Đình\n      versions: Phường Ba Đình / Ba Dinh Ward (phuong, từ ngày 2025-07-01) -> Phường Ba Đình / Ba Dinh Ward (phuong, từ ngày 2025-07-01 đến ngày 2026-12-31)\n',
    );
    expect(formatDiffText(withUnit)).toContain('      versions: Phường Ba Đình / Ba Dinh Ward (phuong, from 2025-07-01) -> Phường Ba Đình / Ba Dinh Ward (phuong, 2025-07-01 to 2026-12-31)\n');
    expect(JSON.parse(formatDiffJson(withUnit)).units.changed[0].changes[0]).toEqual({
      field: 'versions',
      old: ['Phường Ba Đình / Ba Dinh Ward (phuong, from 2025-07-01)'],
      new: ['Phường Ba Đình / Ba Dinh Ward (phuong, 2025-07-01 to 2026-12-31)'],
    });
  });

  it('formats a diff read back from English JSON in Vietnamese, the standard requests included', async () => {
    const { main: diff } = await diffs();
    const readBack = JSON.parse(formatDiffJson(diff)) as DatasetDiff;
    const text = formatDiffText(readBack, { lang: 'vi' });
    expect(text).toContain('\n  online: nộp trực tuyến qua Cổng Dịch vụ công quốc gia\n');
    expect(text).toContain('Kết quả xử lý yêu cầu: 3 thủ tục có kết quả thay đổi');
  });

  it('refuses an unknown language', async () => {
    const { main: diff } = await diffs();
    for (const format of ['text', 'markdown', 'json'] as const) {
      expect(() => formatDiff(diff, format, { lang: 'fr' as never })).toThrow(/options\.lang: expected "vi" or "en"/);
    }
  });
});
