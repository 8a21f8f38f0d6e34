import { describe, expect, it } from 'vitest';
import {
  createRuleSet,
  decideParts,
  evaluateRules,
  listRuleCoverage,
  ruleSetHash,
} from '../src/rules/index.js';
import type { Rule, RoutingFacts } from '../src/rules/index.js';
import { BIRTH, SOCIAL_POLICY, checkTexts, facts, loadShippedRules } from './rules-helpers.js';

const header = `kind: rules
rules:
`;
function ruleYaml(id: string, body: string, priority = 10): string {
  return `  - id: ${id}
    description: { vi: quy tắc thử, en: test rule }
    legalBasis: { document: Decree 118/2025/NĐ-CP }
    validFrom: 2025-07-01
    priority: ${priority}
${body}`;
}
const onlineEvent = `    event: { type: filing-scope, params: { scope: nationwide } }
`;

function located(texts: Record<string, string>): string[] {
  return checkTexts(texts).issues.map((issue) => `${issue.file}:${issue.line}:${issue.column}: ${issue.code} ${issue.message}`);
}

describe('rule file checking', () => {
  it('accepts the shipped rules without any issue', () => {
    const { issues, rules } = loadShippedRules();
    expect(issues).toEqual([]);
    expect(rules.rules.length).toBeGreaterThan(20);
  });

  it('locates an unknown fact at its line and column', () => {
    const text = header + ruleYaml('a', `    conditions:
      all:
        - { fact: chanel, operator: equal, value: online }
`) + onlineEvent;
    expect(located({ 'x.yaml': text })).toEqual([
      'x.yaml:10:19: RULE_UNKNOWN_FACT unknown fact "chanel"; expected one of procedure, office, residence, subject, competentPlace, applicant, channel, receivedAt, asOf, province (did you mean "channel"?)',
    ]);
  });

  it('locates an unknown operator at its line and column', () => {
    const text = header + ruleYaml('a', `    conditions:
      all:
        - fact: channel
          operator: equals
          value: online
`) + onlineEvent;
    const [issue] = located({ 'x.yaml': text });
    expect(issue).toMatch(/^x\.yaml:11:21: RULE_UNKNOWN_OPERATOR unknown operator "equals"/);
  });

  it('locates an unknown effect type at the type value', () => {
    const text = header + ruleYaml('a', `    conditions:
      all:
        - { fact: channel, operator: equal, value: online }
    event: { type: competent-levl, params: { level: commune } }
`);
    expect(located({ 'x.yaml': text })).toEqual([
      'x.yaml:11:20: RULE_UNKNOWN_EFFECT unknown effect type "competent-levl"; expected one of competent-level, competent-unit, office-action, filing-scope, deadline, delegation',
    ]);
  });

  it('rejects a channel value outside the vocabulary', () => {
    const text = header + ruleYaml('a', `    conditions:
      all:
        - { fact: channel, operator: equal, value: by-fax }
`) + onlineEvent;
    const [issue] = located({ 'x.yaml': text });
    expect(issue).toMatch(/^x\.yaml:10:52: RULE_VALUE_MISMATCH channel is never "by-fax"/);
  });

  it('rejects an unknown level in contains and an unknown effect parameter', () => {
    const text = header + ruleYaml('a', `    conditions:
      all:
        - { fact: procedure, path: $.levels, operator: contains, value: district }
    event: { type: competent-level, params: { level: district } }
`);
    const issues = located({ 'x.yaml': text });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/x\.yaml:10:73: RULE_VALUE_MISMATCH procedure\.levels is never "district"/);
    expect(issues[1]).toMatch(/x\.yaml:11:.*SCHEMA_INVALID_VALUE/);
  });

  it('rejects numeric operators on dates and strings, and fact-to-fact across domains', () => {
    const text = header + ruleYaml('a', `    conditions:
      all:
        - { fact: asOf, operator: lessThan, value: 2026-01-01 }
        - { fact: office, path: $.unit, operator: equal, value: { fact: residence, path: $.province } }
        - { fact: office, path: $.province, operator: equal, value: 1 }
        - { fact: office, path: $.zip, operator: equal, value: "1" }
`) + onlineEvent;
    const codes = checkTexts({ 'x.yaml': text }).issues.map((issue) => [issue.code, issue.line]);
    expect(codes).toEqual([
      ['RULE_OPERATOR_MISMATCH', 10],
      ['RULE_VALUE_MISMATCH', 11],
      ['RULE_VALUE_MISMATCH', 12],
      ['RULE_UNKNOWN_PATH', 13],
    ]);
  });

  it('reports duplicate ids across files and an empty validity window', () => {
    const a = header + ruleYaml('same', `    conditions: { all: [{ fact: channel, operator: equal, value: online }] }
`) + onlineEvent;
    const b = header + ruleYaml('same', `    validTo: 2025-07-01
    conditions: { all: [{ fact: channel, operator: equal, value: post }] }
`) + onlineEvent;
    const issues = checkTexts({ 'a.yaml': a, 'b.yaml': b }).issues;
    expect(issues.map((issue) => issue.code)).toEqual(['RULE_INVALID_VALIDITY']);
    const c = header + ruleYaml('same', `    conditions: { all: [{ fact: channel, operator: equal, value: post }] }
`) + onlineEvent;
    const duplicate = checkTexts({ 'a.yaml': a, 'c.yaml': c }).issues;
    expect(duplicate.map((issue) => `${issue.file}:${issue.line} ${issue.code}`)).toEqual(['c.yaml:3 RULE_DUPLICATE_ID']);
  });
});

