/**
 * Column and row developer metadata in the fake behave as in Sheets: only a whole column or row
 * takes it, it travels with its line when lines are inserted, deleted or moved before it, it is
 * deleted with its line, and the sheet's finder finds it (Sheet.getDeveloperMetadata does not).
 */
import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';

function setup() {
  const fake = createFakeServices({ sheetNames: ['T'] });
  const sheet = fake.spreadsheet.getSheetByName('T')!;
  return { fake, sheet };
}

/** Each entry's value and the column it is on now, read through the public API. */
function columnsByValue(sheet: ReturnType<typeof setup>['sheet']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of sheet.createDeveloperMetadataFinder().withKey('tag').find()) {
    out[m.getValue()!] = m.getLocation().getColumn()!.getColumn();
  }
  return out;
}

describe('column developer metadata', () => {
  it('goes only on a whole column or row', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('B2:B5').addDeveloperMetadata('tag', 'x')).toThrow(
      /only be added to the top-level spreadsheet, an individual sheet, or an entire row or column/,
    );
    sheet.getRange('C:C').addDeveloperMetadata('tag', 'c');
    sheet.getRange('4:4').addDeveloperMetadata('row', 'r');
    expect(columnsByValue(sheet)).toEqual({ c: 3 });
    const [row] = sheet.createDeveloperMetadataFinder().withKey('row').find();
    expect(row!.getLocation().getRow()!.getRow()).toBe(4);
    expect(row!.getLocation().getColumn()).toBeNull();
    // The sheet's own list holds only sheet-level entries.
    expect(sheet.getDeveloperMetadata()).toEqual([]);
  });

  it('moves with its column through inserts, moves and deletes, and is deleted with it', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setValue('b');
    sheet.getRange('B:B').addDeveloperMetadata('tag', 'b');
    sheet.getRange('D:D').addDeveloperMetadata('tag', 'd');
    // Two columns inserted before A: B -> D, D -> F.
    sheet.insertColumnsBefore(1, 2);
    expect(columnsByValue(sheet)).toEqual({ b: 4, d: 6 });
    expect(sheet.getRange('D1').getValue()).toBe('b');
    // The user drags column D (ours, "b") to the front: it is A, A..C shift right by one, F stays.
    sheet.moveColumns(sheet.getRange('D:D'), 1);
    expect(columnsByValue(sheet)).toEqual({ b: 1, d: 6 });
    expect(sheet.getRange('A1').getValue()).toBe('b');
    // And back to just before F: it lands on E (F counts as the sheet stood before the move).
    sheet.moveColumns(sheet.getRange('A:A'), 6);
    expect(columnsByValue(sheet)).toEqual({ b: 5, d: 6 });
    expect(sheet.getRange('E1').getValue()).toBe('b');
    // Deleting column E deletes its metadata; F becomes E.
    sheet.deleteColumn(5);
    expect(columnsByValue(sheet)).toEqual({ d: 5 });
  });

  it('row metadata moves with moveRows and goes with a deleted row', () => {
    const { sheet } = setup();
    sheet.getRange('2:2').addDeveloperMetadata('row', 'two');
    sheet.moveRows(sheet.getRange('2:2'), 6);
    const rowOf = () =>
      sheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getLocation().getRow()?.getRow());
    // Row 2 moved before row 6 lands on row 5 (rows 3..5 move up one).
    expect(rowOf()).toEqual([5]);
    sheet.insertRowsBefore(1, 1);
    expect(rowOf()).toEqual([6]);
    sheet.deleteRows(6, 1);
    expect(rowOf()).toEqual([]);
  });
});
