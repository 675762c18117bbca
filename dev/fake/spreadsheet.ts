/**
 * Spreadsheet, Sheet, Range, NamedRange and Protection: counted views over the workbook model.
 * Every public method counts itself as `Class.method` first (which also enforces the auth mode),
 * then works on the model directly, so the fake's own work is never counted.
 */
import { cellA1, parseRangeA1, type Rect, rectA1, splitSheetName } from './a1';
import { FakeConditionalFormatRule, FakeDataValidation, ruleDataOf, validationDataOf } from './builders';
import {
  type BorderData,
  type Cell,
  type CellValue,
  DEFAULTS,
  displayValue,
  FORMAT_KEYS,
  hasContent,
  interpretInput,
  normalizeColor,
} from './cells';
import { chartDataOf, copyChart, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import type { FakeContext } from './context';
import type { ProtectionData, RangeRef, SheetModel } from './model';

// ---------------------------------------------------------------- helpers shared by the views

const rangeRefs = new WeakMap<object, RangeRef>();

/** The sheet and rectangle behind a Range made by this fake. */
export function refOf(range: unknown): RangeRef {
  const ref = typeof range === 'object' && range !== null ? rangeRefs.get(range) : undefined;
  if (!ref) throw new Error('Expected a Range of this spreadsheet (from getRange).');
  return ref;
}

function fail(message: string): never {
  throw new Error(message);
}

/** Checks getRange's coordinates with Apps Script's messages. */
function checkedRect(sheet: SheetModel, row: number, column: number, numRows = 1, numColumns = 1): Rect {
  for (const [name, v] of [
    ['row', row],
    ['column', column],
    ['numRows', numRows],
    ['numColumns', numColumns],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(
        `The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.Sheet.getRange (${name}).`,
      );
    }
  }
  if (row < 1) fail('The starting row of the range is too small.');
  if (column < 1) fail('The starting column of the range is too small.');
  if (numRows < 1) fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) fail('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return {
    row: Math.floor(row),
    column: Math.floor(column),
    numRows: Math.floor(numRows),
    numColumns: Math.floor(numColumns),
  };
}

function rectFromA1(sheet: SheetModel, a1: string): Rect {
  const rect = parseRangeA1(a1, sheet.maxRows, sheet.maxColumns);
  if (!rect) fail('Range not found');
  return checkedRect(sheet, rect.row, rect.column, rect.numRows, rect.numColumns);
}

/** A Range from `'Sheet name'!A1:B2` (or `A1` on the active sheet). */
export function rangeFromA1(ctx: FakeContext, a1: string): FakeRange {
  const { sheetName, ref } = splitSheetName(a1);
  const sheet = sheetName === undefined ? activeSheet(ctx) : ctx.model.sheetByName(sheetName);
  if (!sheet) fail('Range not found');
  return new FakeRange(ctx, sheet, rectFromA1(sheet, ref));
}

function activeSheet(ctx: FakeContext): SheetModel {
  const model = ctx.model;
  if (!model.activeSheet || !model.sheets.includes(model.activeSheet)) model.activeSheet = model.sheets[0];
  return model.activeSheet!;
}

