/**
 * Checks that a thrown error speaks Vietnamese: a messageVi of its own, in Vietnamese, with no English words outside
 * the values, names and codes it quotes.
 */
import { expect, it } from 'vitest';
import { isTthcError } from '../src/errors.js';
import type { TthcError } from '../src/errors.js';

/** English words that have no place in a Vietnamese sentence of ours. */
const ENGLISH_WORDS = [
  'expected', 'got', 'must', 'should', 'the', 'of', 'not', 'an', 'is', 'has', 'have', 'with', 'or', 'and', 'before', 'after', 'outside',
  'unknown', 'invalid', 'file', 'files', 'ends', 'leaves', 'needs', 'from', 'cannot', 'failed', 'no', 'to', 'be',
];

/** Argument and option names a message may start with, as written in code (`files phải là ...`). */
const LEADING_NAMES = /^(?:files|format|lang|level|date|value|unit|ruleId|dataset|snapshot|decision|sources|env|results)\b/;

/**
 * The words of a message's prose: quoted values, `{ shapes }`, one-word glosses in parentheses ("(snapshot)"), calls
 * ("route()"), the argument named at the start and identifier-like tokens (paths, dotted names, camelCase, CODES,
 * options) taken out.
 */
export function proseWordsOf(text: string): string[] {
  return text
    .replace(/^[\w.[\]-]+:/, ' ')
    .replace(LEADING_NAMES, ' ')
    .replace(/"[^"]*"|`[^`]*`|'[^']*'/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\([A-Za-z]+\)/g, ' ')
    .replace(/[\w$]+\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((token) => !/[._[\]/\\=<>$0-9-]|[a-z][A-Z]|^[A-Z]{2,}/.test(token))
    .map((token) => token.replace(/[(),;:!?]/g, '').toLowerCase())
    .filter((token) => token !== '');
}

/** English words found in a Vietnamese message's prose. */
export function englishWordsIn(text: string): string[] {
  const words = proseWordsOf(text);
  return ENGLISH_WORDS.filter((word) => words.includes(word));
}

function tthcErrorOr(error: unknown): TthcError {
  if (isTthcError(error)) return error;
  throw error;
}

/** Runs `act`, which must throw a TthcError, and returns the error. */
export function thrownBy(act: () => unknown): TthcError {
  try {
    act();
  } catch (error) {
    return tthcErrorOr(error);
  }
  throw new Error('expected a TthcError, nothing was thrown');
}

/** Awaits `act`, which must reject with a TthcError, and returns the error. */
export async function rejectionOf(act: () => Promise<unknown>): Promise<TthcError> {
  try {
    await act();
  } catch (error) {
    return tthcErrorOr(error);
  }
  throw new Error('expected a TthcError, nothing was thrown');
}

/** One test a case: `act` throws a TthcError with this code whose Vietnamese message contains `vi` and is Vietnamese. */
export function itThrowsInVietnamese(cases: readonly (readonly [name: string, act: () => unknown, code: TthcError['code'], vi: string])[]): void {
  for (const [name, act, code, vi] of cases) {
    it(name, () => {
      const error = thrownBy(act);
      expect(error.code).toBe(code);
      expect(error.messageVi).toContain(vi);
      expectVietnameseMessage(error);
    });
  }
}

/** The error's Vietnamese message is its own, Vietnamese, and free of English prose. */
export function expectVietnameseMessage(error: { readonly message: string; readonly messageVi: string }): void {
  expect(typeof error.messageVi).toBe('string');
  expect(error.messageVi).not.toBe(error.message);
  expect(error.messageVi).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu);
  expect(englishWordsIn(error.messageVi), error.messageVi).toEqual([]);
}
