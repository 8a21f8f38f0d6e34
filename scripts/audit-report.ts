/**
 * Compares the catalogue with the audit sample (test/fixtures/audit/sample.yaml): per channel deadline, does the
 * catalogue (records and overrides, as in force now) give what the reviewer judged? Prints the agreement and every
 * disagreement. Run: npx tsx scripts/audit-report.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { getChannelDeadline, getCompetence as competenceInForce } from '../src/catalog/catalog.js';
import type { Catalog } from '../src/catalog/catalog.js';
import type { ChannelName } from '../src/catalog/schema.js';
import { periodText } from '../src/vocabulary.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A deadline as the sample states it. */
export interface JudgedDeadline {
  readonly status: 'resolved' | 'unresolved' | 'not-applicable';
  readonly value?: number;
  readonly unit?: string;
  /** Periods that run after the first, as in the catalogue. */
  readonly followedBy?: readonly { readonly value: number; readonly unit: string }[];
  readonly reason?: string;
}

export interface SampleEntry {
  readonly code: string;
  readonly name: string;
  readonly deadlines: Readonly<Record<string, { judged: JudgedDeadline; why: string; review?: { expected: JudgedDeadline; why: string } }>>;
  readonly competence: Record<string, unknown>;
}

export function readAuditSample(path = join(REPO_ROOT, 'test/fixtures/audit/sample.yaml')): SampleEntry[] {
  return parse(readFileSync(path, 'utf8')) as SampleEntry[];
}

/**
 * Same status, and for a resolved deadline the same periods in order (reasons of unresolved ones are not compared).
 * Working-day stages one after the other are one period of their sum (3 then 5 working days end on the 8th working
 * day, whatever the receipt day), so a record's stages and the total it states for them agree; calendar-day stages
 * are not summed, since a stage ending on a rest day moves the next one.
 */
export function sameDeadline(expected: JudgedDeadline, actual: ReturnType<typeof getChannelDeadline>): boolean {
  if (actual === undefined || actual.status !== expected.status) return false;
  if (actual.status !== 'resolved') return true;
  return periodsOf(actual) === periodsOf(expected);
}

/** A deadline's periods as one text, consecutive working-day stages summed (see sameDeadline). */
export function periodsOf(deadline: { readonly value?: number; readonly unit?: string; readonly followedBy?: readonly { readonly value: number; readonly unit: string }[] | undefined }): string {
  const periods: { value: number; unit: string }[] = [];
  for (const period of [{ value: deadline.value ?? Number.NaN, unit: deadline.unit ?? '?' }, ...(deadline.followedBy ?? [])]) {
    const last = periods.at(-1);
    if (last !== undefined && last.unit === 'working-days' && period.unit === 'working-days') last.value += period.value;
    else periods.push({ ...period });
  }
  return periods.map((period) => `${period.value} ${period.unit}`).join(', ');
}

function show(deadline: JudgedDeadline | ReturnType<typeof getChannelDeadline>): string {
  if (deadline === undefined) return 'no such channel';
  if (deadline.status === 'resolved') return periodText({ value: deadline.value ?? Number.NaN, unit: deadline.unit ?? '?', followedBy: deadline.followedBy });
  return deadline.status === 'unresolved' ? `unresolved${deadline.reason === undefined ? '' : ` (${deadline.reason})`}` : 'not-applicable';
}

/** Every judged channel of a fixture, with the catalogue's deadline for it (as in force now). */
function* judgedChannels<Judgement>(catalog: Catalog, entries: readonly { readonly code: string; readonly deadlines: Readonly<Record<string, Judgement>> }[]) {
  for (const entry of entries) {
    for (const [channel, judgement] of Object.entries(entry.deadlines)) {
      yield { code: entry.code, channel, judgement, actual: getChannelDeadline(catalog, entry.code, channel as ChannelName) };
    }
  }
}

/**
 * One procedure of a census or sample read whole by reviewers: of deadlines counted from a later event
 * (test/fixtures/audit/later-start.yaml), or of one of the December readings (DECEMBER_READINGS).
 */
