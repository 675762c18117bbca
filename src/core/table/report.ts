/**
 * Reading a report export (GA4 Reports, Explorations, Search Console, a pasted query result):
 * no user ids or timestamps, only names and counts. A report is a name column plus count
 * columns; the steps say which:
 * - the name column is the text column whose values hold the typed steps (Event name, Page
 *   path, Page title, Session source...), in whichever of the stacked tables holds them;
 *   `event=` names it, `count=` names the count column;
 * - steps as columns: when every step names a column header (`Impressions, Clicks`), each
 *   step's count is that column, one row per data row.
 * Counts are read as the sheet shows them (count-cell.ts); totals rows are left out.
 */
import { UserError } from '../errors';
import { type ColumnRole, normalizeHeader } from './aliases';
import { cellText, isBlankCell, isCheckboxCell } from './cells';
import { findColumn, findNamedColumn, indexOfHeader, quotedList, seenHeaders } from './columns';
import { countValue, looksNumeric, usesDecimalComma } from './count-cell';
import { type FlagTable, holdsCheckboxes, readFlagRows } from './flags';
import { isTotalLabel } from './header';
import { Interner } from './intern';
import { fitsPattern, type NamePattern, namePattern } from './name-pattern';
import type { ColumnOverrides, ColumnValues } from './read';
import { type StackedTable, splitTables } from './stacked-tables';
import type { Step } from './steps';

/** What a report's counts count: users, sessions, events, or something else (views, clicks). */
export type CountUnit = 'users' | 'sessions' | 'events' | 'count' | 'rows';

export interface AggregatedTable {
  kind: 'aggregated';
  rowCount: number;
  /** Per row, the name (trimmed); with steps as columns, the step that names the column. */
  names: string[];
  /** Per row, the count (blank counts are 0). */
  counts: Float64Array;
  countUnit: CountUnit;
  /** Per row, its index in the data argument. */
  sourceRows: Int32Array;
  extras: ColumnValues[];
  /** The name column (absent when the steps are columns) and the count columns read. */
  columns: { name?: string; counts: string[] };
  /** The headers of the table read. */
  headers: string[];
}

export interface ReadReportOptions {
  columns?: ColumnOverrides;
  /** The steps the report is read for: they choose the table and the name column. */
  steps?: readonly Step[];
  extraColumns?: readonly string[];
  extraColumnsOption?: string;
}

/** The columns of a report as messages name them. */
export function reportColumnsText(columns: AggregatedTable['columns']): string {
  return columns.name === undefined
    ? `count columns ${quotedList(columns.counts)}`
    : `columns "${columns.name}" and "${columns.counts[0]}"`;
}

/**
 * A report's columns, chosen for the steps, and the reading of its rows (which checks every
 * count). Steps that are checkbox columns read as a table of one row per entity (flags.ts).
 */
export interface ReportPlan {
  columns: AggregatedTable['columns'];
  read(): AggregatedTable | FlagTable;
}

/**
 * Chooses the table and columns of the report in rows for the given steps; undefined when no
 * table has a column of counts (then the data is not a report at all). Throws a UserError
 * saying what to name when the steps are in no column.
 */
export function planReport(
  rows: readonly (readonly unknown[])[],
  options: ReadReportOptions,
): ReportPlan | undefined {
  const tables = splitTables(rows).filter((t) => t.rows.length > 0);
  const o = options.columns ?? {};
  const steps = options.steps ?? [];
  const stepNames = [...new Set(steps.flatMap((s) => s.names))];
  if (tables.length === 0) return { columns: { counts: [] }, read: emptyReport };
  checkNamedColumns(tables, o);
  const choice = chooseNameColumn(rows, tables, o, stepNames.map(namePattern));
  const columnTable = o.event === undefined ? stepsAsColumnsTable(tables, stepNames) : undefined;
  if (columnTable && (choice === undefined || choice.score < stepNames.length)) {
    const headers = stepNames.map((n) => columnTable.headers[indexOfHeader(columnTable.headers, n)]!);
    const stepColumns = steps.map((s) => s.names.map((n) => indexOfHeader(columnTable.headers, n)));
    const read = holdsCheckboxes(rows, columnTable, stepColumns.flat())
      ? () =>
          readFlagRows(rows, columnTable, stepColumns, (kept) =>
            extraValues(rows, columnTable, kept, options),
          )
      : () => readStepColumns(rows, columnTable, stepNames, options);
    return { columns: { counts: [...new Set(headers)] }, read };
  }
  if (choice === undefined) {
    // Read without steps (for event rows), or without numbers: not a report.
    if (steps.length === 0 || !tables.some((t) => numberColumns(rows, t).includes(true))) return undefined;
    throw noStepsFoundError(rows, tables, steps);
  }
  if (choice.score === 0 && stepNames.length > 0 && !choice.named)
    throw noStepsFoundError(rows, tables, steps);
  return {
    columns: { name: choice.table.headers[choice.name]!, counts: [choice.table.headers[choice.count]!] },
    read: () => readNamedRows(rows, choice, options),
  };
}

