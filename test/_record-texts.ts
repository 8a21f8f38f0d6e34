/**
 * The source records' texts as blind readers saw them, for checking that a reading's quotes are the records' own
 * words: each record's JSON with its escapes undone, normalised (NFC, whitespace collapsed) like the quotes.
 */
import { sourceRecords } from '../scripts/audit-sample.js';

/** A text as quotes are compared: NFC (some records keep decomposed tone marks), whitespace collapsed. */
export const normaliseQuote = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ');

/** Each record's text by code, with what `extra` adds for a code (the defence channel rows the readers saw). */
export function recordTexts(extra: (code: string) => string = () => ''): Map<string, string> {
  return new Map(sourceRecords().map(({ code, record }) => [code, normaliseQuote(`${JSON.stringify(record).replace(/\\[nt]/gu, ' ').replace(/\\"/gu, '"')} ${extra(code)}`)]));
}
