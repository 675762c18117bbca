/**
 * Builds what the page and the API show from the fake's workbook model: values as displayed
 * (number formats applied), formats, notes, dropdowns, conditional colours, spills and charts.
 */
import { cellA1, parseRangeA1, splitSheetName } from '../fake/a1';
import { type Cell, type CellValue, DEFAULTS, displayValue, isDate, normalizeColor } from '../fake/cells';
import type { ChartData, ConditionalRuleData, SheetModel, WorkbookModel } from '../fake/model';
import { mayOverflow, overflowColumns } from './overflow';
import type { CellView, ChartView, SheetView, WorkbookView } from './view-model';

/** Rows sent to the page per sheet; the API (GET /api/workbook) always returns everything. */
export const PAGE_ROW_LIMIT = 2000;

/** What the formula host knows about the last evaluation (error messages, spill sizes). */
export interface FormulaNotes {
  errorMessage(sheet: string, row: number, column: number): string | undefined;
  spills(sheet: string): { row: number; column: number; rows: number; columns: number }[];
}

/** Formatted but empty rows shown below the content (so dropdowns of a table's next rows show). */
const FORMATTED_MARGIN = 20;

/**
 * The area worth showing: cells with content, spilled results (which are not stored cells), and a
 * few formatted rows below; a format applied to whole columns does not make 1000 rows worth sending.
 */
function extent(sheet: SheetModel, notes: FormulaNotes, forPage: boolean): { rows: number; columns: number } {
  const used = sheet.usedExtent();
  let rows = forPage ? Math.min(used.rows, sheet.lastRow() + FORMATTED_MARGIN) : sheet.lastRow();
  let columns = forPage ? used.columns : sheet.lastColumn();
  for (const s of notes.spills(sheet.name)) {
    rows = Math.max(rows, s.row + s.rows - 1);
    columns = Math.max(columns, s.column + s.columns - 1);
  }
  return { rows, columns };
}

/**
 * Makes the fake compute its formulas now (it does so lazily, on the first read of a formula cell),
 * so that spill sizes are known before the extent of a sheet is measured.
 */
function evaluateFormulas(model: WorkbookModel): void {
  for (const sheet of model.sheets) {
    for (let r = 0; r < sheet.grid.length; r++) {
      const c = sheet.grid[r]?.findIndex((cell) => cell?.formula) ?? -1;
      if (c >= 0) {
        model.valueAt(sheet, r + 1, c + 1);
        return;
      }
    }
  }
}

/** Values as displayed and formulas of the cells with content, for GET /api/workbook (dates as ISO strings). */
export function plainWorkbook(model: WorkbookModel, notes: FormulaNotes) {
  evaluateFormulas(model);
  return {
    sheets: model.sheets.map((sheet) => {
      const { rows, columns } = extent(sheet, notes, false);
      const values: (string | number | boolean)[][] = [];
      const formulas: string[][] = [];
      for (let r = 1; r <= rows; r++) {
        const valueRow: (string | number | boolean)[] = [];
        const formulaRow: string[] = [];
        for (let c = 1; c <= columns; c++) {
          const cell = sheet.cell(r, c);
          const value = model.valueAt(sheet, r, c);
          valueRow.push(isDate(value) ? value.toISOString() : displayed(value, cell, model));
          formulaRow.push(cell?.formula ?? '');
        }
        values.push(valueRow);
        formulas.push(formulaRow);
      }
      return { name: sheet.name, values, formulas };
    }),
  };
}

/**
 * A value "as displayed": numbers under a non-default number format become the text Sheets shows
 * (0.25 under 0.0% is "25.0%"); plain numbers, booleans and text stay as they are.
 */
function displayed(
  value: CellValue,
  cell: Cell | undefined,
  model: WorkbookModel,
): string | number | boolean {
  if (typeof value === 'number' && cell?.numberFormat && cell.numberFormat !== DEFAULTS.numberFormat) {
    return displayValue(value, cell.numberFormat, model.timeZone);
  }
  return value as string | number | boolean;
}

