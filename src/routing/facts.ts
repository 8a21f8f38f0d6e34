/**
 * From catalogue entries to the facts rules test.
 */
import type { CompetenceInForce } from '../catalog/overrides.js';
import type { Procedure } from '../catalog/schema.js';
import type { Channel, ProcedureFacts } from '../rules/facts.js';
import { expectFields } from '../arguments.js';

const CHANNEL_ORDER: readonly Channel[] = ['in-person', 'online', 'post'];

/** Procedure facts per (frozen) catalogue entry and competence in force: built once, since neither can change. */
const memo = new WeakMap<Procedure, WeakMap<object, ProcedureFacts>>();
const NO_COMPETENCE = Object.freeze({});

/** The facts rules may test about a procedure, with the competence in force; frozen. */
export function procedureFacts(procedure: Procedure, competenceInForce?: CompetenceInForce): ProcedureFacts {
  expectFields(procedure, 'procedure', { en: 'a procedure of the catalogue', vi: 'một thủ tục của danh mục' }, { code: 'string', levels: 'array', channels: 'object' });
  const competence = competenceInForce === undefined ? procedure.competence : competenceInForce;
  const key = competence ?? NO_COMPETENCE;
  const found = memo.get(procedure)?.get(key);
  if (found !== undefined) return found;
  const facts: ProcedureFacts = Object.freeze({
    code: procedure.code,
    name: procedure.name,
    ministry: procedure.ministry,
    sector: procedure.sector,
    levels: procedure.levels,
    competentAuthority: procedure.competentAuthority ?? '',
    implementingAuthority: procedure.implementingAuthority ?? '',
    channels: Object.freeze(CHANNEL_ORDER.filter((channel) => procedure.channels[channel] !== undefined)),
    applicants: procedure.applicants,
    competenceBasis: competence?.basis,
    bodyKind: competence?.body?.kind,
    competenceLevel: competence?.level,
    competenceConfidence: competence?.confidence,
  });
  if (Object.isFrozen(procedure) && Object.isFrozen(procedure.channels) && Object.isFrozen(key)) {
    let byCompetence = memo.get(procedure);
    if (byCompetence === undefined) memo.set(procedure, (byCompetence = new WeakMap()));
    byCompetence.set(key, facts);
  }
  return facts;
}
