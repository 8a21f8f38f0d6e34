/**
 * The catalogue file formats as zod schemas: one strict schema per file kind, keyed by `kind` in
 * {@link CATALOG_FILE_SCHEMAS}. Unknown keys are errors. See docs/catalog.md for the versioned spec.
 */
import { SCHEMA_TEXT } from '../source/schema-texts.js';
import * as z from 'zod';
import { COMPETENCE_BASES, CONFIDENCES, DEADLINE_UNITS, KEPT_COMPETENCE_FIELDS, deadlineValueProblem, MAX_DEADLINE_STAGES, STAGE_UNITS, stagesProblem, LOCALIZED_TEXT_EXPECTED } from '../vocabulary.js';

/** Version of the catalogue format described by these schemas and docs/catalog.md. */
export const CATALOG_FORMAT_VERSION = '1.1.0';

export const DateStringSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, SCHEMA_TEXT.date.en)
  .describe('A calendar date, YYYY-MM-DD.');
export const ProvinceCodeSchema = z.string().regex(/^\d{2}$/, SCHEMA_TEXT.provinceCode.en);
export const CommuneCodeSchema = z.string().regex(/^\d{5}$/, SCHEMA_TEXT.communeCode.en);
export const UnitCodeSchema = z.string().regex(/^(\d{2}|\d{5})$/, SCHEMA_TEXT.unitCode.en);
export const ProcedureCodeSchema = z.string().regex(/^\d\.\d{6}$/, SCHEMA_TEXT.procedureCode.en);

const Text = z.string().min(1);

/** A text people read (a rule's or an override's description, an office's reason and guidance): Vietnamese required, English beside it. */
export const LocalizedTextSchema = z.strictObject(
  {
    vi: z.string().min(1).describe('Vietnamese, in the register of official documents.'),
    en: z.string().min(1).optional().describe('English; where absent, the Vietnamese is shown.'),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? LOCALIZED_TEXT_EXPECTED.en : undefined) },
);

/** Where a file's data came from. */
export const SourceRefSchema = z.strictObject({
  dataset: Text.describe('Dataset name under shared/data, e.g. national-portal-2026.'),
  origin: Text.describe('Upstream origin, e.g. github.com/owner/repo.'),
  commit: z.string().regex(/^[0-9a-f]{40}$/, SCHEMA_TEXT.commitHash.en).optional(),
  licence: Text,
  cite: Text.optional(),
});
export type SourceRef = z.output<typeof SourceRefSchema>;

/**
 * A legal document: its number (02/2011/QH13) and title, or the raw text when no number can be read from it, with the
 * reason (`no-number`: the text holds none; `unsplittable`: the source ran several documents together).
 */
export const LegalDocumentSchema = z.union([
  z.strictObject({ number: Text, title: Text.optional() }),
  z.strictObject({ raw: Text, reason: z.enum(['no-number', 'unsplittable']).optional() }),
]);
export type LegalDocument = z.output<typeof LegalDocumentSchema>;

export const LocalisedNameSchema = z.strictObject({ vi: Text, en: Text });

// ---------------------------------------------------------------- units

export const UnitTypeSchema = z.enum(['tinh', 'thanh-pho', 'xa', 'phuong', 'dac-khu']);
export type UnitType = z.output<typeof UnitTypeSchema>;

export const UnitVersionSchema = z.strictObject({
  validFrom: DateStringSchema,
  validTo: DateStringSchema.optional().describe('Last day in force (inclusive).'),
  type: UnitTypeSchema,
  name: LocalisedNameSchema,
  fullName: LocalisedNameSchema,
  legalBasis: z.array(LegalDocumentSchema).min(1).optional(),
});
export type UnitVersion = z.output<typeof UnitVersionSchema>;

export const UnitSchema = z.strictObject({
  code: UnitCodeSchema,
  level: z.enum(['province', 'commune']),
  province: ProvinceCodeSchema.optional().describe('The province of a commune; absent on provinces.'),
  validFrom: DateStringSchema,
  validTo: DateStringSchema.optional(),
  aliases: z.array(Text).min(1).optional().describe('Other Vietnamese spellings seen in sources (beyond tone-mark placement).'),
  versions: z.array(UnitVersionSchema).min(1),
});
export type Unit = z.output<typeof UnitSchema>;

