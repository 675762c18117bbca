/**
 * The Funnel tab: a FUNNEL formula over the Data tab whose steps are the milestones' events in
 * phase order, ending with the macro's event, and a bar chart of its counts. FUNNEL spills a
 * header row and one row per step (label, count, share of first, share of previous, drop-off,
 * drop-off share, notes) from the formula's cell: the view keeps those cells free and formats its
 * share columns as percentages. The formula may move down past the user's cells, so the
 * Dashboard reads step k relative to the row where it landed.
 */
import { formulaString, sheetRef } from './cell-input';
import { upsertChart } from './charts';
import type { TabRecord } from './tab-registry';
import { drawView, type View, type ViewCell } from './view-writer';

/** The view's row of the formula; its header row is this row, step k (0-based) is the next row + k. */
export const FUNNEL_ROW = 4;
export const FUNNEL_WIDTH = 7;
/** FUNNEL's columns (1-based) the Dashboard reads; the share columns are percentages. */
export const SHARE_OF_FIRST_COLUMN = 3;
export const SHARE_OF_PREVIOUS_COLUMN = 4;
/** FUNNEL's last column: its header says when the counts are a report's (see REPORT_NOTES_HEADER). */
export const NOTES_COLUMN = FUNNEL_WIDTH;
const DROP_OFF_SHARE_COLUMN = 6;
const PERCENT_COLUMNS = [SHARE_OF_FIRST_COLUMN, SHARE_OF_PREVIOUS_COLUMN, DROP_OFF_SHARE_COLUMN];

/** The sheet row of step `index` (0-based) when the formula sits on sheet row `formulaRow`. */
export function stepRow(index: number, formulaRow = FUNNEL_ROW): number {
  return formulaRow + 1 + index;
}

/** `=FUNNEL('Data'!A:C, {"view_item","add_to_cart","purchase"})`: steps as a row of text literals. */
export function funnelFormula(dataSheet: string, dataColumns: string, steps: readonly string[]): string {
  return `=FUNNEL(${sheetRef(dataSheet)}!${dataColumns}, {${steps.map(formulaString).join(',')}})`;
}

export function funnelView(dataSheet: string, dataColumns: string, steps: readonly string[]): View {
  const title: ViewCell = { text: 'Conversion funnel', bold: true, size: 14 };
  const about: ViewCell = {
    text:
      steps.length > 0
        ? `Steps: ${steps.join(' → ')}. Paste your analytics export on the ${dataSheet} tab; this table and the chart update by themselves.`
        : 'No steps yet: give the milestones and the macro conversion event names, then run the planner again.',
    italic: true,
    color: '#5f6368',
  };
  if (steps.length === 0) return { cells: [[title], [about]], merges: [], columnWidth: 130 };
  const formula: ViewCell = { formula: funnelFormula(dataSheet, dataColumns, steps) };
  const stepCells = steps.map(() =>
    Array.from(
      { length: FUNNEL_WIDTH },
      (_, c): ViewCell => (PERCENT_COLUMNS.includes(c + 1) ? { format: '0.0%' } : {}),
    ),
  );
  return {
    cells: [[title], [about], [], [formula], ...stepCells],
    merges: [],
    columnWidth: 130,
    spills: [{ row: FUNNEL_ROW, column: 1, rows: steps.length + 1, columns: FUNNEL_WIDTH }],
  };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The bar chart of the step counts, next to the table (the header row included); returns its id. */
export function drawFunnelChart(
  sheet: Sheet,
  stepCount: number,
  formulaRow: number,
  chartId: number | undefined,
): number | undefined {
  if (stepCount === 0) return chartId;
  const data = sheet.getRange(formulaRow, 1, stepCount + 1, 2);
  return upsertChart(sheet, chartId, (builder) =>
    builder
      .setChartType(Charts.ChartType.BAR)
      .addRange(data)
      .setNumHeaders(1)
      .setPosition(formulaRow, FUNNEL_WIDTH + 2, 0, 0)
      .setOption('title', 'Funnel: users at each step')
      .setOption('legend', { position: 'none' }),
  );
}

/** Draws the whole Funnel tab: the view, its chart; returns its record and where the formula landed. */
export function drawFunnelTab(
  sheet: Sheet,
  tab: string,
  data: { sheet: string; columns: string },
  steps: readonly string[],
  previous: TabRecord,
): { record: TabRecord; formulaRow: number; notes: string[] } {
  const drawn = drawView(sheet, funnelView(data.sheet, data.columns, steps), previous.drawing, tab);
  const formulaRow = drawn.rowOf(FUNNEL_ROW);
  const chartId = drawFunnelChart(sheet, steps.length, formulaRow, previous.chartId);
  return {
    record: { role: 'funnel', drawing: drawn.drawing, ...(chartId !== undefined ? { chartId } : {}) },
    formulaRow,
    notes: drawn.notes,
  };
}
