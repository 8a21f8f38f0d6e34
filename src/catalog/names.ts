/**
 * Comparing Vietnamese names. Sources disagree on tone-mark placement ("Hòa" / "Hoà", "Thủy" / "Thuỷ"), on Unicode
 * composition (NFC / NFD) and on case; none of these is a change of name.
 */

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
import { expectString } from '../arguments.js';
import type { LocalizedText } from '../vocabulary.js';
const VOWELS = new Set([...'aăâeêioôơuưy']);
const MODIFIED_VOWELS = new Set([...'ăâêôơư']);
/** Open syllables whose tone sits on the second vowel in the "new" placement (hoà, khoẻ, thuỷ). */
const SECOND_VOWEL_PAIRS = new Set(['oa', 'oe', 'uy']);

/**
 * Normalises a Vietnamese name for comparison: Unicode NFC, lower case, one space between words, `Ð` (eth) read as
 * `Đ`, and every tone mark placed by one rule (the "new" placement: `hoà`, `thuỷ`, `khoẻ`), so that names differing
 * only in tone-mark placement compare equal. The result is a comparison key, not a display name.
 *
 * @param name - a name in any Unicode normal form
 * @returns the comparison key
 * @example normaliseName('Hòa Bình') === normaliseName('Hoà Bình') // true
 */
export function normaliseName(name: string): string {
  expectString(name, 'name');
  const lowered = name.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ').toLowerCase();
  const decomposed = lowered.normalize('NFD');
  const placed = decomposed.replace(/[\p{L}\p{M}]+/gu, placeToneOnce);
  return placed.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * normaliseName with a memory, for one pass over a catalogue: sectors and authority texts repeat across thousands of
 * procedures. The memory lives as long as the returned function.
 */
export function rememberingNormaliser(): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let found = known.get(name);
    if (found === undefined) known.set(name, (found = normaliseName(name)));
    return found;
  };
}

/** True when two names are the same after {@link normaliseName}. */
export function isSameName(a: string, b: string): boolean {
  expectString(a, 'a');
  expectString(b, 'b');
  return normaliseName(a) === normaliseName(b);
}

/**
 * Syllables already placed: a catalogue's names are made of a few thousand syllables repeated across thousands of
 * names (thủ, tục, cấp...). Bounded, since names from outside the catalogue may be anything.
 */
const placedSyllables = new Map<string, string>();
const MAX_PLACED_SYLLABLES = 50_000;

function placeToneOnce(syllable: string): string {
  let placed = placedSyllables.get(syllable);
  if (placed === undefined) {
    placed = placeTone(syllable);
    if (placedSyllables.size < MAX_PLACED_SYLLABLES) placedSyllables.set(syllable, placed);
  }
  return placed;
}

/** Re-places the tone mark of one decomposed, lower-case syllable. */
function placeTone(syllable: string): string {
  let tone: string | undefined;
  let bare = '';
  for (const char of syllable) {
    if (TONE_MARKS.has(char)) tone ??= char;
    else bare += char;
  }
  const chars = [...bare.normalize('NFC')];
  if (tone === undefined) return chars.join('');
  const target = toneIndex(chars);
  if (target === undefined) return chars.join('') + tone;
  chars[target] = (chars[target] ?? '') + tone;
  return chars.join('').normalize('NFC');
}

function toneIndex(chars: readonly string[]): number | undefined {
  let start = 0;
  // "qu" and "gi" before another vowel are onsets: the u / i is not part of the nucleus.
  if ((chars[0] === 'q' && chars[1] === 'u') || (chars[0] === 'g' && chars[1] === 'i' && VOWELS.has(chars[2] ?? ''))) start = 2;
  while (start < chars.length && !VOWELS.has(chars[start]!)) start += 1;
  if (start >= chars.length) {
    // "gì", "quý": the onset vowel carries the tone.
    const fallback = chars.findIndex((char) => VOWELS.has(char));
    return fallback === -1 ? undefined : fallback;
  }
  let end = start;
  while (end < chars.length && VOWELS.has(chars[end]!)) end += 1;
  const cluster = chars.slice(start, end);
  for (let index = cluster.length - 1; index >= 0; index -= 1) {
    if (MODIFIED_VOWELS.has(cluster[index]!)) return start + index;
  }
  if (cluster.length === 1) return start;
  const closed = end < chars.length;
  if (closed) return end - 1;
  if (cluster.length === 2) return SECOND_VOWEL_PAIRS.has(cluster.join('')) ? start + 1 : start;
  return start + 1;
}

