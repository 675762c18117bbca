/**
 * Text overflow as Sheets draws it: a text that does not wrap runs on over the empty cells to
 * its right and stops at the first cell that holds anything. Shared by the grid (view.ts) and
 * the print view (print-view.ts), so the page and the PDF agree.
 */

/**
 * How many cells right of `column` (1-based) the text of that cell may run over: the empty ones
 * up to the first occupied cell or `last`. `occupied(c)` says whether column c holds anything.
 */
export function overflowColumns(column: number, last: number, occupied: (column: number) => boolean): number {
  let count = 0;
  while (column + count + 1 <= last && !occupied(column + count + 1)) count++;
  return count;
}

/** Whether a cell's text may overflow at all: text (numbers never do), not wrapped, aligned left. */
export function mayOverflow(cell: {
  text: string;
  numeric?: boolean;
  wrap?: boolean;
  align?: string;
}): boolean {
  const align = cell.align ?? 'general';
  return cell.text !== '' && !cell.numeric && !cell.wrap && (align === 'general' || align === 'left');
}
