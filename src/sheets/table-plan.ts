/**
 * What writing one framework table does to its tab, worked out without touching the sheet.
 *
 * The rule that keeps the user's work:
 * - Our columns are found by their header (users may move them or insert their own between);
 *   a missing one is added after the last used column. Columns we do not own are never written.
 * - Items are matched to existing rows: phases by name; milestones and secondary actions by
 *   event name, else by name; the macro is the table's first row. Matching ignores case and spacing.
 * - In a matched row, a field the request set explicitly (the sidebar sends what it read back and
 *   the user edited) is written, unless the cell already reads as that value (so a formula that
 *   the sidebar sent back as its result stays a formula); any other field keeps the sheet's cell
 *   when it holds something (value or formula, exactly as it was) and takes the template's value
 *   when it is blank.
 * - Items not in the sheet yet are added below the last used row, in the request's order.
 * - When the request lists the items (the sidebar, where the user may reorder them), the matched
 *   items are dealt out over the rows they hold in the request's order, but only when those rows
 *   carry nothing else of the user's (no cell in other columns, no formula): a row with such cells
 *   never moves, since its cells belong with it. A template run never reorders.
 * - Rows not matched (the user's own rows, or items the request no longer lists) stay as they are:
 *   the planner never deletes a row. To remove an item, delete its row in the sheet.
 */
import { type ColumnDef, fromRows, nameKey, readCell, type TableDef } from '../core/framework';
import { cellInput, hasContent, keepCell, PLAIN_TEXT, type ReadCell } from './cell-input';

/** Sheets' number format for each kind of column we write. */
export function formatFor(column: ColumnDef): string {
  switch (column.kind) {
    case 'percent':
      return '0.0%';
    case 'currency':
      return '#,##0.00';
    case 'number':
      return '#,##0.##';
    default:
      return PLAIN_TEXT;
  }
}

/** One cell to write: the input for setValues and the number format to give it first. */
export interface PlannedCell {
  input: unknown;
  format: string;
}

export interface TablePlan {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 1-based sheet column of each of the table's columns, in the definition's order. */
  columns: number[];
  /** 1-based last row of the table once written (the header row when it has no rows). */
  lastRow: number;
  /** cells[r][c]: sheet row headerRow + r, the table's column c; row 0 is the header. */
  cells: PlannedCell[][];
  /** How many items were matched to existing rows and how many were added. */
  matched: number;
  added: number;
}

type Item = Record<string, unknown>;

/** The keys an item is matched by, most specific first. */
function matchKeys(table: TableDef, item: Item): string[] {
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const name = nameKey(text(item.name));
  if (table.id === 'milestones' || table.id === 'secondaryActions') {
    const event = nameKey(text(item.eventName));
    return [event && `event:${event}`, name && `name:${name}`].filter((key) => key !== '');
  }
  return name ? [`name:${name}`] : [];
}

/** For each desired item, the fields its request item sets (a value other than undefined). */
export function explicitFields(table: TableDef, desired: Item[], requested: unknown): Set<string>[] {
  const isItem = (value: unknown): value is Item =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const setIn = (item: Item | undefined) =>
    new Set(Object.keys(item ?? {}).filter((field) => item![field] !== undefined));
  if (table.id === 'macro') return desired.map(() => setIn(isItem(requested) ? requested : undefined));
  if (!Array.isArray(requested)) return desired.map(() => new Set());
  const items = requested.filter(isItem);
  return matchItems(table, desired, items).map((i) => setIn(i >= 0 ? items[i] : undefined));
}

/**
 * For each desired item, the index of the existing item it updates (or -1 when it is new).
 * Each existing item is claimed once; a desired item tries its keys in order.
 */
export function matchItems(table: TableDef, desired: Item[], existing: Item[]): number[] {
  if (table.id === 'macro') return desired.map((_, i) => (i < existing.length ? i : -1));
  const claimed = new Set<number>();
  const existingKeys = existing.map((item) => matchKeys(table, item));
  return desired.map((item) => {
    for (const key of matchKeys(table, item)) {
      const found = existingKeys.findIndex((keys, i) => !claimed.has(i) && keys.includes(key));
      if (found >= 0) {
        claimed.add(found);
        return found;
      }
    }
    return -1;
  });
}

