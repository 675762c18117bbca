/**
 * The workbook as plain data: sheets of sparse cells plus what hangs off a sheet (charts, rules,
 * protections) and the named ranges. The service classes (spreadsheet.ts) are thin counted views
 * over this model; snapshot.ts reads it directly.
 */
import { cellA1, type Rect } from './a1';
import { type Cell, type CellValue, hasContent, isBlankCell } from './cells';

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

/** A range stored in the model; row/column shifts when rows or columns are inserted or deleted. */
export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

export interface ChartData {
  id: string;
  type: string;
  ranges: RangeRef[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  hiddenDimensionStrategy?: string;
  mergeStrategy?: string;
  numHeaders?: number;
  transposeRowsAndColumns?: boolean;
}

export interface ConditionalRuleData {
  criteria: string;
  values: unknown[];
  ranges: RangeRef[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

export interface ProtectionData {
  id: number;
  type: 'SHEET' | 'RANGE';
  ref: RangeRef;
  description: string;
  warningOnly: boolean;
  unprotected: RangeRef[];
  editors: string[];
  domainEdit: boolean;
}

export class SheetModel {
  name: string;
  readonly id: number;
  hidden = false;
  maxRows = DEFAULT_MAX_ROWS;
  maxColumns = DEFAULT_MAX_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hiddenGridlines = false;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** grid[row - 1][column - 1]; missing rows and cells are blank. */
  grid: (Cell | undefined)[][] = [];
  merges: Rect[] = [];
  charts: ChartData[] = [];
  conditionalRules: ConditionalRuleData[] = [];
  protections: ProtectionData[] = [];

  constructor(name: string, id: number) {
    this.name = name;
    this.id = id;
  }

  cell(row: number, column: number): Cell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }

  /** The cell to modify, created when blank. */
  cellForWrite(row: number, column: number): Cell {
    const cells = this.grid[row - 1] ?? [];
    this.grid[row - 1] = cells;
    let cell = cells[column - 1];
    if (!cell) {
      cell = {};
      cells[column - 1] = cell;
    }
    return cell;
  }

  /** Drops a cell that no longer holds anything, so extents stay honest. */
  tidy(row: number, column: number): void {
    const cells = this.grid[row - 1];
    if (cells && isBlankCell(cells[column - 1])) cells[column - 1] = undefined;
  }

  /** Last row with a value or formula (formats do not count, as in Sheets); 0 when empty. */
  lastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) if (this.grid[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.grid) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (hasContent(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Rows and columns that hold any property at all (content, format, note, validation). */
  usedExtent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    this.grid.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (!isBlankCell(cell)) {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
      });
    });
    return { rows, columns };
  }

  insertRows(after: number, count: number): void {
    // Rows past the grid's end are blank already (the grid is sparse).
    if (after < this.grid.length) insertItems(this.grid, after, count, () => []);
    this.maxRows += count;
    shiftMap(this.rowHeights, after, count);
  }

  deleteRows(start: number, count: number): void {
    this.grid.splice(start - 1, count);
    this.maxRows -= count;
    shiftMap(this.rowHeights, start - 1 + count, -count);
  }

  /**
   * Moves rows [start, start + count) with everything on them (values, notes, colours, heights,
   * merges inside them) to just before row `before`, counted as the sheet stood before the move.
   */
  moveRows(start: number, count: number, before: number): void {
    const order = Array.from({ length: Math.max(this.maxRows, before) }, (_, i) => i + 1);
    const moved = order.splice(start - 1, count);
    const at = before > start ? before - 1 - count : before - 1;
    insertItems(order, at, moved.length, (i) => moved[i]!);
    // newRow[old] for every row that changes place.
    const newRow = new Map(order.map((old, i) => [old, i + 1]));
    const grid: (Cell | undefined)[][] = [];
    this.grid.forEach((cells, i) => {
      if (cells) grid[newRow.get(i + 1)! - 1] = cells;
    });
    this.grid = Array.from({ length: grid.length }, (_, i) => grid[i] ?? []);
    const heights = [...this.rowHeights.entries()];
    this.rowHeights.clear();
    for (const [row, height] of heights) this.rowHeights.set(newRow.get(row) ?? row, height);
    for (const merge of this.merges) merge.row = newRow.get(merge.row) ?? merge.row;
  }

