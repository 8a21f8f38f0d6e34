import { describe, expect, it } from 'vitest';
import { parseDataset } from '../src/dataset.js';
import { diffDatasets, isEmptyDiff } from '../src/diff/diff.js';
import { escapeCell, formatDiffValue } from '../src/diff/format.js';
import { readSourceTexts } from '../src/node/read.js';
import type { RouterData } from '../src/routing/router.js';

const ROOT = new URL('..', import.meta.url).pathname;

async function load(side: string): Promise<RouterData> {
  const read = await readSourceTexts([`test/fixtures/diff/changes/${side}`, 'test/fixtures/diff/base'], { cwd: ROOT });
  const { dataset, issues } = parseDataset(read.sources);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return { catalog: dataset.catalog!, rules: dataset.rules!, calendar: dataset.calendar! };
}

describe('diffDatasets', () => {
  it('gives an empty diff, with nothing routed, for identical inputs', async () => {
    const old = await load('old');
    const diff = diffDatasets(old, old);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.routing).toMatchObject({ scope: 'none', proceduresRouted: 0, routes: 0, changes: [] });
  });

  it('returns frozen data and leaves its inputs alone', async () => {
    const [old, now] = [await load('old'), await load('new')];
    const before = JSON.stringify([old.catalog.procedures, old.rules.rules, now.catalog.procedures, now.rules.rules]);
    const diff = diffDatasets(old, now);
    expect(Object.isFrozen(diff)).toBe(true);
    expect(Object.isFrozen(diff.routing.changes[0]!.changes)).toBe(true);
    expect(JSON.stringify([old.catalog.procedures, old.rules.rules, now.catalog.procedures, now.rules.rules])).toBe(before);
  });

  it('finds the same routing changes with and without the fired-rules shortcut', async () => {
    const [old, now] = [await load('old'), await load('new')];
    expect(diffDatasets(old, now)).toEqual(diffDatasets(old, now, { exhaustive: true }));
  });

  it('routes nothing when asked not to', async () => {
    const [old, now] = [await load('old'), await load('new')];
    const diff = diffDatasets(old, now, { routing: false });
    expect(diff.routing).toMatchObject({ scope: 'none', routes: 0, changes: [] });
    expect(diff.summary.procedures).toEqual({ added: 1, removed: 1, changed: 2 });
  });

  it('lists overrides and routes the procedures they select, though their records are unchanged', async () => {
    const read = await readSourceTexts(['test/fixtures/diff/changes/old', 'test/fixtures/diff/base'], { cwd: ROOT });
    const parse = (sources: typeof read.sources): RouterData => {
      const { dataset, issues } = parseDataset(sources);
      expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      return { catalog: dataset.catalog!, rules: dataset.rules!, calendar: dataset.calendar! };
    };
    const override = {
      file: 'catalog/overrides/test.yaml',
      text: [
        'kind: overrides',
        'overrides:',
        '  - id: test.forest-products.five-days',
        '    description: { vi: Ghi đè thử., en: A test override. }',
        '    select: { codes: ["1.000045"] }',
        '    channels: [in-person]',
        '    validFrom: 2025-07-01',
        '    legalBasis: [{ document: Test }]',
        '    confidence: low',
        '    deadline: { value: 5, unit: working-days }',
        '',
      ].join('\n'),
    };
    const old = parse(read.sources);
    const now = parse([...read.sources, override]);
    const diff = diffDatasets(old, now);
    expect(diff.summary.overrides).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(diff.overrides.added[0]).toMatchObject({ id: 'test.forest-products.five-days', file: 'catalog/overrides/test.yaml' });
    expect(diff.routing.scope).toBe('changed');
    expect(diff.routing.changes.filter((change) => change.procedure === '1.000045').flatMap((change) => change.changes.map((part) => part.part))).toContain('deadline');
    expect(diff).toEqual(diffDatasets(old, now, { exhaustive: true }));
    expect(isEmptyDiff(diffDatasets(now, now))).toBe(true);
  });

  it('throws INVALID_ARGUMENT for a receipt time without an offset', async () => {
    const old = await load('old');
    expect(() => diffDatasets(old, old, { receivedAt: '2026-03-02T09:00:00' })).toThrow(/receivedAt must be an ISO time/);
  });
});

describe('diff formatting', () => {
  it.each([
    [null, '(none)'],
    [['commune', 'province'], 'commune, province'],
    [{ status: 'resolved', value: 0, unit: 'same-day', raw: 'Trong ngày' }, 'same day ("Trong ngày")'],
    [{ status: 'unresolved', raw: '1', reason: 'no-unit' }, 'unresolved, no-unit ("1")'],
    [{ raw: 'Miễn phí', free: true }, 'free ("Miễn phí")'],
    [{ type: 'filing-scope', params: { scope: 'nationwide' } }, 'filing-scope: scope=nationwide'],
  ] as const)('shows %j as %s', (value, shown) => {
    expect(formatDiffValue(value)).toBe(shown);
  });

  it('escapes pipes, HTML and line breaks in markdown table cells', () => {
    expect(escapeCell('a | b <br>\nc')).toBe('a \\| b &lt;br&gt; c');
  });
});
