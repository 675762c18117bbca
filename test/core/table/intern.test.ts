import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, Interner } from '../../../src/core/table';

describe('Interner', () => {
  it('property: cells with the same trimmed text share a code, in first-seen order, as a plain reference says', () => {
    const cell = fc.oneof(
      fc.constantFrom('a', ' a', 'a\r', 'b', '', '  ', '123', ' 123 ', 'Grand total', null),
      fc.constantFrom(123, 0, 1.5),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), fc.boolean(), (cells, blankIsValue) => {
        const interner = new Interner(blankIsValue, (t) => t === 'Grand total');
        // Reference: a code per distinct trimmed text in first-seen order; blanks and skipped texts -1.
        const order: string[] = [];
        const expected = cells.map((c) => {
          const text = cellText(c);
          if ((text === '' && !blankIsValue) || text === 'Grand total') return -1;
          if (!order.includes(text)) order.push(text);
          return order.indexOf(text);
        });
        expect(cells.map((c) => interner.code(c))).toEqual(expected);
        expect(interner.texts).toEqual(order);
        for (const [code, text] of order.entries()) expect(interner.codeOfText(text)).toBe(code);
        // Raw spellings that are not trimmed texts are not texts of the data.
        expect(interner.codeOfText(' a')).toBe(-1);
        expect(interner.codeOfText('Grand total')).toBe(-1);
      }),
    );
  });
});
