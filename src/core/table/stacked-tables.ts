/**
 * A range may hold several tables one under the other: a GA4 "Reports snapshot" stacks one
 * table per card, each after its own `#` comment block; other exports leave a blank line and
 * start a new header row. A header row seen before (two pastes of the same export, maybe with
 * other tables between) continues that table: the same columns are the same report.
 */
import { cellText, isBlankCell, isCheckboxCell } from './cells';
import { looksNumeric } from './count-cell';
import { headerNames, isBlankRow, isCommentRow } from './header';

export interface StackedTable {
  /** Index of the header row in the data argument. */
  headerRow: number;
  headers: string[];
  /** Indices of its data rows in the data argument (no blank, comment or repeated header rows). */
  rows: number[];
}

/** Splits rows into their tables, in order. Rows before the first header row are skipped. */
export function splitTables(rows: readonly (readonly unknown[])[]): StackedTable[] {
  const tables: StackedTable[] = [];
  let current: StackedTable | undefined;
  let afterComment = true;
  let afterBlank = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (isBlankRow(row)) {
      afterBlank = true;
      continue;
    }
    if (isCommentRow(row)) {
      afterComment = true;
      continue;
    }
    const startsTable = !current || afterComment || (afterBlank && looksLikeHeader(row));
    afterComment = false;
    afterBlank = false;
    const same = tables.find((t) => sameHeader(row, t.headers));
    if (same) current = same;
    else if (startsTable) {
      current = { headerRow: r, headers: headerNames(row), rows: [] };
      tables.push(current);
    } else current!.rows.push(r);
  }
  return tables;
}

/** A header row: names only, no number among its cells. */
function looksLikeHeader(row: readonly unknown[]): boolean {
  // TRUE and FALSE pasted as text are values (checkboxes), as numbers are.
  return row.every(
    (cell) => isBlankCell(cell) || (typeof cell === 'string' && !looksNumeric(cell) && !isCheckboxCell(cell)),
  );
}

/** True when the row repeats the header (trailing empty cells aside). */
function sameHeader(row: readonly unknown[], headers: readonly string[]): boolean {
  const width = Math.max(row.length, headers.length);
  for (let c = 0; c < width; c++) if (cellText(row[c]) !== (headers[c] ?? '')) return false;
  return true;
}
