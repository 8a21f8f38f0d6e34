import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../src/source/yaml.js';
import { checkRules } from '../src/rules/index.js';
import type { CheckRulesResult, RoutingFacts } from '../src/rules/index.js';

const RULES_DIR = fileURLToPath(new URL('../rules/routing/', import.meta.url));

/** Checks YAML texts as rule files. */
export function checkTexts(texts: Record<string, string>): CheckRulesResult {
  return checkRules(
    Object.entries(texts).map(([file, text]) => {
      const parsed = parseYaml(text, file);
      return { file, data: parsed.value, locate: parsed.locate };
    }),
  );
}

/** The shipped rules. */
export function loadShippedRules(): CheckRulesResult {
  const texts: Record<string, string> = {};
  for (const name of readdirSync(RULES_DIR).filter((file) => file.endsWith('.yaml')).sort()) {
    texts[`rules/routing/${name}`] = readFileSync(`${RULES_DIR}${name}`, 'utf8');
  }
  return checkTexts(texts);
}

export const BIRTH: RoutingFacts['procedure'] = {
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  ministry: 'Bộ Tư pháp',
  sector: 'Hộ tịch',
  levels: ['commune'],
  competentAuthority: 'Ủy ban nhân dân cấp xã',
  implementingAuthority: 'Ủy ban nhân dân cấp xã',
  channels: ['in-person', 'online', 'post'],
  applicants: ['Công dân Việt Nam'],
  competenceBasis: 'residence',
  bodyKind: 'people-committee',
  competenceLevel: undefined,
  competenceConfidence: 'high',
};

/** A commune procedure of residence outside civil status, which Decree 120 does not reach: Decree 118 alone decides. */
export const SOCIAL_POLICY: RoutingFacts['procedure'] = { ...BIRTH, code: '1.000000', name: 'Thủ tục thuộc lĩnh vực chính sách', ministry: 'Bộ Nội vụ', sector: 'Chính sách' };

export function facts(overrides: Partial<RoutingFacts> = {}): RoutingFacts {
  return {
    procedure: BIRTH,
    office: { unit: '00004', level: 'commune', province: '01' },
    residence: { unit: '00004', province: '01' },
    applicant: { type: 'citizen' },
    channel: 'in-person',
    receivedAt: '2026-02-12T10:00:00+07:00',
    asOf: '2026-02-12',
    ...overrides,
  };
}
