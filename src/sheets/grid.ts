/**
 * The grid of a tab: Sheets refuses a write outside it ("The coordinates of the range are outside
 * the dimensions of the sheet"), and a user may have deleted the empty rows or columns we need.
 * Every writer grows the grid first.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Adds rows and columns at the end so that `rows` x `columns` fit. */
export function ensureGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** A column's letters: 1 -> A, 27 -> AA. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
