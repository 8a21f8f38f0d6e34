/**
 * Checking the catalogue and the rules together: which procedures the rules cannot give a competent level.
 */
import type { Catalog } from '../catalog/catalog.js';
import { createIssue } from '../errors.js';
import type { Issue } from '../errors.js';
import { listRuleCoverage } from '../rules/coverage.js';
import type { RuleCoverage } from '../rules/coverage.js';
import type { CompiledRuleSet } from '../rules/types.js';
import { procedureFacts } from './facts.js';

/** Rule coverage of a catalogue, and one warning summarising the procedures whose competent level stays undetermined. */
export function checkCoverage(catalog: Catalog, rules: CompiledRuleSet, asOf?: string): { coverage: RuleCoverage; issues: Issue[] } {
  const coverage = listRuleCoverage(rules, catalog.procedures.map((procedure) => procedureFacts(procedure)), asOf === undefined ? {} : { asOf });
  const undetermined = coverage.undetermined;
  if (undetermined.length === 0) return { coverage, issues: [] };
  const byLevels = new Map<string, number>();
  for (const procedure of undetermined) byLevels.set(procedure.levels.join('+'), (byLevels.get(procedure.levels.join('+')) ?? 0) + 1);
  const breakdown = [...byLevels].sort((a, b) => b[1] - a[1]).map(([levels, count]) => `${count} ${levels}`).join(', ');
  const examples = undetermined.slice(0, 3).map((procedure) => procedure.code).join(', ');
  return {
    coverage,
    issues: [
      createIssue(
        'RULES_LEVEL_UNDETERMINED',
        'warning',
        `${undetermined.length} of ${coverage.counts.total} procedures are performed at several levels and no rule chooses one (${breakdown}; e.g. ${examples})`,
      ),
    ],
  };
}
