/**
 * Overrides (catalog/overrides): selection, validity, conflicts, and the deadline in force for a channel on a date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { catalogStats, getChannelDeadline, getCompetence } from '../src/catalog/catalog.js';
import { deadlineEpochs } from '../src/catalog/overrides.js';
import { buildFromTexts } from './_catalog-load.js';

const SOURCE = [{ dataset: 'local', origin: 'test', licence: 'test' }];

function procedure(code: string, name: string, sector: string, channels: Record<string, unknown>) {
  return { code, name, ministry: 'Bộ Tư pháp', sector, levels: ['commune'], applicants: [], legalBasis: [], result: [], channels, source: { dataset: 'local' } };
}

const bareOne = { deadline: { status: 'unresolved', raw: '1', reason: 'no-unit', basis: [{ source: 'cell', text: '1' }] } };
const fiveDays = { deadline: { status: 'resolved', value: 5, unit: 'working-days', raw: '5 Ngày làm việc' } };
const oneHour = { deadline: { status: 'resolved', value: 1, unit: 'working-hours', raw: '1 Giờ' } };

const PROCEDURES = {
  file: 'catalog/procedures/test.yaml',
  text: stringify({
    kind: 'procedures',
    source: SOURCE,
    procedures: [
      procedure('1.000001', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', { 'in-person': bareOne, online: bareOne }),
      procedure('1.000002', 'Thủ tục đăng ký kết hôn', 'Hộ tịch', { 'in-person': fiveDays }),
      procedure('1.000003', 'Tàu biển nhập cảnh', 'Hàng hải', { 'in-person': oneHour }),
    ],
  }),
};

function overrides(list: unknown[]) {
  return { file: 'catalog/overrides/test.yaml', text: stringify({ kind: 'overrides', overrides: list }) };
}

const citation = [{ document: 'Luật Hộ tịch 60/2014/QH13', article: 'Điều 16 khoản 2' }];
const sameDay = (extra: Record<string, unknown> = {}) => ({
  id: 'birth.same-day',
  description: { vi: 'Đăng ký khai sinh ngay trong ngày.', en: 'Birth registration the same day.' },
  select: { codes: ['1.000001'] },
  validFrom: '2016-01-01',
  legalBasis: citation,
  confidence: 'high',
  deadline: { value: 0, unit: 'same-day' },
  ...extra,
});

const build = (...list: unknown[]) => buildFromTexts([PROCEDURES, overrides(list)]);

describe('overrides', () => {
  it.each([
    [{ status: 'unresolved', reason: 'contradictory', why: 'chỉ tiếng Việt' }, 'SCHEMA_INVALID_TYPE', ['why']],
    [{ status: 'not-applicable', reason: 'x' }, 'SCHEMA_INVALID_TYPE', ['reason']],
    [{ value: 5, unit: 'fortnights' }, 'SCHEMA_INVALID_VALUE', ['unit']],
    [{ status: 'unresolvd', reason: 'contradictory', why: { vi: 'a', en: 'b' } }, 'SCHEMA_INVALID_VALUE', ['status']],
    // Without its status, as likely a not-applicable as a resolved deadline: the union itself, not one shape's errors.
    [{ reason: { vi: 'a', en: 'b' } }, 'SCHEMA_INVALID_VALUE', []],
  ])('report a wrong deadline %j inside the shape it was meant to have', (deadline, code, at) => {
    const errors = build(sameDay({ deadline })).issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.path.slice(3)])).toEqual([[code, at]]);
  });

  it('give each variant condition in both languages, and refuse one in a single language at its line', () => {
    const variant = { value: 5, unit: 'working-days', condition: { vi: 'Trường hợp cần xác minh: 05 ngày làm việc.', en: 'When it must be verified: 5 working days.' } };
    const { catalog, issues } = build(sameDay({ deadline: { value: 0, unit: 'same-day', variants: [variant] } }));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2026-03-03')).toMatchObject({
      variants: [{ value: 5, unit: 'working-days', condition: 'Trường hợp cần xác minh: 05 ngày làm việc.', conditionEn: 'When it must be verified: 5 working days.' }],
    });
    const vietnameseOnly = build(sameDay({ deadline: { value: 0, unit: 'same-day', variants: [{ ...variant, condition: variant.condition.vi }] } }));
    const errors = vietnameseOnly.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'SCHEMA_INVALID_TYPE', file: 'catalog/overrides/test.yaml', path: [ 'overrides', 0, 'deadline', 'variants', 0, 'condition'] });
    expect(errors[0]!.line).toBeGreaterThan(0);
  });

  it('replace the record\'s deadline on the dates they are in force, and name themselves with their legal basis', () => {
    const { catalog, issues } = build(sameDay({ validTo: '2030-12-31' }));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2026-03-03')).toMatchObject({
      status: 'resolved',
      value: 0,
      unit: 'same-day',
      raw: '1',
      basis: [{ source: 'cell', text: '1' }],
      override: { id: 'birth.same-day', legalBasis: citation, confidence: 'high', file: 'catalog/overrides/test.yaml' },
    });
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2015-12-31')).toMatchObject({ status: 'unresolved', reason: 'no-unit' });
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2031-01-01')).toMatchObject({ status: 'unresolved' });
  });

  it('apply to the listed channels only', () => {
    const { catalog } = build(sameDay({ channels: ['online'] }));
    expect(getChannelDeadline(catalog, '1.000001', 'online', '2026-01-01')).toMatchObject({ unit: 'same-day' });
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2026-01-01')).toMatchObject({ status: 'unresolved' });
  });

  it('select by sector and words of the name, normalised', () => {
    const { catalog } = build(sameDay({ select: { sector: 'HỘ TỊCH', nameContains: ['khai sinh'] } }));
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2026-01-01')).toMatchObject({ unit: 'same-day' });
    expect(getChannelDeadline(catalog, '1.000002', 'in-person', '2026-01-01')).toMatchObject({ value: 5, unit: 'working-days' });
  });

  it('with replaces: unresolved, leave a deadline the record states alone', () => {
    const { catalog } = build(sameDay({ select: { sector: 'Hộ tịch' }, replaces: 'unresolved' }));
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2026-01-01')).toMatchObject({ unit: 'same-day' });
    expect(getChannelDeadline(catalog, '1.000002', 'in-person', '2026-01-01')).toMatchObject({ value: 5, unit: 'working-days' });
  });

  it('read a bare "N Giờ" as elapsed hours, or refuse it a due date when the kind of hours is uncertain', () => {
    const hours = (value: string) => ({ id: `hours.${value}`, description: { vi: 'x' }, select: { codes: ['1.000003'] }, validFrom: '2020-01-01', legalBasis: citation, confidence: 'low', hours: value });
    expect(getChannelDeadline(build(hours('elapsed')).catalog, '1.000003', 'in-person', '2026-01-01')).toMatchObject({ status: 'resolved', value: 1, unit: 'hours' });
    expect(getChannelDeadline(build(hours('uncertain')).catalog, '1.000003', 'in-person', '2026-01-01')).toMatchObject({ status: 'unresolved', reason: 'ambiguous-hours' });
  });

  it('set not-applicable with the reason', () => {
    const { catalog } = build(sameDay({ deadline: { status: 'not-applicable', reason: { vi: 'tờ khai không có kết quả', en: 'a declaration with no result' } } }));
    expect(getChannelDeadline(catalog, '1.000001', 'online', '2026-01-01')).toMatchObject({
      status: 'not-applicable',
      raw: '1',
      override: { id: 'birth.same-day', reason: 'a declaration with no result', reasonVi: 'tờ khai không có kết quả', descriptionVi: 'Đăng ký khai sinh ngay trong ngày.' },
    });
  });

  it('mark a record\'s deadline unresolved, with the reason class and why, so no due date is printed from it', () => {
    const { catalog, issues } = build(sameDay({ deadline: { status: 'unresolved', reason: 'conditional', why: { vi: 'hai trường hợp của luật, được đọc thành hai cách thức', en: 'two cases of the law, read as two channels' } } }));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(getChannelDeadline(catalog, '1.000001', 'online', '2026-01-01')).toMatchObject({
      status: 'unresolved',
      reason: 'conditional',
      raw: '1',
      override: { id: 'birth.same-day', reason: 'two cases of the law, read as two channels', reasonVi: 'hai trường hợp của luật, được đọc thành hai cách thức' },
    });
  });

  it('give the cases of a deadline with no default, each with its condition, and refuse cases beside another reason', () => {
    const why = { vi: 'hai trường hợp, không có trường hợp mặc định', en: 'two cases, neither the default' };
    const cases = [
      { value: 5, unit: 'working-days', condition: { vi: 'Trường hợp cấp mới', en: 'A new licence' } },
      { value: 3, unit: 'working-days', followedBy: [{ value: 10, unit: 'calendar-days' }], condition: { vi: 'Trường hợp cấp lại', en: 'A re-issue' } },
    ];
    const { catalog, issues } = build(sameDay({ deadline: { status: 'unresolved', reason: 'conditional', why, variants: cases } }));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(getChannelDeadline(catalog, '1.000001', 'online', '2026-01-01')).toMatchObject({
      status: 'unresolved',
      reason: 'conditional',
      variants: [
        { value: 5, unit: 'working-days', condition: 'Trường hợp cấp mới', conditionEn: 'A new licence' },
        { value: 3, unit: 'working-days', followedBy: [{ value: 10, unit: 'calendar-days' }], condition: 'Trường hợp cấp lại', conditionEn: 'A re-issue' },
      ],
    });
    const listed = getChannelDeadline(catalog, '1.000001', 'online', '2026-01-01')!;
    const shown = listed.status === 'unresolved' ? listed.variants! : [];
    expect(Object.isFrozen(shown) && Object.isFrozen(shown[0]) && Object.isFrozen(shown[1])).toBe(true);
    const beside = build(sameDay({ deadline: { status: 'unresolved', reason: 'contradictory', why, variants: cases } }));
    const errors = beside.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.path.slice(3), issue.message])).toEqual([
      ['SCHEMA_INVALID_VALUE', ['variants'], expect.stringContaining('cases (variants) of an unresolved deadline need reason conditional')],
    ]);
    expect(errors[0]!.line).toBeGreaterThan(0);
    expect(errors[0]!.messageVi).toContain('chỉ dùng với reason conditional');
  });

  it('give frozen values, whether the record\'s or an override\'s', () => {
    const { catalog } = build(sameDay({ channels: ['online'] }));
    expect(Object.isFrozen(getChannelDeadline(catalog, '1.000001', 'online', '2026-01-01'))).toBe(true);
    expect(Object.isFrozen(getChannelDeadline(catalog, '1.000001', 'in-person', '2026-01-01'))).toBe(true);
  });

  it('ending on the last representable day open no epoch after it', () => {
    const { catalog, issues } = build(sameDay({ validTo: '9999-12-31' }));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2100-01-01')).toMatchObject({ status: 'resolved', unit: 'same-day' });
    expect(getChannelDeadline(catalog, '1.000001', 'in-person', '2015-12-31')).toMatchObject({ status: 'unresolved' });
    const procedure = catalog.index.procedureByCode.get('1.000001')!;
    expect(deadlineEpochs(catalog.index.overrides, procedure, 'in-person')?.map((epoch) => epoch.from)).toEqual([undefined, '2016-01-01']);
  });

  it('conflict on each field they share, not only the first', () => {
    const competence = { basis: 'any-office', body: { kind: 'people-committee', name: 'Ủy ban nhân dân cấp xã' }, level: 'commune' };
    const { issues } = build(
      sameDay({ channels: ['online'], competence }),
      sameDay({ id: 'other', channels: ['in-person'], competence: { ...competence, basis: 'residence' } }),
    );
    expect(issues.filter((issue) => issue.code === 'OVERRIDE_CONFLICT').map((issue) => issue.path.join('.'))).toEqual(['overrides.1.competence']);
  });

  it("keep the record's competence fields an override names in keep, and refuse one both kept or given twice at its line", () => {
    const recordCompetence = { basis: 'residence', body: { kind: 'department', name: 'Sở Xây dựng' }, level: 'province', basisText: [{ source: 'steps', text: 'nộp hồ sơ cho Sở Xây dựng' }], confidence: 'medium' };
    const procedures = (competence: unknown) => ({
      file: 'catalog/procedures/test.yaml',
      text: stringify({ kind: 'procedures', source: SOURCE, procedures: [{ ...procedure('1.000001', 'Cấp giấy phép', 'Hàng hải', { 'in-person': fiveDays }), levels: ['province', 'commune'], ...(competence === undefined ? {} : { competence }) }] }),
    });
    const placeOfCase = (competence: Record<string, unknown>) => ({ ...sameDay(), deadline: undefined, competence });
    const inForce = (record: unknown, competence: Record<string, unknown>) => {
      const built = buildFromTexts([procedures(record), overrides([placeOfCase(competence)])]);
      expect(built.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      return getCompetence(built.catalog, '1.000001', '2026-03-03')!;
    };
    const kept = inForce(recordCompetence, { basis: 'subject', keep: ['body', 'level'] });
    expect(kept).toEqual({ basis: 'subject', body: recordCompetence.body, level: 'province', confidence: 'high', override: expect.objectContaining({ id: 'birth.same-day' }) });
    expect(Object.isFrozen(kept) && Object.isFrozen(kept.body)).toBe(true);
    // A field not named stays out; one named that the record does not state stays absent; no record, nothing kept.
    expect(inForce(recordCompetence, { basis: 'subject', keep: ['body'] })).not.toHaveProperty('level');
    expect(inForce(recordCompetence, { basis: 'subject', keep: ['undetermined'] })).not.toHaveProperty('undetermined');
    expect(inForce(undefined, { basis: 'subject', keep: ['body', 'level'] })).toEqual({ basis: 'subject', confidence: 'high', override: expect.objectContaining({ id: 'birth.same-day' }) });
    // Without keep, the override's competence is all there is.
    expect(inForce(recordCompetence, { basis: 'subject' })).not.toHaveProperty('body');
    const refused = (competence: Record<string, unknown>) =>
      buildFromTexts([procedures(recordCompetence), overrides([placeOfCase(competence)])]).issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.path.join('.'), issue.line, issue.message, issue.messageVi]);
    // The issue points at the list itself, the line under `keep:` in the block YAML stringify writes.
    const keepLine = stringify({ kind: 'overrides', overrides: [placeOfCase({ basis: 'subject', level: 'commune', keep: ['level'] })] }).split('\n').findIndex((line) => line.trimStart().startsWith('keep:')) + 2;
    expect(refused({ basis: 'subject', level: 'commune', keep: ['level'] })).toEqual([
      ['SCHEMA_INVALID_VALUE', 'overrides.0.competence.keep', keepLine, 'a field of the competence is both kept from the record (keep) and given: give it or keep it', 'một trường của competence vừa được giữ theo hồ sơ công bố (keep) vừa được nêu: chỉ nêu hoặc chỉ giữ'],
    ]);
    expect(refused({ basis: 'subject', keep: ['level', 'level'] }).map(([code, path, , message, messageVi]) => [code, path, message, messageVi])).toEqual([
      ['SCHEMA_INVALID_VALUE', 'overrides.0.competence.keep', 'each field may be kept once', 'mỗi trường chỉ được giữ một lần'],
    ]);
  });

  it('report unknown codes, empty selections, conflicts, overrides that change nothing and impossible dates', () => {
    const { issues } = build(
      sameDay({ select: { codes: ['1.000001', '9.999999'] } }),
      sameDay({ id: 'birth.again', select: { codes: ['1.000001'] }, validFrom: '2020-01-01' }),
      sameDay({ id: 'nothing', select: { sector: 'Không có' } }),
      sameDay({ id: 'no-effect', select: { codes: ['1.000002'] }, channels: ['post'] }),
      sameDay({ id: 'bad-date', validFrom: '2026-02-30' }),
      sameDay({ id: 'backwards', validFrom: '2026-01-01', validTo: '2025-01-01' }),
    );
    expect(issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['OVERRIDE_UNKNOWN_PROCEDURE', 'overrides.0.select.codes.1'],
        ['OVERRIDE_CONFLICT', 'overrides.1.deadline'],
        ['OVERRIDE_SELECTS_NOTHING', 'overrides.2.select'],
        ['OVERRIDE_NO_EFFECT', 'overrides.3.channels'],
        ['INVALID_DATE', 'overrides.4.validFrom'],
        ['INVALID_INTERVAL', 'overrides.5.validTo'],
      ]),
    );
    expect(issues.find((issue) => issue.code === 'OVERRIDE_CONFLICT')?.severity).toBe('error');
    expect(issues.every((issue) => issue.line !== undefined)).toBe(true);
  });

  it('do not conflict when their dates do not overlap', () => {
    const { issues } = build(sameDay({ validTo: '2019-12-31' }), sameDay({ id: 'later', validFrom: '2020-01-01', deadline: { value: 1, unit: 'working-days' } }));
    expect(issues.filter((issue) => issue.code === 'OVERRIDE_CONFLICT')).toEqual([]);
  });

  it('are counted in stats, and unresolved-deadline warnings reflect them', () => {
    const { catalog, issues } = build(sameDay());
    expect(catalogStats(catalog)).toMatchObject({ overrides: 1, unresolvedDeadlines: 0, byDeadlineBasis: { override: 2, none: 2 } });
    expect(issues.filter((issue) => issue.code === 'DEADLINE_UNRESOLVED')).toEqual([]);
    const without = buildFromTexts([PROCEDURES]);
    expect(without.issues.filter((issue) => issue.code === 'DEADLINE_UNRESOLVED')).toHaveLength(2);
  });

  it('count as dated by case the conditional deadlines with a case counted from receipt, and no other', () => {
    const condition = 'Trường hợp cấp mới';
    const unresolved = (reason: string, variants: Record<string, unknown>[]) => ({ deadline: { status: 'unresolved', raw: 'x', reason, basis: [{ source: 'cell', text: 'x' }], variants } });
    const fromReceipt = { value: 5, unit: 'working-days', condition };
    const later = { value: 3, unit: 'working-days', condition: 'kể từ ngày kết thúc kiểm tra', countedFrom: 'kể từ ngày kết thúc kiểm tra' };
    const procedures = {
      file: 'catalog/procedures/cases.yaml',
      text: stringify({
        kind: 'procedures',
        source: SOURCE,
        procedures: [
          procedure('1.000011', 'Thủ tục A', 'Hộ tịch', { 'in-person': unresolved('conditional', [fromReceipt, later]), online: unresolved('conditional', [later]) }),
          procedure('1.000012', 'Thủ tục B', 'Hộ tịch', { 'in-person': unresolved('contradictory', [fromReceipt]) }),
        ],
      }),
    };
    const stats = catalogStats(buildFromTexts([procedures]).catalog);
    expect(stats.byUnresolvedReason).toEqual({ conditional: 2, contradictory: 1 });
    // In person has a case counted from receipt; online only one counted from a later event; the contradictory one is not a case list.
    expect(stats.datedByCase).toBe(1);
  });

  it('are refused by the JSON Schema editors use where validation refuses them: cases beside a reason other than conditional', () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/overrides.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const file = (deadline: unknown) => ({ kind: 'overrides', overrides: [sameDay({ deadline })] });
    const why = { vi: 'hai trường hợp', en: 'two cases' };
    const cases = [{ value: 5, unit: 'working-days', condition: { vi: 'Trường hợp cấp mới', en: 'A new licence' } }];
    expect(validate(file({ status: 'unresolved', reason: 'conditional', why, variants: cases })), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(file({ status: 'unresolved', reason: 'contradictory', why }))).toBe(true);
    expect(validate(file({ status: 'unresolved', reason: 'contradictory', why, variants: cases }))).toBe(false);
    // A competence field kept from the record and given too, or kept twice.
    const competence = (value: unknown) => ({ kind: 'overrides', overrides: [{ ...sameDay(), deadline: undefined, competence: value }] });
    expect(validate(competence({ basis: 'subject', keep: ['body', 'level'] })), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(competence({ basis: 'subject', level: 'commune', keep: ['level'] }))).toBe(false);
    expect(validate(competence({ basis: 'subject', keep: ['level', 'level'] }))).toBe(false);
    // Every shipped overrides file passes it.
    const dir = new URL('../catalog/overrides/', import.meta.url);
    for (const name of readdirSync(dir)) expect(validate(parse(readFileSync(new URL(name, dir), 'utf8'))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('change the catalogue hash', () => {
    expect(build(sameDay()).catalog.contentHash).not.toBe(buildFromTexts([PROCEDURES]).catalog.contentHash);
  });
});
