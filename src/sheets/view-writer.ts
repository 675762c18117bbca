/**
 * Draws a view tab (Funnel, Dashboard, Framework): a block of rows from the top of the tab that
 * the planner redraws on every run. A view writes only the cells it wrote last time (recorded in
 * the tab's developer metadata, see drawing.ts) and cells that are blank: a cell of the user's,
 * beside, under or inside the block, is never written. A drawn row that would cover one moves
 * down past it instead (the run's notes say so), and when the block grows, rows are inserted
 * under it so what lies below moves down. A fixed number of 2D writes per run, unless the user's
 * cells cut the block into pieces.
 */
import { cellInput, PLAIN_TEXT } from './cell-input';
import { applyWidths, DEFAULT_WIDTH } from './column-sizing';
import { type Drawing, fingerprint, type Spill } from './drawing';
import { cellA1, ensureGrid } from './grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One cell of a view: text is written as text (never a formula); `formula` is ours. */
export interface ViewCell {
  text?: string;
  number?: number;
  /** `{row}` stands for the sheet row the cell lands on (a row may move past the user's cells). */
  formula?: string;
  format?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  background?: string;
  wrap?: boolean;
}

/** A rectangle of the block to merge, 1-based in the view's own rows. */
export interface Merge {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface View {
  cells: ViewCell[][];
  merges: Merge[];
  /**
   * Width in pixels of the block's columns: one width for all (set as it is, one call), or the
   * width each column's content needs, from column A (a column the user widened stays wider:
   * see column-sizing.ts).
   */
  columnWidth: number | readonly number[];
  /** Array formulas of the view and the cells their results spill into (kept free, drawn together). */
  spills?: Spill[];
}

/** Where the view landed: the sheet row of each of its rows, and what the user should hear. */
export interface Drawn {
  drawing: Drawing;
  /** rowOf(n): the sheet row of the view's row n (1-based). */
  rowOf: (row: number) => number;
  /** The width in pixels of each column of the block, from column A, as set. */
  widths: number[];
  notes: string[];
}

const DEFAULT_FORMAT = '0.###############';

/** The number format a cell gets: plain text for text, ours or the default otherwise. */
function formatOf(cell: ViewCell): string {
  if (cell.format) return cell.format;
  return cell.text !== undefined ? PLAIN_TEXT : DEFAULT_FORMAT;
}

function inputOf(cell: ViewCell, row: number): unknown {
  if (cell.formula !== undefined) return cell.formula.replace(/\{row\}/g, String(row));
  if (cell.number !== undefined) return cell.number;
  return cellInput(cell.text ?? '', formatOf(cell));
}

/** What the cell reads back as, for the record of what we wrote ('' for a blank cell). */
function writtenOf(cell: ViewCell, row: number): string {
  if (cell.formula !== undefined) return fingerprint(inputOf(cell, row), '');
  if (cell.number !== undefined) return fingerprint(cell.number, '');
  return cell.text ? fingerprint(cell.text, '') : '';
}

/** Pads every row to `columns` cells and the grid to `rows` rows with blank cells. */
export function padCells(cells: ViewCell[][], rows: number, columns: number): ViewCell[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => cells[r]?.[c] ?? {}),
  );
}

/** The columns a row of the view needs: its last cell that shows anything, or that a merge covers. */
function rowWidths(view: View, height: number): number[] {
  const widths = Array.from({ length: height }, (_, r) => {
    const row = view.cells[r] ?? [];
    let width = 0;
    row.forEach((cell, c) => {
      if (Object.keys(cell).length > 0) width = c + 1;
    });
    return width;
  });
  for (const merge of view.merges) {
    for (let r = merge.row; r < merge.row + merge.rows; r++) {
      widths[r - 1] = Math.max(widths[r - 1] ?? 0, merge.column + merge.columns - 1);
    }
  }
  for (const spill of view.spills ?? []) {
    for (let r = spill.row; r < spill.row + spill.rows; r++) {
      widths[r - 1] = Math.max(widths[r - 1] ?? 0, spill.column + spill.columns - 1);
    }
  }
  return widths;
}

/** Groups of view rows that must land on adjacent sheet rows: a spill with its formula, a merge. */
function rowGroups(view: View, height: number): { first: number; rows: number }[] {
  const together = new Array<number>(height + 1).fill(0);
  for (const block of [...view.merges, ...(view.spills ?? [])]) {
    together[block.row] = Math.max(together[block.row]!, block.rows);
  }
  const groups: { first: number; rows: number }[] = [];
  for (let r = 1; r <= height; ) {
    let end = r + Math.max(1, together[r]!) - 1;
    for (let k = r; k <= end; k++) end = Math.max(end, k + Math.max(1, together[k]!) - 1);
    groups.push({ first: r, rows: end - r + 1 });
    r = end + 1;
  }
  return groups;
}