export const UnitsFileSchema = z.strictObject({
  kind: z.literal('units'),
  source: z.array(SourceRefSchema).min(1),
  units: z.array(UnitSchema),
});
export type UnitsFile = z.output<typeof UnitsFileSchema>;

// ---------------------------------------------------------------- legacy units

export const LegacyLinkSchema = z.strictObject({
  old: z.string().regex(/^(\d{5}|\d{3})$/, SCHEMA_TEXT.oldCommuneCode.en),
  oldName: Text,
  new: CommuneCodeSchema,
  type: z.enum(['full', 'partial']),
  note: Text.optional().describe('Why the link differs from the upstream mapping, when the importer corrected it.'),
});
export type LegacyLink = z.output<typeof LegacyLinkSchema>;

export const LegacyUnitsFileSchema = z.strictObject({
  kind: z.literal('legacy-units'),
  source: z.array(SourceRefSchema).min(1),
  province: ProvinceCodeSchema.describe('The new province whose communes the links point at.'),
  links: z.array(LegacyLinkSchema),
});
export type LegacyUnitsFile = z.output<typeof LegacyUnitsFileSchema>;

// ---------------------------------------------------------------- procedures

export const LevelSchema = z.enum(['central', 'province', 'commune', 'other']);
export type Level = z.output<typeof LevelSchema>;

/**
 * Units of a processing time: working days (ngày làm việc), calendar days (ngày), working hours (giờ làm việc, office
 * hours only), elapsed hours (giờ, round the clock: border gates, seaports, airports), same day (ngay trong ngày;
 * value 0) and calendar months (tháng, Civil Code 2015 Art. 148).
 */
export const DeadlineUnitSchema = z.enum(DEADLINE_UNITS);
export type DeadlineUnit = z.output<typeof DeadlineUnitSchema>;

/** Where in the published record a deadline's text comes from. */
export const DeadlineSourceSchema = z
  .enum(['cell', 'description', 'steps', 'result'])
  .describe('cell: the channel table\'s time cell; description: the channel row\'s text; steps: trình tự thực hiện; result: kết quả thực hiện.');
export type DeadlineSource = z.output<typeof DeadlineSourceSchema>;

/** One text of the record a deadline rests on, quoted. */
export const DeadlineBasisSchema = z.strictObject({
  source: DeadlineSourceSchema,
  text: Text.describe('The words of the record, quoted (whitespace normalised).'),
});
export type DeadlineBasis = z.output<typeof DeadlineBasisSchema>;

/** Routing's own check of an amount for its unit (one check, shared), reported at `value`. */
function refineDeadlineValue(deadline: { readonly value: number; readonly unit: DeadlineUnit }, context: z.RefinementCtx): void {
  const problem = deadlineValueProblem(deadline.value, deadline.unit);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem.message, params: { vi: problem.messageVi }, path: ['value'] });
}

/**
 * A period that runs after the one before it, as a record lists the stages of a procedure ("03 ngày làm việc ... 70
 * ngày ... 05 ngày làm việc"): each starts on the day the previous one ends, in its own unit. Same-day and hours are
 * not stages (they end within a day).
 */
export const DeadlineStageSchema = z
  .strictObject({
    value: z.number().positive(),
    unit: z.enum(STAGE_UNITS),
  })
  .superRefine(refineDeadlineValue);
export type DeadlineStage = z.output<typeof DeadlineStageSchema>;

const FollowedBySchema = z
  .array(DeadlineStageSchema)
  .min(1)
  .max(MAX_DEADLINE_STAGES - 1)
  .describe('Periods that run after `value` `unit`, each from the day the one before ends; the due date is the end of the last.');

/** `followedBy` only after a period counted in days or months: hours and same-day end within a day. */
function refineStages(deadline: { readonly value: number; readonly unit: DeadlineUnit; readonly followedBy?: readonly DeadlineStage[] | undefined }, context: z.RefinementCtx): void {
  if (deadline.followedBy === undefined) return;
  const problem = stagesProblem(deadline, deadline.followedBy);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem.message, params: { vi: problem.messageVi }, path: [...problem.path] });
}

export const DeadlineVariantSchema = z
  .strictObject({
    value: z.number().nonnegative(),
    unit: DeadlineUnitSchema,
    followedBy: FollowedBySchema.optional(),
    condition: Text.describe('The source text stating when this deadline applies (Vietnamese, as the record or the law writes it).'),
    conditionEn: Text.optional().describe('The condition in English, where an override gives one (a record\'s own text has none).'),
    source: DeadlineSourceSchema.optional(),
    countedFrom: Text.optional().describe(
      'The event a record\'s case counts its period from when its text names one that is not receipt of the dossier ("kể từ ngày kết thúc kiểm tra"): such a case has no due date at receipt.',
    ),
  })
  .superRefine(refineDeadlineValue)
  .superRefine(refineStages);
