import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeDueDate } from '../src/calendar/due-date.js';
import { isTthcError } from '../src/errors.js';
import { loadCompleteDataset } from '../src/node/cache.js';
import type { CompleteDataset } from '../src/node/cache.js';
import { referenceDueDate } from './_due-date.js';
import { runInMemory as cli } from './_memory-io.js';
import { shippedDataPaths } from '../src/node/load.js';
import { createRouter } from '../src/routing/router.js';
import type { Router } from '../src/routing/router.js';
import type { RouteRequest } from '../src/routing/types.js';

let dataset: CompleteDataset;
let router: Router;

beforeAll(async () => {
  dataset = await loadCompleteDataset(shippedDataPaths());
  router = createRouter(dataset);
}, 120_000);

const PERMANENT_RESIDENCE = '1.004222'; // Đăng ký thường trú: commune level, 7 working days in person
const BA_DINH = '00004'; // Phường Ba Đình, Hà Nội
const NGOC_HA = '00008'; // Phường Ngọc Hà, Hà Nội
const THU_DAU_MOT = '25747'; // Phường Thủ Dầu Một, Thành phố Hồ Chí Minh

const request = (overrides: Partial<RouteRequest>): RouteRequest => ({
  procedure: PERMANENT_RESIDENCE,
  channel: 'in-person',
  office: BA_DINH,
  residence: BA_DINH,
  receivedAt: '2026-02-12T10:00:00+07:00',
  ...overrides,
});


