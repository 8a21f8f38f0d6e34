/**
 * The routing-only snapshot: a projection of a full snapshot onto what a router reads, so that a browser app fetches
 * about a third of the bytes and a process that only routes starts faster. Decisions from it are the same as from the
 * full snapshot (a test routes the same requests through both); what it leaves out is what only reports, diffs and
 * catalogue queries read. Browser-safe.
 */
import { sameJson } from './compare.js';
import { TthcError } from './errors.js';
import { isCurrentSnapshot } from './snapshot.js';
import type { DatasetSnapshot } from './snapshot.js';

/**
 * The fields of a procedure copied as they are: the facts rules test (routing/facts.ts, procedureFacts). The
 * competence (without the record texts it rests on) and the channels' deadlines (a decision quotes each deadline's
 * basis) are projected below. Left out: legal basis, results, source, type, announcing decision, coordinating and
 * delegated authorities, the levels' source text, channel fees and descriptions.
 */
const ROUTING_PROCEDURE_FIELDS: readonly string[] = Object.freeze([
  'code',
  'name',
  'ministry',
  'sector',
  'levels',
  'applicants',
  'competentAuthority',
  'implementingAuthority',
]);

/** Catalogue file kinds a router never reads: links from pre-2025 communes (translateLegacyUnit). */
const UNUSED_KINDS: ReadonlySet<string> = new Set(['legacy-units']);

type Json = Record<string, unknown>;

/**
 * Projects a full snapshot onto what routing reads. A channel whose deadline equals an earlier channel's is written
 * as `{ sameAs: <that channel> }` (most procedures state one deadline for every channel); loading restores it.
 * @throws TthcError INVALID_ARGUMENT when the value is not a current full snapshot.
 * @example const small = createRoutingSnapshot(JSON.parse(readFileSync('dist/data-snapshot.json', 'utf8')));
 */
export function createRoutingSnapshot(snapshot: DatasetSnapshot): DatasetSnapshot {
  if (!isCurrentSnapshot(snapshot) || snapshot.variant !== undefined) {
    throw new TthcError('INVALID_ARGUMENT', 'snapshot: expected a full tthc data snapshot of this library version', {
      argument: 'snapshot',
      messageVi: 'snapshot: cần một ảnh chụp dữ liệu (snapshot) đầy đủ của tthc, đúng phiên bản thư viện này',
    });
  }
  const files = snapshot.files
    .filter((entry) => !UNUSED_KINDS.has(entry.kind))
    .map((entry) => ({ file: entry.file, kind: entry.kind, data: projectFile(entry.kind, entry.data as Json) }));
  return { ...snapshot, variant: 'routing', files };
}

function projectFile(kind: string, data: Json): Json {
  if (kind === 'procedures') return { kind, procedures: (data['procedures'] as Json[]).map(projectProcedure) };
  // Maintainers' notes and file descriptions never reach a decision.
  if (kind === 'overrides') return { kind, overrides: (data['overrides'] as Json[]).map(({ note: _note, ...override }) => override) };
  if (kind === 'units') return { kind, units: data['units'] };
  return data;
}

function projectProcedure(procedure: Json): Json {
  const projected: Json = {};
  for (const field of ROUTING_PROCEDURE_FIELDS) if (procedure[field] !== undefined) projected[field] = procedure[field];
  const competence = procedure['competence'] as Json | undefined;
  if (competence !== undefined) {
    const { basisText: _basisText, ...shown } = competence;
    projected['competence'] = shown;
  }
  const channels: Json = {};
  const written: [string, unknown][] = [];
  for (const [channel, entry] of Object.entries(procedure['channels'] as Record<string, Json>)) {
    const deadline = entry['deadline'];
    const same = written.find(([, earlier]) => sameJson(earlier, deadline));
    if (same === undefined) {
      channels[channel] = { deadline };
      written.push([channel, deadline]);
    } else {
      channels[channel] = { sameAs: same[0] };
    }
  }
  projected['channels'] = channels;
  return projected;
}
