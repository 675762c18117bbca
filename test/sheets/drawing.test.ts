/**
 * The record of what a view drew (src/sheets/drawing.ts): fingerprints tell our cells from the
 * user's, and a damaged record is read as no record at all (every cell then counts as the user's).
 */
import { describe, expect, it } from 'vitest';
import { fingerprint, parseDrawing } from '../../src/sheets/drawing';

describe('fingerprint', () => {
  it('is the same for a formula as written and as Sheets reads it back (case and spaces aside)', () => {
    const written = fingerprint(`=FUNNEL('Data'!A:C, {"a","b"})`, '');
    expect(fingerprint('#REF!', `=FUNNEL('Data'!A:C, {"a","b"})`)).toBe(written);
    expect(fingerprint(123, `=funnel('Data'!A:C,{"a","b"})`)).toBe(written);
  });

  it('tells apart a formula and its text, a number and its digits, and another text', () => {
    const prints = [
      fingerprint('', '=1+1'),
      fingerprint('1+1', ''),
      fingerprint(2, ''),
      fingerprint('2', ''),
      fingerprint('Dashboard', ''),
      fingerprint('dashboard', ''),
    ];
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('is empty for a blank cell only', () => {
    expect(fingerprint('', '')).toBe('');
    expect(fingerprint(null, '')).toBe('');
    expect(fingerprint(0, '')).not.toBe('');
    expect(fingerprint(false, '')).not.toBe('');
  });
});

describe('parseDrawing', () => {
  it('reads a record back', () => {
    const drawing = {
      rows: [{ '1': 'abc' }, {}],
      width: 7,
      spills: [{ row: 4, column: 1, rows: 5, columns: 7 }],
    };
    expect(parseDrawing(JSON.parse(JSON.stringify(drawing)))).toEqual(drawing);
  });

  it('drops what is not a record, and the parts of one that are not well formed', () => {
    expect(parseDrawing(null)).toBeUndefined();
    expect(parseDrawing({ rows: 'x', width: 3 })).toBeUndefined();
    expect(parseDrawing({ rows: [], width: -1 })).toBeUndefined();
    expect(
      parseDrawing({
        rows: [{ '1': 'abc', x: 'no', '2': 5 }, 'junk'],
        width: 2,
        spills: [{ row: 1, column: 1, rows: 2, columns: 'wide' }],
        whole: 4,
      }),
    ).toEqual({ rows: [{ '1': 'abc' }, {}], width: 2, spills: [], whole: 4 });
  });
});
