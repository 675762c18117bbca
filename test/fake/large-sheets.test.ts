/**
 * Sheets of a few hundred thousand rows (a real GA4 export): growing the sheet, inserting and
 * moving rows or columns in the middle must work at that size as it does on ten rows (a spread of
 * a 200k-element array into a call overflows the stack: "Maximum call stack size exceeded").
 */
import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';

const BIG = 200_000;

function bigSheet() {
  const { spreadsheet } = createFakeServices({ sheetNames: ['Data'] });
  return spreadsheet.getSheetByName('Data')!;
}

describe('a sheet of 200,000 rows', () => {
  it('grows to A200000 and keeps a value written there', () => {
    const sheet = bigSheet();
    sheet.insertRowsAfter(sheet.getMaxRows(), BIG - 1000);
    expect(sheet.getMaxRows()).toBe(BIG);
    sheet.getRange(`A${BIG}`).setValue('last');
    expect(sheet.getRange(`A${BIG}`).getValue()).toBe('last');
    expect(sheet.getLastRow()).toBe(BIG);
  });

  it('inserts 199,000 rows between two filled rows: the lower one moves down by exactly that many', () => {
    const sheet = bigSheet();
    sheet.getRange('A1:A2').setValues([['top'], ['bottom']]);
    sheet.insertRowsAfter(1, BIG - 1000);
    // Row 2 moved below the 199,000 new rows: 2 + 199,000.
    expect(sheet.getRange(`A${2 + BIG - 1000}`).getValue()).toBe('bottom');
    expect(sheet.getRange('A1').getValue()).toBe('top');
    expect(sheet.getRange('A2').getValue()).toBe('');
    expect(sheet.getMaxRows()).toBe(1000 + BIG - 1000);
  });

  it('writes 200,000 rows at once and moves the last one to the top', () => {
    const sheet = bigSheet();
    sheet.insertRowsAfter(sheet.getMaxRows(), BIG - 1000);
    const values = Array.from({ length: BIG }, (_, i) => [`row ${i + 1}`]);
    sheet.getRange(1, 1, BIG, 1).setValues(values);
    sheet.moveRows(sheet.getRange(`A${BIG}`), 1);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[`row ${BIG}`], ['row 1']]);
    expect(sheet.getRange(`A${BIG}`).getValue()).toBe(`row ${BIG - 1}`);
  });

  it('inserts 20,000 columns in the middle of a filled row', () => {
    const sheet = bigSheet();
    sheet.getRange('A1:B1').setValues([['left', 'right']]);
    sheet.insertColumnsAfter(1, 20_000);
    // Column B moved 20,000 columns to the right: column 2 + 20,000.
    expect(sheet.getRange(1, 2 + 20_000).getValue()).toBe('right');
    expect(sheet.getRange('B1').getValue()).toBe('');
  });
});
