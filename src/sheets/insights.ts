/**
 * createInsights: the sidebar's "Analyse" step. Writes onto our Insights tab, top to bottom in the
 * first columns (within the first screen of a laptop with the sidebar open), an A/B test block
 * (input cells and an AB_TEST formula), MICRO_IMPACT over the user's data, a weekly FUNNEL_TREND
 * and, under it, a line chart of its conversion. Everything is a live formula, so the tab follows
 * the data. The data is read first, as FUNNEL reads it: a report, an empty Data tab or steps the
 * data lacks stop the run before anything is written (the sidebar asks for steps the data has).
 *
 * The tab is ours as every tab we make is (tab-registry.ts: a developer-metadata tag, so a copy of
 * the file keeps it): a user's own tab named "Insights" is never written to (ours becomes
 * "Insights (MCF)"); on a second run ours is updated in place, the numbers the user typed into the
 * A/B inputs are kept, and only the cells that hold our labels and formulas are written.
 */
import { UserError, withUserErrors } from '../core/errors';
import { missingSteps } from '../core/insights/missing-steps';
import { MS_PER_DAY } from '../core/table';
import { type DataKind, EVENT_ROWS_HOW } from '../core/table/data-kind';
import { cellInput, formulaString } from './cell-input';
import { upsertChart } from './charts';
import { sizeColumn } from './column-sizing';
import { dataReference, funnelExample, plannedSteps, readDataKind } from './data-description';
import { withDocumentLock } from './document-lock';
import { type Drawing, fingerprint, type Spill } from './drawing';
import { cellA1, columnLetters, ensureGrid } from './grid';
import {
  DROP_OFF_COLUMNS,
  DROP_OFF_SHARE_COLUMN,
  type DropOffBlock,
  insightsDropOff,
} from './insights-drop-off';
import { readState, saveState, Tabs } from './tab-registry';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface InsightsRequest {
  /** The data, as A1 notation with its tab: "Data!A1:D50000", "'My export'!A:D" or a tab name. */
  dataRange: string;
  macroEvent: string;
  /**
   * The funnel for the weekly trend; default: the planner's milestones (in phase order) then the
   * macro event, when the spreadsheet has a framework; else the macro event alone.
   */
  steps?: string[] | string;
  /** Conversion window for the trend, as FUNNEL takes it ("7d", "2h"); default none. */
  window?: string;
}

export interface InsightsResult {
  sheet: string;
  created: boolean;
  /** The formulas written, by what they compute. */
  formulas: { abTest: string; microImpact: string; funnelTrend: string };
}

export const INSIGHTS_PROPERTY = 'mcf.insights';
export const INSIGHTS_BASE_NAME = 'Insights';

/**
 * The fixed rows of the top (1-based): the A/B block and the impact block start where the first
 * versions put them, so the numbers a user typed into the A/B inputs stay beside their labels.
 */
export const TOP = {
  abTitleRow: 4,
  abInputRow: 5,
  abFormulaColumn: 4,
  /** AB_TEST's result: a header and ten metrics, two columns. */
  abRows: 11,
  impactTitleRow: 17,
  impactRow: 18,
} as const;

/** Spare rows under a spilling block, so a few more event names or weeks still fit. */
const SPARE_ROWS = 6;
const MIN_BLOCK_ROWS = 10;
/** The trend keeps room for ten years of weeks at most (past that, it spills on under its chart). */
const MAX_TREND_ROWS = 530;
/** The chart: 720 x 320 px, about 16 rows of 21 px, inside the first ~1000 px of columns. */
const CHART = { width: 720, height: 320, rows: 17 } as const;
/** MICRO_IMPACT's columns: event, did it, converted, rate with, rate without, lift, odds ratio, p, note. */
const IMPACT_COLUMNS = 9;

/** Where each block goes, sized for the data at hand (how many event names, how many weeks). */
export interface InsightsLayout {
  impactRows: number;
  trendTitleRow: number;
  trendRow: number;
  trendRows: number;
  chartRow: number;
  /** "Where they went" (DROP_OFF), under the chart; absent for a one-step funnel. */
  dropOff?: { titleRow: number; row: number; block: DropOffBlock };
  /** The first row free under the last block. */
  nextRow: number;
}