// ---- Choosing the table and its name and count columns -------------------------------------

interface NameChoice {
  table: StackedTable;
  name: number;
  count: number;
  unit: CountUnit;
  /** How many step names the name column holds. */
  score: number;
  /** True when event= named the column, or it is an event-name column. */
  named: boolean;
}

/** Count columns by priority: users over sessions over events. */
export const COUNT_ROLES: readonly (readonly [ColumnRole, CountUnit])[] = [
  ['usersCount', 'users'],
  ['sessionsCount', 'sessions'],
  ['eventsCount', 'events'],
];

function unitOfHeader(header: string): CountUnit {
  const role = COUNT_ROLES.find(([r]) => findColumn([header], r) === 0);
  return role ? role[1] : 'count';
}

/** Throws the usual "no column" message when event=/count= name a column no table has. */
function checkNamedColumns(tables: readonly StackedTable[], o: ColumnOverrides): void {
  const all = [...new Set(tables.flatMap((t) => t.headers))];
  for (const key of ['event', 'count'] as const) {
    const named = o[key];
    if (named !== undefined && !tables.some((t) => indexOfHeader(t.headers, named) >= 0)) {
      findNamedColumn(all, named, key);
    }
  }
}

/**
 * The count column of a table: the one count= names, else users > sessions > events by the
 * alias lists, else the first column of numbers that is not the name column; -1 when none.
 */
function countColumn(
  rows: readonly (readonly unknown[])[],
  table: StackedTable,
  o: ColumnOverrides,
  nameColumn: number,
): { index: number; unit: CountUnit } {
  const { headers } = table;
  if (o.count !== undefined) {
    const index = indexOfHeader(headers, o.count);
    return {
      index: index === nameColumn ? -1 : index,
      unit: index < 0 ? 'count' : unitOfHeader(headers[index]!),
    };
  }
  for (const [role, unit] of COUNT_ROLES) {
    const index = findColumn(headers, role);
    if (index >= 0 && index !== nameColumn) return { index, unit };
  }
  const index = headers.findIndex((_, c) => c !== nameColumn && numberColumns(rows, table)[c]);
  return { index, unit: 'count' };
}

const numberColumnsOf = new WeakMap<StackedTable, boolean[]>();

/** Per column of the table, whether it holds numbers only (worked out once per table). */
function numberColumns(rows: readonly (readonly unknown[])[], table: StackedTable): boolean[] {
  let known = numberColumnsOf.get(table);
  if (!known) {
    known = table.headers.map((_, c) => isNumberColumn(rows, table, c));
    numberColumnsOf.set(table, known);
  }
  return known;
}

function isNumberColumn(rows: readonly (readonly unknown[])[], table: StackedTable, c: number): boolean {
  let numbers = 0;
  for (const r of table.rows) {
    const cell = rows[r]![c];
    if (isBlankCell(cell) || isTotalLabel(cell)) continue;
    if (!looksNumeric(cell)) return false;
    numbers++;
  }
  return numbers > 0;
}

/** The distinct texts of a column (blank cells and totals labels aside), and whether one is not a number. */
function columnValues(
  rows: readonly (readonly unknown[])[],
  table: StackedTable,
  c: number,
): { values: Set<string>; text: boolean } {
  const values = new Set<string>();
  let text = false;
  for (const r of table.rows) {
    const cell = rows[r]![c];
    if (isBlankCell(cell) || isTotalLabel(cell)) continue;
    values.add(cellText(cell));
    text ||= !looksNumeric(cell);
  }
  return { values, text };
}

/**
 * The name column holding the most step names (ties: an event-name column, then the first
 * table, then the leftmost column); without any, the event= or event-name column.
 */