/** What the tab holds now, and which of its cells are ours (from the record of the last drawing). */
interface Ground {
  /** Sheet rows of the last drawing (0 when there is none): rows up to here are reused. */
  end: number;
  /** `row:column` of every cell of the user's (holding a value, formula or note we did not write). */
  users: Set<string>;
  /** Cells we wrote last time that still hold what we wrote: cleared when not drawn again. */
  ours: { row: number; column: number }[];
}

const key = (row: number, column: number) => `${row}:${column}`;

function isBlank(value: unknown, formula: string, note: string): boolean {
  return formula === '' && note === '' && (value === '' || value === null || value === undefined);
}

/** Reads the tab once (values, formulas, notes) and tells the user's cells from ours. */
function survey(sheet: Sheet, previous: Drawing | undefined, width: number): Ground {
  const rows = sheet.getLastRow();
  const columns = Math.min(sheet.getMaxColumns(), Math.max(width, previous?.width ?? 0, 1));
  if (rows === 0) return { end: 0, users: new Set(), ours: [] };
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const prints = values.map((line, r) => line.map((value, c) => fingerprint(value, formulas[r]![c]!)));

  // Our rows, in order: each recorded row lands on the next sheet row holding one of its cells.
  const rowOf: number[] = [];
  let next = 1;
  for (const recorded of previous?.rows ?? []) {
    const cells = Object.entries(recorded);
    let found = 0;
    for (let r = next; r <= rows && cells.length > 0; r++) {
      if (cells.some(([c, print]) => prints[r - 1]![Number(c) - 1] === print)) {
        found = r;
        break;
      }
    }
    rowOf.push(found);
    if (found > 0) next = found + 1;
  }
  const mine = new Set<string>();
  let end = Math.min(previous?.whole ?? 0, rows);
  for (let r = 1; r <= end; r++) {
    for (let c = 1; c <= Math.min(previous?.width ?? 0, columns); c++) {
      if (!isBlank(values[r - 1]![c - 1], formulas[r - 1]![c - 1]!, notes[r - 1]![c - 1]!))
        mine.add(key(r, c));
    }
  }
  previous?.rows.forEach((recorded, i) => {
    const r = rowOf[i]!;
    if (r === 0) return;
    end = Math.max(end, r);
    for (const [c, print] of Object.entries(recorded)) {
      if (prints[r - 1]![Number(c) - 1] === print) mine.add(key(r, Number(c)));
    }
  });
  // A spill is ours while its formula works; once it shows #REF!, a cell in its area is the user's.
  const spilled = new Set<string>();
  for (const spill of previous?.spills ?? []) {
    const at = rowOf[spill.row - 1] ?? 0;
    if (at === 0) continue;
    end = Math.max(end, at + spill.rows - 1);
    if (String(values[at - 1]![spill.column - 1]).startsWith('#REF!')) continue;
    for (let r = at; r < at + spill.rows && r <= rows; r++) {
      for (let c = spill.column; c < spill.column + spill.columns && c <= columns; c++) {
        if (formulas[r - 1]![c - 1] === '' && notes[r - 1]![c - 1] === '') spilled.add(key(r, c));
      }
    }
  }
  const users = new Set<string>();
  const ours: { row: number; column: number }[] = [];
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      if (mine.has(key(r, c))) ours.push({ row: r, column: c });
      else if (
        !spilled.has(key(r, c)) &&
        !isBlank(values[r - 1]![c - 1], formulas[r - 1]![c - 1]!, notes[r - 1]![c - 1]!)
      ) {
        users.add(key(r, c));
      }
    }
  }
  // Rows the user deleted under the block are no longer there to reuse.
  return { end: Math.min(end, sheet.getMaxRows()), users, ours };
}

/** True when no cell of the user's lies in columns 1..width of sheet row `row`. */
function freeRow(ground: Ground, row: number, width: number): boolean {
  if (row > ground.end) return true; // a fresh row, inserted for the view
  for (let c = 1; c <= width; c++) if (ground.users.has(key(row, c))) return false;
  return true;
}

/** Gives each group of view rows the first adjacent sheet rows, from the top, that are free. */
function place(
  groups: { first: number; rows: number }[],
  widths: number[],
  ground: Ground,
): { rowOf: number[]; moved: number[] } {
  const rowOf: number[] = [];
  const moved: number[] = [];
  let cursor = 1;
  for (const group of groups) {
    let at = cursor;
    const fits = (start: number) => {
      for (let k = 0; k < group.rows; k++) {
        if (!freeRow(ground, start + k, widths[group.first - 1 + k]!)) return false;
      }
      return true;
    };
    while (!fits(at)) at++;
    for (let k = at; k < at + group.rows; k++) rowOf[group.first - 1 + k - at] = k;
    for (let r = cursor; r < at; r++) if (!freeRow(ground, r, widths[group.first - 1]!)) moved.push(r);
    cursor = at + group.rows;
  }
  return { rowOf, moved: [...new Set(moved)] };
}

