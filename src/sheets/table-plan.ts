/**
 * What writing one framework table does to its tab, worked out without touching the sheet.
 *
 * The rule that keeps the user's work: a cell is written only when its value must change.
 * - Our columns are found by their tags (column developer metadata, see column-tags.ts), else by
 *   their header (users may move them, insert their own between, or rename a tagged one's header,
 *   which is then kept); a missing one is added after the last used column. Columns we do not own
 *   are never written.
 * - Items are matched to existing rows: phases by name; milestones and secondary actions by
 *   event name, else by name; the macro is the table's first row. Matching ignores case and spacing.
 *   An item that says which row it was read from (`previous`, sent by the sidebar: its key and its
 *   sheet row) is matched to that row first, so a rename updates the row in place. When the row no
 *   longer holds that key and several rows do (a copied row), the run is refused rather than guessed.
 * - In a matched row, a field the request changed is written, unless the cell already reads as the
 *   wanted value (a formula that reads so stays a formula). When the sidebar says what it changed
 *   a field from (`previous.from`) and the cell no longer holds that value, the user changed it in
 *   the sheet meanwhile: the cell is kept and the conflict reported. Any other field keeps the
 *   sheet's cell when it holds something and takes the template's value when it is blank.
 * - Items not in the sheet yet are added below the last used row, in the request's order.
 * - When the request lists the items (the sidebar, where the user may reorder them), the matched
 *   items are dealt out over the rows they hold in the request's order by moving whole rows
 *   (Sheet.moveRows), so the user's notes, colours and cells on a row go with it. A template run
 *   never reorders.
 * - A row the request names in `removed` (the user removed it in the sidebar and confirmed) is
 *   deleted: the row it was read from when that row still holds its key, else the one unclaimed
 *   row whose key equals the removed key exactly. Any other row not matched (the user's own rows,
 *   items the request no longer lists) stays as it is: a row not named in `removed` is never deleted.
 * - When a phase is renamed in place, the Phase cells of the milestones that name it (and are not
 *   written from the request) follow; a formula there is left alone.
 */
import { UserError } from '../core/errors';
import {
  type ColumnDef,
  cellContent,
  fromRows,
  type ItemKey,
  nameKey,
  readCell,
  type TableDef,
} from '../core/framework';
import { readText } from '../core/framework/values';
import { cellInput, hasContent, PLAIN_TEXT, type ReadCell } from './cell-input';

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

/** One Sheet.moveRows: the row (as the tab stands at that point) goes just before row `before`. */
export interface RowMove {
  row: number;
  before: number;
}

/** A cell the user changed in the sheet after the sidebar read it, kept as the user left it. */
export interface Conflict {
  row: number;
  column: number;
  /** What the cell holds, as kept. */
  kept: string;
}

