/**
 * The four framework tables as they stand in the spreadsheet (tab, header, column notes,
 * value kinds) and the pure conversion between the model and 2D cell values. The sheets
 * writer and reader both use these definitions, so a column is described in one place.
 *
 * Rows given to and returned by toRows/fromRows start with the header row. Reading finds
 * columns by their header (so users may insert, move or add columns), skips blank rows
 * and rows above the header, and turns unreadable cells into problems, never a crash.
 */

import { isDateCell } from '../table/cells';
import type {
  CellRef,
  Finding,
  Framework,
  MacroConversion,
  Phase,
  ProcessMilestone,
  SecondaryAction,
} from './model';
import { PRIORITIES, STATUSES } from './model';
import { nameKey } from './names';
import { type ReadValue, readAmount, readChoice, readFraction, readText } from './values';

export type TableId = CellRef['table'];

export type ColumnKind = 'text' | 'percent' | 'number' | 'currency' | 'choice';

export interface ColumnDef {
  /** The model field the column holds. */
  field: string;
  /** The header label in the sheet. */
  header: string;
  /** One sentence for the header cell's note. */
  note: string;
  kind: ColumnKind;
  /** For 'choice': the allowed values, or 'phases' for the names listed on the Phases tab. */
  choices?: readonly string[] | 'phases';
  /** For a fixed choice list: the value a blank cell stands for. */
  fallback?: string;
}

export interface TableDef {
  id: TableId;
  /** The tab's name (the writer may add a suffix when the user already has a tab so named). */
  sheetName: string;
  /** The named range over the table, for formulas that read it by name. */
  rangeName: string;
  columns: readonly ColumnDef[];
}

/** The item type each table holds. */
export interface TableItems {
  macro: MacroConversion;
  phases: Phase;
  milestones: ProcessMilestone;
  secondaryActions: SecondaryAction;
}

const measurementColumns: readonly ColumnDef[] = [
  {
    field: 'name',
    header: 'Name',
    note: 'The action in plain words, as the customer does it.',
    kind: 'text',
  },
  {
    field: 'eventName',
    header: 'Event name',
    note: 'The analytics event that records the action, in snake_case (GA4 recommended names where one exists).',
    kind: 'text',
  },
  {
    field: 'metric',
    header: 'Metric',
    note: 'What is counted and against what, e.g. users who add to cart / users who view an item.',
    kind: 'text',
  },
  {
    field: 'target',
    header: 'Target',
    note: 'The rate you aim for, as a percentage between 0% and 100%.',
    kind: 'percent',
  },
  { field: 'owner', header: 'Owner', note: 'The role accountable for moving this number.', kind: 'text' },
  {
    field: 'priority',
    header: 'Priority',
    note: 'High, Medium or Low; process milestones come before secondary actions.',
    kind: 'choice',
    choices: PRIORITIES,
    fallback: 'Medium',
  },
  {
    field: 'dataSource',
    header: 'Data source',
    note: 'Where the event is measured, e.g. GA4, Firebase, the email platform.',
    kind: 'text',
  },
  {
    field: 'status',
    header: 'Status',
    note: 'Planned, Tracking, Live or Paused: how far the measurement has got.',
    kind: 'choice',
    choices: STATUSES,
    fallback: 'Planned',
  },
];

export const MACRO_TABLE: TableDef = {
  id: 'macro',
  sheetName: 'Macro',
  rangeName: 'MacroConversion',
  columns: [
    {
      field: 'name',
      header: 'Macro conversion',
      note: 'The one business outcome you want more customers to reach; keep a single row.',
      kind: 'text',
    },
    {
      field: 'eventName',
      header: 'Event name',
      note: 'The analytics event that records the outcome, e.g. purchase or generate_lead; it ends the funnel.',
      kind: 'text',
    },
    {
      field: 'valuePerConversion',
      header: 'Value per conversion',
      note: 'What one conversion is worth to the business, in the spreadsheet currency; blank if unknown.',
      kind: 'currency',
    },
    {
      field: 'targetRate',
      header: 'Target rate',
      note: 'The conversion rate you aim for, as a percentage of the users who enter the funnel.',
      kind: 'percent',
    },
    { field: 'owner', header: 'Owner', note: 'The role accountable for the macro conversion.', kind: 'text' },
  ],
};