/**
 * The workbook for the page. Cells and charts come only for `withCells` (the tab the page shows,
 * default the active one): a refresh then costs one tab, not every tab of a large workbook.
 */
export function workbookView(
  model: WorkbookModel,
  notes: FormulaNotes,
  revision: number,
  withCells?: string,
): WorkbookView {
  evaluateFormulas(model);
  const shown = model.sheetByName(withCells ?? '') ?? model.activeSheet ?? model.sheets[0];
  return {
    revision,
    name: model.name,
    activeSheet: model.activeSheet?.name ?? model.sheets[0]?.name,
    activeRange: model.activeRange
      ? cellA1(model.activeRange.rect.row, model.activeRange.rect.column)
      : undefined,
    sheets: model.sheets.map((sheet) => sheetView(model, sheet, notes, sheet === shown)),
  };
}

function sheetView(
  model: WorkbookModel,
  sheet: SheetModel,
  notes: FormulaNotes,
  withCells: boolean,
): SheetView {
  const full = extent(sheet, notes, true);
  const rows = Math.min(full.rows, PAGE_ROW_LIMIT);
  const spilled = new Set<string>();
  for (const s of notes.spills(sheet.name)) {
    for (let r = 0; r < s.rows; r++)
      for (let c = 0; c < s.columns; c++) if (r || c) spilled.add(`${s.row + r}:${s.column + c}`);
  }
  const cells: CellView[] = [];
  for (let r = 1; withCells && r <= rows; r++) {
    for (let c = 1; c <= full.columns; c++) {
      const view = cellView(model, sheet, r, c, notes, spilled.has(`${r}:${c}`));
      if (view) cells.push(view);
    }
  }
  applyConditionalFormats(model, sheet, cells);
  const merges = withCells
    ? sheet.merges.map((m) => ({ row: m.row, column: m.column, rows: m.numRows, columns: m.numColumns }))
    : [];
  markOverflow(cells, merges, sheet.maxColumns);
  const columnWidths: Record<number, number> = {};
  for (const [column, width] of sheet.columnWidths) columnWidths[column] = width;
  return {
    name: sheet.name,
    id: sheet.id,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    rows,
    columns: full.columns,
    maxRows: Math.max(sheet.maxRows, rows),
    maxColumns: Math.max(sheet.maxColumns, full.columns),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths,
    cellsIncluded: withCells,
    cells,
    merges,
    charts: withCells ? sheet.charts.map((chart) => chartView(model, chart)) : [],
    truncated: withCells && full.rows > rows,
  };
}

/**
 * Sets `overflow` on the cells whose text runs over empty cells to their right (overflow.ts);
 * a merged block holds its cells, and its first cell does not overflow.
 */
function markOverflow(cells: CellView[], merges: SheetView['merges'], lastColumn: number): void {
  const occupied = new Set(cells.filter((c) => c.text !== '').map((c) => `${c.row}:${c.column}`));
  for (const m of merges)
    for (let r = 0; r < m.rows; r++)
      for (let c = 0; c < m.columns; c++) occupied.add(`${m.row + r}:${m.column + c}`);
  const merged = new Set(merges.map((m) => `${m.row}:${m.column}`));
  for (const cell of cells) {
    if (!mayOverflow(cell) || cell.options || merged.has(`${cell.row}:${cell.column}`)) continue;
    const over = overflowColumns(cell.column, lastColumn, (c) => occupied.has(`${cell.row}:${c}`));
    if (over > 0) cell.overflow = over;
  }
}

