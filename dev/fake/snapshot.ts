/**
 * snapshot(spreadsheet): the whole workbook as plain JSON, for equality checks ("identical after a
 * second run") and for the playground's GET /api/workbook. Grids cover every row and column that
 * holds anything (content, format, note, validation); Dates become ISO strings.
 */
import { quoteSheetName, rectA1 } from './a1';
import { type BorderData, type Cell, DEFAULTS, displayValue, isDate, type ValidationData } from './cells';
import type { RangeRef, SheetModel, WorkbookModel } from './model';

export interface ChartSnapshot {
  id: string;
  type: string;
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface ConditionalRuleSnapshot {
  criteria: string;
  values: unknown[];
  ranges: string[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

export interface ProtectionSnapshot {
  type: 'SHEET' | 'RANGE';
  range: string;
  description: string;
  warningOnly: boolean;
  unprotected: string[];
}

export type PlainValue = string | number | boolean;

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  hiddenGridlines: boolean;
  /** Widths and heights that differ from the default (100 and 21 px), by 1-based position. */
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  values: PlainValue[][];
  displayValues: string[][];
  formulas: string[][];
  numberFormats: string[][];
  notes: string[][];
  fontWeights: string[][];
  fontColors: string[][];
  fontSizes: number[][];
  fontStyles: string[][];
  fontFamilies: string[][];
  fontLines: string[][];
  backgrounds: string[][];
  horizontalAlignments: string[][];
  verticalAlignments: string[][];
  wraps: boolean[][];
  wrapStrategies: string[][];
  validations: (ValidationData | null)[][];
  borders: (BorderData | null)[][];
  merges: string[];
  charts: ChartSnapshot[];
  conditionalFormatRules: ConditionalRuleSnapshot[];
  protections: ProtectionSnapshot[];
}

export interface WorkbookSnapshot {
  id: string;
  name: string;
  timeZone: string;
  activeSheet: string;
  namedRanges: { name: string; range: string }[];
  sheets: SheetSnapshot[];
}

function a1(ref: RangeRef): string {
  return `${quoteSheetName(ref.sheet.name)}!${rectA1(ref.rect)}`;
}

function plain(value: unknown): PlainValue {
  if (isDate(value)) return value.toISOString();
  return value as PlainValue;
}

/** The per-cell grids of a snapshot, filled in one pass over the used extent. */
type CellGrids = Pick<
  SheetSnapshot,
  | 'values'
  | 'displayValues'
  | 'formulas'
  | 'numberFormats'
  | 'notes'
  | 'fontWeights'
  | 'fontColors'
  | 'fontSizes'
  | 'fontStyles'
  | 'fontFamilies'
  | 'fontLines'
  | 'backgrounds'
  | 'horizontalAlignments'
  | 'verticalAlignments'
  | 'wraps'
  | 'wrapStrategies'
  | 'validations'
  | 'borders'
>;

function cellGrids(model: WorkbookModel, sheet: SheetModel): CellGrids {
  const { rows, columns } = sheet.usedExtent();
  const grids: CellGrids = {
    values: [],
    displayValues: [],
    formulas: [],
    numberFormats: [],
    notes: [],
    fontWeights: [],
    fontColors: [],
    fontSizes: [],
    fontStyles: [],
    fontFamilies: [],
    fontLines: [],
    backgrounds: [],
    horizontalAlignments: [],
    verticalAlignments: [],
    wraps: [],
    wrapStrategies: [],
    validations: [],
    borders: [],
  };
  const lines = Object.values(grids) as unknown[][][];
  for (let r = 1; r <= rows; r++) {
    for (const grid of lines) grid.push([]);
    const at = r - 1;
    for (let c = 1; c <= columns; c++) {
      const cell: Cell | undefined = sheet.cell(r, c);
      const value = model.valueAt(sheet, r, c);
      grids.values[at]!.push(plain(value));
      grids.displayValues[at]!.push(displayValue(value, cell?.numberFormat, model.timeZone));
      grids.formulas[at]!.push(cell?.formula ?? '');
      grids.numberFormats[at]!.push(cell?.numberFormat ?? DEFAULTS.numberFormat);
      grids.notes[at]!.push(cell?.note ?? '');
      grids.fontWeights[at]!.push(cell?.fontWeight ?? DEFAULTS.fontWeight);
      grids.fontColors[at]!.push(cell?.fontColor ?? DEFAULTS.fontColor);
      grids.fontSizes[at]!.push(cell?.fontSize ?? DEFAULTS.fontSize);
      grids.fontStyles[at]!.push(cell?.fontStyle ?? DEFAULTS.fontStyle);
      grids.fontFamilies[at]!.push(cell?.fontFamily ?? DEFAULTS.fontFamily);
      grids.fontLines[at]!.push(cell?.fontLine ?? DEFAULTS.fontLine);
      grids.backgrounds[at]!.push(cell?.background ?? DEFAULTS.background);
      grids.horizontalAlignments[at]!.push(cell?.horizontalAlignment ?? DEFAULTS.horizontalAlignment);
      grids.verticalAlignments[at]!.push(cell?.verticalAlignment ?? DEFAULTS.verticalAlignment);
      grids.wraps[at]!.push(cell?.wrap ?? DEFAULTS.wrap);
      grids.wrapStrategies[at]!.push(cell?.wrapStrategy ?? DEFAULTS.wrapStrategy);
      // Rule data is frozen and shared by the cells of one write: safe to hand out as is.
      grids.validations[at]!.push(cell?.validation ?? null);
      grids.borders[at]!.push(cell?.border ? { ...cell.border } : null);
    }
  }
  return grids;
}

function sheetSnapshot(model: WorkbookModel, sheet: SheetModel, index: number): SheetSnapshot {
  return {
    name: sheet.name,
    sheetId: sheet.id,
    index: index + 1,
    hidden: sheet.hidden,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    hiddenGridlines: sheet.hiddenGridlines,
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v]),
    ),
    rowHeights: Object.fromEntries(
      [...sheet.rowHeights].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v]),
    ),
    ...cellGrids(model, sheet),
    merges: sheet.merges.map((m) => rectA1(m)),
    charts: sheet.charts.map((c) => ({
      id: c.id,
      type: c.type,
      ranges: c.ranges.map(a1),
      position: { ...c.position },
      options: structuredClone(c.options),
    })),
    conditionalFormatRules: sheet.conditionalRules.map((r) => ({
      criteria: r.criteria,
      values: structuredClone(r.values),
      ranges: r.ranges.map(a1),
      background: r.background,
      fontColor: r.fontColor,
      bold: r.bold,
      italic: r.italic,
    })),
    protections: sheet.protections.map((p) => ({
      type: p.type,
      range: a1(p.ref),
      description: p.description,
      warningOnly: p.warningOnly,
      unprotected: p.unprotected.map(a1),
    })),
  };
}

export function snapshotModel(model: WorkbookModel): WorkbookSnapshot {
  return {
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    activeSheet: (model.activeSheet ?? model.sheets[0])?.name ?? '',
    namedRanges: model.namedRanges
      .map((n) => ({ name: n.name, range: a1(n.ref) }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    sheets: model.sheets.map((s, i) => sheetSnapshot(model, s, i)),
  };
}
