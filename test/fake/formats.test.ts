import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';

function range(a1: string) {
  return createFakeServices().spreadsheet.getActiveSheet().getRange(a1);
}

describe('cell formats', () => {
  it('reports Sheets defaults for untouched cells', () => {
    const r = range('A1');
    expect(r.getNumberFormat()).toBe('0.###############');
    expect(r.getFontWeight()).toBe('normal');
    expect(r.getFontColor()).toBe('#000000');
    expect(r.getFontSize()).toBe(10);
    expect(r.getFontStyle()).toBe('normal');
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getNote()).toBe('');
    expect(r.getDataValidation()).toBeNull();
    expect(r.getWrap()).toBe(false);
    expect(r.getHorizontalAlignment()).toBe('general');
  });

  it('sets one format on every cell, or one per cell from a 2-D array', () => {
    const r = range('A1:B2');
    r.setFontWeight('bold').setFontSize(12).setFontStyle('italic').setNumberFormat('0.0%');
    expect(r.getFontWeights()).toEqual([
      ['bold', 'bold'],
      ['bold', 'bold'],
    ]);
    expect(r.getFontSizes()).toEqual([
      [12, 12],
      [12, 12],
    ]);
    expect(r.getFontStyles()[1]).toEqual(['italic', 'italic']);
    expect(r.getNumberFormats()[0]).toEqual(['0.0%', '0.0%']);
    r.setNumberFormats([
      ['@', '0'],
      ['0.00', '#,##0'],
    ]);
    expect(r.getNumberFormats()).toEqual([
      ['@', '0'],
      ['0.00', '#,##0'],
    ]);
    r.setFontWeights([
      ['normal', null],
      [null, 'bold'],
    ]);
    expect(r.getFontWeights()).toEqual([
      ['normal', 'normal'],
      ['normal', 'bold'],
    ]);
    expect(() => r.setBackgrounds([['red']])).toThrow(/number of rows in the data/);
  });

  it('reports colours as lowercase #rrggbb and resets them with null', () => {
    const r = range('A1:C1');
    r.setBackgrounds([['RED', '#ABC', '#1a2B3c']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#aabbcc', '#1a2b3c']]);
    r.setFontColor('blue');
    expect(r.getFontColor()).toBe('#0000ff');
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
  });

  it('keeps notes per cell', () => {
    const r = range('A1:B1');
    r.setNotes([['What this column means', '']]);
    expect(r.getNotes()).toEqual([['What this column means', '']]);
    r.getCell(1, 1).setNote(null);
    expect(r.getNote()).toBe('');
  });

  it('keeps wrap and its strategy in step, and alignments', () => {
    const r = range('A1');
    r.setWrap(true);
    expect([r.getWrap(), r.getWrapStrategy()]).toEqual([true, 'WRAP']);
    r.setWrapStrategy('CLIP');
    expect([r.getWrap(), r.getWrapStrategy()]).toEqual([false, 'CLIP']);
    r.setHorizontalAlignment('CENTER').setVerticalAlignment('top');
    expect([r.getHorizontalAlignment(), r.getVerticalAlignment()]).toEqual(['center', 'top']);
  });

  it('records merges and borders', () => {
    const fake = createFakeServices();
    const sheet = fake.spreadsheet.getActiveSheet();
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('A2').isPartOfMerge()).toBe(false);
    expect(
      sheet
        .getRange('A1:D4')
        .getMergedRanges()
        .map((m) => m.getA1Notation()),
    ).toEqual(['A1:C1']);
    sheet.getRange('A1:C1').breakApart();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(false);
    sheet.getRange('A3:B3').merge();
    sheet.insertRowsBefore(1, 2);
    expect(
      sheet
        .getRange('A1:D9')
        .getMergedRanges()
        .map((m) => m.getA1Notation()),
    ).toEqual(['A5:B5']);
    sheet.getRange('A1').setBorder(true, null, true, null, false, false, '#CCCCCC', 'SOLID');
    expect(fake.calls.of('Range.setBorder')).toBe(1);
  });
});
