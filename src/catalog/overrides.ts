/**
 * Overrides (catalog/overrides/*.yaml): facts of the law about procedures that their records do not state, applied
 * on top of the records by date. Selection, checks across files, and the deadline of a procedure's channel and the
 * competence in force on a date (`validTo` is the last day an override is in force).
 */
import { localizedText } from '../vocabulary.js';
import type { IssuePath, SourceLocation } from '../errors.js';
import { isCalendarDate, nextCalendarDate } from '../date-string.js';
import { rememberingNormaliser } from './names.js';
import type { ChannelName, Citation, Competence, Confidence, Deadline, Override, OverrideCompetence, OverrideDeadline, OverridesFile, Procedure } from './schema.js';
import type { KeptCompetenceField } from '../vocabulary.js';

/** The override a value comes from, as a decision shows it. */
export interface OverrideRef {
  readonly id: string;
  /** What the override says, in English (the Vietnamese where the file gives no English). */
  readonly description: string;
  /** What the override says, in Vietnamese. */
  readonly descriptionVi: string;
  readonly legalBasis: readonly Citation[];
  readonly confidence: Confidence;
  readonly validFrom: string;
  readonly validTo?: string;
  /** The file that declares it. */
  readonly file: string;
  /** For a deadline it makes not applicable: what shows there is no processing period; for one it makes unresolved, why. */
  readonly reason?: string;
  /** The reason in Vietnamese, when the file gives it. */
  readonly reasonVi?: string;
}

/** A channel's deadline as the catalogue gives it: the record's, or an override's with the override named. */
export type ChannelDeadline = Deadline & { readonly override?: OverrideRef };

interface CompiledOverride {
  readonly ref: OverrideRef;
  readonly channels: readonly ChannelName[] | undefined;
  readonly deadline: Override['deadline'];
  readonly replaces: NonNullable<Override['replaces']>;
  readonly hours: Override['hours'];
  readonly competence: Override['competence'];
}

/** A procedure's competence as the catalogue gives it: the record's, or an override's (then `override` names it). */
export type CompetenceInForce = (Competence | (Omit<OverrideCompetence, 'keep'> & { readonly confidence: Confidence })) & { readonly override?: OverrideRef };

/** Overrides by procedure code, in file order. */
export type OverrideIndex = ReadonlyMap<string, readonly CompiledOverride[]>;

/** One overrides file as createCatalog receives it. */
export interface OverridesFileInput {
  readonly file: string;
  readonly data: OverridesFile;
  readonly locate: (path: IssuePath, options?: { key?: boolean }) => SourceLocation | undefined;
}

type OverrideIssueCode = 'OVERRIDE_UNKNOWN_PROCEDURE' | 'OVERRIDE_SELECTS_NOTHING' | 'OVERRIDE_CONFLICT' | 'OVERRIDE_NO_EFFECT' | 'DUPLICATE_CODE' | 'INVALID_INTERVAL' | 'INVALID_DATE';
type Report = (code: OverrideIssueCode, file: OverridesFileInput, path: IssuePath, message: string, vi: string) => void;

const CHANNELS: readonly ChannelName[] = ['in-person', 'online', 'post'];
const BARE_HOURS = /^\d+(?:[.,]\d+)?\s*giờ$/iu;


/** True when a deadline is a bare "N Giờ" cell, read as working hours for want of anything saying otherwise. */
function isBareHours(deadline: Deadline): boolean {
  return deadline.status === 'resolved' && deadline.unit === 'working-hours' && BARE_HOURS.test(deadline.raw);
}

function selects(override: Override, procedure: Procedure, normalised: (text: string) => string): boolean {
  const select = override.select;
  if ('codes' in select) return select.codes.includes(procedure.code);
  if (normalised(procedure.sector) !== normalised(select.sector)) return false;
  const name = normalised(procedure.name);
  if (select.nameContains !== undefined && !select.nameContains.some((word) => name.includes(normalised(word)))) return false;
  return select.nameExcludes === undefined || !select.nameExcludes.some((word) => name.includes(normalised(word)));
}

function overlaps(a: OverrideRef, b: OverrideRef): boolean {
  return (a.validTo === undefined || b.validFrom <= a.validTo) && (b.validTo === undefined || a.validFrom <= b.validTo);
}

/**
 * Compiles the overrides of every file against the procedures: each selection resolved to codes, and the checks no
 * single file can make (unknown codes, empty selections, two overrides setting the same thing at the same time,
 * overrides that change nothing).
 */
