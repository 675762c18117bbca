/**
 * Writes one framework table into its tab in a fixed number of service calls, whatever the
 * number of rows: one read of the used range (values, formulas, formats), the deletion of the
 * rows the user removed (only when there are some: one call per block of adjacent rows), then per run of
 * adjacent columns one format write and one value write, then header style, notes,
 * dropdowns, the percent format below the table and the named range.
 */
import type { TableDef } from '../core/framework';
import type { ReadCell } from './cell-input';
import { formatFor, type PlanOptions, planTable, type TablePlan } from './table-plan';

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

export function writeTable(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  table: TableDef,
  desired: Record<string, unknown>[],
  explicit: ReadonlySet<string>[],
  sources: ChoiceSources,
  namedRanges: Map<string, NamedRange>,
  options: PlanOptions,
): WrittenTable {
  const plan = planTable(table, readCells(sheet), desired, explicit, options);
  deleteRows(sheet, plan.deletedRows);
  const { headerRow, columns, lastRow, cells } = plan;
  // One row below the table at least, for the dropdowns and formats that run to the bottom.
  ensureSize(sheet, lastRow + 1, Math.max(...columns));
  const maxRows = sheet.getMaxRows();

  for (const run of columnRuns(columns)) {
    const range = sheet.getRange(headerRow, columns[run[0]!]!, cells.length, run.length);
    range.setNumberFormats(cells.map((row) => run.map((c) => row[c]!.format)));
    range.setValues(cells.map((row) => run.map((c) => row[c]!.input)));
    const header = sheet.getRange(headerRow, columns[run[0]!]!, 1, run.length);
    header
      .setNotes([run.map((c) => table.columns[c]!.note)])
      .setFontWeight('bold')
      .setFontColor(HEADER_FONT_COLOR)
      .setBackground(HEADER_BACKGROUND);
  }
  sheet.setFrozenRows(headerRow);

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

  const left = Math.min(...columns);
  const range = sheet.getRange(headerRow, left, lastRow - headerRow + 1, Math.max(...columns) - left + 1);
  const name = namedRangeName(table);
  const existing = namedRanges.get(name);
  if (existing) existing.setRange(range);
  else spreadsheet.setNamedRange(name, range);
  return { plan, sheet, range };
}
