/**
 * Splitting the flattened page text of the National Public Service Portal (tables run together without separators)
 * back into cells. Used by the importer only.
 */
import { findDocumentNumbers } from '../src/catalog/document-number.js';
import type { LegalDocument, ProcedureResult } from '../src/catalog/schema.js';

export type ChannelLabel = 'Trực tiếp' | 'Trực tuyến' | 'Dịch vụ bưu chính';
export interface ChannelRow {
  readonly channel: ChannelLabel;
  readonly time: string;
  readonly fee: string;
  readonly description: string;
  /**
   * The time cell ran into the fee ("120 VNĐ(20.000 vnđ /tờ khai)") and could not be split with certainty: the whole
   * text is kept here and in `fee`, and `time` is empty. A fee never becomes a deadline.
   */
  readonly glued?: string;
}

const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const BLOCK_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=[\d\p{Lu}])/gu;
const TIME = /^(Không có thông tin|\d+(?:[.,]\d+)?(?:\/\d+)?(?: ?(?:Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm|Tuần))?)/u;
const FEE_ANYWHERE = /(Miễn phí|Không có thông tin|[\d.,]+ ?(?:Việt Nam Đồng|VNĐ|USD))/u;
const FEE = /^(Miễn phí|Không có thông tin|[\d.,]+ ?(?:Việt Nam Đồng|VNĐ|USD|Đồng))/u;

/**
 * Splits `cach_thuc_thuc_hien`: "Hình thức nộpThời gianPhí, lệ phíMô tả" then blocks
 * "<channel><time><fee>[(fee note)]<description>". A block starts at a channel name directly followed by a digit or a
 * capital letter (channel names inside descriptions are followed by a space or a colon).
 */
export function splitChannels(text: string): ChannelRow[] {
  const body = text.startsWith(CHANNEL_HEADER) ? text.slice(CHANNEL_HEADER.length) : text;
  const starts = [...body.matchAll(BLOCK_START)];
  const rows: ChannelRow[] = [];
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.index ?? body.length;
    let rest = body.slice(start.index + start[0].length, end);
    let time = TIME.exec(rest)?.[0] ?? '';
    if (time === '') {
      // A free-text time ("Hệ thống ... phản hồi tự động", "Không"): it runs up to the fee cell.
      const fee = FEE_ANYWHERE.exec(rest);
      if (fee !== null && fee.index <= 400) time = rest.slice(0, fee.index);
    }
    rest = rest.slice(time.length);
    let fee = FEE.exec(rest)?.[0] ?? '';
    let glued: string | undefined;
    if (fee === '' && /^\d/.test(time) && /^[\d.,]*\s?(?:Việt Nam Đồng|VNĐ|USD|Đồng)/u.test(rest)) {
      // A unit-less time glued to an amount ("120 VNĐ(20.000 vnđ /tờ khai)" is "1" and "20 VNĐ"): split only when the
      // fee's own note confirms the amount; otherwise keep both together and read no deadline from them.
      const more = rest.match(/^[\d.,]*/u)![0];
      const digits = time + more;
      rest = rest.slice(more.length);
      const currency = /^\s?(?:Việt Nam Đồng|VNĐ|USD|Đồng)/u.exec(rest)![0];
      rest = rest.slice(currency.length);
      const note = rest.startsWith('(') ? rest.slice(0, balancedEnd(rest)) : '';
      rest = rest.slice(note.length);
      const split = splitGluedAmount(digits, note);
      if (split === undefined) {
        glued = `${digits}${currency}${note}`;
        time = '';
        fee = glued;
      } else {
        time = split.time;
        fee = `${split.amount}${currency}${note}`;
      }
    } else {
      rest = rest.slice(fee.length);
      if (fee !== '' && rest.startsWith('(')) {
        const close = balancedEnd(rest);
        fee += rest.slice(0, close);
        rest = rest.slice(close);
      }
    }
    const row: ChannelRow = { channel: start[1] as ChannelLabel, time: time.trim(), fee: fee.trim(), description: rest.trim() };
    rows.push(glued === undefined ? row : { ...row, glued: glued.trim() });
  });
  return rows;
}

/**
 * Splits "<deadline><amount>" when the fee note states the amount: "120" with "(20.000 vnđ /tờ khai)" is "1" and "20";
 * "1100" with "(Phí công bố ...: 100.000 đồng/lần)" is "1" and "100". Undefined when no split, or more than one, fits.
 */