export type DeadlineVariant = z.output<typeof DeadlineVariantSchema>;

/**
 * Why a deadline cannot be computed with: `missing` (nothing states a period), `no-unit` (a number alone),
 * `no-number` (prose without a period), `unsupported-unit`, `range` ("10-25"), `contradictory` (texts of the record
 * disagree with no condition between them; `basis` quotes each), `zero` ("0 Giờ"), `conditional` (every stated
 * deadline names a case; see `variants`), `fee-glued` (the cell runs into the fee and cannot be split with
 * certainty), `ambiguous-hours` ("N Giờ" where elapsed and working hours cannot be told apart), `staged` (periods
 * one after the other in one text, "02 ngày làm việc và 45 ngày": a staged deadline, which an override states),
 * `later-start` (the record counts the period from an event after receipt whose date is not known then, "kể từ ngày
 * kết thúc kỳ sát hạch"; `basis` quotes the text: counted from receipt, its due date would come early).
 */
export const UnresolvedReasonSchema = z.enum([
  'missing',
  'no-unit',
  'no-number',
  'unsupported-unit',
  'range',
  'contradictory',
  'zero',
  'conditional',
  'fee-glued',
  'ambiguous-hours',
  'staged',
  'later-start',
]);
export type UnresolvedReason = z.output<typeof UnresolvedReasonSchema>;

const BasisListSchema = z.array(DeadlineBasisSchema).min(1);

export const ResolvedDeadlineSchema = z
  .strictObject({
    status: z.literal('resolved'),
    value: z.number().nonnegative().describe('Amount of `unit`; 0 for same-day, more than 0 otherwise.'),
    unit: DeadlineUnitSchema,
    followedBy: FollowedBySchema.optional(),
    raw: z.string(),
    basis: BasisListSchema.optional().describe('The texts of the record the deadline rests on.'),
    variants: z.array(DeadlineVariantSchema).min(1).optional(),
  })
  .superRefine(refineDeadlineValue)
  .superRefine(refineStages);
export const UnresolvedDeadlineSchema = z.strictObject({
  status: z.literal('unresolved'),
  raw: z.string(),
  reason: UnresolvedReasonSchema,
  basis: BasisListSchema.optional().describe('For `contradictory`, each of the texts that disagree.'),
  variants: z.array(DeadlineVariantSchema).min(1).optional(),
});
/**
 * A filing with no processing period at all: a declaration or notice with no result to wait for, or a procedure whose
 * record or law states that no processing period is prescribed. `basis` says which.
 */
export const NotApplicableDeadlineSchema = z.strictObject({
  status: z.literal('not-applicable'),
  raw: z.string(),
  basis: BasisListSchema.describe('What in the record shows there is no processing period: no result to wait for, or none prescribed.'),
});
export const DeadlineSchema = z.discriminatedUnion('status', [ResolvedDeadlineSchema, UnresolvedDeadlineSchema, NotApplicableDeadlineSchema]);
export type Deadline = z.output<typeof DeadlineSchema>;
export type ResolvedDeadline = z.output<typeof ResolvedDeadlineSchema>;
export type UnresolvedDeadline = z.output<typeof UnresolvedDeadlineSchema>;
export type NotApplicableDeadline = z.output<typeof NotApplicableDeadlineSchema>;

export const FeeSchema = z.strictObject({
  raw: z.string(),
  amount: z.number().int().nonnegative().optional().describe('Amount in VND, only when unambiguous.'),
  free: z.literal(true).optional(),
});
export type Fee = z.output<typeof FeeSchema>;

export const ChannelSchema = z.strictObject({
  deadline: DeadlineSchema,
  fee: FeeSchema.optional(),
  description: Text.optional(),
});
export type Channel = z.output<typeof ChannelSchema>;

export const ChannelNameSchema = z.enum(['in-person', 'online', 'post']);
export type ChannelName = z.output<typeof ChannelNameSchema>;

export const ResultSchema = z.strictObject({ name: Text, code: Text.optional() });
export type ProcedureResult = z.output<typeof ResultSchema>;