export function compileOverrides(
  files: readonly OverridesFileInput[],
  procedures: ReadonlyMap<string, Procedure>,
  report: Report,
): OverrideIndex {
  const index = new Map<string, CompiledOverride[]>();
  const ids = new Map<string, string>();
  const procedureList = [...procedures.values()];
  // Every sector selection reads every procedure's sector and name.
  const normalised = rememberingNormaliser();
  for (const file of files) {
    file.data.overrides.forEach((override, position) => {
      const path: IssuePath = ['overrides', position];
      const first = ids.get(override.id);
      if (first !== undefined) {
        report('DUPLICATE_CODE', file, [...path, 'id'], `override id "${override.id}" is already used in ${first}`, `mã ghi đè "${override.id}" đã dùng trong ${first}`);
        return;
      }
      ids.set(override.id, file.file);
      const badDate = (['validFrom', 'validTo'] as const).find((key) => override[key] !== undefined && !isCalendarDate(override[key]!));
      if (badDate !== undefined) {
        report('INVALID_DATE', file, [...path, badDate], `"${override[badDate]!}" is not a calendar date`, `"${override[badDate]!}" không phải là ngày có thật`);
        return;
      }
      if (override.validTo !== undefined && override.validTo < override.validFrom) {
        report('INVALID_INTERVAL', file, [...path, 'validTo'], `override "${override.id}" ends (${override.validTo}) before it starts (${override.validFrom})`, `ghi đè "${override.id}" hết hiệu lực (${override.validTo}) trước khi có hiệu lực (${override.validFrom})`);
        return;
      }
      let selected: Procedure[];
      if ('codes' in override.select) {
        selected = [];
        override.select.codes.forEach((code, at) => {
          const procedure = procedures.get(code);
          if (procedure === undefined) {
            report('OVERRIDE_UNKNOWN_PROCEDURE', file, [...path, 'select', 'codes', at], `override "${override.id}" names procedure "${code}", which is not in the catalogue`, `ghi đè "${override.id}" nêu thủ tục "${code}" không có trong danh mục`);
          } else selected.push(procedure);
        });
      } else {
        selected = procedureList.filter((procedure) => selects(override, procedure, normalised));
      }
      if (selected.length === 0) {
        report('OVERRIDE_SELECTS_NOTHING', file, [...path, 'select'], `override "${override.id}" selects no procedure`, `ghi đè "${override.id}" không chọn thủ tục nào`);
        return;
      }
      const ref: OverrideRef = Object.freeze({
        id: override.id,
        ...textFields('description', override.description),
        legalBasis: override.legalBasis,
        confidence: override.confidence,
        validFrom: override.validFrom,
        ...(override.validTo === undefined ? {} : { validTo: override.validTo }),
        file: file.file,
      });
      const compiled: CompiledOverride = Object.freeze({ ref, channels: override.channels, deadline: override.deadline, replaces: override.replaces ?? 'any', hours: override.hours, competence: override.competence });
      let effect = false;
      for (const procedure of selected) {
        const channels = channelsOf(compiled, procedure);
        if (override.deadline !== undefined && channels.some((channel) => compiled.replaces === 'any' || procedure.channels[channel]!.deadline.status === 'unresolved')) effect = true;
        if (override.hours !== undefined && channels.some((channel) => isBareHours(procedure.channels[channel]!.deadline))) effect = true;
        if (override.competence !== undefined) effect = true;
        const known = index.get(procedure.code) ?? [];
        for (const other of known) {
          if (!overlaps(ref, other.ref)) continue;
          // Each field apart: two overrides may share one and not another (a deadline on different channels, one
          // competence).
          for (const field of OVERRIDE_FIELDS) {
            if (override[field] === undefined || other[field] === undefined) continue;
            if (field !== 'competence' && !channelsOf(other, procedure).some((channel) => channels.includes(channel))) continue;
            report('OVERRIDE_CONFLICT', file, [...path, field], `override "${override.id}" and "${other.ref.id}" (${other.ref.file}) both set the ${field} of ${procedure.code} for overlapping dates`, `ghi đè "${override.id}" và "${other.ref.id}" (${other.ref.file}) cùng đặt ${field === 'deadline' ? 'thời hạn' : field === 'hours' ? 'cách tính giờ' : 'thẩm quyền'} của ${procedure.code} trong cùng thời gian`);
          }
        }
        known.push(compiled);
        index.set(procedure.code, known);
      }
      if (!effect) {
        report('OVERRIDE_NO_EFFECT', file, [...path, override.hours !== undefined ? 'hours' : 'channels'], `override "${override.id}" changes no deadline of the procedures it selects`, `ghi đè "${override.id}" không thay đổi thời hạn nào của các thủ tục được chọn`);
      }
    });
  }
  for (const [code, list] of index) index.set(code, Object.freeze(list) as CompiledOverride[]);
  return index;
}

