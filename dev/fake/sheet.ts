/** Sheet: one tab, its size and layout, charts, rules and protections, counted as `Sheet.method`. */
import type { Rect } from './a1';
import { splitSheetName } from './a1';
import { FakeConditionalFormatRule, ruleDataOf } from './builders';
import { type CellValue, normalizeColor } from './cells';
import { chartDataOf, copyChart, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import type { FakeContext } from './context';
import {
  addMetadata,
  FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  type MetadataPlace,
  metadataOf,
  moveMetadata,
  shiftMetadata,
} from './metadata';
import type { ChartData, SheetModel } from './model';
import { FakeProtection } from './protection';
import { clearCells, FakeRange } from './range';
import { FakeRangeList } from './range-list';
import { checkedRect, fail, rangeFromA1, rectFromA1, refOf } from './range-lookup';
import { FakeSpreadsheet } from './spreadsheet';

export class FakeSheet {
  readonly #ctx: FakeContext;
  readonly #sheet: SheetModel;

  constructor(ctx: FakeContext, sheet: SheetModel) {
    this.#ctx = ctx;
    this.#sheet = sheet;
  }
  #count(method: string): void {
    this.#ctx.calls.count(`Sheet.${method}`);
  }
  #range(rect: Rect): FakeRange {
    return new FakeRange(this.#ctx, this.#sheet, rect);
  }

  getName(): string {
    this.#count('getName');
    return this.#sheet.name;
  }
  setName(name: string): FakeSheet {
    this.#count('setName');
    renameSheet(this.#ctx, this.#sheet, name);
    return this;
  }
  getSheetId(): number {
    this.#count('getSheetId');
    return this.#sheet.id;
  }
  getSheetName(): string {
    this.#count('getSheetName');
    return this.#sheet.name;
  }
  getIndex(): number {
    this.#count('getIndex');
    return this.#ctx.model.sheets.indexOf(this.#sheet) + 1;
  }
  getParent(): FakeSpreadsheet {
    this.#count('getParent');
    return new FakeSpreadsheet(this.#ctx);
  }
  activate(): FakeSheet {
    this.#count('activate');
    this.#ctx.model.activeSheet = this.#sheet;
    this.#ctx.model.activeRange = undefined;
    return this;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange('A1:B2'). */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.#count('getRange');
    if (typeof rowOrA1 === 'string') {
      // `Other!A1` on a sheet names a range of that other sheet, as in Apps Script.
      if (splitSheetName(rowOrA1).sheetName !== undefined) return rangeFromA1(this.#ctx, rowOrA1);
      return this.#range(rectFromA1(this.#sheet, rowOrA1));
    }
    return this.#range(checkedRect(this.#sheet, rowOrA1, column as number, numRows ?? 1, numColumns ?? 1));
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.#count('getRangeList');
    const ranges = a1Notations.map((a1) => this.#range(rectFromA1(this.#sheet, a1)));
    return new FakeRangeList(this.#ctx, ranges);
  }
  getDataRange(): FakeRange {
    this.#count('getDataRange');
    return this.#range({
      row: 1,
      column: 1,
      numRows: Math.max(1, this.#sheet.lastRow()),
      numColumns: Math.max(1, this.#sheet.lastColumn()),
    });
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    this.#count('getSheetValues');
    const rows = numRows === -1 ? this.#sheet.lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.#sheet.lastColumn() - startColumn + 1 : numColumns;
    const range = this.#range(checkedRect(this.#sheet, startRow, startColumn, rows, columns));
    return this.#ctx.calls.uncounted(() => range.getValues());
  }
  getLastRow(): number {
    this.#count('getLastRow');
    return this.#sheet.lastRow();
  }
  getLastColumn(): number {
    this.#count('getLastColumn');
    return this.#sheet.lastColumn();
  }
  getMaxRows(): number {
    this.#count('getMaxRows');
    return this.#sheet.maxRows;
  }
  getMaxColumns(): number {
    this.#count('getMaxColumns');
    return this.#sheet.maxColumns;
  }
  appendRow(rowContents: unknown[]): FakeSheet {
    this.#count('appendRow');
    const row = this.#sheet.lastRow() + 1;
    if (row > this.#sheet.maxRows) this.#sheet.maxRows = row;
    if (rowContents.length > this.#sheet.maxColumns) this.#sheet.maxColumns = rowContents.length;
    if (rowContents.length > 0) {
      const range = this.#range({ row, column: 1, numRows: 1, numColumns: rowContents.length });
      this.#ctx.calls.uncounted(() => range.setValues([rowContents]));
    }
    return this;
  }

  // -- rows and columns

  #insert(dimension: 'rows' | 'columns', after: number, howMany: number): FakeSheet {
    const max = dimension === 'rows' ? this.#sheet.maxRows : this.#sheet.maxColumns;
    if (!(after >= 0 && after <= max) || !(howMany >= 1)) {
      fail(`Those ${dimension} are out of bounds.`);
    }
    if (dimension === 'rows') this.#sheet.insertRows(after, howMany);
    else this.#sheet.insertColumns(after, howMany);
    this.#ctx.model.shiftRefs(this.#sheet, dimension, after, howMany);
    shiftMetadata(this.#sheet, dimension, after, howMany);
    return this;
  }
  #delete(dimension: 'rows' | 'columns', start: number, howMany: number): void {
    const max = dimension === 'rows' ? this.#sheet.maxRows : this.#sheet.maxColumns;
    if (!(start >= 1 && howMany >= 1 && start + howMany - 1 <= max))
      fail(`Those ${dimension} are out of bounds.`);
    if (howMany >= max) fail(`You can't delete all the ${dimension} on the sheet.`);
    if (dimension === 'rows') this.#sheet.deleteRows(start, howMany);
    else this.#sheet.deleteColumns(start, howMany);
    this.#ctx.model.shiftRefs(this.#sheet, dimension, start - 1, -howMany);
    shiftMetadata(this.#sheet, dimension, start - 1, -howMany);
  }
  /** Moves the rows of `rowSpec` with everything on them to just before row `destinationIndex`. */
  moveRows(rowSpec: FakeRange, destinationIndex: number): void {
    this.#count('moveRows');
    const { sheet, rect } = refOf(rowSpec);
    if (sheet !== this.#sheet) fail('The range to move must be on this sheet.');
    const start = rect.row;
    const end = rect.row + rect.numRows - 1;
    if (!(destinationIndex >= 1 && destinationIndex <= this.#sheet.maxRows + 1))
      fail('Those rows are out of bounds.');
    if (destinationIndex > start && destinationIndex <= end + 1) return;
    // A merge must move whole: rows that cut one (or a destination inside one) are refused.
    const cuts = (row: number) => this.#sheet.merges.some((m) => m.row < row && row < m.row + m.numRows);
    if (cuts(start) || cuts(end + 1) || cuts(destinationIndex)) {
      fail('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.#sheet.moveRows(start, rect.numRows, destinationIndex);
    moveMetadata(this.#sheet, 'rows', start, rect.numRows, destinationIndex);
    this.#ctx.model.touch();
  }
  /** Moves the columns of `columnSpec` with everything on them to just before column `destinationIndex`. */
  moveColumns(columnSpec: FakeRange, destinationIndex: number): void {
    this.#count('moveColumns');
    const { sheet, rect } = refOf(columnSpec);
    if (sheet !== this.#sheet) fail('The range to move must be on this sheet.');
    const start = rect.column;
    const end = rect.column + rect.numColumns - 1;
    if (!(destinationIndex >= 1 && destinationIndex <= this.#sheet.maxColumns + 1))
      fail('Those columns are out of bounds.');
    if (destinationIndex > start && destinationIndex <= end + 1) return;
    const cuts = (column: number) =>
      this.#sheet.merges.some((m) => m.column < column && column < m.column + m.numColumns);
    if (cuts(start) || cuts(end + 1) || cuts(destinationIndex)) {
      fail('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.#sheet.moveColumns(start, rect.numColumns, destinationIndex);
    moveMetadata(this.#sheet, 'columns', start, rect.numColumns, destinationIndex);
    this.#ctx.model.touch();
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.#count('insertRowsAfter');
    return this.#insert('rows', afterPosition, howMany);
  }
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.#count('insertRowsBefore');
    return this.#insert('rows', beforePosition - 1, howMany);
  }
  insertRowAfter(afterPosition: number): FakeSheet {
    this.#count('insertRowAfter');
    return this.#insert('rows', afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): FakeSheet {
    this.#count('insertRowBefore');
    return this.#insert('rows', beforePosition - 1, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.#count('insertColumnsAfter');
    return this.#insert('columns', afterPosition, howMany);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.#count('insertColumnsBefore');
    return this.#insert('columns', beforePosition - 1, howMany);
  }
  insertColumnAfter(afterPosition: number): FakeSheet {
    this.#count('insertColumnAfter');
    return this.#insert('columns', afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): FakeSheet {
    this.#count('insertColumnBefore');
    return this.#insert('columns', beforePosition - 1, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.#count('deleteRows');
    this.#delete('rows', rowPosition, howMany);
  }
  deleteRow(rowPosition: number): FakeSheet {
    this.#count('deleteRow');
    this.#delete('rows', rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.#count('deleteColumns');
    this.#delete('columns', columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): FakeSheet {
    this.#count('deleteColumn');
    this.#delete('columns', columnPosition, 1);
    return this;
  }

  // -- layout

  setFrozenRows(rows: number): void {
    this.#count('setFrozenRows');
    this.#sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.#count('getFrozenRows');
    return this.#sheet.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.#count('setFrozenColumns');
    this.#sheet.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    this.#count('getFrozenColumns');
    return this.#sheet.frozenColumns;
  }
  /** As in Sheets: a column outside the grid is refused, and a width is a whole number of pixels >= 0. */
  #columns(start: number, count: number, width?: number): void {
    if (!(Number.isInteger(start) && start >= 1 && count >= 1 && start + count - 1 <= this.#sheet.maxColumns))
      fail('Those columns are out of bounds.');
    if (width !== undefined && !(Number.isFinite(width) && width >= 0))
      fail(`Invalid argument: width ${String(width)}.`);
  }
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.#count('setColumnWidth');
    this.#columns(columnPosition, 1, width);
    this.#sheet.columnWidths.set(columnPosition, Math.round(width));
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.#count('setColumnWidths');
    this.#columns(startColumn, numColumns, width);
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.#sheet.columnWidths.set(c, Math.round(width));
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.#count('getColumnWidth');
    this.#columns(columnPosition, 1);
    return this.#sheet.columnWidths.get(columnPosition) ?? 100;
  }
  /** Widths depend on fonts the fake does not have: counted, sizes unchanged. */
  autoResizeColumn(_columnPosition: number): FakeSheet {
    this.#count('autoResizeColumn');
    return this;
  }
  autoResizeColumns(_startColumn: number, _numColumns: number): FakeSheet {
    this.#count('autoResizeColumns');
    return this;
  }
  setRowHeight(rowPosition: number, height: number): FakeSheet {
    this.#count('setRowHeight');
    this.#sheet.rowHeights.set(rowPosition, height);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): FakeSheet {
    this.#count('setRowHeights');
    for (let r = startRow; r < startRow + numRows; r++) this.#sheet.rowHeights.set(r, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    this.#count('getRowHeight');
    return this.#sheet.rowHeights.get(rowPosition) ?? 21;
  }
  setTabColor(color: string | null): FakeSheet {
    this.#count('setTabColor');
    this.#sheet.tabColor = normalizeColor(color) ?? null;
    return this;
  }
  getTabColor(): string | null {
    this.#count('getTabColor');
    return this.#sheet.tabColor;
  }
  setHiddenGridlines(hideGridlines: boolean): FakeSheet {
    this.#count('setHiddenGridlines');
    this.#sheet.hiddenGridlines = !!hideGridlines;
    return this;
  }
  hasHiddenGridlines(): boolean {
    this.#count('hasHiddenGridlines');
    return this.#sheet.hiddenGridlines;
  }
  hideSheet(): FakeSheet {
    this.#count('hideSheet');
    const visible = this.#ctx.model.sheets.filter((s) => !s.hidden && s !== this.#sheet);
    if (visible.length === 0) fail("You can't hide all the sheets in a document.");
    this.#sheet.hidden = true;
    return this;
  }
  showSheet(): FakeSheet {
    this.#count('showSheet');
    this.#sheet.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.#count('isSheetHidden');
    return this.#sheet.hidden;
  }

  // -- protection

  /** The sheet's protection; the existing one when the sheet is already protected. */
  protect(): FakeProtection {
    this.#count('protect');
    let data = this.#sheet.protections.find((p) => p.type === 'SHEET');
    if (!data) {
      data = {
        id: this.#ctx.model.nextProtectionId++,
        type: 'SHEET',
        ref: {
          sheet: this.#sheet,
          rect: { row: 1, column: 1, numRows: this.#sheet.maxRows, numColumns: this.#sheet.maxColumns },
        },
        description: '',
        warningOnly: false,
        unprotected: [],
        editors: [],
        domainEdit: true,
      };
      this.#sheet.protections.push(data);
    }
    return new FakeProtection(this.#ctx, data);
  }
  getProtections(type: string): FakeProtection[] {
    this.#count('getProtections');
    return this.#sheet.protections
      .filter((p) => p.type === String(type))
      .map((p) => new FakeProtection(this.#ctx, p));
  }

  // -- charts

  newChart(): FakeEmbeddedChartBuilder {
    this.#count('newChart');
    return new FakeEmbeddedChartBuilder(this.#ctx);
  }
  /** A chart's anchor cell must be on the grid (Sheets refuses it otherwise). */
  #anchored(data: ChartData): void {
    const { row, column } = data.position;
    if (!(row >= 1 && row <= this.#sheet.maxRows && column >= 1 && column <= this.#sheet.maxColumns))
      fail(`The chart's anchor cell (row ${row}, column ${column}) is outside the sheet's grid.`);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.#count('insertChart');
    const data = chartDataOf(chart);
    this.#anchored(data);
    if (!data.id) data.id = String(this.#ctx.model.nextChartId++);
    this.#sheet.charts.push(data);
  }
  /**
   * The sheet's charts by where they sit (anchor row, then column, then offsets), the newest first
   * among charts at the same place: the order tells nothing of which chart was inserted when, so
   * code must tell its own chart by id, as in Sheets, where the order is not documented.
   */
  getCharts(): FakeEmbeddedChart[] {
    this.#count('getCharts');
    const byPlace = (a: ChartData, b: ChartData) =>
      a.position.row - b.position.row ||
      a.position.column - b.position.column ||
      a.position.offsetY - b.position.offsetY ||
      a.position.offsetX - b.position.offsetX ||
      Number(b.id) - Number(a.id);
    return [...this.#sheet.charts].sort(byPlace).map((c) => new FakeEmbeddedChart(this.#ctx, c));
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.#count('removeChart');
    const id = chartDataOf(chart).id;
    this.#sheet.charts = this.#sheet.charts.filter((c) => c.id !== id);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    this.#count('updateChart');
    const data = chartDataOf(chart);
    const at = this.#sheet.charts.findIndex((c) => c.id === data.id);
    if (!data.id || at < 0)
      fail('The chart to update is not on this sheet (insert it with insertChart first).');
    this.#anchored(data);
    this.#sheet.charts[at] = copyChart(data);
  }

  // -- developer metadata (metadata.ts)

  addDeveloperMetadata(key: string, value?: string): FakeSheet {
    this.#count('addDeveloperMetadata');
    addMetadata(this.#sheet, key, value);
    return this;
  }
  /** The sheet's own entries (not those of its rows and columns: the finder finds those). */
  getDeveloperMetadata(): FakeDeveloperMetadata<FakeRange>[] {
    this.#count('getDeveloperMetadata');
    return metadataOf(this.#sheet)
      .filter((data) => data.place.type === 'SHEET')
      .map((data) => new FakeDeveloperMetadata(this.#ctx, this.#sheet, data, this.#line));
  }
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder<FakeRange> {
    this.#count('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.#ctx, this.#sheet, this.#line);
  }
  /** The whole row or column a metadata entry hangs on. */
  readonly #line = (place: MetadataPlace): FakeRange =>
    place.type === 'COLUMN'
      ? this.#range({ row: 1, column: place.index, numRows: this.#sheet.maxRows, numColumns: 1 })
      : place.type === 'ROW'
        ? this.#range({ row: place.index, column: 1, numRows: 1, numColumns: this.#sheet.maxColumns })
        : this.#range({
            row: 1,
            column: 1,
            numRows: this.#sheet.maxRows,
            numColumns: this.#sheet.maxColumns,
          });

  // -- conditional formatting

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.#count('setConditionalFormatRules');
    const data = rules.map((r) => ruleDataOf(r));
    for (const rule of data) {
      if (rule.ranges.some((ref) => ref.sheet !== this.#sheet)) {
        fail('A conditional format rule cannot refer to a different sheet.');
      }
    }
    this.#sheet.conditionalRules = data.map((d) => ({
      ...d,
      ranges: d.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    }));
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.#count('getConditionalFormatRules');
    return this.#sheet.conditionalRules.map((r) => new FakeConditionalFormatRule(this.#ctx, r));
  }
  clearConditionalFormatRules(): void {
    this.#count('clearConditionalFormatRules');
    this.#sheet.conditionalRules = [];
  }

  // -- clearing

  #all(): Rect {
    return { row: 1, column: 1, numRows: this.#sheet.maxRows, numColumns: this.#sheet.maxColumns };
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeSheet {
    this.#count('clear');
    clearCells(this.#sheet, this.#all(), options);
    this.#ctx.model.touch();
    return this;
  }
  clearContents(): FakeSheet {
    this.#count('clearContents');
    clearCells(this.#sheet, this.#all(), { contentsOnly: true });
    this.#ctx.model.touch();
    return this;
  }
  clearFormats(): FakeSheet {
    this.#count('clearFormats');
    clearCells(this.#sheet, this.#all(), { formatOnly: true });
    this.#ctx.model.touch();
    return this;
  }
  clearNotes(): FakeSheet {
    this.#count('clearNotes');
    clearCells(this.#sheet, this.#all(), { notesOnly: true });
    return this;
  }
}

export function renameSheet(ctx: FakeContext, sheet: SheetModel, name: string): void {
  const text = String(name);
  if (!text.trim()) fail('Sheet names cannot be empty.');
  const clash = ctx.model.sheets.find((s) => s !== sheet && s.name.toLowerCase() === text.toLowerCase());
  if (clash) fail(`A sheet with the name "${text}" already exists. Please enter another name.`);
  sheet.name = text;
  ctx.model.touch();
}