export const PHASES_TABLE: TableDef = {
  id: 'phases',
  sheetName: 'Phases',
  rangeName: 'Phases',
  columns: [
    {
      field: 'name',
      header: 'Phase',
      note: "A stage of the journey named from the customer's side; rows run in the customer's order.",
      kind: 'text',
    },
    {
      field: 'customerGoal',
      header: 'Customer goal',
      note: 'What the customer needs or focuses on in this phase, in their words.',
      kind: 'text',
    },
  ],
};

export const MILESTONES_TABLE: TableDef = {
  id: 'milestones',
  sheetName: 'Milestones',
  rangeName: 'Milestones',
  columns: [
    {
      field: 'phase',
      header: 'Phase',
      note: 'The phase from the Phases tab this step belongs to; rows run in funnel order within a phase.',
      kind: 'choice',
      choices: 'phases',
    },
    ...measurementColumns,
  ],
};

export const SECONDARY_ACTIONS_TABLE: TableDef = {
  id: 'secondaryActions',
  sheetName: 'Secondary Actions',
  rangeName: 'SecondaryActions',
  columns: measurementColumns,
};

export const TABLES: Readonly<Record<TableId, TableDef>> = {
  macro: MACRO_TABLE,
  phases: PHASES_TABLE,
  milestones: MILESTONES_TABLE,
  secondaryActions: SECONDARY_ACTIONS_TABLE,
};

/** The tables in the order of the framework's steps. */
export const TABLE_IDS: readonly TableId[] = ['macro', 'phases', 'milestones', 'secondaryActions'];

/** The model items a table holds in a framework. */
export function tableItems<K extends TableId>(framework: Framework, table: K): TableItems[K][] {
  const items: { [T in TableId]: TableItems[T][] } = {
    macro: [framework.macro],
    phases: framework.phases,
    milestones: framework.milestones,
    secondaryActions: framework.secondaryActions,
  };
  return items[table];
}

/** The table as 2D cell values: the header row, then one row per item; null becomes ''. */
export function toRows(framework: Framework, table: TableId): (string | number)[][] {
  const { columns } = TABLES[table];
  const header = columns.map((column) => column.header);
  const rows = tableItems(framework, table).map((item) =>
    columns.map((column) => {
      const value = (item as unknown as Record<string, unknown>)[column.field];
      return typeof value === 'number' || typeof value === 'string' ? value : '';
    }),
  );
  return [header, ...rows];
}

/** A cell that could not be read, or a missing header; shaped as a check finding. */
export interface TableProblem extends Finding {
  table: TableId;
  field: string;
  /** Index into the rows given to fromRows. */
  row: number;
  /** Index into the row, or null when the column is missing. */
  column: number | null;
}

/** Where the rows came from, for messages and A1 references. */
export interface RowsOrigin {
  /** The tab's actual name; defaults to the table's sheetName. */
  sheet?: string;
  /** Sheet row number (1-based) of rows[0]; defaults to 1. */
  firstRow?: number;
  /** Sheet column number (1-based) of rows[i][0]; defaults to 1. */
  firstColumn?: number;
  /**
   * Index into each row of the columns known to be the table's whatever their header says (the
   * sheets reader knows them by their tags); they win over header text.
   */
  columns?: Readonly<Record<string, number>>;
}

export interface TableRead<T> {
  items: T[];
  problems: TableProblem[];
  /** For each item, the index of its row in the rows given. */
  rowOf: number[];
  /** For each field, the index of its column, when the header was found. */
  columnOf: Record<string, number | undefined>;
  /** Index of the header row, or -1 when none was found. */
  headerRow: number;
  sheet: string;
  firstRow: number;
  firstColumn: number;
}

/** A cell's content as it travels to the sidebar and back (google.script.run refuses a Date). */
export function cellContent(value: unknown): unknown {
  return isDateCell(value) ? value.toISOString() : value;
}

/** A1 notation of a cell from 1-based row and column numbers: (3, 28) -> "AB3". */
export function cellA1(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}

const isBlankCell = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Reads one cell as its column's kind. */
export function readCell(column: ColumnDef, value: unknown): ReadValue<unknown> {
  switch (column.kind) {
    case 'percent':
      return readFraction(value);
    case 'currency':
    case 'number':
      return readAmount(value);
    case 'choice':
      return Array.isArray(column.choices)
        ? readChoice(value, column.choices as readonly string[], column.fallback ?? '')
        : readText(value);
    default:
      return readText(value);
  }
}

/**
 * The header row: the first row in which at least two of the table's headers appear; failing
 * that, the first row holding the name column's header (a user may have deleted a column).
 */