const OVERRIDE_FIELDS = ['deadline', 'hours', 'competence'] as const;

function channelsOf(override: CompiledOverride, procedure: Procedure): ChannelName[] {
  return (override.channels ?? CHANNELS).filter((channel) => procedure.channels[channel] !== undefined);
}

function inForce(ref: OverrideRef, asOf: string | undefined): boolean {
  if (asOf === undefined) return ref.validTo === undefined;
  return ref.validFrom <= asOf && (ref.validTo === undefined || asOf <= ref.validTo);
}

/**
 * The deadline of a procedure's channel in force on a date: the record's, or the override's that replaces it.
 * @param asOf - YYYY-MM-DD; undefined for the overrides without an end (the law as catalogued now)
 * @returns the deadline, or undefined when the procedure has no such channel
 */
export function deadlineInForce(index: OverrideIndex, procedure: Procedure, channel: ChannelName, asOf: string | undefined): ChannelDeadline | undefined {
  const record = procedure.channels[channel]?.deadline;
  if (record === undefined) return undefined;
  const overrides = index.get(procedure.code);
  if (overrides === undefined) return record;
  let deadline: ChannelDeadline = record;
  for (const override of overrides) {
    if (!inForce(override.ref, asOf) || !(override.channels ?? CHANNELS).includes(channel)) continue;
    if (override.deadline !== undefined && (override.replaces === 'any' || record.status === 'unresolved')) {
      const stated = override.deadline;
      const basis = record.basis === undefined ? {} : { basis: record.basis };
      const recordBasis = record.basis ?? [{ source: 'cell' as const, text: record.raw || '(empty)' }];
      deadline =
        'status' in stated
          ? stated.status === 'not-applicable'
            ? { status: 'not-applicable', raw: record.raw, basis: recordBasis, override: Object.freeze({ ...override.ref, ...textFields('reason', stated.reason) }) }
            : {
                status: 'unresolved',
                raw: record.raw,
                reason: stated.reason,
                basis: recordBasis,
                ...(stated.variants === undefined ? {} : { variants: catalogueVariants(stated.variants) }),
                override: Object.freeze({ ...override.ref, ...textFields('reason', stated.why) }),
              }
          : {
              status: 'resolved',
              value: stated.value,
              unit: stated.unit,
              ...(stated.followedBy === undefined ? {} : { followedBy: stated.followedBy }),
              raw: record.raw,
              ...basis,
              ...(stated.variants === undefined ? {} : { variants: catalogueVariants(stated.variants) }),
              override: override.ref,
            };
    } else if (override.hours !== undefined && isBareHours(deadline) && deadline.status === 'resolved') {
      deadline =
        override.hours === 'elapsed'
          ? { ...deadline, unit: 'hours', override: override.ref }
          : { status: 'unresolved', raw: deadline.raw, reason: 'ambiguous-hours', ...(deadline.basis === undefined ? {} : { basis: deadline.basis }), override: override.ref };
    }
  }
  // What the record holds is frozen catalogue data; the new top-level object is frozen like it.
  return deadline === record ? record : Object.freeze(deadline);
}


/** An override's cases as a catalogue deadline holds them: the condition in Vietnamese, with its English beside. */
function catalogueVariants(variants: NonNullable<Extract<OverrideDeadline, { value: number }>['variants']>): NonNullable<Extract<Deadline, { status: 'resolved' }>['variants']> {
  // Frozen like the record's own cases (getChannelDeadline hands them out); the schema's output type is not readonly.
  const cases = variants.map(({ condition, ...period }) => Object.freeze({ ...period, condition: condition.vi, conditionEn: condition.en }));
  return Object.freeze(cases) as unknown as typeof cases;
}

/**
 * The competence of a procedure in force on a date: the record's, or an override's.
 * @param asOf - YYYY-MM-DD; undefined for the overrides without an end date
 */
