/** A1 notation: column letters, cell and range references, with an optional sheet name. */

export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** 1 -> A, 27 -> AA. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** A -> 1, AA -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** `A1` for one cell, `A1:B2` otherwise. */
export function rectA1(rect: Rect): string {
  const start = cellA1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}

/** Quotes a sheet name when A1 notation needs it: `'My tab'!A1`. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'My tab'!A1:B2` into its sheet name (or undefined) and the range part. */
export function splitSheetName(a1: string): { sheetName: string | undefined; ref: string } {
  const quoted = a1.match(/^'((?:[^']|'')+)'!(.+)$/);
  if (quoted) return { sheetName: quoted[1]!.replace(/''/g, "'"), ref: quoted[2]! };
  const bang = a1.lastIndexOf('!');
  if (bang > 0) return { sheetName: a1.slice(0, bang), ref: a1.slice(bang + 1) };
  return { sheetName: undefined, ref: a1 };
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

/**
 * Parses `A1`, `A1:B2`, `A:B` (whole columns), `1:2` (whole rows) and `A2:B` (open-ended) against
 * a sheet of the given size. Returns undefined when the text is not a range (Sheets: "Range not found").
 */
export function parseRangeA1(ref: string, maxRows: number, maxColumns: number): Rect | undefined {
  const [startText, endText, extra] = ref.trim().split(':');
  if (extra !== undefined || !startText) return undefined;
  const start = startText.match(PART);
  const end = (endText ?? startText).match(PART);
  if (!start || !end) return undefined;
  const [, c1 = '', r1 = ''] = start;
  const [, c2 = '', r2 = ''] = end;
  if (endText === undefined && (!c1 || !r1)) return undefined;
  if (!c1 && !r1) return undefined;
  if (!c2 && !r2) return undefined;
  // A row-only reference (1:2) spans every column; a column-only one (A:B) every row.
  const column1 = c1 ? columnNumber(c1) : 1;
  const column2 = c2 ? columnNumber(c2) : maxColumns;
  const row1 = r1 ? Number(r1) : 1;
  const row2 = r2 ? Number(r2) : maxRows;
  if (row1 < 1 || row2 < 1) return undefined;
  const top = Math.min(row1, row2);
  const left = Math.min(column1, column2);
  return {
    row: top,
    column: left,
    numRows: Math.max(row1, row2) - top + 1,
    numColumns: Math.max(column1, column2) - left + 1,
  };
}
