/** Range: values, formulas and formats of a rectangle of cells, counted as `Range.method`. */
import { cellA1, type Rect, rectA1 } from './a1';
import { FakeDataValidation, validationDataOf } from './builders';
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
import type { FakeContext } from './context';
import { addMetadata, placeOfRange } from './metadata';
import type { ProtectionData, SheetModel } from './model';
import { FakeProtection } from './protection';
import { checkedRect, fail, registerRange } from './range-lookup';
import { FakeRichTextValue } from './rich-text';
import { FakeSheet } from './sheet';

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

export class FakeRange {
  readonly #ctx: FakeContext;
  readonly #sheet: SheetModel;
  readonly #rect: Rect;

  constructor(ctx: FakeContext, sheet: SheetModel, rect: Rect) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#rect = rect;
    registerRange(this, { sheet, rect });
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
    delete cell.link;
    if (result.value !== undefined) cell.value = result.value;
    if (result.formula !== undefined) cell.formula = result.formula;
    if (result.numberFormat !== undefined && cell.numberFormat === undefined)
      cell.numberFormat = result.numberFormat;
  }

  #setFormulaIn(cell: Cell, input: unknown, row: number, column: number): void {
    if (typeof input === 'string' && input.startsWith('=')) {
      delete cell.value;
      delete cell.link;
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
  /** Metadata on this whole column or row (Sheets refuses any other range); it moves with it. */
  addDeveloperMetadata(key: string, value?: string): FakeRange {
    this.#count('addDeveloperMetadata');
    addMetadata(this.#sheet, key, value, placeOfRange(this.#sheet, this.#rect));
    return this;
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
  getRichTextValue(): FakeRichTextValue {
    this.#count('getRichTextValue');
    return this.#richText(this.#rect.row, this.#rect.column);
  }
  getRichTextValues(): FakeRichTextValue[][] {
    this.#count('getRichTextValues');
    return this.#map((_c, row, column) => this.#richText(row, column));
  }
  #richText(row: number, column: number): FakeRichTextValue {
    return new FakeRichTextValue(this.#display(row, column), this.#sheet.cell(row, column)?.link ?? null);
  }
  /** Stores the text literally (as Sheets does for rich text) with its link. */
  setRichTextValue(value: FakeRichTextValue): FakeRange {
    this.#count('setRichTextValue');
    this.#writeEach(this.#fill(value), (cell) => {
      delete cell.formula;
      delete cell.link;
      const text = value.getText();
      interpretInput(text, '@', this.#ctx.model.timeZone, rectA1(this.#rect));
      if (text === '') delete cell.value;
      else cell.value = text;
      const link = value.getLinkUrl();
      if (link) cell.link = link;
    });
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
    this.#count('setBorder');
    // As in Sheets, top/left/bottom/right are the range's outer edges and vertical/horizontal
    // the lines between its cells: each cell stores the edges it ends up with.
    const { numRows, numColumns } = this.#rect;
    const borders = Array.from({ length: numRows }, (_, r) =>
      Array.from(
        { length: numColumns },
        (_, c): BorderData => ({
          top: r === 0 ? top : horizontal,
          bottom: r === numRows - 1 ? bottom : horizontal,
          left: c === 0 ? left : vertical,
          right: c === numColumns - 1 ? right : vertical,
          vertical,
          horizontal,
          color: normalizeColor(color ?? null) ?? null,
          style: style === undefined || style === null ? null : String(style),
        }),
      ),
    );
    return this.#setProp('border', borders, (v) => ({ ...(v as BorderData) }));
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
    const touched = this.#sheet.merges.filter((m) => overlaps(m, this.#rect));
    if (touched.some((m) => !contains(this.#rect, m))) {
      fail('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.#sheet.merges = this.#sheet.merges.filter((m) => !touched.includes(m));
    this.#sheet.merges.push({ ...this.#rect });
    this.#ctx.model.touch();
    return this;
  }
  mergeAcross(): FakeRange {
    this.#count('mergeAcross');
    const touched = this.#sheet.merges.filter((m) => overlaps(m, this.#rect));
    if (touched.some((m) => !contains(this.#rect, m))) {
      fail('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.#sheet.merges = this.#sheet.merges.filter((m) => !touched.includes(m));
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

/** True when `inner` lies wholly inside `outer`. */
function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/**
 * Range.clear / Sheet.clear: contents and formats unless the options narrow it (as in Apps Script).
 * The fake has no comments, so `commentsOnly` clears nothing; `notesOnly` is Sheet.clearNotes.
 */
export function clearCells(
  sheet: SheetModel,
  rect: Rect,
  options: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
    notesOnly?: boolean;
  } = {},
): void {
  const narrowed =
    options.contentsOnly ||
    options.formatOnly ||
    options.validationsOnly ||
    options.commentsOnly ||
    options.notesOnly;
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
      if (options.notesOnly) delete cell.note;
      sheet.tidy(r, c);
    }
  }
}
