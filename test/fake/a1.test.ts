import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';
import { columnLetters, columnNumber, parseRangeA1, splitSheetName } from '../../dev/fake/a1';

describe('A1 notation', () => {
  it('numbers columns as Sheets does', () => {
    expect([1, 26, 27, 52, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA'].map(columnNumber)).toEqual([1, 26, 27, 52, 702, 703]);
  });

  it('parses cells, ranges, whole rows and columns and open-ended ranges', () => {
    expect(parseRangeA1('C5', 1000, 26)).toEqual({ row: 5, column: 3, numRows: 1, numColumns: 1 });
    expect(parseRangeA1('B2:D4', 1000, 26)).toEqual({ row: 2, column: 2, numRows: 3, numColumns: 3 });
    expect(parseRangeA1('$B$2:$D$4', 1000, 26)).toEqual({ row: 2, column: 2, numRows: 3, numColumns: 3 });
    expect(parseRangeA1('A:B', 1000, 26)).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 2 });
    expect(parseRangeA1('2:3', 1000, 26)).toEqual({ row: 2, column: 1, numRows: 2, numColumns: 26 });
    expect(parseRangeA1('A2:B', 1000, 26)).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 2 });
    expect(parseRangeA1('D4:B2', 1000, 26)).toEqual({ row: 2, column: 2, numRows: 3, numColumns: 3 });
  });

  it('rejects what is not a range', () => {
    for (const bad of ['', 'A', '1', 'A0', 'hello world', 'A1:B2:C3', '#REF!']) {
      expect(parseRangeA1(bad, 1000, 26), bad).toBeUndefined();
    }
  });

  it('splits quoted and plain sheet names', () => {
    expect(splitSheetName("'My tab'!A1:B2")).toEqual({ sheetName: 'My tab', ref: 'A1:B2' });
    expect(splitSheetName("'It''s'!A1")).toEqual({ sheetName: "It's", ref: 'A1' });
    expect(splitSheetName('Data!C3')).toEqual({ sheetName: 'Data', ref: 'C3' });
    expect(splitSheetName('C3')).toEqual({ sheetName: undefined, ref: 'C3' });
  });
});

describe('getRange', () => {
  it('finds ranges by A1 on the spreadsheet, with or without a sheet name', () => {
    const fake = createFakeServices({ sheetNames: ['First', 'My tab'] });
    const range = fake.spreadsheet.getRange("'My tab'!B2:C3");
    expect(range.getSheet().getName()).toBe('My tab');
    expect(range.getA1Notation()).toBe('B2:C3');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 2, 2, 2,
    ]);
    expect(range.getLastRow()).toBe(3);
    expect(fake.spreadsheet.getRange('A1').getSheet().getName()).toBe('First');
    expect(() => fake.spreadsheet.getRange('Nope!A1')).toThrow('Range not found');
  });

  it('checks coordinates with Apps Script messages', () => {
    const sheet = createFakeServices().spreadsheet.getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange('A1:A1001')).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('offsets, takes single cells and spans the data', () => {
    const sheet = createFakeServices().spreadsheet.getActiveSheet();
    const base = sheet.getRange('B2:C3');
    expect(base.offset(1, 2).getA1Notation()).toBe('D3:E4');
    expect(base.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(base.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => base.offset(-2, 0)).toThrow('The starting row of the range is too small.');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('D7').setValue('x');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D7');
  });
});