describe('static conflict detection', () => {
  const general = ruleYaml('general', `    conditions:
      all:
        - { fact: channel, operator: equal, value: in-person }
    event: { type: filing-scope, params: { scope: province } }
`, 20);
  it('reports equal-priority rules whose conditions are a subset of each other with different effects', () => {
    const specific = ruleYaml('specific', `    conditions:
      all:
        - { fact: channel, operator: equal, value: in-person }
        - { fact: office, path: $.level, operator: equal, value: commune }
    event: { type: filing-scope, params: { scope: commune } }
`, 20);
    const issues = checkTexts({ 'x.yaml': header + general + specific }).issues;
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([['RULE_CONFLICT', 16]]);
    expect(issues[0]!.message).toContain('filingScope at priority 20');
  });

  it('accepts the same overlap when the specific rule has a higher priority', () => {
    const specific = ruleYaml('specific', `    conditions:
      all:
        - { fact: channel, operator: equal, value: in-person }
        - { fact: office, path: $.level, operator: equal, value: commune }
    event: { type: filing-scope, params: { scope: commune } }
`, 30);
    expect(checkTexts({ 'x.yaml': header + general + specific }).issues).toEqual([]);
  });

  it('accepts identical-priority rules with provably exclusive conditions, windows or scopes', () => {
    const other = (id: string, extra: string, cond: string) => ruleYaml(id, `${extra}    conditions:
      all:
        - { fact: channel, operator: equal, value: in-person }
${cond}    event: { type: filing-scope, params: { scope: commune } }
`, 20);
    const exclusive = other('exclusive', '', '        - { fact: channel, operator: equal, value: post }\n');
    const later = other('later', '', '').replace('validFrom: 2025-07-01', 'validFrom: 2024-01-01\n    validTo: 2025-07-01');
    const scoped = [other('scoped-a', '    scope: { provinces: ["01"] }\n', ''), ruleYaml('scoped-b', `    scope: { provinces: ["79"] }
    conditions: { all: [{ fact: channel, operator: equal, value: in-person }] }
    event: { type: filing-scope, params: { scope: nationwide } }
`, 20)];
    expect(checkTexts({ 'x.yaml': header + general + exclusive + later }).issues).toEqual([]);
    expect(checkTexts({ 'y.yaml': header + scoped.join('') }).issues).toEqual([]);
  });
});