// ---------------------------------------------------------------- competence

/** Kinds of competent body. */
export const BodyKindSchema = z.enum([
  'ministry',
  'department',
  'people-committee',
  'police',
  'tax',
  'customs',
  'border-guard',
  'military',
  'social-insurance',
  'court',
  'treasury',
  'state-bank',
  'land-registration',
  'port-authority',
  'service-centre',
  'other',
]);
export type BodyKind = z.output<typeof BodyKindSchema>;

/**
 * How the competent unit or body is found: `residence` (the applicant's place of residence), `subject` (where the
 * case is: land, property, establishment, event), `head-office` (an organisation's seat), `any-office` (the receiving
 * office itself is competent), `named-body` (a ministry, or a vertical or specialised agency, whatever place the
 * request gives).
 */
export const CompetenceBasisSchema = z.enum(COMPETENCE_BASES);
export type CompetenceBasis = z.output<typeof CompetenceBasisSchema>;

export const CompetenceSubjectSchema = z.enum(['land', 'property', 'establishment', 'event', 'vehicle', 'vessel', 'other']);

/** Where in the record the competence was read. */
export const CompetenceSourceSchema = z.enum(['competentAuthority', 'implementingAuthority', 'name', 'steps', 'applicants', 'levels']);
export type CompetenceSource = z.output<typeof CompetenceSourceSchema>;

const CompetenceFields = {
  basis: CompetenceBasisSchema,
  subject: CompetenceSubjectSchema.optional().describe('What the place of the case is, for basis subject.'),
  body: z.strictObject({ kind: BodyKindSchema, name: Text.describe('The body as the record names it.') }).optional(),
  level: LevelSchema.optional().describe('The level that decides, when the procedure is performed at several and the record says which.'),
  undetermined: z
    .strictObject({
      reason: z.enum(['case-fact', 'levels']).describe('case-fact: a fact about the case decides; levels: the record does not say which level.'),
      needs: Text.optional().describe('The fact about the case that decides, in words.'),
    })
    .optional(),
};

/** The competence of a procedure as its record states it. */
export const CompetenceSchema = z.strictObject({
  ...CompetenceFields,
  basisText: z
    .array(z.strictObject({ source: CompetenceSourceSchema, text: Text }))
    .min(1)
    .describe('The texts of the record it rests on, quoted.'),
  confidence: z.enum(CONFIDENCES),
});
/** `basisText` is absent only in a catalogue from a routing-only snapshot (see Catalog.variant). */
export type Competence = Omit<z.output<typeof CompetenceSchema>, 'basisText'> & Partial<Pick<z.output<typeof CompetenceSchema>, 'basisText'>>;

/** The competence an override gives (its legal basis and confidence are the override's). */
export const OverrideCompetenceSchema = z
  .strictObject({
    ...CompetenceFields,
    keep: z
      .array(z.enum(KEPT_COMPETENCE_FIELDS))
      .min(1)
      .refine((fields) => new Set(fields).size === fields.length, SCHEMA_TEXT.keptOnce.en)
      .optional()
      .describe("The record's fields the override keeps (an override that corrects only the basis keeps the record's body, level and what it leaves undetermined); a field the record does not state stays absent; the fields it gives replace the record's."),
  })
  .refine((competence) => competence.keep === undefined || competence.keep.every((field) => competence[field] === undefined), { message: SCHEMA_TEXT.keptAndGiven.en, path: ['keep'] });
export type OverrideCompetence = z.output<typeof OverrideCompetenceSchema>;

