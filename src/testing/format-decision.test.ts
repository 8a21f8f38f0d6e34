import { describe, expect, it } from 'vitest';
import { communeDecision, refusedDecision, transferDecision, undeterminedDecision } from './_fixtures.js';
import { formatDecision } from './format-decision.js';
import type { AppliedRule } from '../routing/types.js';

describe('formatDecision', () => {
  it('shows the control characters a text holds instead of letting a terminal act on them', () => {
    const decision = communeDecision();
    const text = formatDecision({ ...decision, procedure: { ...decision.procedure, name: '\u001b[2J\u001b[31mFAKE' } });
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain('\u241b[2J\u241b[31mFAKE');
  });

  it('explains a decided case line by line', () => {
    expect(formatDecision(communeDecision())).toMatchInlineSnapshot(`
      "Procedure 1.001193 Đăng ký khai sinh
                Hộ tịch, Bộ Tư pháp; levels: commune
      Filing    in-person, received 2026-02-12T10:00:00+07:00, law as of 2026-02-12
      Competent commune 00004 Phường Ba Đình
                authority: Ủy ban nhân dân cấp xã
      Office    00004 Phường Ba Đình: process
                reason: the office is the competent unit
      Scope     province
      Deadline  3 working-days (from the catalogue; stated as "03 ngày làm việc")
                basis (cell): "03 ngày làm việc"
      Due       2026-02-25 (2026-02-25T10:00:00+07:00), on the official calendar
                clock starts 2026-02-12T10:00:00+07:00; calendar 2026.1
                skipped 2026-02-14 weekend
                skipped 2026-02-16 holiday (Lunar New Year)
      Rules applied:
        + civil-status-at-residence [competent, priority 10] Civil status is registered at the commune of residence
            effect: {"level":"commune","unit":"residence"}
            basis: Luật Hộ tịch 2014, Điều 13
            yes procedure.sector equal "Hộ tịch"; actual "Hộ tịch"
        + province-wide-filing [filingScope, priority 5] Filing reaches every commune of the province
            effect: {"filingScope":"province"}
            basis: Nghị định 118/2025/NĐ-CP, Điều 4 <https://example.org/nd118>
      Rules skipped:
        - foreigner-at-province: a condition failed
            first failing: applicant equal "foreigner"; actual "citizen"
      Data: catalogue cat0001, rules rul0001, calendar 2026.1, tthc 0.1.0"
    `);
  });

  it('explains an undetermined case with its candidates, reason and conflict', () => {
    expect(formatDecision(undeterminedDecision())).toMatchInlineSnapshot(`
      "Procedure 2.000001 Thủ tục thử
                levels: province, commune
      Filing    in-person, received 2026-02-12T10:00:00+07:00, law as of 2026-02-12
      Competent undetermined (rule); candidates: province, commune
                reason: two rules of equal priority disagree
                authority: Ủy ban nhân dân
      Office    no receiving office: undetermined
                reason: the competent level is undetermined
      Scope     not decided by any rule
      Deadline  unresolved: no-number (stated as "theo quy định")
                basis (cell): "theo quy định"
      Due       none
      Rules applied:
        + civil-status-at-residence [competent, priority 10] Civil status is registered at the commune of residence
            effect: {"level":"commune","unit":"residence"}
            basis: Luật Hộ tịch 2014, Điều 13
            yes procedure.sector equal "Hộ tịch"; actual "Hộ tịch"
        + province-wide-filing [filingScope, priority 5] Filing reaches every commune of the province
            effect: {"filingScope":"province"}
            basis: Nghị định 118/2025/NĐ-CP, Điều 4 <https://example.org/nd118>
      Rules skipped:
        - foreigner-at-province: a condition failed
            first failing: applicant equal "foreigner"; actual "citizen"
      Conflicts:
        ! competent: rules rule-a, rule-b disagree at priority 10; left undecided
      Data: catalogue cat0001, rules rul0001, calendar 2026.1, tthc 0.1.0"
    `);
  });

  it('shows the guidance of a transfer and of a refusal', () => {
    expect(formatDecision(transferDecision())).toContain('guidance: send the dossier to Phường Ba Đình within 1 working day');
    const refused = formatDecision(refusedDecision());
    expect(refused).toContain('Office    26734 Phường Sài Gòn: refuse');
    expect(refused).toContain('Due       none');
  });

  it('marks an overridden rule and a negated condition, and names a fact-to-fact comparison', () => {
    const base = communeDecision();
    const overridden: AppliedRule = {
      ruleId: 'office-is-residence',
      description: '',
      descriptionVi: '',
      part: 'office',
      effect: {},
      priority: 1,
      legalBasis: [],
      conditions: [
        { at: 'not', fact: 'applicant', operator: 'equal', expected: 'foreigner', actual: 'citizen', passed: false, negated: true },
        {
          at: 'all.1',
          fact: 'office',
          path: '$.code',
          operator: 'equal',
          expected: '00007',
          expectedFrom: { fact: 'residence', path: '$.code' },
          actual: '00004',
          passed: false,
          negated: false,
        },
      ],
      won: false,
    };
    const text = formatDecision(communeDecision({ explanation: { ...base.explanation, applied: [overridden] } }));
    expect(text).toContain('  + office-is-residence [office, priority 1, overridden]');
    expect(text).toContain('      yes not applicant equal "foreigner"; actual "citizen"');
    expect(text).toContain('      no  office.code equal "00007" (from residence.code); actual "00004"');
  });

  it('folds multi-line rule text onto one line and says when the catalogue names no authority', () => {
    const base = communeDecision();
    const rule = { ...base.explanation.applied[0]!, description: 'Handled at the commune\nof residence.\n' };
    const competent = { ...base.competent, authority: '' } as typeof base.competent;
    const text = formatDecision(communeDecision({ competent, explanation: { ...base.explanation, applied: [rule] } }));
    expect(text).toContain('[competent, priority 10] Handled at the commune of residence.\n      effect:');
    expect(text).toContain('          authority: not named in the catalogue');
  });

  it('shows a projected due date as a projection', () => {
    expect(formatDecision(communeDecision({ calendarStatus: 'projected' }))).toContain(
      'Due       2026-02-25 (2026-02-25T10:00:00+07:00), projected from the statutory holiday rules',
    );
  });

  it('does not mutate the decision and has no trailing newline', () => {
    const decision = structuredClone(communeDecision());
    const before = JSON.stringify(decision);
    const text = formatDecision(decision);
    expect(JSON.stringify(decision)).toBe(before);
    expect(text.endsWith('\n')).toBe(false);
  });

  it('speaks Vietnamese with lang vi: labels, actions, the rules\' Vietnamese texts and its own sentences', () => {
    const transfer = formatDecision(transferDecision(), { lang: 'vi' });
    expect(transfer).toContain('Tiếp nhận   00007 Phường Phúc Xá: tiếp nhận và chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết');
    expect(transfer).toContain('lý do: tiếp nhận không phụ thuộc vào địa giới hành chính trong tỉnh');
    expect(transfer).toContain('hướng dẫn: chuyển hồ sơ đến Phường Ba Đình trong 01 ngày làm việc');
    expect(transfer).not.toContain('boundary-free');
    const decided = formatDecision(communeDecision(), { lang: 'vi' });
    expect(decided).toContain('Hộ tịch được đăng ký tại xã nơi cư trú');
    expect(decided).toContain('không tính 2026-02-16 nghỉ Tết Nguyên đán');
    expect(decided).toContain('Quy tắc không áp dụng:');
    const undetermined = formatDecision(undeterminedDecision(), { lang: 'vi' });
    expect(undetermined).toContain('Thẩm quyền  chưa xác định; có thể là cấp: tỉnh, xã');
    expect(undetermined).toContain('lý do: hai quy tắc cùng mức ưu tiên mâu thuẫn nhau');
  });

  it('keeps English the default and refuses a language it does not speak', () => {
    expect(formatDecision(transferDecision(), { lang: 'en' })).toBe(formatDecision(transferDecision()));
    expect(() => formatDecision(transferDecision(), { lang: 'fr' as never })).toThrow(/options.lang: expected "vi" or "en"/);
  });
});
