/**
 * How a procedure's competent unit or body is found, read from its record: the authority texts, the steps and the
 * name. Used by the importer only; what the law settles beyond the record is in catalog/overrides.
 *
 * - `named-body`: a vertical or specialised agency, or a ministry, decides whatever place the request gives;
 * - `subject`: the place of the case (the land, the property, the establishment, the event);
 * - `head-office`: an organisation's registered seat;
 * - `residence`: the applicant's place of residence;
 * - `any-office` is never read from a record: only the law gives it (catalog/overrides).
 */
import type { BodyKind, CompetenceSource, Level, ProcedureFileEntry } from '../src/catalog/schema.js';

/** A competence as the importer writes it (with the record texts it rests on). */
type Competence = NonNullable<ProcedureFileEntry['competence']>;
import { splitClauses } from './_deadline-text.js';

export interface CompetenceRecord {
  readonly name: string;
  readonly sector: string;
  readonly levels: readonly Level[];
  readonly applicants: readonly string[];
  readonly competentAuthority?: string | undefined;
  readonly implementingAuthority?: string | undefined;
  readonly steps: string;
}

/** Kinds of body, first match wins (more specific patterns first). */
const BODY_KINDS: readonly (readonly [BodyKind, RegExp])[] = [
  ['customs', /hải quan/iu],
  ['border-guard', /biên phòng/iu],
  ['social-insurance', /bảo hiểm xã hội|bhxh/iu],
  ['tax', /(^|[^\p{L}])(cục thuế|chi cục thuế|cơ quan thuế|thuế tỉnh|thuế cơ sở|thuế thành phố)/iu],
  ['treasury', /kho bạc/iu],
  ['state-bank', /ngân hàng nhà nước/iu],
  ['court', /tòa án|toà án/iu],
  ['land-registration', /văn phòng đăng ký đất đai/iu],
  ['port-authority', /cảng vụ/iu],
  ['military', /(bộ chỉ huy quân sự|ban chỉ huy quân sự|quân khu|bộ tư lệnh|sư đoàn|đơn vị quân|cấp đại đội|tiểu đoàn|trung đoàn|lữ đoàn)/iu],
  ['police', /(công an (cấp |tỉnh|xã|phường|huyện)|cục cảnh sát|phòng cảnh sát|cảnh sát|cục quản lý xuất nhập cảnh|xuất nhập cảnh)/iu],
  ['people-committee', /((ủy|uỷ) ban nhân dân|ubnd|chủ tịch)/iu],
  ['department', /(^|[^\p{L}])(sở [\p{Lu}]|ban quản lý khu|chi cục)/u],
  ['ministry', /^(bộ |cục |tổng cục|vụ |ủy ban chứng khoán|uỷ ban chứng khoán|thủ tướng|chính phủ|văn phòng chính phủ|trung tâm dữ liệu|hội đồng)/iu],
];

/** Kinds that decide whatever place the request gives: vertical or specialised agencies. */
const NAMED_KINDS: ReadonlySet<BodyKind> = new Set(['customs', 'border-guard', 'social-insurance', 'tax', 'treasury', 'state-bank', 'court', 'port-authority', 'ministry', 'police', 'military']);

interface Signal {
  readonly basis: Competence['basis'];
  readonly subject?: NonNullable<Competence['subject']>;
  readonly pattern: RegExp;
}

/** Words of the record that say which place decides, in order of precedence. */
const SIGNALS: readonly Signal[] = [
  { basis: 'subject', subject: 'land', pattern: /nơi có (đất|thửa đất|khu đất|diện tích đất)|nơi có nhà|nơi có bất động sản|nơi có tài sản gắn liền với đất/iu },
  { basis: 'subject', subject: 'property', pattern: /nơi có tài sản|nơi có công trình|nơi (xây dựng|có) công trình/iu },
  { basis: 'subject', subject: 'establishment', pattern: /nơi (đặt|có) (cơ sở|nhà máy|kho|cửa hàng|địa điểm kinh doanh)|nơi cơ sở [^.;]{0,30}(hoạt động|đặt)|nơi (thực hiện|có) dự án|nơi triển khai dự án/iu },
  { basis: 'subject', subject: 'event', pattern: /nơi xảy ra|nơi phát hiện/iu },
  { basis: 'subject', subject: 'vessel', pattern: /nơi tàu (thuyền )?(đến|rời|neo|hoạt động)|nơi phương tiện (đến|rời|đăng ký)/iu },
  { basis: 'head-office', pattern: /nơi [^.;]{0,60}(đặt )?trụ sở|trụ sở chính/iu },
  { basis: 'residence', pattern: /nơi (cư trú|thường trú|tạm trú|đăng ký thường trú|đăng ký tạm trú)|nơi người [^.;]{0,40}cư trú/iu },
];

