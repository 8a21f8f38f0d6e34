/**
 * Vietnamese legal document numbers (số, ký hiệu văn bản, Decree 30/2020/NĐ-CP Annex I): "số/năm/loại-cơ quan ban hành",
 * such as 123/2015/NĐ-CP, 60/2014/QH13, 02/2017/TT-VPCP, 66.7/2025/NQ-CP, or without the year, 237/NQ-UBTVQH16 and
 * 1404/QĐ-UBND. Pure; used by the importer to split the portal's run-together legal-basis tables and by the catalogue
 * checks.
 */
import { expectString } from '../arguments.js';

/** A document number read into its parts. */
export interface DocumentNumber {
  /** The whole number as written, e.g. "123/2015/NĐ-CP". */
  readonly text: string;
  /** The serial, e.g. "123" or "66.7". */
  readonly serial: string;
  readonly year?: number;
  /** The type and issuers, e.g. "NĐ-CP", "QH13", "TTLT-BQP-BLĐTBXH-BTC". */
  readonly symbol: string;
}

/** Document types (the first part of the symbol), longest first so that TTLT is tried before TT. */
const TYPES = ['TTLT', 'NQLT', 'VBHN', 'QĐLT', 'NĐ', 'ND', 'TT', 'NQ', 'QĐ', 'QD', 'PL', 'CT', 'HD', 'KH', 'TB', 'CV', 'BC', 'L'];
/** Issuing bodies seen in the data, longest first; others are read when a clean boundary follows them. */
const ISSUERS = [
  'BLĐTBXH', 'BNNPTNT', 'VKSNDTC', 'BVHTTDL', 'NHCSXH', 'UBCKNN', 'TANDTC', 'BGDĐT', 'BGTVT', 'BKHĐT', 'BNNMT',
  'BTNMT', 'BKHCN', 'BTTTT', 'HĐND', 'NHNN', 'BHXH', 'UBND', 'VPCP', 'VPQH', 'CSXH', 'KTNN', 'TCHQ', 'TTCP', 'BTC',
  'BTP', 'BCA', 'BXD', 'BQP', 'BYT', 'BCT', 'BNV', 'BNG', 'CTN', 'TTg', 'TCT', 'CP', 'BT',
];
const SESSION = /^(UBTVQH|QH)\d{2}/u;
const START = /(\d{1,5}(?:\.\d{1,3})?)\/(?:((?:19|20)\d{2})\/)?(?=[\p{Lu}])/gu;

function matchAt(text: string, at: number, words: readonly string[]): string | undefined {
  for (const word of words) if (text.startsWith(word, at)) return word;
  return undefined;
}

/** A run of capitals ending at a boundary (not followed by another letter or digit): an issuer not in the list. */
function bareIssuer(text: string, at: number): string | undefined {
  const match = /^[\p{Lu}]{2,10}(?![\p{L}\d])/u.exec(text.slice(at));
  return match?.[0];
}

/** The symbol starting at `at` ("NĐ-CP", "QH13"), or undefined when none can be read there with confidence. */
function symbolAt(text: string, at: number): string | undefined {
  const session = SESSION.exec(text.slice(at));
  if (session !== null) return session[0];
  const type = matchAt(text, at, TYPES);
  if (type === undefined) return undefined;
  let end = at + type.length;
  let parts = 0;
  while (text[end] === '-') {
    const next = end + 1;
    const issuer = SESSION.exec(text.slice(next))?.[0] ?? matchAt(text, next, ISSUERS) ?? bareIssuer(text, next);
    if (issuer === undefined) break;
    end = next + issuer.length;
    parts += 1;
  }
  // A type alone ("123/TT") is not a number; "L" (Luật) needs an issuer too.
  return parts === 0 ? undefined : text.slice(at, end);
}

/** Every document number in a text, in order, with where it starts and ends. */
export function findDocumentNumbers(text: string): { readonly number: DocumentNumber; readonly start: number; readonly end: number }[] {
  const found: { number: DocumentNumber; start: number; end: number }[] = [];
  const pattern = new RegExp(START.source, 'gu');
  let previousEnd = -1;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // A serial starts after a non-digit, or right where the previous number ended ("QH13" + "60/2014/QH13").
    const before = text[match.index - 1];
    const decimal = (before === '.' || before === ',') && /\d/u.test(text[match.index - 2] ?? '');
    // "Luật Cư trú 202068/2020/QH14": a year written in the title, then the number.
    const afterYear = /^(19|20)\d{2}$/u.test(text.slice(match.index - 4, match.index)) && !/\d/u.test(text[match.index - 5] ?? '');
    if (before !== undefined && (/[\d/]/u.test(before) || decimal) && match.index !== previousEnd && !afterYear) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const symbolStart = match.index + match[0].length;
    const symbol = symbolAt(text, symbolStart);
    if (symbol === undefined) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const end = symbolStart + symbol.length;
    const number: DocumentNumber = {
      text: text.slice(match.index, end),
      serial: match[1]!,
      ...(match[2] === undefined ? {} : { year: Number(match[2]) }),
      symbol,
    };
    found.push({ number, start: match.index, end });
    previousEnd = end;
    pattern.lastIndex = end;
  }
  return found;
}

/**
 * Reads a whole text as one document number.
 * @returns the parts, or undefined when the text is not exactly one number
 * @example parseDocumentNumber('123/2015/NĐ-CP') // { text: '123/2015/NĐ-CP', serial: '123', year: 2015, symbol: 'NĐ-CP' }
 */
export function parseDocumentNumber(text: string): DocumentNumber | undefined {
  expectString(text, 'text');
  const trimmed = text.normalize('NFC').trim();
  const [first] = findDocumentNumbers(trimmed);
  return first !== undefined && first.start === 0 && first.end === trimmed.length ? first.number : undefined;
}
