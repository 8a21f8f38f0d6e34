/**
 * The shape of rule files (`kind: rules`). Unknown keys are errors. Conditions are checked by {@link checkRules}
 * against the fact description (facts, paths, operators and value types), which zod alone cannot express with
 * located, specific messages; this schema only requires them to be present. See docs/rules.md.
 */
import { SCHEMA_TEXT } from '../source/schema-texts.js';
import * as z from 'zod';
import { deadlineValueProblem } from '../vocabulary.js';
import type { LocalizedText } from '../vocabulary.js';
import { DeadlineUnitSchema as CatalogDeadlineUnitSchema, LocalizedTextSchema } from '../catalog/schema.js';
import { isCalendarDate } from '../date-string.js';
import { CHANNELS, PROCEDURE_LEVELS } from './facts.js';
import type { FactName } from './facts.js';
import type { OperatorName } from './operators.js';


/** A calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, SCHEMA_TEXT.date.en)
  .refine(isCalendarDate, SCHEMA_TEXT.notCalendarDate.en);


/** A legal document a rule rests on. */
export const LegalBasisSchema = z.strictObject({
  document: z.string().min(1),
  article: z.string().min(1).optional(),
  url: z.url().optional(),
  /** false: the article (or, without one, which article states it) was not checked against the document's text. */
  articleVerified: z.literal(false).optional(),
});
export type LegalBasis = z.output<typeof LegalBasisSchema>;

export const ProcedureLevelSchema = z.enum(PROCEDURE_LEVELS);
export const ChannelSchema = z.enum(CHANNELS);

/**
 * Who is competent, relative to the request. `place-commune` / `place-province`: the commune (province) of the place
 * the procedure's competence basis names (residence, place of the case, head office, or the office itself); `named`
 * carries an explicit unit code.
 */
export const CompetentUnitParamsSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('place-commune') }),
  z.strictObject({ unit: z.literal('place-province') }),
  z.strictObject({ unit: z.literal('residence-commune') }),
  z.strictObject({ unit: z.literal('residence-province') }),
  z.strictObject({ unit: z.literal('office-unit') }),
  z.strictObject({ unit: z.literal('named'), code: z.string().regex(/^[0-9]{2}([0-9]{3})?$/, SCHEMA_TEXT.unitCodeRule.en) }),
]);

/** What the office in front of the applicant does with the dossier. */
/** `undetermined`: a rule says the action cannot be decided on what the catalogue knows, and why (with guidance). */
export const OfficeActionSchema = z.enum(['process', 'receive-and-transfer', 'assist-online', 'refuse', 'undetermined']);
export type OfficeAction = z.output<typeof OfficeActionSchema>;

/** Where the dossier may be filed: only at the competent commune, anywhere in the province, or anywhere. */
export const FilingScopeSchema = z.enum(['commune', 'province', 'nationwide']);
export type FilingScope = z.output<typeof FilingScopeSchema>;

/**
 * Units of processing time, the catalogue's: `same-day` takes value 0 (ngay trong ngày); half days are 0.5
 * working-days; `hours` are elapsed, `months` run to the corresponding day.
 */
export const DeadlineUnitSchema = CatalogDeadlineUnitSchema;
export type DeadlineUnit = z.output<typeof DeadlineUnitSchema>;

export const DurationSchema = z
  .strictObject({ value: z.number().nonnegative().multipleOf(0.5), unit: DeadlineUnitSchema })
  .superRefine((duration, context) => {
    // Routing's own check (one, shared), so the rules accept exactly the durations routing computes with.
    const problem = deadlineValueProblem(duration.value, duration.unit);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem.message, params: { vi: problem.messageVi }, path: ['value'] });
  });
export type Duration = z.output<typeof DurationSchema>;

const effect = <T extends string, P extends z.ZodType>(type: T, params: P) => z.strictObject({ type: z.literal(type), params });

