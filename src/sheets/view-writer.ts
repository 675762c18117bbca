/**
 * Draws a view tab (Funnel, Dashboard, Framework): a block of cells from A1 that the planner
 * redraws on every run, in a fixed number of calls (one 2D write per property). What the user
 * adds to the right of the block or below it is kept: when the block grows, rows are inserted
 * so anything below it moves down instead of being overwritten.
 */
import { cellInput, PLAIN_TEXT } from './cell-input';
import type { Extent } from './tab-registry';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One cell of a view: text is written as text (never a formula); `formula` is ours. */
export interface ViewCell {
  text?: string;
  number?: number;
  formula?: string;
  format?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  background?: string;
  wrap?: boolean;
}

/** A rectangle of the block to merge, 1-based. */
export interface Merge {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface View {
  cells: ViewCell[][];
  merges: Merge[];
  /** Width in pixels of each of the block's columns (one width for all keeps the call count fixed). */
  columnWidth: number;
}

const DEFAULT_FORMAT = '0.###############';

/** The number format a cell gets: plain text for text, ours or the default otherwise. */
function formatOf(cell: ViewCell): string {
  if (cell.format) return cell.format;
  return cell.text !== undefined ? PLAIN_TEXT : DEFAULT_FORMAT;
}

function inputOf(cell: ViewCell): unknown {
  if (cell.formula !== undefined) return cell.formula;
  if (cell.number !== undefined) return cell.number;
  return cellInput(cell.text ?? '', formatOf(cell));
}

/** Pads every row to `columns` cells and the grid to `rows` rows with blank cells. */
export function padCells(cells: ViewCell[][], rows: number, columns: number): ViewCell[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => cells[r]?.[c] ?? {}),
  );
}

/** Draws the view, clearing what remains of the previous, larger drawing; returns the new extent. */
export function drawView(sheet: Sheet, view: View, previous: Extent | undefined): Extent {
  const height = view.cells.length;
  const width = view.cells.reduce((max, row) => Math.max(max, row.length), 1);
  if (previous && height > previous.rows && sheet.getLastRow() > previous.rows) {
    sheet.insertRowsAfter(previous.rows, height - previous.rows);
  }
  const rows = Math.max(height, previous?.rows ?? 0);
  const columns = Math.max(width, previous?.columns ?? 0);
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);

  const cells = padCells(view.cells, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  range.breakApart();
  range.setNumberFormats(cells.map((row) => row.map(formatOf)));
  range.setValues(cells.map((row) => row.map(inputOf)));
  range.setFontWeights(cells.map((row) => row.map((c) => (c.bold ? 'bold' : 'normal'))));
  range.setFontStyles(cells.map((row) => row.map((c) => (c.italic ? 'italic' : 'normal'))));
  range.setFontSizes(cells.map((row) => row.map((c) => c.size ?? 10)));
  range.setFontColors(cells.map((row) => row.map((c) => c.color ?? '#000000')));
  range.setBackgrounds(cells.map((row) => row.map((c) => c.background ?? '#ffffff')));
  range.setWraps(cells.map((row) => row.map((c) => c.wrap ?? false)));
  range.setVerticalAlignment('top');
  for (const merge of view.merges) {
    sheet.getRange(merge.row, merge.column, merge.rows, merge.columns).merge();
  }
  sheet.setColumnWidths(1, width, view.columnWidth);
  return { rows: height, columns: width };
}