function chooseNameColumn(
  rows: readonly (readonly unknown[])[],
  tables: readonly StackedTable[],
  o: ColumnOverrides,
  patterns: readonly NamePattern[],
): NameChoice | undefined {
  let best: NameChoice | undefined;
  for (const table of tables) {
    const eventColumn =
      o.event !== undefined ? indexOfHeader(table.headers, o.event) : findColumn(table.headers, 'event');
    table.headers.forEach((_, c) => {
      if (o.event !== undefined && c !== eventColumn) return;
      const { values, text } = columnValues(rows, table, c);
      const score = patterns.filter((p) => holdsName(values, p)).length;
      const named = c === eventColumn;
      // A column of numbers (dates, ids) names steps only when the steps are among its values.
      if (!text && !named && score === 0) return;
      const count = countColumn(rows, table, o, c);
      if (count.index < 0) return;
      if (!best || score > best.score || (score === best.score && named && !best.named)) {
        best = { table, name: c, count: count.index, unit: count.unit, score, named };
      }
    });
  }
  return best;
}

/** True when some value fits the pattern (a lookup for an exact name). */
function holdsName(values: ReadonlySet<string>, pattern: NamePattern): boolean {
  if (pattern.exact !== undefined) return values.has(pattern.exact);
  for (const value of values) if (fitsPattern(pattern, value)) return true;
  return false;
}

/** The first table in which every step names a column header, if any. */
function stepsAsColumnsTable(
  tables: readonly StackedTable[],
  stepNames: readonly string[],
): StackedTable | undefined {
  if (stepNames.length === 0) return undefined;
  return tables.find((t) => stepNames.every((name) => indexOfHeader(t.headers, name) >= 0));
}

// ---- Reading the rows ------------------------------------------------------------------------

/** A count cell checked: a finite, non-negative number; a whole one for users and sessions. */
function checkedCount(
  cell: unknown,
  rowIndex: number,
  header: string,
  unit: CountUnit,
  decimalComma: boolean,
): number {
  const value = countValue(cell, decimalComma);
  const where = `row ${rowIndex + 1} of data, column "${header}": "${cellText(cell) || String(cell)}"`;
  if (isCheckboxCell(cell)) {
    throw new UserError(
      `${where} is a TRUE/FALSE (checkbox) value, not a count. A report needs a number in its count ` +
        'column on every row; for a table of one row per session or lead with TRUE/FALSE columns, write ' +
        'the steps as those columns\' headers (e.g. "Signed up, Purchased").',
    );
  }
  if (Number.isNaN(value) || !Number.isFinite(value)) {
    throw new UserError(
      `${where} is not a number. A report needs a number in its count column on every row.`,
    );
  }
  if (value < 0) throw new UserError(`${where} is negative. A count cannot be below 0: correct the cell.`);
  if ((unit === 'users' || unit === 'sessions') && !Number.isInteger(value)) {
    throw new UserError(
      `${where} is not a whole number of ${unit}. Select the column of ${unit}, not a rate or average ` +
        '(or name the count column with count=).',
    );
  }
  return value;
}

interface RowsOut {
  names: string[];
  counts: number[];
  sources: number[];
  extraRows: number[];
}

function readNamedRows(
  rows: readonly (readonly unknown[])[],
  choice: NameChoice,
  options: ReadReportOptions,
): AggregatedTable {
  const { table, name, count, unit } = choice;
  const header = table.headers[count]!;
  const decimalComma = usesDecimalComma(table.rows.map((r) => rows[r]![count]));
  const out: RowsOut = { names: [], counts: [], sources: [], extraRows: [] };
  for (const r of table.rows) {
    const row = rows[r]!;
    if (row.some(isTotalLabel)) continue;
    const text = cellText(row[name]);
    if (text === '') continue; // no name: nothing a step can match (a totals row's blank dimension too)
    out.names.push(text);
    out.counts.push(checkedCount(row[count], r, header, unit, decimalComma));
    out.sources.push(r);
    out.extraRows.push(r);
  }
  return aggregated(rows, table, out, unit, { name: table.headers[name]!, counts: [header] }, options);
}

/** Steps as columns: one row per data row and step column, named by the step. */
function readStepColumns(
  rows: readonly (readonly unknown[])[],
  table: StackedTable,
  stepNames: readonly string[],
  options: ReadReportOptions,
): AggregatedTable {
  const columns = stepNames.map((n) => indexOfHeader(table.headers, n));
  const headers = columns.map((c) => table.headers[c]!);
  const units = new Set(headers.map(stepColumnUnit));
  const unit = units.size === 1 ? [...units][0]! : 'count';
  const decimalComma = columns.map((c) => usesDecimalComma(table.rows.map((r) => rows[r]![c])));
  const kept: { r: number; values: number[] }[] = [];
  const totals = columns.map(() => 0);
  for (const r of table.rows) {
    const row = rows[r]!;
    if (row.some(isTotalLabel)) continue;
    const values = columns.map((c, i) => checkedCount(row[c], r, headers[i]!, unit, decimalComma[i]!));
    values.forEach((v, i) => {
      totals[i]! += v;
    });
    kept.push({ r, values });
  }
  const out: RowsOut = { names: [], counts: [], sources: [], extraRows: [] };
  for (const { r, values } of kept) {
    if (isSumsRow(rows[r]!, values, totals)) continue;
    values.forEach((v, i) => {
      out.names.push(stepNames[i]!);
      out.counts.push(v);
      out.sources.push(r);
      out.extraRows.push(r);
    });
  }
  return aggregated(rows, table, out, unit, { counts: [...new Set(headers)] }, options);
}

