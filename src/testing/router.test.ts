import { beforeAll, describe, expect, it } from 'vitest';
import { isTthcError } from '../errors.js';
import { loadShippedRouter } from '../node/shipped.js';
import type { Router } from '../routing/router.js';
import { createTestRouter } from './router.js';

let shipped: Router;
beforeAll(async () => {
  shipped = await loadShippedRouter();
}, 120_000);

const levelRule = {
  id: 'test.commune-level',
  description: { vi: 'Thủ tục thử được giải quyết ở cấp xã.', en: 'The test procedure is handled at commune level.' },
  legalBasis: { document: 'Test' },
  validFrom: '2025-07-01',
  priority: 10,
  conditions: { all: [{ fact: 'procedure', path: '$.code', operator: 'equal', value: '9.000001' }] },
  event: { type: 'competent-level', params: { level: 'commune' } },
};

describe('createTestRouter', () => {
  it('routes an inline procedure with the shipped units, calendar and rules kept beside an inline rule', () => {
    const router = createTestRouter(shipped.data, {
      procedures: [{ code: '9.000001', levels: ['commune', 'province'], deadlines: { online: { value: 3, unit: 'working-days' } } }],
      rules: [
        levelRule,
        { ...levelRule, id: 'test.commune-of-residence', event: { type: 'competent-unit', params: { unit: 'residence-commune' } } },
      ],
      keepBaseRules: true,
    });
    const decision = router.route({ procedure: '9.000001', channel: 'online', residence: '00004', receivedAt: '2026-02-12T10:00:00+07:00' });
    expect(decision.competent).toMatchObject({ status: 'determined', level: 'commune', unit: { code: '00004' } });
    expect(decision.dueDate).toBe('2026-02-24'); // 13 Feb, then the Tết break, then 23 and 24 Feb
    expect(decision.explanation.applied.map((rule) => rule.ruleId)).toContain('test.commune-level');
  });

  it('keeps the base catalogue\'s overrides, abolished bodies and legacy links beside inline procedures', () => {
    const router = createTestRouter(shipped.data, {
      procedures: [{ code: '9.000001', levels: ['commune'], deadlines: { online: { value: 3, unit: 'working-days' } } }],
    });
    expect(router.data.catalog.overrides).toEqual(shipped.data.catalog.overrides);
    expect(router.data.catalog.abolishedBodies).toEqual(shipped.data.catalog.abolishedBodies);
    expect(router.data.catalog.legacyLinks).toEqual(shipped.data.catalog.legacyLinks);
    // Birth registration: the record's bare "1" is resolved by the civil-status override (same day, 15:00 cut-off).
    const request = { procedure: '1.001193', channel: 'in-person', office: '00004', residence: '00004', receivedAt: '2026-03-03T09:00:00+07:00' } as const;
    const decision = router.route(request);
    expect(decision.deadline).toMatchObject({ status: 'resolved', unit: 'same-day', source: 'override' });
    expect(decision.dueDate).toBe(shipped.route(request).dueDate);
  });

  it('replaces the base rules with the inline ones unless asked to keep them', () => {
    const router = createTestRouter(shipped.data, { rules: [levelRule] });
    expect(router.data.rules.rules.map((rule) => rule.id)).toEqual(['test.commune-level']);
    expect(router.data.catalog).toBe(shipped.data.catalog);
  });

  it('refuses an invalid inline rule with its issues', () => {
    let caught: unknown;
    try {
      createTestRouter(shipped.data, { rules: [{ ...levelRule, conditions: { all: [{ fact: 'weather', operator: 'equal', value: 'rain' }] } }] });
    } catch (error) {
      caught = error;
    }
    expect(isTthcError(caught)).toBe(true);
    expect((caught as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toContain('RULE_UNKNOWN_FACT');
  });

  it('refuses control characters in inline procedures and rules, as the YAML reader does in files', () => {
    const caught = (() => {
      try {
        createTestRouter(shipped.data, { procedures: [{ code: '9.000003', levels: ['commune'], name: '\u001b[2J\u001b[31mFAKE' }], rules: [{ ...levelRule, description: { vi: 'chuông \u0007', en: 'bell' } }] });
      } catch (error) {
        return error as { issues: { code: string; path: readonly (string | number)[] }[] };
      }
      return undefined;
    })();
    expect(caught?.issues.filter((issue) => issue.code === 'TEXT_CONTROL_CHARACTER').map((issue) => issue.path)).toEqual([[0, 'name'], [0, 'description', 'vi']]);
  });

  it('refuses an inline procedure with an unknown level', () => {
    expect(() => createTestRouter(shipped.data, { procedures: [{ code: '9.000002', levels: ['district' as never] }] })).toThrow(/inline test data has 1 error/);
  });
});
