/**
 * From catalogue entries to the facts rules test.
 */
import type { Procedure } from '../catalog/schema.js';
import type { Channel, ProcedureFacts } from '../rules/facts.js';

const CHANNEL_ORDER: readonly Channel[] = ['in-person', 'online', 'post'];

/** Procedure facts per (frozen) catalogue entry: built once, since the entry cannot change. */
const memo = new WeakMap<Procedure, ProcedureFacts>();

/** The facts rules may test about a procedure; frozen. */
export function procedureFacts(procedure: Procedure): ProcedureFacts {
  const found = memo.get(procedure);
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
  });
  if (Object.isFrozen(procedure) && Object.isFrozen(procedure.channels)) memo.set(procedure, facts);
  return facts;
}