export function insightsLayout(
  eventNames: number,
  weeks: number,
  dropOffBlock?: DropOffBlock,
): InsightsLayout {
  // MICRO_IMPACT: a header and one row per event other than the macro.
  const impactRows = Math.max(MIN_BLOCK_ROWS, eventNames + SPARE_ROWS);
  const trendTitleRow = TOP.impactRow + impactRows + 1;
  const trendRow = trendTitleRow + 1;
  // FUNNEL_TREND: a header and one row per week from the first entry to the last.
  const trendRows = Math.min(MAX_TREND_ROWS, Math.max(MIN_BLOCK_ROWS, 1 + weeks + SPARE_ROWS));
  const chartRow = trendRow + trendRows + 1;
  const underChart = chartRow + CHART.rows + 1;
  const layout = { impactRows, trendTitleRow, trendRow, trendRows, chartRow, nextRow: underChart };
  if (!dropOffBlock) return layout;
  const dropOff = { titleRow: underChart, row: underChart + 1, block: dropOffBlock };
  return { ...layout, dropOff, nextRow: dropOff.row + dropOffBlock.rows + 1 };
}

/** The weeks (from Monday) the data's times can touch: whole weeks between, plus the two ends. */
function weeksSpanned(kind: Extract<DataKind, { kind: 'events' }>): number {
  return Math.floor((kind.last - kind.first) / (7 * MS_PER_DAY)) + 2;
}

const AB_LABELS = ['Conversions A', 'Visitors A', 'Conversions B', 'Visitors B', 'Confidence'];

/** Number formats for reading: rates and lifts as percentages, odds ratios 0.03, p-values 0.0020. */
const FORMAT = { percent: '0.0%', ratio: '0.00', pValue: '0.0000', z: '0.00' } as const;

/** AB_TEST's value column, row by row under its header (see core/insights/ab-test.ts). */
const AB_VALUE_FORMATS = [
  FORMAT.percent, // conversion rate A
  FORMAT.percent, // conversion rate B
  FORMAT.percent, // difference (B - A)
  FORMAT.percent, // relative uplift
  FORMAT.z,
  FORMAT.pValue,
  FORMAT.percent, // CI low
  FORMAT.percent, // CI high
];

/** MICRO_IMPACT's formatted columns (1-based within the block). */
const IMPACT_FORMATS: ReadonlyArray<[column: number, format: string]> = [
  [4, FORMAT.percent],
  [5, FORMAT.percent],
  [6, FORMAT.percent],
  [7, FORMAT.ratio],
  [8, FORMAT.pValue],
];

/**
 * Column widths in pixels: the first 1000 px hold every block and the chart (a 1366-px window with
 * the 300-px sidebar open, less the row numbers). Column A is sized to its longest text (labels,
 * the data's event names, week dates) within bounds; headers wrap, so the number columns stay
 * narrow; the Note column takes what is left.
 */
const SCREEN_WIDTH = 1000;
const MIDDLE_WIDTHS = [90, 90, 160, 90, 75, 80, 90]; // B to H
const FIRST_COLUMN = { min: 140, max: 230 } as const;
const NOTE_MIN_WIDTH = 90;
const COLUMN_COUNT = 1 + MIDDLE_WIDTHS.length + 1;

export function columnWidths(firstColumnTexts: readonly string[]): number[] {
  // The text widths of the other tabs' rule (Arial); past the maximum, the names are cut, not wrapped.
  const first = sizeColumn(
    firstColumnTexts.map((text) => ({ text })),
    FIRST_COLUMN,
  ).width;
  const middle = MIDDLE_WIDTHS.reduce((a, b) => a + b, 0);
  return [first, ...MIDDLE_WIDTHS, Math.max(NOTE_MIN_WIDTH, SCREEN_WIDTH - first - middle)];
}

/** The tab's id as the first versions kept it (before tabs carried tags). */
function legacySheetId(): number | undefined {
  try {
    const raw: unknown = JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(INSIGHTS_PROPERTY) ?? '{}',
    );
    const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).sheetId : undefined;
    return typeof id === 'number' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The request's fields, checked: they come from the sidebar (or a script) as plain JSON. */
export function readRequest(request: unknown): Required<Pick<InsightsRequest, 'dataRange' | 'macroEvent'>> & {
  steps: string[];
  window: string;
} {
  if (typeof request !== 'object' || request === null) {
    throw new UserError(
      'createInsights needs { dataRange, macroEvent }, e.g. { dataRange: "Data!A:D", macroEvent: "purchase" }.',
    );
  }
  const r = request as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const dataRange = text(r.dataRange);
  const macroEvent = text(r.macroEvent);
  if (dataRange === '')
    throw new UserError('Pick the data range: the exported rows with their header row, e.g. Data!A1:D50000.');
  if (macroEvent === '') throw new UserError('Pick the macro conversion event, e.g. purchase.');
  const rawSteps = Array.isArray(r.steps) ? r.steps.map(text) : text(r.steps).split(',');
  const steps = rawSteps.map((s) => s.trim()).filter((s) => s !== '');
  return { dataRange, macroEvent, steps, window: text(r.window) };
}

