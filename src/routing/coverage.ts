/**
 * Checking the catalogue and the rules together: which procedures the rules cannot give a competent level, and why.
 */
import type { Catalog } from '../catalog/catalog.js';
import { getCompetence } from '../catalog/catalog.js';
import { createIssue } from '../errors.js';
import type { Issue } from '../errors.js';
import { listRuleCoverage } from '../rules/coverage.js';
import type { RuleCoverage } from '../rules/coverage.js';
import type { CompiledRuleSet } from '../rules/types.js';
import { procedureFacts } from './facts.js';

/** Procedures performed at several levels that no rule gives a level, by why. */
export interface UndeterminedCounts {
  /** A named body (tax, customs, State Bank ...) decides at the tier that manages the case: the body is named. */
  readonly namedBody: number;
  /** The record makes the level depend on a fact about the case (project group, vehicle type, who issued ...). */
  readonly caseFact: number;
  /** Neither the record nor a rule says which level decides. */
  readonly levels: number;
}

/**
 * Rule coverage of a catalogue (with the competence in force on asOf), the procedures left without a level by
 * reason, and one warning summarising them.
 */
export function checkCoverage(
  catalog: Catalog,
  rules: CompiledRuleSet,
  asOf?: string,
): { coverage: RuleCoverage; undetermined: UndeterminedCounts; issues: Issue[] } {
  const coverage = listRuleCoverage(
    rules,
    catalog.procedures.map((procedure) => procedureFacts(procedure, getCompetence(catalog, procedure.code, asOf))),
    asOf === undefined ? {} : { asOf },
  );
  const counts = { namedBody: 0, caseFact: 0, levels: 0 };
  const examples: Record<keyof UndeterminedCounts, string[]> = { namedBody: [], caseFact: [], levels: [] };
  for (const procedure of coverage.undetermined) {
    const competence = getCompetence(catalog, procedure.code, asOf);
    const reason: keyof UndeterminedCounts =
      competence?.basis === 'named-body' && competence.body !== undefined ? 'namedBody' : competence?.undetermined?.reason === 'case-fact' ? 'caseFact' : 'levels';
    counts[reason] += 1;
    if (examples[reason].length < 3) examples[reason].push(procedure.code);
  }
  const undetermined = Object.freeze(counts);
  const left = counts.caseFact + counts.levels;
  // Named bodies are decided (at the tier that manages the case): only the others are worth a warning.
  if (left === 0) return { coverage, undetermined, issues: [] };
  const list = (key: keyof UndeterminedCounts) => (examples[key].length === 0 ? '' : ` (e.g. ${examples[key].join(', ')})`);
  return {
    coverage,
    undetermined,
    issues: [
      createIssue(
        'RULES_LEVEL_UNDETERMINED',
        'warning',
        `${left} of ${coverage.counts.total} procedures performed at several levels get no competent level: ${counts.caseFact} depend on a fact about the case${list('caseFact')}, ${counts.levels} have a record that does not say which level decides${list('levels')}; ${counts.namedBody} more are decided by a named body at the tier that manages the case${list('namedBody')}`,
        {
          vi: `${left} trên ${coverage.counts.total} thủ tục thực hiện ở nhiều cấp chưa xác định được cấp có thẩm quyền: ${counts.caseFact} tùy thuộc tình tiết của hồ sơ, ${counts.levels} không nêu cấp nào quyết định; ${counts.namedBody} thủ tục khác do cơ quan được nêu tên giải quyết theo cấp quản lý`,
        },
      ),
    ],
  };
}
