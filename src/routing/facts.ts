/**
 * From catalogue entries to the facts rules test.
 */
import type { Procedure } from '../catalog/schema.js';
import type { Channel, ProcedureFacts } from '../rules/facts.js';

const CHANNEL_ORDER: readonly Channel[] = ['in-person', 'online', 'post'];

/** The facts rules may test about a procedure; frozen. */
export function procedureFacts(procedure: Procedure): ProcedureFacts {
  return Object.freeze({
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
}
