/**
 * Issue 13 items 8 and 9, the pure rules: how wide a text is, how wide its column gets, when it
 * wraps, and where a chart goes. Widths by hand from Arial's advance widths (thousandths of an em,
 * the font's published metrics) at 10 pt = 13.33 px, rounded up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_SIZE, chartPlace, VISIBLE_WIDTH } from '../../src/sheets/charts';
import { PADDING, RULES, sizeColumn, textWidth, widthFor } from '../../src/sheets/column-sizing';

describe('textWidth', () => {
  it('adds up Arial widths', () => {
    // i = 222: 3 x 222 = 666 units, 666 x 13.33 / 1000 = 8.88 -> 9 px.
    expect(textWidth('iii')).toBe(9);
    // M = 833: 2499 units -> 33.31 -> 34 px; bold is a tenth wider: 36.6 -> 37 px.
    expect(textWidth('MMM')).toBe(34);
    expect(textWidth('MMM', true)).toBe(37);
    // "Complete an order", cut to "Complete an ord" in a 100-px column (issue 13):
    // C722 o556 m833 p556 l222 e556 t278 e556 _278 a556 n556 _278 o556 r333 d556 e556 r333 = 8281
    // units -> 110.4 -> 111 px, wider than 100 less the cell's padding.
    expect(textWidth('Complete an order')).toBe(111);
  });

  it('gives an emoji or a letter of another script a whole em', () => {
    // 1000 units -> 13.33 -> 14 px each.
    expect(textWidth('日本')).toBe(27);
    expect(textWidth('🛒')).toBe(14);
  });
});

describe('sizeColumn', () => {
  it('fits the widest text with its padding, between the min and the max', () => {
    // 111 px + 12 px of padding.
    expect(sizeColumn([{ text: 'Complete an order' }], RULES.text)).toEqual({ width: 123, wrap: false });
    // Short text: the minimum.
    expect(sizeColumn([{ text: 'GA4' }], RULES.text)).toEqual({ width: RULES.text.min, wrap: false });
  });

  it('stops at the max and wraps above it', () => {
    // 25014 units (worked out as above) -> 334 px: wider than 260.
    const goal = 'I want to see what the product does before I talk to sales';
    expect(sizeColumn([{ text: goal }], RULES.text)).toEqual({ width: RULES.text.max, wrap: true });
  });

  it('measures each line of a multi-line text apart, and a bold header bolder', () => {
    expect(sizeColumn([{ text: 'iii\nComplete an order' }], RULES.text).width).toBe(123);
    // "Share of previous step" is 10005 units: 134 px regular, 147 px bold.
    const header = 'Share of previous step';
    expect(sizeColumn([{ text: header }], { min: 0, max: 500 }).width).toBe(134 + PADDING);
    expect(sizeColumn([{ text: header, bold: true }], { min: 0, max: 500 }).width).toBe(147 + PADDING);
  });

  it('never narrows when a text is added, and stays within its rule', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 6 }), fc.string(), (texts, more) => {
        const before = sizeColumn(
          texts.map((text) => ({ text })),
          RULES.text,
        );
        const after = sizeColumn(
          [...texts, more].map((text) => ({ text })),
          RULES.text,
        );
        expect(after.width).toBeGreaterThanOrEqual(before.width);
        expect(after.width).toBeGreaterThanOrEqual(RULES.text.min);
        expect(after.width).toBeLessThanOrEqual(RULES.text.max);
        // Wraps exactly when some line is wider than the max leaves room for.
        const widest = Math.max(
          0,
          ...[...texts, more].flatMap((t) => t.split('\n')).map((l) => textWidth(l)),
        );
        expect(after.wrap).toBe(widest + PADDING > RULES.text.max);
      }),
    );
  });
});

describe('widthFor: the user keeps a column they widened', () => {
  it('sets a column at Sheets’ default width (100) to what it needs, narrower or wider', () => {
    expect(widthFor(100, 70)).toBe(70);
    expect(widthFor(100, 260)).toBe(260);
  });
  it('never narrows a column someone sized, and widens it when its text needs more', () => {
    expect(widthFor(400, 123)).toBe(400);
    expect(widthFor(60, 123)).toBe(123);
  });
});

describe('chartPlace', () => {
  /** The chart's box in pixels from the grid's left edge, worked out from the widths alone. */
  function box(widths: number[], place: ReturnType<typeof chartPlace>) {
    const left = widths.slice(0, place.column - 1).reduce((a, b) => a + b, 0) + place.offsetX;
    return { left, right: left + CHART_SIZE.width };
  }

  it('goes beside a narrow table, level with its top', () => {
    // 3 x 100 + 16 + 480 = 796 <= 1000.
    expect(chartPlace([100, 100, 100], 4, 8)).toEqual({ row: 4, column: 4, offsetX: 16, offsetY: 0 });
  });

  it('goes under a wide table, one blank row below, in column A', () => {
    // The Funnel tab: 7 columns, 320 px of Notes among them: 120+70+120+120+70+106+320 = 926.
    expect(chartPlace([120, 70, 120, 120, 70, 106, 320], 4, 8)).toEqual({
      row: 10,
      column: 1,
      offsetX: 0,
      offsetY: 0,
    });
  });

  it('is always within the first screen and never over the table', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 600 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 40 }),
        (widths, top, rows) => {
          const bottom = top + rows;
          const place = chartPlace(widths, top, bottom);
          const { left, right } = box([...widths, 100], place);
          expect(right).toBeLessThanOrEqual(VISIBLE_WIDTH);
          const tableRight = widths.reduce((a, b) => a + b, 0);
          const beside = place.row >= top && left >= tableRight;
          const under = place.row > bottom;
          expect(beside || under).toBe(true);
        },
      ),
    );
  });
});
