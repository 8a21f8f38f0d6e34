/**
 * A citation whose article was not checked against the document's text says so in data (articleVerified: false), and
 * a decision in words says it in the reader's language, never with an English note inside the Vietnamese.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../src/routing/router.js';
import { loadShippedRouter } from '../src/node/shipped.js';
import { formatDecision } from '../src/testing/index.js';

let router: Router;
beforeAll(async () => {
  router = await loadShippedRouter();
});

// 1.003903, a CITES export permit: the override cites Circular 85/2025 by the procedure's steps, not by article.
const REQUEST = { procedure: '1.003903', channel: 'online', residence: '01', receivedAt: '2026-07-01T10:00:00+07:00' } as const;

describe('an unverified article', () => {
  it('is a field of the citation, not a note in its text', () => {
    const decision = router.route(REQUEST);
    const basis = decision.deadline.status === 'resolved' ? decision.deadline.basis.find((entry) => entry.source === 'override') : undefined;
    expect(basis?.source === 'override' ? basis.legalBasis[0] : undefined).toEqual({
      document: 'Thông tư 85/2025/TT-BNNMT',
      article: 'trình tự cấp giấy phép CITES xuất khẩu, tái xuất khẩu',
      url: 'https://vbpl.vn/TW//Pages/ivbpq-thuoctinh.aspx?ItemID=186308',
      articleVerified: false,
    });
  });

  it('is said in the language of the decision in words', () => {
    const decision = router.route(REQUEST);
    const vi = formatDecision(decision, { lang: 'vi' });
    expect(vi).toContain('trình tự cấp giấy phép CITES xuất khẩu, tái xuất khẩu (chưa đối chiếu điều, khoản với văn bản)');
    expect(vi).not.toContain('not verified');
    expect(formatDecision(decision, { lang: 'en' })).toContain('trình tự cấp giấy phép CITES xuất khẩu, tái xuất khẩu (article not verified)');
  });

  it('has no "not verified" note left in the article of a shipped citation', () => {
    const files = ['catalog/overrides', 'catalog/bodies', 'rules/routing'].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => join(dir, name)));
    const notes = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        .filter(({ line }) => /article: [^}]*not verified/.test(line))
        .map(({ at }) => at),
    );
    expect(notes).toEqual([]);
  });
});