const NOTHING_WRITTEN = 'Nothing was written.';

/**
 * Stops the run, before anything is written, when the data cannot give insights: a report (totals
 * per name: the trend and the impact need one row per event) or a table of checkbox columns (no
 * times), nothing pasted yet, rows that cannot be read, or a step or macro event the data never
 * has (the trend would be zeros).
 */
function refuseUnusableData(kind: DataKind, range: string, macroEvent: string, steps: string[]): void {
  if (kind.kind === 'report') {
    const example = funnelExample(kind, range, steps);
    throw new UserError(
      `Analyse needs event rows, but ${range} holds a report (${kind.columns}): one total per name, ` +
        `not one row per event. ${EVENT_ROWS_HOW} On a report, FUNNEL works, without a window` +
        `${example ? `: ${example}` : ''}. ${NOTHING_WRITTEN}`,
    );
  }
  if (kind.kind === 'checkboxes') {
    throw new UserError(
      `Analyse needs event rows, but ${range} holds one row per lead or session with TRUE/FALSE columns ` +
        `(${kind.columns}), not one row per event. ${EVENT_ROWS_HOW} On such a table, FUNNEL works, without a ` +
        `window: ${funnelExample(kind, range, steps)}. ${NOTHING_WRITTEN}`,
    );
  }
  if (kind.kind === 'empty') {
    throw new UserError(
      `${range} holds no data yet: paste event rows there first, header row included. ${EVENT_ROWS_HOW} ${NOTHING_WRITTEN}`,
    );
  }
  if (kind.kind === 'unreadable') {
    throw new UserError(`Analyse cannot read ${range}: ${kind.message} ${NOTHING_WRITTEN}`);
  }
  const macro = missingSteps([macroEvent], kind.names);
  if (macro.length) {
    throw new UserError(
      `The macro event "${macroEvent}" is not in the data: ${macro[0]!.note}. Pick the macro event ` +
        `from the data's events. ${NOTHING_WRITTEN}`,
    );
  }
  const missing = missingSteps(steps, kind.names);
  if (missing.length) {
    const notes = missing.map((m) => `${m.step}: ${m.note}`).join('; ');
    throw new UserError(
      `The funnel's steps are not all in the data (${notes}). Pick the steps from the data's events ` +
        `(the Analyse step lists them), then run Analyse again. ${NOTHING_WRITTEN}`,
    );
  }
}

/** The three formulas, as Sheets' formula text (English separators, as Apps Script writes them). */
export function insightsFormulas(data: string, macroEvent: string, steps: string[], window: string) {
  const inputs = AB_LABELS.map((_, i) => `${columnLetters(2)}${TOP.abInputRow + i}`);
  const counts = inputs.slice(0, 4);
  return {
    abTest:
      `=IF(COUNT(${counts.join(',')})<4,"Type the four counts in ${counts[0]}:${counts[3]}",` +
      `AB_TEST(${inputs.join(',')}))`,
    microImpact: `=MICRO_IMPACT(${data},${formulaString(macroEvent)})`,
    funnelTrend: `=FUNNEL_TREND(${data},{${steps.map(formulaString).join(',')}},${formulaString(window)},"week")`,
  };
}