/** Apps Script's checks on a 2-D array written to a range. */
function checkShape(method: string, values: unknown, numRows: number, numColumns: number): unknown[][] {
  if (!Array.isArray(values) || !values.every(Array.isArray)) {
    const kind = Array.isArray(values) ? 'Object[]' : typeof values;
    fail(`The parameters (${kind}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (values.length !== numRows) {
    fail(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
    );
  }
  for (const row of values as unknown[][]) {
    if (row.length !== numColumns) {
      fail(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return values as unknown[][];
}

type FormatKey = (typeof FORMAT_KEYS)[number] | 'note' | 'validation';

// ---------------------------------------------------------------- Range

export class FakeRange {
  readonly #ctx: FakeContext;
  readonly #sheet: SheetModel;
  readonly #rect: Rect;

  constructor(ctx: FakeContext, sheet: SheetModel, rect: Rect) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#rect = rect;
    rangeRefs.set(this, { sheet, rect });
  }

  #count(method: string): void {
    this.#ctx.calls.count(`Range.${method}`);
  }

  /** Maps every cell of the range, row by row. */
  #map<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.#rect;
    const out: T[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const cells = this.#sheet.grid[r - 1];
      const line: T[] = [];
      for (let c = column; c < column + numColumns; c++) line.push(fn(cells?.[c - 1], r, c));
      out.push(line);
    }
    return out;
  }

  /** Applies one input per cell (a 2-D array checked against the range's size). */
  #writeEach(
    values: unknown[][],
    apply: (cell: Cell, input: unknown, row: number, column: number) => void,
  ): void {
    const { row, column } = this.#rect;
    values.forEach((cells, i) => {
      cells.forEach((input, j) => {
        apply(this.#sheet.cellForWrite(row + i, column + j), input, row + i, column + j);
        this.#sheet.tidy(row + i, column + j);
      });
    });
    this.#ctx.model.touch();
  }

  /** The same input for every cell. */
  #fill(input: unknown): unknown[][] {
    return Array.from({ length: this.#rect.numRows }, () =>
      Array<unknown>(this.#rect.numColumns).fill(input),
    );
  }

  #setValueIn(cell: Cell, input: unknown, row: number, column: number): void {
    const result = interpretInput(input, cell.numberFormat, this.#ctx.model.timeZone, cellA1(row, column));
    delete cell.value;
    delete cell.formula;
    if (result.value !== undefined) cell.value = result.value;
    if (result.formula !== undefined) cell.formula = result.formula;
    if (result.numberFormat !== undefined && cell.numberFormat === undefined)
      cell.numberFormat = result.numberFormat;
  }

  #setFormulaIn(cell: Cell, input: unknown, row: number, column: number): void {
    if (typeof input === 'string' && input.startsWith('=')) {
      delete cell.value;
      cell.formula = input;
    } else {
      this.#setValueIn(cell, input, row, column);
    }
  }

  /** Sets one cell property from a same-sized 2-D array (null resets it to Sheets' default). */
  #setProp(key: FormatKey, values: unknown[][], normalize: (v: unknown) => unknown): FakeRange {
    this.#writeEach(values, (cell, input) => {
      const v = input === null || input === undefined ? undefined : normalize(input);
      // A value equal to Sheets' default is the same as none (keeps snapshots comparable).
      if (v === undefined || v === (DEFAULTS as Record<string, unknown>)[key]) delete cell[key];
      else (cell as Record<string, unknown>)[key] = v;
    });
    return this;
  }

  #one(
    method: string,
    key: FormatKey,
    input: unknown,
    normalize: (v: unknown) => unknown = (v) => v,
  ): FakeRange {
    this.#count(method);
    return this.#setProp(key, this.#fill(input), normalize);
  }

  #many(
    method: string,
    key: FormatKey,
    values: unknown,
    normalize: (v: unknown) => unknown = (v) => v,
  ): FakeRange {
    this.#count(method);
    const checked = checkShape(method, values, this.#rect.numRows, this.#rect.numColumns);
    return this.#setProp(key, checked, normalize);
  }

  #get<K extends keyof Cell>(key: K, fallback: NonNullable<Cell[K]>): NonNullable<Cell[K]>[][] {
    return this.#map((cell) => (cell?.[key] ?? fallback) as NonNullable<Cell[K]>);
  }

  #value(row: number, column: number): CellValue {
    const model = this.#ctx.model;
    const value = model.evaluator
      ? this.#ctx.calls.uncounted(() => model.valueAt(this.#sheet, row, column))
      : model.valueAt(this.#sheet, row, column);
    return value instanceof Date ? new Date(value.getTime()) : value;
  }

  // -- position

  getA1Notation(): string {
    this.#count('getA1Notation');
    return rectA1(this.#rect);
  }
  getRow(): number {
    this.#count('getRow');
    return this.#rect.row;
  }
  getRowIndex(): number {
    this.#count('getRowIndex');
    return this.#rect.row;
  }
  getColumn(): number {
    this.#count('getColumn');
    return this.#rect.column;
  }
  getNumRows(): number {
    this.#count('getNumRows');
    return this.#rect.numRows;
  }
  getNumColumns(): number {
    this.#count('getNumColumns');
    return this.#rect.numColumns;
  }
  getHeight(): number {
    this.#count('getHeight');
    return this.#rect.numRows;
  }
  getWidth(): number {
    this.#count('getWidth');
    return this.#rect.numColumns;
  }
  getLastRow(): number {
    this.#count('getLastRow');
    return this.#rect.row + this.#rect.numRows - 1;
  }
  getLastColumn(): number {
    this.#count('getLastColumn');
    return this.#rect.column + this.#rect.numColumns - 1;
  }
  getGridId(): number {
    this.#count('getGridId');
    return this.#sheet.id;
  }
  getSheet(): FakeSheet {
    this.#count('getSheet');
    return new FakeSheet(this.#ctx, this.#sheet);
  }
  getCell(row: number, column: number): FakeRange {
    this.#count('getCell');
    if (row < 1 || column < 1 || row > this.#rect.numRows || column > this.#rect.numColumns) {
      fail('Cell reference out of range');
    }
    return new FakeRange(this.#ctx, this.#sheet, {
      row: this.#rect.row + row - 1,
      column: this.#rect.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.#count('offset');
    const rect = checkedRect(
      this.#sheet,
      this.#rect.row + rowOffset,
      this.#rect.column + columnOffset,
      numRows ?? this.#rect.numRows,
      numColumns ?? this.#rect.numColumns,
    );
    return new FakeRange(this.#ctx, this.#sheet, rect);
  }
  activate(): FakeRange {
    this.#count('activate');
    this.#ctx.model.activeSheet = this.#sheet;
    this.#ctx.model.activeRange = { sheet: this.#sheet, rect: { ...this.#rect } };
    return this;
  }
  isBlank(): boolean {
    this.#count('isBlank');
    return this.#map((cell) => hasContent(cell)).every((r) => r.every((has) => !has));
  }

  // -- values and formulas

  getValue(): CellValue {
    this.#count('getValue');
    return this.#value(this.#rect.row, this.#rect.column);
  }
  getValues(): CellValue[][] {
    this.#count('getValues');
    return this.#map((_c, row, column) => this.#value(row, column));
  }
  getDisplayValue(): string {
    this.#count('getDisplayValue');
    return this.#display(this.#rect.row, this.#rect.column);
  }
  getDisplayValues(): string[][] {
    this.#count('getDisplayValues');
    return this.#map((_c, row, column) => this.#display(row, column));
  }
  #display(row: number, column: number): string {
    const cell = this.#sheet.cell(row, column);
    return displayValue(this.#value(row, column), cell?.numberFormat, this.#ctx.model.timeZone);
  }
  setValue(value: unknown): FakeRange {
    this.#count('setValue');
    this.#writeEach(this.#fill(value), (cell, input, row, column) =>
      this.#setValueIn(cell, input, row, column),
    );
    return this;
  }
  setValues(values: unknown[][]): FakeRange {
    this.#count('setValues');
    const checked = checkShape('setValues', values, this.#rect.numRows, this.#rect.numColumns);
    this.#writeEach(checked, (cell, input, row, column) => this.#setValueIn(cell, input, row, column));
    return this;
  }
  getFormula(): string {
    this.#count('getFormula');
    return this.#sheet.cell(this.#rect.row, this.#rect.column)?.formula ?? '';
  }
  getFormulas(): string[][] {
    this.#count('getFormulas');
    return this.#get('formula', '');
  }
  setFormula(formula: string): FakeRange {
    this.#count('setFormula');
    this.#writeEach(this.#fill(formula), (cell, input, row, column) =>
      this.#setFormulaIn(cell, input, row, column),
    );
    return this;
  }
  setFormulas(formulas: string[][]): FakeRange {
    this.#count('setFormulas');
    const checked = checkShape('setFormulas', formulas, this.#rect.numRows, this.#rect.numColumns);
    this.#writeEach(checked, (cell, input, row, column) => this.#setFormulaIn(cell, input, row, column));
    return this;
  }

  // -- formats

  getNumberFormat(): string {
    this.#count('getNumberFormat');
    return this.#get('numberFormat', DEFAULTS.numberFormat)[0]![0]!;
  }
  getNumberFormats(): string[][] {
    this.#count('getNumberFormats');
    return this.#get('numberFormat', DEFAULTS.numberFormat);
  }
  setNumberFormat(numberFormat: string): FakeRange {
    return this.#one('setNumberFormat', 'numberFormat', numberFormat, String);
  }
  setNumberFormats(numberFormats: string[][]): FakeRange {
    return this.#many('setNumberFormats', 'numberFormat', numberFormats, String);
  }
  getFontWeight(): string {
    this.#count('getFontWeight');
    return this.#get('fontWeight', DEFAULTS.fontWeight)[0]![0]!;
  }
  getFontWeights(): string[][] {
    this.#count('getFontWeights');
    return this.#get('fontWeight', DEFAULTS.fontWeight);
  }
  setFontWeight(fontWeight: string | null): FakeRange {
    return this.#one('setFontWeight', 'fontWeight', fontWeight, String);
  }
  setFontWeights(fontWeights: (string | null)[][]): FakeRange {
    return this.#many('setFontWeights', 'fontWeight', fontWeights, String);
  }
  getFontColor(): string {
    this.#count('getFontColor');
    return this.#get('fontColor', DEFAULTS.fontColor)[0]![0]!;
  }
  getFontColors(): string[][] {
    this.#count('getFontColors');
    return this.#get('fontColor', DEFAULTS.fontColor);
  }
  setFontColor(color: string | null): FakeRange {
    return this.#one('setFontColor', 'fontColor', color, (v) => normalizeColor(v as string));
  }
  setFontColors(colors: (string | null)[][]): FakeRange {
    return this.#many('setFontColors', 'fontColor', colors, (v) => normalizeColor(v as string));
  }
  getFontSize(): number {
    this.#count('getFontSize');
    return this.#get('fontSize', DEFAULTS.fontSize)[0]![0]!;
  }
  getFontSizes(): number[][] {
    this.#count('getFontSizes');
    return this.#get('fontSize', DEFAULTS.fontSize);
  }
  setFontSize(size: number): FakeRange {
    return this.#one('setFontSize', 'fontSize', size, Number);
  }
  setFontSizes(sizes: number[][]): FakeRange {
    return this.#many('setFontSizes', 'fontSize', sizes, Number);
  }
  getFontStyle(): string {
    this.#count('getFontStyle');
    return this.#get('fontStyle', DEFAULTS.fontStyle)[0]![0]!;
  }
  getFontStyles(): string[][] {
    this.#count('getFontStyles');
    return this.#get('fontStyle', DEFAULTS.fontStyle);
  }
  setFontStyle(fontStyle: string | null): FakeRange {
    return this.#one('setFontStyle', 'fontStyle', fontStyle, String);
  }
  setFontStyles(fontStyles: (string | null)[][]): FakeRange {
    return this.#many('setFontStyles', 'fontStyle', fontStyles, String);
  }
  getFontFamily(): string {
    this.#count('getFontFamily');
    return this.#get('fontFamily', DEFAULTS.fontFamily)[0]![0]!;
  }
  setFontFamily(fontFamily: string | null): FakeRange {
    return this.#one('setFontFamily', 'fontFamily', fontFamily, String);
  }
  getFontLine(): string {
    this.#count('getFontLine');
    return this.#get('fontLine', DEFAULTS.fontLine)[0]![0]!;
  }
  setFontLine(fontLine: string | null): FakeRange {
    return this.#one('setFontLine', 'fontLine', fontLine, String);
  }
  getBackground(): string {
    this.#count('getBackground');
    return this.#get('background', DEFAULTS.background)[0]![0]!;
  }
  getBackgrounds(): string[][] {
    this.#count('getBackgrounds');
    return this.#get('background', DEFAULTS.background);
  }
  setBackground(color: string | null): FakeRange {
    return this.#one('setBackground', 'background', color, (v) => normalizeColor(v as string));
  }
  setBackgrounds(color: (string | null)[][]): FakeRange {
    return this.#many('setBackgrounds', 'background', color, (v) => normalizeColor(v as string));
  }
  getHorizontalAlignment(): string {
    this.#count('getHorizontalAlignment');
    return this.#get('horizontalAlignment', DEFAULTS.horizontalAlignment)[0]![0]!;
  }
  getHorizontalAlignments(): string[][] {
    this.#count('getHorizontalAlignments');
    return this.#get('horizontalAlignment', DEFAULTS.horizontalAlignment);
  }
  setHorizontalAlignment(alignment: string | null): FakeRange {
    return this.#one('setHorizontalAlignment', 'horizontalAlignment', alignment, (v) =>
      String(v).toLowerCase(),
    );
  }
  setHorizontalAlignments(alignments: (string | null)[][]): FakeRange {
    return this.#many('setHorizontalAlignments', 'horizontalAlignment', alignments, (v) =>
      String(v).toLowerCase(),
    );
  }
  getVerticalAlignment(): string {
    this.#count('getVerticalAlignment');
    return this.#get('verticalAlignment', DEFAULTS.verticalAlignment)[0]![0]!;
  }
  setVerticalAlignment(alignment: string | null): FakeRange {
    return this.#one('setVerticalAlignment', 'verticalAlignment', alignment, (v) => String(v).toLowerCase());
  }
  getWrap(): boolean {
    this.#count('getWrap');
    return this.#get('wrap', DEFAULTS.wrap)[0]![0]!;
  }
  getWraps(): boolean[][] {
    this.#count('getWraps');
    return this.#get('wrap', DEFAULTS.wrap);
  }
  setWrap(isWrapEnabled: boolean): FakeRange {
    // Sheets keeps the two in step: wrapping on is the WRAP strategy.
    this.#count('setWrap');
    this.#setProp('wrapStrategy', this.#fill(isWrapEnabled ? 'WRAP' : 'OVERFLOW'), String);
    return this.#setProp('wrap', this.#fill(!!isWrapEnabled), Boolean);
  }
  setWraps(isWrapEnabled: boolean[][]): FakeRange {
    return this.#many('setWraps', 'wrap', isWrapEnabled, Boolean);
  }
  getWrapStrategy(): string {
    this.#count('getWrapStrategy');
    return this.#get('wrapStrategy', DEFAULTS.wrapStrategy)[0]![0]!;
  }
  setWrapStrategy(strategy: string): FakeRange {
    this.#one('setWrapStrategy', 'wrapStrategy', strategy, String);
    return this.#setProp('wrap', this.#fill(String(strategy) === 'WRAP'), Boolean);
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): FakeRange {
    const border: BorderData = {
      top,
      left,
      bottom,
      right,
      vertical,
      horizontal,
      color: normalizeColor(color ?? null) ?? null,
      style: style === undefined || style === null ? null : String(style),
    };
    return this.#one('setBorder', 'border', border, (v) => ({ ...(v as BorderData) }));
  }

  // -- notes and validation

  getNote(): string {
    this.#count('getNote');
    return this.#get('note', DEFAULTS.note)[0]![0]!;
  }
  getNotes(): string[][] {
    this.#count('getNotes');
    return this.#get('note', DEFAULTS.note);
  }
  setNote(note: string | null): FakeRange {
    return this.#one('setNote', 'note', note, (v) => (v === '' ? undefined : String(v)));
  }
  setNotes(notes: (string | null)[][]): FakeRange {
    return this.#many('setNotes', 'note', notes, (v) => (v === '' ? undefined : String(v)));
  }
  clearNote(): FakeRange {
    return this.#one('clearNote', 'note', null);
  }
  getDataValidation(): FakeDataValidation | null {
    this.#count('getDataValidation');
    const data = this.#sheet.cell(this.#rect.row, this.#rect.column)?.validation;
    return data ? new FakeDataValidation(this.#ctx, data) : null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    this.#count('getDataValidations');
    return this.#map((cell) =>
      cell?.validation ? new FakeDataValidation(this.#ctx, cell.validation) : null,
    );
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    return this.#one('setDataValidation', 'validation', rule, validationDataOf);
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): FakeRange {
    return this.#many('setDataValidations', 'validation', rules, validationDataOf);
  }
  clearDataValidations(): FakeRange {
    return this.#one('clearDataValidations', 'validation', null);
  }

  // -- merges, protection, clearing

  merge(): FakeRange {
    this.#count('merge');
    this.#sheet.merges.push({ ...this.#rect });
    this.#ctx.model.touch();
    return this;
  }
  mergeAcross(): FakeRange {
    this.#count('mergeAcross');
    for (let i = 0; i < this.#rect.numRows; i++) {
      this.#sheet.merges.push({
        row: this.#rect.row + i,
        column: this.#rect.column,
        numRows: 1,
        numColumns: this.#rect.numColumns,
      });
    }
    return this;
  }
  breakApart(): FakeRange {
    this.#count('breakApart');
    this.#sheet.merges = this.#sheet.merges.filter((m) => !overlaps(m, this.#rect));
    return this;
  }
  isPartOfMerge(): boolean {
    this.#count('isPartOfMerge');
    return this.#sheet.merges.some((m) => overlaps(m, this.#rect));
  }
  getMergedRanges(): FakeRange[] {
    this.#count('getMergedRanges');
    return this.#sheet.merges
      .filter((m) => overlaps(m, this.#rect))
      .map((m) => new FakeRange(this.#ctx, this.#sheet, { ...m }));
  }
  protect(): FakeProtection {
    this.#count('protect');
    const data: ProtectionData = {
      id: this.#ctx.model.nextProtectionId++,
      type: 'RANGE',
      ref: { sheet: this.#sheet, rect: { ...this.#rect } },
      description: '',
      warningOnly: false,
      unprotected: [],
      editors: [],
      domainEdit: true,
    };
    this.#sheet.protections.push(data);
    return new FakeProtection(this.#ctx, data);
  }
  clearContent(): FakeRange {
    this.#count('clearContent');
    this.#writeEach(this.#fill(null), (cell) => {
      delete cell.value;
      delete cell.formula;
    });
    return this;
  }
  clearFormat(): FakeRange {
    this.#count('clearFormat');
    this.#writeEach(this.#fill(null), (cell) => {
      for (const key of FORMAT_KEYS) delete cell[key];
    });
    return this;
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): FakeRange {
    this.#count('clear');
    clearCells(this.#sheet, this.#rect, options);
    this.#ctx.model.touch();
    return this;
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/** Range.clear / Sheet.clear: contents and formats unless the options narrow it (as in Apps Script). */
function clearCells(
  sheet: SheetModel,
  rect: Rect,
  options: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  } = {},
): void {
  const narrowed =
    options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      const cell = sheet.cell(r, c);
      if (!cell) continue;
      if (!narrowed || options.contentsOnly) {
        delete cell.value;
        delete cell.formula;
      }
      if (!narrowed || options.formatOnly) for (const key of FORMAT_KEYS) delete cell[key];
      if (options.validationsOnly) delete cell.validation;
      if (options.commentsOnly) delete cell.note;
      sheet.tidy(r, c);
    }
  }
}

// ---------------------------------------------------------------- Protection and NamedRange

export class FakeProtection {
  readonly #ctx: FakeContext;
  readonly #data: ProtectionData;

  constructor(ctx: FakeContext, data: ProtectionData) {
    this.#ctx = ctx;
    this.#data = data;
  }
  #count(method: string): void {
    this.#ctx.calls.count(`Protection.${method}`);
  }
  getDescription(): string {
    this.#count('getDescription');
    return this.#data.description;
  }
  setDescription(description: string): FakeProtection {
    this.#count('setDescription');
    this.#data.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    this.#count('isWarningOnly');
    return this.#data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.#count('setWarningOnly');
    this.#data.warningOnly = !!warningOnly;
    return this;
  }
  getProtectionType(): string {
    this.#count('getProtectionType');
    return this.#data.type;
  }
  getRange(): FakeRange {
    this.#count('getRange');
    return new FakeRange(this.#ctx, this.#data.ref.sheet, { ...this.#data.ref.rect });
  }
  setRange(range: FakeRange): FakeProtection {
    this.#count('setRange');
    const ref = refOf(range);
    this.#data.ref = { sheet: ref.sheet, rect: { ...ref.rect } };
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    this.#count('getUnprotectedRanges');
    return this.#data.unprotected.map((r) => new FakeRange(this.#ctx, r.sheet, { ...r.rect }));
  }
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.#count('setUnprotectedRanges');
    this.#data.unprotected = ranges.map((r) => {
      const ref = refOf(r);
      return { sheet: ref.sheet, rect: { ...ref.rect } };
    });
    return this;
  }
  canEdit(): boolean {
    this.#count('canEdit');
    return true;
  }
  canDomainEdit(): boolean {
    this.#count('canDomainEdit');
    return this.#data.domainEdit;
  }
  setDomainEdit(editable: boolean): FakeProtection {
    this.#count('setDomainEdit');
    this.#data.domainEdit = !!editable;
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    this.#count('getEditors');
    return this.#data.editors.map((email) => ({ getEmail: () => email }));
  }
  addEditor(emailAddress: string): FakeProtection {
    this.#count('addEditor');
    if (!this.#data.editors.includes(emailAddress)) this.#data.editors.push(emailAddress);
    return this;
  }
  addEditors(emailAddresses: string[]): FakeProtection {
    this.#count('addEditors');
    for (const e of emailAddresses) if (!this.#data.editors.includes(e)) this.#data.editors.push(e);
    return this;
  }
  removeEditor(emailAddress: string): FakeProtection {
    this.#count('removeEditor');
    this.#data.editors = this.#data.editors.filter((e) => e !== emailAddress);
    return this;
  }
  removeEditors(emailAddresses: string[]): FakeProtection {
    this.#count('removeEditors');
    this.#data.editors = this.#data.editors.filter((e) => !emailAddresses.includes(e));
    return this;
  }
  remove(): void {
    this.#count('remove');
    const list = this.#data.ref.sheet.protections;
    const at = list.indexOf(this.#data);
    if (at >= 0) list.splice(at, 1);
  }
}

const NAMED_RANGE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function checkNamedRangeName(name: string): void {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name);
  if (!NAMED_RANGE_NAME.test(name) || looksLikeCell || /^(true|false)$/i.test(name) || name.length > 250) {
    fail(
      `The named range name "${name}" is invalid: use letters, digits and underscores, start with a letter, and do not use a cell reference like A1.`,
    );
  }
}

export class FakeNamedRange {
  readonly #ctx: FakeContext;
  readonly #name: { current: string };

  constructor(ctx: FakeContext, name: string) {
    this.#ctx = ctx;
    this.#name = { current: name };
  }
  #data(method: string) {
    this.#ctx.calls.count(`NamedRange.${method}`);
    const data = this.#ctx.model.namedRanges.find((n) => n.name === this.#name.current);
    if (!data) fail(`The named range "${this.#name.current}" no longer exists.`);
    return data;
  }
  getName(): string {
    return this.#data('getName').name;
  }
  setName(name: string): FakeNamedRange {
    const data = this.#data('setName');
    checkNamedRangeName(name);
    data.name = name;
    this.#name.current = name;
    return this;
  }
  getRange(): FakeRange {
    const { ref } = this.#data('getRange');
    return new FakeRange(this.#ctx, ref.sheet, { ...ref.rect });
  }
  setRange(range: FakeRange): FakeNamedRange {
    const data = this.#data('setRange');
    const ref = refOf(range);
    data.ref = { sheet: ref.sheet, rect: { ...ref.rect } };
    return this;
  }
  remove(): void {
    const data = this.#data('remove');
    this.#ctx.model.namedRanges = this.#ctx.model.namedRanges.filter((n) => n !== data);
  }
}

// ---------------------------------------------------------------- Sheet

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
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.#count('setColumnWidth');
    this.#sheet.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.#count('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.#sheet.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.#count('getColumnWidth');
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
  insertChart(chart: FakeEmbeddedChart): void {
    this.#count('insertChart');
    const data = chartDataOf(chart);
    if (!data.id) data.id = String(this.#ctx.model.nextChartId++);
    this.#sheet.charts.push(data);
  }
  getCharts(): FakeEmbeddedChart[] {
    this.#count('getCharts');
    return this.#sheet.charts.map((c) => new FakeEmbeddedChart(this.#ctx, c));
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
    this.#sheet.charts[at] = copyChart(data);
  }

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
    clearCells(this.#sheet, this.#all(), { commentsOnly: true });
    return this;
  }
}

function renameSheet(ctx: FakeContext, sheet: SheetModel, name: string): void {
  const text = String(name);
  if (!text.trim()) fail('Sheet names cannot be empty.');
  const clash = ctx.model.sheets.find((s) => s !== sheet && s.name.toLowerCase() === text.toLowerCase());
  if (clash) fail(`A sheet with the name "${text}" already exists. Please enter another name.`);
  sheet.name = text;
  ctx.model.touch();
}

// ---------------------------------------------------------------- Spreadsheet

const spreadsheetContexts = new WeakMap<object, FakeContext>();

/** The context behind a Spreadsheet made by this fake (snapshot reads the model through it). */
export function contextOf(spreadsheet: unknown): FakeContext {
  const ctx =
    typeof spreadsheet === 'object' && spreadsheet !== null
      ? spreadsheetContexts.get(spreadsheet)
      : undefined;
  if (!ctx) throw new Error('Expected a Spreadsheet made by createFakeServices().');
  return ctx;
}

export class FakeSpreadsheet {
  readonly #ctx: FakeContext;

  constructor(ctx: FakeContext) {
    this.#ctx = ctx;
    spreadsheetContexts.set(this, ctx);
  }
  #count(method: string): void {
    this.#ctx.calls.count(`Spreadsheet.${method}`);
  }
  #sheet(sheet: SheetModel): FakeSheet {
    return new FakeSheet(this.#ctx, sheet);
  }

  getId(): string {
    this.#count('getId');
    return this.#ctx.model.id;
  }
  getUrl(): string {
    this.#count('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.#ctx.model.id}/edit`;
  }
  getName(): string {
    this.#count('getName');
    return this.#ctx.model.name;
  }
  rename(newName: string): void {
    this.#count('rename');
    this.#ctx.model.name = String(newName);
  }
  getSpreadsheetTimeZone(): string {
    this.#count('getSpreadsheetTimeZone');
    return this.#ctx.model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.#count('setSpreadsheetTimeZone');
    this.#ctx.model.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    this.#count('getSpreadsheetLocale');
    return 'en_US';
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.#count('toast');
    this.#ctx.ui.toasts.push({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  // -- sheets

  getSheets(): FakeSheet[] {
    this.#count('getSheets');
    return this.#ctx.model.sheets.map((s) => this.#sheet(s));
  }
  getNumSheets(): number {
    this.#count('getNumSheets');
    return this.#ctx.model.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    this.#count('getSheetByName');
    // Sheets matches tab names without regard to case.
    const sheet = this.#ctx.model.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
    return sheet ? this.#sheet(sheet) : null;
  }
  getSheetById(id: number): FakeSheet | null {
    this.#count('getSheetById');
    const sheet = this.#ctx.model.sheets.find((s) => s.id === id);
    return sheet ? this.#sheet(sheet) : null;
  }
  /** insertSheet(), insertSheet(index), insertSheet(name) or insertSheet(name, index); the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    this.#count('insertSheet');
    const model = this.#ctx.model;
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name === undefined) {
      let n = model.sheets.length + 1;
      while (model.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (model.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) {
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (at !== undefined && (at < 0 || at > model.sheets.length)) fail(`Sheet index ${at} is out of range.`);
    const sheet = model.addSheet(name, at ?? model.sheets.length);
    model.activeSheet = sheet;
    model.activeRange = undefined;
    return this.#sheet(sheet);
  }
  deleteSheet(sheet: FakeSheet): void {
    this.#count('deleteSheet');
    const model = this.#ctx.model;
    const target = model.sheets.find((s) => s.id === this.#ctx.calls.uncounted(() => sheet.getSheetId()));
    if (!target) fail('The sheet to delete is not in this spreadsheet.');
    if (model.sheets.length === 1) fail("You can't remove all the sheets in a document.");
    model.sheets = model.sheets.filter((s) => s !== target);
    model.namedRanges = model.namedRanges.filter((n) => n.ref.sheet !== target);
    if (model.activeSheet === target) model.activeSheet = model.sheets[0];
    model.touch();
  }
  getActiveSheet(): FakeSheet {
    this.#count('getActiveSheet');
    return this.#sheet(activeSheet(this.#ctx));
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.#count('setActiveSheet');
    const id = this.#ctx.calls.uncounted(() => sheet.getSheetId());
    const target = this.#ctx.model.sheets.find((s) => s.id === id);
    if (!target) fail('The sheet is not in this spreadsheet.');
    this.#ctx.model.activeSheet = target;
    this.#ctx.model.activeRange = undefined;
    return this.#sheet(target);
  }
  getActiveRange(): FakeRange {
    this.#count('getActiveRange');
    return activeRange(this.#ctx);
  }
  getActiveCell(): FakeRange {
    this.#count('getActiveCell');
    const { sheet, rect } = refOf(activeRange(this.#ctx));
    return new FakeRange(this.#ctx, sheet, { row: rect.row, column: rect.column, numRows: 1, numColumns: 1 });
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.#count('setActiveRange');
    const ref = refOf(range);
    this.#ctx.model.activeSheet = ref.sheet;
    this.#ctx.model.activeRange = { sheet: ref.sheet, rect: { ...ref.rect } };
    return range;
  }
  setActiveSelection(a1: string): FakeRange {
    this.#count('setActiveSelection');
    const range = rangeFromA1(this.#ctx, a1);
    const ref = refOf(range);
    this.#ctx.model.activeSheet = ref.sheet;
    this.#ctx.model.activeRange = { sheet: ref.sheet, rect: { ...ref.rect } };
    return range;
  }

  /** getRange('Sheet name!A1:B2'), or A1 notation on the active sheet. */
  getRange(a1Notation: string): FakeRange {
    this.#count('getRange');
    return rangeFromA1(this.#ctx, a1Notation);
  }

  // -- named ranges

  getRangeByName(name: string): FakeRange | null {
    this.#count('getRangeByName');
    const found = this.#ctx.model.namedRanges.find((n) => n.name === name);
    return found ? new FakeRange(this.#ctx, found.ref.sheet, { ...found.ref.rect }) : null;
  }
  /** Names a range; an existing name is moved to the new range. */
  setNamedRange(name: string, range: FakeRange): void {
    this.#count('setNamedRange');
    checkNamedRangeName(name);
    const ref = refOf(range);
    const copy = { sheet: ref.sheet, rect: { ...ref.rect } };
    const existing = this.#ctx.model.namedRanges.find((n) => n.name === name);
    if (existing) existing.ref = copy;
    else this.#ctx.model.namedRanges.push({ name, ref: copy });
    this.#ctx.model.touch();
  }
  getNamedRanges(): FakeNamedRange[] {
    this.#count('getNamedRanges');
    return this.#ctx.model.namedRanges.map((n) => new FakeNamedRange(this.#ctx, n.name));
  }
  removeNamedRange(name: string): void {
    this.#count('removeNamedRange');
    const before = this.#ctx.model.namedRanges.length;
    this.#ctx.model.namedRanges = this.#ctx.model.namedRanges.filter((n) => n.name !== name);
    if (this.#ctx.model.namedRanges.length === before) fail(`No named range called "${name}" exists.`);
    this.#ctx.model.touch();
  }
  getProtections(type: string): FakeProtection[] {
    this.#count('getProtections');
    return this.#ctx.model.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === String(type)).map((p) => new FakeProtection(this.#ctx, p)),
    );
  }
}

export function activeRange(ctx: FakeContext): FakeRange {
  const sheet = activeSheet(ctx);
  const ref = ctx.model.activeRange;
  if (ref && ref.sheet === sheet && ctx.model.sheets.includes(ref.sheet))
    return new FakeRange(ctx, ref.sheet, { ...ref.rect });
  return new FakeRange(ctx, sheet, { row: 1, column: 1, numRows: 1, numColumns: 1 });
}
