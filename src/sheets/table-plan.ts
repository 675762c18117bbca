/**
 * What writing one framework table does to its tab, worked out without touching the sheet.
 *
 * The rule that keeps the user's work:
 * - Our columns are found by their header (users may move them or insert their own between);
 *   a missing one is added after the last used column. Columns we do not own are never written.
 * - Items are matched to existing rows: phases by name; milestones and secondary actions by
 *   event name, else by name; the macro is the table's first row. Matching ignores case and spacing.
 *   An item that says which row it was read from (`previous`, sent by the sidebar) is matched to
 *   that row first, so a rename (even of name and event at once) updates the row in place.
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
 * - A row the request names in `removed` (the user removed it in the sidebar and confirmed) is
 *   deleted: the one unclaimed row whose key equals the removed key exactly (name, and event name
 *   for milestones and secondary actions). Any other row not matched (the user's own rows, items
 *   the request no longer lists) stays as it is: a row not named in `removed` is never deleted.
 * - When a phase is renamed in place, the Phase cells of the milestones that name it (and are not
 *   written from the request) follow; a formula there is left alone.
 */
import { type ColumnDef, fromRows, type ItemKey, nameKey, readCell, type TableDef } from '../core/framework';
import { readText } from '../core/framework/values';
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
  /**
   * Rows (1-based, as the tab stands before writing) of the removed items, ascending; the writer
   * deletes them first, and every other row number of the plan counts without them.
   */
  deletedRows: number[];
  /** The name of each deleted row's item, for the result's notes. */
  deletedNames: string[];
  /** Rows that kept a requested reorder from happening: they hold cells of the user's. */
  unmovable: number[];
  /** Phases table only: the phases renamed in place. */
  renamed: RenamedPhase[];
}

type Item = Record<string, unknown>;

/** The keys an item is matched by, most specific first. */
function matchKeys(table: TableDef, item: { name?: unknown; eventName?: unknown }): string[] {
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const name = nameKey(text(item.name));
  if (table.id === 'milestones' || table.id === 'secondaryActions') {
    const event = nameKey(text(item.eventName));
    return [event && `event:${event}`, name && `name:${name}`].filter((key) => key !== '');
  }
  return name ? [`name:${name}`] : [];
}

const isItem = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** For each desired item, the request item it was built from (paired by their keys), if any. */
export function requestedItems(table: TableDef, desired: Item[], requested: unknown): (Item | undefined)[] {
  if (table.id === 'macro') return desired.map(() => (isItem(requested) ? requested : undefined));
  if (!Array.isArray(requested)) return desired.map(() => undefined);
  const items = requested.filter(isItem);
  return matchItems(table, desired, items).map((i) => (i >= 0 ? items[i] : undefined));
}

/** For each desired item, the fields its request item sets (a value other than undefined). */
export function explicitFields(table: TableDef, desired: Item[], requested: unknown): Set<string>[] {
  return requestedItems(table, desired, requested).map(
    (item) => new Set(Object.keys(item ?? {}).filter((field) => item![field] !== undefined)),
  );
}

/** For each desired item, the key of the row its request item says it was read from, if any. */
export function previousKeys(table: TableDef, desired: Item[], requested: unknown): (Item | undefined)[] {
  return requestedItems(table, desired, requested).map((item) =>
    isItem(item?.previous) ? item.previous : undefined,
  );
}

export interface RowMatch {
  /** For each desired item, the index of the existing item it updates (or -1 when it is new). */
  match: number[];
  /** Indices of the existing items the removed keys name. */
  removed: number[];
}

/**
 * Matches desired items to existing ones, each existing item claimed once: first every desired
 * item by the key of the row it was read from, then each removed key (an exact key match only),
 * then every still unmatched desired item by its own keys, most specific first.
 */
export function matchRows(
  table: TableDef,
  desired: Item[],
  existing: Item[],
  previous: readonly (ItemKey | Item | undefined)[] = [],
  removedKeys: readonly ItemKey[] = [],
): RowMatch {
  if (table.id === 'macro')
    return { match: desired.map((_, i) => (i < existing.length ? i : -1)), removed: [] };
  const claimed = new Set<number>();
  const existingKeys = existing.map((item) => matchKeys(table, item));
  const claim = (found: number) => {
    if (found >= 0) claimed.add(found);
    return found;
  };
  const byKeys = (keys: string[]) => {
    for (const key of keys) {
      const found = existingKeys.findIndex((its, i) => !claimed.has(i) && its.includes(key));
      if (found >= 0) return claim(found);
    }
    return -1;
  };
  const match = desired.map((_, i) => {
    const key = previous[i];
    return key ? byKeys(matchKeys(table, key)) : -1;
  });
  const removed: number[] = [];
  for (const key of removedKeys) {
    const exact = matchKeys(table, key).join('|');
    if (exact === '') continue;
    const found = claim(existingKeys.findIndex((its, i) => !claimed.has(i) && its.join('|') === exact));
    if (found >= 0) removed.push(found);
  }
  desired.forEach((item, i) => {
    if (match[i]! < 0) match[i] = byKeys(matchKeys(table, item));
  });
  return { match, removed };
}