export interface LaterStartEntry {
  readonly code: string;
  readonly name: string;
  /**
   * `census`: read before the importer changed; `changed`: what the first version of the change altered, read after
   * it; `numbers`: what reading "05 (năm) ngày" changes, read before it did (those three in later-start.yaml); the
   * December readings' parts, one fixture each (DECEMBER_READINGS).
   */
  readonly part: 'census' | 'changed' | 'numbers' | DecemberReading;
  readonly deadlines: Readonly<
    Record<string, { cell: string; kind: string; judged: JudgedDeadline; event?: string; why: string; review?: { expected: JudgedDeadline; why: string } }>
  >;
}

export function readLaterStartCensus(path = join(REPO_ROOT, 'test/fixtures/audit/later-start.yaml')): LaterStartEntry[] {
  return parse(readFileSync(path, 'utf8')) as LaterStartEntry[];
}

/** The December 2026 readings: each one's fixture (in test/fixtures/audit) and how the report names it. */
export const DECEMBER_READINGS = Object.freeze({
  unresolved: { file: 'unresolved.yaml', title: 'deadlines left unresolved (sample)' },
  'receipt-event': { file: 'receipt-events.yaml', title: 'deadlines counted from receipt of a document other than the dossier (census)' },
  stages: { file: 'stages.yaml', title: 'deadlines whose record states later stages (sample)' },
  'longer-period': { file: 'longer-periods.yaml', title: 'deadlines shorter than a period the steps state from receipt (census)' },
  'override-check': { file: 'override-check.yaml', title: 'the overrides of the December censuses, read again blind (draw)' },
  'longer-variant': { file: 'longer-variants.yaml', title: 'deadlines with a case longer than the base (census)' },
} as const);

export type DecemberReading = keyof typeof DECEMBER_READINGS;

export function readDecemberReading(part: DecemberReading): LaterStartEntry[] {
  return readLaterStartCensus(join(REPO_ROOT, 'test/fixtures/audit', DECEMBER_READINGS[part].file));
}

/** A reading (the audit sample, a census, a sample) against the catalogue, channel by channel. */
export interface ReadingAudit {
  readonly channels: number;
  /** The catalogue gives what the reviewer judged (status, and for a resolved deadline its periods). */
  readonly agreeJudged: number;
  /** The catalogue gives the reading after the maintainers' review where there is one (the reviewer's otherwise). */
  readonly agreeReviewed: number;
  readonly reviewed: number;
  /** The catalogue gives a due date the reading does not: the errors a receipt slip would print. */
  readonly wrongDates: number;
  /** The reading has a due date the catalogue does not give. */
  readonly missingDates: number;
  readonly disagreements: readonly string[];
}

/** A channel's reading: what the reviewer judged and why, and the maintainers' review where they read it otherwise. */
interface ChannelReading {
  readonly judged: JudgedDeadline;
  readonly why: string;
  readonly kind?: string;
  readonly review?: { readonly expected: JudgedDeadline; readonly why: string };
}

/**
 * A reading against the catalogue. A wrong date (a resolved deadline where the reading has another or none) is
 * counted apart from a missing one (no due date where the reading has one): the first misleads, the second only
 * leaves the office to set the date. Both are counted against the reading after review: a `review` states where the
 * maintainers read a record otherwise, and why.
 */
export function auditReadings(catalog: Catalog, entries: readonly { readonly code: string; readonly deadlines: Readonly<Record<string, ChannelReading>> }[]): ReadingAudit {
  let channels = 0;
  let agreeJudged = 0;
  let agreeReviewed = 0;
  let reviewed = 0;
  let wrongDates = 0;
  let missingDates = 0;
  const disagreements: string[] = [];
  for (const { code, channel, judgement, actual } of judgedChannels(catalog, entries)) {
    channels += 1;
    if (judgement.review !== undefined) reviewed += 1;
    if (sameDeadline(judgement.judged, actual)) agreeJudged += 1;
    const expected = judgement.review?.expected ?? judgement.judged;
    if (sameDeadline(expected, actual)) {
      agreeReviewed += 1;
      continue;
    }
    // An unresolved deadline and one with no processing period both give no date; which class is a lesser miss.
    if (actual?.status === 'resolved') wrongDates += 1;
    else if (expected.status === 'resolved') missingDates += 1;
    const kind = judgement.kind === undefined ? '' : ` (${judgement.kind})`;
    disagreements.push(`${code} ${channel}: reading ${show(expected)}${kind}; catalogue ${show(actual)} (${(judgement.review?.why ?? judgement.why).slice(0, 200)})`);
  }
  return { channels, agreeJudged, agreeReviewed, reviewed, wrongDates, missingDates, disagreements };
}

