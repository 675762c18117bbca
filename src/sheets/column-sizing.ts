/**
 * How wide each column of a tab we write is: as wide as the text it holds (headers included),
 * between a minimum and a maximum per column; a column whose text is wider than its maximum
 * stays at the maximum and its cells wrap. Sheets' own autoResizeColumns is not used: it never
 * wraps, so one long description would make its column as wide as the window, and it measures
 * only after the values are written (a second round trip per tab). The width of a text is
 * worked out here from Arial's character widths (Sheets' default font, 10 pt = 13.33 px).
 *
 * Widths the user chose are kept: a column is only ever widened, never narrowed, so a column the
 * user made wider stays as wide as they made it (a column they narrowed is widened back to show
 * its text, once per run of the planner). A column still at Sheets' default width was sized by
 * nobody: it takes its width, narrower or wider.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The narrowest and widest a column may be, in pixels; text wider than `max` wraps. */
export interface ColumnRule {
  min: number;
  max: number;
}

/** What a column gets: its width in pixels, and whether its cells wrap. */
export interface ColumnSize {
  width: number;
  wrap: boolean;
}

/** Rules by what a column holds: names and sentences, short choices, numbers and rates. */
export const RULES = {
  text: { min: 90, max: 260 },
  /** A dropdown's chip draws an arrow after the text: see CHIP below. */
  choice: { min: 90, max: 180 },
  number: { min: 70, max: 120 },
} as const satisfies Record<string, ColumnRule>;

/** Arial's advance widths in thousandths of an em, by character (regular weight). */
const ARIAL: ReadonlyArray<[number, string]> = [
  [191, "'"],
  [222, 'ijl'],
  [260, '|'],
  [278, ' !,./:;I[\\]ft'],
  [333, '()-`r{}'],
  [355, '"'],
  [389, '*'],
  [500, 'Jcksvxyz'],
  [556, '#$0123456789?L_abdeghnopqu'],
  [584, '+<=>~^'],
  [611, 'FTZ'],
  [667, '&ABEKPSVXY'],
  [722, 'CDHNRUw'],
  [778, 'GOQ'],
  [833, 'Mm'],
  [889, '%'],
  [944, 'W'],
  [1015, '@'],
];
const WIDTH_OF = new Map(ARIAL.flatMap(([width, chars]) => [...chars].map((ch) => [ch, width] as const)));
/** Latin letters with accents are about a lowercase letter; other scripts, arrows and emoji about an em. */
const OTHER_LATIN = 556;
const WIDE = 1000;
const PX_PER_EM = 13.33;
/** Bold Arial is about a tenth wider. */
const BOLD = 1.1;
/** Sheets pads a cell's text on both sides; a little more keeps the last letter off the border. */
export const PADDING = 12;
/** A dropdown chip's arrow and rounded ends. */
export const CHIP = 24;

/** The width in pixels of one line of text in 10 pt Arial. */
export function textWidth(text: string, bold = false): number {
  let units = 0;
  for (const ch of text) {
    units += WIDTH_OF.get(ch) ?? (ch <= '\u024f' ? OTHER_LATIN : WIDE);
  }
  return Math.ceil((units / 1000) * PX_PER_EM * (bold ? BOLD : 1));
}

/** One text a column holds; a header is bold. */
export interface ColumnText {
  text: string;
  bold?: boolean;
}

/** The size of one column from the texts it holds (each line of a multi-line text measured apart). */
export function sizeColumn(texts: readonly ColumnText[], rule: ColumnRule, extra = 0): ColumnSize {
  let widest = 0;
  for (const { text, bold } of texts) {
    for (const line of text.split('\n')) widest = Math.max(widest, textWidth(line, bold));
  }
  const wanted = widest + PADDING + extra;
  if (wanted > rule.max) return { width: rule.max, wrap: true };
  return { width: Math.max(rule.min, wanted), wrap: false };
}

/** Sheets' width of a column nobody sized: such a column takes its width, narrower or wider. */
export const DEFAULT_WIDTH = 100;

/** The width a column gets: `wanted`, unless it is already wider and was sized by someone. */
export function widthFor(current: number, wanted: number): number {
  return current === DEFAULT_WIDTH ? wanted : Math.max(current, wanted);
}

/**
 * Sets each column's width (`columns[i]` gets `wanted[i]`) by widthFor; returns the widths set.
 * One read and one write per column, whatever the widths: Sheets has no call that reads or sets
 * several different widths at once.
 */
export function applyWidths(sheet: Sheet, columns: readonly number[], wanted: readonly number[]): number[] {
  const current = columns.map((column) => sheet.getColumnWidth(column));
  return columns.map((column, i) => {
    const width = widthFor(current[i]!, wanted[i]!);
    sheet.setColumnWidth(column, width);
    return width;
  });
}