export function splitGluedAmount(digits: string, note: string): { time: string; amount: string } | undefined {
  const stated = new Set([...note.matchAll(/(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đ|Đ|vnđ|VNĐ|đồng|Đồng|USD)/gu)].map((match) => match[1]!.replace(/[.,]/g, '')));
  const fits: { time: string; amount: string }[] = [];
  for (let cut = 1; cut <= 2 && cut < digits.length; cut += 1) {
    const time = digits.slice(0, cut);
    const amount = digits.slice(cut);
    if (/^0\d/.test(time) || /^0/.test(amount)) continue;
    const plain = amount.replace(/[.,]/g, '');
    if (stated.has(plain) || stated.has(`${plain}000`)) fits.push({ time, amount });
  }
  return fits.length === 1 ? fits[0] : undefined;
}
function balancedEnd(text: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return text.length;
}

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
const GLUED_PREFIX = /(?<=[\p{Ll}.)\d])((?:Nghị định|Thông tư liên tịch|Thông tư|Luật|Quyết định|Nghị quyết|Pháp lệnh|Bộ luật|Văn bản hợp nhất)(?: số)?\s*)$/u;

/**
 * Splits `can_cu_phap_ly`: "Tên văn bản pháp lýMã văn bản" then "<title><number>" pairs run together. A number is the
 * "Mã văn bản" cell when the next title starts right after it (a capital letter), or the text ends; a number followed
 * by a space and a lower-case word, a comma, or glued to the next number ("Luật 60/2014/QH1360/2014/QH13") belongs to
 * the title. Numbers are read with the document-number grammar (findDocumentNumbers); text with no number is kept as
 * `{ raw, reason }`.
 */
export function splitLegalBasis(text: string): LegalDocument[] {
  const body = (text.startsWith(LEGAL_HEADER) ? text.slice(LEGAL_HEADER.length) : text).normalize('NFC').trim();
  if (body === '' || body === 'Không có thông tin') return [];
  const documents: LegalDocument[] = [];
  let cursor = 0;
  for (const { number, start, end } of findDocumentNumbers(body)) {
    if (start < cursor) continue;
    const next = body.slice(end, end + 2);
    const endsCell = next === '' || /^\p{Lu}/u.test(next) || /^ \p{Lu}/u.test(next) || /^\s*$/u.test(body.slice(end));
    if (!endsCell) continue;
    let title = body.slice(cursor, start);
    const prefix = GLUED_PREFIX.exec(title);
    if (prefix !== null && title.slice(0, prefix.index).trim() !== '') title = title.slice(0, prefix.index);
    title = title.replace(/\s+/gu, ' ').trim();
    documents.push(title === '' || title === number.text ? { number: number.text } : { number: number.text, title });
    cursor = end;
  }
  const rest = body.slice(cursor).replace(/\s+/gu, ' ').trim();
  if (rest !== '') documents.push({ raw: rest, reason: /\d\/(\d{4}\/)?\p{Lu}/u.test(rest) ? 'unsplittable' : 'no-number' });
  return documents;
}

/** Splits `ket_qua_xu_ly`: "<name>Mã: KQ.G15.000031" repeated, then page chrome from "Từ khóa" on. */
export function splitResults(text: string): ProcedureResult[] {
  const cut = text.indexOf('Từ khóa');
  const body = (cut === -1 ? text : text.slice(0, cut)).trim();
  if (body === '' || body === 'Không có thông tin') return [];
  const results: ProcedureResult[] = [];
  let cursor = 0;
  for (const match of body.matchAll(/Mã: ?(KQ[.\w]*\d)/gu)) {
    const name = body.slice(cursor, match.index).replace(/\s+/gu, ' ').trim();
    if (name !== '') results.push({ name, code: match[1]! });
    cursor = match.index + match[0].length;
  }
  const rest = body.slice(cursor).replace(/\s+/gu, ' ').trim();
  if (rest !== '') results.push({ name: rest });
  return results;
}

/** Splits a comma-separated list, ignoring commas inside parentheses. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && depth === 0) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items.map((item) => item.replace(/\s+/gu, ' ').trim()).filter((item) => item !== '');
}