describe('route on the shipped catalogue and rules', () => {
  it('processes a commune procedure at the applicant own commune, due across Tết 2026', () => {
    const decision = router.route(request({}));
    expect(decision.competent).toMatchObject({ status: 'determined', level: 'commune', unit: { code: BA_DINH } });
    expect(decision.office).toMatchObject({ action: 'process', unit: { code: BA_DINH } });
    expect(decision.filingScope).toBe('province');
    expect(decision.deadline).toMatchObject({ status: 'resolved', value: 7, unit: 'working-days', source: 'catalogue' });
    // 13 Feb is day 1; 14-22 Feb is the official Tết break; 23-27 Feb are days 2-6; Monday 2 March is day 7.
    expect(decision.dueDate).toBe('2026-03-02');
    expect(decision.calendarStatus).toBe('official');
    expect(decision.explanation.dueDate?.skipped.some((day) => day.date === '2026-02-17')).toBe(true);
  });

  it('has another commune of the province receive and transfer the same dossier, the competent unit unchanged', () => {
    const decision = router.route(request({ office: NGOC_HA }));
    expect(decision.office).toMatchObject({ action: 'receive-and-transfer', unit: { code: NGOC_HA } });
    expect(decision.competent).toMatchObject({ level: 'commune', unit: { code: BA_DINH } });
    expect(decision.dueDate).toBe('2026-03-02');
  });

  it('refuses the same dossier in person in another province, with guidance and no due date', () => {
    const decision = router.route(request({ office: THU_DAU_MOT }));
    expect(decision.office.action).toBe('refuse');
    expect(decision.office.guidance).toMatch(/online/i);
    expect(decision.dueDate).toBeNull();
    const winner = decision.explanation.applied.find((rule) => rule.part === 'officeAction' && rule.won);
    expect(winner?.ruleId).toBe('d118.in-person.other-province.refuse');
    expect(winner?.legalBasis.map((basis) => basis.document)).toContain('Nghị định 118/2025/NĐ-CP');
  });

  it('accepts the same dossier online from anywhere, with no receiving office', () => {
    const decision = router.route(request({ channel: 'online', office: undefined as never }));
    expect(decision.office).toMatchObject({ action: 'process', unit: null });
    expect(decision.filingScope).toBe('nationwide');
    expect(decision.dueDate).toBe('2026-03-02');
  });

  it('refuses a central-only procedure at a commune office but accepts it online', () => {
    const code = dataset.catalog.procedures.find((procedure) => procedure.levels.join() === 'central')!.code;
    expect(router.route(request({ procedure: code, office: NGOC_HA })).office.action).toBe('refuse');
    expect(router.route(request({ procedure: code, channel: 'online', office: undefined as never })).competent).toMatchObject({
      status: 'determined',
      level: 'central',
      unit: null,
    });
  });

  it('names the province of a provincial procedure and transfers it from a commune office', () => {
    // A provincial procedure whose competence follows the residence: 3.000333 (criminal record, provincial police).
    const code = '3.000333';
    const decision = router.route(request({ procedure: code, office: NGOC_HA }));
    expect(decision.competent).toMatchObject({ level: 'province', unit: { code: '01', name: 'Thành phố Hà Nội' } });
    expect(decision.office.action).toBe('receive-and-transfer');
  });

  it('never guesses the level of a procedure performed at several levels', () => {
    // One whose record does not say which level decides, and names no vertical body deciding wherever.
    const procedure = dataset.catalog.procedures.find(
      (candidate) => candidate.levels.join() === 'central,province' && candidate.competence?.undetermined !== undefined && candidate.competence.basis !== 'named-body',
    )!;
    const decision = router.route(request({ procedure: procedure.code, channel: 'online', office: undefined as never }));
    expect(decision.competent).toMatchObject({ status: 'undetermined', level: null, candidates: ['central', 'province'] });
    expect(['case-fact', 'levels']).toContain(decision.competent.status === 'undetermined' ? decision.competent.reasonClass : '');
  });

  it.each([
    ['2025-07-01', 'commune', 'refuse'],
    ['2025-11-14', 'commune', 'refuse'],
    ['2025-11-15', 'province', 'receive-and-transfer'],
  ])('applies the Hanoi timeline on %s: filing scope %s, another commune office does %s', (asOf, scope, action) => {
    const decision = router.route(request({ office: NGOC_HA, asOf, receivedAt: `${asOf}T09:00:00+07:00` }));
    expect(decision.filingScope).toBe(scope);
    expect(decision.office.action).toBe(action);
  });

  it('knows no unit before the two-level reorganisation of 1 July 2025', () => {
    expect(() => router.route(request({ asOf: '2025-06-30', receivedAt: '2025-06-30T09:00:00+07:00' }))).toThrow(/not in force on 2025-06-30/);
  });

  it('writes a receipt that identifies the data, the calendar and the library', () => {
    const { receipt } = router.route(request({}));
    expect(receipt.catalogHash).toBe(dataset.catalog.contentHash);
    expect(receipt.rulesHash).toBe(dataset.rules.hash);
    expect(receipt.calendarVersion).toBe(dataset.calendar.version);
    expect(receipt).toMatchObject({ asOf: '2026-02-12', receivedAt: '2026-02-12T10:00:00+07:00' });
  });

  it('takes the as-of date from the receipt time in Vietnam, not the host zone', () => {
    // 23:30 UTC on 11 February is 06:30 on 12 February in Vietnam.
    expect(router.route(request({ receivedAt: '2026-02-11T23:30:00Z' })).receipt.asOf).toBe('2026-02-12');
  });

  it.each([
    [{ procedure: '9.999999' }, 'UNKNOWN_PROCEDURE'],
    [{ office: '99999' }, 'UNKNOWN_UNIT'],
    [{ residence: '00001' }, 'UNKNOWN_UNIT'],
    [{ receivedAt: '2026-02-12 10:00' }, 'INVALID_ARGUMENT'],
    [{ channel: 'fax' as never }, 'INVALID_ARGUMENT'],
    [{ office: undefined as never }, 'INVALID_ARGUMENT'],
    [{ office: '0004' }, 'INVALID_ARGUMENT'],
    [{ office: '0000x' }, 'INVALID_ARGUMENT'],
    [{ residence: 4 as never }, 'INVALID_ARGUMENT'],
    [{ residence: '١٢' }, 'INVALID_ARGUMENT'],
    [{ receivedAt: '2026-02-30T10:00:00+07:00' }, 'INVALID_ARGUMENT'],
    [{ receivedAt: '2026-02-12T24:00:00+07:00' }, 'INVALID_ARGUMENT'],
    [{ asOf: '2026-2-12' }, 'INVALID_ARGUMENT'],
  ])('rejects %o with %s', (overrides, code) => {
    let caught: unknown;
    try {
      router.route(request(overrides));
    } catch (error) {
      caught = error;
    }
    expect(isTthcError(caught)).toBe(true);
    expect((caught as { code: string }).code).toBe(code);
  });

  it('does not mutate the request and returns a frozen decision', () => {
    const input = request({ pauses: [{ from: '2026-02-23T08:00:00+07:00', to: '2026-02-24T17:00:00+07:00' }] });
    const copy = structuredClone(input);
    const decision = router.route(input);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(decision)).toBe(true);
    expect(Object.isFrozen(decision.explanation.applied)).toBe(true);
  });

  it('gives the same due date as computeDueDate for every resolved deadline (property)', () => {
    const procedures = dataset.catalog.procedures.filter((procedure) => procedure.channels.online?.deadline.status === 'resolved');
    fc.assert(
      fc.property(
        fc.constantFrom(...procedures),
        fc.integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2027, 11, 1) }),
        (procedure, instant) => {
          const receivedAt = new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
          const decision = router.route({ procedure: procedure.code, channel: 'online', residence: BA_DINH, receivedAt });
          // The deadline in force (the record's, or an override's): the decision's due date is computeDueDate's for it.
          const deadline = decision.deadline;
          if (deadline.status !== 'resolved' || decision.office.action === 'refuse') return;
          const province = decision.competent.unit?.level === 'commune' ? '01' : decision.competent.unit?.code;
          const due = computeDueDate(dataset.calendar, {
            receivedAt,
            // A staged deadline's later periods too (an override's: complaints, refunds).
            deadline: { value: deadline.value, unit: deadline.unit, ...(deadline.followedBy === undefined ? {} : { followedBy: deadline.followedBy }) },
            ...(province === undefined ? {} : { province }),
          });
          expect(decision.dueDate).toBe(due.dueDate);
          expect(decision.dueAt).toBe(due.dueAt);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('gives the same due date as `tthc due` for the same receipt time and deadline', async () => {
    const routed = await cli(['route', PERMANENT_RESIDENCE, '--channel', 'in-person', '--office', BA_DINH, '--residence', BA_DINH, '--received', '2026-02-12T10:00:00+07:00', '--format', 'json']);
    const due = await cli(['due', '--received', '2026-02-12T10:00:00+07:00', '--deadline', '7 working-days', '--format', 'json']);
    expect(routed.code).toBe(0);
    expect(due.code).toBe(0);
    const decision = JSON.parse(routed.out) as { dueDate: string; dueAt: string };
    const computed = JSON.parse(due.out) as { dueDate: string; dueAt: string };
    expect(decision.dueDate).toBe(computed.dueDate);
    expect(decision.dueAt).toBe(computed.dueAt);
  });

  it('exits 1 with a clear message for an unknown procedure code on the command line', async () => {
    const result = await cli(['route', '9.999999', '--channel', 'online', '--received', '2026-02-12T10:00:00+07:00']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('tthc route: unknown procedure code "9.999999"; see "tthc stats" or the catalogue\n');
  });

  it('refuses a stats date that does not exist as a usage error', async () => {
    const result = await cli(['stats', '--as-of', '2026-02-30']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--as-of must be a date YYYY-MM-DD that exists; got "2026-02-30"');
  });
});

describe('a civil-status dossier a commune helps file online (Decree 120/2025 Art. 5(1))', () => {
  it('runs on the online channel\'s deadline, since it is filed online', async () => {
    const { createTestRouter } = await import('../src/testing/router.js');
    // In person 3 working days, online 5: a commune of another province helps file it online.
    const test = createTestRouter(router.data, {
      procedures: [{ code: '9.000120', sector: 'Hộ tịch', levels: ['commune'], deadlines: { 'in-person': { value: 3, unit: 'working-days' }, online: { value: 5, unit: 'working-days' } } }],
    });
    const request: RouteRequest = { procedure: '9.000120', channel: 'in-person', office: '00004', residence: '16681', receivedAt: '2026-03-02T09:00:00+07:00' };
    const helped = test.route(request);
    expect(helped.office.action).toBe('assist-online');
    expect(helped.deadline).toMatchObject({ status: 'resolved', value: 5, unit: 'working-days' });
    expect(helped.dueDate).toBe('2026-03-09');
    // At the competent commune itself it is received in person, on the in-person deadline.
    const atHome = test.route({ ...request, office: '16681' });
    expect(atHome.office.action).toBe('process');
    expect(atHome.deadline).toMatchObject({ status: 'resolved', value: 3, unit: 'working-days' });
  });
});

describe("a dossier's own case of a deadline that names cases (deadlineVariant)", () => {
  const INVESTMENT = '1.009664'; // 10 working days for cases (1) and (4), 5 for cases (2) and (3)
  // No default: 5 working days for a citizen already in the population database; the other case's 30 is read both as
  // working days and as days (case-readings.yaml), so it is not dated.
  const RESIDENCE_DECLARATION = '1.010040';
  const investment = (overrides: Partial<RouteRequest>): RouteRequest => ({ procedure: INVESTMENT, channel: 'in-person', office: '01', residence: BA_DINH, receivedAt: '2026-03-02T10:00:00+07:00', ...overrides });

  it("runs on the chosen case's period, saying which case, the other cases still listed", () => {
    const base = router.route(investment({}));
    expect(base.deadline).toMatchObject({ status: 'resolved', value: 10, unit: 'working-days' });
    expect(base.dueDate).toBe('2026-03-16');
    const decision = router.route(investment({ deadlineVariant: 0 }));
    expect(decision.deadline).toMatchObject({ status: 'resolved', value: 5, unit: 'working-days', source: 'catalogue', raw: base.deadline.status === 'resolved' ? base.deadline.raw : '' });
    expect(decision.deadline.status === 'resolved' ? decision.deadline.variant : undefined).toEqual({ index: 0, condition: expect.stringContaining('trường hợp (2) và (3)') });
    expect(decision.deadline.status === 'resolved' ? decision.deadline.variants : undefined).toEqual(base.deadline.status === 'resolved' ? base.deadline.variants : null);
    expect(decision.dueDate).toBe('2026-03-09');
    expect(Object.isFrozen(decision.deadline) && Object.isFrozen(decision.deadline.status === 'resolved' ? decision.deadline.variant : null)).toBe(true);
  });

  it('gives a due date to a deadline with no default case once the case is known', () => {
    const request: RouteRequest = { procedure: RESIDENCE_DECLARATION, channel: 'in-person', office: BA_DINH, residence: BA_DINH, receivedAt: '2026-03-02T10:00:00+07:00' };
    const unknown = router.route(request);
    expect(unknown.deadline).toMatchObject({ status: 'unresolved', reason: 'conditional' });
    expect(unknown.dueDate).toBeNull();
    const variants = unknown.deadline.status === 'unresolved' ? unknown.deadline.variants! : [];
    expect(variants.map((variant) => `${variant.value} ${variant.unit}`)).toEqual(['5 working-days']);
    const known = router.route({ ...request, deadlineVariant: 0 });
    expect(known.deadline).toMatchObject({ status: 'resolved', value: 5, unit: 'working-days', variant: { index: 0, condition: variants[0]!.condition } });
    expect(known.dueDate).toBe(computeDueDate(dataset.calendar, { receivedAt: request.receivedAt, deadline: { value: 5, unit: 'working-days' }, province: '01' }).dueDate);
    expect(() => router.route({ ...request, deadlineVariant: 1 })).toThrow(/has 1 case \(0\), got 1/);
  });

  it('computes every case of every procedure as the calendar computes its period', () => {
    // Differential: the routed due date of any case equals computeDueDate on the case's period, for any receipt time.
    const withCases = dataset.catalog.procedures.flatMap((procedure) =>
      (['online', 'post'] as const).flatMap((channel) => {
        const deadline = procedure.channels[channel]?.deadline;
        return deadline !== undefined && deadline.status !== 'not-applicable' && deadline.variants !== undefined ? [{ code: procedure.code, channel }] : [];
      }),
    );
    expect(withCases.length).toBeGreaterThan(50);
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...withCases), fc.nat(), fc.integer({ min: 0, max: 500 * 24 * 60 }), ({ code, channel }, pick, minutes) => {
        const receivedAt = new Date(Date.UTC(2025, 6, 1, 0, 0) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
        const request: RouteRequest = { procedure: code, channel, residence: BA_DINH, receivedAt };
        // The cases as the decision without one lists them (the deadline in force on that date).
        const listed = router.route(request).deadline;
        // Cases of a deadline with a base, or without a default; not those quoted beside contradictory texts.
        const variants = listed.status === 'resolved' || (listed.status === 'unresolved' && listed.reason === 'conditional') ? listed.variants : undefined;
        if (variants === undefined) return;
        const index = pick % variants.length;
        const decision = router.route({ ...request, deadlineVariant: index });
        const variant = variants[index]!;
        if (decision.deadline.status === 'unresolved') {
          // A record's case counted from another event than receipt is never dated at receipt.
          expect(decision.deadline.reason).toMatch(new RegExp(`^case \\[${index}\\] of the request \\(.+\\) is counted "kể từ [^"]+", not from receipt`));
          expect(variant.condition).toContain('kể từ');
          expect(decision.dueDate).toBeNull();
          return;
        }
        expect(decision.deadline).toMatchObject({ status: 'resolved', value: variant.value, unit: variant.unit, variant: { index, condition: variant.condition } });
        if (decision.dueDate === null) return;
        const period = { value: variant.value, unit: variant.unit, ...(variant.followedBy === undefined ? {} : { followedBy: variant.followedBy }) };
        expect(decision.dueDate).toBe(referenceDueDate(dataset, decision, receivedAt, period));
        compared += 1;
      }),
      { numRuns: 300 },
    );
    // Most draws must reach the comparison, or the property would hold by skipping.
    expect(compared).toBeGreaterThan(150);
  });

  it("gives no due date for a record's case counted from another event than receipt, naming the event", () => {
    // 1.000660: 10 working days; "Trường hợp quyết định công bố: trong thời hạn 03 ngày làm việc kể từ ngày kết thúc kiểm tra".
    const decision = router.route({ procedure: '1.000660', channel: 'online', residence: BA_DINH, receivedAt: '2026-07-02T10:00:00+07:00', deadlineVariant: 0 });
    expect(decision.deadline).toMatchObject({ status: 'unresolved', reason: 'case [0] of the request (3 working-days) is counted "kể từ ngày kết thúc kiểm tra", not from receipt, so its due date is not known at receipt', variants: [{ value: 3 }] });
    expect(decision.deadline.status === 'unresolved' ? decision.deadline.reasonVi : '').toContain('không tính từ ngày tiếp nhận hồ sơ');
    expect(decision.dueDate).toBeNull();
    // An override's case states its period from receipt (a refund checked later: 9 working days).
    expect(router.route({ procedure: '1.007037', channel: 'online', residence: BA_DINH, receivedAt: '2026-07-02T10:00:00+07:00', deadlineVariant: 0 }).deadline).toMatchObject({ status: 'resolved', value: 9, unit: 'working-days' });
  });

  it('refuses a case the deadline does not name, and a malformed index, saying what it expected', () => {
    const refused = (request: RouteRequest): string => {
      try {
        router.route(request);
      } catch (error) {
        if (isTthcError(error) && error.code === 'INVALID_ARGUMENT') return error.message;
      }
      return 'no error';
    };
    expect(refused(investment({ deadlineVariant: 1 }))).toBe('deadlineVariant: the in-person deadline of 1.009664 has 1 case (0), got 1');
    expect(refused(request({ deadlineVariant: 0 }))).toBe('deadlineVariant: the in-person deadline of 1.004222 names no cases (no variants); leave deadlineVariant out');
    for (const bad of [-1, 1.5, Number.NaN, '0', null]) {
      expect(refused(investment({ deadlineVariant: bad as unknown as number }))).toMatch(/^deadlineVariant: expected the index \(0, 1, \.\.\.\) of a case in the decision's deadline\.variants, got /);
    }
  });

  it('refuses a case when a rule sets the deadline whatever the case, or when the deadline is unresolved for another reason', async () => {
    const { createTestRouter } = await import('../src/testing/router.js');
    const rule = (id: string, params: Record<string, unknown>) => ({
      id, description: { vi: 'Quy tắc thử.', en: 'A test rule.' }, legalBasis: [{ document: 'test' }], validFrom: '2025-07-01', priority: 900,
      conditions: { all: [{ fact: 'procedure', path: '$.code', operator: 'in', value: [INVESTMENT, '1.004335'] }] },
      event: { type: 'deadline', params },
    });
    const overriding = createTestRouter(router.data, { rules: [rule('test.deadline.override', { override: { value: 3, unit: 'working-days' } })], keepBaseRules: true });
    expect(overriding.route(investment({})).deadline).toMatchObject({ status: 'resolved', value: 3, source: 'rule' });
    expect(() => overriding.route(investment({ deadlineVariant: 0 }))).toThrow(/^deadlineVariant: a routing rule \(test\.deadline\.override\) sets the in-person deadline of 1\.009664 whatever the case/);
    // A rule that adds days to a staged case cannot say to which stage: unresolved, naming the case, the cases kept.
    const adding = createTestRouter(router.data, { rules: [rule('test.deadline.adjust', { adjust: { add: { value: 5, unit: 'calendar-days' } } })], keepBaseRules: true });
    const complaint = adding.route({ procedure: '1.004335', channel: 'in-person', office: BA_DINH, residence: BA_DINH, receivedAt: '2026-07-02T10:00:00+07:00', deadlineVariant: 0 });
    expect(complaint.deadline).toMatchObject({ status: 'unresolved', reason: expect.stringContaining('(case [0] of the request)'), variants: [{ value: 10 }, { value: 10 }] });
    expect(complaint.dueDate).toBeNull();
    // Cases quoted beside texts that contradict each other have no known start: never dated apart.
    const contradictory = dataset.catalog.procedures.find((procedure) => {
      const deadline = procedure.channels.online?.deadline;
      return deadline?.status === 'unresolved' && deadline.reason === 'contradictory' && deadline.variants !== undefined;
    })!;
    expect(() => router.route({ procedure: contradictory.code, channel: 'online', residence: BA_DINH, receivedAt: '2026-03-02T10:00:00+07:00', deadlineVariant: 0 })).toThrow(/is unresolved \(contradictory\), so its cases cannot be dated apart/);
  });

  it('takes the case from the command line, and refuses a flag that is not an index as a usage error', async () => {
    const args = ['route', INVESTMENT, '--channel', 'in-person', '--office', '01', '--residence', BA_DINH, '--received', '2026-03-02T10:00:00+07:00'];
    const chosen = await cli([...args, '--deadline-variant', '0']);
    expect(chosen.code).toBe(0);
    expect(chosen.out).toMatch(/case of this dossier: \[0\] Đối với trường hợp \(2\) và \(3\)/);
    expect(chosen.out).toContain('Due       2026-03-09');
    const bad = await cli([...args, '--deadline-variant', 'first']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--deadline-variant must be a whole number of 0 or more; got "first"');
  });
});
