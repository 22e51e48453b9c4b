import { describe, it, expect } from 'vitest';
import { chineseToNumber, numeralQuantity, parseQuantity } from '../../ingest/numbers.ts';

describe('chineseToNumber', () => {
  it.each([
    ['一百三十', 130], ['十五', 15], ['两', 2], ['三万五千', 35000], ['一千零五', 1005],
    ['二〇二二', 2022], ['一亿二千万', 120000000], ['零', 0],
  ])('%s → %d', (s, n) => expect(chineseToNumber(s)).toBe(n));

  it('returns null for what is not a numeral', () => {
    expect(chineseToNumber('产业')).toBeNull();
    expect(chineseToNumber('')).toBeNull();
  });
});

describe('numeralQuantity: 万 and 亿 stay in the unit, expressed in the largest one the numeral holds', () => {
  it.each([
    ['四百一十六亿五千万', '元', 416.5, '亿元'],
    ['九万三千', '吨', 9.3, '万吨'],
    ['两千万', '元', 2000, '万元'],
    ['二点五', '万亩', 2.5, '万亩'],
    ['二点五万', '亩', 2.5, '万亩'],
    ['三千七百', '人', 3700, '人'],
    ['六点零五', '', 6.05, ''],
  ])('%s + %s → %d %s', (numeral, unit, value, u) => {
    expect(numeralQuantity(numeral, unit)).toEqual({ value, unit: u });
  });

  it('returns null for what is not a numeral', () => {
    expect(numeralQuantity('点五', '亩')).toBeNull();
    expect(numeralQuantity('一点', '亩')).toBeNull();
    expect(numeralQuantity('好多', '亩')).toBeNull();
  });
});

describe('parseQuantity', () => {
  it.each([
    ['一百三十万千瓦', 130, '万千瓦'],
    ['5千头', 5000, '头'],
    ['1.5亿元', 1.5, '亿元'],
    ['两个', 2, '个'],
    ['8.5%', 8.5, '%'],
    ['百分之八', 8, '%'],
    ['百分之六点五', 6.5, '%'],
    ['1,200万元', 1200, '万元'],
    ['5千瓦', 5, '千瓦'],
    ['一亿二千万元', 1.2, '亿元'],
    ['四千万元', 4000, '万元'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(parseQuantity(text)).toEqual({ value, unit, redacted: false });
  });

  it('reads masked numbers as redacted, never as values', () => {
    expect(parseQuantity('xx亿元')).toEqual({ value: null, unit: '亿元', redacted: true });
    expect(parseQuantity('x.x%')).toEqual({ value: null, unit: '%', redacted: true });
  });

  it('returns null when the text does not start with a number', () => {
    expect(parseQuantity('亿元')).toBeNull();
  });
});