export const ProcedureSchema = z.strictObject({
  code: ProcedureCodeSchema,
  name: Text,
  ministry: Text,
  sector: Text,
  levels: z
    .array(LevelSchema)
    .min(1)
    .refine((levels) => new Set(levels).size === levels.length, SCHEMA_TEXT.levelsOnce.en),
  levelsRaw: Text.optional().describe('The source text of the levels, kept when the mapping lost information.'),
  type: Text.optional(),
  applicants: z.array(Text),
  competentAuthority: Text.optional(),
  implementingAuthority: Text.optional(),
  delegatedAuthority: Text.optional(),
  coordinatingAuthority: Text.optional(),
  announcedBy: Text.optional(),
  legalBasis: z.array(LegalDocumentSchema),
  result: z.array(ResultSchema),
  channels: z
    .strictObject({
      'in-person': ChannelSchema.optional(),
      online: ChannelSchema.optional(),
      post: ChannelSchema.optional(),
    })
    .refine((channels) => Object.keys(channels).length > 0, SCHEMA_TEXT.oneChannel.en),
  competence: CompetenceSchema.optional().describe('How the competent unit or body is found (imported procedures always have it).'),
  source: z.strictObject({
    dataset: z
      .enum(['national-portal-2026', 'defence-2025', 'local'])
      .describe('Where the entry comes from; `local` for entries a maintainer or a test writes by hand.'),
    url: z.url().optional(),
  }),
});
/** A procedure as a procedures file holds it (every field the schema requires). */
export type ProcedureFileEntry = z.output<typeof ProcedureSchema>;
/**
 * A procedure of the catalogue. `legalBasis`, `result` and `source` (and a competence's `basisText`) are always there
 * in a catalogue read from its files or a full snapshot, and absent in one from a routing-only snapshot, which holds
 * only what a router reads (see Catalog.variant).
 */
export type Procedure = Omit<ProcedureFileEntry, 'legalBasis' | 'result' | 'source' | 'competence'> &
  Partial<Pick<ProcedureFileEntry, 'legalBasis' | 'result' | 'source'>> & { competence?: Competence | undefined };

export const ProceduresFileSchema = z.strictObject({
  kind: z.literal('procedures'),
  source: z.array(SourceRefSchema).min(1),
  procedures: z.array(ProcedureSchema),
});
export type ProceduresFile = z.output<typeof ProceduresFileSchema>;

// ---------------------------------------------------------------- overrides

/** A legal text an override rests on: document, article (with clause), optional URL. */
export const CitationSchema = z.strictObject({
  document: Text.describe('Number and name, e.g. "Luật Hộ tịch 60/2014/QH13".'),
  article: Text.optional().describe('Article and clause, e.g. "Điều 16 khoản 2".'),
  url: z.url().optional(),
  articleVerified: z.literal(false).optional().describe('false: the article (or, without one, which article states it) was not checked against the text.'),
});
export type Citation = z.output<typeof CitationSchema>;

export const ConfidenceSchema = z.enum(CONFIDENCES).describe('high: the legal text itself or two reputable sources; medium: one; low: unverified.');
export type Confidence = z.output<typeof ConfidenceSchema>;

/** Which procedures an override applies to: a list of codes, or a sector with words of the name. */
export const OverrideSelectorSchema = z.union([
  z.strictObject({ codes: z.array(ProcedureCodeSchema).min(1) }),
  z.strictObject({
    sector: Text.describe('The sector (lĩnh vực) as published, compared after normalising case and tone marks.'),
    nameContains: z.array(Text).min(1).optional().describe('The name contains at least one of these (normalised).'),
    nameExcludes: z.array(Text).min(1).optional().describe('The name contains none of these (normalised).'),
  }),
]);
export type OverrideSelector = z.output<typeof OverrideSelectorSchema>;

/** The cases of an override's deadline, each with its period and when it applies. */
const OverrideVariantsSchema = z
  .array(
    z
      .strictObject({
        value: z.number().nonnegative(),
        unit: DeadlineUnitSchema,
        followedBy: FollowedBySchema.optional(),
        condition: LocalizedTextSchema.describe('When this deadline applies, { vi, en }.'),
      })
      .superRefine(refineDeadlineValue)
      .superRefine(refineStages),
  )
  .min(1);

/** An override's deadline that gives no due date, with why; a conditional one may list its cases (variants). */
export const UnresolvedOverrideDeadlineSchema = z
  .strictObject({
    status: z.literal('unresolved'),
    reason: UnresolvedReasonSchema.describe('The reason class, as the importer gives them (conditional: cases with different periods and no default).'),
    why: LocalizedTextSchema.describe('What in the record or the law shows that the record\'s value gives no due date that can be printed, { vi, en }.'),
    variants: OverrideVariantsSchema.optional().describe(
      'For reason conditional: the cases known at receipt whose every stage has a period counted from receipt; a request names the one it is (deadlineVariant) and gets its due date.',
    ),
  })
  .refine((deadline) => deadline.variants === undefined || deadline.reason === 'conditional', {
    message: SCHEMA_TEXT.variantsNeedConditional.en,
    path: ['variants'],
  });