export function competenceInForce(index: OverrideIndex, procedure: Procedure, asOf: string | undefined): CompetenceInForce | undefined {
  let competence: CompetenceInForce | undefined = procedure.competence;
  for (const override of index.get(procedure.code) ?? []) {
    if (override.competence === undefined || !inForce(override.ref, asOf)) continue;
    const { keep, ...given } = override.competence;
    const kept: Partial<Pick<Competence, KeptCompetenceField>> = {};
    for (const field of keep ?? []) {
      const value = procedure.competence?.[field];
      if (value !== undefined) (kept as Record<string, unknown>)[field] = value;
    }
    competence = { ...kept, ...given, confidence: override.ref.confidence, override: override.ref };
  }
  return competence === procedure.competence || competence === undefined ? competence : deepFreezeCompetence(competence);
}

/** One stretch of dates with the same deadline: from `from` (inclusive; undefined: the beginning) to the next one. */
export interface DeadlineEpoch {
  readonly from: string | undefined;
  readonly deadline: ChannelDeadline;
}

const LAST_DAY = '9999-12-31';


/**
 * The deadlines of a channel over time, one per stretch between override start and end dates, so a router finds
 * the one in force on a date without re-applying the overrides. Undefined when the procedure lacks the channel.
 */
export function deadlineEpochs(index: OverrideIndex, procedure: Procedure, channel: ChannelName): readonly DeadlineEpoch[] | undefined {
  const record = procedure.channels[channel]?.deadline;
  if (record === undefined) return undefined;
  const overrides = index.get(procedure.code);
  if (overrides === undefined) return Object.freeze([Object.freeze({ from: undefined, deadline: record })]);
  const epochs: DeadlineEpoch[] = [Object.freeze({ from: undefined, deadline: deadlineInForce(index, procedure, channel, '0000-01-01')! })];
  for (const from of epochStarts(overrides)) epochs.push(Object.freeze({ from, deadline: deadlineInForce(index, procedure, channel, from)! }));
  return Object.freeze(epochs);
}

/** The days on which what the overrides set changes: each start, and the day after each end, in order. */
function epochStarts(overrides: readonly { readonly ref: { readonly validFrom: string; readonly validTo?: string | undefined } }[]): readonly string[] {
  const starts = new Set<string>();
  for (const { ref } of overrides) {
    starts.add(ref.validFrom);
    // The last representable day ends nothing: there is no day after it to start an epoch on.
    if (ref.validTo !== undefined && ref.validTo !== LAST_DAY) starts.add(nextCalendarDate(ref.validTo));
  }
  return [...starts].sort();
}

/** The competence of a procedure over time, one entry per stretch between competence-override dates (frozen). */
export function competenceEpochs(index: OverrideIndex, procedure: Procedure): readonly { readonly from: string | undefined; readonly competence: CompetenceInForce | undefined }[] {
  const overrides = (index.get(procedure.code) ?? []).filter((override) => override.competence !== undefined);
  if (overrides.length === 0) return Object.freeze([Object.freeze({ from: undefined, competence: procedure.competence })]);
  const epochs = [{ from: undefined as string | undefined, competence: competenceInForce(index, procedure, '0000-01-01') }];
  for (const from of epochStarts(overrides)) epochs.push({ from, competence: competenceInForce(index, procedure, from) });
  return Object.freeze(epochs.map((epoch) => Object.freeze(epoch)));
}

function deepFreezeCompetence(competence: CompetenceInForce): CompetenceInForce {
  if (Object.isFrozen(competence)) return competence;
  for (const value of Object.values(competence)) if (value !== null && typeof value === 'object') Object.freeze(value);
  return Object.freeze(competence);
}

/** The epoch in force on a date: the last one starting on or before it (the first has no start). */
export function epochAt<Epoch extends { readonly from: string | undefined }>(epochs: readonly Epoch[], asOf: string): Epoch {
  let found = epochs[0]!;
  for (let at = 1; at < epochs.length; at += 1) {
    const epoch = epochs[at]!;
    if (epoch.from! <= asOf) found = epoch;
    else break;
  }
  return found;
}

/** A text of an override file as a decision carries it: English (or the Vietnamese where there is none), and the Vietnamese. */
function textFields<K extends string>(key: K, text: { readonly vi: string; readonly en?: string | undefined }): Record<K | `${K}Vi`, string> {
  const both = localizedText(text);
  return { [key]: both.en, [`${key}Vi`]: both.vi } as Record<K | `${K}Vi`, string>;
}
