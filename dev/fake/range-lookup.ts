/**
 * Finding ranges: the sheet and rectangle behind a Range object, getRange's coordinate checks
 * (with Apps Script's messages), A1 lookups across sheets, and the active sheet and range.
 */
import { parseRangeA1, type Rect, splitSheetName } from './a1';
import type { FakeContext } from './context';
import type { RangeRef, SheetModel } from './model';
import { FakeRange } from './range';

const rangeRefs = new WeakMap<object, RangeRef>();

/** Called by each new Range, so builders and protections can find what it points at. */
export function registerRange(range: object, ref: RangeRef): void {
  rangeRefs.set(range, ref);
}

/** The sheet and rectangle behind a Range made by this fake. */
export function refOf(range: unknown): RangeRef {
  const ref = typeof range === 'object' && range !== null ? rangeRefs.get(range) : undefined;
  if (!ref) throw new Error('Expected a Range of this spreadsheet (from getRange).');
  return ref;
}

export function fail(message: string): never {
  throw new Error(message);
}

/** Checks getRange's coordinates with Apps Script's messages. */
export function checkedRect(
  sheet: SheetModel,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): Rect {
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

export function rectFromA1(sheet: SheetModel, a1: string): Rect {
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

export function activeSheet(ctx: FakeContext): SheetModel {
  const model = ctx.model;
  if (!model.activeSheet || !model.sheets.includes(model.activeSheet)) model.activeSheet = model.sheets[0];
  return model.activeSheet!;
}

/** Apps Script's checks on a 2-D array written to a range. */
/** The selected range, or A1 of the active sheet when nothing is selected there. */
export function activeRange(ctx: FakeContext): FakeRange {
  const sheet = activeSheet(ctx);
  const ref = ctx.model.activeRange;
  if (ref && ref.sheet === sheet && ctx.model.sheets.includes(ref.sheet)) {
    return new FakeRange(ctx, ref.sheet, { ...ref.rect });
  }
  return new FakeRange(ctx, sheet, { row: 1, column: 1, numRows: 1, numColumns: 1 });
}