export function createInsights(request: unknown): InsightsResult {
  return withUserErrors('createInsights', () => {
    const { dataRange, macroEvent, steps: given, window } = readRequest(request);
    const steps = given.length ? given : plannedSteps(macroEvent);
    return withDocumentLock('Insights run', () => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const data = dataReference(spreadsheet, dataRange);
      const kind = readDataKind(spreadsheet, data);
      refuseUnusableData(kind, data, macroEvent, steps);
      const events = kind as Extract<DataKind, { kind: 'events' }>;
      const layout = insightsLayout(
        events.names.length,
        weeksSpanned(events),
        insightsDropOff(data, steps, window),
      );
      const state = readState();
      const legacy = legacySheetId();
      if (state.sheets.insights === undefined && legacy !== undefined) state.sheets.insights = legacy;
      const tabs = new Tabs(spreadsheet, state);
      const existing = tabs.find('insights');
      const created = !existing;
      const formulas = insightsFormulas(data, macroEvent, steps, window);
      const cells = ourCells(layout, data, macroEvent, steps, formulas);
      const spills = spillsOf(layout, steps.length);
      const previous = tabs.record('insights').drawing;
      // Checked before anything is written: a cell of the user's where ours go stops the run.
      if (existing) refuseCellsInTheWay(existing, cells, previous);
      const sheet = tabs.ensure('insights');
      saveState(tabs.state);
      ensureGrid(sheet, layout.nextRow, Math.max(COLUMN_COUNT, steps.length + 3));
      if (existing && previous) clearMovedCells(sheet, cells, previous);
      writeTab(sheet, cells, layout, steps.length, columnWidths([...AB_LABELS, ...events.names]));
      const chartId = drawTrendChart(sheet, layout, steps.length, tabs.record('insights').chartId);
      tabs.saveRecord({
        role: 'insights',
        drawing: recordOf(cells, spills),
        ...(chartId !== undefined ? { chartId } : {}),
      });
      spreadsheet.toast(`Insights written on the ${sheet.getName()} tab.`, 'Micro Conversions');
      return { sheet: sheet.getName(), created, formulas };
    });
  });
}

/** A cell Analyse writes: a label (text) or one of its formulas, and how it looks. */
interface OurCell {
  row: number;
  column: number;
  text?: string;
  formula?: string;
  style?: 'title' | 'about' | 'heading';
}

/** Every cell Analyse writes (the A/B inputs in column B are the user's, not listed). */
function ourCells(
  layout: InsightsLayout,
  data: string,
  macroEvent: string,
  steps: string[],
  formulas: ReturnType<typeof insightsFormulas>,
): OurCell[] {
  return [
    { row: 1, column: 1, text: 'Insights', style: 'title' },
    {
      row: 2,
      column: 1,
      text: `Data: ${data} · macro conversion: ${macroEvent} · live formulas: they follow the data.`,
      style: 'about',
    },
    { row: TOP.abTitleRow, column: 1, text: 'A/B test (type your counts)', style: 'heading' },
    ...AB_LABELS.map((text, i): OurCell => ({ row: TOP.abInputRow + i, column: 1, text })),
    { row: TOP.abInputRow, column: TOP.abFormulaColumn, formula: formulas.abTest },
    {
      row: TOP.impactTitleRow,
      column: 1,
      text: `Which micro conversions lead to ${macroEvent} (MICRO_IMPACT)`,
      style: 'heading',
    },
    { row: TOP.impactRow, column: 1, formula: formulas.microImpact },
    {
      row: layout.trendTitleRow,
      column: 1,
      text: `Weekly funnel trend (FUNNEL_TREND): ${steps.join(' → ')}`,
      style: 'heading',
    },
    { row: layout.trendRow, column: 1, formula: formulas.funnelTrend },
    ...(layout.dropOff
      ? [
          {
            row: layout.dropOff.titleRow,
            column: 1,
            text: layout.dropOff.block.label,
            style: 'heading' as const,
          },
          { row: layout.dropOff.row, column: 1, formula: layout.dropOff.block.formula },
        ]
      : []),
  ];
}

/** The rectangles our formulas' results fill, as reserved for this data. */
function spillsOf(layout: InsightsLayout, stepCount: number): Spill[] {
  return [
    { row: TOP.abInputRow, column: TOP.abFormulaColumn, rows: TOP.abRows, columns: 2 },
    { row: TOP.impactRow, column: 1, rows: layout.impactRows, columns: IMPACT_COLUMNS },
    { row: layout.trendRow, column: 1, rows: layout.trendRows, columns: stepCount + 3 },
    ...(layout.dropOff
      ? [{ row: layout.dropOff.row, column: 1, rows: layout.dropOff.block.rows, columns: DROP_OFF_COLUMNS }]
      : []),
  ];
}

const printOf = (cell: OurCell) => fingerprint(cell.formula ?? cell.text ?? '', '');

/** What we wrote, by row and column, so the next run knows these cells as ours. */
function recordOf(cells: OurCell[], spills: Spill[]): Drawing {
  const height = Math.max(...cells.map((cell) => cell.row));
  const rows: Record<string, string>[] = Array.from({ length: height }, () => ({}));
  for (const cell of cells) rows[cell.row - 1]![cell.column] = printOf(cell);
  const width = Math.max(...cells.map((cell) => cell.column));
  return { rows, width, spills };
}