/** Runs of view rows on adjacent sheet rows whose cells (over the run's widest row) are all free. */
function rectangles(
  rowOf: number[],
  widths: number[],
  ground: Ground,
): { first: number; rows: number; columns: number }[] {
  const out: { first: number; rows: number; columns: number }[] = [];
  rowOf.forEach((row, i) => {
    const width = Math.max(widths[i]!, 0);
    const last = out[out.length - 1];
    if (last && rowOf[last.first - 1 + last.rows - 1]! + 1 === row) {
      const columns = Math.max(last.columns, width);
      const rows = Array.from({ length: last.rows + 1 }, (_, k) => rowOf[last.first - 1 + k]!);
      if (rows.every((r) => freeRow(ground, r, columns))) {
        last.rows++;
        last.columns = columns;
        return;
      }
    }
    out.push({ first: i + 1, rows: 1, columns: width });
  });
  return out.filter((rect) => rect.columns > 0);
}

/**
 * Draws the view over what the tab holds: reads first, grows the grid, then writes. Returns the
 * record of this drawing (to keep for the next run) and where its rows landed.
 */
export function drawView(sheet: Sheet, view: View, previous: Drawing | undefined, tab: string): Drawn {
  const spillEnd = Math.max(0, ...(view.spills ?? []).map((s) => s.row + s.rows - 1));
  const height = Math.max(view.cells.length, spillEnd);
  const widths = rowWidths(view, height);
  const width = Math.max(1, ...widths);
  const ground = survey(sheet, previous, width);
  const { rowOf, moved } = place(rowGroups(view, height), widths, ground);
  const bottom = Math.max(...rowOf);

  // Grow first: rows for the block under the last drawing (what is below moves down), columns.
  const fresh = bottom - ground.end;
  if (fresh > 0 && sheet.getLastRow() > ground.end) {
    if (ground.end === 0) sheet.insertRowsBefore(1, fresh);
    else sheet.insertRowsAfter(ground.end, fresh);
  }
  ensureGrid(sheet, bottom, width);

  const cells = padCells(view.cells, height, width);
  const drawn = new Set<string>();
  for (const rect of rectangles(rowOf, widths, ground)) {
    const rows = cells
      .slice(rect.first - 1, rect.first - 1 + rect.rows)
      .map((row) => row.slice(0, rect.columns));
    const at = rowOf[rect.first - 1]!;
    rows.forEach((_, i) => {
      for (let c = 1; c <= rect.columns; c++) drawn.add(key(at + i, c));
    });
    const range = sheet.getRange(at, 1, rect.rows, rect.columns);
    range.breakApart();
    range.setNumberFormats(rows.map((row) => row.map(formatOf)));
    range.setValues(rows.map((row, i) => row.map((c) => inputOf(c, at + i))));
    range.setFontWeights(rows.map((row) => row.map((c) => (c.bold ? 'bold' : 'normal'))));
    range.setFontStyles(rows.map((row) => row.map((c) => (c.italic ? 'italic' : 'normal'))));
    range.setFontSizes(rows.map((row) => row.map((c) => c.size ?? 10)));
    range.setFontColors(rows.map((row) => row.map((c) => c.color ?? '#000000')));
    range.setBackgrounds(rows.map((row) => row.map((c) => c.background ?? '#ffffff')));
    range.setWraps(rows.map((row) => row.map((c) => c.wrap ?? false)));
    range.setVerticalAlignment('top');
  }
  // What we drew last time and do not draw again is cleared (rows were inserted only below it).
  const stale = ground.ours
    .filter((cell) => !drawn.has(key(cell.row, cell.column)))
    .map((cell) => cellA1(cell.row, cell.column));
  if (stale.length > 0) sheet.getRangeList(stale).clear();
  for (const merge of view.merges) {
    sheet.getRange(rowOf[merge.row - 1]!, merge.column, merge.rows, merge.columns).merge();
  }
  const { columnWidth } = view;
  let columnWidths: number[];
  if (typeof columnWidth === 'number') {
    sheet.setColumnWidths(1, width, columnWidth);
    columnWidths = new Array<number>(width).fill(columnWidth);
  } else {
    const columns = Array.from({ length: width }, (_, c) => c + 1);
    columnWidths = applyWidths(
      sheet,
      columns,
      columns.map((c) => columnWidth[c - 1] ?? DEFAULT_WIDTH),
    );
  }

  const notes =
    moved.length === 0
      ? []
      : [
          `The ${tab} tab was drawn around your cells in row${moved.length === 1 ? '' : 's'} ${moved.join(', ')}: they were in its way, so the rows that would have covered them moved down. Nothing of yours was changed.`,
        ];
  return {
    drawing: {
      rows: cells.map((row, i) => {
        const record: Record<string, string> = {};
        row.forEach((cell, c) => {
          const print = writtenOf(cell, rowOf[i]!);
          if (print !== '') record[c + 1] = print;
        });
        return record;
      }),
      width,
      spills: view.spills ?? [],
    },
    rowOf: (row) => rowOf[row - 1] ?? row,
    widths: columnWidths,
    notes,
  };
}
