/**
 * Hand-built decisions for the tests of `tthc/testing` (not exported). Each builder returns a fresh frozen decision,
 * overriding the parts given.
 */
import type { RouteDecision } from '../routing/types.js';

type Overrides = { -readonly [K in keyof RouteDecision]?: RouteDecision[K] };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Birth registration filed in person at the applicant's own commune, processed there: due 2026-02-25 (after Tết). */
export function communeDecision(overrides: Overrides = {}): RouteDecision {
  const decision: RouteDecision = {
    procedure: {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      sector: 'Hộ tịch',
      ministry: 'Bộ Tư pháp',
      levels: ['commune'],
    },
    channel: 'in-person',
    competent: {
      status: 'determined',
      level: 'commune',
      unit: { code: '00004', name: 'Phường Ba Đình', level: 'commune' },
      authority: 'Ủy ban nhân dân cấp xã',
    },
    office: {
      unit: { code: '00004', name: 'Phường Ba Đình', level: 'commune' },
      action: 'process',
      reason: 'the office is the competent unit',
      reasonVi: 'cơ quan tiếp nhận là đơn vị có thẩm quyền',
    },
    filingScope: 'province',
    deadline: { status: 'resolved', value: 3, unit: 'working-days', raw: '03 ngày làm việc', source: 'catalogue', basis: [{ source: 'cell', text: '03 ngày làm việc' }] },
    dueDate: '2026-02-25',
    dueAt: '2026-02-25T10:00:00+07:00',
    calendarStatus: 'official',
    conflicts: [],
    explanation: {
      applied: [
        {
          ruleId: 'civil-status-at-residence',
          description: 'Civil status is registered at the commune of residence',
          descriptionVi: 'Hộ tịch được đăng ký tại xã nơi cư trú',
          part: 'competent',
          effect: { level: 'commune', unit: 'residence' },
          priority: 10,
          legalBasis: [{ document: 'Luật Hộ tịch 2014', article: 'Điều 13' }],
          conditions: [
            { at: 'all.0', fact: 'procedure', path: '$.sector', operator: 'equal', expected: 'Hộ tịch', actual: 'Hộ tịch', passed: true, negated: false },
          ],
          won: true,
        },
        {
          ruleId: 'province-wide-filing',
          description: 'Filing reaches every commune of the province',
          descriptionVi: 'Hồ sơ được nộp tại bất kỳ xã nào trong tỉnh',
          part: 'filingScope',
          effect: { filingScope: 'province' },
          priority: 5,
          legalBasis: [{ document: 'Nghị định 118/2025/NĐ-CP', article: 'Điều 4', url: 'https://example.org/nd118' }],
          conditions: [],
          won: true,
        },
      ],
      notApplied: [
        {
          ruleId: 'foreigner-at-province',
          reason: 'a condition failed',
          reasonVi: 'điều kiện không đạt',
          reasonClass: 'conditions',
          failedCondition: { at: 'all.0', fact: 'applicant', operator: 'equal', expected: 'foreigner', actual: 'citizen', passed: false, negated: false },
        },
      ],
      dueDate: {
        clockStart: '2026-02-12T10:00:00+07:00',
        skipped: [
          { date: '2026-02-14', reason: 'weekend', status: 'official' },
          { date: '2026-02-16', reason: 'holiday', name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' }, status: 'official' },
        ],
        rules: [],
        calendarVersion: '2026.1',
      },
    },
    receipt: {
      catalogHash: 'cat0001',
      rulesHash: 'rul0001',
      calendarVersion: '2026.1',
      libraryVersion: '0.1.0',
      asOf: '2026-02-12',
      receivedAt: '2026-02-12T10:00:00+07:00',
    },
  };
  return deepFreeze({ ...decision, ...overrides });
}

/** Filed at another commune, which receives the dossier and transfers it to the competent commune. */
export function transferDecision(): RouteDecision {
  return communeDecision({
    office: {
      unit: { code: '00007', name: 'Phường Phúc Xá', level: 'commune' },
      action: 'receive-and-transfer',
      reason: 'boundary-free filing within the province',
      reasonVi: 'tiếp nhận không phụ thuộc vào địa giới hành chính trong tỉnh',
      guidance: 'send the dossier to Phường Ba Đình within 1 working day',
      guidanceVi: 'chuyển hồ sơ đến Phường Ba Đình trong 01 ngày làm việc',
    },
  });
}

/** Filed outside the province: refused, no due date. */
export function refusedDecision(): RouteDecision {
  return communeDecision({
    office: {
      unit: { code: '26734', name: 'Phường Sài Gòn', level: 'commune' },
      action: 'refuse',
      reason: 'the residence is in another province and filing reaches only the province',
      reasonVi: 'nơi cư trú ở tỉnh khác, hồ sơ chỉ được tiếp nhận trong phạm vi tỉnh',
      guidance: 'file at any commune of Thành phố Hà Nội',
      guidanceVi: 'nộp hồ sơ tại bất kỳ xã nào của Thành phố Hà Nội',
    },
    dueDate: null,
    dueAt: null,
    calendarStatus: null,
  });
}

/** Two rules of equal priority disagree on the competent level: left undetermined. */
export function undeterminedDecision(): RouteDecision {
  return communeDecision({
    procedure: { code: '2.000001', name: 'Thủ tục thử', sector: '', ministry: '', levels: ['province', 'commune'] },
    competent: {
      status: 'undetermined',
      level: null,
      unit: null,
      authority: 'Ủy ban nhân dân',
      candidates: ['province', 'commune'],
      reason: 'two rules of equal priority disagree',
      reasonVi: 'hai quy tắc cùng mức ưu tiên mâu thuẫn nhau',
      reasonClass: 'rule',
    },
    office: { unit: null, action: 'undetermined', reason: 'the competent level is undetermined', reasonVi: 'chưa xác định được cấp có thẩm quyền' },
    filingScope: null,
    deadline: { status: 'unresolved', raw: 'theo quy định', reason: 'no-number', reasonVi: 'không nêu số', basis: [{ source: 'cell', text: 'theo quy định' }] },
    dueDate: null,
    dueAt: null,
    calendarStatus: null,
    conflicts: [{ part: 'competent', priority: 10, ruleIds: ['rule-a', 'rule-b'] }],
  });
}