/**
 * A Vietnamese text without its diacritics: tone and vowel marks dropped, `đ`/`Đ` as `d`/`D` (how the catalogue's
 * English names of units are written, except where English has a name of its own).
 *
 * @example withoutDiacritics('Phường Ba Đình') // 'Phuong Ba Dinh'
 */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * Turns a Vietnamese name into an ASCII slug for file names: no diacritics, `đ` as `d`, lower case, words joined by
 * hyphens, at most `maxLength` characters (cut at a word boundary).
 *
 * @example slugify('Khiếu nại, tố cáo') // 'khieu-nai-to-cao'
 */
export function slugify(name: string, maxLength = 60): string {
  const ascii = withoutDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, maxLength)).replace(/-+$/g, '');
}

/** A name template's placeholder: `Xã {}`, `{} Commune`. */
const NAME_SLOT = '{}';

/** A unit version's names as a routing snapshot writes them: the English name only where it is not derived. */
export interface WrittenUnitNames {
  readonly name: { readonly vi: string; readonly en?: string };
  readonly fullName?: LocalizedText;
}

/** The template that gives `fullName` from `name` (the name in it once), if any. */
export function nameTemplate(fullName: string, name: string): string | undefined {
  const at = fullName.indexOf(name);
  if (at < 0 || fullName.indexOf(name, at + 1) >= 0) return undefined;
  const template = fullName.slice(0, at) + NAME_SLOT + fullName.slice(at + name.length);
  return isNameTemplate(template) ? template : undefined;
}

function isNameTemplate(template: unknown): template is string {
  if (typeof template !== 'string') return false;
  const slot = template.indexOf(NAME_SLOT);
  return slot >= 0 && template.indexOf(NAME_SLOT, slot + 1) < 0;
}

function fillNameTemplate(template: string, name: string): string {
  const slot = template.indexOf(NAME_SLOT);
  return template.slice(0, slot) + name + template.slice(slot + NAME_SLOT.length);
}

/**
 * A unit version's names in full from what a routing snapshot writes: the English name is the Vietnamese without
 * diacritics where it is not written, the full name the name in its type's template (`Xã {}` / `{} Commune`) where
 * it is not written. Undefined when the full name is neither written nor given by a usable template.
 */
export function expandUnitNames(written: WrittenUnitNames, template: unknown): { readonly name: LocalizedText; readonly fullName: LocalizedText } | undefined {
  const name: LocalizedText = { vi: written.name.vi, en: written.name.en ?? withoutDiacritics(written.name.vi) };
  if (written.fullName !== undefined) return { name, fullName: written.fullName };
  const { vi, en } = (template ?? {}) as { vi?: unknown; en?: unknown };
  if (!isNameTemplate(vi) || !isNameTemplate(en)) return undefined;
  return { name, fullName: { vi: fillNameTemplate(vi, name.vi), en: fillNameTemplate(en, name.en) } };
}

/** The names a routing snapshot writes for a version: whatever expandUnitNames gives back exactly is left out. */
export function compactUnitNames(name: LocalizedText, fullName: LocalizedText, template: LocalizedText | undefined): WrittenUnitNames {
  const shortName = withoutDiacritics(name.vi) === name.en ? { vi: name.vi } : name;
  const restored = expandUnitNames({ name: shortName }, template);
  const derivable = restored !== undefined && restored.fullName.vi === fullName.vi && restored.fullName.en === fullName.en;
  return derivable ? { name: shortName } : { name: shortName, fullName };
}
