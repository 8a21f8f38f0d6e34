import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameName, normaliseName, slugify } from './names.js';

describe('normaliseName', () => {
  it.each([
    ['Hòa', 'Hoà'],
    ['Ho\u0300a', 'Hoà'],
    ['Hòa'.normalize('NFD'), 'Hoà'.normalize('NFD')],
    ['Thủy', 'Thuỷ'],
    ['Khỏe', 'Khoẻ'],
    ['Chiêm Hóa', 'Chiêm Hoá'],
    ['Yên Hòa', 'yên  hoà '],
    ['Ðồng Nai', 'Đồng Nai'],
    ['Xã Bắc Sơn', 'xã Bắc Sơn'],
  ])('treats "%s" and "%s" as the same name', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
  });

  it.each([
    ['Phó Bảng', 'Phố Bảng'],
    ['Hòa', 'Hóa'],
    ['Thủy', 'Thùy'],
  ])('keeps "%s" and "%s" apart (a different letter or tone, not a placement)', (a, b) => {
    expect(isSameName(a, b)).toBe(false);
  });

  it('places tones the new way and leaves closed syllables alone', () => {
    expect(normaliseName('Hòa Bình')).toBe('hoà bình');
    expect(normaliseName('Hoàng Quý Nguyễn')).toBe('hoàng quý nguyễn');
  });

  it('returns NFC text', () => {
    expect(normaliseName('Ho\u0300a')).toBe('hoà'.normalize('NFC'));
  });

  it('is idempotent on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => normaliseName(normaliseName(text)) === normaliseName(text)));
  });

  it('is idempotent on Vietnamese-looking names', () => {
    const syllable = fc.constantFrom('hòa', 'hoà', 'thủy', 'thuỷ', 'khỏe', 'hoàng', 'quý', 'gì', 'nguyễn', 'Hoá', 'Ðông', 'tuyển');
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 4 }), fc.constantFrom('NFC', 'NFD'), (words, form) => {
        const name = words.join(' ').normalize(form as 'NFC' | 'NFD');
        return normaliseName(normaliseName(name)) === normaliseName(name);
      }),
    );
  });

  it('makes "Hòa" and "Hoà" equal in NFC and NFD, whatever surrounds them', () => {
    fc.assert(
      fc.property(fc.constantFrom('NFC', 'NFD'), fc.constantFrom('NFC', 'NFD'), fc.constantFrom('', 'Yên ', 'xã '), (f1, f2, prefix) => {
        const a = `${prefix}Hòa`.normalize(f1 as 'NFC');
        const b = `${prefix}Hoà`.normalize(f2 as 'NFC');
        return normaliseName(a) === normaliseName(b);
      }),
    );
  });
});

describe('slugify', () => {
  it.each([
    ['Khiếu nại, tố cáo', 'khieu-nai-to-cao'],
    ['Bộ Nông nghiệp và Môi trường', 'bo-nong-nghiep-va-moi-truong'],
    ['Đường bộ', 'duong-bo'],
  ])('turns "%s" into "%s"', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts long names at a word boundary', () => {
    const slug = slugify('Hoạt động khoa học và công nghệ trong lĩnh vực quốc phòng và an ninh quốc gia', 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
  });
});
