/**
 * The competent part of a decision: the level the rules decide, the unit the competence basis points to (the
 * residence, the place of the case, the head office, the office itself), or the body named whatever the place; and
 * when it cannot be decided, why: the fact the request lacks, or the choice the record leaves to the case.
 */
import { legalBasisRef } from './citation.js';
import { LEVEL_TEXT, NEEDED_TEXT, PLACE_TEXT, wordFor } from '../words.js';
import type { Lang } from '../format/types.js';
import type { LocalizedText } from '../vocabulary.js';
import { staleBodiesIn, type StaleBody } from '../catalog/bodies.js';
import type { Catalog } from '../catalog/catalog.js';
import type { CompetenceInForce } from '../catalog/overrides.js';
import type { Procedure } from '../catalog/schema.js';
import type { DecidedParts } from '../rules/evaluate.js';
import type { CompetentPlaceFacts } from '../rules/facts.js';
import type { CompetentDetails, CompetentResult, NeededFact, StaleAuthority, UnitRef } from './types.js';

/** A unit as the router resolves it. */
export interface PlaceUnit extends UnitRef {
  readonly province: string;
  readonly ref: UnitRef;
}

export interface CompetenceInput {
  readonly catalog: Catalog;
  readonly procedure: Procedure;
  readonly competence: CompetenceInForce | undefined;
  readonly parts: DecidedParts['parts'];
  readonly office: PlaceUnit | undefined;
  readonly residence: PlaceUnit | undefined;
  readonly subject: PlaceUnit | undefined;
  readonly place: CompetentPlaceFacts;
  readonly asOf: string;
  /** The unit in force with this code, or undefined. */
  readonly resolve: (code: string) => PlaceUnit | undefined;
}

/** What a missing place is, for each basis. */
const NEEDED: Readonly<Record<string, NeededFact>> = { residence: 'residence', subject: 'subject', 'head-office': 'subject', 'any-office': 'office' };

/** Per catalogue, per authority text: each abolished body it names, as a decision shows it, with its date. */
const staleCache = new WeakMap<Catalog, Map<string, readonly (readonly [string, StaleAuthority])[]>>();

/**
 * The abolished body an authority text names on `asOf`, as a decision shows it (the first one named). Authority texts
 * come from the catalogue, so the cache holds at most one entry per distinct text; the date is applied after it.
 */
function staleAuthorityOf(catalog: Catalog, authority: string, asOf: string): StaleAuthority | undefined {
  let cache = staleCache.get(catalog);
  if (cache === undefined) staleCache.set(catalog, (cache = new Map()));
  let named = cache.get(authority);
  if (named === undefined) {
    named = Object.freeze(staleBodiesIn(catalog.index.bodies, authority).map((found) => [found.body.abolishedOn, shownStale(found)] as const));
    cache.set(authority, named);
  }
  return named.find(([abolishedOn]) => abolishedOn <= asOf)?.[1];
}

function shownStale(found: StaleBody): StaleAuthority {
  const successor = found.body.successor;
  return Object.freeze({
    named: found.named,
    abolishedOn: found.body.abolishedOn,
    ...(successor === undefined
      ? {}
      : {
          successor: Object.freeze({
            name: successor.name,
            legalBasis: Object.freeze(
              successor.legalBasis.map((citation) => Object.freeze(legalBasisRef(citation))),
            ),
            confidence: successor.confidence,
          }),
        }),
  });
}