describe('evaluation', () => {
  const { rules: shipped } = loadShippedRules();

  it('processes a birth registration at the applicant’s own commune office', () => {
    const { parts, conflicts } = decideParts(evaluateRules(shipped, facts()).fired);
    expect(conflicts).toEqual([]);
    expect(parts.competentLevel?.effect.params.level).toBe('commune');
    expect(parts.competentUnit?.effect.params.unit).toBe('place-commune');
    expect(parts.officeAction?.effect.params.action).toBe('process');
    expect(parts.officeAction?.overridden).toEqual(['d118.in-person.same-province.transfer']);
    // Decree 120 Art. 5(1): civil status may be filed at any commune.
    expect(parts.filingScope?.ruleIds).toEqual(['d120.civil-status.scope']);
    expect(parts.filingScope?.effect.params.scope).toBe('nationwide');
  });

  it('refuses an in-person commune dossier filed in another province, with guidance', () => {
    const request = facts({ procedure: SOCIAL_POLICY, office: { unit: '26734', level: 'commune', province: '79' } });
    const { parts } = decideParts(evaluateRules(shipped, request).fired);
    expect(parts.officeAction?.effect.params).toMatchObject({ action: 'refuse' });
    expect(parts.officeAction?.effect.params.guidance).toMatchObject({ en: expect.stringContaining('online'), vi: expect.stringContaining('trực tuyến') });
    expect(parts.filingScope?.effect.params.scope).toBe('province');
  });

  it('has a commune of another province help file a civil-status dossier online, until Decree 120 lapses', () => {
    const elsewhere = { office: { unit: '26734', level: 'commune', province: '79' } } as const;
    const within = decideParts(evaluateRules(shipped, facts(elsewhere)).fired).parts;
    expect(within.officeAction?.ruleIds).toEqual(['d120.civil-status.other-commune.assist-online']);
    expect(within.officeAction?.effect.params).toMatchObject({ action: 'assist-online', guidance: { vi: expect.stringContaining('trực tuyến') } });
    expect(within.officeAction?.overridden).toContain('d118.in-person.other-province.refuse');
    const after = decideParts(evaluateRules(shipped, facts({ ...elsewhere, asOf: '2027-03-01' })).fired).parts;
    expect(after.officeAction?.effect.params.action).toBe('refuse');
    // A civil-status procedure not offered online cannot be filed online with help: Decree 118 alone decides.
    const paperOnly = facts({ ...elsewhere, procedure: { ...BIRTH, channels: ['in-person'] } });
    expect(decideParts(evaluateRules(shipped, paperOnly).fired).parts.officeAction?.effect.params.action).toBe('refuse');
  });

  it('follows the Hanoi timeline: refused at another commune before 15 November 2025, transferred after', () => {
    const atBaDinhFromTayHo = { office: { unit: '00004', level: 'commune', province: '01' }, residence: { unit: '00103', province: '01' } } as const;
    const before = decideParts(evaluateRules(shipped, facts({ ...atBaDinhFromTayHo, procedure: SOCIAL_POLICY, asOf: '2025-09-01' })).fired).parts;
    expect(before.officeAction?.effect.params.action).toBe('refuse');
    expect(before.filingScope?.effect.params.scope).toBe('commune');
    const after = decideParts(evaluateRules(shipped, facts({ ...atBaDinhFromTayHo, procedure: SOCIAL_POLICY, asOf: '2025-11-15' })).fired).parts;
    expect(after.officeAction?.effect.params.action).toBe('receive-and-transfer');
    expect(after.filingScope?.effect.params.scope).toBe('province');
    // Civil status is Decree 120's: the city's timetable does not refuse it.
    const birth = decideParts(evaluateRules(shipped, facts({ ...atBaDinhFromTayHo, asOf: '2025-09-01' })).fired).parts;
    expect(birth.officeAction?.effect.params.action).toBe('assist-online');
    const land = facts({ ...atBaDinhFromTayHo, procedure: { ...BIRTH, sector: 'Đất đai', levels: ['province'], competenceBasis: 'subject' }, subject: { unit: '00103', province: '01' }, asOf: '2025-10-01' });
    expect(decideParts(evaluateRules(shipped, land).fired).parts.officeAction?.ruleIds).toEqual(['hanoi.2025-10.pilot.transfer']);
  });

  it('leaves the competent level undecided for a procedure performed at several levels', () => {
    const request = facts({ procedure: { ...BIRTH, sector: 'Đất đai', levels: ['province', 'commune'] } });
    const { parts } = decideParts(evaluateRules(shipped, request).fired);
    expect(parts.competentLevel).toBeUndefined();
    expect(parts.officeAction?.effect.params.action).toBe('receive-and-transfer');
  });

  it('reports a run-time conflict instead of picking a winner', () => {
    const rule = (id: string, scope: 'province' | 'commune', fact: 'office' | 'residence'): Rule => ({
      id,
      description: { vi: 'x', en: 'x' },
      legalBasis: [{ document: 'x' }],
      validFrom: '2025-07-01',
      priority: 5,
      conditions: { all: [{ fact, path: '$.province', operator: 'equal', value: '01' }] },
      event: { type: 'filing-scope', params: { scope } },
    });
    const ruleSet = createRuleSet([rule('b', 'commune', 'residence'), rule('a', 'province', 'office')]);
    const { parts, conflicts } = decideParts(evaluateRules(ruleSet, facts()).fired);
    expect(parts.filingScope).toBeUndefined();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.candidates.map((event) => event.ruleId)).toEqual(['a', 'b']);
  });

  it('traces expected and actual values for applied rules and the first failing condition otherwise', () => {
    const { trace } = evaluateRules(shipped, facts({ asOf: '2025-06-30' }), { trace: true });
    expect(trace?.every((entry) => !entry.applied && entry.reason === 'validity')).toBe(true);

    const { trace: full, fired } = evaluateRules(shipped, facts({ office: { unit: '26734', level: 'commune', province: '79' } }), { trace: true });
    expect(full).toHaveLength(shipped.rules.length);
    const applied = full!.find((entry) => entry.ruleId === 'd118.in-person.other-province.refuse');
    expect(applied).toMatchObject({ applied: true });
    if (applied?.applied === true) {
      expect(applied.checks[2]).toMatchObject({ fact: 'office', path: '$.province', operator: 'notEqual', actual: '79', expected: '01', expectedFrom: { fact: 'competentPlace', path: '$.province' }, passed: true });
    }
    const same = full!.find((entry) => entry.ruleId === 'd118.in-person.same-province.transfer');
    expect(same).toMatchObject({ applied: false, reason: 'conditions', failed: { operator: 'equal', actual: '79', expected: '01' } });
    const online = full!.find((entry) => entry.ruleId === 'd118.online.scope');
    expect(online).toMatchObject({ applied: false, reason: 'index', failed: { fact: 'channel', actual: 'in-person', expected: 'online' } });
    const hanoi = full!.find((entry) => entry.ruleId === 'hanoi.2025-11.all-procedures.scope');
    expect(hanoi).toMatchObject({ applied: false, reason: 'scope' });
    expect(fired).toEqual(evaluateRules(shipped, facts({ office: { unit: '26734', level: 'commune', province: '79' } })).fired);
  });

  it('filters rules by validity with an exclusive validTo', () => {
    const foreign = facts({ procedure: { ...BIRTH, code: '2.000528' } });
    const ids = (asOf: string) => evaluateRules(shipped, { ...foreign, asOf }).fired.map((event) => event.ruleId);
    expect(ids('2027-02-28')).toContain('d120.foreign-civil-status.level');
    expect(ids('2027-03-01')).not.toContain('d120.foreign-civil-status.level');
    expect(ids('2025-06-30')).toEqual([]);
  });

  it('filters scoped rules by the office province, else the residence province when filing online', () => {
    const online: RoutingFacts = { ...facts({ channel: 'online', asOf: '2025-12-01' }) };
    const { office: _office, ...withoutOffice } = online;
    const hanoiResident = evaluateRules(shipped, withoutOffice, { trace: true }).trace!;
    expect(hanoiResident.find((entry) => entry.ruleId === 'hanoi.2025-11.all-procedures.scope')).toMatchObject({ reason: 'index' });
    const inPerson79 = facts({ asOf: '2025-12-01', office: { unit: '26734', level: 'commune', province: '79' } });
    expect(evaluateRules(shipped, inPerson79).fired.map((event) => event.ruleId).filter((id) => id.startsWith('hanoi'))).toEqual([]);
  });

  it('does not mutate the input facts', () => {
    const input = facts();
    const snapshot = structuredClone(input);
    const frozen = Object.freeze({ ...input, procedure: Object.freeze({ ...input.procedure }) });
    evaluateRules(shipped, input, { trace: true });
    evaluateRules(shipped, frozen);
    expect(input).toEqual(snapshot);
    expect('province' in input).toBe(false);
    expect('levelCount' in input.procedure).toBe(false);
  });

  it('throws INVALID_ARGUMENT for an asOf that is not a date', () => {
    expect(() => evaluateRules(shipped, facts({ asOf: '12/02/2026' }))).toThrow(/asOf/);
  });
});

