/**
 * The routing-only snapshot: a projection of a full snapshot onto what a router reads, so that a browser app fetches
 * about a third of the bytes and a process that only routes starts faster. Decisions from it are the same as from the
 * full snapshot (a test routes the same requests through both); what it leaves out is what only reports, diffs and
 * catalogue queries read. Browser-safe.
 */
import { compactUnitNames, nameTemplate } from './catalog/names.js';
import { sameJson } from './compare.js';
import { TthcError } from './errors.js';
import { isCurrentSnapshot } from './snapshot.js';
import type { LocalizedText } from './vocabulary.js';
import type { DatasetSnapshot } from './snapshot.js';

/**
 * The fields of a procedure a router reads, copied as they are except `sector`, which holds the position of the
 * procedure's [ministry, sector] pair (the ministry is not written; loading puts it back before the sector): the facts
 * rules test (routing/facts.ts, procedureFacts). The competence (without the record texts it rests on) and the
 * channels' deadlines (a decision quotes each deadline's basis) are projected below. Left out: legal basis, results,
 * source, type, announcing decision, coordinating and delegated authorities, the levels' source text, channel fees and
 * descriptions.
 */
const ROUTING_PROCEDURE_FIELDS: readonly string[] = Object.freeze([
  'code',
  'name',
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
 * as `{ sameAs: <that channel> }` (most procedures state one deadline for every channel), a deadline whose only basis
 * is its cell's raw value as `basis: "cell"`, a procedure's applicants as positions in the snapshot's `applicants`, its
 * ministry and sector as one position in the snapshot's `sectors` (161 pairs for 2,842 procedures), and a unit's names
 * that follow from others are left out (see projectUnits); loading restores them all.
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
  // Written once each, by position: the applicant types (a procedure lists a few of fifteen, in long Vietnamese
  // phrases) and the ministry-and-sector pairs (161).
  const tables: Tables = { applicants: new Map(), sectors: new Map() };
  const files = snapshot.files
    .filter((entry) => !UNUSED_KINDS.has(entry.kind))
    .map((entry) => ({ file: entry.file, kind: entry.kind, data: projectFile(entry.kind, entry.data as Json, tables) }));
  const sectors = [...tables.sectors.keys()].map((pair) => JSON.parse(pair) as [string, string]);
  return { ...snapshot, variant: 'routing', applicants: [...tables.applicants.keys()], sectors, files };
}

interface Tables {
  readonly applicants: Map<string, number>;
  /** JSON of [ministry, sector] to its position. */
  readonly sectors: Map<string, number>;
}

function positionIn(table: Map<string, number>, value: string): number {
  return table.get(value) ?? table.set(value, table.size).size - 1;
}

function projectFile(kind: string, data: Json, tables: Tables): Json {
  if (kind === 'procedures') {
    return {
      kind,
      procedures: (data['procedures'] as Json[]).map((procedure) => {
        const projected = projectProcedure(procedure, tables);
        projected['applicants'] = (procedure['applicants'] as string[]).map((name) => positionIn(tables.applicants, name));
        return projected;
      }),
    };
  }
  // Maintainers' notes and file descriptions never reach a decision.
  if (kind === 'overrides') return { kind, overrides: (data['overrides'] as Json[]).map(({ note: _note, ...override }) => override) };
  if (kind === 'units') return projectUnits(data);
  return data;
}

function projectProcedure(procedure: Json, tables: Tables): Json {
  const projected: Json = {};
  for (const field of ROUTING_PROCEDURE_FIELDS) {
    if (field === 'sector') projected[field] = positionIn(tables.sectors, JSON.stringify([procedure['ministry'], procedure['sector']]));
    else if (procedure[field] !== undefined) projected[field] = procedure[field];
  }
  const competence = procedure['competence'] as Json | undefined;
  if (competence !== undefined) {
    const { basisText: _basisText, ...shown } = competence;
    projected['competence'] = shown;
  }
  const channels: Json = {};
  const written: [string, unknown][] = [];
  for (const [channel, entry] of Object.entries(procedure['channels'] as Record<string, Json>)) {
    const deadline = withCellBasis(entry['deadline'] as Json | undefined);
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

/**
 * A deadline that rests on its cell alone, quoted as the raw value (most of the record's deadlines), written with
 * `basis: "cell"`: the quote is the raw value again. Loading restores it.
 */
function withCellBasis(deadline: Json | undefined): Json | undefined {
  const basis = deadline?.['basis'];
  if (!Array.isArray(basis) || basis.length !== 1) return deadline;
  const [only] = basis as Json[];
  if (only === undefined || only['source'] !== 'cell' || only['text'] !== deadline!['raw'] || Object.keys(only).length !== 2) return deadline;
  return { ...deadline, basis: 'cell' };
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of counts) if (best === undefined || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/**
 * Units without the names that follow from others, which are half of their bytes: the English name when it is the
 * Vietnamese without diacritics, and the full name when it is the name in the most common template of its type
 * (`fullNames`, read off the file itself: `Xã {}` / `{} Commune`). The rest are kept as they are.
 */
function projectUnits(data: Json): Json {
  const units = data['units'] as readonly Json[];
  const counts = new Map<string, { vi: Map<string, number>; en: Map<string, number> }>();
  for (const unit of units) {
    for (const version of unit['versions'] as Json[]) {
      const name = version['name'] as LocalizedText;
      const fullName = version['fullName'] as LocalizedText;
      const type = version['type'] as string;
      if (!counts.has(type)) counts.set(type, { vi: new Map(), en: new Map() });
      const byLanguage = counts.get(type)!;
      for (const language of ['vi', 'en'] as const) {
        const template = nameTemplate(fullName[language], name[language]);
        if (template !== undefined) byLanguage[language].set(template, (byLanguage[language].get(template) ?? 0) + 1);
      }
    }
  }
  const fullNames: Record<string, LocalizedText> = {};
  for (const [type, byLanguage] of counts) {
    const vi = mostCommon(byLanguage.vi);
    const en = mostCommon(byLanguage.en);
    if (vi !== undefined && en !== undefined) fullNames[type] = { vi, en };
  }
  const projected = units.map((unit) => ({
    ...unit,
    versions: (unit['versions'] as Json[]).map((version) => {
      const written = compactUnitNames(version['name'] as LocalizedText, version['fullName'] as LocalizedText, fullNames[version['type'] as string]);
      // In the version's own key order, so that loading gives the same document back.
      const projectedVersion: Json = {};
      for (const [key, value] of Object.entries(version)) {
        if (key === 'name') projectedVersion[key] = written.name;
        else if (key !== 'fullName' || written.fullName !== undefined) projectedVersion[key] = value;
      }
      return projectedVersion;
    }),
  }));
  return { ...data, fullNames, units: projected };
}