  /**
   * Moves columns [start, start + count) with everything on them (cells, widths, merges inside
   * them) to just before column `before`, counted as the sheet stood before the move.
   */
  moveColumns(start: number, count: number, before: number): void {
    const order = Array.from({ length: Math.max(this.maxColumns, before) }, (_, i) => i + 1);
    const moved = order.splice(start - 1, count);
    const at = before > start ? before - 1 - count : before - 1;
    insertItems(order, at, moved.length, (i) => moved[i]!);
    // newColumn[old] for every column.
    const newColumn = new Map(order.map((old, i) => [old, i + 1]));
    this.grid = this.grid.map((cells) => {
      if (!cells) return cells;
      const out: (Cell | undefined)[] = [];
      cells.forEach((cell, i) => {
        if (cell) out[newColumn.get(i + 1)! - 1] = cell;
      });
      return Array.from({ length: out.length }, (_, i) => out[i]);
    });
    const widths = [...this.columnWidths.entries()];
    this.columnWidths.clear();
    for (const [column, width] of widths) this.columnWidths.set(newColumn.get(column) ?? column, width);
    for (const merge of this.merges) merge.column = newColumn.get(merge.column) ?? merge.column;
  }

  insertColumns(after: number, count: number): void {
    for (const cells of this.grid) {
      if (cells && after < cells.length) insertItems(cells, after, count, () => undefined);
    }
    this.maxColumns += count;
    shiftMap(this.columnWidths, after, count);
  }

  deleteColumns(start: number, count: number): void {
    for (const cells of this.grid) cells?.splice(start - 1, count);
    this.maxColumns -= count;
    shiftMap(this.columnWidths, start - 1 + count, -count);
  }
}

/**
 * Inserts `count` items made by `make` at index `at`, as `splice(at, 0, ...items)` would, without
 * spreading them into a call (a spread of 200k items overflows the stack).
 */
function insertItems<T>(array: T[], at: number, count: number, make: (i: number) => T): void {
  const tail = array.splice(at);
  for (let i = 0; i < count; i++) array.push(make(i));
  for (const item of tail) array.push(item);
}

/** Moves per-row/column settings (widths, heights) past `after` by `delta`. */
function shiftMap(map: Map<number, number>, after: number, delta: number): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    if (k <= after + Math.min(delta, 0)) map.set(k, v);
    else if (k > after) map.set(k + delta, v);
  }
}

/**
 * Adjusts a 1-D span [start, start + size) for `delta` lines inserted (delta > 0) after line
 * `after`, or deleted (delta < 0) from line `after + 1`. Returns undefined when nothing is left.
 */
export function shiftSpan(
  start: number,
  size: number,
  after: number,
  delta: number,
): [number, number] | undefined {
  const end = start + size - 1;
  if (delta > 0) {
    if (after < start) return [start + delta, size];
    if (after < end) return [start, size + delta];
    return [start, size];
  }
  const delStart = after + 1;
  const delEnd = after - delta;
  if (delEnd < start) return [start + delta, size];
  if (delStart > end) return [start, size];
  const keptBefore = Math.max(0, delStart - start);
  const keptAfter = Math.max(0, end - delEnd);
  if (keptBefore + keptAfter === 0) return undefined;
  return [Math.min(start, delStart), keptBefore + keptAfter];
}

export interface NamedRangeData {
  name: string;
  ref: RangeRef;
}

export interface FormulaContext {
  sheetName: string;
  row: number;
  column: number;
  /** The cell, e.g. `B7` (on sheet `sheetName`). */
  a1: string;
  formula: string;
}