/** What a step column counts, by its header: `users_viewed_items` counts users. */
function stepColumnUnit(header: string): CountUnit {
  const unit = unitOfHeader(header);
  if (unit !== 'count') return unit;
  const key = normalizeHeader(header);
  return key.includes('users') ? 'users' : key.includes('sessions') ? 'sessions' : 'count';
}

/**
 * A totals row without a label: its first cell is empty, it has no name in it, and each of its
 * counts is the sum of the same column over the other rows (so twice itself is the column's total).
 * A first cell left blank under a date or group label is not enough (`,add_to_cart,50`).
 */
function isSumsRow(row: readonly unknown[], values: readonly number[], totals: readonly number[]): boolean {
  if (!isBlankCell(row[0])) return false;
  if (row.some((cell) => !isBlankCell(cell) && !looksNumeric(cell))) return false;
  return values.every((v, i) => Math.abs(2 * v - totals[i]!) <= 1e-9 * Math.max(1, totals[i]!));
}

function aggregated(
  rows: readonly (readonly unknown[])[],
  table: StackedTable,
  out: RowsOut,
  unit: CountUnit,
  columns: AggregatedTable['columns'],
  options: ReadReportOptions,
): AggregatedTable {
  return {
    kind: 'aggregated',
    rowCount: out.names.length,
    names: out.names,
    counts: Float64Array.from(out.counts),
    countUnit: unit,
    sourceRows: Int32Array.from(out.sources),
    extras: extraValues(rows, table, out.extraRows, options),
    columns,
    headers: table.headers,
  };
}

/** The breakdown columns asked for, read on the given rows of the data. */
function extraValues(
  rows: readonly (readonly unknown[])[],
  table: StackedTable,
  keptRows: readonly number[],
  options: ReadReportOptions,
): ColumnValues[] {
  return (options.extraColumns ?? []).map((header) => {
    const index = findNamedColumn(table.headers, header, options.extraColumnsOption ?? 'breakdown');
    const interner = new Interner(true);
    const codes = Int32Array.from(keptRows, (r) => interner.code(rows[r]![index]));
    return { header: table.headers[index]!, codes, values: interner.texts };
  });
}

/** No data rows under any header: readTable says so. */
function emptyReport(): AggregatedTable {
  return {
    kind: 'aggregated',
    rowCount: 0,
    names: [],
    counts: new Float64Array(0),
    countUnit: 'count',
    sourceRows: new Int32Array(0),
    extras: [],
    columns: { counts: [] },
    headers: [],
  };
}

// ---- When the steps are nowhere --------------------------------------------------------------

const VALUES_SHOWN = 3;

function allHeaders(tables: readonly StackedTable[]): string[] {
  return [...new Set(tables.flatMap((t) => t.headers))];
}

function noStepsFoundError(
  rows: readonly (readonly unknown[])[],
  tables: readonly StackedTable[],
  steps: readonly Step[],
): UserError {
  const textColumns: string[] = [];
  for (const table of tables) {
    table.headers.forEach((header, c) => {
      const { values, text } = columnValues(rows, table, c);
      const names = [...values].sort();
      if (!text || header === '') return;
      const shown = quotedList(names.slice(0, VALUES_SHOWN));
      textColumns.push(`"${header}" (${shown}${names.length > VALUES_SHOWN ? ', ...' : ''})`);
    });
  }
  const stepList = quotedList(steps.map((s) => s.label));
  const where = textColumns.length ? `Text columns: ${[...new Set(textColumns)].join('; ')}. ` : '';
  return new UserError(
    `data: no column holds the steps ${stepList}. Columns seen: ${seenHeaders(allHeaders(tables))}. ${where}` +
      'Write the steps as they appear in one of these columns (* matches any text, e.g. "/blog/*"), ' +
      'or name the column with event=<column> in the options; steps that are column headers ' +
      '("Impressions, Clicks") sum those columns.',
  );
}