function findHeader(table: TableDef, rows: unknown[][]): number {
  const keysOf = (column: ColumnDef) => [nameKey(column.header), nameKey(column.field)];
  const wanted = new Set(table.columns.flatMap(keysOf));
  const matches = (row: unknown[], keys: Set<string>) =>
    row.filter((cell) => typeof cell === 'string' && keys.has(nameKey(cell))).length;
  const full = rows.findIndex((row) => matches(row, wanted) >= Math.min(2, table.columns.length));
  if (full >= 0) return full;
  const nameColumn = table.columns.find((column) => column.field === 'name') ?? table.columns[0]!;
  const nameKeys = new Set(keysOf(nameColumn));
  return rows.findIndex((row) => matches(row, nameKeys) >= 1);
}

/** Column index of each field in the header row, matched by header label or field name. */
function locateColumns(table: TableDef, header: unknown[]): Record<string, number | undefined> {
  const keys = header.map((cell) => (typeof cell === 'string' ? nameKey(cell) : ''));
  const columnOf: Record<string, number | undefined> = {};
  for (const column of table.columns) {
    const found = keys.findIndex((key) => key === nameKey(column.header) || key === nameKey(column.field));
    columnOf[column.field] = found >= 0 ? found : undefined;
  }
  return columnOf;
}

/** The known columns of the table's own fields. */
function knownColumns(table: TableDef, known: RowsOrigin['columns'] = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const column of table.columns) {
    const index = known[column.field];
    if (index !== undefined && index >= 0) out[column.field] = index;
  }
  return out;
}

/** Converts a table's cell values (header row first) into model items, collecting problems. */
export function fromRows<K extends TableId>(
  tableId: K,
  rows: unknown[][],
  origin: RowsOrigin = {},
): TableRead<TableItems[K]> {
  const table = TABLES[tableId];
  const sheet = origin.sheet ?? table.sheetName;
  const firstRow = origin.firstRow ?? 1;
  const firstColumn = origin.firstColumn ?? 1;
  const read: TableRead<TableItems[K]> = {
    items: [],
    problems: [],
    rowOf: [],
    columnOf: {},
    headerRow: findHeader(table, rows),
    sheet,
    firstRow,
    firstColumn,
  };
  const headers = table.columns.map((column) => `"${column.header}"`).join(', ');
  if (read.headerRow < 0) {
    read.problems.push({
      severity: 'error',
      message: `The ${sheet} tab has no header row: put the headers ${headers} in one row above the data (running the planner again restores them).`,
      sheet,
      a1: cellA1(firstRow, firstColumn),
      table: tableId,
      field: '',
      row: 0,
      column: null,
    });
    return read;
  }
  const header = rows[read.headerRow] ?? [];
  read.columnOf = { ...locateColumns(table, header), ...knownColumns(table, origin.columns) };
  const seen = header.filter((cell) => !isBlankCell(cell)).map((cell) => `"${String(cell).trim()}"`);
  for (const column of table.columns) {
    if (read.columnOf[column.field] !== undefined) continue;
    read.problems.push({
      severity: 'error',
      message: `The ${sheet} tab has no "${column.header}" column (headers seen: ${seen.join(', ')}). Add a column headed "${column.header}".`,
      sheet,
      a1: cellA1(firstRow + read.headerRow, firstColumn),
      table: tableId,
      field: column.field,
      row: read.headerRow,
      column: null,
    });
  }
  const nameColumn = read.columnOf.name;
  for (let r = read.headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cells = table.columns.map((column) => {
      const index = read.columnOf[column.field];
      return index === undefined ? undefined : row[index];
    });
    if (cells.every(isBlankCell)) continue;
    const name = nameColumn === undefined ? '' : readText(row[nameColumn]).value;
    const label = `${sheet} tab, row ${firstRow + r}${name ? ` ("${name}")` : ''}`;
    const item: Record<string, unknown> = {};
    table.columns.forEach((column, c) => {
      const result = readCell(column, cells[c]);
      item[column.field] = result.value;
      const index = read.columnOf[column.field];
      if (result.problem === undefined || index === undefined) return;
      read.problems.push({
        severity: 'error',
        message: `${label}, ${column.header}: ${result.problem}`,
        sheet,
        a1: cellA1(firstRow + r, firstColumn + index),
        table: tableId,
        field: column.field,
        row: r,
        column: index,
      });
    });
    read.items.push(item as unknown as TableItems[K]);
    read.rowOf.push(r);
  }
  return read;
}
