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

  it('long ids that agree on the sampled characters still get one code each, in first-seen order', () => {
    // 40-character ids that differ only at positions 1, 2 and 4, which the sampled hash of a long
    // string skips (it reads positions 0, 5, 10... and the last 8): 1000 ids that all share one
    // sampled hash, each seen twice, then looked up as texts.
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const d = String(i).padStart(3, '0');
      ids.push(`x${d[0]}${d[1]}x${d[2]}${'x'.repeat(35)}`);
    }
    const interner = new Interner();
    const codes = [...ids, ...ids].map((id) => interner.code(id));
    // Reference: ids are all distinct, so codes are 0..999 in order, twice.
    const expected = ids.map((_, i) => i);
    expect(codes).toEqual([...expected, ...expected]);
    expect(interner.texts).toEqual(ids);
    expect(ids.map((id) => interner.codeOfText(id))).toEqual(expected);
    expect(interner.codeOfText(`y${'x'.repeat(39)}`)).toBe(-1);
  });

  it('property: long strings from a small alphabet intern as a plain Map of texts says', () => {
    const long = fc.stringMatching(/^[ab]{10,30}$/);
    fc.assert(
      fc.property(fc.array(long, { maxLength: 200 }), (cells) => {
        const interner = new Interner();
        const reference = new Map<string, number>();
        for (const cell of cells) {
          if (!reference.has(cell)) reference.set(cell, reference.size);
          expect(interner.code(cell)).toBe(reference.get(cell));
        }
        expect(interner.texts).toEqual([...reference.keys()]);
      }),
      { numRuns: 100 },
    );
  });
});