/** True when (row, column) lies in one of the spills: what shows there is our formula's result. */
function inSpill(spills: readonly Spill[], row: number, column: number): boolean {
  return spills.some(
    (s) => row >= s.row && row < s.row + s.rows && column >= s.column && column < s.column + s.columns,
  );
}

/**
 * Stops the run when a cell of the user's (a value, formula or note we did not write) sits where
 * one of ours goes. A cell holding what we wrote there last time, or inside the result of one of
 * our formulas, is ours. Without a record (a tab from before records were kept) our cells are ours.
 */
function refuseCellsInTheWay(sheet: Sheet, cells: OurCell[], previous: Drawing | undefined): void {
  if (!previous) return;
  const rows = Math.min(Math.max(...cells.map((cell) => cell.row)), sheet.getMaxRows());
  const columns = Math.min(Math.max(...cells.map((cell) => cell.column)), sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const inTheWay = cells.filter((cell) => {
    if (cell.row > rows || cell.column > columns) return false;
    const value = values[cell.row - 1]![cell.column - 1];
    const formula = formulas[cell.row - 1]![cell.column - 1]!;
    const note = notes[cell.row - 1]![cell.column - 1]!;
    const print = fingerprint(value, formula);
    if (note !== '') return true;
    if (print === '' || print === printOf(cell) || print === previous.rows[cell.row - 1]?.[cell.column])
      return false;
    return !(formula === '' && inSpill(previous.spills, cell.row, cell.column));
  });
  if (inTheWay.length > 0) throw new UserError(cellsInTheWay(sheet.getName(), inTheWay));
}

/** The message when the user's cells hold places Analyse writes to. */
export function cellsInTheWay(tab: string, cells: { row: number; column: number }[]): string {
  const a1 = cells.map((cell) => cellA1(cell.row, cell.column)).join(', ');
  return `Analyse writes its labels and formulas on the ${tab} tab at ${a1}, and ${cells.length === 1 ? 'that cell holds' : 'those cells hold'} something of yours. Move ${cells.length === 1 ? 'it' : 'them'} elsewhere (or delete the ${tab} tab to start afresh), then run Analyse again. ${NOTHING_WRITTEN}`;
}

/**
 * Empties the cells we wrote last time that this layout puts elsewhere (the trend moves when the
 * data has more event names), while they still hold exactly what we wrote.
 */
function clearMovedCells(sheet: Sheet, cells: OurCell[], previous: Drawing): void {
  const now = new Set(cells.map((cell) => `${cell.row}:${cell.column}`));
  previous.rows.forEach((row, r) => {
    for (const [column, print] of Object.entries(row)) {
      if (now.has(`${r + 1}:${column}`)) continue;
      const range = sheet.getRange(r + 1, Number(column));
      if (fingerprint(range.getValue(), range.getFormula()) === print) range.clearContent();
    }
  });
}

function writeTab(
  sheet: Sheet,
  cells: OurCell[],
  layout: InsightsLayout,
  stepCount: number,
  widths: number[],
): void {
  // Read before our formulas are written, so what the user typed there keeps its format.
  const formats = numberFormats(sheet, layout, stepCount);
  for (const cell of cells) {
    const range = sheet.getRange(cell.row, cell.column);
    if (cell.formula !== undefined) range.setFormula(cell.formula);
    else range.setValue(cellInput(cell.text ?? '', ''));
    if (cell.style === 'title') range.setFontWeight('bold').setFontSize(14);
    if (cell.style === 'about') range.setFontStyle('italic').setFontColor('#5f6368');
    if (cell.style === 'heading') range.setFontWeight('bold');
  }
  // The confidence defaults to 95% until the user types their own; a formula is theirs even when
  // it shows nothing (its value reads as '').
  const confidence = sheet.getRange(TOP.abInputRow + 4, 2);
  if (confidence.getFormula() === '' && confidence.getValue() === '')
    confidence.setValue(0.95).setNumberFormat('0%');
  for (const [a1, format] of formats) sheet.getRange(a1).setNumberFormat(format);

  // The results' header rows and Note columns wrap; the rest stays on one line.
  sheet.getRange(TOP.impactRow, 1, 1, IMPACT_COLUMNS).setWrap(true).setFontWeight('bold');
  sheet.getRange(TOP.impactRow + 1, IMPACT_COLUMNS, layout.impactRows - 1, 1).setWrap(true);
  sheet
    .getRange(layout.trendRow, 1, 1, stepCount + 3)
    .setWrap(true)
    .setFontWeight('bold');
  sheet.getRange(layout.trendRow + 1, stepCount + 3, layout.trendRows - 1, 1).setWrap(true);
  sheet.getRange(TOP.abInputRow, TOP.abFormulaColumn, 1, 2).setFontWeight('bold');
  if (layout.dropOff) {
    const { row, block } = layout.dropOff;
    sheet.getRange(row, 1, 1, DROP_OFF_COLUMNS).setFontWeight('bold');
    // "drop-offs before add_payment_info" and the event names are longer than column B is wide.
    sheet.getRange(row + 1, 2, block.rows - 1, 1).setWrap(true);
  }
  widths.forEach((width, i) => {
    sheet.setColumnWidth(i + 1, width);
  });
}

/**
 * The number formats of our results' cells, as [A1 run, format], only where the cells are empty:
 * AB_TEST's value column row by row, MICRO_IMPACT's rates, lift, odds ratio and p-value, and the
 * trend's conversion.
 */
function numberFormats(sheet: Sheet, layout: InsightsLayout, stepCount: number): [string, string][] {
  const body = (row: number, rows: number, column: number) => sheet.getRange(row + 1, column, rows - 1, 1);
  const abValues = sheet.getRange(TOP.abInputRow + 1, TOP.abFormulaColumn + 1, AB_VALUE_FORMATS.length, 1);
  const abEmpty = isEmptyCell(abValues);
  const formats: [string, string][] = AB_VALUE_FORMATS.flatMap((format, i): [string, string][] =>
    abEmpty[i] ? [[cellA1(TOP.abInputRow + 1 + i, TOP.abFormulaColumn + 1), format]] : [],
  );
  for (const [column, format] of IMPACT_FORMATS) {
    for (const run of emptyRuns(body(TOP.impactRow, layout.impactRows, column))) formats.push([run, format]);
  }
  for (const run of emptyRuns(body(layout.trendRow, layout.trendRows, stepCount + 2)))
    formats.push([run, FORMAT.percent]);
  if (layout.dropOff) {
    for (const run of emptyRuns(body(layout.dropOff.row, layout.dropOff.block.rows, DROP_OFF_SHARE_COLUMN)))
      formats.push([run, FORMAT.percent]);
  }
  return formats;
}

/** Per row of a one-column range, whether the cell holds no value and no formula. */
function isEmptyCell(range: Range): boolean[] {
  const values = range.getValues();
  const formulas = range.getFormulas();
  return values.map((row, r) => row[0] === '' && formulas[r]![0] === '');
}

/** The range's cells that hold no value or formula, as A1 runs down each column. */
function emptyRuns(range: Range): string[] {
  const values = range.getValues();
  const formulas = range.getFormulas();
  const [top, left] = [range.getRow(), range.getColumn()];
  const runs: string[] = [];
  for (let c = 0; c < range.getNumColumns(); c++) {
    let start = -1;
    for (let r = 0; r <= values.length; r++) {
      const empty = r < values.length && values[r]![c] === '' && formulas[r]![c] === '';
      if (empty && start < 0) start = r;
      if (!empty && start >= 0) {
        runs.push(`${cellA1(top + start, left + c)}:${cellA1(top + r - 1, left + c)}`);
        start = -1;
      }
    }
  }
  return runs;
}

/** A line chart of the weekly conversion, under the trend in the first columns; ours is found by its id. */
function drawTrendChart(
  sheet: Sheet,
  layout: InsightsLayout,
  stepCount: number,
  chartId: number | undefined,
): number | undefined {
  const periods = sheet.getRange(layout.trendRow, 1, layout.trendRows, 1);
  const conversion = sheet.getRange(layout.trendRow, stepCount + 2, layout.trendRows, 1);
  return upsertChart(sheet, chartId, (builder) =>
    builder
      .setChartType(Charts.ChartType.LINE)
      .addRange(periods)
      .addRange(conversion)
      .setNumHeaders(1)
      .setPosition(layout.chartRow, 1, 0, 0)
      .setOption('title', 'Weekly conversion, first step to last')
      .setOption('legend', { position: 'none' })
      .setOption('vAxis', { format: 'percent' })
      .setOption('width', CHART.width)
      .setOption('height', CHART.height),
  );
}
