/**
 * Count cells of a report, read as the number the sheet shows. Pasted or imported exports
 * often leave counts as text with thousands separators: `1,234`, `1 234` (also with a no-break
 * space), or `1.234.567` in a file written with decimal commas. Which of `.` and `,` is the
 * decimal mark is decided once per column, so `1.234` reads as 1234 only in a column that
 * elsewhere shows `1.234.567` or `12,5`.
 */
import { isBlankCell } from './cells';

/** Separators of digit groups that are never a decimal mark: spaces, no-break spaces, apostrophe. */
const SPACE_GROUPS = /^([+-]?\d{1,3})(?:[ \u00a0\u202f\u2009']\d{3})+([.,]\d+)?$/;
const COMMA_GROUPS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DOT_GROUPS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN_DOT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)$/;

/** Text that can only be written with a decimal comma: `1.234.567`, `1.234,5`, `12,5`, `0,1234`. */
const COMMA_DECIMAL_ONLY =
  /^[+-]?(?:\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}(?:\.\d{3})+,\d+|\d+,\d{1,2}|\d+,\d{4,}|0,\d+)$/;

/** True when the column's text cells show a decimal comma somewhere (see COMMA_DECIMAL_ONLY). */
export function usesDecimalComma(cells: Iterable<unknown>): boolean {
  for (const cell of cells) {
    if (typeof cell === 'string' && COMMA_DECIMAL_ONLY.test(cell.trim())) return true;
  }
  return false;
}

/** The number a count cell shows: blank is 0; NaN when it shows no number. */
export function countValue(cell: unknown, decimalComma: boolean): number {
  if (typeof cell === 'number') return cell;
  if (isBlankCell(cell)) return 0;
  if (typeof cell !== 'string') return Number.NaN;
  const text = cell.trim();
  const spaced = SPACE_GROUPS.exec(text);
  if (spaced) return Number(text.replace(/[ \u00a0\u202f\u2009']/g, '').replace(',', '.'));
  if (decimalComma) {
    if (DOT_GROUPS.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
    if (PLAIN_COMMA.test(text)) return Number(text.replace(',', '.'));
  } else {
    if (COMMA_GROUPS.test(text)) return Number(text.replace(/,/g, ''));
    if (PLAIN_DOT.test(text)) return Number(text);
  }
  return Number.NaN;
}

const NUMBER_START = /^[+-]?[\d.,]/;

/** True for a cell that shows a number (in either decimal style): used to tell counts from names. */
export function looksNumeric(cell: unknown): boolean {
  if (typeof cell === 'number') return true;
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  // Most names start with a letter or "/": no need to try every number shape on them.
  if (!NUMBER_START.test(text)) return false;
  return !Number.isNaN(countValue(cell, false)) || !Number.isNaN(countValue(cell, true));
}
