/**
 * Where the table starts and which rows are not data. GA exports begin with a comment block
 * (`# ----`, `# Account: ...`, `# Start date: ...`, blank lines) and may carry totals rows
 * (`Grand total`; report.ts also knows a row of sums under an empty first cell).
 */
import { cellText, isBlankCell } from './cells';

/** True for a row with nothing in it. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/** True for a GA comment line: its first non-blank cell starts with "#". */
export function isCommentRow(row: readonly unknown[]): boolean {
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    return typeof cell === 'string' && cell.trimStart().startsWith('#');
  }
  return false;
}

const TOTAL_LABELS = new Set(['grand total', 'total', 'totals']);

/** True for a cell reading "Grand total", "Total" or "Totals" (any case, stray spaces). */
export function isTotalLabel(cell: unknown): boolean {
  // Length check first: this runs on every row of large tables.
  return (
    typeof cell === 'string' &&
    cell.length >= 5 &&
    cell.length <= 16 &&
    TOTAL_LABELS.has(cell.trim().toLowerCase())
  );
}

/** Index of the header row: the first row that is neither blank nor a comment; -1 if none. */
export function findHeaderRow(rows: readonly (readonly unknown[])[]): number {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!isBlankRow(row) && !isCommentRow(row)) return i;
  }
  return -1;
}

/** The header row's cells as trimmed text ("" for an empty header cell). */
export function headerNames(row: readonly unknown[]): string[] {
  return row.map((cell) => cellText(cell));
}