function percent(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)}%`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { loadDatasetFromPaths } = await import('../src/node/load.js');
  const { dataset } = await loadDatasetFromPaths([join(REPO_ROOT, 'catalog')]);
  if (dataset.catalog === undefined) throw new Error('the catalogue does not load; run tthc validate');
  const laterStart = readLaterStartCensus();
  const readings: { title: string; entries: readonly Parameters<typeof auditReadings>[1][number][] }[] = [
    { title: 'deadlines (audit sample)', entries: readAuditSample() },
    ...(['census', 'changed', 'numbers'] as const).map((part) => ({
      title: `deadlines counted from a later event (${part})`,
      entries: laterStart.filter((entry) => entry.part === part),
    })),
    ...(Object.keys(DECEMBER_READINGS) as DecemberReading[]).map((part) => ({ title: DECEMBER_READINGS[part].title, entries: readDecemberReading(part) })),
  ];
  for (const { title, entries } of readings) {
    const audit = auditReadings(dataset.catalog, entries);
    process.stdout.write(
      `${title}: ${audit.agreeJudged}/${audit.channels} channels as the reviewer judged (${percent(audit.agreeJudged, audit.channels)}); ` +
        (audit.reviewed === 0 ? '' : `${audit.agreeReviewed}/${audit.channels} after review of ${audit.reviewed} (${percent(audit.agreeReviewed, audit.channels)}); `) +
        `${audit.wrongDates} due dates the reading does not give, ${audit.missingDates} missing\n` +
        audit.disagreements.map((line) => `  ${line}\n`).join(''),
    );
  }
  const competence = auditCompetence(dataset.catalog, readAuditSample());
  process.stdout.write(
    `competence of ${competence.procedures} procedures: basis ${percent(competence.basis, competence.procedures)}, ` +
      `kind of body ${percent(competence.bodyKind, competence.bodyKindJudged)} (of ${competence.bodyKindJudged} named), ` +
      `deciding level ${percent(competence.level, competence.procedures)}\n` +
      competence.disagreements.map((line) => `  ${line}\n`).join(''),
  );
}

export interface CompetenceAudit {
  readonly procedures: number;
  readonly basis: number;
  readonly bodyKind: number;
  readonly bodyKindJudged: number;
  readonly level: number;
  readonly disagreements: readonly string[];
}

/** The level the catalogue's competence decides: the only level, the record's choice, or undetermined. */
export function competenceLevel(catalog: Catalog, code: string): string {
  const procedure = catalog.index.procedureByCode.get(code);
  if (procedure === undefined) return 'unknown procedure';
  const competence = competenceInForce(catalog, code);
  if (procedure.levels.length === 1) return procedure.levels[0]!;
  return competence?.level ?? 'undetermined';
}

/** Per procedure of the sample: basis, kind of body and deciding level, against the reviewer's reading. */
export function auditCompetence(catalog: Catalog, sample: readonly SampleEntry[]): CompetenceAudit {
  let basis = 0;
  let bodyKind = 0;
  let bodyKindJudged = 0;
  let level = 0;
  const disagreements: string[] = [];
  for (const entry of sample) {
    const judged = (entry.competence['review'] as Record<string, unknown> | undefined) ?? entry.competence;
    const actual = competenceInForce(catalog, entry.code);
    const differences: string[] = [];
    if (actual?.basis === judged['basis']) basis += 1;
    else differences.push(`basis ${String(judged['basis'])} / ${actual?.basis ?? 'none'}`);
    const judgedKind = (judged['body'] as { kind?: string } | undefined)?.kind;
    if (judgedKind !== undefined) {
      bodyKindJudged += 1;
      if (actual?.body?.kind === judgedKind) bodyKind += 1;
      else differences.push(`body ${judgedKind} / ${actual?.body?.kind ?? 'none'}`);
    }
    const actualLevel = competenceLevel(catalog, entry.code);
    if (actualLevel === judged['level']) level += 1;
    else differences.push(`level ${String(judged['level'])} / ${actualLevel}`);
    if (differences.length > 0) disagreements.push(`${entry.code}: ${differences.join('; ')} (${String(judged['why'] ?? '').slice(0, 160)})`);
  }
  return { procedures: sample.length, basis, bodyKind, bodyKindJudged, level, disagreements };
}
