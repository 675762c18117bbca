/**
 * Spreadsheet: the workbook, its sheets, named ranges and selection, counted as
 * `Spreadsheet.method`. Every view (Spreadsheet, Sheet, Range...) counts itself first, which
 * also enforces the auth mode, then works on the model directly, so the fake's own work is
 * never counted. The other views are re-exported here for one import place.
 */
import type { FakeContext } from './context';
import type { SheetModel } from './model';
import { checkNamedRangeName, FakeNamedRange, FakeProtection } from './protection';
import { FakeRange } from './range';
import { activeRange, activeSheet, fail, rangeFromA1, refOf } from './range-lookup';
import { FakeSheet } from './sheet';

export { FakeNamedRange, FakeProtection } from './protection';
export { FakeRange } from './range';
export { activeRange, rangeFromA1, refOf } from './range-lookup';
export { FakeSheet } from './sheet';

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
