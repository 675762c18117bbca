/**
 * The whole framework read back from its four tabs' cell values, with the problems found
 * while reading and a Locator that turns a check finding's CellRef into the cell to select.
 * Pure: the sheets reader hands in each tab's values and where they start.
 */
import type { Finding, Framework, ItemRows, Locator, MacroConversion, Unread, UnreadCells } from './model';
import {
  cellA1,
  cellContent,
  fromRows,
  type RowsOrigin,
  TABLE_IDS,
  TABLES,
  type TableId,
  type TableRead,
} from './tables';

export interface TableInput extends RowsOrigin {
  /** The tab's values, e.g. getDataRange().getValues(). */
  rows: unknown[][];
}

export interface TablesRead {
  framework: Framework;
  /** Unreadable cells, missing headers, missing tabs, more than one macro row. */
  problems: Finding[];
  /** Places a check finding on the cell it is about. */
  locate: Locator;
  /** The sheet row of each listed item (the sidebar sends it back to name the row). */
  rows: ItemRows;
  /** Per item, the cells that did not read as a value, as the sheet holds them. */
  unread: UnreadCells;
  /** The cells whose reading is among `problems`: Check leaves them to those findings. */
  isUnread: Unread;
}

const blankMacro = (): MacroConversion => ({
  name: '',
  eventName: '',
  valuePerConversion: null,
  targetRate: null,
  owner: '',
});

/** Reads the framework from the tabs' values; a missing tab reads as an empty table and is reported. */
export function frameworkFromTables(tables: Partial<Record<TableId, TableInput>>): TablesRead {
  const problems: Finding[] = [];
  const reads: Partial<Record<TableId, TableRead<unknown>>> = {};
  for (const id of TABLE_IDS) {
    const input = tables[id];
    if (input === undefined) {
      problems.push({
        severity: 'error',
        message: `The ${TABLES[id].sheetName} tab is missing: open the planner and create the framework again to restore it (your other tabs are kept).`,
      });
      continue;
    }
    const read = fromRows(id, input.rows, input);
    reads[id] = read;
    problems.push(
      ...read.problems.map(({ severity, message, sheet, a1 }) => ({ severity, message, sheet, a1 })),
    );
  }
  const macros = (reads.macro?.items ?? []) as MacroConversion[];
  if (macros.length > 1 && reads.macro) {
    const read = reads.macro;
    const names = macros.map((macro) => `"${macro.name}"`).join(', ');
    problems.push({
      severity: 'error',
      message: `The ${read.sheet} tab has ${macros.length} macro conversions (${names}), and a framework has exactly one: keep the outcome the business wants most and delete the other rows (another outcome gets its own framework, or becomes a secondary action).`,
      sheet: read.sheet,
      a1: cellA1(read.firstRow + read.rowOf[1]!, read.firstColumn),
    });
  }
  const framework: Framework = {
    macro: macros[0] ?? blankMacro(),
    phases: (reads.phases?.items ?? []) as Framework['phases'],
    milestones: (reads.milestones?.items ?? []) as Framework['milestones'],
    secondaryActions: (reads.secondaryActions?.items ?? []) as Framework['secondaryActions'],
  };
  const locate: Locator = (ref) => {
    const read = reads[ref.table];
    if (read === undefined || read.headerRow < 0) return undefined;
    // A ref past the last item (no macro row yet) points at the first empty row below the table.
    const afterLast = (read.rowOf[read.rowOf.length - 1] ?? read.headerRow) + 1;
    const row = read.rowOf[ref.index] ?? afterLast + Math.max(0, ref.index - read.items.length);
    const column = read.columnOf[ref.field] ?? read.columnOf.name ?? 0;
    return { sheet: read.sheet, a1: cellA1(read.firstRow + row, read.firstColumn + column) };
  };
  const rowsOf = (id: keyof ItemRows) => {
    const read = reads[id];
    return read ? read.rowOf.map((row) => read.firstRow + row) : [];
  };
  const rows: ItemRows = {
    phases: rowsOf('phases'),
    milestones: rowsOf('milestones'),
    secondaryActions: rowsOf('secondaryActions'),
  };
  const unreadOf = (id: TableId) => {
    const read = reads[id];
    const rowsRead = tables[id]?.rows ?? [];
    if (!read) return [];
    const cells: Record<string, unknown>[] = read.items.map(() => ({}));
    for (const problem of read.problems) {
      const item = read.rowOf.indexOf(problem.row);
      if (item < 0 || problem.column === null || problem.field === '') continue;
      cells[item]![problem.field] = cellContent(rowsRead[problem.row]?.[problem.column]);
    }
    return cells;
  };
  const unread: UnreadCells = {
    macro: unreadOf('macro'),
    phases: unreadOf('phases'),
    milestones: unreadOf('milestones'),
    secondaryActions: unreadOf('secondaryActions'),
  };
  const isUnread: Unread = ({ table, index, field }) => {
    const read = reads[table];
    if (read === undefined || read.headerRow < 0 || read.columnOf[field] === undefined) return true;
    if (index < 0) return false;
    const row = read.rowOf[index];
    return read.problems.some((problem) => problem.row === row && problem.field === field);
  };
  return { framework, problems, locate, rows, unread, isUnread };
}