function cellView(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  column: number,
  notes: FormulaNotes,
  spilled: boolean,
): CellView | undefined {
  const cell = sheet.cell(row, column);
  const value = model.valueAt(sheet, row, column);
  if (!cell && value === '') return undefined;
  const text = displayValue(value, cell?.numberFormat, model.timeZone);
  const view: CellView = { row, column, text, input: cell?.formula ?? inputText(value, cell, model) };
  if (typeof value === 'number' || typeof value === 'boolean' || isDate(value)) view.numeric = true;
  if (spilled && !cell?.formula) view.spilled = true;
  if (cell?.fontWeight === 'bold') view.bold = true;
  if (cell?.fontStyle === 'italic') view.italic = true;
  if (cell?.background && normalizeColor(cell.background) !== DEFAULTS.background)
    view.background = cell.background;
  if (cell?.fontColor && normalizeColor(cell.fontColor) !== DEFAULTS.fontColor)
    view.fontColor = cell.fontColor;
  if (cell?.horizontalAlignment) view.align = cell.horizontalAlignment;
  if (cell?.wrap) view.wrap = true;
  if (cell?.note) view.note = cell.note;
  if (cell?.formula && typeof value === 'string' && /^#[A-Z0-9/!?]+/.test(value)) {
    view.error = notes.errorMessage(sheet.name, row, column) ?? errorHelp(value);
  }
  const options = dropdownOptions(model, cell);
  if (options) view.options = options;
  return view;
}

function errorHelp(code: string): string {
  return code.startsWith('#REF!')
    ? 'Array result was not expanded because it would overwrite data in a cell below or to the right.'
    : `${code}: the formula could not be computed.`;
}