describe('hash and coverage', () => {
  const { rules: shipped } = loadShippedRules();
  it('gives the same hash whatever the rule order', () => {
    expect(ruleSetHash([...shipped.rules].reverse())).toBe(shipped.hash);
    expect(shipped.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('lists multi-level procedures no competent-level rule can decide', () => {
    const coverage = listRuleCoverage(shipped, [
      BIRTH,
      { ...BIRTH, code: '2.000528', levels: ['province', 'commune'] },
      { ...BIRTH, code: '1.000001', sector: 'Đất đai', levels: ['province', 'commune'] },
      { ...BIRTH, code: '1.000002', levels: [] },
    ]);
    expect(coverage.counts).toEqual({ total: 4, singleLevel: 1, multiLevelCovered: 1, multiLevelUndetermined: 1, noLevel: 1 });
    expect(coverage.undetermined.map((procedure) => procedure.code)).toEqual(['1.000001']);
  });
});

describe('the router\'s traced evaluation', () => {
  it('fires what evaluateRules fires when a rule requires a procedure code, whatever the procedure fact holds', async () => {
    const { traceRules, evaluateRules: evaluate } = await import('../src/rules/evaluate.js');
    const { deriveFacts } = await import('../src/rules/facts.js');
    const { checkRules: check } = await import('../src/rules/check.js');
    const rule = (id: string, operator: string, value: unknown) => ({
      id,
      description: { vi: 'x', en: 'x' },
      legalBasis: [{ document: 's' }],
      validFrom: '2025-07-01',
      priority: 900,
      conditions: { all: [{ fact: 'procedure', path: '$.code', operator, value }] },
      event: { type: 'deadline', params: { override: { value: 1, unit: 'working-days' } } },
    });
    const { rules } = check([{ file: 'r.yaml', data: { kind: 'rules', rules: [rule('a', 'equal', '1.000001'), rule('b', 'in', ['1.000002', '1.000001'])] } }]);
    // A path read on a value that is not an object reads the value itself: a code index must read it the same way.
    for (const procedure of [{ code: '1.000001' }, { code: '1.000002' }, { code: 7 }, '1.000001', '1.000002', 7, null, undefined, {}]) {
      const input = { asOf: '2026-01-01', channel: 'online', ...(procedure === undefined ? {} : { procedure }) } as unknown as RoutingFacts;
      const traced = traceRules(rules, deriveFacts(input), '2026-01-01');
      const expected = evaluate(rules, input, { trace: true });
      expect(traced.fired.map((event) => event.ruleId), JSON.stringify(procedure)).toEqual(expected.fired.map((event) => event.ruleId));
      expect(traced.fullTrace().map((entry) => [entry.ruleId, entry.applied]), JSON.stringify(procedure)).toEqual(expected.trace!.map((entry) => [entry.ruleId, entry.applied]));
    }
  });
});
