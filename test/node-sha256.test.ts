import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/hash.js';
import { nodeSha256Hex } from '../src/node/sha256.js';

describe('the catalogue hash on Node', () => {
  it('gives the digest of the pure-JavaScript SHA-256 for any text, Vietnamese, astral and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('', 'Thủ tục đăng ký khai sinh', '\uD800', 'a'.repeat(1_000))), (text) => {
        expect(nodeSha256Hex(text)).toBe(sha256Hex(text));
      }),
      { numRuns: 2_000 },
    );
  });
});