const blankCell: ReadCell = { value: '', formula: '', format: '' };

/**
 * Plans the table's cells.
 * @param existing the tab's cells from A1 (values, formulas, formats), as far as they are used
 * @param desired the items to write, in order
 * @param explicit for each desired item, the fields the request set explicitly
 * @param options.reorder the request gave the list in the user's order (the sidebar)
 */
export function planTable(
  table: TableDef,
  existing: ReadCell[][],
  desired: Item[],
  explicit: ReadonlySet<string>[],
  options: { reorder?: boolean } = {},
): TablePlan {
  const read = fromRows(
    table.id,
    existing.map((row) => row.map((cell) => cell.value)),
  );
  const usedRows = existing.length;
  const usedColumns = existing.reduce((max, row) => Math.max(max, row.length), 0);
  const anyContent = existing.some((row) => row.some(hasContent));
  // No header yet: an empty tab gets it in row 1, otherwise below what is there (rows above a header are ignored).
  const headerRow = read.headerRow >= 0 ? read.headerRow + 1 : anyContent ? usedRows + 2 : 1;
  let nextColumn = read.headerRow >= 0 ? usedColumns : 0;
  const columns = table.columns.map((column) => {
    const found = read.headerRow >= 0 ? read.columnOf[column.field] : undefined;
    return found !== undefined ? found + 1 : ++nextColumn;
  });

  const match = matchItems(table, desired, read.items as unknown as Item[]);
  const matchedRow = match.map((found) => (found >= 0 ? read.rowOf[found]! + 1 : -1));
  // The rows the matched items hold; a reorder deals them out again in the request's order.
  const slots = matchedRow.filter((row) => row > 0).sort((a, b) => a - b);
  const ours = new Set(columns);
  const movable = (row: number) =>
    (existing[row - 1] ?? []).every((cell, c) => (ours.has(c + 1) ? cell.formula === '' : !hasContent(cell)));
  const reorder = options.reorder === true && slots.every(movable);
  const rowOfDesired = new Map<number, number>();
  const sourceRow = new Map<number, number>();
  let lastRow = read.headerRow >= 0 ? Math.max(headerRow, usedRows) : headerRow;
  let added = 0;
  let slot = 0;
  desired.forEach((_, i) => {
    const from = matchedRow[i]!;
    if (from > 0) {
      const to = reorder ? slots[slot++]! : from;
      rowOfDesired.set(to, i);
      sourceRow.set(to, from);
    } else {
      lastRow++;
      added++;
      rowOfDesired.set(lastRow, i);
    }
  });

  const cellAt = (row: number, column: number): ReadCell => existing[row - 1]?.[column - 1] ?? blankCell;
  const cells: PlannedCell[][] = [];
  cells.push(table.columns.map((column) => ({ input: column.header, format: PLAIN_TEXT })));
  for (let row = headerRow + 1; row <= lastRow; row++) {
    const itemIndex = rowOfDesired.get(row);
    cells.push(
      table.columns.map((column, c) => {
        const current = cellAt(sourceRow.get(row) ?? row, columns[c]!);
        const keep = { input: keepCell(current), format: current.format || formatFor(column) };
        if (itemIndex === undefined) return keep;
        const wanted = desired[itemIndex]![column.field];
        if (hasContent(current)) {
          if (!explicit[itemIndex]?.has(column.field)) return keep;
          // Already reads as the wanted value (a formula, "25%" for 0.25): nothing to change.
          if (readCell(column, current.value).value === (wanted ?? null)) return keep;
        }
        const format = formatFor(column);
        return { input: cellInput(wanted, format), format };
      }),
    );
  }
  return { headerRow, columns, lastRow, cells, matched: match.filter((m) => m >= 0).length, added };
}
