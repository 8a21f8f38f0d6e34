import { describe, expect, it } from 'vitest';
import { findDocumentNumbers, parseDocumentNumber } from './document-number.js';

describe('parseDocumentNumber', () => {
  it.each([
    ['123/2015/NĐ-CP', '123', 2015, 'NĐ-CP'],
    ['60/2014/QH13', '60', 2014, 'QH13'],
    ['66.7/2025/NQ-CP', '66.7', 2025, 'NQ-CP'],
    ['02/2017/TT-VPCP', '02', 2017, 'TT-VPCP'],
    ['12/2010/TTLT-BQP-BLĐTBXH-BTC', '12', 2010, 'TTLT-BQP-BLĐTBXH-BTC'],
    ['290/2005/QĐ-TTg', '290', 2005, 'QĐ-TTg'],
  ] as const)('reads %s', (text, serial, year, symbol) => {
    expect(parseDocumentNumber(text)).toEqual({ text, serial, year, symbol });
  });

  it('reads numbers without a year: 237/NQ-UBTVQH16, 1404/QĐ-UBND', () => {
    expect(parseDocumentNumber('237/NQ-UBTVQH16')).toEqual({ text: '237/NQ-UBTVQH16', serial: '237', symbol: 'NQ-UBTVQH16' });
    expect(parseDocumentNumber('1404/QĐ-UBND')?.symbol).toBe('QĐ-UBND');
  });

  it.each(['2014/QH13x', 'Luật 60/2014/QH13', '123/TT', '15/11/2015', '', '7/2025/NĐ-C'])('rejects "%s"', (text) => {
    expect(parseDocumentNumber(text)).toBeUndefined();
  });
});

describe('findDocumentNumbers', () => {
  it('splits a title\'s own number glued to the code: "Luật 60/2014/QH1360/2014/QH13"', () => {
    expect(findDocumentNumbers('Luật 60/2014/QH1360/2014/QH13').map((found) => [found.number.text, found.start])).toEqual([
      ['60/2014/QH13', 5],
      ['60/2014/QH13', 17],
    ]);
  });

  it('stops an issuer where the next title starts in capitals: "123/2015/NĐ-CPQUY ĐỊNH"', () => {
    expect(findDocumentNumbers('123/2015/NĐ-CPQUY ĐỊNH').map((found) => found.number.text)).toEqual(['123/2015/NĐ-CP']);
  });

  it('finds a number after a year written in a title ("Luật Cư trú 202068/2020/QH14") and after a sentence', () => {
    expect(findDocumentNumbers('Luật Cư trú 202068/2020/QH14').map((found) => found.number.text)).toEqual(['68/2020/QH14']);
    expect(findDocumentNumbers('liên quan.31/2023/TT-BCA').map((found) => found.number.text)).toEqual(['31/2023/TT-BCA']);
  });

  it('does not read a decimal serial\'s tail as a number: "66.7/2025/NQ-CP" is one number', () => {
    expect(findDocumentNumbers('dữ liệu66.7/2025/NQ-CP').map((found) => found.number.text)).toEqual(['66.7/2025/NQ-CP']);
  });
});
