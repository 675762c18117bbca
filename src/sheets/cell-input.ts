/**
 * The one rule for what this add-on hands to Range.setValues, so that user text is never
 * run as a formula. Sheets parses a written string as a formula when it starts with `=`
 * (and treats `+`/`-` text as one too), turns "-1" or "50%" into numbers and "2024-01-02"
 * into a date. A cell formatted as plain text (`@`) keeps every string literally; in any
 * other cell a leading apostrophe forces text and is not stored.
 */

/** Sheets' number format for plain text. */
export const PLAIN_TEXT = '@';

/** A cell as read back: its value, its formula ('' for none) and its number format. */
export interface ReadCell {
  value: unknown;
  formula: string;
  format: string;
}

/**
 * The input that stores `value` as that very value in a cell with number format `format`:
 * strings keep their exact text (apostrophe outside plain-text cells), numbers, booleans
 * and dates are written as they are, null and undefined leave the cell blank.
 */
export function cellInput(value: unknown, format: string): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  if (value === '' || format === PLAIN_TEXT) return value;
  return `'${value}`;
}

/** The input that puts a read cell back exactly as it was: its formula, or its value. */
export function keepCell(cell: ReadCell): unknown {
  return cell.formula !== '' ? cell.formula : cellInput(cell.value, cell.format);
}

/** True when a cell holds something the user may have typed (a value or a formula). */
export function hasContent(cell: ReadCell | undefined): boolean {
  if (!cell) return false;
  return cell.formula !== '' || !(cell.value === '' || cell.value === null || cell.value === undefined);
}

/** A text literal inside a formula: `say "hi"` -> `"say ""hi"""`. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A sheet name as a formula needs it, always quoted (a tab named "A1" must not read as a cell). */
export function sheetRef(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}
