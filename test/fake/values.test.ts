import { describe, expect, it } from 'vitest';
import { createFakeServices, snapshot } from '../../dev/fake';

function fresh() {
  const fake = createFakeServices();
  return { fake, sheet: fake.spreadsheet.getActiveSheet() };
}

describe('Range values and formulas', () => {
  it('reads back what was written, with blanks as empty strings', () => {
    const { sheet } = fresh();
    sheet.getRange('B2:C3').setValues([
      ['name', 3],
      [true, ''],
    ]);
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      ['', '', ''],
      ['', 'name', 3],
      ['', true, ''],
    ]);
    expect(sheet.getRange(2, 3).getValue()).toBe(3);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(3);
  });

  it('stores a string starting with = as a formula whose value is empty until evaluated', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B1').setValues([['=SUM(1,2)', 'plain']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(1,2)', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 'plain']]);
  });

  it('keeps =text as text in a plain-text cell and after an apostrophe (which is dropped)', () => {
    const { sheet } = fresh();
    sheet.getRange('A1').setNumberFormat('@');
    sheet.getRange('A1:A2').setValues([['=HYPERLINK("http://evil")'], ["'=1+1"]]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['=HYPERLINK("http://evil")'], ['=1+1']]);
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([[''], ['']]);
  });

  it('turns numeric-looking strings into numbers unless the cell is plain text', () => {
    const { sheet } = fresh();
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['0042', '0042']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[42, '0042']]);
  });

  it('rejects a 2-D array of the wrong size with Apps Script messages', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('refuses ranges beyond the sheet, which only grows by inserting', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
  });
});

describe('call counting', () => {
  it('counts each call by Class.method', () => {
    const { fake, sheet } = fresh();
    fake.calls.reset();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(fake.calls.byMethod()).toEqual({ 'Range.setValues': 1, 'Sheet.getRange': 1 });
    expect(fake.calls.total()).toBe(2);
  });

  it('does not count snapshot reads', () => {
    const { fake } = fresh();
    fake.calls.reset();
    const snap = snapshot(fake.spreadsheet);
    expect(snap.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(fake.calls.total()).toBe(0);
  });
});
