/**
 * setBorder as Sheets applies it: top/left/bottom/right are the range's outer edges, vertical and
 * horizontal the lines between its cells. Each cell keeps the edges it ends up with (the print
 * view draws them), worked out by hand for a 2x2 range.
 */
import { describe, expect, it } from 'vitest';
import { createFakeServices, snapshot } from '../../dev/fake';

const edges = (b: { top: unknown; left: unknown; bottom: unknown; right: unknown } | null) =>
  b && { top: b.top, left: b.left, bottom: b.bottom, right: b.right };

describe('setBorder', () => {
  it('draws an outline around a 2x2 range: each corner cell has its two outer edges only', () => {
    const { spreadsheet } = createFakeServices({ sheetNames: ['S'] });
    spreadsheet
      .getSheetByName('S')!
      .getRange('A1:B2')
      .setBorder(true, true, true, true, false, false, '#ff0000', null);
    const borders = snapshot(spreadsheet).sheets[0]!.borders;
    expect(edges(borders[0]![0]!)).toEqual({ top: true, left: true, bottom: false, right: false });
    expect(edges(borders[0]![1]!)).toEqual({ top: true, left: false, bottom: false, right: true });
    expect(edges(borders[1]![0]!)).toEqual({ top: false, left: true, bottom: true, right: false });
    expect(edges(borders[1]![1]!)).toEqual({ top: false, left: false, bottom: true, right: true });
    expect(borders[0]![0]!.color).toBe('#ff0000');
  });

  it('draws inner lines only: no outer edge, every line between the cells', () => {
    const { spreadsheet } = createFakeServices({ sheetNames: ['S'] });
    spreadsheet.getSheetByName('S')!.getRange('A1:B2').setBorder(false, false, false, false, true, true);
    const borders = snapshot(spreadsheet).sheets[0]!.borders;
    expect(edges(borders[0]![0]!)).toEqual({ top: false, left: false, bottom: true, right: true });
    expect(edges(borders[1]![1]!)).toEqual({ top: true, left: true, bottom: false, right: false });
  });
});
