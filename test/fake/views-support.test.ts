/**
 * What the fake models for the views (issue 11): developer metadata on sheets, range lists,
 * File > Make a copy, array formulas that spill (and break with #REF! when a cell is in the way),
 * writes outside the grid refused as Sheets refuses them.
 */
import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';
import { makeCopy } from '../../dev/fake/copy';
import { declareSpills, funnelSpill, SPILLED } from '../../dev/fake/spills';

describe('developer metadata on a sheet', () => {
  it('is added, read, changed and removed, and goes away with its sheet', () => {
    const fake = createFakeServices({ sheetNames: ['A', 'B'] });
    const a = fake.spreadsheet.getSheetByName('A')!;
    a.addDeveloperMetadata('k', 'v1').addDeveloperMetadata('other');
    const [first, second] = a.getDeveloperMetadata();
    expect([first!.getKey(), first!.getValue(), second!.getKey(), second!.getValue()]).toEqual([
      'k',
      'v1',
      'other',
      null,
    ]);
    first!.setValue('v2');
    expect(a.getDeveloperMetadata()[0]!.getValue()).toBe('v2');
    second!.remove();
    expect(a.getDeveloperMetadata()).toHaveLength(1);
    expect(fake.spreadsheet.getSheetByName('B')!.getDeveloperMetadata()).toEqual([]);
    expect(fake.calls.of('Sheet.addDeveloperMetadata')).toBe(2);
  });
});

describe('File > Make a copy', () => {
  it('keeps the tabs, cells and developer metadata, drops the document properties, and has a new id', () => {
    const fake = createFakeServices({ id: 'orig' });
    const sheet = fake.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1').setValue('kept');
    sheet.addDeveloperMetadata('mcf.tab', '{"role":"funnel"}');
    fake.PropertiesService.getDocumentProperties().setProperty('mcf.planner', '{}');
    fake.PropertiesService.getUserProperties().setProperty('mine', 'x');
    makeCopy(fake);
    expect(fake.spreadsheet.getId()).toBe('orig-copy');
    expect(sheet.getRange('A1').getValue()).toBe('kept');
    expect(sheet.getDeveloperMetadata()[0]!.getValue()).toBe('{"role":"funnel"}');
    expect(fake.PropertiesService.getDocumentProperties().getProperties()).toEqual({});
    expect(fake.PropertiesService.getUserProperties().getProperty('mine')).toBe('x');
  });
});

describe('range lists', () => {
  it('clear several cells of a sheet in one call', () => {
    const fake = createFakeServices();
    const sheet = fake.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('B1').setBackground('#ff0000');
    fake.calls.reset();
    sheet.getRangeList(['A1', 'B1']).clear();
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '', 'c']]);
    expect(sheet.getRange('B1').getBackground()).toBe('#ffffff');
    expect(fake.calls.of('RangeList.clear')).toBe(1);
  });
});

describe('declared spills', () => {
  it("spill a FUNNEL formula's header and one row per step, and break with #REF! when a cell is in the way", () => {
    const fake = createFakeServices();
    declareSpills(fake, funnelSpill);
    const sheet = fake.spreadsheet.getSheets()[0]!;
    sheet.getRange('A4').setFormula(`=FUNNEL('Data'!A:C, {"a","b","c"})`);
    // 3 steps: a header and 3 rows, 7 columns: A4:G7.
    expect(
      sheet
        .getRange('A4:G7')
        .getValues()
        .flat()
        .every((v) => v === SPILLED),
    ).toBe(true);
    expect(sheet.getRange('A8').getValue()).toBe('');
    expect(sheet.getRange('H4').getValue()).toBe('');
    sheet.getRange('G7').setValue('in the way');
    expect(sheet.getRange('A4').getValue()).toBe('#REF!');
    expect(sheet.getRange('B5').getValue()).toBe('');
  });
});

describe('the grid', () => {
  it('refuses a range outside it, as Sheets does, after the user deleted rows or columns', () => {
    const fake = createFakeServices();
    const sheet = fake.spreadsheet.getSheets()[0]!;
    sheet.deleteRows(9, sheet.getMaxRows() - 8);
    sheet.deleteColumns(5, sheet.getMaxColumns() - 4);
    expect(() => sheet.getRange(9, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 5)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(8, 4)).not.toThrow();
  });
});