/** What a host returns for a formula: one value, or a 2-D array that spills right and down. */
export type FormulaEvaluator = (formula: string, context: FormulaContext) => unknown;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  namedRanges: NamedRangeData[] = [];
  activeSheet: SheetModel | undefined;
  activeRange: RangeRef | undefined;
  nextSheetId = 0;
  nextChartId = 1;
  nextProtectionId = 1;
  evaluator: FormulaEvaluator | undefined;
  private revision = 0;
  private evaluatedRevision = -1;
  /** Formula results and spilled values of the last evaluation, by sheet and `row:column`. */
  private results = new Map<SheetModel, Map<string, CellValue>>();
  private evaluating = new Set<string>();

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
  ) {}

  /** Called after every write: formula results are recomputed on the next read. */
  touch(): void {
    this.revision++;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet = new SheetModel(name, this.nextSheetId++);
    this.sheets.splice(index, 0, sheet);
    this.touch();
    return sheet;
  }

  /** Every stored range, so inserts and deletes can move them as Sheets does. */
  private refs(): RangeRef[] {
    const out: RangeRef[] = this.namedRanges.map((n) => n.ref);
    for (const sheet of this.sheets) {
      for (const chart of sheet.charts) out.push(...chart.ranges);
      for (const rule of sheet.conditionalRules) out.push(...rule.ranges);
      for (const p of sheet.protections) out.push(p.ref, ...p.unprotected);
      // Merges are plain rectangles; wrapping them shares the rectangle, so shifting moves them.
      for (const rect of sheet.merges) out.push({ sheet, rect });
    }
    return out;
  }

  /** Moves stored ranges after rows (or columns) were inserted or deleted on `sheet`. */
  shiftRefs(sheet: SheetModel, dimension: 'rows' | 'columns', after: number, delta: number): void {
    for (const ref of this.refs()) {
      if (ref.sheet !== sheet) continue;
      const [start, size] =
        dimension === 'rows' ? [ref.rect.row, ref.rect.numRows] : [ref.rect.column, ref.rect.numColumns];
      // A range that disappears entirely keeps one line, as a #REF! stand-in.
      const next = shiftSpan(start, size, after, delta) ?? [Math.max(1, after + 1), 1];
      if (dimension === 'rows') [ref.rect.row, ref.rect.numRows] = next;
      else [ref.rect.column, ref.rect.numColumns] = next;
    }
    this.touch();
  }

  /** A cell's value as getValues reports it: the stored value, or the formula's result. */
  valueAt(sheet: SheetModel, row: number, column: number): CellValue {
    const cell = sheet.cell(row, column);
    if (!this.evaluator) return cell?.formula ? '' : (cell?.value ?? '');
    if (cell?.value !== undefined && !cell.formula) return cell.value;
    this.evaluateAll();
    if (cell?.formula) return this.evaluateCell(sheet, row, column, cell.formula);
    return this.results.get(sheet)?.get(`${row}:${column}`) ?? '';
  }

  /** Recomputes every formula once per revision (spills need the whole picture). */
  private evaluateAll(): void {
    if (this.evaluatedRevision === this.revision || this.evaluating.size > 0) return;
    this.evaluatedRevision = this.revision;
    this.results.clear();
    for (const sheet of this.sheets) {
      sheet.grid.forEach((cells, r) => {
        cells?.forEach((cell, c) => {
          if (cell?.formula) this.evaluateCell(sheet, r + 1, c + 1, cell.formula);
        });
      });
    }
  }

  private evaluateCell(sheet: SheetModel, row: number, column: number, formula: string): CellValue {
    const key = `${row}:${column}`;
    const results = this.results.get(sheet) ?? new Map<string, CellValue>();
    this.results.set(sheet, results);
    const done = results.get(key);
    if (done !== undefined) return done;
    const id = `${sheet.id}!${key}`;
    if (this.evaluating.has(id)) return '#REF!';
    this.evaluating.add(id);
    let result: unknown;
    try {
      result = this.evaluator!(formula, {
        sheetName: sheet.name,
        row,
        column,
        a1: cellA1(row, column),
        formula,
      });
    } catch {
      // A host that throws gets Sheets' generic error in the cell.
      result = '#ERROR!';
    } finally {
      this.evaluating.delete(id);
    }
    const value = this.spill(sheet, row, column, result, results);
    results.set(key, value);
    return value;
  }

  /** Places a 2-D result: its first value in the cell, the rest in empty cells right and below. */
  private spill(
    sheet: SheetModel,
    row: number,
    column: number,
    result: unknown,
    results: Map<string, CellValue>,
  ): CellValue {
    if (!Array.isArray(result)) return toCellValue(result);
    const rows = result.map((r) => (Array.isArray(r) ? r : [r]));
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < rows[i]!.length; j++) {
        if ((i > 0 || j > 0) && hasContent(sheet.cell(row + i, column + j))) return '#REF!';
      }
    }
    rows.forEach((cells, i) => {
      cells.forEach((v, j) => {
        if (i > 0 || j > 0) results.set(`${row + i}:${column + j}`, toCellValue(v));
      });
    });
    return toCellValue(rows[0]?.[0]);
  }
}

function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  return String(value);
}
