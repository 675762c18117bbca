import { describe, expect, it } from 'vitest';
import { countValue, usesDecimalComma } from '../../../src/core/table/count-cell';

describe('count cells as the sheet shows them', () => {
  it('reads thousands separators: comma, space, no-break space, apostrophe', () => {
    expect(countValue('1,234', false)).toBe(1234);
    expect(countValue('12,345,678', false)).toBe(12_345_678);
    expect(countValue('1 234', false)).toBe(1234);
    expect(countValue('1\u00a0234\u00a0567', false)).toBe(1_234_567);
    expect(countValue("1'234", false)).toBe(1234);
    expect(countValue(' 1,234\r', false)).toBe(1234);
  });

  it('reads 1.234.567 and 1.234 as thousands in a decimal-comma column', () => {
    const column = ['1.234.567', '1.234', '12', '3,5'];
    expect(usesDecimalComma(column)).toBe(true);
    expect(column.map((c) => countValue(c, true))).toEqual([1_234_567, 1234, 12, 3.5]);
  });

  it('keeps 1.5 a decimal in a decimal-point column, where 1,234 is a thousand', () => {
    const column = ['1.5', '1,234', '7'];
    expect(usesDecimalComma(column)).toBe(false);
    expect(column.map((c) => countValue(c, false))).toEqual([1.5, 1234, 7]);
  });

  it('blank is 0; words, dates and bad groups are not numbers', () => {
    expect(countValue('', false)).toBe(0);
    expect(countValue(null, false)).toBe(0);
    for (const cell of ['many', '1,23', '12,34,567', true, new Date(0)]) {
      expect(countValue(cell, false)).toBeNaN();
    }
  });
});
