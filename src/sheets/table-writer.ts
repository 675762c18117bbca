/**
 * Writes one framework table into its tab, in service calls that do not grow with the number of
 * rows: one read of the used range (values, formulas, formats) to plan; the deletion of the rows
 * the user removed (one call per block of adjacent rows, none when none); the row moves of a
 * reorder (only when the user reordered); then one format write and one value write per block of
 * cells that change (a first run writes each run of adjacent columns as one block; a re-run that
 * changes nothing writes no value at all); then header style, notes, dropdowns, the percent format
 * below the table and the named range, and the tags of columns not tagged yet (none on a re-run).
 */
import type { ColumnDef, TableDef } from '../core/framework';
import type { ReadCell } from './cell-input';
import { applyWidths, CHIP, type ColumnSize, RULES, sizeColumn } from './column-sizing';
import { readColumnTags, tagColumns } from './column-tags';
import { formatFor, type PlannedCell, type PlanOptions, planTable, type TablePlan } from './table-plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HEADER_BACKGROUND = '#1a73e8';
export const HEADER_FONT_COLOR = '#ffffff';

/** The name of a table's named range: our prefix keeps clear of the user's own names. */
export function namedRangeName(table: TableDef): string {
  return `MCF_${table.rangeName}`;
}

/** The tab's used cells from A1: values, formulas and number formats in three reads. */
export function readCells(sheet: Sheet): ReadCell[][] {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const onlyBlank =
    values.length === 1 && values[0]!.length === 1 && values[0]![0] === '' && !formulas[0]![0];
  if (onlyBlank) return [];
  return values.map((row, r) =>
    row.map((value, c) => ({ value, formula: formulas[r]![c] ?? '', format: formats[r]![c] ?? '' })),
  );
}

/** Grows the sheet so that rows and columns up to the given ones exist. */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Groups the table's columns into runs of adjacent sheet columns: [[def index...]...]. */
export function columnRuns(columns: number[]): number[][] {
  const order = columns.map((_, i) => i).sort((a, b) => columns[a]! - columns[b]!);
  const runs: number[][] = [];
  for (const i of order) {
    const run = runs[runs.length - 1];
    if (run && columns[run[run.length - 1]!]! + 1 === columns[i]) run.push(i);
    else runs.push([i]);
  }
  return runs;
}

/**
 * Deletes the given rows (1-based, ascending), bottom block first so the numbers above stay true:
 * one call per block of adjacent rows, none when nothing was removed.
 */
export function deleteRows(sheet: Sheet, rows: readonly number[]): void {
  const blocks: { start: number; count: number }[] = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    if (last && last.start + last.count === row) last.count++;
    else blocks.push({ start: row, count: 1 });
  }
  for (const block of blocks.reverse()) sheet.deleteRows(block.start, block.count);
}

/** Dropdowns and their source: fixed lists, or the phase names on the Phases tab. */
export interface ChoiceSources {
  phases?: Range;
}

export interface WrittenTable {
  plan: TablePlan;
  sheet: Sheet;
  /** The table's range (header and rows, over its columns), the one the named range names. */
  range: Range;
}

/** Plans a table over its tab as it stands (no tab yet: an empty one). Reads only. */
export function planWrite(
  sheet: Sheet | undefined,
  table: TableDef,
  desired: Record<string, unknown>[],
  explicit: ReadonlySet<string>[],
  options: PlanOptions,
): TablePlan {
  if (!sheet) return planTable(table, [], desired, explicit, options);
  const tagged = readColumnTags(sheet, table.id);
  return planTable(table, readCells(sheet), desired, explicit, { ...options, tagged });
}

/** A block of cells to write at once: rows [row, row + rows) of the plan, definition indices `defs`. */
export interface CellBlock {
  row: number;
  rows: number;
  defs: number[];
}

/**
 * The planned cells grouped into as few rectangles as the changes allow: within each run of
 * adjacent columns, each row's stretches of changed cells, stacked while rows repeat the stretch.
 */
export function cellBlocks(cells: (PlannedCell | undefined)[][], columns: number[]): CellBlock[] {
  const blocks: CellBlock[] = [];
  for (const run of columnRuns(columns)) {
    let open = new Map<string, CellBlock>();
    cells.forEach((row, r) => {
      const stretches: number[][] = [];
      run.forEach((def, i) => {
        if (row[def] === undefined) return;
        const last = stretches[stretches.length - 1];
        if (last && run[i - 1] === last[last.length - 1]) last.push(def);
        else stretches.push([def]);
      });
      const next = new Map<string, CellBlock>();
      for (const defs of stretches) {
        const key = defs.join(',');
        const block = open.get(key);
        if (block) {
          block.rows++;
          next.set(key, block);
        } else {
          const added = { row: r, rows: 1, defs };
          blocks.push(added);
          next.set(key, added);
        }
      }
      open = next;
    });
  }
  return blocks;
}