/** For each desired item, the index of the existing item it updates (or -1 when it is new). */
export function matchItems(table: TableDef, desired: Item[], existing: Item[]): number[] {
  return matchRows(table, desired, existing).match;
}

const blankCell: ReadCell = { value: '', formula: '', format: '' };

/** What the request says about the table's rows besides its items. */
export interface PlanOptions {
  /** The request gave the list in the user's order (the sidebar). */
  reorder?: boolean;
  /** For each desired item, the key of the row it was read from (see previousKeys). */
  previous?: readonly (Item | undefined)[];
  /** Keys of the rows the user removed. */
  removed?: readonly ItemKey[];
  /** Phases renamed in place by this run (milestones table only). */
  renamedPhases?: readonly RenamedPhase[];
}

export interface RenamedPhase {
  from: string;
  to: string;
}

/**
 * Plans the table's cells.
 * @param existing the tab's cells from A1 (values, formulas, formats), as far as they are used
 * @param desired the items to write, in order
 * @param explicit for each desired item, the fields the request set explicitly
 */
export function planTable(
  table: TableDef,
  existing: ReadCell[][],
  desired: Item[],
  explicit: ReadonlySet<string>[],
  options: PlanOptions = {},
): TablePlan {
  // Removed rows go first; the rest is planned on the rows that remain.
  const valuesOf = (grid: ReadCell[][]) => grid.map((row) => row.map((cell) => cell.value));
  const before = fromRows(table.id, valuesOf(existing));
  const removal = matchRows(
    table,
    desired,
    before.items as unknown as Item[],
    options.previous,
    options.removed,
  );
  const deletedItems = [...removal.removed].sort((a, b) => before.rowOf[a]! - before.rowOf[b]!);
  const deletedRows = deletedItems.map((i) => before.rowOf[i]! + 1);
  const deletedNames = deletedItems.map((i) => readText((before.items[i] as unknown as Item).name).value);
  if (deletedRows.length > 0) existing = existing.filter((_, r) => !deletedRows.includes(r + 1));

  const read = fromRows(table.id, valuesOf(existing));
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

  const existingItems = read.items as unknown as Item[];
  const { match } = matchRows(table, desired, existingItems, options.previous);
  const matchedRow = match.map((found) => (found >= 0 ? read.rowOf[found]! + 1 : -1));
  // A matched phase whose name changed was renamed in place: its milestones follow.
  const renamed: RenamedPhase[] = [];
  if (table.id === 'phases') {
    match.forEach((found, i) => {
      const from = found >= 0 ? readText(existingItems[found]!.name).value : '';
      const to = readText(desired[i]!.name).value;
      if (from !== '' && nameKey(from) !== nameKey(to)) renamed.push({ from, to });
    });
  }
  // The rows the matched items hold; a reorder deals them out again in the request's order.
  const held = matchedRow.filter((row) => row > 0);
  const slots = [...held].sort((a, b) => a - b);
  const ours = new Set(columns);
  const movable = (row: number) =>
    (existing[row - 1] ?? []).every((cell, c) => (ours.has(c + 1) ? cell.formula === '' : !hasContent(cell)));
  const wantsMove = options.reorder === true && held.some((row, i) => row !== slots[i]);
  const unmovable = wantsMove ? slots.filter((row) => !movable(row)) : [];
  const reorder = wantsMove && unmovable.length === 0;
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

  const renamedTo = new Map((options.renamedPhases ?? []).map((r) => [nameKey(r.from), r.to]));
  const cellAt = (row: number, column: number): ReadCell => existing[row - 1]?.[column - 1] ?? blankCell;
  const cells: PlannedCell[][] = [];
  cells.push(table.columns.map((column) => ({ input: column.header, format: PLAIN_TEXT })));
  for (let row = headerRow + 1; row <= lastRow; row++) {
    const itemIndex = rowOfDesired.get(row);
    cells.push(
      table.columns.map((column, c) => {
        const current = cellAt(sourceRow.get(row) ?? row, columns[c]!);
        const keep = { input: keepCell(current), format: current.format || formatFor(column) };
        const write = (value: unknown) => {
          const format = formatFor(column);
          return { input: cellInput(value, format), format };
        };
        const isExplicit = itemIndex !== undefined && explicit[itemIndex]?.has(column.field) === true;
        const wanted = itemIndex === undefined ? undefined : desired[itemIndex]![column.field];
        if (isExplicit) {
          // Already reads as the wanted value (a formula, "25%" for 0.25): nothing to change.
          if (hasContent(current) && readCell(column, current.value).value === (wanted ?? null)) return keep;
          return write(wanted);
        }
        if (hasContent(current)) {
          const newPhase =
            column.field === 'phase' && current.formula === '' && typeof current.value === 'string'
              ? renamedTo.get(nameKey(current.value))
              : undefined;
          return newPhase === undefined ? keep : write(newPhase);
        }
        return itemIndex === undefined ? keep : write(wanted);
      }),
    );
  }
  return {
    headerRow,
    columns,
    lastRow,
    cells,
    matched: match.filter((m) => m >= 0).length,
    added,
    deletedRows,
    deletedNames,
    unmovable,
    renamed,
  };
}
