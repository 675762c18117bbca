import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFakeServices, snapshot } from '../../dev/fake';

function fresh(timeZone = 'Etc/UTC') {
  const fake = createFakeServices({ timeZone });
  return { fake, sheet: fake.spreadsheet.getActiveSheet() };
}

describe('Range values', () => {
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

  it('setValue writes every cell of the range; null and empty string clear', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    sheet.getRange('A1:B1').setValues([[null, '']]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      [7, 7],
    ]);
  });

  it('turns numeric, percent and boolean text into typed values, as Sheets does', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:F1').setValues([['0042', '1,234.5', '-3', '12.5%', 'true', ' 7 ']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[42, 1234.5, -3, 0.125, true, 7]]);
    expect(sheet.getRange('D1').getNumberFormat()).toBe('0.00%');
    expect(sheet.getRange('D1').getDisplayValue()).toBe('12.50%');
  });

  it('keeps every string literally in a plain-text (@) cell', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:D1').setNumberFormat('@');
    sheet.getRange('A1:D1').setValues([['0042', '=1+1', "'quoted", 'TRUE']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['0042', '=1+1', "'quoted", 'TRUE']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['', '', '', '']]);
  });

  it('parses ISO and US dates as Dates at midnight in the spreadsheet time zone', () => {
    const { sheet } = fresh('Europe/Berlin');
    sheet.getRange('A1:C1').setValues([['2024-01-05', '7/4/2024', '2024-07-01 13:30']]);
    const [a, b, c] = (sheet.getRange('A1:C1').getValues() as Date[][])[0]!;
    // Berlin is UTC+1 in January and UTC+2 in July.
    expect(a!.toISOString()).toBe('2024-01-04T23:00:00.000Z');
    expect(b!.toISOString()).toBe('2024-07-03T22:00:00.000Z');
    expect(c!.toISOString()).toBe('2024-07-01T11:30:00.000Z');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
      ['2024-01-05', '2024-07-04', '2024-07-01 13:30:00'],
    ]);
    expect(sheet.getRange('D1').setValue('2024-02-30').getValue()).toBe('2024-02-30');
  });

  it('stores Dates (also from another realm) and returns copies', () => {
    const { sheet } = fresh();
    const foreign = new Script('new Date(Date.UTC(2024, 0, 2))').runInNewContext() as Date;
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange('A1').setValue(foreign);
    const read = sheet.getRange('A1').getValue() as Date;
    expect(read instanceof Date).toBe(true);
    expect(read.toISOString()).toBe('2024-01-02T00:00:00.000Z');
    read.setUTCFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2024);
  });

  it('refuses values Sheets cannot hold, naming the cell', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange('B3').setValue(Number.NaN)).toThrow(/B3 would receive NaN/);
    expect(() => sheet.getRange('A1:B1').setValues([[1, { a: 1 }]])).toThrow(/B1 would receive an object/);
  });

  it('rejects a 2-D array of the wrong size with Apps Script messages', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([1, 2] as unknown as unknown[][])).toThrow(
      /don't match the method signature for SpreadsheetApp.Range.setValues/,
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('shows values as Sheets displays them under common number formats', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:F1').setValues([[0.1 + 0.2, 1234.5, 0.256, 3, -1234.567, false]]);
    sheet.getRange('B1:E1').setNumberFormats([['#,##0.00', '0.0%', '0', '$#,##0.00']]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['0.3', '1,234.50', '25.6%', '3', '-$1,234.57', 'FALSE'],
    ]);
  });
});

describe('formulas', () => {
  it('stores a string starting with = as a formula whose value is empty until evaluated', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B1').setValues([['=SUM(1,2)', 'plain']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(1,2)', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 'plain']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(1,2)');
    // A formula cell counts as content.
    expect(sheet.getLastColumn()).toBe(2);
  });

  it('parses text starting with + or - that is not a number as a formula (Sheets shows #ERROR!)', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:C1').setValues([['- bullet', '+cmd', '@handle']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=- bullet', '=+cmd', '']]);
    expect(sheet.getRange('C1').getValue()).toBe('@handle');
  });

  it('keeps =text as text after an apostrophe, which is dropped', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B1').setValues([["'=1+1", "'-5"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=1+1', '-5']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  it('setFormula(s) writes formulas; a value written over a formula replaces it', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:A2').setFormulas([['=1'], ['=2']]);
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=1'], ['=2']]);
    sheet.getRange('A1').setValue('text');
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([[''], ['=2']]);
    expect(sheet.getRange('A1').getValue()).toBe('text');
  });

  it('lets a host evaluate formulas, spilling 2-D results into empty cells', () => {
    const { fake, sheet } = fresh();
    sheet.getRange('A1:A2').setValues([[2], [3]]);
    sheet.getRange('B1').setFormula('=DOUBLE(A1:A2)');
    sheet.getRange('D1').setFormula('=PAIR()');
    sheet.getRange('E1').setValue('blocker');
    fake.setFormulaEvaluator((formula, at) => {
      if (formula === '=PAIR()') return [[1, 2]];
      // Reads made by the evaluator go through the fake but are not counted.
      const input = fake.spreadsheet.getSheetByName(at.sheetName)!.getRange('A1:A2').getValues();
      return input.map(([v]) => [Number(v) * 2]);
    });
    fake.calls.reset();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[4], [6], ['']]);
    // Its spill would overwrite E1, so the formula shows #REF! as in Sheets.
    expect(sheet.getRange('D1').getValue()).toBe('#REF!');
    expect(fake.calls.byMethod()).toEqual({ 'Range.getValue': 1, 'Range.getValues': 1, 'Sheet.getRange': 2 });
    // Changing an input recomputes.
    sheet.getRange('A2').setValue(10);
    expect(sheet.getRange('B2').getValue()).toBe(20);
  });
});

