/**
 * What a spreadsheet cell can hold, checked. Sheets hands custom functions numbers, strings,
 * booleans, Dates and "" for empty cells; everything is `unknown` until one of these says otherwise.
 */

/** True for a Date from any realm (Apps Script and gas-local hand Dates from another vm context). */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True for an empty cell: "", whitespace only, null or undefined. */
export function isBlankCell(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

/** True for a finite number (NaN and Infinity are not values a user typed). */
export function isNumberCell(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The text a cell shows, trimmed (exports carry stray spaces and "\r" from CRLF files).
 * Dates become ISO text; anything that is not a plain value becomes "".
 */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateCell(value)) {
    const time = value.getTime();
    return Number.isNaN(time) ? '' : new Date(time).toISOString();
  }
  return '';
}

/** TRUE or FALSE, as Sheets holds a checkbox (a boolean) or as text left by a plain-text import. */
export function isCheckboxCell(cell: unknown): boolean {
  if (typeof cell === 'boolean') return true;
  return typeof cell === 'string' && /^(true|false)$/i.test(cell.trim());
}

/** A range argument as rows of cells: a single cell becomes a 1x1 table; non-arrays give []. */
export function asRows(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return value === undefined || value === null ? [] : [[value]];
  // A range from Sheets is always rows of cells: use it as it is (no copy, no pass over a million
  // rows). A one-dimensional list (from code, not from a sheet) becomes one cell per row.
  const rows = value as unknown[];
  const isRange = rows.length === 0 || (Array.isArray(rows[0]) && Array.isArray(rows[rows.length - 1]));
  return isRange ? (rows as unknown[][]) : rows.map((r) => (Array.isArray(r) ? r : [r]));
}