/** Decides the competent level, unit and body of a request. */
export function decideCompetent(input: CompetenceInput): CompetentResult {
  const { procedure, competence, parts, place } = input;
  const delegation = parts.delegation?.effect.params;
  const published = procedure.competentAuthority ?? competence?.body?.name ?? '';
  const authority = delegation?.to ?? published;
  const stale = delegation === undefined && authority !== '' ? staleAuthorityOf(input.catalog, authority, input.asOf) : undefined;
  // The optional details are assigned, not spread into each result: a decision is built per request and spreading
  // an object of optional parts costs more than the rest of this step.
  const shown = (result: CompetentResult): CompetentResult => {
    const details: { -readonly [K in keyof CompetentDetails]: CompetentDetails[K] } = result;
    if (competence?.basis !== undefined) details.basis = competence.basis;
    if (competence?.body !== undefined) details.body = competence.body;
    if (stale !== undefined) details.authorityStale = stale;
    if (delegation !== undefined) details.delegatedFrom = delegation.from;
    return result;
  };
  const level = parts.competentLevel?.effect.params.level;

  if (level === undefined) {
    if (competence?.basis === 'named-body' && competence.body !== undefined) {
      // A vertical agency or a ministry decides at the tier that manages the case (the tax office managing the
      // taxpayer, the branch of the State Bank the case is decentralised to): the body is named, no level is guessed.
      return shown({ status: 'determined', level: null, unit: null, authority });
    }
    const undetermined = competence?.undetermined;
    const reasonClass = undetermined?.reason ?? 'levels';
    const reason =
      reasonClass === 'case-fact'
        ? {
            en: `the level depends on the case: ${undetermined?.needs ?? 'a fact about the case the request does not carry'}`,
            vi: `cấp có thẩm quyền tùy thuộc vào vụ việc: ${undetermined?.needs ?? 'một tình tiết của vụ việc mà yêu cầu không nêu'}`,
          }
        : procedure.levels.length > 1
          ? {
              en: `the procedure is performed at the ${joinAnd(procedure.levels, 'en')} levels and neither its record nor a rule says which decides`,
              vi: `thủ tục được thực hiện ở cấp ${joinAnd(procedure.levels, 'vi')}; hồ sơ công bố và các quy tắc đều không nêu cấp nào giải quyết`,
            }
          : { en: 'no rule decides the competent level', vi: 'không có quy tắc nào xác định cấp có thẩm quyền' };
    return shown({ status: 'undetermined', level: null, unit: null, authority, candidates: procedure.levels, reason: reason.en, reasonVi: reason.vi, reasonClass });
  }
  if (level === 'central' || level === 'other') return shown({ status: 'determined', level, unit: null, authority });
  if (place.status === 'none') return shown({ status: 'determined', level, unit: null, authority });

  const unitEffect = parts.competentUnit?.effect.params;
  const undeterminedUnit = (reason: LocalizedText, needs?: readonly NeededFact[]): CompetentResult =>
    shown({
      status: 'undetermined',
      level,
      unit: null,
      authority,
      candidates: [level],
      reason: reason.en,
      reasonVi: reason.vi,
      reasonClass: needs === undefined ? 'rule' : 'needs',
      ...(needs === undefined ? {} : { needs: Object.freeze(needs) }),
    });
  if (unitEffect === undefined) return undeterminedUnit({ en: 'no rule names the competent unit', vi: 'không có quy tắc nào xác định đơn vị có thẩm quyền' });

  let unit: PlaceUnit | undefined;
  switch (unitEffect.unit) {
    case 'place-commune':
    case 'place-province': {
      const basis = competence?.basis ?? 'residence';
      if (place.status !== 'known' || place.province === undefined) {
        const needed = NEEDED[basis] ?? 'residence';
        const place = PLACE_TEXT[basis] ?? PLACE_TEXT['subject']!;
        return undeterminedUnit({ en: `the competent unit is found from ${place.en}: give the ${needed}`, vi: `đơn vị có thẩm quyền được xác định theo ${place.vi}: cần cho biết ${NEEDED_TEXT[needed]!.vi}` }, [needed]);
      }
      if (unitEffect.unit === 'place-province') {
        unit = input.resolve(place.province);
      } else if (place.unit === undefined || place.unit.length !== 5) {
        const needed = NEEDED[basis] ?? 'residence';
        const place = PLACE_TEXT[basis] ?? PLACE_TEXT['subject']!;
        return undeterminedUnit({ en: `the competent unit is a commune: give the commune of ${place.en}`, vi: `đơn vị có thẩm quyền là cấp xã: cần cho biết xã của ${place.vi}` }, [needed]);
      } else {
        unit = input.resolve(place.unit);
      }
      if (unit === undefined) {
        const code = unitEffect.unit === 'place-province' ? place.province : place.unit;
        return undeterminedUnit({ en: `unit ${code} is not in force on ${input.asOf}`, vi: `đơn vị hành chính ${code} không còn hoặc chưa có hiệu lực vào ngày ${input.asOf}` });
      }
      break;
    }
    case 'residence-commune':
      if (input.residence === undefined || input.residence.level !== 'commune') {
        return undeterminedUnit({ en: 'the competent unit is the commune of residence: give the residence commune code', vi: 'đơn vị có thẩm quyền là xã nơi cư trú: cần cho biết mã xã nơi cư trú' }, ['residence']);
      }
      unit = input.residence;
      break;
    case 'residence-province':
      if (input.residence === undefined) return undeterminedUnit({ en: 'the competent unit is the province of residence: give the residence', vi: 'đơn vị có thẩm quyền là tỉnh nơi cư trú: cần cho biết nơi cư trú' }, ['residence']);
      unit = input.resolve(input.residence.province);
      if (unit === undefined) return undeterminedUnit({ en: `province ${input.residence.province} is not in force on ${input.asOf}`, vi: `tỉnh ${input.residence.province} không còn hoặc chưa có hiệu lực vào ngày ${input.asOf}` });
      break;
    case 'office-unit':
      if (input.office === undefined) return undeterminedUnit({ en: 'the competent unit is the receiving office: give the office code', vi: 'đơn vị có thẩm quyền là cơ quan tiếp nhận: cần cho biết mã cơ quan tiếp nhận' }, ['office']);
      unit = input.office;
      break;
    case 'named': {
      const named = input.resolve(unitEffect.code);
      if (named === undefined) return undeterminedUnit({ en: `the rule names unit ${unitEffect.code}, which is not in force on this date`, vi: `quy tắc nêu đơn vị ${unitEffect.code}, không có hiệu lực vào ngày này` });
      unit = named;
      break;
    }
  }
  if (unit.level !== level) {
    return undeterminedUnit({
      en: `the rule names a ${unit.level} (${unit.code}) but the competent level is ${level}`,
      vi: `quy tắc nêu một đơn vị cấp ${LEVEL_TEXT[unit.level]!.vi} (${unit.code}) nhưng cấp có thẩm quyền là cấp ${LEVEL_TEXT[level]!.vi}`,
    });
  }
  return shown({ status: 'determined', level, unit: unit.ref, authority });
}

function joinAnd(levels: readonly string[], lang: Lang): string {
  const items = levels.map((level) => wordFor(LEVEL_TEXT, level, lang));
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${items[items.length - 1]!}`;
}
