import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, Interner } from '../../../src/core/table';
import { hashOf } from '../../../src/core/table/intern';

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

  // Ids that all share one sampled hash (they differ only at positions the sampled hash of a long
  // string skips), so only the comparison tells them apart: each of 1000 seen twice, then looked up
  // as texts. Ids are all distinct, so the codes are 0..999 in first-seen order, twice.
  const collidingIds = [
    {
      // Compared as strings (too long for any slot); hashOf reads positions 0, 5, 10... and the last 8.
      what: '40-character ids, differing at positions 1, 2 and 4',
      id: (d: string) => `x${d[0]}${d[1]}x${d[2]}${'x'.repeat(35)}`,
      unseen: `y${'x'.repeat(39)}`,
    },
    {
      // Compared in a 32-byte slot; hashOf reads positions 0, 2, 4... and the last 8.
      what: '20-character ids, differing at positions 1, 3 and 5',
      id: (d: string) => `x${d[0]}x${d[1]}x${d[2]}${'x'.repeat(14)}`,
      unseen: `x0y0x0${'x'.repeat(14)}`,
    },
    {
      // UUID-length: the table moves to 48-byte slots at its first growth and compares there.
      what: '36-character ids, differing at positions 1 to 3',
      id: (d: string) => `x${d}${'x'.repeat(32)}`,
      unseen: `x00y${'x'.repeat(32)}`,
    },
  ];
  for (const { what, id, unseen } of collidingIds) {
    it(`${what}, all of one sampled hash, get one code each in first-seen order`, () => {
      const ids = Array.from({ length: 1000 }, (_, i) => id(String(i).padStart(3, '0')));
      const interner = new Interner();
      const codes = [...ids, ...ids].map((text) => interner.code(text));
      const expected = ids.map((_, i) => i);
      expect(codes).toEqual([...expected, ...expected]);
      expect(interner.texts).toEqual(ids);
      expect(ids.map((text) => interner.codeOfText(text))).toEqual(expected);
      expect(interner.codeOfText(unseen)).toBe(-1);
    });
  }

  it('keys of every length from 15 to 45, some with characters above 255, as the table grows, as a Map says', () => {
    // Slots of 32 and of 48 bytes, keys held in them and keys compared as strings, mixed in one
    // table as it grows (and its slots get larger when enough keys need it).
    // Lengths spread evenly (half the keys need large slots), or mostly short (the slots stay small
    // and the long keys are compared as strings).
    const lengthOf = [
      (i: number) => 15 + (i % 31),
      (i: number) => (i % 10 === 0 ? 24 + (i % 22) : 15 + (i % 9)),
    ];
    for (const length of lengthOf) {
      const keys: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const body = `${i}-${'k'.repeat(length(i))}`.slice(0, length(i));
        keys.push(i % 7 === 0 ? `ł${body.slice(1)}` : body);
      }
      const interner = new Interner();
      const reference = new Map<string, number>();
      // Each key, then every third one again, in an order that mixes lengths.
      for (const key of [...keys, ...keys.filter((_, i) => i % 3 === 0).reverse()]) {
        if (!reference.has(key)) reference.set(key, reference.size);
        expect(interner.code(key)).toBe(reference.get(key));
      }
      expect(keys.map((key) => interner.codeOfText(key))).toEqual(keys.map((key) => reference.get(key)));
    }
  });

  it('a text that starts with a shorter key of the same hash is another text', () => {
    // A pair with equal hashes, found by a meet-in-the-middle search over the hash's linear form
    // (the key held in its slot is "u1"; the text reads the same 2 characters, then more).
    expect(hashOf('u1apddizz', false)).toBe(hashOf('u1', false));
    const interner = new Interner();
    expect([interner.code('u1'), interner.code('u1apddizz'), interner.code('u1')]).toEqual([0, 1, 0]);
    expect(interner.codeOfText('u1apddizz')).toBe(1);
  });

  it('property: texts of any characters and lengths around what a slot holds intern as a plain Map says', () => {
    // Characters above 255 (é fits a byte, ł and emoji do not) and lengths on both sides of the
    // 23 characters a slot holds: a key held in its slot and one compared as a string must agree.
    const char = fc.constantFrom('a', 'b', 'é', 'ł', '😀', '1', '.');
    const text = fc
      .tuple(fc.array(char, { minLength: 0, maxLength: 14 }), fc.integer({ min: 0, max: 26 }))
      .map(([chars, pad]) => `${'7'.repeat(pad)}${chars.join('')}`);
    // Cells drawn from a small pool of texts, so that texts come back after others of their length.
    const cellsAndProbes = fc
      .array(text, { minLength: 1, maxLength: 12 })
      .chain((pool) =>
        fc.tuple(
          fc.array(fc.constantFrom(...pool), { maxLength: 120 }),
          fc.array(fc.oneof(fc.constantFrom(...pool), text), { maxLength: 20 }),
        ),
      );
    fc.assert(
      fc.property(cellsAndProbes, ([cells, probes]) => {
        const interner = new Interner(true);
        const reference = new Map<string, number>();
        for (const cell of cells) {
          if (!reference.has(cell)) reference.set(cell, reference.size);
          expect(interner.code(cell)).toBe(reference.get(cell));
        }
        expect(interner.texts).toEqual([...reference.keys()]);
        for (const probe of probes) expect(interner.codeOfText(probe)).toBe(reference.get(probe) ?? -1);
      }),
      { numRuns: 300 },
    );
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
