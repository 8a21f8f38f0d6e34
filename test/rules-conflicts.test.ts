/**
 * The static conflict check compares only rules that can meet (same part and priority, a shared province or no scope),
 * so its work grows with the rules per province. Held here to the plain all-pairs comparison it replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/rules/hash.js';
import { conjuncts } from '../src/rules/compile.js';
import { findStaticConflicts, PART_OF_EFFECT, windowsOverlap } from '../src/rules/check.js';
import type { Rule } from '../src/rules/types.js';
import { rulesArbitrary } from './rules-arbitraries.js';

/** Every pair of the same part and priority, as the check did before: the ids of the pairs it reports. */
function allPairsCandidates(rules: readonly Rule[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < rules.length; i += 1) {
    for (let j = i + 1; j < rules.length; j += 1) {
      const [a, b] = [rules[i]!, rules[j]!];
      if (PART_OF_EFFECT[a.event.type] !== PART_OF_EFFECT[b.event.type] || a.priority !== b.priority) continue;
      if (canonicalJson(a.event) === canonicalJson(b.event) || !windowsOverlap(a, b)) continue;
      if (a.scope !== undefined && b.scope !== undefined && !a.scope.provinces.some((province) => b.scope!.provinces.includes(province))) continue;
      const atomsA = new Set(conjuncts(a.conditions).map((condition) => canonicalJson(condition)));
      const atomsB = new Set(conjuncts(b.conditions).map((condition) => canonicalJson(condition)));
      const subset = (x: Set<string>, y: Set<string>) => [...x].every((atom) => y.has(atom));
      if (subset(atomsA, atomsB) || subset(atomsB, atomsA)) found.push([a.id, b.id].sort().join(' & '));
    }
  }
  return found.sort();
}

const idsOf = (message: string): string => [...message.matchAll(/rule "([^"]+)"/g)].map((match) => match[1]!).sort().join(' & ');

describe('findStaticConflicts', () => {
  it('reports a subset of the all-pairs candidates, and every candidate whose conjuncts are not contradictory', () => {
    fc.assert(
      fc.property(rulesArbitrary, (rules) => {
        const reported = findStaticConflicts(rules).map((issue) => idsOf(issue.message)).sort();
        const candidates = allPairsCandidates(rules);
        for (const pair of reported) expect(candidates).toContain(pair);
        // Candidates the check leaves out are left out only as contradictory, which both sides decide alike: the
        // reported set equals the candidates minus those, so compare with the check run on each candidate pair alone.
        for (const pair of candidates) {
          const [x, y] = pair.split(' & ');
          const alone = findStaticConflicts(rules.filter((rule) => rule.id === x || rule.id === y)).map((issue) => idsOf(issue.message));
          expect(reported.includes(pair)).toBe(alone.includes(pair));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds the one conflict among 3,000 province-scoped rules of one part and priority (pairs of different provinces are not compared)', () => {
    const provinces = ['01', '79', '48', '31', '92'];
    const rules: Rule[] = Array.from({ length: 3_000 }, (_, index) => ({
      id: `synthetic.${String(index).padStart(4, '0')}`,
      description: { vi: 'thời hạn riêng của một tỉnh', en: 'a province-scoped deadline' },
      legalBasis: { document: 'synthetic' },
      validFrom: '2025-07-01',
      priority: 10,
      scope: { provinces: [provinces[index % provinces.length]!] },
      conditions: { all: [{ fact: 'procedure', path: '$.code', operator: 'equal', value: `9.${String(index).padStart(6, '0')}` }] },
      event: { type: 'deadline', params: { override: { value: 1 + (index % 5), unit: 'working-days' } } },
    })) as unknown as Rule[];
    // Same procedure code for two rules of one province with different deadlines: the one conflict there is.
    rules.push({ ...rules[0]!, id: 'synthetic.clash', event: { type: 'deadline', params: { override: { value: 30, unit: 'working-days' } } } } as unknown as Rule);
    expect(findStaticConflicts(rules).map((issue) => idsOf(issue.message))).toEqual(['synthetic.0000 & synthetic.clash']);
  });
});