export interface TablePlan {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 1-based sheet column of each of the table's columns, in the definition's order. */
  columns: number[];
  /** 1-based last row of the table once written (the header row when it has no rows). */
  lastRow: number;
  /**
   * cells[r][c]: sheet row headerRow + r, the table's column c, once rows are deleted and moved;
   * row 0 is the header. Undefined leaves the cell exactly as it is.
   */
  cells: (PlannedCell | undefined)[][];
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
  /** The row moves of a reorder, in order, after the deletions. */
  moves: RowMove[];
  /** Cells kept because the user changed them in the sheet after the sidebar read them. */
  conflicts: Conflict[];
  /** Phases table only: the phases renamed in place. */
  renamed: RenamedPhase[];
  /** The tagged column (1-based) of each field, as read; the writer tags the others. */
  tagged: Record<string, number>;
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

/** For each desired item, what its request item says the changed fields were changed from, if it says. */
export function fromValues(table: TableDef, desired: Item[], requested: unknown): (Item | undefined)[] {
  return requestedItems(table, desired, requested).map((item) => {
    const previous = item?.previous;
    return isItem(previous) && isItem(previous.from) ? previous.from : undefined;
  });
}

/**
 * For each desired item, the fields the request changes: those named in `previous.from` when the
 * sidebar says what it changed, else every field its request item sets (a value other than undefined).
 */
export function explicitFields(table: TableDef, desired: Item[], requested: unknown): Set<string>[] {
  const from = fromValues(table, desired, requested);
  return requestedItems(table, desired, requested).map((item, i) => {
    const changed = from[i];
    if (changed) return new Set(Object.keys(changed));
    return new Set(
      Object.keys(item ?? {}).filter((field) => field !== 'previous' && item![field] !== undefined),
    );
  });
}

/** For each desired item, the key of the row its request item says it was read from, if any. */
export function previousKeys(table: TableDef, desired: Item[], requested: unknown): (Item | undefined)[] {
  return requestedItems(table, desired, requested).map((item) =>
    isItem(item?.previous) && table.id !== 'macro' ? item.previous : undefined,
  );
}

export interface RowMatch {
  /** For each desired item, the index of the existing item it updates (or -1 when it is new). */
  match: number[];
  /** Indices of the existing items the removed keys name. */
  removed: number[];
}

/** The refusal when a key no longer tells its row apart. Nothing has been written at that point. */
function ambiguousRow(table: TableDef, key: ItemKey, rows: number[]): UserError {
  const event = key.eventName ? ` (${key.eventName})` : '';
  return new UserError(
    `Rows ${rows.join(' and ')} of the ${table.sheetName} tab are both “${key.name}”${event}, and the rows moved since the planner read them, so it cannot tell which one you meant. Close and reopen the planner (it reads the tabs again), then make the change again. Nothing was written.`,
  );
}

/**
 * Matches desired items to existing ones, each existing item claimed once: first every desired
 * item by the row it was read from, then each removed key, then every still unmatched desired item
 * by its own keys, most specific first. A key with a row takes that row when the row still holds
 * the key; otherwise the one row holding exactly that key, and it is refused when there are several.
 * @param existingRows the sheet row of each existing item (needed for keys that carry a row)
 */
export function matchRows(
  table: TableDef,
  desired: Item[],
  existing: Item[],
  previous: readonly (ItemKey | Item | undefined)[] = [],
  removedKeys: readonly ItemKey[] = [],
  existingRows: readonly number[] = [],
): RowMatch {
  if (table.id === 'macro')
    return { match: desired.map((_, i) => (i < existing.length ? i : -1)), removed: [] };
  const claimed = new Set<number>();
  const existingKeys = existing.map((item) => matchKeys(table, item));
  const exactOf = existingKeys.map((keys) => keys.join('|'));
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
  /** The row a key was read from, when it still holds that key; else the unclaimed rows that do. */
  const byRow = (key: ItemKey): { found: number; exact: number[] } => {
    const exact = matchKeys(table, key).join('|');
    const at = key.row === undefined ? -1 : existingRows.indexOf(key.row);
    if (exact !== '' && at >= 0 && !claimed.has(at) && exactOf[at] === exact)
      return { found: at, exact: [at] };
    const same =
      exact === '' ? [] : exactOf.flatMap((its, i) => (!claimed.has(i) && its === exact ? [i] : []));
    if (key.row !== undefined && same.length > 1) {
      throw ambiguousRow(
        table,
        key,
        same.map((i) => existingRows[i] ?? i + 1),
      );
    }
    return { found: -1, exact: same };
  };
  const match = desired.map((_, i) => {
    const key = previous[i] as ItemKey | undefined;
    if (!key) return -1;
    const { found } = byRow(key);
    return found >= 0 ? claim(found) : byKeys(matchKeys(table, key));
  });
  const removed: number[] = [];
  for (const key of removedKeys) {
    const { found, exact } = byRow(key);
    const row = claim(found >= 0 ? found : (exact[0] ?? -1));
    if (row >= 0) removed.push(row);
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
  /** For each desired item, the values its changed fields were changed from (see fromValues). */
  from?: readonly (Item | undefined)[];
  /** Keys of the rows the user removed. */
  removed?: readonly ItemKey[];
  /** Phases renamed in place by this run (milestones table only). */
  renamedPhases?: readonly RenamedPhase[];
  /** The sheet column (1-based) of each field whose column carries our tag. */
  tagged?: Readonly<Record<string, number>>;
}

export interface RenamedPhase {
  from: string;
  to: string;
}

const isBlankValue = (value: unknown) => value === null || value === undefined || value === '';

/** The positions of a longest increasing run (not necessarily adjacent) of `values`. */
function longestIncreasing(values: number[]): Set<number> {
  const length = values.map(() => 1);
  const before = values.map(() => -1);
  values.forEach((value, i) => {
    for (let j = 0; j < i; j++) {
      if (values[j]! < value && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        before[i] = j;
      }
    }
  });
  const kept = new Set<number>();
  let at = length.indexOf(Math.max(...length));
  for (; at >= 0; at = before[at]!) kept.add(at);
  return kept;
}

/**
 * The moves that deal the matched rows out over `slots` (the rows they hold, ascending) in the
 * request's order (`held`: the row of each matched item, in that order); rows between that are not
 * matched stay where they are. The rows already in order stay put (a longest increasing run), so
 * moving one item costs one move whatever the table's length. Returns the moves and, for each
 * row of the region, the row it came from.
 */
export function reorderMoves(
  held: number[],
  slots: number[],
): { moves: RowMove[]; source: Map<number, number> } {
  const first = slots[0]!;
  const last = slots[slots.length - 1]!;
  const slotIndex = new Map(slots.map((row, i) => [row, i]));
  const wanted: number[] = [];
  for (let row = first; row <= last; row++)
    wanted.push(slotIndex.has(row) ? held[slotIndex.get(row)!]! : row);
  const staying = longestIncreasing(wanted);
  const current = wanted.map((_, i) => first + i);
  const moves: RowMove[] = [];
  wanted.forEach((want, i) => {
    if (staying.has(i)) return;
    // Right after the row that comes before it in the wanted order (or at the top of the region).
    const at = current.indexOf(want);
    const after = i === 0 ? -1 : current.indexOf(wanted[i - 1]!);
    if (at === after + 1) return;
    moves.push({ row: first + at, before: first + after + 1 });
    current.splice(at, 1);
    current.splice(at < after + 1 ? after : after + 1, 0, want);
  });
  return { moves, source: new Map(wanted.map((from, i) => [first + i, from])) };
}

/** The cell as a short text for a message: its formula, or its value. */
function shown(cell: ReadCell): string {
  return cell.formula !== '' ? cell.formula : String(cell.value);
}

/**
 * Plans the table's cells.
 * @param existing the tab's cells from A1 (values, formulas, formats), as far as they are used
 * @param desired the items to write, in order
 * @param explicit for each desired item, the fields the request changes
 */
export function planTable(
  table: TableDef,
  existing: ReadCell[][],
  desired: Item[],
  explicit: ReadonlySet<string>[],
  options: PlanOptions = {},
): TablePlan {
  const valuesOf = (grid: ReadCell[][]) => grid.map((row) => row.map((cell) => cell.value));
  const tagged = { ...options.tagged };
  const taggedIndex = Object.fromEntries(
    Object.entries(tagged).map(([field, column]) => [field, column - 1]),
  );
  const read = fromRows(table.id, valuesOf(existing), { columns: taggedIndex });
  const items = read.items as unknown as Item[];
  const { match, removed } = matchRows(
    table,
    desired,
    items,
    options.previous,
    options.removed,
    read.rowOf.map((r) => r + 1),
  );

  // Removed rows go first; the rest is planned on the rows that remain.
  const deletedItems = [...removed].sort((a, b) => read.rowOf[a]! - read.rowOf[b]!);
  const deletedRows = deletedItems.map((i) => read.rowOf[i]! + 1);
  const deletedNames = deletedItems.map((i) => readText(items[i]!.name).value);
  const afterDeletes = (row: number) => row - deletedRows.filter((deleted) => deleted < row).length;
  let grid = existing.filter((_, r) => !deletedRows.includes(r + 1));

  const usedRows = grid.length;
  const usedColumns = grid.reduce((max, row) => Math.max(max, row.length), 0);
  const anyContent = grid.some((row) => row.some(hasContent));
  // No header yet: an empty tab gets it in row 1, otherwise below what is there (rows above a header are ignored).
  const headerRow = read.headerRow >= 0 ? read.headerRow + 1 : anyContent ? usedRows + 2 : 1;
  let nextColumn = read.headerRow >= 0 ? usedColumns : 0;
  const columns = table.columns.map((column) => {
    const found = read.headerRow >= 0 ? read.columnOf[column.field] : undefined;
    return found !== undefined ? found + 1 : ++nextColumn;
  });

  const matchedRow = match.map((found) => (found >= 0 ? afterDeletes(read.rowOf[found]! + 1) : -1));
  // A matched phase whose name changed was renamed in place: its milestones follow.
  const renamed: RenamedPhase[] = [];
  if (table.id === 'phases') {
    match.forEach((found, i) => {
      const from = found >= 0 ? readText(items[found]!.name).value : '';
      const to = readText(desired[i]!.name).value;
      if (from !== '' && nameKey(from) !== nameKey(to)) renamed.push({ from, to });
    });
  }

  // A reorder deals the matched rows out again in the request's order, moving whole rows.
  const held = matchedRow.filter((row) => row > 0);
  const slots = [...held].sort((a, b) => a - b);
  let moves: RowMove[] = [];
  if (options.reorder === true && held.some((row, i) => row !== slots[i])) {
    const reorder = reorderMoves(held, slots);
    moves = reorder.moves;
    const before = grid;
    grid = before.map((cells, r) =>
      reorder.source.has(r + 1) ? before[reorder.source.get(r + 1)! - 1]! : cells,
    );
    let slot = 0;
    matchedRow.forEach((row, i) => {
      if (row > 0) matchedRow[i] = slots[slot++]!;
    });
  }

  const rowOfDesired = new Map<number, number>();
  const addedRows = new Set<number>();
  let lastRow = read.headerRow >= 0 ? Math.max(headerRow, usedRows) : headerRow;
  desired.forEach((_, i) => {
    const row = matchedRow[i]! > 0 ? matchedRow[i]! : ++lastRow;
    if (matchedRow[i]! <= 0) addedRows.add(row);
    rowOfDesired.set(row, i);
  });

  const renamedTo = new Map((options.renamedPhases ?? []).map((r) => [nameKey(r.from), r.to]));
  const cellAt = (row: number, column: number): ReadCell => grid[row - 1]?.[column - 1] ?? blankCell;
  const conflicts: Conflict[] = [];
  const cells: (PlannedCell | undefined)[][] = [];
  cells.push(
    table.columns.map((column, c) => {
      const current = cellAt(headerRow, columns[c]!);
      // A tagged column keeps the header the user gave it.
      const renamedByUser = tagged[column.field] === columns[c] && hasContent(current);
      return renamedByUser || (current.formula === '' && current.value === column.header)
        ? undefined
        : { input: column.header, format: PLAIN_TEXT };
    }),
  );
  for (let row = headerRow + 1; row <= lastRow; row++) {
    const itemIndex = rowOfDesired.get(row);
    cells.push(
      table.columns.map((column, c): PlannedCell | undefined => {
        const current = cellAt(row, columns[c]!);
        const write = (value: unknown) => {
          const format = formatFor(column);
          return { input: cellInput(value, format), format };
        };
        // A renamed phase's name follows in every row, the user's own rows included.
        const followRename = () => {
          const newPhase =
            column.field === 'phase' && current.formula === '' && typeof current.value === 'string'
              ? renamedTo.get(nameKey(current.value))
              : undefined;
          return newPhase === undefined || newPhase === current.value ? undefined : write(newPhase);
        };
        if (itemIndex === undefined) return followRename();
        const wanted = desired[itemIndex]![column.field] ?? null;
        // A new row is written whole: nothing of the user's stands there yet.
        if (addedRows.has(row)) return write(wanted);
        const reads = readCell(column, current.value);
        if (explicit[itemIndex]?.has(column.field) === true) {
          // Already reads as the wanted value (a formula, "25%" for 0.25): nothing to change.
          if (
            hasContent(current) ? reads.problem === undefined && reads.value === wanted : isBlankValue(wanted)
          )
            return undefined;
          const from = options.from?.[itemIndex];
          // A flagged cell (`Urgent`) shows a fallback in the sidebar, which sends its content back
          // (readFramework's `unread`): compare that, or a text typed meanwhile would read as unchanged.
          const held = reads.problem === undefined ? reads.value : cellContent(current.value);
          if (from && column.field in from && held !== (from[column.field] ?? null)) {
            conflicts.push({ row, column: columns[c]!, kept: shown(current) });
            return undefined;
          }
          return write(wanted);
        }
        if (hasContent(current)) return followRename();
        return isBlankValue(wanted) ? undefined : write(wanted);
      }),
    );
  }
  return {
    headerRow,
    columns,
    lastRow,
    cells,
    matched: match.filter((m) => m >= 0).length,
    added: addedRows.size,
    deletedRows,
    deletedNames,
    moves,
    conflicts,
    renamed,
    tagged,
  };
}