/** Sectors whose procedures concern a site, and what the site is. */
const SITE_SECTORS: readonly (readonly [RegExp, NonNullable<Competence['subject']>])[] = [
  [/đất đai|đo đạc/iu, 'land'],
  [/khoáng sản|địa chất/iu, 'land'],
  [/lâm nghiệp|kiểm lâm|thủy lợi|thuỷ lợi|tài nguyên nước|biển và hải đảo|đê điều|bảo tồn thiên nhiên/iu, 'other'],
  [/nhà ở|hoạt động xây dựng|quy hoạch xây dựng|kinh doanh bất động sản/iu, 'property'],
];

/** A body deciding in the steps when the authority fields are empty: "Chủ tịch Ủy ban nhân dân cấp tỉnh ... quyết định". */
const DECIDING_BODY = /((?:Chủ tịch )?(?:Ủy|Uỷ) ban nhân dân cấp (?:tỉnh|xã)|Sở [\p{Lu}][\p{L} ]{2,40}?|Ban quản lý khu [\p{L} ,]{2,60}?|Văn phòng đăng ký đất đai|Cục [\p{Lu}][\p{L} -]{2,50}?)(?= (?:xem xét|có trách nhiệm|quyết định|cấp|phê duyệt|chấp thuận|ban hành|thẩm định|tiếp nhận|có văn bản|ra quyết định))/u;

const ORGANISATIONS = /(doanh nghiệp|tổ chức|hợp tác xã|công ty|cơ sở|nhà đầu tư|đơn vị)/iu;
const INDIVIDUALS = /(công dân|cá nhân|người việt nam|người nước ngoài|hộ gia đình)/iu;