/** One column's size from what it shows once written: its header (bold) and its cells' text. */
function sizeOf(column: ColumnDef, header: string, shown: readonly string[]): ColumnSize {
  const texts = [{ text: header, bold: true }, ...shown.map((text) => ({ text }))];
  if (column.kind === 'text') return sizeColumn(texts, RULES.text);
  if (column.kind === 'choice') return sizeColumn(texts, RULES.choice, CHIP);
  return sizeColumn(texts, RULES.number);
}

/**
 * Sizes the table's columns to what they show (read back once, as Sheets displays it: "3.0%"),
 * and wraps the cells this run wrote, and the header, in a column too narrow for its text.
 */
function sizeTable(sheet: Sheet, table: TableDef, plan: TablePlan): void {
  const { headerRow, columns, lastRow, cells } = plan;
  const left = Math.min(...columns);
  const shown = sheet
    .getRange(headerRow, left, lastRow - headerRow + 1, Math.max(...columns) - left + 1)
    .getDisplayValues();
  const sizes = table.columns.map((column, c) =>
    sizeOf(
      column,
      shown[0]![columns[c]! - left]!,
      shown.slice(1).map((row) => row[columns[c]! - left]!),
    ),
  );
  applyWidths(
    sheet,
    columns,
    sizes.map((size) => size.width),
  );
  for (const block of cellBlocks(cells, columns)) {
    sheet
      .getRange(headerRow + block.row, columns[block.defs[0]!]!, block.rows, block.defs.length)
      .setWraps(Array.from({ length: block.rows }, () => block.defs.map((c) => sizes[c]!.wrap)));
  }
  for (const run of columnRuns(columns)) {
    sheet.getRange(headerRow, columns[run[0]!]!, 1, run.length).setWraps([run.map((c) => sizes[c]!.wrap)]);
  }
}

/** Writes a planned table: deletions, moves, the changed cells, then styles, dropdowns and its name. */
export function writeTable(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  table: TableDef,
  plan: TablePlan,
  sources: ChoiceSources,
  namedRanges: Map<string, NamedRange>,
): WrittenTable {
  deleteRows(sheet, plan.deletedRows);
  const { headerRow, columns, lastRow, cells } = plan;
  // One row below the table at least, for the dropdowns and formats that run to the bottom.
  ensureSize(sheet, lastRow + 1, Math.max(...columns));
  // A moved row takes everything on it along: the user's notes, colours and cells beside the table.
  for (const move of plan.moves) sheet.moveRows(sheet.getRange(move.row, 1), move.before);
  const maxRows = sheet.getMaxRows();

  for (const block of cellBlocks(cells, columns)) {
    const rows = cells.slice(block.row, block.row + block.rows);
    const range = sheet.getRange(
      headerRow + block.row,
      columns[block.defs[0]!]!,
      block.rows,
      block.defs.length,
    );
    range.setNumberFormats(rows.map((row) => block.defs.map((c) => row[c]!.format)));
    range.setValues(rows.map((row) => block.defs.map((c) => row[c]!.input)));
  }
  for (const run of columnRuns(columns)) {
    const header = sheet.getRange(headerRow, columns[run[0]!]!, 1, run.length);
    header
      .setNotes([run.map((c) => table.columns[c]!.note)])
      .setFontWeight('bold')
      .setFontColor(HEADER_FONT_COLOR)
      .setBackground(HEADER_BACKGROUND);
  }
  sheet.setFrozenRows(headerRow);
  sizeTable(sheet, table, plan);
  // Dropdowns and formats run to the bottom of the sheet, so rows the user adds get them too.
  const below = maxRows - headerRow;
  table.columns.forEach((column, c) => {
    const cellsBelow = sheet.getRange(headerRow + 1, columns[c]!, below, 1);
    if (column.kind === 'choice') {
      const builder = SpreadsheetApp.newDataValidation();
      if (Array.isArray(column.choices)) {
        builder.requireValueInList([...column.choices], true).setAllowInvalid(false);
      } else if (column.choices === 'phases' && sources.phases) {
        builder.requireValueInRange(sources.phases, true).setAllowInvalid(true);
      } else return;
      cellsBelow.setDataValidation(builder.setHelpText(column.note).build());
    }
    if (column.kind === 'percent' && lastRow < maxRows) {
      sheet.getRange(lastRow + 1, columns[c]!, maxRows - lastRow, 1).setNumberFormat(formatFor(column));
    }
  });

  tagColumns(
    sheet,
    table.id,
    Object.fromEntries(table.columns.map((column, c) => [column.field, columns[c]!])),
    plan.tagged,
  );

  const left = Math.min(...columns);
  const range = sheet.getRange(headerRow, left, lastRow - headerRow + 1, Math.max(...columns) - left + 1);
  const name = namedRangeName(table);
  const existing = namedRanges.get(name);
  if (existing) existing.setRange(range);
  else spreadsheet.setNamedRange(name, range);
  return { plan, sheet, range };
}
