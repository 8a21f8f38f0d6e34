/** Content hashing of rule sets in pure JavaScript (browser-safe): SHA-256 over canonical JSON. */
import { canonicalJson, sha256Hex } from '../hash.js';
import type { Rule } from './types.js';
import { expectEach } from '../arguments.js';

export { canonicalJson };

/**
 * The content hash of rules, `sha256:<hex>`, independent of file names, positions and order.
 * @example ruleSetHash(ruleSet.rules) // 'sha256:3b1f...'
 */
export function ruleSetHash(rules: readonly Rule[]): string {
  expectEach(rules, 'rules', { en: 'a rule { id, conditions, event }', vi: 'một quy tắc { id, conditions, event }' }, { id: 'string', conditions: 'object', event: 'object' });
  const content = [...rules]
    .map(({ source: _source, ...rest }) => rest)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `sha256:${sha256Hex(canonicalJson(content))}`;
}