function clean(text: string | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function quote(text: string): string {
  const value = clean(text);
  return value.length > 200 ? `${value.slice(0, 197)}...` : value;
}

/** The kind of the body a text names, or undefined. */
export function bodyKindOf(text: string): BodyKind | undefined {
  const value = clean(text);
  if (value === '') return undefined;
  if (/^bộ công an$/iu.test(value) || /^bộ quốc phòng$/iu.test(value)) return 'ministry';
  for (const [kind, pattern] of BODY_KINDS) if (pattern.test(value)) return kind;
  return undefined;
}

/** The level a text's body belongs to, when it names one tier: "cấp tỉnh", "Sở ...", "cấp xã" ... */
function tierOf(text: string): Level | undefined {
  const value = clean(text).toLowerCase();
  const tiers = new Set<Level>();
  if (/cấp tỉnh|(^|[^\p{L}])sở [\p{L}]|công an tỉnh|thuế tỉnh|bhxh tỉnh|bảo hiểm xã hội (cấp )?tỉnh|bộ chỉ huy quân sự tỉnh|ngân hàng nhà nước (chi nhánh )?khu vực|chi nhánh/iu.test(value)) tiers.add('province');
  if (/cấp xã|xã, phường|ủy ban nhân dân xã|uỷ ban nhân dân xã|công an xã|thuế cơ sở|bhxh cơ sở|chi cục hải quan|ban chỉ huy quân sự (cấp )?xã/iu.test(value)) tiers.add('commune');
  if (/^(bộ |cục |tổng cục|thủ tướng|chính phủ)|bộ trưởng|, (bộ|cục) /iu.test(value)) tiers.add('central');
  return tiers.size === 1 ? [...tiers][0] : undefined;
}

/**
 * Reads the competence basis of one procedure from its record.
 * @returns the basis with the texts it rests on and a confidence: medium when the record states it, low when only
 *   the kind of applicant suggests it
 */
export function deriveCompetence(record: CompetenceRecord): Competence {
  const published = clean(record.competentAuthority) || clean(record.implementingAuthority);
  const fromSteps = published === '' ? DECIDING_BODY.exec(clean(record.steps))?.[1] : undefined;
  const authority = published || (fromSteps ?? '');
  const authoritySource: CompetenceSource = clean(record.competentAuthority) !== '' ? 'competentAuthority' : published !== '' ? 'implementingAuthority' : 'steps';
  const kind = bodyKindOf(authority) ?? (record.levels.length === 1 && record.levels[0] === 'central' ? 'ministry' : undefined);
  const body = kind === undefined || authority === '' ? undefined : { kind, name: authority };

  // The level that decides, when the procedure is performed at several and the competent body names one tier.
  let level: Level | undefined;
  let undetermined: Competence['undetermined'];
  if (record.levels.length > 1) {
    const tier = authority === '' ? undefined : tierOf(authority);
    if (tier !== undefined && record.levels.includes(tier)) level = tier;
    else if (authority !== '' && /,|hoặc/u.test(authority)) undetermined = { reason: 'case-fact', needs: `which of the bodies named decides the case: "${quote(authority)}"` };
    else undetermined = { reason: 'levels' };
  }

  const source: { source: CompetenceSource; text: string }[] = [];
  if (authority !== '') source.push({ source: authoritySource, text: quote(authority) });

  const texts: readonly (readonly [CompetenceSource, string])[] = [
    ['competentAuthority', clean(record.competentAuthority)],
    ['implementingAuthority', clean(record.implementingAuthority)],
    ['name', clean(record.name)],
    ['steps', record.steps],
  ];
  let found: { signal: Signal; source: CompetenceSource; clause: string } | undefined;
  for (const signal of SIGNALS) {
    for (const [from, text] of texts) {
      if (text === '' || !signal.pattern.test(text)) continue;
      const clause = from === 'steps' ? (splitClauses(text).find((part) => signal.pattern.test(part)) ?? text) : text;
      found = { signal, source: from, clause };
      break;
    }
    if (found !== undefined) break;
  }

  // Police and military units below the ministry act for a place (the provincial police issue criminal records for
  // their residents, the commune police register residence, the commune military command registers conscripts):
  // they are named bodies only at central level.
  const local = (kind === 'police' || kind === 'military') && !record.levels.every((level) => level === 'central');
  const named = kind !== undefined && NAMED_KINDS.has(kind) && !local;
  const base = { ...(body === undefined ? {} : { body }), ...(level === undefined ? {} : { level }), ...(undetermined === undefined ? {} : { undetermined }) };
  const centralOnly = record.levels.length === 1 && record.levels[0] === 'central';
  // A vertical agency decides wherever the case sits (the tax office managing the taxpayer, the customs branch
  // clearing the goods): words about the applicant's place do not make it place-bound. The State Bank's regional
  // branches, border posts and port authorities follow the place the record names (the branch's seat, the gate, the port).
  const wherever = kind === 'tax' || kind === 'customs' || kind === 'social-insurance' || kind === 'treasury' || kind === 'court' || kind === 'ministry';
  if (named && (found === undefined || wherever || (centralOnly && kind !== 'port-authority'))) {
    return { basis: 'named-body', ...base, basisText: source.length > 0 ? source : [{ source: 'levels', text: record.levels.join(', ') }], confidence: 'medium' };
  }
  if (found !== undefined) {
    return {
      basis: found.signal.basis,
      ...(found.signal.subject === undefined ? {} : { subject: found.signal.subject }),
      ...base,
      basisText: [...source, { source: found.source, text: quote(found.clause) }],
      confidence: 'medium',
    };
  }
  if (named) return { basis: 'named-body', ...base, basisText: source, confidence: 'medium' };
  // Nothing in the record says which place decides. A provincial licence in these sectors concerns a site (a mine, a
  // dam, a forest, a sea area, a building): the site's province decides, as reviewers read such records.
  const site = SITE_SECTORS.find(([pattern]) => pattern.test(record.sector));
  if (site !== undefined && !record.levels.every((level) => level === 'central')) {
    return { basis: 'subject', subject: site[1], ...base, basisText: [...source, { source: 'name', text: quote(`${record.sector}: ${record.name}`) }], confidence: 'low' };
  }
  // Otherwise who files suggests it.
  const applicants = record.applicants.join(', ');
  const organisations = ORGANISATIONS.test(applicants) && !INDIVIDUALS.test(applicants);
  return {
    basis: organisations ? 'head-office' : 'residence',
    ...base,
    basisText: [...source, { source: 'applicants', text: quote(applicants === '' ? '(không có thông tin)' : applicants) }],
    confidence: 'low',
  };
}
