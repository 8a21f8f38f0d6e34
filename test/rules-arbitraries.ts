/** fast-check generators of realistic routing facts and of random valid rules, shared by the differential and equivalence tests. */
import fc from 'fast-check';
import { CHANNELS, PROCEDURE_LEVELS, APPLICANT_TYPES } from '../src/rules/index.js';
import type { Condition, LeafCondition, Rule, RoutingFacts, RuleEffect } from '../src/rules/index.js';

const POOLS = {
  'procedure-code': ['1.001193', '2.000528', '1.000894', '1.004222', '2.000806'],
  text: ['Hộ tịch', 'Đất đai', 'Văn hóa', 'Người có công', 'Thuế', 'Công dân Việt Nam'],
  unit: ['00004', '00091', '00103', '26734', '01', '79'],
  province: ['01', '79', '48'],
  date: ['2025-06-30', '2025-07-01', '2025-08-14', '2025-08-15', '2025-11-17', '2025-11-18', '2026-02-12', '2027-02-28', '2027-03-01'],
  datetime: ['2026-02-12T10:00:00+07:00', '2026-02-12T16:30:00+07:00'],
  level: [...PROCEDURE_LEVELS],
  channel: [...CHANNELS],
  'applicant-type': [...APPLICANT_TYPES],
} as const;

const maybe = <T>(arb: fc.Arbitrary<T>, freq = 5): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq });
const from = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * What a request may change without leaving its class (the channel, asOf, province and the procedure's levels and
 * channels stay): the procedure's code and sector, the office's unit and level, the residence, the applicant.
 */
export const classVariantArbitrary = fc.record({
  code: from(POOLS['procedure-code']),
  sector: maybe(from(POOLS.text), 8),
  officeUnit: maybe(from(POOLS.unit), 10),
  officeLevel: from(['province', 'commune'] as const),
  residenceUnit: from(POOLS.unit),
  residenceProvince: maybe(from(POOLS.province), 10),
  applicant: maybe(from(POOLS['applicant-type'])),
  receivedAt: from(POOLS.datetime),
});

/** A request of the same class as `base` (see classVariantArbitrary), as a fresh deeply frozen object. */
export function classVariant(base: RoutingFacts, variant: typeof classVariantArbitrary extends fc.Arbitrary<infer V> ? V : never): RoutingFacts {
  const facts = structuredClone(base) as { -readonly [K in keyof RoutingFacts]: unknown } & Record<string, unknown>;
  const procedure = facts.procedure as Record<string, unknown>;
  procedure['code'] = variant.code;
  if (variant.sector === undefined) delete procedure['sector'];
  else procedure['sector'] = variant.sector;
  const office = facts.office as Record<string, unknown> | undefined;
  if (office !== undefined) {
    if (variant.officeUnit === undefined) delete office['unit'];
    else office['unit'] = variant.officeUnit;
    office['level'] = variant.officeLevel;
  }
  const residence = facts.residence as Record<string, unknown> | undefined;
  if (residence !== undefined) {
    residence['unit'] = variant.residenceUnit;
    // Without an office the residence's province is the request's province, which the class keeps.
    if (office !== undefined) {
      if (variant.residenceProvince === undefined) delete residence['province'];
      else residence['province'] = variant.residenceProvince;
    }
  }
  if (variant.applicant === undefined) delete facts['applicant'];
  else facts['applicant'] = { type: variant.applicant };
  facts['receivedAt'] = variant.receivedAt;
  return deepFreezeFacts(facts as unknown as RoutingFacts);
}

function deepFreezeFacts<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreezeFacts(child);
    Object.freeze(value);
  }
  return value;
}

/** Requests drawn from realistic values, with missing facts and paths and equal values across facts. */
export const factsArbitrary: fc.Arbitrary<RoutingFacts> = fc
  .record({
    procedure: fc.record({
      code: from(POOLS['procedure-code']),
      name: fc.constant('Thủ tục'),
      ministry: fc.constant('Bộ Tư pháp'),
      sector: maybe(from(POOLS.text), 8),
      levels: maybe(fc.subarray([...PROCEDURE_LEVELS]), 10),
      competentAuthority: fc.constant('UBND cấp xã'),
      implementingAuthority: fc.constant('UBND cấp xã'),
      channels: fc.subarray([...CHANNELS]),
      applicants: fc.subarray(['Công dân Việt Nam', 'Doanh nghiệp']),
    }),
    office: maybe(fc.record({ unit: maybe(from(POOLS.unit), 10), level: from(['province', 'commune'] as const), province: maybe(from(POOLS.province), 10) })),
    residence: maybe(fc.record({ unit: from(POOLS.unit), province: maybe(from(POOLS.province), 10) })),
    applicant: maybe(fc.record({ type: from(POOLS['applicant-type']) })),
    channel: maybe(from(POOLS.channel), 10),
    receivedAt: from(POOLS.datetime),
    asOf: from(POOLS.date),
  })
  .map((raw) => {
    const procedure = withoutUndefined(raw.procedure);
    const office = raw.office === undefined ? undefined : withoutUndefined(raw.office);
    const residence = raw.residence === undefined ? undefined : withoutUndefined(raw.residence);
    return withoutUndefined({ ...raw, procedure, office, residence }) as unknown as RoutingFacts;
  });

