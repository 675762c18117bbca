import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';

describe('Spreadsheet', () => {
  it('has an id, a URL, a name and a time zone from the options', () => {
    const { spreadsheet } = createFakeServices({ id: 'abc123', name: 'Plan', timeZone: 'Europe/Rome' });
    expect(spreadsheet.getId()).toBe('abc123');
    expect(spreadsheet.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc123/edit');
    expect(spreadsheet.getName()).toBe('Plan');
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Rome');
  });

  it('inserts sheets by name and 0-based index and makes the new one active', () => {
    const { spreadsheet } = createFakeServices();
    spreadsheet.insertSheet('Data');
    spreadsheet.insertSheet('Macro', 0);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Macro', 'Sheet1', 'Data']);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Macro');
    expect(spreadsheet.getSheetByName('Data')!.getIndex()).toBe(3);
    expect(spreadsheet.insertSheet().getName()).toBe('Sheet4');
  });

  it('refuses a second sheet with the same name, whatever its case', () => {
    const { spreadsheet } = createFakeServices({ sheetNames: ['Phases'] });
    expect(() => spreadsheet.insertSheet('phases')).toThrow(
      'A sheet with the name "phases" already exists. Please enter another name.',
    );
    const other = spreadsheet.insertSheet('Other');
    expect(() => other.setName('PHASES')).toThrow(/already exists/);
    other.setName('Milestones');
    expect(spreadsheet.getSheetByName('milestones')!.getName()).toBe('Milestones');
    expect(spreadsheet.getSheetByName('Nope')).toBeNull();
  });

  it('gives sheets stable distinct ids and finds them by id', () => {
    const { spreadsheet } = createFakeServices({ sheetNames: ['A', 'B'] });
    const ids = spreadsheet.getSheets().map((s) => s.getSheetId());
    expect(new Set(ids).size).toBe(2);
    expect(spreadsheet.getSheetById(ids[1]!)!.getName()).toBe('B');
  });

  it('deletes sheets but never the last one', () => {
    const { spreadsheet } = createFakeServices({ sheetNames: ['A', 'B'] });
    spreadsheet.deleteSheet(spreadsheet.getSheetByName('A')!);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['B']);
    expect(() => spreadsheet.deleteSheet(spreadsheet.getSheetByName('B')!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('tracks the active sheet and range', () => {
    const { spreadsheet, SpreadsheetApp } = createFakeServices({ sheetNames: ['A', 'B'] });
    expect(spreadsheet.getActiveRange().getA1Notation()).toBe('A1');
    spreadsheet.getSheetByName('B')!.getRange('C3:D4').activate();
    expect(spreadsheet.getActiveSheet().getName()).toBe('B');
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('C3:D4');
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('A')!);
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('A');
  });

  it('records toasts', () => {
    const fake = createFakeServices();
    fake.spreadsheet.toast('Building tabs…', 'Micro Conversions', 3);
    expect(fake.ui.toasts).toEqual([
      { message: 'Building tabs…', title: 'Micro Conversions', timeoutSeconds: 3 },
    ]);
  });
});

describe('Sheet layout', () => {
  const sheet = () => createFakeServices().spreadsheet.getActiveSheet();

  it('freezes rows and columns, sizes columns and rows', () => {
    const s = sheet();
    s.setFrozenRows(1);
    s.setFrozenColumns(2);
    s.setColumnWidth(1, 240);
    s.setColumnWidths(2, 3, 80);
    s.setRowHeight(1, 30);
    expect([s.getFrozenRows(), s.getFrozenColumns()]).toEqual([1, 2]);
    expect([1, 2, 4, 5].map((c) => s.getColumnWidth(c))).toEqual([240, 80, 80, 100]);
    expect([s.getRowHeight(1), s.getRowHeight(2)]).toEqual([30, 21]);
  });

  it('colours tabs, hides gridlines and sheets (never the last visible one)', () => {
    const fake = createFakeServices({ sheetNames: ['A', 'B'] });
    const [a, b] = fake.spreadsheet.getSheets();
    a!.setTabColor('#FF0000').setHiddenGridlines(true);
    expect([a!.getTabColor(), a!.hasHiddenGridlines()]).toEqual(['#ff0000', true]);
    a!.setTabColor(null);
    expect(a!.getTabColor()).toBeNull();
    a!.hideSheet();
    expect(a!.isSheetHidden()).toBe(true);
    expect(() => b!.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    a!.showSheet();
    expect(a!.isSheetHidden()).toBe(false);
  });

  it('inserts rows and columns, moving the cells below and to the right', () => {
    const s = sheet();
    s.getRange('A1:B2').setValues([
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
    s.insertRowsAfter(1, 2);
    s.insertColumnsAfter(1, 1);
    expect(s.getMaxRows()).toBe(1002);
    expect(s.getMaxColumns()).toBe(27);
    expect(s.getRange('A1:C4').getValues()).toEqual([
      ['a1', '', 'b1'],
      ['', '', ''],
      ['', '', ''],
      ['a2', '', 'b2'],
    ]);
  });

  it('deletes rows and columns, moving cells back, but never all of them', () => {
    const s = sheet();
    s.getRange('A1:A4').setValues([['1'], ['2'], ['3'], ['4']]);
    s.deleteRows(2, 2);
    expect(s.getRange('A1:A3').getValues()).toEqual([[1], [4], ['']]);
    expect(s.getMaxRows()).toBe(998);
    expect(() => s.deleteRows(1, 998)).toThrow("You can't delete all the rows on the sheet.");
    s.getRange('B1').setValue('b');
    s.deleteColumns(1, 1);
    expect(s.getRange('A1').getValue()).toBe('b');
    expect(s.getMaxColumns()).toBe(25);
  });

  it('appends a row after the last row with content, growing the sheet when full', () => {
    const s = sheet();
    s.getRange('A1:B1').setValues([['h1', 'h2']]);
    s.appendRow(['x', 2]);
    expect(s.getRange('A2:B2').getValues()).toEqual([['x', 2]]);
    s.getRange(1000, 1).setValue('last');
    s.appendRow(['beyond']);
    expect(s.getMaxRows()).toBe(1001);
    expect(s.getRange(1001, 1).getValue()).toBe('beyond');
  });
});

describe('named ranges', () => {
  it('names, finds, renames and removes ranges', () => {
    const { spreadsheet } = createFakeServices({ sheetNames: ['Phases'] });
    const sheet = spreadsheet.getSheetByName('Phases')!;
    spreadsheet.setNamedRange('PhasesTable', sheet.getRange('A1:C5'));
    expect(spreadsheet.getRangeByName('PhasesTable')!.getA1Notation()).toBe('A1:C5');
    expect(spreadsheet.getRangeByName('Other')).toBeNull();
    // Naming again moves the name.
    spreadsheet.setNamedRange('PhasesTable', sheet.getRange('A1:C9'));
    expect(spreadsheet.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([
      ['PhasesTable', 'A1:C9'],
    ]);
    spreadsheet.getNamedRanges()[0]!.setName('Phases_Table');
    expect(spreadsheet.getRangeByName('Phases_Table')!.getSheet().getName()).toBe('Phases');
    spreadsheet.removeNamedRange('Phases_Table');
    expect(spreadsheet.getNamedRanges()).toEqual([]);
  });

  it('refuses names Sheets refuses', () => {
    const { spreadsheet } = createFakeServices();
    const r = spreadsheet.getActiveSheet().getRange('A1');
    for (const bad of ['A1', 'has space', '1st', 'R1C1', 'TRUE']) {
      expect(() => spreadsheet.setNamedRange(bad, r), bad).toThrow(/invalid/);
    }
  });

  it('grows when rows are inserted inside it and moves when rows are inserted above', () => {
    const { spreadsheet } = createFakeServices();
    const sheet = spreadsheet.getActiveSheet();
    spreadsheet.setNamedRange('Table', sheet.getRange('A3:B5'));
    sheet.insertRowsAfter(3, 2);
    expect(spreadsheet.getRangeByName('Table')!.getA1Notation()).toBe('A3:B7');
    sheet.insertRowsBefore(1, 1);
    expect(spreadsheet.getRangeByName('Table')!.getA1Notation()).toBe('A4:B8');
    // Rows added right below it stay outside, as in Sheets.
    sheet.insertRowsAfter(8, 1);
    expect(spreadsheet.getRangeByName('Table')!.getA1Notation()).toBe('A4:B8');
    sheet.deleteRows(5, 2);
    expect(spreadsheet.getRangeByName('Table')!.getA1Notation()).toBe('A4:B6');
  });
});