describe('clearing', () => {
  it('clearContent keeps formats, clearFormat keeps values, clear removes both', () => {
    const { sheet } = fresh();
    const range = sheet.getRange('A1:B1');
    range
      .setValues([['a', '=1']])
      .setFontWeight('bold')
      .setNote('kept');
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getFormulas()).toEqual([['', '']]);
    expect(range.getFontWeights()).toEqual([['bold', 'bold']]);
    range.setValue('b').clearFormat();
    expect(range.getValues()).toEqual([['b', 'b']]);
    expect(range.getFontWeights()).toEqual([['normal', 'normal']]);
    expect(range.getNotes()).toEqual([['kept', 'kept']]);
    range.setFontWeight('bold').clear();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getFontWeights()).toEqual([['normal', 'normal']]);
  });

  it('clear options narrow what goes; notes go only with clearNotes', () => {
    const { fake, sheet } = fresh();
    const rule = fake.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    const range = sheet
      .getRange('A1')
      .setValue(true)
      .setBackground('#eeeeee')
      .setNote('n')
      .setDataValidation(rule);
    range.clear({ commentsOnly: true });
    expect([range.getValue(), range.getBackground(), range.getNote()]).toEqual([true, '#eeeeee', 'n']);
    range.clear({ validationsOnly: true });
    expect(range.getDataValidation()).toBeNull();
    expect(range.getValue()).toBe(true);
    range.clear({ formatOnly: true });
    expect([range.getValue(), range.getBackground()]).toEqual([true, '#ffffff']);
    range.clear({ contentsOnly: true });
    expect([range.getValue(), range.getNote()]).toEqual(['', 'n']);
    sheet.clearNotes();
    expect(range.getNote()).toBe('');
  });

  it('sheet.clearContents empties every cell but keeps the sheet size', () => {
    const { sheet } = fresh();
    sheet.getRange('C3:D4').setValue(1);
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getMaxRows()).toBe(1000);
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
    expect(fake.calls.of('Range')).toBe(1);
  });

  it('counts one write of many rows the same as one write of one row', () => {
    const write = (rows: number) => {
      const { fake, sheet } = fresh();
      fake.calls.reset();
      const data = Array.from({ length: rows }, (_, i) => [`row ${i}`, i]);
      sheet.getRange(1, 1, rows, 2).setValues(data).setFontWeight('bold');
      return fake.calls.total();
    };
    expect(write(500)).toBe(write(1));
    expect(write(1)).toBe(3);
  });

  it('does not count snapshot reads', () => {
    const { fake } = fresh();
    fake.calls.reset();
    const snap = snapshot(fake.spreadsheet);
    expect(snap.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(fake.calls.total()).toBe(0);
  });
});

describe('what user text becomes when written with setValues', () => {
  // [typed text, value read back, formula read back], worked out from Sheets' rules in cells.ts.
  const cases: [string, unknown, string][] = [
    ['=IMPORTXML("http://x","//a")', '', '=IMPORTXML("http://x","//a")'],
    ['=', '=', ''],
    ['+1+1', '', '=+1+1'],
    ['-1', -1, ''],
    ['+5', 5, ''],
    ['-', '-', ''],
    ['- first step', '', '=- first step'],
    ['@mention', '@mention', ''],
    ["'=SUM(A1)", '=SUM(A1)', ''],
    ["'", '', ''],
    [' =1', ' =1', ''],
    ['view_item', 'view_item', ''],
  ];

  it.each(cases)('%j in a General cell', (text, value, formula) => {
    const sheet = createFakeServices().spreadsheet.getActiveSheet();
    const cell = sheet.getRange('A1').setValues([[text]]);
    expect([cell.getValue(), cell.getFormula()]).toEqual([value, formula]);
  });

  it.each(cases)('%j in a plain-text (@) cell stays exactly as typed', (text) => {
    const sheet = createFakeServices().spreadsheet.getActiveSheet();
    const cell = sheet
      .getRange('A1')
      .setNumberFormat('@')
      .setValues([[text]]);
    expect([cell.getValue(), cell.getFormula()]).toEqual([text, '']);
  });

  it('refuses an invalid Date', () => {
    const sheet = createFakeServices().spreadsheet.getActiveSheet();
    expect(() => sheet.getRange('C2').setValue(new Date(Number.NaN))).toThrow(
      /C2 would receive an invalid Date/,
    );
  });
});

describe('calls.log', () => {
  it('lists calls in order and resets with the counts', () => {
    const fake = createFakeServices();
    fake.spreadsheet.toast('Working');
    fake.spreadsheet.getActiveSheet().getRange('Sheet1!B2').setValue(1);
    expect(fake.calls.log()).toEqual([
      'Spreadsheet.toast',
      'Spreadsheet.getActiveSheet',
      'Sheet.getRange',
      'Range.setValue',
    ]);
    expect(fake.spreadsheet.getActiveSheet().getRange('B2').getValue()).toBe(1);
    fake.calls.reset();
    expect(fake.calls.log()).toEqual([]);
  });
});