/** What an edit of the cell starts from: the value as one would type it. */
function inputText(value: CellValue, cell: Cell | undefined, model: WorkbookModel): string {
  if (value === '') return '';
  if (isDate(value)) return displayValue(value, cell?.numberFormat ?? 'yyyy-mm-dd hh:mm:ss', model.timeZone);
  if (typeof value === 'number' && cell?.numberFormat?.includes('%'))
    return displayValue(value, cell.numberFormat, model.timeZone);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function dropdownOptions(model: WorkbookModel, cell: Cell | undefined): string[] | undefined {
  const rule = cell?.validation;
  if (!rule?.showDropdown) return undefined;
  if (rule.criteria === 'VALUE_IN_LIST' && Array.isArray(rule.values[0]))
    return (rule.values[0] as unknown[]).map(String);
  if (rule.criteria === 'VALUE_IN_RANGE' && rule.sourceRange) {
    const { sheetName, ref } = splitSheetName(rule.sourceRange);
    const source = sheetName === undefined ? undefined : model.sheetByName(sheetName);
    if (!source) return [];
    const rect = parseRangeA1(ref, source.maxRows, source.maxColumns);
    if (!rect) return [];
    const out: string[] = [];
    for (let r = 0; r < rect.numRows; r++) {
      for (let c = 0; c < rect.numColumns; c++) {
        const v = model.valueAt(source, rect.row + r, rect.column + c);
        if (v !== '')
          out.push(displayValue(v, source.cell(rect.row + r, rect.column + c)?.numberFormat, model.timeZone));
      }
    }
    return [...new Set(out)];
  }
  return undefined;
}

// ---------------------------------------------------------------- conditional formats

function numberOf(text: unknown): number {
  return typeof text === 'number' ? text : Number(text);
}

/** Whether a boolean-condition rule holds for a cell's value (the common criteria). */
function ruleHolds(rule: ConditionalRuleData, value: CellValue): boolean {
  const [a, b] = rule.values;
  const text = isDate(value) ? '' : String(value);
  const n = typeof value === 'number' ? value : Number.NaN;
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_EQUAL_TO':
      return text.toLowerCase() === String(a).toLowerCase();
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text.toLowerCase().startsWith(String(a).toLowerCase());
    case 'TEXT_ENDS_WITH':
      return text.toLowerCase().endsWith(String(a).toLowerCase());
    case 'NUMBER_EQUAL_TO':
      return n === numberOf(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(n) && n !== numberOf(a);
    case 'NUMBER_GREATER_THAN':
      return n > numberOf(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= numberOf(a);
    case 'NUMBER_LESS_THAN':
      return n < numberOf(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= numberOf(a);
    case 'NUMBER_BETWEEN':
      return n >= Math.min(numberOf(a), numberOf(b)) && n <= Math.max(numberOf(a), numberOf(b));
    case 'NUMBER_NOT_BETWEEN':
      return (
        !Number.isNaN(n) &&
        !(n >= Math.min(numberOf(a), numberOf(b)) && n <= Math.max(numberOf(a), numberOf(b)))
      );
    default:
      // CUSTOM_FORMULA and date rules are not evaluated by the playground.
      return false;
  }
}

/** Colours cells by the sheet's conditional rules; the first matching rule wins, as in Sheets. */
function applyConditionalFormats(model: WorkbookModel, sheet: SheetModel, cells: CellView[]): void {
  if (sheet.conditionalRules.length === 0) return;
  for (const view of cells) {
    const value = model.valueAt(sheet, view.row, view.column);
    const rule = sheet.conditionalRules.find(
      (r) =>
        r.ranges.some(
          (ref) =>
            ref.sheet === sheet &&
            view.row >= ref.rect.row &&
            view.row < ref.rect.row + ref.rect.numRows &&
            view.column >= ref.rect.column &&
            view.column < ref.rect.column + ref.rect.numColumns,
        ) && ruleHolds(r, value),
    );
    if (!rule) continue;
    if (rule.background) view.background = rule.background;
    if (rule.fontColor) view.fontColor = rule.fontColor;
    if (rule.bold) view.bold = true;
    if (rule.italic) view.italic = true;
  }
}

// ---------------------------------------------------------------- charts

/**
 * A chart option set either nested (setOption('legend', { position })) or by its dotted name
 * (setLegendPosition records 'legend.position'), when it is a text.
 */
function textOption(options: Record<string, unknown>, group: string, key: string): string | null {
  const value = (options[group] as Record<string, unknown> | undefined)?.[key] ?? options[`${group}.${key}`];
  return typeof value === 'string' ? value : null;
}

function chartView(model: WorkbookModel, chart: ChartData): ChartView {
  const columns: CellValue[][] = [];
  for (const ref of chart.ranges) {
    for (let c = 0; c < ref.rect.numColumns; c++) {
      const column: CellValue[] = [];
      for (let r = 0; r < ref.rect.numRows; r++)
        column.push(model.valueAt(ref.sheet, ref.rect.row + r, ref.rect.column + c));
      columns.push(column);
    }
  }
  const [labelColumn = [], ...seriesColumns] = columns;
  // Header row: as the chart says, else guessed from a non-numeric first value in the series.
  const headers =
    chart.numHeaders ?? (seriesColumns.some((col) => col.length > 0 && typeof col[0] !== 'number') ? 1 : 0);
  const text = (v: CellValue) => (isDate(v) ? v.toISOString().slice(0, 10) : String(v));
  const options = chart.options as Record<string, unknown>;
  return {
    id: chart.id,
    type: chart.type,
    title: typeof options.title === 'string' ? options.title : '',
    labels: labelColumn.slice(headers).map(text),
    series: seriesColumns.map((col, i) => ({
      name: headers > 0 ? text(col[0] ?? '') : `Series ${i + 1}`,
      values: col.slice(headers).map((v) => (typeof v === 'number' ? v : Number.NaN)),
    })),
    legend: textOption(options, 'legend', 'position')?.toLowerCase() !== 'none',
    valueFormat: textOption(options, chart.type.toUpperCase() === 'BAR' ? 'hAxis' : 'vAxis', 'format'),
    row: chart.position.row,
    column: chart.position.column,
    offsetX: chart.position.offsetX,
    offsetY: chart.position.offsetY,
    width: typeof options.width === 'number' ? options.width : 480,
    height: typeof options.height === 'number' ? options.height : 300,
  };
}
