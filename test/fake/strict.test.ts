/**
 * What the fake refuses or carries along as Sheets does, so the planner's tests see what users
 * lose in real Sheets: rich text replaced by setValues, notes and colours that travel with rows,
 * the 50,000-character cell limit, merges that refuse partial overlap, and a user's edit made
 * while a script runs. Expected values are worked out by hand from each sequence.
 */
import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';

function sheetWithRows(rows: string[]) {
  const fake = createFakeServices({ sheetNames: ['T'] });
  const sheet = fake.spreadsheet.getSheetByName('T')!;
  sheet.getRange(1, 1, rows.length, 1).setValues(rows.map((r) => [r]));
  return { fake, sheet };
}

const column = (sheet: ReturnType<typeof sheetWithRows>['sheet'], rows: number) =>
  sheet
    .getRange(1, 1, rows, 1)
    .getValues()
    .map((r) => r[0]);

describe('rich text', () => {
  it('keeps a link until a plain setValues over the cell replaces it, even with the same text', () => {
    const { fake, sheet } = sheetWithRows(['a']);
    const app = fake.SpreadsheetApp;
    sheet
      .getRange('B1')
      .setRichTextValue(app.newRichTextValue().setText('GA4').setLinkUrl('https://x.test').build());
    expect(sheet.getRange('B1').getValue()).toBe('GA4');
    expect(sheet.getRange('B1').getRichTextValue().getLinkUrl()).toBe('https://x.test');
    sheet.getRange('A1:B1').setValues([['a', 'GA4']]);
    expect(sheet.getRange('B1').getRichTextValue().getLinkUrl()).toBeNull();
    expect(sheet.getRange('B1').getRichTextValue().getText()).toBe('GA4');
  });
});

describe('moveRows', () => {
  it('moves a row down with its note, colour and every column', () => {
    const { sheet } = sheetWithRows(['r1', 'r2', 'r3', 'r4']);
    sheet.getRange('B2').setValue('mine').setNote('see me').setBackground('#ff0000');
    // Row 2 moved before row 5 (counted before the move): order r1, r3, r4, r2.
    sheet.moveRows(sheet.getRange('A2'), 5);
    expect(column(sheet, 4)).toEqual(['r1', 'r3', 'r4', 'r2']);
    expect(sheet.getRange('B4').getValue()).toBe('mine');
    expect(sheet.getRange('B4').getNote()).toBe('see me');
    expect(sheet.getRange('B4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('B2').getNote()).toBe('');
  });

  it('moves two rows up; moving a block onto itself changes nothing', () => {
    const { sheet } = sheetWithRows(['r1', 'r2', 'r3', 'r4']);
    sheet.moveRows(sheet.getRange('A3:A4'), 1);
    expect(column(sheet, 4)).toEqual(['r3', 'r4', 'r1', 'r2']);
    sheet.moveRows(sheet.getRange('A1:A2'), 2);
    expect(column(sheet, 4)).toEqual(['r3', 'r4', 'r1', 'r2']);
  });

  it('notes and colours travel with insertRows and deleteRows too', () => {
    const { sheet } = sheetWithRows(['r1', 'r2', 'r3']);
    sheet.getRange('A3').setNote('n3').setBackground('#00ff00');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A5').getNote()).toBe('n3');
    sheet.deleteRows(1, 3);
    expect(sheet.getRange('A2').getNote()).toBe('n3');
    expect(sheet.getRange('A2').getBackground()).toBe('#00ff00');
  });

  it('refuses to cut a merged range', () => {
    const { sheet } = sheetWithRows(['r1', 'r2', 'r3', 'r4']);
    sheet.getRange('B2:B3').merge();
    expect(() => sheet.moveRows(sheet.getRange('A3'), 1)).toThrow(/merged range/);
    sheet.moveRows(sheet.getRange('A2:A3'), 1);
    expect(column(sheet, 4)).toEqual(['r2', 'r3', 'r1', 'r4']);
    expect(
      sheet
        .getRange('B1')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B1:B2']);
  });
});

describe('limits', () => {
  it('refuses a cell text over 50,000 characters, as Sheets does', () => {
    const { sheet } = sheetWithRows(['a']);
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(() => sheet.getRange('A2').setValue('x'.repeat(50_001))).toThrow(/maximum of 50000 characters/);
  });

  it('refuses a merge that takes part of another merge, and allows one that covers it', () => {
    const { sheet } = sheetWithRows(['a']);
    sheet.getRange('A1:B2').merge();
    expect(() => sheet.getRange('B2:C3').merge()).toThrow(/select all cells in a merged range/);
    sheet.getRange('A1:C3').merge();
    expect(
      sheet
        .getRange('A1')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C3']);
  });
});

describe('a user edit during a run', () => {
  it('lands right after the given call and is not counted', () => {
    const { fake, sheet } = sheetWithRows(['a', 'b']);
    fake.calls.reset();
    // Calls 1 and 2 are getRange and getValue; the edit lands after them.
    fake.calls.editDuringRun(2, () => sheet.getRange('A2').setValue('typed'));
    const before = sheet.getRange('A2').getValue();
    const after = sheet.getRange('A2').getValue();
    expect([before, after]).toEqual(['b', 'typed']);
    expect(fake.calls.of('Range.setValue')).toBe(0);
  });
});