/** The effects vocabulary: each effect decides one part of a routing decision. */
export const RuleEffectSchema = z.discriminatedUnion('type', [
  effect('competent-level', z.strictObject({ level: ProcedureLevelSchema })),
  effect('competent-unit', CompetentUnitParamsSchema),
  effect(
    'office-action',
    z.strictObject({ action: OfficeActionSchema, reason: LocalizedTextSchema, guidance: LocalizedTextSchema.optional() }),
  ),
  effect('filing-scope', z.strictObject({ scope: FilingScopeSchema })),
  effect(
    'deadline',
    z.union([z.strictObject({ override: DurationSchema }), z.strictObject({ adjust: z.strictObject({ add: DurationSchema }) })]),
  ),
  effect(
    'delegation',
    z.strictObject({
      from: z.string().min(1),
      to: z.string().min(1),
      document: z.string().min(1),
      validFrom: IsoDateSchema,
      validTo: IsoDateSchema.optional(),
    }),
  ),
]);
/** An effect as a file states it (English optional). */
export type ParsedRuleEffect = z.output<typeof RuleEffectSchema>;
/** A checked effect: the texts an office action shows carry both languages (see {@link localizedText}). */
export type RuleEffect =
  | Exclude<ParsedRuleEffect, { type: 'office-action' }>
  | {
      readonly type: 'office-action';
      readonly params: { readonly action: OfficeAction; readonly reason: LocalizedText; readonly guidance?: LocalizedText };
    };
export type EffectType = RuleEffect['type'];
export const EFFECT_TYPES: readonly EffectType[] = Object.freeze([
  'competent-level',
  'competent-unit',
  'office-action',
  'filing-scope',
  'deadline',
  'delegation',
]);

/** `{ fact, path }` on the right-hand side: compare with another fact. */
export interface FactReference {
  readonly fact: FactName;
  readonly path?: string;
}
export type ConditionLiteral = string | number | boolean;
export type ConditionValue = ConditionLiteral | readonly ConditionLiteral[] | FactReference;
/** `{ fact, path?, operator, value }`. */
export interface LeafCondition {
  readonly fact: FactName;
  readonly path?: string;
  readonly operator: OperatorName;
  readonly value: ConditionValue;
}
/** json-rules-engine condition form. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | LeafCondition;
/** The root of a rule's conditions is always boolean. */
export type RootCondition = Exclude<Condition, LeafCondition>;

/** Conditions are checked by checkRules (facts, paths, operators, value types), not by zod. */
const ConditionsSchema = z.custom<RootCondition>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), {
  message: SCHEMA_TEXT.conditionsMap.en,
});

/** One rule as written in a file. */
export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, SCHEMA_TEXT.id.en),
  description: LocalizedTextSchema,
  legalBasis: z.union([LegalBasisSchema, z.array(LegalBasisSchema).min(1)]),
  validFrom: IsoDateSchema,
  /** Exclusive: the first day the rule no longer applies. */
  validTo: IsoDateSchema.optional(),
  scope: z.strictObject({ provinces: z.array(z.string().regex(/^[0-9]{2}$/, SCHEMA_TEXT.provinceCodeBare.en)).min(1) }).optional(),
  priority: z.int().min(0).max(1_000_000),
  conditions: ConditionsSchema,
  event: RuleEffectSchema,
});
export type RuleInput = z.output<typeof RuleSchema>;

/** A rule file. */
export const RulesFileSchema = z.strictObject({
  kind: z.literal('rules'),
  description: z.string().optional(),
  rules: z.array(RuleSchema).min(1),
});
export type RulesFile = z.output<typeof RulesFileSchema>;

/** The file envelope alone; checkRules validates each rule on its own so one bad rule does not hide the others. */
export const RulesFileEnvelopeSchema = z.strictObject({
  kind: z.literal('rules'),
  description: z.string().optional(),
  rules: z.array(z.unknown()).min(1),
});

/** Schemas of the file kinds this module reads, by `kind`. */
/**
 * Schemas used to dispatch data files by kind. Rule files are dispatched on their envelope only: `checkRules` checks
 * each rule itself, so one bad rule neither hides the others' issues nor turns an unknown effect into a raw schema
 * message.
 */
export const RULES_FILE_SCHEMAS = Object.freeze({ rules: RulesFileEnvelopeSchema });
export type RulesFileKind = keyof typeof RULES_FILE_SCHEMAS;