/** The deadline the law gives, replacing the record's. */
export const OverrideDeadlineSchema = z.union([
  z
    .strictObject({
      value: z.number().nonnegative(),
      unit: DeadlineUnitSchema,
      followedBy: FollowedBySchema.optional(),
      variants: OverrideVariantsSchema.optional(),
    })
    .superRefine(refineDeadlineValue)
    .superRefine(refineStages),
  z.strictObject({
    status: z.literal('not-applicable'),
    reason: LocalizedTextSchema.describe('What shows there is no processing period (no result to wait for, or none prescribed), { vi, en }.'),
  }),
  UnresolvedOverrideDeadlineSchema,
]);
export type OverrideDeadline = z.output<typeof OverrideDeadlineSchema>;

/**
 * A fact of the law about some procedures that their records do not state (or state wrongly): a deadline, how a
 * bare "N Giờ" reads, or how the competent body is found. Applied when the catalogue is built, in force from
 * `validFrom` to `validTo` (inclusive).
 */
export const OverrideSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, SCHEMA_TEXT.id.en),
    description: LocalizedTextSchema.describe('What the override says, { vi, en } (a decision shows it).'),
    select: OverrideSelectorSchema,
    channels: z.array(ChannelNameSchema).min(1).optional().describe('The channels it applies to; all the procedure has when absent.'),
    validFrom: DateStringSchema,
    validTo: DateStringSchema.optional().describe('Last day in force (inclusive).'),
    legalBasis: z.array(CitationSchema).min(1),
    confidence: ConfidenceSchema,
    deadline: OverrideDeadlineSchema.optional(),
    replaces: z
      .enum(['any', 'unresolved'])
      .optional()
      .describe('any (default): the deadline replaces the record\'s; unresolved: only where the record gives none that routing can use.'),
    competence: OverrideCompetenceSchema.optional().describe('How the competent unit or body is found, by law.'),
    hours: z
      .enum(['elapsed', 'uncertain'])
      .optional()
      .describe('How a bare "N Giờ" of the record reads: elapsed (the service works round the clock) or uncertain (no due date).'),
    note: Text.optional(),
  })
  .refine((override) => override.deadline !== undefined || override.hours !== undefined || override.competence !== undefined, {
    message: SCHEMA_TEXT.overrideSets.en,
    path: ['deadline'],
  });
export type Override = z.output<typeof OverrideSchema>;

export const OverridesFileSchema = z.strictObject({
  kind: z.literal('overrides'),
  description: Text.optional(),
  overrides: z.array(OverrideSchema).min(1),
});
export type OverridesFile = z.output<typeof OverridesFileSchema>;

// ---------------------------------------------------------------- bodies

/** A body that no longer exists (the district level since 1 July 2025), and who took its tasks over where the law says. */
export const AbolishedBodySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, SCHEMA_TEXT.id.en),
  names: z.array(Text).min(1).describe('Ways authority texts name it; matched after normalising case and tone marks.'),
  abolishedOn: DateStringSchema.describe('The first day it no longer exists.'),
  legalBasis: z.array(CitationSchema).min(1),
  confidence: ConfidenceSchema,
  successor: z
    .strictObject({
      name: Text.describe('The body that took its tasks over, as the law names it.'),
      legalBasis: z.array(CitationSchema).min(1),
      confidence: ConfidenceSchema,
      note: Text.optional(),
    })
    .optional()
    .describe('Absent when no text names one: decisions then say only that the authority text is stale.'),
});
export type AbolishedBody = z.output<typeof AbolishedBodySchema>;

export const BodiesFileSchema = z.strictObject({
  kind: z.literal('bodies'),
  description: Text.optional(),
  abolished: z.array(AbolishedBodySchema).min(1),
});
export type BodiesFile = z.output<typeof BodiesFileSchema>;

/** The schema of every catalogue file kind, keyed by the file's `kind`. */
export const CATALOG_FILE_SCHEMAS = Object.freeze({
  units: UnitsFileSchema,
  procedures: ProceduresFileSchema,
  'legacy-units': LegacyUnitsFileSchema,
  overrides: OverridesFileSchema,
  bodies: BodiesFileSchema,
});
export type CatalogFileKind = keyof typeof CATALOG_FILE_SCHEMAS;
/** The typed content of each file kind. */
export interface CatalogFileData {
  units: UnitsFile;
  procedures: ProceduresFile;
  'legacy-units': LegacyUnitsFile;
  overrides: OverridesFile;
  bodies: BodiesFile;
}