type Field = { fact: LeafCondition['fact']; path?: string; domain: keyof typeof POOLS | 'count'; list?: boolean; number?: boolean };
const FIELDS: Field[] = [
  { fact: 'procedure', path: '$.code', domain: 'procedure-code' },
  { fact: 'procedure', path: '$.sector', domain: 'text' },
  { fact: 'procedure', path: '$.levels', domain: 'level', list: true },
  { fact: 'procedure', path: '$.levelCount', domain: 'count', number: true },
  { fact: 'procedure', path: '$.channels', domain: 'channel', list: true },
  { fact: 'procedure', path: '$.applicants', domain: 'text', list: true },
  { fact: 'office', path: '$.unit', domain: 'unit' },
  { fact: 'office', path: '$.level', domain: 'level' },
  { fact: 'office', path: '$.province', domain: 'province' },
  { fact: 'residence', path: '$.unit', domain: 'unit' },
  { fact: 'residence', path: '$.province', domain: 'province' },
  { fact: 'applicant', path: '$.type', domain: 'applicant-type' },
  { fact: 'channel', domain: 'channel' },
  { fact: 'asOf', domain: 'date' },
  { fact: 'province', domain: 'province' },
  { fact: 'receivedAt', domain: 'datetime' },
];

function literal(field: Field): fc.Arbitrary<string | number> {
  if (field.number === true) return fc.integer({ min: 0, max: 4 });
  const pool = POOLS[field.domain as keyof typeof POOLS] as readonly string[];
  if (field.fact === 'office' && field.path === '$.level') return from(['province', 'commune']);
  if (field.fact === 'residence' && field.path === '$.unit') return from(pool.filter((unit) => unit.length === 5));
  return from(pool);
}

function reference(field: Field, scalarOnly: boolean): fc.Arbitrary<{ fact: LeafCondition['fact']; path?: string }> | undefined {
  const peers = FIELDS.filter((other) => other.domain === field.domain && other.list !== true && (scalarOnly || other.number === field.number));
  if (peers.length === 0) return undefined;
  return from(peers).map((peer) => (peer.path === undefined ? { fact: peer.fact } : { fact: peer.fact, path: peer.path }));
}

const leafArbitrary: fc.Arbitrary<LeafCondition> = from(FIELDS).chain((field) => {
  const base = field.path === undefined ? { fact: field.fact } : { fact: field.fact, path: field.path };
  const options: fc.Arbitrary<LeafCondition>[] = [];
  if (field.list === true) {
    const ref = reference({ ...field, list: false }, true);
    for (const operator of ['contains', 'doesNotContain'] as const) {
      options.push(literal(field).map((value) => ({ ...base, operator, value }) as LeafCondition));
      if (ref !== undefined) options.push(ref.map((value) => ({ ...base, operator, value }) as LeafCondition));
    }
    return fc.oneof(...options);
  }
  const ref = reference(field, false);
  for (const operator of ['equal', 'notEqual'] as const) {
    options.push(literal(field).map((value) => ({ ...base, operator, value }) as LeafCondition));
    if (ref !== undefined) options.push(ref.map((value) => ({ ...base, operator, value }) as LeafCondition));
  }
  for (const operator of ['in', 'notIn'] as const) {
    options.push(fc.uniqueArray(literal(field), { minLength: 1, maxLength: 3 }).map((value) => ({ ...base, operator, value }) as LeafCondition));
  }
  if (field.number === true) {
    for (const operator of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const) {
      options.push(literal(field).map((value) => ({ ...base, operator, value }) as LeafCondition));
    }
  }
  if (field.domain === 'date') {
    for (const operator of ['before', 'onOrBefore', 'after', 'onOrAfter'] as const) {
      options.push(literal(field).map((value) => ({ ...base, operator, value }) as LeafCondition));
    }
  }
  return fc.oneof(...options);
});

const { condition: conditionArbitrary } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('condition').map((not) => ({ not })),
  ),
}));

const effectArbitrary: fc.Arbitrary<RuleEffect> = fc.oneof(
  from(PROCEDURE_LEVELS).map((level) => ({ type: 'competent-level', params: { level } }) as const),
  from(['commune', 'province', 'nationwide'] as const).map((scope) => ({ type: 'filing-scope', params: { scope } }) as const),
  from(['process', 'refuse'] as const).map((action) => ({ type: 'office-action', params: { action, reason: { vi: 'lý do', en: 'r' } } }) as const),
);

/** Random valid rules (unique ids), with validity windows and scopes. */
export const rulesArbitrary: fc.Arbitrary<Rule[]> = fc
  .array(
    fc.record({
      root: fc.oneof(
        fc.array(conditionArbitrary, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
        fc.array(conditionArbitrary, { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
        conditionArbitrary.map((not) => ({ not })),
      ),
      validFrom: from(['2024-01-01', '2025-07-01', '2025-08-15']),
      validTo: maybe(from(['2025-11-18', '2027-03-01']), 2),
      scope: maybe(fc.uniqueArray(from(POOLS.province), { minLength: 1, maxLength: 2 }), 3),
      priority: fc.integer({ min: 0, max: 3 }),
      event: effectArbitrary,
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((items) =>
    items.map((item, index): Rule => ({
      id: `r${index}`,
      description: { vi: 'sinh ngẫu nhiên', en: 'generated' },
      legalBasis: [{ document: 'test' }],
      validFrom: item.validFrom,
      ...(item.validTo === undefined ? {} : { validTo: item.validTo }),
      ...(item.scope === undefined ? {} : { scope: { provinces: item.scope } }),
      priority: item.priority,
      conditions: item.root,
      event: item.event,
    })),
  );
